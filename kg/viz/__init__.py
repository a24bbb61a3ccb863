"""Interactive, offline HTML views of the knowledge graph (``kg viz``, and graph.html from ``kg build``).

:func:`select_view` chooses what to draw, :func:`write_view` writes one self-contained page.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from kg.graph import KnowledgeGraph
from kg.viz.page import render_page, view_data
from kg.viz.view import View, select_view

__all__ = ["View", "render_view", "select_view", "write_view"]


def render_view(view: View, graph: KnowledgeGraph | nx.DiGraph | None = None) -> str:
    """The page for ``view`` as text; ``graph`` (the whole graph) lists every paper of a node."""
    whole = graph.nx if isinstance(graph, KnowledgeGraph) else graph
    return render_page(view_data(view, whole if whole is not None else view.graph))


def write_view(
    graph: KnowledgeGraph | nx.DiGraph,
    path: str | Path,
    *,
    max_nodes: int = 500,
    focus: str | None = None,
    depth: int = 2,
    types: str | Iterable[str] | None = None,
    min_papers: int = 0,
) -> Path:
    """Write the interactive page for a view of ``graph`` (options as in :func:`select_view`);
    returns the path. The page needs no network and the same graph gives the same bytes."""
    view = select_view(graph, max_nodes=max_nodes, focus=focus, depth=depth, types=types, min_papers=min_papers)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_view(view, graph), encoding="utf-8")
    return path
