"""The whole-graph view of a big graph: its most-connected actors only.

Above :data:`MAX_ACTORS` actors, the view of the whole graph (``graph.html``, and
``graphkit view`` without ``--actor``) draws only the :data:`MAX_ACTORS` most-connected
ones, ranked as :func:`graphkit.export.html.views.actors` ranks them (linked entities,
then statements, then label), and the claims between two of them. Concepts, places
and quotations are left out of it (each actor's view has them); the page says
"showing N of M actors", and its search box knows every actor's name: one not drawn
is named with the view that shows it (``views/<actor>.html`` when the build wrote
one) or the ``graphkit view`` command that draws it.

Why 2,000: ``benchmarks/view_scale.py`` (headless Chromium, the shared two-core
machine; ``benchmarks/README.md``) drew 2,000 actors in 1.0 to 1.5 s and 5,000 in
2.7 to 2.8 s, with a filter change taking 1.2 to 1.5 s there; a draw over about 2 s
is not usable, and a loaded machine takes two to three times as long. At 2,000
actors the page stays near a second and a half at worst, and a capped 5,000-actor
graph draws as fast as a 2,000-actor one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from graphkit.export.html.style import NOT_DRAWN

if TYPE_CHECKING:
    from graphkit.export.html.data import ClaimKey, GraphData, Statement

MAX_ACTORS = 2000
Claims = list[tuple["ClaimKey", list["Statement"], str]]


def connections(read: GraphData) -> tuple[dict[str, set[str]], Counter[str]]:
    """Each entity's linked entities and its number of statements."""
    statements: Counter[str] = Counter()
    neighbours: dict[str, set[str]] = defaultdict(set)
    for st in read.statements:
        statements.update({st.subject, st.object})
        if st.subject != st.object:
            neighbours[st.subject].add(st.object)
            neighbours[st.object].add(st.subject)
    return neighbours, statements


def ranked(read: GraphData, iris: set[str]) -> list[str]:
    """``iris``, the most-connected first (as the shipped ``most-connected`` query)."""
    neighbours, statements = connections(read)
    entities = read.entities

    def key(iri: str) -> tuple[int, int, str, str]:
        label = entities[iri].label if iri in entities else iri
        return (-len(neighbours[iri]), -statements[iri], label, iri)

    return sorted(iris, key=key)


def cap(read: GraphData, claims: Claims, limit: int | None) -> tuple[Claims, dict[str, Any] | None]:
    """The claims between the ``limit`` most-connected actors of ``claims``, and what the
    page says of the others; ``claims`` and None when there are not more than ``limit``."""
    entities = read.entities
    ends = {end for key, _, _ in claims for end in (key[0], key[2])}
    actors = {e for e in ends if e in entities and entities[e].type not in NOT_DRAWN}
    if limit is None or len(actors) <= limit:
        return claims, None
    order = ranked(read, actors)
    kept = set(order[:limit])
    others = [[entities[iri].label, iri.rsplit("/", 1)[-1]] for iri in order[limit:]]
    note = {"shown": limit, "of": len(actors), "others": sorted(others)}
    return [c for c in claims if c[0][0] in kept and c[0][2] in kept], note
