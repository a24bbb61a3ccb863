"""The Neo4j store: the graph in a real Neo4j server, through the official ``neo4j`` driver.

Nodes: ``Paper`` and ``Entity`` (each entity also carries its type as a second label,
``Method``, ``Benchmark``, ...), keyed by the unique ``id`` the graph gives them.
Relationships go from paper to entity, one type per role (``PROPOSES``, ``EVALUATES_ON``,
``USES``, ``MENTIONS``, ``AFFILIATED_WITH``) with ``role``, ``confidence`` and ``evidence``
(a JSON string: Neo4j properties cannot hold maps).

A load writes a paper, its relationships and the entities they reach in one transaction
(many papers per transaction, about ``batch_size`` rows each), so a load that stops half
way leaves only whole papers, and the re-run completes it without duplicates: papers the
database already holds are written with ``MERGE`` (their stale links deleted first), new
ones, and their links, with ``CREATE``. Entities count their papers in the database
(``paper_count``), in the same transaction, so counts stay right after any prefix of batches.

Connection settings come from :meth:`kg.settings.Settings.from_env` (``NEO4J_URI``,
``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``) unless given; every
connection problem becomes a one-line :class:`kg.errors.KgError` saying what to do.
"""

from __future__ import annotations

import json
import queue
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

import neo4j
from neo4j import exceptions as neo4j_errors

from kg import cypher
from kg.errors import KgError
from kg.graph import KnowledgeGraph
from kg.ids import match_key
from kg.schema import ENTITY_LABELS, RELATIONSHIP_TYPES, ROLE_OF_RELATIONSHIP
from kg.settings import Settings
from kg.stores.base import GraphStore
from queries.base import Question

__all__ = ["ENTITY_PROPERTIES", "PAPER_PROPERTIES", "LoadReport", "Neo4jStore", "plain_value"]

# The node attributes stored as properties (besides ``id``); ``kind`` is the label.
PAPER_PROPERTIES = cypher.PAPER_PROPERTIES
ENTITY_PROPERTIES = cypher.ENTITY_PROPERTIES
_ENTITY_LISTS = ("aliases", "keys")
_ENTITY_COLUMNS = tuple(k for k in ENTITY_PROPERTIES if k != "type")  # the type is the statement's label

DEFAULT_BATCH_SIZE = 5000

# Bolt only: the driver's HTTP transport is a preview that needs other packages.
_BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

Progress = Callable[[int, int], None]  # (papers, rows) just committed


@dataclass
class LoadReport:
    """What one load wrote: papers, entity rows and relationship rows sent, papers skipped by --add."""

    papers: int = 0
    entities: int = 0
    relationships: int = 0
    skipped: int = 0
    batches: int = 0
    pruned: int = 0
    seconds: float = 0.0

    @property
    def nodes(self) -> int:
        return self.papers + self.entities

    def rate(self, count: int) -> float:
        return count / self.seconds if self.seconds > 0 else 0.0


Columns = dict[str, list[Any]]  # parameter name -> one value per row


def _append(columns: Columns, **values: Any) -> None:
    for name, value in values.items():
        columns.setdefault(name, []).append(value)


