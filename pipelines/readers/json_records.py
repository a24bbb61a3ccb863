"""Readers for JSON Lines (one paper per line) and JSON (a list of papers, or one paper)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.model import Paper
from pipelines.readers.fields import make_paper
from pipelines.readers.report import ReadReport, decode_text

__all__ = ["read_json", "read_jsonl", "record_fields"]


def record_fields(obj: dict[str, Any]) -> dict[str, Any]:
    """Our field names from a loose record: `summary` for abstract, `link` for url, a bare `year`
    for the date (as BibTeX gives it), and so on."""
    paper = obj.get("paper") if isinstance(obj.get("paper"), dict) else obj
    get = paper.get
    return {
        "id": get("id") or get("arxiv_id") or get("doi"),
        "title": get("title"),
        "abstract": get("abstract") or get("summary") or obj.get("abstract"),
        "date": get("date") or get("published") or get("publication_date") or get("year"),
        "url": get("url") or get("link"),
        "authors": get("authors"),
        "authors_count": get("authors_count"),
        "organizations": get("organizations") or get("affiliations"),
        "upvotes": get("upvotes"),
    }


def _invalid(err: json.JSONDecodeError) -> str:
    """The reason for a record json could not parse; some of its messages end in "at" already
    ("Unterminated string starting at"), which read "at at column 56" with ours after them."""
    return f"invalid JSON: {err.msg.removesuffix(' at')} at column {err.colno}"


def read_jsonl(path: Path, report: ReadReport) -> Iterator[Paper]:
    # Records end at "\n" only: str.splitlines also breaks at U+2028, U+0085, form feeds and
    # other characters JSON strings may hold unescaped, which would cut one record in two.
    for no, line in enumerate(decode_text(path, report).split("\n"), start=1):
        if not line.strip():
            continue
        source = f"{path}:{no}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            report.skip(source, _invalid(err))
            continue
        if not isinstance(obj, dict):
            report.skip(source, f"not a JSON object: a line holds {type(obj).__name__}")
            continue
        paper = make_paper(record_fields(obj), source, report)
        if paper is not None:
            yield paper


def read_json(path: Path, report: ReadReport) -> Iterator[Paper]:
    text = decode_text(path, report)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        report.skip(f"{path}:{err.lineno}", f"{_invalid(err)}; nothing in this file could be read")
        return
    if isinstance(data, dict):
        # OpenAlex list responses wrap works in "results"; a lone object is one paper.
        data = data.get("results") if isinstance(data.get("results"), list) else [data]
    if not isinstance(data, list):
        report.skip(str(path), "JSON is neither a list of papers nor one paper object")
        return
    from pipelines.readers.openalex import is_openalex_work, openalex_fields

    for index, obj in enumerate(data, start=1):
        source = f"{path}#record {index}"
        if not isinstance(obj, dict):
            report.skip(source, f"not a JSON object: the record is a {type(obj).__name__}")
            continue
        fields = openalex_fields(obj) if is_openalex_work(obj) else record_fields(obj)
        paper = make_paper(fields, source, report)
        if paper is not None:
            yield paper
