"""Turning raw fields from any format into a checked :class:`~kg.model.Paper`."""

from __future__ import annotations

import re
from typing import Any

from kg.ids import paper_id_from_title
from kg.model import Paper
from pipelines.readers.report import MAX_FIELD_CHARS, ReadReport

__all__ = ["clean_text", "make_paper"]

_SPACES = re.compile(r"\s+")
# arXiv abstracts keep their LaTeX: "\emph{Gradient-based One-Side Sampling}" reads as the words.
_LATEX_STYLE = re.compile(r"\\(?:emph|textit|textbf|texttt|textsc|textrm|underline)\{([^{}]*)\}")


def clean_text(value: Any) -> str:
    """Whitespace folded to single spaces; None and non-strings become ''."""
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value)
    return _SPACES.sub(" ", value).strip()


def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [clean_text(v) for v in re.split(r"\s*;\s*|\s+and\s+", value) if v.strip()]
    if isinstance(value, list):
        out = []
        for v in value:
            if isinstance(v, dict):
                v = v.get("name") or v.get("display_name") or ""
            if clean_text(v):
                out.append(clean_text(v))
        return out
    return [clean_text(value)]


def make_paper(fields: dict[str, Any], source: str, report: ReadReport) -> Paper | None:
    """A Paper from raw fields, or None (noted in ``report``) when it has no title or abstract."""
    title = clean_text(fields.get("title"))
    abstract = _LATEX_STYLE.sub(r"\1", clean_text(fields.get("abstract")))
    if not title and not abstract:
        report.skip(source, "no title and no abstract: each paper needs at least a title")
        return None
    if not abstract:
        report.skip(source, f"missing abstract: '{title[:60]}' has no abstract to extract from")
        return None
    if not title:
        report.warn(source, "missing title: the abstract's first words stand in for it")
        title = abstract[:80].rsplit(" ", 1)[0] + " ..."
    for name in ("title", "abstract"):
        value = title if name == "title" else abstract
        limit = 1_000 if name == "title" else MAX_FIELD_CHARS
        if len(value) > limit:
            report.warn(source, f"{name} has {len(value)} characters; kept the first {limit}")
            if name == "title":
                title = value[:limit]
            else:
                abstract = value[:limit]
    authors = _as_list(fields.get("authors"))
    count = fields.get("authors_count")
    try:
        authors_count = int(count) if count not in (None, "") else (len(authors) or None)
    except (TypeError, ValueError):
        report.warn(source, f"authors_count {count!r} is not a number; ignored")
        authors_count = len(authors) or None
    paper_id = clean_text(fields.get("id")) or paper_id_from_title(title)
    upvotes = fields.get("upvotes")
    return Paper(
        id=paper_id,
        title=title,
        abstract=abstract,
        date=clean_text(fields.get("date")) or None,
        url=clean_text(fields.get("url")) or None,
        authors=authors,
        authors_count=authors_count,
        organizations=_as_list(fields.get("organizations")),
        upvotes=int(upvotes) if isinstance(upvotes, int) else None,
        source=source,
    )
