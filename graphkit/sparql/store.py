"""An export folder's graph in an on-disk pyoxigraph store (RocksDB), kept with it.

``graphkit build`` writes the graph as files; loading ``graph.ttl`` again for every
query costs most of a query's time (issue 15: 5.5 s of 6.2 s at 1,000 articles).
The store is made once per graph: ``OUT/.graphkit/store/<hash>/``, where ``<hash>``
is the start of the SHA-256 of the graph file, as the folder's manifest lists it. A
new build changes the file, so the next ``graphkit serve`` or ``graphkit query OUT/``
makes a new store and leaves the old one to whoever still reads it: a store is never
changed once made, and a server started on it serves the graph of its build.

A store is built in a temporary folder beside its place and renamed into it, under
the export folder's build lock (:func:`graphkit.files.locked`): a build cannot change
the graph file while it is read, and a store folder that exists is whole. Whoever
uses a store holds a shared lock on ``<hash>.lock`` beside it; making a new store
removes the old ones that nobody holds.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from graphkit.errors import ExportError, InputError
from graphkit.files import WORK, check_set, file_digest, locked, read_manifest
from graphkit.rdf.columns import Columns
from graphkit.rdf.columns_cache import load_cached_columns, save_columns
from graphkit.rdf.columns_loader import ColumnsLoader
from graphkit.rdf.io import check_whole, load_store
from graphkit.rdf.reader import Columnar
from graphkit.rdf.triples import LINES_FILE

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "GRAPH_FILES", "STORES", "ensure_store", "graph_file", "open_graph", "open_view_graph",
    "using_store",
]  # fmt: skip

# The exports a store is made from, best first (every format a build writes that
# Oxigraph reads as it is; a TriG file's article graphs stay named graphs).
GRAPH_FILES = (LINES_FILE, "graph.ttl", "graph.nt", "graph.trig")
STORES = f"{WORK}/store"
_HASH_CHARS = 16


def graph_file(folder: Path) -> Path:
    """The graph export of the folder that a store is made from."""
    for name in GRAPH_FILES:
        if (folder / name).is_file():
            return folder / name
    if not folder.is_dir():
        raise InputError(f"{folder}: no such export folder")
    raise InputError(
        f"{folder}: no graph export ({', '.join(GRAPH_FILES)}); build it with "
        f"graphkit build ... --out {folder} (the default formats include turtle)"
    )


def _digest(folder: Path, path: Path) -> str:
    """The file's SHA-256: the manifest's word for it, else computed."""
    listed = (read_manifest(folder) or {}).get(path.name)
    return listed or file_digest(path)


def ensure_store(folder: Path) -> Path:
    """The folder of the store that holds ``folder``'s graph, made if it is not there
    yet (see the module docstring)."""
    with locked(folder, waiting=f"waiting for a build into {folder} to finish"):
        return _ensure(folder)


@contextlib.contextmanager
def using_store(folder: Path) -> Iterator[Path]:
    """The folder's store (made if need be), not removed while the block runs."""
    with contextlib.ExitStack() as stack:
        with locked(folder, waiting=f"waiting for a build into {folder} to finish"):
            store = _ensure(folder)
            # held before the folder's lock is let go: no one can prune it in between
            handle = stack.enter_context(store.with_name(f"{store.name}.lock").open("a"))
            fcntl.flock(handle, fcntl.LOCK_SH)
        yield store


@contextlib.contextmanager
def open_graph(path: Path) -> Iterator[pyoxigraph.Store]:
    """The graph at ``path`` in a pyoxigraph store: a graph file loaded in memory, or an
    export folder's on-disk store (made if need be), opened read-only."""
    import pyoxigraph as ox

    if not path.is_dir():
        yield load_store(path)
        return
    with using_store(path) as location:
        yield ox.Store.read_only(str(location))


@contextlib.contextmanager
def open_view_graph(path: Path) -> Iterator[pyoxigraph.Store | Columnar]:
    """What the views read of the graph at ``path``: the columns an export folder's
    build kept for them (:mod:`graphkit.rdf.columns_cache`; a tenth of the time of
    reading its store), or else read from its lines file and kept for the next view
    (a folder of an older graphkit, or of a build without views); a file, or a folder
    with no lines file, as :func:`open_graph` opens it."""
    if path.is_dir():
        from graphkit.export.formats import view_predicates

        columns = _view_columns(path, view_predicates())
        if columns is not None:
            yield columns
            return
    with open_graph(path) as store:
        yield store


def _view_columns(folder: Path, predicates: frozenset[object]) -> Columns | None:
    """The columns kept with ``folder``'s graph; else, when its lines file is the one
    its manifest lists, those read from it by processes of their own
    (:class:`ColumnsLoader`: at 5,000 articles 16 s, where the store took 124 s and
    minutes more to make), kept under the folder's lock; else None."""
    columns = load_cached_columns(folder, predicates)
    if columns is not None or LINES_FILE not in (read_manifest(folder) or {}):
        return columns
    with locked(folder, waiting=f"waiting for a build into {folder} to finish"):
        columns = load_cached_columns(folder, predicates)  # kept meanwhile
        if columns is None and not check_set(folder, [LINES_FILE]):
            loader = ColumnsLoader(predicates, folder / LINES_FILE)
            try:
                columns = loader.result()
            finally:
                loader.close()
            save_columns(folder, columns)
    return columns


def _ensure(folder: Path) -> Path:
    """:func:`ensure_store`, the folder's lock held."""
    import pyoxigraph as ox

    path = graph_file(folder)
    check_whole(path)  # a set cut short is refused, not served
    target = folder / STORES / _digest(folder, path)[:_HASH_CHARS]
    if target.is_dir():
        return target
    building = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    shutil.rmtree(building, ignore_errors=True)
    try:
        building.parent.mkdir(parents=True, exist_ok=True)
        store = ox.Store(str(building))
        store.bulk_load(path=str(path), format=ox.RdfFormat.from_extension(path.suffix[1:]))
        store.flush()
        del store  # closed: the server opens it next
        os.replace(building, target)
    except (OSError, SyntaxError, ValueError) as exc:
        shutil.rmtree(building, ignore_errors=True)
        raise ExportError(f"cannot make the store of {path} in {target}: {exc}") from exc
    _prune(target)
    return target


def _prune(kept: Path) -> None:
    """Remove the other stores of the folder that no server or query holds, and the
    half-made ones (the folder's lock is held: nobody is making one now)."""
    for other in sorted(kept.parent.iterdir()):
        if other.name.endswith(".tmp"):  # a store whose making was stopped
            shutil.rmtree(other, ignore_errors=True)
        if other == kept or not other.is_dir() or other.name.startswith("."):
            continue
        lock = other.with_name(f"{other.name}.lock")
        with lock.open("a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # still served or queried: left for a later build
            shutil.rmtree(other, ignore_errors=True)
            lock.unlink(missing_ok=True)
