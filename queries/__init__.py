"""The question catalogue: one module per question, each answerable on every backend."""

from __future__ import annotations

from queries import (
    benchmark_usage,
    connection,
    datasets_for_task,
    method_profile,
    methods_sharing_benchmarks,
    organization_methods,
    related_papers,
    shared_benchmarks,
    trends,
)
from queries.base import Param, Question

__all__ = ["CATALOGUE", "Param", "Question", "get_question"]

CATALOGUE: dict[str, Question] = {
    q.name: q
    for q in (
        methods_sharing_benchmarks.QUESTION,
        shared_benchmarks.QUESTION,
        benchmark_usage.QUESTION,
        method_profile.QUESTION,
        organization_methods.QUESTION,
        related_papers.QUESTION,
        datasets_for_task.QUESTION,
        trends.QUESTION,
        connection.QUESTION,
    )
}


def get_question(name: str) -> Question:
    try:
        return CATALOGUE[name]
    except KeyError:
        raise KeyError(f"no question '{name}'; `kg query --list` shows the catalogue: {', '.join(CATALOGUE)}") from None
