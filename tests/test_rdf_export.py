"""The RDF export: round trips, hostile names, stable IRIs, byte-identical rebuilds, SHACL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS

from kg import rdf
from kg.exports import EXPORTERS
from kg.graph import KnowledgeGraph
from kg.rdf import (
    KGO,
    ONTOLOGY_FILE,
    SCHEMA,
    SHAPES_FILE,
    entity_iri,
    from_rdf,
    mention_iri,
    node_id,
    paper_iri,
    to_rdf,
    write_rdf,
)

HOSTILE = [
    'He said "align" and left',
    "two\nlines\r\nand a tab\t",
    "<script>alert('x')</script> & <b>",
    "Ünïcödé — 日本語 🤖 naïve",
    'ends with a quote"',
    '"""triple""" \\ backslash',
]
# An empty alias beside others (rdflib's JSON-LD writer dropped it), and a backslash-u that
# naive escaping would turn into "A", with DEL and a Unicode line separator.
HOSTILE_ALIASES = {"", "\\u0041 is not A \x7f\u2028 end"}


def hostile_graph(odd_aliases: bool = False) -> KnowledgeGraph:
    """Two papers and three entities whose names and ids are as unkind to RDF as we can make them
    (with ``odd_aliases``, the first entity also has the :data:`HOSTILE_ALIASES`)."""
    g = nx.DiGraph()
    for i, title in enumerate(HOSTILE[:2]):
        pid = f'odd id/{i} <"x">'
        g.add_node(
            f"paper:{pid}",
            kind="Paper",
            title=title,
            label=title,
            paper_id=pid,
            date="2024-05-02" if i == 0 else "2024-13",
            url="https://example.org/p?a=1&b=<2>",
            authors_count=3,
            organizations=["Zürich Lab", 'Lab "Q"'],
            upvotes=None if i else 7,
        )
    for i, name in enumerate(HOSTILE[2:5]):
        g.add_node(
            f"entity:e{i}-abc12{i}",
            kind="Entity",
            type=("Method", "Benchmark", "Organization")[i],
            name=name,
            label=name,
            aliases=sorted({HOSTILE[5], f"alias {i}"} | (HOSTILE_ALIASES if odd_aliases and i == 0 else set())),
            keys=[f"key{i}"],
            paper_count=0,
        )
    roles = ("proposed", "evaluated_on", "affiliated")
    for p in (n for n in g if n.startswith("paper:")):
        for i, role in enumerate(roles):
            evidence = [{"sentence": HOSTILE[(i + 3) % len(HOSTILE)], "start": 10 * i, "end": 10 * i + 4}]
            g.add_edge(p, f"entity:e{i}-abc12{i}", role=role, confidence=0.123456 + 0.1 * i, evidence=evidence)
    graph = KnowledgeGraph(g)
    graph.refresh_counts()
    return graph


def normalised(graph: KnowledgeGraph) -> tuple[dict, dict]:
    """Nodes and edges with list order and float noise removed, as RDF keeps them."""
    nodes = {}
    for n, d in graph.nx.nodes(data=True):
        nodes[n] = {k: sorted(v) if isinstance(v, list) else v for k, v in d.items()}
    edges = {}
    for u, v, d in graph.nx.edges(data=True):
        evidence = sorted(d.get("evidence") or [], key=lambda e: (e["start"], e["end"], e["sentence"]))
        edges[u, v] = {"role": d["role"], "confidence": round(d["confidence"], 6), "evidence": evidence}
    return nodes, edges


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("jsonld", "json-ld"), ("ntriples", "nt")])
def test_sample_export_round_trips_through_rdflib_with_the_same_triples(sample_graph, tmp_path, fmt, rdflib_format):
    writer, filename = EXPORTERS[fmt]
    writer(sample_graph, tmp_path / filename)
    expected = to_rdf(sample_graph)
    parsed = Graph().parse(tmp_path / filename, format=rdflib_format)
    assert len(parsed) == len(expected) > 1000
    assert isomorphic(parsed, expected)


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("jsonld", "json-ld"), ("ntriples", "nt")])
def test_hostile_names_survive_every_rdf_format(tmp_path, fmt, rdflib_format):
    graph = hostile_graph(odd_aliases=True)
    writer, filename = EXPORTERS[fmt]
    writer(graph, tmp_path / filename)
    parsed = Graph().parse(tmp_path / filename, format=rdflib_format)
    assert len(parsed) == len(to_rdf(graph))
    assert isomorphic(parsed, to_rdf(graph))
    labels = {str(o) for o in parsed.objects(None, RDFS.label)}
    assert set(HOSTILE[:5]) <= labels
    assert normalised(from_rdf(parsed)) == normalised(graph)


def test_hostile_turtle_loads_into_pyoxigraph_unchanged(tmp_path):
    import pyoxigraph as ox

    graph = hostile_graph(odd_aliases=True)
    EXPORTERS["turtle"][0](graph, tmp_path / "graph.ttl")
    store = ox.Store()
    store.load(path=str(tmp_path / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    names = {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(str(RDFS.label)), None)}
    assert set(HOSTILE[:5]) <= names
    assert len(store) == len(to_rdf(graph))


# The mapping of a one-paper, one-entity graph, checked by hand against the module docstring
# (it is what to_rdf produced before the triples were generated for pyoxigraph).
SMALL_GRAPH_TURTLE = """
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix kgo: <https://w3id.org/kg-papers/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://w3id.org/kg-papers/id/paper/2401.1> a schema:ScholarlyArticle, kgo:Paper ;
    dcterms:identifier "2401.1" ; schema:name "T" ; rdfs:label "T" ;
    schema:datePublished "2024-01"^^xsd:gYearMonth ; schema:url "https://x.org/1"^^xsd:anyURI ;
    kgo:authorsCount 2 ; kgo:upvotes 5 ; kgo:organizationName "Lab" ;
    kgo:evaluatesOn <https://w3id.org/kg-papers/id/entity/mmlu-1a> .
