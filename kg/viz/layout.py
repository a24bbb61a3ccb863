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


def _force_directed(n: int, first: np.ndarray, second: np.ndarray, seed: int) -> np.ndarray:
    """Fruchterman-Reingold in the unit square, with repulsion weighted by degree (as in
    ForceAtlas2) so hubs push apart and their papers get room. Rows go a block at a time into
    reused buffers, so memory stays proportional to ``n * block`` and big views stay quick.
    ``first[i]`` and ``second[i]`` are the ends of link ``i``."""
    rng = np.random.RandomState(seed)
    pos = rng.rand(n, 2)
    k = math.sqrt(1.0 / n)
    mass = np.bincount(np.concatenate([first, second]), minlength=n) + 1.0
    # Small components settle sooner; past ~700 nodes the n² work per step caps the step count.
    iterations = max(30, min(300, 60 + 2 * n, 150_000_000 // (n * n)))
    temperature = 0.2
    cooling = temperature / (iterations + 1)
    block = max(1, min(n, 1_000_000 // n))
    dx, dy, force, weight = (np.empty((block, n)) for _ in range(4))
    displacement = np.empty_like(pos)
    for _ in range(iterations):
        for start in range(0, n, block):
            stop = min(n, start + block)
            bx, by, bf, bw = (buffer[: stop - start] for buffer in (dx, dy, force, weight))
            np.subtract(pos[start:stop, 0, None], pos[None, :, 0], out=bx)
            np.subtract(pos[start:stop, 1, None], pos[None, :, 1], out=by)
            np.multiply(bx, bx, out=bf)
            bf += by * by
            np.maximum(bf, 1e-4, out=bf)
            np.multiply.outer(mass[start:stop] * (k * k), mass, out=bw)
            np.divide(bw, bf, out=bf)
            displacement[start:stop, 0] = np.einsum("ij,ij->i", bx, bf)
            displacement[start:stop, 1] = np.einsum("ij,ij->i", by, bf)
        link = pos[first] - pos[second]
        pull = link * (np.sqrt((link * link).sum(axis=1)) / k)[:, None]
        np.subtract.at(displacement, first, pull)
        np.add.at(displacement, second, pull)
        length = np.maximum(np.sqrt((displacement * displacement).sum(axis=1)), 1e-9)
        pos += displacement * (np.minimum(temperature, length) / length)[:, None]
        temperature -= cooling
    return pos


def _lie_flat(pos: np.ndarray) -> np.ndarray:
    """Turn a component so its long axis runs left to right, as screens are wide."""
    centred = pos - pos.mean(axis=0)
    x, y = centred[:, 0], centred[:, 1]
    # The 2x2 covariance by hand: a BLAS product may round differently from run to run.
    cov = np.array([[(x * x).mean(), (x * y).mean()], [(x * y).mean(), (y * y).mean()]])
    _, vectors = np.linalg.eigh(cov)
    axes = vectors[:, ::-1]  # long axis first
    axes *= np.where(axes[0] < 0, -1.0, 1.0)  # a fixed sign, so the turn is the same every run
    return np.stack([x * axes[0, 0] + y * axes[1, 0], x * axes[0, 1] + y * axes[1, 1]], axis=1)


def _pixel(value: float) -> float:
    """One decimal and never -0.0, so the page's bytes do not depend on float noise."""
    return round(float(value), 1) + 0.0


def _component_layout(g: nx.Graph, nodes: list[str], spacing: float, seed: int) -> dict[str, np.ndarray]:
    """Positions with the component's median link ``spacing`` long and its corner at (0, 0)."""
    if len(nodes) == 1:
        return {nodes[0]: np.zeros(2)}
    index = {n: i for i, n in enumerate(nodes)}
    links = sorted((index[u], index[v]) for u, v in g.subgraph(nodes).edges)
    first, second = (np.array(ends, dtype=np.intp) for ends in zip(*links, strict=True))
    pos = _force_directed(len(nodes), first, second, seed)
    pos = _lie_flat(pos)
    lengths = np.sqrt(((pos[first] - pos[second]) ** 2).sum(axis=1))
    pos *= spacing / max(float(np.median(lengths)), 1e-9)
    pos -= pos.min(axis=0)
    return {n: pos[index[n]] for n in nodes}


def layout_positions(
    graph: nx.Graph, spacing: float = 70.0, margin: float = 60.0, aspect: float = 1.6, seed: int = 7
) -> dict[str, Position]:
    """Pixel positions for every node, centred on (0, 0), rounded so the page stays byte-stable.

    >>> pos = layout_positions(nx.path_graph(["a", "b", "c"]))
    >>> sorted(pos), round(math.dist(pos["a"], pos["b"]))
    (['a', 'b', 'c'], 70)
    """
    und = graph.to_undirected(as_view=True) if graph.is_directed() else graph
    components = sorted((sorted(c) for c in nx.connected_components(und)), key=lambda c: (-len(c), c[0]))
    laid = [_component_layout(und, nodes, spacing, seed) for nodes in components]
    sizes = [np.max(np.stack(list(p.values())), axis=0) + margin for p in laid]
    area = sum(float(w * h) for w, h in sizes)
    row_width = max(max((float(w) for w, _ in sizes), default=0.0), math.sqrt(area * aspect))

    # Shelf packing: fill a row left to right, then start the next one under it.
    rows: list[list[int]] = [[]] if sizes else []
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
        positions = {n: (_pixel(x - centre[0]), _pixel(y - centre[1])) for n, (x, y) in positions.items()}
    return positions


def separate_boxes(
    positions: dict[str, Position], boxes: dict[str, Position], iterations: int = 80, gap: float = 6.0
) -> dict[str, Position]:
    """Nudge apart the nodes in ``boxes`` (half width, half height around the position) until
    they no longer overlap, so the labels an overview shows can be read; others stay put.

    >>> moved = separate_boxes({"a": (0.0, 0.0), "b": (10.0, 0.0)}, {"a": (20.0, 5.0), "b": (20.0, 5.0)})
    >>> moved["a"][0], moved["b"][0], abs(moved["a"][1] - moved["b"][1]) >= 16
    (0.0, 10.0, True)
    """
    names = sorted(n for n in boxes if n in positions)
    if len(names) < 2:
        return dict(positions)
    pos = np.array([positions[n] for n in names], dtype=float)
    half = np.array([boxes[n] for n in names], dtype=float)
    order = np.arange(len(names))
    tie = np.where(order[:, None] < order[None, :], -1.0, 1.0)
    for _ in range(iterations):
        dx = pos[:, None, 0] - pos[None, :, 0]
        dy = pos[:, None, 1] - pos[None, :, 1]
        over_x = half[:, None, 0] + half[None, :, 0] + gap - np.abs(dx)
        over_y = half[:, None, 1] + half[None, :, 1] + gap - np.abs(dy)
        overlap = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(overlap, False)
        if not overlap.any():
            break
        # Move along the axis that needs the smaller shift, each node half of it.
        along_x = overlap & (over_x <= over_y)
        along_y = overlap & (over_x > over_y)
        sign_x = np.where(dx == 0, tie, np.sign(dx))
        sign_y = np.where(dy == 0, tie, np.sign(dy))
        pos[:, 0] += np.where(along_x, sign_x * over_x / 2, 0).sum(axis=1) * 0.5
        pos[:, 1] += np.where(along_y, sign_y * over_y / 2, 0).sum(axis=1) * 0.5
    out = dict(positions)
    out.update({n: (_pixel(x), _pixel(y)) for n, (x, y) in zip(names, pos, strict=True)})
    return out
