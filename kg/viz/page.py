"""One self-contained HTML page for a view: vis-network inlined, the graph as JSON, and a small
script of our own for the legend, search, type filter, tooltips and details.

pyvis builds the node and edge records; pyvis' own templates are not used because even their
``in_line`` mode loads Bootstrap and Tom Select from a CDN, and the page must work offline.
Paper text is untrusted: it travels only as JSON inside a non-executed script element (with
``<``, ``>``, ``&`` and U+2028/2029 escaped) and the page script turns it into DOM text nodes.
A Content-Security-Policy that allows only the page's own two scripts (by hash) and no network
backs this up.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from kg.errors import KgError
from kg.viz.layout import layout_positions, separate_boxes
from kg.viz.style import EDGE_STYLES, NODE_STYLES, edge_style, node_style
from kg.viz.view import View

__all__ = ["VIS_VERSION", "render_page", "safe_json", "view_data"]

VIS_VERSION = "9.1.2"
MAX_LISTED = 40  # papers (or entities) listed in a node's details
MAX_TEXT = 400  # characters of an evidence sentence or title kept for tooltips
NODE_SIZE = (8, 30)  # vis-network node size range (world units), by papers
LABEL_SIZE = (9, 26)  # and label font size range
SMALL_VIEW = 150  # nodes; up to this many, every label shows when the page opens

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def safe_json(value: Any) -> str:
    """JSON that cannot end the ``<script>`` element it sits in, with stable key order.

    >>> safe_json({"t": "</script><b>&\u2028"})
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _clip(text: Any, limit: int = MAX_TEXT) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _web_url(url: Any) -> str | None:
    """Only http(s) links become clickable: a ``javascript:`` URL from a paper must not."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _short_title(title: str) -> str:
    """A paper's label: the name before the colon when there is one ('IC-Custom: ...')."""
    head = title.split(":", 1)[0].strip()
    return _clip(head if 0 < len(head) <= 40 else title, 36)


def _paper_ref(g: nx.DiGraph, paper: str) -> dict[str, Any]:
    d = g.nodes[paper]
    return {"id": paper, "title": _clip(d.get("title") or d.get("label") or paper), "url": _web_url(d.get("url"))}


def _evidence(edge: dict[str, Any]) -> str:
    for item in edge.get("evidence") or []:
        if isinstance(item, dict) and item.get("sentence"):
            return _clip(item["sentence"])
    return ""


def _entity_info(g: nx.DiGraph, node: str, d: dict[str, Any]) -> dict[str, Any]:
    papers = sorted(g.predecessors(node), key=lambda p: (str(g.nodes[p].get("date") or ""), p), reverse=True)
    best = sorted(papers, key=lambda p: (-float(g.edges[p, node].get("confidence") or 0), p))
    evidence = next((s for s in (_evidence(g.edges[p, node]) for p in best) if s), "")
    count = d.get("paper_count")
    return {
        "name": _clip(d.get("name") or d.get("label") or node),
        "type": str(d.get("type") or "Entity"),
        "aliases": [_clip(a, 80) for a in (d.get("aliases") or [])][:12],
        "papers": int(count) if isinstance(count, int) else len(papers),
        "evidence": evidence,
        "links": [_paper_ref(g, p) for p in papers[:MAX_LISTED]],
        "more": max(0, len(papers) - MAX_LISTED),
    }


def _paper_info(g: nx.DiGraph, node: str, d: dict[str, Any]) -> dict[str, Any]:
    entities = sorted(g.successors(node), key=lambda e: (str(g.nodes[e].get("name") or "").casefold(), e))
    return {
        "name": _clip(d.get("title") or d.get("label") or node),
        "type": "Paper",
        "date": _clip(d.get("date"), 20),
        "url": _web_url(d.get("url")),
        "organizations": [_clip(o, 80) for o in (d.get("organizations") or [])][:12],
        "entities": [
            {
                "id": e,
                "name": _clip(g.nodes[e].get("name") or e, 80),
                "type": str(g.nodes[e].get("type") or ""),
                "role": str(g.edges[node, e].get("role") or ""),
            }
            for e in entities[:MAX_LISTED]
        ],
        "more": max(0, len(entities) - MAX_LISTED),
    }


