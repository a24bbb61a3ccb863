"""Small graphs for the visualization tests: a hand-made one with known neighbourhoods and one
whose every text field is an attack on the page that draws it."""

from __future__ import annotations

from typing import Any

import networkx as nx

from kg.graph import KnowledgeGraph

# Each payload sets window.__pwned (and opens a dialog) if the page ever runs it.
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1;alert(1)">'
HOSTILE_NAME = "</script><script>window.__pwned=2;alert(2)</script>"
HOSTILE_ALIAS = '<svg onload="window.__pwned=3;alert(3)">\u2028\u2029<!--'
HOSTILE_EVIDENCE = "'\"]}); window.__pwned=4; alert(4); //<b>bold</b> &amp; &lt;"
HOSTILE_URL = "javascript:window.__pwned=5;alert(5)"
HOSTILE_TYPE_NAME = "<style>body{display:none}</style>"
PAYLOADS = (HOSTILE_TITLE, HOSTILE_NAME, HOSTILE_ALIAS, HOSTILE_EVIDENCE, HOSTILE_URL, HOSTILE_TYPE_NAME)


def _paper(g: nx.DiGraph, pid: str, title: str, url: str | None = None, **extra: Any) -> str:
    node = f"paper:{pid}"
    g.add_node(node, kind="Paper", title=title, label=title, paper_id=pid, date="2025-01-01", url=url, **extra)
    return node


def _entity(g: nx.DiGraph, slug: str, name: str, type_: str, aliases: tuple[str, ...] = ()) -> str:
    node = f"entity:{slug}"
    g.add_node(node, kind="Entity", type=type_, name=name, label=name, aliases=list(aliases), paper_count=0)
    return node


def _link(g: nx.DiGraph, paper: str, entity: str, role: str, sentence: str = "", confidence: float = 0.8) -> None:
    evidence = [{"sentence": sentence, "start": 0, "end": 1}] if sentence else []
    g.add_edge(paper, entity, role=role, confidence=confidence, evidence=evidence)


def small_graph() -> KnowledgeGraph:
    """Three papers around DPO: p1 and p2 use it, p3 only shares MT-Bench with p2.

    p1 - DPO - p2 - MT-Bench - p3 - Orca ; p1 - Alpha (proposed) ; p3 - Google (affiliated)
    """
    g = nx.DiGraph()
    p1 = _paper(g, "p1", "Alpha: Preference Tuning", url="https://arxiv.org/abs/2401.00001")
    p2 = _paper(g, "p2", "Beta: Judging Chat Models")
    p3 = _paper(g, "p3", "Gamma: Small Models")
    dpo = _entity(g, "dpo", "Direct Preference Optimization", "Method", aliases=("DPO",))
    alpha = _entity(g, "alpha", "Alpha", "Method")
    mt = _entity(g, "mt-bench", "MT-Bench", "Benchmark")
    orca = _entity(g, "orca", "Orca", "Model")
    google = _entity(g, "google", "Google", "Organization")
    _link(g, p1, dpo, "used", "We fine-tune with DPO.")
    _link(g, p1, alpha, "proposed", "We propose Alpha.", 0.95)
    _link(g, p2, dpo, "used", "DPO is the baseline.")
    _link(g, p2, mt, "evaluated_on", "We evaluate on MT-Bench.")
    _link(g, p3, mt, "evaluated_on", "Results on MT-Bench.")
    _link(g, p3, orca, "used", "We distil Orca.")
    _link(g, p3, google, "affiliated", "", 0.6)
    graph = KnowledgeGraph(g)
    graph.refresh_counts()
    return graph


def hostile_graph() -> KnowledgeGraph:
    """Every field a paper can fill carries markup or script that must show as text."""
    g = nx.DiGraph()
    paper = _paper(g, "evil", HOSTILE_TITLE, url=HOSTILE_URL, organizations=[HOSTILE_NAME])
    other = _paper(g, "plain", "A Plain Paper", url="https://example.org/plain")
    method = _entity(g, "evil-method", HOSTILE_NAME, "Method", aliases=(HOSTILE_ALIAS,))
    bench = _entity(g, "evil-bench", HOSTILE_ALIAS, "Benchmark")
    odd = _entity(g, "odd-type", "Odd", HOSTILE_TYPE_NAME)
    _link(g, paper, method, "proposed", HOSTILE_EVIDENCE)
    _link(g, paper, bench, "evaluated_on", HOSTILE_TITLE)
    _link(g, other, method, "used", HOSTILE_NAME)
    _link(g, other, odd, HOSTILE_TYPE_NAME, HOSTILE_ALIAS)
    graph = KnowledgeGraph(g)
    graph.refresh_counts()
    return graph


def synthetic_graph(papers: int = 2000, entities: int = 1500, per_paper: int = 6, seed: int = 3) -> KnowledgeGraph:
    """A big random corpus: entity popularity falls off like real citations (a few hubs, a long
    tail), so an overview has something to choose."""
    import random

    rng = random.Random(seed)
    types = ("Method", "Model", "Dataset", "Benchmark", "Task", "Metric", "Organization")
    roles = ("proposed", "evaluated_on", "used", "mentioned", "affiliated")
    g = nx.DiGraph()
    names = [_entity(g, f"e{i}", f"Entity {i}", types[i % len(types)]) for i in range(entities)]
    weights = [1 / (i + 1) for i in range(entities)]
    for p in range(papers):
        paper = _paper(g, f"s{p}", f"Synthetic paper {p}: a study")
        for entity in set(rng.choices(names, weights, k=per_paper)):
            _link(g, paper, entity, rng.choice(roles), f"Paper {p} names it.", round(rng.random(), 2))
    g.remove_nodes_from([n for n in names if g.in_degree(n) == 0])
    graph = KnowledgeGraph(g)
    graph.refresh_counts()
    return graph
