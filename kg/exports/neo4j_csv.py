"""CSV files for ``neo4j-admin database import full``: one node file per label, one
relationship file per type, headers in the import tool's ``name:TYPE`` notation."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.schema import ENTITY_LABELS, RELATIONSHIP_TYPES

__all__ = ["write_neo4j_csv"]

_ARRAY_DELIMITER = "|"  # pass --array-delimiter="|" to the import tool


def _array(values: list[str]) -> str:
    return _ARRAY_DELIMITER.join(v.replace(_ARRAY_DELIMITER, "/") for v in values)


def write_neo4j_csv(graph: KnowledgeGraph, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.csv"):
        old.unlink()
    with (folder / "papers.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "id:ID",
                ":LABEL",
                "paper_id",
                "title",
                "date",
                "url",
                "authors_count:int",
                "organizations:string[]",
                "upvotes:int",
            ]
        )
        for node, d in sorted(graph.papers()):
            w.writerow(
                [
                    node,
                    "Paper",
                    d.get("paper_id", ""),
                    d.get("title", ""),
                    d.get("date") or "",
                    d.get("url") or "",
                    d.get("authors_count") if d.get("authors_count") is not None else "",
                    _array(d.get("organizations") or []),
                    d.get("upvotes") if d.get("upvotes") is not None else "",
                ]
            )
    for entity_type in ENTITY_LABELS:
        rows = sorted(graph.entities(entity_type))
        with (folder / f"entities_{entity_type.lower()}.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            # keys: the match keys questions look names up by, as the batched Neo4j load stores them.
            w.writerow(["id:ID", ":LABEL", "name", "type", "aliases:string[]", "keys:string[]", "paper_count:int"])
            for node, d in rows:
                w.writerow(
                    [
                        node,
                        # Several labels are split on the array delimiter too, not on ';'.
                        f"Entity{_ARRAY_DELIMITER}{entity_type}",
                        d["name"],
                        d["type"],
                        _array(d.get("aliases") or []),
                        _array(d.get("keys") or []),
                        d.get("paper_count", 0),
                    ]
                )
    by_type: dict[str, list] = {t: [] for t in RELATIONSHIP_TYPES.values()}
    for u, v in sorted(graph.nx.edges):
        d = graph.nx.edges[u, v]
        by_type[RELATIONSHIP_TYPES[d["role"]]].append((u, v, d))
    for rel_type, edges in by_type.items():
        with (folder / f"rel_{rel_type.lower()}.csv").open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow([":START_ID", ":END_ID", ":TYPE", "role", "confidence:float", "evidence"])
            for u, v, d in edges:
                w.writerow(
                    [
                        u,
                        v,
                        rel_type,
                        d["role"],
                        d["confidence"],
                        json.dumps(d.get("evidence") or [], ensure_ascii=False, sort_keys=True),
                    ]
                )
