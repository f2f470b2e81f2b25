"""The RDF model: articles, entities, assertions with provenance, and the claims they make.

Every assertion with two resolved ends becomes a ``gk:Assertion`` (an
``rdf:Statement``) that carries its sentence, offsets, article, confidence, negation,
modality, hedging, attribution and qualifiers: one node per sentence, so provenance
stays exact. Assertions that say the same thing (same subject entity, relation lemma,
object entity and status) are grouped under one ``gk:Claim``: the edge an analyst
counts, with ``gk:sourceCount`` sentences, ``gk:articleCount`` articles and a
``gk:evidence`` link to each assertion. Only affirmative, unhedged, unattributed,
non-modal claims are also stated as plain ``subject rel:lemma object`` triples, so a
rumour or a denial never reads as a fact. The graph has no blank nodes, so every
serialization of it is stable.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import OWL, SKOS
from rdflib.namespace import PROV as _PROV
from rdflib.term import Node

from graphkit.ids import source_file
from graphkit.rdf.iri import (
    ARTICLES,
    CLAIMS,
    ENTITIES,
    RELATIONS,
    ROLES,
    STATEMENTS,
    article_iri,
    claim_iri,
    entity_iri,
    qualifier_iri,
    relation_iri,
    role_iri,
    statement_iri,
)
from graphkit.rdf.triples import (
    Lit,
    TripleLines,
    literal,
    rdflib_graph,
    string_literal,
    typed_literal,
)
from graphkit.rdf.vocab import GK as _GK
from graphkit.rdf.vocab import PLOVER, Terms
from graphkit.types import (
    ENTITY_TYPES,
    Article,
    Assertion,
    Corpus,
    Entity,
    Event,
    Role,
    Status,
)

SCHEMA_URL = URIRef("https://schema.org/url")
GK, RDF, RDFS, PROV, DCTERMS = map(Terms, (_GK, _RDF, _RDFS, _PROV, _DCTERMS))
PREFIXES = {
    "gk": str(_GK),
    "rel": RELATIONS,
    "ent": ENTITIES,
    "art": ARTICLES,
    "st": STATEMENTS,
    "claim": CLAIMS,
    "role": ROLES,
    "prov": str(_PROV),
    "dcterms": str(_DCTERMS),
    "skos": str(SKOS),
    "schema": "https://schema.org/",
    "owl": str(OWL),
    "plover": str(PLOVER),
}
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_DATE_TYPES = (
    (re.compile(r"\d{4}-\d{2}-\d{2}"), "date"),
    (re.compile(r"\d{4}-\d{2}"), "gYearMonth"),
    (re.compile(r"\d{4}"), "gYear"),
)


@dataclass(frozen=True)
class Claim:
    """Every assertion of one edge: subject entity, relation lemma, object entity, status."""

    subject: str
    lemma: str
    object: str
    status: Status
    assertions: tuple[Assertion, ...]

    @property
    def iri(self) -> URIRef:
        return claim_iri(self.subject, self.lemma, self.object, self.status)


def text(value: str) -> Lit:
    """A string literal; a lone surrogate, which no RDF syntax (nor UTF-8) can carry,
    becomes U+FFFD. Everything else, NUL and control characters included, is kept
    (escaped as Oxigraph escapes them).

    >>> text("a\\ud800b") == string_literal("a\\ufffdb"), text("a\\x00b")
    (True, '"a\\\\u0000b"')
    """
    return string_literal(value if value.isascii() else _LONE_SURROGATE.sub("\ufffd", value))


def decimal(value: float) -> Lit:
    """An ``xsd:decimal`` whose lexical form is the same in every syntax (no exponent,
    at most six places); a value that is not finite counts as 0.

    >>> [decimal(v).split('"')[1] for v in (0.81, 1, 1e-7, float("nan"))]
    ['0.81', '1.0', '0.0', '0.0']
    """
    number = float(value) if math.isfinite(value) else 0.0
    lexical = f"{number:.6f}".rstrip("0")
    return typed_literal(lexical + "0" * lexical.endswith("."), "decimal")


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


class Sink(Protocol):
    """Where triples go (:class:`~graphkit.rdf.triples.TripleLines`)."""

    def add(self, triple: tuple[Node | Lit, Node, Node | Lit], /) -> Any: ...


def build_graph(corpus: Corpus) -> Graph:
    """The RDF graph of a resolved corpus, as an rdflib graph (the Python API's; a
    build writes its exports from :func:`build_lines`)."""
    return rdflib_graph(build_lines(corpus), PREFIXES)


def build_lines(corpus: Corpus) -> tuple[str, ...]:
    """The RDF graph of a resolved corpus as sorted, unique N-Triples lines (what a
    build writes its exports from: :mod:`graphkit.rdf.triples`)."""
    lines = TripleLines()
    add_corpus(lines, corpus)
    return lines.sorted()


def add_corpus(graph: Sink, corpus: Corpus) -> None:
    """Add the triples of a resolved corpus to ``graph``."""
    countries = country_entities(corpus.entities)
    for article in corpus.articles:
        add_article(graph, article)
    for entity in corpus.entities:
        add_entity(graph, entity, countries)
    for assertion in corpus.assertions:
        add_assertion(graph, assertion)
    for claim in group_claims(corpus.assertions):
        add_claim(graph, claim)
    known = {e.id for e in corpus.entities}
    for role in corpus.roles:
        if role.holder in known:
            add_role(graph, role, known)


def country_entities(entities: Iterable[Entity]) -> dict[str, Entity]:
    """The country entity of each ISO code: the first of ``entities`` (sorted by id in
    a corpus) that is a country with that code; ``gk:country`` links point to it."""
    countries: dict[str, Entity] = {}
    for entity in entities:
        if entity.type == "Country" and entity.country:
            countries.setdefault(entity.country, entity)
    return countries


def add_role(graph: Sink, role: Role, known: set[str]) -> URIRef:
    """A role fact as a node: holder, title, whose office, article, date, sentence."""
    node = role_iri(role.holder, role.title, role.of, role.doc)
    graph.add((node, RDF.type, GK.RoleAssignment))
    graph.add((node, GK.holder, entity_iri(role.holder)))
    graph.add((node, GK.title, text(role.title)))
    if role.of is not None and role.of in known:
        graph.add((node, GK.roleOf, entity_iri(role.of)))
    graph.add((node, PROV.wasDerivedFrom, article_iri(role.doc)))
    if role.date:
        graph.add((node, DCTERMS.date, text(role.date)))
    if role.evidence:  # gk:sentence would make it an assertion (its domain)
        graph.add((node, GK.text, text(role.evidence)))
    return node


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


def add_article(graph: Sink, article: Article) -> None:
    node = article_iri(article.id)
    graph.add((node, RDF.type, GK.Article))
    graph.add((node, GK.articleId, text(article.id)))
    graph.add((node, GK.contentHash, text(article.content_hash)))
    optional = (
        (DCTERMS.title, article.title),
        (DCTERMS.date, article.published),
        (DCTERMS.source, article.source),
        (DCTERMS.spatial, article.place),  # where it was filed: its dateline's place
        (SCHEMA_URL, article.url),
        (GK.sourceFile, source_file(article.path)),
    )
    for prop, value in optional:
        if value:
            graph.add((node, prop, text(value)))


def add_entity(graph: Sink, entity: Entity, countries: Mapping[str, Entity]) -> None:
    """An entity node; ``countries`` maps ISO codes to the corpus's country entities.

    A type outside the ontology keeps its ``gk:entityType`` but gets no class."""
    node = entity_iri(entity.id)
    if entity.type in ENTITY_TYPES:
        graph.add((node, RDF.type, GK[entity.type]))
    graph.add((node, RDFS.label, text(entity.label)))
    graph.add((node, GK.entityType, text(entity.type)))
    graph.add((node, GK.mentionCount, literal(entity.mentions)))
    for alias in entity.aliases:
        if alias != entity.label:
            graph.add((node, SKOS.altLabel, text(alias)))
    for role in entity.roles:
        graph.add((node, GK.holdsRole, text(role)))
    for reason in entity.merges:
        graph.add((node, GK.mergeReason, text(reason)))
    if entity.country:
        if entity.type == "Country":
            graph.add((node, GK.isoCode, text(entity.country)))
        elif entity.country in countries:
            graph.add((node, GK.country, entity_iri(countries[entity.country].id)))
    if entity.affiliation:
        graph.add((node, GK.affiliatedWith, entity_iri(entity.affiliation)))
    if entity.code:
        graph.add((node, GK.actorCode, text(entity.code)))


def _ends(assertion: Assertion) -> tuple[str, str] | None:
    """The subject and object entity ids, or None when the assertion is no edge."""
    obj = assertion.object
    if obj is None or obj.entity is None or assertion.subject.entity is None:
        return None  # no edge without two ends; the claim stays in assertions.jsonl
    return assertion.subject.entity, obj.entity


def add_assertion(graph: Sink, assertion: Assertion) -> URIRef | None:
    """Add one assertion as a statement node (and a plain triple if it is a fact)."""
    ends = _ends(assertion)
    if ends is None or assertion.object is None:
        return None
    obj = assertion.object
    subject, target = entity_iri(ends[0]), entity_iri(ends[1])
    predicate = relation_iri(assertion.relation.lemma)
    node = statement_iri(assertion.id)
    graph.add((predicate, RDF.type, GK.Relation))
    graph.add((predicate, RDFS.label, text(assertion.relation.lemma)))
    for triple in (
        (RDF.type, GK.Assertion),
        (RDF.type, RDF.Statement),
        (RDF.subject, subject),
        (RDF.predicate, predicate),
        (RDF.object, target),
        (PROV.wasDerivedFrom, article_iri(assertion.doc)),
        (GK.sentence, text(assertion.sentence)),
        (GK.sentenceIndex, literal(assertion.sentence_index)),
        (GK.sentenceStart, literal(assertion.sentence_start)),
        (GK.relationText, text(assertion.relation.text)),
        (GK.subjectText, text(assertion.subject.text)),
        (GK.subjectStart, literal(assertion.subject.start)),
        (GK.subjectEnd, literal(assertion.subject.end)),
        (GK.objectText, text(obj.text)),
        (GK.objectStart, literal(obj.start)),
        (GK.objectEnd, literal(obj.end)),
        (GK.negated, literal(assertion.relation.negated)),
        (GK.hedged, literal(assertion.hedged)),
        (GK.passive, literal(assertion.relation.passive)),
        (GK.factual, literal(assertion.is_fact)),
        (GK.confidence, decimal(assertion.confidence)),
    ):
        graph.add((node, *triple))
    if assertion.relation.modality:
        graph.add((node, GK.modality, text(assertion.relation.modality)))
    if assertion.event is not None:
        add_event(graph, node, assertion.event)
        graph.add((node, GK.eventCue, text(assertion.event.cue)))
    _add_attribution(graph, node, assertion)
    _add_qualifiers(graph, node, assertion)
    if assertion.is_fact:
        graph.add((subject, predicate, target))
    return node


def _add_attribution(graph: Sink, node: URIRef, assertion: Assertion) -> None:
    attribution = assertion.attribution
    if attribution is None:
        return
    graph.add((node, GK.attributionText, text(attribution.text)))
    if attribution.cue:
        graph.add((node, GK.attributionCue, text(attribution.cue)))
    if attribution.entity:
        graph.add((node, GK.attributedTo, entity_iri(attribution.entity)))
    if attribution.start >= 0:  # -1: the extractor did not locate the source's words
        graph.add((node, GK.attributionStart, literal(attribution.start)))
        graph.add((node, GK.attributionEnd, literal(attribution.end)))


def _add_qualifiers(graph: Sink, node: URIRef, assertion: Assertion) -> None:
    for index, qualifier in enumerate(assertion.qualifiers):
        q = qualifier_iri(assertion.id, index)
        graph.add((node, GK.qualifier, q))
        graph.add((q, RDF.type, GK.Qualifier))
        graph.add((q, GK.qualifierRole, text(qualifier.role)))
        graph.add((q, GK.text, text(qualifier.text)))
        graph.add((q, GK.start, literal(qualifier.start)))
        graph.add((q, GK.end, literal(qualifier.end)))
        if qualifier.date:
            graph.add((q, GK.resolvedDate, date_literal(qualifier.date)))
        named = qualifier.entities or ((qualifier.entity,) if qualifier.entity else ())
        for entity in named:  # "in Kherson": the place or actor its words name
            graph.add((q, GK.namesEntity, entity_iri(entity)))


def group_claims(assertions: Iterable[Assertion]) -> list[Claim]:
    """The claims of ``assertions``: one per edge and status, sources in input order.

    An assertion id met twice counts once."""
    groups: dict[tuple[str, str, str, Status], dict[str, Assertion]] = {}
    for assertion in assertions:
        ends = _ends(assertion)
        if ends is not None:
            key = (ends[0], assertion.relation.lemma, ends[1], assertion.status)
            groups.setdefault(key, {}).setdefault(assertion.id, assertion)
    return [Claim(*key, tuple(found.values())) for key, found in groups.items()]


def add_event(graph: Sink, node: URIRef, event: Event) -> None:
    """An event's category, quad class and intensity on an assertion or claim node."""
    graph.add((node, GK.eventCategory, PLOVER[event.category]))
    quad = "".join(word.capitalize() for word in event.quad_class.split())
    graph.add((node, GK.quadClass, PLOVER[quad]))  # "verbal cooperation" -> VerbalCooperation
    graph.add((node, GK.intensity, decimal(event.intensity)))


def add_claim(graph: Sink, claim: Claim) -> URIRef:
    """The claim node: its edge and status, how often it is stated, and by what."""
    node = claim.iri
    for triple in (
        (RDF.type, GK.Claim),
        (RDF.subject, entity_iri(claim.subject)),
        (RDF.predicate, relation_iri(claim.lemma)),
        (RDF.object, entity_iri(claim.object)),
        (GK.status, literal(claim.status)),
        (GK.negated, literal(claim.status == "negated")),
        (GK.factual, literal(claim.status == "fact")),
        (GK.sourceCount, literal(len(claim.assertions))),
        (GK.articleCount, literal(len({a.doc for a in claim.assertions}))),
    ):
        graph.add((node, *triple))
    for assertion in claim.assertions:
        if assertion.event is not None:
            add_event(graph, node, assertion.event)
        graph.add((node, GK.evidence, statement_iri(assertion.id)))
        graph.add((node, PROV.wasDerivedFrom, article_iri(assertion.doc)))
    return node