def vis_options() -> dict[str, Any]:
    """vis-network options: positions come precomputed, so physics stays off and the first
    frame is the final layout; labels of small nodes appear as you zoom in."""
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": False,
            "multiselect": False,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
        },
        "nodes": {
            "borderWidth": 1.5,
            "borderWidthSelected": 3,
            "font": {
                "face": "Inter, 'Segoe UI', Roboto, 'Helvetica Neue', 'Liberation Sans', Arial, sans-serif",
                "color": "#1f2633",
                "strokeWidth": 3,
                "strokeColor": "rgba(255,255,255,0.92)",
            },
            "scaling": {
                "min": NODE_SIZE[0],
                "max": NODE_SIZE[1],
                "label": {
                    "enabled": True,
                    "min": LABEL_SIZE[0],
                    "max": LABEL_SIZE[1],
                    "maxVisible": 24,
                    "drawThreshold": 7,
                },
            },
        },
        "edges": {
            "smooth": False,
            "selectionWidth": 1.5,
            "hoverWidth": 0.8,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.35}},
            "color": {"inherit": False},
        },
    }


def _value(papers: int) -> float:
    """What vis scales a node by: log2 of its papers, so one hub does not dwarf the rest."""
    return round(1 + math.log2(max(1, papers)), 3)


def _label_boxes(labels: dict[str, str], values: dict[str, float]) -> dict[str, tuple[float, float]]:
    """Approximate half extents of each node plus its label, mirroring the page's square-root
    scaling of ``value`` (the label sits under the node; the box is centred, so a bit generous)."""
    if not values:
        return {}
    low, high = min(values.values()), max(values.values())
    boxes = {}
    for node, value in values.items():
        scale = math.sqrt((value - low) / (high - low)) if high > low else 0.5
        size = NODE_SIZE[0] + scale * (NODE_SIZE[1] - NODE_SIZE[0])
        font = LABEL_SIZE[0] + scale * (LABEL_SIZE[1] - LABEL_SIZE[0])
        boxes[node] = (max(size, 0.28 * font * len(labels[node])), size + 1.2 * font)
    return boxes


def _bounds(positions: dict[str, tuple[float, float]], boxes: dict[str, tuple[float, float]]) -> list[float]:
    """The drawing's extent with labels, for the page to fit it to the window."""
    if not positions:
        return [0.0, 0.0, 0.0, 0.0]
    return [
        round(min(x - boxes[n][0] for n, (x, _) in positions.items()), 1),
        round(min(y - boxes[n][1] for n, (_, y) in positions.items()), 1),
        round(max(x + boxes[n][0] for n, (x, _) in positions.items()), 1),
        round(max(y + boxes[n][1] for n, (_, y) in positions.items()), 1),
    ]


