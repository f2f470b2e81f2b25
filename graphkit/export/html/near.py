"""Who is near whom in a view: each node's neighbours and the nodes some steps away
(an actor's view draws its neighbourhood)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

__all__ = ["adjacency", "reach"]


def adjacency(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Each node's neighbours, edges taken in either direction.

    >>> sorted(adjacency([("a", "b"), ("c", "a")])["a"])
    ['b', 'c']
    """
    adjacent: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        adjacent[a].add(b)
        adjacent[b].add(a)
    return adjacent


def reach(adjacent: Mapping[str, set[str]], start: str, hops: int) -> set[str]:
    """Nodes at most ``hops`` steps from ``start`` in ``adjacent`` (:func:`adjacency`)."""
    reached, frontier = {start}, {start}
    for _ in range(max(0, hops)):
        frontier = {n for f in frontier for n in adjacent.get(f, ())} - reached
        reached |= frontier
    return reached
