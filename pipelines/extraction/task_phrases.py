"""Named tasks: noun phrases that end in a task word ("text-to-video retrieval",
"zero-shot image captioning"), found in the title or repeated in the abstract.

Tasks are rarely capitalised, so the other components miss them; the catalogue
knows the common ones. A phrase is kept when it is the title's subject, or when the
abstract names it at least ``min_repeats`` times; at most ``max_per_paper`` are kept.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from kg.ids import match_key
from pipelines.extraction.mention import Mention, add_mention, ensure_extensions, mentions_of
from pipelines.extraction.resources import load_cues

__all__ = ["TaskPhraseFinder"]


class TaskPhraseFinder:
    def __init__(
        self, nlp: Language, name: str, max_modifiers: int, min_repeats: int, max_per_paper: int, confidence: float
    ) -> None:
        ensure_extensions()
        cues = load_cues()
        raw = cues.extra
        self.heads = frozenset(raw["task_heads"])
        self.strong_heads = frozenset(raw.get("task_heads_strong", ()))
        self.stop = frozenset(raw["task_modifier_stop"])
        self.max_modifiers = max_modifiers
        self.min_repeats = min_repeats
        self.max_per_paper = max_per_paper
        self.confidence = confidence

    def _phrases(self, doc: Doc) -> list[tuple[int, int]]:
        found = []
        for tok in doc:
            if tok.lower_ not in self.heads or (not tok.text.islower() and tok.i >= doc._.kg_title_end):
                continue
            start = tok.i
            while (
                start > 0
                and tok.i - start < self.max_modifiers
                and (doc[start - 1].is_alpha or "-" in doc[start - 1].text)
                and doc[start - 1].lower_ not in self.stop
                and not doc[start - 1].is_sent_start
                and (doc[start - 1].text.islower() or doc[start - 1].i < doc._.kg_title_end)
            ):
                start -= 1
            if start < tok.i:
                found.append((start, tok.i + 1))
        # "cloze tasks", "continuous control benchmark tasks": the words before "task(s)".
        for tok in doc:
            if tok.lower_ in ("task", "tasks") and tok.i > 0:
                end = tok.i - 1 if doc[tok.i - 1].lower_ == "benchmark" else tok.i
                start = end
                while (
                    start > 0
                    and end - start < self.max_modifiers
                    and doc[start - 1].text.islower()
                    and (doc[start - 1].is_alpha or "-" in doc[start - 1].text)
                    and doc[start - 1].lower_ not in self.stop
                ):
                    start -= 1
                if start < end:
                    found.append((start, end))
        return found

    def __call__(self, doc: Doc) -> Doc:
        phrases = self._phrases(doc)
        counts = Counter(match_key(doc[s:e].text) for s, e in phrases)
        title_keys = {match_key(doc[s:e].text) for s, e in phrases if e <= doc._.kg_title_end}
        known = {match_key(m.canonical or m.text) for m in mentions_of(doc) if m.type == "Task"}
        kept: list[str] = []
        for start, end in phrases:
            key = match_key(doc[start:end].text)
            strong = doc[end - 1].lower_ in self.strong_heads and end - start >= 2
            if key in known or not (key in title_keys or counts[key] >= self.min_repeats or strong):
                continue
            if key not in kept:
                if len(kept) >= self.max_per_paper:
                    continue
                kept.append(key)
            text = doc[start:end].text
            add_mention(
                doc,
                Mention(
                    start,
                    end,
                    text,
                    "task",
                    type="Task",
                    confidence=self.confidence,
                    canonical=text.lower(),
                    type_source="cue",
                ),
            )
        return doc


@Language.factory(
    "kg_task_phrases",
    assigns=["doc._.kg_mentions"],
    requires=["doc._.kg_mentions"],
    default_config={"max_modifiers": 3, "min_repeats": 2, "max_per_paper": 3, "confidence": 0.6},
)
def make_task_phrase_finder(
    nlp: Language, name: str, max_modifiers: int, min_repeats: int, max_per_paper: int, confidence: float
) -> TaskPhraseFinder:
    return TaskPhraseFinder(nlp, name, max_modifiers, min_repeats, max_per_paper, confidence)
