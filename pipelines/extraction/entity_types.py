"""Types for candidates the catalogue does not know, read from their context.

In order: the head noun of an abbreviation's long form ("... Optimization" is a
Method, "... Benchmark" a Benchmark), the name's own morphology ("GEdit-Bench",
"Llama-3-8B"; an unsized "-Net" is left to its context, an architecture), the noun phrase after the title's colon ("PIKA:
Expert-Level Synthetic Datasets"), a head noun right after the name ("the X dataset")
or introducing it ("a benchmark, X" / "an LLM called X"), "test set" or "challenge" after
it ("the Hub5'00 test set"), an apposition after it ("X, a preference dataset") and, failing all
those, a definition ("X is a comprehensive benchmark"). A name right before a task ("the OntoNotes coreference
task") or one a result is reported on ("98.1% accuracy on X") is a Benchmark. What stays
untyped is most often a method: Method, with a lowered confidence.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipelines.extraction.abbreviations import defined_short_forms
from pipelines.extraction.mention import (
    SIZE_PART,
    TRAINING_WORDS,
    Mention,
    ensure_extensions,
    mention_at,
    mentions_of,
    reach_setting,
)
from pipelines.extraction.resources import load_catalogue, load_cues
from pipelines.extraction.roles import COMPARISON_WORDS

__all__ = ["EntityTyper"]

_LIST_GLUE = {",", "and", "or", ";", "(", ")", "i.e.", "e.g.", "i.e.,", "as", "well", "&", "/"}
# Words between a noun and the list it introduces: "benchmarks (i.e., A, B)", "datasets such as A".
_LIST_INTRO = {",", "(", ":", "such", "as", "including", "e.g.", "i.e.", "e.g.,", "i.e.,", "namely", "like", "-", "--"}
# Words between a head noun and the name it introduces: "an LLM called X", "the dataset X".
_NAME_GLUE = {
    "called",
    "named",
    "dubbed",
    "termed",
    "namely",
    "the",
    "a",
    "an",
    "new",
    "our",
    "such",
    "as",
    "e.g.",
    "i.e.",
}
_NAME_GLUE |= {"including", "like", "e.g.,", "i.e.,", "public", "popular", "standard", "large-scale", "novel"}
_NAME_GLUE |= {"outperforms", "outperform", "surpasses", "surpass", "beats"}  # "our model outperforms X"
_GLOSS_END = {"for", "with", "via", "by", "using", "through", "from", "in", "on", "of", "to", "and"}
_PREPOSITIONS = {"on", "in", "of", "for", "with", "to", "from", "over", "than", "by", "into", "at", "via"}
_DETERMINERS = {"a", "an", "the", "our", "this", "new", "novel", "large-scale", "public", "first"}
# A measure at a cut-off: "Recall@10", "Precision@5", "NDCG@k".
_AT_CUTOFF = re.compile(r"^[A-Za-z]+@(\d+|[kK])$")
# A shared task's or test set's edition by its year: "WMT'22", "CoNLL'03", "Hub5'00".
_YEAR_EDITION = re.compile(r"^[A-Z][A-Za-z0-9]+['’]\d\d$")
# A size after a known architecture or model: "-101", "-64x4d", "-336px", "-L", "-Huge", "-22B", and
# the vision transformers' giant and enormous sizes "ViT-g", "ViT-e".
_PARAMETER_COUNT = re.compile(r"^\d+(\.\d+)?B$")  # billions of parameters; "2M" may count data
# Millions of items at the end of a name: "VIDAL-10M", "HowTo100M", "Panda-70M" count their data.
_DATA_COUNT = re.compile(r"^([A-Za-z]+)?\d+(\.\d+)?M$")
# A detector or classifier named with its backbone's depth: "DINO-Deformable-DETR-R50", "X-X101".
_BACKBONE_PART = re.compile(r"^[RX]\d{2,3}$")
_NAMING_VERBS = {"call", "term", "name", "dub"}  # "a metric, which we call X"
_COPULAS = {"is", "are", "was", "were"}  # "the student models are named X"
_RELATIVES = {"that", "which", "where", "who", "whose", "using", "upon"}
# Between "as" and what a name serves as: "as their pre-training data", "as additional training data".
_TRAINING_DATA_OWNERS = {"its", "their", "additional", "extra", "supervised", "auxiliary", "main", "sole"}
_CLAUSE_WORDS = {"that", "which", "trained", "designed", "built", "based", "capable", "able", "where", "who"}
# A year or a named split right after a benchmark: "ILSVRC 2016", "BraTS 2021", "COCO test-dev".
_EDITION = re.compile(r"^((19|20)\d\d|test-dev|test-std|minival|(val|test)(19|20)\d\d)$")
_RANKINGS = {"leaderboard", "leaderboards"}  # a list after one names the systems ranked, not benchmarks
_SUBSETS = {"setting", "settings", "split", "splits", "subset", "subsets", "version", "portion", "part"}


def _past_edition(doc: Doc, i: int) -> int:
    """Where the words after a name go on past its edition: "the BraTS 2021 segmentation
    challenge" says what BraTS is as "the BraTS challenge" does."""
    return i + 1 if i < len(doc) and _EDITION.match(doc[i].text) else i


