"""End to end on the seed article: real model, real exports, real parsers."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from graphkit.pipeline import BuildResult

from .conftest import ROOT, SEEDS

CONTRACT = {
    "id", "doc", "sentence", "sentence_index", "subject", "relation", "object",
    "qualifiers", "attribution", "hedged", "confidence",
}  # fmt: skip
ARGUMENT = {"text", "start", "end", "entity", "label", "type"}


def _putin_trump(result: BuildResult):
    return [
        a
        for a in result.corpus.assertions
        if a.subject.label == "Vladimir Putin"
        and a.object is not None
        and a.object.label == "Donald Trump"
        and a.relation.lemma == "congratulate"
    ]


def test_putin_has_not_congratulated_trump(seed_build: BuildResult) -> None:
    [claim] = _putin_trump(seed_build)
    assert claim.relation.negated
    assert "has yet to" in claim.relation.text
    assert claim.subject.text == "President Vladimir Putin"
    assert claim.object is not None and claim.object.text == "Trump"
    assert not claim.is_fact


def test_one_entity_for_trump(seed_build: BuildResult) -> None:
    trumps = [e for e in seed_build.corpus.entities if "Trump" in e.label and e.type == "Person"]
    assert [e.label for e in trumps] == ["Donald Trump"]
    assert {"Trump", "Donald Trump's"} <= set(trumps[0].aliases)


def test_offsets_point_at_the_text(seed_build: BuildResult) -> None:
    [article] = seed_build.corpus.articles
    for a in seed_build.corpus.assertions:
        assert article.text[a.subject.start : a.subject.end] == a.subject.text
        if a.object is not None:
            assert article.text[a.object.start : a.object.end] == a.object.text
        for q in a.qualifiers:
            assert article.text[q.start : q.end] == q.text
        assert article.text[a.sentence_start :].startswith(a.sentence)


def test_assertions_file_follows_the_contract(seed_build: BuildResult) -> None:
    lines = seed_build.outputs["assertions"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(seed_build.corpus.assertions) > 20
    for line in lines:
        record = json.loads(line)
        assert set(record) >= CONTRACT
        assert set(record["subject"]) >= ARGUMENT
        assert {"text", "lemma", "negated", "modality"} <= set(record["relation"])
        assert 0.0 <= record["confidence"] <= 1.0
        assert record["attribution"] is None or {"text", "entity", "label", "cue"} <= set(
            record["attribution"]
        )


def test_turtle_parses_with_rdflib_and_pyoxigraph(seed_build: BuildResult) -> None:
    path = seed_build.outputs["turtle"]
    graph = Graph().parse(path, format="turtle")
    assert len(graph) == len(seed_build.graph) > 500
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE)
    assert len(store) == len(graph)


def test_html_requests_nothing_from_other_hosts(seed_build: BuildResult) -> None:
    html = seed_build.outputs["html"].read_text(encoding="utf-8")
    assert not re.search(r"""<(script|link|img|iframe)[^>]+(src|href)\s*=""", html, re.I)
    assert "default-src 'none'" in html  # the page forbids itself any request
    assert "new vis.Network" in html


def test_query_command_finds_the_negated_claim(seed_build: BuildResult) -> None:
    sparql = """
    SELECT ?sentence ?negated ?article WHERE {
      ?s rdf:subject/rdfs:label "Vladimir Putin" ; rdf:predicate rel:congratulate ;
         rdf:object/rdfs:label "Donald Trump" ; gk:negated ?negated ; gk:sentence ?sentence ;
         prov:wasDerivedFrom/gk:articleId ?article .
    }"""
    done = subprocess.run(
        [sys.executable, "-m", "graphkit", "query", str(seed_build.outputs["turtle"]), sparql,
         "--format", "json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    [row] = json.loads(done.stdout)
    assert row["negated"] == "true"
    assert "has yet to formally congratulate" in row["sentence"]
    assert row["article"] == "000_69fb7bf0abeb2eda"
    ask = (
        "ASK { ?p rdfs:label 'Vladimir Putin' . ?t rdfs:label 'Donald Trump' . "
        "?p rel:congratulate ?t }"
    )
    done = subprocess.run(
        [sys.executable, "-m", "graphkit", "query", str(seed_build.outputs["turtle"]), ask,
         "--format", "csv"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.splitlines() == ["ask", "false"]  # never a plain fact


def test_committed_exports_are_up_to_date(seed_build: BuildResult) -> None:
    names = ("graph.ttl", "assertions.jsonl", "graph.html", "graph.layout.json", "articles.jsonl")
    for name in (*names, "entities.jsonl"):
        committed = ROOT / "exports" / name
        fresh = Path(seed_build.outputs[_key(name)])
        assert committed.read_bytes() == fresh.read_bytes(), (
            f"exports/{name} is stale: run `graphkit build seeds/ --out exports/`"
        )


def _key(name: str) -> str:
    return {
        "graph.ttl": "turtle",
        "assertions.jsonl": "assertions",
        "graph.html": "html",
        "graph.layout.json": "layout",
        "articles.jsonl": "articles",
        "entities.jsonl": "entities",
    }[name]


def test_seed_folder_is_the_input() -> None:
    assert [p.name for p in SEEDS.glob("*.txt")] == ["000_69fb7bf0abeb2eda.txt"]
