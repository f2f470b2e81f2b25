"""Issue 15: a build keeps the views' columns of its graph with it; the next build into
the folder and ``graphkit view OUT/`` load them instead of reading the graph again,
only while they are the columns of the folder's graph, and a file there that is not
such columns is passed over, never run."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import graphkit
import graphkit.rdf.columns_cache as columns_cache
from graphkit.export.html.data import VIEW_PREDICATES, GraphData
from graphkit.files import read_manifest
from graphkit.rdf.columns import Columns
from graphkit.rdf.columns_cache import COLUMNS_CACHE, cached_columns, load_cached_columns
from graphkit.rdf.columns_loader import ColumnsLoader
from graphkit.rdf.triples import LINES_FILE, read_lines, store_of

from .conftest import SEEDS

DATA = Path(__file__).parent / "data"
SECOND = [DATA / "analyst-news.jsonl"]


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".graphkit" not in p.relative_to(folder).parts
    }


def _store_data(folder: Path) -> GraphData:
    return GraphData.read(store_of(read_lines(folder / LINES_FILE)))


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kept") / "base"
    graphkit.build([SEEDS, DATA / "world-news.rss"], out=folder)
    return folder


def test_a_build_keeps_the_columns_of_its_graph_named_by_its_lines(base: Path) -> None:
    digest = (read_manifest(base) or {})[LINES_FILE]
    kept = base / COLUMNS_CACHE / f"{digest[:16]}.pickle"
    assert cached_columns(base) == kept
    assert sorted(p.name for p in kept.parent.iterdir()) == [kept.name]
    columns = load_cached_columns(base, VIEW_PREDICATES)
    assert columns is not None
    assert GraphData.read(columns) == _store_data(base)


def test_a_grow_loads_the_kept_columns_and_keeps_the_grown_ones(base: Path, tmp_path: Path) -> None:
    kept, read = tmp_path / "kept", tmp_path / "read"
    shutil.copytree(base, kept)
    shutil.copytree(base, read)
    shutil.rmtree(read / COLUMNS_CACHE)  # this one reads its lines file, as before
    graphkit.build(SECOND, into=read)
    old = cached_columns(kept)
    assert old is not None
    graphkit.build(SECOND, into=kept)
    assert _files(kept) == _files(read)
    # the grow kept only its changes to the old columns, which stay: the views'
    # process loaded those (else there would be none to change)
    now = cached_columns(kept)
    assert now is not None and now.suffix == ".changes" and old.exists()
    assert sorted(p.name for p in now.parent.iterdir()) == sorted([now.name, old.name])
    columns = load_cached_columns(kept, VIEW_PREDICATES)
    assert columns is not None and GraphData.read(columns) == _store_data(kept)
    # the one that read its lines file had nothing kept to change: it keeps them whole
    assert (cached_columns(read) or Path()).suffix == ".pickle"


def test_changes_are_kept_in_a_chain_then_all_the_columns_again(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    shutil.copytree(base, folder)
    monkeypatch.setattr(columns_cache, "MAX_LINKS", 2)
    kinds = []
    for text in ("Mali's junta met ECOWAS envoys.", "Niger's government thanked Algeria.",
                 "Burkina Faso's army denied the report."):  # fmt: skip
        graphkit.build(texts=[text], into=folder)
        kept = cached_columns(folder)
        assert kept is not None
        kinds.append(kept.suffix)
        columns = load_cached_columns(folder, VIEW_PREDICATES)
        assert columns is not None and GraphData.read(columns) == _store_data(folder)
    assert kinds == [".changes", ".changes", ".pickle"]  # two links, then whole again
    assert [p.name for p in (folder / COLUMNS_CACHE).iterdir()] == [kept.name]


def test_a_chain_with_a_file_gone_is_passed_over(base: Path, tmp_path: Path) -> None:
    folder, read = tmp_path / "out", tmp_path / "read"
    shutil.copytree(base, folder)
    graphkit.build(texts=["Chad's president visited Sudan."], into=folder)
    shutil.copytree(folder, read)
    shutil.rmtree(read / COLUMNS_CACHE)
    whole = next((folder / COLUMNS_CACHE).glob("*.pickle"))
    whole.unlink()  # the changes lead back to nothing
    assert cached_columns(folder) is not None
    assert load_cached_columns(folder, VIEW_PREDICATES) is None
    for into in (folder, read):  # the lines file is read instead: the same files
        graphkit.build(texts=["Sudan's army shelled El Fasher."], into=into)
    assert _files(folder) == _files(read)


def test_columns_of_another_graph_are_not_used(base: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    shutil.copytree(base, folder)
    kept = cached_columns(folder)
    assert kept is not None
    lines = folder / LINES_FILE
    lines.write_bytes(lines.read_bytes() + b"<urn:x> <urn:y> <urn:z> .\n")
    assert cached_columns(folder) is None  # the lines are not the manifest's any more
    assert load_cached_columns(folder, VIEW_PREDICATES) is None


class _Runs:
    """A pickle that, loaded by an unguarded unpickler, runs a command."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def _not_columns(kind: str, marker: Path) -> bytes:
    if kind == "runs code":
        return pickle.dumps(("graphkit columns 1", _Runs(marker), {}))
    if kind == "other predicates":
        return pickle.dumps(("graphkit columns 1", {"urn:p": {}}, {"urn:p": {}}))
    if kind == "another version":
        return pickle.dumps(("graphkit columns 0", {}, {}))
    if kind == "not tables":
        every = sorted(str(p) for p in VIEW_PREDICATES)
        return pickle.dumps(("graphkit columns 1", dict.fromkeys(every, 1), dict.fromkeys(every)))
    return {"cut short": pickle.dumps(("graphkit columns 1", {}, {}))[:9], "text": b"x"}[kind]


