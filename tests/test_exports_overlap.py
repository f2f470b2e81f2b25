"""The exports' overlapping steps: the views' store a build loads as it makes the
lines gets every line before the views read it, however late the last ones come."""

from __future__ import annotations

import time
from pathlib import Path

from graphkit.export.formats import Export, write_exports
from graphkit.files import ExportSet
from graphkit.pipeline import BuildResult
from graphkit.rdf.triples import StoreLoader, ntriples_bytes


def test_the_views_wait_for_the_last_lines_handed_to_their_store(
    seed_build: BuildResult, tmp_path: Path
) -> None:
    loader = StoreLoader()
    lines = seed_build.lines

    def slow_lines_file(path: Path) -> None:
        # as SpilledLines.write_file does for a graph of one chunk: the lines go to the
        # store only as the file is written, here after the records are long done
        time.sleep(1.0)
        data = ntriples_bytes(lines)
        path.write_bytes(data)
        loader.add(data)

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
