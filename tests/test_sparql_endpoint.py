"""`kg serve` as a real endpoint: started as a process on a free port, queried over HTTP with
SPARQLWrapper and with raw requests."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import time
import urllib.error
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from rdflib import Graph

from kg.stores.embedded import EmbeddedStore
from kg.stores.rdf import NEEDS_PROCEDURE, RdfStore, bound_query, question_rows
from queries import CATALOGUE, get_question

from .test_rdf_store import question_cases

pytestmark = pytest.mark.sparql

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
PAPERS = "PREFIX kgo: <https://w3id.org/kg-papers/ontology#>\nSELECT ?p WHERE { ?p a kgo:Paper } ORDER BY ?p"
# Three copies of the graph joined with each other: far too many combinations to count in time.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@dataclass
class Endpoint:
    url: str
    base: str
    folder: Path
    process: subprocess.Popen


def start_endpoint(folder: Path, *options: str) -> Endpoint:
    """`kg serve --port 0` in its own process; the first line it prints names the URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "serve", "--graph", str(folder), "--port", "0", "--quiet", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"},
    )
    line = process.stdout.readline()
    if not line.startswith("SPARQL endpoint "):
        process.kill()
        raise AssertionError(f"kg serve did not start: {line}{process.stderr.read()}")
    url = line.split()[2]
    base = url.removesuffix("sparql")
    deadline = time.monotonic() + 30
    while requests.get(base, timeout=5).status_code != 200 and time.monotonic() < deadline:
        time.sleep(0.1)
    return Endpoint(url, base, folder, process)


def stop_endpoint(endpoint: Endpoint) -> None:
    endpoint.process.terminate()
    try:
        endpoint.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        endpoint.process.kill()
        endpoint.process.wait()


@pytest.fixture(scope="module")
def served(sample_build, tmp_path_factory) -> Iterator[Endpoint]:
    folder = tmp_path_factory.mktemp("served")
    for name in ("graph.ttl", "graph.json"):
        shutil.copy(sample_build.out / name, folder / name)
    (folder / "graph.html").write_text("<!doctype html><title>graph view</title>", encoding="utf-8")
    endpoint = start_endpoint(folder, "--timeout", "3", "--max-results", "5000")
    yield endpoint
    stop_endpoint(endpoint)


def triple_count(endpoint: Endpoint) -> int:
    response = requests.get(endpoint.url, params={"query": COUNT}, timeout=30)
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def wrapper(endpoint: Endpoint, query: str, fmt: str, method: str = "GET"):
    from SPARQLWrapper import POST, POSTDIRECTLY, SPARQLWrapper

    client = SPARQLWrapper(endpoint.url)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    if method != "GET":
        client.setMethod(POST)
        if method == "POST-direct":
            client.setRequestMethod(POSTDIRECTLY)
    return client


# -- formats and protocol ----------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST", "POST-direct"])
def test_sparqlwrapper_gets_json_by_get_and_both_posts(served, method):
    result = wrapper(served, PAPERS, "json", method).queryAndConvert()
    papers = [b["p"]["value"] for b in result["results"]["bindings"]]
    assert len(papers) == 72 and papers == sorted(papers)


def test_sparqlwrapper_reads_xml_csv_and_tsv(served):
    xml = wrapper(served, PAPERS, "xml").queryAndConvert()  # a minidom document
    assert len(xml.getElementsByTagName("result")) == 72
    rows = list(csv.reader(io.StringIO(wrapper(served, PAPERS, "csv").queryAndConvert().decode())))
    assert rows[0] == ["p"] and len(rows) == 73
    tsv = wrapper(served, PAPERS, "tsv").queryAndConvert().decode().splitlines()
    assert tsv[0] == "?p" and len(tsv) == 73 and tsv[1].startswith("<https://w3id.org/kg-papers/id/paper/")


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json"),
        ("text/csv;q=0.4, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ],
)
def test_select_results_follow_the_accept_header(served, accept, content_type):
    response = requests.post(served.url, data={"query": PAPERS}, headers={"Accept": accept}, timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"].split(";")[0] == content_type
    body = response.text
    if content_type.endswith("json"):
        assert len(json.loads(body)["results"]["bindings"]) == 72
    elif content_type.endswith("xml"):
        ns = "{http://www.w3.org/2005/sparql-results#}"
        assert len(ET.fromstring(response.content).findall(f"{ns}results/{ns}result")) == 72
    else:
        assert len(body.strip().splitlines()) == 73


def test_ask_answers_in_json_and_xml(served):
    query = "ASK { ?p a <https://schema.org/ScholarlyArticle> }"
    assert wrapper(served, query, "json").queryAndConvert()["boolean"] is True
    response = requests.get(served.url, params={"query": query}, headers={"Accept": "application/sparql-results+xml"})
    assert "<boolean>true</boolean>" in response.text


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("json-ld", "json-ld")])
def test_construct_comes_as_turtle_or_json_ld(served, sample_graph, fmt, rdflib_format):
    query = (
        "PREFIX kgo: <https://w3id.org/kg-papers/ontology#>\nPREFIX schema: <https://schema.org/>\n"
        "CONSTRUCT { ?p a kgo:Paper ; schema:name ?t } WHERE { ?p a kgo:Paper ; schema:name ?t }"
    )
    result = wrapper(served, query, fmt).queryAndConvert()
    graph = result if isinstance(result, Graph) else Graph().parse(data=result, format=rdflib_format)
    assert len(graph) == 2 * sum(1 for _ in sample_graph.papers())
    titles = {str(o) for o in graph.objects()}
    assert {d["title"] for _, d in sample_graph.papers()} <= titles