<https://w3id.org/kg-papers/id/entity/mmlu-1a> a kgo:Entity, kgo:Benchmark, schema:Dataset ;
    dcterms:identifier "entity:mmlu-1a" ; rdfs:label "MMLU" ; skos:prefLabel "MMLU" ;
    skos:altLabel "mmlu bench" ; kgo:matchKey "mmlu" ; kgo:paperCount 1 .
<https://w3id.org/kg-papers/id/mention/2401.1/mmlu-1a> a kgo:Mention ;
    kgo:paper <https://w3id.org/kg-papers/id/paper/2401.1> ;
    kgo:entity <https://w3id.org/kg-papers/id/entity/mmlu-1a> ;
    kgo:role "evaluated_on" ; kgo:confidence 0.9 ;
    prov:wasDerivedFrom <https://w3id.org/kg-papers/id/paper/2401.1> ;
    kgo:evidence <https://w3id.org/kg-papers/id/mention/2401.1/mmlu-1a/3-7> .
<https://w3id.org/kg-papers/id/mention/2401.1/mmlu-1a/3-7> a kgo:Evidence ;
    kgo:sentence "On MMLU." ; kgo:start 3 ; kgo:end 7 .
"""


def small_graph() -> KnowledgeGraph:
    g = nx.DiGraph()
    g.add_node(
        "paper:2401.1",
        kind="Paper",
        title="T",
        paper_id="2401.1",
        date="2024-01",
        url="https://x.org/1",
        authors_count=2,
        organizations=["Lab"],
        upvotes=5,
    )
    g.add_node("entity:mmlu-1a", kind="Entity", type="Benchmark", name="MMLU", aliases=["mmlu bench"], keys=["mmlu"])
    evidence = [{"sentence": "On MMLU.", "start": 3, "end": 7}]
    g.add_edge("paper:2401.1", "entity:mmlu-1a", role="evaluated_on", confidence=0.9, evidence=evidence)
    return KnowledgeGraph(g)


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("nt", "nt"), ("json-ld", "json-ld")])
def test_small_graph_maps_to_the_hand_checked_triples(tmp_path, fmt, rdflib_format):
    expected = Graph().parse(data=SMALL_GRAPH_TURTLE, format="turtle")
    graph = small_graph()
    assert set(to_rdf(graph)) == set(expected)
    write_rdf(graph, tmp_path / "graph", fmt)
    assert set(Graph().parse(tmp_path / "graph", format=rdflib_format)) == set(expected)


def _oxigraph_lines(data: str | bytes | Path, fmt) -> set[str]:
    import pyoxigraph as ox

    if isinstance(data, Path):
        return {str(t) for t in ox.parse(path=str(data), format=fmt)}
    return {str(t) for t in ox.parse(data, format=fmt)}


@pytest.mark.parametrize("which", ["sample", "hostile"])
@pytest.mark.parametrize(("fmt", "ox_format"), [("turtle", "TURTLE"), ("nt", "N_TRIPLES"), ("json-ld", "JSON_LD")])
def test_fast_rdf_files_hold_exactly_the_rdflib_graphs_triples(request, tmp_path, which, fmt, ox_format):
    """Read back by the other parser (pyoxigraph), term for term: IRIs, lexical forms, datatypes."""
    import pyoxigraph as ox

    graph = request.getfixturevalue("sample_graph") if which == "sample" else hostile_graph(odd_aliases=True)
    write_rdf(graph, tmp_path / "graph", fmt)
    written = _oxigraph_lines(tmp_path / "graph", getattr(ox.RdfFormat, ox_format))
    expected = _oxigraph_lines(to_rdf(graph).serialize(format="nt"), ox.RdfFormat.N_TRIPLES)
    assert written == expected


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_rdf_files_do_not_depend_on_the_order_nodes_were_added(tmp_path, fmt):
    graph = hostile_graph(odd_aliases=True)
    shuffled = nx.DiGraph()
    shuffled.add_nodes_from(reversed(list(graph.nx.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(graph.nx.edges(data=True))))
    write_rdf(graph, tmp_path / "a", fmt)
    write_rdf(KnowledgeGraph(shuffled), tmp_path / "b", fmt)
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_writing_rdf_builds_no_rdflib_graph(tmp_path, monkeypatch, fmt):
    """The rdflib route was 20-40 times slower; a 100,000-paper build cannot afford it."""

    def refuse(_graph: KnowledgeGraph) -> Graph:
        raise AssertionError("write_rdf built an rdflib graph")

    monkeypatch.setattr(rdf, "to_rdf", refuse)
    write_rdf(hostile_graph(odd_aliases=True), tmp_path / "graph", fmt)
    assert (tmp_path / "graph").stat().st_size > 0


def test_iris_come_from_node_ids_alone_and_lead_back_to_them():
    graph = hostile_graph()
    for node in graph.nx:
        assert node_id(str(paper_iri(node) if node.startswith("paper:") else entity_iri(node))) == node
    assert paper_iri("paper:2401.01234") == URIRef("https://w3id.org/kg-papers/id/paper/2401.01234")
    assert entity_iri("entity:dpo-1a2b3c") == URIRef("https://w3id.org/kg-papers/id/entity/dpo-1a2b3c")
    assert str(paper_iri('paper:odd id/0 <"x">')) == "https://w3id.org/kg-papers/id/paper/odd%20id%2F0%20%3C%22x%22%3E"
    assert mention_iri("paper:a/b", "entity:c") == URIRef("https://w3id.org/kg-papers/id/mention/a%2Fb/c")
    # A rebuild (here: a copy with nodes added in another order) gives the same triples.
    shuffled = nx.DiGraph()
    shuffled.add_nodes_from(reversed(list(graph.nx.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(graph.nx.edges(data=True))))
    assert isomorphic(to_rdf(KnowledgeGraph(shuffled)), to_rdf(graph))


WRITE_SAMPLE = """
import sys
from pathlib import Path
from kg.exports import EXPORTERS
from kg.exports.node_link import read_node_link
graph = read_node_link(Path(sys.argv[1]))
for fmt in ("turtle", "jsonld", "ntriples"):
    writer, name = EXPORTERS[fmt]
    writer(graph, Path(sys.argv[2]) / name)
