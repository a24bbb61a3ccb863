"""The Neo4j store, `kg neo4j` and `kg cypher` against a real Neo4j server, never a mock.

The server comes from NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE, as
`eval "$(scripts/neo4j start)"` exports them. Community edition serves one database, so
the tests wipe it rather than use one of their own: do not point them at data you keep.
The `slow` tests stop and start the server through scripts/neo4j, and run only when that
script controls the server NEO4J_URI names.
"""

from __future__ import annotations

import json
import os
import re
import runpy
import subprocess
import sys
from collections.abc import Iterator

import networkx as nx
import pytest

from kg.errors import KgError
from kg.graph import KnowledgeGraph
from kg.ids import entity_node_id, match_key
from kg.schema import ENTITY_LABELS, RELATIONSHIP_TYPES
from queries import CATALOGUE, get_question

from .conftest import ROOT, require_service

pytestmark = pytest.mark.neo4j

START_HINT = 'start one with: eval "$(scripts/neo4j start)"'
replicate_graph = runpy.run_path(str(ROOT / "scripts" / "replicate-graph"))["replicate_graph"]


# -- fixtures and helpers ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def server() -> None:
    """A reachable server, or a skip (a failure under CI=true) saying how to start one."""
    if not os.environ.get("NEO4J_URI") or not os.environ.get("NEO4J_PASSWORD"):
        require_service("neo4j (NEO4J_URI and NEO4J_PASSWORD are not set)", START_HINT)
    from kg.stores.neo4j import Neo4jStore

    try:
        with Neo4jStore() as store:
            store.counts()
    except KgError as e:
        require_service("neo4j", str(e))


# Whether the database holds just the sample graph, so read-only tests need not reload it.
_DATABASE = {"holds_sample": False}


@pytest.fixture
def store(server):
    """A store on the test database, wiped; closed afterwards."""
    from kg.stores.neo4j import Neo4jStore

    _DATABASE["holds_sample"] = False
    with Neo4jStore() as store:
        store.wipe()
        yield store


@pytest.fixture
def sample_in_neo4j(server, sample_graph):
    """A store on the database holding the sample graph (loaded once for the read-only tests)."""
    from kg.stores.neo4j import Neo4jStore

    with Neo4jStore() as store:
        if not _DATABASE["holds_sample"]:
            store.wipe()
            store.load(sample_graph)
            _DATABASE["holds_sample"] = True
        yield store


def expected_counts(graph: KnowledgeGraph) -> dict:
    stats = graph.stats()
    return {
        "nodes": graph.nx.number_of_nodes(),
        "relationships": graph.nx.number_of_edges(),
        "labels": {
            "Paper": stats["papers"],
            "Entity": stats["entities"],
            **{label: stats["entities_by_type"].get(label, 0) for label in ENTITY_LABELS},
        },
        "types": {t: stats["edges_by_role"].get(role, 0) for role, t in RELATIONSHIP_TYPES.items()},
    }


def assert_same_graph(actual: KnowledgeGraph, expected: KnowledgeGraph) -> None:
    assert dict(actual.nx.nodes(data=True)) == dict(expected.nx.nodes(data=True))
    assert sorted(actual.nx.edges(data=True)) == sorted(expected.nx.edges(data=True))


def papers_subgraph(graph: KnowledgeGraph, papers: list[str]) -> KnowledgeGraph:
    """The given papers with their links and entities, entity counts refreshed (``graph`` untouched)."""
    entities = {e for p in papers for e in graph.nx.successors(p)}
    sub = KnowledgeGraph(graph.nx.subgraph([*papers, *entities]).copy())
    sub.refresh_counts()
    return sub


