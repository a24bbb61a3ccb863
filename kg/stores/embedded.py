"""The embedded default: networkx in process, persisted as node-link JSON in the build folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.exports.node_link import read_node_link, write_node_link
from kg.graph import KnowledgeGraph
from kg.stores.base import GraphStore
from queries.base import Question

__all__ = ["GRAPH_FILE", "EmbeddedStore"]

GRAPH_FILE = "graph.json"


class EmbeddedStore(GraphStore):
    name = "embedded"

    def __init__(self, folder: str | Path = "kg-out") -> None:
        self.folder = Path(folder)
        self._graph: KnowledgeGraph | None = None

    @property
    def path(self) -> Path:
        return self.folder / GRAPH_FILE

    def exists(self) -> bool:
        return self.path.exists()

    def write(self, graph: KnowledgeGraph, add: bool = False) -> None:
        if add and self.exists():
            graph = KnowledgeGraph(self.read().nx.copy()).merge(graph)
        self.folder.mkdir(parents=True, exist_ok=True)
        write_node_link(graph, self.path)
        self._graph = graph

    def read(self) -> KnowledgeGraph:
        if self._graph is None:
            if not self.exists():
                raise KgError.no_graph(self.folder)
            self._graph = read_node_link(self.path)
        return self._graph

    def ask(self, question: Question, params: dict[str, Any]) -> list[dict[str, Any]]:
        return question.run_networkx(self.read().nx, **params)
