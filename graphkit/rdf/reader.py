"""Reading a graph held in a pyoxigraph store, a predicate at a time.

The views and the stats read many properties of many nodes. Asking the store for one
node's properties at a time costs a lookup (and Python objects) per node and
property; :class:`Reader` instead reads each predicate it is asked for once, with one
``quads_for_pattern(None, p, None)`` pass (Oxigraph's predicate index), into a dict by
subject, and answers every node from that. (One SPARQL ``SELECT ?s ?o`` per predicate
does the same work and was slower: see ``benchmarks/README.md``, the view at scale.)

A triple found in several named graphs (a TriG file's article graphs) is one value:
every graph is read as their union, as :func:`graphkit.rdf.io.load_graph` unites them.
Values are the store's terms; :func:`text` gives a term's lexical form (an IRI's
string) and :func:`py` the Python value of a literal, as rdflib's ``toPython`` would.

Asking a node at a time (:meth:`Reader.value`) still costs a call chain, the hashing
of a store term and a conversion per node and property: the views, which read some 20
properties of every statement, spent most of their time there (a 1,000-article build
under cProfile: 30 s of the views' 36 s). :meth:`Reader.column` and :meth:`Reader.lists` give plain
dicts instead, by the subject's IRI string, of Python values converted as a predicate
is read (once), for a caller that walks every node of a kind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Any, Protocol

import pyoxigraph as ox

__all__ = ["Columnar", "Reader", "count_triples", "named", "node", "py", "text"]

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(
    _XSD + t
    for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
        "unsignedShort", "unsignedByte",
    )
)  # fmt: skip
_FLOATS = frozenset({_XSD + "double", _XSD + "float"})
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def named(iri: object) -> ox.NamedNode:
    """The store's term for an IRI (an rdflib URIRef, say)."""
    return ox.NamedNode(str(iri))


def text(term: Term | None) -> str | None:
    """A term's lexical form: an IRI's string, a literal's value, None for None."""
    if term is None:
        return None
    return str(term) if isinstance(term, ox.Triple) else term.value


def node(term: Term | None) -> str | None:
    """The key of a node that has properties of its own (:meth:`Reader.column`): its
    text; None for a literal (no subject) and for None."""
    return None if term is None or isinstance(term, ox.Literal) else text(term)


def py(term: Term | None) -> Any:
    """A literal's Python value (int, bool, Decimal, float or str, by its datatype; its
    lexical form when it is not a valid one); an IRI's string; None for None."""
    if not isinstance(term, ox.Literal):
        return text(term)
    value, datatype = term.value, term.datatype.value
    try:
        if datatype in _INTEGERS:
            return int(value)
        if datatype == _XSD + "boolean":
            return {"true": True, "1": True, "false": False, "0": False}[value.strip()]
        if datatype == _XSD + "decimal":
            return Decimal(value)
        if datatype in _FLOATS:
            return float(value)
    except (ValueError, KeyError, InvalidOperation):
        pass
    return value


def count_triples(store: ox.Store) -> int:
    """The distinct triples of the store, its named graphs united."""
    if next(iter(store.named_graphs()), None) is None:
        return len(store)
    return len({q.triple for q in store})


class Columnar(Protocol):
    """What reads a graph a predicate at a time: a :class:`Reader` of a store, or the
    columns a build keeps as it makes its graph (:class:`graphkit.rdf.columns.Columns`)."""

    def iris(self, cls: object) -> list[str]: ...

    def column(
        self, predicate: object, convert: Callable[[Term], Any] | None = ...
    ) -> dict[str, Any]: ...

    def lists(
        self, predicate: object, convert: Callable[[Term], Any] = ...
    ) -> dict[str, tuple[Any, ...]]: ...

    def sparse_column(
        self, predicate: object, convert: Callable[[Term], Any] | None = ...
    ) -> Mapping[str, Any]: ...

    def sparse_lists(
        self, predicate: object, convert: Callable[[Term], Any] = ...
    ) -> Mapping[str, tuple[Any, ...]]: ...


_TEXT = text  # the default conversion of a column (in the class, "text" is the method)


