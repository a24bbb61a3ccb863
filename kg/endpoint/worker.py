"""Query workers: each is a separate process holding the graph in an in-memory pyoxigraph store.

A query runs in a worker so a time limit can be enforced for real: a query past its limit
has its process killed (a thread cannot be stopped, and pyoxigraph may hold the GIL), and
a fresh worker takes its place. The worker also applies the result-size limit and does the
serialization, so the HTTP side only moves bytes.
"""

from __future__ import annotations

import json
import multiprocessing
import queue
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from kg.sparql import PREFIXES, json_term, syntax_message

__all__ = ["GRAPH_FORMATS", "RESULT_FORMATS", "Reply", "Request", "WorkerPool", "negotiate"]

# media type -> pyoxigraph format name, first one the default
RESULT_FORMATS = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_FORMATS = {
    "text/turtle": "TURTLE",
    "application/turtle": "TURTLE",
    "application/x-turtle": "TURTLE",
    "application/ld+json": "JSON_LD",
    "application/json": "JSON_LD",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/xml": "RDF_XML",
}
# ?format=json and the like, for clients that cannot set headers (a link in a browser)
SHORT_NAMES = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"),
    "ttl": (None, "text/turtle"),
    "jsonld": (None, "application/ld+json"),
    "json-ld": (None, "application/ld+json"),
    "nt": (None, "application/n-triples"),
    "ntriples": (None, "application/n-triples"),
}


@dataclass(frozen=True)
class Request:
    query: str
    accept: str = "*/*"
    max_results: int = 10_000
    default_graph: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def error(cls, status: int, message: str) -> Reply:
        return cls(status, "text/plain; charset=utf-8", (message.rstrip() + "\n").encode("utf-8"))


def negotiate(accept: str, formats: dict[str, str]) -> str | None:
    """The media type of ``formats`` that ``accept`` prefers (q-values, wildcards), or None.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", RESULT_FORMATS)
    'application/sparql-results+xml'
    >>> negotiate("text/html,*/*;q=0.8", GRAPH_FORMATS)
    'text/turtle'
    """
    ranges = []
    for position, part in enumerate((accept or "*/*").split(",")):
        media, *options = (p.strip() for p in part.split(";"))
        q = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranges.append((-q, position, media.lower()))
    for _, _, media in sorted(ranges):
        if media in formats:
            return media
        major = media.split("/")[0]
        for candidate in formats:
            if media == "*/*" or (media.endswith("/*") and candidate.startswith(major + "/")):
                return candidate
    return None


def _too_many(limit: int, what: str) -> Reply:
    return Reply.error(
        422,
        f"the result has more than {limit} {what}, this endpoint's limit: add a LIMIT or narrow the query "
        "(the operator can raise it with kg serve --max-results)",
    )


def run_query(store: Any, request: Request) -> Reply:
    """Run one query against ``store`` and serialize the result as ``request.accept`` asks."""
    import pyoxigraph as ox

    options: dict[str, Any] = {}
    if request.default_graph:
        options["default_graph"] = [ox.NamedNode(g) for g in request.default_graph]
    if request.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in request.named_graphs]
    try:
        result = store.query(request.query, **options)
        if isinstance(result, ox.QueryTriples):
            media = negotiate(request.accept, GRAPH_FORMATS)
            if media is None:
                return Reply.error(406, f"CONSTRUCT and DESCRIBE results come as {', '.join(GRAPH_FORMATS)}")
            triples = []
            for triple in result:
                triples.append(triple)
                if len(triples) > request.max_results:
                    return _too_many(request.max_results, "triples")
            fmt = getattr(ox.RdfFormat, GRAPH_FORMATS[media])
            # kg: is left out: our IRIs' slashes would need escaping in prefixed names
            prefixes = {p: iri for p, iri in PREFIXES.items() if p != "kg"} if fmt == ox.RdfFormat.TURTLE else None
            body = ox.serialize(triples, format=fmt, prefixes=prefixes)
            return Reply(200, f"{media}; charset=utf-8", body)
        media = negotiate(request.accept, RESULT_FORMATS)
        if media is None:
            return Reply.error(406, f"SELECT and ASK results come as {', '.join(RESULT_FORMATS)}")
        fmt = getattr(ox.QueryResultsFormat, RESULT_FORMATS[media])
        if isinstance(result, ox.QueryBoolean):
            return Reply(200, f"{media}; charset=utf-8", result.serialize(format=fmt))
        names = [v.value for v in result.variables]
        bindings = []
        for solution in result:
            bindings.append({n: json_term(solution[n]) for n in names if solution[n] is not None})
            if len(bindings) > request.max_results:
                return _too_many(request.max_results, "rows")
        body = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}, ensure_ascii=False).encode()
        if fmt != ox.QueryResultsFormat.JSON:
            body = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON).serialize(format=fmt)
        return Reply(200, f"{media}; charset=utf-8", body)
    except SyntaxError as e:
        return Reply.error(400, f"the query does not parse: {syntax_message(e)}")
    except (OSError, RuntimeError, ValueError, TypeError) as e:
        return Reply.error(500, f"the query failed: {e}")


