"""kg-papers: a knowledge-graph builder over research papers.

The Python API mirrors the `kg` command: :func:`build`, :func:`extract`,
:func:`query`, :func:`load`, :func:`export`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from kg.api import BuildResult, build, export, extract, load, query, read
from kg.graph import KnowledgeGraph
from kg.model import ENTITY_TYPES, ROLES, Evidence, ExtractedEntity, Paper, PaperRecord

__all__ = [
    "ENTITY_TYPES",
    "ROLES",
    "BuildResult",
    "Evidence",
    "ExtractedEntity",
    "KnowledgeGraph",
    "Paper",
    "PaperRecord",
    "__version__",
    "build",
    "export",
    "extract",
    "load",
    "query",
    "read",
]
