"""Readers: every supported input format becomes a stream of :class:`~kg.model.Paper`.

``read_papers`` walks files and folders, detects each file's format (or takes the
one given), merges duplicate papers, and notes every problem in a :class:`ReadReport`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.ids import match_key
from kg.model import Paper
from pipelines.readers.arxiv_atom import read_arxiv_atom
from pipelines.readers.bibtex import read_bibtex
from pipelines.readers.hf_daily import looks_like_hf_daily, read_hf_daily
from pipelines.readers.json_records import read_json, read_jsonl
from pipelines.readers.report import Problem, ReadReport, bom_encoding

__all__ = ["FORMATS", "Problem", "ReadReport", "UnknownFormat", "detect_format", "read_papers"]

Reader = Callable[[Path, ReadReport], Iterator[Paper]]

FORMATS: dict[str, Reader] = {
    "hf-daily": read_hf_daily,
    "jsonl": read_jsonl,
    "json": read_json,  # also OpenAlex works, detected per record
    "openalex": read_json,
    "arxiv": read_arxiv_atom,
    "bibtex": read_bibtex,
}

_SUFFIXES = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
    ".atom": "arxiv",
    ".xml": "arxiv",
}


class UnknownFormat(ValueError):
    pass


def detect_format(path: Path) -> str:
    """The format name for ``path``, from its suffix and, failing that, its first bytes."""
    data = path.read_bytes()[:4096]
    head = data.decode(bom_encoding(data), errors="replace").lstrip("\ufeff").lstrip()
    by_suffix = _SUFFIXES.get(path.suffix.lower())
    if by_suffix == "json" and head.startswith("{") and "\n{" in head.strip():
        return "jsonl"  # JSON Lines saved as .json
    if by_suffix:
        return by_suffix
    if head.startswith("{"):
        return "jsonl" if "\n{" in head else "json"
    if head.startswith("["):
        return "json"
    if head.startswith("<"):
        return "arxiv"
    if head.startswith("@"):
        return "bibtex"
    if looks_like_hf_daily(head) or path.suffix.lower() in (".txt", ""):
        return "hf-daily"
    # The path is not in the message: the read report names the file before it.
    raise UnknownFormat(f"cannot tell the format; pass --format with one of {', '.join(FORMATS)}")


# What `kg build` writes into every output folder (kg.api.MANIFEST_FILE, kg.stores.embedded.GRAPH_FILE).
_BUILT_GRAPH_MARKERS = ("manifest.json", "graph.json")


def _files(inputs: Iterable[str | Path], report: ReadReport) -> Iterator[Path]:
    """Files named, and the files in folders named; a built graph's folder inside one (say
    `kg build .` run again beside its ./kg-out) is passed over with a note, not read as papers."""
    for item in inputs:
        path = Path(item)
        if not path.is_dir():
            yield path
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        built = [
            p.parent
            for p in files
            if p.name == _BUILT_GRAPH_MARKERS[0] and all((p.parent / m).is_file() for m in _BUILT_GRAPH_MARKERS)
        ]
        for folder in built:
            report.warn(str(folder), "a built graph's folder (it holds manifest.json and graph.json); not read")
        yield from (p for p in files if not any(p.is_relative_to(b) for b in built))


def _merge(kept: Paper, extra: Paper) -> None:
    """Fill what the first copy of a paper lacks from a later copy; lists are unioned."""
    for name in ("date", "url", "authors_count", "upvotes"):
        if getattr(kept, name) in (None, "") and getattr(extra, name) not in (None, ""):
            setattr(kept, name, getattr(extra, name))
    if len(extra.abstract) > len(kept.abstract):
        kept.abstract = extra.abstract
    kept.authors = kept.authors or extra.authors
    kept.organizations = list(dict.fromkeys(kept.organizations + extra.organizations))


def read_papers(inputs: Iterable[str | Path], report: ReadReport, fmt: str | None = None) -> Iterator[Paper]:
    """Stream papers from files and folders; duplicates (same id or same normalised title) merged.

    A later copy fills the gaps of the first copy's fields (kept in place, so consumers
    still holding it see the merge) and is not yielded again; everything streams.
    """
    seen_ids: dict[str, Paper] = {}
    seen_titles: dict[str, Paper] = {}
    for path in _files(inputs, report):
        if not path.exists():
            report.skip(str(path), "no such file or folder")
            continue
        report.files += 1
        if path.stat().st_size == 0:
            report.skip(str(path), "empty file")
            continue
        try:
            name = fmt or detect_format(path)
        except UnknownFormat as err:
            report.skip(str(path), f"unknown format: {err}")
            continue
        if name not in FORMATS:
            raise UnknownFormat(f"unknown format '{name}'; choose one of {', '.join(FORMATS)}")
        before = report.read
        for paper in FORMATS[name](path, report):
            title_key = match_key(paper.title)
            first = seen_ids.get(paper.id) or seen_titles.get(title_key)
            if first is not None:
                _merge(first, paper)
                report.duplicates += 1
                report.warn(paper.source or str(path), f"duplicate of the paper at {first.source}; merged")
                continue
            seen_ids[paper.id] = paper
            seen_titles[title_key] = paper
            report.read += 1
            yield paper
        if report.read == before and not any(p.source.startswith(str(path)) for p in report.problems):
            report.skip(str(path), f"no papers found in this {name} file")
