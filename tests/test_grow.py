"""Growing a folder's graph in place (``--into``, issue 15): the same files as a merge
that reads everything back, without reading the old assertions."""

from __future__ import annotations

import json
import shutil
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

import pytest

import graphkit
import graphkit.corpus.records
import graphkit.pipeline as pipeline
from graphkit.corpus.entity_records import EntityRecords
from graphkit.corpus.grow import read_base
from graphkit.corpus.merge import merge_corpora, merge_entities
from graphkit.corpus.records import json_line, read_corpus
from graphkit.errors import InputError
from graphkit.pipeline import Totals
from graphkit.rdf.build import build_lines
from graphkit.rdf.grow import Delta, delta_of, grow_lines
from graphkit.types import Corpus, Entity

from .conftest import SEEDS
from .test_graph_model import PUTIN, RUSSIA, TRUMP, claim, corpus_of

DATA = Path(__file__).parent / "data"
GK = "https://w3id.org/graphkit/ontology#"
CLAIM = "<https://w3id.org/graphkit/id/claim/c1>"
INTEGER = "^^<http://www.w3.org/2001/XMLSchema#integer>"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".graphkit" not in p.relative_to(folder).parts
    }


@pytest.fixture(scope="module")
def grown_and_merged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list]:
    root = tmp_path_factory.mktemp("grow")
    graphkit.build([SEEDS, DATA / "world-news.rss"], out=root / "base")
    for name in ("grown", "merged"):
        shutil.copytree(root / "base", root / name)
    second = [DATA / "analyst-news.jsonl", DATA / "sahel-briefing.atom"]
    grown = graphkit.build(second, into=root / "grown")
    patch = pytest.MonkeyPatch()
    patch.setattr(pipeline, "can_grow", lambda *args: False)  # the old way: a merge
    merged = graphkit.build(second, into=root / "merged")
    patch.undo()
    return root / "grown", root / "merged", [grown, merged]


def test_growing_writes_every_file_a_merge_writes(grown_and_merged) -> None:
    grown, merged, (grown_result, merged_result) = grown_and_merged
    # which way each went: a merge keeps the articles it read, a grow only its own
    assert grown_result.articles is None and merged_result.articles is not None
    mine, theirs = _files(grown), _files(merged)
    assert sorted(mine) == sorted(theirs)
    assert {".graph.nt", "graph.ttl", "graph.html", "report.json"} <= set(mine)
    for name in mine:
        assert mine[name] == theirs[name], name


def test_a_grown_build_tells_the_totals_of_the_whole_graph(grown_and_merged) -> None:
    grown, _, (result, merged) = grown_and_merged
    assert result.totals == Totals.of(read_corpus(grown)) == Totals.of(merged.corpus)
    assert result.totals.documents == 12 and result.exit_code == 0
    # the corpus and lines are read back when asked for
    assert result.corpus.articles == read_corpus(grown).articles
    assert list(result.lines) == (grown / ".graph.nt").read_text().splitlines()


def test_growing_never_reads_the_old_assertions(tmp_path: Path, monkeypatch) -> None:
    graphkit.build([SEEDS], out=tmp_path)

    def refuse(path: Path) -> list:
        raise AssertionError(f"read {path}")

    monkeypatch.setattr(graphkit.corpus.records, "read_jsonl", refuse)
    result = graphkit.build([DATA / "world-news.rss"], into=tmp_path)
    assert result.totals.documents > 1
    lines = (tmp_path / "assertions.jsonl").read_text().splitlines()
    assert len(lines) == result.totals.assertions


def test_other_formats_and_old_folders_are_merged_then_grown(tmp_path: Path) -> None:
    graphkit.build([SEEDS], out=tmp_path)
    csv = graphkit.build([DATA / "world-news.rss"], into=tmp_path, formats=["turtle", "csv"])
    assert csv.articles is not None  # merged: CSV is made from the whole graph
    (tmp_path / ".graph.nt").unlink()  # as a folder written before the lines were kept
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    del manifest["files"][".graph.nt"]
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    old = graphkit.build([DATA / "sahel-briefing.atom"], into=tmp_path, formats=["turtle"])
    assert old.articles is not None and (tmp_path / ".graph.nt").is_file()
    again = graphkit.build([DATA / "analyst-news.jsonl"], into=tmp_path, formats=["turtle"])
    assert again.articles is None  # grown


def _count(name: str, value: int) -> bytes:
    return f'{CLAIM} <{GK}{name}> "{value}"{INTEGER} .'.encode()


def _link(predicate: str, target: str) -> bytes:
    return f"{CLAIM} <{predicate}> <{target}> .".encode()


