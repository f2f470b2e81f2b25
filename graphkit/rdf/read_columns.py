"""The program that reads an old graph's lines file into the views' columns, in a
process of its own (:class:`graphkit.rdf.columns_loader.ColumnsLoader` starts it).

    python -m graphkit.rdf.read_columns LINES FD PREDICATE...

reads the lines file ``LINES`` into :class:`~graphkit.rdf.columns.Columns` of the
predicates and writes them, pickled, into the open file ``FD`` it was handed; a
failure is one line on standard error and exit code 1. No module of graphkit imports
this one: run as a program, it is loaded once.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from graphkit.rdf.columns import Columns


def _main(lines: str, place: str, *predicates: str) -> int:
    gc.disable()  # millions of strings, no cycles, and a process that ends
    columns = Columns(predicates)
    try:
        columns.add_file(Path(lines))
        with os.fdopen(int(place), "wb") as out:
            columns.dump(out)
    except (OSError, ValueError) as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(*sys.argv[1:]))
