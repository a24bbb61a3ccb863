"""Matches the catalogue of well-known entities in the text.

Names are matched case-insensitively; acronyms and short names case-sensitively, so
"ARC" the benchmark is found and "arc" the word is not.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipelines.extraction.mention import Mention, add_mention, ensure_extensions, names_a_model_class
from pipelines.extraction.resources import CatalogueEntry, load_catalogue, load_cues

__all__ = ["CatalogueMatcher", "case_sensitive"]

_CAPITALS_RUN = re.compile(r"[A-Z]{2}")
_BARE_CUTOFF = re.compile(r"^top-?\d+$", re.I)  # "top-1" standing for "top-1 accuracy"
# Endings of adjectives and "-ing" forms: "regional", "structured", "heterogeneous", "computing".
_NOT_NOUN = ("al", "ed", "ous", "ic", "ive", "ar", "ary", "ent", "ant", "ful", "less", "ble", "se", "ing")
_NOT_VERB = ("ous", "ss", "is", "us")  # "heterogeneous", "cross", "analysis": not "omits", "provides"
# What joins a plain word to a known name whose last words it shares: "Fast/Faster R-CNN".
_ELISION_GLUE = frozenset({"/", "and", "or"})
_BIT_WIDTH = re.compile(r"^\d+-?bits?$|^(fp|bf|int)\d+$", re.I)  # "8-bit", "FP16", "INT4"


def _article_name(surface: str) -> bool:
    """ "The Stack", "The Pile": in lowercase they are an article and a common noun."""
    words = surface.split()
    return len(words) == 2 and words[0] in ("The", "A", "An")


def case_sensitive(surface: str) -> bool:
    """Acronyms, short names, CamelCase words ("ComplEx" is not "complex") and an article
    with one word match exactly."""
    if "-" in surface and " " not in surface:
        surface = surface.replace("-", " ")  # "ARC-Challenge" is also "ARC-challenge", as "ARC Challenge" is
    letters = [c for c in surface if c.isalpha()]
    camel = " " not in surface and any(c.isupper() for c in surface[1:])
    if _article_name(surface):
        return True
    return len(surface) <= 4 or camel or sum(c.isupper() for c in letters) >= max(2, len(letters) // 2)


def _capitalised_words(surface: str) -> bool:
    """A several-word name matched exactly is also written in capitals: "TREC Robust 2004" as
    "TREC ROBUST 2004", the way a title or a venue's style sets it."""
    return " " in surface and surface != surface.upper() and case_sensitive(surface)


def _plural_base(name: str) -> bool:
    """ "Transformer", "Perceiver": one capitalised word, not an acronym ("GANs" are matched
    elsewhere) nor a word ending in s."""
    return name.isalpha() and name[0].isupper() and name[1:].islower() and not name.endswith("s")


def _plain_word(part: str) -> bool:
    return part.isalpha() and len(part) > 2 and part[0].isupper() and part[1:].islower()


def _plain_words_lowered(surface: str) -> str:
    """ "OpenAI Gym" as "OpenAI gym", "GSM-Hard" as "GSM-hard": in a data name matched exactly for
    its acronym or CamelCase part, a plain capitalised word is often written in lowercase; the
    part that makes the name exact stays as it is. Other names come back unchanged."""
    parts = re.split(r"([ -])", surface)
    plain = [_plain_word(p) for p in parts if p not in (" ", "-")]
    if not case_sensitive(surface) or len(plain) < 2 or all(plain) or not any(plain):
        return surface
    return "".join(p.lower() if _plain_word(p) else p for p in parts)


def _after_a_score(doc: Doc, start: int, end: int) -> bool:
    """ "reaching 78.3% top-1 on ImageNet": a bare cut-off after a score, before no other noun, is
    the measure; "top-1 routing", "the top-1 candidate" or "38% top-1 success rate" is not."""
    before = doc[start - 1].text if start > 0 else ""
    after = doc[end] if end < len(doc) else None
    scored = before == "%" or before.endswith("%") or before.replace(".", "", 1).isdigit()
    return scored and (after is None or not after.is_alpha or after.is_stop)


