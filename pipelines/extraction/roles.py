"""The paper's role towards each mention, read from the sentence it sits in.

- proposed: the title's name (before its colon, or the whole title / all of it before
  "for"); a new name after "we propose / introduce / present ..." with nothing like
  "using" or "based on" in between, or explained by an apposition in such a sentence;
  "our (novel) X", "our largest X models"; "we train X, an ... model". Not the object of a preposition ("analysis
  on CIFAR-10"), not a known name after "a/an" (an instance of its class), not "the
  recently proposed X". Known catalogue entities must follow the verb closely.
- evaluated_on: a benchmark (also where trained on), or a dataset in a sentence about evaluation
  or results (also when trained on, if a result is reported); the tasks a paper works on.
  A name joined by "and" to one proposed by a verb ("we release X and its dataset Y") is
  proposed with it.
- used: in a sentence about training, building on, comparing with or evaluating; a name that
  qualifies what is made ("a BERT-style model", "T5-based rankers").
- mentioned: everything else, background sentences ("Recently, X has ..."), and whatever a
  survey names but does not propose.
Organizations in the text are mentioned; affiliations come from metadata. A known name keeps
the catalogue's type even where the paper introduces it: the catalogue types Method and Model
by the annotation guide's order, and what one abstract calls its own system ("a family of
models") agrees with that order less often than the catalogue does. Only the strongest own words
override it there (records._own_words_type): a detector or retriever, or a long form headed by
"loss" or "algorithm".

Training data against evaluation data, and the paper's own data, are decided in data_roles.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipelines.extraction.data_roles import EVALUATED_TYPES, DataRoles
from pipelines.extraction.mention import (
    LIST_GLUE,
    PREPOSITIONS,
    SIZE_PART,
    TRAINING_WORDS,
    Mention,
    add_mention,
    ensure_extensions,
    mention_at,
    mentions_of,
    past_short_form,
    reach_setting,
    sentence_of,
)
from pipelines.extraction.resources import load_cues

__all__ = ["COMPARISON_WORDS", "PROPOSABLE_TYPES", "RoleAssigner", "word_before_article", "word_inside"]

PROPOSABLE_TYPES = frozenset({"Method", "Model", "Dataset", "Benchmark"})  # what a paper can introduce
_OWN_VARIANT_TYPES = ("Method", "Model")


def word_inside(part: str, whole: str) -> bool:
    """ "Transformer" in "Swin Transformer" or "Point-Transformer"; not in "Transformers", not at the
    start ("WavLM" in "WavLM Large"), not itself."""
    low, inner = whole.lower(), part.lower()
    i = low.find(inner, 1)  # at the start it names a variant of it ("WavLM Large"), which is the paper's
    while i != -1:
        right = i + len(inner) == len(low) or not low[i + len(inner)].isalnum()
        if not low[i - 1].isalnum() and right:
            return True
        i = low.find(inner, i + 1)
    return False


# A title that is a sentence about a known technique: "X Improves / Enables / Is / Are ...".
_TITLE_VERBS = {"is", "are", "improves", "enables", "beats", "outperforms", "makes", "scales", "helps"}
_DETERMINERS = {"the", "a", "an", "novel", "new", "simple", "proposed"}
_COMPARISON = {
    "over",
    "than",
    "against",
    "compared",
    "outperform",
    "outperforms",
    "outperforming",
    "baseline",
    "baselines",
}
COMPARISON_WORDS = frozenset(_COMPARISON)  # a sentence comparing with what it names
_PROPOSED_AFTER = {"we", "us", "paper", "work", "study", "is", "are", "was", "were", "be", "been", "has", "have"}
_ING_AFTER = {"by", "are", "is", "were", "was"}  # "by proposing X", "we are releasing X"
_UMBRELLA_NOUNS = {"task", "tasks", "problem", "problems"}
_DERIVED_NOUNS = {"implementation", "extension", "variant", "version", "adaptation", "generalization", "modification"}
_EXAMPLE_OPENERS = {"e.g.", "e.g", "such", "like", "including"}  # "benchmarks (e.g., X, Y)"
_EXAMPLE_GLUE = _EXAMPLE_OPENERS | LIST_GLUE | {"(", "as"}
_EARLIER = {"existing", "previous", "prior", "current"}
_AUTHORS = {"we", "our", "us"}
_NAMING = {"dubbed", "named", "called", "termed", "coined"}
# "we refer to this approach as X": names it, as "called" does
_REFER = {"refer", "refers", "referred"}
# The rules that make a name proposed on weak own words alone ("our X models", "the resulting X"),
# which a known family at a size ("our BLIP-B/16 models") overrules: a checkpoint the authors trained.
_WEAK_OWN_RULES = {"roles._proposed:our", "roles._passive_proposal"}
# A task named only in the opening background: mentioned, unless it is the only field the paper works in.
_TASK_IN_BACKGROUND = "roles.role_of:task_in_background"
_EXISTING_TERM = {"is", "are", "was", "were", "be", "commonly", "often", "usually", "also", "sometimes", "generally"}
# plural nouns whose "namely" list holds the paper's own parts or versions
_OWN_LIST_NOUNS = {"contributions", "variants", "versions", "stages", "steps", "phases", "designs", "ideas"}
_MADE_AFTER = ("based", "style", "like", "inspired", "powered")  # "a BERT-style model"
# A list item's number before the words it opens: "1)", "(2)", "(iii)", "3."
_LIST_MARKER = re.compile(r"^\(?(?:\d|[ivx]{1,4}|[a-e])[).]$")
# "NeuralGCM is competitive", "NeuralGCM can track": a model opening a sentence about what it is or does
_MODEL_SUBJECT_VERBS = {"is", "are", "can"}
# ", creating X", ", yielding X": what the step before the comma makes
_MADE_PARTICIPLES = {"creating", "yielding", "producing"}
_SUBJECT_VERBS = {"has", "have", "is", "are", "was", "were", "remains", "plays", "aims", "enables", "requires"}


class RoleAssigner(DataRoles):
    def __init__(
        self,
        nlp: Language,
        name: str,
        propose_reach: int,
        known_reach: int,
        train_reach: int,
        dataset_as_benchmark: bool,
        coordination_gap: int,
        reach: dict[str, int],
    ) -> None:
        ensure_extensions()
        self.train_reach = train_reach
        self.known_reach = known_reach
        self.cues = load_cues()
        self.propose_reach = propose_reach
        self.dataset_as_benchmark = dataset_as_benchmark
        self._load_data_words(self.cues)
        self.result_nouns = frozenset(self.cues.extra.get("result_nouns", ()))  # "a new record"
        self.survey_words = frozenset(self.cues.extra.get("survey_words", ()))
        self.means_words = frozenset(self.cues.extra.get("means_words", ()))  # the title's "with / via X"
        self.earlier_words = frozenset(self.cues.extra.get("earlier_work_words", ()))
        self.kind_nouns = frozenset(self.cues.extra.get("kind_nouns", ()))
        self.entry_nouns = frozenset(self.cues.extra.get("entry_nouns", ()))  # "our X submission"
        self.part_verbs = frozenset(self.cues.extra.get("part_verbs", ()))
        self.part_nouns = frozenset(self.cues.extra.get("part_nouns", ()))
        self.list_openers = tuple(tuple(o.split()) for o in self.cues.extra.get("task_list_openers", ()))
        self.progress_nouns = frozenset(self.cues.extra.get("progress_nouns", ()))  # "advances in X"
        # "a stepping stone to X", "analogue to X": where the work leads or what it resembles
        self.aim_phrases = tuple(tuple(p.split()) for p in self.cues.extra.get("aim_phrases", ()))
        self.result_verbs = frozenset(self.cues.extra.get("result_verbs", ()))  # "X attains / outperforms"
        self.product_words = frozenset(self.cues.extra.get("product_words", ()))  # "the final X model"
        self.new_measure_openers = self.cues.propose_words | {"new", "novel"}  # "propose a novel X metric"
        self.made_verbs = self.cues.propose_words | {"collect", "collected"}  # "..., a set that we collect"
        # what authors do to make data of their own: "we gather / compile / assemble X, a corpus of ..."
        self.data_made_verbs = self.made_verbs | frozenset(self.cues.extra.get("data_made_verbs", ()))
        # what evaluates, not the nouns naming what is evaluated on ("existing evaluation benchmarks")
        self._acts_of_evaluating = self.cues.evaluate_words - {"benchmark", "benchmarks", "evaluation", "evaluations"}
        self._sentence_words: dict[int, set[str]] = {}  # per doc: sentence start -> its words
        self.coordination_gap = coordination_gap
        self.reach = reach_setting("kg_roles", reach, _REACH)
        self._not_coordinating = (
            self.cues.train_words | self.cues.evaluate_words | self.cues.background_words | {";", ":", "."}
        )

    def _before(self, words: list[str], offset: int) -> int:
        """Index of the word before a mention, past determiners and "novel / new"."""
        k = offset - 1
        while k >= 0 and words[k] in _DETERMINERS:
            k -= 1
        return k

    def _in_phrase(self, words: list[str], offset: int) -> bool:
        """ "analysis on CIFAR-10", "issues in FastSpeech", "improvements over NGCF": the
        object of a preposition is not what a verb before it proposes."""
        k = self._before(words, offset)
        return k >= 0 and (
            words[k] in PREPOSITIONS
            or _bracketed_object(words, k, self.reach["bracket"], self.reach["bracket_preposition"])
        )

    def _about_others(self, sent: Span) -> bool:
        """ "Recently, a number of benchmarks—such as X and Y—have emerged to evaluate ...": a
        sentence that opens on the field's past, and never speaks of the authors' own work,
        names what others evaluate on."""
        words = [t.lower_ for t in sent]
        return words[0] in self.cues.background_words and not self._speaks_of_self(words)

    def _example_of_earlier_benchmarks(self, doc: Doc, sent: Span, words: set[str], m: Mention) -> bool:
        """ "existing evaluation benchmarks (e.g., HumanEval, MBPP) are no longer sufficient": a
        benchmark given as an example of the field's existing ones, in a sentence where the authors
        neither speak nor report a result, is named as others' (what a new benchmark improves on).
        ``words``: the sentence's words, lowercased."""
        if words & _AUTHORS or words & self._acts_of_evaluating:
            return False
        k = m.start - 1
        while k > sent.start and (doc[k].lower_ in _EXAMPLE_GLUE or mention_at(doc, k) is not None):
            k -= 1
        if doc[k].lower_ not in ("benchmark", "benchmarks") or not any(
            doc[j].lower_ in _EXAMPLE_OPENERS for j in range(k + 1, m.start)
        ):
            return False
        return any(t.lower_ in _EARLIER for t in doc[max(sent.start, k - self.reach["earlier_benchmarks"]) : k])

    def _speaks_of_self(self, words: list[str]) -> bool:
        """ "we", "our", "this paper", "in this work": the authors speak of their own work."""
        return any(w in self.cues.self_words for w in words) or any(
            f"{a} {b}" in self.cues.self_words for a, b in pairwise(words)
        )

    def _proposed(self, sent: Span, m: Mention) -> bool:
        words = [t.lower_ for t in sent]
        offset = m.start - sent.start
        if self._kind_of_named(sent, m) or self._tool_of_code(sent, m) or self._versioned(sent, m):
            return False
        k = self._before(words, offset)
        if (
            k >= 0
            and words[k] == "our"
            and (
                self._our_instance_of_known_class(sent, m)
                or self._our_entry_to(sent, m)
                or self._qualifies_acronym(sent, m)
            )
        ):
            return False
        if (k >= 0 and words[k] == "our") or (offset > 1 and words[offset - 2 : offset] == ["the", "proposed"]):
            # "our X", "our novel X", "the proposed X" (not "the recently proposed X")
            return _by(m, "roles._proposed:our")
        if _by(m, "roles._this_of_ours", self._this_of_ours(sent, words, m)) or _by(
            m, "roles._tuned_from_base", self._tuned_from_base(sent, words, m)
        ):
            return True
        if (
            _by(m, "roles._called_new", self._called_new(sent, m))
            or _by(m, "roles._introduced_by_name", self._introduced_by_name(sent, words, m))
            or _by(m, "roles._trained_here", self._trained_here(sent, words, m))
        ):
            return True
        if _by(m, "roles._kind_then_name", self._kind_then_name(sent, words, m)):
            return True
        if _by(m, "roles._our_described", self._our_described(sent, words, m)) or _by(
            m, "roles._newly_made", self._newly_made(sent, words, m)
        ):
            return True
        if _by(m, "roles._made_by_our_step", self._made_by_our_step(words, m.start - sent.start)):
            return True
        if _by(m, "roles._listed_as_trained", self._listed_as_trained(words, m.start - sent.start, m)) or _by(
            m, "roles._part_of_own", self._part_of_own(sent, words, m)
        ):
            return True
        if not (self._speaks_of_self(words[:offset]) or self._own_name_opens(sent)) or self._in_phrase(words, offset):
            return False
        head_after = m.end < sent.end and sent.doc[m.end].lower_ in self.cues.head_nouns
        defined = m.end + 1 < sent.end and sent.doc[m.end].text == "(" and sent.doc[m.end + 1].text.isupper()
        if m.catalogue_id and self._qualified_instance(sent, words, offset):
            return False
        if m.catalogue_id and offset > 0 and words[offset - 1] in ("a", "an") and not (head_after or defined):
            # "we propose a hierarchical Transformer": an instance of a known class (but "a
            # residual learning framework" names the framework, and "a Region Proposal Network
            # (RPN)" defines its name)
            return False
        if not m.catalogue_id and _by(m, "roles._explained_in_proposal", self._explained_in_proposal(sent, words, m)):
            return True
        # A known name must follow the verb closely ("we present BERT"); a new one may sit
        # further on ("we propose a simple yet effective method, GLSCL").
        # "proposing a self-attention based sequential model (SASRec)": a name in brackets after
        # the head of what is proposed names it, however far the verb is.
        named_here = (
            offset > 1
            and words[offset - 1] == "("
            and words[offset - 2] in self.cues.head_nouns
            and m.end < sent.end
            and sent.doc[m.end].text == ")"
        )
        named_here = named_here or self._head_apposition(sent, words, m)
        reach = self.known_reach if m.catalogue_id and not named_here else self.propose_reach
        for k in range(offset - 1, max(-1, offset - 1 - reach), -1):
            w = words[k]
            if w == ";" or self._relative_clause(words, k):
                return False
            if w == "of" and k > 0 and words[k - 1] in _DERIVED_NOUNS and "," not in words[k:offset]:
                return False  # "an implementation of meta-experience replay (MER)": its base (not "a variant of X, Y")
            if w == "from":
                return False  # "the X series, an upgrade from its predecessor, Y": where it comes from
            if self._purpose_clause(words, k, offset):
                return False
            if w in _NAMING and self._named_by_others(words, k + 1):
                return False  # "a recent MLLM called LLaVA"
            if w == "namely" and self._lists_members_of_class(words, k):
                return False  # "three competition platforms, namely LeetCode, ...": existing ones
            if w in self.cues.propose_words and k > 0 and words[k - 1] in ("the", "a", "an", "this", "our", "its"):
                return False  # "the proposed architecture", "the design of GCN": a noun or adjective
            if w == "proposed" and (k == 0 or words[k - 1] not in _PROPOSED_AFTER):
                return False  # "the recently proposed BERT": someone else's
            if w in self.cues.propose_words and w.endswith("ing") and (k == 0 or words[k - 1] not in _ING_AFTER):
                return False  # "for evaluating and developing RAG systems": not the authors' act
            if w in self.cues.propose_words and words[k + 1] in ("on", "upon"):
                return False  # "a paradigm built on Continuous Normalizing Flows (CNFs)": used
            if w in self.cues.propose_words and words[k + 1] == "by" and k + 1 < offset:
                return False  # "an architecture designed by stacking MLPs", "introduced by Bai et al.": means or maker
            if _by(m, "roles._proposed:propose_verb", w in self.cues.propose_words) or _by(
                m, "roles._we_provide_new", self._we_provide_new(words, k, offset, m)
            ):
                return True
            if w == "we" and k < offset - 1:
                return False  # "By introducing X, we turn Y into ...": Y's verb is "turn", not "introducing"
            if w in _COMPARISON:
                return False  # "on GSM that we create, PAL outperforms chain-of-thought": compared with
            if w == "based" and words[k + 1] not in ("on", "upon"):
                continue  # "a self-attention based model (SASRec)": a compound modifier, not "based on"
            if w in self.cues.train_words and w not in ("on", "with", "over", "than"):
                return False  # "we propose X based on Y": Y is used, not proposed
        return False

    def _kind_then_name(self, sent: Span, words: list[str], m: Mention) -> bool:
        """ "we introduce a general-purpose multimodal foundation model BEiT-3": a name right after the
        head noun of what the authors' proposal verb introduces with "a / an" names it, known or not."""
        offset = m.start - sent.start
        if offset < 3 or m.text.islower() or self._head_kind(words[offset - 1]) not in _OWN_VARIANT_TYPES:
            return False
        k = offset - 2
        while k > 0 and offset - k <= self.reach["kind_then_name"] and words[k] not in ("a", "an"):
            t = sent.doc[sent.start + k]
            if not (t.text.islower() or t.text == "-") or words[k] in PREPOSITIONS or words[k] in ("and", "or"):
                return False
            if words[k] in self.cues.propose_words:
                return False
            k -= 1
        return k > 0 and words[k] in ("a", "an") and words[k - 1] in self.cues.propose_words

    def _qualified_instance(self, sent: Span, words: list[str], offset: int) -> bool:
        """ "we propose an annealed Langevin dynamics", "a new vision Transformer", "a 3D fully
        convolutional network (FCN)": a known name that a describing word sets after "a / an" is an
        instance of its class (not "a new method called SparseGPT": a naming word between)."""
        k, modifiers = offset - 1, 0
        while k >= 0 and offset - k <= self.reach["qualifier"] and words[k] not in ("a", "an"):
            w, text = words[k], sent.doc[sent.start + k].text
            if w in _DETERMINERS:
                k -= 1
                continue
            if not (text[:1].islower() or text[:1].isdigit()) or not w.replace("-", "").isalnum():
                return False
            if w in PREPOSITIONS or w in _NAMING or w in self.cues.head_nouns or w in self.cues.propose_words:
                return False
            if w in ("and", "or", "that", "which", "is", "are"):
                return False
            modifiers += 1
            k -= 1
        return k >= 0 and words[k] in ("a", "an") and modifiers > 0

    def _qualifies_acronym(self, sent: Span, m: Mention) -> bool:
        """ "our Transformer TTS network": a known name before the acronym that heads what "our"
        names is what the paper's system is built from, not the system itself."""
        doc, i = sent.doc, m.end
        if not m.catalogue_id or i + 1 >= sent.end:
            return False
        acronym = doc[i].text
        return (
            acronym.isupper() and acronym.isalpha() and len(acronym) > 1 and doc[i + 1].lower_ in self.cues.head_nouns
        )

    def _tuned_from_base(self, sent: Span, words: list[str], m: Mention) -> bool:
        """ "CodeActAgent, finetuned from Llama2 and Mistral, is ...": a new name whose apposition says
        what it was fine-tuned from is a model the paper built (not in talk of earlier work)."""
        if m.catalogue_id or set(words[: m.start - sent.start]) & self.cues.background_words:
            return False
        after = [t.lower_ for t in sent.doc[m.end : min(sent.end, m.end + 3)]]
        return after[:1] == [","] and after[1:] in (["finetuned", "from"], ["fine-tuned", "from"])

    def _this_of_ours(self, sent: Span, words: list[str], m: Mention) -> bool:
        """ "We also show that this Stochastic Weight Averaging (SWA) procedure finds ...", "showing that
        these residual networks are easier to optimize": "this / these" after the authors speak points
        back to what they describe (not "these pruning methods": a known lowercase class)."""
        offset = m.start - sent.start
        if offset < 2 or words[offset - 1] not in ("this", "these"):
            return False
        if _known_technique(m):
            return False
        return self._speaks_of_self(words[: offset - 1])

    @staticmethod
    def _purpose_clause(words: list[str], k: int, offset: int) -> bool:
        """ "we propose an improved framework DCN-V2 to make DCN more practical": a name in the
        clause after "to" is what the proposal serves (but "approximations to CNNs: X and Y" lists it)."""
        return words[k] == "to" and k < offset - 1 and ":" not in words[k:offset]

    def _our_instance_of_known_class(self, sent: Span, m: Mention) -> bool:
        """ "our dual encoders", "our contrastive learning": "our" before a known lowercase class or
        technique is the authors' instance of it, not a name they give (unless the title is about it)."""
        if _coined_form(m):
            return False  # "our Zero-shot-CoT": the name the authors coined for their technique
        return _known_technique(m) and not self._title_topic(sent.doc, m.catalogue_id)

    def _our_described(self, sent: Span, words: list[str], m: Mention) -> bool:
        """ "our new program AlphaGo Zero", "our largest DiT-XL/2 models", "our models (BigGANs)",
        'our "SimSiam" method': "our" and a few describing words before a capitalised name make it the paper's own (not
        "our model outperforms X", "our experiments test X", "our algorithm with X")."""
        if m.text.islower() or _known_technique(m):
            return False  # "our reference vision transformer", "our audio SSL model": a kind, not a name
        offset = m.start - sent.start
        k = offset - 1
        while k >= 0 and sent.doc[sent.start + k].text in ('"', "(", "“"):
            k -= 1
        between = 0
        while k >= 0 and between < 3 and words[k] != "our":
            w = words[k]
            if not (w.replace("-", "").isalpha() and sent.doc[sent.start + k].text.islower()):
                return False
            if w in PREPOSITIONS or w in self.cues.train_words or w in self.cues.evaluate_words:
                return False
            if w in ("and", "or", "is", "are", "was", "were", "to", "that", "which"):
                return False
            if w.endswith("s") and w not in self.cues.head_nouns:
                return False  # "our experiments test X", "our approach extends X": a verb follows
            between += 1
            k -= 1
        quoted = k < offset - 1  # 'Our "SimSiam" method'
        described = between > 0 or quoted
        return k >= 0 and words[k] == "our" and described and not sent.doc[m.end : m.end + 1].text.startswith("-")

    def _newly_made(self, sent: Span, words: list[str], m: Mention) -> bool:
        """ "a newly introduced RemoteCount benchmark", "3 newly created datasets (i.e., IQTest,
        FunctionQA, and PaperQA)": what the abstract calls newly made is the paper's (not "newly
        proposed methods such as DPO"), unless the phrase is the object of a preposition ("on the newly
        released COCO dataset, we achieve ...": a test others made)."""
        offset = m.start - sent.start
        for k in range(offset - 2, max(-1, offset - self.reach["newly"]), -1):
            if words[k] in (";", ".", "such", "like", "e.g.") or words[k] in PREPOSITIONS:
                return False
            if words[k] == "newly":
                made = words[k + 1] in self.cues.propose_words or words[k + 1] in ("created", "collected")
                return made and not self._in_phrase(words, k)
        return False

    @staticmethod
    def _made_by_our_step(words: list[str], offset: int) -> bool:
        """ "We perform continued pretraining on ..., creating TowerBase, followed by finetuning ...,
        creating TowerInstruct": a name a participle after the authors' step gives as what that step
        makes is the result, as "the resulting X" is."""
        if offset < 3 or words[offset - 1] not in _MADE_PARTICIPLES or words[offset - 2] != ",":
            return False
        return "we" in words[: offset - 2] and ";" not in words[: offset - 2]

    @staticmethod
    def _we_provide_new(words: list[str], k: int, offset: int, m: Mention) -> bool:
        """ "We provide a modular framework GraphGPS", "we collect an instruction-tuning dataset
        CodeActInstruct": a new name the authors provide, or a dataset they collect, is theirs (a
        known one is not: "we provide examples of GPT-4 failures"; nor "we collect 16,464 APIs")."""
        if m.catalogue_id or k == 0 or words[k - 1] != "we":
            return False
        head_before = words[offset - 1] in ("dataset", "corpus", "benchmark", "collection")
        return words[k] in ("provide", "provides") or (words[k] == "collect" and head_before)

    @staticmethod
    def _versioned(sent: Span, m: Mention) -> bool:
        """ "We further design FastSpeech 2s": a known name cut short of the version that follows
        it is what the new version builds on."""
        if not m.catalogue_id or m.end >= sent.end:
            return False
        after = sent.doc[m.end].text
        return after[:1].isdigit() and after.isalnum() and len(after) <= 3 and sent.doc[m.end - 1].whitespace_ != ""

    @staticmethod
    def _built_in_the_style_of(sent: Span, m: Mention) -> bool:
        """ "a BERT-style model", "two T5-based ranking models", "our GPT-4 based baseline": a name
        that qualifies what is made is what it is made after (not "X based on Y": X is the new one)."""
        if any(m.text.lower().endswith("-" + s) for s in _MADE_AFTER):
            return True
        doc = sent.doc
        after = doc[m.end].lower_ if m.end < sent.end else ""
        on = m.end + 1 < sent.end and doc[m.end + 1].lower_ in ("on", "upon")
        return after in _MADE_AFTER and not on

    @staticmethod
    def _tool_of_code(sent: Span, m: Mention) -> bool:
        """ "our PyTorch implementation", "our PyTorch codebase": a name that qualifies the
        authors' code is the tool it is written with."""
        after = sent.doc[m.end].lower_ if m.end < sent.end else ""
        return after in ("implementation", "implementations", "codebase", "code", "library")

    def _kind_of_named(self, sent: Span, m: Mention) -> bool:
        """ "a self-supervised learning (SSL) framework BEATs", "a Graph Convolutional Network (GCN)
        algorithm PinSage", "a multi-source ARAG framework, termed MSPR": a name before a head noun
        and another name is the kind of what is proposed, which is the second name."""
        doc = sent.doc
        i = past_short_form(doc, m.end, sent.end)
        if i == m.end and i < sent.end and doc[i].text == ")" and doc[m.start - 1].text == "(":
            i += 1  # the acronym itself
        if i + 1 >= sent.end:
            return False
        if m.catalogue_id and self._named_next(doc, sent, i):
            return True  # "a new vision Transformer, called Swin Transformer": the known name is its kind
        if _known_technique(m) and doc[i].lower_ in self.kind_nouns:
            # "the proposed quantization scheme", "our red teaming studies": a known technique
            # before a noun of the kind it is applied as (no head noun, so no name need follow)
            return not self._title_topic(doc, m.catalogue_id)
        if not self._head_noun(doc[i].lower_):
            # "a tuning-free 2bit KV cache quantization algorithm, named KIVI", "an innovative
            # meta-learning MTS model, MMformer": a known name a word or two before the head noun
            return m.catalogue_id is not None and any(
                self._head_noun(doc[h].lower_) and self._name_follows(doc, sent, h)
                for h in range(i + 1, min(i + 1 + self.reach["kind_modifiers"], sent.end - 1))
                if all(t.text.isalnum() and t.lower_ not in PREPOSITIONS for t in doc[i:h])
            )
        if _known_technique(m):
            # "a novel multi-task learning approach", "a new PEFT method": a known technique as the
            # kind (unless the title is about it: "Deep Residual Learning for ..."); "a masked
            # image modeling task" is what is proposed, a task to train on
            if self._head_kind(doc[i].lower_) == "Task":
                return False
            return not self._title_topic(doc, m.catalogue_id)
        return self._name_follows(doc, sent, i)

    @staticmethod
    def _name_follows(doc: Doc, sent: Span, i: int) -> bool:
        """A name right after the head noun at ``i``: "algorithm PinSage", "framework, termed MSPR"."""
        j = i + 1
        if doc[j].text == "," and j + 1 < sent.end:
            j += 1 + (doc[j + 1].lower_ in _NAMING and j + 2 < sent.end)  # "an ARAG framework, termed MSPR"
        return any(x.start == j for x in mentions_of(doc))

    @staticmethod
    def _named_next(doc: Doc, sent: Span, i: int) -> bool:
        """ "X, called Y", "X dubbed Y": a naming word at ``i`` (after a comma or not) and a name right
        after it, so what comes before the naming word is the kind of thing Y is."""
        j = i + (doc[i].text == ",")
        return j + 1 < sent.end and doc[j].lower_ in _NAMING and any(x.start == j + 1 for x in mentions_of(doc))

    def _head_noun(self, word: str) -> bool:
        """A head noun or its plural: "approach / approaches", "network / networks"."""
        return self._head_kind(word) is not None

    def _head_kind(self, word: str) -> str | None:
        """What a head noun or its plural names: "approaches" a Method, "tasks" a Task."""
        return next((t for w in (word, word[:-1], word[:-2]) if (t := self.cues.head_nouns.get(w))), None)

    @staticmethod
    def _title_topic(doc: Doc, catalogue_id: str) -> bool:
        """ "Deep Residual Learning for Image Recognition": the known technique that ends the
        title's subject, right before "for" or the title's end; not what the work serves ("... for
        Knowledge Graph Embedding"), nor after the paper's own name ("S3-Rec: Self-Supervised
        Learning for ...") or a compound modifier ("Diffusion-based Contrastive Learning")."""
        title_end = doc._.kg_title_end or 0
        return any(
            x.catalogue_id == catalogue_id
            and x.end <= title_end
            and (x.end >= title_end - 1 or doc[x.end].lower_ == "for")
            and not RoleAssigner._title_purpose(doc, x)
            and not (doc._.kg_title_colon is not None and doc._.kg_title_colon < x.start)
            and not (x.start > 0 and "-" in doc[x.start - 1].text)
            for x in mentions_of(doc)
        )

    def _lists_members_of_class(self, words: list[str], k: int) -> bool:
        """ "across three competition platforms, namely LeetCode, AtCoder, and CodeForces": "namely"
        after a plural noun that is no kind of thing a paper proposes (not "two models, namely",
        "three contributions, namely") lists existing members of that class, not new names."""
        j = k - 1 - (k > 0 and words[k - 1] == ",")
        if j < 0:
            return False
        noun = words[j]
        return (
            noun.endswith("s")
            and noun not in self.cues.head_nouns
            and noun not in self.part_nouns
            and noun not in _OWN_LIST_NOUNS
        )

    def _relative_clause(self, words: list[str], k: int) -> bool:
        """ "we introduce X, which continues pre-training Y", "a technique that maintains a Y": a
        name in a relative clause after what is proposed is what it does or uses (not "a model
        that we call Y", nor "shows that Y ...")."""
        if words[k + 1 : k + 2] == ["we"]:
            return False
        if words[k] == "that":
            return k > 0 and words[k - 1] in self.cues.head_nouns
        return words[k] in ("which", "where", "whereas", "while")

    def _head_apposition(self, sent: Span, words: list[str], m: Mention) -> bool:
        """ "we propose an online algorithm, SwAV, that ...", "a two-part quantization procedure,
        LLM.int8().": a known name set off by a comma right after the noun of what is proposed
        names it, so it may sit as far from the verb as a new name."""
        offset = m.start - sent.start
        if offset < 2 or words[offset - 1] != ",":
            return False
        noun = sent.doc[m.start - 2]
        if not (noun.is_alpha and noun.text.islower()) or noun.lower_ in PREPOSITIONS:
            return False
        after = sent.doc[m.end].text if m.end < sent.end else "."
        return after in (",", ".", "(", ";", ":")

    @staticmethod
    def _own_name_opens(sent: Span) -> bool:
        """ "Qwen2-VL introduces the Naive Dynamic Resolution mechanism", "Specifically, TacoLM introduces
        ...": the paper's own name (its title's, before the colon) as the subject, after at most a
        short opening phrase, speaks for the authors."""
        doc = sent.doc
        own = {m.text for m in mentions_of(doc) if m.start == 0 and m.role == "proposed"}
        if sent.start == 0 or not own:
            return False
        text = sent.text
        head, comma, rest = text.partition(", ")
        if comma and len(head.split()) <= 3 and head.replace(" ", "").isalpha():
            text = rest  # "Specifically, TacoLM introduces ...", "In particular, X ..."
        return any(text.startswith(name + " ") for name in own)

    def _introduced_by_name(self, sent: Span, words: list[str], m: Mention) -> bool:
        """A name the sentence gives, with or without "we" (never in a sentence about earlier
        work): "models dubbed ConvNeXt", "new activation functions SwooshR and SwooshL", "our
        simple baseline, Dark Experience Replay"."""
        offset = m.start - sent.start
        if offset < 2 or set(words[:offset]) & self.cues.background_words:
            return False  # "models dubbed X" (but "our encoders, X, outperform existing ones" too)
        return (
            (self._named_here(words, offset) and not self._named_by_others(words, offset))
            or self._new_kind(sent, words, m)
            or self._our_apposition(sent, words, offset)
        )

    def _named_here(self, words: list[str], offset: int) -> bool:
        """ "dubbed / named / called X", "called a Feature Pyramid Network" (not "what is called
        X": an existing term)."""
        if words[offset - 1] in ("a", "an", "the") and offset > 2:
            offset -= 1
        if words[offset - 1] == "as":
            return _referred_to_as(words, offset - 1, self.reach["refer"])
        return words[offset - 1] in _NAMING and words[offset - 2] not in ("is", "are", "was", "were", "be")

    def _named_by_others(self, words: list[str], offset: int) -> bool:
        """ "a recent MLLM called LLaVA", "the leading prompting technique called Mathprompter": the
        noun phrase before the naming word places the name in earlier work."""
        return any(
            w in self.earlier_words for w in words[max(0, offset - self.reach["earlier_work"]) : offset - 1]
        ) or self._tested_on_named(words, offset)

    def _tested_on_named(self, words: list[str], offset: int) -> bool:
        """ "We tested X on a challenging code generation dataset called Y": data named as what a
        result is tested on is someone else's, not made here."""
        k = offset - 2  # the word before the naming word
        while k >= 0 and k > offset - self.reach["tested_on"] and words[k] not in PREPOSITIONS:
            k -= 1
        return k > 0 and words[k] == "on" and bool(set(words[:k]) & self.cues.evaluate_words)

    def _our_entry_to(self, sent: Span, m: Mention) -> bool:
        """ "our ILSVRC 2017 classification submission", "our ImageNet Challenge 2014 entry": a
        benchmark naming what the authors entered, not what they made."""
        if m.type != "Benchmark":
            return False
        doc = sent.doc
        for tok in doc[m.end : min(sent.end, m.end + 3)]:
            if tok.lower_ in self.entry_nouns:
                return True
            if not (tok.is_alpha and tok.text.islower()):
                return False
        return False

    @staticmethod
    def _new_kind(sent: Span, words: list[str], m: Mention) -> bool:
        """ "new activation functions SwooshR", "with a new Anomaly-Attention mechanism": a new name
        right after "a new / novel" or after "new / novel" and up to three lowercase words (a known
        name after "new methods such as" is someone else's)."""
        offset = m.start - sent.start
        if not m.catalogue_id and words[offset - 1] in ("new", "novel") and words[offset - 2] in ("a", "an"):
            return True  # "with a new Anomaly-Attention mechanism"
        if _bracketed_after_new(sent, words, m):
            return True  # "a novel GCL evaluation setting (MNIST-360)"
        k = offset - 1
        skip = 2 if words[k] == "the" and words[k - 1] == "," else 1 if words[k] == "," else 0
        k, offset = k - skip, offset - skip  # "a new architecture, the Dragonnet, that ...": past the comma
        while not m.catalogue_id and k > 0 and offset - k <= 3:
            if not sent.doc[sent.start + k].text.islower() or words[k] in PREPOSITIONS:
                return False
            if words[k - 1] in ("new", "novel"):
                return True
            k -= 1
        return False

    @staticmethod
    def _our_apposition(sent: Span, words: list[str], offset: int) -> bool:
        """ "our simple baseline, X", "Our model, the Vector Quantised-Variational AutoEncoder (VQ-VAE),":
        a plain noun phrase after "our", then the name (not "our algorithm with OPT, LLaMA")."""
        if words[offset - 1] == "the" and offset > 2:
            offset -= 1
        if words[offset - 1] != ",":
            return False
        noun = sent.doc[sent.start + offset - 2]
        k = offset - 2
        while k >= 0 and offset - k <= 5 and words[k] not in (",", "our") and words[k] not in PREPOSITIONS:
            k -= 1
        return k >= 0 and words[k] == "our" and noun.is_alpha and noun.text.islower()

    def _trained_here(self, sent: Span, words: list[str], m: Mention) -> bool:
        """ "we have pre-trained a multi-lingual model mDeBERTa", "we train a SigLiT model", "by
        training a more compute-optimal model, Chinchilla,": a name beside a model noun, right after
        the authors' training verb, is what they built (a known name only set off by a comma); so is a
        new name in brackets after the known family they train ("we train a large ViT (ViT-e)")."""
        offset = m.start - sent.start
        if offset < 3:
            return False
        apposed = words[offset - 1] == ","
        if m.catalogue_id and not apposed:
            return False
        after = sent.doc[m.end].lower_ if m.end < sent.end else ""
        noun = words[offset - 2] if apposed else words[offset - 1]
        family = words[offset - 1] == "(" and after == ")" and not m.catalogue_id
        known = mention_at(sent.doc, m.start - 2) if family else None
        model_noun = self.cues.head_nouns.get(noun) == "Model" or self.cues.head_nouns.get(after) == "Model"
        if known is not None and known.type in _OWN_VARIANT_TYPES:
            offset = known.start - sent.start
        elif not model_noun:
            return False
        for k in range(offset - 1, max(0, offset - self.reach["trained_here"]), -1):
            if words[k] in PREPOSITIONS:
                return False  # "trained on X": data, not the model
            if words[k] in TRAINING_WORDS:
                return words[k - 1] in ("we", "by") or (k > 1 and words[k - 2] == "we")
        return False

    def _part_of_own(self, sent: Span, words: list[str], m: Mention) -> bool:
        """ "CORE includes two key strategies: Adaptive Quantity Allocation and ...", "OmniQuant comprises
        two innovative components including Learnable Weight Clipping (LWC)": new names the paper's own
        system is said to be made of, as its components or strategies, are the named parts of its method."""
        offset = m.start - sent.start
        if m.catalogue_id or not self._own_name_opens(sent):
            return False
        verb = next((k for k in range(offset) if words[k] in self.part_verbs), None)
        if verb is None or any(w in (";", ".") for w in words[verb:offset]):
            return False
        after = words[offset + m.length] if offset + m.length < len(words) else ""
        return any(w in self.part_nouns for w in words[verb:offset]) or after in self.part_nouns

    def _listed_as_trained(self, words: list[str], offset: int, m: Mention) -> bool:
        """ "we train various models to demonstrate its effectiveness, including the reward model UltraRM,
        ... and critique model UltraCM": new names listed after the models the authors train are those
        models (a known one is a base model: "we train models, including Llama 2")."""
        if m.catalogue_id or "including" not in words[:offset]:
            return False
        i = offset - 1 - words[:offset][::-1].index("including")
        if ";" in words[i:offset]:
            return False
        for k in range(1, i):
            if words[k - 1] == "we" and words[k] in TRAINING_WORDS:
                return any(self.cues.head_nouns.get(w.rstrip("s")) == "Model" for w in words[k + 1 : i])
        return False

    def _called_new(self, sent: Span, m: Mention) -> bool:
        """ "trained on UltraPrompt, a new dataset synthesized ...": a name its apposition calls
        new is the paper's own, whatever verb governs it."""
        doc = sent.doc
        i = past_short_form(doc, m.end, sent.end)  # "Self-Consistent Internal Rewards (SCIR), a novel ..."
        after = [t.lower_ for t in doc[i : min(sent.end, i + 3)]]
        if not (len(after) == 3 and after[0] == "," and after[1] in ("a", "an") and after[2] in ("new", "novel")):
            return False
        return not self._new_result(doc, i + 3, sent.end)

    def _new_result(self, doc: Doc, i: int, end: int) -> bool:
        """ "..., a new state-of-the-art performance on WSJ0-2mix is achieved": what is new after the
        comma is a result reached, not a description of the name before it."""
        return any(t.lower_ in self.result_nouns for t in doc[i : min(end, i + 3)])

    def _title_subject(self, doc: Doc, m: Mention) -> bool:
        """ "Focal Loss for Dense Object Detection", "Denoising Diffusion Probabilistic Models":
        a name that opens the title and is all of it, or all of it before "for", is the
        paper's subject. Known lowercase techniques ("Reinforcement Learning for ...") are not."""
        title_end = doc._.kg_title_end or 0
        if m.catalogue_id and m.end < title_end and doc[m.end].lower_ in _TITLE_VERBS:
            # "Self-Consistency Improves ...", "Masked Autoencoders Are ...": the paper that named it
            return not self._first_named_as_earlier(doc, m)
        if _known_technique(m):
            return False
        end = m.end
        if end < title_end and doc[end].lower_ in self.cues.extra.get("generic_words", ()):
            end += 1  # "Proximal Policy Optimization Algorithms"
        return end >= title_end - 1 or doc[end].lower_ == "for"

    def _first_named_as_earlier(self, doc: Doc, m: Mention) -> bool:
        """ "Muon is Scalable for LLM Training": "Recently, the Muon optimizer ... has demonstrated
        strong results ...": a known name the abstract first names in a sentence about the field's
        past, where the authors do not speak, is earlier work the title says something about."""
        title_end = doc._.kg_title_end or 0
        first = next((x for x in mentions_of(doc) if x.catalogue_id == m.catalogue_id and x.start >= title_end), None)
        if first is None:
            return False
        words = [t.lower_ for t in sentence_of(doc, first)]
        return bool(set(words) & self.cues.background_words) and not self._speaks_of_self(words)

    def _title_means_unrepeated(self, doc: Doc, m: Mention) -> bool:
        """ "Semi-Supervised Classification with Graph Convolutional Networks", "... using Deep
        Ensembles": a known technique the title ends on as its means, which the abstract never names
        again (it describes it in its own words) is what the paper introduces (not in "X: ...")."""
        title_end = doc._.kg_title_end or 0
        if not m.catalogue_id or m.type != "Method" or m.end > title_end:
            return False
        if m.end < title_end and not (m.end == title_end - 1 and doc[m.end].is_punct):
            return False
        if word_before_article(doc, m.start) not in self.means_words:
            return False
        if doc._.kg_title_colon is not None:
            return False
        return not any(x.catalogue_id == m.catalogue_id and x.start >= title_end for x in mentions_of(doc))

    @staticmethod
    def _titled_term(doc: Doc, m: Mention) -> bool:
        """ "Anomaly Detection with Association Discrepancy", "Exploring Refusal Loss Landscapes": a new
        capitalised term for a technique that the title names and the abstract repeats is the paper's
        (not the object of "of / in / on / to", nor the subject of "... Improves X")."""
        if m.source != "capitalised" or m.type != "Method":
            return False
        prev = doc[m.start - 1].lower_ if m.start > 0 else ""
        return prev not in (":", ",", "of", "in", "on", "to") and prev not in _TITLE_VERBS

    @staticmethod
    def _title_purpose(doc: Doc, m: Mention) -> bool:
        """ "Quantization for KV Cache", "Deep Neural Networks for YouTube Recommendations": a name
        after "for" in the title is what the contribution serves, not the contribution."""
        k = m.start - 1
        while k > 0 and doc[k].lower_ in ("the", "a", "an"):
            k -= 1
        return k > 0 and doc[k].lower_ == "for"

    def _explained_in_proposal(self, sent: Span, words: list[str], m: Mention) -> bool:
        """ "We propose three interventions: (i) TraceShield, an inference-time filter, (ii) ...":
        a new name explained by an apposition, in a sentence where we propose, is ours."""
        doc = sent.doc
        if not (m.end + 1 < sent.end and doc[m.end].text == "," and doc[m.end + 1].lower_ in ("a", "an")):
            return False
        offset = m.start - sent.start
        # "We collect Gribble, a dataset of 100K dialogues": data the authors gather is theirs too
        verbs = self.data_made_verbs if m.type in EVALUATED_TYPES else self.cues.propose_words
        return any(w in verbs and k > 0 and words[k - 1] == "we" for k, w in enumerate(words[:offset]))

    def _defined_as_own(self, doc: Doc, sent: Span, m: Mention, background: bool) -> bool:
        """A new name defined with its acronym is the paper's own (its method's parts are
        introduced this way), unless it is compared with, sits in a prepositional phrase
        ("from an Approximate Nearest Neighbor (ANN) index"), sits in a sentence about earlier work
        ("... is an appealing recent method") or opens the abstract as the problem it addresses."""
        if m.source != "abbreviation" or not m.aliases or m.type == "Task" or background:
            return False
        if sent.start < doc._.kg_title_end:
            return False
        words = [t.lower_ for t in sent]
        offset = m.start - sent.start
        if self._in_phrase(words, offset) or any(w in _COMPARISON for w in words[:offset]):
            return False
        if self._someone_elses(doc, sent, words, m) or self._said_of_another(words, offset):
            return False
        if self._listed_example(words, offset):
            return False
        if set(words) & self.earlier_words:
            return False  # "Collaborative topic regression (CTR) is an appealing recent method"
        first_sentence = sent.start <= doc._.kg_title_end + 1
        return not first_sentence or self._speaks_of_self(words)

    def _opens_own_definition(self, doc: Doc, sent: Span, m: Mention, background: bool) -> bool:
        """ "SimpleTOD is a simple approach to task-oriented dialogue that ...": a new name that opens
        an abstract sentence saying what it is names the paper's own work, also after a list item's
        number ("1) C-MTEB is a comprehensive benchmark ..."); not in talk of earlier work, "X is a
        recently popularized method", nor "TD-MPC is ..." before the paper's "TD-MPC2")."""
        if background or m.type not in PROPOSABLE_TYPES or m.end + 2 >= sent.end:
            return False
        if m.start != sent.start and not _LIST_MARKER.match(doc[sent.start : m.start].text.replace(" ", "")):
            return False
        if m.start < (doc._.kg_title_end or 0):
            return False
        if doc[m.end].lower_ not in ("is", "are") or doc[m.end + 1].lower_ not in ("a", "an"):
            return False
        if any(t.lower_ in self.earlier_words for t in sent):
            return False
        return not any(
            x.role == "proposed" and x.text.startswith(m.text) and x.text != m.text for x in mentions_of(doc)
        )

    @staticmethod
    def _listed_example(words: list[str], offset: int) -> bool:
        """ "We assume that such universal features include Weighted-Residual-Connections (WRC), ...":
        names listed as what a class of things includes are examples of it, not the paper's own."""
        return any(w in ("include", "includes") for w in words[:offset]) and ";" not in words[:offset]

    def _said_of_another(self, words: list[str], offset: int) -> bool:
        """ "The successful x-vector architecture is a Time Delay Neural Network (TDNN)", "In contrast,
        Simplified Graph Convolution (SGC) ...": a name that says what another thing is, or that a
        sentence contrasts with, where the authors do not speak of themselves, is not theirs."""
        if self._speaks_of_self(words[:offset]):
            return False
        return words[max(0, offset - 2) : offset] in (["is", "a"], ["is", "an"]) or words[:2] == ["in", "contrast"]

    def _someone_elses(self, doc: Doc, sent: Span, words: list[str], m: Mention) -> bool:
        """ "techniques such as Reinforcement Learning with Human Feedback (RLHF)", "Deep & Cross
        Network (DCN) was proposed to ...", "RLAIF, introduced by Bai et al.": an example of a
        class, or a name said to come from earlier work."""
        offset = m.start - sent.start
        if any(words[k : k + 2] == ["such", "as"] for k in range(max(0, offset - self.reach["such_as"]), offset)):
            return True
        after = [t.lower_ for t in doc[m.end : min(sent.end, m.end + self.reach["proposed_by"])]]
        if after[:1] == ["("] and ")" in after:
            after = after[after.index(")") + 1 :]
        if after[:1] == [","]:
            after = after[1:]
        return after[:2] in (["was", "proposed"], ["were", "proposed"], ["introduced", "by"], ["proposed", "by"])

    def role_of(self, doc: Doc, m: Mention) -> str:
        if m.role:
            return m.role
        if m.type == "Organization":
            return _decided(m, "mentioned", "roles.role_of:organization")
        sent = sentence_of(doc, m)
        words = self._sentence_words.get(sent.start)
        if words is None:  # once per sentence, not once per mention
            words = self._sentence_words[sent.start] = {t.lower_ for t in sent}
        background = bool(words & self.cues.background_words)
        if m.start == 0 and m.type in PROPOSABLE_TYPES and self._title_subject(doc, m):
            return _decided(m, "proposed", "roles._title_subject")
        if m.type in _OWN_VARIANT_TYPES and self._built_in_the_style_of(sent, m):
            return _decided(m, "used", "roles._built_in_the_style_of")
        if self._title_means_unrepeated(doc, m):
            return _decided(m, "proposed", "roles._title_means_unrepeated")
        if m.type == "Metric" and _by(m, "roles._new_metric", self._new_metric(doc, sent, m)):
            return "proposed"
        if m.type == "Metric" and m.catalogue_id is None and self._proposed(sent, m):
            return "proposed"  # "We describe GEMBA, a GPT-based metric": a new measure the authors introduce
        # Well-known names can be proposed too: this may be the paper that introduced them.
        # Tasks and metrics are worked on and reported, rarely what a paper proposes.
        if m.type not in ("Task", "Metric") and (
            self._proposed(sent, m)
            or _by(m, "roles._passive_proposal", self._passive_proposal(sent, m))
            or _by(m, "roles._made_here_clause", self._made_here_clause(sent, m))
        ):
            return "proposed"
        if m.catalogue_id is None:
            # A new name defined with its acronym, outside background sentences, is the
            # paper's own: its method's components are introduced this way.
            if _by(m, "roles._defined_as_own", self._defined_as_own(doc, sent, m, background)) or _by(
                m, "roles._opens_own_definition", self._opens_own_definition(doc, sent, m, background)
            ):
                return "proposed"
            # A new name in the title is what the paper is about: its own contribution.
            if (
                m.end <= doc._.kg_title_end
                and m.type in PROPOSABLE_TYPES
                and (m.source in ("shape", "named", "title") or self._titled_term(doc, m))
                and not self._title_purpose(doc, m)
            ):
                return _decided(m, "proposed", "roles.role_of:new_name_in_title")
        evaluating = bool(words & self.cues.evaluate_words)
        training = bool(words & self.cues.train_words)
        trained_on = (
            self._trained_on(doc, sent, m)
            or self._known_data_trained_on(doc, sent, m)
            or self._method_run_with_data(doc, m)
            or (
                m.type == "Dataset"
                and (self._listed_training_data(doc, sent, m) or self._opening_means_of_training(doc, sent, m))
            )
        )
        if m.type in ("Benchmark", "Dataset") and (
            _by(m, "roles._pretrained_on", self._pretrained_on(doc, m))
            or _by(m, "roles._source_of_models", self._source_of_models(doc, sent, m))
            or _by(m, "roles._source_of_data", self._source_of_data(doc, m))
            or _by(m, "roles._training_part_named", self._training_part_named(doc, m))
            or _by(m, "roles._named_for_training", self._named_for_training(doc, sent, m))
            or _by(m, "roles._compared_data", self._compared_data(doc, sent, m))
        ):
            m.type, m.type_by = "Dataset", m.role_by  # "after pre-training on the Objects365 dataset": data, not a test
            return "used"
        if m.type == "Benchmark":
            # Benchmarks exist to be evaluated on: that is their role even where the sentence trains
            # on one ("we train a policy on 18 RLBench tasks"); the guide makes data used both to
            # train and to evaluate a Benchmark, and training data proper is typed Dataset
            # (pre-training corpora, a benchmark's training part, sources of data: above).
            if self._about_others(sent):
                return _decided(m, "mentioned", "roles._about_others")
            if _by(m, "roles._example_of_earlier_benchmarks", self._example_of_earlier_benchmarks(doc, sent, words, m)):
                return "mentioned"
            if background and not evaluating:
                return _decided(m, "mentioned", "roles.role_of:benchmark_in_background")
            return _decided(m, "evaluated_on", "roles.role_of:benchmark")
        if m.type == "Task":
            if (
                _by(m, "roles._umbrella_task", self._umbrella_task(doc, sent, m))
                or _by(m, "roles._background_example", self._background_example(doc, sent, m))
                or _by(m, "roles._field_of_progress", self._field_of_progress(doc, sent, m))
                or _by(m, "roles._aim_or_kin", self._aim_or_kin(doc, sent, m))
            ):
                return "mentioned"
            # The tasks a paper works on are what it reports results on.
            if background and not evaluating and not self._field_as_subject(doc, sent, m):
                return _decided(m, "mentioned", _TASK_IN_BACKGROUND)
            return _decided(m, "evaluated_on", "roles.role_of:task")
        if m.type in ("Dataset", "Metric"):
            if evaluating and not trained_on:
                return _decided(m, "used" if m.type == "Metric" else "evaluated_on", "roles.role_of:evaluating")
            if training:
                return _decided(m, "used", "roles.role_of:training")
            return _decided(m, "mentioned", "roles.role_of:data_or_metric")
        if m.type == "Method" and m.catalogue_id and m.end <= doc._.kg_title_end and self._title_purpose(doc, m):
            return _decided(m, "used", "roles._title_purpose")  # "A Framework for Self-Supervised Learning"
        if background and not evaluating:
            return _decided(m, "mentioned", "roles.role_of:background")
        if m.type == "Model":
            return _decided(m, "used", "roles.role_of:model")  # a paper's base models or baselines
        if m.type == "Method" and _by(m, "roles._known_part_of_own_work", self._known_part_of_own_work(sent, m)):
            return "used"
        if training or evaluating:
            return _decided(m, "used", "roles.role_of:training_or_evaluating")
        return _decided(m, "mentioned", "roles.role_of:default")

    def _new_metric(self, doc: Doc, sent: Span, m: Mention) -> bool:
        """ "we propose a novel panoptic quality (PQ) metric", "we introduce X, a new measure of ...":
        a measure the authors introduce as one (guide: a metric the paper defines is proposed)."""
        k = past_short_form(doc, m.end, sent.end)
        if k < sent.end and doc[k].text == ",":  # "X, a new metric"
            after = [t.lower_ for t in doc[k + 1 : min(k + self.reach["new_metric"], sent.end)]]
            return any(w in ("new", "novel") for w in after[:2]) and any(w in ("metric", "measure") for w in after)
        if k >= sent.end or doc[k].lower_ not in ("metric", "measure"):
            return False
        reach = self.reach["new_metric_opener"]
        before = {t.lower_ for t in doc[max(sent.start, m.start - reach) : m.start]}  # "propose a novel X metric"
        return bool(before & self.new_measure_openers)

    def _known_part_of_own_work(self, sent: Span, m: Mention) -> bool:
        """A known technique named where the authors speak of their own work is one it uses:
        "Our encoder consists exclusively of convolution and self-attention", "ZorbNet utilizes a
        diffusion transformer"."""
        return bool(m.catalogue_id) and (self._speaks_of_self([t.lower_ for t in sent]) or self._own_name_opens(sent))

    def _background_example(self, doc: Doc, sent: Span, m: Mention) -> bool:
        """ "Knowledge graphs enable applications such as question answering": a task given as an
        example in a list, in the opening background before the abstract first speaks of the
        authors' work, is named as what others serve, not what this paper works on."""
        title_end = doc._.kg_title_end or 0
        if sent.start < title_end or not self._before_own_work(doc, sent):
            return False
        words = [t.lower_ for t in doc[sent.start : m.start]]
        return any(
            tuple(words[k : k + len(o)]) == o and ";" not in words[k:]
            for o in self.list_openers
            if o[0] not in (":", "--", "—")
            for k in range(len(words) - len(o) + 1)
        )

    def _field_of_progress(self, doc: Doc, sent: Span, m: Mention) -> bool:
        """ "recent advances in language modeling", "the success of such models in image
        classification": a task named as the field where others made progress is background,
        not what this paper reports results on."""
        k = m.start - 1
        while k > sent.start and m.start - k <= self.reach["progress_in"] and doc[k].lower_ != "in":
            k -= 1
        if k <= sent.start or doc[k].lower_ != "in":
            return False
        return any(t.lower_ in self.progress_nouns for t in doc[max(sent.start, k - self.reach["progress_noun"]) : k])

    def _aim_or_kin(self, doc: Doc, sent: Span, m: Mention) -> bool:
        """ "a stepping stone to general robotic manipulation", "released to facilitate research into
        open-domain dialogue", "analogue to semantic segmentation", "the related fields of face
        verification", "inspired by recent work in machine translation": a task named as where the
        work may lead, what it resembles or what inspired it is motivation or comparison, not what
        the paper reports results on; so is every task listed after the first ("... in machine
        translation and object detection")."""
        k = m.start - 1
        if k > sent.start and doc[k].lower_ in LIST_GLUE:  # "... in machine translation and object detection"
            earlier = next((x for x in mentions_of(doc) if x.end == k and x.type == "Task"), None)
            if earlier is not None and self._aim_or_kin(doc, sent, earlier):
                return True
        before = [t.lower_ for t in doc[max(sent.start, m.start - self.reach["aim"]) : m.start]]
        for skip in range(self.reach["aim_modifiers"] + 1):  # "to general robotic manipulation": modifiers between
            end = len(before) - skip
            if end < 0 or any(not w.isalpha() for w in before[end:]):
                break
            if any(tuple(before[max(0, end - len(p)) : end]) == p for p in self.aim_phrases):
                return True
        return False

    @staticmethod
    def _field_as_subject(doc: Doc, sent: Span, m: Mention) -> bool:
        """ "Program synthesis has been long studied ...", "Neural information retrieval (IR) has
        greatly advanced search": a task that opens a sentence as its subject is the field the
        paper works in, though the sentence speaks of its past."""
        before = doc[sent.start : m.start]
        if len(before) > 2 or any(not t.text.replace("-", "").isalpha() or t.is_stop for t in before):
            return False
        i = past_short_form(doc, m.end, sent.end)
        return i < sent.end and doc[i].lower_ in _SUBJECT_VERBS

    def _before_own_work(self, doc: Doc, sent: Span) -> bool:
        """No sentence of the abstract up to and including ``sent`` speaks of the authors' work."""
        for s in doc[doc._.kg_title_end or 0 : sent.end].sents:
            if self._speaks_of_self([t.lower_ for t in s]):
                return False
        return True

    def _umbrella_task(self, doc: Doc, sent: Span, m: Mention) -> bool:
        """ "span selection tasks such as question answering and coreference resolution": a task
        that opens a list of tasks names their class; the members are what the paper works on."""
        i = m.end
        if i >= sent.end or doc[i].lower_ not in _UMBRELLA_NOUNS:
            return False
        i += 1 + (i + 1 < sent.end and doc[i + 1].text == ",")
        opener = next(
            (o for o in self.list_openers if tuple(t.lower_ for t in doc[i : i + len(o)]) == o and o[0] != ":"), None
        )
        if opener is None:
            return False
        i += len(opener)
        return any(x.type == "Task" and x.start == i for x in mentions_of(doc))

    def _passive_proposal(self, sent: Span, m: Mention) -> bool:
        """ "X is devised to ...", "an X is proposed": the paper's own, in the passive. Also
        "we train X, an autoregressive model ..." and "the resulting model, X, ...": a name the
        paper trains from scratch and explains, or calls the result of its work ("the resulting X", "..., resulting
        in X")."""
        doc = sent.doc
        after = [t.lower_ for t in doc[m.end : min(sent.end, m.end + 3)]]
        if len(after) >= 2 and after[0] in ("is", "are") and after[1] in self.cues.propose_words:
            return True
        before = [t.lower_ for t in doc[max(sent.start, m.start - 3) : m.start]]
        if before[-2:] in (["we", "train"], ["we", "pretrain"], ["we", "pre-train"]):
            return after[:1] == [","] and len(after) > 1 and after[1] in ("a", "an")
        if before[-2:] in (["resulting", "in"], ["the", "resulting"]) and not m.catalogue_id:
            return True  # "X is used to instruction-tune Llama 2, resulting in AgentLM", "the resulting X model"
        return len(before) == 3 and before[0] == "resulting" and before[1] in self.cues.head_nouns and before[2] == ","

    def _made_here_clause(self, sent: Span, m: Mention) -> bool:
        """ "On GSM-hard, a more challenging version of GSM that we create, PAL ...": a name whose
        apposition ends in a relative clause saying the authors made it is theirs, whatever
        verb governs the name."""
        doc = sent.doc
        if not (m.end + 1 < sent.end and doc[m.end].text == "," and doc[m.end + 1].lower_ in ("a", "an")):
            return False
        for k in range(m.end + 2, min(sent.end - 2, m.end + self.reach["made_clause"])):
            if doc[k].text in (",", ";", ":", "(", ")"):
                return False  # the apposition ends before any clause of ours
            if doc[k].lower_ in ("that", "which") and doc[k + 1].lower_ == "we":
                return doc[k + 2].lower_ in self.made_verbs
        return False

    def __call__(self, doc: Doc) -> Doc:
        self._sentence_words = {}
        # A survey reports no results of its own: what it names, it mentions.
        survey = any(t.lower_ in self.survey_words for t in doc[: doc._.kg_title_end or 0])
        for m in mentions_of(doc):
            m.role = self.role_of(doc, m)
            if survey and m.role in ("used", "evaluated_on"):
                m.role, m.role_by = "mentioned", "roles.__call__:survey"
            if self.dataset_as_benchmark and m.type == "Dataset" and m.role == "evaluated_on":
                m.type, m.type_by = "Benchmark", "roles.__call__:dataset_as_benchmark"  # named only for evaluation
        for m in mentions_of(doc):
            if m.role == "proposed" and m.role_by in _WEAK_OWN_RULES and _known_family_checkpoint(m):
                m.role, m.role_by = "used", "roles._known_family_checkpoint"
        self._coordinated_proposals(doc)
        self._siblings_of_own(doc)
        self._own_variants(doc)
        self._parts_of_own_data(doc)
        self._built_on(doc)
        self._base_of_own_name(doc)
        if not survey:  # a survey proposes nothing of its own
            self._own_work_when_nothing_proposed(doc)
            self._named_beside_own_work(doc)
            self._field_when_no_task_tested(doc)
        for m in mentions_of(doc):
            if m.role == "proposed" and m.type == "Benchmark" and self._called_dataset(doc, m):
                m.type, m.type_by = "Dataset", "roles._called_dataset"  # "we release MusicCaps, a dataset of ..."
        self._own_data_called_dataset(doc)
        self._own_data_for_evaluation(doc)
        self._trained_and_tested_on(doc)
        return doc

    @staticmethod
    def _named_beside_own_work(doc: Doc) -> None:
        """ "TD-MPC is a model-based RL algorithm that performs local trajectory optimization", "we
        compare ZorbNet to DPO and its variants, such as ORPO": a method or model named in a
        sentence that also names what the paper proposes is set beside the paper's own work, as a
        part it uses or a baseline it is compared with, though the sentence reads as background
        ("unlike the previous X") or has no cue at all."""
        mentions = mentions_of(doc)
        own = {_own_key(m) for m in mentions if m.role == "proposed"}
        if not own:
            return
        own_by_sentence: dict[int, set[str]] = defaultdict(set)  # sentence start -> own names in it
        for x in mentions:
            if _own_key(x) in own:
                own_by_sentence[sentence_of(doc, x).start].add(_own_key(x))
        beside = {"roles.role_of:default", "roles.role_of:background"}
        for m in mentions:
            if m.type not in _OWN_VARIANT_TYPES or m.role != "mentioned" or m.role_by not in beside:
                continue
            if own_by_sentence.get(sentence_of(doc, m).start, set()) - {_own_key(m)}:
                m.role, m.role_by = "used", "roles._named_beside_own_work"

    def _own_work_when_nothing_proposed(self, doc: Doc) -> None:
        """Every paper proposes something: when no rule found it, a method or model the abstract
        reports results for as its subject ("Vision Transformer (ViT) attains excellent results")
        or calls the final product ("reproduce ... the final M2M-100 model") is the paper's own."""
        mentions = mentions_of(doc)
        if any(m.role == "proposed" for m in mentions):
            return
        own = {m.catalogue_id or m.text for m in mentions if m.type in _OWN_VARIANT_TYPES and self._own_product(doc, m)}
        for m in mentions:
            if (m.catalogue_id or m.text) in own and m.type in _OWN_VARIANT_TYPES:
                m.role, m.role_by = "proposed", "roles._own_work_when_nothing_proposed"

    @staticmethod
    def _field_when_no_task_tested(doc: Doc) -> None:
        """ "DDPMs have achieved high quality image generation without adversarial training, yet ...":
        when no task is found that the paper reports results on, a task its opening background
        names is the field it works in (guide: a task the paper works on is evaluated on), not one
        it mentions in passing; tasks given as others' examples or aims stay mentioned."""
        tasks = [m for m in mentions_of(doc) if m.type == "Task"]
        if any(m.role == "evaluated_on" for m in tasks):
            return
        for m in tasks:
            if m.role_by == _TASK_IN_BACKGROUND:
                m.role, m.role_by = "evaluated_on", "roles._field_when_no_task_tested"

    def _own_product(self, doc: Doc, m: Mention) -> bool:
        """ "the final M2M-100 model", "When pre-trained ..., Vision Transformer (ViT) attains": a
        name the abstract gives as its end product, or as the subject that reports the results
        (a known technique only where it is spelled out with its acronym). A known model, a trained
        system rather than a technique anyone applies, is the subject too when it opens a sentence
        that says what it is or can do ("NeuralGCM is competitive with ...", "Idefics2 achieves"):
        in a paper that names nothing else as its own, that is the model it releases."""
        if m.start > 0 and doc[m.start - 1].lower_ in self.product_words:
            return True
        sent = doc[m.start].sent
        before = [t.lower_ for t in doc[sent.start : m.start]]
        if set(before) & self.cues.background_words or (before and before[-1] not in (",", "the", "our")):
            return False
        k = m.end
        if k < sent.end and doc[k].text == "(":  # "Vision Transformer (ViT) attains"
            while k < sent.end and doc[k].text != ")":
                k += 1
            k += 1
        elif m.catalogue_id and m.type != "Model":
            return False  # "label smoothing improves calibration": a known technique, not defined here
        if k >= sent.end:
            return False
        if m.catalogue_id and m.type == "Model" and not before and doc[k].lower_ in _MODEL_SUBJECT_VERBS:
            return True  # "NeuralGCM is competitive with ...": what the sentence says things of
        return doc[k].lower_ in self.result_verbs

    def _built_on(self, doc: Doc) -> None:
        """ "Swin Transformer", "Point-BERT", "Fair Mixup", "Convolution-augmented Transformer", "DINO
        (DETR with Improved deNoising anchOr boxes)": a known name inside the name of what the paper
        proposes, or inside the brackets that spell it out, is what it builds on, not its own."""
        proposed = [m for m in mentions_of(doc) if m.role == "proposed"]
        titled = {m.catalogue_id for m in proposed if m.start == 0}  # "ORPO: ...": the title's own name stays
        inside = {
            m.catalogue_id
            for m in proposed
            if m.catalogue_id
            and any(
                p.catalogue_id != m.catalogue_id
                and (word_inside(m.text, p.text) or _in_expansion(doc, m, p, self.reach["expansion"]))
                for p in proposed
            )
        }
        for m in mentions_of(doc):
            if m.catalogue_id in inside - titled and m.role == "proposed":
                m.role, m.role_by = "used", "roles._built_on"

    @staticmethod
    def _base_of_own_name(doc: Doc) -> None:
        """ "Recently, Transformers have shown great power ... we propose the Anomaly Transformer",
        "Transformer-XL ... faster than vanilla Transformers": the plural of a known architecture
        that heads the paper's own name, or opens it before a dash, names the base the paper
        builds on (used). Alone the plural names the class more often than a base (development
        gold: 5 of 14 papers), and a base seen only inside the own name is marked too rarely (3 of
        14 for "Transformer")."""
        mentions = mentions_of(doc)
        own = {m.text for m in mentions if m.role == "proposed" and m.type in _OWN_VARIANT_TYPES}
        taken = {i for m in mentions for i in range(m.start, m.end)}
        text = doc.text
        for base in doc._.kg_known_plurals or ():
            stop = doc[base.end - 1].idx + len(doc[base.end - 1])
            if taken.intersection(range(base.start, base.end)) or any(text.endswith(o + "s", 0, stop) for o in own):
                continue  # "Temporal Fusion Transformers": the own name itself, in the plural
            if not any(_heads_or_opens(base.canonical or "", o) for o in own):
                continue
            base.type_source, base.type_by = "catalogue", "catalogue"
            base.role, base.role_by = "used", "roles._base_of_own_name"
            add_mention(doc, base)
        # "Experience replay ... we propose prioritized experience replay": a known name the own
        # name is built on, written on its own, is the base, not background.
        lowered = {o.lower() for o in own}
        for m in mentions:
            if m.role != "mentioned" or not m.catalogue_id or m.type not in _OWN_VARIANT_TYPES:
                continue
            names = {m.text.lower(), (m.canonical or m.text).lower()}
            if any(_heads_or_opens(n, o) for o in lowered for n in names if o != n):
                m.role, m.role_by = "used", "roles._base_of_own_name"

    @staticmethod
    def _own_variants(doc: Doc) -> None:
        """ "WavLM Large", "SegFormer-B5", "DiT-XL/2", "Qwen-VL-Chat": a sized or tuned variant of
        a name the paper proposes is the paper's too, also of its dataset's name ("ShareGPT4V-7B"),
        and so is a new name's qualified form ("Sparse WaveRNN"; a known one's is another work's).
        Its benchmark's or dataset's variants are its data too ("C-Eval Hard", a subset of C-Eval)."""
        own = {
            m.text for m in mentions_of(doc) if m.role == "proposed" and m.type in PROPOSABLE_TYPES and len(m.text) > 2
        }
        new = {m.text for m in mentions_of(doc) if m.role == "proposed" and not m.catalogue_id}  # not "DN-DETR"
        own |= {a for a in map(_initials, new) if a}  # "PKD-Last" of "Patient Knowledge Distillation"
        own_data = {
            m.text for m in mentions_of(doc) if m.role == "proposed" and m.type in EVALUATED_TYPES and len(m.text) > 2
        }
        for m in mentions_of(doc):
            if m.role == "proposed" or m.type not in PROPOSABLE_TYPES:
                continue
            for name in own if m.type in _OWN_VARIANT_TYPES else own_data:
                if m.text.startswith(name) and m.text[len(name) : len(name) + 1] in ("-", " ", "/"):
                    m.role, m.role_by = "proposed", "roles._own_variants"
                    break
                if name in new and _qualified_own_name(m, name):
                    m.role, m.role_by = "proposed", "roles._qualified_own_name"
                    break

    @staticmethod
    def _siblings_of_own(doc: Doc) -> None:
        """ "We evaluate SBERT and SRoBERTa on ...", "metapath2vec and metapath2vec++ outperform ...":
        a new name of the same type joined by a bare "and" to a name the paper proposes is its
        sibling, proposed with it wherever the pair stands (a known name is someone else's)."""
        mentions = mentions_of(doc)
        own = {_own_key(m) for m in mentions if m.role == "proposed"}
        if not own:
            return
        by_start = {m.start: m for m in mentions}
        by_end = {m.end: m for m in mentions}
        for m in mentions:
            if m.role == "proposed" or m.catalogue_id or m.type not in _OWN_VARIANT_TYPES:
                continue
            before = by_end.get(m.start - 1) if m.start > 0 and doc[m.start - 1].lower_ == "and" else None
            after = by_start.get(m.end + 1) if m.end + 1 < len(doc) and doc[m.end].lower_ == "and" else None
            if any(x is not None and x.type == m.type and _own_key(x) in own for x in (before, after)):
                m.role, m.role_by = "proposed", "roles._siblings_of_own"

    def _proposed_by_verb(self, doc: Doc, p: Mention) -> bool:
        """A proposal verb opens the sentence's clause before ``p`` ("we release", "to construct"),
        not an adjective ("our proposed X and the public Y")."""
        sent = doc[p.start].sent
        return any(
            t.lower_ in self.cues.propose_words
            and t.i > sent.start
            and doc[t.i - 1].lower_ not in ("the", "a", "an", "this", "our", "its")
            for t in doc[sent.start : p.start]
        )

    def _coordinated_proposals(self, doc: Doc) -> None:
        """ "we release the Segment Anything Model (SAM) and its dataset (SA-1B)", "a model, PPNP,
        and its fast approximation, APPNP": a name joined by "and" to one the authors propose,
        with no verb of use or comparison nor a preposition between, is proposed with it (not
        "X and provide its implementation in PyTorch")."""
        title_end = doc._.kg_title_end or 0
        proposed = [
            m
            for m in mentions_of(doc)
            if m.role == "proposed" and m.start >= title_end and self._proposed_by_verb(doc, m)
        ]
        if not proposed:
            return
        for m in mentions_of(doc):
            if (
                m.role == "proposed"
                or m.type not in PROPOSABLE_TYPES
                or self._built_in_the_style_of(doc[m.start].sent, m)
                or self._kind_word_before_head(doc, m)
            ):
                continue
            for p in proposed:
                gap = doc[p.end : m.start]
                if not 0 < len(gap) <= self.coordination_gap or not any(t.lower_ == "and" for t in gap):
                    continue
                if any(t.is_sent_start or t.lower_ in self._not_coordinating or t.lower_ in PREPOSITIONS for t in gap):
                    continue
                if self._joined_in_its_clause(doc, p, m):
                    continue
                m.role, m.role_by = "proposed", "roles._coordinated_proposals"
                break

    def _kind_word_before_head(self, doc: Doc, m: Mention) -> bool:
        """ "SpQR, a new compressed format and quantization technique": a known lowercase technique
        that qualifies a head noun says what kind of thing the proposed one is, not a second name."""
        return _known_technique(m) and m.end < len(doc) and doc[m.end].lower_ in self.cues.head_nouns

    def _joined_in_its_clause(self, doc: Doc, p: Mention, m: Mention) -> bool:
        """ "PinSage, which combines efficient random walks and graph convolutions": a name joined by
        "and" inside the relative clause that says what the proposed one does is what it uses."""
        words = [t.lower_ for t in doc[p.end : m.start + 1]]
        return any(self._relative_clause(words, k) for k in range(len(words) - 1))


