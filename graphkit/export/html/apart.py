"""The views of a graph that a build grows (``--into``), drawn by a Python process of
their own (issue 15).

Loading the old graph's columns and drawing the views from them is Python from end
to end, and it grows with the graph: at 5,000 articles the columns took 11 s to load
(in a thread, holding Python's lock against the parse of the new articles) and the
views 23 to 36 s, in the build's own process, after the records. Here a process of
their own starts with the build: it loads the columns while the build reads its base
and parses its new articles, waits for the lines the merge changed, and draws the
views into the build's staged set while the build writes its records and files. The
build waits for it only before its commit, and takes in the files it staged
(:meth:`graphkit.files.ExportSet.adopt`).

    python -m graphkit.export.html.apart LINES SAVED ORDERS RESULT

loads the views' columns of the lines file ``LINES`` (from the columns kept with it,
``SAVED``, when not empty: :class:`graphkit.rdf.columns_loader.ColumnsLoader`), then
waits for a line on its standard input: ``draw`` reads the orders pickled into the
open file ``ORDERS`` (the merge's changes, the folder, the title, where to keep all
the columns when they are to be kept whole) and writes what it staged, as JSON, into
the open file ``RESULT``; anything else (the build stopped) ends it. A failure is one
line on standard error and exit code 1.
"""

from __future__ import annotations

import gc
import json
import os
import pickle
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from graphkit.errors import ExportError
from graphkit.files import ExportSet
from graphkit.processes import own_python, why_failed
from graphkit.rdf import columns_cache

__all__ = ["ViewsApart"]

_DRAW = b"draw\n"  # what the build sends once the orders are written
Changes = list[tuple[Sequence[bytes], Sequence[bytes]]]


class ViewsApart:
    """The views of the graph grown from the lines file ``lines`` (its columns kept in
    ``saved``, if any), drawn by a process that starts loading the old columns now."""

    def __init__(self, lines: Path, saved: Path | None) -> None:
        self.folder = lines.parent
        self.changes: Changes = []  # the merge's, as given: kept with the graph after
        self.kept_from: Path | None = None  # the kept columns' file, when it was loaded
        self.whole: Path | None = None  # all the columns, when they are to be kept whole
        self._orders = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._result = tempfile.TemporaryFile()  # noqa: SIM115 - likewise
        self._said = tempfile.TemporaryFile()  # noqa: SIM115 - likewise
        fds = (self._orders.fileno(), self._result.fileno())
        command, env = own_python(__name__, str(lines), str(saved or ""), *map(str, fds))
        try:
            self._process: subprocess.Popen[bytes] = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=self._said,
                env=env,
                pass_fds=fds,
            )
        except OSError as exc:
            self.close()
            raise ExportError(f"cannot start the views' process: {exc}") from exc

    def change(self, removed: Sequence[bytes], added: Sequence[bytes]) -> None:
        """Lines the merge took out of the graph and put in (handed on to the drawing)."""
        self.changes.append((removed, added))

    def draw(self, exports: ExportSet, title: str, whole: Path) -> None:
        """Have the views of the grown graph drawn into ``exports``'s staged set, titled
        ``title``; the old layout of ``exports``'s folder is kept; all the columns are
        written to ``whole`` when the kept ones cannot be kept as changes."""
        orders = {
            "changes": self.changes,
            "folder": str(exports.folder),
            "title": title,
            "whole": str(whole),
            "links": columns_cache.MAX_LINKS,  # the build's: as it will keep them
        }
        pickle.dump(orders, self._orders, protocol=pickle.HIGHEST_PROTOCOL)
        self._orders.flush()
        stdin = self._process.stdin
        assert stdin is not None
        try:
            stdin.write(_DRAW)
            stdin.close()
        except BrokenPipeError:  # it failed already: :meth:`views` says why
            pass

    def views(self, exports: ExportSet) -> dict[str, Path]:
        """Once the process is done, the files it staged, taken into ``exports``, by
        name as :func:`graphkit.export.html.views.write_views` names them."""
        code = self._process.wait()
        if code:
            self._said.seek(0)
            why = why_failed(self._said.read(), code)
            raise ExportError(f"cannot draw the views of {self.folder}: {why}")
        self._result.seek(0)
        result = json.loads(self._result.read().decode("utf-8"))
        exports.adopt(result["files"])
        self.kept_from = Path(result["kept"]) if result["kept"] else None
        self.whole = Path(result["whole"]) if result["whole"] else None
        return {name: exports.folder / path for name, path in result["outputs"].items()}

    def close(self) -> None:
        """Stop the process if it still runs, and let its files go."""
        process = getattr(self, "_process", None)
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()
        for handle in (self._orders, self._result, self._said):
            handle.close()


def _main(lines: str, saved: str, orders: str, result: str) -> int:
    gc.disable()  # millions of strings, no cycles, and a process that ends
    # a Ctrl-C reaches every process of the terminal's group: the build decides, and
    # stops this one (:meth:`ViewsApart.close`), rather than hear of its death
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return _draw(Path(lines), Path(saved) if saved else None, int(orders), int(result))
    except Exception as exc:  # noqa: BLE001 - said in one line to the build
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def _draw(lines: Path, saved: Path | None, orders: int, result: int) -> int:
    # (here, not above: the build imports this module, and draws no view without html)
    from graphkit.export.html.data import VIEW_PREDICATES
    from graphkit.export.html.views import write_views
    from graphkit.rdf.columns_loader import ColumnsLoader

    loader = ColumnsLoader(VIEW_PREDICATES, lines, saved=saved)
    try:
        columns = loader.result()  # loaded while the build parses, before any orders
    finally:
        loader.close()
    if sys.stdin.buffer.readline() != _DRAW:
        return 0  # the build stopped before its views: nothing to draw
    with os.fdopen(orders, "rb") as handle:
        handle.seek(0)
        told: dict[str, Any] = pickle.load(handle)  # the build's: this process's parent
    for removed, added in told["changes"]:
        columns.change(removed, added)
    folder = Path(told["folder"])
    exports = ExportSet.joining(folder)
    outputs = write_views(columns, exports, told["title"], previous=folder)
    whole = None
    if not columns_cache.keeps_changes(loader.kept_links, told["links"]):
        whole = Path(told["whole"])
        whole.parent.mkdir(parents=True, exist_ok=True)
        with whole.open("wb") as handle:
            columns.dump(handle)
    found = {
        "files": exports.files,
        "outputs": {name: path.relative_to(folder).as_posix() for name, path in outputs.items()},
        "kept": str(loader.kept_from) if loader.kept_from else None,
        "whole": str(whole) if whole else None,
    }
    with os.fdopen(result, "w", encoding="utf-8") as out:
        json.dump(found, out)
    return 0


if __name__ == "__main__":
    sys.exit(_main(*sys.argv[1:5]))
