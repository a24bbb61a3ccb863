"""Extraction quality against a gold set: precision, recall and F1 per type, per role,
per core group, and for the pairs of `methods-sharing-benchmarks`.

Matching is per paper (by id, else by normalised title). A predicted entity matches a
gold one when any of their names or aliases are equal under :func:`kg.ids.match_key`
(case, spacing, hyphens and punctuation ignored); each gold entity is matched once.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.ids import match_key
from kg.model import ENTITY_TYPES, ROLES, PaperRecord

__all__ = ["CORE_GROUPS", "Score", "evaluate", "load_records"]

CORE_GROUPS: dict[str, tuple[str, ...]] = {
    "Method+Model": ("Method", "Model"),
    "Dataset+Benchmark": ("Dataset", "Benchmark"),
    "Organization": ("Organization",),
}


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else (1.0 if not self.predicted else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def load_records(path: str | Path) -> list[PaperRecord]:
    records = []
    for no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                records.append(PaperRecord.from_dict(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError) as e:
                raise ValueError(f"{path}:{no}: not an extraction record ({e})") from e
    return records


def _keys(entity) -> set[str]:
    return {k for k in (match_key(entity.name), *map(match_key, entity.aliases)) if k}


def _match(gold: list, pred: list, same: Callable[[Any, Any], bool]) -> int:
    """Greedy one-to-one matching: exact name keys first, then alias overlaps."""
    used: set[int] = set()
    matched = 0
    for exact in (True, False):
        for g in list(gold):
            gk = match_key(g.name)
            for i, p in enumerate(pred):
                if i in used or not same(g, p):
                    continue
                hit = gk == match_key(p.name) if exact else bool(_keys(g) & _keys(p))
                if hit:
                    used.add(i)
                    matched += 1
                    gold = [x for x in gold if x is not g]
                    break
    return matched


def _paper_key(record: PaperRecord) -> str:
    return match_key(record.paper.title)


def _pair_set(records: list[PaperRecord]) -> list[tuple[set[str], set[str]]]:
    """methods-sharing-benchmarks pairs, each side as its set of name keys."""
    from pipelines.build import link_records
    from queries.methods_sharing_benchmarks import QUESTION

    graph = link_records([PaperRecord(r.paper, list(r.entities)) for r in records])
    keys_by_name = {d["name"]: set(d.get("keys", [])) for _, d in graph.entities()}
    rows = QUESTION.run_networkx(graph.nx, limit=10**9)
    return [(keys_by_name[r["method_a"]], keys_by_name[r["method_b"]]) for r in rows]


def _pair_score(gold: list[PaperRecord], pred: list[PaperRecord]) -> Score:
    gold_pairs, pred_pairs = _pair_set(gold), _pair_set(pred)
    score = Score(gold=len(gold_pairs), predicted=len(pred_pairs))
    used: set[int] = set()
    for ga, gb in gold_pairs:
        for i, (pa, pb) in enumerate(pred_pairs):
            if i not in used and ((ga & pa and gb & pb) or (ga & pb and gb & pa)):
                used.add(i)
                score.matched += 1
                break
    return score


def evaluate(gold: Iterable[PaperRecord], pred: Iterable[PaperRecord]) -> dict[str, Any]:
    """Scores by type, role and core group, overall, and for method pairs sharing benchmarks."""
    gold = list(gold)
    pred = list(pred)
    by_id = {r.paper.id: r for r in pred if r.paper.id}
    by_title = {_paper_key(r): r for r in pred}
    buckets: dict[str, dict[str, Score]] = {"type": {}, "role": {}, "group": {}, "overall": {}}
    aligned_pred: list[PaperRecord] = []

    def add(kind: str, name: str, g: list, p: list, same: Callable[[Any, Any], bool]) -> None:
        s = buckets[kind].setdefault(name, Score())
        s.gold += len(g)
        s.predicted += len(p)
        s.matched += _match(g, p, same)

    for record in gold:
        found = (by_id.get(record.paper.id) if record.paper.id else None) or by_title.get(_paper_key(record))
        p_entities = found.entities if found else []
        if found:
            aligned_pred.append(found)
        g_entities = record.entities
        for t in ENTITY_TYPES:
            add(
                "type",
                t,
                [e for e in g_entities if e.type == t],
                [e for e in p_entities if e.type == t],
                lambda g, p: True,
            )
        for role in ROLES:
            add(
                "role",
                role,
                [e for e in g_entities if e.role == role],
                [e for e in p_entities if e.role == role],
                lambda g, p: True,
            )
        for group, types in CORE_GROUPS.items():
            add(
                "group",
                group,
                [e for e in g_entities if e.type in types],
                [e for e in p_entities if e.type in types],
                lambda g, p: True,
            )
        core = {t for types in CORE_GROUPS.values() for t in types}
        add(
            "group",
            "core (merged)",
            [e for e in g_entities if e.type in core],
            [e for e in p_entities if e.type in core],
            lambda g, p: _group(g.type) == _group(p.type),
        )
        add("overall", "typed", g_entities, p_entities, lambda g, p: g.type == p.type)
        add("overall", "untyped", g_entities, p_entities, lambda g, p: True)
    pairs = _pair_score(gold, aligned_pred)
    result = {kind: {name: s.as_dict() for name, s in scores.items()} for kind, scores in buckets.items()}
    result["pairs"] = {"methods-sharing-benchmarks": pairs.as_dict()}
    result["papers"] = {"gold": len(gold), "matched": len(aligned_pred)}
    return result


def _group(entity_type: str) -> str:
    return next((g for g, types in CORE_GROUPS.items() if entity_type in types), entity_type)
