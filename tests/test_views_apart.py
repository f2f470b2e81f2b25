"""Issue 15: a build that grows a graph (``--into``) draws its views in a Python
process of their own, which loads the old graph's columns while the build parses. The
views it draws are those a merge draws in the build's own process (``test_grow``);
here, what happens when that process fails or the build stops before its views."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import graphkit
import graphkit.pipeline as pipeline
from graphkit.errors import ExportError
from graphkit.export.html.apart import ViewsApart
from graphkit.files import WORK

from .conftest import SEEDS

DATA = Path(__file__).parent / "data"
NEW = "Mali's junta thanked Algeria for the talks."


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("apart") / "base"
    graphkit.build([SEEDS], out=folder)
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and WORK not in p.relative_to(folder).parts
    }


def _started(monkeypatch: pytest.MonkeyPatch) -> list[ViewsApart]:
    """The views' processes the builds of this test start, as they start them."""
    started: list[ViewsApart] = []

    class Watched(ViewsApart):
        def __init__(self, lines: Path, saved: Path | None) -> None:
            super().__init__(lines, saved)
            started.append(self)

    monkeypatch.setattr(pipeline, "ViewsApart", Watched)
    return started


def _watched_copy(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, dict[str, bytes], list[ViewsApart]]:
    """A copy of ``base`` to grow, its files now, and the views' processes started."""
    folder = tmp_path / "out"
    shutil.copytree(base, folder)
    return folder, _files(folder), _started(monkeypatch)


def test_a_views_process_that_dies_fails_the_build_and_keeps_the_old_set(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, before, started = _watched_copy(base, tmp_path, monkeypatch)
    draw = ViewsApart.draw

    def killed_first(self: ViewsApart, *args: object) -> None:
        os.kill(self._process.pid, signal.SIGKILL)  # as the system's OOM killer would
        self._process.wait()
        draw(self, *args)

    monkeypatch.setattr(ViewsApart, "draw", killed_first)
    with pytest.raises(ExportError, match=r"cannot draw the views of .*out.*-9"):
        graphkit.build(texts=[NEW], into=folder)
    assert len(started) == 1
    assert _files(folder) == before  # nothing of the failed set was put in place
    assert not (folder / WORK / "next").exists()  # nor left staged


def test_the_views_process_ends_when_the_build_stops_before_its_views(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, before, started = _watched_copy(base, tmp_path, monkeypatch)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("stopped in the merge")

    monkeypatch.setattr(pipeline, "grow_corpus", broken)
    with pytest.raises(RuntimeError, match="stopped in the merge"):
        graphkit.build(texts=[NEW], into=folder)
    (views,) = started
    assert views._process.poll() is not None  # ended, not left loading or waiting
    assert _files(folder) == before


def test_a_grow_from_the_command_line_draws_the_views_a_merge_draws(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grown, merged = tmp_path / "grown", tmp_path / "merged"
    shutil.copytree(base, grown)
    shutil.copytree(base, merged)
    news = DATA / "analyst-news.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "graphkit", "build", str(news), "--into", str(grown)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    monkeypatch.setattr(pipeline, "can_grow", lambda *args: False)  # a merge: no process
    graphkit.build([news], into=merged)
    drawn = _files(grown)
    assert "views" in {Path(name).parts[0] for name in drawn}
    assert drawn == _files(merged)