def load_store(files: list[tuple[str, str | None]]) -> Any:
    """An in-memory store with each (path, graph IRI or None for the default graph) loaded."""
    import pyoxigraph as ox

    store = ox.Store()
    for path, graph in files:
        fmt = ox.RdfFormat.from_extension(Path(path).suffix.lstrip("."))
        store.load(path=path, format=fmt, to_graph=ox.NamedNode(graph) if graph else None)
    return store


def worker_main(conn: Connection, files: list[tuple[str, str | None]]) -> None:
    """A worker process: load the graph once, then answer requests until the pipe closes."""
    try:
        store = load_store(files)
    except Exception as e:  # report any load failure to the parent, which prints it
        conn.send(("failed", f"{type(e).__name__}: {e}"))
        return
    triples = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value
    conn.send(("ready", int(triples)))  # in the default graph: the data, without the ontology
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(run_query(store, request))


class _Worker:
    def __init__(self, files: list[tuple[str, str | None]]) -> None:
        context = multiprocessing.get_context("spawn")  # safe beside the server's threads
        self.conn, child = context.Pipe()
        self.process = context.Process(target=worker_main, args=(child, files), daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> int:
        if not self.conn.poll(timeout):
            self.kill()
            raise RuntimeError(f"the query worker did not load the graph within {timeout:.0f} s")
        status, detail = self.conn.recv()
        if status != "ready":
            self.kill()
            raise RuntimeError(f"the query worker could not load the graph: {detail}")
        return detail

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class WorkerPool:
    """A few worker processes; a query past ``timeout`` seconds kills its worker."""

    def __init__(self, files: list[tuple[str, str | None]], size: int = 2, timeout: float = 20.0) -> None:
        self.files, self.timeout = files, timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._closed = False
        workers = [_Worker(files) for _ in range(max(1, size))]
        try:
            self.triples = max(w.wait_ready(timeout=300) for w in workers)
        except RuntimeError:
            for w in workers:
                w.kill()
            raise
        for w in workers:
            self._idle.put(w)
        self._size = len(workers)

    def _replace(self) -> None:
        try:
            worker = _Worker(self.files)
            worker.wait_ready(timeout=300)
        except RuntimeError:
            return
        if self._closed:
            worker.kill()
        else:
            self._idle.put(worker)

    def run(self, request: Request) -> Reply:
        started = time.monotonic()
        try:
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            return Reply.error(503, f"all {self._size} query workers are busy; try again shortly")
        remaining = max(0.1, self.timeout - (time.monotonic() - started))
        try:
            worker.conn.send(request)
            if worker.conn.poll(remaining):
                reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError, BrokenPipeError):
            worker.kill()
            threading.Thread(target=self._replace, daemon=True).start()
            return Reply.error(500, "the query worker stopped unexpectedly; the query was not answered")
        worker.kill()
        threading.Thread(target=self._replace, daemon=True).start()
        return Reply.error(
            503,
            f"the query ran past this endpoint's time limit of {self.timeout:g} s and was stopped: "
            "narrow it down (more specific patterns, a LIMIT) or ask the operator for a longer --timeout",
        )

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                return