@dataclass
class _Batch:
    """Rows for one write transaction: whole papers with their links and the entities they reach.

    Papers the database had when the load began (``stored``) are merged and their links
    merged; the others (``new``) are created with their links. Entities are merged, or
    created when the database held none when the load began."""

    papers: int = 0
    create_entities: bool = False
    new: Columns = field(default_factory=dict)
    stored: Columns = field(default_factory=dict)
    created: dict[str, Columns] = field(default_factory=dict)  # relationship type -> links of new papers
    merged: dict[str, Columns] = field(default_factory=dict)  # relationship type -> links of stored papers
    entities: dict[str, Columns] = field(default_factory=dict)  # label -> entities not yet written by this load
    reached: set[str] = field(default_factory=set)  # every entity the papers link to: recounted
    rows: int = 0

    def add_entity(self, node: str, data: dict[str, Any]) -> None:
        label = data.get("type")
        if label not in ENTITY_LABELS:
            raise KgError.neo4j_unknown_type(node, str(label), ", ".join(ENTITY_LABELS))
        values = {k: _property(data.get(k)) for k in _ENTITY_COLUMNS}
        for k in _ENTITY_LISTS:
            values[k] = values[k] or []
        _append(self.entities.setdefault(label, {}), ids=node, **values)
        self.rows += 1

    def all_stored(self) -> _Batch:
        """The same rows with every paper treated as stored (merged, never created)."""
        stored = {k: [*self.stored.get(k, []), *v] for k, v in self.new.items()} or self.stored
        merged = {t: dict(c) for t, c in self.merged.items()}
        for rel_type, columns in self.created.items():
            target = merged.setdefault(rel_type, {})
            for k, v in columns.items():
                target[k] = [*target.get(k, []), *v]
        return _Batch(
            papers=self.papers,
            stored=stored,
            merged=merged,
            entities=self.entities,
            reached=self.reached,
            rows=self.rows,
        )

    @property
    def relationships(self) -> int:
        return sum(len(c["targets"]) for links in (self.created, self.merged) for c in links.values())


T = TypeVar("T")


def _ahead(items: Iterator[T]) -> Iterator[T]:
    """``items``, each made in a background thread while the caller uses the one before: the
    next batch's rows are built while the server writes this one (the socket wait frees the
    interpreter). An error in making them is raised here; stopping early stops the thread."""
    made: queue.Queue[tuple[bool, Any]] = queue.Queue(maxsize=1)
    stop = threading.Event()

    def hand_over(item: tuple[bool, Any]) -> bool:
        while not stop.is_set():
            try:
                made.put(item, timeout=0.1)
                return True
            except queue.Full:
                pass
        return False

    def make() -> None:
        try:
            for item in items:
                if not hand_over((False, item)):
                    return
            hand_over((True, None))
        except BaseException as e:  # handed to the caller, which raises it
            hand_over((True, e))

    thread = threading.Thread(target=make, name="kg-neo4j-batches", daemon=True)
    thread.start()
    try:
        while True:
            last, item = made.get()
            if last:
                if item is not None:
                    raise item
                return
            yield item
    finally:
        stop.set()
        thread.join()


