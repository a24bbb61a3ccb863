"""The embedded RDF store: every question agrees with networkx, values are bound, files round-trip."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from kg.errors import KgError
from kg.sparql import (
    bind_params,
    bind_values,
    decode_list,
    inline_terms,
    is_update,
    param_bindings,
    sparql,
    sparql_literal,
    uses_service,
)
from kg.stores.embedded import EmbeddedStore
from kg.stores.rdf import RdfStore
from queries import CATALOGUE, get_question

from .conftest import DATA
from .test_rdf_export import HOSTILE, hostile_graph, normalised


def question_cases(graph) -> list[tuple[str, dict]]:
    """Each question with parameters that reach into the graph: popular entities, papers by
    id and by title, unknown names, and paths between entities."""
    entities = sorted(((d.get("paper_count", 0), d["name"]) for _, d in graph.entities()), key=lambda e: (-e[0], e[1]))
    names = [n for _, n in entities[:8]] + [entities[-1][1], "no such entity"]
    papers = sorted(n for n, _ in graph.papers())
    titles = [graph.nx.nodes[p]["title"] for p in papers[:3]]
    cases = [(name, {}) for name, q in CATALOGUE.items() if not any(p.required for p in q.params)]
    cases += [("trends", {"type": t}) for t in ("Method", "Benchmark", "Organization")]
    cases += [("trends", {"min_papers": 2, "limit": 5}), ("methods-sharing-benchmarks", {"min_shared": 2})]
    cases += [("method-profile", {"name": n}) for n in names]
    methods = sorted(((-d.get("paper_count", 0), d["name"]) for _, d in graph.entities("Method", "Model")))
    cases += [("shared-benchmarks", {"name": n}) for n in names[-2:] + [n for _, n in methods[:6]]]
    cases += [("datasets-for-task", {"task": n}) for n in names]
    cases += [("related-papers", {"paper": p}) for p in papers[:4]]
    cases += [("related-papers", {"paper": p.partition(":")[2]}) for p in papers[4:6]]
    cases += [("related-papers", {"paper": f"  {t.upper()} "}) for t in titles]
    cases += [("connection", {"a": a, "b": b}) for a in names[:5] for b in names[3:]]
    cases += [("connection", {"a": names[0], "b": names[1], "max_hops": 1})]
    return cases


@pytest.fixture(scope="module")
def mini_folder(tmp_path_factory):
    from pipelines.build import link_records
    from pipelines.evaluation import load_records

    graph = link_records(load_records(DATA / "mini-graph.jsonl"))
    folder = tmp_path_factory.mktemp("mini-rdf")
    EmbeddedStore(folder).write(graph)
    RdfStore(folder).write(graph)
    return folder


def test_every_question_has_a_sparql_form():
    assert all(q.sparql for q in CATALOGUE.values())


@pytest.mark.parametrize("graph_name", ["mini", "sample"])
def test_every_question_gives_identical_rows_on_embedded_and_rdf_backends(graph_name, mini_folder, sample_build):
    folder = mini_folder if graph_name == "mini" else sample_build.out
    embedded, rdf = EmbeddedStore(folder), RdfStore(folder)
    cases = question_cases(embedded.read())
    asked = {name for name, _ in cases}
    assert asked == set(CATALOGUE)
    answered = 0
    for name, params in cases:
        question = get_question(name)
        expected = embedded.ask(question, dict(params))
        assert rdf.ask(question, dict(params)) == expected, f"{name} {params}"
        answered += bool(expected)
    assert answered > len(cases) / 3, "most cases should have answers, or the comparison proves little"


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("method-profile", {"name": 'DPO" } UNION { ?s ?p ?o } #'}),
        ("datasets-for-task", {"task": 'x\\" . ?a ?b ?c'}),
        ("related-papers", {"paper": "') } DROP ALL #\n"}),
        ("shared-benchmarks", {"name": 'DPO" || true || "'}),  # trends' type now takes only the seven types
        ("connection", {"a": '>"<', "b": "}}}"}),
    ],
)
def test_hostile_parameter_values_are_bound_not_pasted(sample_build, name, params):
    question = get_question(name)
    assert RdfStore(sample_build.out).ask(question, dict(params)) == []


def test_bind_values_escapes_literals_into_one_values_block():
    query = sparql("SELECT ?x WHERE { ?x ?p ?param_name }")
    bound = bind_values(query, param_bindings(query, {"name": 'a"b\nc\\'}))
    assert 'VALUES (?param_name) { ("a\\"b\\nc\\\\") }' in bound
    assert sparql_literal(12) == "12" and sparql_literal(True) == "true"


def test_bind_params_writes_the_lookup_key_in_place_and_the_value_as_values():
    query = sparql("SELECT ?x WHERE { ?x <urn:k> ?param_name_key ; <urn:n> ?param_name }")
    bound = bind_params(query, {"name": 'Direct "Preference"\nOptimization'})
    assert "?param_name_key" not in bound
    assert '?x <urn:k> "directpreferenceoptimization"' in bound
    assert 'VALUES (?param_name) { ("Direct \\"Preference\\"\\nOptimization") }' in bound


def test_bind_params_refuses_a_projected_lookup_key():
    with pytest.raises(ValueError, match="graph patterns"):
        bind_params(sparql("SELECT ?param_name_key WHERE { ?x <urn:k> ?param_name_key }"), {"name": "x"})


def test_inline_terms_replaces_a_variable_inside_the_where_clause_only():
    query = sparql("SELECT ?name WHERE { ?e <urn:n> ?name . FILTER (?e != <urn:x>) } ORDER BY ?name")
    inlined = inline_terms(query, {"e": "<urn:y>"})
    assert "<urn:y> <urn:n> ?name" in inlined and "FILTER (<urn:y> != <urn:x>)" in inlined
    for refused in ("SELECT ?e WHERE { ?e <urn:n> ?n }", "SELECT ?n WHERE { ?e <urn:n> ?n } GROUP BY ?e ?n"):
        with pytest.raises(ValueError, match="only in graph patterns"):
            inline_terms(sparql(refused), {"e": "<urn:y>"})


def test_a_sparql_typo_fails_when_the_module_loads():
    with pytest.raises(SyntaxError, match="does not parse"):
        sparql("SELECT ?x WHERE { ?x ?p }")


@pytest.mark.parametrize(
    ("query", "service"),
    [
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", True),
        ("select * where { service silent ?endpoint { ?s ?p ?o } }", True),
        ("SELECT * WHERE {?s ?p ?o .SERVICE<http://x/>{?a ?b ?c}}", True),
        ('SELECT ?service WHERE { ?service <http://x/p> "SERVICE" } # SERVICE', False),
        ("PREFIX service: <http://x/> SELECT * WHERE { ?s service:p <http://x/SERVICE> }", False),
    ],
)
def test_service_calls_are_recognised_outside_strings_and_iris(query, service):
    assert uses_service(query) is service


@pytest.mark.parametrize(
    ("text", "update"),
    [
        ("INSERT DATA { <http://x/a> <http://x/b> 1 }", True),
        ("PREFIX ex: <http://x/>\n  delete where { ?s ?p ?o }", True),
        ("DROP ALL", True),
        ("LOAD <http://example.org/data.ttl>", True),
        ('SELECT * WHERE { ?s ?p "INSERT DATA" }', False),
        ("# DROP ALL\nASK {}", False),
    ],
)
def test_updates_are_told_apart_from_queries(text, update):
    assert is_update(text) is update


def test_list_columns_survive_any_name(tmp_path):
    store = RdfStore(tmp_path)
    store.write(hostile_graph())
    query = sparql("""
        SELECT (GROUP_CONCAT(ENCODE_FOR_URI(?name); separator=" ") AS ?names_list)
        WHERE { ?e a kgo:Entity ; skos:altLabel ?name }
    """)
    _, rows = store.select(query)
    assert sorted(decode_list(rows[0]["names_list"]["value"])) == sorted(
        [HOSTILE[5]] * 3 + ["alias 0", "alias 1", "alias 2"]
    )


def test_rdf_store_writes_and_reads_back_the_same_graph(sample_graph, tmp_path):
    store = RdfStore(tmp_path)
    store.write(sample_graph)
    assert normalised(store.read()) == normalised(sample_graph)
    store.write(sample_graph, add=True)  # adding the same graph again changes nothing
    assert normalised(RdfStore(tmp_path).read()) == normalised(sample_graph)


def test_rdf_store_without_a_graph_says_how_to_build_one(tmp_path):
    with pytest.raises(KgError, match="kg build"):
        RdfStore(tmp_path / "missing").ask(get_question("trends"), {})


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kg.cli", *args],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"},
        check=True,
    )


def test_kg_query_backend_rdf_prints_the_embedded_answer(mini_folder):
    args = ["query", "methods-sharing-benchmarks", "--graph", str(mini_folder), "--format", "json"]
    embedded = json.loads(kg(*args).stdout)
    assert embedded and json.loads(kg(*args, "--backend", "rdf").stdout) == embedded


def test_kg_sparql_runs_select_ask_and_construct_on_the_embedded_store(mini_folder):
    rows = json.loads(
        kg(
            "sparql",
            "SELECT ?name WHERE { ?m a kgo:Method ; rdfs:label ?name } ORDER BY ?name",
            "--graph",
            str(mini_folder),
            "--format",
            "json",
        ).stdout
    )
    assert [r["name"] for r in rows][:2] == ["Alpha", "Beta"]
    ask = kg("sparql", "ASK { ?p a schema:ScholarlyArticle }", "--graph", str(mini_folder), "--format", "csv")
    assert ask.stdout.split() == ["ask", "True"]
    construct = kg(
        "sparql",
        "CONSTRUCT { ?p a kgo:Paper } WHERE { ?p a kgo:Paper }",
        "--graph",
        str(mini_folder),
        "--format",
        "json",
    )
    assert len(json.loads(construct.stdout)) == 4


def test_sparql_examples_in_the_docs_run(sample_build):
    from kg.sparql import with_prefixes

    from .conftest import ROOT

    blocks = re.findall(r"```sparql\n(.*?)```", (ROOT / "docs" / "rdf-sparql.md").read_text(), re.S)
    commands = re.findall(r'^kg sparql "(.*)"', (ROOT / "docs" / "rdf-sparql.md").read_text(), re.M)
    assert blocks and commands
    store = RdfStore(sample_build.out)
    for query in blocks + commands:
        assert store.query(with_prefixes(query)), query
