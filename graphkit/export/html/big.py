"""The whole-graph view of a big graph: its most-connected actors only.

Above :data:`MAX_ACTORS` actors, the view of the whole graph (``graph.html``, and
``graphkit view`` without ``--actor``) draws only the :data:`MAX_ACTORS` most-connected
ones, ranked as :func:`graphkit.export.html.views.actors` ranks them (linked entities,
then statements, then label), and the claims between two of them. Concepts, places
and quotations are not drawn: a drawn actor's claims about them are folded into its
details (:func:`fold`: the :data:`FOLDED` most stated, as text, with how many more
there are), and an actor whose only claims are such is drawn alone; the page says
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
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from graphkit.export.html.style import NOT_DRAWN

if TYPE_CHECKING:
    from graphkit.export.html.data import ClaimKey, GraphData, Statement

MAX_ACTORS = 2000
FOLDED = 20  # claims about concepts, places and quotations listed per actor
Claims = list[tuple["ClaimKey", list["Statement"], str]]


def connections(read: GraphData) -> tuple[dict[str, set[str]], Counter[str]]:
    """Each entity's linked entities and its number of statements (made once for
    ``read``: the ranking of the whole view and of the actor views share it)."""

    def make() -> tuple[dict[str, set[str]], Counter[str]]:
        statements: Counter[str] = Counter()
        neighbours: dict[str, set[str]] = defaultdict(set)
        for st in read.statements:
            subject, obj = st.subject, st.object
            statements[subject] += 1
            if subject != obj:
                statements[obj] += 1
                neighbours[subject].add(obj)
                neighbours[obj].add(subject)
        return neighbours, statements

    return read.memo("connections", make)


def ranked(read: GraphData, iris: set[str]) -> list[str]:
    """``iris``, the most-connected first (as the shipped ``most-connected`` query)."""
    neighbours, statements = connections(read)
    entities = read.entities

    def key(iri: str) -> tuple[int, int, str, str]:
        label = entities.label(iri) if iri in entities else iri
        return (-len(neighbours[iri]), -statements[iri], label, iri)

    return sorted(iris, key=key)


def cap(
    read: GraphData, claims: Claims, limit: int | None
) -> tuple[Claims, dict[str, Any] | None, set[str]]:
    """The claims between the ``limit`` most-connected actors of ``claims``, what the
    page says of the others, and the actors kept; ``claims``, None and every actor
    when there are not more than ``limit``."""
    entities = read.entities
    ends = {end for key, _, _ in claims for end in (key[0], key[2])}
    actors = {e for e in ends if (kind := entities.type_of(e)) and kind not in NOT_DRAWN}
    if limit is None or len(actors) <= limit:
        return claims, None, actors
    order = ranked(read, actors)
    kept = set(order[:limit])
    others = [[entities.label(iri), iri.rsplit("/", 1)[-1]] for iri in order[limit:]]
    note = {"shown": limit, "of": len(actors), "others": sorted(others)}
    return [c for c in claims if c[0][0] in kept and c[0][2] in kept], note, kept


def fold(
    read: GraphData,
    claims: Claims,
    kept: set[str],
    label: Callable[[ClaimKey, list[Statement]], str],
) -> dict[str, dict[str, Any]]:
    """Each kept actor's claims whose other end is not drawn (a concept, a place, a
    quotation), as lines of text (``label`` words the relation), the most stated
    first, at most :data:`FOLDED` with the number of the others: by actor IRI."""
    entities = read.entities
    lines: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for key, statements, _ in claims:
        subject, _, obj, _ = key
        for actor, other, arrow in ((subject, obj, "→"), (obj, subject, "←")):
            kind = entities.type_of(other)
            if actor in kept and (kind is None or kind in NOT_DRAWN):
                name = entities.label(other) if kind is not None else other.rsplit("/", 1)[-1]
                if kind == "Proposition":
                    name = "“" + (name if len(name) <= 80 else name[:79] + "…") + "”"
                text = f"{arrow} {label(key, statements)} {arrow} {name}"
                lines[actor].append((len(statements), text))
    found = {}
    for actor, said in lines.items():
        ranked = sorted(said, key=lambda pair: (-pair[0], pair[1]))
        found[actor] = {"lines": [[t, n] for n, t in ranked[:FOLDED]], "more": len(ranked) - FOLDED}
    return found
