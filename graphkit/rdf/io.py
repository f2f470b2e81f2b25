"""Reading a graph file back, in one place for every command that reads one.

The format comes from the file's suffix (``.ttl``, ``.nt``, ``.trig``, ``.nq``,
``.jsonld``, ``.rdf``/``.xml``); a TriG or N-Quads file's named graphs (one per
article) are united into one graph, so every command sees the same triples whichever
format was exported. :func:`load_store` gives a pyoxigraph store (SPARQL, which
rdflib answers too slowly on joins; the views and the stats, which rdflib held in
too much memory); :func:`load_graph` an rdflib graph (SHACL validation).
:func:`store_of` puts a build's N-Triples lines, or an rdflib graph, into a store.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph
from rdflib.util import guess_format

from graphkit.errors import QueryError
from graphkit.files import check_set
from graphkit.rdf.triples import store_of

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["check_whole", "load_graph", "load_store", "store_of"]

_QUAD_FORMATS = frozenset({"trig", "nquads"})


def _format(path: Path) -> str:
    fmt = guess_format(str(path)) or ("turtle" if not path.suffix else None)
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF format {path.suffix!r}")
    return fmt


def check_whole(path: Path) -> None:
    """Refuse a graph file that is not the one its export folder's manifest lists (a
    build was stopped while writing, or the file was changed since)."""
    wrong = check_set(path.parent, [path.name])
    if wrong:
        raise QueryError(
            f"{'; '.join(wrong)}: the export set in {path.parent} is not whole; "
            "build the graph again (or run any build into that folder, which finishes "
            "a commit that was cut short)"
        )


def load_graph(path: Path) -> Graph:
    """The rdflib graph in the RDF file at ``path`` (the named graphs of a TriG or
    N-Quads file united)."""
    check_whole(path)
    fmt = _format(path)
    try:
        if fmt in _QUAD_FORMATS:
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            graph = Graph()
            for s, p, o, _ in dataset.quads():
                graph.add((s, p, o))
            return graph
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # any parser's error on a bad file: one clear message
        raise QueryError(f"{path}: cannot load graph: {exc}") from exc


def load_store(path: Path) -> pyoxigraph.Store:
    """An in-memory pyoxigraph store holding the RDF file at ``path``."""
    import pyoxigraph as ox

    check_whole(path)
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".") or "ttl")
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF format {path.suffix!r}")
    store = ox.Store()
    try:
        store.load(path=str(path), format=fmt)  # in memory: see triples.store_from_file
    except (OSError, SyntaxError, ValueError) as exc:
        raise QueryError(f"{path}: cannot load graph: {exc}") from exc
    return store
