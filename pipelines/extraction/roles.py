"""The paper's role towards each mention, read from the sentence it sits in.

- proposed: the title's name; a new name after "we propose / introduce / present ..."
  with nothing like "using" or "based on" in between; "our X". Known catalogue
  entities are not taken as proposed by a propose verb alone: papers build on them.
- evaluated_on: a benchmark or dataset in a sentence about evaluation or results.
- used: in a sentence about training, building on, comparing with or evaluating.
- mentioned: everything else, and background sentences ("Recently, X has ...").
Organizations in the text are mentioned; affiliations come from metadata.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipelines.extraction.mention import Mention, ensure_extensions, mentions_of
from pipelines.extraction.resources import load_cues

__all__ = ["RoleAssigner"]

_EVALUATED = {"Benchmark", "Dataset"}


class RoleAssigner:
    def __init__(self, nlp: Language, name: str, propose_reach: int, dataset_as_benchmark: bool) -> None:
        ensure_extensions()
        self.cues = load_cues()
        self.propose_reach = propose_reach
        self.dataset_as_benchmark = dataset_as_benchmark

    def _proposed(self, sent: Span, m: Mention) -> bool:
        words = [t.lower_ for t in sent]
        offset = m.start - sent.start
        if offset > 0 and words[offset - 1] in ("our", "proposed"):
            return True
        if not any(w in self.cues.self_words for w in words[:offset]):
            return False
        for k in range(offset - 1, max(-1, offset - 1 - self.propose_reach), -1):
            w = words[k]
            if w in self.cues.propose_words:
                return True
            if w in self.cues.train_words and w not in ("on", "with", "over", "than"):
                return False  # "we propose X based on Y": Y is used, not proposed
        return False

    def role_of(self, doc: Doc, m: Mention) -> str:
        if m.role:
            return m.role
        if m.type == "Organization":
            return "mentioned"
        sent = doc[m.start].sent if doc.has_annotation("SENT_START") else doc[:]
        if m.catalogue_id is None and self._proposed(sent, m):
            return "proposed"
        words = {t.lower_ for t in sent}
        evaluating = bool(words & self.cues.evaluate_words)
        training = bool(words & self.cues.train_words)
        if m.type in _EVALUATED or m.type in ("Task", "Metric"):
            before = {t.lower_ for t in doc[sent.start : m.start]}
            trained_on = bool(before & {"train", "trained", "training", "fine-tuned", "finetuned", "fine-tune"})
            if evaluating and not trained_on:
                return "evaluated_on" if m.type in _EVALUATED or m.type == "Task" else "used"
            if training:
                return "used"
            return "mentioned"
        if words & self.cues.background_words and not evaluating:
            return "mentioned"
        return "used" if (training or evaluating) else "mentioned"

    def __call__(self, doc: Doc) -> Doc:
        for m in mentions_of(doc):
            m.role = self.role_of(doc, m)
            if (
                self.dataset_as_benchmark
                and m.type == "Dataset"
                and m.role == "evaluated_on"
                and m.source != "catalogue"
            ):
                m.type = "Benchmark"  # a resource named only for evaluation is a benchmark
        return doc


@Language.factory(
    "kg_roles",
    assigns=["doc._.kg_mentions"],
    requires=["doc._.kg_mentions"],
    default_config={"propose_reach": 14, "dataset_as_benchmark": True},
)
def make_role_assigner(nlp: Language, name: str, propose_reach: int, dataset_as_benchmark: bool) -> RoleAssigner:
    return RoleAssigner(nlp, name, propose_reach, dataset_as_benchmark)
