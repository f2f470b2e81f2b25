"""The views' columns of an old graph, read while a build that grows it parses its new
articles (issue 15).

Reading a graph's lines file into :class:`~graphkit.rdf.columns.Columns` is Python
from end to end: 10.5 million lines at 5,000 articles, 15 s alone. In a thread it held
Python's lock against the parse of the new articles, and both took longer; spaCy's
import alone went from about 3 s to 13 s. The lines file is read by Python processes
of their own, a part of it each, on the other cores (16 s with two at 5,000 articles,
27 s with one), whose columns come back pickled (about 4 s to take in at 5,000
articles); the lines the merge changes are then changed in them, in order, in a
thread.

The reader is :mod:`graphkit.rdf.read_columns`; it writes the columns into a file
this process made and handed it (not into a pipe: whatever else wrote to its
standard output would go into the pickle).

Where the last build kept its columns with the graph
(:mod:`graphkit.rdf.columns_cache`), they are loaded from that file in the thread
instead, and no reader starts: 1.9 s at 5,000 articles, and none of the 27 s of CPU
the readers took from the parse's cores. A file that cannot be loaded is passed over
for the readers.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path
from typing import IO

from graphkit.errors import ExportError
from graphkit.processes import own_python, why_failed
from graphkit.rdf.columns import Columns
from graphkit.rdf.columns_cache import take_kept

__all__ = ["READER", "ColumnsLoader"]

READER = "graphkit.rdf.read_columns"  # the reader's program (never imported here)
PARTS = max(1, min(4, os.cpu_count() or 1))  # readers at once: a core each, at most 4
_Reader = tuple[subprocess.Popen[bytes], IO[bytes], IO[bytes]]  # with what it says, and writes


class ColumnsLoader:
    """:class:`Columns` of ``predicates`` filled one load after another while a build
    that grows a graph parses its new articles: the old graph's lines file (read by a
    process of its own, from now when ``lines`` is given), then the lines the merge
    changed (:meth:`Columns.change`)."""

    def __init__(
        self,
        predicates: Iterable[object],
        lines: Path | None = None,
        parts: int = PARTS,
        saved: Path | None = None,
    ) -> None:
        self.columns = Columns(predicates)
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="columns")
        self._loads: list[Future[None]] = []
        self._readers: list[subprocess.Popen[bytes]] = []
        self.kept_from: Path | None = None  # the kept columns' file, when it was loaded
        self.kept_links: list[Path] | None = None  # the files it led back to, then
        self.changes: list[tuple[Sequence[bytes], Sequence[bytes]]] = []  # as given
        if saved is not None:  # the columns kept with the graph, else its lines file
            self._loads.append(self._thread.submit(self._take_saved, saved, lines, parts))
        elif lines is not None:
            self.add_file(lines, parts)

    def _take_saved(self, saved: Path, lines: Path | None, parts: int) -> None:
        """The columns :meth:`Columns.dump` kept in the file ``saved`` (loaded in this
        thread: a tenth of the readers' time, and no process); when that file cannot
        be loaded, those read from the lines file ``lines`` (if given) by readers."""
        links = take_kept(self.columns, saved)
        if links is not None:
            self.kept_from, self.kept_links = saved, links
        elif lines is not None:
            self.columns = Columns(self.columns.predicates)  # what a broken chain left
            self._take(self._start_readers(lines, parts), lines)

    def add_file(self, path: Path, parts: int = PARTS) -> None:
        """Read the lines file at ``path`` (into the columns, which are empty), in
        ``parts`` parts of about one size, each by a reader of its own: a subject's
        lines are all in one part."""
        started = self._start_readers(path, parts)
        self._loads.append(self._thread.submit(self._take, started, path))

    def _start_readers(self, path: Path, parts: int) -> list[_Reader]:
        return [self._start(path, start, end) for start, end in pairwise(_cuts(path, parts))]

    def _start(self, path: Path, start: int, end: int) -> _Reader:
        said = tempfile.TemporaryFile()  # noqa: SIM115 - closed by _take, the reader done
        dumped = tempfile.TemporaryFile()  # noqa: SIM115 - likewise
        place = str(dumped.fileno())
        predicates = self.columns.predicates
        command, env = own_python(READER, str(path), place, str(start), str(end), *predicates)
        reader = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=said, env=env, pass_fds=(dumped.fileno(),)
        )
        self._readers.append(reader)
        return reader, said, dumped

    def _take(self, started: list[_Reader], path: Path) -> None:
        """The readers' columns, kept in the order of their parts."""
        try:
            for reader, said, dumped in started:
                code = reader.wait()
                if code:
                    said.seek(0)
                    why = why_failed(said.read(), code)
                    raise ExportError(f"cannot read the graph's lines in {path}: {why}")
                dumped.seek(0)
                try:
                    self.columns.add_dumped(dumped)  # type: ignore[arg-type]
                except (EOFError, pickle.UnpicklingError, ValueError) as exc:
                    why = f"{type(exc).__name__}: {exc}"
                    raise ExportError(f"cannot take the columns read of {path}: {why}") from exc
        finally:
            for reader, said, dumped in started:
                if reader.poll() is None:
                    reader.kill()
                said.close()
                dumped.close()

    def change(self, removed: Sequence[bytes], added: Sequence[bytes]) -> None:
        self.changes.append((removed, added))
        self._loads.append(self._thread.submit(lambda: self.columns.change(removed, added)))

    def close(self) -> None:
        """Stop loading (a reader still reading is stopped; nothing more starts)."""
        for reader in self._readers:
            if reader.poll() is None:
                reader.kill()
        self._thread.shutdown(wait=False, cancel_futures=True)

    def result(self) -> Columns:
        """The columns, once every load given is done (a load's error raised here)."""
        try:
            for load in self._loads:
                load.result()
        finally:
            self._thread.shutdown(wait=True, cancel_futures=True)
        return self.columns


def _cuts(path: Path, parts: int) -> list[int]:
    """Where the parts of the lines file at ``path`` start, and its size: each cut
    moved on to the first line of a subject (the lines of one subject are together).
    A file that cannot be read is one part: its reader says why."""
    try:
        size = path.stat().st_size
        if parts <= 1 or size == 0:  # (a pipe has no size: opened, it waits for a writer)
            return [0, size]
        cuts = [0]
        with path.open("rb") as handle:
            for at in range(1, parts):
                handle.seek(max(at * size // parts - 1, cuts[-1]))
                handle.readline()  # to the start of the next line
                first = handle.readline()
                subject = first[: first.find(b"> ") + 1]
                start = handle.tell() - len(first)
                while first and first.startswith(subject):
                    start = handle.tell()
                    first = handle.readline()
                cuts.append(max(start, cuts[-1]))
        return sorted({*cuts, size})
    except OSError:
        return [0, 0]
