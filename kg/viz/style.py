"""How each kind of node and link looks: one place for colours and shapes, shared by the
drawing and its legend.

Colours come from the Tableau 10 palette (distinct, colour-blind friendly in pairs) and every
type also has its own shape, so the picture still reads in greyscale.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["EDGE_STYLES", "NODE_STYLES", "EdgeStyle", "NodeStyle", "edge_style", "node_style"]


@dataclass(frozen=True)
class NodeStyle:
    color: str
    shape: str  # a vis-network shape that draws its label underneath


@dataclass(frozen=True)
class EdgeStyle:
    color: str
    label: str


NODE_STYLES: dict[str, NodeStyle] = {
    "Paper": NodeStyle("#8c97aa", "square"),
    "Method": NodeStyle("#4e79a7", "dot"),
    "Model": NodeStyle("#f28e2b", "diamond"),
    "Dataset": NodeStyle("#59a14f", "triangle"),
    "Benchmark": NodeStyle("#e15759", "star"),
    "Task": NodeStyle("#b07aa1", "triangleDown"),
    "Metric": NodeStyle("#76b7b2", "dot"),
    "Organization": NodeStyle("#9c755f", "hexagon"),
}
OTHER = NodeStyle("#bab0ac", "dot")

# Strong roles are saturated, weak ones fade into the background.
EDGE_STYLES: dict[str, EdgeStyle] = {
    "proposed": EdgeStyle("#d6336c", "proposes"),
    "evaluated_on": EdgeStyle("#e8a33d", "evaluates on"),
    "used": EdgeStyle("#6f9fd8", "uses"),
    "mentioned": EdgeStyle("#c3c8d1", "mentions"),
    "affiliated": EdgeStyle("#a1887f", "affiliated with"),
}
OTHER_EDGE = EdgeStyle("#c3c8d1", "links")


def node_style(node_type: str) -> NodeStyle:
    return NODE_STYLES.get(node_type, OTHER)


def edge_style(role: str) -> EdgeStyle:
    return EDGE_STYLES.get(role, OTHER_EDGE)
