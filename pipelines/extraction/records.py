"""From a processed doc to the paper's entity list: mentions of one thing become one entity.

Mentions are grouped when they share a name or alias (case, spacing and punctuation
ignored), so "DPO" and "Direct Preference Optimization" in one abstract are one entry.
Affiliations from the paper's metadata and organisation-owned code links join here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Set as AbstractSet
from functools import cache

from spacy.tokens import Doc

from kg.ids import match_key
from kg.model import ROLE_STRENGTH, Evidence, ExtractedEntity, Paper
from pipelines.extraction import explain as trace
from pipelines.extraction.abbreviations import long_form_for
from pipelines.extraction.mention import Mention, mentions_of, sentence_of
from pipelines.extraction.named_spans import is_name_shaped
from pipelines.extraction.resources import Catalogue, load_catalogue, load_cues
from pipelines.extraction.roles import COMPARISON_WORDS, PROPOSABLE_TYPES, word_before_article, word_inside
from pipelines.extraction.scorer import ADDED, entity_features, group_features

__all__ = ["code_owner_organizations", "doc_to_entities", "scored_entities"]

# A code link's owner: "github.com/OWNER/repo" or a project page "OWNER.github.io/...".
_GITHUB = re.compile(
    r"github\.com/([A-Za-z0-9][A-Za-z0-9-]*)/|(?<![\w.-])([A-Za-z0-9][A-Za-z0-9-]*)\.github\.io\b", re.I
)
# Owners named like institutions ("GAIR-NLP", "kaistAI", "mit-han-lab", "thuml", "dptech-corp"),
# or as acronyms ("THUDM", "MCG-NJU"); people's handles are not.
_ORG_LIKE = re.compile(
    r"(?i:(lab|labs|ai|nlp|ml|vl|research|group|team|institute|university|org|corp))$|^[A-Z]{4,}$|^[A-Z]{2,}-[A-Z]{2,}$"
)
MAX_EVIDENCE = 3
OLDER_BY = 3  # years between a known name's introduction and a paper that cannot be proposing it
_YEAR = re.compile(r"^((?:19|20)\d\d)")
_ARXIV_ID = re.compile(r"^arxiv:(\d\d)(\d\d)\.\d{4,5}")
_PAPER_ARXIV = re.compile(r"(?:^arxiv:|arxiv\.org/(?:abs|pdf)/|10\.48550/arxiv\.)(\d{4}\.\d{4,5})", re.I)
# A page about one arXiv paper names it by its identifier as a path part (ar5iv, Hugging Face
# papers, arxiv-vanity, mirrors): "huggingface.co/papers/2305.18290", ".../paper/1611.07004v3".
_LINKED_ARXIV = re.compile(
    r"^https?://[^?#]*/(\d\d(?:0[1-9]|1[0-2])\.\d{4,5})(?:v\d+)?(?:\.pdf|\.md|\.html)?/?(?:[?#]|$)", re.I
)
# Formula and markup characters, a sentence end inside ("G. The", "Cityscapes-C. Code"), a dash
# run, a web address: spans with these are pieces of equations, of two sentences or of links.
_NOT_A_NAME = re.compile(r"[=^\\<>|~{}]|--|\w(?<!\bDr)\. [A-Z]|https?://|www\.|\w\.(com|org|io)/")
_BRACKETS = ("()", "[]")
# A subscript ("E_8", "CO_2") is a formula; sizes joined by slashes ("7B/13B") are a list of sizes.
_SUBSCRIPT = re.compile(r"[A-Za-z]_\d")
_SIZE_LIST = re.compile(r"^[A-Za-z-]*\d+(\.\d+)?[BM](/\d+(\.\d+)?[BM])+$")
# What a name carries after it, standing alone: a version ("V2", "v1.1"), a size ("7B", "(7B)"),
# a year, or one letter split off a size ("S2EF-2M" read as "S2EF-2" and "M").
_BARE_QUALIFIER = re.compile(r"^([A-Za-z]|[vV]\d+(\.\d+)*|\(?\d+(\.\d+)?[KMBT]\)?|(19|20)\d\d)$")
_BY_MEANS = ("through", "via", "using", "by")
# A version number written after a name ("StarCoder 2", "VideoMAE V2", "Pix2Seq v2.0", "Wav2Lip II").
_VERSION_AFTER = re.compile(r"^([vV]?\d{1,2}(\.\d+)*|I{2,3}|IV)$")
# A name's plural ("DenseNets", "Neural Radiance Fields", "VLAs"), not a version ("FastSpeech 2s")
# nor a word that ends in s ("Gauss").
_PLURAL = re.compile(r"[A-Za-z](?<!s)s$")


@cache
def _cue_words(name: str) -> frozenset[str]:
    """A word list of the bundled cues as a set, built once: records.py reads its lists per
    paper, some per pair of entities."""
    return frozenset(load_cues().extra.get(name, ()))


def _pairing(text: str) -> bool:
    """ "RetinaNet+PVT", "SFT+RLHF": two names joined by a plus are a pairing of both (a detector
    on a backbone, one stage after another), not one more name."""
    left, plus, right = text.partition("+")
    return bool(plus and " " not in text and left[:1].isupper() and right[:1].isupper())


def plausible_name(text: str) -> bool:
    """False for spans no paper would use as a name: formulas ("F(G(X", "L(L+1)/2"),
    sentence joins ("G. The", "OPT-30B. With"), dash runs ("FedAvg---improving"), links,
    subscripts ("E_8"), lists of sizes ("7B/13B", "Llama3B/8B/70B") and a version, size, year or
    letter alone ("on V1 and 77.0% on V2"): what qualifies a name is none without it.

    >>> [plausible_name(t) for t in ("GPT-4 (0613)", "Dr. GRPO", "F(G(X", "L(L+1)/2", "G. The", "OPT-30B. With")]
    [True, True, False, False, False, False]
    >>> [plausible_name(t) for t in ("FedAvg---x", "github.com/NVlabs/SegFormer", "https://x.org/a")]
    [False, False, False]
    >>> [plausible_name(t) for t in ("E_8", "7B/13B", "Llama3B/8B/70B", "ViT-B/16", "DiT-XL/2")]
    [False, False, False, True, True]
    >>> [plausible_name(t) for t in ("V2", "v1.1", "(7B)", "2017", "M", "T5", "V-JEPA")]
    [False, False, False, False, False, True, True]
    """
    if _NOT_A_NAME.search(text) or any(text.count(o) != text.count(c) for o, c in _BRACKETS):
        return False
    if _SUBSCRIPT.search(text) or _SIZE_LIST.match(text) or _pairing(text) or _BARE_QUALIFIER.match(text):
        return False
    return not re.search(r"\(\w+\+", text)  # "L(L+1)": arithmetic inside brackets


def code_owner_organizations(text: str, catalogue: Catalogue | None = None) -> list[str]:
    """Owners of GitHub links that look like organisations, not people.

    >>> code_owner_organizations("Code: https://github.com/GAIR-NLP/x and https://github.com/zchoi/y")
    ['GAIR-NLP']
    >>> code_owner_organizations("Project page: https://osu-nlp-group.github.io/Mind2Web")
    ['osu-nlp-group']
    """
    catalogue = catalogue or load_catalogue()
    owners = []
    for owner in (a or b for a, b in _GITHUB.findall(text)):
        entry = catalogue.lookup(owner)
        if (entry is not None and entry.type == "Organization") or _ORG_LIKE.search(owner):
            # A catalogued library's account ("tensorflow/addons") is not an affiliation.
            owners.append(owner)
    return list(dict.fromkeys(owners))


class _Groups:
    """Union-find over mention indices, joined through shared name keys."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _keys(m: Mention) -> set[str]:
    keys = {match_key(m.canonical or m.text)}
    if m.source == "abbreviation" or (m.catalogue_id and m.type != "Task"):
        # The short form: its later uses are the same thing; a known name's own spelling too
        # ("'RL from AI Feedback' (RLAIF)" and the catalogue's "RLAIF" are one entity).
        keys.add(match_key(m.text))
    keys.update(match_key(a) for a in m.aliases)
    if m.type in ("Method", "Model"):
        # "DenseNets" are the paper's "DenseNet", the catalogue's "Neural Radiance Fields" its
        # "a Neural Radiance Field, or NeRF".
        keys.update(match_key(form[:-1]) for form in {m.text, m.canonical or ""} if _PLURAL.search(form))
    if m.catalogue_id:
        keys.add("catalogue:" + m.catalogue_id)
    return {k for k in keys if k}


