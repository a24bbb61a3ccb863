"""shared-benchmarks NAME: the methods that share benchmarks with one method, most shared first.

The pairs of ``methods-sharing-benchmarks`` that contain the named method, under the
same rule (two different papers witness each shared benchmark). Where the all-pairs
question grows with the square of the methods on a popular benchmark, this one reads
only the named method's neighbourhood, so it stays fast on large graphs.

>>> import networkx as nx
>>> g = nx.DiGraph()
>>> for p in ("p1", "p2"): g.add_node(p, kind="Paper")
>>> g.add_node("a", kind="Entity", type="Method", name="A", keys=["a"], paper_count=1)
>>> g.add_node("b", kind="Entity", type="Method", name="B", keys=["b"], paper_count=1)
>>> g.add_node("m", kind="Entity", type="Benchmark", name="MMLU")
>>> g.add_edge("p1", "a", role="proposed"); g.add_edge("p1", "m", role="evaluated_on")
>>> g.add_edge("p2", "b", role="proposed"); g.add_edge("p2", "m", role="evaluated_on")
>>> QUESTION.run_networkx(g, name="a")
[{'method': 'B', 'shared': ['MMLU']}]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from kg.sparql import entity_named, sparql
from queries.base import EVALUATION_TYPES, METHOD_TYPES, Param, Question, entity_by_name

__all__ = ["QUESTION", "shared_benchmarks"]


def _evaluated(graph: nx.DiGraph, paper: str) -> list[str]:
    return [
        b
        for _, b, e in graph.out_edges(paper, data=True)
        if e["role"] == "evaluated_on" and graph.nodes[b].get("type") in EVALUATION_TYPES
    ]


def shared_benchmarks(graph: nx.DiGraph, name: str, **_: Any) -> list[dict[str, Any]]:
    node = entity_by_name(graph, name)
    if node is None:
        return []
    # benchmark -> papers proposing the named method and evaluating on it
    own: dict[str, set[str]] = defaultdict(set)
    for paper, _, e in graph.in_edges(node, data=True):
        if e["role"] == "proposed":
            for bench in _evaluated(graph, paper):
                own[bench].add(paper)
    shared: dict[str, set[str]] = defaultdict(set)
    for bench, own_papers in own.items():
        for paper, _, e in graph.in_edges(bench, data=True):
            if e["role"] != "evaluated_on":
                continue
            if own_papers == {paper}:  # the method's own paper alone does not make a pair
                continue
            for _, other, e2 in graph.out_edges(paper, data=True):
                if e2["role"] == "proposed" and other != node and graph.nodes[other].get("type") in METHOD_TYPES:
                    shared[other].add(graph.nodes[bench]["name"])
    return [{"method": graph.nodes[m]["name"], "shared": sorted(names)} for m, names in shared.items()]


def finish(rows: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    merged: dict[str, set[str]] = defaultdict(set)  # two nodes may carry one name
    for r in rows:
        merged[r["method"]].update(r["shared"])
    out = [{"method": m, "shared": sorted(s)} for m, s in merged.items() if len(s) >= params["min_shared"]]
    out.sort(key=lambda r: (-len(r["shared"]), r["method"]))
    return out[: params["limit"]]


SPARQL = sparql(f"""
    # The named method's benchmarks, then the other methods proposed by papers evaluating on
    # them; a benchmark counts when a paper other than the one witness of the named method does.
    SELECT ?method (GROUP_CONCAT(DISTINCT ENCODE_FOR_URI(?benchmark); separator=" ") AS ?shared_list)
    WHERE {{{entity_named("entity", "param_name_key")}
      ?paper1 kgo:proposes ?entity ; kgo:evaluatesOn ?bench .
      ?bench a ?bench_class ; rdfs:label ?benchmark .
      FILTER (?bench_class IN (kgo:Benchmark, kgo:Dataset))
      ?paper2 kgo:evaluatesOn ?bench ; kgo:proposes ?other .
      FILTER (?paper1 != ?paper2 && ?other != ?entity)
      ?other a ?class ; rdfs:label ?method .
      FILTER (?class IN (kgo:Method, kgo:Model))
    }}
    GROUP BY ?other ?method
""")


CYPHER = """
// The named method (by name or alias; the entity in most papers wins), its benchmarks, and
// the other methods whose papers evaluate on them; two different papers witness each one.
MATCH (e:Entity) WHERE $name_key IN e.keys
WITH e ORDER BY e.paper_count DESC, e.id LIMIT 1
MATCH (p1:Paper)-[:PROPOSES]->(e), (p1)-[:EVALUATES_ON]->(b:Benchmark|Dataset)
MATCH (p2:Paper)-[:EVALUATES_ON]->(b)
WHERE p2 <> p1
MATCH (p2)-[:PROPOSES]->(m:Method|Model)
WHERE m <> e
WITH m.name AS method, collect(DISTINCT b.name) AS shared
WHERE size(shared) >= $min_shared
RETURN method, shared
ORDER BY size(shared) DESC, method
LIMIT $limit
"""


QUESTION = Question(
    name="shared-benchmarks",
    description="The methods that share benchmarks or datasets with one method (by name or alias), most shared first.",
    columns=("method", "shared"),
    networkx=shared_benchmarks,
    cypher=CYPHER,
    sparql=SPARQL,
    finish=finish,
    params=(
        Param("name", "method or model name or alias, e.g. DPO", str, None, required=True),
        Param("min_shared", "least number of shared benchmarks", int, 1),
        Param("limit", "most methods to return", int, 50),
    ),
    examples=("kg query shared-benchmarks DPO",),
    when_empty="no method shares {min_shared} or more benchmarks with '{name}', "
    + 'or nothing is named so: kg query method-profile "{name}" tells which',
)
