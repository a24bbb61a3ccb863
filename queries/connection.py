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

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

import networkx as nx

from kg.sparql import sparql
from queries.base import Param, Question, entity_by_name

__all__ = ["QUESTION", "connection", "shortest_path"]


def _label(graph: nx.DiGraph, node: str) -> str:
    data = graph.nodes[node]
    return data.get("name") or data.get("title") or node


# One breadth-first step: from the frontier nodes to (node, neighbour, role) links, with the
# neighbour's label and kind recorded on the way (``labels`` and ``kinds``).
Step = Callable[[list[str]], Iterable[tuple[str, str, str]]]


def shortest_path(start: str, end: str, step: Step, label: Callable[[str], str], max_hops: int) -> list[str] | None:
    """Of the shortest paths from ``start`` to ``end``, the one whose label sequence sorts first.

    Breadth-first by levels; the last level is not expanded but met from ``end``'s own
    neighbours (the first level holding one of them is ``end``'s). Then greedy by level over
    the shortest-path DAG (the smallest label at each step, ties kept), which is the same as
    comparing whole label sequences: work is bounded by the levels searched, not by the
    number of shortest paths. Backends supply ``step``: networkx reads adjacency, the RDF
    store asks one SPARQL query per level.
    """
    next_to_end = {nxt: role for _, nxt, role in step([end])}
    depth = {start: 0}
    parents: dict[str, dict[str, str]] = defaultdict(dict)  # node -> {parent: role}
    frontier, hops = [start], 0
    while frontier and hops < max_hops:
        hops += 1
        last = [n for n in frontier if n in next_to_end]
        if last:
            depth[end] = hops
            parents[end] = {n: next_to_end[n] for n in last}
            break
        reached = set()
        for node, nxt, role in step(frontier):
            if depth.setdefault(nxt, hops) != hops:
                continue
            reached.add(nxt)
            parents[nxt][node] = role
        frontier = sorted(reached)
    if end not in depth:
        return None
    on_path, layer = {end}, {end}  # nodes on some shortest path, walking parents back from the end
    while layer:
        layer = {p for n in layer for p in parents.get(n, {})}
        on_path |= layer
    chosen: dict[str, str] = {}  # node -> its parent on the chosen path
    current = {start}
    for _ in range(depth[end]):
        candidates = {n: min(p for p in parents[n] if p in current) for n in on_path if current & parents[n].keys()}
        best = min(label(n) for n in candidates)
        current = {n for n in candidates if label(n) == best}
        chosen.update({n: candidates[n] for n in current})
    path = [end]
    while path[-1] != start:
        path.append(chosen[path[-1]])
    return path[::-1]


def connection(graph: nx.DiGraph, a: str, b: str, max_hops: int = 6, **_: Any) -> list[dict[str, Any]]:
    start, end = entity_by_name(graph, a), entity_by_name(graph, b)
    if start is None or end is None or start == end:
        return []

    def step(frontier: list[str]) -> Iterable[tuple[str, str, str]]:
        for node in frontier:
            for adjacent in (graph.succ[node], graph.pred[node]):
                for nxt, edge in adjacent.items():
                    yield node, nxt, edge["role"]

    path = shortest_path(start, end, step, lambda n: _label(graph, n), max_hops)
    if path is None:
        return []
    rows = []
    for i, node in enumerate(path):
        data = graph.nodes[node]
        role = None
        if i > 0:
            prev = path[i - 1]
            edge = graph.edges[prev, node] if graph.has_edge(prev, node) else graph.edges[node, prev]
            role = edge["role"]
        rows.append(
            {"step": i, "node": _label(graph, node), "kind": data.get("type") or data.get("kind"), "role": role}
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
    when_empty="no path of at most {max_hops} links joins '{a}' and '{b}', or one of them is not in the graph: "
    "kg query method-profile NAME tells which",
)