class Reader:
    """The values of a store's predicates by subject, each predicate read once."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._all: dict[str, dict[Term, tuple[Term, ...]]] = {}
        self._columns: dict[tuple[str, Callable[[Term], Any] | None], dict[str, Any]] = {}
        self._lists: dict[tuple[str, Callable[[Term], Any]], dict[str, tuple[Any, ...]]] = {}

    def of_type(self, cls: object) -> list[Term]:
        """The nodes of type ``cls``, in the order of their IRIs."""
        found = {q.subject for q in self.store.quads_for_pattern(None, _RDF_TYPE, named(cls))}
        return sorted(found, key=lambda t: str(text(t)))

    def all(self, predicate: object) -> dict[Term, tuple[Term, ...]]:
        """Every subject of ``predicate`` and its objects (distinct, in store order)."""
        key = str(predicate)
        if key not in self._all:
            found: dict[Term, dict[Term, None]] = {}
            for quad in self.store.quads_for_pattern(None, named(key), None):
                found.setdefault(quad.subject, {})[quad.object] = None
            self._all[key] = {s: tuple(objects) for s, objects in found.items()}
        return self._all[key]

    def pairs(self, predicate: object) -> Iterable[tuple[Term, Term]]:
        """Each (subject, object) of ``predicate``."""
        for subject, objects in self.all(predicate).items():
            for obj in objects:
                yield subject, obj

    def value(self, node: Term | None, predicate: object) -> Term | None:
        """One object of ``node``'s ``predicate`` (the first, in the store's order)."""
        found = None if node is None else self.all(predicate).get(node)
        return found[0] if found else None

    def values(self, node: Term | None, predicate: object) -> tuple[Term, ...]:
        return () if node is None else self.all(predicate).get(node, ())

    def text(self, node: Term | None, predicate: object) -> str | None:
        return text(self.value(node, predicate))

    def py(self, node: Term | None, predicate: object) -> Any:
        return py(self.value(node, predicate))

    def iris(self, cls: object) -> list[str]:
        """The IRIs (texts) of the nodes of type ``cls``, in order."""
        quads = self._quads(_RDF_TYPE, named(cls))
        return sorted({q.subject.value for q in quads})  # type: ignore[union-attr]

    def column(
        self, predicate: object, convert: Callable[[Term], Any] | None = _TEXT
    ) -> dict[str, Any]:
        """Each subject's first object of ``predicate`` (in the store's order, as
        :meth:`value` gives it), ``convert``-ed (None: the term itself), by the
        subject's IRI (a subject is a named or blank node, never a literal or triple,
        so ``.value`` is its text); read once for each ``convert``."""
        key = (str(predicate), convert)
        if key not in self._columns:
            found: dict[str, Any] = {}
            make = convert or _same
            # converted as read, the store's term let go at once: keeping the terms (to
            # convert each distinct one once) cost more in allocation and hashing than
            # the conversions saved (six columns of 1,000 articles: 1.8 s against 1.1 s)
            for quad in self._quads(named(key[0])):
                subject = quad.subject.value  # type: ignore[union-attr]
                if subject not in found:
                    found[subject] = make(quad.object)
            self._columns[key] = found
        return self._columns[key]

    def lists(
        self, predicate: object, convert: Callable[[Term], Any] = _TEXT
    ) -> dict[str, tuple[Any, ...]]:
        """Every object of ``predicate`` (distinct, in the store's order) of each
        subject, ``convert``-ed, by the subject's IRI; read once for each ``convert``."""
        key = (str(predicate), convert)
        if key in self._lists:
            return self._lists[key]
        found: dict[str, list[Any]] = {}
        if self._graphs:  # a triple in several graphs is one value: made distinct by term
            terms: dict[str, dict[Term, None]] = {}
            for quad in self._quads(named(key[0])):
                subject = quad.subject.value  # type: ignore[union-attr]
                terms.setdefault(subject, {})[quad.object] = None
            found = {s: list(map(convert, objects)) for s, objects in terms.items()}
        else:  # one graph: its triples are distinct, so are a subject's objects
            for quad in self._quads(named(key[0])):
                subject = quad.subject.value  # type: ignore[union-attr]
                found.setdefault(subject, []).append(convert(quad.object))
        self._lists[key] = {s: tuple(objects) for s, objects in found.items()}
        return self._lists[key]

    def sparse_column(
        self, predicate: object, convert: Callable[[Term], Any] | None = _TEXT
    ) -> Mapping[str, Any]:
        """:meth:`column`: a store's column is read whole either way."""
        return self.column(predicate, convert)

    def sparse_lists(
        self, predicate: object, convert: Callable[[Term], Any] = _TEXT
    ) -> Mapping[str, tuple[Any, ...]]:
        """:meth:`lists`: likewise."""
        return self.lists(predicate, convert)

    @cached_property
    def _graphs(self) -> bool:
        """Whether the store has named graphs (a TriG file's)."""
        return next(iter(self.store.named_graphs()), None) is not None

    def _quads(self, predicate: ox.NamedNode, obj: ox.NamedNode | None = None) -> Iterable[ox.Quad]:
        # (the "type: ignore"s above: pyoxigraph's stubs still allow a triple as a
        # subject, which RDF 1.2 and pyoxigraph 0.5, the version required, do not)
        return self.store.quads_for_pattern(None, predicate, obj)


def _same(term: Term) -> Term:
    return term
