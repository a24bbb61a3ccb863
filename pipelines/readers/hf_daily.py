"""Reader for the text of a Hugging Face daily-papers page, as copied from a browser.

The page is a sequence of blocks separated by blank lines: a title, its abstract,
then a metadata block such as::

      • 9 authors          (or an organization line: "baidu BAIDU")
    ·
    Aug 3 2                (date, then the upvote count when there is one)

Some entries have no metadata block at all; the next title follows the abstract.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kg.model import Paper
from pipelines.readers.fields import MONTHS, make_paper
from pipelines.readers.report import ReadReport, decode_text

__all__ = ["looks_like_hf_daily", "read_hf_daily"]

_DATE = re.compile(r"^(?P<mon>[A-Z][a-z]{2}) (?P<day>\d{1,2})(?:, (?P<year>\d{4}))?(?: (?P<up>\d+))?$")
_AUTHORS = re.compile(r"^\s*[•*-]\s*(\d+) authors?\s*$")
_PAGE_CHROME = {
    "new",
    "Get trending papers in your email inbox!",
    "Subscribe",
    "Daily Papers",
    "byAK and the research community",
    "Submit",
    "Search",
}


def looks_like_hf_daily(head: str) -> bool:
    """True when the text has the page's tell-tale author bullets or separator lines."""
    return bool(re.search(r"^\s*• \d+ authors?\s*$|^·\s*$|^Daily Papers\s*$", head, re.M))


def _org_name(line: str) -> str:
    """'baidu BAIDU' -> 'Baidu'; 'google Google' -> 'Google': the handle, then a display name."""
    handle, _, display = line.strip().partition(" ")
    name = display or handle
    return name.capitalize() if name.isupper() and len(name) > 4 else name


def _iso_date(mon: str, day: str, year: str | None, default_year: int | None) -> str | None:
    year_n = int(year) if year else default_year
    if year_n is None:
        return None
    return f"{year_n:04d}-{MONTHS[mon.lower()]:02d}-{int(day):02d}"


def read_hf_daily(path: Path, report: ReadReport) -> Iterator[Paper]:
    text = decode_text(path, report)
    lines = text.splitlines()
    # Dates of the current year are shown without one: take the year after the latest
    # explicit year on the page (the page lists the newest papers), documented in the README.
    years = [int(m.group("year")) for ln in lines if (m := _DATE.match(ln.strip())) and m.group("year")]
    default_year = max(years) + 1 if years else None

    # Blocks of non-empty lines, with the line number each starts on.
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    for no, line in enumerate(lines, start=1):
        if line.strip():
            if not current:
                start = no
            current.append(line)
        elif current:
            blocks.append((start, current))
            current = []
    if current:
        blocks.append((start, current))

    def is_meta(block: list[str]) -> bool:
        return any(ln.strip() == "·" or _AUTHORS.match(ln) for ln in block)

    pending_title: tuple[int, str] | None = None
    entry: dict | None = None
    entry_line = 0

    def flush() -> Iterator[Paper]:
        nonlocal entry
        if entry is not None:
            paper = make_paper(entry, f"{path}:{entry_line}", report)
            if paper is not None:
                yield paper
        entry = None

    for no, block in blocks:
        joined = " ".join(ln.strip() for ln in block)
        if is_meta(block):
            if entry is None:
                report.skip(f"{path}:{no}", "metadata block with no paper before it")
                continue
            for i, ln in enumerate(block):
                s = ln.strip()
                if m := _AUTHORS.match(ln):
                    entry["authors_count"] = int(m.group(1))
                elif s == "·":
                    if i > 0 and not _AUTHORS.match(block[i - 1]) and block[i - 1].strip() != "·":
                        entry.setdefault("organizations", []).append(_org_name(block[i - 1]))
                elif m := _DATE.match(s):
                    entry["date"] = _iso_date(m["mon"], m["day"], m["year"], default_year)
                    if m["up"]:
                        entry["upvotes"] = int(m["up"])
            yield from flush()
            continue
        if joined in _PAGE_CHROME or _DATE.match(joined):
            continue
        is_abstract = len(joined) > 300 or (len(block) == 1 and joined.endswith(".") and len(joined) > 150)
        if is_abstract:
            if entry is not None:  # previous entry had no metadata block
                yield from flush()
            if pending_title is None:
                report.warn(f"{path}:{no}", "abstract with no title before it")
                entry, entry_line = {"title": "", "abstract": joined}, no
            else:
                entry_line = pending_title[0]
                entry = {"title": pending_title[1], "abstract": joined}
                pending_title = None
        else:
            if entry is not None:  # a title right after an abstract: the entry had no metadata
                yield from flush()
            if pending_title is not None:
                report.skip(f"{path}:{pending_title[0]}", f"title with no abstract: '{pending_title[1][:60]}'")
            pending_title = (no, joined)
    yield from flush()
    if pending_title is not None:
        report.skip(f"{path}:{pending_title[0]}", f"title with no abstract: '{pending_title[1][:60]}'")
