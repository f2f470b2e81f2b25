"""The sink of N-Triples lines: sorted a subject at a time, it gives the order (and the
single copies) that sorting all its lines would."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rdflib import URIRef
from rdflib.term import Node

from graphkit.rdf.triples import Lit, TripleLines, line_of, string_literal

# IRIs that begin one another, or whose next character sorts before or after ">"
IRIS = [URIRef(f"urn:x:{name}") for name in ("a", "a-b", "a0", "ab", "a/b", "b", "")]
objects = st.one_of(st.sampled_from(IRIS), st.text(max_size=4).map(string_literal))
triples = st.tuples(st.sampled_from(IRIS), st.sampled_from(IRIS[:3]), objects)
Triple = tuple[Node, Node, Node | Lit]


@given(st.lists(triples, max_size=30), st.sampled_from(["add", "add_all", "add_lines"]))
def test_lines_come_sorted_and_once_whatever_the_way(found: list[Triple], way: str) -> None:
    sink, other = TripleLines(), TripleLines()
    for at, (subject, predicate, obj) in enumerate(found):
        if way == "add_all":
            sink.add_all(subject, [(predicate, obj), (predicate, obj)])
        else:  # add_lines: every other triple comes as a line written by another sink
            (other if way == "add_lines" and at % 2 else sink).add((subject, predicate, obj))
    sink.add_lines(other.lines)
    every = {line_of(triple) for triple in found}
    assert sink.sorted() == tuple(sorted(every))
    assert sink.lines == every
