"""What a question is: a description, its parameters, and one form per backend.

Every form returns rows of the same shape (a list of dicts with ``columns`` keys,
in a defined order), so one test can assert the backends agree.
"""

from __future__ import annotations

import weakref
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

__all__ = [
    "EVALUATION_TYPES",
    "METHOD_TYPES",
    "Param",
    "Question",
    "entity_by_name",
    "methods_proposed_by",
    "paper_by_ref",
]

# The groups questions talk about: "methods" include named models, "benchmarks" datasets.
METHOD_TYPES = ("Method", "Model")
EVALUATION_TYPES = ("Benchmark", "Dataset")


@dataclass(frozen=True)
class Param:
    name: str
    help: str
    type: type = str
    default: Any = None
    required: bool = False
    # The only values it takes, matched without regard to case ("method" is Method).
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Question:
    name: str
    description: str
    columns: tuple[str, ...]
    networkx: Callable[..., list[dict[str, Any]]]
    params: tuple[Param, ...] = ()
    cypher: str | None = None
    sparql: str | None = None
    # Turns raw backend rows into the final shape (sorting, limits): shared by all backends.
    finish: Callable[[list[dict[str, Any]], dict[str, Any]], list[dict[str, Any]]] | None = None
    examples: tuple[str, ...] = field(default_factory=tuple)
    # What an empty answer can mean, with the bound parameters filled in: the CLI says it
    # beside "(no rows)", so that a misspelt name does not read as an entity without links.
    when_empty: str | None = None

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Parameters with defaults filled in and types converted; a missing required one is an error."""
        bound = {}
        for p in self.params:
            value = given.get(p.name, p.default)
            if value is None and p.required:
                raise ValueError(f"question '{self.name}' needs the parameter '{p.name}': {p.help}")
            bound[p.name] = self._convert(p, value) if value is not None else None
        unknown = set(given) - {p.name for p in self.params}
        if unknown:
            raise ValueError(f"question '{self.name}' has no parameter {', '.join(sorted(unknown))}")
        return bound

    def _convert(self, p: Param, value: Any) -> Any:
        """``value`` as ``p.type``; every integer parameter is a count or a limit, so it is a whole
        number of 0 or more (a negative limit dropped rows on networkx and failed on Neo4j)."""
        try:
            converted = p.type(value)
        except (TypeError, ValueError):
            converted = None
        if converted is None or (p.type is int and (converted < 0 or converted != float(value))):
            kind = "a whole number of 0 or more" if p.type is int else f"a {p.type.__name__}"
            raise ValueError(f"question '{self.name}': '{p.name}' takes {kind}, got {value!r}")
        if p.choices:
            # An unknown value would match nothing and answer "no rows", as if the graph lacked it.
            chosen = {c.lower(): c for c in p.choices}.get(str(converted).lower())
            if chosen is None:
                raise ValueError(
                    f"question '{self.name}': '{p.name}' takes one of {', '.join(p.choices)}, got {value!r}"
                )
            return chosen
        return converted

    def run_networkx(self, graph: nx.DiGraph, **given: Any) -> list[dict[str, Any]]:
        params = self.bind(given)
        rows = self.networkx(graph, **params)
        return self.finish(rows, params) if self.finish else rows


def methods_proposed_by(graph: nx.DiGraph, papers: list[str]) -> set[str]:
    """Names of the methods and models that ``papers`` propose."""
    return {
        graph.nodes[m]["name"]
        for p in papers
        for _, m, e in graph.out_edges(p, data=True)
        if e["role"] == "proposed" and graph.nodes[m].get("type") in METHOD_TYPES
    }


# Per graph object: (node count when built, match key -> entity nodes). Questions that take a
# name would otherwise scan every node for each lookup (half a second at 100k papers); graphs
# grow by papers, so a changed node count means a stale index (counting edges costs as much
# as the scan).
_KEY_INDEX: weakref.WeakKeyDictionary[nx.DiGraph, tuple[int, dict[str, list[str]]]] = weakref.WeakKeyDictionary()


def _key_index(graph: nx.DiGraph) -> dict[str, list[str]]:
    size = graph.number_of_nodes()
    cached = _KEY_INDEX.get(graph)
    if cached is not None and cached[0] == size:
        return cached[1]
    index: dict[str, list[str]] = defaultdict(list)
    for n, d in graph.nodes(data=True):
        if d.get("kind") == "Entity":
            for key in d.get("keys", ()):
                index[key].append(n)
    _KEY_INDEX[graph] = (size, index)
    return index


def entity_by_name(graph: nx.DiGraph, name: str) -> str | None:
    """Entity node whose name or alias matches ``name`` (case, spacing, punctuation ignored);
    with several, the one in most papers."""
    from kg.ids import match_key

    hits = [(graph.nodes[n].get("paper_count", 0), n) for n in _key_index(graph).get(match_key(name), ())]
    return max(hits, key=lambda h: (h[0], [-ord(c) for c in h[1]]))[1] if hits else None


def paper_by_ref(graph: nx.DiGraph, ref: str) -> str | None:
    """Paper node by id (with or without the ``paper:`` prefix) or by exact title, case ignored."""
    for candidate in (ref, f"paper:{ref}"):
        if candidate in graph and graph.nodes[candidate].get("kind") == "Paper":
            return candidate
    lowered = ref.strip().lower()
    matches = sorted(n for n, d in graph.nodes(data=True) if d.get("kind") == "Paper" and d["title"].lower() == lowered)
    return matches[0] if matches else None
