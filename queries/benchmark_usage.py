"""benchmark-usage: which benchmarks and datasets papers evaluate on, most used first.

>>> import networkx as nx
>>> g = nx.DiGraph(); g.add_node("p", kind="Paper"); g.add_node("x", kind="Paper")
>>> g.add_node("m", kind="Entity", type="Benchmark", name="MMLU")
>>> g.add_node("d", kind="Entity", type="Method", name="DPO")
>>> g.add_edge("p", "m", role="evaluated_on"); g.add_edge("x", "m", role="evaluated_on"); g.add_edge("p", "d", role="proposed")
>>> QUESTION.run_networkx(g)
[{'benchmark': 'MMLU', 'type': 'Benchmark', 'papers': 2, 'methods': ['DPO']}]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.sparql import sparql
from queries.base import EVALUATION_TYPES, Param, Question, methods_proposed_by

__all__ = ["QUESTION", "benchmark_usage"]


def benchmark_usage(graph: nx.DiGraph, min_papers: int = 1, limit: int | None = None, **_: Any) -> list[dict[str, Any]]:
    counted = []
    for node, data in graph.nodes(data=True):
        if data.get("kind") != "Entity" or data.get("type") not in EVALUATION_TYPES:
            continue
        papers = [p for p, e in graph.pred[node].items() if e["role"] == "evaluated_on"]
        if papers and len(papers) >= min_papers:
            counted.append((-len(papers), data["name"], data["type"], papers))
    # The methods are gathered only for the rows `finish` keeps: on a large graph the popular
    # benchmarks' papers are most of the graph.
    counted.sort(key=lambda row: row[:3])
    proposed: dict[str, set[str]] = {}  # paper -> its methods, shared by the benchmarks it names
    rows = []
    for n, name, kind, papers in counted[:limit]:
        methods: set[str] = set()
        for p in papers:
            if p not in proposed:
                proposed[p] = methods_proposed_by(graph, [p])
            methods |= proposed[p]
        rows.append({"benchmark": name, "type": kind, "papers": -n, "methods": sorted(methods)})
    return rows


def finish(rows: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    out = [{**r, "methods": sorted(set(r["methods"]))} for r in rows if r["papers"] >= params["min_papers"]]
    out.sort(key=lambda r: (-r["papers"], r["benchmark"], r["type"]))
    return out[: params["limit"]]


SPARQL = sparql("""
    SELECT ?benchmark ?type (COUNT(DISTINCT ?paper) AS ?papers)
           (GROUP_CONCAT(DISTINCT COALESCE(ENCODE_FOR_URI(?method), ""); separator=" ") AS ?methods_list)
    WHERE {
      ?paper kgo:evaluatesOn ?entity .
      ?entity a ?class ; rdfs:label ?benchmark .
      FILTER (?class IN (kgo:Benchmark, kgo:Dataset))
      BIND (STRAFTER(STR(?class), "#") AS ?type)
      OPTIONAL {
        ?paper kgo:proposes ?proposed .
        ?proposed a ?proposed_class ; rdfs:label ?method .
        FILTER (?proposed_class IN (kgo:Method, kgo:Model))
      }
    }
    GROUP BY ?entity ?benchmark ?type
""")


CYPHER = """
MATCH (p:Paper)-[:EVALUATES_ON]->(b:Benchmark|Dataset)
OPTIONAL MATCH (p)-[:PROPOSES]->(m:Method|Model)
WITH b, count(DISTINCT p) AS papers, collect(DISTINCT m.name) AS methods
WHERE papers >= $min_papers
RETURN b.name AS benchmark, b.type AS type, papers, methods
ORDER BY papers DESC, benchmark, type
LIMIT $limit
"""


QUESTION = Question(
    name="benchmark-usage",
    description="Benchmarks and datasets by the number of papers evaluating on them, with the methods those papers propose.",
    columns=("benchmark", "type", "papers", "methods"),
    networkx=benchmark_usage,
    cypher=CYPHER,
    sparql=SPARQL,
    finish=finish,
    params=(
        Param("min_papers", "least number of papers", int, 1),
        Param("limit", "most rows to return", int, 50),
    ),
)
