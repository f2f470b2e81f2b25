"""The data behind the HTML views, read from the RDF graph (so any export can be viewed).

This module (with :mod:`.source` and :mod:`.entities`) is the only one of the views that
reads the graph, a predicate at a time, never a query per node, into plain dicts of
Python values by subject IRI: its columns, each value converted once. The graph is a
pyoxigraph store (read by :class:`graphkit.rdf.reader.Reader`) or, in a build, the
columns of :data:`VIEW_PREDICATES` it kept as it made its graph
(:class:`graphkit.rdf.columns.Columns`). It turns them into plain records
(:class:`GraphData`), and :mod:`graphkit.export.html.model` makes the page's data from
them. Each ``gk:Claim`` (its statements with the same subject, relation, object and
status) is one edge that lists all its sources: the grouping is the graph's own
(:func:`graphkit.rdf.build.group_claims`), never done again here. Everything is sorted,
so one graph always gives the same data, byte for byte.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

import pyoxigraph as ox
from rdflib import RDF, RDFS
from rdflib.namespace import DCTERMS, PROV

from graphkit.export.html.big import MAX_ACTORS
from graphkit.export.html.entities import ENTITY_LISTS, Entity, EntityTable
from graphkit.export.html.near import adjacency, reach
from graphkit.export.html.source import (
    DRAWN,
    SOURCE_PREDICATES,
    SourceReader,
    confidence_of,
    label_of,
    local_name,
)
from graphkit.export.html.style import KIND_STYLE, TYPE_STYLE
from graphkit.rdf.build import SCHEMA_URL
from graphkit.rdf.reader import Columnar, Reader, node
from graphkit.rdf.vocab import GK

__all__ = [
    "KIND_STYLE", "TYPE_STYLE", "ClaimKey", "Entity", "GraphData", "RoleFact", "Statement",
    "Statements", "VIEW_PREDICATES", "generate_view_data", "neighbourhood", "read_entities",
]  # fmt: skip

ClaimKey = tuple[str, str, str, str]  # subject, relation, object IRIs and the status
Positions = Mapping[str, tuple[float, float]]
T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Statement:
    """One gk:Assertion as the view needs it: its IRI and ends, its kind (how it is
    drawn), its confidence and its :attr:`source`.

    The source (the sentence, spans, status, dates, speaker and event) is read from
    the graph's columns when first asked for: the views show part of a big graph's
    statements (21,600 of 50,100 at 1,000 articles), and reading every one's took
    2.8 s of the views' read there, against 0.6 s now (issue 15)."""

    iri: str
    subject: str
    predicate: str
    object: str
    kind: str
    confidence: float
    sources: SourceReader = field(repr=False)  # shared by the graph's statements

    @cached_property
    def source(self) -> dict[str, Any]:
        """The statement's source, read when first asked for."""
        return self.sources.of(self.iri)

    def marks(self) -> dict[str, Any]:
        """The ``modality`` and ``hedged`` of its :attr:`source`, which an edge's label
        words, read alone: a big graph's folded claims are labelled, never shown, and
        reading their whole sources took 1.5 s of its views at 5,000 articles."""
        if "source" in self.__dict__:
            return self.source
        return self.sources.marks(self.iri)

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, Statement):
            return NotImplemented
        return self._key() == other._key()

    def _key(self) -> tuple[Any, ...]:
        return (self.iri, self.subject, self.predicate, self.object, self.kind,
                self.confidence, self.source)  # fmt: skip


@dataclass(frozen=True)
class RoleFact:
    """A gk:RoleAssignment: who holds what title, of whom, said by which article."""

    holder: str
    title: str
    of: str | None
    article: str | None
    date: str | None
    text: str | None


