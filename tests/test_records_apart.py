"""Issue 15: a build writes its records (``articles.jsonl``, ``entities.jsonl``,
``assertions.jsonl``) in the copy of its process that makes its claims' lines
(:mod:`graphkit.export.records_apart`), when its corpus is big enough for one; a small
one writes them itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import graphkit.rdf.spill_corpus as spill_corpus
from graphkit.errors import ExportError
from graphkit.files import KILL_AT, WORK, check_set
from graphkit.pipeline import build
from graphkit.processes import Forked, can_fork

FIRST = (
    "Harbour talks\n"
    "Norway and Iceland agreed on Monday to share patrols of their fishing waters.\n"
    "The Icelandic coast guard said it would not send ships north before spring.\n"
)
SECOND = (
    "Rail link\n"
    "Poland signed a rail agreement with Lithuania on Thursday.\n"
    "Lithuanian officials said the line may open in two years.\n"
)
RECORDS = ("articles.jsonl", "entities.jsonl", "assertions.jsonl")
forks = pytest.mark.skipif(not can_fork(), reason="no copy of a process made here")


@pytest.fixture()
def news(tmp_path: Path) -> list[Path]:
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    return [tmp_path / "first.txt", tmp_path / "second.txt"]


@forks
def test_the_records_written_apart_are_those_written_in_the_build(
    news: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(news, out=tmp_path / "within", formats=["turtle"])  # a small corpus: no copy
    monkeypatch.setattr(spill_corpus, "CLAIMS_APART", 0)
    apart = build(news, out=tmp_path / "apart", formats=["turtle"])
    for name in RECORDS:
        written = (tmp_path / "apart" / name).read_bytes()
        assert written == (tmp_path / "within" / name).read_bytes()
    titles = [json.loads(line)["title"] for line in (tmp_path / "apart" / RECORDS[0]).open()]
    assert sorted(titles) == ["Harbour talks", "Rail link"]
    assert apart.outputs["entities"] == tmp_path / "apart" / "entities.jsonl"
    assert check_set(tmp_path / "apart") == []  # the manifest holds the records' digests


@forks
def test_a_copy_killed_fails_the_build_and_leaves_the_old_set(
    news: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build(news[:1], out=out)
    before = {name: (out / name).read_bytes() for name in RECORDS}
    monkeypatch.setattr(spill_corpus, "CLAIMS_APART", 0)
    # a kill at a step of the records' writing kills the copy, not the build
    monkeypatch.setenv(KILL_AT, "staged:entities.jsonl")
    with pytest.raises(ExportError) as failed:
        build(news, out=out)
    assert str(failed.value) == (
        f"cannot make the claims' lines and write the records of {out}: exit code -9"
    )
    assert check_set(out) == []
    assert {name: (out / name).read_bytes() for name in RECORDS} == before
    assert not (out / WORK / "next").exists()


@forks
def test_what_a_copy_raises_comes_back_as_why_it_failed() -> None:
    def fails() -> None:
        raise ValueError("no such article")

    with pytest.raises(ExportError, match=r"^cannot tally: ValueError: no such article$"):
        Forked(fails, "tally").result()
    said = ExportError("cannot write /x/entities.jsonl: No space left on device")

    def refuses() -> None:
        raise said

    with pytest.raises(ExportError, match=r"^cannot write /x/entities.jsonl: No space left"):
        Forked(refuses, "write the records of /x").result()


@forks
def test_a_copy_stopped_by_its_caller_is_gone() -> None:
    import time

    copy = Forked(lambda: time.sleep(60), "wait")
    copy.close()
    assert copy._process.exitcode == -9  # noqa: SLF001 - killed, not left to run