def test_describe_comes_as_turtle_with_the_entity_and_its_labels(served):
    query = 'DESCRIBE ?e WHERE { ?e <https://w3id.org/kg-papers/ontology#matchKey> "dpo" }'
    response = requests.post(
        served.url, data=query.encode(), headers={"Content-Type": "application/sparql-query", "Accept": "text/turtle"}
    )
    assert response.status_code == 200 and response.headers["Content-Type"].startswith("text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    assert len(graph) >= 5


def test_a_format_the_endpoint_cannot_give_is_406(served):
    response = requests.get(served.url, params={"query": PAPERS}, headers={"Accept": "image/png"})
    assert response.status_code == 406 and "text/csv" in response.text


# -- the catalogue -------------------------------------------------------------------------


def test_every_question_through_the_endpoint_equals_the_embedded_answer(served):
    embedded = EmbeddedStore(served.folder)
    remote = RdfStore(endpoint=served.url)
    cases = question_cases(embedded.read())
    assert {name for name, _ in cases} == set(CATALOGUE)
    try:
        for name, params in cases:
            question = get_question(name)
            assert remote.ask(question, dict(params)) == embedded.ask(question, dict(params)), f"{name} {params}"
    finally:
        remote.close()


@pytest.mark.parametrize("name", sorted(set(CATALOGUE) - NEEDS_PROCEDURE))
def test_every_single_query_question_gives_the_same_rows_through_sparqlwrapper(served, sample_graph, name):
    question = get_question(name)
    params = question.bind(dict(next(p for n, p in question_cases(sample_graph) if n == name)))
    result = wrapper(served, bound_query(question, params), "json", "POST").queryAndConvert()
    rows = question_rows(question, result["head"]["vars"], result["results"]["bindings"])
    expected = question.run_networkx(sample_graph.nx, **params)
    assert (question.finish(rows, params) if question.finish else rows) == expected


# -- safety ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "attempt",
    [
        {"data": {"update": "DELETE WHERE { ?s ?p ?o }"}},
        {"data": b"DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
        {"data": {"query": "PREFIX ex: <http://x/> INSERT DATA { ex:a ex:b ex:c }"}},
        {"params": {"update": "CLEAR DEFAULT"}, "method": "GET"},
    ],
)
def test_updates_get_403_and_change_nothing(served, attempt):
    before = triple_count(served)
    method = attempt.pop("method", "POST")
    response = requests.request(method, served.url, timeout=30, **attempt)
    assert response.status_code == 403 and "read-only" in response.text
    assert triple_count(served) == before


def test_sparqlwrapper_update_is_refused_and_the_data_stays(served):
    from SPARQLWrapper import POST, SPARQLWrapper

    before = triple_count(served)
    client = SPARQLWrapper(served.url)
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }")
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    assert triple_count(served) == before


def test_put_and_delete_are_not_allowed(served):
    assert requests.put(served.url, data="x", timeout=30).status_code == 405
    assert requests.delete(served.url, timeout=30).status_code == 405


@pytest.mark.parametrize("silent", ["", "SILENT "])
def test_federated_service_calls_are_refused_without_a_request(served, silent):
    # A local listener that would record any outbound request the endpoint made.
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    query = f"SELECT * WHERE {{ SERVICE {silent}<http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    try:
        with pytest.raises(urllib.error.HTTPError) as refused:
            wrapper(served, query, "json").query()
        assert refused.value.code == 403 and b"SERVICE" in refused.value.read()
        with pytest.raises(socket.timeout):
            listener.accept()
    finally:
        listener.close()


