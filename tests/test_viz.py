"""The interactive view without a browser: which nodes a view holds, and what the page's HTML
contains (nothing fetched from outside, untrusted text only as escaped data, same bytes twice)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser

import networkx as nx
import pytest

import kg.viz
from kg.errors import KgError
from kg.viz import render_view, select_view, write_view
from kg.viz.page import safe_json, view_data

from .conftest import DATA
from .viz_graphs import PAYLOADS, hostile_graph, small_graph

DATA_BLOCK = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.S)


def page_data(html: str) -> dict:
    return json.loads(DATA_BLOCK.search(html).group(1))


def tags_of(html: str) -> Counter:
    """Start tags as an HTML parser sees them (script contents are text to it, as to a browser)."""
    tags: Counter = Counter()

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags[tag] += 1

    Tags().feed(html)
    return tags


def nodes_of(view) -> set[str]:
    return set(view.graph.nodes)


# -- which nodes a view holds -----------------------------------------------------------------
def test_public_api_is_declared():
    assert set(kg.viz.__all__) == {"View", "render_view", "select_view", "write_view"}
    for name in kg.viz.__all__:
        assert hasattr(kg.viz, name)


def test_small_graph_is_drawn_whole(sample_graph):
    view = select_view(sample_graph)
    assert view.kind == "whole"
    assert view.graph.number_of_nodes() == sample_graph.nx.number_of_nodes()
    assert view.graph.number_of_edges() == sample_graph.nx.number_of_edges()


@pytest.mark.parametrize("budget", [5, 40, 120, 250])
def test_overview_of_a_big_graph_stays_within_the_node_budget(sample_graph, budget):
    view = select_view(sample_graph, max_nodes=budget)
    assert view.kind == "overview"
    assert 0 < view.graph.number_of_nodes() <= budget
    assert f"the {view.graph.number_of_nodes()} most connected" in view.caption
    # No dust: every node drawn is linked to another one drawn.
    assert all(view.graph.degree(n) > 0 for n in view.graph)


def test_overview_keeps_the_most_connected_entity(sample_graph):
    top = max(sample_graph.entities(), key=lambda item: (item[1]["paper_count"], item[0]))[0]
    assert top in nodes_of(select_view(sample_graph, max_nodes=30))


def test_overview_grows_with_the_budget(sample_graph):
    small, big = (nodes_of(select_view(sample_graph, max_nodes=n)) for n in (40, 120))
    assert small <= big


@pytest.mark.parametrize(
    ("depth", "expected"),
    [
        (0, {"entity:dpo"}),
        (1, {"entity:dpo", "paper:p1", "paper:p2"}),
        (2, {"entity:dpo", "paper:p1", "paper:p2", "entity:alpha", "entity:mt-bench"}),
    ],
)
def test_focus_draws_the_neighbourhood_up_to_depth(depth, expected):
    view = select_view(small_graph(), focus="DPO", depth=depth)
    assert view.kind == "focus"
    assert nodes_of(view) == expected
    assert view.centres == ("entity:dpo",)
    assert "Direct Preference Optimization" in view.caption


@pytest.mark.parametrize("name", ["dpo", "Direct preference optimization", "entity:dpo"])
def test_focus_finds_a_node_by_name_alias_or_id_ignoring_case(name):
    assert select_view(small_graph(), focus=name, depth=0).centres == ("entity:dpo",)


def test_focus_on_a_paper_by_title_shows_its_entities():
    view = select_view(small_graph(), focus="gamma: small models", depth=1)
    assert nodes_of(view) == {"paper:p3", "entity:mt-bench", "entity:orca", "entity:google"}


def test_focus_over_budget_keeps_the_centre_and_its_nearest_nodes(sample_graph):
    top = max(sample_graph.entities(), key=lambda item: (item[1]["paper_count"], item[0]))[0]
    view = select_view(sample_graph, focus=top, depth=3, max_nodes=8)
    assert top in nodes_of(view)
    assert view.graph.number_of_nodes() <= 8
    distance = nx.single_source_shortest_path_length(sample_graph.nx.to_undirected(), top)
    assert max(distance[n] for n in view.graph) <= 2


def test_unknown_focus_names_close_matches():
    with pytest.raises(KgError, match=r"nothing named 'MT Bench'.*did you mean 'MT-Bench'"):
        select_view(small_graph(), focus="MT Bench")


def test_types_filter_keeps_those_entities_and_the_papers_linking_them():
    view = select_view(small_graph(), types="benchmark, Model")
    assert nodes_of(view) == {"entity:mt-bench", "entity:orca", "paper:p2", "paper:p3"}
    assert "types: Benchmark, Model" in view.caption


def test_min_papers_keeps_entities_shared_by_enough_papers():
    view = select_view(small_graph(), min_papers=2)
    assert nodes_of(view) == {"entity:dpo", "entity:mt-bench", "paper:p1", "paper:p2", "paper:p3"}


def test_filters_and_focus_combine():
    view = select_view(small_graph(), focus="MT-Bench", depth=2, types="Benchmark,Model")
    assert nodes_of(view) == {"entity:mt-bench", "paper:p2", "paper:p3", "entity:orca"}


def test_filters_that_match_nothing_still_give_an_empty_page() -> None:
    """A filter stricter than the graph (`kg viz --min-papers 99`) is a valid question; it crashed in the layout."""
    view = select_view(small_graph(), types="Method", min_papers=99)
    assert view.graph.number_of_nodes() == 0
    data = page_data(render_view(view, small_graph()))
    assert data["nodes"] == [] and data["edges"] == []


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"types": "Method,Gadget"}, "unknown entity type 'Gadget'"),
        ({"max_nodes": 0}, "--max-nodes must be at least 1"),
        ({"depth": -1}, "--depth must be 0 or more"),
    ],
)
def test_bad_view_options_are_reported(options, message):
    with pytest.raises(KgError, match=re.escape(message)):
        select_view(small_graph(), **options)


# -- what the page holds ----------------------------------------------------------------------
def test_page_data_matches_the_view():
    view = select_view(small_graph())
    data = page_data(render_view(view, small_graph()))
    assert len(data["nodes"]) == data["meta"]["nodes"] == view.graph.number_of_nodes()
    assert len(data["edges"]) == data["meta"]["edges"] == view.graph.number_of_edges()
    dpo = next(n for n in data["nodes"] if n["id"] == "entity:dpo")
    assert dpo["info"]["papers"] == 2 and dpo["info"]["aliases"] == ["DPO"]
    assert dpo["info"]["evidence"] in {"We fine-tune with DPO.", "DPO is the baseline."}
    assert {p["id"] for p in dpo["info"]["links"]} == {"paper:p1", "paper:p2"}
    assert {t["type"] for t in data["meta"]["types"]} == {"Paper", "Method", "Benchmark", "Model", "Organization"}


def test_nodes_differ_in_colour_and_shape_by_type_and_edges_in_colour_by_role():
    data = view_data(select_view(small_graph()), small_graph().nx)
    looks = {(n["kind"], n["shape"], n["color"]["background"]) for n in data["nodes"]}
    assert len({shape for _, shape, _ in looks}) >= 4
    assert len({colour for _, _, colour in looks}) == len({kind for kind, _, _ in looks})
    assert len({e["color"]["color"] for e in data["edges"]}) == len({e["role"] for e in data["edges"]})


def test_more_papers_make_a_bigger_node():
    data = view_data(select_view(small_graph()), small_graph().nx)
    value = {n["id"]: n["value"] for n in data["nodes"]}
    assert value["entity:dpo"] > value["entity:alpha"]


def test_a_focus_view_still_lists_every_paper_of_a_node():
    graph = small_graph()
    data = page_data(render_view(select_view(graph, focus="p3", depth=1), graph))
    bench = next(n for n in data["nodes"] if n["id"] == "entity:mt-bench")
    assert {p["id"] for p in bench["info"]["links"]} == {"paper:p2", "paper:p3"}


def test_nodes_have_positions_so_the_page_needs_no_physics():
    data = view_data(select_view(small_graph()), small_graph().nx)
    assert data["options"]["physics"]["enabled"] is False
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == len(data["nodes"])


# -- offline ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_html(sample_graph) -> str:
    return render_view(select_view(sample_graph), sample_graph)


def test_page_loads_nothing_from_outside(sample_html):
    assert not re.search(r"<script[^>]*\bsrc\s*=", sample_html, re.I)
    assert not re.search(r"<link[^>]*\bhref\s*=\s*[\"']?(https?:)?//", sample_html, re.I)
    assert not re.search(r"\b(src|href)\s*=\s*[\"']?(https?:)?//", sample_html, re.I)
    assert not re.search(r"url\(\s*[\"']?(https?:)?//", sample_html, re.I)
    assert not re.search(r"@import", sample_html, re.I)
    assert "vis.Network" in sample_html and "vis-network" in sample_html


def test_page_policy_forbids_the_network_and_allows_only_its_own_scripts(sample_html):
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', sample_html).group(1)
    assert "default-src 'none'" in policy
    scripts = re.findall(r"<script>(.*?)</script>", sample_html, re.S)
    assert len(scripts) == 2
    for source in scripts:
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_same_graph_gives_the_same_bytes(sample_graph, tmp_path):
    first = write_view(sample_graph, tmp_path / "a.html")
    second = write_view(sample_graph, tmp_path / "b.html")
    assert first.read_bytes() == second.read_bytes()


# -- untrusted text ---------------------------------------------------------------------------
def test_safe_json_cannot_close_its_script_element():
    text = safe_json({"a": "</script><!-- \u2028 \u2029 & >"})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</script><!-- \u2028 \u2029 & >"}


def test_hostile_text_is_only_in_the_escaped_data():
    graph = hostile_graph()
    html = render_view(select_view(graph), graph)
    for payload in PAYLOADS:
        if any(c in payload for c in "<>&\u2028\u2029"):
            assert payload not in html
    assert "__pwned" not in DATA_BLOCK.sub("", html)
    # Parsed as a browser would, the page has only its own elements: no payload became a tag.
    tags = tags_of(html)
    assert tags["script"] == 3  # the data block, vis-network and the page script
    assert not {"img", "svg", "iframe", "object", "embed", "a"} & set(tags)
    # The data block still carries every string (runs of white space made one), to be shown as text.
    strings = json.dumps(page_data(html), ensure_ascii=False)
    for payload in PAYLOADS[:4]:
        assert json.dumps(" ".join(payload.split()), ensure_ascii=False)[1:-1] in strings


def test_only_web_links_become_links():
    graph = hostile_graph()
    data = page_data(render_view(select_view(graph), graph))
    urls = {n["id"]: n["info"].get("url") for n in data["nodes"] if n["kind"] == "Paper"}
    assert urls == {"paper:evil": None, "paper:plain": "https://example.org/plain"}


def test_page_script_never_uses_html_sinks():
    from importlib import resources

    script = (resources.files("kg") / "assets" / "graph-view.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script


# -- the command ------------------------------------------------------------------------------
def test_kg_viz_writes_the_page_and_says_what_it_shows(sample_build, tmp_path):
    target = tmp_path / "view.html"
    result = subprocess.run(
        [
            *(sys.executable, "-m", "kg.cli", "viz", "--graph", str(sample_build.out), "--out", str(target)),
            *("--max-nodes", "60", "--types", "Method,Benchmark", "--min-papers", "1"),
        ],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"},
    )
    assert result.returncode == 0, result.stderr
    assert f"wrote {target}" in result.stdout and "types: Method, Benchmark" in result.stdout
    data = page_data(target.read_text(encoding="utf-8"))
    assert 0 < data["meta"]["nodes"] <= 60
    assert {n["kind"] for n in data["nodes"]} <= {"Paper", "Method", "Benchmark"}


def test_kg_viz_reports_an_unknown_focus(sample_build, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "kg.cli", "viz", "--graph", str(sample_build.out), "--focus", "no-such-thing-at-all"],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"},
    )
    assert result.returncode == 1
    assert "nothing named 'no-such-thing-at-all'" in result.stderr


def test_kg_build_writes_the_view_by_default_and_kg_viz_redraws_it_identically(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "COLUMNS": "200"}
    build = [sys.executable, "-m", "kg.cli", "build", str(DATA / "papers.jsonl"), "--out", str(tmp_path), "-q"]
    result = subprocess.run(build, capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert "graph.html" in result.stdout
    built = (tmp_path / "graph.html").read_bytes()
    assert page_data(built.decode("utf-8"))["meta"]["nodes"] > 0
    # The graph read back from graph.json draws the same page as the one built in memory.
    redraw = [sys.executable, "-m", "kg.cli", "viz", "--graph", str(tmp_path), "--out", str(tmp_path / "again.html")]
    assert subprocess.run(redraw, capture_output=True, env=env).returncode == 0
    assert (tmp_path / "again.html").read_bytes() == built
