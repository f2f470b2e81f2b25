"""Issue 15: a fresh build writes its records (``articles.jsonl``, ``entities.jsonl``,
``assertions.jsonl``) in a copy of its process while it makes its graph's lines
(:class:`graphkit.export.records_apart.RecordsApart`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import graphkit.export.records_apart as records_apart
from graphkit.errors import ExportError
from graphkit.files import KILL_AT, WORK, check_set
from graphkit.pipeline import build
from graphkit.processes import Forked, can_fork

pytestmark = pytest.mark.skipif(not can_fork(), reason="no copy of a process made here")

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


def graphkit(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", *args], cwd=cwd, capture_output=True, text=True,
        timeout=600, env={**os.environ, **env},
    )  # fmt: skip


def test_the_records_written_apart_are_those_written_in_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    inputs = [tmp_path / "first.txt", tmp_path / "second.txt"]
    apart = build(inputs, out=tmp_path / "apart", formats=["turtle"])
    monkeypatch.setattr(records_apart, "can_fork", lambda: False)
    build(inputs, out=tmp_path / "within", formats=["turtle"])
    for name in RECORDS:
        written = (tmp_path / "apart" / name).read_bytes()
        assert written == (tmp_path / "within" / name).read_bytes()
    titles = [json.loads(line)["title"] for line in (tmp_path / "apart" / RECORDS[0]).open()]
    assert sorted(titles) == ["Harbour talks", "Rail link"]
    assert apart.outputs["entities"] == tmp_path / "apart" / "entities.jsonl"
    assert check_set(tmp_path / "apart") == []  # the manifest holds the records' digests


def test_a_records_process_killed_fails_the_build_and_leaves_the_old_set(tmp_path: Path) -> None:
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    first = graphkit("build", "first.txt", "--out", "out", cwd=tmp_path, env={})
    assert first.returncode == 0, first.stderr
    before = {name: (tmp_path / "out" / name).read_bytes() for name in RECORDS}
    # the kill at a step of the records' writing kills the copy, not the build
    killed = graphkit(
        "build", "first.txt", "second.txt", "--out", "out", cwd=tmp_path,
        env={KILL_AT: "staged:entities.jsonl"},
    )  # fmt: skip
    assert killed.returncode == 2, killed.stderr
    assert "cannot write the records of out: exit code -9" in killed.stderr
    assert check_set(tmp_path / "out") == []
    assert {name: (tmp_path / "out" / name).read_bytes() for name in RECORDS} == before
    assert not (tmp_path / "out" / WORK / "next").exists()


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


def test_a_copy_stopped_by_its_caller_is_gone() -> None:
    import time

    copy = Forked(lambda: time.sleep(60), "wait")
    copy.close()
    assert copy._process.exitcode == -9  # noqa: SLF001 - killed, not left to run
