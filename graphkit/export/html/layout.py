"""Node positions for the HTML view, computed once in Python so the page never runs physics.

Each connected component is laid out on its own: networkx's spring layout, or, from
:data:`SPRING_LIMIT` nodes on (networkx would need scipy and cost O(n²) per
iteration, about three seconds for 2,000 nodes), the same force model with the
repulsion estimated from a seeded sample of nodes: O(n·k) per iteration. A component
is stretched until its median link is :data:`LINK` pixels long (room for the link's
label) and its nodes are pushed :data:`SPACING` pixels apart; the components are
packed in rows whose width best fills a window of :data:`ASPECT`, and the nodes linked
to no other fill a grid below. Positions given as ``fixed`` (an earlier build's) are
kept, new nodes are put beside their neighbours, new components below. Everything is
seeded, so the same graph always gets the same positions.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import networkx as nx
import numpy as np

SEED = 7
SPRING_LIMIT = 400  # networkx's dense solver below this; it needs scipy from 500 nodes
SAMPLE = 100  # nodes that push each node apart in one iteration of the sampled layout
ITERATIONS = 60
RADIUS = 110.0  # pixels; a component of n nodes fills a disc of radius RADIUS·√n
GAP = 60.0  # pixels between components
ASPECT = 1.5  # width / height of the packed components, about that of the page's canvas

Position = tuple[float, float]
CELL = (180.0, 64.0)  # pixels: the grid cell of an actor linked to no other, label included
RING = 55.0  # pixels: the first ring of the nodes placed around an actor
LINK = 170.0  # pixels: the median length of a component's links, at least
SPACING = 110.0  # pixels: nodes of a component closer than this are pushed apart
GOLDEN = math.pi * (3 - math.sqrt(5))  # radians between successive nodes of a sunflower


def layout(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str]],
    seed: int = SEED,
    fixed: Mapping[str, Position] | None = None,
    origin: Position | None = None,
) -> dict[str, Position]:
    """Positions in vis-network pixels, rounded to 0.1 so the output is byte-stable.

    Each connected component is laid out on its own, in a disc whose area grows with
    its size, and the discs are packed in rows, largest first: news graphs are many
    small islands, and one spring layout of all of them leaves most of the screen
    empty. Nodes linked to no other fill a grid below them. ``fixed`` positions (of
    the actors of an earlier build) are kept: the new nodes of their components are
    put beside their neighbours, and new components are packed below (or from
    ``origin``, the top left corner, when given).
    """
    kept = {n: fixed[n] for n in nodes if fixed and n in fixed}
    parts = components(nodes, edges)
    home = {node: i for i, part in enumerate(parts) for node in part}
    inner: list[list[tuple[str, str]]] = [[] for _ in parts]
    for a, b in edges:
        if a != b:
            inner[home[a]].append((a, b))
    positions = dict(kept)
    fresh = []
    for part, links in zip(parts, inner, strict=True):
        if any(node in kept for node in part):
            positions.update(_grow(part, links, positions, seed))
        else:
            fresh.append((part, links))
    below = max((y for _, y in kept.values()), default=None)
    left = min((x for x, _ in kept.values()), default=0.0)
    if origin is None:
        origin = (left, 0.0 if below is None else below + GAP + CELL[1])
    positions.update(_pack(fresh, seed, origin))
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in positions.items()}


def _pack(
    parts: list[tuple[list[str], list[tuple[str, str]]]], seed: int, origin: Position
) -> dict[str, Position]:
    """Components as discs packed in rows from ``origin``, single nodes in a grid below."""
    positions: dict[str, Position] = {}
    discs = [_disc(part, links, seed) for part, links in parts if len(part) > 1]
    singles = [part[0] for part, _ in parts if len(part) == 1]
    area = sum((2 * r + GAP) ** 2 for _, r in discs) + len(singles) * CELL[0] * CELL[1]
    widest = max([2 * r for _, r in discs] + [CELL[0]])
    tries = [widest + (ASPECT * area) ** 0.5 * k / 8 for k in range(0, 25)]
    row_width = min(tries, key=lambda w: _packed(discs, singles, w)[1])
    x0, y0 = origin
    for node, (x, y) in _packed(discs, singles, row_width)[0].items():
        positions[node] = (x0 + x, y0 + y)
    return positions


def _packed(
    discs: list[tuple[dict[str, Position], float]], singles: list[str], width: float
) -> tuple[dict[str, Position], float]:
    """Discs in rows of ``width``, then ``singles`` in a grid below; and how far that
    picture must be zoomed out to fill a canvas of :data:`ASPECT`: the larger of its
    width over the aspect and its height."""
    positions: dict[str, Position] = {}
    x = y = row_height = right = 0.0
    for coords, radius in discs:
        if x > 0 and x + 2 * radius > width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        for node, (cx, cy) in coords.items():
            positions[node] = (x + radius + cx, y + radius + cy)
        x += 2 * radius + GAP
        right, row_height = max(right, x - GAP), max(row_height, 2 * radius)
    y += row_height + (GAP if discs else 0.0)
    columns = max(1, int(max(width, right) // CELL[0]))
    for i, node in enumerate(singles):
        row, column = divmod(i, columns)
        positions[node] = ((column + 0.5) * CELL[0], y + (row + 0.5) * CELL[1])
    rows = -(-len(singles) // columns)
    size = max(max(right, min(len(singles), columns) * CELL[0]) / ASPECT, y + rows * CELL[1])
    return positions, size


def _grow(
    part: list[str], edges: list[tuple[str, str]], placed: Mapping[str, Position], seed: int
) -> dict[str, Position]:
    """Positions for the nodes of ``part`` not yet ``placed``, beside their placed
    neighbours (nearest first), then pushed a little apart from every node."""
    adjacent: dict[str, list[str]] = {node: [] for node in part}
    for a, b in edges:
        adjacent[a].append(b)
        adjacent[b].append(a)
    positions = {n: placed[n] for n in part if n in placed}
    new: list[str] = []
    around: dict[str, int] = {}
    frontier = sorted(positions)
    while frontier:
        following = []
        for anchor in frontier:
            for node in sorted(set(adjacent[anchor])):
                if node in positions:
                    continue
                k = around[anchor] = around.get(anchor, 0) + 1
                ax, ay = positions[anchor]
                r, angle = RING * math.sqrt(k + 1), k * GOLDEN + seed
                positions[node] = (ax + r * math.cos(angle), ay + r * math.sin(angle))
                new.append(node)
                following.append(node)
        frontier = following
    if new:
        _relax(positions, new)
    return {node: positions[node] for node in new}


def _relax(positions: dict[str, Position], moving: list[str], rounds: int = 20) -> None:
    """Push the ``moving`` nodes off any node closer than :data:`RING` pixels."""
    names = sorted(positions)
    index = {n: i for i, n in enumerate(names)}
    pos = np.array([positions[n] for n in names], dtype=float)
    rows = np.array([index[n] for n in moving])
    for _ in range(rounds):
        delta = pos[rows][:, None, :] - pos[None, :, :]
        dist = np.sqrt((delta**2).sum(axis=2))
        dist[np.arange(len(rows)), rows] = np.inf
        push = np.clip(RING - dist, 0, None) / np.maximum(dist, 1e-6)
        pos[rows] += (delta * push[:, :, None]).sum(axis=1) * 0.5
    for n in moving:
        positions[n] = (float(pos[index[n]][0]), float(pos[index[n]][1]))


def place_around(
    placed: Mapping[str, Position],
    others: Sequence[str],
    edges: Sequence[tuple[str, str]],
    seed: int = SEED,
    fixed: Mapping[str, Position] | None = None,
) -> dict[str, Position]:
    """Positions for ``others`` (concepts, places, quotations) in a sunflower around the
    placed nodes they are linked to; ``fixed`` ones keep theirs, and those linked to no
    placed node are laid out on their own, below everything."""
    wanted = set(others)
    positions = {n: fixed[n] for n in others if fixed and n in fixed}
    known = {**placed, **positions}
    todo = sorted(wanted - set(positions))
    adjacent: dict[str, set[str]] = {node: set() for node in todo}
    for a, b in edges:
        for one, other in ((a, b), (b, a)):
            if one in adjacent and other != one:
                adjacent[one].add(other)
    around: dict[tuple[float, float], int] = {}
    while todo:
        ready = [n for n in todo if any(m in known for m in adjacent[n])]
        if not ready:
            break
        for node in ready:
            anchors = sorted(m for m in adjacent[node] if m in known)
            cx = sum(known[m][0] for m in anchors) / len(anchors)
            cy = sum(known[m][1] for m in anchors) / len(anchors)
            k = around[(cx, cy)] = around.get((cx, cy), 0) + 1
            r, angle = RING * math.sqrt(k), k * GOLDEN + seed
            positions[node] = known[node] = (cx + r * math.cos(angle), cy + r * math.sin(angle))
        todo = [n for n in todo if n not in known]
    if todo:
        rest = set(todo)
        links = [(a, b) for a, b in edges if a in rest and b in rest]
        below = max((y for _, y in known.values()), default=-GAP) + GAP + CELL[1]
        left = min((x for x, _ in known.values()), default=0.0)
        positions.update(layout(todo, links, seed, fixed=None, origin=(left, below)))
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in positions.items()}


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
    """Positions of one component centred on the origin, and the radius they fill.

    The layout depends only on the component's shape (how many nodes, which links
    between the i-th and j-th) and the seed, so each shape is laid out once: news
    graphs hold thousands of pairs and small stars of one shape (issue 15: 3,373 spring
    layouts for the six pages of a 200-article build, most of its HTML time)."""
    if len(part) == 1:
        return {part[0]: (0.0, 0.0)}, RADIUS
    index = {node: i for i, node in enumerate(part)}
    shape = (len(part), tuple((index[a], index[b]) for a, b in edges), seed)
    found = _SHAPES.get(shape)
    if found is None:
        found = _SHAPES[shape] = _shaped_disc(*shape)
        if len(_SHAPES) > _SHAPES_KEPT:  # a long-lived process need not keep them all
            del _SHAPES[next(iter(_SHAPES))]
    coords, radius = found
    return dict(zip(part, coords, strict=True)), radius


_SHAPES: dict[tuple[int, tuple[tuple[int, int], ...], int], tuple[list[Position], float]] = {}
_SHAPES_KEPT = 10_000


def _shaped_disc(
    size: int, links: tuple[tuple[int, int], ...], seed: int
) -> tuple[list[Position], float]:
    """The places of nodes ``0 .. size - 1`` linked by ``links``, and their radius."""
    radius = RADIUS * size**0.5
    nodes = list(range(size))
    if size < SPRING_LIMIT:
        coords = _spring(nodes, links, seed)
    else:
        coords = _sampled_force_layout(nodes, links, seed)
    pairs = np.array([(a, b) for a, b in links if a != b], dtype=int)
    rounds = 12 if size < SPRING_LIMIT else 4  # the sampled model spaces big ones
    coords = _separate(_rescale(coords, radius, pairs), SPACING, rounds)
    extent = float(np.sqrt((coords**2).sum(axis=1)).max())
    return [(float(x), float(y)) for x, y in coords], max(radius, extent)


def _separate(coords: np.ndarray, spacing: float, rounds: int = 12) -> np.ndarray:
    """Push apart the nodes closer than ``spacing`` pixels (a spring layout crowds the
    leaves of a hub). Only nodes in neighbouring cells of a ``spacing`` grid are
    compared, so a round costs about O(n)."""
    pos = coords.copy()
    n = len(pos)
    for _ in range(rounds):
        first, second = _close_pairs(pos, spacing)
        if not len(first):
            break
        delta = pos[first] - pos[second]
        dist = np.sqrt((delta**2).sum(axis=1))
        tied = dist < 1e-6  # the same place: apart along x, the lower index leftwards
        delta[tied] = [[-1.0, 0.0]]
        dist[tied] = 1.0
        push = delta * (np.clip(spacing - dist, 0, None) / dist / 2)[:, None]
        if not push.any():
            break
        for axis in (0, 1):
            pos[:, axis] += np.bincount(first, push[:, axis], n) - np.bincount(
                second, push[:, axis], n
            )
    return pos


def _close_pairs(pos: np.ndarray, spacing: float) -> tuple[np.ndarray, np.ndarray]:
    """The pairs (i < j, or across cells) of nodes in the same or a neighbouring cell."""
    buckets: dict[tuple[int, int], list[int]] = {}
    for i, cell in enumerate(np.floor(pos / spacing).astype(np.int64).tolist()):
        buckets.setdefault((cell[0], cell[1]), []).append(i)
    first: list[int] = []
    second: list[int] = []
    for (cx, cy), members in buckets.items():
        for i, a in enumerate(members):
            first.extend([a] * (len(members) - i - 1))
            second.extend(members[i + 1 :])
        for dx, dy in ((1, 0), (0, 1), (1, 1), (1, -1)):
            other = buckets.get((cx + dx, cy + dy))
            if other:
                for a in members:
                    first.extend([a] * len(other))
                    second.extend(other)
    return np.array(first, dtype=int), np.array(second, dtype=int)


def _spring(nodes: Sequence[int], edges: Sequence[tuple[int, int]], seed: int) -> np.ndarray:
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    # twice networkx's default spacing: leaves around a hub stay apart, labels readable
    positions = nx.spring_layout(graph, k=2 / len(nodes) ** 0.5, iterations=100, seed=seed)
    return np.array([positions[node] for node in nodes], dtype=float)


def _sampled_force_layout(
    nodes: Sequence[int],
    edges: Sequence[tuple[int, int]],
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


def _rescale(coords: np.ndarray, radius: float, pairs: np.ndarray) -> np.ndarray:
    """Centre on the origin and stretch so the farthest node is ``radius`` away, or
    more, until the median link is :data:`LINK` pixels long (room for its label)."""
    coords = coords - (coords.max(axis=0) + coords.min(axis=0)) / 2
    extent = float(np.sqrt((coords**2).sum(axis=1)).max())
    if extent <= 0:
        return coords
    scale = radius / extent
    if len(pairs):
        lengths = np.sqrt(((coords[pairs[:, 0]] - coords[pairs[:, 1]]) ** 2).sum(axis=1))
        median = float(np.median(lengths))
        scale = max(scale, LINK / median) if median > 0 else scale
    return coords * scale
