"""The graph's lines sorted a chunk at a time on disk, for a build of any size.

:class:`~graphkit.rdf.triples.TripleLines` holds every line of the graph until it is
sorted: at 1,000 articles that is 2.1 million strings, and the memory they took is
still held by Python when the views load their store (a fourth of a build's peak,
growing with the corpus, issue 15). :class:`SpilledLines` holds at most
:data:`SUBJECTS` subjects' lines, and about :data:`LINES` lines: each time it has that
many, it writes them sorted into a chunk file and starts again;
:meth:`SpilledLines.write` merges the chunks into the sorted, unique lines a
:class:`TripleLines` gives, byte for byte.

No line holds a byte below the space (literals escape them, IRIs are minted), so
the lines of a file, each with its ``\\n``, sort bytewise as their texts sort.

The merge is the system's ``sort -m -u`` with ``LC_ALL=C`` (bytewise) where there is
one that merges as this module's own merge does (:func:`merge_tool`, checked once):
in C and in a process of its own, it merges 330 MB of lines in 0.7 s, where
:func:`heapq.merge` took 4.5 s holding Python's lock (1,000 articles, issue 15).
"""

from __future__ import annotations

import heapq
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from rdflib.term import Node

from graphkit.errors import ExportError
from graphkit.files import write_batches
from graphkit.rdf.triples import Lit, TripleLines, ntriples_bytes

__all__ = ["LINES", "SUBJECTS", "SpilledLines", "merge_chunks", "merge_tool"]

# Subjects held at once: about 7 lines each at 1,000 articles, so some 350,000 lines
# (60 MB) a chunk; a 200-article graph (56,000 subjects) fits in one.
SUBJECTS = 50_000
# Lines held at once, whatever their subjects: a statement or a claim has dozens, and
# 50,000 of them held 166 MB, which set the memory a build had from then on (issue 15)
LINES = 250_000
_SLICE = 20_000  # lines made into one text to write


