"""`kg serve` (a read-only SPARQL endpoint over a built graph) and `kg sparql` (one ad-hoc query)."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.cli.app import app, err, fail, out
from kg.cli.render import FORMATS, print_rows
from kg.settings import Settings

GraphDir = Annotated[Path, typer.Option("--graph", "-g", help="Folder of a built graph (reads graph.ttl or graph.nt).")]


@app.command()
def serve(
    graph_dir: GraphDir = Path("kg-out"),
    host: Annotated[str, typer.Option(help="Address to listen on; other than localhost, others can connect.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port; 0 picks a free one.")] = 7878,
    cors: Annotated[
        Optional[str], typer.Option(help="Let web pages from this origin query the endpoint ('*' for any).")
    ] = None,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds a query may run before it is stopped.")] = 20.0,
    max_results: Annotated[int, typer.Option(min=1, help="Most rows (or triples) one query may return.")] = 10_000,
    workers: Annotated[int, typer.Option(min=1, help="Queries answered at the same time (one process each).")] = 2,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Do not log requests.")] = False,
) -> None:
    """Serve the built graph as a read-only SPARQL 1.1 endpoint, with a query page.

    GET or POST SPARQL to /sparql; results as SPARQL JSON, XML, CSV or TSV (and
    CONSTRUCT/DESCRIBE as Turtle, JSON-LD, N-Triples or RDF/XML) by the Accept header.
    Updates and SERVICE are refused; each query has a time and a result-size limit.

    Examples:

      kg serve

      kg serve --graph my-graph --port 8080 --timeout 5

      kg serve --host 0.0.0.0 --cors https://example.org
    """
    from kg.endpoint import Limits, SparqlServer, is_local
    from kg.stores.rdf import RdfStore

    graph_file = RdfStore(graph_dir).graph_file()
    if not is_local(host):
        err.print(f"[yellow]warning:[/] listening on {host}: other machines can query this endpoint", highlight=False)
    try:
        server = SparqlServer(
            graph_dir,
            graph_file,
            host=host,
            port=port,
            limits=Limits(timeout=timeout, max_results=max_results, cors=cors),
            workers=workers,
            log=None if quiet else lambda line: err.print(line, highlight=False, markup=False),
        )
    except OSError as e:
        raise fail(f"cannot listen on {host}:{port}: {e.strerror or e}; choose another --port") from None
    except RuntimeError as e:
        raise fail(str(e)) from None
    base = server.url.removesuffix("sparql")
    out.print(f"SPARQL endpoint {server.url}", highlight=False)
    out.print(
        f"  {server.pool.triples} triples from {graph_file}; query page {base}"
        f"; limits {timeout:g} s and {max_results} results per query; Ctrl+C stops",
        highlight=False,
    )
    sys.stdout.flush()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


@app.command()
def sparql(
    query: Annotated[str, typer.Argument(help="The query; '-' reads it from stdin, '@FILE' from a file.")],
    graph_dir: GraphDir = Path("kg-out"),
    endpoint: Annotated[
        Optional[str],
        typer.Option(help="Query this SPARQL endpoint instead of --graph (default: $KG_SPARQL_ENDPOINT)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
) -> None:
    """Run one SPARQL query on the built graph (embedded) or on an endpoint and print the rows.

    ASK prints one 'ask' column; CONSTRUCT and DESCRIBE print subject, predicate, object.

    Examples:

      kg sparql "SELECT ?name WHERE { ?m a kgo:Method ; rdfs:label ?name } LIMIT 5"

      kg sparql @question.rq --endpoint http://127.0.0.1:7878/sparql --format json
    """
    from kg.sparql import with_prefixes
    from kg.stores.rdf import RdfStore

    if fmt not in FORMATS:
        raise fail(f"--format takes one of {', '.join(FORMATS)}")
    if query == "-":
        query = sys.stdin.read()
    elif query.startswith("@"):
        try:
            query = Path(query[1:]).read_text(encoding="utf-8")
        except OSError as e:
            raise fail(f"cannot read the query file {query[1:]}: {e.strerror}") from None
    store = RdfStore(graph_dir, endpoint=endpoint or Settings.from_env().sparql_endpoint)
    try:
        prefixed = with_prefixes(query)
        rows = store.query(prefixed, prologue_lines=prefixed.count("\n") - query.count("\n"))
    finally:
        store.close()
    print_rows(rows, list(rows[0]) if rows else None, fmt)