def kg(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`kg ...` as a user runs it, with the NEO4J_* settings of this session (or ``env``)."""
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "COLUMNS": "200"}
    base.update({k: v for k, v in os.environ.items() if k.startswith("NEO4J_")})
    base.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, env=base, stdin=subprocess.DEVNULL
    )


def one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- loading --------------------------------------------------------------------------------------
def test_load_writes_every_node_and_relationship_and_reads_back_the_same_graph(store, sample_graph):
    report = store.load(sample_graph)
    stats = sample_graph.stats()
    assert (report.papers, report.entities, report.relationships) == (
        stats["papers"],
        stats["entities"],
        stats["edges"],
    )
    assert store.counts() == expected_counts(sample_graph)
    assert_same_graph(store.read(), sample_graph)


def test_loading_twice_changes_no_counts(store, sample_graph):
    store.load(sample_graph)
    first = store.counts()
    store.load(sample_graph, add=False)
    store.load(sample_graph, add=True)
    assert store.counts() == first == expected_counts(sample_graph)
    assert_same_graph(store.read(), sample_graph)


def test_add_loads_only_new_papers_and_recounts_their_entities(store, sample_graph):
    papers = sorted(n for n, _ in sample_graph.papers())
    half = papers_subgraph(sample_graph, papers[: len(papers) // 2])
    store.load(half)
    assert store.counts() == expected_counts(half)

    report = store.load(sample_graph, add=True)
    assert report.skipped == len(papers) // 2
    assert report.papers == len(papers) - len(papers) // 2
    assert store.counts() == expected_counts(sample_graph)
    assert_same_graph(store.read(), sample_graph)  # paper_count included: recounted in the database


def test_load_without_add_removes_what_the_graph_no_longer_has(store, sample_graph):
    store.load(sample_graph)
    papers = sorted(n for n, _ in sample_graph.papers())
    smaller = papers_subgraph(sample_graph, papers[10:])
    report = store.load(smaller)
    assert report.pruned > 0
    assert store.counts() == expected_counts(smaller)
    assert_same_graph(store.read(), smaller)


def test_a_changed_role_replaces_the_relationship_instead_of_adding_one(store, sample_graph):
    store.load(sample_graph)
    changed = KnowledgeGraph(sample_graph.nx.copy())
    u, v = next((u, v) for u, v, d in changed.nx.edges(data=True) if d["role"] == "used")
    changed.nx.edges[u, v].update(role="proposed", confidence=0.99)
    store.load(changed)
    assert store.counts()["relationships"] == sample_graph.nx.number_of_edges()
    assert store.read().nx.edges[u, v]["role"] == "proposed"


@pytest.mark.parametrize("taken_for_new", ["papers", "entities"])
def test_nodes_stored_after_the_load_began_are_merged_not_duplicated(store, sample_graph, monkeypatch, taken_for_new):
    """New papers, and entities of a database that had none, are created; should one exist
    after all (another load, a commit whose answer was lost), the constraint refuses it and
    the batch is merged instead."""
    store.load(sample_graph)
    if taken_for_new == "papers":
        monkeypatch.setattr(store, "_existing_papers", lambda papers: set())
    else:
        monkeypatch.setattr(store, "_holds_none", lambda label: label == "Entity")
    store.batch_size = 300
    report = store.load(sample_graph)
    assert report.papers == len(list(sample_graph.papers()))
    assert store.counts() == expected_counts(sample_graph)
    assert_same_graph(store.read(), sample_graph)


def test_an_interrupted_load_keeps_whole_papers_and_a_rerun_completes_it(store, sample_graph):
    big = replicate_graph(sample_graph, 700)
    store.batch_size = 500
    committed = []

    def crash_after_three_batches(papers: int, rows: int) -> None:
        committed.append(papers)
        if len(committed) == 3:
            raise RuntimeError("simulated crash")

    with pytest.raises(RuntimeError, match="simulated crash"):
        store.load(big, progress=crash_after_three_batches)

    # Only whole papers: each stored paper has exactly its links, each entity counts them.
    partial = store.read()
    stored = sorted(n for n, _ in partial.papers())
    assert 0 < len(stored) == sum(committed) < len(list(big.papers()))
    assert_same_graph(partial, papers_subgraph(big, stored))

    report = store.load(big)
    assert report.papers == len(list(big.papers()))
    assert store.counts() == expected_counts(big)
    assert_same_graph(store.read(), big)


def test_kg_neo4j_load_prints_a_summary_with_rates(store, sample_build):
    result = kg("neo4j", "load", "--graph", str(sample_build.out), "--batch-size", "100")
    assert result.returncode == 0, result.stderr
    assert re.search(
        r"loaded 72 papers, \d+ entities and \d+ relationships .* nodes/s, .* relationships/s", result.stdout
    )
    again = kg("neo4j", "load", "--graph", str(sample_build.out), "--add")
    assert "skipped 72 papers already in the database" in again.stdout
    assert store.counts() == expected_counts(sample_build.graph)


def test_kg_neo4j_load_wipe_needs_confirmation(store, sample_build):
    store.load(sample_build.graph)
    refused = kg("neo4j", "load", "--graph", str(sample_build.out), "--wipe")
    assert "add --yes to confirm" in one_line_error(refused)
    assert kg("neo4j", "load", "--graph", str(sample_build.out), "--wipe", "--yes").returncode == 0
    assert store.counts() == expected_counts(sample_build.graph)


# -- the question catalogue --------------------------------------------------------------------------
# Every question with its defaults and with parameters that select a part of the sample,
# including names given by alias or in another spelling, and ones that match nothing.
CASES = [
    ("methods-sharing-benchmarks", {}),
    ("methods-sharing-benchmarks", {"min_shared": 2, "limit": 5}),
    ("shared-benchmarks", {"name": "DPO"}),
    ("shared-benchmarks", {"name": "direct preference optimization", "min_shared": 2}),
    ("shared-benchmarks", {"name": "no such method"}),
    ("benchmark-usage", {}),
    ("benchmark-usage", {"min_papers": 2, "limit": 3}),
    ("method-profile", {"name": "DPO"}),
    ("method-profile", {"name": "mt bench"}),
    ("method-profile", {"name": "no such method"}),
    ("organization-methods", {}),
    ("organization-methods", {"limit": 2}),
    ("related-papers", {"paper": "t-02db7d0b69"}),
    ("related-papers", {"paper": "IC-CUSTOM: DIVERSE IMAGE CUSTOMIZATION VIA IN-CONTEXT LEARNING"}),
    ("related-papers", {"paper": "no such paper"}),
    ("datasets-for-task", {"task": "Instruction Following"}),
    ("datasets-for-task", {"task": "instruction following", "limit": 2}),
    ("trends", {}),
    ("trends", {"type": "Benchmark", "min_papers": 2}),
    ("connection", {"a": "DPO", "b": "MT-Bench"}),
    ("connection", {"a": "GSM8K", "b": "Anthropic"}),
    ("connection", {"a": "DPO", "b": "accuracy", "max_hops": 1}),
    ("connection", {"a": "DPO", "b": "Direct Preference Optimization"}),
]


def test_every_question_is_covered():
    assert {name for name, _ in CASES} == set(CATALOGUE)
    assert all(q.cypher for q in CATALOGUE.values())


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_question_gives_identical_rows_on_embedded_and_neo4j(sample_in_neo4j, sample_graph, name, params):
    question = get_question(name)
    assert sample_in_neo4j.ask(question, params) == question.run_networkx(sample_graph.nx, **params)


def test_questions_agree_for_every_entity_and_paper_of_the_sample(sample_in_neo4j, sample_graph):
    """The same comparison, swept: every name for the look-up questions, many entity pairs."""
    names = sorted(d["name"] for _, d in sample_graph.entities())
    papers = sorted(n for n, _ in sample_graph.papers())
    sweep = (
        [("method-profile", {"name": n}) for n in names]
        + [("datasets-for-task", {"task": n}) for n in names]
        + [("related-papers", {"paper": p}) for p in papers]
        + [("connection", {"a": a, "b": b}) for a, b in zip(names[::5], names[3::5], strict=False)]
    )
    differ = [
        (name, params)
        for name, params in sweep
        if sample_in_neo4j.ask(get_question(name), params) != get_question(name).run_networkx(sample_graph.nx, **params)
    ]
    assert differ == []


def test_query_backend_neo4j_from_the_command_line(sample_in_neo4j, sample_graph):
    result = kg("query", "method-profile", "DPO", "--backend", "neo4j", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == get_question("method-profile").run_networkx(sample_graph.nx, name="DPO")


def test_query_backend_neo4j_takes_the_connection_options_over_the_environment(sample_in_neo4j, sample_graph):
    """`kg query` told users to check "NEO4J_URI (or --uri)" but had no --uri: only the
    environment reached the server. Here the environment points nowhere and the options win;
    they imply the backend, as --endpoint implies rdf."""
    store = sample_in_neo4j
    result = kg(
        *("query", "method-profile", "DPO", "--format", "json"),  # the options imply --backend neo4j
        *("--uri", store.uri, "--user", store.user, "--password", store.password, "--database", store.database),
        env={"NEO4J_URI": f"bolt://127.0.0.1:{free_port()}", "NEO4J_PASSWORD": "not-the-password"},
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == get_question("method-profile").run_networkx(sample_graph.nx, name="DPO")


def test_question_cypher_names_only_labels_types_and_properties_the_database_has(sample_in_neo4j):
    """The server warns about unknown labels, relationship types and properties: none may appear."""
    from kg import cypher

    statements = [q.cypher for q in CATALOGUE.values()]
    statements += [cypher.READ_PAPERS, cypher.READ_ENTITIES, cypher.READ_LINKS, *cypher.LABEL_COUNTS.values()]
    driver = sample_in_neo4j.driver
    with driver.session(database=sample_in_neo4j.database, notifications_min_severity="WARNING") as session:
        for statement in statements:
            params = {"a": "x", "b": "y", "a_key": "x", "b_key": "y", "type": None}
            summary = session.run(f"EXPLAIN {statement}", params).consume()
            unknown = [
                g.status_description for g in summary.gql_status_objects if "does not exist" in g.status_description
            ]
            assert unknown == [], statement


# -- hostile input ----------------------------------------------------------------------------------
HOSTILE = [
    "'}) DETACH DELETE n //",
    '"}) MATCH (n) DETACH DELETE n //',
    "`Method`) DETACH DELETE n //",
    "{name: $name} ${x} {{}}",
    "Robert'); DROP DATABASE neo4j; --",
    "back\\slash \\u0027 and a\nnewline",
]


def hostile_graph() -> KnowledgeGraph:
    g = nx.DiGraph()
    for i, text in enumerate(HOSTILE):
        paper = f"paper:{text}"
        g.add_node(
            paper,
            kind="Paper",
            paper_id=text,
            title=f"{text} paper",
            label=f"{text} paper",
            date="2024-05-01",
            url=None,
            authors_count=1,
            organizations=[text],
            upvotes=None,
        )
        entity = entity_node_id(text)
        g.add_node(
            entity,
            kind="Entity",
            type=ENTITY_LABELS[i % len(ENTITY_LABELS)],
            name=text,
            label=text,
            aliases=[f"{text} alias"],
            keys=sorted({match_key(text), match_key(f"{text} alias")}),
            paper_count=1,
        )
        g.add_edge(paper, entity, role="proposed", confidence=0.9, evidence=[{"sentence": text, "start": 0, "end": 3}])
    return KnowledgeGraph(g)


def test_hostile_names_load_and_query_as_plain_text(store, sample_graph):
    store.load(sample_graph)
    hostile = hostile_graph()
    store.load(hostile, add=True)
    both = KnowledgeGraph(sample_graph.nx.copy()).merge(hostile)
    assert store.counts() == expected_counts(both)  # nothing deleted, nothing extra
    assert_same_graph(store.read(), both)
    for text in HOSTILE:
        for name in ("method-profile", "related-papers"):
            params = {"name": text} if name == "method-profile" else {"paper": text}
            rows = store.ask(get_question(name), params)
            assert rows == get_question(name).run_networkx(both.nx, **params)
        (profile,) = store.ask(get_question("method-profile"), {"name": text})
        assert profile["name"] == text and profile["papers"] == [f"{text} paper"]
        cli = kg(
            "cypher", "MATCH (e:Entity {name: $name}) RETURN e.name AS name", "--param", f"name={text}", "-f", "json"
        )
        assert json.loads(cli.stdout) == [{"name": text}], cli.stderr
    assert store.counts() == expected_counts(both)


# -- errors ----------------------------------------------------------------------------------------
def test_wrong_password_gives_a_one_line_error_that_says_what_to_do(server):
    line = one_line_error(kg("neo4j", "status", "--password", "not-the-password"))
    assert "refused the login" in line and "NEO4J_PASSWORD" in line


def test_wrong_uri_gives_a_one_line_error_that_says_what_to_do(server):
    uri = f"bolt://127.0.0.1:{free_port()}"
    line = one_line_error(kg("query", "trends", "--backend", "neo4j", env={"NEO4J_URI": uri}))
    assert f"no Neo4j server answers at {uri}" in line and "scripts/neo4j start" in line
    assert "not a Neo4j address" in one_line_error(kg("neo4j", "status", "--uri", "http://127.0.0.1:7474"))


@pytest.fixture
def throwaway_user(server) -> Iterator[str]:
    """A user of its own, so that locking it out with wrong passwords leaves the tests' login alone."""
    from kg.stores.neo4j import Neo4jStore

    with Neo4jStore() as store:
        store.driver.execute_query(
            "CREATE OR REPLACE USER kg_test_lockout SET PASSWORD 'lockout-password-1' CHANGE NOT REQUIRED",
            database_="system",
        )
        yield "kg_test_lockout"
        store.driver.execute_query("DROP USER kg_test_lockout IF EXISTS", database_="system")


def test_a_login_locked_after_wrong_passwords_says_to_wait(throwaway_user: str) -> None:
    """After three wrong passwords Neo4j refuses every login of the user for a few seconds, the right
    one too; that was reported as "Neo4j rejected the query", which points at the Cypher."""
    wrong = ("neo4j", "status", "--user", throwaway_user, "--password", "not-the-password")
    for _ in range(3):
        assert "refused the login" in one_line_error(kg(*wrong))
    line = one_line_error(kg(*wrong))
    assert f"refused the login of user '{throwaway_user}' for now" in line and "wait a few seconds" in line


def test_missing_database_gives_a_one_line_error_that_says_what_to_do(server):
    line = one_line_error(kg("neo4j", "status", "--database", "nosuchdatabase"))
    assert "has no database 'nosuchdatabase'" in line and "NEO4J_DATABASE" in line


def test_missing_password_gives_a_one_line_error(server):
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_PASSWORD"}
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "neo4j", "status"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
    )
    assert "NEO4J_PASSWORD" in one_line_error(result)


