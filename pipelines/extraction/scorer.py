"""A learned keep-or-drop decision over the extracted entities, and their calibrated confidence.

The rules find names and decide their type and role; what they keep that the gold does not mark
is mostly known techniques named in passing (a catalogue's generic entries the gold marks in some
papers and not others) and one-off kinds of spurious spans. A logistic model over general features
of how each entity was found gives the probability that an annotator marks it: that probability
becomes the entity's confidence (so `kg build --min-confidence` reads a calibrated number), and
entities under the threshold are dropped.

Features are named strings, readable in `kg extract --explain`: the sources of the mentions, the
rules that typed and roled them, how often and where the entity is named, the words around its
first mention, its name's shape, and whether the catalogue knows it and as what. No feature is a
name or a catalogue id: per-name rates do not carry over to other papers (thirteenth session).

The features are the rules' outputs, so the weights must be retrained (`kg train-scorer`) after
the rules, the cues or the catalogue change; rule names are features too ("role_by=roles._pretrained_on"),
so renaming a rule, even in a pure refactor, needs retraining as well. The paper's own affiliations are never scored.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kg.model import ExtractedEntity
from pipelines.extraction.mention import Mention, ensure_extensions
from pipelines.extraction.resources import DATA_DIR, Catalogue, load_cues

__all__ = ["EntityScorer", "ScorerWeights", "entity_features", "fit", "group_features"]

DEFAULT_WEIGHTS = DATA_DIR / "scorer.json"
ADDED = "added_by_rule"  # an entity made from other entities ("OpenAI" of "OpenAI o1"), no mentions of its own
_SENTENCE_CUES = (("we", "self_words"), ("eval", "evaluate_words"), ("train", "train_words"))
_SENTENCE_CUES += (("background", "background_words"),)


@cache
def _cue_names_by_word() -> dict[str, tuple[str, ...]]:
    """For each word of the cue lists a mention's sentence is read for, the lists it is in."""
    cues = load_cues()
    names: dict[str, tuple[str, ...]] = {}
    for name, cue in _SENTENCE_CUES:
        for word in cues.extra.get(cue, ()):
            names[word] = (*names.get(word, ()), name)
    return names


def _bucket(n: int, top: int) -> str:
    return str(n) if n < top else f"{top}+"


def _word(doc: Doc, i: int) -> str:
    """The lowercased token at ``i``; "^" and "$" outside the doc, "\\n" for the title's end."""
    if i < 0:
        return "^"
    if i >= len(doc):
        return "$"
    return "\\n" if doc[i].is_space else doc[i].lower_


def _word_class(doc: Doc, i: int) -> str:
    """What kind of word stands at ``i``: a stop word or punctuation leaves a name whole; a
    content word before or after it ("structured dropout", "Transformer models") makes it part
    of a longer description."""
    if i < 0 or i >= len(doc) or doc[i].is_space:
        return "edge"
    token = doc[i]
    if token.is_punct or not token.text[:1].isalnum():
        return "punct"
    if token.is_stop:
        return "stop"
    if token.like_num:
        return "number"
    return "capital" if token.text[:1].isupper() else "word"


def _place(doc: Doc, m: Mention) -> str:
    """Where a mention stands: in the title, or in the first, middle or last third of the abstract."""
    title_end = doc._.kg_title_end or 0
    if m.end <= title_end:
        return "title"
    share = (m.start - title_end) / max(1, len(doc) - title_end)
    return ("early", "middle", "late")[min(2, int(share * 3))]


def _sentence_cues_of(doc: Doc) -> tuple[list[int], list[frozenset[str]]]:
    """Each sentence's start and the names of the cue lists its words hit, read in one pass."""
    cached = doc.user_data.get("kg_scorer_sentences")
    if cached is None:
        cue_names = _cue_names_by_word()
        starts: list[int] = []
        hits: list[set[str]] = []
        for token in doc:
            if token.i == 0 or token.is_sent_start:
                starts.append(token.i)
                hits.append(set())
            names = cue_names.get(token.lower_)
            if names:
                hits[-1].update(names)
        cached = doc.user_data["kg_scorer_sentences"] = (starts, [frozenset(h) for h in hits])
    return cached


