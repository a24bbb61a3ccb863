"""The RDF store: the graph as triples, questioned in SPARQL.

Embedded, it loads the build folder's ``graph.ttl`` (or ``graph.nt``) into an in-memory
pyoxigraph store: on the sample corpus pyoxigraph answers ``methods-sharing-benchmarks``
over a thousand times faster than rdflib's SPARQL engine (figures in docs/rdf-sparql.md).
With ``endpoint=URL`` the same queries go to any SPARQL 1.1 endpoint over HTTP.

Question rows follow two conventions of the queries in ``queries/``: a parameter is read
from ``?param_<name>`` (and its match key from ``?param_<name>_key``), bound as escaped
terms by :func:`kg.sparql.bind_params`; a list column ``<column>`` comes back as
``?<column>_list``, items URI-encoded and joined by spaces (see :func:`kg.sparql.decode_list`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.graph import KnowledgeGraph
from kg.sparql import (
    XSD,
    bind_params,
    bind_values,
    decode_list,
    entity_named,
    inline_terms,
    json_term,
    sparql,
    sparql_iri,
    sparql_literal,
    syntax_message,
)
from kg.stores.base import GraphStore
from queries.base import Question

__all__ = ["GRAPH_FILES", "NEEDS_PROCEDURE", "RdfStore", "bound_query", "question_rows", "term_value"]

GRAPH_FILES = ("graph.ttl", "graph.nt")
_NUMBERS = {f"{XSD}{t}": int for t in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger")}
_NUMBERS.update({f"{XSD}decimal": float, f"{XSD}double": float, f"{XSD}float": float})

# The entity a name or alias stands for, chosen as queries.base.entity_by_name does.
ENTITY_BY_NAME = sparql(f"""
    SELECT ?entity ?label ?kind
    WHERE {{{entity_named("entity", "param_name_key")}
      ?entity a ?class .
      FILTER (?class IN (kgo:Method, kgo:Model, kgo:Dataset, kgo:Benchmark, kgo:Task, kgo:Metric, kgo:Organization))
      BIND (STRAFTER(STR(?class), "#") AS ?kind)
      OPTIONAL {{ ?entity rdfs:label ?label }}
    }}
""")


# The paper a reference names: the node "paper:<id>", else the id itself, else the exact title
# ignoring case and surrounding spaces, as queries.base.paper_by_ref chooses (titles are
# unique in a graph: readers and `--add` merge papers by normalised title).
PAPER_BY_REF = sparql(r"""
    SELECT ?paper
    WHERE {
      BIND (LCASE(REPLACE(?param_paper, "^\\s+|\\s+$", "")) AS ?wanted_title)
      BIND (IF(STRSTARTS(?param_paper, "paper:"), STRAFTER(?param_paper, "paper:"), "") AS ?node_id)
      OPTIONAL { ?by_node a kgo:Paper ; dcterms:identifier ?node_id }
      OPTIONAL { ?by_id a kgo:Paper ; dcterms:identifier ?param_paper }
      OPTIONAL {
        ?by_title a kgo:Paper ; schema:name ?title_found .
        FILTER (LCASE(?title_found) = ?wanted_title)
      }
      BIND (COALESCE(?by_node, ?by_id, ?by_title) AS ?paper)
      FILTER (BOUND(?paper))
    }
    ORDER BY ?paper
    LIMIT 1
""")


def bound_query(question: Question, params: dict[str, Any]) -> str:
    """The question's SPARQL with ``params`` (already checked by ``question.bind``) bound."""
    return bind_params(question.sparql, params)