def _property(value: Any) -> Any:
    """A value Neo4j can store: lists keep their strings, anything nested becomes JSON text."""
    if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def plain_value(value: Any) -> Any:
    """A driver value as plain JSON-able Python: nodes and relationships become property maps
    (with ``_labels``/``_type``), paths lists of nodes, temporal values ISO text."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain_value(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain_value(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [plain_value(n) for n in value.nodes]
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    iso = getattr(value, "iso_format", None)
    return iso() if callable(iso) else str(value)


def _first_line(error: BaseException) -> str:
    text = getattr(error, "message", None) or str(error) or type(error).__name__
    return text.strip().splitlines()[0]


class Neo4jStore(GraphStore):
    """The graph in a Neo4j server. Arguments override the settings from the environment."""

    name = "neo4j"

    def __init__(
        self,
        uri: str | None = None,
        user: str | None = None,
        password: str | None = None,
        database: str | None = None,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        retry_seconds: float = 15.0,
        settings: Settings | None = None,
    ) -> None:
        s = settings or Settings.from_env()
        self.uri = uri or s.neo4j_uri
        self.user = user or s.neo4j_username
        self.password = password if password is not None else s.neo4j_password
        self.database = database or s.neo4j_database
        self.batch_size = max(1, batch_size)
        # How long a write transaction is retried while the server is away before giving up.
        self.retry_seconds = retry_seconds
        self._driver: neo4j.Driver | None = None

    def __repr__(self) -> str:
        return f"Neo4jStore({self.uri!r}, database={self.database!r})"

    # -- connection ---------------------------------------------------------------------------
    def _error(self, error: Exception) -> KgError:
        """The one-line error for a driver exception."""
        if isinstance(error, neo4j_errors.AuthError):
            return KgError.neo4j_no_password() if not self.password else KgError.neo4j_auth(self.uri, self.user)
        if isinstance(error, (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired)):
            return KgError.neo4j_unreachable(self.uri)
        if isinstance(error, neo4j_errors.Neo4jError):
            if error.code == "Neo.ClientError.Security.AuthenticationRateLimit":
                return KgError.neo4j_auth(self.uri, self.user, locked=True)
            if error.code == "Neo.ClientError.Database.DatabaseNotFound":
                return KgError.neo4j_no_database(self.uri, self.database)
            if error.code == "Neo.TransientError.General.DatabaseUnavailable":
                return KgError.neo4j_database_unavailable(self.uri, self.database)
            return KgError.neo4j_query(_first_line(error))
        if isinstance(error, (neo4j_errors.ConfigurationError, ValueError)):
            return KgError.neo4j_bad_uri(self.uri)
        return KgError.neo4j_query(_first_line(error))

    @contextmanager
    def _translated(self) -> Iterator[None]:
        try:
            yield
        except KgError:
            raise
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError, ValueError) as e:
            raise self._error(e) from e

    @property
    def driver(self) -> neo4j.Driver:
        """The driver, connected and checked: the login works and the database exists."""
        if self._driver is None:
            if self.uri.partition("://")[0] not in _BOLT_SCHEMES:
                raise KgError.neo4j_bad_uri(self.uri)
            auth = (self.user, self.password) if self.password else None
            with self._translated():
                driver = neo4j.GraphDatabase.driver(
                    self.uri,
                    auth=auth,
                    connection_timeout=10,
                    max_transaction_retry_time=self.retry_seconds,
                    # The server's hints ("label does not exist" on an empty database) would be
                    # logged as warnings on every count; questions and loads need none of them.
                    notifications_min_severity="OFF",
                )
            try:
                with self._translated(), driver.session(database=self.database) as session:
                    session.run(cypher.PING).consume()
            except BaseException:
                driver.close()
                raise
            self._driver = driver
        return self._driver

    def _session(self, read: bool = False) -> neo4j.Session:
        mode = neo4j.READ_ACCESS if read else neo4j.WRITE_ACCESS
        return self.driver.session(database=self.database, default_access_mode=mode)

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- schema and housekeeping --------------------------------------------------------------
    def ensure_schema(self) -> None:
        """Constraints and indexes, created if missing (schema changes run outside data transactions)."""
        with self._translated(), self._session() as session:
            for statement in cypher.SCHEMA:
                session.run(statement).consume()
            session.run("CALL db.awaitIndexes(300)").consume()

    def wipe(self, batch: int = 10_000) -> int:
        """Delete every node and relationship in the database (schema stays); returns nodes deleted."""
        total = 0
        with self._translated(), self._session() as session:
            while session.execute_write(_single, cypher.WIPE_RELATIONSHIPS_BATCH, {"batch": batch})["deleted"]:
                pass
            while True:
                deleted = session.execute_write(_single, cypher.WIPE_BATCH, {"batch": batch})["deleted"]
                total += deleted
                if deleted == 0:
                    return total

    def counts(self) -> dict[str, Any]:
        """Nodes and relationships in the database, in total, by label and by relationship type."""

        def work(tx: neo4j.ManagedTransaction) -> dict[str, Any]:
            totals = tx.run(cypher.ALL_COUNTS).single()
            return {
                "nodes": totals["nodes"],
                "relationships": totals["relationships"],
                "labels": {k: tx.run(q).single()["n"] for k, q in cypher.LABEL_COUNTS.items()},
                "types": {k: tx.run(q).single()["n"] for k, q in cypher.RELATIONSHIP_COUNTS.items()},
            }

        with self._translated(), self._session(read=True) as session:
            return session.execute_read(work)

    def server(self) -> dict[str, Any]:
        """Name, version and edition of the server."""
        with self._translated(), self._session(read=True) as session:
            return session.execute_read(_single, cypher.COMPONENTS, {})

    def schema_objects(self) -> list[dict[str, Any]]:
        """Constraints and indexes (besides those constraints own), each a row with its ``kind``."""
        with self._translated(), self._session(read=True) as session:
            constraints = [{"kind": "constraint", **r.data()} for r in session.run(cypher.SHOW_CONSTRAINTS)]
            indexes = [{"kind": "index", **r.data()} for r in session.run(cypher.SHOW_INDEXES)]
        return constraints + indexes

    # -- GraphStore -----------------------------------------------------------------------------
    def write(self, graph: KnowledgeGraph, add: bool = False) -> None:
        self.load(graph, add=add)

    def load(self, graph: KnowledgeGraph, add: bool = False, progress: Progress | None = None) -> LoadReport:
        """Write ``graph``; without ``add`` the database then holds exactly it (papers and
        entities it lacks are removed), with ``add`` only papers not yet stored are written.
        ``progress(papers, rows)`` is called after each committed transaction (and first with
        the papers --add skips)."""
        started = time.perf_counter()
        report = LoadReport()
        papers = sorted(n for n, _ in graph.papers())
        with self._translated():
            self.ensure_schema()
            had_papers, had_entities = not self._holds_none("Paper"), not self._holds_none("Entity")
            stored = self._existing_papers(papers) if had_papers else set()
        if add:
            report.skipped = len(stored)
            papers = [p for p in papers if p not in stored]
        # Entities no paper links to still belong to the graph; they travel in the last batches.
        lonely = sorted(n for n, _ in graph.entities() if graph.nx.in_degree(n) == 0)
        entities: set[str] = set()  # an entity many batches reach is counted once
        if progress is not None and report.skipped:
            progress(report.skipped, 0)
        try:
            batches = _ahead(self._batches(graph, papers, stored, lonely, not had_entities))
            with self._session() as session, closing(batches):
                for batch in batches:
                    try:
                        session.execute_write(_write_batch, batch)
                    except neo4j_errors.ConstraintError:
                        # A paper or entity this load took for new was stored meanwhile (by another
                        # load, or by a commit whose answer was lost): nothing was written, so merge.
                        session.execute_write(_write_batch, batch.all_stored())
                    report.batches += 1
                    report.papers += batch.papers
                    entities |= batch.reached
                    report.entities = len(entities)
                    report.relationships += batch.relationships
                    if progress is not None:
                        progress(batch.papers, batch.rows)
                if not add:
                    report.pruned = self._prune(session, graph, had_papers, had_entities)
        except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as e:
            raise KgError.neo4j_load_interrupted(
                report.papers, len(papers), f"the server stopped answering: {_first_line(e)}"
            ) from e
        except neo4j_errors.TransientError as e:  # still failing after the driver's retries
            raise KgError.neo4j_load_interrupted(report.papers, len(papers), _first_line(e)) from e
        except (neo4j_errors.Neo4jError, neo4j_errors.DriverError) as e:
            raise self._error(e) from e
        report.seconds = time.perf_counter() - started
        return report

    def read(self) -> KnowledgeGraph:
        def work(tx: neo4j.ManagedTransaction) -> KnowledgeGraph:
            graph = KnowledgeGraph()
            for record in tx.run(cypher.READ_PAPERS):
                props = record["props"]
                attrs = {k: props.get(k) for k in PAPER_PROPERTIES}
                if attrs["organizations"] is None:
                    attrs["organizations"] = []
                graph.nx.add_node(record["id"], kind="Paper", **attrs)
            for record in tx.run(cypher.READ_ENTITIES):
                props = record["props"]
                attrs = {k: props.get(k) for k in ENTITY_PROPERTIES}
                for k in _ENTITY_LISTS:
                    attrs[k] = list(attrs[k] or [])
                graph.nx.add_node(record["id"], kind="Entity", paper_count=props.get("paper_count", 0), **attrs)
            for record in tx.run(cypher.READ_LINKS):
                props = record["props"]
                evidence = props.get("evidence")
                graph.nx.add_edge(
                    record["source"],
                    record["target"],
                    role=props.get("role") or ROLE_OF_RELATIONSHIP[record["type"]],
                    confidence=props.get("confidence"),
                    evidence=json.loads(evidence) if evidence else [],
                )
            return graph

        with self._translated(), self._session(read=True) as session:
            return session.execute_read(work)

    def ask(self, question: Question, params: dict[str, Any]) -> list[dict[str, Any]]:
        if not question.cypher:
            raise KgError(f"question '{question.name}' has no Cypher form yet; use --backend embedded")
        try:
            bound = question.bind(params)
        except ValueError as e:
            raise KgError(str(e)) from None
        # Names are looked up by match key, computed here as in the graph (`kg.ids.match_key`):
        # every text parameter NAME also arrives as NAME_key.
        values = {**bound, **{f"{k}_key": match_key(v) for k, v in bound.items() if isinstance(v, str)}}

        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [{c: record.get(c) for c in question.columns} for record in tx.run(question.cypher, values)]

        with self._translated(), self._session(read=True) as session:
            rows = session.execute_read(work)
        return question.finish(rows, bound) if question.finish else rows

    # -- ad-hoc Cypher --------------------------------------------------------------------------
    def query_type(self, query: str, params: dict[str, Any] | None = None) -> str:
        """What the server's planner says ``query`` does: 'r' (read), 'rw', 'w' or 's' (schema)."""
        explained = query if query.lstrip()[:7].upper() == "EXPLAIN" else f"EXPLAIN {query}"
        with self._translated(), self._session(read=True) as session:
            return session.run(explained, params or {}).consume().query_type

    def run(
        self, query: str, params: dict[str, Any] | None = None, write: bool = False
    ) -> tuple[list[str], list[dict[str, Any]]]:
        """Column names and rows (plain values) of an ad-hoc query. Without ``write`` a query the
        planner marks as writing is refused, and the query runs in a read transaction anyway."""
        params = params or {}
        if not write:
            kind = self.query_type(query, params)
            if kind != "r":
                raise KgError.neo4j_write_refused(kind)

        def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[dict[str, Any]]]:
            result = tx.run(query, params)
            return list(result.keys()), [{k: plain_value(v) for k, v in r.items()} for r in result]

        with self._translated(), self._session(read=not write) as session:
            if not write:
                return session.execute_read(work)
            # Auto-commit, so CALL { ... } IN TRANSACTIONS works too.
            result = session.run(query, params)
            records = [{k: plain_value(v) for k, v in r.items()} for r in result]
            return list(result.keys()), records

    # -- load internals -------------------------------------------------------------------------
    def _holds_none(self, label: str) -> bool:
        """Whether the database has no node with ``label`` (from the count store: instant)."""
        with self._session(read=True) as session:
            return not session.execute_read(_single, cypher.LABEL_COUNTS[label], {})["n"]

    def _existing_papers(self, papers: list[str]) -> set[str]:
        """Which of ``papers`` the database holds."""
        known: set[str] = set()
        with self._session(read=True) as session:
            for start in range(0, len(papers), self.batch_size):
                ids = papers[start : start + self.batch_size]
                known.update(session.execute_read(_single, cypher.EXISTING_PAPERS, {"ids": ids})["ids"])
        return known

    def _batches(
        self, graph: KnowledgeGraph, papers: list[str], stored: set[str], lonely: list[str], create_entities: bool
    ) -> Iterator[_Batch]:
        """Whole papers per batch, about ``batch_size`` rows (papers + entities + links) each.
        An entity is written by the first batch that reaches it; later ones only link to it."""
        g = graph.nx
        written: set[str] = set()
        batch = _Batch(create_entities=create_entities)
        for paper in papers:
            edges = sorted(g.out_edges(paper, data=True), key=lambda e: e[1])
            size = 1 + len(edges) + sum(1 for _, e, _ in edges if e not in written)
            if batch.rows and batch.rows + size > self.batch_size:
                yield batch
                batch = _Batch(create_entities=create_entities)
            is_stored = paper in stored
            links = batch.merged if is_stored else batch.created
            keys = []
            for _, entity, edge in edges:
                if entity not in written:
                    batch.add_entity(entity, g.nodes[entity])
                    written.add(entity)
                batch.reached.add(entity)
                rel_type = RELATIONSHIP_TYPES[edge["role"]]
                keys.append(f"{rel_type} {entity}")
                _append(
                    links.setdefault(rel_type, {}),
                    sources=paper,
                    targets=entity,
                    confidence=edge.get("confidence"),
                    evidence=json.dumps(edge.get("evidence") or [], ensure_ascii=False, sort_keys=True),
                )
                batch.rows += 1
            data = g.nodes[paper]
            values = {k: _property(data.get(k)) for k in PAPER_PROPERTIES}
            values["organizations"] = values["organizations"] or []
            _append(batch.stored if is_stored else batch.new, ids=paper, links=keys, **values)
            batch.papers += 1
            batch.rows += 1
        for entity in lonely:
            if batch.rows >= self.batch_size:
                yield batch
                batch = _Batch(create_entities=create_entities)
            batch.add_entity(entity, g.nodes[entity])
            batch.reached.add(entity)
        if batch.rows:
            yield batch

    def _prune(self, session: neo4j.Session, graph: KnowledgeGraph, papers: bool, entities: bool) -> int:
        """Remove papers, then entities, that ``graph`` does not have; returns nodes removed.
        A label the database held no node of before the load has nothing to remove."""
        removed = 0
        for query, keep in (
            (cypher.PRUNE_PAPERS, [n for n, _ in graph.papers()] if papers else None),
            (cypher.PRUNE_ENTITIES, [n for n, _ in graph.entities()] if entities else None),
        ):
            if keep is None:
                continue
            while True:
                deleted = session.execute_write(_prune_batch, query, keep, self.batch_size)
                removed += deleted
                if deleted == 0:
                    break
        return removed


