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
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

import pyoxigraph as ox

__all__ = ["Reader", "count_triples", "named", "py", "text"]

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


class Reader:
    """The values of a store's predicates by subject, each predicate read once."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self._all: dict[str, dict[Term, tuple[Term, ...]]] = {}

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
