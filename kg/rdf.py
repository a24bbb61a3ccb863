"""The graph as RDF, following our ontology (``kg/ontology.ttl``, shapes in ``kg/shapes.ttl``).

- paper ``kg:paper/<id>``: ``schema:ScholarlyArticle`` and ``kgo:Paper`` with title, date, url.
- entity ``kg:entity/<slug-hash>``: ``kgo:Entity`` plus its type class (``kgo:Method`` ...),
  ``rdfs:label``/``skos:prefLabel`` for the canonical name, ``skos:altLabel`` for aliases,
  ``kgo:paperCount`` for how many papers support it.
- each edge twice: a direct shortcut (``paper kgo:proposes entity``) for simple queries,
  and a ``kgo:Mention`` node ``kg:mention/<paper>/<entity>`` carrying the provenance:
  paper, entity, role, confidence and ``kgo:Evidence`` nodes (sentence, character offsets).

IRIs are derived from our node ids alone (percent-encoded), so a rebuild yields the same
IRIs, and :func:`from_rdf` turns them back into the same ids.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

import networkx as nx
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.graph import KnowledgeGraph
from kg.model import ENTITY_TYPES
from kg.sparql import KG_ID, KGO_IRI, SCHEMA_IRI

__all__ = [
    "BASE",
    "KGO",
    "ONTOLOGY_FILE",
    "ROLE_PROPERTIES",
    "SCHEMA",
    "SHAPES_FILE",
    "entity_iri",
    "from_rdf",
    "mention_iri",
    "node_id",
    "paper_iri",
    "to_rdf",
    "write_rdf",
]

BASE = Namespace(KG_ID)
KGO = Namespace(KGO_IRI)
SCHEMA = Namespace(SCHEMA_IRI)
ONTOLOGY_FILE = Path(__file__).with_name("ontology.ttl")
SHAPES_FILE = Path(__file__).with_name("shapes.ttl")

ROLE_PROPERTIES = {
    "proposed": KGO.proposes,
    "evaluated_on": KGO.evaluatesOn,
    "used": KGO.uses,
    "mentioned": KGO.mentions,
    "affiliated": KGO.affiliatedWith,
}
# schema.org classes people already query for, stated alongside ours (no reasoner needed).
_ALIGNED_CLASSES = {"Organization": SCHEMA.Organization, "Dataset": SCHEMA.Dataset, "Benchmark": SCHEMA.Dataset}
_DATE_TYPES = ((re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date), (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth))
_PREFIXES = (("kg", BASE), ("kgo", KGO), ("schema", SCHEMA), ("skos", SKOS), ("dcterms", DCTERMS), ("prov", PROV))


def _local(node_id: str) -> str:
    kind, _, rest = node_id.partition(":")
    return f"{kind}/{quote(rest, safe='')}"


def paper_iri(node_id: str) -> URIRef:
    """``paper:2401.01234`` -> ``kg:paper/2401.01234`` (any character percent-encoded)."""
    return BASE[_local(node_id)]


def entity_iri(node_id: str) -> URIRef:
    return BASE[_local(node_id)]


def mention_iri(paper: str, entity: str) -> URIRef:
    return BASE[f"mention/{quote(paper.partition(':')[2], safe='')}/{quote(entity.partition(':')[2], safe='')}"]


def node_id(iri: str) -> str:
    """The node id an IRI was made from: the inverse of :func:`paper_iri` and :func:`entity_iri`.

    >>> node_id(str(paper_iri("paper:a/b c")))
    'paper:a/b c'
    """
    kind, _, rest = iri.removeprefix(KG_ID).partition("/")
    return f"{kind}:{unquote(rest)}"


def _date(value: str) -> Literal:
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(value):
            try:
                datetime.date.fromisoformat(value if datatype == XSD.date else f"{value}-01")
            except ValueError:
                break
            return Literal(value, datatype=datatype)
    return Literal(value)


def _decimal(value: float) -> Literal:
    text = f"{float(value):.6f}".rstrip("0")
    return Literal(text + "0" if text.endswith(".") else text, datatype=XSD.decimal)


def to_rdf(graph: KnowledgeGraph) -> Graph:
    g = Graph()
    for prefix, ns in _PREFIXES:
        g.bind(prefix, ns)
    for node, d in graph.papers():
        s = paper_iri(node)
        g.add((s, RDF.type, SCHEMA.ScholarlyArticle))
        g.add((s, RDF.type, KGO.Paper))
        g.add((s, DCTERMS.identifier, Literal(d.get("paper_id") or node.partition(":")[2])))
        g.add((s, SCHEMA.name, Literal(d["title"])))
        g.add((s, RDFS.label, Literal(d["title"])))
        if d.get("date"):
            g.add((s, SCHEMA.datePublished, _date(d["date"])))
        if d.get("url"):
            g.add((s, SCHEMA.url, Literal(d["url"], datatype=XSD.anyURI)))
        if d.get("authors_count") is not None:
            g.add((s, KGO.authorsCount, Literal(int(d["authors_count"]))))
        if d.get("upvotes") is not None:
            g.add((s, KGO.upvotes, Literal(int(d["upvotes"]))))
        for name in d.get("organizations") or []:
            g.add((s, KGO.organizationName, Literal(name)))
    for node, d in graph.entities():
        s = entity_iri(node)
        g.add((s, RDF.type, KGO.Entity))
        g.add((s, RDF.type, KGO[d["type"]]))
        if d["type"] in _ALIGNED_CLASSES:
            g.add((s, RDF.type, _ALIGNED_CLASSES[d["type"]]))
        g.add((s, DCTERMS.identifier, Literal(node)))
        g.add((s, RDFS.label, Literal(d["name"])))
        g.add((s, SKOS.prefLabel, Literal(d["name"])))
        for alias in d.get("aliases") or []:
            g.add((s, SKOS.altLabel, Literal(alias)))
        for key in d.get("keys") or []:
            g.add((s, KGO.matchKey, Literal(key)))
        g.add((s, KGO.paperCount, Literal(int(d.get("paper_count", graph.nx.in_degree(node))))))
    for u, v, d in graph.nx.edges(data=True):
        paper, entity, mention = paper_iri(u), entity_iri(v), mention_iri(u, v)
        g.add((paper, ROLE_PROPERTIES[d["role"]], entity))
        g.add((mention, RDF.type, KGO.Mention))
        g.add((mention, KGO.paper, paper))
        g.add((mention, KGO.entity, entity))
        g.add((mention, KGO.role, Literal(d["role"])))
        g.add((mention, KGO.confidence, _decimal(d["confidence"])))
        g.add((mention, PROV.wasDerivedFrom, paper))
        for ev in d.get("evidence") or []:
            evidence = URIRef(f"{mention}/{int(ev['start'])}-{int(ev['end'])}")
            g.add((mention, KGO.evidence, evidence))
            g.add((evidence, RDF.type, KGO.Evidence))
            g.add((evidence, KGO.sentence, Literal(ev["sentence"])))
            g.add((evidence, KGO.start, Literal(int(ev["start"]))))
            g.add((evidence, KGO.end, Literal(int(ev["end"]))))
    return g


def from_rdf(rdf: Graph) -> KnowledgeGraph:
    """The KnowledgeGraph an RDF graph of ours describes. RDF keeps no list order, so
    aliases, keys, organizations and evidence come back sorted."""
    g = nx.DiGraph()

    def optional(s: URIRef, p: URIRef, convert: type = str) -> Any:
        value = rdf.value(s, p)
        return None if value is None else convert(value)

    def many(s: URIRef, p: URIRef) -> list[str]:
        return sorted(str(o) for o in rdf.objects(s, p))

    for s in sorted(rdf.subjects(RDF.type, KGO.Paper)):
        title = str(rdf.value(s, SCHEMA.name))
        g.add_node(
            node_id(str(s)),
            kind="Paper",
            label=title,
            title=title,
            date=optional(s, SCHEMA.datePublished),
            url=optional(s, SCHEMA.url),
            authors_count=optional(s, KGO.authorsCount, int),
            organizations=many(s, KGO.organizationName),
            paper_id=str(rdf.value(s, DCTERMS.identifier)),
            upvotes=optional(s, KGO.upvotes, int),
        )
    types = {KGO[t]: t for t in ENTITY_TYPES}
    for s in sorted(rdf.subjects(RDF.type, KGO.Entity)):
        name = str(rdf.value(s, RDFS.label))
        g.add_node(
            node_id(str(s)),
            kind="Entity",
            type=next(types[c] for c in rdf.objects(s, RDF.type) if c in types),
            name=name,
            label=name,
            aliases=many(s, SKOS.altLabel),
            keys=many(s, KGO.matchKey),
            paper_count=int(rdf.value(s, KGO.paperCount)),
        )
    for m in sorted(rdf.subjects(RDF.type, KGO.Mention)):
        evidence = [
            {
                "sentence": str(rdf.value(e, KGO.sentence)),
                "start": int(rdf.value(e, KGO.start)),
                "end": int(rdf.value(e, KGO.end)),
            }
            for e in rdf.objects(m, KGO.evidence)
        ]
        g.add_edge(
            node_id(str(rdf.value(m, KGO.paper))),
            node_id(str(rdf.value(m, KGO.entity))),
            role=str(rdf.value(m, KGO.role)),
            confidence=float(rdf.value(m, KGO.confidence)),
            evidence=sorted(evidence, key=lambda e: (e["start"], e["end"], e["sentence"])),
        )
    return KnowledgeGraph(g)


def _sorted_jsonld(rdf: Graph) -> str:
    """JSON-LD with our prefixes as context; nodes and values sorted so rebuilds are byte-identical."""
    context = {prefix: str(ns) for prefix, ns in _PREFIXES}
    context.update(rdf=str(RDF), rdfs=str(RDFS), xsd=str(XSD))
    data = json.loads(rdf.serialize(format="json-ld", context=context, auto_compact=True))
    nodes = data.get("@graph", [data])

    def key(value: Any) -> str:
        return json.dumps(value, sort_keys=True, ensure_ascii=False)

    for node in nodes:
        for prop, value in node.items():
            if isinstance(value, list):
                node[prop] = sorted(value, key=key)
    out = {"@context": context, "@graph": sorted(nodes, key=lambda n: n.get("@id", ""))}
    return json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_rdf(graph: KnowledgeGraph, path: Path, fmt: str = "turtle") -> None:
    """Write ``graph`` as Turtle, N-Triples (``nt``) or JSON-LD, byte-identical for the same graph."""
    rdf = to_rdf(graph)
    if fmt == "nt":
        # rdflib writes N-Triples in hash order; sorted lines make rebuilds byte-identical.
        lines = sorted(set(rdf.serialize(format="nt").splitlines()))
        path.write_text("\n".join(line for line in lines if line) + "\n", encoding="utf-8")
    elif fmt == "json-ld":
        path.write_text(_sorted_jsonld(rdf), encoding="utf-8")
    else:
        path.write_text(rdf.serialize(format=fmt), encoding="utf-8")
