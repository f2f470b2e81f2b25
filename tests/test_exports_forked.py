"""Issue 15: a build's records and graph lines are written by forked copies of it
(:mod:`graphkit.forked`): the same files as written in one process, a clear error when
a copy fails, and no copy left running or returning into the caller's code."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import graphkit
import graphkit.export.forked_writes as forked_writes
import graphkit.forked
from graphkit.errors import ExportError, GraphkitError
from graphkit.files import WORK, check_set
from graphkit.forked import Forked

NEWS = Path(__file__).parent / "data" / "analyst-news.jsonl"


def _no_space() -> str:
    raise OSError(errno.ENOSPC, "No space left on device", "assertions.jsonl")


def _bug() -> str:
    raise ValueError("a bug")


def _exits() -> str:
    os._exit(3)


@pytest.mark.parametrize(
    ("work", "told"),
    [(lambda: "2,104", "2,104"),
     (lambda: "", ""),
     (_no_space, "cannot write the records: No space left on device"),
     (_bug, "cannot write the records: ValueError: a bug"),
     (_exits, "cannot write the records: its process ended with code 3")],
)  # fmt: skip
def test_a_copy_tells_what_its_work_returned_or_why_it_failed(
    work: Callable[[], str], told: str
) -> None:
    copy = Forked(work, "the records", fork=True)
    if told.startswith("cannot write"):
        with pytest.raises(ExportError) as caught:
            copy.wait()
        assert str(caught.value) == told
    else:
        assert copy.wait() == told


def test_without_fork_the_work_runs_when_waited_for_with_the_same_error(tmp_path: Path) -> None:
    ran: list[str] = []
    copy = Forked(lambda: ran.append("ran") or "done", "the records", fork=False)
    assert ran == []
    assert copy.wait() == "done" and ran == ["ran"]
    with pytest.raises(ExportError, match="^cannot write the records: No space left on device$"):
        Forked(_no_space, "the records", fork=False).wait()


def test_a_copy_never_returns_into_the_callers_code(tmp_path: Path) -> None:
    marks, pids = tmp_path / "marks", tmp_path / "pids"

    def failing() -> str:
        pids.write_text(str(os.getpid()))
        raise ValueError("a bug")

    copies = []
    for work in (lambda: str(os.getpid()), failing):
        copy = Forked(work, "x", fork=True)
        with marks.open("a") as handle:  # a copy that came back here would write too
            handle.write(f"{os.getpid()}\n")
        with pytest.raises(ExportError) if work is failing else contextlib.nullcontext():
            copies.append(int(copy.wait()))
    copies.append(int(pids.read_text()))
    assert marks.read_text().split() == [str(os.getpid())] * 2
    for pid in copies:  # each copy was waited for: none is left a zombie
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def test_stop_ends_a_copy_still_running(tmp_path: Path) -> None:
    said = tmp_path / "pid"

    def slow() -> str:
        said.write_text(str(os.getpid()))
        time.sleep(120)
        return ""

    copy = Forked(slow, "x", fork=True)
    while not said.exists() or not said.read_text():
        time.sleep(0.01)
    pid = int(said.read_text())
    copy.stop()
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    copy.stop()  # again: nothing left to stop


def _build(out: Path, monkeypatch: pytest.MonkeyPatch, fork: bool) -> tuple[dict[str, str], int]:
    """Build the analyst's news into ``out`` with or without copies: the manifest's
    files and how many copies were forked."""
    forks = []
    real_fork = os.fork

    def counted() -> int:
        forks.append(1)
        return real_fork()

    with monkeypatch.context() as patch:
        patch.setattr(graphkit.forked, "CAN_FORK", fork)
        patch.setattr(os, "fork", counted)
        graphkit.build([NEWS], out=out)
    return json.loads((out / "manifest.json").read_text())["files"], len(forks)


def test_copies_write_the_files_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    apart, forks = _build(tmp_path / "apart", monkeypatch, fork=True)
    here, none = _build(tmp_path / "here", monkeypatch, fork=False)
    assert (forks, none) == (2, 0)  # the records' copy and the lines' copy
    assert apart == here
    assert {".graph.nt", "assertions.jsonl", "entities.jsonl", "articles.jsonl"} <= set(apart)
    for name in apart:
        assert (tmp_path / "apart" / name).read_bytes() == (tmp_path / "here" / name).read_bytes()


def test_a_copy_that_fails_fails_the_build_and_the_old_set_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    before, _ = _build(out, monkeypatch, fork=True)

    def full(pieces: object, handle: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(forked_writes, "write_text", full)  # the copy inherits it
    with pytest.raises(GraphkitError, match="cannot write the corpus records: No space left"):
        graphkit.build([NEWS], out=out, formats=("turtle", "html"))
    assert check_set(out) == []
    assert json.loads((out / "manifest.json").read_text())["files"] == before
    assert not (out / WORK / "next").exists()  # the staged files went, copies stopped
