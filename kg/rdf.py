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

The mapping is written once, in :func:`rdf_triples`, as pyoxigraph terms. :func:`write_rdf`
streams them to pyoxigraph's Turtle writer, to N-Triples lines and to our compact JSON-LD
without building an rdflib graph: on 1,000 papers (110k triples) Turtle is 20 times faster
than rdflib's, N-Triples and JSON-LD 10 times. :func:`to_rdf` turns the same triples into
the rdflib graph that pySHACL and the tests want.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from collections.abc import Iterable, Iterator
from itertools import groupby
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, unquote

import networkx as nx
import pyoxigraph as ox
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
    "rdf_triples",
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
# Turtle declares the prefixes it abbreviates with; ``kg:`` is left out because our IRIs'
# local parts hold "/" and "%", which Turtle would need backslash-escaped (``kg:paper\/x``).
_TURTLE_PREFIXES = {prefix: str(ns) for prefix, ns in _PREFIXES if prefix != "kg"} | {
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}
_JSONLD_CONTEXT = {prefix: str(ns) for prefix, ns in _PREFIXES} | {"rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD)}


def _quoted_rest(node_id: str) -> str:
    return quote(node_id.partition(":")[2], safe="")


def _local(node_id: str) -> str:
    return f"{node_id.partition(':')[0]}/{_quoted_rest(node_id)}"


def paper_iri(node_id: str) -> URIRef:
    """``paper:2401.01234`` -> ``kg:paper/2401.01234`` (any character percent-encoded)."""
    return BASE[_local(node_id)]


def entity_iri(node_id: str) -> URIRef:
    return BASE[_local(node_id)]


def mention_iri(paper: str, entity: str) -> URIRef:
    return BASE[f"mention/{_quoted_rest(paper)}/{_quoted_rest(entity)}"]


def node_id(iri: str) -> str:
    """The node id an IRI was made from: the inverse of :func:`paper_iri` and :func:`entity_iri`.

    >>> node_id(str(paper_iri("paper:a/b c")))
    'paper:a/b c'
    """
    kind, _, rest = iri.removeprefix(KG_ID).partition("/")
    return f"{kind}:{unquote(rest)}"


class _Vocabulary:
    """pyoxigraph NamedNodes of one namespace, each made once (``_KGO.Paper``)."""

    def __init__(self, namespace: Namespace) -> None:
        self._namespace = str(namespace)

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        node = ox.NamedNode(self._namespace + name)
        setattr(self, name, node)
        return node

    def __getitem__(self, name: str) -> ox.NamedNode:
        return getattr(self, name)


_RDF, _RDFS, _XSD, _KGO, _SCHEMA = (_Vocabulary(ns) for ns in (RDF, RDFS, XSD, KGO, SCHEMA))
_SKOS, _DCTERMS, _PROV = (_Vocabulary(ns) for ns in (SKOS, DCTERMS, PROV))
_ROLE_NODES = {role: ox.NamedNode(str(p)) for role, p in ROLE_PROPERTIES.items()}
_ALIGNED_NODES = {t: ox.NamedNode(str(c)) for t, c in _ALIGNED_CLASSES.items()}
_DATE_NODES = tuple((pattern, ox.NamedNode(str(datatype))) for pattern, datatype in _DATE_TYPES)


def _date(value: str) -> ox.Literal:
    for pattern, datatype in _DATE_NODES:
        if pattern.fullmatch(value):
            try:
                datetime.date.fromisoformat(value if datatype == _XSD.date else f"{value}-01")
            except ValueError:
                break
            return ox.Literal(value, datatype=datatype)
    return ox.Literal(value)


def _decimal(value: float) -> ox.Literal:
    text = f"{float(value):.6f}".rstrip("0")
    return ox.Literal(text + "0" if text.endswith(".") else text, datatype=_XSD.decimal)


# (subject, predicate, object) as pyoxigraph terms.
_Triple = tuple[ox.NamedNode, ox.NamedNode, "ox.NamedNode | ox.Literal"]
_XSD_STRING = str(XSD.string)


def _paper_triples(s: ox.NamedNode, node: str, d: dict[str, Any]) -> Iterator[_Triple]:
    yield s, _RDF.type, _SCHEMA.ScholarlyArticle
    yield s, _RDF.type, _KGO.Paper
    yield s, _DCTERMS.identifier, ox.Literal(d.get("paper_id") or node.partition(":")[2])
    title = ox.Literal(d["title"])
    yield s, _SCHEMA.name, title
    yield s, _RDFS.label, title
    if d.get("date"):
        yield s, _SCHEMA.datePublished, _date(d["date"])
    if d.get("url"):
        yield s, _SCHEMA.url, ox.Literal(d["url"], datatype=_XSD.anyURI)
    if d.get("authors_count") is not None:
        yield s, _KGO.authorsCount, ox.Literal(int(d["authors_count"]))
    if d.get("upvotes") is not None:
        yield s, _KGO.upvotes, ox.Literal(int(d["upvotes"]))
    for name in d.get("organizations") or []:
        yield s, _KGO.organizationName, ox.Literal(name)


def _entity_triples(s: ox.NamedNode, node: str, d: dict[str, Any], in_degree: int) -> Iterator[_Triple]:
    yield s, _RDF.type, _KGO.Entity
    yield s, _RDF.type, _KGO[d["type"]]
    if d["type"] in _ALIGNED_NODES:
        yield s, _RDF.type, _ALIGNED_NODES[d["type"]]
    yield s, _DCTERMS.identifier, ox.Literal(node)
    name = ox.Literal(d["name"])
    yield s, _RDFS.label, name
    yield s, _SKOS.prefLabel, name
    for alias in d.get("aliases") or []:
        yield s, _SKOS.altLabel, ox.Literal(alias)
    for key in d.get("keys") or []:
        yield s, _KGO.matchKey, ox.Literal(key)
    yield s, _KGO.paperCount, ox.Literal(int(d.get("paper_count", in_degree)))


def _edge_triples(paper: ox.NamedNode, entity: ox.NamedNode, mention: str, d: dict[str, Any]) -> Iterator[_Triple]:
    """The shortcut ``paper role entity`` and the Mention node with its Evidence."""
    m = ox.NamedNode(mention)
    yield paper, _ROLE_NODES[d["role"]], entity
    yield m, _RDF.type, _KGO.Mention
    yield m, _KGO.paper, paper
    yield m, _KGO.entity, entity
    yield m, _KGO.role, ox.Literal(d["role"])
    yield m, _KGO.confidence, _decimal(d["confidence"])
    yield m, _PROV.wasDerivedFrom, paper
    for ev in d.get("evidence") or []:
        start, end = int(ev["start"]), int(ev["end"])
        evidence = ox.NamedNode(f"{mention}/{start}-{end}")
        yield m, _KGO.evidence, evidence
        yield evidence, _RDF.type, _KGO.Evidence
        yield evidence, _KGO.sentence, ox.Literal(ev["sentence"])
        yield evidence, _KGO.start, ox.Literal(start)
        yield evidence, _KGO.end, ox.Literal(end)


def _node_blocks(graph: KnowledgeGraph) -> Iterator[list[tuple[str, _Triple]]]:
    """Per node, by IRI: its triples and its outgoing edges' triples, each with its
    N-Triples line, sorted by line and without repeats (two equal aliases are one triple)."""
    nx_graph = graph.nx
    rest = {node: _quoted_rest(node) for node in nx_graph}
    iris = {node: f"{KG_ID}{node.partition(':')[0]}/{rest[node]}" for node in nx_graph}
    terms = {node: ox.NamedNode(iri) for node, iri in iris.items()}
    for node in sorted(nx_graph, key=iris.__getitem__):
        d = nx_graph.nodes[node]
        s = terms[node]
        if d.get("kind") == "Paper":
            triples = list(_paper_triples(s, node, d))
        elif d.get("kind") == "Entity":
            triples = list(_entity_triples(s, node, d, nx_graph.in_degree(node)))
        else:
            triples = []
        for target, edge in nx_graph.succ[node].items():
            triples.extend(_edge_triples(s, terms[target], f"{KG_ID}mention/{rest[node]}/{rest[target]}", edge))
        # str() of a pyoxigraph term is its N-Triples form, escaped by pyoxigraph.
        lines = {f"{s} {p} {o} .\n": (s, p, o) for s, p, o in triples}
        yield sorted(lines.items())


def rdf_triples(graph: KnowledgeGraph) -> Iterator[_Triple]:
    """Every triple of ``graph`` in our ontology as ``(subject, predicate, object)``
    pyoxigraph terms: the one place the mapping is written.

    The order depends on the graph's content alone, not on the order nodes were added:
    nodes by IRI, each followed by its mentions, one node's triples sorted as N-Triples
    lines (so a subject's triples are adjacent, as Turtle and JSON-LD want). Only one
    node's triples are held at a time, so a graph of any size streams to a file.

    >>> g = KnowledgeGraph()
    >>> g.nx.add_node("paper:1", kind="Paper", title="T", paper_id="1")
    >>> for s, p, o in rdf_triples(g):
    ...     print(p.value.rpartition("/")[2], o)
    identifier "1"
    22-rdf-syntax-ns#type <https://schema.org/ScholarlyArticle>
    22-rdf-syntax-ns#type <https://w3id.org/kg-papers/ontology#Paper>
    rdf-schema#label "T"
    name "T"
    """
    for block in _node_blocks(graph):
        for _, triple in block:
            yield triple


def _rdflib_term(term: ox.NamedNode | ox.Literal) -> URIRef | Literal:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    # rdflib keeps plain strings untyped; pyoxigraph (RDF 1.1) reports them as xsd:string.
    return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))