@dataclass(frozen=True)
class GraphData:
    """What the views read from a graph, once, however many views are drawn from it:
    articles, entities and roles, the statements (in IRI order) and each claim's
    statements, by the claim's ends and status, in that order, with its IRI."""

    articles: dict[str, dict[str, str | None]]
    statements: list[Statement]
    claims: list[tuple[ClaimKey, list[Statement], str]]
    entities: EntityTable  # each made when first read
    roles: list[RoleFact]
    relations: dict[str, str]  # relation IRI -> its lemma
    # what the views work out from the data more than once (a build draws six views
    # of one GraphData: the filter and the adjacency took 2.5 s of them at 1,000
    # articles when each view did them again)
    _memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key: Hashable, make: Callable[[], T]) -> T:
        """``make()``, made once for this data under ``key``."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def claims_from(self, min_confidence: float) -> list[tuple[ClaimKey, list[Statement], str]]:
        """The claims with their statements of at least ``min_confidence`` (a claim
        left with none is left out), in :attr:`claims` order; made once."""

        def make() -> list[tuple[ClaimKey, list[Statement], str]]:
            found = []
            for claim, statements, iri in self.claims:
                kept = [st for st in statements if st.confidence >= min_confidence]
                if kept:
                    found.append((claim, kept, iri))
            return found

        return self.memo(("claims", min_confidence), make)

    def adjacent(self, min_confidence: float) -> dict[str, set[str]]:
        """Each node's neighbours through the claims of :meth:`claims_from`; made once."""
        claims = self.claims_from(min_confidence)
        pairs = ((k[0], k[2]) for k, _, _ in claims)
        return self.memo(("adjacent", min_confidence), lambda: adjacency(pairs))

    @classmethod
    def read(cls, graph: ox.Store | Columnar) -> GraphData:
        reader = _reader(graph)
        articles = read_articles(reader)
        statements = read_statements(reader, articles)
        labels = reader.column(RDFS.label)
        return cls(
            articles,
            list(statements.values()),
            read_claims(reader, statements),
            EntityTable(reader),
            read_roles(reader, articles),
            {r: labels.get(r) or local_name(r) for r in reader.iris(GK.Relation)},
        )


Statements = GraphData  # its 0.2 name


def _reader(graph: ox.Store | Columnar) -> Columnar:
    return Reader(graph) if isinstance(graph, ox.Store) else graph


def _kind(negated: Any, hedged: Any, attribution: Any, modality: Any) -> str:
    """How a statement is drawn, from its values of :data:`.source.DRAWN`.

    >>> _kind(None, True, "said", None), _kind(False, None, None, None)
    ('hedged', 'fact')
    """
    flags = (("negated", bool(negated)), ("hedged", bool(hedged)),
             ("attributed", attribution is not None), ("modal", modality is not None))  # fmt: skip
    return next((name for name, on in flags if on), "fact")


def read_articles(graph: ox.Store | Columnar) -> dict[str, dict[str, str | None]]:
    """Each article's id, title, date, source and URL, by article IRI."""
    reader = _reader(graph)
    ids, titles, dates, sources, urls = (reader.column(p) for p in _ARTICLE)
    return {
        a: {
            "id": ids.get(a) or local_name(a),
            "title": titles.get(a),
            "date": dates.get(a),
            "source": sources.get(a),
            "url": urls.get(a),
        }
        for a in reader.iris(GK.Article)
    }


_ARTICLE = (GK.articleId, DCTERMS.title, DCTERMS.date, DCTERMS.source, SCHEMA_URL)


def _rows(nodes: list[str], *columns: Mapping[str, Any]) -> Iterator[tuple[Any, ...]]:
    """Each node's value in each column, in the columns' order (None where it has
    none): looked up a column at a time, ``map`` calls ``dict.get`` with no Python
    frame per value (a 5,000-article graph has 250,000 statements and 366,000
    entities; a dict a row took 1.3 s of reading them).

    >>> list(_rows(["a", "b"], {"a": 1}, {"b": 2}))
    [(1, None), (None, 2)]
    """
    return zip(*(map(column.get, nodes) for column in columns), strict=True)


def read_entities(graph: ox.Store | Columnar) -> dict[str, Entity]:
    """Every entity with a type, by IRI (in IRI order), all made now."""
    return dict(EntityTable(_reader(graph)).items())


def read_roles(
    graph: ox.Store | Columnar, articles: dict[str, dict[str, str | None]]
) -> list[RoleFact]:
    """Every gk:RoleAssignment, sorted by holder, date, title and article."""
    reader = _reader(graph)
    holders, derived, titles, dates, texts, labels = (reader.column(p) for p in _ROLE)
    of = reader.column(GK.roleOf, node)
    roles = []
    for iri in reader.iris(GK.RoleAssignment):
        holder = holders.get(iri)
        if holder is None:
            continue
        article = articles.get(str(derived.get(iri)), {})
        roles.append(
            RoleFact(
                holder,
                titles.get(iri) or "",
                label_of(labels, of.get(iri)),
                article.get("id"),
                dates.get(iri) or article.get("date"),
                texts.get(iri),
            )
        )
    return sorted(set(roles), key=lambda r: (r.holder, r.date or "", r.title, r.article or ""))


