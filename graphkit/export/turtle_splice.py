"""The Turtle of a grown graph, spliced into the old graph's Turtle (issue 15).

Writing ``graph.ttl`` again whole took 21 s of a build that added 10 articles to a
graph of 5,000 (10.5 million triples), and it was the last step of that build. But
:func:`graphkit.export.rdf.write_turtle` writes each subject's triples as one block
(its first line starts with the subject, the others with a tab), in the order of the
sorted lines file, and a block depends on its subject's triples alone. So the Turtle
of a grown graph is the old Turtle with the blocks of the subjects whose lines changed
written again (by pyoxigraph, from their lines in the grown graph), new blocks put in
their places and the blocks of subjects that lost every line left out; every other byte
is copied. A build takes those lines from the old lines file and the merge's changes
(:func:`graphkit.rdf.grow.grown_lines_of_subjects`), so the splice is written beside
the new lines file, not after it: at 5,000 articles that file's copy and hash take
seconds.
The blocks are found by binary search: the Python work is in proportion to the
subjects that changed.

:func:`write_spliced_turtle` falls back to the whole write when the old file is not a
Turtle that this graphkit writes (another header: an older graphkit's prefixes), or
when either graph is empty. ``tests/test_turtle_splice.py`` compares the two writes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import BinaryIO

from graphkit.export.formats import FORMATS
from graphkit.export.rdf import TURTLE_PREFIXES, turtle_header, write_turtle, write_turtle_body
from graphkit.files import check_set, read_manifest
from graphkit.rdf.file_text import FileText
from graphkit.rdf.grow import lines_of_subjects

__all__ = ["spliced_formats", "write_spliced_turtle"]

_PREFIXES = {prefix.encode(): iri.encode() for prefix, iri in TURTLE_PREFIXES.items()}


def spliced_formats(
    folder: Path,
    formats: Iterable[str],
    subjects: Iterable[bytes],
    lines_of: Callable[[list[bytes]], list[bytes]],
) -> dict[str, Callable[[BinaryIO], object]]:
    """The formats a build that grows the graph of ``folder`` splices (for
    :attr:`graphkit.export.formats.Export.spliced`): the Turtle, when it is chosen and
    the folder's is the one its manifest lists and a Turtle this graphkit writes (else
    it is written whole, from the lines file). ``subjects`` are those whose lines
    change, ``lines_of(heads)`` their lines in the grown graph (``heads``: ``b"<iri> "``,
    sorted; :attr:`graphkit.corpus.grow.Grown.lines_of`): the splice is written from
    the old Turtle and them, beside the lines file, not after it."""
    turtle = FORMATS["turtle"].filename
    if "turtle" not in formats or turtle not in (read_manifest(folder) or {}):
        return {}
    if check_set(folder, [turtle]) or not _spliceable(folder / turtle):
        return {}
    return {"turtle": partial(_write_spliced, folder / turtle, subjects, lines_of)}


def _spliceable(old: Path) -> bool:
    """Whether the Turtle ``old`` holds triples and starts with this graphkit's header."""
    header = turtle_header()
    with old.open("rb") as before:
        return before.read(len(header)) == header and before.read(1) != b""


def write_spliced_turtle(
    old: Path, subjects: Iterable[bytes], lines: Path, handle: BinaryIO
) -> None:
    """Write into ``handle`` the Turtle of the sorted lines file ``lines``, as
    :func:`~graphkit.export.rdf.write_turtle` writes it, from ``old``, the Turtle of
    the graph before, and ``subjects`` (``b"<iri>"``): every subject whose lines
    changed."""
    with lines.open("rb") as after:
        empty = after.seek(0, io.SEEK_END) == 0
    if empty or not _spliceable(old):
        write_turtle(lines, handle)
        return

    def lines_of(heads: list[bytes]) -> list[bytes]:
        with lines.open("rb") as after:
            return lines_of_subjects(FileText(after), heads)

    _write_spliced(old, subjects, lines_of, handle)