def _sentence_features(doc: Doc, group: Sequence[Mention]) -> list[str]:
    """The cue lists hit by the words of the sentences the mentions stand in."""
    starts, hits = _sentence_cues_of(doc)
    names: set[str] = set()
    for m in group:
        names |= hits[max(0, bisect_right(starts, m.start) - 1)]
    return [f"sent={name}" for name in sorted(names)]


def group_features(doc: Doc, group: Sequence[Mention], typed: Mention, decider: Mention) -> list[str]:
    """What the mentions of one entity say about how it was found: their sources, the rules that
    typed and roled it (``typed`` and ``decider``, the mentions the entity took its type and role
    from: records.deciding_mentions), how often and where it is named, the words around its first
    mention, and the cue words of its sentences ("we", "evaluate", "train", background words)."""
    first = min(group, key=lambda m: m.start)
    title_end = doc._.kg_title_end or 0
    features = [f"mentions={_bucket(len(group), 4)}", *sorted({f"src={m.source}" for m in group})]
    features += [f"type_src={typed.type_source}", f"type_by={typed.type_by}", f"role_by={decider.role_by}"]
    features += [f"first={_place(doc, first)}", f"prev={_word(doc, first.start - 1)}", f"next={_word(doc, first.end)}"]
    before, after = _word_class(doc, first.start - 1), _word_class(doc, first.end)
    features += [f"before={before}", f"after={after}", f"around={before}|{after}"]
    if any(m.end <= title_end for m in group):
        features.append("in_title" if any(m.start >= title_end for m in group) else "title_only")
    if any(m.source == "abbreviation" or m.aliases for m in group):
        features.append("defined")  # written with its short or long form in brackets
    if any(m.own_type for m in group):
        features.append("own_type")
    if all(m.edition for m in group):
        features.append("edition")
    return features + _sentence_features(doc, group)


def _shape(name: str) -> str:
    letters = [c for c in name if c.isalpha()]
    if not letters or name == name.lower():
        return "lower"
    if all(c.isupper() for c in letters):
        return "caps"
    words = name.split()
    if any(any(c.isupper() for c in w[1:]) for w in words):
        return "mixed"  # "GPT-4o", "ResNet", "MuZero"
    return "title" if all(w[:1].isupper() for w in words if w[:1].isalpha()) else "some_capitals"


def entity_features(entity: ExtractedEntity, catalogue: Catalogue, others: Sequence[ExtractedEntity] = ()) -> list[str]:
    """What the final entity is: type, role, its name's shape and length, whether the catalogue
    knows it, as what, and as a lowercase textbook term or a paper's named contribution, and
    whether its name is a piece of the name of one of the paper's ``others``."""
    kind, role, shape = entity.type, entity.role, _shape(entity.name)
    own = f" {entity.name.lower()} "
    inside = any(own in f" {n.lower()} " for o in others if o is not entity for n in (o.name, *o.aliases))
    features = [f"type={kind}", f"role={role}", f"type_role={kind}|{role}", f"shape={shape}"]
    features += [f"type_shape={kind}|{shape}", f"words={_bucket(len(entity.name.split()), 4)}"]
    features += [f"aliases={_bucket(len(entity.aliases), 2)}"]
    if any(c.isdigit() for c in entity.name):
        features.append("digit")
    if "-" in entity.name:
        features.append("hyphen")
    entry = catalogue.lookup(entity.name)
    if entry is None:
        known = "none"
    else:
        known = "lowercase" if entry.name == entry.name.lower() else "named"
        features += [f"cat_type={entry.type}", "cat_paper" if entry.id else "cat_no_paper"]
        if entry.type != kind:
            features.append("cat_retyped")
    features += [f"cat={known}", f"type_cat={kind}|{known}", f"role_cat={role}|{known}"]
    if inside:
        features.append("inside_other")  # "Transformer" beside "Anomaly Transformer"
    return features


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


