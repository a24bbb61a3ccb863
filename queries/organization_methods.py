"""organization-methods: for each organization, the methods its affiliated papers propose.

>>> import networkx as nx
>>> g = nx.DiGraph(); g.add_node("p", kind="Paper")
>>> g.add_node("o", kind="Entity", type="Organization", name="Baidu")
>>> g.add_node("m", kind="Entity", type="Method", name="KLCF")
>>> g.add_edge("p", "o", role="affiliated"); g.add_edge("p", "m", role="proposed")
>>> QUESTION.run_networkx(g)
[{'organization': 'Baidu', 'papers': 1, 'methods': ['KLCF']}]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.sparql import sparql
from queries.base import Param, Question, methods_proposed_by

__all__ = ["QUESTION", "organization_methods"]


def organization_methods(graph: nx.DiGraph, **_: Any) -> list[dict[str, Any]]:
    rows = []
    for org, data in graph.nodes(data=True):
        if data.get("kind") != "Entity" or data.get("type") != "Organization":
            continue
        papers = [p for p, _, e in graph.in_edges(org, data=True) if e["role"] == "affiliated"]
        if not papers:
            continue
        methods = methods_proposed_by(graph, papers)
        rows.append({"organization": data["name"], "papers": len(papers), "methods": sorted(methods)})
    return rows


def finish(rows: list[dict[str, Any]], params: dict[str, Any]) -> list[dict[str, Any]]:
    out = [{**r, "methods": sorted(set(r["methods"]))} for r in rows]
    out.sort(key=lambda r: (-r["papers"], r["organization"]))
    return out[: params["limit"]]


SPARQL = sparql("""
    SELECT ?organization (COUNT(DISTINCT ?paper) AS ?papers)
           (GROUP_CONCAT(DISTINCT COALESCE(ENCODE_FOR_URI(?method), ""); separator=" ") AS ?methods_list)
    WHERE {
      ?paper kgo:affiliatedWith ?org .
      ?org a kgo:Organization ; rdfs:label ?organization .
      OPTIONAL {
        ?paper kgo:proposes ?proposed .
        ?proposed a ?proposed_class ; rdfs:label ?method .
        FILTER (?proposed_class IN (kgo:Method, kgo:Model))
      }
    }
    GROUP BY ?org ?organization
""")


CYPHER = """
MATCH (p:Paper)-[:AFFILIATED_WITH]->(o:Organization)
OPTIONAL MATCH (p)-[:PROPOSES]->(m:Method|Model)
WITH o, count(DISTINCT p) AS papers, collect(DISTINCT m.name) AS methods
RETURN o.name AS organization, papers, methods
ORDER BY papers DESC, organization
LIMIT $limit
"""


QUESTION = Question(
    name="organization-methods",
    description="Organizations (paper affiliations) with the number of their papers and the methods those papers propose.",
    columns=("organization", "papers", "methods"),
    networkx=organization_methods,
    cypher=CYPHER,
    sparql=SPARQL,
    finish=finish,
    params=(Param("limit", "most rows to return", int, 50),),
)