def _sentence_text(doc: Doc, sent) -> str:
    """One string object per sentence, shared by every entity seen in it: on large builds the
    evidence sentences are most of the memory, and copies of the same sentence add up."""
    cache = doc.user_data.setdefault("kg_sentences", {})
    text = cache.get(sent.start)
    if text is None:
        text = cache[sent.start] = sent.text.strip()
    return text


def _type_mention(group: list[Mention]) -> Mention:
    """The mention whose type the group takes when no catalogue entry types it: the most confident;
    but a task phrase outranks a name typed only by the fallback guess ("Machine comprehension
    (MC)" is the task the title names)."""
    best = max(group, key=lambda m: m.confidence)
    if best.type_source == "default":
        return next((m for m in group if m.type == "Task" and m.type_source != "default"), best)
    return best


def deciding_mentions(group: list[Mention], catalogue: Catalogue) -> tuple[Mention, Mention]:
    """The mentions whose type and role the group's entity takes (``_entity``): the catalogued
    one's type or ``_type_mention``'s, and the first, in reading order, of the strongest role
    among the mentions whose roles count. The learned scorer reads their rules as features."""
    catalogued = next((m for m in group if m.catalogue_id), None)
    counted = _role_mentions(group, catalogued, catalogue)
    strongest = max((m.role or "mentioned" for m in counted), key=ROLE_STRENGTH.__getitem__)
    role_mention = min((m for m in counted if (m.role or "mentioned") == strongest), key=lambda m: m.start)
    return catalogued or _type_mention(group), role_mention


