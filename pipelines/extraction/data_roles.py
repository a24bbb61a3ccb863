"""Training data or evaluation data, and the paper's own data: the rules of the kg_roles component
(roles.py) that decide the role and the Dataset / Benchmark type of data.

- used, typed Dataset: data a model is trained on, though the sentence also reports results
  ("pre-trained on ImageNet-21k", "a corpus extracted from Wikipedia", "the training set of X",
  "we use X and Y for pre-training"); and data other data is measured against ("ten times more
  images than X").
- over the whole paper: the data its own benchmark is said to hold is proposed with it; its own
  data called a dataset is a Dataset, unless also called a benchmark; its own data made to test
  models on, and known data it both trains and reports results on, is a Benchmark.

The rules note the names they always had ("roles._called_dataset"): explanations and the trained
scorer's features read them, so they do not follow the file.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipelines.extraction.mention import (
    LIST_GLUE,
    PREPOSITIONS,
    PRETRAINING_WORDS,
    TRAINING_WORDS,
    Mention,
    mention_at,
    mentions_of,
    past_short_form,
    sentence_of,
)
from pipelines.extraction.resources import Cues

__all__ = ["EVALUATED_TYPES", "DataRoles"]

EVALUATED_TYPES = frozenset({"Benchmark", "Dataset"})  # the types of data: what results are reported on
_HOLDING_WORDS = {"with", "of", "comprising", "containing", "including", "consisting", "spanning"}
_DATA_PLURALS = {"datasets", "benchmarks", "corpora", "subsets", "splits", "collections"}
_TRAINED_THINGS = {"model", "models", "architecture", "architectures", "features", "backbone", "backbones", "weights"}
_MADE_FROM = {"derived", "extracted", "sourced", "filtered", "crawled", "collected", "scraped", "mined", "curated"}
# Between "for / as / to" and the training word after a list of data: "as our pre-training corpus".
_TRAINING_DATA_GLUE = {"the", "our", "its", "their", "supervised", "additional", "further", "continued", "model"}
# Between a pre-training word and the data noun a list of data follows: "pre-training over four datasets (A, B)".
_PRETRAINED_DATA_LINKS = {"on", "over", "with", "using", "from"}
_LIST_OPENERS = {"(", "like", "as", "including", ":"}  # "datasets like A and B", "corpora such as A"
# What data is measured against: "more images than X", "in comparison to X", "relative to X".
_COMPARED_TO = {"compared", "comparison", "relative"}
_KIND_OF_WORDS = {"collection", "suite", "set", "family", "series"}  # "a collection of datasets"
_DATA_NOUNS = ("dataset", "corpus", "set")  # what "a challenge dataset" calls a resource


class DataRoles:
    """The rules for data, mixed into RoleAssigner: per mention, whether data is trained on rather
    than tested on (role_of calls them); per paper, which data is the paper's own and whether it is
    a Dataset or a Benchmark (__call__ runs them). They read the cues, settings and word sets
    RoleAssigner.__init__ builds, annotated below, and the word sets only they read, which
    _load_data_words builds."""

    cues: Cues
    reach: dict[str, int]  # how far each rule looks, in tokens (config.cfg, [components.kg_roles.reach])
    train_reach: int  # how far before a mention a training verb may stand
    dataset_as_benchmark: bool  # data results are reported on is typed Benchmark
    _acts_of_evaluating: frozenset[str]  # the evaluation words that name an act, not a benchmark

    def _load_data_words(self, cues: Cues) -> None:
        """The cue lists only the data rules read, as sets, built once per component."""

        def words(name: str) -> frozenset[str]:
            return frozenset(cues.extra.get(name, ()))

        self.result_words = words("result_words")  # a sentence reporting a result
        self.data_source_verbs = words("data_source_verbs")  # "we collect 16K APIs from X"
        self.training_part_modifiers = words("training_part_modifiers")  # "10% of X supervised data"
        self.training_part_nouns = words("training_part_nouns")  # "the training set of X"
        self.evaluation_data_modifiers = words("evaluation_data_modifiers")  # "a new challenge dataset"
        self.evaluation_purpose_verbs = words("evaluation_purpose_verbs")  # "to evaluate / diagnose ..."
        self.evaluation_purpose_gerunds = words("evaluation_purpose_gerunds")  # "a dataset for evaluating ..."

    def _source_of_models(self, doc: Doc, sent: Span, m: Mention) -> bool:
        """ "embeddings from ImageNet models", "leveraging ImageNet architecture designs": data named
        as what models were trained on, in a sentence reporting no result, is training data."""
        if m.end >= sent.end or doc[m.end].lower_ not in _TRAINED_THINGS:
            return False
        return not any(t.like_num or t.lower_ in self.result_words or t.lower_ in TRAINING_WORDS for t in sent)

    def _source_of_data(self, doc: Doc, m: Mention) -> bool:
        """ "the dataset based on YAGO", "tokens sourced from Common Crawl", "a corpus extracted from
        Wikipedia": what other data is made from is a resource the paper uses, not a test."""
        k = m.start - 1
        if k > 1 and doc[k].lower_ == "the":
            k -= 1
        if k < 2:
            return False
        if doc[k].lower_ == "from":
            if doc[k - 1].lower_ in _MADE_FROM:
                return True
            # a gathering verb further back: known data only (a benchmark questions are drawn from is tested on)
            return m.type == "Dataset" and self._gathered_from(doc, k)
        data_noun = self.cues.head_nouns.get(doc[k - 2].lower_) in EVALUATED_TYPES
        return doc[k].lower_ in ("on", "upon") and doc[k - 1].lower_ == "based" and data_noun

    def _gathered_from(self, doc: Doc, k: int) -> bool:
        """Whether the "from" at ``k`` says where data was gathered: a gathering verb earlier in its
        clause ("we collected them from X", "we collect 16,464 APIs spanning 49 categories from X",
        "we obtain five trillion tokens from X"), with no evaluation word or clause break between."""
        for tok in reversed(doc[max(doc[k].sent.start, k - self.reach["gathering"]) : k]):
            if tok.lower_ in self._acts_of_evaluating or tok.text in (";", ":", "(", ")"):
                return False
            if tok.lower_ in self.data_source_verbs:
                return True
        return False

    def _training_part_named(self, doc: Doc, m: Mention) -> bool:
        """ "10% of ZorbQA supervised data", "the training set of ZorbQA": a resource's training part
        is training data, though results are reported in the sentence."""
        modifiers, nouns = self.training_part_modifiers, self.training_part_nouns
        after = [t.lower_ for t in doc[m.end : m.end + 2]]
        if len(after) == 2 and after[0] in modifiers and after[1] in nouns:
            return True
        k = m.start - 1 - (m.start > 0 and doc[m.start - 1].lower_ == "the")
        return (
            k >= 2 and doc[k].lower_ in ("of", "from") and doc[k - 2].lower_ in modifiers and doc[k - 1].lower_ in nouns
        )

    def _pretrained_on(self, doc: Doc, m: Mention) -> bool:
        """ "pre-trained on ImageNet-21k", "after pre-training on the Objects365 dataset"; and a
        clause opening the sentence with training ("Trained on AudioCaps with one GPU, X achieves
        ..."): what follows reports results, but the name is the training data. So is every name
        of a list pre-trained on ("pre-training over four image-text datasets (COCO, Visual Genome,
        ...)")."""
        sent = doc[m.start].sent
        k = self._data_list(doc, sent, m)[0] - 1
        if k > 0 and doc[k].lower_ == "the":
            k -= 1
        if k > 0 and doc[k].lower_ == "on":
            verb = doc[k - 1]
            return verb.lower_ in PRETRAINING_WORDS or (verb.lower_ in TRAINING_WORDS and verb.is_sent_start)
        if k - 2 < sent.start or doc[k].lower_ not in _LIST_OPENERS:
            return False
        for i in range(k - 1, max(sent.start, k - self.reach["pretraining_link"]), -1):
            if doc[i].lower_ in _PRETRAINED_DATA_LINKS and doc[i - 1].lower_ in PRETRAINING_WORDS:
                return True
            if doc[i].lower_ in self.cues.evaluate_words or mention_at(doc, i) is not None:
                return False
        return False

    def _trained_on(self, doc: Doc, sent: Span, m: Mention) -> bool:
        """A training verb shortly before the mention, with no evaluation word in between."""
        for tok in reversed(doc[max(sent.start, m.start - self.train_reach) : m.start]):
            if tok.lower_ in self.cues.evaluate_words or tok.text == ")":
                return False  # "outperforms GPT (trained using more compute) on GLUE"
            if tok.lower_ in TRAINING_WORDS:
                return True
        return False

    @staticmethod
    def _data_list(doc: Doc, sent: Span, m: Mention) -> tuple[int, int]:
        """The span of the coordinated names of data ``m`` stands in ("LibriSpeech, Common Voice and
        GigaSpeech"): what is said of the list is said of each member."""
        data = [x for x in mentions_of(doc) if x.type in EVALUATED_TYPES and sent.start <= x.start < sent.end]
        by_end, by_start = {x.end: x for x in data}, {x.start: x for x in data}
        start, end = m.start, m.end
        while True:
            k = start
            while k > sent.start and start - k < 2 and doc[k - 1].lower_ in LIST_GLUE:
                k -= 1
            if k == start or k not in by_end:
                break
            start = by_end[k].start
        while True:
            k = end
            while k < sent.end and k - end < 2 and doc[k].lower_ in LIST_GLUE:
                k += 1
            if k == end or k not in by_start:
                break
            end = by_start[k].end
        return start, end

    def _listed_training_data(self, doc: Doc, sent: Span, m: Mention) -> bool:
        """ "trained on 680K hours from LibriSpeech, Common Voice and GigaSpeech, and evaluated on
        ...": data a training verb governs, through the list it is named in, is trained on though
        the sentence also evaluates."""
        start, end = self._data_list(doc, sent, m)
        return start != m.start and self._trained_on(doc, sent, Mention(start, end, "", "list"))

    def _opening_means_of_training(self, doc: Doc, sent: Span, m: Mention) -> bool:
        """ "Using ShareGPT conversations, we fine-tune Llama 2 and outperform Vicuna on MT-Bench": data
        an opening "Using / With ..." phrase names, where the sentence then trains before it
        evaluates, is what is trained on."""
        if (
            doc[sent.start].lower_ not in ("using", "with", "leveraging")
            or m.start - sent.start > self.reach["opening_phrase"]
        ):
            return False
        for tok in doc[m.end : sent.end]:
            if tok.lower_ in self._acts_of_evaluating:
                return False
            if tok.lower_ in TRAINING_WORDS:
                return True
        return False

    def _named_for_training(self, doc: Doc, sent: Span, m: Mention) -> bool:
        """ "we use Wikipedia and BookCorpus for pre-training and report results on GLUE", "X is used
        as the pre-training corpus", "Objects365 for training and LVIS for evaluation": what a list
        of data is said to serve is what it is, training data, though the sentence also evaluates."""
        end = self._data_list(doc, sent, m)[1]
        after = [t.lower_ for t in doc[end : min(sent.end, end + self.reach["training_purpose"])]]
        if after[:2] in (["is", "used"], ["are", "used"], ["was", "used"], ["were", "used"]):
            after = after[2:]
        elif after[:1] in (["serves"], ["serve"]):
            after = after[1:]
        if not after or after[0] not in ("for", "as", "to"):
            return False
        for w in after[1:]:
            if w in TRAINING_WORDS:
                return True
            if w not in _TRAINING_DATA_GLUE:
                return False
        return False

    def _known_data_trained_on(self, doc: Doc, sent: Span, m: Mention) -> bool:
        """ "fine-tuning Phi-2 (2.7B), Llama-2 (7B), and Mistral (7B) with ORPO on the UltraFeedback": a
        known training dataset after "on", with a training verb earlier in the clause and no
        evaluation word between, is trained on however long the list of models."""
        if (
            m.type != "Dataset"
            or not m.catalogue_id
            or m.start < 2
            or doc[m.start - 1 - (doc[m.start - 1].lower_ == "the")].lower_ != "on"
        ):
            return False
        for tok in reversed(doc[sent.start : m.start]):
            if tok.lower_ in self.cues.evaluate_words or tok.text in (";", ":"):
                return False
            if tok.lower_ in TRAINING_WORDS:
                return True
        return False

    def _compared_data(self, doc: Doc, sent: Span, m: Mention) -> bool:
        """ "an order of magnitude more images than the MS-COCO dataset", "a statistical analysis of the
        dataset in comparison to PASCAL, ImageNet, and SUN": data that other data is measured against,
        in size or make-up, is a resource the paper uses, not what it reports results on; its list
        counts as one ("than on X" names a test, so a preposition between ends the search)."""
        start = self._data_list(doc, sent, m)[0]
        for k in range(start - 1, max(sent.start, start - self.reach["compared_data"]) - 1, -1):
            word = doc[k].lower_
            if word == "than":
                return True
            if word in ("to", "with"):
                return k > sent.start and doc[k - 1].lower_ in _COMPARED_TO
            if word in PREPOSITIONS or word in (";", ":", ")") or mention_at(doc, k) is not None:
                return False
        return False

    @staticmethod
    def _method_run_with_data(doc: Doc, m: Mention) -> bool:
        """ "direct preference optimization with UltraFeedback": a known dataset a named training
        method is run with is its training data."""
        if m.type != "Dataset" or not m.catalogue_id or m.start < 2 or doc[m.start - 1].lower_ != "with":
            return False
        return any(o.end == m.start - 1 and o.type == "Method" for o in mentions_of(doc))

    def _parts_of_own_data(self, doc: Doc) -> None:
        """ "we present the Long Range Graph Benchmark (LRGB) with 5 graph learning datasets:
        PascalVOC-SP, COCO-SP, ...": the data a proposed benchmark or dataset is said to hold, listed
        after a colon, is introduced with it: proposed too."""
        by_start = {m.start: m for m in mentions_of(doc)}
        for own in [m for m in mentions_of(doc) if m.role == "proposed" and m.type in EVALUATED_TYPES]:
            sent = sentence_of(doc, own)
            k = past_short_form(doc, own.end, sent.end)
            if k >= sent.end or doc[k].lower_ not in _HOLDING_WORDS:
                continue
            colon = next(
                (t.i for t in doc[k + 1 : min(k + self.reach["holding_colon"], sent.end)] if t.text == ":"), None
            )
            if colon is None or doc[colon - 1].lower_ not in _DATA_PLURALS:
                continue
            i = colon + 1
            while (m := by_start.get(i)) is not None and m.type in EVALUATED_TYPES:
                if m.role != "proposed":
                    m.role, m.role_by = "proposed", "roles._parts_of_own_data"
                i = m.end
                while i < sent.end and doc[i].lower_ in (",", "and"):
                    i += 1

    def _called_dataset(self, doc: Doc, m: Mention) -> bool:
        """ "the X dataset", "X, an instruction-tuning dataset", "X: A Dataset for ..."."""
        return self._called(
            doc,
            m,
            self.reach["called_dataset"],
            ("dataset", "corpus"),
            ("dataset", "datasets", "corpus"),
            (",", ".", "benchmark", "benchmarks"),
        )

    def _own_data_called_dataset(self, doc: Doc) -> None:
        """ "Mind2Web: Towards ..." then "We introduce Mind2Web, the first dataset for ...": a name the
        paper proposes, and calls a dataset in any one place, is a dataset in every place (unless
        it is called a benchmark somewhere: "X: A Benchmark for ...")."""

        mentions = mentions_of(doc)
        own = {_data_key(m) for m in mentions if m.role == "proposed"}
        called = {
            _data_key(m)
            for m in mentions
            if _data_key(m) in own and m.type in EVALUATED_TYPES and self._called_dataset(doc, m)
        }
        called -= {_data_key(m) for m in mentions if self._called_benchmark(doc, m)}
        for m in mentions:
            if _data_key(m) in called and m.type == "Benchmark":
                m.type, m.type_by = "Dataset", "roles._own_data_called_dataset"

    def _called_benchmark(self, doc: Doc, m: Mention) -> bool:
        """ "RewardBench", "the X benchmark", "MMLU-Pro: A More Robust and Challenging ... Benchmark"."""
        if any(m.text.endswith(s) for s, t in self.cues.name_suffixes.items() if t == "Benchmark"):
            return True
        return self._benchmark_noun_calls(doc, m)

    def _benchmark_noun_calls(self, doc: Doc, m: Mention) -> bool:
        """ "the X benchmark", "X, a benchmark of 1,616 diverse NLP tasks": the text's own word for it."""
        return self._called(
            doc,
            m,
            self.reach["called_benchmark"],
            ("benchmark", "leaderboard"),
            ("benchmark", "benchmarks", "leaderboard"),
            (",", ".", ";"),
        )

    @staticmethod
    def _called(
        doc: Doc, m: Mention, reach: int, right_after: tuple[str, ...], nouns: tuple[str, ...], stops: tuple[str, ...]
    ) -> bool:
        """The name called by a data noun: right after it ("the X dataset"), or after a comma or
        colon within ``reach`` words ("X, an instruction-tuning dataset") unless a preposition
        or one of ``stops`` ends the phrase first."""
        words = [t.lower_ for t in doc[m.end : m.end + reach]]
        if words[:1] and words[0] in right_after:
            return True
        if words[:1] not in ([","], [":"]):
            return False
        for k, w in enumerate(words[1:], 1):
            if w in nouns:
                return True
            if w == "of" and words[k - 1] in _KIND_OF_WORDS:
                continue  # "X, a collection of datasets for ...": what the collection holds names it
            if w in PREPOSITIONS or w in stops:
                return False
        return False

    def _own_data_for_evaluation(self, doc: Doc) -> None:
        """ "HellaSwag, a new challenge dataset", "CLEVR: A Diagnostic Dataset for ...", "To diagnose
        the failures of current models ..., we introduce GSM8K, a dataset of ...", "StereoSet, a
        ... dataset in English to measure stereotypical biases", "we first introduce X, a benchmark
        of 1,616 diverse NLP tasks": data the paper makes to test models on, or calls a benchmark,
        is a benchmark, though it calls it a dataset too or the catalogue knows it as one (guide:
        a resource results are reported on is a Benchmark; data released for training is a
        Dataset)."""

        mentions = mentions_of(doc)
        own = {_data_key(m) for m in mentions if m.role == "proposed" and m.type in EVALUATED_TYPES}
        tested = {
            _data_key(m)
            for m in mentions
            if _data_key(m) in own and (self._made_for_evaluation(doc, m) or self._benchmark_noun_calls(doc, m))
        }
        for m in mentions:
            if _data_key(m) in tested and m.type == "Dataset":
                m.type, m.type_by = "Benchmark", "roles._own_data_for_evaluation"

    def _made_for_evaluation(self, doc: Doc, m: Mention) -> bool:
        """The name's data noun, after or before it, is one of evaluation ("a challenge dataset",
        "a bias measurement dataset, X"), or its sentence
        gives testing models as the purpose ("to evaluate / measure / diagnose ...")."""
        sent = sentence_of(doc, m)
        after = doc[m.end : min(sent.end, m.end + self.reach["called_dataset"])]
        for tok in after:
            if tok.lower_ in _DATA_NOUNS and tok.i > 0:
                if doc[tok.i - 1].lower_ in self.evaluation_data_modifiers:
                    return True
        # "a new, more inclusive bias measurement dataset, HolisticBias": the data noun introducing it
        k = m.start - 1
        while k > sent.start and doc[k].lower_ in (",", "called", "named", "dubbed"):
            k -= 1
        if k > sent.start and doc[k].lower_ in _DATA_NOUNS:
            if doc[k - 1].lower_ in self.evaluation_data_modifiers:
                return True
        return any(
            tok.lower_ == "to" and doc[tok.i + 1].lower_ in self.evaluation_purpose_verbs
            for tok in doc[sent.start : sent.end - 1]
        ) or any(self._evaluation_gerund(doc, tok.i) for tok in sent)

    def _evaluation_gerund(self, doc: Doc, i: int) -> bool:
        """ "a dataset for evaluating the alignment of LM opinions", "X: A Dataset for Evaluating
        Safeguards", "X: Testing the Limits of ...": testing models named as the purpose after
        "for", or opening the title or its gloss; not where training is the purpose as well ("for
        developing and evaluating", "for instruction tuning and evaluating")."""
        if doc[i].lower_ not in self.evaluation_purpose_gerunds:
            return False
        opens_title = i < (doc._.kg_title_end or 0) and (i == 0 or doc[i - 1].text == ":")
        if not opens_title and (i == 0 or doc[i - 1].lower_ != "for"):
            return False
        after = doc[i + 1 : i + 3]
        return not (len(after) == 2 and after[0].lower_ in ("and", "or") and after[1].lower_ in TRAINING_WORDS)

    def _trained_and_tested_on(self, doc: Doc) -> None:
        """ "PANNs trained on the AudioSet dataset ... a mAP of 0.439 on AudioSet tagging": data a
        paper both trains and reports results on is a benchmark (guide: used both ways)."""
        if not self.dataset_as_benchmark:
            return
        by_key: dict[str, list[Mention]] = {}
        for m in mentions_of(doc):
            if m.type in EVALUATED_TYPES and m.catalogue_id:  # a known resource: its mentions are one thing
                by_key.setdefault(m.catalogue_id, []).append(m)
        for group in by_key.values():
            roles = {m.role for m in group}
            if "evaluated_on" in roles and "proposed" not in roles and "Dataset" in {m.type for m in group}:
                for m in group:
                    m.type, m.type_by = "Benchmark", "roles._trained_and_tested_on"


def _data_key(m: Mention) -> str:
    """One key for the mentions of one data resource: its catalogue entry, else its text."""
    return m.catalogue_id or m.text