KINDS = ["runs code", "other predicates", "another version", "not tables", "cut short", "text"]


@pytest.mark.parametrize("kind", KINDS)
def test_a_file_that_is_not_columns_is_passed_over_and_never_run(
    base: Path, tmp_path: Path, kind: str
) -> None:
    folder = tmp_path / "out"
    shutil.copytree(base, folder)
    kept = cached_columns(folder)
    assert kept is not None
    marker = tmp_path / "ran"
    kept.write_bytes(_not_columns(kind, marker))
    assert load_cached_columns(folder, VIEW_PREDICATES) is None
    # the loader of a grow reads the lines file instead, and gets the same columns
    loader = ColumnsLoader(VIEW_PREDICATES, folder / LINES_FILE, saved=kept)
    try:
        assert GraphData.read(loader.result()) == _store_data(folder)
    finally:
        loader.close()
    assert not marker.exists()


def test_the_unpickler_refuses_what_a_dump_never_holds(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    columns = Columns(VIEW_PREDICATES)
    path = tmp_path / "columns.pickle"
    path.write_bytes(_not_columns("runs code", marker))
    with path.open("rb") as handle, pytest.raises(pickle.UnpicklingError, match="posix.system"):
        columns.add_dumped(handle)
    assert not marker.exists()


@pytest.mark.parametrize("kept", [True, False])
def test_view_of_a_folder_reads_its_kept_columns(base: Path, tmp_path: Path, kept: bool) -> None:
    folder = tmp_path / "out"
    shutil.copytree(base, folder)
    shutil.rmtree(folder / ".graphkit" / "store", ignore_errors=True)
    if not kept:  # a folder of an older graphkit: read from its lines file, then kept
        shutil.rmtree(folder / COLUMNS_CACHE)
    view = [sys.executable, "-m", "graphkit", "view", "--actor", "Putin", "--hops", "2"]
    for target, out in ((folder, "folder.html"), (folder / "graph.ttl", "file.html")):
        done = subprocess.run([*view, str(target), "-o", str(tmp_path / out)], capture_output=True)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "folder.html").read_bytes() == (tmp_path / "file.html").read_bytes()
    assert not (folder / ".graphkit" / "store").exists()  # no store was made for it
    columns = load_cached_columns(folder, VIEW_PREDICATES)  # kept for the next view
    assert columns is not None and GraphData.read(columns) == _store_data(folder)