def word_before_article(doc: Doc, i: int) -> str:
    """The word before token ``i``, past any articles ("via the X" gives "via"); "" at the start."""
    k = i - 1
    while k > 0 and doc[k].lower_ in ("a", "an", "the"):
        k -= 1
    return doc[k].lower_ if k >= 0 else ""


def _bracketed_after_new(sent: Span, words: list[str], m: Mention) -> bool:
    """ "standard benchmarks and a novel GCL evaluation setting (MNIST-360)": a new name alone in
    brackets right after a short noun phrase that "a new / novel" opens names the new thing,
    whatever verb governs the phrase."""
    offset = m.start - sent.start
    if m.catalogue_id or offset < 4 or words[offset - 1] != "(" or m.end >= sent.end or sent.doc[m.end].text != ")":
        return False
    k = offset - 2
    while k > 0 and offset - k <= 6:
        if words[k] in PREPOSITIONS or not words[k].replace("-", "").isalnum():
            return False
        if words[k] in ("new", "novel"):
            return words[k - 1] in ("a", "an") and k < offset - 2
        k -= 1
    return False


def _own_key(m: Mention) -> str:
    """One key for the mentions of one name: the catalogue entry, else the long form or text."""
    return m.catalogue_id or (m.canonical or m.text).lower()


