"""The lowercase parts of the authors' method: the named pieces of what a paper proposes.

"we propose a stochastic duration predictor", "a compound scaling method", "we propose
transformer distillation", "a new data augmentation strategy, multi-crop, that ...": lowercase
words the authors' proposal verb takes as its object, or that its sentence holds and the
abstract says again, ending in a concrete part's noun (cues part_heads); the words before a kind
noun (cues part_kind_nouns); and lowercase appositions after "a ... <kind noun>". A rule that
records its name keeps ``named_spans.<rule>`` (the scorer reads these strings as features).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from pipelines.extraction.mention import Mention, add_mention, mentions_of
from pipelines.extraction.resources import Cues

__all__ = ["MethodParts"]

# Words between "a" and a new part's name: "a novel", "a simple yet effective" ...
_NEW_WORDS = frozenset({"new", "novel", "simple", "proposed", "lightweight", "effective", "efficient", "yet"})
# Verbs between a proposal verb and the part it puts to use: "we propose to use / employ a ...".
_USE_VERBS = frozenset({"use", "employ", "adopt", "apply"})
# Words a task's name never opens with that a part's name may hold: "a target reward margin",
# "a typical acceptance scheme", "an enhanced mask decoder".
_PART_MODIFIERS = {"target", "typical", "critical", "enhanced", "learned", "hard", "explicit", "weak", "strong"}
# Words that praise a technique rather than name it: "a principled ... method".
_PRAISE_WORDS = frozenset({"useful", "powerful", "principled", "general", "generic", "unified", "flexible"})
_ADJECTIVE_ENDINGS = ("-based", "-aware", "-free", "-driven", "-guided", "al", "ive", "ous", "ic", "ary", "able")


def _adjective(word: str) -> bool:
    """ "sparsity-aware", "parallel", "adaptive": a word that qualifies a noun, not one."""
    return word.endswith(_ADJECTIVE_ENDINGS) or word in ("parallel", "efficient", "robust")


class MethodParts:
    """The rules finding the lowercase, named parts of the authors' own method ("a compound scaling
    method", "a loss balancer"): a mixin that ``NamedSpanFinder`` inherits. They read the finder's
    ``cues``, ``reach``, ``confidence`` and the word sets its ``__init__`` builds, and call its shared
    helpers, as declared below."""

    cues: Cues
    reach: dict[str, int]  # "kind_article"
    confidence: dict[str, float]  # "part"
    generic_words: frozenset[str]
    part_heads: frozenset[str]
    part_kinds: frozenset[str]
    part_role_openers: frozenset[str]
    apposition_kinds: frozenset[str]
    earlier_work: frozenset[str]
    # The finder's helpers, shared with its other rules.
    _generic: Callable[[str], bool]
    _technique_head: Callable[[str], bool]
    _lowercase_word: Callable[[Token], bool]
    _mention: Callable[..., Mention]

    def _lowercase_kind_apposition(self, doc: Doc) -> None:
        """ "a new data augmentation strategy, multi-crop, that ...", "a regularization procedure,
        targeted regularization, that ...": lowercase words set off by commas right after "a ...
        <method kind noun>" name the technique the abstract describes, the authors' own unless
        the kind noun is someone else's ("a popular strategy, ...")."""
        for tok in doc[2:-3]:
            if doc[tok.i + 1].text != "," or tok.lower_ not in self.apposition_kinds:
                continue
            opening = [t.lower_ for t in doc[max(tok.sent.start, tok.i - self.reach["kind_article"]) : tok.i]]
            if "a" not in opening and "an" not in opening:
                continue
            start = end = tok.i + 2
            while end < len(doc) and end - start < 3 and self._part_word(doc[end]):
                end += 1
            if (
                end == start
                or end >= len(doc)
                or (doc[end].text not in (",", "(") and doc[end].lower_ not in ("that", "which"))
            ):
                continue
            if self._generic(doc[start:end].text) or any(m.start < end and start < m.end for m in mentions_of(doc)):
                continue
            if set(opening) & self.earlier_work:
                continue
            part = self._mention(doc, start, end, "named", type="Method", type_source="cue", role="proposed")
            part.confidence, part.role_by = self.confidence.get("part", 0.6), "named_spans._lowercase_kind_apposition"
            add_mention(doc, part)

    def _proposed_techniques(self, doc: Doc) -> None:
        """ "we propose transformer distillation", "we further introduce instruction prompt tuning":
        a bare lowercase phrase right after the authors' proposal verb (its clause opened by "we")
        that ends in a technique word names the technique (with "a", "a contrastive loss" is one
        of a kind, not a name)."""
        for tok in doc[1:-2]:
            if tok.lower_ not in self.cues.propose_words or not self._authors_verb(doc, tok.i):
                continue
            start = end = tok.i + 1
            while end < len(doc) and end - start <= 4 and self._lowercase_word(doc[end]):
                end += 1
            if not 2 <= end - start <= 4:
                continue
            if not (self._technique_head(doc[end - 1].text) or self._named_practice(doc, end)):
                continue
            span = doc[start:end]
            if not self._generic(span.text):
                add_mention(doc, self._mention(doc, start, end, "named", type="Method", type_source="cue"))

    def _introduced_parts(self, doc: Doc) -> None:
        """ "we introduce a cycle consistency loss", "we propose a stochastic duration predictor":
        the object of the authors' proposal verb, lowercase words ending in a concrete part's noun
        (loss, predictor, decoder ...), names a part of their method; so does each "a ..."
        coordinated with it ("a feature enhancer, ... and a cross-modality decoder")."""
        for tok in doc[1:-3]:
            if tok.lower_ not in self.cues.propose_words or not self._authors_verb(doc, tok.i):
                continue
            k = tok.i + 1
            if doc[k].lower_ == "using" or (doc[k].lower_ == "to" and doc[k + 1].lower_ in _USE_VERBS):
                k += 1 + (doc[k].lower_ == "to")  # "we propose using a ... loss", "we propose to use ..."
            bare = self._part_word(doc[k])  # "we propose interest extractor layer to ..."
            while k < len(doc) - 2 and (bare or doc[k].lower_ in ("a", "an")):
                start, end = self._part_span(doc, k + (not bare))
                bare = False
                if end - start < 2:
                    break
                if self._part_head(doc[end - 1].lower_) and self._unnamed_part(doc, start, end):
                    add_mention(
                        doc, self._mention(doc, start, end, "named", type="Method", type_source="cue", role="proposed")
                    )
                elif doc[end - 1].lower_ in self.part_kinds:
                    self._kind_named_part(doc, start, end)
                k = end + (end < len(doc) and doc[end].text == ",")
                k += k < len(doc) and doc[k].lower_ == "and"

    def _kind_named_part(self, doc: Doc, start: int, end: int) -> None:
        """ "we propose a compound scaling method", "we include a new mixed-precision decomposition
        scheme": the words before the kind noun name the technique; the whole phrase is its
        other form. Not when those words are a class ("a graph neural network method") or
        a name the text defines already ("... method (BiFPN)")."""
        start += doc[start].lower_ in _PRAISE_WORDS
        bare = not _adjective(doc[end - 2].lower_)  # "a sparsity-aware algorithm" keeps its noun
        if (end - start < 3 and (bare or "-" not in doc[end - 2].text)) or self._generic(doc[start : end - 1].text):
            return  # "a new pruning method", "an adaptive algorithm": a kind, not a name
        if all(t.lower_ in self.generic_words for t in doc[max(start, end - 3) : end - 1]):
            return  # "a graph neural network method": a class
        if doc[start].lower_ in self.part_role_openers:
            return  # "a standard decoding strategy": the role it plays, not a name
        if any(m.start < end and start < m.end and (m.start < start or m.end >= end - 1) for m in mentions_of(doc)):
            return  # a name covers its head ("a knowledge distillation method"); "transformer" alone may stay inside
        part = self._mention(doc, start, end - bare, "named", type="Method", type_source="cue", role="proposed")
        part.aliases = [doc[start:end].text] if bare else []
        part.confidence, part.role_by = self.confidence.get("part", 0.6), "named_spans._kind_named_part"
        add_mention(doc, part)

    def _parts_named_again(self, doc: Doc) -> None:
        """ "we propose X, trained with a cycle consistency loss" and "the cycle consistency loss"
        later: a lowercase "a ... <part noun>" further on in the sentence of the authors'
        proposal verb names their part when the abstract says it again (a one-off description
        is not a name)."""
        text = doc.text.lower()
        for tok in doc[1:-3]:
            if tok.lower_ not in self.cues.propose_words or not self._authors_verb(doc, tok.i):
                continue
            for k in range(tok.i + 1, tok.sent.end - 2):
                if doc[k].lower_ not in ("a", "an"):
                    continue
                start, end = self._part_span(doc, k + 1)
                if end - start < 2 or not self._part_head(doc[end - 1].lower_):
                    continue
                if text.count(doc[start:end].text.lower()) > 1 and self._unnamed_part(doc, start, end):
                    part = self._mention(doc, start, end, "named", type="Method", type_source="cue", role="proposed")
                    part.role_by = "named_spans._parts_named_again"
                    add_mention(doc, part)

    def _part_span(self, doc: Doc, start: int) -> tuple[int, int]:
        """The words of a part's name from ``start``, after "a": past "novel", "simple yet
        effective", then up to five lowercase words; a participle after a part's noun opens the
        clause that describes it ("a triple loss combining ...", "a decoder trained ...")."""
        while start < len(doc) and doc[start].lower_ in _NEW_WORDS:
            start += 1
        end = start
        while end < len(doc) and end - start < 5 and self._part_word(doc[end]):
            if end - start >= 2 and self._part_head(doc[end - 1].lower_) and doc[end].lower_.endswith(("ing", "ed")):
                break
            end += 1
        return start, end

    def _unnamed_part(self, doc: Doc, start: int, end: int) -> bool:
        """Not a class of networks ("a hierarchical neural network"), nor the role a part plays
        ("a new baseline network"), nor a phrase a name already covers ("a weighted bi-directional
        feature pyramid network (BiFPN)" keeps its definition)."""
        if all(t.lower_ in self.generic_words for t in doc[end - 2 : end]) or self._generic(doc[start:end].text):
            return False
        if doc[start].lower_ in self.part_role_openers:
            return False  # "a new baseline network", "a standard decoder": the role it plays, not a name
        return not any(m.start < end and start < m.end for m in mentions_of(doc))

    @staticmethod
    def _authors_verb(doc: Doc, i: int) -> bool:
        """ "we propose", "we also introduce", "we ... and introduce": "we" opens the verb's clause,
        at most twelve words back; an inline formula between counts as no words ("we couple it with
        an inverse mapping $F: Y \\rightarrow X$ and introduce ...")."""
        words, formula = 0, False
        for t in reversed(doc[doc[i].sent.start : i]):
            if formula:
                formula = not t.text.startswith("$")  # its opening "$" ends the formula, read backwards
                continue
            if t.text.endswith("$") and not (len(t.text) > 1 and t.text.startswith("$")):
                formula = True  # "X$", "$": a formula's closing sign
                continue
            if t.lower_ == "we":
                return True
            words += 1
            if words >= 12:
                return False
        return False

    def _part_word(self, tok: Token) -> bool:
        """A lowercase word of a part's name; not an adverb ("a specially designed loss")."""
        if tok.lower_ in _PART_MODIFIERS:
            return True
        return self._lowercase_word(tok) and tok.text.replace("-", "").isalpha() and not tok.lower_.endswith("ly")

    def _part_head(self, word: str) -> bool:
        return word in self.part_heads or word.rpartition("-")[2] in self.part_heads

    @staticmethod
    def _named_practice(doc: Doc, end: int) -> bool:
        """ "we develop budget forcing to control ...", "we propose update clipping and ...": a bare
        phrase ending in a gerund that the clause ends after names a practice. A gerund that
        goes on to its own object or clause is a participle ("results showing that ...")."""
        after = doc[end].lower_ if end < len(doc) else "."
        return doc[end - 1].lower_.endswith("ing") and after in (",", ".", ";", "(", "to", "which", "and")
