"""Abbreviation definitions: "Direct Preference Optimization (DPO)" makes one entity of both forms.

The long form is found with the Schwartz & Hearst (2003) character-matching rule;
when the short form is not spelled from the long one ("Flip-Flop Consistency (F^2C)"),
the run of capitalised words right before the bracket stands in. The other order, "ASAP
(Aligning Simulation and Real Physics)", counts when the bracket is spelled out in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from pipelines.extraction.mention import ensure_extensions
from pipelines.extraction.resources import load_cues

__all__ = ["Abbreviation", "AbbreviationDetector", "defined_short_forms", "long_form_for"]


@dataclass(frozen=True)
class Abbreviation:
    long_start: int
    long_end: int
    short_start: int
    short_end: int
    long: str
    short: str


def defined_short_forms(doc: Doc) -> set[str]:
    """The short forms the paper spells out ("RALM" after "Retrieval-Augmented Language Modeling
    (RALM)"): the text says what their letters stand for, so they are no unit or suffix guessed at."""
    return {ab.short for ab in doc._.kg_abbreviations or []}


def long_form_for(short: str, candidate: str) -> str | None:
    """The shortest tail of ``candidate`` that spells ``short`` (Schwartz & Hearst).

    >>> long_form_for("DPO", "the Direct Preference Optimization")
    'Direct Preference Optimization'
    >>> long_form_for("KTO", "we use reward shift") is None
    True
    """
    s, pos = len(short) - 1, len(candidate) - 1
    while s >= 0:
        ch = short[s].lower()
        if not ch.isalnum():
            s -= 1
            continue
        while (pos >= 0 and candidate[pos].lower() != ch) or (s == 0 and pos > 0 and candidate[pos - 1].isalnum()):
            pos -= 1
        if pos < 0:
            return None
        pos -= 1
        s -= 1
    start = candidate.rfind(" ", 0, pos + 1) + 1
    return candidate[start:] or None


def _spells(short: str, long: str, loose: bool) -> bool:
    """Whether ``short`` spells all of ``long``; ``loose``, also when all its letters but one after
    the first are the initials of the long form's words in order ("LXMERT (Learning Cross-Modality
    Encoder Representations from Transformers)": the X stands for "Cross"; "ZLUE (Zorb Benchmark
    Suite)" spells nothing)."""
    if long_form_for(short, long) == long:
        return True
    if not loose:
        return False
    initials = [w[0].lower() for w in re.split(r"[\s-]+", long) if w]
    letters = [c.lower() for c in short if c.isalpha()]
    if not initials or not letters or letters[0] != initials[0]:
        return False
    for skip in range(1, len(letters)):
        rest = iter(initials[1:])
        if all(c in rest for c in letters[1:skip] + letters[skip + 1 :]):
            return True
    return False


def _is_short_form(text: str, max_chars: int, sizes: re.Pattern[str]) -> bool:
    """ "(GATP)", "(F^2C)"; not "(2.7B)" or "(7B)": a size or version (``sizes``) is no short form."""
    return (
        2 <= len(text) <= max_chars
        and text[0].isalnum()
        and any(c.isupper() for c in text)
        and " " not in text
        and not text.isdigit()
        and not sizes.match(text)
    )


def _capitalised_run(doc: Doc, end: int, floor: int, max_tokens: int) -> int | None:
    """Start of the run of capitalised tokens ending at ``end`` (exclusive), or None if under two."""
    start = end
    while start > floor and end - start < max_tokens:
        tok = doc[start - 1]
        if tok.text[:1].isupper() or (tok.text[:1].isdigit() and "-" in tok.text):
            start -= 1
        elif tok.lower_ in ("of", "for", "and", "-") and start - 1 > floor and doc[start - 2].text[:1].isupper():
            start -= 1
        else:
            break
    while start < end and not doc[start].text[:1].isupper():
        start += 1
    return start if end - start >= 2 else None


def _capitals_long_form(short: str, candidate: str) -> str | None:
    """The tail of ``candidate`` whose capitals spell ``short``, when some capital sits inside a
    word: "acoustic Music undERstanding model with large-scale self-supervised Training (MERT)",
    "eXtreme Deep Factorization Machine (xDeepFM)". Authors who pick out an acronym's letters in
    capitals say where it starts; letter matching alone stops early or starts late.

    >>> _capitals_long_form("MERT", "an acoustic Music undERstanding model with large Training")
    'Music undERstanding model with large Training'
    >>> _capitals_long_form("DPO", "the Direct Preference Optimization") is None
    True
    """
    words = candidate.split(" ")
    letters = short.lower()
    for k in range(len(words) - 1, 0, -1):
        tail = words[k:]
        if not tail[0][:1].isalpha():
            continue
        capitals = [c.lower() for c in " ".join(tail) if c.isupper()]
        if not capitals or capitals[0] != letters[0]:
            continue
        inner = any(c.isupper() for w in tail for c in w[1:] if not w.isupper() and w[:1] != "-")
        at, covered = 0, []
        for c in capitals:
            at = letters.find(c, at)
            if at < 0:
                break
            covered.append(at)
            at += 1
        else:
            uppers = [j for j, c in enumerate(short) if c.isupper()]
            if inner and set(uppers) <= set(covered) and len(tail) >= 2:
                return " ".join(tail)
        return None
    return None


_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}


