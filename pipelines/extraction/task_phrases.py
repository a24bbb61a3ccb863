"""Named tasks: noun phrases that end in a task word ("text-to-video retrieval",
"zero-shot image captioning"), found in the title or repeated in the abstract.

Tasks are rarely capitalised, so the other components miss them; the catalogue
knows the common ones, and words before a known task name a more specific one ("Speech
Representation Learning"). A phrase is kept when it is the title's subject, or when the
abstract names it at least ``min_repeats`` times; at most ``max_per_paper`` are kept.
Some patterns name a task whatever its head word: the title's purpose ("... for Online
Data Mixing"), a title opening with a task verb ("Compressing Deep Neural Networks"),
members of a list the text calls tasks ("tasks such as OCR, geo-localization and action
recognition"; in "arithmetic, commonsense, and symbolic reasoning tasks" they share the
last member's head), what the paper is tested on ("gains on span selection tasks", "results
for unconditional image generation on CIFAR-10"), and a learning paradigm named as the
purpose ("for reinforcement learning"). A title naming a known problem of learned systems
("Mitigating Catastrophic Forgetting", "Noisy Networks for Exploration") names the task.
Title phrases after "via / with / by" or before "for" name the means, not the task; verb
forms, adverbs, plurals and approach words ("real-time", "training-free") stay out of names,
and a task phrase before a method noun ("the constraint alignment loss") is no task.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kg.ids import match_key
from pipelines.extraction.mention import Mention, add_mention, ensure_extensions, mentions_of
from pipelines.extraction.named_spans import is_name_shaped
from pipelines.extraction.resources import CatalogueEntry, load_catalogue, load_cues

__all__ = ["TaskPhraseFinder"]

_LIST_GLUE = {",", "and", "or", ";"}
_MODALS = {"can", "could", "may", "might", "must", "will", "would", "should", "do", "does", "to"}
_LANGUAGE_MODELS = re.compile(r"^[A-Z]*LLMs?$|^[A-Z]?LMs?$")  # "LLM", "LM", "VLM", "MLLMs"
_SUBJECTS = {"we", "they", "i", "which", "who"}  # "which" / "who": a relative clause's subject
_NEGATIONS = {"not", "cannot", "never"}  # "does not degrade forecasting performance": a verb follows
_SUBJECT_VERBS = {"is", "are", "has", "have", "aims", "remains", "plays", "refers", "involves", "requires", "seeks"}
_AUXILIARIES = {"has", "have", "had"}
_PLURAL_OK = ("ss", "us", "is", "ics", "series", "news")
_VERB_SUFFIXES = ("ify", "ize")
_DETERMINERS = {"the", "its", "their", "our", "his", "her"}
_CLAUSE_OPENERS = {"without", "with", "where", "which", "while", "that", "by", "to", "for", "in", "on", "at", "from"}
_CLAUSE_OPENERS |= {"as", "when", "whereas", "but", "than", "using", "we", "it", "they", "the", "a", "an", "our"}


def _names_the_object(doc: Doc, i: int) -> bool:
    """A title word that names a model or a kind of language model ("BERT", "LLM", "VLM"),
    not a task's own short form ("MT Evaluation", "3D Classification")."""
    if _LANGUAGE_MODELS.match(doc[i].text):
        return True
    return any(m.type == "Model" and m.start <= i < m.end for m in mentions_of(doc))


def _lower_words(text: str) -> str:
    """ "flat NER", "multilingual VQA": a task phrase in lowercase, its acronym kept as written."""
    return " ".join(w if len(w) > 1 and w.isalpha() and w.isupper() else w.lower() for w in text.split(" "))


def _singular(word: str) -> str:
    """ "networks" -> "network", "biases" -> "bias", "queries" -> "query"."""
    if not word.endswith("s") or word.endswith(_PLURAL_OK):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def _sentence_end(doc: Doc, tok: Token) -> int:
    """Where the token's sentence ends; the whole text when no sentences are set."""
    return tok.sent.end if doc.has_annotation("SENT_START") else len(doc)


