"""Extraction quality against a gold set: precision, recall and F1 per type, per role,
per core group, and for the pairs of `methods-sharing-benchmarks`.

Matching is per paper (by id, else by normalised title). A predicted entity matches a
gold one when any of their names or aliases are equal under :func:`kg.ids.match_key`
(case, spacing, hyphens and punctuation ignored); each gold entity is matched once.
Gold method pairs join papers by the gold's own names and aliases, never by the catalogue
the pipeline is tuned with.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.ids import match_key
from kg.model import ENTITY_TYPES, ROLES, PaperRecord

__all__ = [
    "CORE_GROUPS",
    "Score",
    "by_confidence",
    "compare",
    "errors",
    "evaluate",
    "load_records",
    "matched_predictions",
    "name_keys",
]

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


def name_keys(entity) -> set[str]:
    """The match keys of an entity's name and aliases: what two entities must share to match."""
    return {k for k in (match_key(entity.name), *map(match_key, entity.aliases)) if k}


def _pairs(gold: list, pred: list, same: Callable[[Any, Any], bool]) -> list[tuple[Any, Any]]:
    """Greedy one-to-one matching: exact name keys first, then alias overlaps."""
    used: set[int] = set()
    pairs = []
    for exact in (True, False):
        for g in list(gold):
            gk = match_key(g.name)
            for i, p in enumerate(pred):
                if i in used or not same(g, p):
                    continue
                hit = gk == match_key(p.name) if exact else bool(name_keys(g) & name_keys(p))
                if hit:
                    used.add(i)
                    pairs.append((g, p))
                    gold = [x for x in gold if x is not g]
                    break
    return pairs


def _error(paper: str, kind: str, g: Any, p: Any) -> dict[str, Any]:
    return {
        "paper": paper,
        "error": kind,
        "name": (g or p).name,
        "gold": f"{g.type}/{g.role}" if g else None,
        "predicted": f"{p.type}/{p.role}" if p else None,
    }


def _any(g: Any, p: Any) -> bool:
    """Names alone decide a match."""
    return True


def _match(gold: list, pred: list, same: Callable[[Any, Any], bool]) -> int:
    return len(_pairs(gold, pred, same))


def errors(gold: Iterable[PaperRecord], pred: Iterable[PaperRecord]) -> list[dict[str, Any]]:
    """Every disagreement, per gold paper: a gold entity nothing matches (``missed``), a
    prediction matching nothing (``spurious``), and a match typed or roled otherwise (``type``,
    ``role``). Names match as in :func:`evaluate`, whatever their types."""
    gold = list(gold)
    found_rows = []
    for record, found in zip(gold, _aligned(gold, list(pred)), strict=True):
        predicted = found.entities if found else []
        pairs = _pairs(record.entities, predicted, _any)
        matched_gold = {id(g) for g, _ in pairs}
        matched_pred = {id(p) for _, p in pairs}

        title = record.paper.title
        found_rows += [_error(title, "missed", g, None) for g in record.entities if id(g) not in matched_gold]
        found_rows += [_error(title, "spurious", None, p) for p in predicted if id(p) not in matched_pred]
        for g, p in pairs:
            if g.type != p.type:
                found_rows.append(_error(title, "type", g, p))
            elif g.role != p.role:
                found_rows.append(_error(title, "role", g, p))
    return found_rows


def matched_predictions(gold: Iterable[PaperRecord], pred: Iterable[PaperRecord]) -> list[list[bool] | None]:
    """For each predicted record, whether each of its entities matches a gold entity of the same
    paper, by name or alias as :func:`evaluate` matches them, whatever the types; None for a
    paper the gold does not hold. The labels the learned scorer is trained on."""
    gold, pred = list(gold), list(pred)
    flags: dict[int, list[bool]] = {}
    for record, found in zip(gold, _aligned(gold, pred), strict=True):
        if found is not None:
            hits = {id(p) for _, p in _pairs(record.entities, found.entities, _any)}
            flags[id(found)] = [id(e) in hits for e in found.entities]
    return [flags.get(id(r)) for r in pred]


def _paper_key(record: PaperRecord) -> str:
    return match_key(record.paper.title)


