"""The generated pages in a real headless Chromium with the network cut off: they draw exactly
the view's nodes and links, log no errors, fetch nothing, show hostile text as text and are
not blank.

Chromium is Debian's package, driven by Playwright through ``executable_path`` (Playwright's
own browser download is never used). Set KG_VIZ_SCREENSHOT=path.png to keep the sample view's
screenshot (docs/img/sample-graph.png is made that way).
"""

from __future__ import annotations

import base64
import os
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kg.viz import render_view, select_view

from .conftest import require_service
from .viz_graphs import HOSTILE_ALIAS, HOSTILE_NAME, HOSTILE_TITLE, HOSTILE_TYPE_NAME, hostile_graph, small_graph

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
VIEWPORT = {"width": 1600, "height": 1000}
PANEL_WIDTH = 300  # the legend panel's column; the graph is drawn to its right


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        require_service("chromium", "apt-get install -y chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require_service("playwright", "pip install playwright (the browser itself comes from apt, not playwright)")
    playwright = sync_playwright().start()
    try:
        executable = CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    except Exception as e:  # a broken install should say so, not fail obscurely
        playwright.stop()
        require_service("chromium", f"it would not start ({e}); apt-get install -y chromium")
    yield chromium
    chromium.close()
    playwright.stop()


@dataclass
class Opened:
    page: Any
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    ready_ms: float = 0.0  # from navigation start to the first complete drawing, by the page's clock
    wall_ms: float = 0.0  # from goto to ready, by ours

    @property
    def outside(self) -> list[str]:
        """Every request but the page itself: nothing else may be fetched, not even from disk."""
        return [u for u in self.requests if u != self.url]

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def node_on_screen(self, node: str) -> tuple[float, float]:
        point = self.js(
            "(id) => kgView.network.canvasToDOM(kgView.network.getPosition(id))",
            node,
        )
        return point["x"], point["y"]


@pytest.fixture
def open_page(browser, tmp_path) -> Iterator[Any]:
    contexts = []

    def open_(html: str, name: str = "view.html") -> Opened:
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(viewport=VIEWPORT, service_workers="block")
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page, path.as_uri())
        page.on("request", lambda r: opened.requests.append(r.url))
        page.on("console", lambda m: opened.errors.append(f"{m.type}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.errors.append(f"pageerror: {e}"))

        def on_dialog(dialog) -> None:
            opened.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        # Only the file itself may load; anything else is cut off (and recorded above).
        page.route("**/*", lambda route: route.continue_() if route.request.url == opened.url else route.abort())
        started = time.perf_counter()
        page.goto(opened.url)
        page.wait_for_selector("html[data-ready=true]", state="attached", timeout=30_000)
        opened.wall_ms = (time.perf_counter() - started) * 1000
        opened.ready_ms = page.evaluate("kgView.readyMs")
        return opened

    yield open_
    for context in contexts:
        context.close()


def drawn(opened: Opened) -> dict[str, int]:
    """What the page holds in vis' DataSets and what the network actually drew from them."""
    return opened.js(
        """() => ({
            nodes: kgView.nodes.length,
            edges: kgView.edges.length,
            drawnNodes: kgView.network.body.nodeIndices.length,
            drawnEdges: kgView.network.body.edgeIndices.length,
        })"""
    )


def pixel_spread(browser, png: bytes) -> float:
    """Standard deviation of the screenshot's brightness, decoded by the browser itself."""
    page = browser.new_page()
    try:
        return page.evaluate(
            """async (data) => {
                const img = new Image();
                img.src = "data:image/png;base64," + data;
                await img.decode();
                const canvas = document.createElement("canvas");
                canvas.width = img.width;
                canvas.height = img.height;
                const ctx = canvas.getContext("2d");
                ctx.drawImage(img, 0, 0);
                const px = ctx.getImageData(0, 0, img.width, img.height).data;
                let sum = 0, sq = 0, n = 0;
                for (let i = 0; i < px.length; i += 4) {
                    const y = 0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2];
                    sum += y; sq += y * y; n++;
                }
                const mean = sum / n;
                return Math.sqrt(sq / n - mean * mean);
            }""",
            base64.b64encode(png).decode("ascii"),
        )
    finally:
        page.close()


def graph_area(opened: Opened) -> bytes:
    """A screenshot of the graph alone, right of the legend panel."""
    clip = {"x": PANEL_WIDTH, "y": 0, "width": VIEWPORT["width"] - PANEL_WIDTH, "height": VIEWPORT["height"]}
    return opened.page.screenshot(clip=clip)


# -- the sample corpus ------------------------------------------------------------------------
def test_sample_view_opens_offline_draws_every_node_and_is_not_blank(browser, open_page, sample_graph, record_property):
    view = select_view(sample_graph)
    opened = open_page(render_view(view, sample_graph))

    assert opened.errors == []
    assert opened.outside == []
    counts = drawn(opened)
    assert counts == {
        "nodes": view.graph.number_of_nodes(),
        "edges": view.graph.number_of_edges(),
        "drawnNodes": view.graph.number_of_nodes(),
        "drawnEdges": view.graph.number_of_edges(),
    }
    assert opened.ready_ms < 10_000, f"took {opened.ready_ms:.0f} ms to draw"

    shot = opened.page.screenshot()
    assert pixel_spread(browser, graph_area(opened)) > 8  # a blank or one-colour canvas is ~0
    keep = os.environ.get("KG_VIZ_SCREENSHOT")
    if keep:
        Path(keep).parent.mkdir(parents=True, exist_ok=True)
        Path(keep).write_bytes(shot)
    record_property("open_ms", round(opened.ready_ms))
    record_property("nodes", counts["nodes"])
    record_property("edges", counts["edges"])
    print(f"\nsample view: {counts['nodes']} nodes, {counts['edges']} links, drawn {opened.ready_ms:.0f} ms after load")
    print(f"(goto to ready, measured from Python: {opened.wall_ms:.0f} ms)")


@pytest.mark.parametrize(
    "options",
    [
        {"max_nodes": 60},
        {"types": "Method,Benchmark", "min_papers": 2},
        {"focus": "top", "depth": 2},
    ],
    ids=["overview", "filters", "focus"],
)
def test_every_kind_of_view_draws_exactly_its_nodes_and_links(open_page, sample_graph, options):
    if options.get("focus") == "top":
        options = {**options, "focus": max(sample_graph.entities(), key=lambda e: (e[1]["paper_count"], e[0]))[0]}
    view = select_view(sample_graph, **options)
    opened = open_page(render_view(view, sample_graph))
    assert opened.errors == [] and opened.outside == []
    assert drawn(opened) == {
        "nodes": view.graph.number_of_nodes(),
        "edges": view.graph.number_of_edges(),
        "drawnNodes": view.graph.number_of_nodes(),
        "drawnEdges": view.graph.number_of_edges(),
    }
    assert opened.js("document.getElementById('caption').textContent") == view.caption


def test_a_five_hundred_node_overview_opens_quickly(open_page, browser):
    from .viz_graphs import synthetic_graph

    graph = synthetic_graph()
    view = select_view(graph, max_nodes=500)
    opened = open_page(render_view(view, graph))
    assert opened.errors == [] and opened.outside == []
    assert drawn(opened)["drawnNodes"] == view.graph.number_of_nodes() == 500
    assert opened.ready_ms < 10_000, f"took {opened.ready_ms:.0f} ms to draw"
    assert pixel_spread(browser, graph_area(opened)) > 8
    print(f"\n500-node overview of {graph.nx.number_of_nodes()} nodes: drawn {opened.ready_ms:.0f} ms after load")


# -- untrusted text ---------------------------------------------------------------------------
def test_hostile_text_shows_as_text_and_runs_nothing(open_page):
    graph = hostile_graph()
    opened = open_page(render_view(select_view(graph), graph))
    page = opened.page

    # Hover the paper whose title is an <img onerror>: the tooltip shows the markup as text.
    x, y = opened.node_on_screen("paper:evil")
    page.mouse.move(x, y)
    page.mouse.move(x + 1, y + 1)
    page.wait_for_selector("div.vis-tooltip", state="visible")  # no eval: the page's policy forbids it
    assert HOSTILE_TITLE in page.inner_text("div.vis-tooltip")

    # Click it: the details list its entities by their (hostile) names, as text.
    page.mouse.click(x, y)
    details = page.inner_text("#details")
    assert HOSTILE_TITLE in details and HOSTILE_NAME in details
    # Its javascript: URL never became a link; the other paper's https URL did.
    assert opened.js("[...document.querySelectorAll('a')].map(a => a.protocol)") == []

    x, y = opened.node_on_screen("entity:evil-method")
    page.mouse.click(x, y)
    details = page.inner_text("#details")
    assert HOSTILE_NAME in details and " ".join(HOSTILE_ALIAS.split()) in details.replace("\n", " ")
    assert opened.js("[...document.querySelectorAll('#details a')].map(a => a.href)") == ["https://example.org/plain"]

    # The odd type name sits in the legend as text and hid nothing.
    assert HOSTILE_TYPE_NAME in page.inner_text("#legend-types")
    assert opened.js("getComputedStyle(document.body).display") != "none"

    # Nothing ran and nothing was fetched: no flag, no dialog, no injected element.
    assert opened.js("typeof window.__pwned") == "undefined"
    assert opened.dialogs == []
    assert opened.js("document.querySelectorAll('img, iframe, object, embed, script[src]').length") == 0
    assert opened.js("document.scripts.length") == 3  # the data block, vis-network and the page script
    assert opened.js("document.querySelectorAll('svg [onload], [onerror]').length") == 0
    assert opened.errors == [] and opened.outside == []


# -- interaction ------------------------------------------------------------------------------
def test_clicking_a_node_highlights_its_neighbours_and_lists_its_papers(open_page):
    graph = small_graph()
    opened = open_page(render_view(select_view(graph), graph))
    x, y = opened.node_on_screen("entity:dpo")
    opened.page.mouse.click(x, y)

    assert opened.js("kgView.network.getSelectedNodes()") == ["entity:dpo"]
    faded = opened.js(
        "kgView.nodes.get().filter(n => n.color && n.color.background === '#e6e9ee').map(n => n.id).sort()"
    )
    assert faded == sorted({"entity:alpha", "entity:mt-bench", "entity:orca", "entity:google", "paper:p3"})
    details = opened.page.inner_text("#details")
    assert "Alpha: Preference Tuning" in details and "Beta: Judging Chat Models" in details
    assert opened.js("[...document.querySelectorAll('#details a')].map(a => a.href)") == [
        "https://arxiv.org/abs/2401.00001"
    ]

    opened.page.keyboard.press("Escape")
    assert opened.js("kgView.nodes.get().filter(n => n.color.background === '#e6e9ee').length") == 0
    assert opened.js("document.getElementById('details').hidden") is True
    assert opened.errors == []


def test_search_selects_a_node_and_the_type_filter_hides_a_type(open_page):
    graph = small_graph()
    opened = open_page(render_view(select_view(graph), graph))
    page = opened.page

    page.fill("#search", "dpo")
    page.press("#search", "Enter")
    assert opened.js("kgView.network.getSelectedNodes()") == ["entity:dpo"]
    page.fill("#search", "no such thing")
    page.press("#search", "Enter")
    assert "Nothing" in page.inner_text("#search-status")

    page.uncheck("input[data-type='Paper']")
    hidden = opened.js("kgView.nodes.get().filter(n => n.hidden).map(n => n.id).sort()")
    assert hidden == ["paper:p1", "paper:p2", "paper:p3"]
    assert opened.js("kgView.edges.get().every(e => e.hidden)") is True  # every link touches a paper
    page.check("input[data-type='Paper']")
    assert opened.js("kgView.nodes.get().some(n => n.hidden)") is False
    assert opened.errors == [] and opened.outside == []
