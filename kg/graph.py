"""The graph container: papers and entities as nodes, the paper's role towards each entity as an edge.

It wraps a :class:`networkx.DiGraph` whose node and edge attributes are plain JSON
values, so every store and export reads the same thing:

- paper node ``paper:<id>``: kind="Paper", title, date, url, authors_count, organizations, upvotes
- entity node ``entity:<slug>-<hash>``: kind="Entity", type, name, aliases, paper_count
- edge paper -> entity: role, confidence, evidence (list of {sentence, start, end})
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import networkx as nx

from kg.ids import paper_node_id
from kg.model import ROLE_STRENGTH, PaperRecord

__all__ = ["KnowledgeGraph"]


class KnowledgeGraph:
    def __init__(self, graph: nx.DiGraph | None = None) -> None:
        self.nx: nx.DiGraph = graph if graph is not None else nx.DiGraph()

    # -- building ---------------------------------------------------------------------------
    def add_paper(self, record: PaperRecord) -> str:
        meta = record.paper.metadata()
        node = paper_node_id(record.paper.id)
        attrs = {"kind": "Paper", "label": meta["title"], **{k: v for k, v in meta.items() if k != "id"}}
        attrs["paper_id"] = record.paper.id
        attrs["upvotes"] = record.paper.upvotes
        self.nx.add_node(node, **attrs)
        return node

    def link(
        self,
        paper: str,
        entity_id: str,
        entity: dict[str, Any],
        role: str,
        confidence: float,
        evidence: list[dict[str, Any]],
    ) -> None:
        """Add or strengthen the edge; the strongest role and highest confidence win, so
        adding the same record twice changes nothing."""
        if entity_id not in self.nx:
            self.nx.add_node(entity_id, kind="Entity", **entity)
        else:
            self.nx.nodes[entity_id].update(entity)
        if self.nx.has_edge(paper, entity_id):
            data = self.nx.edges[paper, entity_id]
            if ROLE_STRENGTH[role] > ROLE_STRENGTH[data["role"]]:
                data["role"] = role
            data["confidence"] = max(data["confidence"], confidence)
            known = {(e["start"], e["end"]) for e in data["evidence"]}
            data["evidence"] += [e for e in evidence if (e["start"], e["end"]) not in known]
        else:
            self.nx.add_edge(paper, entity_id, role=role, confidence=round(confidence, 3), evidence=evidence)

    def merge(self, other: KnowledgeGraph) -> KnowledgeGraph:
        """Add ``other``'s nodes and edges to this graph (same rules as :meth:`link`); returns self."""
        for node, data in other.nx.nodes(data=True):
            if node in self.nx:
                self.nx.nodes[node].update(data)
            else:
                self.nx.add_node(node, **data)
        for u, v, d in other.nx.edges(data=True):
            self.link(u, v, {}, d["role"], d["confidence"], list(d.get("evidence") or []))
        self.refresh_counts()
        return self

    def refresh_counts(self) -> None:
        for node, data in self.nx.nodes(data=True):
            if data.get("kind") == "Entity":
                data["paper_count"] = self.nx.in_degree(node)

    # -- reading ----------------------------------------------------------------------------
    def papers(self) -> Iterable[tuple[str, dict[str, Any]]]:
        return ((n, d) for n, d in self.nx.nodes(data=True) if d.get("kind") == "Paper")

    def entities(self, *types: str) -> Iterable[tuple[str, dict[str, Any]]]:
        return (
            (n, d)
            for n, d in self.nx.nodes(data=True)
            if d.get("kind") == "Entity" and (not types or d.get("type") in types)
        )

    def stats(self) -> dict[str, Any]:
        types = Counter(d["type"] for _, d in self.entities())
        roles = Counter(d["role"] for _, _, d in self.nx.edges(data=True))
        return {
            "papers": sum(1 for _ in self.papers()),
            "entities": sum(types.values()),
            "edges": self.nx.number_of_edges(),
            "entities_by_type": dict(sorted(types.items())),
            "edges_by_role": dict(sorted(roles.items())),
        }

    def filtered(self, min_confidence: float) -> KnowledgeGraph:
        """A copy without edges under ``min_confidence`` and without entities left unlinked."""
        g = self.nx.copy()
        g.remove_edges_from([(u, v) for u, v, d in g.edges(data=True) if d["confidence"] < min_confidence])
        g.remove_nodes_from([n for n, d in g.nodes(data=True) if d.get("kind") == "Entity" and g.in_degree(n) == 0])
        out = KnowledgeGraph(g)
        out.refresh_counts()
        return out