def _untyped_capitalised_run(doc: Doc, group: list[Mention]) -> bool:
    """ "Text Summary", "Model Evaluation", "Assessment Misalignment", "Opinion Scores": a run of
    capitalised words that is all the text gives of a name (no short form defined for it, no
    catalogue entry), that no cue typed and the paper does not propose, is as often a capitalised
    description, problem or measure as a named technique; the guide annotates named things, so
    the typing fallback's guess is not kept. A word written like a name ("ZorbSet-2M", "NIST")
    makes it one, and so does comparing with it ("outperforms FlimFlam Prompting"): a baseline."""
    for m in group:
        if m.source != "capitalised" or m.type_source != "default" or m.role == "proposed":
            return False
        if any(is_name_shaped(t.text) for t in doc[m.start : m.end]):
            return False
        sent = sentence_of(doc, m)
        if any(t.lower_ in COMPARISON_WORDS for t in sent):
            return False
    return True


def _own_words_type(group: list[Mention]) -> str | None:
    """What the paper's own words call a catalogued system it proposes, first in reading order:
    the guide types a paper's own system by how its abstract calls it ("an object detector" a
    Model, "a loss" a Method), and the catalogue's type is for the name used elsewhere."""
    return next((m.own_type for m in sorted(group, key=lambda m: m.start) if m.own_type), None)


def _role_mentions(group: list[Mention], catalogued: Mention | None, catalogue: Catalogue) -> list[Mention]:
    """The mentions whose roles count. A textbook term (a lowercase catalogue entry no paper
    introduced) defined in the text under a spelling the catalogue lacks ("we derive a maximum
    likelihood estimator (MLE)") is not the paper's proposal: that "proposed" reads the definition."""
    if catalogued is None or catalogued.type == "Task" or not _textbook_term(catalogued, catalogue):
        return group
    return [m for m in group if m.catalogue_id or m.role != "proposed"]


def _textbook_term(m: Mention, catalogue: Catalogue) -> bool:
    """ "maximum likelihood estimation", "multi-layer perceptron": a known name written in
    lowercase that no catalogued paper introduced."""
    entry = catalogue.lookup(m.canonical or m.text)
    return entry is not None and entry.id is None and entry.name == entry.name.lower()


def _entity(
    doc: Doc, group: list[Mention], decided: tuple[Mention, Mention], catalogue: Catalogue, explain: bool = False
) -> ExtractedEntity:
    """The entity of one group; ``decided`` holds the mentions it takes its type and role from
    (``deciding_mentions``)."""
    catalogued = next((m for m in group if m.catalogue_id), None)
    edition_only = all(m.edition for m in group)  # a group is never empty
    if edition_only:
        # "55.1 AP on COCO test-dev", never the bare name: that edition, as written, is what the
        # paper reports on (guide: versions that identify a distinct thing stay distinct)
        name = Counter(m.text for m in group).most_common(1)[0][0]
    elif catalogued is not None:
        name = catalogued.canonical or catalogued.text
    else:
        # A mention with aliases is a long form ("Preference-Oriented SFT" for "PoFT").
        long_forms = [m.canonical or m.text for m in group if m.canonical or m.aliases]
        name = (
            Counter(long_forms).most_common(1)[0][0]
            if long_forms
            else Counter(m.text for m in group).most_common(1)[0][0]
        )
    name_key = match_key(name)
    aliases = []
    surfaces = [a for m in group for a in m.aliases] + [m.text for m in group]
    if edition_only and catalogued is not None:
        surfaces.append(catalogued.canonical or catalogued.text)  # the catalogue's name of the base
    for surface in surfaces:
        if match_key(surface) != name_key and surface not in aliases:
            aliases.append(surface)
    # The catalogue's type is trusted; otherwise the most confident typed mention decides, and a
    # task phrase outranks the fallback guess ("Machine comprehension (MC)", untyped, is the task
    # the title names "Machine Comprehension").
    typed, role_mention = decided
    entity_type, role = typed.type, role_mention.role or "mentioned"
    confidence = min(0.99, max(m.confidence for m in group) + 0.03 * (len(group) - 1))
    evidence = []
    for m in sorted(group, key=lambda m: m.start)[:MAX_EVIDENCE]:
        span = doc[m.start : m.end]
        sentence = _sentence_text(doc, span.sent) if doc.has_annotation("SENT_START") else doc.text
        evidence.append(Evidence(sentence, span.start_char, span.end_char))
    entity = ExtractedEntity(entity_type or "Method", name, role, aliases, confidence, evidence)
    if explain:
        entity.explain = trace.explanation(doc, group, entity, catalogued)
    own_type = _own_words_type(group) if catalogued and role == "proposed" else None
    if own_type is not None and entity.type in ("Method", "Model"):
        entity.type = own_type  # "We present DINO (...), a strong end-to-end object detector"
        trace.note(entity, "type", "records._own_words_type")
    return entity


