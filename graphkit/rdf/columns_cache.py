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
the file's choosing (:meth:`Columns.add_dumped`).

Writing all the columns again after a build that grew the graph would cost what the
graph costs (2.2 s at 5,000 articles). Such a build keeps only what it changed:
``<hash>.changes`` names the file of the graph it grew and holds the lines the merge
took out and put in (:meth:`Columns.change`), which are changed again in those columns
when they are loaded. After :data:`MAX_LINKS` such files in a row, all the columns are
written again. A new file removes every file its own do not lead back to.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterable, Sequence
from pathlib import Path

from graphkit.files import WORK, check_set, read_manifest
from graphkit.rdf.columns import Columns, load_plain
from graphkit.rdf.triples import LINES_FILE

__all__ = [
    "COLUMNS_CACHE", "MAX_LINKS", "cached_columns", "keeps_changes", "load_cached_columns",
    "save_columns", "take_kept",
]  # fmt: skip

COLUMNS_CACHE = f"{WORK}/columns"
MAX_LINKS = 8  # changes files in a row before all the columns are written again
_HASH_CHARS = 16
_WHOLE, _CHANGES = ".pickle", ".changes"
_CHANGED = "graphkit column changes 1"  # what a changes file holds first, and its version
Changes = Sequence[tuple[Sequence[bytes], Sequence[bytes]]]  # (lines out, lines in), in turn


def _digest(folder: Path) -> str | None:
    """The start of the digest of ``folder``'s lines file, as its manifest lists it."""
    digest = (read_manifest(folder) or {}).get(LINES_FILE)
    return digest[:_HASH_CHARS] if digest else None


def cached_columns(folder: Path) -> Path | None:
    """The file of the columns kept with ``folder``'s graph (all of them, or the changes
    to another file's), when there is one and the lines file is the one its manifest
    lists; else None."""
    digest = _digest(folder)
    if digest is None:
        return None
    for suffix in (_WHOLE, _CHANGES):
        place = folder / COLUMNS_CACHE / f"{digest}{suffix}"
        if place.is_file():
            return None if check_set(folder, [LINES_FILE]) else place
    return None


def load_cached_columns(folder: Path, predicates: Iterable[object]) -> Columns | None:
    """The columns of ``predicates`` kept with ``folder``'s graph, or None (none kept,
    of another graph, of other predicates, or not a file of columns)."""
    place = cached_columns(folder)
    columns = Columns(predicates)
    return columns if place is not None and take_kept(columns, place) is not None else None


def take_kept(columns: Columns, place: Path) -> list[Path] | None:
    """The files the empty ``columns`` took in the kept columns of (``place``, and the
    files its changes lead back to, the whole columns last); None when they could
    not, which leaves them unusable."""
    try:
        chain = _chain(place)
        with chain[-1][0].open("rb") as handle:
            columns.add_dumped(handle)
        for _, changes in reversed(chain[:-1]):
            for removed, added in changes:
                columns.change(removed, added)
    # a damaged or foreign file may fail in any way a pickle can: it is only a cache
    except Exception:  # noqa: BLE001
        return None
    return [link for link, _ in chain]


def _read_changes(place: Path) -> tuple[str, Changes]:
    """The name of the file a changes file changes, and its changes."""
    with place.open("rb") as handle:
        found = load_plain(handle)
    if not (isinstance(found, tuple) and len(found) == 3 and found[0] == _CHANGED):
        raise ValueError(f"{place}: not graphkit's column changes")
    return str(found[1]), found[2]


def _chain(place: Path) -> list[tuple[Path, Changes]]:
    """``place`` and the files its changes lead back to, each with its changes (each
    changes file read once), the whole columns last (with none)."""
    chain: list[tuple[Path, Changes]] = []
    at = place
    while at.suffix == _CHANGES:
        if len(chain) >= MAX_LINKS:
            raise ValueError(f"{place}: changes of changes more than {MAX_LINKS} deep")
        previous, changes = _read_changes(at)
        chain.append((at, changes))
        at = place.with_name(previous)
    return [*chain, (at, ())]


def _links(place: Path) -> list[Path] | None:
    """The files of :func:`_chain` of ``place``; None when they cannot be followed (it
    was read a moment ago: a file gone or damaged since)."""
    try:
        return [link for link, _ in _chain(place)]
    except Exception:  # noqa: BLE001 - any way a pickle can fail: then all are written
        return None


def keeps_changes(links: list[Path] | None, most: int | None = None) -> bool:
    """Whether the columns of a graph grown from kept columns whose files are ``links``
    (:func:`take_kept`; None: none were loaded) are kept as their changes
    (:func:`save_columns`), not whole; ``most`` is the longest chain (by default
    :data:`MAX_LINKS`)."""
    return links is not None and len(links) <= (MAX_LINKS if most is None else most)


def save_columns(
    folder: Path, columns: Columns | Path | None, grown: Path | None = None, changes: Changes = ()
) -> Path | None:
    """Keep ``columns``, the views' columns of the graph whose files were just put in
    place in ``folder`` (or a file they were dumped into, which is moved), as the
    ``changes`` made to the columns of the file ``grown`` (the kept columns of the graph
    it grew) while that chain is short, else whole. Remove the files the new one does
    not lead back to. None when it could not be written (the build is done: the next
    one reads the lines file instead), or when they were to be kept whole and
    ``columns`` is None."""
    digest = _digest(folder)
    if digest is None:
        return None
    # the chain of the columns grown, read once: whether the changes may go on it, and
    # the files the new one leads back to (the others are removed)
    links = _links(grown) if grown is not None else None
    suffix = _CHANGES if keeps_changes(links) else _WHOLE
    place = folder / COLUMNS_CACHE / f"{digest}{suffix}"
    partial = place.with_name(f".{place.name}.{os.getpid()}.tmp")
    if suffix == _WHOLE and columns is None:
        return None
    try:
        place.parent.mkdir(parents=True, exist_ok=True)
        if suffix == _WHOLE and isinstance(columns, Path):
            partial = columns  # dumped already (by the views' process)
        else:
            with partial.open("wb") as handle:
                if suffix == _CHANGES and grown is not None:
                    kept = (_CHANGED, grown.name, [(list(r), list(a)) for r, a in changes])
                    pickle.dump(kept, handle, protocol=pickle.HIGHEST_PROTOCOL)
                elif isinstance(columns, Columns):
                    columns.dump(handle)
        os.replace(partial, place)
        chain = {place, *(links or ())} if suffix == _CHANGES else {place}
        for other in place.parent.iterdir():
            if other not in chain:  # older graphs' columns, or one whose writing was stopped
                other.unlink(missing_ok=True)
    except (OSError, ValueError, pickle.UnpicklingError):
        partial.unlink(missing_ok=True)
        return None
    return place
