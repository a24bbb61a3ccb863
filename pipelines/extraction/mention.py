"""The per-mention annotation that the extraction components pass along on ``Doc._.kg_mentions``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

__all__ = ["Mention", "add_mention", "ensure_extensions", "mentions_of", "sentence_of"]


@dataclass
class Mention:
    """One occurrence of a candidate entity in a doc (token offsets, end exclusive)."""

    start: int
    end: int
    text: str
    source: str  # how it was found: catalogue, abbreviation, shape, title, named, list, capitalised, task
    type: str | None = None
    confidence: float = 0.5
    canonical: str | None = None  # catalogue name or abbreviation long form
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    catalogue_id: str | None = None
    type_source: str | None = None  # catalogue, cue, list or default: how sure the type is
    # The rule that last set the role / the type ("roles._title_subject", "catalogue"), for
    # `kg extract --explain`: names are greppable in pipelines/, and deciding nothing themselves.
    role_by: str | None = None
    type_by: str | None = None
    # For a catalogued Method or Model: what the text's own words call this mention ("X, an object
    # detector", "a ... loss (X)"), which decides the type where the paper proposes it.
    own_type: str | None = None
    # Grown over the year or split that follows a benchmark ("COCO test-dev", "ILSVRC 2017"): an
    # edition of the catalogued name, which the guide keeps apart from the bare name.
    edition: bool = False

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end

    @property
    def length(self) -> int:
        return self.end - self.start


def ensure_extensions() -> None:
    """Register the Doc extensions once; components call this in their constructor."""
    if not Doc.has_extension("kg_mentions"):
        Doc.set_extension("kg_mentions", default=None)
    if not Doc.has_extension("kg_abbreviations"):
        Doc.set_extension("kg_abbreviations", default=None)
    if not Doc.has_extension("kg_title_end"):
        Doc.set_extension("kg_title_end", default=0)
    if not Doc.has_extension("kg_variant_heads"):
        # Catalogue techniques named only as the head of a noun compound ("weight quantization").
        Doc.set_extension("kg_variant_heads", default=None)
    if not Doc.has_extension("kg_known_plurals"):
        # Plurals of known one-word architectures ("Transformers"): mentions the catalogue matcher
        # builds (its type and confidence) but does not add, since alone they name the class;
        # roles.py adds those of the base the paper's own name is built on.
        Doc.set_extension("kg_known_plurals", default=None)
    if not Doc.has_extension("kg_title_colon"):
        Doc.set_extension("kg_title_colon", default=None)
    if not Doc.has_extension("kg_scorer"):
        # The learned keep-or-drop decision (scorer.py) that assembling the entities hands them to.
        Doc.set_extension("kg_scorer", default=None)


def reach_setting(component: str, given: dict[str, int], defaults: dict[str, int]) -> dict[str, int]:
    """A component's ``reach`` windows, checked: spaCy fills a dict setting's missing keys from its
    defaults but keeps unknown ones, so a misspelled window would otherwise be ignored silently."""
    unknown = sorted(set(given) - set(defaults))
    if unknown:
        raise ValueError(
            f"{component}: unknown reach window(s) {', '.join(unknown)} in the config; "
            f"the windows it reads are {', '.join(sorted(defaults))}"
        )
    return {**defaults, **given}


def sentence_of(doc: Doc, m: Mention) -> Span:
    """The sentence ``m`` stands in; the whole doc when no component split sentences."""
    return doc[m.start].sent if doc.has_annotation("SENT_START") else doc[:]


def mentions_of(doc: Doc) -> list[Mention]:
    if doc._.kg_mentions is None:
        doc._.kg_mentions = []
    return doc._.kg_mentions


def mention_at(doc: Doc, i: int) -> Mention | None:
    """The mention covering token ``i``, if any."""
    return next((m for m in mentions_of(doc) if m.start <= i < m.end), None)


# Words that say a model is trained on what follows ("fine-tune X on Y", "pre-trained on Y").
PRETRAINING_WORDS = frozenset({"pre-trained", "pretrained", "pre-training", "pretraining", "pre-train", "pretrain"})
TRAINING_WORDS = PRETRAINING_WORDS | {"train", "trained", "training", "fine-tune", "fine-tuned", "fine-tuning"}
TRAINING_WORDS |= {"finetune", "finetuned", "finetuning"}  # the same words, spelled without the hyphen

# Between the names of a list: "A, B and C", "A (B) or C".
LIST_GLUE = frozenset({",", "and", "or"})

# Words that end a name's phrase and open another: "trained on X", "better than X", "via X".
PREPOSITIONS = frozenset(
    {"of", "on", "in", "for", "from", "with", "to", "over", "than", "against", "by", "into", "at", "via"}
    | {"upon", "beyond", "using"}
)

# One size or configuration part of a checkpoint's name: "ResNeXt-64x4d-101", "ViT-B/16", "Swin-L".
SIZE_PART = re.compile(
    r"^(\d+|\d+x\d+d|\d+px|\d+(\.\d+)?[BM]|[SBLHGTeg]|Nano|Tiny|Small|Medium|Base|Large|Huge|XL|XXL|[vV]\d+)$"
)


def add_mention(doc: Doc, new: Mention) -> bool:
    """Add ``new`` unless a longer or equally long mention already covers it; shorter overlapping
    mentions are replaced, so "Arena Hard Auto" wins over "Arena Hard"."""
    mentions = mentions_of(doc)
    for old in mentions:
        if old.overlaps(new) and old.length >= new.length:
            return False
    doc._.kg_mentions = [m for m in mentions if not m.overlaps(new)] + [new]
    return True


def past_short_form(doc: Doc, i: int, end: int) -> int:
    """Token ``i`` moved past a one-token short form in brackets there ("(RPN)"), before ``end``:
    what follows a name's acronym speaks of the name."""
    return i + 3 if i + 2 < end and doc[i].text == "(" and doc[i + 2].text == ")" else i


def names_a_model_class(
    doc: Doc, start: int, end: int, name: str, nouns: frozenset[str], modifiers: frozenset[str]
) -> bool:
    """ "transformer models", "large transformer language models", "transformer-based detectors":
    an architecture the catalogue writes as a proper name ("Transformer"), written in lowercase
    before a plural model noun, names the class of models built that way, which the guide leaves
    out ("transformers as a family"), not the architecture a paper builds on."""
    if not name[:1].isupper() or not doc[start:end].text.islower():
        return False
    k = end
    while k < len(doc) and doc[k].lower_ in modifiers:
        k += 1
    return k < len(doc) and doc[k].lower_ in nouns
