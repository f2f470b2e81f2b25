"""The data behind the HTML views, read from the RDF graph (so any export can be viewed).

This module is the only one of the views that reads the graph: it turns it into plain
records (:class:`GraphData`), and :mod:`graphkit.export.html.model` makes the page's
data from them. Each ``gk:Claim`` (its statements with the same subject, relation,
object and status) is one edge that lists all its sources: the grouping is the
graph's own (:func:`graphkit.rdf.build.group_claims`), never done again here.
Everything is sorted, so one graph always gives the same data, byte for byte.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node

from graphkit.export.html.dates import span
from graphkit.export.html.style import KIND_STYLE, TYPE_STYLE
from graphkit.rdf.build import SCHEMA_URL
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
    def read(cls, graph: Graph) -> GraphData:
        articles = read_articles(graph)
        statements = read_statements(graph, articles)
        return cls(
            articles,
            list(statements.values()),
            read_claims(graph, statements),
            read_entities(graph),
            read_roles(graph, articles),
            {str(r): str(graph.value(r, RDFS.label) or _local(r)) for r in _relations(graph)},
        )


Statements = GraphData  # its 0.2 name


def _value(node: Node | None) -> Any:
    return node.toPython() if isinstance(node, Literal) else node


def _text(graph: Graph, node: Node | None, prop: URIRef) -> str | None:
    value = None if node is None else graph.value(node, prop)
    return None if value is None else str(value)


def _local(node: Node | str) -> str:
    return str(node).rsplit("/", 1)[-1]


def _kind(source: dict[str, Any]) -> str:
    flags = {
        "negated": source["negated"],
        "hedged": source["hedged"],
        "attributed": source["attribution"] is not None,
        "modal": source["modality"] is not None,
    }
    return next((name for name, on in flags.items() if on), "fact")


def _relations(graph: Graph) -> Iterable[Node]:
    return graph.subjects(RDF.type, GK.Relation)


def read_articles(graph: Graph) -> dict[str, dict[str, str | None]]:
    """Each article's id, title, date, source and URL, by article IRI."""
    return {str(a): _article(graph, a) for a in graph.subjects(RDF.type, GK.Article)}


def read_entities(graph: Graph) -> dict[str, Entity]:
    """Every entity with a type, by IRI."""
    found = {}
    for node, kind in graph.subject_objects(GK.entityType):
        name = str(kind) if str(kind) in TYPE_STYLE else "Concept"
        found[str(node)] = Entity(
            str(node),
            _text(graph, node, RDFS.label) or _local(node),
            name,
            int(_value(graph.value(node, GK.mentionCount)) or 0),
            tuple(sorted(str(a) for a in graph.objects(node, SKOS.altLabel))),
            tuple(sorted(str(r) for r in graph.objects(node, GK.mergeReason))),
            tuple(sorted(str(r) for r in graph.objects(node, GK.holdsRole))),
            _text(graph, graph.value(node, GK.country), RDFS.label),
            _text(graph, graph.value(node, GK.affiliatedWith), RDFS.label),
            _text(graph, node, GK.actorCode),
            str(kind),
        )
    return found


def read_roles(graph: Graph, articles: dict[str, dict[str, str | None]]) -> list[RoleFact]:
    """Every gk:RoleAssignment, sorted by holder, date, title and article."""
    roles = []
    for node in graph.subjects(RDF.type, GK.RoleAssignment):
        holder = graph.value(node, GK.holder)
        if holder is None:
            continue
        article = articles.get(str(graph.value(node, PROV.wasDerivedFrom)), {})
        roles.append(
            RoleFact(
                str(holder),
                _text(graph, node, GK.title) or "",
                _text(graph, graph.value(node, GK.roleOf), RDFS.label),
                article.get("id"),
                _text(graph, node, DCTERMS.date) or article.get("date"),
                _text(graph, node, GK.text),
            )
        )
    return sorted(set(roles), key=lambda r: (r.holder, r.date or "", r.title, r.article or ""))


