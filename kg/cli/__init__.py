"""The `kg` command. Each group of subcommands lives in its own module here."""

from __future__ import annotations

from kg.cli import build as _build  # noqa: F401  (registers commands)
from kg.cli import evaluate as _evaluate  # noqa: F401
from kg.cli import neo4j as _neo4j  # noqa: F401
from kg.cli import query as _query  # noqa: F401
from kg.cli import rdf as _rdf  # noqa: F401
from kg.cli import train as _train  # noqa: F401
from kg.cli import viz as _viz  # noqa: F401
from kg.cli.app import app, main, reflow_help

reflow_help(app)

__all__ = ["app", "main"]