def _coined_form(m: Mention) -> bool:
    """ "Zero-shot-CoT" for "zero-shot chain-of-thought": a known technique written as a coined name,
    in mixed case, not as its lowercase term nor a capitals-only acronym."""
    stem = m.text.removesuffix("s")  # "GNNs" is the acronym's plural, not a coined name
    return any(c.isupper() for c in stem) and any(c.islower() for c in stem)


def _known_technique(m: Mention) -> bool:
    """A catalogued name written in lowercase ("contrastive learning", "quantization"): a class or
    technique others name too, so the words around it say whether it is this paper's."""
    return bool(m.catalogue_id) and (m.canonical or "").islower()


def _bracketed_object(words: list[str], k: int, reach: int, preposition_reach: int) -> bool:
    """ "establish the state of the art on standard benchmarks (ACE04, ACE05 and SciERC)": a name
    in a bracketed list after a noun phrase that a preposition opens is that preposition's object
    too (but "a benchmark for code reasoning (ZorbEval)" names what is proposed). ``reach``: how far
    back the "(" may stand; ``preposition_reach``: how far before it the preposition may."""
    j = k
    while j >= 0 and words[j] != "(":
        if words[j] in PREPOSITIONS or words[j] in (")", ".", ";", ":") or k - j > reach:
            return False
        j -= 1
    close = words.index(")", j) if j >= 1 and ")" in words[j:] else None
    if close is None or not LIST_GLUE & set(words[j:close]):
        return False  # one name in brackets: what the phrase before it defines
    for i in range(j - 1, max(-1, j - preposition_reach), -1):
        if words[i] in PREPOSITIONS:
            return True
        if not words[i].replace("-", "").isalpha():
            return False
    return False


