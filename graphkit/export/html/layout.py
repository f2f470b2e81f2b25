"""Node positions for the HTML view, computed once in Python so the page never runs physics.

Each connected component is laid out on its own and the components are packed in
rows. Components get networkx's spring layout. From :data:`SPRING_LIMIT` nodes on,
networkx would need scipy and costs O(n²) per iteration (about three seconds for
2,000 nodes), so big graphs get the same force model with the repulsion estimated
from a seeded sample of nodes: O(n·k) per iteration, a few tenths of a second.
Both are seeded, so the same graph always gets the same positions.
"""

from __future__ import annotations

from collections.abc import Sequence

import networkx as nx
import numpy as np

SEED = 7
SPRING_LIMIT = 400  # networkx's dense solver below this; it needs scipy from 500 nodes
SAMPLE = 100  # nodes that push each node apart in one iteration of the sampled layout
ITERATIONS = 60
RADIUS = 90.0  # pixels; a component of n nodes fills a disc of radius RADIUS·√n
GAP = 60.0  # pixels between components
ASPECT = 1.5  # width / height of the packed components, about that of the page's canvas

Position = tuple[float, float]


def layout(
    nodes: Sequence[str], edges: Sequence[tuple[str, str]], seed: int = SEED
) -> dict[str, Position]:
    """Positions in vis-network pixels, rounded to 0.1 so the output is byte-stable.

    Each connected component is laid out on its own, in a disc whose area grows with
    its size, and the discs are packed in rows, largest first: news graphs are many
    small islands, and one spring layout of all of them leaves most of the screen empty.
    """
    positions: dict[str, Position] = {}
    parts = components(nodes, edges)
    home = {node: i for i, part in enumerate(parts) for node in part}
    inner: list[list[tuple[str, str]]] = [[] for _ in parts]
    for a, b in edges:
        if a != b:
            inner[home[a]].append((a, b))
    discs = [_disc(part, links, seed) for part, links in zip(parts, inner, strict=True)]
    row_width = (ASPECT * sum((2 * r + GAP) ** 2 for _, r in discs)) ** 0.5
    x = y = row_height = 0.0
    for coords, radius in discs:
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        for node, (cx, cy) in coords.items():
            positions[node] = (round(x + radius + cx, 1), round(y + radius + cy, 1))
        x += 2 * radius + GAP
        row_height = max(row_height, 2 * radius)
    return positions


def components(nodes: Sequence[str], edges: Sequence[tuple[str, str]]) -> list[list[str]]:
    """Connected components (edges taken either way), largest first, each sorted."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    parts = [sorted(part) for part in nx.connected_components(graph)]
    return sorted(parts, key=lambda part: (-len(part), part[0]))


def _disc(
    part: list[str], edges: list[tuple[str, str]], seed: int
) -> tuple[dict[str, Position], float]:
    """Positions of one component centred on the origin, and the radius they fill."""
    radius = RADIUS * len(part) ** 0.5
    if len(part) == 1:
        return {part[0]: (0.0, 0.0)}, radius
    if len(part) < SPRING_LIMIT:
        coords = _spring(part, edges, seed)
    else:
        coords = _sampled_force_layout(part, edges, seed)
    coords = _rescale(coords, radius)
    return {node: (float(x), float(y)) for node, (x, y) in zip(part, coords, strict=True)}, radius


def _spring(nodes: Sequence[str], edges: Sequence[tuple[str, str]], seed: int) -> np.ndarray:
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    # twice networkx's default spacing: leaves around a hub stay apart, labels readable
    positions = nx.spring_layout(graph, k=2 / len(nodes) ** 0.5, iterations=100, seed=seed)
    return np.array([positions[node] for node in nodes], dtype=float)


def _sampled_force_layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    seed: int,
    iterations: int = ITERATIONS,
) -> np.ndarray:
    """Fruchterman-Reingold with each node repelled by a fresh random sample of nodes
    (scaled up to stand for all of them) instead of by every node."""
    n = len(nodes)
    rng = np.random.default_rng(seed)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = np.array([(index[a], index[b]) for a, b in edges if a != b], dtype=int)
    src, dst = (pairs[:, 0], pairs[:, 1]) if len(pairs) else (np.zeros(0, int),) * 2
    pos = rng.random((n, 2))
    k = (1.0 / n) ** 0.5  # ideal edge length in the unit square
    sample = min(SAMPLE, n)
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        pivots = pos[rng.choice(n, size=sample, replace=False)]
        delta = pos[:, None, :] - pivots[None, :, :]
        dist2 = np.maximum((delta**2).sum(axis=2), 1e-9)
        disp = (delta * (k * k / dist2)[:, :, None]).sum(axis=1) * (n / sample)
        pull = pos[src] - pos[dst]
        pull *= np.sqrt((pull**2).sum(axis=1))[:, None] / k
        for axis in (0, 1):  # bincount sums per node, far faster than np.add.at
            disp[:, axis] += np.bincount(dst, pull[:, axis], n) - np.bincount(src, pull[:, axis], n)
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)[:, None]
        pos += disp / length * np.minimum(length, temperature)
        temperature -= cooling
    return pos


def _rescale(coords: np.ndarray, radius: float) -> np.ndarray:
    """Centre on the origin and stretch so the farthest node is ``radius`` away."""
    coords = coords - (coords.max(axis=0) + coords.min(axis=0)) / 2
    extent = float(np.sqrt((coords**2).sum(axis=1)).max())
    return coords * (radius / extent) if extent > 0 else coords
