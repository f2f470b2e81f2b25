"""IRIs: minted by one rule, always valid, never the same for two different things."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from graphkit.ids import content_id, slugify
from graphkit.rdf.iri import (
    BASE,
    article_iri,
    claim_iri,
    entity_iri,
    id_slug,
    qualifier_iri,
    relation_iri,
    statement_iri,
)

# what an IRI made by graphkit may hold: ASCII letters, digits and a few delimiters
SAFE_IRI = re.compile(re.escape(BASE) + r"(id/[a-z]+/[a-z0-9-]+|rel/[a-z0-9_]+)")
HOSTILE = [
    '"', "'", "<", ">", "\n", "\r", "\x00", "\x1f", "\u202e", "😀", "\ud800", "\\", " ", "{", "}",
    "#", "/",
]  # fmt: skip
names = st.text(alphabet=st.one_of(st.characters(exclude_categories=()), st.sampled_from(HOSTILE)))


def test_minted_ids_stand_as_they_are() -> None:
    minted = content_id("Vladimir Putin", "Person", "person:vladimir putin")
    assert str(entity_iri(minted)) == f"{BASE}id/entity/{minted}"
    assert str(statement_iri("0df2e019113d220b")).endswith("/statement/0df2e019113d220b")
    assert str(qualifier_iri("0df2e019113d220b", 2)).endswith("/qualifier/0df2e019113d220b-q2")
    assert str(relation_iri("congratulate")).endswith("/rel/congratulate")


def test_other_ids_get_a_hash_after_a_double_dash() -> None:
    assert id_slug('Putin "the Great"').startswith("putin-the-great--")
    assert id_slug("UPPER") != id_slug("upper") == "upper"
    assert id_slug("a" * 81) != id_slug("a" * 82)  # too long for a slug: the hash decides


@given(st.one_of(names, st.from_regex(r"[a-z0-9-]{0,90}", fullmatch=True)))
@example("a" * 80)
@example("a" * 81)
@example("a--b")
@example("-a")
def test_an_id_stands_as_it_is_exactly_when_it_is_its_own_slug(identifier: str) -> None:
    """id_slug knows a slug by its form, without slugify's work: the two must agree."""
    own = slugify(identifier, max_length=80) == identifier
    assert (id_slug(identifier) == identifier) == own


@given(names)
def test_any_name_makes_a_safe_iri(name: str) -> None:
    iris = [
        entity_iri(name),
        article_iri(name),
        statement_iri(name),
        qualifier_iri(name, 3),
        relation_iri(name),
        claim_iri(name, name, name, "fact"),
    ]
    for iri in iris:
        assert SAFE_IRI.fullmatch(str(iri)), iri


@given(st.lists(names, min_size=2, max_size=2, unique=True))
def test_two_ids_never_share_an_iri(pair: list[str]) -> None:
    first, second = pair
    for mint in (entity_iri, article_iri, statement_iri, relation_iri):
        assert mint(first) != mint(second), (mint.__name__, first, second)


@given(st.lists(st.tuples(names, st.integers(0, 200)), min_size=2, max_size=2, unique=True))
def test_two_qualifiers_never_share_an_iri(pair: list[tuple[str, int]]) -> None:
    (first, one), (second, other) = pair
    assert qualifier_iri(first, one) != qualifier_iri(second, other)


def test_qualifiers_are_flat_not_under_their_statement() -> None:
    """Under their statement, every statement was a namespace of its own to rdflib's
    Turtle writer, which scanned them all for each IRI it wrote (issue 15)."""
    qualifier = str(qualifier_iri("0df2e019113d220b", 0))
    assert not qualifier.startswith(str(statement_iri("0df2e019113d220b")))
    assert qualifier.rsplit("/", 1)[0] == f"{BASE}id/qualifier"
