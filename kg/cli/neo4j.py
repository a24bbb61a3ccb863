"""`kg neo4j load|status` and `kg cypher`: the graph in a Neo4j server."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from kg.cli.app import app, err, fail, out, progress
from kg.cli.render import FORMATS, print_rows

__all__ = ["neo4j_app", "parse_cypher_params"]

neo4j_app = typer.Typer(
    name="neo4j",
    help=(
        "Load the graph into a Neo4j server and look at it there. The server comes from NEO4J_URI, "
        "NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE (or --uri/--user/--password/--database); "
        'for a local one run: eval "$(scripts/neo4j start)"'
    ),
    no_args_is_help=True,
)
app.add_typer(neo4j_app)

Uri = Annotated[
    Optional[str], typer.Option("--uri", help="Bolt address (env NEO4J_URI; default bolt://127.0.0.1:7687).")
]
User = Annotated[Optional[str], typer.Option("--user", help="User name (env NEO4J_USERNAME; default neo4j).")]
Password = Annotated[Optional[str], typer.Option("--password", help="Password (env NEO4J_PASSWORD).")]
Database = Annotated[Optional[str], typer.Option("--database", help="Database (env NEO4J_DATABASE; default neo4j).")]


def _store(uri: str | None, user: str | None, password: str | None, database: str | None, **options: Any):
    from kg.stores.neo4j import Neo4jStore

    return Neo4jStore(uri, user, password, database, **options)


@neo4j_app.command()
def load(
    graph_dir: Annotated[Path, typer.Option("--graph", "-g", help="Folder of a built graph.")] = Path("kg-out"),
    add: Annotated[bool, typer.Option("--add", help="Load only papers the database does not have yet.")] = False,
    wipe: Annotated[
        bool, typer.Option("--wipe", help="Delete everything in the database first (asks unless --yes).")
    ] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before --wipe.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Rows (nodes + relationships) per transaction.")] = 5000,
    uri: Uri = None,
    user: User = None,
    password: Password = None,
    database: Database = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar; the summary only.")] = False,
) -> None:
    """Load a built graph into Neo4j, in batched transactions of whole papers.

    Constraints and indexes come first, then papers with their relationships and entities.
    Without --add the database ends up holding exactly this graph: loading twice changes nothing,
    papers and entities the graph lacks are removed. A load that stops half way keeps only whole
    papers: run the same command again to complete it.

    Examples:

      eval "$(scripts/neo4j start)" && kg neo4j load

      kg neo4j load --graph my-graph --add

      kg neo4j load --wipe --yes --uri bolt://127.0.0.1:7687 --password secret
    """
    from kg.stores.embedded import EmbeddedStore

    graph = EmbeddedStore(graph_dir).read()
    stats = graph.stats()
    with _store(uri, user, password, database, batch_size=batch_size) as store:
        if wipe:
            before = store.counts()
            if before["nodes"] and not yes:
                question = (
                    f"delete all {before['nodes']} nodes and {before['relationships']} relationships "
                    f"in database '{store.database}' at {store.uri}?"
                )
                if not sys.stdin.isatty():
                    raise fail(f"--wipe would {question[:-1]}; add --yes to confirm")
                typer.confirm(question, abort=True, err=True)
            store.wipe()
        with progress(f"loading into {store.database}", total=stats["papers"], quiet=quiet) as advance:
            report = store.load(graph, add=add, progress=lambda papers, _rows: advance(papers))
        after = store.counts()
    wrote = f"{report.papers} papers, {report.entities} entities and {report.relationships} relationships"
    out.print(
        f"loaded {wrote} into '{store.database}' at {store.uri} in {report.seconds:.1f} s "
        f"({report.batches} transactions): {report.rate(report.nodes):,.0f} nodes/s, "
        f"{report.rate(report.relationships):,.0f} relationships/s",
        highlight=False,
    )
    if report.skipped:
        out.print(f"skipped {report.skipped} papers already in the database (--add)", highlight=False)
    if report.pruned:
        out.print(f"removed {report.pruned} nodes the graph does not have", highlight=False)
    out.print(f"database now holds {after['nodes']} nodes and {after['relationships']} relationships", highlight=False)


@neo4j_app.command()
def status(
    uri: Uri = None,
    user: User = None,
    password: Password = None,
    database: Database = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Which server answers, and what the database holds: counts by label and type, constraints, indexes.

    Examples:

      kg neo4j status

      kg neo4j status --uri bolt://127.0.0.1:7687 --json
    """
    with _store(uri, user, password, database) as store:
        figures = {
            "uri": store.uri,
            "database": store.database,
            "server": store.server(),
            "counts": store.counts(),
            "schema": store.schema_objects(),
        }
    if as_json:
        out.print_json(data=figures)
        return
    server, counts = figures["server"], figures["counts"]
    out.print(
        f"{server['name']} {server['version']} ({server['edition']}) at {store.uri}, database '{store.database}'",
        highlight=False,
    )
    out.print(f"nodes          {counts['nodes']}\nrelationships  {counts['relationships']}")
    out.print("nodes by label:")
    for name, n in counts["labels"].items():
        out.print(f"  {name:<16} {n}")
    out.print("relationships by type:")
    for name, n in counts["types"].items():
        out.print(f"  {name:<16} {n}")
    out.print("constraints and indexes:")
    for row in figures["schema"]:
        props = ", ".join(row["properties"] or [])
        state = f" {row['state']}" if row.get("state") else ""
        out.print(
            f"  {row['name']:<14} {row['kind']} {row['type']} on {'|'.join(row['labelsOrTypes'])}({props}){state}",
            highlight=False,
        )


