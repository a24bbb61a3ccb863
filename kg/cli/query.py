"""`kg query`: the question catalogue, on any backend."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape

from kg.cli.app import app, err, fail, out
from kg.cli.neo4j import Database, Password, Uri, User
from kg.cli.render import FORMATS, print_rows
from kg.settings import Settings


def parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise fail(f"--param takes key=value, got '{pair}'")
        params[key.strip()] = value
    return params


@app.command()
def query(
    name: Annotated[Optional[str], typer.Argument(help="Question name; see --list.", show_default=False)] = None,
    args: Annotated[
        Optional[list[str]],
        typer.Argument(help="Values for the question's required parameters, in order.", show_default=False),
    ] = None,
    list_: Annotated[bool, typer.Option("--list", "-l", help="List the questions and their parameters.")] = False,
    param: Annotated[
        Optional[list[str]], typer.Option("--param", "-p", help="Parameter as key=value. Repeatable.")
    ] = None,
    graph_dir: Annotated[
        Path, typer.Option("--graph", "-g", help="Folder of a built graph (embedded and rdf backends).")
    ] = Path("kg-out"),
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv.")] = "table",
    backend: Annotated[str, typer.Option("--backend", "-b", help="embedded (networkx), neo4j or rdf.")] = "embedded",
    endpoint: Annotated[
        Optional[str],
        typer.Option(help="SPARQL endpoint URL (implies --backend rdf; default for it: $KG_SPARQL_ENDPOINT)."),
    ] = None,
    uri: Uri = None,  # any of these four implies --backend neo4j
    user: User = None,
    password: Password = None,
    database: Database = None,
) -> None:
    """Answer a question from the catalogue.

    --backend neo4j asks a Neo4j server (NEO4J_* settings; any of --uri, --user, --password and
    --database implies it), --backend rdf the graph's RDF or a SPARQL endpoint (--endpoint
    implies it).

    Examples:

      kg query --list

      kg query methods-sharing-benchmarks --param min_shared=2

      kg query method-profile DPO --format json

      kg query connection DPO MT-Bench --backend neo4j

      kg query trends --uri bolt://127.0.0.1:7687 --password secret
    """
    from kg.stores import open_store
    from queries import CATALOGUE, get_question

    if list_ or name is None:
        for q in CATALOGUE.values():
            required = " ".join(p.name.upper() for p in q.params if p.required)
            out.print(f"[bold]{q.name}[/] {required}".rstrip(), highlight=False)
            out.print(f"    {q.description}", highlight=False)
            for p in q.params:
                default = "" if p.required else f" (default {p.default})"
                out.print(f"    --param {p.name}=...  {p.help}{default}", highlight=False)
        return
    if fmt not in FORMATS:
        raise fail(f"--format takes one of {', '.join(FORMATS)}")
    try:
        question = get_question(name)
    except KeyError as e:
        raise fail(str(e.args[0])) from None
    given = parse_params(param or [])
    required = [p.name for p in question.params if p.required]
    for key, value in zip(required, args or [], strict=False):
        given.setdefault(key, value)
    if len(args or []) > len(required):
        raise fail(
            f"'{name}' takes {len(required)} value(s) ({', '.join(required) or 'none'}); use --param for the rest"
        )
    if endpoint:
        backend = "rdf"
    elif backend == "embedded" and any(v is not None for v in (uri, user, password, database)):
        backend = "neo4j"  # as --endpoint implies rdf: a connection option is not silently ignored
    options: dict[str, Any] = {"folder": graph_dir} if backend == "embedded" else {}
    if backend == "neo4j":
        options = {"uri": uri, "user": user, "password": password, "database": database}
    if backend == "rdf":
        options = {"folder": graph_dir, "endpoint": endpoint or Settings.from_env().sparql_endpoint}
    try:
        bound = question.bind(given)
        store = open_store(backend, **options)
    except (ValueError, KeyError) as e:
        raise fail(str(e.args[0])) from None
    try:
        rows = store.ask(question, given)
    finally:
        store.close()
    print_rows(rows, question.columns, fmt)
    if not rows and question.when_empty:
        err.print(escape(question.when_empty.format(**bound)), highlight=False)