def _short_year_edition(doc: Doc, m: Mention) -> bool:
    """ "the WMT 15 translation tasks": two digits between an acronym benchmark and a lowercase
    noun are its year, not a count."""
    i = m.end
    return (
        m.text.isupper()
        and i + 1 < len(doc)
        and bool(re.fullmatch(r"\d\d", doc[i].text))
        and doc[i + 1].is_alpha
        and doc[i + 1].text.islower()
    )


def _past_aside(doc: Doc, i: int, stop: int, reach: int) -> int:
    """Past a bracketed aside after a list member: "PASCAL VOC (62.2% mean IU on 2012), NYUDv2,
    and SIFT Flow" lists three names. ``reach``: how many tokens the aside may run."""
    if doc[i].text != "(":
        return i
    for k in range(i + 1, min(stop, i + reach)):
        if doc[k].text == "(":
            return i
        if doc[k].text == ")":
            return k + 1
    return i


def _names_a_class_of_models(head: str) -> bool:
    """A long form or title gloss closing on a plural "models" names a kind of model, an approach,
    not one trained artefact: "Latent Consistency Models (LCMs)", "REPLUG: ... Language Models"."""
    return head.lower() == "models"


def _names_a_product(doc: Doc, m: Mention, title_end: int) -> bool:
    """ "the OpenAI gym tasks", "Google commands", "MetaGPT: Meta Programming": an organisation's
    name that a noun follows (any capitalised word, in a title) modifies another name."""
    if m.type != "Organization" or m.end >= len(doc):
        return False
    after = doc[m.end]
    return after.is_alpha and not after.is_stop and (after.text.islower() or m.end < title_end)


def _names_an_api(doc: Doc, m: Mention) -> bool:
    """ "a simple Wikipedia API": a data source's name before "API" names the service a system calls,
    not data it trains or is tested on."""
    return m.type == "Dataset" and m.end < len(doc) and doc[m.end].text in ("API", "APIs")


