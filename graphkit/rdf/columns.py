"""A build's triples of some predicates, kept as columns the views read as they read
a store (issue 15).

The views read a graph a predicate at a time (:class:`graphkit.rdf.reader.Reader`):
a fresh build used to load every line of its graph into an in-memory pyoxigraph store
(0.3 KB a triple: 0.66 GB at 1,000 articles, 3.3 GB at 5,000) and read some 45
predicates back out of it (7.6 s of loading and 3.4 s of reading at 1,000). A
:class:`Columns` is a sink of triples beside the lines (:class:`Tee`): it keeps only
the triples of the predicates it is given, by predicate and subject, as the graph's
builder makes them, and answers :meth:`iris`, :meth:`column` and :meth:`lists` as
:class:`~graphkit.rdf.reader.Reader` does. Its values go through the store's own
terms and the same conversions, so a view drawn from it is the view drawn from the
store; ``tests/test_view_columns.py`` compares the two.

A build that grows an old graph (``--into``) reads the old graph's lines file into
columns while its new articles are parsed, then changes them by the lines the merge
removed and added (:class:`graphkit.rdf.columns_loader.ColumnsLoader`): no store
there either.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, BinaryIO

import pyoxigraph as ox
from rdflib.term import Node

from graphkit.collector import collector_paused
from graphkit.rdf.reader import node, py, text
from graphkit.rdf.triples import Lit

__all__ = ["Columns", "Tee", "lexical", "load_plain", "term"]

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
Pairs = Iterable[tuple[Node, Node | Lit]]


def lexical(escaped: str) -> str:
    """The text of a literal's escaped body, as :func:`graphkit.rdf.triples.text` wrote
    it: its escapes (``\\"``, ``\\\\``, ``\\n`` and the like, ``\\uXXXX``) are JSON's.

    >>> lexical('say \\\\"no\\\\"\\\\n'), lexical("caf\\u00e9")
    ('say "no"\\n', 'café')
    """
    return json.loads('"' + escaped + '"') if "\\" in escaped else escaped


def term(value: str | Node) -> ox.NamedNode | ox.Literal:
    """The store's term for an object as the graph's builder gives it: an IRI, or a
    literal already written as N-Triples writes it (:class:`Lit`).

    >>> term(Lit('"3"^^<http://www.w3.org/2001/XMLSchema#integer>')).datatype.value
    'http://www.w3.org/2001/XMLSchema#integer'
    """
    if type(value) is not Lit:
        return ox.NamedNode(str(value))
    if value.endswith(">"):  # typed: a plain literal ends with its quote
        body, _, datatype = value.rpartition('"^^<')
        if datatype[:-1] != _XSD_STRING:
            return ox.Literal(lexical(body[1:]), datatype=ox.NamedNode(datatype[:-1]))
        return ox.Literal(lexical(body[1:]))
    return ox.Literal(lexical(value[1:-1]))


class Columns:
    """The triples of ``predicates`` (IRIs), by predicate and subject, in the order
    they were added, each once; every ``rdf:type`` triple is kept when ``rdf:type`` is
    one of them. Asked for a predicate it does not keep, it raises ``KeyError``: a
    view would silently lose what it reads. Read it once its triples are in: what it
    answered is made once (a column of IRIs alone is its own dict), and an addition
    only makes it forget that."""

    def __init__(self, predicates: Iterable[object]) -> None:
        kept = sorted({str(p) for p in predicates})
        # each kept predicate's first object of each subject, by the subject's IRI, and
        # the few others (a statement's second type, an entity's aliases): a container
        # for each of 1.5 million values cost more than the values
        # (an object is a literal as N-Triples writes it, :class:`Lit`, or an IRI's text)
        self._first: dict[str, dict[str, str]] = {p: {} for p in kept}
        self._more: dict[str, dict[str, list[str]]] = {p: {} for p in kept}
        self._columns = {p: (self._first[p], self._more[p]) for p in kept}
        self._at = _Columns(self._columns)
        self._read: dict[tuple[str, Any], dict[str, Any]] = {}  # columns converted
        self._typed: dict[str, list[str]] = {}  # the nodes of each class, by its IRI
        # each object kept, once, by the term it was given as or by its N-Triples text:
        # a flag, an offset, an entity or a class is one string, not one a triple (the
        # 10.5 million lines of 5,000 articles read back held 2.36 GB, shared 0.67 GB)
        self._objects: dict[Any, str] = {}

    def add(self, triple: tuple[Node, Node, Node | Lit]) -> None:
        s, p, o = triple
        self.add_all(s, ((p, o),))

    def add_all(self, subject: Node, pairs: Pairs) -> None:
        """Keep the triples ``subject predicate object`` whose predicate is kept."""
        if self._read or self._typed:
            self._forget()
        key, at, objects = str(subject), self._at, self._objects
        for predicate, obj in pairs:
            found = at[predicate]
            if found is not None:
                value = objects.get(obj)
                if value is None:
                    value = objects[obj] = obj if type(obj) is Lit else str(obj)
                first = found[0].setdefault(key, value)
                if first is not value and first != value:  # a second object: rare
                    more = found[1].setdefault(key, [])
                    if value not in more:
                        more.append(value)

    def add_lines(self, lines: Iterable[str]) -> None:
        """Keep the triples of N-Triples lines as a build writes them (its lines file,
        :data:`~graphkit.rdf.triples.LINES_FILE`: one triple a line, ``<s> <p> o .``,
        with or without the line break); an IRI object is kept as its text."""
        self._forget()
        for key, found, obj in self._parsed(lines):
            first = found[0].setdefault(key, obj)
            if first is not obj and first != obj:
                more = found[1].setdefault(key, [])
                if obj not in more:
                    more.append(obj)

    def change(self, removed: Sequence[bytes], added: Sequence[bytes]) -> None:
        """Take the lines ``removed`` out and put the lines ``added`` in (N-Triples
        lines as a build writes them, in UTF-8, without their breaks)."""
        self._forget()
        for key, found, obj in self._parsed(line.decode("utf-8") for line in removed):
            first, more = found[0], found[1].get(key, [])
            if first.get(key) == obj:
                if more:
                    first[key] = more.pop(0)
                else:
                    del first[key]
            elif obj in more:
                more.remove(obj)
            if not more:
                found[1].pop(key, None)
        self.add_lines(line.decode("utf-8") for line in added)

    def _parsed(self, lines: Iterable[str]) -> Iterator[tuple[str, Any, str]]:
        """Each line's subject, its predicate's columns (kept ones only) and object."""
        columns, objects, subject = self._columns, self._objects, ""
        for line in lines:
            at = line.index("> ")
            end = line.index("> ", at + 2)
            found = columns.get(line[at + 3 : end])
            if found is None:
                continue
            written = line[end + 2 :].rstrip("\n")[:-2]
            obj = objects.get(written)
            if obj is None:
                obj = objects[written] = written[1:-1] if written[0] == "<" else Lit(written)
            if line[1:at] != subject:  # a subject's lines come together in a lines file
                subject = line[1:at]
            yield subject, found, obj

    @property
    def predicates(self) -> list[str]:
        """The IRIs of the predicates kept, sorted."""
        return list(self._first)

    def dump(self, handle: BinaryIO) -> None:
        """Write what the columns hold into ``handle`` for :meth:`add_dumped`: pickled
        (what was pickled once is shared when loaded, a fourth of the size and of the
        time of a JSON or msgpack file), of dicts, lists and strings only."""
        dumped = (_DUMPED, self._first, self._more)
        pickle.dump(dumped, handle, protocol=pickle.HIGHEST_PROTOCOL)

    def add_dumped(self, handle: BinaryIO) -> None:
        """Keep what :meth:`dump` wrote into ``handle``: the columns of subjects these
        do not hold (a later part of the lines file). The file may be anyone's (an
        export folder's cache, :mod:`graphkit.rdf.columns_cache`): its pickle may make
        dicts, lists, strings and :class:`Lit` and nothing else (another class or a
        function is refused, never called), and must be of these predicates; else
        ``pickle.UnpicklingError`` or ``ValueError``."""
        found = load_plain(handle)
        if not (isinstance(found, tuple) and len(found) == 3 and found[0] == _DUMPED):
            raise ValueError("not graphkit's columns, or of another version")
        _, first, more = found
        if list(first) != self.predicates or list(more) != self.predicates:
            raise ValueError("columns of other predicates")
        if not all(isinstance(c, dict) for c in (*first.values(), *more.values())):
            raise ValueError("columns that are not tables")
        self._forget()
        if not any(self._first.values()):  # the first part: its columns, as they are
            self._first, self._more = first, more
            self._columns = {p: (first[p], more[p]) for p in first}
            self._at = _Columns(self._columns)
            return
        for predicate in self.predicates:
            self._first[predicate].update(first[predicate])
            self._more[predicate].update(more[predicate])

    def tables(self) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, list[str]]]]:
        """What the columns hold, for :meth:`take_in` (in another process: pickled)."""
        return self._first, self._more

    def take_in(
        self, first: dict[str, dict[str, str]], more: dict[str, dict[str, list[str]]]
    ) -> None:
        """Keep what another :class:`Columns` of these predicates holds (:meth:`tables`),
        as if its triples had been added here after these."""
        self._forget()
        for predicate in self.predicates:
            mine, theirs = self._first[predicate], first[predicate]
            if mine.keys().isdisjoint(theirs):  # no subject in both: as they are
                mine.update(theirs)
                self._more[predicate].update(more[predicate])
                continue
            found = (mine, self._more[predicate])
            for key, value in theirs.items():
                self._keep(found, key, value)
                for other in more[predicate].get(key, ()):
                    self._keep(found, key, other)

    @staticmethod
    def _keep(found: Any, key: str, value: str) -> None:
        # the rule add_all and add_lines keep inline in their loops over every triple
        # (no call per triple there): a subject's second object goes in ``more``
        first = found[0].setdefault(key, value)
        if first is not value and first != value:
            more = found[1].setdefault(key, [])
            if value not in more:
                more.append(value)

    def settle(self) -> None:
        """Let go of the index that gives each object one string while triples come
        (what is kept stays shared); another triple may come later all the same. The
        index held every object term given: 0.15 GB at 5,000 articles (issue 15)."""
        self._objects = {}

    def _forget(self) -> None:
        self._read, self._typed = {}, {}

    def iris(self, cls: object) -> list[str]:
        """The IRIs of the nodes of type ``cls``, in order."""
        if not self._typed:
            first, more = self._first[_RDF_TYPE], self._more[_RDF_TYPE]
            typed: dict[str, list[str]] = {}
            for s, o in first.items():
                typed.setdefault(o, []).append(s)
            for s, others in more.items():
                for o in others:
                    typed.setdefault(o, []).append(s)
            self._typed = {o: sorted(found) for o, found in typed.items()}
        return self._typed.get(str(cls), [])

    def column(
        self, predicate: object, convert: Callable[[Any], Any] | None = text
    ) -> dict[str, Any]:
        """Each subject's first object of ``predicate``, ``convert``-ed from the store's
        term (None: the term itself), by the subject's IRI; made once for each
        ``convert``."""
        key = (str(predicate), convert)
        if key not in self._read:
            first = self._first[key[0]]
            if convert in _BY_TEXT and not any(type(o) is Lit for o in first.values()):
                self._read[key] = first  # IRIs only: text, node and py give their text
            else:
                done = _converted(set(first.values()), convert)
                self._read[key] = {s: done[o] for s, o in first.items()}
        return self._read[key]

    def sparse_column(
        self, predicate: object, convert: Callable[[Any], Any] | None = text
    ) -> Mapping[str, Any]:
        """:meth:`column`, each value converted when first read: for a column of which
        few subjects are read (the sources of the statements a view shows: 5,000 of
        250,000 at 5,000 articles, where converting whole columns took 1 s)."""
        return _Converting(self._first[str(predicate)], convert)

    def sparse_lists(
        self, predicate: object, convert: Callable[[Any], Any] = text
    ) -> Mapping[str, tuple[Any, ...]]:
        """:meth:`lists`, each subject's converted when first read (an entity's names,
        for the few thousand entities of 369,000 a view draws, issue 15)."""
        first, more = self._first[str(predicate)], self._more[str(predicate)]
        values = _Converting(first, convert)

        def of(subject: str) -> tuple[Any, ...]:
            rest = more.get(subject, ())
            done = _converted(rest, convert) if rest else {}
            return (values[subject], *(done[m] for m in rest))

        return _Lazy(first, of)

    def lists(
        self, predicate: object, convert: Callable[[Any], Any] = text
    ) -> dict[str, tuple[Any, ...]]:
        """Every object of ``predicate`` of each subject, ``convert``-ed, by IRI."""
        first, more = self._first[str(predicate)], self._more[str(predicate)]
        done = _converted({*first.values(), *(o for m in more.values() for o in m)}, convert)
        return {s: (done[o], *(done[m] for m in more.get(s, ()))) for s, o in first.items()}


_DUMPED = "graphkit columns 1"  # what :meth:`Columns.dump` writes first, and its version


class _Unpickler(pickle.Unpickler):
    """Loads a pickle of builtin containers and strings, and of :class:`Lit`: the one
    class a dump names. Any other global (a function, a class) is refused before it
    is looked up, so loading a crafted file runs no code of its choosing (the
    standard library's "restricting globals")."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == (Lit.__module__, Lit.__name__):
            return Lit
        raise pickle.UnpicklingError(f"a pickle of columns names {module}.{name}: refused")


def load_plain(handle: BinaryIO) -> Any:
    """What a pickle of tuples, lists, dicts, strings, bytes, numbers and :class:`Lit`
    in ``handle`` holds; a pickle that names anything else raises
    ``pickle.UnpicklingError`` before it runs (:class:`_Unpickler`)."""
    with collector_paused():  # millions of strings, no cycles: 4.5 s -> 1.9 s at 5,000
        return _Unpickler(handle).load()


class _Columns(dict[Node, Any]):
    """Each predicate term's first and other objects (None: not kept), found by its
    text when first met: an rdflib IRI is never equal to a plain string."""

    def __init__(self, by_text: dict[str, Any]) -> None:
        super().__init__()
        self.by_text = by_text

    def __missing__(self, predicate: Node) -> Any:
        found = self[predicate] = self.by_text.get(str(predicate))
        return found


class _Lazy(Mapping[str, Any]):
    """The keys of ``first``, each one's value ``of(key)``, made when first read."""

    def __init__(self, first: dict[str, Any], of: Callable[[str], Any]) -> None:
        self._first, self._of = first, of
        self._done: dict[str, Any] = {}

    def __getitem__(self, subject: str) -> Any:
        if subject not in self._done:
            if subject not in self._first:
                raise KeyError(subject)
            self._done[subject] = self._of(subject)
        return self._done[subject]

    def get(self, subject: str, default: Any = None) -> Any:
        return self[subject] if subject in self._first else default

    def __iter__(self) -> Iterator[str]:
        return iter(self._first)

    def __len__(self) -> int:
        return len(self._first)


class _Converting(_Lazy):
    """A column whose values are converted as they are read, each distinct one once
    (kept by value, not by subject: most values repeat)."""

    def __init__(self, first: dict[str, str], convert: Callable[[Any], Any] | None) -> None:
        super().__init__(first, lambda value: _converted((value,), convert)[value])

    def __getitem__(self, subject: str) -> Any:
        value = self._first[subject]
        if value not in self._done:
            self._done[value] = self._of(value)
        return self._done[value]


def _converted(values: Iterable[str], convert: Callable[[Any], Any] | None) -> dict[Any, Any]:
    """``convert`` of each value's store term (None: the term), by value: each distinct
    value once (most repeat: flags, offsets, articles, entities). The texts of IRIs
    and plain literals, which the views read most, are taken without a term: what
    :func:`text`, :func:`node` and :func:`py` give for them is their text."""
    if convert is None:
        return {v: term(v) for v in values}
    if convert not in _BY_TEXT:
        return {v: convert(term(v)) for v in values}
    found: dict[Any, Any] = {}
    for v in values:
        if type(v) is not Lit:
            found[v] = v  # an IRI: text, node and py give its text
        elif convert is node:
            found[v] = None  # a literal is no node
        elif v[-1] == '"':
            found[v] = lexical(v[1:-1])  # a plain literal: its text, also as py
        else:
            found[v] = convert(term(v))  # typed: py's conversion, or its lexical form
    return found


_BY_TEXT = (text, node, py)


class Tee:
    """A sink of triples that hands each to two sinks (the lines and the columns)."""

    def __init__(self, first: Any, second: Any) -> None:
        self.first, self.second = first, second

    def add(self, triple: tuple[Node, Node, Node | Lit]) -> None:
        self.first.add(triple)
        self.second.add(triple)

    def add_all(self, subject: Node, pairs: Pairs) -> None:
        both = pairs if isinstance(pairs, (list, tuple)) else list(pairs)
        self.first.add_all(subject, both)
        self.second.add_all(subject, both)