def question_rows(question: Question, names: list[str], bindings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """SPARQL JSON bindings as the question's rows: ``?<column>_list`` decoded into a list."""
    rows = []
    for b in bindings:
        row = {}
        for column in question.columns:
            if f"{column}_list" in names:
                row[column] = decode_list(b.get(f"{column}_list", {}).get("value"))
            else:
                row[column] = term_value(b.get(column))
        rows.append(row)
    return rows


def term_value(term: dict[str, str] | None) -> Any:
    """A SPARQL JSON result term as a Python value: numbers as numbers, the rest as text."""
    if term is None:
        return None
    if term["type"] == "literal" and term.get("datatype") in _NUMBERS:
        try:
            return _NUMBERS[term["datatype"]](term["value"])
        except ValueError:
            return term["value"]
    if term["type"] == "literal" and term.get("datatype") == f"{XSD}boolean":
        return term["value"] in ("true", "1")
    return term["value"] if term["type"] != "bnode" else f"_:{term['value']}"


def _triple_row(triple: Any) -> dict[str, Any]:
    return {
        "subject": term_value(json_term(triple.subject)),
        "predicate": triple.predicate.value,
        "object": term_value(json_term(triple.object)),
    }


class RdfStore(GraphStore):
    """Embedded pyoxigraph over the build folder's RDF, or a remote SPARQL endpoint."""

    name = "rdf"

    def __init__(self, folder: str | Path = "kg-out", endpoint: str | None = None, timeout: float = 120.0) -> None:
        self.folder = Path(folder)
        self.endpoint = endpoint
        self.timeout = timeout
        self._store: Any = None
        self._session: Any = None

    # -- files ------------------------------------------------------------------------------
    def graph_file(self) -> Path:
        """The RDF file to load: the newer of graph.ttl and graph.nt."""
        found = [self.folder / name for name in GRAPH_FILES if (self.folder / name).exists()]
        if not found:
            raise KgError.no_graph(self.folder)
        return max(found, key=lambda p: p.stat().st_mtime_ns)

    def write(self, graph: KnowledgeGraph, add: bool = False) -> None:
        from kg.rdf import write_rdf

        if self.endpoint:
            raise KgError.endpoint_read_only(self.endpoint)
        if add and any((self.folder / name).exists() for name in GRAPH_FILES):
            graph = KnowledgeGraph(self.read().nx.copy()).merge(graph)
        self.folder.mkdir(parents=True, exist_ok=True)
        write_rdf(graph, self.folder / GRAPH_FILES[0], "turtle")
        stale = self.folder / GRAPH_FILES[1]
        if stale.exists():
            write_rdf(graph, stale, "nt")
        self._store = None

    def read(self) -> KnowledgeGraph:
        from rdflib import Graph

        from kg.rdf import from_rdf

        if self.endpoint:
            text = self._post("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples").text
            return from_rdf(Graph().parse(data=text, format="nt"))
        path = self.graph_file()
        return from_rdf(Graph().parse(path, format="nt" if path.suffix == ".nt" else "turtle"))

    def oxigraph(self) -> Any:
        """The loaded in-memory pyoxigraph store (embedded mode)."""
        import pyoxigraph as ox

        if self._store is None:
            path = self.graph_file()
            store = ox.Store()
            store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix.lstrip(".")))
            self._store = store
        return self._store

    # -- querying ---------------------------------------------------------------------------
    def select(self, query: str) -> tuple[list[str], list[dict[str, dict[str, str]]]]:
        """Variables and SPARQL-JSON bindings of a SELECT query, embedded or remote."""
        if self.endpoint:
            data = self._post(query, "application/sparql-results+json").json()
            return data["head"].get("vars", []), data["results"]["bindings"]
        try:
            solutions = self.oxigraph().query(query)
        except SyntaxError as e:
            raise KgError.sparql_syntax(e) from None
        names = [v.value for v in solutions.variables]
        rows = [{n: json_term(s[n]) for n in names if s[n] is not None} for s in solutions]
        return names, rows

    def query(self, query: str, prologue_lines: int = 0) -> list[dict[str, Any]]:
        """Rows of an ad-hoc SELECT (one ``ask`` column for ASK, subject/predicate/object for
        CONSTRUCT and DESCRIBE) with plain Python values. ``prologue_lines`` were added before the
        person's query (:func:`kg.sparql.with_prefixes`): a parse error counts its lines without them."""
        import pyoxigraph as ox

        if self.endpoint:
            return self._remote_query(query)
        try:
            result = self.oxigraph().query(query)
        except SyntaxError as e:
            raise KgError.sparql_syntax(syntax_message(e, prologue_lines)) from None
        if isinstance(result, ox.QueryBoolean):
            return [{"ask": bool(result)}]
        if isinstance(result, ox.QueryTriples):
            return [_triple_row(t) for t in result]
        names = [v.value for v in result.variables]
        return [{n: term_value(json_term(s[n]) if s[n] is not None else None) for n in names} for s in result]

    def _remote_query(self, query: str) -> list[dict[str, Any]]:
        response = self._post(query, "application/sparql-results+json, application/n-triples;q=0.9")
        if "json" in response.headers.get("Content-Type", ""):
            data = response.json()
            if "boolean" in data:
                return [{"ask": data["boolean"]}]
            names = data["head"].get("vars", [])
            return [{n: term_value(b.get(n)) for n in names} for b in data["results"]["bindings"]]
        import pyoxigraph as ox

        return [_triple_row(t) for t in ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES)]

    def _post(self, query: str, accept: str) -> Any:
        import requests

        if self._session is None:
            self._session = requests.Session()
        try:
            response = self._session.post(
                self.endpoint, data={"query": query}, headers={"Accept": accept}, timeout=self.timeout
            )
        except requests.RequestException as e:
            raise KgError.endpoint_unreachable(self.endpoint, e) from None
        if response.status_code >= 400:
            detail = response.text.strip().splitlines()[0][:300] if response.text.strip() else response.reason
            raise KgError.endpoint_status(self.endpoint, response.status_code, detail)
        return response

    def rows(self, question: Question, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Raw rows of ``question`` (before its shared ``finish``), parameters bound as VALUES."""
        if question.sparql is None:
            raise KgError.no_backend_form(question.name, "SPARQL")
        procedure = PROCEDURES.get(question.name)
        if procedure is not None:
            return procedure(self, question, params)
        return question_rows(question, *self.select(bound_query(question, params)))

    def ask(self, question: Question, params: dict[str, Any]) -> list[dict[str, Any]]:
        params = question.bind(params)
        rows = self.rows(question, params)
        return question.finish(rows, params) if question.finish else rows

    def close(self) -> None:
        if self._session is not None:
            self._session.close()
            self._session = None


# -- questions that need a loop around their SPARQL --------------------------------------


def _entity(store: RdfStore, name: str) -> tuple[str, str, str] | None:
    _, rows = store.select(bind_params(ENTITY_BY_NAME, {"name": name}))
    if not rows:
        return None
    row = rows[0]
    return row["entity"]["value"], _label(row), row["kind"]["value"]


def _label(row: dict[str, dict[str, str]], key: str = "entity") -> str:
    from kg.rdf import node_id

    label = row.get("label", {}).get("value")
    return label or node_id(row[key]["value"])


def connection(store: RdfStore, question: Question, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Shortest path by breadth-first search, one SPARQL step query per level; of all shortest
    paths the one whose label sequence sorts first (:func:`queries.connection.shortest_path`)."""
    from queries.connection import shortest_path

    start, end = _entity(store, params["a"]), _entity(store, params["b"])
    if start is None or end is None or start[0] == end[0]:
        return []
    labels, kinds = {start[0]: start[1], end[0]: end[1]}, {start[0]: start[2], end[0]: end[2]}
    roles: dict[tuple[str, str], str] = {}

    def step(frontier: list[str]) -> list[tuple[str, str, str]]:
        _, rows = store.select(bind_values(question.sparql, {"node": [sparql_iri(n) for n in frontier]}))
        links = []
        for row in rows:
            node, nxt, role = row["node"]["value"], row["next"]["value"], row["role"]["value"]
            labels.setdefault(nxt, _label(row, "next"))
            kinds.setdefault(nxt, row["kind"]["value"])
            roles[node, nxt] = roles[nxt, node] = role  # a link is walked either way
            links.append((node, nxt, role))
        return links

    path = shortest_path(start[0], end[0], step, labels.__getitem__, params["max_hops"])
    if path is None:
        return []
    return [
        {
            "step": i,
            "node": labels[node],
            "kind": kinds[node],
            "role": roles[path[i - 1], node] if i else None,
        }
        for i, node in enumerate(path)
    ]


# The first month after ?after with papers, and the papers of ?month: the questions that go
# month by month read only the months they need (a date-ordered page of papers cost 1.8 s on
# 100,000 papers, these 0.1 s each).
NEXT_MONTH = sparql("""
    SELECT (MIN(SUBSTR(STR(?date), 1, 7)) AS ?month)
    WHERE {
      ?paper a kgo:Paper ; schema:datePublished ?date .
      FILTER (STRLEN(STR(?date)) >= 7 && SUBSTR(STR(?date), 1, 7) > ?after)
    }
""")
MONTH_PAPERS = sparql("""
    SELECT ?paper
    WHERE {
      ?paper a kgo:Paper ; schema:datePublished ?date .
      FILTER (STRSTARTS(STR(?date), ?month))
    }
""")
# Papers bound per query: pyoxigraph joins a longer VALUES list by a plan that reads the whole
# graph (2,800 papers of one month on a 100k-paper graph took over 20 s, 1,000 took 0.15 s).
VALUES_CHUNK = 500


def papers_by_month(store: RdfStore) -> Iterator[tuple[str, list[str]]]:
    """(month, paper IRIs) pairs, earliest month first, one month at a time."""
    month = ""
    while True:
        _, rows = store.select(inline_terms(NEXT_MONTH, {"after": sparql_literal(month)}))
        month = rows[0].get("month", {}).get("value", "") if rows else ""
        if not month:
            return
        _, found = store.select(inline_terms(MONTH_PAPERS, {"month": sparql_literal(month)}))
        yield month, [sparql_iri(row["paper"]["value"]) for row in found]


def trends(store: RdfStore, question: Question, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Month by month, earliest first, until the limit is filled, as the networkx form goes:
    with a month's papers bound the counts read only their mentions (the whole-graph
    aggregate took over 10 s on 100,000 papers). Counts of a month's chunks add up, as the
    chunks hold different papers."""
    query = bound_query(question, params)
    rows: list[dict[str, Any]] = []
    for _, papers in papers_by_month(store):
        counts: dict[str, dict[str, Any]] = {}
        for i in range(0, len(papers), VALUES_CHUNK):
            names, found = store.select(bind_values(query, {"paper": papers[i : i + VALUES_CHUNK]}))
            for binding, row in zip(found, question_rows(question, names, found), strict=True):
                seen = counts.setdefault(binding["node"]["value"], row)
                if seen is not row:
                    seen["papers"] += row["papers"]
        rows += counts.values()
        if sum(r["papers"] >= params["min_papers"] for r in rows) >= params["limit"]:
            break
    return rows


def method_profile(store: RdfStore, question: Question, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Look the entity up, then ask with it written in place: pyoxigraph evaluates each UNION
    branch on its own, so a shared variable would have them read every entity (4.5 s on
    100,000 papers; 0.05 s on 10,000 anchored, against 1 s)."""
    found = _entity(store, params["name"])
    if found is None:
        return []
    query = inline_terms(bound_query(question, params), {"entity": sparql_iri(found[0])})
    return question_rows(question, *store.select(query))


def related_papers(store: RdfStore, question: Question, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Look the paper up, then ask the question with it bound: anchored, the query reads one
    paper's neighbourhood instead of every pair of mentions. Embedded, only the rows the
    limit keeps come back (a paper naming a popular method shares it with thousands)."""
    _, found = store.select(bind_params(PAPER_BY_REF, {"paper": params["paper"]}))
    if not found:
        return []
    query = bind_values(question.sparql, {"this": sparql_iri(found[0]["paper"]["value"])})
    if not store.endpoint:  # pyoxigraph orders strings as Python does; another endpoint may collate
        query += f"LIMIT {int(params['limit'])}\n"
    return question_rows(question, *store.select(query))


PROCEDURES: dict[str, Callable[[RdfStore, Question, dict[str, Any]], list[dict[str, Any]]]] = {
    "connection": connection,
    "method-profile": method_profile,
    "related-papers": related_papers,
    "trends": trends,
}
# Questions whose SPARQL reads a variable only their procedure binds (?node, ?this); the
# others' SPARQL also answers whole on its own, the procedure only makes it faster.
NEEDS_PROCEDURE = frozenset({"connection", "related-papers"})
