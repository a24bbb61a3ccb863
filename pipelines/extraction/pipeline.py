"""Building the extraction pipeline from its config and streaming papers through it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from kg.model import Paper, PaperRecord

__all__ = ["DEFAULT_CONFIG", "extract_records", "load_pipeline"]

DEFAULT_CONFIG = Path(__file__).with_name("config.cfg")


@lru_cache(maxsize=4)
def load_pipeline(config_path: str | None = None, catalogue: tuple[str, ...] = ()) -> Language:
    """The configured pipeline (cached: building the catalogue matcher takes a moment).

    ``catalogue`` adds user catalogue files on top of those in the config.
    """
    import pipelines.extraction  # noqa: F401  (registers the factories)

    config = spacy.util.load_config(config_path or DEFAULT_CONFIG, interpolate=False)
    if catalogue:
        paths = list(config["components"]["kg_catalogue"].get("catalogue_paths", [])) + list(catalogue)
        config["components"]["kg_catalogue"]["catalogue_paths"] = paths
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def extract_records(
    papers: Iterable[Paper], nlp: Language | None = None, batch_size: int = 64, n_process: int = 1
) -> Iterator[PaperRecord]:
    """One record per paper, streamed: memory stays flat however many papers come in."""
    from pipelines.extraction.records import doc_to_entities

    nlp = nlp or load_pipeline()
    pairs = ((paper.text, paper) for paper in papers)
    for doc, paper in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield PaperRecord(paper, doc_to_entities(doc, paper))