def _bracketed_alone(doc: Doc, start: int, end: int) -> bool:
    """ "fact verification (Fever)": the span is all a bracket holds."""
    return 0 < start and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"


class CatalogueMatcher:
    def __init__(self, nlp: Language, name: str, catalogue_paths: list[str], confidence: float) -> None:
        ensure_extensions()
        self.catalogue = load_catalogue(tuple(catalogue_paths))
        self.confidence = confidence
        cues = load_cues().extra
        self.number_formats = frozenset(cues.get("number_format_words", ()))
        # Names that also mean a property of number formats: "precision" the measure or "FP16 precision".
        self.number_format_senses = frozenset(cues.get("number_format_senses", ()))
        # Measures that a process noun before them makes that process's own score: "parsing accuracy".
        self.qualified_measures = frozenset(cues.get("process_qualified_measures", ()))
        # "-ing" words are left out: "maintaining accuracy" is a verb; known noun gerunds are listed.
        self.process_suffixes = tuple(x for x in cues.get("process_suffixes", ()) if x != "ing")
        self.process_nouns = frozenset(cues.get("task_nouns", ())) | frozenset(cues.get("noun_gerunds", ()))
        # Words before a generic technique that describe it rather than name a variant of it.
        self.plain_modifiers = (
            frozenset(cues.get("task_modifier_stop", ()))
            | frozenset(cues.get("generic_words", ()))
            | frozenset(cues.get("plain_variant_modifiers", ()))
        )
        self.verb_openers = frozenset(cues.get("verb_openers", ()))
        self.licence_words = frozenset(cues.get("licence_words", ()))
        self.model_class_nouns = frozenset(cues.get("model_class_nouns", ()))
        self.model_class_modifiers = frozenset(cues.get("model_class_modifiers", ()))
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.recased = PhraseMatcher(nlp.vocab, attr="ORTH")
        # "fact verification (Fever)": a one-word data name in capitals written in title case, trusted
        # only alone in brackets, where papers cite their data ("Fever", "Pile" elsewhere stay words).
        self.titled = PhraseMatcher(nlp.vocab, attr="ORTH")
        # "Transformers": the plural of a capitalised one-word architecture, kept aside (the
        # plural alone names the class as often as the base a paper builds on).
        self.plurals = PhraseMatcher(nlp.vocab, attr="ORTH")
        for entry in self.catalogue.entries:
            if entry.type == "Method" and _plural_base(entry.name):
                self.plurals.add(entry.name, [nlp.make_doc(entry.name + "s")])
        self.entries = {}
        self._key_of: dict[str, str] = {}  # an entry's first match id, for spans made outside the matchers
        exact, folded, recased, titled = [], [], [], []
        for entry in self.catalogue.entries:
            for surface in self.catalogue.surfaces(entry):
                key = str(len(self.entries))
                self.entries[key] = entry
                self._key_of.setdefault(entry.name, key)
                pattern = nlp.make_doc(surface)
                (exact if case_sensitive(surface) else folded).append((key, pattern))
                if _capitalised_words(surface):
                    exact.append((key, nlp.make_doc(surface.upper())))
                if _article_name(surface):  # "on the Pile"
                    exact.append((key, nlp.make_doc(surface[0].lower() + surface[1:])))
                if " " not in surface and any(c.isupper() for c in surface[1:]) and not _CAPITALS_RUN.search(surface):
                    # "LibriSpeech" is also written "Librispeech"; the lowercase word stays apart.
                    # Not for names styled with a run of capitals: "QuALITY" is not "Quality".
                    recased.append((key, nlp.make_doc(surface[0].upper() + surface[1:].lower())))
                if (
                    entry.type in ("Benchmark", "Dataset")
                    and surface.isalpha()
                    and surface.isupper()
                    and len(surface) >= 4
                ):
                    titled.append((key, nlp.make_doc(surface.title())))
                if entry.type in ("Benchmark", "Dataset") and (plain := _plain_words_lowered(surface)) != surface:
                    exact.append((key, nlp.make_doc(plain)))  # "OpenAI gym", "GSM-hard"
                head, dash, rest = surface.partition("-")
                if dash and head.istitle() and len(head) > 2 and case_sensitive(surface):
                    # "Best-of-N" opens a sentence; mid-sentence it is "best-of-N".
                    exact.append((key, nlp.make_doc(head.lower() + dash + rest)))
        # One match id per entry keeps the matcher small; the id maps back to the entry.
        for key, pattern in exact:
            self.exact.add(key, [pattern])
        for key, pattern in folded:
            self.folded.add(key, [pattern])
        for key, pattern in recased:
            self.recased.add(key, [pattern])
        for key, pattern in titled:
            self.titled.add(key, [pattern])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        title_end = doc._.kg_title_end or 0
        for matcher in (self.exact, self.folded, self.recased, self.titled):
            for match_id, start, end in matcher(doc):
                if matcher in (self.recased, self.titled) and (start < title_end or doc[start].is_sent_start):
                    continue  # "Learning to Simulate Complex Physics": a title's capital is no ComplEx
                if matcher is self.titled and not _bracketed_alone(doc, start, end):
                    continue
                span = doc[start:end]
                span.label_ = doc.vocab.strings[match_id]
                spans.append(span)
        kept = filter_spans(spans)
        taken = {i for span in kept for i in range(span.start, span.end)}
        doc._.kg_known_plurals = [
            Mention(
                start=start,
                end=end,
                text=doc[start:end].text,
                source="catalogue",
                type="Method",
                confidence=self.confidence,
                canonical=(name := doc.vocab.strings[match_id]),
                catalogue_id=name,
            )
            for match_id, start, end in self.plurals(doc)
            if not taken.intersection(range(start, end))
        ]
        metric_ends = {span.end for span in kept if self.entries[span.label_].type == "Metric"}
        # "top-1 accuracy" reported: "better accuracy" elsewhere speaks of that measure, not another.
        specific = any(
            self.entries[span.label_].name.endswith(" accuracy") and self.entries[span.label_].type == "Metric"
            for span in kept
        )
        compounded = {
            span.start
            for span in kept
            if self._compound_head(doc, span.start, span.end, self.entries[span.label_], title_end)
        }
        # A generic technique named only inside compounds ("weight quantization", "dataset
        # pruning") is not itself named, unless the paper proposes it: records.py decides, once
        # roles are known. A title naming it names it.
        seen = Counter(self.entries[span.label_].name for span in kept)
        modified = Counter(self.entries[span.label_].name for span in kept if span.start in compounded)
        doc._.kg_variant_heads = {name for name, count in modified.items() if count == seen[name]}
        kept += self._elided_members(doc, kept, taken)
        for span in kept:
            entry = self.entries[span.label_]
            if entry.name in self.number_format_senses and self._number_format_sense(doc, span.start, span.end):
                continue
            if _BARE_CUTOFF.match(span.text) and not _after_a_score(doc, span.start, span.end):
                continue
            if span.end < len(doc) and doc[span.end].lower_ in self.licence_words:
                continue  # "the MIT License": the terms a release is under, not the institution
            if entry.type == "Method" and names_a_model_class(
                doc, span.start, span.end, entry.name, self.model_class_nouns, self.model_class_modifiers
            ):
                continue  # "transformer models": a class of models, not the architecture
            if entry.name in self.qualified_measures and self._qualified_measure(doc, span.start, metric_ends):
                continue
            if specific and entry.name in self.qualified_measures and not _after_a_score(doc, span.start, span.end):
                continue
            add_mention(
                doc,
                Mention(
                    start=span.start,
                    end=span.end,
                    text=span.text,
                    source="catalogue",
                    type=entry.type,
                    confidence=self.confidence,
                    canonical=entry.name,
                    catalogue_id=entry.name,
                ),
            )
        return doc

    def _elided_members(self, doc: Doc, kept: list[Span], taken: set[int]) -> list[Span]:
        """ "Fast/Faster R-CNN", "beam or greedy search", "imitation and reinforcement learning":
        a plain word joined by "/", "and" or "or" to a known name of several words shares its last
        words, and names a known entity of the same type when that pairing is one (Fast R-CNN, beam
        search, imitation learning). Tasks are the task phrases' (`_elided_known_tasks`); a word
        that is a name of its own ("Llama 2 and Mistral 7B") shares nothing."""
        found = []
        for span in kept:
            entry = self.entries[span.label_]
            words = span.text.split()
            if entry.type == "Task" or len(words) < 2 or span.start < 2:
                continue
            if doc[span.start - 1].lower_ not in _ELISION_GLUE:
                continue
            member = doc[span.start - 2]
            if member.i in taken or not member.text.replace("-", "").isalpha() or member.is_stop:
                continue
            if member.text.isupper() or self.catalogue.lookup(member.text) is not None:
                continue
            for cut in range(1, len(words)):
                other = self.catalogue.lookup(" ".join([member.text, *words[cut:]]))
                if other is not None and other.type == entry.type and other.name != entry.name:
                    found.append(Span(doc, member.i, member.i + 1, label=self._key_of[other.name]))
                    break
        return found

    def _compound_head(self, doc: Doc, start: int, end: int, entry: CatalogueEntry, title_end: int) -> bool:
        """Where a lowercase generic technique in the abstract follows a noun that makes a compound
        of it ("weight quantization", "dataset pruning", "math process reward model"). An
        adjective before it ("stochastic variational inference", "contrastive self-supervised
        learning") leaves it named as often as not, so only noun-shaped words count; ordinary words
        ("vanilla") and verbs ("we implement self-distillation", "omits cross-attention") do not."""
        if entry.type != "Method" or entry.name != entry.name.lower() or start <= title_end:
            return False
        if not doc[start:end].text.islower() or doc[start].is_sent_start:
            return False  # "RL", "CoT": an acronym is its own name
        before = doc[start - 1]
        word = before.text
        if before.is_sent_start or before.is_stop or not word.islower() or not word.isalpha():
            return False
        if (
            word in self.plain_modifiers
            or word.endswith(_NOT_NOUN)
            or (word.endswith("s") and not word.endswith(_NOT_VERB))
        ):
            return False
        if start >= 2 and doc[start - 2].lower_ in self.verb_openers:
            return False  # "to compute policy gradients", "we propose mixup"
        return True

    def _qualified_measure(self, doc: Doc, start: int, metric_ends: set[int]) -> bool:
        """ "parsing accuracy", "detection accuracy", "pass@1 accuracy": the score of a process or
        of another named measure, which annotators name that way or not at all, not plain accuracy."""
        if start == 0:
            return False
        before = doc[start - 1]
        if start in metric_ends:
            return True
        word = before.text
        return (
            word.isalpha() and word.islower() and (word.endswith(self.process_suffixes) or word in self.process_nouns)
        )

    def _number_format_sense(self, doc: Doc, start: int, end: int) -> bool:
        """ "lower precision", "8-bit precision", "FP16 precision", "a precision-efficiency
        tradeoff": the precision numbers are stored or computed in, not the measure."""
        before = doc[start - 1].lower_ if start > 0 else ""
        joined = end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
        return before in self.number_formats or bool(_BIT_WIDTH.match(before)) or joined


@Language.factory(
    "kg_catalogue",
    assigns=["doc._.kg_mentions", "doc._.kg_variant_heads", "doc._.kg_known_plurals"],
    default_config={"catalogue_paths": [], "confidence": 0.95},
)
def make_catalogue_matcher(nlp: Language, name: str, catalogue_paths: list[str], confidence: float) -> CatalogueMatcher:
    return CatalogueMatcher(nlp, name, catalogue_paths, confidence)
