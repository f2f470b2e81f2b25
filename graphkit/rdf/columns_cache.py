"""The views' columns of an export folder's graph, kept with it for the next build or
view (issue 15).

What the views read of a graph (:class:`~graphkit.rdf.columns.Columns`) is made by
every build that draws them. Made again from the lines file, it costs the most of
what still grows with the graph in a build that grows it (``--into``): at 5,000
articles, 10.5 million lines read by two processes for 16 s of the 35 s such a build
took, then 3 s to take their columns in; and ``graphkit view OUT/`` read the graph
back out of its store, a predicate at a time (12.5 s at 1,000 articles). Kept
pickled, they load in a tenth of that (0.25 s at 1,000 articles).

The file is ``OUT/.graphkit/columns/<hash>.pickle``, where ``<hash>`` is the start of
the SHA-256 of the graph's lines file (:data:`~graphkit.rdf.triples.LINES_FILE`) as
the folder's manifest lists it, as for the folder's store
(:mod:`graphkit.sparql.store`). It is written once the build's files are in place, so
a build stopped before leaves none, and it is used only while the lines file is the
one the manifest lists (:func:`graphkit.files.check_set`). It is a cache, not an
export: not in the manifest, and a file that cannot be read or is not one is passed
over for the lines file, whose columns are read as before. Loading runs no code of
the file's choosing (:meth:`Columns.add_dumped`). A new file removes the older ones.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from graphkit.files import WORK, check_set, read_manifest
from graphkit.rdf.columns import Columns
from graphkit.rdf.triples import LINES_FILE

__all__ = [
    "COLUMNS_CACHE", "cached_columns", "load_cached_columns", "save_columns", "take_kept",
]  # fmt: skip

COLUMNS_CACHE = f"{WORK}/columns"
_HASH_CHARS = 16
_SUFFIX = ".pickle"


def _place(folder: Path) -> Path | None:
    """Where the columns of ``folder``'s graph are kept: None when its manifest lists
    no lines file."""
    digest = (read_manifest(folder) or {}).get(LINES_FILE)
    return folder / COLUMNS_CACHE / f"{digest[:_HASH_CHARS]}{_SUFFIX}" if digest else None


def cached_columns(folder: Path) -> Path | None:
    """The file of the columns kept with ``folder``'s graph, when there is one and the
    lines file is the one its manifest lists; else None."""
    place = _place(folder)
    if place is None or not place.is_file() or check_set(folder, [LINES_FILE]):
        return None
    return place


def load_cached_columns(folder: Path, predicates: Iterable[object]) -> Columns | None:
    """The columns of ``predicates`` kept with ``folder``'s graph, or None (none kept,
    of another graph, of other predicates, or not a file of columns)."""
    place = cached_columns(folder)
    columns = Columns(predicates)
    return columns if place is not None and take_kept(columns, place) else None


def take_kept(columns: Columns, place: Path) -> bool:
    """Whether the empty ``columns`` took in the kept columns in the file ``place``;
    False leaves them empty (see :meth:`Columns.add_dumped`)."""
    try:
        with place.open("rb") as handle:
            columns.add_dumped(handle)
    # a damaged or foreign file may fail in any way a pickle can: it is only a cache
    except Exception:  # noqa: BLE001
        return False
    return True


def save_columns(folder: Path, columns: Columns) -> Path | None:
    """Keep ``columns``, the views' columns of the graph whose files were just put in
    place in ``folder``, and remove the older files; None when it could not be written
    (the build is done: the next one reads the lines file instead)."""
    place = _place(folder)
    if place is None:
        return None
    partial = place.with_name(f".{place.name}.{os.getpid()}.tmp")
    try:
        place.parent.mkdir(parents=True, exist_ok=True)
        with partial.open("wb") as handle:
            columns.dump(handle)
        os.replace(partial, place)
        for other in place.parent.iterdir():
            if other != place:  # older graphs' columns, or one whose writing was stopped
                other.unlink(missing_ok=True)
    except OSError:
        partial.unlink(missing_ok=True)
        return None
    return place
