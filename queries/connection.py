"""connection A B: the shortest explained path between two entities, through papers.

Of several shortest paths the one whose node names sort first is returned, so every
backend gives the same answer.

>>> import networkx as nx
>>> g = nx.DiGraph(); g.add_node("p", kind="Paper", title="Paper P")
>>> g.add_node("a", kind="Entity", type="Method", name="DPO", keys=["dpo"])
>>> g.add_node("b", kind="Entity", type="Benchmark", name="MT-Bench", keys=["mtbench"])
>>> g.add_edge("p", "a", role="proposed"); g.add_edge("p", "b", role="evaluated_on")
>>> [r["node"] for r in QUESTION.run_networkx(g, a="DPO", b="MT Bench")]
['DPO', 'Paper P', 'MT-Bench']
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.sparql import sparql
from queries.base import Param, Question, entity_by_name

__all__ = ["QUESTION", "connection"]


def _label(graph: nx.DiGraph, node: str) -> str:
    data = graph.nodes[node]
    return data.get("name") or data.get("title") or node


def connection(graph: nx.DiGraph, a: str, b: str, max_hops: int = 6, **_: Any) -> list[dict[str, Any]]:
    start, end = entity_by_name(graph, a), entity_by_name(graph, b)
    if start is None or end is None or start == end:
        return []
    undirected = graph.to_undirected(as_view=True)
    try:
        paths = list(nx.all_shortest_paths(undirected, start, end))
    except nx.NetworkXNoPath:
        return []
    if len(paths[0]) - 1 > max_hops:
        return []
    path = min(paths, key=lambda p: [_label(graph, n) for n in p])
    rows = []
    for step, node in enumerate(path):
        data = graph.nodes[node]
        role = None
        if step > 0:
            prev = path[step - 1]
            edge = graph.edges[prev, node] if graph.has_edge(prev, node) else graph.edges[node, prev]
            role = edge["role"]
        rows.append(
            {"step": step, "node": _label(graph, node), "kind": data.get("type") or data.get("kind"), "role": role}
        )
    return rows


SPARQL = sparql("""
    # One breadth-first step: the neighbours of the ?node values (a paper and an entity
    # meet through a mention), with the link's role and the neighbour's label and kind.
    # SPARQL has no shortest path, so the rdf store repeats this step from the frontier
    # and picks the path whose labels sort first (kg/stores/rdf.py).
    SELECT ?node ?next ?label ?kind ?role
    WHERE {
      { ?mention kgo:paper ?node ; kgo:entity ?next } UNION { ?mention kgo:entity ?node ; kgo:paper ?next }
      ?mention kgo:role ?role .
      ?next a ?class .
      FILTER (?class IN (kgo:Paper, kgo:Method, kgo:Model, kgo:Dataset, kgo:Benchmark, kgo:Task, kgo:Metric, kgo:Organization))
      BIND (STRAFTER(STR(?class), "#") AS ?kind)
      OPTIONAL { ?next rdfs:label ?label }
    }
""")


CYPHER = """
MATCH (a:Entity) WHERE $a_key IN a.keys
WITH a ORDER BY a.paper_count DESC, a.id LIMIT 1
MATCH (b:Entity) WHERE $b_key IN b.keys
WITH a, b ORDER BY b.paper_count DESC, b.id LIMIT 1
WITH a, b WHERE a <> b
MATCH path = allShortestPaths((a)-[:PROPOSES|EVALUATES_ON|USES|MENTIONS|AFFILIATED_WITH*]-(b))
// A bound on the hops cannot be a parameter in Cypher, so the length is checked after the search.
WITH path WHERE length(path) <= $max_hops
// Of several shortest paths, the one whose node names sort first, as on every backend.
WITH path, [n IN nodes(path) | coalesce(n.name, n.title, n.id)] AS names
ORDER BY names LIMIT 1
UNWIND range(0, length(path)) AS step
WITH step, names[step] AS node, nodes(path)[step] AS n,
     CASE step WHEN 0 THEN null ELSE relationships(path)[step - 1].role END AS role
RETURN step, node, coalesce(n.type, CASE WHEN n:Paper THEN 'Paper' END) AS kind, role
ORDER BY step
"""


QUESTION = Question(
    name="connection",
    description="Shortest path between two entities through the papers that link them, each step with its role.",
    columns=("step", "node", "kind", "role"),
    networkx=connection,
    cypher=CYPHER,
    sparql=SPARQL,
    params=(
        Param("a", "first entity name or alias", str, None, required=True),
        Param("b", "second entity name or alias", str, None, required=True),
        Param("max_hops", "longest path to look for", int, 6),
    ),
    examples=("kg query connection DPO MT-Bench",),
)