def _quoted_long_form(doc: Doc, i: int, floor: int, short: str, max_tokens: int) -> tuple[int, int] | None:
    """A quoted phrase right before the bracket is the long form as a whole, without its quotes:
    'called "Pretrain, Personalized Prompt, and Predict Paradigm" (P5)', 'the "Squeeze-and-Excitation"
    (SE) block'. It must open with the short form's first letter."""
    close = i - 1
    if close <= floor or doc[close].text not in _QUOTES.values():
        return None
    for k in range(close - 1, max(floor, close - max_tokens - 1) - 1, -1):
        if _QUOTES.get(doc[k].text) == doc[close].text:
            if k + 1 < close and doc[k + 1].text[:1].lower() == short[:1].lower():
                return k + 1, close
            return None
    return None


def _name_run_start(doc: Doc, start: int, floor: int) -> int:
    """The spelled long form grown left over the capitalised words that open the same name:
    "Information Consistent RAG (Con-RAG)", "Deep Planning Network (PlaNet)". A function word
    ("In", "We") or the sentence's first word ("Existing Adaptive RAG (ARAG)") is no part of it."""
    if not doc[start].text[:1].isupper():
        return start
    while start > floor + 1:
        tok = doc[start - 1]
        if not (tok.text[:1].isupper() and tok.is_alpha and not tok.is_stop):
            break
        start -= 1
    return start


class AbbreviationDetector:
    def __init__(
        self, nlp: Language, name: str, max_short_chars: int, max_long_tokens: int, max_short_tokens: int
    ) -> None:
        ensure_extensions()
        self.max_short_chars = max_short_chars
        self.max_long_tokens = max_long_tokens
        self.max_short_tokens = max_short_tokens
        self.sizes = load_cues().size_tokens  # the pattern name growing uses for "7B", "v2"

    def __call__(self, doc: Doc) -> Doc:
        found: list[Abbreviation] = []
        for i, tok in enumerate(doc[:-2]):
            if tok.text != "(":
                continue
            close = next(
                (j for j in range(i + 2, min(i + 2 + self.max_short_tokens, len(doc))) if doc[j].text == ")"), None
            )
            if close is None:
                continue
            short = doc[i + 1 : close].text
            if not _is_short_form(short, self.max_short_chars, self.sizes):
                continue
            sent_start = tok.sent.start if doc.has_annotation("SENT_START") else 0
            floor = max(sent_start, i - min(len(short) + 5, 2 * len(short), self.max_long_tokens))
            window = doc[floor:i]
            long_text = long_form_for(short, window.text) if len(window) else None
            long_text = _capitals_long_form(short, window.text) or long_text
            quoted = _quoted_long_form(doc, i, sent_start, short, self.max_long_tokens)
            if quoted is not None:
                found.append(Abbreviation(quoted[0], quoted[1], i + 1, close, doc[quoted[0] : quoted[1]].text, short))
                continue
            if long_text:
                char_start = window.end_char - len(long_text)
                span = doc.char_span(char_start, window.end_char, alignment_mode="expand")
                start = span.start if span is not None else None
                if start is not None:
                    start = _name_run_start(doc, start, sent_start)
            else:
                start = _capitalised_run(doc, i, floor, self.max_long_tokens)
            if start is None or start >= i or any(t.like_num and not t.is_alpha for t in doc[start:i]):
                continue  # "over 27 API-based and open-sourced (OSS)": a count is no part of a name ("One for All" is)
            # Drop a leading determiner or lowercase word the character match may have pulled in.
            while start < i - 1 and doc[start].is_lower and doc[start].lower_ in ("the", "a", "an", "our", "of", "and"):
                start += 1
            found.append(Abbreviation(start, i, i + 1, close, doc[start:i].text, short))
        found += self._short_then_long(doc)
        doc._.kg_abbreviations = found
        return doc

    def _short_then_long(self, doc: Doc) -> list[Abbreviation]:
        """ "we present ASAP (Aligning Simulation and Real Physics)": the other order, a short
        form and then, in brackets, a long form every word of which it spells."""
        found = []
        for i, tok in enumerate(doc[1:-3], start=1):
            if tok.text != "(" or not _is_short_form(doc[i - 1].text, self.max_short_chars, self.sizes):
                continue
            close = next(
                (j for j in range(i + 3, min(i + 2 + self.max_long_tokens, len(doc))) if doc[j].text == ")"), None
            )
            if close is None or not all(t.text[:1].isupper() or t.is_lower for t in doc[i + 1 : close]):
                continue
            start = i + 1
            if doc[start].lower_ == "short" and doc[start + 1].lower_ == "for":
                start += 2  # "ViLBERT (short for Vision-and-Language BERT)"
            short, inside = doc[i - 1].text, doc[start:close].text
            if inside[:1].isupper() and _spells(short, inside, loose=close - start >= 3):
                found.append(Abbreviation(start, close, i - 1, i, inside, short))
        return found


@Language.factory(
    "kg_abbreviations",
    assigns=["doc._.kg_abbreviations"],
    default_config={"max_short_chars": 12, "max_long_tokens": 10, "max_short_tokens": 2},
)
def make_abbreviation_detector(
    nlp: Language, name: str, max_short_chars: int, max_long_tokens: int, max_short_tokens: int
) -> AbbreviationDetector:
    return AbbreviationDetector(nlp, name, max_short_chars, max_long_tokens, max_short_tokens)
