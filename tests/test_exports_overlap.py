"""The exports' overlapping steps: the views' columns a build that grows a graph loads
get every changed line before the views read them, however late the last ones come;
views whose columns are whole are drawn while the lines file is still being written
(a build's own, and a grown graph's: the merge tells its changes before it writes)."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

import graphkit
import graphkit.corpus.grow
import graphkit.export.turtle_splice
from graphkit.export.formats import Export, view_predicates, write_exports
from graphkit.export.html.apart import ViewsApart
from graphkit.files import ExportSet
from graphkit.pipeline import BuildResult
from graphkit.rdf.columns import Columns
from graphkit.rdf.columns_loader import ColumnsLoader
from graphkit.rdf.triples import ntriples_bytes

from .conftest import SEEDS

DATA = Path(__file__).parent / "data"


def test_the_views_wait_for_the_last_lines_handed_to_their_columns(
    seed_build: BuildResult, tmp_path: Path
) -> None:
    loader = ColumnsLoader(view_predicates())
    lines = seed_build.lines

    def slow_lines_file(path: Path) -> None:
        # as the merge of a grown graph does: the lines it adds go to the columns only
        # as the file is written, here after the records are long done
        time.sleep(1.0)
        path.write_bytes(ntriples_bytes(lines))
        loader.change([], [line.encode() for line in lines])

    export = Export(seed_build.corpus, (), "seed", lines_file=slow_lines_file,
                    views_graph=loader.result)  # fmt: skip
    exports = ExportSet(tmp_path)
    write_exports(export, exports, ["html", "assertions"])
    exports.commit()
    reference = tmp_path / "reference"
    again = ExportSet(reference)
    write_exports(Export(seed_build.corpus, lines, "seed"), again, ["html", "assertions"])
    again.commit()
    assert (tmp_path / "graph.html").read_bytes() == (reference / "graph.html").read_bytes()
    assert "Putin" in (tmp_path / "graph.html").read_text(encoding="utf-8")


def test_views_of_columns_made_whole_do_not_wait_for_the_lines_file(
    seed_build: BuildResult, tmp_path: Path
) -> None:
    lines = seed_build.lines
    columns = Columns(view_predicates())
    columns.add_lines(lines)
    drawn = threading.Event()

    def views_graph() -> Columns:
        drawn.set()
        return columns

    def lines_file(path: Path) -> None:
        # a build's own columns are whole before its lines file is merged: the views
        # are drawn meanwhile (this waits for them; were they to wait, both would)
        assert drawn.wait(30), "the views waited for the lines file"
        path.write_bytes(ntriples_bytes(lines))

    export = Export(seed_build.corpus, (), "seed", lines_file=lines_file,
                    views_graph=views_graph, views_ready=True)  # fmt: skip
    exports = ExportSet(tmp_path)
    write_exports(export, exports, ["html", "turtle"])
    exports.commit()
    assert "Putin" in (tmp_path / "graph.html").read_text(encoding="utf-8")


def test_a_grown_graphs_views_and_turtle_are_written_while_its_lines_file_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base = tmp_path / "base"
    graphkit.build([SEEDS], out=base)
    assert "Zelensky" not in (base / "graph.html").read_text(encoding="utf-8")
    reference = tmp_path / "reference"
    shutil.copytree(base, reference)
    added = [DATA / "world-news.rss"]
    graphkit.build(added, into=reference)
    drawn, spliced = threading.Event(), threading.Event()
    views = ViewsApart.views  # waits for the process that draws the views
    write_splice = graphkit.corpus.grow.write_splice
    write_turtle = graphkit.export.turtle_splice._write_spliced

    def views_then_told(self: ViewsApart, *args: object) -> object:
        written = views(self, *args)  # type: ignore[arg-type]
        drawn.set()
        return written

    def turtle_then_told(*args: object) -> None:
        write_turtle(*args)  # type: ignore[arg-type]
        spliced.set()

    def copy_after_the_others(*args: object) -> int:
        # the copy of the old lines (seconds for a big graph) waits for the views and
        # the Turtle here: were they to wait for it, as they did, all would wait
        assert drawn.wait(60), "the views waited for the lines file"
        assert spliced.wait(60), "the Turtle waited for the lines file"
        return write_splice(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(ViewsApart, "views", views_then_told)
    monkeypatch.setattr(graphkit.export.turtle_splice, "_write_spliced", turtle_then_told)
    monkeypatch.setattr(graphkit.corpus.grow, "write_splice", copy_after_the_others)
    graphkit.build(added, into=base)
    assert drawn.is_set() and spliced.is_set()
    # the views drew the grown graph (the merge's changes reached their columns), and
    # the Turtle is the grown graph's
    for name in ("graph.html", "index.html", ".graph.nt", "graph.ttl"):
        assert (base / name).read_bytes() == (reference / name).read_bytes(), name
    assert "Zelensky" in (base / "graph.html").read_text(encoding="utf-8")


def test_the_turtle_starts_once_the_lines_file_is_whole_not_synced_and_hashed(
    seed_build: BuildResult, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graphkit.export.formats as formats
    import graphkit.files as files

    lines = seed_build.lines
    started = threading.Event()
    write_apart = formats.write_apart

    def turtle_started(function: str, path: Path, target: Path) -> None:
        started.set()
        write_apart(function, path, target)

    digest = files.file_digest

    def hashed_once_the_turtle_started(path: Path) -> str:
        if path.name == ".graph.nt":  # the lines file is hashed only after the turtle began
            assert started.wait(30), "the Turtle waited for the lines file's hash"
        return digest(path)

    monkeypatch.setattr(formats, "write_apart", turtle_started)
    monkeypatch.setattr(files, "file_digest", hashed_once_the_turtle_started)
    export = Export(seed_build.corpus, (), "seed",
                    lines_file=lambda path: path.write_bytes(ntriples_bytes(lines)))  # fmt: skip
    exports = ExportSet(tmp_path)
    write_exports(export, exports, ["turtle"])
    exports.commit()
    reference = ExportSet(tmp_path / "reference")
    write_exports(Export(seed_build.corpus, lines, "seed"), reference, ["turtle"])
    reference.commit()
    assert (tmp_path / "graph.ttl").read_bytes() == (tmp_path / "reference/graph.ttl").read_bytes()


def test_a_lines_file_that_fails_fails_the_formats_read_from_it(
    seed_build: BuildResult, tmp_path: Path
) -> None:
    from graphkit.errors import ExportError

    def no_room(path: Path) -> None:
        raise ExportError(f"cannot write {path.name}: No space left on device")

    export = Export(seed_build.corpus, (), "seed", lines_file=no_room)
    with pytest.raises(ExportError, match="No space left"):  # not a wait for good
        write_exports(export, ExportSet(tmp_path), ["turtle", "ntriples"])
