"""The actors a build draws a view of (:func:`graphkit.export.html.views.top_actors`):
by linked entities, then statements, then label and IRI, concepts and propositions
left out, as the shipped ``most-connected`` query ranks them."""

from __future__ import annotations

import pytest

from graphkit.export.formats import view_predicates
from graphkit.export.html.data import GraphData
from graphkit.export.html.views import actors, top_actors
from graphkit.rdf.build import build_lines
from graphkit.rdf.columns import Columns
from graphkit.types import Entity

from .test_graph_model import claim, corpus_of

# ann and bea are linked to 2 entities with 2 statements each: tied but for the label;
# the idea has the most statements but is a concept; cal has one; dan none
ANN = Entity("ann-1", "Ann", "Person")
BEA = Entity("bea-2", "Bea", "Person")
CAL = Entity("cal-3", "Cal", "Person")
DAN = Entity("dan-4", "Dan", "Person")
IDEA = Entity("idea-5", "the idea", "Concept")
GROUP = Entity("zeta-6", "Zeta", "Organization")


@pytest.fixture(scope="module")
def read() -> GraphData:
    said = (
        claim("s1", subject=ANN, obj=BEA, lemma="meet"),
        claim("s2", subject=BEA, obj=IDEA, lemma="back"),
        claim("s3", subject=ANN, obj=IDEA, lemma="back"),
        claim("s4", subject=CAL, obj=IDEA, lemma="back"),
        claim("s5", subject=GROUP, obj=IDEA, lemma="back"),
        claim("s6", subject=GROUP, obj=IDEA, lemma="fund"),
        claim("s7", subject=GROUP, obj=IDEA, lemma="debate"),
    )
    entities = tuple(sorted((ANN, BEA, CAL, DAN, IDEA, GROUP), key=lambda e: e.id))
    columns = Columns(view_predicates())
    columns.add_lines(build_lines(corpus_of(*said, entities=entities)))
    return GraphData.read(columns)


@pytest.mark.parametrize(
    ("limit", "expected"),
    [
        (1, ["Ann"]),
        (2, ["Ann", "Bea"]),
        (3, ["Ann", "Bea", "Zeta"]),
        (5, ["Ann", "Bea", "Zeta", "Cal"]),  # no Dan (no statement), no idea (a concept)
    ],
)
def test_the_top_actors_are_ranked_as_the_query_ranks_them(
    read: GraphData, limit: int, expected: list[str]
) -> None:
    top = top_actors(read, limit, read)
    assert [a.label for a in top] == expected
    assert [(a.neighbours, a.statements) for a in top][:3] == [(2, 2), (2, 2), (1, 3)][:limit]
    # the whole ranking, where every entity is made an actor and sorted, agrees
    everyone = [a for a in actors(read, read) if a.type != "Concept" and a.statements]
    assert top == everyone[:limit]
