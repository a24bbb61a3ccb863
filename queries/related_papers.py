"""related-papers PAPER: papers that share entities with one paper, most shared first.

Organizations are left out of the comparison: sharing an affiliation says little
about content.

>>> import networkx as nx
>>> g = nx.DiGraph()
>>> for p, t in (("paper:a", "A"), ("paper:b", "B")): g.add_node(p, kind="Paper", title=t)
>>> g.add_node("d", kind="Entity", type="Method", name="DPO")
>>> g.add_edge("paper:a", "d", role="used"); g.add_edge("paper:b", "d", role="proposed")
>>> QUESTION.run_networkx(g, paper="a")
[{'paper': 'paper:b', 'title': 'B', 'shared': ['DPO']}]
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from kg.sparql import sparql
from queries.base import Param, Question, paper_by_ref

__all__ = ["QUESTION", "related_papers"]


def related_papers(graph: nx.DiGraph, paper: str, **_: Any) -> list[dict[str, Any]]:
    node = paper_by_ref(graph, paper)
    if node is None:
        return []
    shared: dict[str, set[str]] = defaultdict(set)
    for entity in graph.successors(node):
        if graph.nodes[entity].get("type") == "Organization":
            continue
        for other in graph.predecessors(entity):
            if other != node:
                shared[other].add(graph.nodes[entity]["name"])
    return [{"paper": p, "title": graph.nodes[p]["title"], "shared": sorted(names)} for p, names in shared.items()]


def finish(rows: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    out = [{**r, "shared": sorted(set(r["shared"]))} for r in rows]
    out.sort(key=lambda r: (-len(r["shared"]), r["title"], r["paper"]))
    return out[: params["limit"]]


SPARQL = sparql(r"""
    # ?this is the paper ?param_paper names, which the RDF store looks up first
    # (kg.stores.rdf.PAPER_BY_REF) and binds as VALUES: a lookup inside this query would
    # leave the mention pattern below unanchored, pairing every two mentions of an entity.
    SELECT ?paper ?title (GROUP_CONCAT(DISTINCT ENCODE_FOR_URI(?name); separator=" ") AS ?shared_list)
    WHERE {
      ?this_mention kgo:paper ?this ; kgo:entity ?entity .
      FILTER NOT EXISTS { ?entity a kgo:Organization }
      ?entity rdfs:label ?name .
      ?other_mention kgo:entity ?entity ; kgo:paper ?other .
      FILTER (?other != ?this)
      ?other dcterms:identifier ?other_id ; schema:name ?title .
      BIND (CONCAT("paper:", ?other_id) AS ?paper)
    }
    GROUP BY ?other ?paper ?title
    ORDER BY DESC(COUNT(DISTINCT ?name)) ?title ?paper
""")


CYPHER = """
// The paper by id (with or without "paper:"), else by title, case ignored.
MATCH (p:Paper)
WHERE p.id IN [$paper, 'paper:' + $paper] OR toLower(p.title) = toLower(trim($paper))
WITH p ORDER BY CASE p.id WHEN $paper THEN 0 WHEN 'paper:' + $paper THEN 1 ELSE 2 END, p.id
LIMIT 1
// Organizations are left out: sharing an affiliation says little about content.
MATCH (p)-->(e:Entity) WHERE NOT e:Organization
MATCH (e)<--(other:Paper) WHERE other <> p
WITH other, collect(DISTINCT e.name) AS shared
RETURN other.id AS paper, other.title AS title, shared
ORDER BY size(shared) DESC, title, paper
LIMIT $limit
"""


QUESTION = Question(
    name="related-papers",
    description="Papers sharing methods, models, benchmarks, tasks or metrics with one paper (given by id or title).",
    columns=("paper", "title", "shared"),
    networkx=related_papers,
    cypher=CYPHER,
    sparql=SPARQL,
    finish=finish,
    params=(
        Param("paper", "paper id (as in `kg extract` output) or exact title", str, None, required=True),
        Param("limit", "most rows to return", int, 20),
    ),
    when_empty="no paper shares an entity with '{paper}', or no paper has that id or title (kg extract prints the ids)",
)
