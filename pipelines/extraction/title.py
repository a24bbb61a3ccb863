"""Marks where the title ends: later components treat title words differently
(titles are in Title Case, so capitalisation says little there)."""

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
        if doc._.kg_title_end and doc.has_annotation("SENT_START") and doc._.kg_title_end + 1 < len(doc):
            doc[doc._.kg_title_end + 1].is_sent_start = True
        return doc


@Language.factory("kg_title", assigns=["doc._.kg_title_end"])
def make_title_marker(nlp: Language, name: str) -> TitleMarker:
    return TitleMarker(nlp, name)
