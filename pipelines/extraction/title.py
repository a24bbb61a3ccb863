"""Marks where the title ends, and its first colon: later components treat title words
differently (titles are in Title Case, so capitalisation says little there), and the part
before a colon is most often the paper's name ("AlignScore: ...")."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipelines.extraction.mention import ensure_extensions

__all__ = ["TitleMarker"]


class TitleMarker:
    def __init__(self, nlp: Language, name: str) -> None:
        ensure_extensions()

    def __call__(self, doc: Doc) -> Doc:
        # The paper text is "Title.\nAbstract": the first newline token closes the title.
        doc._.kg_title_end = next((t.i for t in doc if t.is_space and "\n" in t.text), 0)
        doc._.kg_title_colon = next((t.i for t in doc[: doc._.kg_title_end] if t.text == ":"), None)
        if doc._.kg_title_end and doc.has_annotation("SENT_START") and doc._.kg_title_end + 1 < len(doc):
            doc[doc._.kg_title_end + 1].is_sent_start = True
        return doc


@Language.factory("kg_title", assigns=["doc._.kg_title_end", "doc._.kg_title_colon"])
def make_title_marker(nlp: Language, name: str) -> TitleMarker:
    return TitleMarker(nlp, name)
