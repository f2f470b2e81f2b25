"""The graph as sorted N-Triples lines, and its RDF serializations by pyoxigraph.

:func:`graphkit.rdf.build.build_graph` adds its triples to a sink; a build uses
:class:`TripleLines`, which keeps each triple as one N-Triples line, under its
subject. Those lines are the graph: a triple added twice is one line, and sorting the
lines orders the triples by subject, then predicate, then object (lines that share a
subject share a prefix, so they stay together). pyoxigraph reads the sorted lines and writes Turtle,
N-Triples and TriG in that order: the same graph gives the same bytes, whatever order
its triples were added in (issue 15: rdflib's in-memory graph cost about 0.93 KB and
28 µs a triple, and its Turtle writer grew faster than the graph).

rdflib and pyoxigraph graphs are made from the lines on demand
(:func:`rdflib_graph`, :func:`store_of`), for the API and the exports that read one.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "LINES_FILE", "Lit", "TripleLines", "date_literal",
    "decimal", "line_of", "literal", "ntriples_bytes", "rdflib_graph", "read_lines",
    "serialize", "store_from_file", "store_of", "string_literal", "term_text", "text",
    "typed_literal",
]  # fmt: skip

# the graph as sorted, unique N-Triples lines, in every export set: what a build that
# grows the graph (``--into``) merges its new lines into, and what the Turtle, the
# N-Triples and a grown graph's views are streamed from (hidden: it is no format to read)
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
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_DATE_TYPES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "date"),
    (re.compile(r"\d{4}-\d{2}"), "gYearMonth"),
    (re.compile(r"\d{4}"), "gYear"),
)


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


# offsets and counts take few values; True == 1, so typed keeps the two apart
@lru_cache(maxsize=1 << 12, typed=True)
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


# a sentence is written once for each of its assertions, a type or a name for each of
# its entities or mentions: at 1,000 articles, 98% of the texts asked for were known
@lru_cache(maxsize=1 << 14)
def text(value: str) -> Lit:
    """A string literal; a lone surrogate, which no RDF syntax (nor UTF-8) can carry,
    becomes U+FFFD. Everything else, NUL and control characters included, is kept
    (escaped as Oxigraph escapes them).

    >>> text("a\\ud800b") == string_literal("a\\ufffdb"), text("a\\x00b")
    (True, '"a\\\\u0000b"')
    """
    return string_literal(value if value.isascii() else _LONE_SURROGATE.sub("\ufffd", value))


@lru_cache(maxsize=1 << 10)  # confidences and intensities take few values
def decimal(value: float) -> Lit:
    """An ``xsd:decimal`` whose lexical form is the same in every syntax (no exponent,
    at most six places); a value that is not finite counts as 0.

    >>> [decimal(v).split('"')[1] for v in (0.81, 1, 1e-7, float("nan"))]
    ['0.81', '1.0', '0.0', '0.0']
    """
    number = float(value) if math.isfinite(value) else 0.0
    lexical = f"{number:.6f}".rstrip("0")
    return typed_literal(lexical + "0" * lexical.endswith("."), "decimal")


def date_literal(value: str) -> Lit:
    """A resolved date with its precision as an XSD type; other forms stay strings.

    >>> [date_literal(v).split("#")[1] for v in ("2024-11-06", "2025-01", "2025")]
    ['date>', 'gYearMonth>', 'gYear>']
    >>> print(date_literal("2024-W44"))
    "2024-W44"
    """
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(value):
            return typed_literal(value, datatype)
    return text(value)


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


class _Texts(dict[Node | Lit, str]):
    """Terms as N-Triples writes them, each written when first asked for."""

    def __missing__(self, term: Node | Lit) -> str:
        text = self[term] = term_text(term)
        return text


class TripleLines:
    """A sink of triples (``add``, as an rdflib graph has, and ``add_all`` for the
    triples of one subject), kept as unique N-Triples lines; :meth:`sorted` gives them
    in the graph's one order."""

    def __init__(self) -> None:
        # each subject's lines, under the subject's text: a subject ``<...>`` holds no
        # other ``>``, so no subject's text begins another's, and sorting the subjects,
        # then each one's lines, orders the lines as sorting them all would, in a third
        # of the time (few lines of one subject to compare, and those close together).
        # Lists, not sets: a line added twice goes when they are sorted, and 280,000
        # small sets at 1,000 articles held 150 MB more than their lists
        self._subjects: dict[str, list[str]] = {}
        # an IRI's text, made once: predicates, and each node's, repeat in every
        # triple about it (a third of the graph's time went to writing them again)
        self._iris = _Texts()
        self._held = 0  # lines added since the lines were last let go (a line twice, twice)

    def add(self, triple: tuple[Node, Node, Node | Lit]) -> None:
        s, p, o = triple
        self.add_all(s, ((p, o),))

    def add_all(self, subject: Node, pairs: Iterable[tuple[Node, Node | Lit]]) -> None:
        """Add a triple ``subject predicate object`` for each ``(predicate, object)``:
        the subject's text and its lines are looked up once, not once a triple."""
        iris = self._iris
        if len(iris) > _IRIS_KEPT:
            iris.clear()
        head = iris[subject]
        lines = self._subjects.get(head)
        if lines is None:
            lines = self._subjects[head] = []
        had = len(lines)
        lines += [
            "".join((head, " ", iris[p], " ", o if type(o) is Lit else iris[o], " ."))
            for p, o in pairs
        ]
        self._held += len(lines) - had

    @property
    def lines(self) -> set[str]:
        """The lines, each once, in no order."""
        return set().union(*self._subjects.values())

    def add_lines(self, lines: Iterable[str]) -> None:
        """Add lines already written (by another sink), each under its subject."""
        for line in lines:
            head = line[: line.index("> ") + 1]
            self._subjects.setdefault(head, []).append(line)
            self._held += 1

    def sorted(self) -> tuple[str, ...]:
        """The lines, each once, in order."""
        subjects = self._subjects
        ordered: list[str] = []
        for head in sorted(subjects):
            ordered += sorted(set(subjects[head]))
        return tuple(ordered)


