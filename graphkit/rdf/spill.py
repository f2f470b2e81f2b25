"""The graph's lines sorted a chunk at a time on disk, for a build of any size.

:class:`~graphkit.rdf.triples.TripleLines` holds every line of the graph until it is
sorted: at 1,000 articles that is 2.1 million strings, and the memory they took is
still held by Python when the views load their store (a fourth of a build's peak,
growing with the corpus, issue 15). :class:`SpilledLines` holds at most
:data:`SUBJECTS` subjects' lines: each time it has that many, it writes them sorted
into a chunk file and starts again; :meth:`SpilledLines.write` merges the chunks
into the sorted, unique lines a :class:`TripleLines` gives, byte for byte.

No line holds a byte below the space (literals escape them, IRIs are minted), so
the lines of a file, each with its ``\\n``, sort bytewise as their texts sort.
"""

from __future__ import annotations

import heapq
import shutil
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

from rdflib.term import Node

from graphkit.rdf.triples import Lit, TripleLines

__all__ = ["SUBJECTS", "SpilledLines", "write_batches"]

# Subjects held at once: about 7 lines each at 1,000 articles, so some 350,000 lines
# (60 MB) a chunk; a 200-article graph (56,000 subjects) fits in one.
SUBJECTS = 50_000
_BATCH = 50_000


class SpilledLines(TripleLines):
    """A :class:`TripleLines` that keeps at most ``subjects`` subjects in memory, the
    rest in sorted chunk files in ``folder`` (made when first needed, removed by
    :meth:`write`)."""

    def __init__(self, folder: Path, subjects: int = SUBJECTS) -> None:
        super().__init__()
        self.folder = folder
        self.limit = subjects
        self.chunks: list[Path] = []
        self.spilled = 0  # lines in the chunk files (a line may be in two)

    def __len__(self) -> int:
        """The lines so far, each once (but once per chunk file it is in: exact for a
        graph of one chunk, a few more than the graph's for a bigger one)."""
        return self.spilled + sum(len(set(lines)) for lines in self._subjects.values())

    def add_all(self, subject: Node, pairs: Iterable[tuple[Node, Node | Lit]]) -> None:
        super().add_all(subject, pairs)
        if len(self._subjects) >= self.limit:
            self._spill()

    def _spill(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{len(self.chunks)}.nt"
        with path.open("wb") as handle:
            written = write_batches((line.encode("utf-8") for line in self.sorted()), handle)
        self.chunks.append(path)
        self.spilled += written
        self._subjects = {}

    def write(self, handle: BinaryIO) -> int:
        """Write every line once, in order, into ``handle`` (one ``\\n`` after each);
        return how many were written. The chunk files are removed."""
        try:
            if not self.chunks:  # all in memory: nothing to merge
                return write_batches((line.encode("utf-8") for line in self.sorted()), handle)
            if self._subjects:
                self._spill()
            with ExitStack() as files:
                opened = [files.enter_context(path.open("rb")) for path in self.chunks]
                return write_batches(_unique(heapq.merge(*opened)), handle, ended=True)
        finally:
            self._subjects = {}
            self._iris.clear()
            shutil.rmtree(self.folder, ignore_errors=True)


def _unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Sorted ``lines`` without the repeats (a subject's lines in two chunks)."""
    last = None
    for line in lines:
        if line != last:
            yield line
            last = line


def write_batches(lines: Iterable[bytes], handle: BinaryIO, ended: bool = False) -> int:
    """Write ``lines`` (each ending in ``\\n`` when ``ended``) a batch at a time."""
    count = 0
    batch: list[bytes] = []
    joiner, tail = (b"", b"") if ended else (b"\n", b"\n")
    for line in lines:
        batch.append(line)
        if len(batch) == _BATCH:
            handle.write(joiner.join(batch) + tail)
            count += len(batch)
            batch.clear()
    if batch:
        handle.write(joiner.join(batch) + tail)
        count += len(batch)
    return count
