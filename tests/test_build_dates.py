"""A build dates each time phrase against its article's publication date, and the
date survives resolution, event coding and the graph (the build dates each article
as it comes from the parse: issue 15)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox

import graphkit
from graphkit.ingest.dates import dated_analysis
from graphkit.nlp import analyze_articles
from graphkit.types import Article, DocumentAnalysis

TEXT = (
    "Lithuania expelled two Belarusian diplomats on Wednesday. "
    "The Lithuanian foreign minister said on Monday that Minsk had ignored the warnings."
)


def time_dates(assertions: object) -> set[tuple[str, str | None]]:
    return {
        (q.text, q.date)
        for a in assertions  # type: ignore[attr-defined]
        for q in a.qualifiers
        if q.role == "time"
    }


def test_time_phrases_keep_the_dates_they_name_through_the_build(tmp_path: Path) -> None:
    result = graphkit.build(texts=[TEXT], date="2024-11-07", out=tmp_path / "out")
    found = time_dates(result.corpus.assertions)
    assert ("on Wednesday", "2024-11-06") in found
    assert ("on Monday", "2024-11-04") in found
    store = ox.Store()
    store.load(path=str(tmp_path / "out" / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    resolved = {
        s["d"].value
        for s in store.query(  # type: ignore[union-attr]
            "SELECT ?d WHERE { ?q <https://w3id.org/graphkit/ontology#resolvedDate> ?d }"
        )
    }
    assert {"2024-11-06", "2024-11-04"} <= resolved


def test_an_analysis_is_dated_against_its_own_article() -> None:
    article = Article("a", TEXT, published="2024-11-07")
    found = next(a for a in analyze_articles([article]) if isinstance(a, DocumentAnalysis))
    assert {d for _, d in time_dates(found.assertions)} == {None}  # not dated by the parse
    dated = dated_analysis(found)
    assert ("on Wednesday", "2024-11-06") in time_dates(dated.assertions)
    undated = dated_analysis(replace(found, article=Article("a", TEXT)))
    assert {d for _, d in time_dates(undated.assertions)} == {None}  # relative, no date