@dataclass
class ScorerWeights:
    """A logistic model over named features: ``bias`` plus the weights of the features present."""

    weights: dict[str, float]
    bias: float = 0.0
    threshold: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)

    def probability(self, features: Iterable[str]) -> float:
        return _sigmoid(self.bias + sum(self.weights.get(f, 0.0) for f in set(features)))

    def reasons(self, features: Iterable[str], top: int = 5) -> list[list[Any]]:
        """The features that moved the probability most, with their weights (for --explain)."""
        present = [(f, self.weights[f]) for f in dict.fromkeys(features) if f in self.weights]
        return [[f, round(w, 3)] for f, w in sorted(present, key=lambda fw: -abs(fw[1]))[:top]]

    @classmethod
    def load(cls, path: str | Path) -> ScorerWeights:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls(raw["weights"], raw["bias"], raw["threshold"], raw.get("meta", {}))

    def save(self, path: str | Path) -> None:
        data = {
            "meta": self.meta,
            "bias": round(self.bias, 6),
            "threshold": self.threshold,
            "weights": {f: round(w, 6) for f, w in sorted(self.weights.items())},
        }
        Path(path).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def fit(rows: Sequence[Sequence[str]], labels: Sequence[int], l2: float = 1.0, min_count: int = 3) -> ScorerWeights:
    """L2-regularised logistic regression by Newton's method (full batch, so deterministic), over
    the features seen in at least ``min_count`` rows; the bias is not regularised."""
    import numpy as np

    counts = Counter(f for row in rows for f in set(row))
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: i for i, f in enumerate(vocab)}
    x = np.zeros((len(rows), len(vocab) + 1))
    x[:, -1] = 1.0
    for r, row in enumerate(rows):
        for f in row:
            if f in index:
                x[r, index[f]] = 1.0
    y = np.asarray(labels, dtype=float)
    penalty = np.full(len(vocab) + 1, l2)
    penalty[-1] = 0.0
    w = np.zeros(len(vocab) + 1)
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return ScorerWeights({f: float(w[i]) for f, i in index.items()}, float(w[-1]))


class EntityScorer:
    """The pipeline's hook for the learned decision: it marks each doc with itself, and
    ``records.doc_to_entities`` hands it the assembled entities with their features."""

    def __init__(self, nlp: Language, name: str, weights_path: str, threshold: float | None) -> None:
        ensure_extensions()
        self.model = ScorerWeights.load(weights_path or DEFAULT_WEIGHTS)
        self.threshold = self.model.threshold if threshold is None else threshold

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_scorer = self
        return doc

    def decide(
        self, scored: Iterable[tuple[ExtractedEntity, list[str] | None]], explain: bool = False
    ) -> list[ExtractedEntity]:
        """The entities whose probability reaches the threshold, that probability their confidence;
        an entity without features (an affiliation) is kept as it is."""
        kept = []
        for entity, features in scored:
            if features is None:
                kept.append(entity)
                continue
            probability = self.model.probability(features)
            if probability < self.threshold:
                continue
            entity.confidence = probability
            if explain and entity.explain is not None:
                entity.explain["score"] = {
                    "probability": round(probability, 3),
                    "threshold": self.threshold,
                    "features": self.model.reasons(features),
                }
            kept.append(entity)
        return kept


@Language.factory(
    "kg_scorer",
    assigns=["doc._.kg_scorer"],
    requires=["doc._.kg_mentions"],
    default_config={"weights_path": "", "threshold": None},
)
def make_entity_scorer(nlp: Language, name: str, weights_path: str, threshold: float | None) -> EntityScorer:
    return EntityScorer(nlp, name, weights_path, threshold)
