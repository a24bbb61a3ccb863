"""The Python API for notebooks and scripts: the same operations as the `kg` command.

Typical use (the README's example, which a test runs)::

    from kg import api
    result = api.build(["papers.jsonl"], out="kg-out")
    api.query(result.graph, "methods-sharing-benchmarks", limit=3)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.exports import EXPORTERS
from kg.graph import KnowledgeGraph
from kg.model import Paper, PaperRecord
from kg.stores.embedded import EmbeddedStore

__all__ = ["BuildResult", "build", "export", "extract", "load", "query", "read"]

EXTRACTIONS_FILE = "extractions.jsonl"
MANIFEST_FILE = "manifest.json"
DEFAULT_EXPORTS = ("node-link", "graphml", "turtle", "neo4j-csv")


@dataclass
class BuildResult:
    graph: KnowledgeGraph
    records: list[PaperRecord]
    report: Any  # pipelines.readers.ReadReport
    out: Path | None = None
    files: list[Path] = field(default_factory=list)

    @property
    def nx(self) -> nx.DiGraph:
        return self.graph.nx


def read(inputs: Iterable[str | Path], fmt: str | None = None, report: Any = None) -> Iterator[Paper]:
    """Stream papers from files or folders (format detected unless ``fmt`` is given)."""
    from pipelines.readers import ReadReport, read_papers

    return read_papers(inputs, report if report is not None else ReadReport(), fmt)


def extract(
    papers: Iterable[Paper] | Iterable[str | Path],
    config: str | None = None,
    catalogue: Iterable[str] = (),
    explain: bool = False,
) -> Iterator[PaperRecord]:
    """Extraction records for papers (or for the papers in files): the `kg extract` lines.
    ``explain`` adds to each entity which rules decided its type and role (`kg extract --explain`)."""
    from pipelines.extraction import extract_records, load_pipeline

    items = list(papers) if not isinstance(papers, Iterator) else papers
    if isinstance(items, list) and items and not isinstance(items[0], Paper):
        items = read(items)
    return extract_records(items, load_pipeline(config, tuple(catalogue)), explain=explain)


def export(graph: KnowledgeGraph, fmt: str, path: str | Path) -> Path:
    if fmt not in EXPORTERS:
        raise KgError.unknown_export(fmt, list(EXPORTERS))
    writer, _ = EXPORTERS[fmt]
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer(graph, path)
    return path


def load(folder: str | Path = "kg-out") -> KnowledgeGraph:
    """The graph a build wrote to ``folder``."""
    return EmbeddedStore(folder).read()


def query(graph: KnowledgeGraph | str | Path, question: str, /, **params: Any) -> list[dict[str, Any]]:
    """Answer a catalogue question on the embedded graph (a KnowledgeGraph or a build folder)."""
    from queries import get_question

    if not isinstance(graph, KnowledgeGraph):
        graph = load(graph)
    return get_question(question).run_networkx(graph.nx, **params)


def build(
    inputs: Iterable[str | Path],
    out: str | Path | None = "kg-out",
    fmt: str | None = None,
    add: bool = False,
    min_confidence: float = 0.0,
    config: str | None = None,
    catalogue: Iterable[str] = (),
    exports: Iterable[str] = DEFAULT_EXPORTS,
    on_record: Callable[[PaperRecord], None] | None = None,
    report: Any = None,
    n_process: int = 1,
) -> BuildResult:
    """Read, extract, resolve and link; with ``out``, write the embedded store and the exports there.

    With ``add``, papers already in the graph at ``out`` are skipped and the new ones
    join it; without, the graph is rebuilt from scratch (same input, same files).
    """
    from pipelines.build import build_graph
    from pipelines.extraction import load_pipeline
    from pipelines.readers import ReadReport

    report = report if report is not None else ReadReport()
    catalogue = tuple(catalogue)  # read twice: by the pipeline and into the manifest
    store = EmbeddedStore(out) if out is not None else None
    if store is not None and store.folder.exists() and not store.folder.is_dir():
        raise KgError.out_not_a_folder(store.folder)  # before extraction, not after it
    existing = store.read() if (add and store is not None and store.exists()) else None
    papers = read(inputs, fmt, report)
    graph, records = build_graph(
        papers, load_pipeline(config, tuple(catalogue)), graph=existing, on_record=on_record, n_process=n_process
    )
    if report.read == 0 and existing is None:
        raise KgError.nothing_read(report.summary())
    if min_confidence > 0:
        graph = graph.filtered(min_confidence)
    result = BuildResult(graph, records, report)
    if store is None:
        return result
    result.out = store.folder
    store.folder.mkdir(parents=True, exist_ok=True)
    extraction_path = store.folder / EXTRACTIONS_FILE
    mode = "a" if existing is not None else "w"
    with extraction_path.open(mode, encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    result.files.append(extraction_path)
    for name in exports:
        writer, filename = EXPORTERS[name]
        if name == "node-link":
            store.write(graph)
            result.files.append(store.path)
            continue
        target = store.folder / filename
        writer(graph, target)
        result.files.append(target)
    options = {"format": fmt, "add": add, "min_confidence": min_confidence, "config": config}
    options["catalogue"] = [str(c) for c in catalogue]
    _write_manifest(store.folder, result, [str(i) for i in inputs] if isinstance(inputs, list) else [], options)
    return result


def _write_manifest(folder: Path, result: BuildResult, inputs: list[str], options: dict[str, Any]) -> None:
    """Run information lives here, apart from the graph files, so those stay byte-identical;
    ``options`` are the build's own (--min-confidence, --config, ...), to tell two builds apart."""
    import datetime
    import platform

    from kg import __version__

    manifest = {
        "kg_version": __version__,
        "built_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "inputs": inputs,
        "options": options,
        "read": result.report.summary(),
        "problems": [str(p) for p in result.report.problems],
        "new_papers": len(result.records),
        "stats": result.graph.stats(),
        "files": sorted(p.name for p in result.files),
    }
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
