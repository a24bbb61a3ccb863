"""Turning raw fields from any format into a checked :class:`~kg.model.Paper`."""

from __future__ import annotations

import re
from typing import Any

from kg.ids import paper_id_from_title
from kg.model import Paper
from pipelines.readers.report import MAX_FIELD_CHARS, ReadReport

__all__ = ["MONTHS", "clean_text", "iso_date", "make_paper"]

_SPACES = re.compile(r"\s+")
# arXiv abstracts keep their LaTeX: "\emph{Gradient-based One-Side Sampling}" reads as the words.
_LATEX_STYLE = re.compile(r"\\(?:emph|textit|textbf|texttt|textsc|textrm|underline)\{([^{}]*)\}")


MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# Year first, numbers only: "2024-01-05", "2024/1/5", "2024.01", "2024-01-05T10:00:00Z".
_NUMERIC_DATE = re.compile(r"^((?:19|20)\d\d)(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[T ].*)?$")
# A month's name and a year, with or without a day: "January 2024", "Jan. 5, 2024", "5 Jan 2024".
_NAMED_DATE = re.compile(r"^(?:(\d{1,2}) )?([a-z]{3})[a-z]*\.?(?: (\d{1,2}))?,? ((?:19|20)\d\d)$")
# Year last: "08/21/2018" (month first) or "21.08.2018" (day first), read only when a number over
# 12 tells which is the day; "11/02/2020" keeps its year alone.
_YEAR_LAST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d\d)$")
_ANY_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def iso_date(value: str, source: str, report: ReadReport) -> str | None:
    """A date as "YYYY-MM-DD", "YYYY-MM" or "YYYY", however the export wrote it, so questions by
    month see one form. A date it cannot read, or whose day and month could be either way round,
    keeps its year when it shows one, with a warning."""
    text = value.strip()
    if m := _NUMERIC_DATE.match(text):
        year, month, day = m.groups()
    elif (m := _YEAR_LAST.match(text)) and max(int(m.group(1)), int(m.group(2))) > 12:
        first, second, year = m.groups()
        month, day = (second, first) if int(first) > 12 else (first, second)
    elif (m := _NAMED_DATE.match(text.lower())) and m.group(2) in MONTHS and not (m.group(1) and m.group(3)):
        year, month, day = m.group(4), str(MONTHS[m.group(2)]), m.group(1) or m.group(3)
    else:
        year = month = day = None
    if year and (month is None or 1 <= int(month) <= 12) and (day is None or 1 <= int(day) <= 31):
        return "-".join([year] + [f"{int(part):02d}" for part in (month, day) if part])
    kept = m.group(1) if (m := _ANY_YEAR.search(text)) else None
    report.warn(
        source,
        f"date {value!r} is not one this tool reads (such as 2024-01-05 or January 2024); "
        + (f"kept its year, {kept}" if kept else "left out"),
    )
    return kept


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
    date = clean_text(fields.get("date"))
    upvotes = fields.get("upvotes")
    return Paper(
        id=paper_id,
        title=title,
        abstract=abstract,
        date=iso_date(date, source, report) if date else None,
        url=clean_text(fields.get("url")) or None,
        authors=authors,
        authors_count=authors_count,
        organizations=_as_list(fields.get("organizations")),
        upvotes=int(upvotes) if isinstance(upvotes, int) else None,
        source=source,
    )
