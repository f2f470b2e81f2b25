"""Issue 15: a build's claims' and roles' lines are made in a copy of its process while
it makes the rest (:func:`graphkit.rdf.spill_corpus.spill_lines`): the lines and the views'
columns are those made in one process, in the same order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import graphkit.rdf.build as build
import graphkit.rdf.spill_corpus as spill_corpus
from graphkit.export.formats import view_predicates
from graphkit.pipeline import BuildResult
from graphkit.processes import can_fork
from graphkit.rdf.columns import Columns, Tee
from graphkit.rdf.triples import Lit, TripleLines, ntriples_bytes
from graphkit.rdf.vocab import GK


def _tables(columns: Columns) -> list[object]:
    first, more = columns.tables()
    # the order each subject came in matters: the views read the columns in it
    return [(p, list(first[p].items()), list(more[p].items())) for p in columns.predicates]


@pytest.mark.skipif(not can_fork(), reason="no copy of a process made here")
def test_claims_made_apart_give_the_lines_and_columns_made_here(
    seed_build: BuildResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = seed_build.corpus
    monkeypatch.setattr(spill_corpus, "CLAIMS_APART", 0)  # the seed has 90 assertions
    columns = Columns(view_predicates())
    folder = tmp_path / "chunks"
    lines, besides = spill_corpus.spill_lines(corpus, folder, columns, (os.getpid, "tell"))
    assert besides not in {None, os.getpid()}  # the work beside ran in the copy
    assert any("claims" in chunk.parts for chunk in lines.chunks)  # made apart
    assert lines.held == 0  # this process's last lines are in a chunk of their own too
    lines.write_file(tmp_path / "lines.nt")
    assert (tmp_path / "lines.nt").read_bytes() == ntriples_bytes(build.build_lines(corpus))
    assert not (tmp_path / "chunks").exists()  # the copy's chunks went with the others
    here = Columns(view_predicates())
    build.add_corpus(Tee(TripleLines(), here), corpus)
    assert _tables(columns) == _tables(here)
    claims = here.iris(GK.Claim)
    assert claims and claims == columns.iris(GK.Claim)


def test_columns_taken_in_are_as_if_added_after_these() -> None:
    kept = ["urn:p", "urn:q"]
    one, two = Lit('"one"'), Lit('"two"')
    these, those, alone = Columns(kept), Columns(kept), Columns(kept)
    first = [("urn:a", [("urn:p", one)]), ("urn:b", [("urn:p", two), ("urn:q", one)])]
    then = [("urn:c", [("urn:p", one)]), ("urn:a", [("urn:p", two), ("urn:p", one)])]
    for subject, pairs in first:
        these.add_all(subject, pairs)  # type: ignore[arg-type]
        alone.add_all(subject, pairs)  # type: ignore[arg-type]
    for subject, pairs in then:
        those.add_all(subject, pairs)  # type: ignore[arg-type]
        alone.add_all(subject, pairs)  # type: ignore[arg-type]
    these.take_in(*those.tables())
    assert _tables(these) == _tables(alone)
    assert these.lists("urn:p") == {"urn:a": ("one", "two"), "urn:b": ("two",), "urn:c": ("one",)}


def test_columns_settled_keep_what_they_hold_and_take_more() -> None:
    kept = ["urn:p"]
    one, two = Lit('"one"'), Lit('"two"')
    settled, whole = Columns(kept), Columns(kept)
    triples = [("urn:a", one), ("urn:b", one), ("urn:a", two), ("urn:c", two), ("urn:a", one)]
    for at, (subject, obj) in enumerate(triples):
        if at == 2:
            settled.settle()  # what a build does once its lines are made
        settled.add_all(subject, [("urn:p", obj)])  # type: ignore[list-item]
        whole.add_all(subject, [("urn:p", obj)])  # type: ignore[list-item]
    assert _tables(settled) == _tables(whole)
    assert _tables(whole) == [
        ("urn:p", [("urn:a", one), ("urn:b", one), ("urn:c", two)], [("urn:a", [two])])
    ]