_ROLE = (GK.holder, PROV.wasDerivedFrom, GK.title, DCTERMS.date, GK.text, RDFS.label)
_ENDS = (RDF.subject, RDF.predicate, RDF.object)


def read_statements(
    graph: ox.Store | Columnar, articles: dict[str, dict[str, str | None]]
) -> dict[str, Statement]:
    """Every statement with both ends by IRI, in IRI order."""
    reader = _reader(graph)
    iris = reader.iris(GK.Assertion)
    sources = SourceReader(reader, articles)
    drawn = (sources.columns[name] for name in DRAWN)
    found: dict[str, Statement] = {}
    for iri, row in zip(iris, _rows(iris, *drawn), strict=True):
        subject, predicate, obj, negated, hedged, attribution, modality, confidence = row
        if subject is None or predicate is None or obj is None:
            continue
        kind = _kind(negated, hedged, attribution, modality)
        found[iri] = Statement(
            iri, subject, predicate, obj, kind, confidence_of(confidence), sources
        )
    return found


def read_claims(
    graph: ox.Store | Columnar, statements: dict[str, Statement]
) -> list[tuple[ClaimKey, list[Statement], str]]:
    """Each gk:Claim's key, its evidence statements (in IRI order) and its IRI, sorted
    by key."""
    reader = _reader(graph)
    iris = reader.iris(GK.Claim)
    columns = [reader.column(p) for p in (*_ENDS, GK.status)]
    keys = zip(*(map(str, map(c.get, iris)) for c in columns), strict=True)
    evidence = map(reader.lists(GK.evidence).get, iris)
    claims = []
    for iri, key, found in zip(iris, keys, evidence, strict=True):
        ordered = sorted(found or ())
        claims.append((key, [statements[e] for e in ordered if e in statements], iri))
    return sorted(claims, key=lambda claim: claim[0])


# every predicate the views read (a build keeps these as it makes its graph, instead of
# loading all of it into a store: :class:`graphkit.rdf.columns.Columns`)
VIEW_PREDICATES = frozenset(
    {RDF.type, *SOURCE_PREDICATES, *_ARTICLE, *ENTITY_LISTS.values(), *_ENDS, GK.status,
     GK.evidence, GK.entityType, GK.mentionCount, GK.country, GK.affiliatedWith, GK.actorCode,
     *_ROLE, GK.roleOf}
)  # fmt: skip


def neighbourhood(pairs: Iterable[tuple[str, str]], start: str, hops: int) -> set[str]:
    """Nodes at most ``hops`` edges from ``start``, edges taken in either direction.

    >>> sorted(neighbourhood([("a", "b"), ("b", "c"), ("c", "d")], "b", 1))
    ['a', 'b', 'c']
    """
    return reach(adjacency(pairs), start, hops)


def generate_view_data(
    graph: ox.Store | Columnar,
    actor: str | None = None,
    hops: int = 1,
    min_confidence: float = 0.0,
    read: GraphData | None = None,
    positions: Positions | None = None,
    limit: int | None = MAX_ACTORS,
) -> dict[str, Any]:
    """Nodes, edges, sources, articles, legends and time span, ready for the page.

    ``actor`` (an entity IRI) keeps only its ``hops``-neighbourhood; ``min_confidence``
    drops the statements below it before anything is drawn. ``read`` is the graph's
    :class:`GraphData` when the caller has it already; ``positions`` (by node id) are
    kept, and only the nodes they lack are laid out (see
    :func:`graphkit.export.html.layout.layout`). The whole graph's view draws its
    ``limit`` most-connected actors only (None: all; see :mod:`graphkit.export.html.big`).
    """
    from graphkit.export.html.model import view_data

    read = read if read is not None else GraphData.read(graph)
    return view_data(read, actor, hops, min_confidence, positions, limit)
