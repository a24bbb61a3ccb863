"""Shared fixtures. The extraction pipeline and the sample graph are built once per session.

Service-backed tests are marked (neo4j, sparql, browser). When a service is missing they
skip on a developer's machine, but under CI (CI=true) a missing service is a failure.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SAMPLE = ROOT / "examples" / "hf-daily-papers-alignment.txt"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_service(what: str, hint: str) -> None:
    """Skip locally, fail in CI: a missing service must never pass silently there."""
    message = f"{what} is not available: {hint}"
    if IN_CI:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def nlp():
    from pipelines.extraction import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory, nlp):
    """The bundled sample corpus built once into a temporary folder (a BuildResult)."""
    from kg import api

    out = tmp_path_factory.mktemp("sample-graph")
    return api.build([SAMPLE], out=out)


@pytest.fixture(scope="session")
def sample_graph(sample_build):
    return sample_build.graph


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def copy_data(tmp_path):
    """Copy a file from tests/data into a temporary folder and return its path."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copy(DATA / name, target)
        return target

    return copy
