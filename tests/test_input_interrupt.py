"""A build killed or interrupted midway leaves the previous exports whole and unchanged:
every export is written to a temporary file and renamed into place."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph
from typer.testing import CliRunner

import graphkit
import graphkit.pipeline
from graphkit.cli import app
from graphkit.files import ExportSet, interrupts_noted, stop_if_interrupted

from .conftest import SEEDS

DATA = Path(__file__).resolve().parent / "data"
COPIES = 150  # about 750,000 characters: far more than the seconds the test waits
BUSY_CPU_SECONDS = 4.0  # the model is loaded and parsing has begun by then


@pytest.fixture(scope="module")
def previous(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Exports of an earlier build, to be left alone by the interrupted one."""
    out = tmp_path_factory.mktemp("previous") / "out"
    result = graphkit.build([DATA], out=out)
    assert result.exit_code == 0 and (out / "graph.ttl").is_file()
    return out


@pytest.fixture(scope="module")
def large_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Many varied articles: the seed and the test pages, each copy made unique."""
    folder = tmp_path_factory.mktemp("large")
    texts = [p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")]
    texts.append("Zelensky rejects plan\nPresident Volodymyr Zelensky rejected the plan.")
    for number in range(COPIES):
        for index, text in enumerate(texts):
            note = f"\n\nReport {number} was filed by bureau {index}."
            (folder / f"{number:04d}-{index}.txt").write_text(text + note, encoding="utf-8")
    return folder


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _cpu_seconds(pid: int) -> float | None:
    """CPU time a process has used (Linux /proc), or None where that is unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_and_wait_until_busy(source: Path, out: Path) -> subprocess.Popen[bytes]:
    # Ctrl-C as a user at a terminal sends it: a test run started in the background
    # (``pytest &`` in a script) ignores SIGINT, and its children would inherit that
    process = subprocess.Popen(
        [sys.executable, "-m", "graphkit", "build", str(source), "--out", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_default_sigint,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        used = _cpu_seconds(process.pid)
        if used is None:  # no /proc: give it the time it needs on any machine
            time.sleep(BUSY_CPU_SECONDS * 2)
            break
        if used >= BUSY_CPU_SECONDS:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the build ended before it could be interrupted"
    return process


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["SIGKILL", "SIGINT"])
def test_interrupted_build_leaves_previous_exports_unchanged(
    sig: signal.Signals, previous: Path, large_input: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    shutil.copytree(previous, out)
    before = _snapshot(out)
    process = _start_and_wait_until_busy(large_input, out)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    if sig == signal.SIGKILL:
        assert process.returncode == -signal.SIGKILL
    else:
        assert process.returncode == 130, stderr.decode()
        assert "interrupted" in stderr.decode()
    after = _snapshot(out)
    assert after == before  # byte for byte, and no file added (no temporary left)
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    assert len(graph) > 100


class _Finalized:
    """An object whose finalizer is where Ctrl-C comes: Python prints what a
    finalizer raises, and drops it."""

    def __del__(self) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        sum(range(1000))  # the handler runs here, between two steps of Python


def test_a_ctrl_c_that_a_finalizer_swallows_still_stops_the_commit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("the old graph\n", encoding="utf-8")
    exports = ExportSet(out)
    exports.write("graph.ttl", "a new graph\n")
    lost: list[Any] = []
    monkeypatch.setattr(sys, "unraisablehook", lost.append)
    with interrupts_noted():
        _Finalized()  # goes at once: the interrupt is raised in its __del__, and dropped
        assert [type(x.exc_value) for x in lost] == [KeyboardInterrupt]
        with pytest.raises(KeyboardInterrupt):  # the build's next step stops it
            stop_if_interrupted()
        with pytest.raises(KeyboardInterrupt):
            exports.commit()
    exports.abort()
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "the old graph\n"
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back
    stop_if_interrupted()  # nothing noted once the block is over
    again = ExportSet(out)  # a later build, interrupted by nothing, commits
    again.write("graph.ttl", "a new graph\n")
    again.commit()
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "a new graph\n"


def test_a_ctrl_c_python_lost_stops_the_cli_build_at_its_next_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    went_on: list[str] = []

    def build(*args: Any, stages: Any, **kwargs: Any) -> None:
        _Finalized()  # Ctrl-C comes in a finalizer, and Python drops it
        stages("parse", 1, 2)  # the build's next step
        went_on.append("parse")

    monkeypatch.setattr(graphkit.pipeline, "build", build)
    monkeypatch.setattr(sys, "unraisablehook", lambda lost: None)
    result = CliRunner().invoke(app, ["build", str(tmp_path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 130 and went_on == []
    assert "interrupted" in result.output
