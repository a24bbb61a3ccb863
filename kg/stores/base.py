"""The one small interface every store implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from kg.graph import KnowledgeGraph
from queries.base import Question

__all__ = ["GraphStore"]


class GraphStore(ABC):
    """Write a graph, read it back, answer a catalogue question."""

    name: ClassVar[str]

    @abstractmethod
    def write(self, graph: KnowledgeGraph, add: bool = False) -> None:
        """Store ``graph``; with ``add``, merge it into what is stored (idempotent either way)."""

    @abstractmethod
    def read(self) -> KnowledgeGraph: ...

    @abstractmethod
    def ask(self, question: Question, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Rows of ``question`` in its shared shape, with ``params`` bound as escaped values, never raw text."""

    def close(self) -> None:  # noqa: B027 - optional for stores without connections
        """Release connections."""