def _pair_set(records: list[PaperRecord], knowledge: bool = True) -> list[tuple[set[str], set[str]]]:
    """methods-sharing-benchmarks pairs, each side as its set of name keys.

    ``knowledge=False`` joins entities across papers by their own names and aliases only, not
    by the catalogue: how gold pairs are derived, so that what counts as one benchmark in the
    gold does not move when the catalogue does."""
    from pipelines.build import link_records
    from pipelines.extraction.resources import Catalogue
    from pipelines.resolution import Resolver
    from queries.methods_sharing_benchmarks import QUESTION

    resolver = Resolver() if knowledge else Resolver(Catalogue())
    graph = link_records([PaperRecord(r.paper, list(r.entities)) for r in records], resolver=resolver)
    keys_by_name = {d["name"]: set(d.get("keys", [])) for _, d in graph.entities()}
    rows = QUESTION.run_networkx(graph.nx, limit=10**9)
    return [(keys_by_name[r["method_a"]], keys_by_name[r["method_b"]]) for r in rows]


def _pair_score(gold: list[PaperRecord], pred: list[PaperRecord]) -> Score:
    gold_pairs, pred_pairs = _pair_set(gold, knowledge=False), _pair_set(pred)
    score = Score(gold=len(gold_pairs), predicted=len(pred_pairs))
    used: set[int] = set()
    for ga, gb in gold_pairs:
        for i, (pa, pb) in enumerate(pred_pairs):
            if i not in used and ((ga & pa and gb & pb) or (ga & pb and gb & pa)):
                used.add(i)
                score.matched += 1
                break
    return score


