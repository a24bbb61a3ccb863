"""Training the learned scorer (extraction/scorer.py) from annotated sets: `kg train-scorer`.

Each set is a gold file and the papers it annotates. The papers are extracted by the rules alone
(the configured pipeline without ``kg_scorer``); each entity gets its features from
``records.scored_entities`` and its label from the evaluator's own matching (1 when a gold entity
of the same paper shares a name or alias with it, whatever the type).

The threshold is chosen by leave-one-set-out cross-validation: each set's entities are scored by
a model fitted on the other sets, and the threshold that maximises the mean F1 of core, Method and
typed over all the sets is kept. The weights written are then fitted on all the sets.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from spacy.language import Language

from kg.model import PaperRecord
from pipelines.extraction.resources import DATA_DIR
from pipelines.extraction.scorer import ScorerWeights, fit

__all__ = ["TrainingSet", "load_splits", "train"]

ROOT = Path(__file__).resolve().parent.parent
# The measures the threshold is chosen for: their F1s are averaged.
TARGETS = (("group", "core (merged)"), ("type", "Method"), ("overall", "typed"))
STEPS = tuple(round(0.05 * i, 2) for i in range(13))  # 0 (keep all) to 0.6
# A threshold must beat the lower ones by more than this mean F1 to be chosen: a few entities
# either way over hundreds of papers is noise, and dropping nothing is the safer default.
TOLERANCE = 0.0005
# The fit's settings for the bundled weights (`kg train-scorer` passes its own options, defaulting to these).
L2 = 3.0
MIN_COUNT = 3


@dataclass
class TrainingSet:
    """A gold file and the papers it annotates."""

    name: str
    gold: Path
    papers: Path


@dataclass
class _Extracted:
    """One set extracted by the rules: its records, and per entity its features and label."""

    gold: list[PaperRecord]
    records: list[PaperRecord]
    features: list[list[list[str] | None]] = field(default_factory=list)
    labels: list[list[bool] | None] = field(default_factory=list)  # None: a paper the gold lacks


def load_splits(path: str | Path, half: str) -> list[TrainingSet]:
    """The sets of one half of a splits file, ``{"train": [{"name", "gold", "papers"}, ...], ...}``,
    whose paths are relative to the file's folder."""
    path = Path(path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    halves = [k for k, v in raw.items() if isinstance(v, list)]
    if half not in halves:
        raise ValueError(f"{path} has no half {half!r}; it has {', '.join(halves)}")
    return [TrainingSet(s["name"], path.parent / s["gold"], path.parent / s["papers"]) for s in raw[half]]


def rules_pipeline(config: str | Path | None = None) -> Language:
    """The configured pipeline without the scorer: the rules whose outputs are the features."""
    from pipelines.extraction.pipeline import load_pipeline

    return load_pipeline(str(config) if config else None, exclude=("kg_scorer",))


def _extract(training_set: TrainingSet, nlp: Language) -> _Extracted:
    from kg.api import read
    from pipelines.evaluation import load_records, matched_predictions
    from pipelines.extraction.pipeline import pipeline_catalogue
    from pipelines.extraction.records import scored_entities

    known = pipeline_catalogue(nlp)
    done = _Extracted(load_records(training_set.gold), [])
    papers = ((paper.text, paper) for paper in read([training_set.papers]))
    for doc, paper in nlp.pipe(papers, as_tuples=True):
        scored = scored_entities(doc, paper, known)
        done.records.append(PaperRecord(paper, [e for e, _ in scored]))
        done.features.append([f for _, f in scored])
    done.labels = matched_predictions(done.gold, done.records)
    return done


def _rows(sets: list[_Extracted]) -> tuple[list[list[str]], list[int]]:
    """Every scored entity of the papers the gold holds, as (features, label)."""
    rows, labels = [], []
    for extracted in sets:
        for features, flags in zip(extracted.features, extracted.labels, strict=True):
            if flags is None:
                continue
            for f, label in zip(features, flags, strict=True):
                if f is not None:
                    rows.append(f)
                    labels.append(int(label))
    return rows, labels


def _sweep(sets: list[_Extracted], models: list[ScorerWeights]) -> list[dict[str, Any]]:
    """Scores of all the sets together when each set's entities carry its model's probability as
    confidence and those under each threshold step are dropped (affiliations always kept)."""
    from pipelines.evaluation import by_confidence

    gold, pred = [], []
    for extracted, model in zip(sets, models, strict=True):
        gold += extracted.gold
        for record, features in zip(extracted.records, extracted.features, strict=True):
            entities = []
            for entity, f in zip(record.entities, features, strict=True):
                entities.append(replace(entity, confidence=1.0 if f is None else model.probability(f)))
            pred.append(PaperRecord(record.paper, entities))
    rows = by_confidence(gold, pred, STEPS, TARGETS)
    for row in rows:
        row["mean"] = sum(row[name]["f1"] for _, name in TARGETS) / len(TARGETS)
    return rows


def _catalogue_version() -> str | None:
    readme = DATA_DIR / "README.md"
    for line in readme.read_text(encoding="utf-8").splitlines() if readme.exists() else ():
        if line.startswith("catalogue version:"):
            return line.partition(":")[2].strip()
    return None


def _commit() -> str | None:
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return done.stdout.strip() or None


def _cross_validated_threshold(
    extracted: list[_Extracted], l2: float = L2, min_count: int = MIN_COUNT
) -> tuple[float, list[dict[str, Any]]]:
    """The lowest threshold within ``TOLERANCE`` of the best mean F1 when each set is scored by a
    model fitted on the others, and the sweep it was read from; 0 (keep all) with a single set."""
    if len(extracted) < 2:
        return 0.0, []
    folds = [fit(*_rows(extracted[:i] + extracted[i + 1 :]), l2=l2, min_count=min_count) for i in range(len(extracted))]
    sweep = _sweep(extracted, folds)
    top = max(row["mean"] for row in sweep)
    return next(row["min_confidence"] for row in sweep if row["mean"] >= top - TOLERANCE), sweep


def train(
    sets: list[TrainingSet], config: str | Path | None = None, l2: float = L2, min_count: int = MIN_COUNT
) -> ScorerWeights:
    """Weights fitted on all ``sets``, with the lowest threshold within ``TOLERANCE`` of the best
    that leave-one-set-out cross-validation finds (at least two sets; with one, the threshold is
    0: keep all, calibrate only)."""
    nlp = rules_pipeline(config)
    extracted = [_extract(s, nlp) for s in sets]
    threshold, sweep = _cross_validated_threshold(extracted, l2, min_count)
    rows, labels = _rows(extracted)
    model = fit(rows, labels, l2=l2, min_count=min_count)
    model.threshold = threshold
    model.meta = {
        "trained_on": [s.name for s in sets],
        "pipeline_commit": _commit(),
        "catalogue_version": _catalogue_version(),
        "l2": l2,
        "min_count": min_count,
        "entities": len(rows),
        "marked_by_gold": sum(labels),
        "cross_validation": [
            {"threshold": row["min_confidence"], **{name: row[name]["f1"] for _, name in TARGETS}} for row in sweep
        ],
    }
    return model
