"""`kg build`, `kg extract`, `kg explain`, `kg stats` and `kg export`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.markup import escape

from kg.cli.app import app, err, fail, out, progress
from kg.errors import KgError
from kg.exports import EXPORTERS

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from kg.model import ExtractedEntity, Paper, PaperRecord

Inputs = Annotated[
    list[Path],
    typer.Argument(
        help="Paper files or folders (HF daily-papers text, JSON, JSON Lines, arXiv Atom, OpenAlex JSON, BibTeX).",
        show_default=False,
    ),
]


def _input_format(value: str | None) -> str | None:
    """--format checked before any file is read (an unknown one ended in a traceback)."""
    from pipelines.readers import FORMATS

    if value is not None and value not in FORMATS:
        raise fail(f"--format takes one of {', '.join(FORMATS)}")
    return value


Format = Annotated[
    Optional[str],
    typer.Option(
        "--format",
        "-f",
        help="Input format, when detection guesses wrong: hf-daily, jsonl, json, openalex, arxiv, bibtex.",
        callback=_input_format,
    ),
]
Config = Annotated[
    Optional[Path],
    typer.Option(help="spaCy pipeline config to use instead of the bundled pipelines/extraction/config.cfg."),
]
Catalogue = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--catalogue",
        help="Extra catalogue file(s) of known entities (JSON Lines like pipelines/data/catalogue.jsonl). Repeatable.",
    ),
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or problem list; the summary only.")]
GraphDir = Annotated[Path, typer.Option("--graph", "-g", help="Folder of a built graph.")]


def _report_problems(report, quiet: bool, limit: int = 20) -> None:
    if quiet:
        return
    for problem in report.problems[:limit]:
        err.print(f"[yellow]{escape(str(problem))}[/]", highlight=False)
    if len(report.problems) > limit:
        err.print(f"... and {len(report.problems) - limit} more (all listed in manifest.json)")


@app.command()
def build(
    inputs: Inputs,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("kg-out"),
    fmt: Format = None,
    add: Annotated[
        bool, typer.Option("--add", help="Add new papers to the graph already in --out instead of rebuilding it.")
    ] = False,
    min_confidence: Annotated[
        float, typer.Option(min=0.0, max=1.0, help="Drop extracted links below this confidence.")
    ] = 0.0,
    config: Config = None,
    catalogue: Catalogue = None,
    viz: Annotated[bool, typer.Option(help="Also write graph.html, an interactive view.")] = True,
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes.")] = 1,
    quiet: Quiet = False,
) -> None:
    """Extract entities from papers, resolve them across papers and write the knowledge graph.

    Writes into --out: graph.json (the embedded store, node-link JSON), graph.graphml
    (Gephi, yEd), graph.ttl (RDF Turtle), neo4j-import/ (CSV for neo4j-admin import),
    extractions.jsonl (what was found in each paper), graph.html (interactive view) and
    manifest.json (run information). Rebuilding the same input gives identical files.

    Examples:

      kg build examples/hf-daily-papers-alignment.txt

      kg build papers/ --out my-graph --min-confidence 0.6

      kg build new-papers.jsonl --out my-graph --add
    """
    from kg import api
    from pipelines.readers import ReadReport

    report = ReadReport()
    try:
        with progress("extracting", quiet=quiet) as advance:
            result = api.build(
                inputs,
                out=out_dir,
                fmt=fmt,
                add=add,
                min_confidence=min_confidence,
                config=str(config) if config else None,
                catalogue=[str(c) for c in catalogue or []],
                on_record=lambda _r: advance(),
                report=report,
                n_process=workers,
            )
    except KgError:
        _report_problems(report, quiet=False)
        raise
    if viz:
        try:
            from kg.viz import write_view

            path = write_view(result.graph, out_dir / "graph.html")
            result.files.append(path)
        except ImportError:
            pass
    _report_problems(report, quiet)
    stats = result.graph.stats()
    err.print(f"[green]{report.summary()}[/]", highlight=False)
    if add:
        new = len(result.records)
        err.print(f"added {new} new paper(s); {report.read - new} were in the graph already", highlight=False)
    out.print(
        f"graph: {stats['papers']} papers, {stats['entities']} entities, {stats['edges']} links "
        f"-> {out_dir}/ ({', '.join(sorted(p.name for p in result.files))})",
        highlight=False,
        markup=False,
    )


@app.command()
def extract(
    inputs: Inputs,
    out_file: Annotated[
        Optional[Path], typer.Option("--out", "-o", help="JSON Lines file to write (default: standard output).")
    ] = None,
    fmt: Format = None,
    config: Config = None,
    catalogue: Catalogue = None,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Add to each entity the rules that decided its type and role (for debugging: the "
            "file grows by about 75%). `kg explain` prints the same as text.",
        ),
    ] = False,
    quiet: Quiet = False,
) -> None:
    """Extract entities and roles from papers and write one JSON line per paper (no graph).

    Each line: {"paper": {id, title, date, url, authors_count, organizations},
    "entities": [{type, name, aliases, role, confidence, evidence: [{sentence, start, end}]}]}

    --explain adds to each entity why it got its type and role: the rule that decided each (a
    function in pipelines/extraction/; grep its name) and the sentence that decided the role.
    For "We propose ZorbNet, a network for games." ZorbNet gets:

      "explain": {"found_by": ["named", "shape"],
                  "type": {"value": "Method", "kind": "cue", "by": "entity_types._apposition"},
                  "role": {"value": "proposed", "by": "roles._explained_in_proposal",
                           "sentence": "We propose ZorbNet, a network for games."}}

    A rule that changed a value later is "by", and what it replaced is kept under "overrode".
    --explain is for debugging a wrong type or role: it makes the file about 75% larger. Without
    it, the output is exactly as before. `kg explain` prints the same as text.

    Examples:

      kg extract papers.jsonl --out extractions.jsonl

      kg extract papers.jsonl --explain --out explained.jsonl
    """
    from kg import api
    from pipelines.readers import ReadReport

    report = ReadReport()
    papers = api.read(inputs, fmt, report)
    records = _extract(papers, config, catalogue, explain)
    sink = out_file.open("w", encoding="utf-8") if out_file else sys.stdout
    try:
        with progress("extracting", quiet=quiet or out_file is None) as advance:
            for record in records:
                sink.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
                advance()
    finally:
        if out_file:
            sink.close()
    _report_problems(report, quiet)
    err.print(report.summary(), highlight=False)
    if report.read == 0:
        raise KgError.nothing_read(report.summary())


@app.command("explain")
def explain_papers(
    inputs: Inputs,
    paper: Annotated[
        Optional[str],
        typer.Option("--paper", "-p", help="Only the paper with this id, or whose title contains this (any case)."),
    ] = None,
    fmt: Format = None,
    config: Config = None,
    catalogue: Catalogue = None,
) -> None:
    """Print why each entity found in the papers got its type and role: `kg extract --explain`
    as text, to find the rule behind a wrong type or role.

    Per entity: its name, its type and the rule that decided it (with how sure the type is:
    catalogue, cue, list or default), its role and the rule that decided it, and the sentence
    that decided the role. Rules are functions in pipelines/extraction/ ("roles._title_subject";
    "roles.role_of:benchmark" is the line of role_of that writes that name); a name starting
    "kg_" is a whole component.

    Examples:

      kg explain papers.jsonl --paper ZorbNet

      kg explain papers.jsonl --paper arxiv:2305.18290
    """
    from kg import api
    from pipelines.readers import ReadReport

    report = ReadReport()
    papers = [p for p in api.read(inputs, fmt, report) if _matches(p, paper)]
    _report_problems(report, quiet=False)
    if not papers:
        raise fail(f"no paper matches '{paper}'" if paper and report.read else report.summary())
    records = _extract(papers, config, catalogue, explain=True)
    for record in records:
        out.print(f"{record.paper.id}  {record.paper.title}", markup=False, highlight=False)
        for entity in record.entities:
            out.print("\n".join(_explained(entity)), markup=False, highlight=False)


def _extract(
    papers: Iterable[Paper], config: Path | None, catalogue: list[Path] | None, explain: bool
) -> Iterator[PaperRecord]:
    """`kg extract` and `kg explain`: the records of ``papers`` from the options' pipeline."""
    from kg import api

    return api.extract(papers, str(config) if config else None, [str(c) for c in catalogue or []], explain)