def _write_spliced(
    old: Path,
    subjects: Iterable[bytes],
    lines_of: Callable[[list[bytes]], list[bytes]],
    handle: BinaryIO,
) -> None:
    """The old Turtle ``old`` with the blocks of ``subjects`` written again from their
    lines, ``lines_of(heads)`` (see :func:`spliced_formats`)."""
    header = turtle_header()
    heads = sorted({subject + b" " for subject in subjects})
    blocks = dict(_blocks(lines_of(heads)))
    with old.open("rb") as before:
        handle.write(header)
        _splice(FileText(before), len(header), heads, blocks, handle)


def _blocks(lines: list[bytes]) -> Iterator[tuple[bytes, bytes]]:
    """Each subject's head (``b"<iri> "``) and Turtle block, as pyoxigraph writes
    them from the sorted ``lines``."""
    if not lines:
        return
    written = io.BytesIO()
    write_turtle_body(b"".join(line + b"\n" for line in lines), written)
    body = written.getvalue()
    starts = [0, *_block_starts(body)]
    for start, end in zip(starts, [*starts[1:], len(body)], strict=True):
        yield _head(body, start), body[start:end]


def _block_starts(body: bytes) -> Iterator[int]:
    """Where each block but the first starts: after a line break, a line without the
    tab that a block's later lines start with."""
    at = body.find(b"\n")
    while 0 <= at < len(body) - 1:
        if body[at + 1 : at + 2] != b"\t":
            yield at + 1
        at = body.find(b"\n", at + 1)


def _head(text: bytes | FileText, start: int) -> bytes:
    """The subject of the block at ``start`` as its lines start (``b"<iri> "``): a
    prefixed name is written out, its escapes (``\\.``, ``\\/``...) taken away."""
    token = text[start : text.find(b" ", start)]
    if token.startswith(b"<"):
        return token + b" "
    prefix, _, local = token.partition(b":")
    if b"\\" in local:
        local = _unescaped(local)
    return b"<" + _PREFIXES[prefix] + local + b"> "


def _unescaped(local: bytes) -> bytes:
    """A local name without its escapes (a backslash stands before the character).

    >>> _unescaped(b"a\\\\/b\\\\.")
    b'a/b.'
    """
    out, at = bytearray(), 0
    while at < len(local):
        if local[at : at + 1] == b"\\":
            at += 1
        out += local[at : at + 1]
        at += 1
    return bytes(out)


def _splice(
    text: FileText, body: int, heads: list[bytes], blocks: dict[bytes, bytes], handle: BinaryIO
) -> None:
    """Write the old Turtle ``text`` from ``body`` on with the block of each of
    ``heads`` (sorted) taken out and the block in ``blocks`` put in its place."""
    size, written = len(text), body
    for head in heads:
        at = _seek(text, head, written, size)
        end = _block_end(text, at, size) if at < size and _head(text, at) == head else at
        text.copy(written, at, handle)
        handle.write(blocks.get(head, b""))
        written = end
    text.copy(written, size, handle)


def _seek(text: FileText, head: bytes, low: int, high: int) -> int:
    """Where the first block from ``low`` (a block's start) whose subject is not below
    ``head`` starts (``high``: none)."""
    while low < high:
        start = _block_start(text, (low + high) // 2, low)
        if _head(text, start) < head:
            low = _block_end(text, start, high)
        else:
            high = start
    return low


def _block_start(text: FileText, at: int, low: int) -> int:
    """The start of the block holding ``at`` (``low``, a block's start, at the most)."""
    while True:
        found = text.rfind(b"\n", low, at)
        if found < 0:
            return low
        if text[found + 1 : found + 2] != b"\t":
            return found + 1
        at = found


def _block_end(text: FileText, start: int, high: int) -> int:
    """Where the block starting at ``start`` ends: the next block's start, or ``high``."""
    at = start
    while True:
        found = text.find(b"\n", at, high)
        if found < 0 or found + 1 >= high:
            return high
        if text[found + 1 : found + 2] != b"\t":
            return found + 1
        at = found + 1
