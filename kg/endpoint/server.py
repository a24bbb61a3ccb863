"""A read-only SPARQL 1.1 Protocol endpoint over the built graph (``kg serve``).

Our own thin app on the standard library's ThreadingHTTPServer rather than the
``oxigraph`` server binary, because the issue's safety rules need control it does not
give: it makes outbound requests for ``SERVICE``, allows CORS only for every origin at
once, and has no result-size limit. Queries run in worker processes
(:mod:`kg.endpoint.worker`) so a query past its time limit is killed, not waited for.

Routes: ``/sparql`` (GET ``?query=``, POST form or ``application/sparql-query``), ``/``
a query page, ``/graph.html`` the build's visualization, ``/ontology.ttl`` our ontology.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kg.endpoint.worker import Reply, Request, WorkerPool
from kg.sparql import is_update, uses_service

__all__ = ["EXAMPLES", "Limits", "SparqlServer", "is_local"]

ONTOLOGY_GRAPH = "https://w3id.org/kg-papers/ontology"
MAX_BODY = 1_000_000  # bytes of query text we accept in one request
# Catalogue questions that need no parameter make good examples on the query page.
EXAMPLES = ("methods-sharing-benchmarks", "benchmark-usage", "organization-methods", "trends")


@dataclass(frozen=True)
class Limits:
    timeout: float = 20.0  # seconds per query
    max_results: int = 10_000  # rows (SELECT) or triples (CONSTRUCT, DESCRIBE)
    cors: str | None = None  # allowed origin, "*" for any; None sends no CORS headers


def is_local(host: str) -> bool:
    """True for loopback addresses: only this machine can connect."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _examples() -> bytes:
    from queries import CATALOGUE

    return json.dumps(
        [{"name": n, "description": CATALOGUE[n].description, "query": CATALOGUE[n].sparql} for n in EXAMPLES],
        ensure_ascii=False,
    ).encode()


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-papers-sparql/0.1"
    protocol_version = "HTTP/1.1"  # keep-alive; every reply carries its Content-Length
    disable_nagle_algorithm = True  # small replies go out at once, not after a delayed ACK
    wbufsize = 1 << 16  # headers and body leave in one write where they fit
    timeout = 60  # seconds a client may take to send its request

    # -- plumbing -------------------------------------------------------------------------
    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.server.limits.cors:
            self.send_header("Access-Control-Allow-Origin", self.server.limits.cors)
            self.send_header("Vary", "Origin")
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def log_message(self, format: str, *args: Any) -> None:
        if self.server.log is not None:
            self.server.log(f"{self.address_string()} {format % args}")

    def _static(self, path: str) -> Reply | None:
        if path == "/":
            page = resources.files("kg").joinpath("assets/sparql.html").read_bytes()
            return Reply(200, "text/html; charset=utf-8", page)
        if path == "/examples.json":
            return Reply(200, "application/json", self.server.examples)
        if path == "/ontology.ttl":
            return Reply(200, "text/turtle; charset=utf-8", resources.files("kg").joinpath("ontology.ttl").read_bytes())
        if path == "/graph.html":
            view = self.server.folder / "graph.html"
            if not view.is_file():
                return Reply.error(404, f"no graph.html in {self.server.folder}/; kg build writes one")
            return Reply(200, "text/html; charset=utf-8", view.read_bytes())
        return None

    # -- SPARQL protocol --------------------------------------------------------------------
    def _answer(self, fields: dict[str, list[str]], query: str | None) -> Reply:
        if "update" in fields:
            return Reply.error(403, "this endpoint is read-only: SPARQL Update is not accepted")
        if query is None:
            query = (fields.get("query") or [None])[0]
        if not query:
            return Reply.error(
                400, "no query: send ?query=... (GET), a form field 'query' or an application/sparql-query body (POST)"
            )
        if is_update(query):
            return Reply.error(403, "this endpoint is read-only: SPARQL Update is not accepted")
        if uses_service(query):
            return Reply.error(
                403, "federated SERVICE calls are refused here: this endpoint makes no outbound requests"
            )
        accept = self.headers.get("Accept") or "*/*"
        short = (fields.get("format") or fields.get("output") or [None])[0]
        if short:
            from kg.endpoint.worker import SHORT_NAMES

            accept = ", ".join(m for m in SHORT_NAMES.get(short.lower(), (None, None)) if m) or accept
        request = Request(
            query=query,
            accept=accept,
            max_results=self.server.limits.max_results,
            default_graph=tuple(fields.get("default-graph-uri", ())),
            named_graphs=tuple(fields.get("named-graph-uri", ())),
        )
        return self.server.pool.run(request)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        if url.path == "/sparql":
            self._send(self._answer(parse_qs(url.query, keep_blank_values=True), None))
            return
        self._send(self._static(url.path) or Reply.error(404, f"nothing at {url.path}; the endpoint is /sparql"))

    do_HEAD = do_GET

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._send(Reply.error(404, f"nothing to POST to at {url.path}; the endpoint is /sparql"))
            return
        length = self.headers.get("Content-Length")
        if length is None:
            self._send(Reply.error(411, "send a Content-Length header"))
            return
        try:
            size = int(length)
        except ValueError:
            self._send(Reply.error(400, "bad Content-Length"))
            return
        if size > MAX_BODY:
            self._send(Reply.error(413, f"the request is larger than {MAX_BODY} bytes"))
            return
        body = self.rfile.read(size).decode("utf-8", errors="replace")
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        fields = parse_qs(url.query, keep_blank_values=True)
        if media == "application/x-www-form-urlencoded":
            fields.update(parse_qs(body, keep_blank_values=True))
            self._send(self._answer(fields, None))
        elif media == "application/sparql-query":
            self._send(self._answer(fields, body))
        elif media == "application/sparql-update":
            self._send(Reply.error(403, "this endpoint is read-only: SPARQL Update is not accepted"))
        else:
            self._send(
                Reply.error(415, "POST a form (application/x-www-form-urlencoded) or an application/sparql-query body")
            )

    def do_OPTIONS(self) -> None:
        headers = {"Allow": "GET, HEAD, POST, OPTIONS"}
        if self.server.limits.cors:
            headers.update(
                {
                    "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                    "Access-Control-Allow-Headers": "Content-Type, Accept",
                    "Access-Control-Max-Age": "600",
                }
            )
        self._send(Reply(204, "text/plain", b"", headers))

    def _read_only(self) -> None:
        self._send(
            Reply(
                405, "text/plain; charset=utf-8", b"this endpoint is read-only\n", {"Allow": "GET, HEAD, POST, OPTIONS"}
            )
        )

    do_PUT = do_DELETE = do_PATCH = _read_only


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server: ``serve_forever()`` answers until ``shutdown()``; ``close()`` stops the workers."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        folder: Path,
        graph_file: Path,
        host: str = "127.0.0.1",
        port: int = 7878,
        limits: Limits = Limits(),
        workers: int = 2,
        log: Callable[[str], None] | None = None,
    ) -> None:
        self.folder, self.limits, self.log = Path(folder), limits, log
        ontology = str(resources.files("kg").joinpath("ontology.ttl"))
        self.pool = WorkerPool([(str(graph_file), None), (ontology, ONTOLOGY_GRAPH)], workers, limits.timeout)
        self.examples = _examples()
        try:
            super().__init__((host, port), _Handler)
        except OSError:
            self.pool.close()
            raise

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}/sparql"

    def close(self) -> None:
        self.server_close()
        self.pool.close()
