"""The graph as sorted N-Triples lines, and its RDF serializations by pyoxigraph.

:func:`graphkit.rdf.build.build_graph` adds its triples to a sink; a build uses
:class:`TripleLines`, which keeps each triple as one N-Triples line in a set. That set
is the graph: a triple added twice is one line, and sorting the lines orders the
triples by subject, then predicate, then object (lines that share a subject share a
prefix, so they stay together). pyoxigraph reads the sorted lines and writes Turtle,
N-Triples and TriG in that order: the same graph gives the same bytes, whatever order
its triples were added in (issue 15: rdflib's in-memory graph cost about 0.93 KB and
28 µs a triple, and its Turtle writer grew faster than the graph).

rdflib and pyoxigraph graphs are made from the lines on demand
(:func:`rdflib_graph`, :func:`store_of`), for the API and the exports that read one.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "LINES_FILE", "Lit", "TripleLines", "line_of", "literal", "rdflib_graph", "read_lines",
    "serialize",
    "store_from_file", "store_of", "string_literal", "term_text", "typed_literal",
]  # fmt: skip

# the graph as sorted, unique N-Triples lines, in every export set: what a build that
# grows the graph (``--into``) merges its new lines into, and what the Turtle, the
# N-Triples and the views' store are streamed from (hidden: it is no format to read)
LINES_FILE = ".graph.nt"
_SLICE = 50_000
_IRIS_KEPT = 200_000
_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
# as Oxigraph writes a literal, so that a line read back from a store is the same line
_ESCAPES = str.maketrans(
    {
        **{chr(c): f"\\u{c:04X}" for c in [*range(0x20), 0x7F]},
        "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r",
        '"': '\\"', "\\": "\\\\",
    }
)  # fmt: skip


class Lit(str):
    """A literal already written as N-Triples writes it: making one costs a string,
    not an rdflib ``Literal`` (about 20 µs a triple less, issue 15)."""

    __slots__ = ()


def string_literal(value: str) -> Lit:
    """A plain string literal.

    >>> print(string_literal('say "no"'))
    "say \\"no\\""
    """
    return Lit('"' + value.translate(_ESCAPES) + '"')


def typed_literal(lexical: str, datatype: str) -> Lit:
    """A literal of an XSD type, by its lexical form and the type's local name.

    >>> print(typed_literal("2024-11", "gYearMonth"))
    "2024-11"^^<http://www.w3.org/2001/XMLSchema#gYearMonth>
    """
    return Lit(f'"{lexical.translate(_ESCAPES)}"^^<{_XSD}{datatype}>')


_TRUE, _FALSE = typed_literal("true", "boolean"), typed_literal("false", "boolean")


def literal(value: bool | int | str) -> Lit:
    """A boolean, integer or string literal.

    >>> print(literal(True), literal("x"))
    "true"^^<http://www.w3.org/2001/XMLSchema#boolean> "x"
    >>> print(literal(7))
    "7"^^<http://www.w3.org/2001/XMLSchema#integer>
    """
    if value is True or value is False:
        return _TRUE if value else _FALSE
    if isinstance(value, int):
        return typed_literal(str(value), "integer")
    return string_literal(value)


def term_text(term: Node | Lit) -> str:
    """A term as N-Triples writes it.

    >>> term_text(URIRef("urn:a")), term_text(Literal('say "no"\\n'))
    ('<urn:a>', '"say \\\\"no\\\\"\\\\n"')
    >>> term_text(Literal(3))
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    """
    kind = type(term)
    if kind is Lit:
        return str.__str__(term)
    if kind is URIRef:
        return f"<{term}>"  # minted by rule (graphkit.rdf.iri): never from raw text
    if isinstance(term, Literal):
        value = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{value}@{term.language}"
        datatype = term.datatype
        if datatype is None or str(datatype) == _XSD_STRING:
            return value
        return f"{value}^^<{datatype}>"
    if isinstance(term, URIRef):
        return f"<{term}>"  # minted by rule (graphkit.rdf.iri): never from raw text
    raise TypeError(f"no blank nodes or variables in graphkit's graph: {term!r}")


def line_of(triple: tuple[Node | Lit, Node, Node | Lit]) -> str:
    """One N-Triples line, without its newline."""
    s, p, o = triple
    return f"{term_text(s)} {term_text(p)} {term_text(o)} ."


class TripleLines:
    """A sink of triples (``add``, as an rdflib graph has), kept as unique N-Triples
    lines; :meth:`sorted` gives them in the graph's one order."""

    def __init__(self) -> None:
        self.lines: set[str] = set()
        # an IRI's text, made once: predicates, and each node's, repeat in every
        # triple about it (a third of the graph's time went to writing them again)
        self._iris: dict[Node | Lit, str] = {}

    def add(self, triple: tuple[Node | Lit, Node, Node | Lit]) -> None:
        s, p, o = triple
        iris = self._iris
        if len(iris) > _IRIS_KEPT:
            iris.clear()
        subject = iris.get(s) or iris.setdefault(s, term_text(s))
        predicate = iris.get(p) or iris.setdefault(p, term_text(p))
        obj = str.__str__(o) if type(o) is Lit else iris.get(o) or iris.setdefault(o, term_text(o))
        self.lines.add(f"{subject} {predicate} {obj} .")

    def __len__(self) -> int:
        return len(self.lines)

    def sorted(self) -> tuple[str, ...]:
        return tuple(sorted(self.lines))


def _ntriples(lines: Iterable[str]) -> bytes:
    return "".join(line + "\n" for line in lines).encode("utf-8")


def serialize(lines: Sequence[str], fmt: str, prefixes: dict[str, str] | None = None) -> str:
    """The sorted ``lines`` written by pyoxigraph as ``fmt`` (``turtle`` or
    ``ntriples``), in their order, with ``prefixes`` for Turtle."""
    import pyoxigraph as ox

    formats = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
    # read a slice at a time: the whole graph as one N-Triples text would double it
    triples = itertools.chain.from_iterable(
        ox.parse(_ntriples(lines[at : at + _SLICE]), ox.RdfFormat.N_TRIPLES)
        for at in range(0, len(lines), _SLICE)
    )
    written = ox.serialize(triples, format=formats[fmt], prefixes=prefixes or {})
    return written.decode("utf-8") if written else ""


def rdflib_graph(lines: Iterable[str], prefixes: dict[str, str] | None = None) -> Graph:
    """An rdflib graph holding the lines' triples, with ``prefixes`` bound."""
    graph = Graph()
    for prefix, namespace in (prefixes or {}).items():
        graph.bind(prefix, namespace, override=True, replace=True)
    data = _ntriples(lines)
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def store_of(graph: Graph | Iterable[str]) -> pyoxigraph.Store:
    """An in-memory pyoxigraph store holding a build's N-Triples lines, or an rdflib
    graph's triples."""
    import pyoxigraph as ox

    lines = (line_of(triple) for triple in graph) if isinstance(graph, Graph) else graph
    store = ox.Store()
    data = _ntriples(lines)
    if data:
        store.bulk_load(data, ox.RdfFormat.N_TRIPLES)
    return store


def store_from_file(path: Path) -> pyoxigraph.Store:
    """An in-memory pyoxigraph store holding the N-Triples file at ``path`` (read by
    pyoxigraph a block at a time)."""
    import pyoxigraph as ox

    store = ox.Store()
    if path.stat().st_size:
        store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    return store


def read_lines(path: Path) -> tuple[str, ...]:
    """The lines of a graph's N-Triples file (:data:`LINES_FILE`), without breaks."""
    return tuple(path.read_text(encoding="utf-8").splitlines())
