"""Build orchestration: papers -> extraction -> resolution -> one :class:`KnowledgeGraph`.

Extraction streams (constant memory per paper); records are then small enough to
resolve all at once, which lets bare acronyms see every long form first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language

from kg.graph import KnowledgeGraph
from kg.ids import match_key, paper_node_id
from kg.model import Paper, PaperRecord
from pipelines.extraction import extract_records
from pipelines.resolution import Resolver

__all__ = ["build_graph", "link_records"]


def link_records(
    records: list[PaperRecord], graph: KnowledgeGraph | None = None, resolver: Resolver | None = None
) -> KnowledgeGraph:
    """Resolve the records' entities and add papers, entities and edges to ``graph``.

    With an existing graph, its entities seed the resolver, so new mentions of known
    things join the existing nodes under their existing ids.
    """
    graph = graph or KnowledgeGraph()
    resolver = resolver or Resolver()
    for node, data in graph.entities():
        resolver.seed(node, data["name"], data["type"], data.get("aliases", []))
    ids = resolver.resolve(records)
    for record, entity_ids in zip(records, ids, strict=True):
        paper = graph.add_paper(record)
        for entity, entity_id in zip(record.entities, entity_ids, strict=True):
            evidence = [{"sentence": ev.sentence, "start": ev.start, "end": ev.end} for ev in entity.evidence]
            graph.link(paper, entity_id, {}, entity.role, entity.confidence, evidence)
    touched = {i for row in ids for i in row}
    for entity_id in sorted(touched):
        resolved = resolver.entities[entity_id]
        graph.nx.nodes[entity_id].update(
            kind="Entity",
            label=resolved.name,
            name=resolved.name,
            type=resolved.type,
            aliases=resolved.all_aliases(),
            keys=sorted({match_key(x) for x in [resolved.name, *resolved.all_aliases()]} - {""}),
        )
    graph.refresh_counts()
    return graph


def build_graph(
    papers: Iterable[Paper],
    nlp: Language | None = None,
    graph: KnowledgeGraph | None = None,
    on_record: Callable[[PaperRecord], None] | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    config_path: str | None = None,
    catalogue: tuple[str, ...] = (),
) -> tuple[KnowledgeGraph, list[PaperRecord]]:
    """Extract, resolve and link ``papers``; with ``graph``, papers already in it are skipped."""
    known = set(graph.nx) if graph is not None else set()
    known_titles = {match_key(d["title"]) for _, d in graph.papers()} if graph is not None else set()
    fresh = (p for p in papers if paper_node_id(p.id) not in known and match_key(p.title) not in known_titles)
    records = []
    for record in extract_records(
        fresh, nlp, batch_size=batch_size, n_process=n_process, config_path=config_path, catalogue=catalogue
    ):
        records.append(record)
        if on_record is not None:
            on_record(record)
    return link_records(records, graph), records