class EntityTyper:
    def __init__(
        self,
        nlp: Language,
        name: str,
        window: int,
        default_type: str,
        default_penalty: float,
        cue_confidence: float,
        reach: dict[str, int],
    ) -> None:
        ensure_extensions()
        self.cues = load_cues()
        self.window = window
        self.apposition_reach = window + 2  # "X, a strong end-to-end object detector"
        self.default_type = default_type
        self.default_penalty = default_penalty
        self.cue_confidence = cue_confidence
        self.reach = reach_setting("kg_entity_types", reach, _REACH)
        self.result_words = frozenset(self.cues.extra.get("result_words", ()))
        self.benchmark_after = frozenset(self.cues.extra.get("benchmark_after", ()))
        self.train_words = TRAINING_WORDS  # "fine-tune X on Y" trains on Y, as "trained on Y" does
        self.model_heads = frozenset(self.cues.extra.get("model_heads", ()))
        self.own_system_heads = frozenset(self.cues.extra.get("own_system_heads", ()))
        self.own_recipe_heads = frozenset(self.cues.extra.get("own_recipe_heads", ()))
        self.kind_of_words = frozenset(self.cues.extra.get("kind_of_words", ()))
        self.objective_words = frozenset(self.cues.extra.get("objective_words", ()))
        self.paradigm_heads = frozenset(self.cues.extra.get("paradigm_heads", ()))
        self.learning_techniques = frozenset(self.cues.extra.get("learning_techniques", ()))
        self.release_words = frozenset(self.cues.extra.get("release_words", ()))
        self.released_things = frozenset(self.cues.extra.get("released_things", ()))
        pipe = nlp.get_pipe("kg_catalogue") if "kg_catalogue" in nlp.pipe_names else None
        self.catalogue = getattr(pipe, "catalogue", None) or load_catalogue()

    def _head(self, word: str) -> str | None:
        return self.cues.head_nouns.get(word.lower())

    def _title_gloss(self, doc: Doc, m: Mention) -> str | None:
        """ "PIKA: Expert-Level Synthetic Datasets for ...", "OpenVLA: An Open-Source ... Model":
        the title's name is what the phrase after its colon says it is."""
        head = self._title_gloss_head(doc, m)
        if head is None:
            return None
        if _names_a_class_of_models(head):
            return "Method"  # "REPLUG: Retrieval-Augmented Black-Box Language Models": a kind it makes
        t = self._head(head.lower().rstrip("s")) or self._head(head.lower())
        return t if t in ("Method", "Model", "Dataset", "Benchmark") else None

    @staticmethod
    def _title_gloss_head(doc: Doc, m: Mention) -> str | None:
        """The last word of the noun phrase after the title's colon, when the title opens with the
        name: "Model" in "Speech-Transformer: A No-Recurrence Sequence-to-Sequence Model for ..."."""
        if m.start != 0:
            return None
        title_end = doc._.kg_title_end or 0
        if m.end >= title_end or doc[m.end].text != ":":
            return None
        k = m.end + 1
        if k < title_end and doc[k].lower_.endswith("ing"):
            return None  # "Aligning LLMs With ...": a verb phrase, not what the name is
        while k < title_end and doc[k].lower_ not in _GLOSS_END and not doc[k].is_punct:
            k += 1
        return doc[k - 1].text if k > m.end + 1 else None

    def type_of(self, doc: Doc, m: Mention) -> str | None:
        name = m.canonical or m.text
        words = name.replace("-", " ").split()
        if m.canonical and len(words) > 1 and (t := self._head(words[-1])):
            return _cue(
                m, "entity_types.type_of:long_form_head", "Method" if _names_a_class_of_models(words[-1]) else t
            )
        if _YEAR_EDITION.match(m.text):
            # "outperforms the WMT'22 winners": a year's edition of an evaluation
            return _cue(m, "entity_types.type_of:year_edition", "Benchmark")
        if _AT_CUTOFF.match(m.text):
            # "improves Recall@10 by 94%": a ranking measure at a cut-off
            return _cue(m, "entity_types.type_of:at_cutoff", "Metric")
        if (t := self._title_gloss(doc, m)) in ("Dataset", "Benchmark"):
            # "MMInstruct: A ... Instruction Tuning Dataset": the title says data, not a model
            return _cue(m, "entity_types._title_gloss", t)
        if t := self._data_described(doc, m):
            return _cue(m, "entity_types._data_described", t)
        if len(parts := re.split(r"[-_ ]", m.text)) > 1 and _BACKBONE_PART.match(parts[-1]):
            # "outperforming DINO-Deformable-DETR-R50": a system at a given backbone is one trained
            # configuration, a checkpoint (the guide's first rule), whatever the rest of its name says
            return _cue(m, "entity_types.type_of:backbone", "Model")
        spelled = self._ends_on_a_spelled_short_form(doc, m)
        for suffix, t in self.cues.name_suffixes.items():
            if spelled and suffix.isupper():
                continue  # "In-Context RALM" after "Retrieval-Augmented Language Modeling (RALM)"
            if m.text.endswith(suffix) and len(m.text) > len(suffix):
                found = (t == "Benchmark" and self._introduced_as_a_system(doc, m)) or t
                if t == "Model" and "Method" in (self._noun_before(doc, m), self._apposition(doc, m)):
                    # "using OSS-Instruct, a novel approach to ...": the paper's own words for the
                    # name outrank a suffix that often ends model names ("-Instruct", "-Coder")
                    found = "Method"
                elif (
                    t in ("Method", "Model")
                    and (gloss := self._title_gloss(doc, m)) in ("Method", "Model")
                    and not _names_a_class_of_models(self._title_gloss_head(doc, m) or "")
                ):
                    # "Speech-Transformer: A No-Recurrence Sequence-to-Sequence Model": what the
                    # title calls its system outranks a suffix that ends names of either kind; a
                    # plural "Models" there names a kind of model, too weak to outrank it
                    return _cue(m, "entity_types._title_gloss", gloss)
                return _cue(m, "entity_types.type_of:name_suffix", found)
        # "the LAION-5B-Aesthetics dataset": a data noun after the name says what it is, before a
        # size in the name ("5B") can make it read as a checkpoint.
        if (t := self._noun_after(doc, m)) in ("Dataset", "Benchmark"):
            return _cue(m, "entity_types._noun_after", t)
        if any(
            m.text.startswith(p) and m.text[len(p) : len(p) + 1] in ("", "-", " ", *"0123456789")
            for p in self.cues.model_prefixes
        ):
            return _cue(m, "entity_types.type_of:model_prefix", "Model")
        if any(_PARAMETER_COUNT.match(part) for part in re.split(r"[-_ /]", m.text)[1:]):
            return _cue(m, "entity_types.type_of:parameter_count", "Model")  # "WizardLM-13B-V1.2", "Foo 7B"
        if self._sized_known_network(m):
            return _cue(m, "entity_types._sized_known_network", "Model")
        return self.context_type(doc, m)

    @staticmethod
    def _ends_on_a_spelled_short_form(doc: Doc, m: Mention) -> bool:
        """Whether the name ends on a short form the text spells out: its long form says what the
        letters stand for ("RALM": Retrieval-Augmented Language Modeling, a method), so a capitals
        suffix ("LM", "QA") is no guess at them."""
        return m.text.split()[-1] in defined_short_forms(doc)

    def _sized_known_network(self, m: Mention) -> bool:
        """A known architecture or model at a size is a checkpoint: "ResNeXt-64x4d-101", "Swin-L",
        "CLIP-ViT-L-336px"; the name before the sizes is in the catalogue as a method or model."""
        parts = re.split(r"[-/]", m.text.rstrip("."))
        if not any(SIZE_PART.match(p) for p in parts[1:]):
            return False
        for k in range(len(parts) - 1, 0, -1):
            entry = self.catalogue.lookup("-".join(parts[:k]))
            if entry is not None and entry.type in ("Method", "Model"):
                return all(SIZE_PART.match(p) or self.catalogue.lookup(p) for p in parts[k:])
        return False

    def _introduced_as_a_system(self, doc: Doc, m: Mention) -> str | None:
        """ "an optimized training approach, called RocketQA": a noun introducing the name as a
        method, model or metric outranks a benchmark-like suffix ("-QA", "-Eval") at all its mentions
        ("an optimized metric, which we call QAFactEval")."""
        for other in mentions_of(doc):
            if other.text == m.text and (t := self._noun_before(doc, other)) in ("Method", "Model", "Metric"):
                return t
        return None

    def _data_described(self, doc: Doc, m: Mention) -> str | None:
        """ "an instruction-tuning dataset AgentInstruct", "X-Instruct, a dataset of ...": a data noun
        introducing the name or in its apposition outranks a model-like suffix or prefix."""
        t = self._noun_before(doc, m) or self._apposition(doc, m)
        return t if t in ("Dataset", "Benchmark") else None

    def _noun_after(self, doc: Doc, m: Mention) -> str | None:
        """What a lowercase head noun right after the name, or after its bracketed short form,
        calls it: "the X dataset", "the Medical Segmentation Decathlon (MSD) dataset"."""
        after = _past_edition(doc, m.end)
        if after + 2 < len(doc) and doc[after].text in ("(", "[") and doc[after + 2].text in (")", "]"):
            after += 3  # "the Atari 100k [31] benchmark"
        if after < len(doc) and doc[after].text.islower():
            return self.cues.head_nouns.get(doc[after].lower_)
        return None

    def context_type(self, doc: Doc, m: Mention) -> str | None:
        """What the words around a name call it: the title's gloss, a head noun after it, a noun
        introducing it, an apposition."""
        if t := self._title_gloss(doc, m):
            return _cue(m, "entity_types._title_gloss", t)
        # "the X dataset" / "X benchmark". A model noun after a name types it only where the model
        # is the authors' own ("our X model", "we train a X model"): elsewhere the name says how or
        # for what a model is built ("the Wide & Deep model", "traditional DNN-HMM models", "a CTR
        # model", "the MapReduce model inference"), and the model is not it.
        if (t := self._noun_after(doc, m)) and (t != "Model" or self._own_model_before(doc, m)):
            return _cue(m, "entity_types._noun_after", t)
        if self._named_as_training_data(doc, m):
            return _cue(m, "entity_types._named_as_training_data", "Dataset")
        # "the Hub5'00 test set", "the ISBI challenge": what results are reported on
        end = _past_edition(doc, m.end)
        if " ".join(t.text for t in doc[end : end + 2]) in self.benchmark_after or (
            end < len(doc) and doc[end].text in self.benchmark_after
        ):
            return _cue(m, "entity_types.context_type:benchmark_after", "Benchmark")
        return (
            _cue(m, "entity_types._noun_before", self._noun_before(doc, m))
            or _cue(m, "entity_types._apposition", self._apposition(doc, m))
            or _cue(m, "entity_types._definition", self._definition(doc, m))
        )

    def _own_model_before(self, doc: Doc, m: Mention) -> bool:
        """ "our RAPTOR model", "we train a SigLiT model": the words before the name make the model
        after it the authors' own, which the guide calls a Model when the abstract calls it one."""
        k = m.start
        if k >= 1 and doc[k - 1].lower_ == "our":
            return True
        return k >= 2 and doc[k - 1].lower_ in ("a", "an") and doc[k - 2].lower_ in self.train_words

    def _named_as_training_data(self, doc: Doc, m: Mention) -> bool:
        """ "using QuillText as training data", "X as our pre-training corpus": what the text says a
        name serves as is what it is (the guide: data used for training is a Dataset)."""
        k = _past_edition(doc, m.end)
        if k >= len(doc) or doc[k].lower_ != "as":
            return False
        training = False
        for tok in doc[k + 1 : k + 1 + self.reach["serves_as"]]:
            if tok.lower_ in TRAINING_WORDS:
                training = True
            elif tok.lower_ not in _DETERMINERS and tok.lower_ not in _TRAINING_DATA_OWNERS:
                return training and self.cues.head_nouns.get(tok.lower_) == "Dataset"
        return False

    def _noun_before(self, doc: Doc, m: Mention) -> str | None:
        """ "a benchmark, X" / "an LLM called X" / "the dataset X": a head noun introducing the name,
        also across "which we call" ("an optimized metric, which we call QAFactEval")."""
        start = m.start
        if start >= 2 and doc[start - 1].lower_ in _NAMING_VERBS and doc[start - 2].lower_ == "we":
            start -= 3 if start >= 3 and doc[start - 3].lower_ in ("which", "that") else 2
        for tok in reversed(doc[max(0, start - self.window) : start]):
            if (tok.is_punct and tok.text not in (",", "(")) or tok.lower_ in _PREPOSITIONS:
                break  # "evaluated the system on Google Play": the noun belongs to another phrase
            if (tok.text.islower() or tok.text in ("LLM", "LLMs")) and (t := self.cues.head_nouns.get(tok.lower_)):
                if self._ends_a_name(doc, tok.i):
                    break  # "on the LibriSpeech benchmark, X achieves": the noun is that name's
                # "tasks such as OntoNotes": a named thing after "tasks" is what they are tested on.
                return "Model" if tok.lower_ == "llm" else "Benchmark" if t == "Task" else t
            if tok.lower_ not in _NAME_GLUE and not tok.is_punct:
                break  # "experiments across benchmarks demonstrate that X": another clause
        return None

    def _apposition(self, doc: Doc, m: Mention) -> str | None:
        """ "X, a preference dataset", "X, an attention model for ...": the noun phrase's head is
        its last head noun, before a preposition or a verb ends the phrase."""
        if not (m.end + 2 < len(doc) and doc[m.end].text == "," and doc[m.end + 1].lower_ in _DETERMINERS):
            return None
        return self._apposition_head(doc, m.end + 2)

    def _apposition_head(self, doc: Doc, start: int) -> str | None:
        """What the noun phrase opening at ``start`` names: its last head noun, before a
        preposition, a clause word or a participle ends the phrase."""
        found = None
        for tok in doc[start : start + self.apposition_reach]:
            if tok.is_punct or tok.lower_ in _PREPOSITIONS or tok.lower_ in _CLAUSE_WORDS:
                break
            if tok.text.islower() and (t := self.cues.head_nouns.get(tok.lower_)):
                found = t
            elif found and tok.lower_.endswith(("ing", "ed")):
                break  # "a tool-use framework encompassing data construction": a participle
        return found

    def _definition(self, doc: Doc, m: Mention) -> str | None:
        """ "C-MTEB is a comprehensive benchmark for ...": a name defined by a copula says what it is,
        as an apposition does ("X, a benchmark for ...")."""
        if not (m.end + 2 < len(doc) and doc[m.end].lower_ in ("is", "are")):
            return None
        if doc[m.end + 1].lower_ not in _DETERMINERS:
            return None
        return self._apposition_head(doc, m.end + 2)

    def __call__(self, doc: Doc) -> Doc:
        # "the OntoNotes coreference resolution task", "COCO object detection": a name right
        # before a task is the resource the task is measured on.
        task_starts = {m.start for m in mentions_of(doc) if m.type == "Task"}
        own_systems = self._proposed_outright(doc)
        for m in mentions_of(doc):
            if m.type is not None:
                m.type_source = m.type_source or ("catalogue" if m.catalogue_id else "cue")
                if m.type_source == "catalogue":
                    m.type_by = "catalogue"
                continue
            if _past_edition(doc, m.end) in task_starts and m.text not in own_systems:
                found = _cue(m, "entity_types.__call__:name_before_task", "Benchmark")
            else:
                found = self.type_of(doc, m) or self._counted_data(m)
            if found is None:
                m.type, m.type_source, m.type_by = self.default_type, "default", "entity_types.__call__:default_type"
                m.confidence = max(0.05, m.confidence - self.default_penalty)
            else:
                m.type, m.type_source = found, "cue"
                m.confidence = max(m.confidence, self.cue_confidence) if m.source != "capitalised" else m.confidence
        self._type_what_is_called_a_model(doc)
        self._type_families_by_checkpoints(doc)
        for m in mentions_of(doc):
            if self._is_a_training_objective(doc, m):
                m.type, m.type_source, m.type_by = "Method", "cue", "entity_types._is_a_training_objective"
        for group in self._lists(doc):
            self._type_list(doc, group)
            self._type_list_by_noun_after(doc, group)
            self._paradigms_listed_with_tasks(doc, group)
        for m in mentions_of(doc):
            if (m.type_source == "default" or m.type == "Dataset") and self._reported_on(doc, m):
                m.type, m.type_source, m.type_by = "Benchmark", "cue", "entity_types._reported_on"
        for group in self._lists(doc):  # "outperforms prior models on both CDR and GDA"
            if group[0].type == "Benchmark" and self._reported_on(doc, group[0]):
                for m in group[1:]:
                    if m.type_source == "default" or m.type == "Dataset":
                        m.type, m.type_source, m.type_by = "Benchmark", "cue", "entity_types._reported_on:list"
        for m in mentions_of(doc):
            self._grow_over_edition(doc, m)
            if (m.type_source == "catalogue" and m.type in ("Method", "Model")) or m.source == "abbreviation":
                m.own_type = self._own_words_type(doc, m)
        title_end = doc._.kg_title_end or 0
        doc._.kg_mentions = [
            m for m in mentions_of(doc) if not _names_a_product(doc, m, title_end) and not _names_an_api(doc, m)
        ]
        return doc

    def _proposed_outright(self, doc: Doc) -> set[str]:
        """ "We propose LPCNet, a WaveRNN variant ...": names a proposal verb takes as its object with
        no data noun around them. Before a task such a name is the system doing it ("high quality
        LPCNet speech synthesis"), not a resource the task is measured on."""
        found = set()
        for m in mentions_of(doc):
            k = m.start - 1
            if k > 0 and doc[k].lower_ in ("a", "an", "the"):
                k -= 1
            if k >= 0 and doc[k].lower_ in self.cues.propose_words and self._data_described(doc, m) is None:
                found.add(m.text)
        return found

    @staticmethod
    def _counted_data(m: Mention) -> str | None:
        """ "We thus propose VIDAL-10M with 10 Million data ...": a name nothing else types that ends
        on a count of millions names data by its size (a model's size is counted in billions, and
        known model families at smaller sizes are typed by their prefix first)."""
        parts = re.split(r"[-_ ]", m.text)
        return _cue(m, "entity_types._counted_data", "Dataset" if _DATA_COUNT.match(parts[-1]) else None)

    def _type_what_is_called_a_model(self, doc: Doc) -> None:
        """A name the abstract calls a model ("X, a 7B code LLM", "a detector, dubbed X") is a
        Model at every mention, whatever its shape or the title's gloss says; the catalogue stays."""
        called = set()
        for m in mentions_of(doc):
            if m.type_source != "catalogue" and (
                self._apposition_is_a_model(doc, m) or self._named_as_a_model(doc, m) or self._released_models(doc, m)
            ):
                called.update(x for x in (m.text, m.canonical) if x)
        for m in mentions_of(doc):
            if m.type_source != "catalogue" and m.type in ("Method", "Model") and ({m.text, m.canonical} & called):
                m.type, m.type_source, m.type_by = "Model", "cue", "entity_types._type_what_is_called_a_model"
                m.confidence = max(m.confidence, self.cue_confidence)

    def _released_models(self, doc: Doc, m: Mention) -> bool:
        """ "We release the distillation recipe, data, and X models": what a release statement
        gives out under the name are trained weights, the guide's Model ("we release X")."""
        if m.end >= len(doc) or doc[m.end].text not in self.released_things:
            return False
        return any(t.lower_ in self.release_words for t in doc[doc[m.start].sent.start : m.start])

    def _own_words_type(self, doc: Doc, m: Mention) -> str | None:
        """Method or Model by what the text calls a catalogued name here: "X (...), a strong object
        detector", "a ... one-stage object detector (X)", "a pairwise sigmoid loss for ... (X)". The
        catalogue's type stands for others' uses; where the paper proposes X these words decide
        (records.py). Only a detector or retriever (the cues' own system heads) or a family of
        models ("X, a collection of vision models") make a Model: "X, a Transformer-based model" is
        as often an architecture the guide calls a Method."""
        if self._apposition_is_a_model(doc, m, self.own_system_heads):
            return "Model"
        if self._apposition_is_a_model(doc, m) and self._apposition_names_a_family(doc, m):
            return "Model"  # "X, a collection of vision models trained ...": released models, not a recipe
        if m.source == "abbreviation":  # a long form's head: "... object detector (X)", "... loss for ... (X)"
            words = m.text.lower().split()
            head = next((words[k - 1] for k, w in enumerate(words) if k and w in _PREPOSITIONS), words[-1])
            if head in self.own_system_heads:
                return "Model"
            if head in self.own_recipe_heads:
                return "Method"
        return None

    def _apposition_names_a_family(self, doc: Doc, m: Mention) -> bool:
        """ "X, a family of open LLMs", "X, a collection of vision models": the apposition right
        after the name opens on a kind word and "of"."""
        i = m.end
        return (
            i + 3 < len(doc)
            and doc[i].text in (",", "—", "–", ":")
            and doc[i + 1].lower_ in ("a", "an")
            and doc[i + 2].lower_ in self.kind_of_words
            and doc[i + 3].lower_ == "of"
        )

    def _type_families_by_checkpoints(self, doc: Doc) -> None:
        """ "we create and release Smaug-34B and Smaug-72B": an untyped name whose sized checkpoints
        the text names ("X-34B", "X-CL-7B") is the family of those models, a Model by the guide's
        order, not the fallback's Method."""
        sized = [m.text for m in mentions_of(doc) if _PARAMETER_COUNT.match(re.split(r"[-_ /]", m.text)[-1])]
        if not sized:
            return
        for m in mentions_of(doc):
            if m.type_source == "default" and any(
                s.startswith(m.text) and s[len(m.text) : len(m.text) + 1] in ("-", " ") for s in sized
            ):
                m.type, m.type_source, m.type_by = "Model", "cue", "entity_types._type_families_by_checkpoints"
                m.confidence = max(m.confidence, self.cue_confidence) if m.source != "capitalised" else m.confidence

    def _is_a_training_objective(self, doc: Doc, m: Mention) -> bool:
        """A task a model is pre-trained on is its training objective, a Method: "we devise a Masked
        Point Modeling (MPM) task to pre-train ...", "optimized via a noise contrastive binary
        classification task"; the catalogue's tasks stay."""
        if m.type != "Task" or m.type_source == "catalogue" or m.end >= len(doc):
            return False
        after = m.end + 3 if doc[m.end].text == "(" and m.end + 2 < len(doc) and doc[m.end + 2].text == ")" else m.end
        if after >= len(doc) or doc[after].lower_ not in ("task", "objective"):
            return False
        return any(t.lower_ in self.objective_words for t in doc[m.start].sent)

    @staticmethod
    def _ends_a_name(doc: Doc, i: int) -> bool:
        """Whether another name ends right before token i, making the noun there its own ("the
        LibriSpeech benchmark"); a lowercase technique or task there only modifies the noun ("an
        instruction-tuning dataset X"), and so does a task by its short form ("a pre-trained QA model,
        X")."""
        return any(o.end == i and not o.text.islower() and o.type != "Task" for o in mentions_of(doc))

    def _ends_phrase(self, doc: Doc, i: int) -> bool:
        """Whether the noun phrase ends before token i: punctuation, a preposition, a relative or
        a participle ("a model trained to ...", "a code LLM that ...")."""
        if i >= len(doc) or doc[i].is_sent_start:
            return True
        tok = doc[i]
        if tok.is_punct:
            return tok.text not in ("-", "/")
        low = tok.lower_
        return low in _PREPOSITIONS or low in _CLAUSE_WORDS or low.endswith(("ed", "ing"))

    def _apposition_is_a_model(self, doc: Doc, m: Mention, heads: frozenset[str] | None = None) -> bool:
        """ "X, a kernel based neural model for ranking", "X — a diffusion model", "X, a family of
        open LLMs": the head of the noun phrase right after the name is a model noun (of ``heads``,
        by default the cues' model heads)."""
        heads = self.model_heads if heads is None else heads
        if m.end >= len(doc):
            return False
        i = _past_aside(doc, m.end, len(doc), self.reach["aside"])
        # "X (X-TR), the first real-time end-to-end object detector" says what X is as "a ..." does
        first = i + 3 < len(doc) and doc[i + 1].lower_ == "the" and doc[i + 2].lower_ == "first"
        if (
            i + 2 >= len(doc)
            or doc[i].text not in (",", "—", "–", ":")
            or not (doc[i + 1].lower_ in ("a", "an") or first)
        ):
            return False
        if doc[i].text == ":" and i < (doc._.kg_title_end or 0):
            return False  # the title's gloss is read on its own, weighed with the rest
        k = i + 3 if first else i + 2
        while k < min(len(doc), i + 2 + self.reach["model_apposition"]):
            k = _past_aside(doc, k, len(doc), self.reach["aside"])
            if k >= len(doc):
                return False
            low = doc[k].lower_
            if low in heads and self._ends_phrase(doc, k + 1):
                return True
            if low == "of" and doc[k - 1].lower_ in self.kind_of_words:
                k += 1
                continue  # "a series of open-source language models"
            if (doc[k].is_punct and doc[k].text not in ("-", "/")) or low in _PREPOSITIONS or low in _RELATIVES:
                return False  # participles before the noun qualify it: "a carefully designed ... model"
            k += 1
        return False

    def _named_as_a_model(self, doc: Doc, m: Mention, heads: frozenset[str] | None = None) -> bool:
        """ "a new family of object detectors, called X", "we call our model X", "the student
        models are named X", "this model, known as the X": a model noun before the words that
        name it."""
        k = m.start - 1
        if k >= 2 and doc[k].lower_ == "model" and doc[k - 1].lower_ == "our" and doc[k - 2].lower_ in ("call", "name"):
            return True
        if k >= 1 and doc[k].lower_ == "the":
            k -= 1
        if k >= 2 and doc[k].lower_ == "as" and doc[k - 1].lower_ == "known":
            k -= 1
        elif k < 1 or doc[k].lower_ not in ("called", "named", "dubbed", "termed"):
            return False
        k -= 1
        if k >= 1 and doc[k].lower_ in _COPULAS:
            k -= 1
        if k >= 1 and doc[k].text == ",":
            k -= 1
        # "a method for MLLMs, termed X": the model noun there is another phrase's
        # "a recipe based on the T0 model called X": the model noun there is the name's before it
        return (
            k >= 1
            and doc[k].lower_ in (self.model_heads if heads is None else heads)
            and doc[k - 1].lower_ not in _PREPOSITIONS
            and not self._ends_a_name(doc, k)
        )

    @staticmethod
    def _grow_over_edition(doc: Doc, m: Mention) -> None:
        """ "the ILSVRC 2016 classification task", "55.1 AP on COCO test-dev": a year or split
        after a benchmark or dataset names its edition; the bare name stays an alias."""
        if m.type not in ("Benchmark", "Dataset") or m.end >= len(doc):
            return
        if not (_EDITION.match(doc[m.end].text) or _short_year_edition(doc, m)):
            return
        if any(c.isdigit() for c in m.text) or mention_at(doc, m.end) is not None:
            return  # "PASCAL VOC 2007 2012" already carries its year; the token is another name's
        if m.text not in m.aliases and m.text != m.canonical:
            m.aliases.append(m.text)
        m.end += 1
        m.text = doc[m.start : m.end].text
        m.edition = True

    def _reported_on(self, doc: Doc, m: Mention) -> bool:
        """ "98.1% accuracy on Speech Commands V2", "state-of-the-art results on X", "83.1%
        accuracy on the hardest setting of X", "improves over prior work on X": a name a result
        is reported on is a benchmark, whatever else it is called."""
        k = m.start - 1
        if k > 3 and doc[k].lower_ == "of" and doc[k - 1].lower_ in _SUBSETS:
            k -= 2  # "on the hardest setting of X", "on the test split of X"
            if doc[k].lower_ not in ("on", "the"):
                k -= 1
        if k > 0 and doc[k].lower_ in ("the", "both"):
            k -= 1  # "outperforms existing models on both CDR and GDA"
        if k < 1 or doc[k].lower_ != "on":
            return False
        for tok in reversed(doc[max(0, k - self.window - 1) : k]):
            if tok.is_punct and tok.text not in ("%", ".", ")", "("):
                return False
            if tok.lower_ in self.train_words:
                return False  # "trained on X": training data
            if tok.text.endswith("%") or tok.lower_ in self.result_words:
                return True
            if tok.like_num and mention_at(doc, tok.i) is None:
                return True  # a score; the "2" of "fine-tune Llama 2 on X" is the model's name
            if tok.lower_ == "art" and doc[tok.i - 1].lower_ == "the":
                return True  # "a new state of the art on X"
        return False

    def _lists(self, doc: Doc) -> list[list[Mention]]:
        """Mentions in coordination: "MSR-VTT, MSVD, DiDeMo, and ActivityNet"."""
        ordered = sorted(mentions_of(doc), key=lambda m: m.start)
        groups: list[list[Mention]] = []
        for m in ordered:
            end = groups[-1][-1].end if groups else 0
            if groups and m.start > end:
                end = _past_aside(doc, end, m.start, self.reach["aside"])
            if (
                groups
                and all(t.lower_ in _LIST_GLUE for t in doc[end : m.start])
                and m.start - end <= self.reach["list_glue"]
            ):
                groups[-1].append(m)
            else:
                groups.append([m])
        return [g for g in groups if len(g) >= 2]

    def _paradigms_listed_with_tasks(self, doc: Doc, group: list[Mention]) -> None:
        """ "across long-horizon dynamics prediction, imitation learning, goal-conditioned RL, and
        offline RL": a learning paradigm coordinated with tasks is named as one of the settings the
        paper works in (a Task), not as the technique it applies; a list compared with ("outperforms
        Seq2Seq, language modeling, ...") holds the baselines, techniques."""
        if not any(m.type == "Task" for m in group):
            return
        if any(t.lower_ in COMPARISON_WORDS for t in doc[doc[group[0].start].sent.start : group[0].start]):
            return
        for m in group:
            name = (m.canonical or "").lower()
            if (
                m.type == "Method"
                and m.type_source == "catalogue"
                and name.rsplit(" ", 1)[-1] in self.paradigm_heads
                and name not in self.learning_techniques
            ):
                m.type, m.type_source, m.type_by = "Task", "cue", "entity_types._paradigms_listed_with_tasks"

    def _type_list_by_noun_after(self, doc: Doc, group: list[Mention]) -> None:
        """ "by the CHAIR and POPE metrics": a plural kind noun right after a list says what
        every member is, unless the catalogue knows the member."""
        end = group[-1].end
        if end >= len(doc) or not doc[end].text.islower() or not doc[end].lower_.endswith("s"):
            return
        kind = self._head(doc[end].lower_)
        if kind not in ("Metric", "Benchmark", "Dataset", "Model", "Method"):
            return
        for m in group:
            if m.type_source != "catalogue":
                m.type, m.type_source, m.type_by = kind, "cue", "entity_types._type_list_by_noun_after"

    def _type_list(self, doc: Doc, group: list[Mention]) -> None:
        head = None
        for tok in reversed(doc[max(0, group[0].start - self.window) : group[0].start]):
            if (t := self._head(tok.text)) and tok.text.islower() and t in ("Benchmark", "Dataset", "Model", "Method"):
                if tok.lower_ in _RANKINGS:
                    return  # "the AlpacaEval 2.0 leaderboard, including Claude 2 and Gemini Pro": systems on it
                head = t
                break
            if tok.lower_ not in _LIST_INTRO:
                break  # "trained on the X dataset, Q outperforms DPO, ...": the noun heads another phrase
        if head in ("Benchmark", "Dataset"):
            # "five benchmarks (i.e., MSR-VTT, ...)": the list says what its members are here,
            # even for a catalogued model or method whose name doubles as an evaluation set.
            for m in group:
                if m.type_source == "catalogue" and m.type in ("Task", "Metric"):
                    continue  # "datasets, including translation and question-answering": tasks stay tasks
                if m.type_source != "catalogue" or m.type != head:
                    m.type, m.type_source = (
                        (
                            "Benchmark"
                            if head == "Benchmark"
                            else m.type
                            if m.type in ("Benchmark", "Dataset")
                            else head
                        ),
                        "list",
                    )
                    m.type_by = "entity_types._type_list:noun_before"
            return
        known = [m.type for m in group if m.type_source in ("catalogue", "cue")]
        if head is None and known:
            head = max(known, key=known.count)  # ties go to the first: the same doc, the same types
            if head in ("Task", "Metric"):
                return  # a name listed among tasks or metrics is a resource or model, not one
        if head is None:
            return
        for m in group:
            if m.type_source == "default":
                m.type, m.type_source, m.type_by = head, "list", "entity_types._type_list"


def _cue(m: Mention, rule: str, found: str | None) -> str | None:
    """``found`` unchanged, noting ``rule`` on ``m`` as what typed it when it found a type (for
    `kg extract --explain`)."""
    if found:
        m.type_by = rule
    return found


# How far the rules look, in tokens (config.cfg, [components.kg_entity_types.reach]).
_REACH = {
    "serves_as": 4,
    "aside": 15,
    "model_apposition": 15,
    "list_glue": 3,
}


@Language.factory(
    "kg_entity_types",
    assigns=["doc._.kg_mentions"],
    requires=["doc._.kg_mentions"],
    default_config={
        "window": 4,
        "default_type": "Method",
        "default_penalty": 0.2,
        "cue_confidence": 0.8,
        "reach": _REACH,
    },
)
def make_entity_typer(
    nlp: Language,
    name: str,
    window: int,
    default_type: str,
    default_penalty: float,
    cue_confidence: float,
    reach: dict[str, int],
) -> EntityTyper:
    return EntityTyper(
        nlp,
        name,
        window,
        default_type,
        default_penalty,
        cue_confidence,
        reach,
    )