def _initials(name: str) -> str | None:
    """ "Patient Knowledge Distillation" -> "PKD": the short form of a new name of capitalised words."""
    words = name.split()
    if not 3 <= len(words) <= 5 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    return "".join(w[0] for w in words)


def _heads_or_opens(base: str, own: str) -> bool:
    """ "Anomaly Transformer" is headed by "Transformer", "Transformer-XL" opened by it: the own
    name is built on ``base``."""
    return own.endswith(" " + base) or own.startswith(base + "-")


def _known_family_checkpoint(m: Mention) -> bool:
    """ "our BLIP-B/16 models", "the resulting ResNet-50": a known family at a size is a checkpoint
    of someone else's model, which "our" or "resulting" says the authors trained, not that the
    paper introduces it (a name past the family's, "Llama-Zorb-8B", may be the paper's own)."""
    if m.type_by == "entity_types._sized_known_network":
        return True
    if m.type_by != "entity_types.type_of:model_prefix":
        return False
    parts = re.split(r"[-/ ]", m.text)[1:]
    return bool(parts) and all(SIZE_PART.match(p) for p in parts)


def _referred_to_as(words: list[str], k: int, reach: int) -> bool:
    """ "which we refer to as X", "this approach, referred to as X": "refer to ... as" names what
    follows, as "called" does; not an existing term ("what is commonly referred to as X").
    ``k``: the index of "as" in the sentence's lowercased ``words``; ``reach``: how far back "refer" may stand."""
    j = next((j for j in range(k - 1, max(0, k - reach), -1) if words[j] in _REFER), None)
    return j is not None and words[j + 1] == "to" and words[j - 1] not in _EXISTING_TERM