def read_statements(
    graph: Graph, articles: dict[str, dict[str, str | None]]
) -> dict[str, Statement]:
    """Every statement with both ends by IRI, in IRI order."""
    found: dict[str, Statement] = {}
    for node in sorted(graph.subjects(RDF.type, GK.Assertion), key=str):
        props = dict(graph.predicate_objects(node))
        ends = [props.get(p) for p in (RDF.subject, RDF.predicate, RDF.object)]
        if any(end is None for end in ends):
            continue
        source = _source(graph, node, props, articles)
        subject, predicate, obj = (str(end) for end in ends)
        found[str(node)] = Statement(str(node), subject, predicate, obj, _kind(source), source)
    return found


def read_claims(
    graph: Graph, statements: dict[str, Statement]
) -> list[tuple[ClaimKey, list[Statement], str]]:
    """Each gk:Claim's key, its evidence statements (in IRI order) and its IRI, sorted
    by key."""
    claims = []
    for node in graph.subjects(RDF.type, GK.Claim):
        ends = [graph.value(node, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
        subject, predicate, obj = (str(end) for end in ends)
        key = (subject, predicate, obj, str(graph.value(node, GK.status)))
        evidence = sorted(str(e) for e in graph.objects(node, GK.evidence))
        claims.append((key, [statements[e] for e in evidence if e in statements], str(node)))
    return sorted(claims, key=lambda claim: claim[0])


def _article(graph: Graph, node: Node) -> dict[str, str | None]:
    return {
        "id": _text(graph, node, GK.articleId) or _local(node),
        "title": _text(graph, node, DCTERMS.title),
        "date": _text(graph, node, DCTERMS.date),
        "source": _text(graph, node, DCTERMS.source),
        "url": _text(graph, node, SCHEMA_URL),
    }


def _time(graph: Graph, node: Node) -> tuple[str | None, str | None]:
    """The resolved date of the statement's first dated time qualifier, and its words."""
    for q in sorted(graph.objects(node, GK.qualifier), key=str):
        resolved = graph.value(q, GK.resolvedDate)
        if resolved is not None and span(str(resolved)) is not None:
            return str(resolved), _text(graph, q, GK.text)
    return None, None


def _event(graph: Graph, props: dict[Node, Node]) -> dict[str, Any] | None:
    category, quad = props.get(GK.eventCategory), props.get(GK.quadClass)
    if category is None:
        return None
    intensity = _value(props.get(GK.intensity))
    return {
        "category": _local(category).rsplit("#", 1)[-1],
        "quad": None if quad is None else _local(quad).rsplit("#", 1)[-1],
        "intensity": None if intensity is None else float(intensity),
        "cue": _value(props.get(GK.eventCue)),
    }


def _source(
    graph: Graph, node: Node, props: dict[Node, Node], articles: dict[str, dict[str, str | None]]
) -> dict[str, Any]:
    py = lambda prop: _value(props.get(prop))  # noqa: E731
    article = articles.get(str(props.get(PROV.wasDerivedFrom)), {})
    confidence = py(GK.confidence)
    resolved, words = _time(graph, node)
    speaker = props.get(GK.attributedTo)
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
        "attributed_to": _text(graph, speaker, RDFS.label),
        "speaker": None if speaker is None else str(speaker),
        "cue": py(GK.attributionCue),
        "article": article.get("id"),
        "article_date": article.get("date"),
        "time": words,
        "date": resolved,
        "event": _event(graph, props),
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
    graph: Graph,
    actor: str | None = None,
    hops: int = 1,
    min_confidence: float = 0.0,
    read: GraphData | None = None,
    positions: Positions | None = None,
) -> dict[str, Any]:
    """Nodes, edges, sources, articles, legends and time span, ready for the page.

    ``actor`` (an entity IRI) keeps only its ``hops``-neighbourhood; ``min_confidence``
    drops the statements below it before anything is drawn. ``read`` is the graph's
    :class:`GraphData` when the caller has it already; ``positions`` (by node id) are
    kept, and only the nodes they lack are laid out (see
    :func:`graphkit.export.html.layout.layout`).
    """
    from graphkit.export.html.model import view_data

    read = read if read is not None else GraphData.read(graph)
    return view_data(read, actor, hops, min_confidence, positions)
