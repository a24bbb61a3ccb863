"""Named-span candidates: the names a paper uses that no catalogue knows yet.

Sources, strongest first: abbreviation definitions, the name before the title's
colon, the title's means when it ends in a technique word ("via Large-Scale Weak
Supervision"), names introduced with "named/called/dubbed X", words shaped like names
(CamelCase, letters with digits, acronyms, capitalised hyphen compounds) grown by
version tokens ("AlpacaEval 2.0", "Mistral 7B Instruct v0.2"), runs of capitalised
words inside sentences ("Wide & Deep"), known names inside hyphenated modifiers
("Transformer-based") and elided versions ("SQuAD 1.1 and 2.0"); lowercase parts the
authors' proposal verb takes as its object ("we propose a stochastic duration predictor"),
or that its sentence holds and the abstract says again, ending in a concrete part's noun
(cues part_heads), or the words before a kind noun ("a compound scaling method", cues
part_kind_nouns). Generic names (LLMs,
SOTA, ...), LaTeX and modifiers ("PORTIA-enhanced") are dropped; sized variants of known
architectures ("ResNet-50") are models; an undefined acronym of the title's name
("PoFT") joins it; a new multi-word name is that name wherever its words recur.

The rules for the lowercase parts of the authors' method live in ``method_parts.py``
(:class:`~pipelines.extraction.method_parts.MethodParts`, a mixin this finder inherits).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.ids import match_key
from pipelines.extraction.abbreviations import Abbreviation, defined_short_forms, long_form_for
from pipelines.extraction.catalogue_matcher import case_sensitive
from pipelines.extraction.mention import (
    LIST_GLUE,
    Mention,
    add_mention,
    ensure_extensions,
    mention_at,
    mentions_of,
    names_a_model_class,
    reach_setting,
)
from pipelines.extraction.method_parts import MethodParts
from pipelines.extraction.resources import CatalogueEntry, load_catalogue, load_cues

__all__ = ["NamedSpanFinder", "is_name_shaped"]

# Words that make a title's part before the colon a phrase or a sentence, not a name.
_SENTENCE_WORDS = frozenset(
    {"towards", "toward", "your", "our", "my", "some", "maybe", "make", "do", "does", "can", "is", "are"}
    | {"how", "why", "what", "when", "not", "you", "we", "it", "let's"}
)
_X_TO_Y = re.compile(r"^[a-z]{2,}2[a-z]{2,}$")
# "metapath2vec++", "k-means++", "DyGIE++": "++" marks the improved version of a named method,
# never an ordinary word, whatever the base's case ("C++", one letter, is a language).
_IMPROVED_VERSION = re.compile(r"^(?=(?:[^A-Za-z]*[A-Za-z]){2})[A-Za-z][\w-]*[A-Za-z0-9]\+\+$")
_CAMEL = re.compile(r"[a-z][A-Z]|[A-Z]{2,}[a-z]")
# "anchOr", "gradiEnt", "undERstanding": a word with the letters an acronym picks out written in
# capitals, not a name ("coCondenser", one capital, is; so is "gPool", as "eXtreme" would be).
_ACRONYM_LETTER = re.compile(r"^[a-z]{2,}[A-Z][a-z]?$|^[a-z]{3,}[A-Z][a-z]{2}$|^[a-z]{2,}[A-Z]{2,3}[a-z]{3,}$")
_HAS_DIGIT_AND_LETTER = re.compile(r"(?=.*\d)(?=.*[A-Za-z])")
_NUMBERISH = re.compile(r"^[\d.,%xX×~+-]+[a-zA-Z]{0,2}$|^\d+(st|nd|rd|th|s|k|K|M|B)$")
_LATEX = re.compile(r"[$\\^{}]")
# Names written with a math symbol: "$Ψ$PO", "$k$NN" (a symbol in inline math right before the
# name's letters; not "$k$-NN", a setting as often as a name) and "(IA)^3" (a bracketed acronym
# to a power). Inline math is otherwise no name.
_MATH_NAME = re.compile(r"(?<![\w$^])(?:\$\\?[A-Za-z\u0370-\u03ff]{1,8}\$[A-Za-z][\w-]*|\([A-Z]{2,}\)\^\d)(?![\w$^(])")
# "Mistral-ORPO-α", "-β": a Greek letter after a name's last hyphen names one of its variants.
_GREEK_LETTER = re.compile(r"^[\u03b1-\u03c9\u0391-\u03a9]$")
# ISO 639-1 codes of the languages MT and speech papers pair ("EN-FR", "De→En"); "QA-GNN" is no pair.
_LANGUAGES = frozenset(
    "af am ar as az be bg bn bs ca cs cy da de el en es et eu fa fi fr ga gl gu ha he hi hr hu hy id ig is it"
    " ja jv ka kk km kn ko ky lo lt lv mk ml mn mr ms mt my ne nl no or pa pl ps pt ro ru si sk sl so sq sr"
    " sv sw ta te tg th tk tl tr uk ur uz vi xh yo zh zu rw lg ln ny sn st tn ts wo ak ee ff om ti mg ht la"
    " eo fy gd lb oc sa sd ug yi bo fo mi sm nb nn se".split()
)
_LANGUAGE_NAMES = frozenset(
    "english german french spanish italian portuguese dutch russian chinese japanese korean arabic hindi"
    " romanian czech finnish turkish vietnamese estonian latvian lithuanian kazakh gujarati nepali sinhala"
    " khmer pashto polish ukrainian hebrew persian indonesian thai swahili greek hungarian bulgarian"
    " croatian serbian slovak slovenian danish swedish norwegian icelandic bengali tamil urdu"
    " kinyarwanda yoruba amharic mandarin cantonese".split()
)
_PAIR = re.compile(r"^([A-Za-z]{2})[-→>]([A-Za-z]{2})$")
_NAMED_PAIR = re.compile(r"^([A-Z][a-z]+)(?:-to-|-|→| to )([A-Z][a-z]+)$")


_MODALITY_PAIR = re.compile(
    r"^(text|image|images|video|audio|speech|music|3d|2d|lidar|camera|code|sql)-to-[\w-]+$", re.IGNORECASE
)


def _language_pair(text: str) -> bool:
    """ "EN-FR", "de→en", "English-German", "English-to-French": a translation direction, not a name."""
    if m := _PAIR.match(text):
        return m.group(1).lower() in _LANGUAGES and m.group(2).lower() in _LANGUAGES
    m = _NAMED_PAIR.match(text)
    return bool(m) and m.group(1).lower() in _LANGUAGE_NAMES and m.group(2).lower() in _LANGUAGE_NAMES


# Variant suffixes of an architecture: "B7", "50", "L", "large", "base".
# "W4A16", "W4A8KV4": the bit widths of weights, activations and cache a model is quantised to.
_BIT_WIDTHS = re.compile(r"^W\d+A\d+(KV\d+)?$")
_NUMBER_FORMAT = re.compile(r"^(FP|BF|INT|TF)\d+(-|$)")
_UNIT = re.compile(r"^\d+(\.\d+)?-?(kHz|Hz|GB|MB|TB|ms|fps|DoF|DOF)$")  # "24kHz", "6-DoF": a quantity
# "Figure1", "Table 3", "Eq. 2", "Appendix B": a pointer to a part of the paper itself.
_CROSS_REFERENCE = re.compile(
    r"^((Fig|Figure|Figs|Figures|Table|Tables|Tab|Section|Sec|Eq|Eqs|Equation|Appendix|Algorithm|Theorem|Lemma)"
    r"\.?\s?\d+(\.\d+)*[a-z]?|Appendix [A-Z])$"
)
# "A100-40", "A100-80GB": a machine with its memory size.
_MEMORY_SIZE = re.compile(r"-\d+(GB)?$")
_MACHINE_COUNT = re.compile(r"^\d+-([A-Za-z]+)$")  # "8-GPU", "64-TPU"
_HYPHEN_VERSION = re.compile(r"^(.*[A-Za-z].*)-(\d+)$")  # "Kinetics-400", "CIFAR-10"
_VARIANT = re.compile(r"^([A-Z]?\d{1,3}[a-z]?|[A-Z]{1,2}|large|base|small|tiny|huge|xl|xxl)$")
_VERSION_NUMBER = re.compile(r"^(v?\d+(\.\d+)+|(19|20)\d\d)$")  # "2.0", "v1.1", "2012"
_SIZE_LETTERS = frozenset({"n", "t", "s", "m", "l", "x"})  # nano, tiny, small, medium, large, extra large
_EDITION = re.compile(r"^(b\d+(\.\d+)+|\d{1,2}[a-z]|0\d{3})$")  # "b1.58", "2s", "4o", "0613"
_RESOLUTION = re.compile(r"^\d+x\d+$")  # "256x256"
_SIZE_OR_COUNT = re.compile(r"^\d+(x\d+)?$")  # "ImageNet 512x512", "Kinetics 400"
_APOSTROPHE_YEAR = re.compile(r"^(.*[A-Za-z])['’]\d\d$")  # "WMT'16": an edition by its year
_YEAR = re.compile(r"^(19|20)\d\d$")
_CITED_YEAR = re.compile(r"^(19|20)\d\d[a-z]?$")  # "(Frankle & Carbin 2019a)"
_CHALLENGE_WORDS = 3  # lowercase words between a challenge's name and its head: "ISBI cell tracking challenge"
_ROMAN = re.compile(r"^(I{1,3}|IV|VI{0,3}|IX|X)$")  # a part's number in a series of papers
_INTRODUCERS = {"named", "called", "dubbed", "termed", "namely", "coined", "entitled"}
_QUOTES = {'"': '"', "“": "”", "'": "'", "‘": "’"}  # an opening quote and the one that closes it


def is_name_shaped(text: str, in_title: bool = False) -> bool:
    """True for words written like names, not like ordinary words.

    >>> [is_name_shaped(w) for w in ["AlignScore", "GPT-4o", "PORTIA", "T-Prompter", "Method", "7B", "e.g."]]
    [True, True, True, True, False, False, False]
    >>> [is_name_shaped(w) for w in ["nuScenes", "arXiv", "anchOr", "extensioN", "code2vec", "2d"]]
    [True, True, False, False, True, False]
    >>> [is_name_shaped(w) for w in ["undERstanding", "gradiEnt", "abilitY.", "coCondenser", "gPool", "MMformer"]]
    [False, False, False, True, True, True]
    >>> [is_name_shaped(w) for w in ["metapath2vec++", "k-means++", "C++", "a++"]]
    [True, True, False, False]
    """
    if _IMPROVED_VERSION.match(text):
        return True
    if text.islower():  # every rule below needs a capital: most words leave here
        return bool(_X_TO_Y.match(text))  # "word2vec", "code2vec": lowercase, but no word
    if len(text) < 2 or not any(c.isalpha() for c in text) or _NUMBERISH.match(text):
        return False
    if text.startswith(("http", "www.")) or ("@" in text and not re.search(r"@\d", text)):
        return False
    if _LATEX.search(text):  # "O($L^2"
        return False
    if _ACRONYM_LETTER.match(text.rstrip(".")):  # "deNoising anchOr boxes", "abilitY.": letters an acronym picks out
        return False
    if _CAMEL.search(text):
        return True
    base, dash, size = text.rpartition("-")
    if dash and (size in _SIZE_LETTERS or _GREEK_LETTER.match(size)) and is_name_shaped(base):
        return True  # "PP-YOLOE-l", "YOLOX-s": a named architecture at a size
    if text.isupper() and sum(c.isalpha() for c in text) >= 2:
        return True
    if _HAS_DIGIT_AND_LETTER.match(text) and text[0].isalpha() and any(c.isupper() for c in text):
        return True
    if in_title:  # titles capitalise every word: "Training-Free" is not a name there
        return False
    parts = [p for p in text.split("-") if p]
    return (
        len(parts) >= 2
        and all(p[0].isupper() or p[0].isdigit() for p in parts)
        and text[0].isalpha()
        and text[0].isupper()
    )


_NAME_LIKE_BASE = re.compile(r"[A-Z].*[A-Z]|\d")  # two capitals or a digit: "GPT-4", "FLOPs"


def _written_as(written: str, entry: CatalogueEntry) -> bool:
    """Whether ``written`` spells one of the entry's forms in the case that form needs: an acronym or
    CamelCase name ("ZeRO", "BERT") matches only as written, as the catalogue matcher has it."""
    key = match_key(written)
    forms = [f for f in (entry.name, *entry.aliases) if match_key(f) == key]
    letters = [c for c in written if c.isalnum()]
    return not forms or any(not case_sensitive(f) or [c for c in f if c.isalnum()] == letters for f in forms)


class NamedSpanFinder(MethodParts):
    def __init__(
        self,
        nlp: Language,
        name: str,
        catalogue_paths: list[str],
        max_run: int,
        max_bare_acronym: int,
        confidence: dict[str, float],
        reach: dict[str, int],
    ) -> None:
        ensure_extensions()
        self.cues = load_cues()
        self.generic_words = frozenset(self.cues.extra.get("generic_words", ()))
        self.task_heads = frozenset(self.cues.extra.get("task_heads", ()))
        self.strong_task_heads = frozenset(self.cues.extra.get("task_heads_strong", ()))
        self.compound_suffixes = frozenset(self.cues.extra.get("compound_suffixes", ()))
        self.adjective_suffixes = frozenset(self.cues.extra.get("adjective_suffixes", ()))
        self.means_words = frozenset(self.cues.extra.get("means_words", ()))
        self.technique_heads = frozenset(self.cues.extra.get("technique_heads", ()))
        self.architecture_heads = frozenset(self.cues.extra.get("architecture_heads", ()))
        self.hardware_words = frozenset(self.cues.extra.get("hardware_words", ()))
        self.processor_words = frozenset(self.cues.extra.get("processor_words", ()))
        self.licence_words = frozenset(self.cues.extra.get("licence_words", ()))
        self.modifier_stop = frozenset(self.cues.extra.get("task_modifier_stop", ()))
        self.run_openers = frozenset(self.cues.extra.get("run_opener_words", ()))
        self.noun_gerunds = frozenset(self.cues.extra.get("noun_gerunds", ()))
        self.challenge_heads = frozenset(self.cues.extra.get("challenge_heads", ()))
        self.object_heads = frozenset(self.cues.extra.get("object_heads", ()))
        self.model_class_nouns = frozenset(self.cues.extra.get("model_class_nouns", ()))
        self.model_class_modifiers = frozenset(self.cues.extra.get("model_class_modifiers", ()))
        self.modified_objects = frozenset(self.cues.extra.get("modified_objects", ()))
        self.part_heads = frozenset(self.cues.extra.get("part_heads", ()))
        self.part_kinds = frozenset(self.cues.extra.get("part_kind_nouns", ()))
        self.part_role_openers = frozenset(self.cues.extra.get("part_role_openers", ()))
        self.apposition_kinds = self.part_kinds | _APPOSITION_KINDS
        self.earlier_work = frozenset(self.cues.extra.get("earlier_work_words", ()))
        suffixes = "|".join(sorted(map(re.escape, self.compound_suffixes)))
        # The name may hold hyphens itself: "U-Net-like", "GPT-4-based", "k-Nearest-Neighbors-like".
        self._compound_pattern = re.compile(rf"(?<![\w-])([\w.+]+(?:-[\w.+]+)*)-(?i:{suffixes})(?![\w-])")
        self._two_word_compound = re.compile(rf"(?<![\w-])([A-Z][\w.+]* [A-Z][\w.+]*)-(?i:{suffixes})(?![\w-])")
        self.catalogue = load_catalogue(tuple(catalogue_paths))
        self.max_run = max_run
        self.max_bare_acronym = max_bare_acronym
        self.confidence = confidence
        self.reach = reach_setting("kg_named_spans", reach, _REACH)

    def _generic(self, text: str) -> bool:
        key = match_key(text)
        if key in self.cues.generic_names or _language_pair(text) or _MODALITY_PAIR.match(text):
            return True  # "EN-FR", "Text-to-3D": a direction between languages or modalities
        if any(_MEMORY_SIZE.sub("", w) in self.hardware_words for w in text.split()):
            return True  # "Tesla V100", "Cloud TPU v4": the machine a result was measured on
        if (count := _MACHINE_COUNT.match(text)) and count.group(1) in self.hardware_words:
            return True  # "an 8-GPU machine": a count of machines
        if text.split() and text.split()[-1].lower() in self.licence_words:
            return True  # "AI2 ImpACT Licenses", "MIT License": the terms a release is under
        if _BIT_WIDTHS.match(text) or _NUMBER_FORMAT.match(text):
            return True  # a quantisation setting or number format ("INT4-weight"), not a method
        if _UNIT.match(text):
            return True  # "24kHz", "16GB": a quantity
        if _CROSS_REFERENCE.match(text):
            return True  # "as illustrated in Figure1": the paper's own figure, not a name
        # Broad classes spelled with capitals: "Deep Neural Networks", "Visual Language Models".
        words = text.lower().replace("-", " ").split()
        if len(words) > 1 and all(w in self.generic_words for w in words):
            return True
        # "Attention-Based Models": a plural class named by what its members are based on is a class.
        parts = text.lower().split()
        if len(parts) > 1 and parts[-1].endswith("s") and parts[-1] in self.generic_words:
            if all(w.endswith("-based") or w in self.generic_words for w in parts[:-1]):
                return True
        # Plurals of generic acronyms ("LLMs'") and possessives.
        return key.rstrip("s") in self.cues.generic_names and text.rstrip("'s").isupper()

    def _is_version(self, tok: Token) -> bool:
        return bool(self.cues.size_tokens.match(tok.text)) or tok.text in self.cues.version_words

    def _grow(self, doc: Doc, start: int, end: int) -> int:
        """Extend a name over the version tokens that follow it."""
        while end < len(doc) and end - start < self.max_run:
            if self._is_version(doc[end]) or self._edition(doc[end]):
                end += 1
            elif doc[end].text.isdigit() and len(doc[end]) <= 2 and end + 1 < len(doc) and self._is_size(doc[end + 1]):
                end += 2  # "Llama Guard 3 8B": a release number, then its size
            else:
                break
        return end

    def _released_variant(self, doc: Doc, start: int, end: int) -> bool:
        """ "BitNet b1.58", "PP-YOLOE-l": a name with an edition mark or a size letter is a
        released variant, which the guide counts as a model."""
        if end - start > 1 and self._edition(doc[end - 1]):
            return True
        base, dash, size = doc[end - 1].text.rpartition("-")
        return bool(dash and base) and size in _SIZE_LETTERS and is_name_shaped(doc[end - 1].text)

    def _is_size(self, tok: Token) -> bool:
        return bool(self.cues.size_tokens.match(tok.text))

    def _edition(self, tok: Token) -> bool:
        """The edition marks a release adds after a name: "FastSpeech 2s", "BitNet b1.58",
        "GPT-4 0613" (a dated snapshot), "Llama 2-7B", "Llama 2-Chat"."""
        text = tok.text
        if _EDITION.match(text):
            return True
        number, dash, rest = text.partition("-")
        return bool(dash and (_VERSION_NUMBER.match(number) or number.isdigit())) and (
            bool(self.cues.size_tokens.match(rest)) or rest in self.cues.version_words
        )

    def _lookup(self, text: str) -> CatalogueEntry | None:
        """The catalogue entry for a name or its plural ("MobileNets", "GANs")."""
        entry = self.catalogue.lookup(text)
        if entry is None and len(text) > 3 and text.endswith("s") and text[-2:-1].isalpha() and not text.endswith("ss"):
            entry = self.catalogue.lookup(text[:-1])
        return entry

    def _variant_of(self, text: str) -> CatalogueEntry | None:
        """ "ResNet-50", "EfficientNet-B7", "BERT-large": a sized variant of a known
        architecture or model is a model of its own."""
        base, _, suffix = text.rpartition("-")
        if not base or not suffix:
            return None
        if not (self.cues.size_tokens.match(suffix) or suffix in self.cues.version_words or _VARIANT.match(suffix)):
            return None
        entry = self.catalogue.lookup(base)
        return entry if entry is not None and entry.type in ("Model", "Method") else None

    def _data_variant_of(self, text: str) -> CatalogueEntry | None:
        """ "MedQA-USMLE", "ImageNet-5K": a known benchmark or dataset with a capitalised or
        numbered part after a hyphen is a subset or variant of it, the same kind of thing; so
        is its edition after an apostrophe ("WMT'16")."""
        if edition := _APOSTROPHE_YEAR.match(text):
            entry = self.catalogue.lookup(edition.group(1))
            return entry if entry is not None and entry.type in ("Benchmark", "Dataset") else None
        base, dash, suffix = text.rpartition("-")
        if not (base and dash) or not (suffix[:1].isupper() or suffix[:1].isdigit()):
            return None
        if re.fullmatch(r"\d+(\.\d+)?B", suffix):
            return None  # "Foo-7B": a model at a size, trained on the data
        entry = self.catalogue.lookup(base)
        if entry is None or entry.type not in ("Benchmark", "Dataset"):
            return None
        return entry if base in (entry.name, *entry.aliases) else None  # "Math-Shepherd" is no MATH

    def _other_meaning(self, ab: Abbreviation) -> str | None:
        """The catalogue entry a defined short form would otherwise stand for, when the paper
        defines it as something else: "Sharpness-Aware Minimization (SAM)" is not the Segment
        Anything Model. A long form sharing a word stem with the entry's name is the same thing
        spelt another way ("policy optimization (PPO)", "graph convolution networks (GCNs)")."""
        entry = self.catalogue.lookup(ab.short)
        if entry is None or self.catalogue.lookup(ab.long) is entry:
            return None
        spelled = [s for s in (entry.name, *entry.aliases) if len(re.split(r"[\s-]+", s)) > 1]
        if not spelled:
            return None  # the catalogue knows only the short form ("SigLIP"): nothing to compare
        return None if any(_stems(ab.long) & _stems(s) for s in spelled) else entry.name

    def _mention(self, doc: Doc, start: int, end: int, source: str, **extra) -> Mention:
        text = doc[start:end].text
        entry = self._lookup(text)
        if entry is None and self._variant_of(text) is not None:
            extra["type"], extra["canonical"] = "Model", extra.get("canonical") or text
            extra.setdefault("type_source", "cue")
        elif entry is None and end - start > 1 and self._is_version(doc[end - 1]):
            # "ImageNet 512x512", "CelebA 64": a known benchmark at a size is one too
            base = self._lookup(doc[start : end - 1].text)
            if base is not None and base.type in ("Benchmark", "Dataset"):
                extra["type"], extra["canonical"] = base.type, extra.get("canonical") or text
                extra.setdefault("type_source", "cue")
        elif entry is None and extra.get("type") is None and self._released_variant(doc, start, end):
            extra["type"] = "Model"
            extra.setdefault("type_source", "cue")
        elif entry is None and (data := self._data_variant_of(text.rstrip("."))) is not None:
            extra["type"] = data.type
            extra.setdefault("type_source", "cue")
        found_type, canonical = extra.pop("type", None), extra.pop("canonical", None)
        if canonical is None and entry is None and text.endswith(".") and text.count(".") == 1:
            canonical = text[:-1]  # "Cityscapes-C. Code": the tokenizer kept the sentence's full stop
        if canonical is None and entry is None and (dashed := _dash_before_article(text)):
            canonical = text = dashed
        if entry is not None:
            extra.pop("type_source", None)  # the catalogue's type, set later as such
        return Mention(
            start=start,
            end=end,
            text=text,
            source=source,
            type=entry.type if entry else found_type,
            canonical=entry.name if entry else canonical,
            catalogue_id=entry.name if entry else None,
            confidence=self.confidence.get(source, 0.5),
            **extra,
        )

    def _modifies_an_object(self, doc: Doc, ab: Abbreviation) -> bool:
        """A defined pair of names or words that only qualifies the noun after it, a thing, not
        a method ("the Key-Value (KV) cache", "a von Mises-Fisher (vMF) distribution"); a longer
        long form before it may name a policy ("Least Recently Used (LRU) cache")."""
        after = ab.short_end + 1
        pair = len(ab.long.split()) <= 2 and "-" in ab.long
        return pair and after < len(doc) and doc[after].lower_ in self.modified_objects

    def _names_an_object(self, long: str) -> bool:
        """A lowercase long form ending in what methods work on, not a method ("programming
        language (PL)", "abstract syntax tree (AST)"): its short form names no method either."""
        return long.replace("-", " ").split()[-1].lower() in self.object_heads

    def _long_form_head(self, long: str) -> str:
        """The kind a long form names: its last word, or the head noun before an inner "for /
        with / via" ("Contrastive Learning for Sequential Recommendation" is a kind of learning,
        a technique for the task, not the task)."""
        words = long.replace("-", " ").split()
        for k in range(1, len(words) - 1):
            if words[k].lower() in ("for", "with", "via") and self.cues.head_nouns.get(words[k - 1].lower()):
                return words[k - 1].lower()
        return words[-1].lower()

    def __call__(self, doc: Doc) -> Doc:
        title_end = doc._.kg_title_end or 0
        # Catalogue models grow too: "Mistral 7B" + "Instruct v0.2" is a distinct checkpoint.
        for m in list(mentions_of(doc)):
            if m.type == "Model" or (m.type == "Method" and m.end < len(doc) and self._edition(doc[m.end])):
                end = self._grow(doc, m.start, m.end)
                if end > m.end:
                    grown = self._mention(doc, m.start, end, "shape", type="Model")
                    grown.canonical = grown.canonical or grown.text
                    add_mention(doc, grown)
        not_names: set[str] = set()  # short forms of generic long forms: "LLMs", "NL"
        not_name_spans: set[tuple[int, int]] = set()  # their long forms: "MicroController Units (MCUs)"
        redefined: list[tuple[int, str]] = []  # (where, catalogue name) of short forms defined otherwise
        for ab in doc._.kg_abbreviations or []:
            if (other := self._other_meaning(ab)) is not None:
                redefined.append((ab.short_start, other))
                _drop_other_meanings(doc, redefined)
            if self._generic(ab.short) or self._generic(ab.long) or _language_pair(ab.short):
                # "English-to-French (EN-FR)" is a setting, "large language models (LLMs)" a class.
                not_names.add(ab.short)
                not_name_spans.add((ab.long_start, ab.long_end))
                continue
            # A lowercase long form names a thing only when the catalogue knows it or its head
            # says what kind ("natural language (NL)" no, "direct preference optimization" yes;
            # "dense retrieval (DR)" is a task).
            head = self._long_form_head(ab.long)
            entry = self.catalogue.lookup(ab.long) or self.catalogue.lookup(ab.short)
            if entry is None and self._modifies_an_object(doc, ab):
                not_names.add(ab.short)
                not_name_spans.add((ab.long_start, ab.long_end))
                continue
            task = head in self.task_heads and head not in self.cues.head_nouns
            task = task and (ab.long.islower() or head in self.strong_task_heads)
            one_word = ab.long_end - ab.long_start == 1 and ab.long[1:].islower() and doc[ab.long_start].is_sent_start
            if one_word and entry is None and head not in self.cues.head_nouns and not task:
                # "Hyperparameter (HP) tuning ...": one plain word, capitalised only because it opens
                # the sentence, is prose; its short form is shorthand, not a name.
                not_names.add(ab.short)
                continue
            if ab.long.islower() and entry is None and head not in self.cues.head_nouns and not task:
                if self._names_an_object(ab.long):
                    not_names.add(ab.short)
                continue
            mention = self._mention(doc, ab.long_start, ab.long_end, "abbreviation")
            if entry is None and task:
                mention.type, mention.type_source = "Task", "cue"
            if entry is None:
                mention.canonical = ab.long
            mention.aliases = [ab.short]
            if not add_mention(doc, mention):
                _alias_short_form(doc, ab)  # the catalogue found the long form already
            # Later uses of the short form stand for the long one, even where the catalogue
            # knows the short form as another name ("Sharpness-Aware Minimization (SAM)").
            for tok in doc[ab.short_end :]:
                if tok.text == ab.short or tok.text.rstrip("'s") == ab.short:
                    add_mention(
                        doc,
                        Mention(
                            tok.i,
                            tok.i + 1,
                            tok.text,
                            "abbreviation",
                            type=mention.type,
                            canonical=mention.canonical,
                            catalogue_id=mention.catalogue_id,
                            confidence=mention.confidence,
                        ),
                    )
        self._title_name(doc, title_end)
        self._title_means(doc, title_end)
        self._introduced_names(doc)
        self._new_kind_apposition(doc)
        self._proposed_techniques(doc)
        self._lowercase_kind_apposition(doc)
        self._introduced_parts(doc)
        self._parts_named_again(doc)
        self._appositions(doc, title_end)
        self._shaped_names(doc, title_end, not_names, not_name_spans)
        self._math_names(doc)
        self._capitalised_runs(doc, title_end, not_name_spans)
        self._challenge_names(doc, title_end)
        self._one_word_data_names(doc, title_end)
        self._data_list_members(doc, title_end)
        self._compound_uses(doc)
        self._attention_variants(doc)
        self._component_lists(doc)
        self._late_long_forms(doc, not_names)
        self._elided_versions(doc)
        self._join_acronyms(doc)
        self._repeat_long_names(doc)
        _drop_other_meanings(doc, redefined)
        self._title_purpose_name(doc, title_end)
        self._title_describes_a_name(doc, title_end)
        self._listed_with_benchmarks(doc)
        self._listed_with_systems(doc)
        return doc

    def _title_purpose_name(self, doc: Doc, title_end: int) -> None:
        """A title that opens with a capitalised technique or architecture before "for / of"
        names what the paper proposes: "Implicit Quantile Networks for Distributional ...",
        "Sigmoid Loss for Language Image Pre-Training", "Entity Embeddings of Categorical
        Variables". Only when nothing else covers those words and the abstract names no
        method sharing their stems ("Feature Pyramid Networks" defines "FPN" itself)."""
        if doc._.kg_title_colon is not None:
            return  # the part before a colon is `_title_name`'s
        end = next((t.i for t in doc[:title_end] if t.lower_ in ("for", "of")), None)
        if end is None or not 2 <= end <= 5 or not self._capitalised_phrase(doc, end):
            return
        word = doc[end - 1].lower_
        if not any(self._technique_head(w) or w in self.architecture_heads for w in (word, word.removesuffix("s"))):
            return  # "Asynchronous Methods", "Similarity Analysis": no thing's name
        own = _stems(doc[:end].text)
        for m in mentions_of(doc):
            if m.start < end:
                return
            if m.type in (None, "Method", "Model") and len(own & _stems(m.text)) >= 2:
                return  # (types are not settled yet: None is any name)
        add_mention(
            doc, self._mention(doc, 0, end, "title", role="proposed", role_by="named_spans._title_purpose_name")
        )

    def _listed_with_benchmarks(self, doc: Doc) -> None:
        """ "BlogCatalog, Flickr, and YouTube", "CIFAR-100 (91.7%), Flowers (98.8%)": a capitalised
        word listed beside known benchmarks is one more, though alone it reads as a word."""
        known = {
            i
            for m in mentions_of(doc)
            if m.catalogue_id and m.type in ("Benchmark", "Dataset")
            for i in (m.start, m.end - 1)
        }
        for tok, before, after in self._lone_list_words(doc, 1, (",", "(", ")", ".", ";"), glued=False):
            if before in known or after in known:
                self._add_listed(doc, tok, "Benchmark")

    def _listed_with_systems(self, doc: Doc) -> None:
        """ "IQN and Rainbow", "Phi and Mistral", "Chainer and PyTorch": a lone capitalised word
        coordinated with a known method or model is one more of its kind, though alone it reads as
        a word ("rainbow", "chainer"). The known name is one word too: beside a longer one, a
        capitalised word is as often a piece of a capitalised phrase. Words of the title are left
        to the title rules."""
        known = {
            m.start: m.type
            for m in mentions_of(doc)
            if m.catalogue_id and m.type in ("Method", "Model") and m.length == 1
        }
        if not known:
            return
        title_end = doc._.kg_title_end or 0
        titled = {t.lower_ for t in doc[:title_end]}
        for tok, before, after in self._lone_list_words(doc, max(1, title_end), (",", ")", ".", ";"), glued=True):
            if tok.lower_ in titled:
                continue  # a word of the title names the paper's own work, not a system beside it
            kind = known.get(before) if before is not None else None
            kind = kind or (known.get(after) if after is not None else None)
            if kind is not None:
                self._add_listed(doc, tok, kind)

    @staticmethod
    def _lone_list_words(
        doc: Doc, start: int, closers: tuple[str, ...], glued: bool
    ) -> Iterator[tuple[Token, int | None, int | None]]:
        """Capitalised words from ``start`` on that no mention covers and that end where a list
        member ends (a closer or "and / or" next; "Moments in Time" opens a longer name), with
        the starts of their list neighbours; ``glued``: the word also stands right after list glue."""
        taken = {i for m in mentions_of(doc) for i in range(m.start, m.end)}
        for tok in doc[start:-1]:
            if tok.i in taken or not tok.is_title or tok.is_sent_start or tok.is_stop or not tok.is_alpha:
                continue
            if doc[tok.i + 1].text not in closers and doc[tok.i + 1].lower_ not in ("and", "or"):
                continue
            if glued and doc[tok.i - 1].text not in (",", "(") and doc[tok.i - 1].lower_ not in ("and", "or"):
                continue
            yield tok, _list_neighbour(doc, tok.i, -1), _list_neighbour(doc, tok.i, 1)

    def _add_listed(self, doc: Doc, tok: Token, kind: str) -> None:
        add_mention(
            doc,
            Mention(
                tok.i,
                tok.i + 1,
                tok.text,
                "shape",
                type=kind,
                type_source="list",
                confidence=self.confidence.get("listed", 0.5),
            ),
        )

    @staticmethod
    def _title_describes_a_name(doc: Doc, title_end: int) -> None:
        """ "Densely Connected Convolutional Networks" and the "Dense Convolutional Network
        (DenseNet)" its abstract defines: a whole title that shares most word stems with a name
        the abstract defines describes that name, so it becomes one of its forms (a known
        technique the title shares words with, "Collaborative Filtering", is not defined here)."""
        title = next((m for m in mentions_of(doc) if m.start == 0 and m.source == "title"), None)
        if title is None or title.end < title_end - 1:
            return  # only a title that is one name as a whole
        own = _stems(title.text)
        for m in mentions_of(doc):
            if m.start < title_end or not m.aliases or m.length < 2 or m.type == "Task":
                continue  # a name defined here ("... (DenseNet)"), not any known technique
            shared = own & _stems(m.text)
            if len(shared) >= 2 and len(shared) >= 0.6 * max(len(own), len(_stems(m.text))):
                title.canonical = m.canonical or m.text
                return

    def _component_lists(self, doc: Doc) -> None:
        """ "two techniques: Initial residual and Identity mapping", "three major technical
        contributions, namely cross-batch negatives, denoised hard negatives and data
        augmentation": the members of a list the authors call their components name them."""
        for tok in doc:
            if tok.lower_ not in _COMPONENT_NOUNS:
                continue
            sent = tok.sent
            words = {t.lower_ for t in sent}
            if not words & {"we", "our", "its"}:
                continue
            k = tok.i + 1
            while k < sent.end and k - tok.i <= self.reach["component_opener"] and doc[k].lower_ not in _LIST_OPENERS:
                if (doc[k].is_punct and doc[k].text != ",") or doc[k].lower_ == "to":
                    break  # "innovations to: (i) bridge ...": purposes, not parts
                k += 1
            if k >= sent.end or doc[k].lower_ not in _LIST_OPENERS:
                continue
            for start, end in self._members(doc, k + 1, sent.end):
                span = doc[start:end]
                named = any(m.start < end and start < m.end for m in mentions_of(doc))
                if not named and not self._generic(span.text):  # a named member keeps its own role
                    add_mention(
                        doc,
                        self._mention(
                            doc,
                            start,
                            end,
                            "named",
                            type="Method",
                            type_source="cue",
                            role="proposed",
                            role_by="named_spans._component_lists",
                        ),
                    )

    @staticmethod
    def _late_long_forms(doc: Doc, not_names: set[str]) -> None:
        """ "a novel algorithm, which we call automatic domain randomization (ADR)": a lowercase
        long form that the short-form step left alone (no catalogue entry, no kind noun) may be
        named by a later rule; its defined short form is then that name's alias, not a second
        entity (the guide: aliases are the other forms in the text, the defined acronym first)."""
        for ab in doc._.kg_abbreviations or []:
            if ab.short not in not_names:
                _alias_short_form(doc, ab, tasks=False)

    def _members(self, doc: Doc, i: int, stop: int) -> list[tuple[int, int]]:
        """Noun phrases of a list: each member runs from past its article or enumerator to the
        first word that opens a clause or a prepositional phrase."""
        members = []
        while i < stop:
            while i < stop and (doc[i].lower_ in _MEMBER_SKIP or doc[i].is_punct or doc[i].like_num):
                i += 1
            while i < stop and doc[i].lower_ in ("novel", "new"):
                i += 1  # "a novel algorithm, which we call ...": praise opens no name
            if i < stop and doc[i].lower_.endswith("ly"):
                break  # "... and empirically show": the sentence goes on past the list
            start = i
            while i < stop and (doc[i].is_alpha or "-" in doc[i].text) and doc[i].lower_ not in _MEMBER_END:
                i += 1
            end = i
            words = [t.lower_ for t in doc[start:end]]
            # Two to five words, not a verb phrase ("devising a plan") nor a plural class
            # ("language-only models"), though some parts are plural ("cross-batch negatives").
            plural = bool(words) and words[-1].endswith("s") and words[-1] not in _PLURAL_PARTS
            if (
                2 <= len(words) <= 5
                and not words[0].endswith("ing")
                and words[-1] not in self.generic_words
                and not plural
            ):
                members.append((start, end))
            last = start > 0 and doc[start - 1].lower_ == "and"
            while i < stop and doc[i].text not in (",", ";") and doc[i].lower_ != "and":
                i += 1  # the rest of this member's clause
            if last:
                break  # "A, B and C": the list ends with the member after "and"
            i += 1
        return members

    @staticmethod
    def _repeat_long_names(doc: Doc) -> None:
        """A new multi-word name is the same name wherever its words recur: "Audio Spectrogram
        Transformer" defined in the abstract is the title's name too, not a use of the
        "Transformer" inside it."""
        longs = {
            m.text: m
            for m in mentions_of(doc)
            if m.length >= 2 and not m.catalogue_id and m.source != "task" and m.type != "Task"
        }
        if not longs:
            return
        full = doc.text  # built from the tokens on each access: once
        for text, m in longs.items():
            at = full.find(text)
            while at >= 0:
                span = doc.char_span(at, at + len(text))
                if span is not None and span.start != m.start:
                    copy = Mention(span.start, span.end, text, m.source, type=m.type, canonical=m.canonical)
                    copy.confidence, copy.type_source, copy.role = m.confidence, m.type_source, m.role
                    copy.role_by = m.role_by
                    add_mention(doc, copy)
                at = full.find(text, at + len(text))

    def _modifier(self, text: str) -> bool:
        """ "PORTIA-enhanced", "GCN-based": a hyphenated modifier is not itself a name."""
        base, dash, suffix = text.rpartition("-")
        return bool(dash and base and (suffix.lower() in self.compound_suffixes or self._name_participle(base, suffix)))

    def _adjective(self, text: str) -> bool:
        """ "English-Centric", "E(3)-equivariant", "Document-Level": a word ending in an
        adjective's suffix describes a name-like thing, it is none. Only a word standing alone: in
        a run of capitalised words ("Sharpness-Aware Minimization") it may open a name."""
        base, dash, suffix = text.rpartition("-")
        return bool(dash and base) and suffix.lower() in self.adjective_suffixes

    def _name_participle(self, base: str, suffix: str) -> bool:
        """ "GPT-4-outperforming", "FLOPs-matched": a name joined to a participle describes
        something by that name; a gerund that names a process stays ("DQN-learning")."""
        if not (suffix.isalpha() and suffix.islower() and suffix.endswith(("ed", "ing"))):
            return False
        return suffix not in self.noun_gerunds and bool(_NAME_LIKE_BASE.search(base))

    def _elided_versions(self, doc: Doc) -> None:
        """ "PASCAL VOC 2007, 2012", "SQuAD 1.1 and 2.0", "Kinetics-400, -600 and -700",
        "CIFAR-10/100": a bare version after a versioned known name is that name's other
        version."""
        for m in list(mentions_of(doc)):
            if not (m.catalogue_id or m.type in ("Benchmark", "Dataset")):
                continue
            last = doc[m.end - 1].text
            if m.length >= 2 and (_VERSION_NUMBER.match(last) or _SIZE_OR_COUNT.match(last)):
                base, joint = doc[m.start : m.end - 1].text, " "
            elif (hyphened := _HYPHEN_VERSION.match(last)) and m.length == 1:
                base, joint = hyphened.group(1), "-"
            else:
                continue
            i = m.end
            while i + 1 < len(doc) and doc[i].text in (",", "and", "or", "/"):
                version = doc[i + 1].text.lstrip("-")
                name = f"{base}{joint}{version}"
                entry = self.catalogue.lookup(name)
                if not (version.isdigit() if joint == "-" else _same_version_shape(last, version, entry is not None)):
                    break  # "CIFAR-10, 6.20 FID": a score, not a version
                add_mention(
                    doc,
                    Mention(
                        i + 1,
                        i + 2,
                        doc[i + 1].text,
                        "catalogue" if entry else "shape",
                        type=entry.type if entry else m.type,
                        canonical=entry.name if entry else name,
                        catalogue_id=entry.name if entry else None,
                        confidence=m.confidence,
                    ),
                )
                i += 2

    def _compound_uses(self, doc: Doc) -> None:
        """ "Transformer-based", "GCN-like", "BERT-style", "Wikipedia-based": a known method,
        model or dataset inside a hyphenated modifier is used by the paper."""
        for match in self._compound_pattern.finditer(doc.text):  # text search: no token walk
            entry = self.catalogue.lookup(match.group(1))
            span = doc.char_span(match.start(), match.end())
            if entry is None or entry.type not in ("Method", "Model", "Dataset") or span is None or len(span) != 1:
                continue
            if not _written_as(match.group(1), entry):
                continue  # "zero-initialized" is no ZeRO
            if entry.type == "Method" and names_a_model_class(
                doc, span.start, span.end, entry.name, self.model_class_nouns, self.model_class_modifiers
            ):
                continue  # "transformer-based language models": a class of models, not the architecture
            self._add_compound_use(doc, span, entry, match.group(1))
        self._two_word_compound_uses(doc)

    def _one_word_data_names(self, doc: Doc, title_end: int) -> None:
        """ "trained on the Wisconsin dataset": a single capitalised word between "the" and a data
        noun is that dataset's name (a language is which part: "the English corpus")."""
        covered = {i for m in mentions_of(doc) for i in range(m.start, m.end)}
        for tok in doc[max(title_end, 1) : len(doc) - 1]:
            if tok.i in covered or doc[tok.i - 1].lower_ != "the" or doc[tok.i + 1].lower_ not in ("dataset", "corpus"):
                continue
            if tok.is_alpha and tok.text[:1].isupper() and not tok.is_stop and tok.lower_ not in _LANGUAGE_NAMES:
                if not self._generic(tok.text):
                    add_mention(doc, self._mention(doc, tok.i, tok.i + 1, "capitalised"))

    def _data_list_members(self, doc: Doc, title_end: int) -> None:
        """ "three datasets: Zorb, Quux and Blix", "datasets such as Zorb", "the Zorb and Quux
        corpora": single capitalised words listed right after or before a plural data noun are
        the data it names, though alone each reads as a word."""
        covered = {i for m in mentions_of(doc) for i in range(m.start, m.end)}
        for tok in doc[max(title_end, 1) : len(doc)]:
            if tok.lower_ not in _DATA_PLURALS or not tok.text.islower():
                continue
            k = tok.i + 1
            while k < len(doc) and doc[k].lower_ in _DATA_LIST_OPENERS:
                k += 1
            if k > tok.i + 1:  # a list after the noun: "datasets, including A, B and C"
                self._add_data_members(doc, k, 1, covered)
            k = tok.i - 1  # a list before it: "the A, B and C datasets"
            if k >= 1 and (doc[k].text[:1].isupper() or doc[k].is_digit):
                self._add_data_members(doc, k, -1, covered)

    def _add_data_members(self, doc: Doc, k: int, step: int, covered: set[int]) -> None:
        """Members from token ``k`` in direction ``step``: names (taken already, or single
        capitalised words, added here) joined by commas, "and" and "or"."""
        while 0 <= k < len(doc):
            if k in covered:
                m = mention_at(doc, k)
                k = (m.end if step > 0 else m.start - 1) if m else k + step
            else:
                tok = doc[k]
                if not (tok.is_alpha and tok.text[:1].isupper() and not tok.is_stop and not tok.is_sent_start):
                    return
                if tok.lower_ in _LANGUAGE_NAMES or self._generic(tok.text):
                    return
                nxt = doc[k + 1] if k + 1 < len(doc) else None
                if nxt is not None and nxt.text[:1].isupper():
                    return  # "A, Zorb Quux, ...": a longer name, not one word
                add_mention(doc, self._mention(doc, k, k + 1, "capitalised"))
                covered.add(k)
                k += step
            past = _past_glue(doc, k, step)
            if past == k:
                return
            k = past

    def _two_word_compound_uses(self, doc: Doc) -> None:
        """ "a new Common Crawl-based dataset": a known two-word dataset inside a hyphenated
        modifier is data the paper draws on, like "Wikipedia-based"."""
        for match in self._two_word_compound.finditer(doc.text):
            entry = self.catalogue.lookup(match.group(1))
            span = doc.char_span(match.start(), match.end())
            if entry is not None and entry.type == "Dataset" and span is not None and len(span) == 2:
                self._add_compound_use(doc, span, entry, match.group(1))

    def _add_compound_use(self, doc: Doc, span: Span, entry: CatalogueEntry, written: str) -> None:
        """The name as the paper writes it ("BiLSTM" in "BiLSTM-based") is kept as an alias: the
        catalogue's name may be another spelling ("bidirectional LSTM"), and the whole modifier
        is no name anyone writes."""
        add_mention(
            doc,
            Mention(
                span.start,
                span.end,
                span.text,
                "catalogue",
                type=entry.type,
                canonical=entry.name,
                catalogue_id=entry.name,
                confidence=self.confidence.get("shape", 0.5),
                role="used" if entry.type == "Dataset" else None,  # data drawn from, not a result
                role_by="named_spans._add_compound_use" if entry.type == "Dataset" else None,
                aliases=[written],
            ),
        )

    def _attention_variants(self, doc: Doc) -> None:
        """ "the disentangled attention mechanism", "a tree-based attention mechanism": the word
        before "attention mechanism" names which attention; "attention mechanism" alone is the
        general idea the catalogue knows."""
        for m in list(mentions_of(doc)):
            if m.canonical != "attention mechanism" or m.start == 0 or m.end - m.start != 2:
                continue
            mod = doc[m.start - 1]
            if not self._lowercase_word(mod) or mod.lower_ in self.cues.self_words or mod.is_stop:
                continue
            variant = self._mention(doc, m.start - 1, m.end - 1, "named", type="Method", type_source="cue")
            variant.aliases = [doc[m.start - 1 : m.end].text]
            doc._.kg_mentions = [x for x in mentions_of(doc) if x is not m]
            add_mention(doc, variant)

    def _extends_known(self, doc: Doc, start: int, end: int) -> bool:
        """ "SQuAD v2.0 Test F1": capitals running on after a catalogue name are not part of it,
        unless they are version words ("Speech Commands V2"); a modifier before it may be
        ("Multilingual MMBench"), and an organisation opens product names ("Google Play")."""
        return any(
            m.catalogue_id
            and m.type != "Organization"
            and (
                (m.start == start and m.end < end and not all(self._is_version(t) for t in doc[m.end : end]))
                or (m.type == "Metric" and m.end == end)  # "Test F1" is a measure
            )
            for m in mentions_of(doc)
        )

    def _join_acronyms(self, doc: Doc) -> None:
        """An acronym nothing defines that spells a multi-word name in the title is its short
        form: "PoFT" for "Preference-Oriented Supervised Fine-Tuning", "DeAL" for
        "Decoding-time Alignment"."""
        title_end = doc._.kg_title_end or 0
        longs = [
            m for m in mentions_of(doc) if m.length >= 2 and m.end <= title_end and not m.catalogue_id and not m.aliases
        ]
        if not longs:
            return
        # "the classical Optimal Brain Surgeon (OBS) framework": a short form the text gives
        # another name is defined, though its letters spell the title's ("Optimal Brain Compression").
        defined = {a for m in mentions_of(doc) for a in m.aliases}
        for m in mentions_of(doc):
            short = m.text
            if m.source not in ("shape", "named") or m.canonical or m.length != 1 or not 2 <= len(short) <= 10:
                continue
            if short in defined:
                continue
            if sum(c.isupper() for c in short) < 2:
                continue
            for long in longs:
                text = long.canonical or long.text
                if short in text or text[:1].upper() != short[:1].upper():
                    continue
                if long_form_for(short, text) == text:
                    long.aliases.append(short)  # the alias joins every use of the short form
                    break

    def _title_name(self, doc: Doc, title_end: int) -> None:
        colon = doc._.kg_title_colon
        if colon is None:
            self._whole_title(doc, title_end)
            return
        if not 0 < colon <= 3:
            return
        span = doc[:colon]
        for m in mentions_of(doc):  # "wav2vec 2.0: ...": a known name before the colon is proposed here
            if m.start == 0 and m.end == colon and m.catalogue_id and m.type != "Task":
                m.role, m.role_by = "proposed", "named_spans._title_name"
                return
        if any(t.lower_ in _SENTENCE_WORDS for t in span):
            return  # "Feast Your Eyes: ...", "Towards Deeper GCNs: ...": a phrase, not a name
        if colon > 1 and span[0].lower_.endswith("ing") and not is_name_shaped(span[0].text):
            return  # "Understanding R1-Zero-Like Training: ...": a verb phrase, as in whole titles
        if colon > 2 and _ROMAN.match(span[-1].text) and not any(is_name_shaped(t.text) for t in span[:-1]):
            return  # "Tensor Programs V: ...": a paper in a series named by plain words, not a method's name
        # "AlignScore: ..." or "Tacotron: ...": a short capitalised name before the colon.
        shaped = any(is_name_shaped(t.text) for t in span)
        capitalised = all(t.text[:1].isupper() or t.text[:1].isdigit() for t in span)  # "3D Diffuser Actor"
        if not shaped and colon > 1 and not _named_again(doc, span, title_end):
            return  # "Stop Regressing: ...", "Sleeper Agents: ...": plain words the abstract never uses are a motto
        if (shaped or (colon <= 3 and capitalised)) and not self._generic(span.text):
            for m in mentions_of(doc):  # the catalogue may know the name already: it is proposed here
                if m.start == 0 and m.end == colon:
                    m.role, m.role_by = "proposed", "named_spans._title_name"
                    return
            add_mention(doc, self._mention(doc, 0, colon, "title", role="proposed", role_by="named_spans._title_name"))

    def _whole_title(self, doc: Doc, title_end: int) -> None:
        """A short title that is one capitalised noun phrase names what the paper proposes:
        "Layer Normalization", "Prioritized Experience Replay", "Double Q-learning". Titles with
        a function word ("for", "with", "Is") are sentences or purposes, not names; a title
        that names a task ("Neural Machine Translation") proposes no method."""
        end = title_end
        while end > 0 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if not self._capitalised_phrase(doc, end):
            return
        kind_noun = doc[end - 1].lower_ in self.generic_words
        for m in mentions_of(doc):  # the catalogue may know it already: proposed here, unless a task
            if m.start == 0 and m.end == end:
                if m.type != "Task":
                    m.role, m.role_by = "proposed", "named_spans._whole_title"
                return
            if m.start == 0 and m.end == end - 1 and m.catalogue_id and kind_noun:
                return  # "Proximal Policy Optimization Algorithms": the known name, which roles' title subject proposes
        if doc[end - 1].lower_ in self.task_heads:
            return
        if any(m.type == "Task" and m.end == end for m in mentions_of(doc)):
            return  # "Planning-oriented Autonomous Driving": it ends in a known task
        add_mention(doc, self._mention(doc, 0, end, "title", role="proposed", role_by="named_spans._whole_title"))

    def _capitalised_phrase(self, doc: Doc, end: int) -> bool:
        """The title's first `end` tokens are two to five capitalised content words, not generic
        and not a verb phrase ("Learning Dexterous In-Hand Manipulation", "Designing Network
        Design Spaces"; "Auto-Encoding Variational Bayes" is a name)."""
        words = [t for t in doc[:end] if t.text != "-"]
        if not 2 <= len(words) <= 5 or self._generic(doc[:end].text):
            return False
        if words[0].lower_.endswith("ing") and "-" not in words[0].text:
            return False
        for t in doc[:end]:
            after_hyphen = t.i > 0 and doc[t.i - 1].text == "-" and not doc[t.i - 1].whitespace_
            if t.text == "-" or after_hyphen:
                continue
            if t.is_stop or not t.text[:1].isupper() or not t.text.replace("-", "").isalpha():
                return False
        return True

    def _technique_head(self, word: str) -> bool:
        """A word that ends a technique's name ("Loss", "Supervision", "Regularization"), not a
        task's ("Synthesis", "Understanding") nor a vague one ("Rewards", "Mapping"); in a
        hyphenated word, its last part ("cross-attention")."""
        low = word.lower()
        heads = self.technique_heads
        return low in heads or low.rpartition("-")[2] in heads or low.endswith(("ization", "isation"))

    def _title_means(self, doc: Doc, title_end: int) -> None:
        """The title's means: "... via Large-Scale Weak Supervision", "... with Pruning, Trained
        Quantization and Huffman Coding", "... From Natural Language Supervision". A capitalised
        phrase after "via / using / with / by / through / from" that ends in a technique word
        names the technique the paper proposes or builds on."""
        i = 1
        while i < title_end:
            if doc[i - 1].lower_ not in self.means_words:
                i += 1
                continue
            while i < title_end:  # the members of "with A, B and C"
                end = i
                while end < title_end and doc[end].text[:1].isupper() and not doc[end].is_punct:
                    end += 1
                span = doc[i:end]
                if (
                    end - i >= 2
                    and self._technique_head(doc[end - 1].text)
                    and not any(is_name_shaped(t.text, in_title=True) for t in span)
                    and not self._generic(span.text)
                ):
                    add_mention(doc, self._mention(doc, i, end, "title", type="Method", type_source="cue"))
                if end >= title_end or doc[end].lower_ not in (",", "and") or end == i:
                    break
                i = end + 1
            i += 1

    def _introduced_names(self, doc: Doc) -> None:
        """Names right after "named / called / dubbed", or right after "we propose / present":
        "we present Chronos, a framework ..." introduces a one-word name no shape rule sees."""
        for tok in doc:
            if tok.i + 1 >= len(doc):
                continue
            start = tok.i + 1
            if tok.lower_ in self.cues.propose_words and tok.i > 0 and doc[tok.i - 1].lower_ in ("we", "paper", "work"):
                if doc[start].lower_ in ("the", "our") and start + 1 < len(doc):
                    start += 1
                if not doc[start].text[:1].isupper():
                    continue
            elif tok.lower_ not in _INTRODUCERS:
                continue
            if doc[start].text in (",", ":"):
                start += 1
            if (quoted := self._quoted_name(doc, start)) is not None:
                add_mention(doc, self._mention(doc, start + 1, quoted, "named"))
                continue
            end = start
            while (
                end < len(doc)
                and end - start < 6
                and (doc[end].text[:1].isupper() or is_name_shaped(doc[end].text) or self._joins_names(doc, end, start))
            ):
                end += 1
            if end == start and tok.lower_ in _INTRODUCERS:
                end = self._modified_known_name(doc, start)
            if end > start and not self._generic(doc[start:end].text):
                add_mention(doc, self._mention(doc, start, self._grow(doc, start, end), "named"))

    @staticmethod
    def _modified_known_name(doc: Doc, start: int) -> int:
        """ "a new algorithm, called soft Q-learning": after "called / named", one or two plain
        words before a known method's name are part of the new name, which is that method made
        over; where it ends (``start`` when no known name follows them)."""
        k = start
        while k < min(len(doc), start + 2) and doc[k].is_alpha and doc[k].text.islower() and not doc[k].is_stop:
            k += 1
        known = next((m for m in mentions_of(doc) if m.start == k and m.catalogue_id), None)
        if k == start or known is None or known.type not in ("Method", "Model"):
            return start
        return known.end

    def _quoted_name(self, doc: Doc, start: int) -> int | None:
        """'a tool called "Am I in The Stack"': quotes after "called / named" hold the whole
        name, function words and all; where it ends (the closing quote), when it opens with a
        capital and is no generic phrase."""
        close = _QUOTES.get(doc[start].text) if start < len(doc) else None
        if close is None or start + 1 >= len(doc) or not doc[start + 1].text[:1].isupper():
            return None
        end = next((k for k in range(start + 2, min(start + 2 + self.max_run, len(doc))) if doc[k].text == close), None)
        if end is None or self._generic(doc[start + 1 : end].text):
            return None
        return end

    def _new_kind_apposition(self, doc: Doc) -> None:
        """ "a new architecture, the Dragonnet, that ...", "a new optimization algorithm,
        Lookahead, that ...": a capitalised word set off after "a new / novel" kind noun is
        that new thing's name, though alone it reads as a word."""
        for tok in doc[2:-3]:
            if doc[tok.i + 1].text != "," or not tok.text.islower() or tok.lower_ not in self.cues.head_nouns:
                continue
            opening = [t.lower_ for t in doc[max(0, tok.i - self.reach["new_kind"]) : tok.i]]
            if not any(a in ("a", "an") and b in ("new", "novel") for a, b in pairwise(opening)):
                continue
            start = tok.i + 2 + (doc[tok.i + 2].lower_ == "the")
            end = start
            while end < len(doc) and end - start < 4 and doc[end].text[:1].isupper() and doc[end].is_alpha:
                end += 1
            if start < end < len(doc) and doc[end].text in (",", "(", "that", "which"):
                if not self._generic(doc[start:end].text):
                    add_mention(doc, self._mention(doc, start, end, "named"))

    def _lowercase_word(self, tok: Token) -> bool:
        return tok.text.islower() and tok.text[0].isalpha() and tok.lower_ not in self.modifier_stop

    def _appositions(self, doc: Doc, title_end: int) -> None:
        """ "Chronos, a language modeling framework": a capitalised word explained by an
        apposition whose head says what kind of thing it is."""
        for tok in doc[title_end + 1 : -3]:
            nxt = doc[tok.i + 1]
            if not (tok.text[:1].isupper() and tok.is_alpha and len(tok.text) > 2 and nxt.text == ","):
                continue
            if tok.is_sent_start or doc[tok.i - 1].text in (".", "(", ":") or self._generic(tok.text):
                continue
            if doc[tok.i + 2].lower_ not in ("a", "an"):
                continue
            window = doc[tok.i + 3 : min(len(doc), tok.i + self.reach["apposition_head"])]
            for word in window:
                if word.is_punct:
                    break
                if word.lower_ in self.cues.head_nouns and word.text.islower():
                    add_mention(doc, self._mention(doc, tok.i, tok.i + 1, "named"))
                    break

    def _shaped_names(
        self, doc: Doc, title_end: int, not_names: set[str], not_name_spans: set[tuple[int, int]]
    ) -> None:
        defined = defined_short_forms(doc)
        inside_not_names = {k for start, end in not_name_spans for k in range(start, end)}
        # "large multimodal models (LMMs)", then "12 open LMMs": a plural short form too
        not_name_stems = {n.rstrip("s") for n in not_names}
        i = 0
        while i < len(doc):
            tok = doc[i]
            if (
                not is_name_shaped(tok.text, in_title=i < title_end)
                or self._generic(tok.text)
                or self._modifier(tok.text)
                or self._adjective(tok.text)
                or tok.text.rstrip("s") in not_name_stems
                or i in inside_not_names
            ):
                i += 1
                continue
            if self._bare_unit(doc, i, defined) or self._machine_model(doc, i) or self._stray_capitals(doc, i):
                i += 1
                continue
            if self._unit_of_number(doc, i, defined):
                i += 1
                continue
            end = i + 1 if self._known_metric(tok.text) else self._grow(doc, i, i + 1)
            # "GPT-4 Turbo", "Claude 3 Opus": a capitalised word before a name-shaped one joins it
            # when the catalogue says it opens a model name.
            start = i
            if i > title_end and i > 0 and doc[i - 1].text in self.cues.model_prefixes:
                start = i - 1
            elif self._capitals_word_before(doc, i):
                start = i - 1
            if not self._generic(doc[start:end].text) and not self._licence(
                doc, end
            ):  # "NVIDIA V100": grown over a machine
                add_mention(doc, self._mention(doc, start, end, "shape"))
            i = end

    def _math_names(self, doc: Doc) -> None:
        """Names with a math symbol ("$Ψ$PO", "(IA)^3"), which the tokenizer splits at the "$" or "(":
        found on the text, kept where they fall on token boundaries."""
        for m in _MATH_NAME.finditer(doc.text):
            span = doc.char_span(m.start(), m.end())
            if span is not None:
                add_mention(doc, self._mention(doc, span.start, span.end, "shape"))

    def _capitals_word_before(self, doc: Doc, i: int) -> bool:
        """ "DAGs with NO TEARS", "NIST SRE": a word in capitals right before a capitals-only name
        opens it, unless it is a name of its own (known, or a generic class: "LLM API")."""
        if i == 0 or not (doc[i].text.isupper() and doc[i].text.isalpha()):
            return False
        before = doc[i - 1]
        if not (before.text.isupper() and before.text.isalpha() and len(before.text) >= 2) or before.is_sent_start:
            return False
        if self._generic(before.text) or before.text in self.hardware_words or self._lookup(before.text):
            return False
        return not any(m.start <= i - 1 < m.end for m in mentions_of(doc))

    def _known_metric(self, text: str) -> bool:
        """ "a new SOTA mAP 50.6%", "BLEU 28.4": a known metric's following number is its score,
        not a version of it."""
        entry = self.catalogue.lookup(text)
        return entry is not None and entry.type == "Metric"

    @staticmethod
    def _stray_capitals(doc: Doc, i: int) -> bool:
        """ "cOntext", "eXtreme", "Interaction NETwork": an ordinary word the paper also writes plainly,
        with capitals only to pick out an acronym's letters, is that word, not a name."""
        text = doc[i].text
        if not text.isalpha() or text.islower() or text.isupper() or text.istitle():
            return False
        low = text.lower()
        return any(t.lower_ == low and (t.text.islower() or t.text.istitle()) for t in doc if t.i != i)

    def _licence(self, doc: Doc, end: int) -> bool:
        """ "under an OpenRAIL license", "the Apache 2.0 licence": a name before a licence word
        names the terms a release is under, not a method or a resource."""
        return end < len(doc) and doc[end].lower_ in self.licence_words

    def _machine_model(self, doc: Doc, i: int) -> bool:
        """ "Unitree G1", "NVIDIA A100", "Tesla V100": a model number after a hardware maker or
        machine word names the machine, not a method; so does one before a processor word ("a
        T4 GPU", "P100 GPUs")."""
        if i + 1 < len(doc) and doc[i + 1].text in self.processor_words:
            return True
        return i > 0 and _MEMORY_SIZE.sub("", doc[i - 1].text) in self.hardware_words

    def _joins_names(self, doc: Doc, i: int, start: int) -> bool:
        """ "Wide & Deep": an ampersand between capitalised words is inside one name, unless
        a known name follows it ("ILSVRC & COCO") or a size or version ends the name before it
        ("UL2 20B & Flan-UL2 20B": two sized models)."""
        if not (doc[i].text == "&" and i > start and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()):
            return False
        if self._is_version(doc[i - 1]):
            return False
        return not any(m.catalogue_id and m.start == i + 1 for m in mentions_of(doc))

    def _bare_unit(self, doc: Doc, i: int, defined: set[str]) -> bool:
        """A short capitals-only token that nothing defines ("AP", "MB", "DRAM", "DIC") is
        more often a unit, a measure or an abbreviation of prose than a named entity."""
        text = doc[i].text
        if not (text.isalpha() and text.isupper() and len(text) <= self.max_bare_acronym):
            return False
        if text in defined or (i + 1 < len(doc) and doc[i + 1].lower_ in self.cues.head_nouns):
            return False
        # In a list of names ("DPA, DPO, and SFT") it keeps its neighbours' company; joined by
        # "and / or" to a plain word ("attention and FFN layers", "phase contrast and DIC") it is
        # prose's shorthand like that word.
        if _joined_to_a_word(doc, i):
            return True
        around = {doc[i - 1].text if i > 0 else "", doc[i + 1].text if i + 1 < len(doc) else ""}
        return not around & {",", "and", "or", "("}

    def _unit_of_number(self, doc: Doc, i: int, defined: set[str]) -> bool:
        """ "less than 0.5MB", "an 825 GiB corpus", "a 3.1 TB dataset": a short word right after a
        figure is the figure's unit, a quantity, not a name; unless the paper defines it or the
        catalogue knows it ("2 GCN layers")."""
        if i == 0 or not any(c.isdigit() for c in doc[i - 1].text) or not doc[i - 1].like_num:
            return False
        text = doc[i].text
        if not (text.isalpha() and len(text) <= 3) or text in defined:
            return False
        return self._lookup(text) is None

    def _challenge_head(self, doc: Doc, i: int) -> int | None:
        """Where a challenge, competition, track or shared-task head starting at token i ends; a
        lowercase "track" only right after a capitalised word ("the TREC Web track")."""
        tok = doc[i]
        if tok.lower_ in self.challenge_heads:
            if tok.lower_ == "track" and tok.text == "track" and not (i > 0 and doc[i - 1].text[:1].isupper()):
                return None
            return i + 1
        if i + 1 < len(doc) and f"{tok.lower_} {doc[i + 1].lower_}" in self.challenge_heads:
            return i + 2
        return None

    def _challenge_names(self, doc: Doc, title_end: int) -> None:
        """ "the NeurIPS 2018 Adversarial Vision Challenge", "the ISBI cell tracking challenge 2015",
        "the TREC 2004 Robust Track", "the WMT 2019 Metrics shared task": a challenge named by a
        capitalised word before its head is a benchmark, with its years; a known benchmark it
        holds stays its alias."""
        for i in range(1, len(doc)):
            head_end = self._challenge_head(doc, i)
            if head_end is None:
                continue
            start, lowercase, k = None, 0, i - 1
            while k >= 0 and i - k <= self.max_run:
                tok = doc[k]
                if (tok.text[:1].isupper() and not tok.is_stop and tok.is_alpha) or is_name_shaped(tok.text):
                    if tok.is_sent_start and not is_name_shaped(tok.text):
                        break  # "Adversarial challenges remain": a sentence's capital, not a name
                    start = k
                elif _YEAR.match(tok.text):
                    pass
                elif tok.is_alpha and tok.text.islower() and not tok.is_stop and lowercase < _CHALLENGE_WORDS:
                    if start is not None:
                        break  # "the ImageNet scene parsing challenge": lowercase words only after the name
                    lowercase += 1
                else:
                    break
                k -= 1
            if start is None or (start < title_end and not is_name_shaped(doc[start].text, in_title=True)):
                continue  # "Measuring Coding Challenge Competence": a title capitalises every word
            if start > 0 and _YEAR.match(doc[start - 1].text):
                start -= 1  # "the 2019 VoxCeleb Speaker Recognition Challenge"
            if self._one_of_many(doc, start):
                continue
            end = head_end + (head_end < len(doc) and bool(_YEAR.match(doc[head_end].text)))
            mention = self._mention(doc, start, end, "shape", type="Benchmark", type_source="cue")
            mention.canonical = mention.canonical or mention.text
            mention.aliases = self._challenge_data(doc, start, i)
            add_mention(doc, mention)

    @staticmethod
    def _challenge_data(doc: Doc, start: int, head: int) -> list[str]:
        """The data a challenge is an edition of: the name right before its head ("the CoNLL03
        shared task"), or a known benchmark that is its only capitalised word ("the BioASQ
        question answering challenge"); "the 2019 VoxCeleb Speaker Recognition Challenge" has a
        name of its own."""
        inner = [m for m in mentions_of(doc) if start <= m.start and m.end <= head]
        known = [m for m in inner if m.catalogue_id and m.type in ("Benchmark", "Dataset")]
        covered = {k for m in known for k in range(m.start, m.end)}
        own = [t for t in doc[start:head] if t.text[:1].isupper() and t.i not in covered]
        data = [m for m in inner if m.end == head] + (known if not own else [])
        return list(dict.fromkeys(m.canonical or m.text for m in data))

    @staticmethod
    def _one_of_many(doc: Doc, start: int) -> bool:
        """ "a recent Kaggle competition": an indefinite article before the name, past its
        lowercase modifiers, makes it one of many, not a named one."""
        k = start - 1
        while k >= 0 and doc[k].is_alpha and doc[k].text.islower() and not doc[k].is_stop:
            k -= 1
        return k >= 0 and doc[k].lower_ in ("a", "an")

    def _capitalised_runs(self, doc: Doc, title_end: int, not_name_spans: set[tuple[int, int]]) -> None:
        defined = defined_short_forms(doc)
        for sent in doc.sents if doc.has_annotation("SENT_START") else [doc[:]]:
            i = max(sent.start + 1, title_end)  # skip the sentence's first word and the title
            while i < sent.end:
                word = doc[i].text
                generic = len(word) > 2 and self._generic(word)  # "US Medical License Exam" opens one
                if not word[:1].isupper() or _LATEX.search(word) or self._modifier(word) or generic:
                    i += 1  # "a new SOTA 80.0% accuracy": a generic word opens no name
                    continue
                if self._unit_of_number(doc, i, defined):
                    i += 1  # "an 825 GiB English corpus": a figure's unit opens no name
                    continue
                opens = doc[i - 1].text in (":", ";") or doc[i - 1].text.endswith(".")
                if (doc[i].is_stop and opens) or doc[i].lower_ in _LANGUAGE_NAMES or doc[i].lower_ in self.run_openers:
                    # "(1) Existing PRMs fail ...", "(i) Most LLMs excel ...": a quantifier opens no name;
                    # "models: For YOLO-Nano ...", "MagicoderS. Both": a clause opens here;
                    # "the Spanish RTVE2022 database": the language says which part, not the name
                    i += 1
                    continue
                end = i
                while (
                    end < sent.end
                    and end - i < self.max_run
                    and not (end > i and doc[end - 1].text.endswith(".") and len(doc[end - 1]) > 2)
                    and not _LATEX.search(doc[end].text)
                    and not self._modifier(doc[end].text)
                    and not self._stray_capitals(doc, end)
                    and (
                        doc[end].text[:1].isupper()
                        or (self._is_version(doc[end]) and end > i)
                        or self._joins_names(doc, end, i)
                    )
                ):
                    end += 1
                if (i, end) in not_name_spans:  # "MicroController Units (MCUs)": a generic short form's long form
                    i = end
                    continue
                if _citation(doc, i, end):
                    i = end
                    continue
                if end - i >= 2 and not self._generic(doc[i:end].text) and not self._extends_known(doc, i, end):
                    if not self._licence(doc, end):
                        add_mention(doc, self._mention(doc, i, end, "capitalised"))
                i = max(end, i + 1)


# Plural data nouns whose lists name data, and the words that open such a list after them.
_DATA_PLURALS = frozenset({"datasets", "corpora", "benchmarks"})
_DATA_LIST_OPENERS = frozenset(
    {":", "(", "such", "as", "like", "including", "e.g.", "e.g.,", "namely", "i.e.", "i.e.,"}
)
_COMPONENT_NOUNS = {"techniques", "components", "contributions", "modules", "innovations", "ingredients", "mechanisms"}
_LIST_OPENERS = {":", "namely", "include", "includes", "including"}
_MEMBER_SKIP = {"a", "an", "the", "and", "or", "i", "ii", "iii", "iv", "first", "second", "third", "then", "finally"}
_MEMBER_END = {"which", "where", "that", "to", "for", "with", "by", "in", "on", "of", "using", "through", "via", "from"}
_MEMBER_END |= {"and", "or", "is", "are", "was", "were", "we", "it", "can", "as"}
_PLURAL_PARTS = {"negatives", "connections", "embeddings"}
# Nouns besides the part kinds that a technique's name may follow in apposition: "a new decoding strategy, ...".
_APPOSITION_KINDS = frozenset({"loss", "objective", "regularizer", "phenomenon"})


def _alias_short_form(doc: Doc, ab: Abbreviation, tasks: bool = True) -> None:
    """The mention found over a definition's long form takes the defined short form as an alias
    (with ``tasks`` False, only a mention that is no task)."""
    for m in mentions_of(doc):
        if m.start == ab.long_start and m.end == ab.long_end and ab.short not in m.aliases:
            if tasks or m.type != "Task":
                m.aliases.append(ab.short)


def _list_neighbour(doc: Doc, i: int, step: int) -> int | None:
    """The token index of the next list member from ``i`` in direction ``step``, past a bracketed
    figure ("(98.8%)") and a glue word (",", "and", "or"); None when no glue word separates them."""

    def past_bracket(k: int) -> int:
        opening, closing = ("(", ")") if step > 0 else (")", "(")
        if 0 <= k < len(doc) and doc[k].text == opening:
            while 0 <= k < len(doc) and doc[k].text != closing:
                k += step
            k += step
        return k

    start = past_bracket(i + step)
    k = _past_glue(doc, start, step)
    glued = k != start
    k = past_bracket(k)
    return k if glued and 0 <= k < len(doc) else None


def _past_glue(doc: Doc, k: int, step: int) -> int:
    """The first token index from ``k`` in direction ``step`` that is no list glue (",", "and", "or");
    ``k`` itself when none stands there."""
    while 0 <= k < len(doc) and doc[k].lower_ in LIST_GLUE:
        k += step
    return k


def _joined_to_a_word(doc: Doc, i: int) -> bool:
    """Whether "and / or" joins token i to a plain lowercase word (not an article or a
    determiner opening another name: "a baseline HMM and a hybrid HMM-RNN")."""
    for glue, other in ((i - 1, i - 2), (i + 1, i + 2)):
        if 0 <= other < len(doc) and doc[glue].lower_ in ("and", "or"):
            word = doc[other]
            if word.is_alpha and word.text.islower() and not word.is_stop:
                return True
    return False


def _same_version_shape(last: str, version: str, known: bool) -> bool:
    """ "ImageNet 512x512 and 256x256", "Kinetics 400 and 600": a bare token after a versioned
    name is its other version when it has the version's shape; a bare count only when the
    catalogue knows the name it makes ("Kinetics 600"), since a count is more often a score."""
    if _VERSION_NUMBER.match(last) and _VERSION_NUMBER.match(version):
        return True
    if _RESOLUTION.match(last) and _RESOLUTION.match(version):
        return True
    return known and last.isdigit() and version.isdigit()


_DASHED_ARTICLE = re.compile(r"^(.*[A-Za-z0-9)])-(a|an|the)$")


def _dash_before_article(text: str) -> str | None:
    """ "GraphMAE-a simple graph autoencoder": a dash written without spaces before an article
    ends the name; the tokenizer kept the article on it. The name without it, or None."""
    m = _DASHED_ARTICLE.match(text)
    return m.group(1) if m and is_name_shaped(m.group(1)) else None


def _citation(doc: Doc, start: int, end: int) -> bool:
    """ "Kiperwasser & Goldberg (2016)", "(Frankle & Carbin 2019)": authors joined by "&" before a
    year cite a paper; they name no method."""
    if not any(t.text == "&" for t in doc[start:end]):
        return False
    after = [t.text for t in doc[end : end + 2]]
    return bool(after) and (
        bool(_CITED_YEAR.match(after[0])) or (after[0] == "(" and len(after) > 1 and bool(_CITED_YEAR.match(after[1])))
    )


def _named_again(doc: Doc, span: Span, title_end: int) -> bool:
    """Whether the abstract after the title uses the title's phrase again, in any spacing, case or
    number ("Context Encoders" as "context encoder"), a word whose capitals are its initials
    ("Vision Transformer" as "ViT"), or one of its words capitalised inside a sentence, as a name
    ("Lookahead Optimizer" as "Lookahead")."""
    rest = doc[title_end:]
    if match_key(span.text).removesuffix("s") in match_key(rest.text):
        return True
    initials = "".join(t.text[0] for t in span if t.text[:1].isalpha()).upper()
    words = {t.text for t in span if t.text[:1].isupper() and len(t.text) > 2}
    return any(
        "".join(c for c in t.text if c.isupper()) == initials or (t.text in words and not t.is_sent_start) for t in rest
    )


def _stems(text: str) -> set[str]:
    """Four-letter word stems: "Densely Connected Networks" and "Dense Network" share two."""
    return {w[:4] for w in re.split(r"[\s-]+", text.lower()) if len(w) > 2}


def _drop_other_meanings(doc: Doc, redefined: list[tuple[int, str]]) -> None:
    """From its definition on, a short form the paper defines is not the catalogue's other
    name for it."""
    if redefined:
        doc._.kg_mentions = [
            m
            for m in mentions_of(doc)
            if not any(m.catalogue_id == other and m.length == 1 and m.start >= at for at, other in redefined)
        ]


# How far the rules look, in tokens (config.cfg, [components.kg_named_spans.reach]).
_REACH = {
    "component_opener": 4,
    "new_kind": 4,
    "kind_article": 5,
    "apposition_head": 9,
}


@Language.factory(
    "kg_named_spans",
    assigns=["doc._.kg_mentions"],
    requires=["doc._.kg_abbreviations"],
    default_config={
        "catalogue_paths": [],
        "max_run": 7,
        "max_bare_acronym": 4,
        "confidence": {
            "abbreviation": 0.85,
            "title": 0.9,
            "named": 0.85,
            "shape": 0.7,
            "capitalised": 0.55,
            "listed": 0.5,
            "part": 0.6,
        },
        "reach": _REACH,
    },
)
def make_named_span_finder(
    nlp: Language,
    name: str,
    catalogue_paths: list[str],
    max_run: int,
    max_bare_acronym: int,
    confidence: dict[str, float],
    reach: dict[str, int],
) -> NamedSpanFinder:
    return NamedSpanFinder(
        nlp,
        name,
        catalogue_paths,
        max_run,
        max_bare_acronym,
        confidence,
        reach,
    )
