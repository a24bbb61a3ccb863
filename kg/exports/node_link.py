"""Node-link JSON: the embedded store's own file, also read by D3 and networkx."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from kg.graph import KnowledgeGraph

__all__ = ["read_node_link", "write_node_link"]

FORMAT_VERSION = 1


def write_node_link(graph: KnowledgeGraph, path: Path) -> None:
    """Written item by item, one node or link per line: the whole document is never one string
    (on a 100k-paper graph that string alone took over a gigabyte)."""

    def line(item: dict) -> str:
        return json.dumps(item, ensure_ascii=False, sort_keys=True)

    # "multigraph": networkx.node_link_graph reads a file without the key as a MultiDiGraph.
    header = {"directed": True, "multigraph": False, "format": "kg-node-link", "version": FORMAT_VERSION}
    with path.open("w", encoding="utf-8") as f:
        f.write(line(header)[:-1] + ',\n "nodes": [')
        for i, n in enumerate(sorted(graph.nx)):
            f.write(("\n  " if i == 0 else ",\n  ") + line({"id": n, **graph.nx.nodes[n]}))
        f.write('\n ],\n "links": [')
        for i, (u, v) in enumerate(sorted(graph.nx.edges)):
            f.write(("\n  " if i == 0 else ",\n  ") + line({"source": u, "target": v, **graph.nx.edges[u, v]}))
        f.write("\n ]\n}\n")


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
