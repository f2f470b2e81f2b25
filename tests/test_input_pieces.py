"""A long article parsed in pieces reads like the article parsed whole (real model)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from graphkit.ingest import read_articles
from graphkit.nlp import analyze_articles
from graphkit.options import AnalysisOptions
from graphkit.types import Article, Assertion, DocumentAnalysis

from .conftest import SEEDS


def _spans(assertion: Assertion) -> tuple[object, ...]:
    obj = assertion.object
    return (
        assertion.subject.start,
        assertion.subject.end,
        assertion.relation.text,
        obj and (obj.start, obj.end),
        tuple((q.role, q.start, q.end) for q in assertion.qualifiers),
    )


@pytest.fixture(scope="module")
def seed() -> Article:
    [article] = read_articles([SEEDS])
    assert isinstance(article, Article)
    return article


@pytest.fixture(scope="module")
def whole_and_pieces(seed: Article) -> tuple[DocumentAnalysis, DocumentAnalysis]:
    [whole] = analyze_articles([seed])
    [pieces] = analyze_articles([seed], AnalysisOptions(chunk_chars=1_500))  # four pieces
    return whole, pieces


def test_pieces_find_the_same_assertions(
    whole_and_pieces: tuple[DocumentAnalysis, DocumentAnalysis],
) -> None:
    whole, pieces = whole_and_pieces
    assert pieces.article == whole.article  # the whole article, not a piece of it
    assert {_spans(a) for a in pieces.assertions} == {_spans(a) for a in whole.assertions}
    assert len({a.id for a in pieces.assertions}) == len(pieces.assertions)
    assert set(pieces.heads) == set(whole.heads)


def test_every_offset_refers_to_the_whole_text(
    seed: Article, whole_and_pieces: tuple[DocumentAnalysis, DocumentAnalysis]
) -> None:
    _, pieces = whole_and_pieces
    text = seed.text
    for a in pieces.assertions:
        assert text[a.subject.start : a.subject.end] == a.subject.text
        if a.object is not None:
            assert text[a.object.start : a.object.end] == a.object.text
        for q in a.qualifiers:
            assert text[q.start : q.end] == q.text
        if a.attribution is not None and a.attribution.start >= 0:
            assert text[a.attribution.start : a.attribution.end] == a.attribution.text
        assert text[a.sentence_start :].startswith(a.sentence)
        assert pieces.sentences[a.sentence_index] == a.sentence
    for mention in pieces.heads.values():
        assert text[mention.start : mention.end] == mention.text
    for mention in pieces.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_a_copy_repeated_in_one_article_keeps_every_assertion(seed: Article) -> None:
    """The same words at the same place of two pieces are two assertions, not one."""
    doubled = replace(seed, text=f"{seed.text}\n\n{seed.text}")
    [whole] = analyze_articles([seed])
    [pieces] = analyze_articles([doubled], AnalysisOptions(chunk_chars=len(seed.text) + 2))
    assert len(pieces.assertions) == 2 * len(whole.assertions)
    assert len({a.id for a in pieces.assertions}) == len(pieces.assertions)