class TaskPhraseFinder:
    def __init__(
        self,
        nlp: Language,
        name: str,
        max_modifiers: int,
        max_title_modifiers: int,
        min_repeats: int,
        max_per_paper: int,
        confidence: float,
    ) -> None:
        ensure_extensions()
        cues = load_cues()
        raw = cues.extra
        self.heads = frozenset(raw["task_heads"])
        self.strong_heads = frozenset(raw.get("task_heads_strong", ()))
        # "contrastive prediction tasks", "the mesh prediction branch": what a model predicts on the
        # way is rarely the task; a phrase ending in these names one only where the text says so.
        self.weak_heads = frozenset(raw.get("task_heads_weak", ()))
        self.stop = frozenset(raw["task_modifier_stop"])
        self.noun_gerunds = frozenset(raw.get("noun_gerunds", ()))
        self.introducers = cues.propose_words
        self.evaluate_words = cues.evaluate_words
        self.task_nouns = frozenset(raw.get("task_nouns", ()))
        # "instruction-following capabilities": a model's capability at a task names the task.
        self.capability_nouns = frozenset(raw.get("task_capability_nouns", ()))
        # "strong performance", "results": a task phrase before these is what a result is measured on.
        self.result_words = frozenset(raw.get("result_words", ()))
        # A sentence where the authors speak ("we", "our") or a result is reported.
        self.claim_words = cues.self_words | cues.evaluate_words | self.result_words
        self._task_word_ids = np.array(
            [nlp.vocab.strings.add(w) for w in ("task", "tasks", "problem", "problems")], dtype="uint64"
        )
        self.paradigm_heads = frozenset(raw.get("paradigm_heads", ()))
        # "for self-supervised learning": how one learns, a technique even as the purpose.
        self.learning_techniques = frozenset(raw.get("learning_techniques", ()))
        # "policy learning", "feature learning": learning a named object is a task, unlike
        # "transfer learning" or "contrastive learning", which say how.
        self.learned_objects = frozenset(raw.get("learned_objects", ()))
        # "a novel multi-task learning approach": the kind of the paper's own approach.
        self.own_approach_nouns = frozenset(raw.get("own_approach_nouns", ()))
        self.paradigms_either_way = tuple(raw.get("paradigms_either_way", ()))
        self.process_suffixes = tuple(raw.get("process_suffixes", ()))
        self.means_words = frozenset(raw.get("means_words", ()))
        self.list_openers = tuple(tuple(o.split()) for o in raw.get("task_list_openers", ()))
        self.generic_words = frozenset(raw.get("generic_words", ()))
        self.generic_names = frozenset(raw.get("generic_names", ()))
        self.approach_words = frozenset(raw.get("task_approach_words", ()))
        self.gerund_tasks = dict(raw.get("gerund_tasks", {}))
        self.approach_suffixes = tuple(raw.get("task_approach_suffixes", ()))
        self.performance_levels = frozenset(raw.get("performance_levels", ()))
        self.title_problem_heads = frozenset(raw.get("title_problem_heads", ()))
        # "Noisy Networks for Exploration": these name a problem alone; "robustness" or
        # "generalization" alone is a quality, named as a problem with its kind ("group robustness").
        self.title_problems_alone = frozenset(raw.get("title_problems_alone", ()))
        # "ImageNet classification", "COCO detection": a bare task noun after a benchmark of
        # photographs names the image task measured on it.
        self.photo_benchmarks = frozenset(raw.get("photo_benchmarks", ()))
        self.photo_benchmark_tasks = dict(raw.get("photo_benchmark_tasks", {}))
        # "DETR-like detection models ... on MS-COCO": detection in a paper tested on photographs.
        self.photo_detection_words = frozenset(raw.get("photo_detection_words", ()))
        self.head_nouns = cues.head_nouns
        # "visual recognition", "language understanding": whole fields, not a problem a paper reports on.
        self.field_names = frozenset(match_key(n) for n in raw.get("task_field_names", ()))
        # "object-level recognition", "video-level understanding": a field at a granularity.
        self.field_heads = frozenset(raw.get("task_field_heads", ()))
        pipe = nlp.get_pipe("kg_catalogue") if "kg_catalogue" in nlp.pipe_names else None
        self.catalogue = getattr(pipe, "catalogue", None) or load_catalogue()
        # The catalogue's task a bare "detection" on photographs names (_detection_on_photos).
        detection = self.catalogue.lookup(self.photo_benchmark_tasks.get("detection", ""))
        self.object_detection = detection if detection is not None and detection.type == "Task" else None
        self.max_modifiers = max_modifiers
        self.max_title_modifiers = max_title_modifiers
        self.min_repeats = min_repeats
        self.max_per_paper = max_per_paper
        self.confidence = confidence

    def _word_ok(self, tok: Token) -> bool:
        """A word that can sit inside a task name: a noun or adjective, not a verb form,
        an adverb, a superlative or a plural ("including", "unify", "strategically", "enhances"
        are not)."""
        low = tok.lower_
        if (
            low in self.stop
            or low in self.introducers
            or not (tok.is_alpha or "-" in tok.text or (low[:-1].isdigit() and low.endswith("d")))
        ):
            return False
        if "-" in low:
            return True
        if len(low) > 4 and low.endswith(_VERB_SUFFIXES):
            return False  # "to unify image segmentation", "summarize": a verb's base form
        if self._superlative(tok):
            return False
        if low.endswith("ly") and not low.endswith(("aly", "ily")):
            return False
        if low.endswith("ing") and low not in self.noun_gerunds and low not in self.heads:
            return False
        return not (low.endswith("s") and not low.endswith(_PLURAL_OK))

    @staticmethod
    def _superlative(tok: Token) -> bool:
        """ "the strongest machine translation performance": a word in -est after a determiner
        ranks the result ("the latest", "the fastest"); "chest" or "interest" after one is rare."""
        low = tok.lower_
        return len(low) > 5 and low.endswith("est") and tok.i > 0 and tok.doc[tok.i - 1].lower_ in _DETERMINERS

    def _modifier_ok(self, doc: Doc, i: int, title_end: int) -> bool:
        tok = doc[i]
        in_title = i < title_end
        if not in_title and (tok.is_sent_start or not tok.text.islower()):
            return False
        if in_title and _names_the_object(doc, i):
            return False  # "LLM Inference", "LM Alignment": what is served or aligned, not the task
        if in_title and i > 0 and doc[i - 1].lower_ in _MODALS:
            return False  # "Small LLMs Can Master Math Reasoning": a verb after a modal
        if self._after_subject(doc, i) or self._after_auxiliary(doc, i):
            return False
        return self._word_ok(tok)

    @staticmethod
    def _after_subject(doc: Doc, i: int) -> bool:
        """ "we pre-train motion tracking policies", "it can treat tumor detection", "methods which
        combine language understanding and ...", "does not degrade forecasting performance": the word
        after a subject pronoun (a relative one included), a modal or a negation is its verb, not the
        first word of a task name."""
        return i > 0 and (
            doc[i - 1].lower_ in _SUBJECTS
            or doc[i - 1].lower_ in _NEGATIONS
            or (doc[i - 1].lower_ in _MODALS and doc[i - 1].lower_ != "to")
        )

    @staticmethod
    def _after_auxiliary(doc: Doc, i: int) -> bool:
        """ "has long studied program synthesis", "classes that don't have labelled detection data":
        the words after "has / have / had" are its verb (and an adverb before it), not the first
        words of a task name."""
        if i > 0 and doc[i - 1].lower_ in _AUXILIARIES:
            return True
        return i > 1 and doc[i - 2].lower_ in _AUXILIARIES and doc[i].lower_.endswith("ed")

    def _phrases(self, doc: Doc, title_end: int, task_words: list[int]) -> list[tuple[int, int]]:
        found = self._title_problems(doc, title_end)
        for tok in doc:
            low = tok.lower_
            if low not in self.heads and not (
                low == "learning" and tok.i > 0 and doc[tok.i - 1].lower_ in self.learned_objects
            ):
                continue
            if not tok.text.islower() and tok.i >= title_end:
                continue
            reach = self.max_title_modifiers if tok.i < title_end else self.max_modifiers
            start = tok.i
            while start > 0 and tok.i - start < reach and self._modifier_ok(doc, start - 1, title_end):
                start -= 1
            start = self._subject_opening(doc, start, tok.i + 1, title_end)
            if start < tok.i:
                found.append((start, tok.i + 1))
        # "Speech Representation Learning", "inductive link prediction", "flat NER": words before
        # a known task name a more specific one, whatever the task's last word, acronyms included.
        for m in mentions_of(doc):
            if m.type != "Task" or not m.catalogue_id or doc[m.end - 1].lower_ in self.heads:
                continue
            if m.text.isupper() and m.start < title_end:
                continue  # "Natural TTS Synthesis": a title's capitals before an acronym describe the system
            if any(t.lower_ in self.stop for t in doc[m.start : m.end]):
                continue  # "Alignment of LLMs": its head is not last, nothing before it modifies it
            reach = self.max_title_modifiers if m.start < title_end else self.max_modifiers
            start = m.start
            while start > 0 and m.start - start < reach and self._modifier_ok(doc, start - 1, title_end):
                start -= 1
            start = self._subject_opening(doc, start, m.end, title_end)
            if start < m.start:
                found.append((start, m.end))
        # "cloze tasks", "continuous control benchmark tasks": the words before "task(s)".
        for i in task_words:
            tok = doc[i]
            if tok.i > 0:
                end = tok.i - 1 if doc[tok.i - 1].lower_ == "benchmark" else tok.i
                start = end
                while start > 0 and end - start < self.max_modifiers and self._modifier_ok(doc, start - 1, 0):
                    start -= 1
                if end - start > 1 or (start < end and doc[start].lower_ in self.heads):
                    found.append((start, end))  # one word names a task only as a task word: not "video tasks"
        return found

    def _subject_opening(self, doc: Doc, start: int, end: int, title_end: int) -> int:
        """ "Multivariate time series forecasting is an important problem": a sentence that
        opens with a task phrase as its subject names the task in full, capitalised first word
        included."""
        i = start - 1
        if i < title_end or end >= len(doc) or doc[end].lower_ not in _SUBJECT_VERBS:
            return start
        tok = doc[i]
        opens = tok.is_sent_start and tok.text[:1].isupper() and tok.text[1:].islower() and not tok.is_stop
        return i if opens and tok.lower_ not in self.generic_words and self._word_ok(tok) else start

    def _title_problems(self, doc: Doc, title_end: int) -> list[tuple[int, int]]:
        """ "Mitigating Catastrophic Forgetting ...", "Noisy Networks for Exploration": a title
        naming a known problem of learned systems (forgetting, hallucination, group robustness)
        names the task the paper works on."""
        found = []
        for tok in doc[:title_end]:
            if tok.lower_ not in self.title_problem_heads:
                continue
            nxt = doc[tok.i + 1].lower_ if tok.i + 1 < title_end else ""
            if nxt == "of" or (tok.i > 0 and doc[tok.i - 1].lower_ in ("without", "beyond")):
                continue  # "Exploration of Multimodal LLMs" is a study; "without Exploration" a setting
            start = tok.i
            while (
                start > 0 and tok.i - start < self.max_title_modifiers and self._modifier_ok(doc, start - 1, title_end)
            ):
                start -= 1
            if start < tok.i or tok.lower_ in self.title_problems_alone:
                found.append((start, tok.i + 1))
        return found

    def _tested_on_tasks(self, doc: Doc, task_words: list[int]) -> list[tuple[int, int]]:
        """ "gains on span selection tasks", "on a triplet similarity task": what a paper is
        tested on and calls a task is one, even when named once."""
        found = []
        for i in task_words:
            tok = doc[i]
            if tok.lower_ not in ("task", "tasks") or tok.i < 2:
                continue
            end = tok.i - 1 if doc[tok.i - 1].lower_ == "benchmark" else tok.i
            start = end
            while start > 0 and end - start < self.max_modifiers and self._modifier_ok(doc, start - 1, 0):
                start -= 1
            k = start - 1
            while k > 0 and doc[k].lower_ in ("the", "a", "an", "both", "common", "standard", "several", "various"):
                k -= 1
            words = doc[start:end].text.lower().replace("-", " ").split()
            if start < end and doc[k].lower_ == "on" and not all(w in self.generic_words for w in words):
                if self._kind_of_task(words, end - start):
                    continue
                found.append((start, end))  # "NLP tasks", "vision-language tasks" name fields
        return found

    def _kind_of_task(self, words: list[str], n_tokens: int) -> bool:
        """ "on zero-shot tasks", "on long-context tasks": one word before "tasks" that names no
        process says which kind of task, not a task ("on translation tasks" names one)."""
        return n_tokens == 1 and not self._names_a_task(words[-1], len(words))

    def _title_purpose(self, doc: Doc, title_end: int) -> list[tuple[int, int]]:
        """ "A Method for Stochastic Optimization": the phrase after the title's "for" is the
        problem the paper works on when it ends in a process noun (-tion, -ing, -ment, ...)."""
        found = []
        for tok in doc[:title_end]:
            if tok.lower_ != "for":
                continue
            end = tok.i + 1
            while end < title_end and end - tok.i <= self.max_title_modifiers and self._purpose_word(doc[end]):
                end += 1
            if end == tok.i + 1:
                continue
            head = doc[end - 1].lower_
            if head in self.generic_words or self.head_nouns.get(head) in ("Model", "Dataset", "Benchmark"):
                continue
            start = tok.i + 1
            while start < end - 1 and _names_the_object(doc, start):
                start += 1  # "for BERT Model Compression": the model compressed, not the task
            if self._names_a_task(head, end - start):
                found.append((start, end))
        return found

    def _title_gerund(self, doc: Doc, title_end: int) -> Mention | None:
        """ "Compressing Deep Neural Networks ...", "Detecting Objects ...": a title (or its part
        after the colon) that opens with a task verb names the task as a noun phrase: "deep neural
        network compression". Objects that are names ("Compressing BERT") are not tasks, and
        "Evaluating" is no task verb: what a title evaluates is a system or a behaviour ("Evaluating
        Reward Models", "Evaluating Object Hallucination"), not a task "X evaluation"."""
        colon = doc._.kg_title_colon
        start = 0 if colon is None else colon + 1
        if start >= title_end or (noun := self.gerund_tasks.get(doc[start].lower_)) is None:
            return None
        end = start + 1
        while end < title_end and end - start <= 3 and self._object_word(doc[end]):
            end += 1
        if end == start + 1 or any(m.start < end and m.end > start + 1 for m in mentions_of(doc) if m.catalogue_id):
            return None
        if any(is_name_shaped(t.text) and not t.text.rstrip("s").isupper() for t in doc[start + 1 : end]):
            return None
        words = [t.lower_ for t in doc[start + 1 : end]]
        words[-1] = _singular(words[-1])  # "Objects" -> "object detection", "LLMs" -> "LLM alignment"
        if words[-1].upper() == doc[end - 1].text.rstrip("s").upper() and doc[end - 1].text.rstrip("s").isupper():
            words[-1] = doc[end - 1].text.rstrip("s")  # keep an acronym's case
        return Mention(
            start,
            end,
            doc[start:end].text,
            "task",
            type="Task",
            confidence=self.confidence,
            canonical=" ".join([*words, noun]),
            type_source="cue",
        )

    def _object_word(self, tok: Token) -> bool:
        """A word of a title verb's object: "Deep Neural Networks", "Position Biases"."""
        return (tok.is_alpha or "-" in tok.text) and tok.lower_ not in self.stop

    def _purpose_word(self, tok: Token) -> bool:
        """In a title's purpose, a gerund is a noun: "for Online Data Mixing"."""
        low = tok.lower_
        return self._word_ok(tok) or (low.endswith("ing") and low not in self.stop and tok.is_alpha)

    def _opener_at(self, doc: Doc, i: int) -> int:
        """Length of a list opener ("such as", "including") starting at token i, else 0."""
        for opener in self.list_openers:
            n = len(opener)
            if i + n <= len(doc) and tuple(t.lower_ for t in doc[i : i + n]) == opener:
                return n
        return 0

    def _item_at(self, doc: Doc, i: int, limit: int) -> tuple[int, int, int]:
        """The list member starting at i as (start, end), and where the next member starts,
        or -1 when the list ends. A member is the run of task words before its separator or
        before a preposition ("action recognition in videos"); words before it ("large
        scale", "many types of") are skipped."""
        seg_end = i
        while seg_end < limit and doc[seg_end].text not in _LIST_GLUE and not doc[seg_end].is_punct:
            seg_end += 1
        start = end = i
        k = i
        while k < seg_end:
            if self._word_ok(doc[k]) and doc[k].text.islower():
                run = k
                while k < seg_end and self._word_ok(doc[k]) and doc[k].text.islower():
                    k += 1
                if k - run > end - start or end == start:
                    start, end = max(run, k - self.max_modifiers - 1), k
                if end > start and (k >= seg_end or doc[k].lower_ in self.stop):
                    break
            k += 1
        if end - start == 1 and self._modifies_noun(doc, end, seg_end):
            start = end  # "including search engines": one word before a noun names the thing, not a task
        nxt = seg_end
        if nxt >= limit or doc[nxt].text not in _LIST_GLUE:
            return start, end, -1
        while nxt < limit and doc[nxt].lower_ in _LIST_GLUE:
            nxt += 1
        if nxt < limit and doc[nxt].lower_ in _CLAUSE_OPENERS:
            return start, end, -1  # ", without task-specific changes": the list has ended
        return start, end, nxt

    def _modifies_noun(self, doc: Doc, i: int, seg_end: int) -> bool:
        """The word at i, inside the member, is a lowercase content word: the word before it
        modifies it ("search engines", "ranking quality")."""
        tok = doc[i] if i < seg_end else None
        return tok is not None and tok.is_alpha and tok.is_lower and not tok.is_stop and tok.lower_ not in self.stop

    def _modifies_a_noun(self, doc: Doc, end: int) -> bool:
        """ "a large-scale deep recommendation engine", "to retain segmentation history", "an
        automatic segmentation criterion": a phrase before a lowercase noun modifies that noun, so
        a strong task word inside it names no task by itself; before a task noun ("detection
        tasks"), a capability or a result ("retrieval performance") it still names one."""
        tok = doc[end] if end < len(doc) else None
        if tok is None or not self._modifies_noun(doc, end, len(doc)) or tok.lower_.endswith("ly"):
            return False
        low = tok.lower_
        return low not in self.task_nouns and low not in self.capability_nouns and low not in self.result_words

    def _in_a_claim(self, doc: Doc, i: int) -> bool:
        """ "Creating data from noise is generative modeling", "It enables ... cross-modal detection":
        a phrase named once in a sentence where the authors do not speak and no result is reported
        is background or an aside, not a task the paper reports results for; one that opens its
        sentence as the subject ("Multivariate time series forecasting is ...") is the paper's field."""
        sent = doc[i].sent
        return i == sent.start or any(t.lower_ in self.claim_words for t in sent)

    @staticmethod
    def _modifies_next(doc: Doc, i: int) -> bool:
        """ "task complexity", "problem setting": a singular task word before a noun modifies it."""
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        return (
            doc[i].lower_ in ("task", "problem")
            and nxt is not None
            and nxt.is_alpha
            and nxt.is_lower
            and not nxt.is_stop
        )

    def _listed_tasks(self, doc: Doc, task_words: list[int]) -> list[tuple[int, int]]:
        """Members of lists the text calls tasks: "tasks such as X, Y and Z", "X and Y tasks". A
        member names a task when its last word does (a task word or a process noun), however many
        words it has: "elementary mathematics" is a subject, "high edit" and "learning simulated
        robotic" are cut off before their noun ("high edit distances"), not tasks."""
        found = []
        for i in task_words:
            tok = doc[i]
            if tok.lower_ not in ("task", "tasks"):
                continue
            sent_end = _sentence_end(doc, tok)
            i = tok.i + 1
            if i < sent_end and doc[i].text == ",":
                i += 1
            n = self._opener_at(doc, i)
            if n:
                i += n
                while 0 <= i < sent_end:
                    start, end, i = self._item_at(doc, i, sent_end)
                    if end > start:
                        found.append((start, end))
            elif i == tok.i + 1 and tok.lower_ == "tasks" and i < sent_end and doc[i].lower_ == "of":
                found += self._tasks_of(doc, i + 1, sent_end)
            # "narration alignment and procedural step grounding tasks": earlier members.
            k = tok.i - 1
            while k > 0 and self._word_ok(doc[k]) and doc[k].text.islower():
                k -= 1
            while k > 0 and doc[k].lower_ in _LIST_GLUE and doc[k].text != ";":
                end = k
                while doc[end - 1].lower_ in _LIST_GLUE and end - 1 > 0:
                    end -= 1
                start = end
                while start > 0 and end - start <= self.max_modifiers and self._modifier_ok(doc, start - 1, 0):
                    start -= 1
                if start == end:
                    break
                if not self._headless_member(doc, start, end, tok.i):
                    found.append((start, end))
                k = start - 1
        kept = []
        for s, e in found:
            s = self._strip_approach(doc, s, e)
            last = doc[e - 1].lower_
            if (last.endswith("s") and not last.endswith(_PLURAL_OK)) or (
                not self._names_a_task(last, max(e - s, len(last.split("-"))))
            ):
                continue
            kept.append((s, e))
        return kept

    def _tasks_of(self, doc: Doc, i: int, sent_end: int) -> list[tuple[int, int]]:
        """ "the tasks of summarization and dialogue generation": after "tasks of", a list of
        two or more members, each ending in a task word, names tasks; the member after "and / or"
        is the last ("Across the tasks of X, Y, and Z, RLAIF achieves ..."). "of" alone opens too
        much ("tasks of varying difficulty", "tasks of this kind") to take any member."""
        members = []
        while 0 <= i < sent_end:
            last = any(t.lower_ in ("and", "or") for t in doc[members[-1][1] : i]) if members else False
            start, end, i = self._item_at(doc, i, sent_end)
            if end <= start or not self._names_a_task(doc[end - 1].lower_, end - start):
                return []
            members.append((start, end))
            if last:
                break  # "Across the tasks of X, Y, and Z, RLAIF achieves ...": the list ends at Z
        return members if len(members) >= 2 else []

    def _task_of(self, doc: Doc, task_words: list[int]) -> list[tuple[int, int]]:
        """ "we introduce the task of physical commonsense reasoning", "we study the problem of
        document ranking": the phrase a singular "task / problem of" names is that task, even when
        named once; one ending in no task word ("the problem of encoding a point cloud"), or cut
        off before its noun ("the problem of learning ... manipulation skills"), is not."""
        found = []
        for i in task_words:
            tok = doc[i]
            if tok.lower_ not in ("task", "problem") or i + 2 >= len(doc) or doc[i + 1].lower_ != "of":
                continue
            sent_end = _sentence_end(doc, tok)
            start, end, _ = self._item_at(doc, i + 2, sent_end)
            if start != i + 2 or end <= start or self._modifies_noun(doc, end, sent_end):
                continue  # "the problem of learning vision-based dynamic manipulation skills"
            if self._names_a_task(doc[end - 1].lower_, end - start):
                found.append((start, end))
        return found

    def _headless_member(self, doc: Doc, start: int, end: int, task_word: int) -> bool:
        """ "brain tumor and spleen segmentation tasks": an earlier member of several words that
        ends in no task word shares the last member's head (brain tumor segmentation)."""
        head = doc[task_word - 1].lower_
        return end - start >= 2 and head in self.heads and not self._names_a_task(doc[end - 1].lower_, 1)

    def _elided_members(self, doc: Doc, task_words: list[int]) -> list[Mention]:
        """Members that share the last member's head: "arithmetic, commonsense, and symbolic
        reasoning tasks" names arithmetic reasoning and commonsense reasoning too, "node and
        graph classification tasks" node classification, "brain tumor and spleen segmentation
        tasks" brain tumor segmentation."""
        found = []
        for i in task_words:
            k = i - 1
            while k > 0 and self._word_ok(doc[k]) and doc[k].text.islower():
                k -= 1
            head = doc[i - 1].lower_
            if i - 1 - k < 2 or head not in self.heads:
                continue  # the last member needs a word before its head: "symbolic reasoning"
            while k > 1 and doc[k].lower_ in _LIST_GLUE and doc[k].text != ";":
                while k > 1 and doc[k - 1].lower_ in _LIST_GLUE:
                    k -= 1
                word = doc[k - 1]
                first = k - 1
                while first > 1 and k - first < self.max_modifiers and self._modifier_ok(doc, first - 1, 0):
                    first -= 1
                several = k - first >= 2 and self._headless_member(doc, first, k, i)
                if several:
                    pass  # "brain tumor and spleen segmentation tasks": brain tumor segmentation
                elif not (self._modifier_ok(doc, word.i, 0) and doc[k - 2].lower_ in _LIST_GLUE | self.stop):
                    break  # a member of one word only: "the node and graph", not "large-scale node"
                else:
                    first = word.i
                if not self._names_a_task(word.lower_, 1):
                    canonical = f"{doc[first:k].text.lower()} {head}"
                    found.append(
                        Mention(
                            first,
                            k,
                            doc[first:k].text,
                            "task",
                            type="Task",
                            confidence=self.confidence,
                            canonical=canonical,
                            type_source="cue",
                        )
                    )
                k = first - 1
        return found

    def _elided_known_tasks(self, doc: Doc) -> list[Mention]:
        """ "arithmetic and commonsense reasoning", "semantic, instance, and panoptic
        segmentation": each word listed before "and / or" shares a known task's head, and names
        a task when that pairing is a known task too (arithmetic reasoning, semantic
        segmentation, instance segmentation). The walk back stops at the first word that pairs
        into no known task."""
        found = []
        for m in mentions_of(doc):
            words = m.text.split()
            if m.type != "Task" or not m.catalogue_id or len(words) < 2 or m.start < 2:
                continue
            if doc[m.start - 1].lower_ not in ("and", "or"):
                continue
            end = m.start - 2 if doc[m.start - 2].text == "," else m.start - 1  # an Oxford comma
            while end > 0 and doc[end - 1].text not in _LIST_GLUE:
                member = self._elided_member(doc, end)
                entry = self._known_pairing(member.text, words) if member is not None else None
                if member is None or entry is None:
                    break
                found.append(self._known_task(member.start, member.end, member.text, entry))
                if member.start < 2 or doc[member.start - 1].text != ",":
                    break
                end = member.start - 1
        return found

    @staticmethod
    def _elided_member(doc: Doc, end: int) -> Span | None:
        """The lowercase word ending at ``end`` in a list, hyphen-joined tokens one word."""
        start = end - 1
        while start > 0 and not doc[start - 1].whitespace_:
            start -= 1
        member = doc[start:end]
        if not member.text.replace("-", "").isalnum() or member.text != member.text.lower():
            return None
        return member

    def _known_pairing(self, word: str, words: list[str]) -> CatalogueEntry | None:
        """The known task a listed word makes with the last words of a known task's name."""
        for cut in range(1, len(words)):
            entry = self.catalogue.lookup(" ".join([word, *words[cut:]]))
            if entry is not None and entry.type == "Task":
                return entry
        return None

    def _defined_task_phrases(self, doc: Doc) -> list[Mention]:
        """ "Click-through rate (CTR) prediction": a long form defined in brackets before a task
        word is the task's own modifier, so a known task written around its acronym's definition
        is that task ("CTR prediction" its short form), not the long form alone. Phrases the
        catalogue does not know are left to the other rules (as many wrong as right)."""
        found = []
        for ab in doc._.kg_abbreviations or ():
            head = ab.short_end + 1
            if ab.short_start < ab.long_start or head >= len(doc) or doc[ab.short_end].text != ")":
                continue
            if not doc[head].is_lower or doc[head].lower_ not in self.heads:
                continue
            words = doc[ab.long_start : ab.long_end]
            if any(t.lower_ in self.stop or not (t.is_alpha or "-" in t.text) for t in words):
                continue
            known = self.catalogue.lookup(ab.long)
            if known is not None and known.type != "Task":
                continue  # "Chain-of-thought (CoT) reasoning": a known technique, reasoning with it
            entry = self.catalogue.lookup(_lower_words(f"{ab.long} {doc[head].text}"))
            if entry is None or entry.type != "Task":
                continue
            text = doc[ab.long_start : head + 1].text
            found.append(self._known_task(ab.long_start, head + 1, text, entry, [f"{ab.short} {doc[head].text}"]))
        return found

    def _reported_tasks(self, doc: Doc, phrases: list[tuple[int, int]]) -> set[tuple[int, int]]:
        """ "performance for unconditional image generation on CIFAR-10", "we evaluate X on
        multilingual language modeling": a phrase a result is measured on, or one measured on a
        known benchmark, is a task the paper is tested on, even when named once."""
        data_starts = {m.start for m in mentions_of(doc) if m.type in ("Benchmark", "Dataset")}
        found = set()
        for start, end in phrases:
            if end - start < 2 or start == 0 or doc[end - 1].lower_ not in self.heads:
                continue
            name_at = end + 2 if end + 1 < len(doc) and doc[end + 1].lower_ == "the" else end + 1
            on_data = end < len(doc) and doc[end].lower_ == "on" and name_at in data_starts
            sentence = doc[start].sent
            evaluated = doc[start - 1].lower_ in ("on", "for") and any(
                t.lower_ in self.evaluate_words for t in doc[sentence.start : start]
            )
            if on_data or evaluated or self._names_benchmarks(doc, end):
                found.add((start, end))
        return found

    @staticmethod
    def _names_benchmarks(doc: Doc, end: int) -> bool:
        """ "across the math reasoning benchmarks", "the CIFAR10 unconditional generation
        benchmark": a task phrase naming the kind of benchmark the paper is scored on is a task
        it is tested on, even when named once."""
        return end < len(doc) and doc[end].lower_ in ("benchmark", "benchmarks")

    def _photo_benchmark_tasks(self, doc: Doc) -> list[Mention]:
        """ "ImageNet classification", "COCO detection": a bare task noun right after a benchmark
        of photographs names the image task measured on it (image classification, object
        detection); the benchmark keeps its own mention, and its edition may stand between."""
        found = []
        for m in mentions_of(doc):
            if m.catalogue_id not in self.photo_benchmarks:
                continue
            i = m.end + (m.end < len(doc) and doc[m.end].text.isdigit())  # "ILSVRC 2015 classification"
            noun = self.photo_benchmark_tasks.get(doc[i].lower_) if i < len(doc) else None
            if noun is not None:
                found.append(
                    Mention(
                        i,
                        i + 1,
                        noun,
                        "task",
                        type="Task",
                        confidence=self.confidence,
                        canonical=noun,
                        type_source="cue",
                    )
                )
        return found

    def _detection_on_photos(self, doc: Doc) -> Mention | None:
        """ "the DETR-like detection models ... on MS-COCO", "current object detectors ... on LVIS":
        a paper tested on a benchmark of photographs that speaks of detection or detectors, and
        names no task of what it detects, works on object detection (as "COCO detection" names
        it). A content word before the noun says what else is detected ("face detectors",
        "3D detection")."""
        entry = self.object_detection
        found = mentions_of(doc)
        if entry is None or not any(m.catalogue_id in self.photo_benchmarks for m in found):
            return None
        if any(m.type == "Task" and (m.canonical or m.text).lower().endswith("detection") for m in found):
            return None
        for tok in doc:
            if tok.text not in self.photo_detection_words:
                continue
            prev = doc[tok.i - 1] if tok.i > 0 else None
            if (
                prev is not None
                and prev.lower_ != "object"
                and ((prev.is_alpha and prev.is_lower and not prev.is_stop) or prev.text[:1].isdigit())
            ):
                continue
            return self._known_task(tok.i, tok.i + 1, tok.text, entry)
        return None

    def _known_task(
        self, start: int, end: int, text: str, entry: CatalogueEntry, aliases: list[str] | None = None
    ) -> Mention:
        """A task the text writes its own way ("detectors", "image and video captioning") that is
        the catalogue's entry: named and identified by it."""
        return Mention(
            start,
            end,
            text,
            "task",
            type="Task",
            confidence=self.confidence,
            canonical=entry.name,
            aliases=aliases or [],
            catalogue_id=entry.name,
            type_source="catalogue",
        )

    def _strip_approach(self, doc: Doc, start: int, end: int) -> int:
        """Drop leading words that say how, not what: "real-time object detection",
        "training-free image editing", "neural response generation"."""
        while start < end - 1:
            word = doc[start].lower_
            if word in self.approach_words or word.endswith(self.approach_suffixes) or self._performance_level(word):
                start += 1
            elif start < end - 2 and f"{word}-{doc[start + 1].lower_}" in self.approach_words:
                start += 2  # "high quality image synthesis", spelled without its hyphen
            else:
                break
        return start

    @staticmethod
    def _recast_as(doc: Doc, start: int, end: int, title_end: int) -> bool:
        """ "recast as a single sequence prediction problem", "views detection as a direct set
        prediction", "in a per-pixel prediction fashion": what a problem is recast as is the
        approach, not the task the paper reports on ("as well as" only joins a list)."""
        if start < title_end or start < 2:
            return False
        k = start
        while k > start - 2 and doc[k - 1].lower_ in ("a", "an", "single"):
            k -= 1
        if k > 0 and doc[k - 1].lower_ == "as" and not (k > 1 and doc[k - 2].lower_ == "well"):
            return True
        return (
            doc[start - 1].lower_ in ("a", "an")
            and doc[start - 2].lower_ == "in"
            and end < len(doc)
            and doc[end].lower_ in ("fashion", "manner", "way")
        )

    def _performance_level(self, word: str) -> bool:
        """ "radiologist-level", "human-level" say how well, not what; "document-level" and
        "repository-level" name the granularity the task works at and stay in its name."""
        return word.endswith("-level") and word[: -len("-level")] in self.performance_levels

    def _bare_title_head(self, doc: Doc, start: int, end: int, title_end: int) -> bool:
        """ "Less Is More for Alignment", "Retrieval-Aware Reasoning" stripped to "Reasoning": a task
        word standing alone in the title names no task unless it is a known problem by itself
        ("Exploration", "Hallucination")."""
        return end - start == 1 and end <= title_end and doc[start].lower_ not in self.title_problems_alone

    def _quality_of_a_system(self, doc: Doc, start: int, end: int) -> bool:
        """ "Neural Network Robustness", "model generalization": a quality named only with the
        system that has it is no problem by itself, as "robustness" alone is not; named with its
        kind ("group robustness", "domain generalization") it is."""
        head = doc[end - 1].lower_
        if head not in self.title_problem_heads or head in self.title_problems_alone:
            return False
        return all(t.lower_ in self.generic_words for t in doc[start : end - 1])

    def _names_a_task(self, word: str, n_words: int) -> bool:
        """A task's last word is a task word ("translation") or, after modifiers, a process
        noun ("stochastic optimization", "online data mixing")."""
        return word in self.heads or (n_words > 1 and word.endswith(self.process_suffixes) and len(word) > 5)

    def _is_means(self, doc: Doc, start: int, end: int, title_end: int) -> bool:
        """A title phrase right after "via / with / by / using", or right before "for"
        ("Dynamic Gradient Alignment for Online Data Mixing"), is how, not what."""
        if start >= title_end:
            return False
        if start > 0 and doc[start - 1].lower_ in self.means_words:
            return True
        if end >= title_end or doc[end].lower_ != "for":
            return False
        # "... Alignment for Language Models": for a class of models, the phrase is the topic.
        k = end + 1
        while k < title_end and doc[k].lower_ not in self.stop and not doc[k].is_punct:
            k += 1
        return not (k > end + 1 and (doc[k - 1].lower_ in self.generic_words or doc[k - 1].text in self.generic_names))

    def _drop_technique_modifiers(self, doc: Doc) -> None:
        """ "the constraint alignment loss", "direct alignment algorithms", "a luminance-based
        alignment network": a task phrase before a method noun names that technique's
        kind, not a task the paper works on."""
        title_end = doc._.kg_title_end or 0
        kept = []
        for m in mentions_of(doc):
            nxt = doc[m.end] if m.type == "Task" and m.end < len(doc) else None
            if nxt is not None and nxt.text.islower() and self.head_nouns.get(nxt.lower_) == "Method":
                continue
            if nxt is not None and m.source == "task" and m.start >= title_end and self._describes_a_system(nxt):
                continue
            kept.append(m)
        doc._.kg_mentions = kept

    def _drop_fields(self, doc: Doc) -> None:
        """ "Transformers for Image Recognition", "many visual recognition tasks", "for Language
        Understanding": a whole field of study is where the paper's tasks lie, not one of them
        (the guide: a task is a named research problem the paper reports results for)."""
        doc._.kg_mentions = [
            m
            for m in mentions_of(doc)
            if m.type != "Task"
            or (match_key(m.canonical or m.text) not in self.field_names and not self._leveled_field(m))
        ]

    def _leveled_field(self, m: Mention) -> bool:
        """ "many instance-level recognition tasks", "video-level understanding": a granularity
        alone before a field's head names the field at that level, not a problem; with a problem's
        own words ("document-level relation extraction") it stays in the task's name."""
        words = (m.canonical or m.text).lower().split()
        return len(words) == 2 and words[0].endswith("-level") and words[1] in self.field_heads

    def _describes_a_system(self, tok: Token) -> bool:
        """ "a streamable speech recognition model", "class prediction networks": a phrase built
        from the abstract's words before a model noun, or a plural technique noun, says what
        that system does; its modifiers describe the system, not a task of its own."""
        low = tok.lower_
        return tok.text.islower() and (
            self.head_nouns.get(low) == "Model"
            or (low != _singular(low) and self.head_nouns.get(_singular(low)) == "Method")
        )

    def _name_graph_learning(self, doc: Doc) -> None:
        """ "representation learning on graphs", "Representation Learning of Graphs", "representation
        learning with graphs": learning representations (or features, embeddings) of graphs is graph
        representation learning."""
        for m in mentions_of(doc):
            words = (m.canonical or m.text).lower().split()
            if m.type != "Task" or len(words) < 2 or words[-1] != "learning" or words[-2] not in self.learned_objects:
                continue
            i = m.end
            if i + 1 >= len(doc) or doc[i].lower_ not in ("on", "of", "for", "with") or words[0] == "graph":
                continue
            after = doc[i + 2].lower_ if i + 2 < len(doc) else ""
            if doc[i + 1].lower_ == "graphs" or (doc[i + 1].lower_ == "graph-structured" and after == "data"):
                m.canonical = "graph " + " ".join(words)

    @staticmethod
    def _compound_head(tok: Token) -> bool:
        """The noun a hyphenated task name modifies: a word ("responses"), a hyphenated word
        ("instruction-following audio-language models") or a name ("the LongAlpaca dataset")."""
        return (tok.is_alpha or ("-" in tok.text and tok.text.strip("-"))) and (
            tok.text.islower() or tok.text[:1].isupper()
        )

    def _drop_compound_modifiers(self, doc: Doc) -> None:
        """ "instruction-following responses": a task name hyphenated into a modifier is not the
        task itself, unless the next word is a task noun or a capability: "question-answering
        datasets", "the instruction-following setting" and "instruction-following capabilities"
        name the task as "question-answering tasks" does."""
        kept = []
        for m in mentions_of(doc):
            if (
                m.type == "Task"
                and m.source == "catalogue"
                and "-" in m.text
                and m.canonical
                and "-" not in m.canonical
                and m.end < len(doc)
                and self._compound_head(doc[m.end])
                and doc[m.end].lower_ not in self.task_nouns
                and doc[m.end].lower_ not in self.capability_nouns
                and doc[m.end].lower_ not in self.stop  # "question-answering with images": not a modifier
            ):
                continue
            kept.append(m)
        doc._.kg_mentions = kept

    def _kind_of_new_approach(self, doc: Doc, m: Mention) -> bool:
        """ "a novel multi-task learning approach", "a model-free imitation learning algorithm",
        "A Novel Multi-Task Learning (MTL) Model": a paradigm naming the kind of one new approach
        is the setting it works in (not "imitation learning methods such as ...", nor the
        reinforcement learning that gold types either way)."""
        if (m.canonical or "").endswith(self.paradigms_either_way):
            return False
        i = m.end
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")":
            i += 3  # "Multi-Task Learning (MTL) Model"
        if i >= len(doc) or doc[i].lower_ not in self.own_approach_nouns:
            return False
        before = [t.lower_ for t in doc[max(0, m.start - 2) : m.start]]
        return bool({"a", "an", "novel", "new", "our"} & set(before))

    def _retype_paradigms(self, doc: Doc) -> None:
        """ "an approach for semi-supervised learning", "transfer learning tasks": a learning
        paradigm named as the purpose, or called a task, is the problem worked on here (not a
        learning technique: "a framework for self-supervised learning" stays a Method). A paradigm
        naming the kind of a new approach is that setting at every mention, when the abstract also
        speaks of it apart from that approach ("Multi-task learning is widely used ...")."""
        settings: set[str] = set()
        for m in mentions_of(doc):
            name = m.canonical or ""
            if m.type != "Method" or m.source != "catalogue" or not name.islower():
                continue
            if name.split()[-1] not in self.paradigm_heads or name in self.learning_techniques:
                continue  # "an approach for self-supervised learning": a technique, by the guide
            before = doc[m.start - 1].lower_ if m.start > 0 else ""
            after = doc[m.end] if m.end < len(doc) else None
            purpose = before == "for" and (
                after is None or after.is_punct or (after.lower_ in self.stop and after.lower_ != "of")
            )
            if purpose or (after is not None and after.lower_ in self.task_nouns):
                m.type, m.type_source = "Task", "cue"
            if self._kind_of_new_approach(doc, m):
                settings.add(name)
        named = Counter(m.canonical for m in mentions_of(doc) if m.canonical in settings)
        for m in mentions_of(doc):
            if m.type == "Method" and m.source == "catalogue" and named[m.canonical] > 1:
                m.type, m.type_source = "Task", "cue"

    def _retype_systems_named_as_tasks(self, doc: Doc) -> None:
        """ "improving dense passage retrieval", "Pre-training for Dense Passage Retrieval": a known
        system named after its task, written only as that task (lowercase, or as the title's
        purpose) and never by its short form ("DPR"), names the task."""
        title_end = doc._.kg_title_end or 0
        groups: dict[str, list[Mention]] = {}
        for m in mentions_of(doc):
            if m.type == "Method" and m.catalogue_id and m.canonical and not m.canonical.islower():
                groups.setdefault(m.canonical, []).append(m)
        for name, group in groups.items():
            if name.split()[-1].lower() not in self.strong_heads:
                continue
            if any(match_key(m.text) != match_key(name) for m in group):
                continue  # "DPR": the system by its own short name
            if any(m.text.islower() or (0 < m.start < title_end and doc[m.start - 1].lower_ == "for") for m in group):
                for m in group:
                    m.type, m.type_source, m.canonical = "Task", "cue", name.lower()

    def __call__(self, doc: Doc) -> Doc:
        title_end = doc._.kg_title_end or 0
        # Where "task(s) / problem(s)" stand, found once from the lowercase array (no token walk).
        lowers = doc.to_array("LOWER")
        task_words = [
            i for i in map(int, np.flatnonzero(np.isin(lowers, self._task_word_ids))) if not self._modifies_next(doc, i)
        ]
        self._drop_compound_modifiers(doc)
        self._retype_paradigms(doc)
        self._retype_systems_named_as_tasks(doc)
        if (gerund := self._title_gerund(doc, title_end)) is not None:
            add_mention(doc, gerund)
        phrases = [
            (self._strip_approach(doc, s, e), e)
            for s, e in self._phrases(doc, title_end, task_words)
            if not self._is_means(doc, s, e, title_end) and not self._recast_as(doc, s, e, title_end)
        ]
        purposes = {(self._strip_approach(doc, s, e), e) for s, e in self._title_purpose(doc, title_end)}
        listed = set(self._listed_tasks(doc, task_words)) | set(self._tested_on_tasks(doc, task_words))
        listed |= set(self._task_of(doc, task_words))
        listed |= self._reported_tasks(doc, phrases)
        for member in [
            *self._elided_members(doc, task_words),
            *self._elided_known_tasks(doc),
            *self._defined_task_phrases(doc),
        ]:
            add_mention(doc, member)
        benchmark_tasks = self._photo_benchmark_tasks(doc)
        for task in benchmark_tasks:
            add_mention(doc, task)
        named_by_benchmark = {t.start for t in benchmark_tasks}
        counts = Counter(match_key(doc[s:e].text) for s, e in phrases)
        title_keys = {match_key(doc[s:e].text) for s, e in [*phrases, *purposes] if e <= title_end}
        known = {match_key(m.canonical or m.text) for m in mentions_of(doc) if m.type == "Task"}
        kept: list[str] = []
        for start, end in sorted({*phrases, *purposes, *listed}):
            key = match_key(doc[start:end].text)
            if end - 1 in named_by_benchmark:
                continue  # "ImageNet Classification" in a title is image classification
            if self._bare_title_head(doc, start, end, title_end) or self._quality_of_a_system(doc, start, end):
                continue
            strong = (
                doc[end - 1].lower_ in self.strong_heads
                and end - start >= 2
                and not self._modifies_a_noun(doc, end)
                and self._in_a_claim(doc, start)
            )
            explicit = (start, end) in purposes or (start, end) in listed
            if doc[end - 1].lower_ in self.weak_heads and not explicit:
                continue  # named again or in the title, a weak head still needs the text to call it a task
            if key in known or not (key in title_keys or counts[key] >= self.min_repeats or strong or explicit):
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
                    canonical=_lower_words(text),
                    type_source="cue",
                ),
            )
        self._drop_technique_modifiers(doc)
        if (detection := self._detection_on_photos(doc)) is not None:
            add_mention(doc, detection)  # after that step: "detection models" speaks of the task here
        self._name_graph_learning(doc)
        self._drop_fields(doc)  # after naming: "representation learning on graphs" is a task, not the field
        return doc


@Language.factory(
    "kg_task_phrases",
    assigns=["doc._.kg_mentions"],
    requires=["doc._.kg_mentions"],
    default_config={
        "max_modifiers": 3,
        "max_title_modifiers": 5,
        "min_repeats": 2,
        "max_per_paper": 4,
        "confidence": 0.6,
    },
)
def make_task_phrase_finder(
    nlp: Language,
    name: str,
    max_modifiers: int,
    max_title_modifiers: int,
    min_repeats: int,
    max_per_paper: int,
    confidence: float,
) -> TaskPhraseFinder:
    return TaskPhraseFinder(nlp, name, max_modifiers, max_title_modifiers, min_repeats, max_per_paper, confidence)