def parse_cypher_params(pairs: list[str]) -> dict[str, Any]:
    """``key=value`` pairs; a value that reads as JSON (numbers, true, null, lists, quoted text)
    is taken as such, anything else as text.

    >>> parse_cypher_params(["limit=5", "name=DPO", 'code="007"', "ids=[1, 2]"])
    {'limit': 5, 'name': 'DPO', 'code': '007', 'ids': [1, 2]}
    """
    params: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise fail(f"--param takes key=value, got '{pair}'")
        try:
            params[key.strip()] = json.loads(value)
        except ValueError:
            params[key.strip()] = value
    return params


@app.command()
def cypher(
    query: Annotated[str, typer.Argument(help="The Cypher query; pass values with --param, never in the text.")],
    param: Annotated[
        Optional[list[str]], typer.Option("--param", "-p", help="Parameter as key=value ($key in the query).")
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
    write: Annotated[bool, typer.Option("--write", help="Allow a query that changes the database.")] = False,
    uri: Uri = None,
    user: User = None,
    password: Password = None,
    database: Database = None,
) -> None:
    """Run an ad-hoc Cypher query against Neo4j and print its rows.

    Reads only unless --write: the server's planner is asked first (EXPLAIN) whether the query
    writes, and it runs in a read transaction.

    Examples:

      kg cypher "MATCH (m:Method)<-[:PROPOSES]-(p:Paper) RETURN m.name, p.title LIMIT 5"

      kg cypher "MATCH (e:Entity) WHERE \\$key IN e.keys RETURN e.name, e.type" --param key=dpo

      kg cypher "CALL db.index.fulltext.queryNodes('entity_names', \\$q) YIELD node, score RETURN node.name, score" --param q=preference -f json
    """
    if fmt not in FORMATS:
        raise fail(f"--format takes one of {', '.join(FORMATS)}")
    params = parse_cypher_params(param or [])
    with _store(uri, user, password, database) as store:
        columns, rows = store.run(query, params, write=write)
    print_rows(rows, columns, fmt)
    if fmt == "table":
        err.print(f"{len(rows)} row(s)", highlight=False)
