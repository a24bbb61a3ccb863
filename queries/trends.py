"""trends: how many papers name each entity, month by month.

>>> import networkx as nx
>>> g = nx.DiGraph(); g.add_node("p", kind="Paper", date="2024-05-02"); g.add_node("q", kind="Paper", date="2024-05-20")
>>> g.add_node("d", kind="Entity", type="Method", name="DPO")
>>> g.add_edge("p", "d", role="used"); g.add_edge("q", "d", role="used")
>>> QUESTION.run_networkx(g)
[{'month': '2024-05', 'entity': 'DPO', 'type': 'Method', 'papers': 2}]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from kg.model import ENTITY_TYPES
from kg.sparql import sparql
from queries.base import Param, Question

__all__ = ["QUESTION", "trends"]


def trends(
    graph: nx.DiGraph, type: str | None = None, min_papers: int = 1, limit: int | None = None, **_: Any
) -> list[dict[str, Any]]:
    by_month: dict[str, list[str]] = defaultdict(list)
    for paper, data in graph.nodes(data=True):
        date = data.get("date") or ""
        if data.get("kind") == "Paper" and len(date) >= 7:
            by_month[date[:7]].append(paper)
    rows = []
    # Rows come month by month, earliest first (the order `finish` keeps), so the months after
    # the one that fills the limit need not be counted.
    for month in sorted(by_month):
        counts: Counter[str] = Counter()
        for paper in by_month[month]:
            for entity in graph.succ[paper]:
                if type is None or graph.nodes[entity].get("type") == type:
                    counts[entity] += 1
        for e, n in counts.items():
            if n >= min_papers:
                data = graph.nodes[e]
                rows.append({"month": month, "entity": data["name"], "type": data["type"], "papers": n})
        if limit is not None and len(rows) >= limit:
            break
    return rows


def finish(rows: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    out = [r for r in rows if r["papers"] >= params["min_papers"]]
    out.sort(key=lambda r: (r["month"], -r["papers"], r["entity"], r["type"]))
    return out[: params["limit"]]


SPARQL = sparql("""
    SELECT ?month ?node ?entity ?type (COUNT(DISTINCT ?paper) AS ?papers)
    WHERE {
      ?paper a kgo:Paper ; schema:datePublished ?date .
      FILTER (STRLEN(STR(?date)) >= 7)
      BIND (SUBSTR(STR(?date), 1, 7) AS ?month)
      ?mention kgo:paper ?paper ; kgo:entity ?node .
      ?node a ?class ; rdfs:label ?entity .
      FILTER (?class IN (kgo:Method, kgo:Model, kgo:Dataset, kgo:Benchmark, kgo:Task, kgo:Metric, kgo:Organization))
      BIND (STRAFTER(STR(?class), "#") AS ?type)
      FILTER (!BOUND(?param_type) || ?type = ?param_type)
    }
    GROUP BY ?month ?node ?entity ?type
""")


# Month by month, earliest first, as the networkx form goes: LIMIT stops the months once it
# is filled, and each month's papers come from the date index.
CYPHER = """
MATCH (p:Paper) WHERE size(coalesce(p.date, '')) >= 7
WITH DISTINCT substring(p.date, 0, 7) AS month
ORDER BY month
CALL (month) {
  MATCH (p:Paper)-->(e:Entity)
  WHERE p.date STARTS WITH month AND ($type IS NULL OR e.type = $type)
  WITH e, count(DISTINCT p) AS papers
  WHERE papers >= $min_papers
  RETURN e.name AS entity, e.type AS type, papers
  ORDER BY papers DESC, entity, type
}
RETURN month, entity, type, papers
LIMIT $limit
"""


QUESTION = Question(
    name="trends",
    description="Entity mentions by month (papers with a full date), optionally of one type.",
    columns=("month", "entity", "type", "papers"),
    networkx=trends,
    cypher=CYPHER,
    sparql=SPARQL,
    finish=finish,
    params=(
        Param("type", "only entities of this type (Method, Model, Benchmark, ...)", str, None, choices=ENTITY_TYPES),
        Param("min_papers", "least number of papers in a month", int, 1),
        Param("limit", "most rows to return", int, 200),
    ),
    when_empty="no entity is named in {min_papers} or more papers of one month; a paper counts here only when "
    "its date gives the month (such as 2024-05)",
)
