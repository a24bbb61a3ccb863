"""Node-link JSON: the embedded store's own file, also read by D3 and networkx."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.graph import KnowledgeGraph

__all__ = ["read_node_link", "write_node_link"]

FORMAT_VERSION = 1


def write_node_link(graph: KnowledgeGraph, path: Path) -> None:
    nodes = [{"id": n, **graph.nx.nodes[n]} for n in sorted(graph.nx)]
    links = [{"source": u, "target": v, **graph.nx.edges[u, v]} for u, v in sorted(graph.nx.edges)]
    data = {"format": "kg-node-link", "version": FORMAT_VERSION, "directed": True, "nodes": nodes, "links": links}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def read_node_link(path: Path) -> KnowledgeGraph:
    data = json.loads(path.read_text(encoding="utf-8"))
    g = nx.DiGraph()
    for node in data["nodes"]:
        attrs = dict(node)
        g.add_node(attrs.pop("id"), **attrs)
    for link in data["links"]:
        attrs = dict(link)
        g.add_edge(attrs.pop("source"), attrs.pop("target"), **attrs)
    return KnowledgeGraph(g)