# Transaction functions: module-level so the driver can retry them as they are.
def _single(tx: neo4j.ManagedTransaction, query: str, params: dict[str, Any]) -> dict[str, Any]:
    record = tx.run(query, params).single()
    return record.data() if record else {}


def _write_batch(tx: neo4j.ManagedTransaction, batch: _Batch) -> None:
    entity_statements = cypher.ENTITY_CREATE if batch.create_entities else cypher.ENTITY_MERGE
    for label, columns in batch.entities.items():
        tx.run(entity_statements[label], type=label, **columns).consume()
    touched = set(batch.reached)
    if batch.new:
        tx.run(cypher.PAPER_CREATE, {k: v for k, v in batch.new.items() if k != "links"}).consume()
    if batch.stored:
        tx.run(cypher.PAPER_MERGE, {k: v for k, v in batch.stored.items() if k != "links"}).consume()
        stale = tx.run(cypher.PAPER_STALE_LINKS_DELETE, ids=batch.stored["ids"], links=batch.stored["links"])
        touched.update(r["id"] for r in stale)
    for links, statements in ((batch.created, cypher.RELATIONSHIP_CREATE), (batch.merged, cypher.RELATIONSHIP_MERGE)):
        for rel_type, columns in links.items():
            tx.run(statements[rel_type], role=ROLE_OF_RELATIONSHIP[rel_type], **columns).consume()
    if touched:
        tx.run(cypher.REFRESH_PAPER_COUNTS, ids=sorted(touched)).consume()


def _prune_batch(tx: neo4j.ManagedTransaction, query: str, keep: list[str], batch: int) -> int:
    record = tx.run(query, keep=keep, batch=batch).single()
    if record.get("linked"):
        tx.run(cypher.REFRESH_PAPER_COUNTS, ids=record["linked"]).consume()
    return record["deleted"]