"""


def test_rdf_files_are_byte_identical_across_processes(sample_build, tmp_path):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        out.mkdir()
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        subprocess.run(
            [sys.executable, "-c", WRITE_SAMPLE, str(sample_build.out / "graph.json"), str(out)], env=env, check=True
        )
        outputs.append(out)
    for name in ("graph.ttl", "graph.jsonld", "graph.nt"):
        first, second = ((o / name).read_bytes() for o in outputs)
        assert first == second, f"{name} differs between two runs"
    assert (outputs[0] / "graph.ttl").read_bytes() == (sample_build.out / "graph.ttl").read_bytes()


def validate(data: Graph) -> tuple[bool, str]:
    from pyshacl import validate as shacl

    conforms, _, text = shacl(data, shacl_graph=Graph().parse(SHAPES_FILE), advanced=True, inference="none")
    return conforms, text


def test_sample_graph_conforms_to_the_shapes(sample_graph):
    conforms, report = validate(to_rdf(sample_graph))
    assert conforms, report


def _drop_role(g: Graph) -> None:
    mention = next(g.subjects(RDF.type, KGO.Mention))
    g.remove((mention, KGO.role, None))


def _bad_confidence(g: Graph) -> None:
    mention = next(g.subjects(RDF.type, KGO.Mention))
    g.set((mention, KGO.confidence, Literal("1.5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))))


def _shortcut_without_mention(g: Graph) -> None:
    paper = next(g.subjects(RDF.type, KGO.Paper))
    entity = next(g.subjects(RDF.type, KGO.Entity))
    g.remove((None, KGO.proposes, entity))
    g.remove((None, KGO.evaluatesOn, entity))
    g.remove((None, KGO.affiliatedWith, entity))
    g.add((paper, KGO.uses, entity))


def _mention_without_shortcut(g: Graph) -> None:
    g.remove((None, KGO.proposes, None))


def _wrong_paper_count(g: Graph) -> None:
    entity = next(g.subjects(RDF.type, KGO.Entity))
    g.set((entity, KGO.paperCount, Literal(99)))


def _two_entity_types(g: Graph) -> None:
    g.add((next(g.subjects(RDF.type, KGO.Entity)), RDF.type, KGO.Task))


def _paper_without_title(g: Graph) -> None:
    g.remove((next(g.subjects(RDF.type, KGO.Paper)), SCHEMA.name, None))


def _unknown_role(g: Graph) -> None:
    mention = next(g.subjects(RDF.type, KGO.Mention))
    g.set((mention, KGO.role, Literal("inspired")))


@pytest.mark.parametrize(
    "breakage",
    [
        _drop_role,
        _bad_confidence,
        _shortcut_without_mention,
        _mention_without_shortcut,
        _wrong_paper_count,
        _two_entity_types,
        _paper_without_title,
        _unknown_role,
    ],
)
def test_shapes_catch_a_broken_graph(breakage):
    data = to_rdf(hostile_graph(odd_aliases=True))
    assert validate(data)[0], "the unbroken graph must conform"
    breakage(data)
    conforms, report = validate(data)
    assert not conforms
    assert "Constraint Violation" in report


def test_ontology_declares_every_term_the_export_uses(sample_graph):
    ontology = Graph().parse(ONTOLOGY_FILE)
    data = to_rdf(hostile_graph()) + to_rdf(sample_graph)
    used = {p for p in data.predicates() if str(p).startswith(str(KGO))}
    used |= {o for o in data.objects(None, RDF.type) if str(o).startswith(str(KGO))}
    for term in used:
        kinds = set(ontology.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, f"{term} is not declared"
        assert (term, RDFS.label, None) in ontology and (term, RDFS.comment, None) in ontology, term


def test_shapes_and_ontology_ship_inside_the_package():
    assert Path(ONTOLOGY_FILE).parent.name == "kg" and Path(SHAPES_FILE).parent.name == "kg"
    assert ONTOLOGY_FILE.suffix == SHAPES_FILE.suffix == ".ttl"