# -- kg cypher ---------------------------------------------------------------------------------------
def test_kg_cypher_refuses_a_write_without_write(sample_in_neo4j):
    before = sample_in_neo4j.counts()
    for query in ("CREATE (:Probe {at: 1})", "MATCH (n) DETACH DELETE n", "MATCH (p:Paper) SET p.title = 'x'"):
        assert "add --write to run it" in one_line_error(kg("cypher", query))
    assert sample_in_neo4j.counts() == before

    assert kg("cypher", "CREATE (:Probe {at: $at})", "--param", "at=1", "--write").returncode == 0
    rows = json.loads(kg("cypher", "MATCH (n:Probe) RETURN n.at AS at", "-f", "json").stdout)
    assert rows == [{"at": 1}]
    assert kg("cypher", "MATCH (n:Probe) DELETE n", "--write").returncode == 0
    assert sample_in_neo4j.counts() == before


def test_kg_cypher_prints_rows_as_table_json_and_csv(sample_in_neo4j, sample_graph):
    # The row the embedded store holds for the key, read back from Neo4j in each format.
    (dpo,) = [d for _, d in sample_graph.entities() if "dpo" in d.get("keys", [])]
    assert dpo["name"] == "Direct Preference Optimization" and "DPO" in dpo["aliases"]
    query = "MATCH (e:Entity) WHERE $key IN e.keys RETURN e.name AS name, e.aliases AS aliases"
    assert json.loads(kg("cypher", query, "--param", "key=dpo", "-f", "json").stdout) == [
        {"name": dpo["name"], "aliases": list(dpo["aliases"])}
    ]
    assert kg("cypher", query, "-p", "key=dpo", "-f", "csv").stdout.splitlines() == [
        "name,aliases",
        f"{dpo['name']},{'; '.join(dpo['aliases'])}",
    ]
    assert "Direct Preference Optimization" in kg("cypher", query, "-p", "key=dpo").stdout
    assert "Neo4j rejected the query" in one_line_error(kg("cypher", "MATCH (n RETURN n"))