def ntriples_bytes(lines: Iterable[str]) -> bytes:
    """``lines`` as an N-Triples text, in UTF-8, a ``\\n`` after each (one join: a
    copy of each line with its break took twice the time).

    >>> ntriples_bytes(["<a> <b> <c> ."]), ntriples_bytes([])
    (b'<a> <b> <c> .\\n', b'')
    """
    return "\n".join([*lines, ""]).encode("utf-8")


def serialize(lines: Sequence[str], fmt: str, prefixes: dict[str, str] | None = None) -> str:
    """The sorted ``lines`` written by pyoxigraph as ``fmt`` (``turtle`` or
    ``ntriples``), in their order, with ``prefixes`` for Turtle."""
    import pyoxigraph as ox

    formats = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}
    # read a slice at a time: the whole graph as one N-Triples text would double it
    triples = itertools.chain.from_iterable(
        ox.parse(ntriples_bytes(lines[at : at + _SLICE]), ox.RdfFormat.N_TRIPLES)
        for at in range(0, len(lines), _SLICE)
    )
    written = ox.serialize(triples, format=formats[fmt], prefixes=prefixes or {})
    return written.decode("utf-8") if written else ""


def rdflib_graph(lines: Iterable[str], prefixes: dict[str, str] | None = None) -> Graph:
    """An rdflib graph holding the lines' triples, with ``prefixes`` bound."""
    graph = Graph()
    for prefix, namespace in (prefixes or {}).items():
        graph.bind(prefix, namespace, override=True, replace=True)
    data = ntriples_bytes(lines)
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def store_of(graph: Graph | Iterable[str]) -> pyoxigraph.Store:
    """An in-memory pyoxigraph store holding a build's N-Triples lines, or an rdflib
    graph's triples."""
    import pyoxigraph as ox

    lines = (line_of(triple) for triple in graph) if isinstance(graph, Graph) else graph
    store = ox.Store()
    data = ntriples_bytes(lines)
    if data:
        store.load(data, ox.RdfFormat.N_TRIPLES)  # in memory: see store_from_file
    return store


def store_from_file(path: Path) -> pyoxigraph.Store:
    """An in-memory pyoxigraph store holding the N-Triples file at ``path`` (read by
    pyoxigraph a block at a time)."""
    import pyoxigraph as ox

    store = ox.Store()
    _load_file(store, path)
    return store


def _load_file(store: pyoxigraph.Store, path: Path) -> None:
    import pyoxigraph as ox

    if path.stat().st_size:
        # ``load``, not ``bulk_load``: in memory, bulk loading's buffers only add to the
        # peak (1,000 articles: 0.72 GB against 0.91, in 6.2 s against 6.6, issue 15)
        store.load(path=str(path), format=ox.RdfFormat.N_TRIPLES)


def read_lines(path: Path) -> tuple[str, ...]:
    """The lines of a graph's N-Triples file (:data:`LINES_FILE`), without breaks."""
    return tuple(path.read_text(encoding="utf-8").splitlines())
