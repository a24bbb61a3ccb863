"""Reader for arXiv API Atom feeds (``export.arxiv.org/api/query`` responses)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from kg.model import Paper
from pipelines.readers.fields import make_paper
from pipelines.readers.report import ReadReport, decode_text

__all__ = ["read_arxiv_atom"]

_NS = {"atom": "http://www.w3.org/2005/Atom", "arxiv": "http://arxiv.org/schemas/atom"}


def _arxiv_id(entry_id: str) -> str | None:
    """'http://arxiv.org/abs/2305.18290v2' -> 'arxiv:2305.18290' (versions are one paper)."""
    m = re.search(r"abs/(.+?)(v\d+)?$", entry_id)
    return f"arxiv:{m.group(1)}" if m else None


def read_arxiv_atom(path: Path, report: ReadReport) -> Iterator[Paper]:
    text = decode_text(path, report)
    try:
        root = ET.fromstring(text)
    except ET.ParseError as err:
        # The parser's message names the line and column: "mismatched tag: line 2, column 12".
        report.skip(f"{path}:{err.position[0]}", f"malformed XML: {err.msg if hasattr(err, 'msg') else err}")
        return
    for index, entry in enumerate(root.findall("atom:entry", _NS), start=1):
        source = f"{path}#entry {index}"
        entry_id = (entry.findtext("atom:id", "", _NS) or "").strip()
        authors = [a.findtext("atom:name", "", _NS) for a in entry.findall("atom:author", _NS)]
        affiliations = [
            aff.text.strip()
            for a in entry.findall("atom:author", _NS)
            for aff in a.findall("arxiv:affiliation", _NS)
            if aff.text and aff.text.strip()
        ]
        fields = {
            "id": _arxiv_id(entry_id),
            "title": entry.findtext("atom:title", "", _NS),
            "abstract": entry.findtext("atom:summary", "", _NS),
            "date": (entry.findtext("atom:published", "", _NS) or "")[:10],
            "url": entry_id,
            "authors": authors,
            "organizations": list(dict.fromkeys(affiliations)),
        }
        paper = make_paper(fields, source, report)
        if paper is not None:
            yield paper