# -- the server itself: stopped mid-load, and neo4j-admin import ---------------------------------------
def scripts_neo4j(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(ROOT / "scripts" / "neo4j"), *args], capture_output=True, text=True, timeout=600)


@pytest.fixture
def controlled_server(server):
    """The server NEO4J_URI names, when scripts/neo4j runs it (these tests stop and start it)."""
    status = scripts_neo4j("status")
    if status.returncode != 0 or os.environ["NEO4J_URI"] not in status.stdout:
        require_service("a Neo4j server run by scripts/neo4j at NEO4J_URI", START_HINT)
    _DATABASE["holds_sample"] = False


def restart_server() -> None:
    """Start the server again; its exports replace this session's NEO4J_* settings (the port may move)."""
    started = scripts_neo4j("start")
    assert started.returncode == 0, started.stderr
    for key, value in re.findall(r"^export (NEO4J_\w+)=(.*)$", started.stdout, re.M):
        os.environ[key] = value


@pytest.mark.slow
def test_server_stopping_mid_load_gives_a_clear_error_and_a_rerun_completes(controlled_server, sample_graph):
    from kg.stores.neo4j import Neo4jStore

    big = replicate_graph(sample_graph, 1500)
    with Neo4jStore(batch_size=1000, retry_seconds=2) as store:
        store.wipe()
        batches = []

        def stop_the_server(papers: int, rows: int) -> None:
            batches.append(papers)
            if len(batches) == 2:
                assert scripts_neo4j("stop").returncode == 0

        try:
            with pytest.raises(KgError, match=r"the Neo4j load stopped after \d+ of \d+ papers") as stopped:
                store.load(big, progress=stop_the_server)
        finally:
            restart_server()
    assert "re-run the same command" in str(stopped.value) and "\n" not in str(stopped.value)

    with Neo4jStore() as store:
        partial = store.read()
        stored = sorted(n for n, _ in partial.papers())
        assert len(stored) == sum(batches)
        assert_same_graph(partial, papers_subgraph(big, stored))
        store.load(big)
        assert store.counts() == expected_counts(big)
        assert_same_graph(store.read(), big)


