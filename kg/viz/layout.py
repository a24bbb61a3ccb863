"""Node positions computed before the page opens, so the browser draws at once instead of
running physics, and the same graph always lands in the same place.

Each connected component gets a force-directed layout of its own (Fruchterman-Reingold, in
numpy: networkx's version needs scipy past 500 nodes), scaled to a common link length; the
components are then packed in centred rows, largest first, instead of drifting apart.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["layout_positions"]

Position = tuple[float, float]


def _force_directed(adjacency: np.ndarray, seed: int, iterations: int = 200) -> np.ndarray:
    """Fruchterman-Reingold in the unit square, as networkx does it, a block of rows at a time
    so memory stays proportional to ``n * block``."""
    n = adjacency.shape[0]
    rng = np.random.RandomState(seed)
    pos = rng.rand(n, 2)
    k = math.sqrt(1.0 / n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    block = max(1, 1_000_000 // n)
    for _ in range(iterations):
        displacement = np.empty_like(pos)
        for start in range(0, n, block):
            rows = slice(start, start + block)
            dx = pos[rows, 0, None] - pos[None, :, 0]
            dy = pos[rows, 1, None] - pos[None, :, 1]
            distance = np.maximum(np.sqrt(dx * dx + dy * dy), 0.01)
            force = k * k / (distance * distance) - adjacency[rows] * distance / k
            displacement[rows, 0] = (dx * force).sum(axis=1)
            displacement[rows, 1] = (dy * force).sum(axis=1)
        length = np.sqrt((displacement * displacement).sum(axis=1))
        length = np.where(length < 0.01, 0.1, length)
        pos += displacement * (temperature / length)[:, None]
        temperature -= cooling
    return pos


def _component_layout(g: nx.Graph, nodes: list[str], spacing: float, seed: int) -> dict[str, np.ndarray]:
    """Positions with the component's median link ``spacing`` long and its corner at (0, 0)."""
    if len(nodes) == 1:
        return {nodes[0]: np.zeros(2)}
    index = {n: i for i, n in enumerate(nodes)}
    adjacency = np.zeros((len(nodes), len(nodes)))
    for u, v in g.subgraph(nodes).edges:
        adjacency[index[u], index[v]] = adjacency[index[v], index[u]] = 1.0
    pos = _force_directed(adjacency, seed)
    lengths = [np.linalg.norm(pos[index[u]] - pos[index[v]]) for u, v in g.subgraph(nodes).edges]
    pos *= spacing / max(float(np.median(lengths)), 1e-9)
    pos -= pos.min(axis=0)
    return {n: pos[index[n]] for n in nodes}


def layout_positions(
    graph: nx.Graph, spacing: float = 90.0, margin: float = 70.0, aspect: float = 1.6, seed: int = 7
) -> dict[str, Position]:
    """Pixel positions for every node, centred on (0, 0), rounded so the page stays byte-stable.

    >>> pos = layout_positions(nx.path_graph(["a", "b", "c"]))
    >>> sorted(pos), round(math.dist(pos["a"], pos["b"]))
    (['a', 'b', 'c'], 90)
    """
    und = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    components = sorted((sorted(c) for c in nx.connected_components(und)), key=lambda c: (-len(c), c[0]))
    laid = [_component_layout(und, nodes, spacing, seed) for nodes in components]
    sizes = [np.max(np.stack(list(p.values())), axis=0) + margin for p in laid]
    area = sum(float(w * h) for w, h in sizes)
    row_width = max(max((float(w) for w, _ in sizes), default=0.0), math.sqrt(area * aspect))

    # Shelf packing: fill a row left to right, then start the next one under it.
    rows: list[list[int]] = [[]]
    used = 0.0
    for i, (w, _) in enumerate(sizes):
        if rows[-1] and used + w > row_width:
            rows.append([])
            used = 0.0
        rows[-1].append(i)
        used += float(w)

    positions: dict[str, Position] = {}
    top = 0.0
    for row in rows:
        width = sum(float(sizes[i][0]) for i in row)
        height = max(float(sizes[i][1]) for i in row)
        left = -width / 2
        for i in row:
            w, h = (float(x) for x in sizes[i])
            offset = np.array([left + margin / 2, top + (height - h) / 2 + margin / 2])
            for node, p in laid[i].items():
                positions[node] = tuple(p + offset)
            left += w
        top += height
    if positions:
        centre = (
            np.min(np.array(list(positions.values())), axis=0) + np.max(np.array(list(positions.values())), axis=0)
        ) / 2
        positions = {n: (round(x - centre[0], 1), round(y - centre[1], 1)) for n, (x, y) in positions.items()}
    return positions