def test_a_query_past_its_time_limit_gets_a_clear_error_and_the_endpoint_lives_on(served):
    started = time.monotonic()
    response = requests.post(served.url, data={"query": SLOW}, timeout=60)
    assert response.status_code == 503
    assert "time limit of 3 s" in response.text
    assert time.monotonic() - started < 10
    assert triple_count(served) > 0  # the other worker answers while the stopped one is replaced
    with pytest.raises(urllib.error.HTTPError) as stopped:
        wrapper(served, SLOW, "json").query()
    assert stopped.value.code == 503


def test_a_result_past_the_size_limit_gets_a_clear_error(served):
    query = "SELECT * WHERE { ?s ?p ?o . ?a ?b ?c } LIMIT 5001"
    response = requests.get(served.url, params={"query": query}, timeout=30)
    assert response.status_code == 422 and "more than 5000 rows" in response.text
    assert requests.get(served.url, params={"query": query.replace("5001", "5000")}, timeout=30).status_code == 200


def test_a_bad_query_is_a_400_with_the_parser_message(served):
    response = requests.get(served.url, params={"query": "SELECT ?x WHERE { ?x"}, timeout=30)
    assert response.status_code == 400 and "does not parse" in response.text


def test_the_endpoint_listens_on_localhost_without_cors_headers_by_default(served):
    assert served.url.startswith("http://127.0.0.1:")
    response = requests.get(served.url, params={"query": COUNT}, headers={"Origin": "https://example.org"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_is_opt_in_for_one_origin(served):
    endpoint = start_endpoint(served.folder, "--cors", "https://example.org")
    try:
        preflight = requests.options(
            endpoint.url,
            headers={"Origin": "https://example.org", "Access-Control-Request-Method": "POST"},
            timeout=30,
        )
        assert preflight.status_code == 204
        assert preflight.headers["Access-Control-Allow-Origin"] == "https://example.org"
        assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
        response = requests.get(endpoint.url, params={"query": COUNT}, timeout=30)
        assert response.headers["Access-Control-Allow-Origin"] == "https://example.org"
    finally:
        stop_endpoint(endpoint)


# -- pages -------------------------------------------------------------------------------------


def test_the_query_page_and_the_graph_view_are_served(served):
    page = requests.get(served.base, timeout=30)
    assert page.status_code == 200 and "kg-papers SPARQL" in page.text and "/sparql" in page.text
    view = requests.get(served.base + "graph.html", timeout=30)
    assert view.status_code == 200 and "graph view" in view.text
    examples = requests.get(served.base + "examples.json", timeout=30).json()
    assert {e["name"] for e in examples} <= set(CATALOGUE)
    ontology = Graph().parse(data=requests.get(served.base + "ontology.ttl", timeout=30).text, format="turtle")
    assert len(ontology) > 100


def test_the_ontology_is_queryable_in_its_own_named_graph(served):
    query = (
        "SELECT ?label WHERE { GRAPH <https://w3id.org/kg-papers/ontology> {"
        " <https://w3id.org/kg-papers/ontology#Mention> <http://www.w3.org/2000/01/rdf-schema#label> ?label } }"
    )
    result = wrapper(served, query, "json").queryAndConvert()
    assert [b["label"]["value"] for b in result["results"]["bindings"]] == ["Mention"]


def test_kg_sparql_prints_endpoint_rows(served):
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "sparql", PAPERS, "--endpoint", served.url, "--format", "csv"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[0] == "p" and len(lines) == 73


def test_kg_sparql_and_kg_query_ask_the_endpoint_the_environment_names(served, tmp_path):
    """KG_SPARQL_ENDPOINT was read into the settings and then ignored. With it set, both commands
    ask that endpoint: --graph names an empty folder, where they would find no graph to read."""

    def kg_csv(*args: str) -> list[str]:
        result = subprocess.run(
            [sys.executable, "-m", "kg.cli", *args, "--graph", str(tmp_path), "--format", "csv"],
            capture_output=True,
            text=True,
            env={"PATH": "/usr/bin:/bin", "KG_SPARQL_ENDPOINT": served.url},
            check=True,
        )
        return result.stdout.splitlines()

    assert len(kg_csv("sparql", PAPERS)) == 73
    expected = EmbeddedStore(served.folder).ask(get_question("benchmark-usage"), {})
    assert expected and len(kg_csv("query", "benchmark-usage", "--backend", "rdf")) == len(expected) + 1
