"""datasets-for-task TASK: the benchmarks and datasets used by papers working on a task.

>>> import networkx as nx
>>> g = nx.DiGraph(); g.add_node("p", kind="Paper")
>>> g.add_node("t", kind="Entity", type="Task", name="text-to-video retrieval", keys=["texttovideoretrieval"])
>>> g.add_node("b", kind="Entity", type="Benchmark", name="MSR-VTT")
>>> g.add_edge("p", "t", role="evaluated_on"); g.add_edge("p", "b", role="evaluated_on")
>>> QUESTION.run_networkx(g, task="Text-to-Video Retrieval")
[{'dataset': 'MSR-VTT', 'type': 'Benchmark', 'papers': 1}]
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from kg.sparql import entity_named, sparql
from queries.base import EVALUATION_TYPES, Param, Question, entity_by_name

__all__ = ["QUESTION", "datasets_for_task"]


def datasets_for_task(graph: nx.DiGraph, task: str, **_: Any) -> list[dict[str, Any]]:
    node = entity_by_name(graph, task)
    if node is None:
        return []
    counts: Counter[str] = Counter()
    for paper in graph.predecessors(node):
        for dataset in graph.successors(paper):
            if graph.nodes[dataset].get("type") in EVALUATION_TYPES:
                counts[dataset] += 1
    return [{"dataset": graph.nodes[d]["name"], "type": graph.nodes[d]["type"], "papers": n} for d, n in counts.items()]


def finish(rows: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    out = sorted(rows, key=lambda r: (-r["papers"], r["dataset"], r["type"]))
    return out[: params["limit"]]


SPARQL = sparql(f"""
    # The task as method-profile finds an entity by name (no better ?rival), then the
    # benchmarks and datasets linked, in any role, to the papers linked to it.
    SELECT ?dataset ?type (COUNT(DISTINCT ?paper) AS ?papers)
    WHERE {{{entity_named("task", "param_task_key")}
      ?task_mention kgo:entity ?task ; kgo:paper ?paper .
      ?mention kgo:paper ?paper ; kgo:entity ?entity .
      ?entity a ?class ; rdfs:label ?dataset .
      FILTER (?class IN (kgo:Benchmark, kgo:Dataset))
      BIND (STRAFTER(STR(?class), "#") AS ?type)
    }}
    GROUP BY ?entity ?dataset ?type
""")


CYPHER = """
MATCH (t:Entity) WHERE $task_key IN t.keys
WITH t ORDER BY t.paper_count DESC, t.id LIMIT 1
MATCH (t)<--(p:Paper)
MATCH (p)-->(d:Benchmark|Dataset)
WITH d, count(DISTINCT p) AS papers
RETURN d.name AS dataset, d.type AS type, papers
ORDER BY papers DESC, dataset, type
LIMIT $limit
"""


QUESTION = Question(
    name="datasets-for-task",
    description="Benchmarks and datasets named by papers that work on a task, by number of papers.",
    columns=("dataset", "type", "papers"),
    networkx=datasets_for_task,
    cypher=CYPHER,
    sparql=SPARQL,
    finish=finish,
    params=(
        Param("task", "task name or alias, e.g. 'text-to-video retrieval'", str, None, required=True),
        Param("limit", "most rows to return", int, 50),
    ),
    when_empty="no paper about '{task}' evaluates on a benchmark or dataset, "
    + 'or nothing is named so: kg query method-profile "{task}" tells which',
)