def _paper_scores(g_entities: list, p_entities: list) -> dict[tuple[str, str], Score]:
    """One paper's counts for every measure: the unit a bootstrap resamples."""
    scores: dict[tuple[str, str], Score] = {}

    def add(kind: str, name: str, g: list, p: list, same: Callable[[Any, Any], bool]) -> None:
        scores[kind, name] = Score(len(g), len(p), _match(g, p, same))

    for t in ENTITY_TYPES:
        add("type", t, [e for e in g_entities if e.type == t], [e for e in p_entities if e.type == t], _any)
    for role in ROLES:
        add("role", role, [e for e in g_entities if e.role == role], [e for e in p_entities if e.role == role], _any)
    for group, types in CORE_GROUPS.items():
        add(
            "group",
            group,
            [e for e in g_entities if e.type in types],
            [e for e in p_entities if e.type in types],
            _any,
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
    add("overall", "untyped", g_entities, p_entities, _any)
    return scores


def _per_paper(
    gold: list[PaperRecord], pred: list[PaperRecord]
) -> tuple[list[dict[tuple[str, str], Score]], list[PaperRecord]]:
    """Each gold paper's scores against its prediction, and the predictions that were found."""
    found = _aligned(gold, pred)
    per_paper = [_paper_scores(g.entities, p.entities if p else []) for g, p in zip(gold, found, strict=True)]
    return per_paper, [p for p in found if p]


def _aligned(gold: list[PaperRecord], pred: list[PaperRecord]) -> list[PaperRecord | None]:
    """The prediction for each gold paper, by id, else by normalised title; None if absent."""
    by_id = {r.paper.id: r for r in pred if r.paper.id}
    by_title = {_paper_key(r): r for r in pred}
    return [
        (by_id.get(record.paper.id) if record.paper.id else None) or by_title.get(_paper_key(record)) for record in gold
    ]


def evaluate(
    gold: Iterable[PaperRecord], pred: Iterable[PaperRecord], ci_samples: int = 0, seed: int = 0
) -> dict[str, Any]:
    """Scores by type, role and core group, overall, and for method pairs sharing benchmarks.

    With ``ci_samples``, every per-paper measure also gets ``f1_ci``: the 95% interval of its
    F1 over that many bootstrap resamples of the gold papers (the pairs, which span papers,
    get none). On sets of 45-85 papers the intervals are wide, often ±0.03-0.06: a change
    smaller than that is not shown to be real by one set.
    """
    gold = list(gold)
    per_paper, aligned_pred = _per_paper(gold, list(pred))
    measures = list(per_paper[0]) if per_paper else []
    result: dict[str, Any] = {kind: {} for kind in ("type", "role", "group", "overall")}
    for key in measures:
        result[key[0]][key[1]] = _total(per_paper, key).as_dict()
    if ci_samples and per_paper:
        picks = _resamples(len(per_paper), ci_samples, seed)
        low, high = _percentiles(_resampled_f1(per_paper, measures, picks))
        for i, key in enumerate(measures):
            result[key[0]][key[1]]["f1_ci"] = [round(low[i], 4), round(high[i], 4)]
    pairs = _pair_score(gold, aligned_pred)
    result["pairs"] = {"methods-sharing-benchmarks": pairs.as_dict()}
    result["papers"] = {"gold": len(gold), "matched": len(aligned_pred)}
    return result


def compare(
    gold: Iterable[PaperRecord],
    pred: Iterable[PaperRecord],
    baseline: Iterable[PaperRecord],
    samples: int = 1000,
    seed: int = 0,
) -> dict[str, Any]:
    """F1 of ``pred`` against ``baseline`` on the same gold papers, per measure, with the 95%
    interval of the difference from a paired bootstrap (both scored on the same resamples).
    An interval that excludes 0 says the change is more than the luck of which papers the
    set holds."""
    gold = list(gold)
    new, _ = _per_paper(gold, list(pred))
    old, _ = _per_paper(gold, list(baseline))
    measures = list(new[0]) if new else []
    picks = _resamples(len(gold), samples, seed)
    low, high = _percentiles(_resampled_f1(new, measures, picks) - _resampled_f1(old, measures, picks))
    result: dict[str, Any] = {kind: {} for kind in ("type", "role", "group", "overall")}
    for i, key in enumerate(measures):
        new_f1, old_f1 = _total(new, key).f1, _total(old, key).f1
        result[key[0]][key[1]] = {
            "baseline_f1": round(old_f1, 4),
            "f1": round(new_f1, 4),
            "delta": round(new_f1 - old_f1, 4),
            "delta_ci": [round(low[i], 4), round(high[i], 4)],
        }
    return result


CONFIDENCE_STEPS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
SWEPT_MEASURES = (("overall", "typed"), ("group", "core (merged)"), ("role", "proposed"), ("role", "evaluated_on"))


def by_confidence(
    gold: Iterable[PaperRecord],
    pred: Iterable[PaperRecord],
    steps: Iterable[float] = CONFIDENCE_STEPS,
    measures: Iterable[tuple[str, str]] = SWEPT_MEASURES,
) -> list[dict[str, Any]]:
    """Scores when predictions under each confidence are dropped, as `kg build --min-confidence`
    drops them: what a threshold costs in recall and buys in precision on annotated papers."""
    gold, pred, measures = list(gold), list(pred), tuple(measures)
    rows = []
    for step in steps:
        kept = [PaperRecord(r.paper, [e for e in r.entities if e.confidence >= step]) for r in pred]
        per_paper, found = _per_paper(gold, kept)
        row: dict[str, Any] = {"min_confidence": step, "kept": sum(len(r.entities) for r in found)}
        for key in measures:
            row[key[1]] = _total(per_paper, key).as_dict()
        rows.append(row)
    return rows


def _total(per_paper: list[dict[tuple[str, str], Score]], key: tuple[str, str]) -> Score:
    return Score(*(sum(getattr(s[key], f) for s in per_paper) for f in ("gold", "predicted", "matched")))


def _resamples(n: int, samples: int, seed: int) -> Any:
    import numpy as np

    return np.random.default_rng(seed).integers(0, n, size=(samples, n))


def _resampled_f1(per_paper: list[dict[tuple[str, str], Score]], measures: list[tuple[str, str]], picks: Any) -> Any:
    """F1 of every measure on every resample (rows of paper indices): counts are summed over
    the picked papers, with the same edge rules as :class:`Score`."""
    import numpy as np

    counts = np.array([[[s[k].gold, s[k].predicted, s[k].matched] for k in measures] for s in per_paper], dtype=float)
    sums = counts[np.asarray(picks)].sum(axis=1)  # resamples x measures x (gold, predicted, matched)
    g, p, m = sums[..., 0], sums[..., 1], sums[..., 2]
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(p > 0, m / p, np.where(g > 0, 0.0, 1.0))
        recall = np.where(g > 0, m / g, np.where(p > 0, 0.0, 1.0))
        return np.where(precision + recall > 0, 2 * precision * recall / (precision + recall), 0.0)


def _percentiles(values: Any) -> tuple[list[float], list[float]]:
    import numpy as np

    low, high = np.percentile(values, [2.5, 97.5], axis=0)
    return [float(x) for x in low], [float(x) for x in high]


def _group(entity_type: str) -> str:
    return next((g for g, types in CORE_GROUPS.items() if entity_type in types), entity_type)