def _absorb(into: ExtractedEntity, other: ExtractedEntity, by: str) -> None:
    """``other`` is another name of ``into``: its names become aliases, its evidence is added and
    the stronger role wins (recorded for the explain trace as set by ``by``)."""
    into.aliases.extend(a for a in [other.name, *other.aliases] if a not in into.aliases and a != into.name)
    into.role = max(into.role, other.role, key=ROLE_STRENGTH.__getitem__)
    trace.note(into, "role", by, other.explain and {"name": other.name, **other.explain["role"]})
    into.evidence.extend(other.evidence[: max(0, MAX_EVIDENCE - len(into.evidence))])


def _nest_tasks(entities: list[ExtractedEntity], catalogue: Catalogue | None = None) -> list[ExtractedEntity]:
    """ "zero-shot image captioning" and "image captioning" in one paper are one task, named
    by the more specific phrase; the general one stays as its alias.

    >>> a = ExtractedEntity("Task", "zero-shot image captioning", "evaluated_on", [], 0.6, [])
    >>> b = ExtractedEntity("Task", "image captioning", "mentioned", [], 0.9, [])
    >>> [(e.name, e.aliases) for e in _nest_tasks([a, b])]
    [('zero-shot image captioning', ['image captioning'])]
    """
    tasks = sorted((e for e in entities if e.type == "Task"), key=lambda e: -len(e.name))
    dropped: set[int] = set()
    for i, general in enumerate(tasks):
        for specific in tasks[:i]:
            if id(specific) in dropped or len(specific.name) <= len(general.name):
                continue
            if specific.name.lower().endswith(" " + general.name.lower()) or _leaves_out_data(
                general.name, specific.name, catalogue
            ):
                _absorb(specific, general, "records._nest_tasks")
                dropped.add(id(general))
                break
    return [e for e in entities if id(e) not in dropped]


