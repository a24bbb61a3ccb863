"""Which part of the graph a picture shows: all of it, an overview within a node budget, or one
node's neighbourhood, after type and paper-count filters.

A hairball of thousands of nodes helps nobody, so a graph over the budget is cut down to its
most connected entities and the papers that link them; the caption says what was left out.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import networkx as nx

from kg.errors import KgError
from kg.graph import KnowledgeGraph
from kg.model import ENTITY_TYPES

__all__ = ["View", "find_nodes", "parse_types", "select_view"]

ViewKind = Literal["whole", "overview", "focus"]


@dataclass(frozen=True)
class View:
    """The subgraph to draw and a sentence saying how it was chosen."""

    graph: nx.DiGraph
    kind: ViewKind
    caption: str
    total_nodes: int
    total_edges: int
    centres: tuple[str, ...] = field(default=())


def parse_types(types: str | Iterable[str] | None) -> tuple[str, ...]:
    """Entity type names from ``"method, Benchmark"`` or a list, spelled as in the schema.

    >>> parse_types("benchmark,Method")
    ('Benchmark', 'Method')
    """
    if types is None:
        return ()
    items = types.split(",") if isinstance(types, str) else list(types)
    known = {t.casefold(): t for t in ENTITY_TYPES}
    out: list[str] = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        if item.casefold() not in known:
            raise KgError.unknown_type(item, ENTITY_TYPES)
        if known[item.casefold()] not in out:
            out.append(known[item.casefold()])
    return tuple(out)


def _names(data: dict[str, Any]) -> list[str]:
    names = [data.get("name"), data.get("title"), data.get("label"), data.get("paper_id")]
    names += list(data.get("aliases") or [])
    return [n for n in names if isinstance(n, str) and n]


def find_nodes(g: nx.DiGraph, name: str) -> tuple[str, ...]:
    """Nodes whose id, name, alias, title or paper id is ``name`` (ignoring case); all of them,
    since one name can be both a Method and a Model."""
    if name in g:
        return (name,)
    key = name.strip().casefold()
    found = tuple(sorted(n for n, d in g.nodes(data=True) if key in {x.casefold() for x in _names(d)}))
    if found:
        return found
    every = sorted({x for _, d in g.nodes(data=True) for x in _names(d)})
    close = difflib.get_close_matches(name, every, n=5, cutoff=0.6)
    raise KgError.nothing_named(name, close)


def paper_count(g: nx.DiGraph, node: str) -> int:
    count = g.nodes[node].get("paper_count")
    return int(count) if isinstance(count, int) else g.in_degree(node)


def _filtered(g: nx.DiGraph, types: Sequence[str], min_papers: int, keep: Iterable[str]) -> nx.DiGraph:
    """Entities of the wanted types with enough papers, and the papers still linked to one."""
    if not types and min_papers <= 0:
        return g
    keep = set(keep)
    entities = {
        n
        for n, d in g.nodes(data=True)
        if d.get("kind") == "Entity"
        and (n in keep or ((not types or d.get("type") in types) and paper_count(g, n) >= min_papers))
    }
    papers = {
        n
        for n, d in g.nodes(data=True)
        if d.get("kind") != "Entity" and (n in keep or any(m in entities for m in g.successors(n)))
    }
    return g.subgraph(entities | papers)


def _score(g: nx.DiGraph, node: str) -> int:
    """How connected a node is: an entity by its papers, a paper by its entities that other
    papers share (its one-paper entities connect nothing)."""
    if g.nodes[node].get("kind") == "Entity":
        return paper_count(g, node)
    return sum(1 for m in g.successors(node) if paper_count(g, m) >= 2)


def _within_budget(g: nx.DiGraph, ranked: Sequence[str], budget: int, centres: set[str]) -> set[str]:
    """The longest prefix of ``ranked`` whose linked nodes (plus the centres) fit the budget;
    nodes that would sit alone are left out rather than drawn as dust."""
    und = g.to_undirected(as_view=True)
    chosen: set[str] = set()
    shown: set[str] = set()
    for node in ranked:
        linked = [m for m in und[node] if m in chosen]
        new = {m for m in linked if m not in shown}
        if linked or node in centres:
            new.add(node)
        if len(shown) + len(new) > budget:
            break
        chosen.add(node)
        shown |= new
    return shown


def _copy_sorted(g: nx.DiGraph, nodes: Iterable[str]) -> nx.DiGraph:
    """A copy in sorted order, so the same graph always draws the same page."""
    keep = set(nodes)
    out = nx.DiGraph()
    for n in sorted(keep):
        out.add_node(n, **g.nodes[n])
    for u, v in sorted((u, v) for u, v in g.edges if u in keep and v in keep):
        out.add_edge(u, v, **g.edges[u, v])
    return out


def _describe_filters(types: Sequence[str], min_papers: int) -> str:
    parts = []
    if types:
        parts.append(f"types: {', '.join(types)}")
    if min_papers > 0:
        parts.append(f"entities in at least {min_papers} paper{'s' if min_papers != 1 else ''}")
    return f" ({'; '.join(parts)})" if parts else ""


def select_view(
    graph: KnowledgeGraph | nx.DiGraph,
    *,
    max_nodes: int = 500,
    focus: str | None = None,
    depth: int = 2,
    types: str | Iterable[str] | None = None,
    min_papers: int = 0,
) -> View:
    """Choose what to draw: the filtered graph, or ``focus``'s neighbourhood up to ``depth``
    links away; when that is over ``max_nodes``, its most connected part (nearest the focus first).

    >>> g = nx.DiGraph()
    >>> g.add_node("paper:a", kind="Paper", title="A")
    >>> g.add_node("entity:dpo", kind="Entity", type="Method", name="DPO", paper_count=1)
    >>> g.add_node("entity:mt", kind="Entity", type="Benchmark", name="MT-Bench", paper_count=1)
    >>> g.add_edges_from([("paper:a", "entity:dpo"), ("paper:a", "entity:mt")], role="used")
    >>> select_view(g).caption
    'All 3 nodes and 2 links'
    >>> sorted(select_view(g, types="Benchmark").graph)
    ['entity:mt', 'paper:a']
    """
    if max_nodes < 1:
        raise KgError.bad_option("--max-nodes", "at least 1", max_nodes)
    if depth < 0:
        raise KgError.bad_option("--depth", "0 or more", depth)
    g = graph.nx if isinstance(graph, KnowledgeGraph) else graph
    wanted = parse_types(types)
    centres = find_nodes(g, focus) if focus else ()
    candidate = _filtered(g, wanted, min_papers, keep=centres)
    filters = _describe_filters(wanted, min_papers)

    distance: dict[str, int] = {}
    if centres:
        distance = nx.multi_source_dijkstra_path_length(
            candidate.to_undirected(as_view=True), set(centres), cutoff=depth, weight=lambda *_: 1
        )
        candidate = candidate.subgraph(distance)
    n_nodes, n_edges = candidate.number_of_nodes(), candidate.number_of_edges()

    if n_nodes <= max_nodes:
        nodes: Iterable[str] = candidate.nodes
        kind: ViewKind = "focus" if centres else "whole"
    else:
        ranked = sorted(candidate, key=lambda n: (distance.get(n, 0), -_score(candidate, n), n))
        nodes = _within_budget(candidate, ranked, max_nodes, set(centres))
        kind = "focus" if centres else "overview"
    view = _copy_sorted(candidate, nodes)
    shown, links = view.number_of_nodes(), view.number_of_edges()

    if centres:
        names = " / ".join(sorted({str(g.nodes[c].get("name") or g.nodes[c].get("title") or c) for c in centres}))
        caption = f"Neighbourhood of {names} within {depth} link{'s' if depth != 1 else ''}{filters}: "
        caption += f"{shown} nodes and {links} links"
        if shown < n_nodes:
            caption += f", the nearest and most connected of {n_nodes}"
    elif kind == "overview":
        caption = (
            f"Overview{filters}: the {shown} most connected of {n_nodes} nodes, {links} of {n_edges} links; "
            "use --focus NAME, --types or --min-papers to see the rest"
        )
    else:
        caption = f"All {shown} nodes and {links} links{filters}"
    return View(view, kind, caption, g.number_of_nodes(), g.number_of_edges(), tuple(centres))