def to_rdf(graph: KnowledgeGraph) -> Graph:
    """The graph as an rdflib Graph, for pySHACL and other rdflib users (slower than
    :func:`write_rdf`, which never builds one)."""
    g = Graph()
    for prefix, ns in _PREFIXES:
        g.bind(prefix, ns)
    iris: dict[str, URIRef] = {}

    def iri(term: ox.NamedNode) -> URIRef:
        value = term.value
        return iris.get(value) or iris.setdefault(value, URIRef(value))

    g.addN((iri(s), iri(p), _rdflib_term(o), g) for s, p, o in rdf_triples(graph))  # type: ignore[arg-type]
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


_JSONLD_PREFIX_OF = {ns: prefix for prefix, ns in _JSONLD_CONTEXT.items()}
_XSD_INTEGER = str(XSD.integer)
_RDF_TYPE = str(RDF.type)


@functools.cache
def _compact_iri(iri: str) -> str:
    """``kgo:Paper`` for an IRI in a namespace of our JSON-LD context, else the IRI: split at
    the last ``#``, ``/`` or ``:``, as rdflib's JSON-LD writer (which shaped the file) did."""
    for delimiter in "#/:":
        at = iri.rfind(delimiter)
        if at > -1:
            prefix = _JSONLD_PREFIX_OF.get(iri[: at + 1])
            return f"{prefix}:{iri[at + 1 :]}" if prefix else iri
    return iri


