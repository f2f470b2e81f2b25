"""Issue 15: the views' columns of the graph a build grows are read by a process of its
own (not a thread beside the parse), come back whole, take the merge's changes after
them, and a reader that fails or is stopped says so or goes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graphkit.errors import ExportError
from graphkit.export.html.data import VIEW_PREDICATES, GraphData
from graphkit.pipeline import BuildResult
from graphkit.rdf.columns import Columns
from graphkit.rdf.columns_loader import ColumnsLoader, _cuts
from graphkit.rdf.triples import store_of

PUTIN = "<https://w3id.org/graphkit/id/entity/vladimir-putin-"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"


def _lines_file(lines: tuple[str, ...], path: Path) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _refuse(*args: object) -> None:
    raise AssertionError("the lines file was read in the build's own process")


@pytest.mark.parametrize("parts", [1, 2, 3, 7])
def test_columns_read_apart_are_the_store_s(
    seed_build: BuildResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parts: int
) -> None:
    lines = tuple(seed_build.lines)
    monkeypatch.setattr(Columns, "add_lines", _refuse)  # every line is read through it
    loader = ColumnsLoader(VIEW_PREDICATES)
    loader.add_file(_lines_file(lines, tmp_path / "graph.nt"), parts)
    assert len(loader._readers) == parts  # the seed's graph has subjects enough
    assert GraphData.read(loader.result()) == GraphData.read(store_of(lines))


@pytest.mark.parametrize("parts", [2, 3, 5, 40])
def test_each_subject_s_lines_are_in_one_part(tmp_path: Path, parts: int) -> None:
    lines = [f"<urn:s{s:02d}> <urn:p{p}> {v} ." for s in range(12) for p, v in ((1, 2), (2, 3))]
    lines += [f"<urn:s05> <urn:q> {v} ." for v in range(40)]  # a subject of many lines
    path = _lines_file(tuple(sorted(lines)), tmp_path / "graph.nt")
    text = path.read_bytes()
    cuts = _cuts(path, parts)
    assert cuts[0] == 0 and cuts[-1] == len(text) and cuts == sorted(set(cuts))
    subjects = [
        {line.split(b" ")[0] for line in text[start:end].splitlines()}
        for start, end in zip(cuts, cuts[1:], strict=False)
    ]
    assert all(subjects)
    assert sum(map(len, subjects)) == 12  # no subject in two parts
    assert 1 < len(subjects) <= parts


def test_a_literal_with_a_line_separator_is_read_whole(tmp_path: Path) -> None:
    # N-Triples escapes \n and \r only: U+2028, U+0085 and a form feed stay as they are
    lines = tuple(sorted(
        f'<{PUTIN}{n}> {LABEL} "one{sep}two" .' for n, sep in enumerate("\u2028\x85\x0c\x1e")
    ))  # fmt: skip
    loader = ColumnsLoader(VIEW_PREDICATES, _lines_file(lines, tmp_path / "graph.nt"))
    labels = loader.result().column(LABEL[1:-1])
    assert sorted(labels.values()) == ["one\x0ctwo", "one\x1etwo", "one\x85two", "one\u2028two"]


def test_the_merge_s_changes_come_after_the_columns_read_apart(
    seed_build: BuildResult, tmp_path: Path
) -> None:
    lines = tuple(seed_build.lines)
    gone = [line for line in lines if line.startswith(PUTIN) and f" {LABEL} " in line]
    assert len(gone) == 1  # Putin's label
    came = [f'{gone[0].split(" ")[0]} {LABEL} "V. Putin" .']
    loader = ColumnsLoader(VIEW_PREDICATES)
    loader.add_file(_lines_file(lines, tmp_path / "graph.nt"))
    loader.change([line.encode() for line in gone], [line.encode() for line in came])
    changed = sorted({*lines} - {*gone} | {*came})
    assert GraphData.read(loader.result()) == GraphData.read(store_of(changed))


def test_a_lines_file_that_cannot_be_read_is_named_with_the_reason(tmp_path: Path) -> None:
    loader = ColumnsLoader(VIEW_PREDICATES)
    loader.add_file(tmp_path / "gone.nt")
    with pytest.raises(ExportError, match=r"gone\.nt: FileNotFoundError"):
        loader.result()


def test_a_reader_still_reading_is_stopped_when_the_build_ends(tmp_path: Path) -> None:
    waiting = tmp_path / "never-written.nt"
    os.mkfifo(waiting)  # the reader waits on it for a writer that never comes
    loader = ColumnsLoader(VIEW_PREDICATES)
    loader.add_file(waiting)
    (reader,) = loader._readers
    assert reader.poll() is None
    loader.close()
    assert reader.wait(timeout=30) == -9
