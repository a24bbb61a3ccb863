"""methods-sharing-benchmarks: pairs of methods, proposed by different papers, evaluated on a common benchmark.

A method "is evaluated on" a benchmark when a paper proposes the method and reports
results on the benchmark. A pair counts a benchmark only when two different papers
witness it, so a paper's own two components do not pair up on their own benchmark.

>>> import networkx as nx
>>> g = nx.DiGraph()
>>> for p in ("p1", "p2"): g.add_node(p, kind="Paper")
>>> g.add_node("a", kind="Entity", type="Method", name="A"); g.add_node("b", kind="Entity", type="Method", name="B")
>>> g.add_node("m", kind="Entity", type="Benchmark", name="MMLU")
>>> g.add_edge("p1", "a", role="proposed"); g.add_edge("p1", "m", role="evaluated_on")
>>> g.add_edge("p2", "b", role="proposed"); g.add_edge("p2", "m", role="evaluated_on")
>>> QUESTION.run_networkx(g)
[{'method_a': 'A', 'method_b': 'B', 'shared': ['MMLU']}]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from kg.sparql import sparql
from queries.base import EVALUATION_TYPES, METHOD_TYPES, Param, Question

__all__ = ["QUESTION", "methods_sharing_benchmarks"]


def methods_sharing_benchmarks(graph: nx.DiGraph, **_: Any) -> list[dict[str, Any]]:
    # (method, benchmark) -> papers that propose the method and evaluate on the benchmark
    witnesses: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for paper, data in graph.nodes(data=True):
        if data.get("kind") != "Paper":
            continue
        proposed, evaluated = [], []
        for _, entity, edge in graph.out_edges(paper, data=True):
            etype = graph.nodes[entity].get("type")
            if edge["role"] == "proposed" and etype in METHOD_TYPES:
                proposed.append(entity)
            elif edge["role"] == "evaluated_on" and etype in EVALUATION_TYPES:
                evaluated.append(entity)
        for method in proposed:
            for bench in evaluated:
                witnesses[bench][method].add(paper)
    shared: dict[tuple[str, str], set[str]] = defaultdict(set)
    for bench, methods in witnesses.items():
        items = sorted(methods.items())
        for i, (m1, papers1) in enumerate(items):
            for m2, papers2 in items[i + 1 :]:
                if len(papers1 | papers2) > 1:  # two different papers witness it
                    shared[m1, m2].add(graph.nodes[bench]["name"])
    rows = []
    for (m1, m2), names in shared.items():
        a, b = sorted((graph.nodes[m1]["name"], graph.nodes[m2]["name"]))
        rows.append({"method_a": a, "method_b": b, "shared": sorted(names)})
    return rows


def finish(rows: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    out = [
        {"method_a": r["method_a"], "method_b": r["method_b"], "shared": sorted(set(r["shared"]))}
        for r in rows
        if r["method_a"] != r["method_b"]
    ]
    out = [r for r in out if len(r["shared"]) >= params["min_shared"]]
    out.sort(key=lambda r: (-len(r["shared"]), r["method_a"], r["method_b"]))
    return out[: params["limit"]]


SPARQL = sparql("""
    # Two different papers witness the pair on a benchmark: each proposes one of the
    # methods and evaluates on the benchmark. Pairs are node pairs; names come back sorted.
    SELECT ?method_a ?method_b (GROUP_CONCAT(DISTINCT ENCODE_FOR_URI(?benchmark); separator=" ") AS ?shared_list)
    WHERE {
      ?paper1 kgo:proposes ?method1 ; kgo:evaluatesOn ?bench .
      ?paper2 kgo:proposes ?method2 ; kgo:evaluatesOn ?bench .
      FILTER (?paper1 != ?paper2 && STR(?method1) < STR(?method2))
      ?method1 a ?class1 ; rdfs:label ?name1 .
      ?method2 a ?class2 ; rdfs:label ?name2 .
      ?bench a ?bench_class ; rdfs:label ?benchmark .
      FILTER (?class1 IN (kgo:Method, kgo:Model) && ?class2 IN (kgo:Method, kgo:Model))
      FILTER (?bench_class IN (kgo:Benchmark, kgo:Dataset))
      BIND (IF(?name1 <= ?name2, ?name1, ?name2) AS ?method_a)
      BIND (IF(?name1 <= ?name2, ?name2, ?name1) AS ?method_b)
    }
    GROUP BY ?method1 ?method2 ?method_a ?method_b
""")


CYPHER = """
// Witnesses: papers that propose method m and evaluate on benchmark b.
MATCH (p:Paper)-[:PROPOSES]->(m:Method|Model), (p)-[:EVALUATES_ON]->(b:Benchmark|Dataset)
WITH b, m, collect(p) AS papers
WITH b, collect([m, papers]) AS witnessed
UNWIND witnessed AS w1
UNWIND witnessed AS w2
WITH b, w1[0] AS m1, w1[1] AS papers1, w2[0] AS m2, w2[1] AS papers2
// Two different papers must witness the pair: not one paper alone for both methods.
WHERE m1.id < m2.id AND (size(papers1) > 1 OR size(papers2) > 1 OR papers1[0] <> papers2[0])
WITH m1, m2, collect(DISTINCT b.name) AS shared
WHERE size(shared) >= $min_shared AND m1.name <> m2.name
WITH CASE WHEN m1.name < m2.name THEN m1.name ELSE m2.name END AS method_a,
     CASE WHEN m1.name < m2.name THEN m2.name ELSE m1.name END AS method_b, shared
RETURN method_a, method_b, shared
ORDER BY size(shared) DESC, method_a, method_b
LIMIT $limit
"""


QUESTION = Question(
    name="methods-sharing-benchmarks",
    description="Pairs of methods from different papers evaluated on at least one common benchmark or dataset, strongest first.",
    columns=("method_a", "method_b", "shared"),
    networkx=methods_sharing_benchmarks,
    cypher=CYPHER,
    sparql=SPARQL,
    finish=finish,
    params=(
        Param("min_shared", "least number of shared benchmarks for a pair", int, 1),
        Param("limit", "most pairs to return", int, 50),
    ),
    examples=("kg query methods-sharing-benchmarks --param min_shared=2",),
)