class SpilledLines(TripleLines):
    """A :class:`TripleLines` that keeps at most ``subjects`` subjects and about
    ``lines`` lines in memory (a subject's lines are added whole), the rest in sorted
    chunk files in ``folder`` (made when first needed, removed by :meth:`write`)."""

    def __init__(self, folder: Path, subjects: int = SUBJECTS, lines: int = LINES) -> None:
        super().__init__()
        self.folder = folder
        self.limit = subjects
        self.most = lines
        self.chunks: list[Path] = []
        self.spilled = 0  # lines in the chunk files (a line may be in two)

    def __len__(self) -> int:
        """The lines so far, each once (but once per chunk file it is in: exact for a
        graph of one chunk, a few more than the graph's for a bigger one)."""
        return self.spilled + sum(len(set(lines)) for lines in self._subjects.values())

    @property
    def held(self) -> int:
        """The lines held in memory, not yet in a chunk file."""
        return self._held

    def add_all(self, subject: Node, pairs: Iterable[tuple[Node, Node | Lit]]) -> None:
        super().add_all(subject, pairs)
        if len(self._subjects) >= self.limit or self._held >= self.most:
            self._spill()

    def _write_sorted(self, handle: BinaryIO) -> int:
        """Write the lines held into ``handle``, sorted, each with its ``\\n``, and let
        them go; return how many. A slice at a time: a chunk made into one text took
        as much memory again as its lines for a moment (``tests/test_triple_lines.py``
        measures it)."""
        lines = self.sorted()
        self._subjects, self._held = {}, 0
        for at in range(0, len(lines), _SLICE):
            handle.write(ntriples_bytes(lines[at : at + _SLICE]))
        return len(lines)

    def spill(self) -> None:
        """Write the lines held into a chunk file of their own (a sink whose chunks
        another takes in: :meth:`take_chunks`), and let go of the terms' texts kept
        for the lines to come (made again if more come)."""
        if self._subjects:
            self._spill()
        self._iris.clear()

    def take_chunks(self, chunks: Sequence[Path], spilled: int) -> None:
        """Take in the sorted chunk files another sink spilled (``spilled`` lines; in
        this one's folder, or removed by the caller): written and merged with these."""
        self.chunks.extend(chunks)
        self.spilled += spilled

    def _spill(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{len(self.chunks)}.nt"
        with path.open("wb") as handle:
            self.spilled += self._write_sorted(handle)
        self.chunks.append(path)

    def write(self, handle: BinaryIO) -> int:
        """Write every line once, in order, into ``handle`` (one ``\\n`` after each);
        return how many were written. The chunk files are removed."""
        if not self.chunks:  # all in memory: nothing to merge
            return self._write_held(handle)
        merged = self.folder / "merged.nt"
        try:
            self.write_file(merged)
            count = 0
            with merged.open("rb") as source:
                for block in iter(lambda: source.read(1 << 24), b""):
                    count += block.count(b"\n")
                    handle.write(block)
            return count
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def write_file(self, path: Path) -> None:
        """Write every line once, in order, into the file ``path`` (the merge of the
        chunks by ``sort`` writes it straight: no line passes through Python). The
        chunk files are removed."""
        try:
            if not self.chunks:
                with path.open("wb") as handle:
                    self._write_held(handle)
                return
            self.spill()
            merge_chunks(self.chunks, path, self.folder)
        finally:
            self._subjects, self._held = {}, 0
            self._iris.clear()
            for chunk in self.chunks:
                chunk.unlink(missing_ok=True)
            self.chunks = []
            if path.parent != self.folder:
                shutil.rmtree(self.folder, ignore_errors=True)

    def _write_held(self, handle: BinaryIO) -> int:
        count = self._write_sorted(handle)
        self._iris.clear()
        return count


def merge_chunks(chunks: Sequence[Path], target: Path, scratch: Path) -> None:
    """Merge the sorted line files ``chunks`` into the file ``target``, each line once:
    ``sort -m -u`` does it where it can (:func:`merge_tool`; its temporary files, if
    any, go in ``scratch``), else Python."""
    tool = merge_tool()
    if tool is None:
        with ExitStack() as files, target.open("wb") as handle:
            opened = [files.enter_context(path.open("rb")) for path in chunks]
            write_batches(_unique(heapq.merge(*opened)), handle, ended=True)
        return
    command = [tool, "-m", "-u", "-T", str(scratch), "-o", str(target), "--", *map(str, chunks)]
    try:
        subprocess.run(command, capture_output=True, env=_BYTEWISE, check=True)
    except subprocess.CalledProcessError as exc:
        why = exc.stderr.decode("utf-8", "replace").strip()
        raise ExportError(f"cannot merge the graph's lines into {target} ({tool}: {why})") from exc


_BYTEWISE = {**os.environ, "LC_ALL": "C"}
# lines that sort differently bytewise and by a locale's rules, one twice, one that
# another begins, and a character of two bytes: a merge tool must give what this
# module's own merge gives
_PROBE = ([b"<a> x\n", b"<a>\n", b"<b> \xc3\xa9\n"], [b"<B>\n", b"<a> x\n", b"<a-b>\n"])


@lru_cache(maxsize=1)
def merge_tool() -> str | None:
    """The system's ``sort``, when it merges a probe exactly as this module does (a
    POSIX system's does; Windows' ``sort.exe`` takes other options); else None."""
    found = shutil.which("sort") if os.name == "posix" else None
    if found is None:
        return None
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number, lines in enumerate(_PROBE):
            path = Path(folder) / f"{number}.nt"
            path.write_bytes(b"".join(sorted(lines)))
            paths.append(path)
        expected = b"".join(_unique(heapq.merge(*(sorted(lines) for lines in _PROBE))))
        try:
            merged = subprocess.run(
                [found, "-m", "-u", "-T", folder, "--", *map(str, paths)],
                capture_output=True, env=_BYTEWISE, timeout=30, check=True,
            ).stdout  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            return None
    return found if merged == expected else None


def _unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Sorted ``lines`` without the repeats (a subject's lines in two chunks)."""
    last = None
    for line in lines:
        if line != last:
            yield line
            last = line
