"""A big sorted file read here and there, and copied, without mapping it (issue 15).

Growing a graph (``--into``) seeks in the old lines file and the old Turtle by binary
search and copies the bytes between the places it changes. Done through ``mmap``, each
place touched mapped the pages around it into the process (the kernel maps up to
64 KB around a page fault): the 20,000 seeks of ten new articles onto 5,000 mapped
1.55 GB of the 1.65 GB lines file, which counted in the build's resident memory until
the end (3.3 GB at its peak where its own objects took 1.7). :class:`FileText` answers
the few questions those searches ask (length, slices, ``find``, ``rfind``) with
``os.pread`` of small blocks, kept a few at a time; :func:`copy_range` copies through
one buffer.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable
from typing import BinaryIO

from graphkit.errors import ExportError

__all__ = ["FileText", "Text", "copy_range", "line_at", "seek_line"]

_BLOCK = 1 << 16  # bytes read at a time by a search
_KEPT = 64  # blocks kept: a binary search's last steps fall in the same few
_COPIED = 1 << 20  # bytes copied at a time
_NEAR = 1 << 16  # a search's last bytes, read at once and searched in memory


class FileText:
    """The bytes of the open file ``source`` (not changed while in use), read as
    asked for.

    >>> import tempfile
    >>> with tempfile.TemporaryFile() as f:
    ...     _ = f.write(b"<a> 1\\n<b> 2\\n")
    ...     f.flush()
    ...     text = FileText(f)
    ...     len(text), text[4:9], text.find(b"\\n", 6), text.rfind(b"\\n", 0, 11)
    (12, b'1\\n<b>', 11, 5)
    """

    def __init__(self, source: BinaryIO) -> None:
        self._source = source
        self._fd = source.fileno()
        self._size = os.fstat(self._fd).st_size
        self._blocks: OrderedDict[int, bytes] = OrderedDict()

    def __len__(self) -> int:
        return self._size

    def _block(self, number: int) -> bytes:
        found = self._blocks.get(number)
        if found is None:
            found = self._blocks[number] = os.pread(self._fd, _BLOCK, number * _BLOCK)
            if len(self._blocks) > _KEPT:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        return found

    def __getitem__(self, cut: slice) -> bytes:
        start, stop, step = cut.indices(self._size)
        if step != 1:
            raise ValueError("a FileText is sliced in order")
        if stop - start > 4 * _BLOCK:  # a long stretch: read at once, not kept
            return os.pread(self._fd, stop - start, start)
        parts = []
        at = start
        while at < stop:
            number, offset = divmod(at, _BLOCK)
            part = self._block(number)[offset : offset + stop - at]
            if not part:
                break
            parts.append(part)
            at += len(part)
        return b"".join(parts)

    def copy(self, start: int, end: int, handle: BinaryIO) -> int:
        """Write bytes ``start`` to ``end`` into ``handle`` (:func:`copy_range`); return
        how many line breaks they hold."""
        return copy_range(self._source, start, end, handle)

    def find(self, sub: bytes, start: int = 0, end: int | None = None) -> int:
        """The first place of ``sub`` (one byte, or a few) from ``start`` on, -1: none."""
        end = self._size if end is None else min(end, self._size)
        at = max(start, 0)
        while at < end:
            stop = min(end, (at // _BLOCK + 1) * _BLOCK + len(sub) - 1)
            found = self[at:stop].find(sub)
            if found >= 0:
                return at + found
            at = (at // _BLOCK + 1) * _BLOCK
        return -1

    def rfind(self, sub: bytes, start: int = 0, end: int | None = None) -> int:
        """The last place of ``sub`` wholly between ``start`` and ``end``, -1: none."""
        end = self._size if end is None else min(end, self._size)
        start = max(start, 0)
        while end > start:
            low = max(start, ((end - 1) // _BLOCK) * _BLOCK - len(sub) + 1)
            found = self[low:end].rfind(sub)
            if found >= 0:
                return low + found
            end = low + len(sub) - 1 if low > start else start
        return -1


def copy_range(source: BinaryIO, start: int, end: int, handle: BinaryIO) -> int:
    """Write bytes ``start`` to ``end`` of the open file ``source`` into ``handle`` a
    block at a time, and return how many line breaks they hold."""
    breaks, at, fd = 0, start, source.fileno()
    while at < end:
        block = os.pread(fd, min(_COPIED, end - at), at)
        if not block:
            raise ExportError(f"{getattr(source, 'name', 'a file')} ended at byte {at}, not {end}")
        breaks += block.count(b"\n")
        handle.write(block)
        at += len(block)
    return breaks


Text = bytes | FileText  # a sorted file's bytes, read or opened


def line_at(text: Text, start: int, size: int) -> bytes:
    """The line of ``text`` starting at ``start`` (b"" at the end), without its break.

    >>> line_at(b"<a> 1\\n<b> 2", 6, 11)
    b'<b> 2'
    """
    end = text.find(b"\n", start)
    return text[start : end if end >= 0 else size]


def seek_line(
    text: Text,
    key: bytes,
    low: int,
    high: int,
    key_of: Callable[[bytes], bytes] | None = None,
) -> int:
    """Where the first line of ``text`` not below ``key`` starts (``high``: none), the
    lines from ``low`` to ``high`` (each a line's start, or the end) being sorted; by
    ``key_of(line)`` if given.

    >>> text = b"<a> 1\\n<b> 2\\n<b> 3\\n<c> 4\\n"
    >>> seek_line(text, b"<b>", 0, len(text)), seek_line(text, b"<b>\\xff", 0, len(text))
    (6, 18)
    """
    while low < high:
        if high - low <= _NEAR and isinstance(text, FileText):
            # the last steps in memory: through a FileText, each step's three reads
            # cost more than the comparison (2.4 million of them for 50,000 searches
            # in a 1.6 GB file)
            near = text[low:high]
            return low + seek_line(near, key, 0, len(near), key_of)
        middle = (low + high) // 2
        start = text.rfind(b"\n", low, middle) + 1 or low  # the line holding ``middle``
        line = line_at(text, start, high)
        if (line if key_of is None else key_of(line)) < key:
            low = min(start + len(line) + 1, high)
        else:
            high = start
    return low