def _matches(paper: Paper, wanted: str | None) -> bool:
    return wanted is None or paper.id == wanted or wanted.lower() in paper.title.lower()


def _decider(part: dict) -> str:
    """ "by roles._built_on, over proposed by roles._proposed:our": the rule, and what it overrode."""
    text = f"by {part['by']}" + (f" ({part['kind']})" if part.get("kind") not in (None, part["by"]) else "")
    if "from" in part:
        text += f" from {part['from']['name']} {_decider(part['from'])}"
    if "overrode" in part:
        text += f", over {part['overrode']['value']} {_decider(part['overrode'])}"
    return text


def _chain(part: dict) -> list[dict]:
    """A decision, then where its value came from, then what it overrode: the first with a
    sentence shows where the deciding words are."""
    return [
        part,
        *(_chain(part["from"]) if "from" in part else []),
        *(_chain(part["overrode"]) if "overrode" in part else []),
    ]


def _explained(entity: ExtractedEntity) -> list[str]:
    why = entity.explain
    lines = [f"  {entity.name}" + (f"  (also: {', '.join(entity.aliases)})" if entity.aliases else "")]
    lines.append(f"    type  {entity.type:<13} {_decider(why['type'])}")
    lines.append(f"    role  {entity.role:<13} {_decider(why['role'])}")
    sentence = next((p["sentence"] for p in _chain(why["role"]) if p.get("sentence")), None)
    if sentence:
        lines.append(f'          "{sentence}"')
    return lines


@app.command()
def stats(
    graph_dir: GraphDir = Path("kg-out"),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Count papers, entities by type and links by role in a built graph.

    Examples:

      kg stats

      kg stats --graph my-graph --json
    """
    from kg import api

    figures = api.load(graph_dir).stats()
    if as_json:
        out.print_json(data=figures)
        return
    out.print(f"papers    {figures['papers']}\nentities  {figures['entities']}\nlinks     {figures['edges']}")
    out.print("entities by type:")
    for name, n in figures["entities_by_type"].items():
        out.print(f"  {name:<13} {n}")
    out.print("links by role:")
    for name, n in figures["edges_by_role"].items():
        out.print(f"  {name:<13} {n}")


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help=f"One of: {', '.join(EXPORTERS)}.")],
    graph_dir: GraphDir = Path("kg-out"),
    target: Annotated[
        Optional[Path],
        typer.Option("--out", "-o", help="File (or folder for neo4j-csv); default: in the graph folder."),
    ] = None,
) -> None:
    """Write a built graph in another format: turtle, ntriples, jsonld, graphml, node-link, neo4j-csv.

    Examples:

      kg export --format jsonld

      kg export --graph my-graph --format ntriples --out my-graph.nt
    """
    from kg import api

    if fmt not in EXPORTERS:
        raise fail(f"unknown format '{fmt}'; choose one of {', '.join(EXPORTERS)}")
    path = api.export(api.load(graph_dir), fmt, target or graph_dir / EXPORTERS[fmt][1])
    out.print(f"wrote {path}", highlight=False, markup=False)
