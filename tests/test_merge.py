"""Incremental builds: ``graphkit build --into DIR`` adds to the graph exported in DIR."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Literal

import graphkit
from graphkit.corpus.merge import merge_corpora
from graphkit.corpus.records import article_from_dict, read_corpus
from graphkit.errors import InputError
from graphkit.ids import source_file
from graphkit.pipeline import BuildResult
from graphkit.rdf.build import build_graph
from graphkit.rdf.iri import claim_iri
from graphkit.rdf.vocab import GK
from graphkit.types import Corpus

from .conftest import SEEDS
from .test_graph_model import PUTIN, TRUMP, claim, corpus_of

SECOND = (
    "Donald Trump won the election on Tuesday.\n"
    "While President Vladimir Putin has yet to formally congratulate Trump, the Kremlin "
    "said it was ready for talks."
)


EXPORTS = (
    "graph.ttl", "graph.nt", "graph.trig", "graph.jsonld", "graph.gexf", "edges.csv",
    "graph.graphml", "assertions.jsonl", "articles.jsonl", "entities.jsonl",
)  # fmt: skip


def _build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", "build", *args], capture_output=True, text=True
    )


def test_the_seed_built_twice_into_one_folder_changes_no_byte(tmp_path: Path) -> None:
    first = _build(str(SEEDS), "--into", str(tmp_path), "--formats", "all")
    assert first.returncode == 0, first.stderr
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    again = _build(str(SEEDS), "--into", str(tmp_path), "--formats", "all")
    assert again.returncode == 0, again.stderr
    assert "already in the graph" in again.stderr
    for name in EXPORTS:
        assert (tmp_path / name).read_bytes() == before[name], f"{name} changed"


def test_the_records_give_back_the_corpus(seed_build: BuildResult) -> None:
    folder = seed_build.outputs["turtle"].parent
    corpus = read_corpus(folder)
    # the input's path is kept as its file name, as in the graph
    assert corpus.articles == tuple(
        replace(a, path=source_file(a.path)) for a in seed_build.corpus.articles
    )
    assert corpus.assertions == seed_build.corpus.assertions
    assert corpus.entities == seed_build.corpus.entities
    assert set(build_graph(corpus)) == set(seed_build.graph)


@pytest.fixture(scope="module")
def merged(seed_build: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    folder = tmp_path_factory.mktemp("merged")
    for path in seed_build.outputs.values():
        if path.is_file() and path.parent == seed_build.outputs["turtle"].parent:
            shutil.copy(path, folder / path.name)
    news = tmp_path_factory.mktemp("news")
    (news / "second.txt").write_text(SECOND, encoding="utf-8")
    (news / "000_69fb7bf0abeb2eda.txt").write_text("Ukraine thanked Poland.", encoding="utf-8")
    return graphkit.build([news], into=folder)


def test_new_articles_join_the_old_ones(merged: BuildResult, seed_build: BuildResult) -> None:
    ids = [a.id for a in merged.corpus.articles]
    assert ids[0] == "000_69fb7bf0abeb2eda" and "second" in ids and len(ids) == 3
    assert any(i.startswith("000_69fb7bf0abeb2eda-") for i in ids)  # same name, other text
    assert set(seed_build.corpus.assertions) <= set(merged.corpus.assertions)
    people = [e for e in merged.corpus.entities if e.label in {"Donald Trump", "Vladimir Putin"}]
    assert sorted(e.label for e in people) == ["Donald Trump", "Vladimir Putin"]
    assert merged.outputs["turtle"].parent.name.startswith("merged")  # written back in place


def test_one_claim_lists_the_sources_of_both_builds(merged: BuildResult) -> None:
    [putin] = [e for e in merged.corpus.entities if e.label == "Vladimir Putin"]
    [trump] = [e for e in merged.corpus.entities if e.label == "Donald Trump"]
    node = claim_iri(putin.id, "congratulate", trump.id, "negated")
    assert merged.graph.value(node, GK.articleCount) == Literal(2)
    assert merged.graph.value(node, GK.sourceCount) == Literal(2)
    on_disk = read_corpus(merged.outputs["turtle"].parent)
    assert len(on_disk.articles) == 3


def test_entities_of_one_id_are_merged() -> None:
    old = corpus_of(claim("s1", doc="a1"))
    new = corpus_of(claim("s2", doc="a2"))
    merged = merge_corpora(old, new)
    [putin] = [e for e in merged.entities if e.id == PUTIN.id]
    assert putin.mentions == 2 * PUTIN.mentions
    assert [a.id for a in merged.articles] == ["a1", "a2"]
    assert [a.id for a in merged.assertions] == ["s1", "s2"]
    again = merge_corpora(merged, new)
    assert again.assertions == merged.assertions and again.articles == merged.articles
    assert len({e.id for e in merged.entities}) == len(merged.entities)
    assert TRUMP.id in {e.id for e in merged.entities}


def test_an_empty_or_new_folder_is_an_empty_corpus(tmp_path: Path) -> None:
    assert read_corpus(tmp_path / "nothing-yet") == Corpus((), (), ())


def test_a_folder_without_records_cannot_be_added_to(tmp_path: Path) -> None:
    (tmp_path / "graph.ttl").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="articles.jsonl"):
        read_corpus(tmp_path)
    done = _build(str(SEEDS), "--into", str(tmp_path))
    assert done.returncode == 2 and "cannot add to this graph" in " ".join(done.stderr.split())


HARBOUR = (
    "The port authority closed the northern harbour on Friday. Fishing crews protested "
    "outside its offices. The mayor promised a decision within a week."
)
FERRY = "A ferry company cancelled its winter crossings. Travellers were offered refunds."


def test_the_sentences_of_the_old_articles_count_after_into(tmp_path: Path) -> None:
    first = graphkit.build(texts=[HARBOUR], out=tmp_path, formats=["jsonl"])
    assert first.corpus.sentences == 3
    again = graphkit.build(texts=[FERRY], into=tmp_path, formats=["jsonl"])
    assert again.corpus.sentences == 3 + 2  # the old article's, read back, and the new one's
    assert [a.sentences for a in read_corpus(tmp_path).articles] == [3, 2]
    (tmp_path / "new.txt").write_text("Rail workers voted to strike in March.", encoding="utf-8")
    done = _build(str(tmp_path / "new.txt"), "--into", str(tmp_path), "--formats", "jsonl")
    assert done.returncode == 0, done.stderr
    assert re.search(r"sentences\s*│?\s*6\b", done.stderr), done.stderr


def test_an_article_recorded_without_its_sentences_counts_none() -> None:
    old = {"id": "a", "text": "One. Two.", "content_hash": "h"}  # before the count was kept
    assert article_from_dict(old).sentences is None
    assert (
        merge_corpora(Corpus((article_from_dict(old),), (), ()), Corpus((), (), ())).sentences == 0
    )
