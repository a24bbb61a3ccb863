"""The graph as RDF: papers as ``schema:ScholarlyArticle``, entities typed by our small
ontology (``kg/ontology.ttl``), each edge both as a direct triple and as a mention node
carrying its provenance (role, confidence, evidence sentence, source paper).

IRIs come from our stable identifiers, so a rebuild yields the same IRIs.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.graph import KnowledgeGraph

__all__ = ["BASE", "KGO", "SCHEMA", "entity_iri", "paper_iri", "to_rdf", "write_rdf"]

BASE = Namespace("https://w3id.org/kg-papers/id/")
KGO = Namespace("https://w3id.org/kg-papers/ontology#")
SCHEMA = Namespace("https://schema.org/")

ROLE_PROPERTIES = {
    "proposed": KGO.proposes,
    "evaluated_on": KGO.evaluatesOn,
    "used": KGO.uses,
    "mentioned": KGO.mentions,
    "affiliated": KGO.affiliatedWith,
}
_EXTRA_CLASSES = {"Organization": SCHEMA.Organization, "Dataset": SCHEMA.Dataset, "Benchmark": SCHEMA.Dataset}


def _local(node_id: str) -> str:
    kind, _, rest = node_id.partition(":")
    return f"{kind}/{quote(rest, safe='')}"


def paper_iri(node_id: str) -> URIRef:
    return BASE[_local(node_id)]


def entity_iri(node_id: str) -> URIRef:
    return BASE[_local(node_id)]


def to_rdf(graph: KnowledgeGraph) -> Graph:
    g = Graph()
    for prefix, ns in (
        ("kg", BASE),
        ("kgo", KGO),
        ("schema", SCHEMA),
        ("skos", SKOS),
        ("dcterms", DCTERMS),
        ("prov", PROV),
    ):
        g.bind(prefix, ns)
    for node, d in graph.papers():
        s = paper_iri(node)
        g.add((s, RDF.type, SCHEMA.ScholarlyArticle))
        g.add((s, RDF.type, KGO.Paper))
        g.add((s, DCTERMS.identifier, Literal(d.get("paper_id", node))))
        g.add((s, SCHEMA.name, Literal(d["title"])))
        g.add((s, RDFS.label, Literal(d["title"])))
        if d.get("date"):
            date = d["date"]
            g.add((s, SCHEMA.datePublished, Literal(date, datatype=XSD.date if len(date) == 10 else None)))
        if d.get("url"):
            g.add((s, SCHEMA.url, Literal(d["url"], datatype=XSD.anyURI)))
        if d.get("authors_count") is not None:
            g.add((s, KGO.authorsCount, Literal(int(d["authors_count"]))))
    for node, d in graph.entities():
        s = entity_iri(node)
        g.add((s, RDF.type, KGO.Entity))
        g.add((s, RDF.type, KGO[d["type"]]))
        if d["type"] in _EXTRA_CLASSES:
            g.add((s, RDF.type, _EXTRA_CLASSES[d["type"]]))
        g.add((s, RDFS.label, Literal(d["name"])))
        g.add((s, SKOS.prefLabel, Literal(d["name"])))
        for alias in d.get("aliases") or []:
            g.add((s, SKOS.altLabel, Literal(alias)))
        g.add((s, KGO.paperCount, Literal(int(d.get("paper_count", 0)))))
    for u, v, d in graph.nx.edges(data=True):
        paper, entity = paper_iri(u), entity_iri(v)
        g.add((paper, ROLE_PROPERTIES[d["role"]], entity))
        mention = BASE[f"mention/{quote(u.partition(':')[2], safe='')}/{quote(v.partition(':')[2], safe='')}"]
        g.add((mention, RDF.type, KGO.Mention))
        g.add((mention, KGO.paper, paper))
        g.add((mention, KGO.entity, entity))
        g.add((mention, KGO.role, Literal(d["role"])))
        g.add((mention, KGO.confidence, Literal(float(d["confidence"]), datatype=XSD.decimal)))
        g.add((mention, PROV.wasDerivedFrom, paper))
        for ev in d.get("evidence") or []:
            g.add((mention, KGO.evidence, Literal(ev["sentence"])))
    return g


def write_rdf(graph: KnowledgeGraph, path: Path, fmt: str = "turtle") -> None:
    rdf = to_rdf(graph)
    if fmt == "nt":
        # rdflib writes N-Triples in hash order; sorted lines make rebuilds byte-identical.
        lines = sorted(set(rdf.serialize(format="nt").splitlines()))
        path.write_text("\n".join(line for line in lines if line) + "\n", encoding="utf-8")
    else:
        path.write_text(rdf.serialize(format=fmt), encoding="utf-8")
