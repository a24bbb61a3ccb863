"""Building the extraction pipeline from its config and streaming papers through it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from kg.model import Paper, PaperRecord
from pipelines.extraction.resources import Catalogue

__all__ = ["DEFAULT_CONFIG", "extract_batch", "extract_records", "load_pipeline", "pipeline_catalogue"]

DEFAULT_CONFIG = Path(__file__).with_name("config.cfg")


@lru_cache(maxsize=4)
def load_pipeline(
    config_path: str | None = None, catalogue: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
) -> Language:
    """The configured pipeline (cached: building the catalogue matcher takes a moment).

    ``catalogue`` adds user catalogue files on top of those in the config; ``exclude`` leaves
    components out (training the scorer runs the rules without ``kg_scorer``).
    """
    import pipelines.extraction  # noqa: F401  (registers the factories)

    config = spacy.util.load_config(config_path or DEFAULT_CONFIG, interpolate=False)
    if catalogue:
        paths = list(config["components"]["kg_catalogue"].get("catalogue_paths", [])) + list(catalogue)
        config["components"]["kg_catalogue"]["catalogue_paths"] = paths
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True, exclude=list(exclude))


def pipeline_catalogue(nlp: Language) -> Catalogue | None:
    """The catalogue the pipeline's matcher holds (bundled entries plus the user's files), or None."""
    return nlp.get_pipe("kg_catalogue").catalogue if "kg_catalogue" in nlp.pipe_names else None


def extract_batch(
    papers: list[Paper], config_path: str | None = None, catalogue: tuple[str, ...] = (), explain: bool = False
) -> list[PaperRecord]:
    """A pure function from a batch of papers to their records: what a worker process, or a
    distributed engine's map step, runs. The pipeline is loaded once per process."""
    return list(extract_records(papers, load_pipeline(config_path, catalogue), explain=explain))


def _batches(papers: Iterable[Paper], size: int) -> Iterator[list[Paper]]:
    batch: list[Paper] = []
    for paper in papers:
        batch.append(paper)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def extract_records(
    papers: Iterable[Paper],
    nlp: Language | None = None,
    batch_size: int = 64,
    n_process: int = 1,
    config_path: str | None = None,
    catalogue: tuple[str, ...] = (),
    explain: bool = False,
) -> Iterator[PaperRecord]:
    """One record per paper, in input order, streamed: memory stays flat however many come in.

    With ``n_process > 1``, batches go to worker processes running :func:`extract_batch`
    (records, not spaCy docs, cross the process boundary). ``explain`` adds to each entity
    the rules that decided its type and role (see explain.py; for debugging).
    """
    from pipelines.extraction.records import doc_to_entities

    if n_process > 1:
        import multiprocessing
        from functools import partial

        # Fork where the platform has it: workers inherit the loaded pipeline instead of
        # building it again (seconds each); spawn elsewhere.
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        if method == "fork":
            load_pipeline(config_path, catalogue)
        work = partial(extract_batch, config_path=config_path, catalogue=catalogue, explain=explain)
        with multiprocessing.get_context(method).Pool(n_process) as pool:
            for records in pool.imap(work, _batches(papers, batch_size)):
                yield from records
        return
    nlp = nlp or load_pipeline(config_path, catalogue)
    known = pipeline_catalogue(nlp)
    pairs = ((paper.text, paper) for paper in papers)
    if explain:
        from pipelines.extraction.explain import traced_docs

        for doc, paper in traced_docs(nlp, pairs):
            yield PaperRecord(paper, doc_to_entities(doc, paper, known, explain=True))
        return
    for doc, paper in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield PaperRecord(paper, doc_to_entities(doc, paper, known))
