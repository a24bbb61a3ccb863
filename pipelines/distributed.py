"""Extraction on a distributed engine: Dask bags, run here in local mode.

Extraction is a pure function over batches of papers (:func:`extract_batch`), so an
engine only has to map it over partitions; resolution and linking then run once on
the collected records (they are small). The same function works on a Dask cluster
(pass a ``distributed.Client``'s scheduler) or, written as a ``mapPartitions``, on Spark.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.errors import KgError
from kg.model import Paper, PaperRecord
from pipelines.extraction.pipeline import extract_batch

__all__ = ["extract_with_dask"]


def extract_with_dask(
    papers: Iterable[Paper], partitions: int = 4, scheduler: str = "processes", config_path: str | None = None
) -> list[PaperRecord]:
    """Records for ``papers`` in input order, extracted partition by partition by Dask."""
    try:
        import dask.bag as db
    except ImportError:
        raise KgError.missing_extra("dask", "distributed") from None
    bag = db.from_sequence(list(papers), npartitions=partitions)
    records = bag.map_partitions(lambda part: extract_batch(list(part), config_path))
    return list(records.compute(scheduler=scheduler))