def _qualified_own_name(m: Mention, name: str) -> bool:
    """ "Sparse WaveRNN", "Subscale WaveRNN", "BI-LSTM-CRF", "MM-DiT-FGM": a capitalised qualifier
    before the name of what the paper proposes makes a variant of it, which is the paper's too."""
    if m.catalogue_id or not m.text.endswith(name) or len(m.text) <= len(name) + 1:
        return False
    qualifier = m.text[: -len(name)]
    return qualifier[-1] in (" ", "-") and qualifier[0].isupper() and not name[0].islower()


def _in_expansion(doc: Doc, m: Mention, p: Mention, reach: int) -> bool:
    """``m`` sits in the brackets right after ``p``, which spell out more than a short form;
    ``reach``: how many tokens after "(" the ")" may stand."""
    if p.end >= len(doc) or doc[p.end].text != "(" or m.start <= p.end:
        return False
    close = next((t.i for t in doc[p.end + 1 : p.end + reach] if t.text == ")"), None)
    return close is not None and m.end <= close and close - p.end - 1 > m.length


# How far the rules look, in tokens (config.cfg, [components.kg_roles.reach]).
_REACH = {
    "gathering": 10,
    "pretraining_link": 6,
    "opening_phrase": 6,
    "training_purpose": 6,
    "holding_colon": 7,
    "refer": 6,
    "newly": 12,
    "kind_then_name": 8,
    "aim": 6,
    "aim_modifiers": 2,
    "bracket": 12,
    "bracket_preposition": 5,
    "expansion": 16,
    "qualifier": 5,
    "earlier_benchmarks": 3,
    "progress_in": 4,
    "progress_noun": 4,
    "called_benchmark": 14,
    "called_dataset": 8,
    "earlier_work": 6,
    "tested_on": 8,
    "trained_here": 7,
    "such_as": 3,
    "proposed_by": 6,
    "new_metric": 5,
    "new_metric_opener": 4,
    "made_clause": 16,
    "kind_modifiers": 2,
    "compared_data": 6,
}


@Language.factory(
    "kg_roles",
    assigns=["doc._.kg_mentions"],
    requires=["doc._.kg_mentions"],
    default_config={
        "propose_reach": 14,
        "known_reach": 4,
        "train_reach": 8,
        "dataset_as_benchmark": True,
        "coordination_gap": 8,
        "reach": _REACH,
    },
)
def make_role_assigner(
    nlp: Language,
    name: str,
    propose_reach: int,
    known_reach: int,
    train_reach: int,
    dataset_as_benchmark: bool,
    coordination_gap: int,
    reach: dict[str, int],
) -> RoleAssigner:
    return RoleAssigner(
        nlp,
        name,
        propose_reach,
        known_reach,
        train_reach,
        dataset_as_benchmark,
        coordination_gap,
        reach,
    )


def _decided(m: Mention, role: str, rule: str) -> str:
    """``role``, noting ``rule`` on ``m`` as what decided it, for `kg extract --explain`."""
    m.role_by = rule
    return role


def _by(m: Mention, rule: str, held: bool = True) -> bool:
    """``held`` unchanged, noting ``rule`` on ``m`` as its role's decider when it holds: wrapped
    around a test that settles the role, it keeps the test's value and its short-circuit."""
    if held:
        m.role_by = rule
    return held
