"""The corpus records and the graph's lines, written by forked copies of a build
(:class:`graphkit.forked.Forked`) while the build itself makes what the views read
(issue 15).

After the resolution a build's Python work ran one step after another on one core
while the other waited: at 1,000 articles the graph's lines with the views' columns
(about 11 s), the records (3 s), then the views (8 s). The lines and the records need
nothing but the resolved corpus, which a forked copy shares without pickling: each is
written by a copy of its own, and the build makes only the views' columns (every
triple made again, kept only when the views read it) and draws the views. The files
are the same, byte for byte; where there is no fork, everything is written here, as
before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from graphkit.collector import collector_paused
from graphkit.corpus.records import (
    ARTICLES_FILE,
    ASSERTIONS_FILE,
    ENTITIES_FILE,
    article_lines,
    assertion_lines,
    entity_lines,
    write_text,
)
from graphkit.files import ExportSet
from graphkit.forked import Forked, forking
from graphkit.rdf.build import Sink, add_corpus, spill_lines
from graphkit.rdf.spill import SpilledLines
from graphkit.rdf.triples import LINES_FILE
from graphkit.types import Corpus

__all__ = ["LinesApart", "RecordsApart", "record_files"]


def record_files(corpus: Corpus) -> tuple[tuple[str, str, Iterable[str]], ...]:
    """The corpus records (:mod:`graphkit.corpus.records`): name, file and lines."""
    return (
        ("assertions", ASSERTIONS_FILE, assertion_lines(corpus.assertions)),
        ("articles", ARTICLES_FILE, article_lines(corpus.articles)),
        ("entities", ENTITIES_FILE, entity_lines(corpus.entities)),
    )


class RecordsApart:
    """The records of ``corpus``, staged in ``exports`` by a forked copy, started now.
    Called as :func:`graphkit.export.formats.write_exports`'s ``records``, it waits for
    the copy and enters the files in the set."""

    def __init__(self, corpus: Corpus, exports: ExportSet, fork: bool | None = None) -> None:
        files = record_files(corpus)
        self._names = [(name, filename) for name, filename, _ in files]
        stage = exports.stage

        def write() -> str:
            for _, filename, lines in files:
                with (stage / filename).open("wb") as handle:
                    write_text(lines, handle)
            return ""

        self._copy = Forked(write, "the corpus records", fork=fork)
        exports.writers.append(self._copy)

    def __call__(self, _export: object, exports: ExportSet) -> dict[str, Path]:
        self._copy.wait()
        return {name: exports.write_file(filename, _there) for name, filename in self._names}


class LinesApart:
    """The sorted lines of ``corpus``'s graph (:func:`graphkit.rdf.build.spill_lines`)
    for the lines file of ``exports``, made by a forked copy, started now, while this
    process gives every triple to ``also`` (the views' columns) alone. ``told(count)``
    hears how many lines there are. :meth:`write_file` is the export's ``lines_file``."""

    def __init__(
        self,
        corpus: Corpus,
        exports: ExportSet,
        also: Sink | None,
        told: Callable[[int], None],
        fork: bool | None = None,
    ) -> None:
        self._target = exports.staged(LINES_FILE)
        self._told = told
        chunks = exports.staged(f"{LINES_FILE}.chunks")
        self._here: SpilledLines | None = None
        self._copy: Forked | None = None
        if also is None or not forking(fork):  # nothing to do beside it: made here
            self._here = spill_lines(corpus, chunks, also=also)
            told(len(self._here))
            return
        self._copy = Forked(partial(_lines_into, corpus, chunks, self._target), "the graph", fork)
        exports.writers.append(self._copy)
        with collector_paused():
            add_corpus(also, corpus)

    def write_file(self, path: Path) -> None:
        """The lines, in the file ``path`` (the staged lines file)."""
        if self._here is not None:
            self._here.write_file(path)
            return
        assert self._copy is not None and path == self._target, "the staged lines file"
        self._told(int(self._copy.wait()))


def _lines_into(corpus: Corpus, chunks: Path, target: Path) -> str:
    """In the copy: spill the lines, merge them into ``target``; their number."""
    lines = spill_lines(corpus, chunks)
    count = len(lines)
    lines.write_file(target)
    return str(count)


def _there(path: Path) -> None:
    """Nothing to write: the copy wrote the file (:meth:`ExportSet.write_file` hashes it)."""