def _jsonld_value(term: ox.NamedNode | ox.Literal) -> Any:
    """A compact JSON-LD value: ``{"@id": ...}``, a plain string, a number, or a typed value."""
    if isinstance(term, ox.NamedNode):
        return {"@id": term.value}
    if term.language:
        return {"@language": term.language, "@value": term.value}
    datatype = term.datatype.value
    if datatype == _XSD_STRING:
        return term.value
    if datatype == _XSD_INTEGER:
        return int(term.value)
    return {"@type": _compact_iri(datatype), "@value": term.value}


def _indented_json(value: Any, pad: str) -> str:
    """``json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)`` at depth ``len(pad)``
    for the strings, numbers, lists and dicts of a node. ``indent`` makes ``json.dumps`` use
    its pure-Python encoder, twice as slow as this, which leaves strings to the C one."""
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, dict) and value:
        inner = pad + " "
        items = ",\n".join(
            f"{inner}{encode_basestring(k)}: {_indented_json(v, inner)}" for k, v in sorted(value.items())
        )
        return f"{{\n{items}\n{pad}}}"
    if isinstance(value, list) and value:
        inner = pad + " "
        return "[\n" + ",\n".join(inner + _indented_json(v, inner) for v in value) + f"\n{pad}]"
    return json.dumps(value)


def _write_jsonld(triples: Iterable[_Triple], out: IO[str]) -> None:
    """Compact JSON-LD with our prefixes as context, one node object per subject in the
    order the triples stream by, several values of a key sorted, indented one space.

    pyoxigraph 0.5 writes JSON-LD too, but only the expanded form (full IRIs as keys, every
    value an object, no context), which is much harder to read than this document."""
    head = _indented_json({"@context": _JSONLD_CONTEXT}, "")
    out.write(head.removesuffix("\n}") + ',\n "@graph": [')
    separator = "\n"
    for subject, group in groupby(triples, key=lambda t: t[0]):
        node: dict[str, list[Any]] = {"@id": [subject.value]}
        for _, p, o in group:
            predicate = p.value
            if predicate == _RDF_TYPE and isinstance(o, ox.NamedNode):
                node.setdefault("@type", []).append(_compact_iri(o.value))
            else:
                node.setdefault(_compact_iri(predicate), []).append(_jsonld_value(o))
        # One value stands alone, several make a list sorted by their text: stable bytes.
        items = []
        for key, values in sorted(node.items()):
            if len(values) == 1:
                text = _indented_json(values[0], "   ")
            else:
                text = "[\n    " + ",\n    ".join(sorted(_indented_json(v, "    ") for v in values)) + "\n   ]"
            items.append(f"   {encode_basestring(key)}: {text}")
        out.write(separator + "  {\n" + ",\n".join(items) + "\n  }")
        separator = ",\n"
    out.write("\n ]\n}\n" if separator == ",\n" else "]\n}\n")


def write_rdf(graph: KnowledgeGraph, path: Path, fmt: str = "turtle") -> None:
    """Write ``graph`` as Turtle, N-Triples (``nt``) or JSON-LD, byte-identical for the same graph.

    The triples stream from :func:`rdf_triples` to the file; no rdflib graph is built."""
    if fmt in ("turtle", "ttl"):
        triples = (ox.Triple(s, p, o) for s, p, o in rdf_triples(graph))
        ox.serialize(triples, str(path), ox.RdfFormat.TURTLE, prefixes=_TURTLE_PREFIXES)
    elif fmt == "nt":
        # The sort keys are already N-Triples lines, byte for byte what pyoxigraph's writer
        # would print; writing them directly saves making a Triple object per line.
        with path.open("w", encoding="utf-8", newline="\n") as out:
            for block in _node_blocks(graph):
                out.writelines(line for line, _ in block)
    elif fmt == "json-ld":
        with path.open("w", encoding="utf-8", newline="\n") as out:
            _write_jsonld(rdf_triples(graph), out)
    else:
        # Other rdflib formats (xml, n3 ...) for callers who ask for them.
        path.write_text(to_rdf(graph).serialize(format=fmt), encoding="utf-8")