@pytest.mark.slow
def test_neo4j_admin_import_of_the_csv_export_matches_the_batched_load(controlled_server, sample_build):
    """`neo4j-admin database import full` needs its database stopped, and Community serves only
    one: so the server is stopped, the CSVs imported over `neo4j`, and the server started again."""
    from kg.stores.neo4j import Neo4jStore

    folder = sample_build.out / "neo4j-import"
    nodes = sorted(folder.glob("papers.csv")) + sorted(folder.glob("entities_*.csv"))
    relationships = sorted(folder.glob("rel_*.csv"))
    database = os.environ.get("NEO4J_DATABASE", "neo4j")

    def snapshot(store) -> tuple:
        rows = store.run(
            "MATCH (n) RETURN n.id AS id, labels(n) AS labels, n.name AS name, n.type AS type, n.title AS title, "
            "n.date AS date, n.aliases AS aliases, n.keys AS keys, n.paper_count AS paper_count ORDER BY id"
        )[1]
        links = store.run(
            "MATCH (p)-[r]->(e) RETURN p.id AS p, type(r) AS t, e.id AS e, r.role AS role, "
            "r.confidence AS c, r.evidence AS evidence ORDER BY p, e"
        )[1]
        for row in rows:
            row["labels"] = sorted(row["labels"])
            row["aliases"] = row["aliases"] or []  # the import leaves empty lists out
            row["keys"] = row["keys"] or []
        for link in links:
            link["evidence"] = json.loads(link["evidence"])
        return store.counts(), rows, links

    assert scripts_neo4j("stop").returncode == 0
    try:
        imported = scripts_neo4j(
            "admin",
            "database",
            "import",
            "full",
            database,
            *[f"--nodes={p}" for p in nodes],
            *[f"--relationships={p}" for p in relationships],
            "--array-delimiter=|",
            "--multiline-fields=true",
            "--overwrite-destination",
        )
        assert imported.returncode == 0, imported.stdout[-2000:] + imported.stderr[-2000:]
    finally:
        restart_server()

    with Neo4jStore() as store:
        from_csv = snapshot(store)
        # The imported database answers the questions as the graph does.
        for name, params in CASES:
            assert store.ask(get_question(name), params) == get_question(name).run_networkx(
                sample_build.graph.nx, **params
            ), name
        store.wipe()
        store.load(sample_build.graph)
        batched = snapshot(store)
    assert from_csv[0] == batched[0] == expected_counts(sample_build.graph)
    assert from_csv[1] == batched[1]
    assert from_csv[2] == batched[2]
