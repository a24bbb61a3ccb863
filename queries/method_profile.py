"""method-profile NAME: everything the graph knows about one entity, found by name or alias.

>>> import networkx as nx
>>> g = nx.DiGraph(); g.add_node("p", kind="Paper", title="T")
>>> g.add_node("d", kind="Entity", type="Method", name="Direct Preference Optimization", aliases=["DPO"],
...            keys=["directpreferenceoptimization", "dpo"], paper_count=1)
>>> g.add_edge("p", "d", role="used")
>>> QUESTION.run_networkx(g, name="dpo")[0]["papers"]
['T']
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.sparql import entity_named, sparql
from queries.base import EVALUATION_TYPES, Param, Question, entity_by_name

__all__ = ["QUESTION", "method_profile"]


def method_profile(graph: nx.DiGraph, name: str, **_: Any) -> list[dict[str, Any]]:
    node = entity_by_name(graph, name)
    if node is None:
        return []
    data = graph.nodes[node]
    edges = list(graph.in_edges(node, data=True))
    papers = [graph.nodes[p]["title"] for p, _, _ in edges]
    proposed_by = [graph.nodes[p]["title"] for p, _, e in edges if e["role"] == "proposed"]
    benchmarks = {
        graph.nodes[b]["name"]
        for p, _, e in edges
        if e["role"] == "proposed"
        for _, b, e2 in graph.out_edges(p, data=True)
        if e2["role"] == "evaluated_on" and graph.nodes[b].get("type") in EVALUATION_TYPES
    }
    return [
        {
            "name": data["name"],
            "type": data["type"],
            "aliases": list(data.get("aliases") or []),
            "papers": papers,
            "proposed_by": proposed_by,
            "benchmarks": sorted(benchmarks),
        }
    ]


def finish(rows: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            **r,
            "aliases": sorted(set(r["aliases"])),
            "papers": sorted(set(r["papers"])),
            "proposed_by": sorted(set(r["proposed_by"])),
            "benchmarks": sorted(set(r["benchmarks"])),
        }
        for r in rows[:1]
    ]


SPARQL = sparql(f"""
    # The entity whose name or alias has the key ?param_name_key; of several, the one in
    # most papers, then the smallest id (no better ?rival). One UNION branch per list. The
    # RDF store looks the entity up first and writes it in place of ?entity, so that each
    # branch reads one entity's neighbourhood (kg.stores.rdf.method_profile).
    SELECT ?name ?type
           (GROUP_CONCAT(DISTINCT COALESCE(ENCODE_FOR_URI(?alias), ""); separator=" ") AS ?aliases_list)
           (GROUP_CONCAT(DISTINCT COALESCE(ENCODE_FOR_URI(?title), ""); separator=" ") AS ?papers_list)
           (GROUP_CONCAT(DISTINCT COALESCE(ENCODE_FOR_URI(?proposer), ""); separator=" ") AS ?proposed_by_list)
           (GROUP_CONCAT(DISTINCT COALESCE(ENCODE_FOR_URI(?benchmark), ""); separator=" ") AS ?benchmarks_list)
    WHERE {{{entity_named("entity", "param_name_key")}
      ?entity rdfs:label ?name ; a ?class .
      FILTER (?class IN (kgo:Method, kgo:Model, kgo:Dataset, kgo:Benchmark, kgo:Task, kgo:Metric, kgo:Organization))
      BIND (STRAFTER(STR(?class), "#") AS ?type)
      {{}} UNION {{ ?entity skos:altLabel ?alias }}
      UNION {{ ?mention kgo:entity ?entity ; kgo:paper ?paper . ?paper schema:name ?title }}
      UNION {{ ?proposing kgo:proposes ?entity ; schema:name ?proposer }}
      UNION {{
        ?proposing kgo:proposes ?entity ; kgo:evaluatesOn ?bench .
        ?bench a ?bench_class ; rdfs:label ?benchmark .
        FILTER (?bench_class IN (kgo:Benchmark, kgo:Dataset))
      }}
    }}
    GROUP BY ?name ?type
""")


CYPHER = """
// By name or alias: $name_key is the parameter's match key; the entity in most papers wins.
MATCH (e:Entity) WHERE $name_key IN e.keys
WITH e ORDER BY e.paper_count DESC, e.id LIMIT 1
RETURN e.name AS name, e.type AS type, coalesce(e.aliases, []) AS aliases,
       COLLECT { MATCH (p:Paper)-->(e) RETURN p.title } AS papers,
       COLLECT { MATCH (p:Paper)-[:PROPOSES]->(e) RETURN p.title } AS proposed_by,
       COLLECT { MATCH (p:Paper)-[:PROPOSES]->(e), (p)-[:EVALUATES_ON]->(b:Benchmark|Dataset)
                 RETURN DISTINCT b.name } AS benchmarks
"""


QUESTION = Question(
    name="method-profile",
    description="One entity (method, model, benchmark...) by name or alias: its papers, who proposed it, where it was evaluated.",
    columns=("name", "type", "aliases", "papers", "proposed_by", "benchmarks"),
    networkx=method_profile,
    cypher=CYPHER,
    sparql=SPARQL,
    finish=finish,
    params=(Param("name", "entity name or alias, e.g. DPO", str, None, required=True),),
    examples=("kg query method-profile DPO",),
    when_empty="nothing in the graph is named '{name}', as a name or an alias (case, spacing and punctuation ignored)",
)
