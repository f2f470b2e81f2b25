"""The data behind the HTML views, read from the RDF graph (so any export can be viewed).

This module is the only one of the views that reads the graph, a pyoxigraph store
(:class:`graphkit.rdf.reader.Reader` reads it a predicate at a time, never a query
per node): it turns it into plain records (:class:`GraphData`), and
:mod:`graphkit.export.html.model` makes the page's data from them. Each ``gk:Claim``
(its statements with the same subject, relation, object and status) is one edge that
lists all its sources: the grouping is the graph's own
(:func:`graphkit.rdf.build.group_claims`), never done again here. Everything is
sorted, so one graph always gives the same data, byte for byte.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, RDFS
from rdflib.namespace import DCTERMS, PROV, SKOS

from graphkit.export.html.big import MAX_ACTORS
from graphkit.export.html.dates import span
from graphkit.export.html.style import KIND_STYLE, TYPE_STYLE
from graphkit.rdf.build import SCHEMA_URL
from graphkit.rdf.reader import Reader, Term, text
from graphkit.rdf.vocab import GK

__all__ = [
    "KIND_STYLE", "TYPE_STYLE", "ClaimKey", "Entity", "GraphData", "RoleFact", "Statement",
    "Statements", "generate_view_data", "neighbourhood",
]  # fmt: skip

ClaimKey = tuple[str, str, str, str]  # subject, relation, object IRIs and the status
Positions = Mapping[str, tuple[float, float]]


@dataclass(frozen=True)
class Statement:
    """One gk:Assertion as the view needs it: its IRI and ends, its kind (how it is
    drawn) and its source (the sentence, spans, status, dates and event)."""

    iri: str
    subject: str
    predicate: str
    object: str
    kind: str
    source: dict[str, Any]


@dataclass(frozen=True)
class Entity:
    """An entity node: its names, type (one the view can draw; ``declared`` is the
    graph's own), places and codes (labels, not IRIs)."""

    iri: str
    label: str
    type: str
    mentions: int
    aliases: tuple[str, ...]
    merges: tuple[str, ...]
    roles: tuple[str, ...]
    country: str | None
    affiliation: str | None
    code: str | None
    declared: str


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
    entities: dict[str, Entity]
    roles: list[RoleFact]
    relations: dict[str, str]  # relation IRI -> its lemma

    @classmethod
    def read(cls, graph: ox.Store | Reader) -> GraphData:
        reader = graph if isinstance(graph, Reader) else Reader(graph)
        articles = read_articles(reader)
        statements = read_statements(reader, articles)
        return cls(
            articles,
            list(statements.values()),
            read_claims(reader, statements),
            read_entities(reader),
            read_roles(reader, articles),
            {_str(r): reader.text(r, RDFS.label) or _local(r) for r in reader.of_type(GK.Relation)},
        )


Statements = GraphData  # its 0.2 name


def _reader(graph: ox.Store | Reader) -> Reader:
    return graph if isinstance(graph, Reader) else Reader(graph)


def _str(term: Term) -> str:
    return text(term) or ""


def _local(node: Term | str) -> str:
    return (node if isinstance(node, str) else _str(node)).rsplit("/", 1)[-1]


def _kind(source: dict[str, Any]) -> str:
    flags = {
        "negated": source["negated"],
        "hedged": source["hedged"],
        "attributed": source["attribution"] is not None,
        "modal": source["modality"] is not None,
    }
    return next((name for name, on in flags.items() if on), "fact")


def read_articles(graph: ox.Store | Reader) -> dict[str, dict[str, str | None]]:
    """Each article's id, title, date, source and URL, by article IRI."""
    reader = _reader(graph)
    return {_str(a): _article(reader, a) for a in reader.of_type(GK.Article)}


def read_entities(graph: ox.Store | Reader) -> dict[str, Entity]:
    """Every entity with a type, by IRI (in IRI order)."""
    reader = _reader(graph)
    found = {}
    for node, kinds in sorted(reader.all(GK.entityType).items(), key=lambda i: _str(i[0])):
        kind = _str(kinds[0])
        aliases, merges, roles = (tuple(sorted(map(_str, reader.values(node, p)))) for p in _LISTS)
        found[_str(node)] = Entity(
            _str(node),
            reader.text(node, RDFS.label) or _local(node),
            kind if kind in TYPE_STYLE else "Concept",
            int(reader.py(node, GK.mentionCount) or 0),
            aliases,
            merges,
            roles,
            reader.text(reader.value(node, GK.country), RDFS.label),
            reader.text(reader.value(node, GK.affiliatedWith), RDFS.label),
            reader.text(node, GK.actorCode),
            kind,
        )
    return found


_LISTS = (SKOS.altLabel, GK.mergeReason, GK.holdsRole)  # an entity's aliases, merges, roles


def read_roles(
    graph: ox.Store | Reader, articles: dict[str, dict[str, str | None]]
) -> list[RoleFact]:
    """Every gk:RoleAssignment, sorted by holder, date, title and article."""
    reader = _reader(graph)
    roles = []
    for node in reader.of_type(GK.RoleAssignment):
        holder = reader.value(node, GK.holder)
        if holder is None:
            continue
        article = articles.get(str(reader.text(node, PROV.wasDerivedFrom)), {})
        roles.append(
            RoleFact(
                _str(holder),
                reader.text(node, GK.title) or "",
                reader.text(reader.value(node, GK.roleOf), RDFS.label),
                article.get("id"),
                reader.text(node, DCTERMS.date) or article.get("date"),
                reader.text(node, GK.text),
            )
        )
    return sorted(set(roles), key=lambda r: (r.holder, r.date or "", r.title, r.article or ""))


_ENDS = (RDF.subject, RDF.predicate, RDF.object)


def read_statements(
    graph: ox.Store | Reader, articles: dict[str, dict[str, str | None]]
) -> dict[str, Statement]:
    """Every statement with both ends by IRI, in IRI order."""
    reader = _reader(graph)
    found: dict[str, Statement] = {}
    for node in reader.of_type(GK.Assertion):
        ends = [reader.value(node, p) for p in _ENDS]
        if any(end is None for end in ends):
            continue
        source = _source(reader, node, articles)
        subject, predicate, obj = (_str(end) for end in ends if end is not None)
        found[_str(node)] = Statement(_str(node), subject, predicate, obj, _kind(source), source)
    return found


def read_claims(
    graph: ox.Store | Reader, statements: dict[str, Statement]
) -> list[tuple[ClaimKey, list[Statement], str]]:
    """Each gk:Claim's key, its evidence statements (in IRI order) and its IRI, sorted
    by key."""
    reader = _reader(graph)
    claims = []
    for node in reader.of_type(GK.Claim):
        subject, predicate, obj = (str(reader.text(node, p)) for p in _ENDS)
        key = (subject, predicate, obj, str(reader.text(node, GK.status)))
        evidence = sorted(map(_str, reader.values(node, GK.evidence)))
        claims.append((key, [statements[e] for e in evidence if e in statements], _str(node)))
    return sorted(claims, key=lambda claim: claim[0])


def _article(reader: Reader, node: Term) -> dict[str, str | None]:
    return {
        "id": reader.text(node, GK.articleId) or _local(node),
        "title": reader.text(node, DCTERMS.title),
        "date": reader.text(node, DCTERMS.date),
        "source": reader.text(node, DCTERMS.source),
        "url": reader.text(node, SCHEMA_URL),
    }


def _time(reader: Reader, node: Term) -> tuple[str | None, str | None]:
    """The resolved date of the statement's first dated time qualifier, and its words."""
    for q in sorted(reader.values(node, GK.qualifier), key=_str):
        resolved = reader.text(q, GK.resolvedDate)
        if resolved is not None and span(resolved) is not None:
            return resolved, reader.text(q, GK.text)
    return None, None


def _event(reader: Reader, node: Term) -> dict[str, Any] | None:
    category, quad = reader.value(node, GK.eventCategory), reader.value(node, GK.quadClass)
    if category is None:
        return None
    intensity = reader.py(node, GK.intensity)
    return {
        "category": _local(category).rsplit("#", 1)[-1],
        "quad": None if quad is None else _local(quad).rsplit("#", 1)[-1],
        "intensity": None if intensity is None else float(intensity),
        "cue": reader.py(node, GK.eventCue),
    }


def _source(
    reader: Reader, node: Term, articles: dict[str, dict[str, str | None]]
) -> dict[str, Any]:
    py = lambda prop: reader.py(node, prop)  # noqa: E731
    article = articles.get(str(reader.text(node, PROV.wasDerivedFrom)), {})
    confidence = py(GK.confidence)
    resolved, words = _time(reader, node)
    speaker = reader.value(node, GK.attributedTo)
    return {
        "id": _local(node),
        "sentence": py(GK.sentence) or "",
        "sentence_start": py(GK.sentenceStart) or 0,
        "subject": [py(GK.subjectStart), py(GK.subjectEnd)],
        "object": [py(GK.objectStart), py(GK.objectEnd)],
        "relation": py(GK.relationText),
        "confidence": 0.0 if confidence is None else float(confidence),
        "negated": bool(py(GK.negated)),
        "hedged": bool(py(GK.hedged)),
        "modality": py(GK.modality),
        "attribution": py(GK.attributionText),
        "attribution_span": [py(GK.attributionStart), py(GK.attributionEnd)],
        "attributed_to": reader.text(speaker, RDFS.label),
        "speaker": None if speaker is None else _str(speaker),
        "cue": py(GK.attributionCue),
        "article": article.get("id"),
        "article_date": article.get("date"),
        "time": words,
        "date": resolved,
        "event": _event(reader, node),
    }


def neighbourhood(pairs: Iterable[tuple[str, str]], start: str, hops: int) -> set[str]:
    """Nodes at most ``hops`` edges from ``start``, edges taken in either direction."""
    adjacent: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        adjacent[a].add(b)
        adjacent[b].add(a)
    reached, frontier = {start}, {start}
    for _ in range(max(0, hops)):
        frontier = {n for f in frontier for n in adjacent[f]} - reached
        reached |= frontier
    return reached


def generate_view_data(
    graph: ox.Store,
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