def view_data(view: View, graph: nx.DiGraph) -> dict[str, Any]:
    """Everything the page draws, as plain JSON values: nodes and edges through pyvis, plus the
    legend and the caption. ``graph`` is the whole graph, for each node's full list of papers."""
    from pyvis.network import Network

    g = view.graph
    infos, labels, values = {}, {}, {}
    for node in sorted(g):
        d = graph.nodes[node] if node in graph else g.nodes[node]
        if d.get("kind") == "Entity":
            infos[node] = _entity_info(graph, node, d)
            labels[node] = _clip(infos[node]["name"], 36)
            values[node] = _value(infos[node]["papers"])
        else:
            infos[node] = _paper_info(graph, node, d)
            labels[node] = _short_title(infos[node]["name"])
            values[node] = _value(1)
    # Only labels that show when the page opens are kept apart: all of them in a small view,
    # those of entities in two papers or more in a big one.
    boxes = _label_boxes(labels, values)
    shown = {n: b for n, b in boxes.items() if len(boxes) <= SMALL_VIEW or values[n] >= 2}
    positions = separate_boxes(layout_positions(g), shown)

    # pyvis only builds the node and edge data here; the page is our own template with the
    # assets inlined, so pyvis's own resource setting never reaches it.
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    for node, info in infos.items():
        style = node_style(info["type"])
        x, y = positions[node]
        net.add_node(
            node,
            label=labels[node],
            shape=style.shape,
            color={
                "background": style.color,
                "border": "#ffffff",
                "highlight": {"background": style.color, "border": "#1f2633"},
                "hover": {"background": style.color, "border": "#1f2633"},
            },
            value=values[node],
            x=x,
            y=y,
            kind=info["type"],
            info=info,
        )
    for i, (u, v) in enumerate(sorted(g.edges)):
        d = g.edges[u, v]
        role = str(d.get("role") or "")
        confidence = float(d.get("confidence") or 0)
        net.add_edge(
            u,
            v,
            id=f"e{i}",
            color={"color": edge_style(role).color, "highlight": "#1f2633", "hover": "#1f2633"},
            width=round(0.6 + 1.4 * confidence, 2),
            role=role,
            info={"role": role, "confidence": round(confidence, 3), "evidence": _evidence(d)},
        )
    nodes, edges, *_ = net.get_network_data()

    type_counts = {
        t: sum(1 for n in nodes if n["kind"] == t) for t in dict.fromkeys([*NODE_STYLES, *(n["kind"] for n in nodes)])
    }
    role_counts = {
        r: sum(1 for e in edges if e["role"] == r) for r in dict.fromkeys([*EDGE_STYLES, *(e["role"] for e in edges)])
    }
    legend_types = [
        {"type": t, "color": node_style(t).color, "shape": node_style(t).shape, "count": c}
        for t, c in type_counts.items()
        if c
    ]
    legend_roles = [
        {"role": r, "label": edge_style(r).label, "color": edge_style(r).color, "count": c}
        for r, c in role_counts.items()
        if c
    ]
    return {
        "meta": {
            "caption": view.caption,
            "kind": view.kind,
            "centres": list(view.centres),
            "nodes": len(nodes),
            "edges": len(edges),
            "totalNodes": view.total_nodes,
            "totalEdges": view.total_edges,
            "types": legend_types,
            "roles": legend_roles,
            "bounds": _bounds(positions, boxes),
        },
        "nodes": nodes,
        "edges": edges,
        "options": vis_options(),
    }


@cache
def _vis_assets() -> tuple[str, str]:
    """vis-network's standalone script and stylesheet as shipped inside the pyvis wheel."""
    import pyvis

    folder = Path(pyvis.__file__).parent / "lib" / f"vis-{VIS_VERSION}"
    try:
        js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
        css = (folder / "vis-network.css").read_text(encoding="utf-8")
    except OSError as e:
        raise KgError.missing_asset(
            f"vis-network {VIS_VERSION} in pyvis", e, "reinstall it: pip install 'pyvis==0.3.2'"
        ) from e
    # The source map is not shipped; without this line the browser's tools would ask for it.
    js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", js)
    return js, css


def _asset(name: str) -> str:
    return (resources.files("kg") / "assets" / name).read_text(encoding="utf-8")


def _script_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def render_page(data: dict[str, Any]) -> str:
    """The HTML text of the page; the same data always gives the same bytes."""
    vis_js, vis_css = _vis_assets()
    page_js, page_css = _asset("graph-view.js"), _asset("graph-view.css")
    for source, closing in ((vis_js, "</script"), (page_js, "</script"), (vis_css, "</style"), (page_css, "</style")):
        if closing in source.casefold():
            raise KgError(f"an inlined asset contains '{closing}' and would break the page; please report this")
    policy = (
        "default-src 'none'; "
        f"script-src {_script_hash(vis_js)} {_script_hash(page_js)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )
    parts = {
        "policy": policy,
        "vis_css": vis_css,
        "page_css": page_css,
        "vis_js": vis_js,
        "page_js": page_js,
        "data": safe_json(data),
    }
    # One pass, so text inside an inserted asset is never taken for a placeholder.
    return re.sub(r"\{\{ (\w+) \}\}", lambda m: parts[m.group(1)], _asset("graph-view.html"))