EVIDENCE, DERIVED = GK + "evidence", "http://www.w3.org/ns/prov#wasDerivedFrom"
OLD_CLAIM = sorted(
    [
        _link(DERIVED, "urn:art:a"),
        _count("articleCount", 1),
        _link(EVIDENCE, "urn:st:1"),
        _count("sourceCount", 1),
    ]
)
# claim lines added -> (sourceCount, articleCount) once grown
RECOUNTS = [
    ([_link(EVIDENCE, "urn:st:2"), _link(DERIVED, "urn:art:a")], (2, 1)),  # same article
    ([_link(EVIDENCE, "urn:st:2"), _link(DERIVED, "urn:art:b")], (2, 2)),
    (
        [_link(EVIDENCE, f"urn:st:{n}") for n in (2, 3)]
        + [_link(DERIVED, "urn:art:b"), _link(DERIVED, "urn:art:c")],
        (3, 3),
    ),
    ([], (1, 1)),  # nothing new: counted as before
]


@pytest.mark.parametrize(("added", "counts"), RECOUNTS)
def test_a_claim_joined_by_new_sources_is_counted_again(added: list, counts: tuple) -> None:
    other = b"<urn:z> <urn:p> <urn:o> ."
    delta = Delta(tuple(sorted(added)), frozenset(), frozenset({CLAIM.encode() + b" "}))
    grown = list(grow_lines([*OLD_CLAIM, other], delta))
    assert grown == sorted(grown) and grown[-1] == other
    assert _count("sourceCount", counts[0]) in grown
    assert _count("articleCount", counts[1]) in grown
    assert len([line for line in grown if b"Count>" in line]) == 2


def test_removed_lines_go_and_lines_added_twice_stay_once() -> None:
    old = [b"<a> <p> 1 .", b"<b> <p> 2 .", b"<c> <p> 3 ."]
    delta = Delta((b"<a> <p> 0 .", b"<b> <p> 2 .", b"<d> <p> 4 ."), frozenset(old[:2]), frozenset())
    assert list(grow_lines(old, delta)) == [
        b"<a> <p> 0 .",
        b"<b> <p> 2 .",  # removed and added again: the entity's line did not change
        b"<c> <p> 3 .",
        b"<d> <p> 4 .",
    ]


def _grown(old: Corpus, new: Corpus, records: Path | None = None) -> list[str]:
    """The grown lines; with ``records`` (a folder), the old entities are read from a
    records file there, as a grow reads them (each when asked for)."""
    merged = merge_entities(old.entities, new.entities)
    known: Mapping[str, Entity] = {e.id: e for e in old.entities}
    every: Mapping[str, Entity] = {e.id: e for e in merged}
    if records is not None:
        path = records / "entities.jsonl"
        path.write_text("".join(json_line(e) + "\n" for e in old.entities), encoding="utf-8")
        known = EntityRecords.read(path)
        every = known.changed_by({e.id: every[e.id] for e in new.entities})
    delta = delta_of(new, known, every)
    lines = [line.encode() for line in build_lines(old)]
    return [line.decode() for line in grow_lines(lines, delta)]


def test_grown_lines_are_the_lines_of_the_merged_corpus() -> None:
    # a second source of a claim, in a new article; Putin's record changes (mentions)
    old = corpus_of(claim("s1", doc="a1"), entities=(PUTIN, TRUMP, RUSSIA))
    putin = replace(PUTIN, aliases=("Putin", "President Putin"), mentions=1)
    new = corpus_of(claim("s2", doc="a2"), claim("s3", doc="a2", lemma="meet"),
                    entities=(putin, TRUMP))  # fmt: skip
    merged = merge_corpora(old, new)
    assert _grown(old, new) == list(build_lines(merged))
    congratulate = [line for line in _grown(old, new) if "/claim/congratulate" in line]
    assert any('sourceCount> "2"' in line for line in congratulate)


@pytest.mark.parametrize("read", [False, True], ids=["entities", "records"])
def test_a_country_named_later_gets_the_links_of_its_people(read: bool, tmp_path: Path) -> None:
    # Trump's country is known before any article names the United States
    trump = replace(TRUMP, country="USA")
    usa = Entity("united-states-0", "United States", "Country", country="USA", mentions=1)
    old = corpus_of(claim("s1", doc="a1"), entities=(PUTIN, trump, RUSSIA))
    new = corpus_of(claim("s2", doc="a2", obj=usa), entities=(PUTIN, usa))
    grown = _grown(old, new, tmp_path if read else None)
    assert grown == list(build_lines(merge_corpora(old, new)))
    assert any("donald-trump-2> <https://w3id.org/graphkit/ontology#country>" in line
               for line in grown)  # fmt: skip


def test_a_damaged_record_file_is_refused_as_a_changed_set(tmp_path: Path) -> None:
    # the files are hashed while they are read: a file that no longer parses is
    # reported as what it is, a file changed since its build, not as bad JSON
    graphkit.build([SEEDS], out=tmp_path)
    entities = tmp_path / "entities.jsonl"
    entities.write_text(entities.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with pytest.raises(InputError, match="not the set the last build wrote") as refused:
        read_base(tmp_path)
    assert "entities.jsonl" in str(refused.value)
    assert "Expecting" not in str(refused.value)
