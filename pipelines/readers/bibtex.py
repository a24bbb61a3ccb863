"""Reader for BibTeX entries that carry an ``abstract`` field.

A small parser of our own: it handles braces nested to any depth, quoted values,
``#`` concatenation is rare in abstracts and left as is. A broken entry is reported
with the line it starts on and the rest of the file is still read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from kg.model import Paper
from pipelines.readers.fields import make_paper
from pipelines.readers.report import ReadReport, decode_text

__all__ = ["parse_bibtex_entries", "read_bibtex"]

_ENTRY = re.compile(r"@(\w+)\s*[{(]", re.M)
_FIELD = re.compile(r"\s*([\w-]+)\s*=\s*", re.M)


class _BibError(ValueError):
    pass


def _value(body: str, pos: int) -> tuple[str, int]:
    """Read one field value starting at ``pos``; returns (value, position after it)."""
    if pos >= len(body):
        raise _BibError("field has no value")
    ch = body[pos]
    if ch == "{":
        depth, i = 0, pos
        while i < len(body):
            if body[i] == "{":
                depth += 1
            elif body[i] == "}":
                depth -= 1
                if depth == 0:
                    return body[pos + 1 : i], i + 1
            i += 1
        raise _BibError("unbalanced braces in a field value")
    if ch == '"':
        end = body.find('"', pos + 1)
        if end < 0:
            raise _BibError("unterminated quoted value")
        return body[pos + 1 : end], end + 1
    m = re.match(r"[\w.:-]+", body[pos:])
    if not m:
        raise _BibError(f"unexpected character {ch!r} where a value should start")
    return m.group(0), pos + m.end()


def _strip_latex(text: str) -> str:
    text = re.sub(r"\\[a-zA-Z]+\s*\{([^{}]*)\}", r"\1", text)
    return text.replace("{", "").replace("}", "").replace("\\&", "&").replace("\\%", "%").replace("~", " ")


def _entry_body(text: str, start: int, end: int, closer: str) -> str:
    """The entry's text from after its opening delimiter to its closing one, which is the first
    ``closer`` outside braces; text after it (BibTeX allows comments between entries) is not
    the entry's. Without one before ``end``, all of it: the field parser then says what is wrong."""
    depth = 0
    for i in range(start, end):
        if text[i] == closer and depth == 0:
            return text[start:i]
        depth += {"{": 1, "}": -1}.get(text[i], 0)
    return text[start:end].rstrip()


def parse_bibtex_entries(text: str) -> Iterator[tuple[int, str, dict[str, str] | str]]:
    """Yield (line, key, fields) per entry, or (line, key, error message) for a broken one."""
    starts = [m for m in _ENTRY.finditer(text) if m.group(1).lower() not in ("comment", "preamble", "string")]
    for n, m in enumerate(starts):
        line = text.count("\n", 0, m.start()) + 1
        end = starts[n + 1].start() if n + 1 < len(starts) else len(text)
        body = _entry_body(text, m.end(), end, "}" if m.group(0).endswith("{") else ")")
        key, _, rest = body.partition(",")
        fields: dict[str, str] = {}
        pos = 0
        try:
            while True:
                fm = _FIELD.match(rest, pos)
                if not fm:
                    if rest[pos:].strip(" \n\t,"):
                        raise _BibError(f"cannot parse near '{rest[pos : pos + 30].strip()}'")
                    break
                value, pos = _value(rest, fm.end())
                fields[fm.group(1).lower()] = _strip_latex(value)
                comma = rest.find(",", pos)
                if comma < 0:
                    break
                pos = comma + 1
        except _BibError as err:
            yield line, key.strip(), str(err)
            continue
        yield line, key.strip(), fields


def _date(fields: dict[str, str]) -> str | None:
    """The year, with the month when the entry gives one ("may", "May" or "5")."""
    year, month = fields.get("year"), fields.get("month", "").strip()
    if not (year and month):
        return year
    return f"{year}-{month}" if month.isdigit() else f"{month} {year}"


def read_bibtex(path: Path, report: ReadReport) -> Iterator[Paper]:
    for line, key, fields in parse_bibtex_entries(decode_text(path, report)):
        source = f"{path}:{line}"
        if isinstance(fields, str):
            report.skip(source, f"malformed BibTeX entry: {fields} (entry '{key}')")
            continue
        eprint = fields.get("eprint")
        paper = make_paper(
            {
                "id": f"arxiv:{eprint}" if eprint else (f"doi:{fields['doi']}" if fields.get("doi") else None),
                "title": fields.get("title"),
                "abstract": fields.get("abstract"),
                "date": _date(fields),
                "url": fields.get("url"),
                "authors": [a.strip() for a in fields.get("author", "").split(" and ") if a.strip()],
                "organizations": fields.get("institution") or fields.get("organization"),
            },
            source,
            report,
        )
        if paper is not None:
            yield paper