def _paradigms_in_settings(entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """ "reinforcement learning" (a technique) in a paper on "offline reinforcement learning" (the
    setting it works in, a task): the lowercase paradigm that heads the paper's task is that task."""
    tasks = sorted((e for e in entities if e.type == "Task"), key=lambda e: len(e.name))
    dropped: set[int] = set()
    for general in entities:
        if general.type != "Method" or general.role == "proposed" or general.name != general.name.lower():
            continue
        specific = next((t for t in tasks if t.name.lower().endswith(" " + general.name)), None)
        if specific is None:
            continue
        _absorb(specific, general, "records._paradigms_in_settings")
        dropped.add(id(general))
    return [e for e in entities if id(e) not in dropped]


def _leaves_out_data(general: str, specific: str, catalogue: Catalogue | None = None) -> bool:
    """ "long-term series forecasting" is "long-term time series forecasting", "zero-shot
    classification" "zero-shot image classification": a task named again without the kind of
    data it works on (the cues' task data words) is the same task.

    >>> _leaves_out_data("zero-shot classification", "zero-shot image classification")
    True
    >>> _leaves_out_data("speech recognition", "speech emotion recognition")
    False
    """
    data_words = _cue_words("task_data_words")
    rest = specific.lower().split()
    for word in general.lower().split():
        if word not in rest:
            return False
        skipped, rest = rest[: rest.index(word)], rest[rest.index(word) + 1 :]
        if not set(skipped) <= data_words:
            return False
    if len(general) >= len(specific) or not set(rest) <= data_words:
        return False
    # A known task of its own ("dense retrieval") is not the unknown longer phrase's short form.
    catalogue = catalogue or load_catalogue()
    return catalogue.lookup(general) is None or catalogue.lookup(specific) is not None


def _year(text: str | None) -> int | None:
    m = _YEAR.match(text or "")
    return int(m.group(1)) if m else None


def _arxiv_year(identifier: str | None) -> int | None:
    """ "arxiv:1707.06347" -> 2017 (new-style identifiers name the year and month)."""
    m = _ARXIV_ID.match(identifier or "")
    return 2000 + int(m.group(1)) if m else None


def _earlier_arxiv_id(entry_id: str, own: str | None) -> bool:
    """Whether the catalogue entry's arXiv id comes before the paper's own: arXiv numbers its
    papers in the order they are first submitted, so the entry was introduced by an earlier
    paper, which this one builds on ("VideoMAE V2" is not the paper that introduced VideoMAE). The
    caller keeps a name that opens the title: a later, extended version of the introducing paper
    ("Cascade R-CNN: High Quality Object Detection and Instance Segmentation")."""
    entry, paper = _PAPER_ARXIV.search(entry_id or ""), _PAPER_ARXIV.search(own or "")
    if entry is None or paper is None:
        return False
    month, number = (int(part) for part in entry.group(1).split("."))
    own_month, own_number = (int(part) for part in paper.group(1).split("."))
    return (month, number) < (own_month, own_number)


def _own_arxiv_id(paper: Paper) -> str | None:
    """ "arxiv:2305.18290" from the paper's id, its arxiv.org link or its arXiv DOI (OpenAlex), or
    from a page about the paper that names it by that id ("huggingface.co/papers/2305.18290")."""
    for text in (paper.id, paper.url):
        m = _PAPER_ARXIV.search(text or "")
        if m:
            return "arxiv:" + m.group(1)
    m = _LINKED_ARXIV.match(paper.url or "")
    return "arxiv:" + m.group(1) if m else None


def _title_openers(doc: Doc) -> set[str]:
    """The known names a title opens with ("Domain Randomization for ...", "The Lottery Ticket
    Hypothesis: ...", "DistilBERT, a distilled version of BERT"); not one the title says is reached
    by other means ("Score-Based Generative Modeling through Stochastic Differential Equations"),
    nor one a version number follows ("StarCoder 2 and The Stack v2"): the title opens with a
    later version of it, another paper's work."""
    first = 1 if len(doc) > 1 and doc[0].lower_ == "the" else 0
    return {
        m.catalogue_id
        for m in mentions_of(doc)
        if m.catalogue_id
        and m.start == first
        and not (m.end < len(doc) and (doc[m.end].lower_ in _BY_MEANS or _VERSION_AFTER.match(doc[m.end].text)))
    }


def _title_means(doc: Doc) -> set[str]:
    """The known names a title gives as its means ("Exploration by Random Network Distillation",
    "High-Resolution Image Synthesis with Latent Diffusion Models"; the cues' means words)."""
    means_words = _cue_words("means_words")
    title_end = doc._.kg_title_end or 0
    return {
        m.catalogue_id
        for m in mentions_of(doc)
        if m.catalogue_id and m.end <= title_end and word_before_article(doc, m.start) in means_words
    }


def _inside_own_name(entity: ExtractedEntity, proposed: list[str]) -> bool:
    """ "Segment Anything in High Quality" proposes HQ-SAM: a known name (or its short form) inside
    the name of what the paper proposes is the base it builds on, though the title opens with it."""
    return any(word_inside(form, own) for form in (entity.name, *entity.aliases) for own in proposed)


def _roles_from_catalogue_dates(
    entities: list[ExtractedEntity],
    paper: Paper,
    catalogue: Catalogue,
    openers: AbstractSet[str] = frozenset(),
    means: AbstractSet[str] = frozenset(),
) -> None:
    """The catalogue's arXiv id names the paper that introduced an entry. When that paper is
    this one, it proposes the entry ("Deep Residual Learning ..." introduces ResNet though it
    never writes "we propose ResNet"). When it is ``OLDER_BY`` or more years older, this paper
    cannot be proposing it: "Conformer: Convolution-augmented Transformer" (2020) builds on the
    Transformer (2017). Three years, not one: a paper's date is often its venue's year, up to
    two years after its preprint. A known name that opens the title (``openers``) of a paper from
    the year it was introduced, or the next, is what the paper introduces ("Domain Randomization
    for Transferring Deep Neural Networks ...", 2017): without its arXiv id, this is the best sign
    that the paper is the one that introduced it."""
    own, year = _own_arxiv_id(paper), _year(paper.date)
    if own is None and year is None:
        return
    proposed = [e.name for e in entities if e.role == "proposed"]
    for entity in entities:
        entry = catalogue.lookup(entity.name)
        if entry is None or not entry.id:
            continue
        if entry.id == own and entity.type in PROPOSABLE_TYPES:
            entity.role = "proposed"
            trace.note(entity, "role", "records._roles_from_catalogue_dates:own_arxiv_id")
            continue
        introduced = _arxiv_year(entry.id)
        if (
            None not in (introduced, year)
            and (
                (entry.name in openers and 0 <= year - introduced <= 1) or (entry.name in means and year == introduced)
            )
            and not _inside_own_name(entity, proposed)
        ):
            if entity.type in PROPOSABLE_TYPES:
                entity.role = "proposed"
                trace.note(entity, "role", "records._roles_from_catalogue_dates:title_names_it")
                continue
        if entity.role == "proposed" and None not in (introduced, year) and year - introduced >= OLDER_BY:
            entity.role = "used"
            trace.note(entity, "role", "records._roles_from_catalogue_dates:older")
        elif entity.role == "proposed" and entry.name not in openers and _earlier_arxiv_id(entry.id, own):
            entity.role = "used"
            trace.note(entity, "role", "records._roles_from_catalogue_dates:earlier_arxiv_id")


def _makers_named_with_models(entities: list[ExtractedEntity], catalogue: Catalogue) -> list[ExtractedEntity]:
    """ "OpenAI o1", "OpenAI ChatGPT": a model named after its maker, as a separate word,
    mentions the maker (a hyphen makes a family name instead: "DeepSeek-R1")."""
    known = {match_key(e.name) for e in entities}
    makers = []
    for entity in entities:
        first, space, _ = entity.name.partition(" ")
        entry = catalogue.lookup(first) if entity.type == "Model" and space else None
        if entry is not None and entry.type == "Organization" and match_key(entry.name) not in known:
            known.add(match_key(entry.name))
            maker = ExtractedEntity("Organization", entry.name, "mentioned", [], entity.confidence, [])
            makers.append(trace.added(maker, "records._makers_named_with_models", entity.explain is not None))
    return makers


def _tasks_named_in_systems(entities: list[ExtractedEntity], catalogue: Catalogue) -> list[ExtractedEntity]:
    """ "we propose Contrastive Learning for Sequential Recommendation (CL4SRec)": a proposed
    system named as a means for a known task works on that task, though the name holds it."""
    known = {match_key(n) for e in entities for n in (e.name, *e.aliases)}
    tasks = []
    for entity in entities:
        if entity.type not in ("Method", "Model") or entity.role != "proposed":
            continue
        _, sep, purpose = entity.name.rpartition(" for ")
        entry = catalogue.lookup(purpose) if sep else None
        if entry is not None and entry.type == "Task" and match_key(entry.name) not in known:
            known.add(match_key(entry.name))
            task = ExtractedEntity("Task", entry.name, "evaluated_on", [], entity.confidence, [])
            tasks.append(trace.added(task, "records._tasks_named_in_systems", entity.explain is not None))
    return tasks


_MADE_WITH = frozenset(("model", "models"))  # "a DPO model" is trained with DPO, it is not DPO


def _kind_noun_forms(entities: list[ExtractedEntity], text: str) -> None:
    """A name with and without its kind noun is one name: "Lookahead optimizer" the abstract
    also calls "Lookahead", "SE" it writes "SE blocks". The other form, where the text uses
    it, becomes an alias, unless it is another entity's name or a bare word ("residual"); a
    method's "X model" is what X made, not X."""
    kinds, generic = _cue_words("name_kind_nouns"), _cue_words("generic_words")
    if not kinds:
        return
    taken = {match_key(n) for e in entities for n in (e.name, *e.aliases)}
    kind_pattern = "|".join(map(re.escape, sorted(kinds)))
    for entity in entities:
        if entity.type not in ("Method", "Model"):
            continue
        forms = []
        for form in (entity.name, *entity.aliases):
            bare, space, kind = form.rpartition(" ")
            if space and kind.lower() in kinds:
                if _name_like(bare) and bare.split()[-1].lower() not in generic:
                    pattern = rf"(?<![\w-]){re.escape(bare)}(?![\w-])(?!\s+(?i:{re.escape(kind)}))"
                    if re.search(pattern, text, re.I if " " in bare else 0):
                        forms.append(bare)  # "Lookahead improves ...", "our decoupled weight decay"
            elif len(form) > 1 and not _hyphen_modifier(form):
                for found in re.finditer(rf"(?<![\w-]){re.escape(form)}\s+({kind_pattern})\b", text, re.I):
                    kind = found.group(1).lower()
                    same_case = text[found.start() : found.start() + len(form)] == form
                    if same_case and not (entity.type == "Method" and kind in _MADE_WITH):
                        forms.append(f"{form} {kind}")  # "SE blocks"
                        break
        for form in forms:
            if match_key(form) not in taken:
                taken.add(match_key(form))
                entity.aliases.append(form)


def _singular_architecture_names(entities: list[ExtractedEntity]) -> None:
    """ "Highway Networks", "Memory Networks", "Wide Residual Networks": a title names its
    architecture in the plural, the class of networks built that way, and other papers name one
    of them, "a highway network". A method's or model's name or alias ending in a plural
    architecture head ("Networks", "Models", "Transformers") gives its singular as an alias, so
    papers naming either number join (one word alone, "Transformers", names the class)."""
    heads = _cue_words("architecture_heads")
    for entity in entities:
        if entity.type not in ("Method", "Model"):
            continue
        taken = {match_key(form) for form in (entity.name, *entity.aliases)}
        for form in [entity.name, *entity.aliases]:
            last = form.rpartition(" ")[2]
            if " " in form and last.endswith("s") and last[:-1].lower() in heads and match_key(form[:-1]) not in taken:
                taken.add(match_key(form[:-1]))
                entity.aliases.append(form[:-1])


def _join_kind_noun_names(entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """ "Lookahead Optimizer" (the title) and "Lookahead", "Qwen2-VL Series" and "Qwen2-VL": a
    name followed by a kind noun that says what it is, not what it is built of ("SE
    Networks" are made of "SE" blocks), is the bare name's entity; it joins it as an alias."""
    kinds = _cue_words("same_name_kind_nouns")
    owner = {match_key(n): e for e in entities if e.type in ("Method", "Model") for n in (e.name, *e.aliases)}
    dropped: set[int] = set()
    for entity in entities:
        bare, space, kind = entity.name.rpartition(" ")
        other = (
            owner.get(match_key(bare))
            if space and kind.lower() in kinds and entity.type in ("Method", "Model")
            else None
        )
        if other is None or other is entity or id(other) in dropped or id(entity) in dropped:
            continue
        _absorb(other, entity, "records._join_kind_noun_names")
        other.confidence = max(other.confidence, entity.confidence)
        dropped.add(id(entity))
    return [e for e in entities if id(e) not in dropped]


def _spelled_by(short: str, long: str) -> bool:
    """ "LaV-CoT" spells "Language-aware Visual CoT", "DrQ" "Data-regularized Q", "RT-1" "Robotics
    Transformer": the short name's letters, in order, from a capitalised name of two or more words
    that does not merely extend it ("WavLM Large" is a checkpoint of "WavLM")."""
    letters = "".join(c for c in short if c.isalpha())
    if len(letters) < 2 or len(short) >= len(long) or not long[:1].isupper() or any(c.isdigit() for c in long):
        return False
    if letters[0].lower() != long[0].lower():  # "Zeta-Mixup" is a variant of "mixup", not its long form
        return False
    if len(re.split(r"[ -]", long)) < 2 or match_key(long).startswith(match_key(short)):
        return False
    return long_form_for(letters, long) == long


def _join_own_short_names(entities: list[ExtractedEntity]) -> list[ExtractedEntity]:
    """ "we introduce LaV-CoT, the first Language-aware Visual CoT framework", "RT-1: Robotics
    Transformer for ...": a paper's own short name and the own name it spells, not defined in
    brackets, are one entity, named by the long form."""
    proposed = [e for e in entities if e.role == "proposed" and e.type in PROPOSABLE_TYPES]
    dropped: set[int] = set()
    for short in proposed:
        long = next(
            (e for e in proposed if e is not short and id(e) not in dropped and _spelled_by(short.name, e.name)), None
        )
        if long is None or id(short) in dropped:
            continue
        _absorb(long, short, "records._join_own_short_names")
        if short.confidence > long.confidence and short.type != long.type:
            long.type = short.type
            source = short.explain and {"name": short.name, **short.explain["type"]}
            trace.note(long, "type", "records._join_own_short_names", source)
        long.confidence = max(long.confidence, short.confidence)
        dropped.add(id(short))
    return [e for e in entities if id(e) not in dropped]


def _name_like(text: str) -> bool:
    """ "Lookahead", "sequence-to-sequence", "Qwen2-VL": a capital, a digit or a hyphen; not a
    bare word ("residual", "world")."""
    return len(text) > 2 and any(c.isupper() or c.isdigit() or c == "-" for c in text)


def _hyphen_modifier(text: str) -> bool:
    """ "Transformer-based", "GCN-like": a modifier, whose noun is no kind of the name."""
    return text.rpartition("-")[2].lower() in _cue_words("compound_suffixes")


def _own_systems_named_as_models(entities: list[ExtractedEntity]) -> None:
    """ "SSD: Single Shot MultiBox Detector", "Propose-and-Attend Single Shot Detector": the
    paper's own system named as a detector or retriever is a trained model, by the guide (the
    same name in another paper may stay a method: the catalogue's type)."""
    heads = _cue_words("own_system_heads")
    for entity in entities:
        if entity.type == "Method" and entity.role == "proposed" and entity.name.split()[-1].lower() in heads:
            entity.type = "Model"
            trace.note(entity, "type", "records._own_systems_named_as_models")


def _drop_variant_heads(entities: list[ExtractedEntity], heads: AbstractSet[str]) -> list[ExtractedEntity]:
    """ "weight quantization", "dataset pruning": a generic technique the abstract names only as
    the head of a noun compound is not one the paper uses or mentions by name; one it proposes
    stays."""
    return [e for e in entities if not (e.type == "Method" and e.name in heads and e.role != "proposed")]


def doc_to_entities(
    doc: Doc, paper: Paper, catalogue: Catalogue | None = None, explain: bool = False
) -> list[ExtractedEntity]:
    """The paper's entities from the pipeline's mentions. ``catalogue`` is the pipeline's own
    (bundled entries plus the user's files), so a user's entry dates and names as ours do.
    ``explain`` adds to each entity the rules that decided its type and role (explain.py). A
    pipeline with the learned scorer (scorer.py) keeps the entities it finds likely, with their
    probability as confidence."""
    scorer = doc._.kg_scorer if Doc.has_extension("kg_scorer") else None
    if scorer is None:
        return _assemble(doc, paper, catalogue or load_catalogue(), explain)
    return scorer.decide(scored_entities(doc, paper, catalogue, explain), explain)


def scored_entities(
    doc: Doc, paper: Paper, catalogue: Catalogue | None = None, explain: bool = False
) -> list[tuple[ExtractedEntity, list[str] | None]]:
    """Each entity with the features the learned scorer reads (scorer.py); None for the paper's
    own affiliations, which are never dropped. What `kg train-scorer` learns from."""
    catalogue = catalogue or load_catalogue()
    features: dict[int, list[str]] = {}
    entities = _assemble(doc, paper, catalogue, explain, features)
    return [
        (e, None if e.role == "affiliated" else features.get(id(e), [ADDED]) + entity_features(e, catalogue, entities))
        for e in entities
    ]


def _assemble(
    doc: Doc, paper: Paper, catalogue: Catalogue, explain: bool = False, features: dict[int, list[str]] | None = None
) -> list[ExtractedEntity]:
    """The entities, each from its group of mentions; given ``features``, it is filled with the
    features of each entity's group (scorer.group_features), by the entity's id."""
    mentions = [m for m in mentions_of(doc) if (m.catalogue_id or plausible_name(m.text))]
    groups = _Groups(len(mentions))
    owner: dict[str, int] = {}
    for i, m in enumerate(mentions):
        for key in _keys(m):
            if key in owner:
                groups.join(i, owner[key])
            else:
                owner[key] = i
    grouped: dict[int, list[Mention]] = defaultdict(list)
    for i, m in enumerate(mentions):
        grouped[groups.find(i)].append(m)
    kept = [group for _, group in sorted(grouped.items()) if not _untyped_capitalised_run(doc, group)]
    # ``built`` stays referenced to the end, so no later entity can reuse an id ``features`` holds.
    decided = [deciding_mentions(group, catalogue) for group in kept]
    built = [_entity(doc, group, d, catalogue, explain) for group, d in zip(kept, decided, strict=True)]
    if features is not None:
        for entity, group, d in zip(built, kept, decided, strict=True):
            features[id(entity)] = group_features(doc, group, *d)
    entities = _paradigms_in_settings(_nest_tasks(built, catalogue))
    _roles_from_catalogue_dates(entities, paper, catalogue, _title_openers(doc), _title_means(doc))
    entities = _drop_variant_heads(entities, doc._.kg_variant_heads or set())
    entities += _makers_named_with_models(entities, catalogue)
    if named_tasks := _tasks_named_in_systems(entities, catalogue):
        entities = _nest_tasks(entities + named_tasks, catalogue)
    _own_systems_named_as_models(entities)
    entities = _join_kind_noun_names(entities)
    entities = _join_own_short_names(entities)
    _kind_noun_forms(entities, doc.text)
    _singular_architecture_names(entities)

    # Affiliations: the metadata's organisations and organisation-owned code links.
    by_key = {match_key(e.name): e for e in entities}
    affiliations = [(org, 0.95) for org in paper.organizations]
    affiliations += [(owner_name, 0.7) for owner_name in code_owner_organizations(paper.abstract, catalogue)]
    for org, confidence in affiliations:
        # "Facebook AI Research (FAIR)": the bracket holds another name for the same organisation.
        written, _, other = org.partition(" (")
        forms = [written.strip(), other.rstrip(")").strip()] if other.endswith(")") else [org]
        entry = next((e for f in forms if (e := catalogue.lookup(f)) and e.type == "Organization"), None)
        name = entry.name if entry else forms[0]
        existing = by_key.get(match_key(name))
        if existing is not None:
            existing.type, existing.role = "Organization", "affiliated"
            trace.note(existing, "type", "records.doc_to_entities:affiliation")
            trace.note(existing, "role", "records.doc_to_entities:affiliation")
            existing.confidence = max(existing.confidence, confidence)
            continue
        aliases = [f for f in forms if match_key(f) != match_key(name)]
        entity = ExtractedEntity("Organization", name, "affiliated", aliases, confidence, [])
        entities.append(trace.added(entity, "records.doc_to_entities:affiliation", explain))
        by_key[match_key(name)] = entity
    if explain:
        trace.check(entities)
    return entities
