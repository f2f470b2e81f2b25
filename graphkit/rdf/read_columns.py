"""The program that reads an old graph's lines file into the views' columns, in a
process of its own (:class:`graphkit.rdf.columns_loader.ColumnsLoader` starts it).

    python -m graphkit.rdf.read_columns LINES FD START END PREDICATE...

reads the lines of the lines file ``LINES`` from byte ``START`` to byte ``END`` (a
line's start, the next part's) into :class:`~graphkit.rdf.columns.Columns` of the
predicates and writes them, pickled, into the open file ``FD`` it was handed; a
failure is one line on standard error and exit code 1. No module of graphkit imports
this one: run as a program, it is loaded once.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from graphkit.rdf.columns import Columns

_BLOCK = 1 << 24  # bytes read at a time


def _main(lines: str, place: str, start: str, end: str, *predicates: str) -> int:
    gc.disable()  # millions of strings, no cycles, and a process that ends
    columns = Columns(predicates)
    try:
        columns.add_lines(_lines_between(Path(lines), int(start), int(end)))
        with os.fdopen(int(place), "wb") as out:
            columns.dump(out)
    except (OSError, ValueError) as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


def _lines_between(path: Path, start: int, end: int) -> Iterator[str]:
    """The lines of the file at ``path`` from byte ``start`` to byte ``end``, read a
    block at a time."""
    with path.open("rb") as handle:
        handle.seek(start)
        left, rest = end - start, b""
        while left > 0:
            block = handle.read(min(_BLOCK, left))
            if not block:
                break
            left -= len(block)
            block = rest + block
            cut = block.rfind(b"\n") + 1
            rest = block[cut:]
            # at b"\n" only: a literal may hold U+2028 or U+0085, which splitlines cuts at
            yield from block[:cut].decode("utf-8").split("\n")[:-1]
        if rest:
            yield rest.decode("utf-8")


if __name__ == "__main__":
    sys.exit(_main(*sys.argv[1:]))
