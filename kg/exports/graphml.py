"""GraphML for Gephi, yEd and Cytoscape: list values are flattened, since GraphML holds scalars only."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.graph import KnowledgeGraph

__all__ = ["write_graphml"]


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return "; ".join(map(str, value))
    return value


def write_graphml(graph: KnowledgeGraph, path: Path) -> None:
    g = nx.DiGraph()
    for n in sorted(graph.nx):
        g.add_node(n, **{k: _scalar(v) for k, v in sorted(graph.nx.nodes[n].items())})
    for u, v in sorted(graph.nx.edges):
        g.add_edge(u, v, **{k: _scalar(x) for k, x in sorted(graph.nx.edges[u, v].items())})
    nx.write_graphml(g, path, encoding="utf-8", prettyprint=True)
