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

from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS as _DCTERMS
from rdflib.namespace import OWL
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import SKOS as _SKOS
from rdflib.term import Node

from graphkit.collector import collector_paused
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
    date_literal,
    decimal,
    literal,
    rdflib_graph,
    text,
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
GK, RDF, RDFS, PROV, DCTERMS, SKOS = map(Terms, (_GK, _RDF, _RDFS, _PROV, _DCTERMS, _SKOS))
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
    "skos": str(_SKOS),
    "schema": "https://schema.org/",
    "owl": str(OWL),
    "plover": str(PLOVER),
}
Pairs = list[tuple[URIRef, Node | Lit]]  # (predicate, object): the triples of one subject


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


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


class Sink(Protocol):
    """Where triples go (:class:`~graphkit.rdf.triples.TripleLines`): one, or all
    those of one subject (its text looked up once)."""

    def add(self, triple: tuple[Node, Node, Node | Lit], /) -> Any: ...

    def add_all(self, subject: Node, pairs: Iterable[tuple[Node, Node | Lit]], /) -> Any: ...


def build_graph(corpus: Corpus) -> Graph:
    """The RDF graph of a resolved corpus, as an rdflib graph (the Python API's; a
    build writes its exports from :func:`build_lines`)."""
    return rdflib_graph(build_lines(corpus), PREFIXES)


def build_lines(corpus: Corpus) -> tuple[str, ...]:
    """The RDF graph of a resolved corpus as sorted, unique N-Triples lines (what a
    build writes its exports from: :mod:`graphkit.rdf.triples`)."""
    with collector_paused():  # millions of lines, lists of them, and no cycles
        return _sorted_lines(corpus)


def _sorted_lines(corpus: Corpus) -> tuple[str, ...]:
    lines = TripleLines()
    add_corpus(lines, corpus)
    # the sink goes as this returns, before the collector is back: else the collector
    # would walk its lists once more (a tenth of the stage) just before they are freed
    return lines.sorted()


def add_corpus(graph: Sink, corpus: Corpus) -> None:
    """Add the triples of a resolved corpus to ``graph``."""
    add_nodes(graph, corpus)
    add_claims(graph, corpus)


def add_nodes(graph: Sink, corpus: Corpus) -> None:
    """Add the triples of a corpus's articles, entities and assertions to ``graph``."""
    countries = country_entities(corpus.entities)
    for article in corpus.articles:
        add_article(graph, article)
    for entity in corpus.entities:
        add_entity(graph, entity, countries)
    for assertion in corpus.assertions:
        add_assertion(graph, assertion)


def add_claims(graph: Sink, corpus: Corpus) -> None:
    """Add the triples of a corpus's claims and role facts to ``graph``."""
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


def add_role(graph: Sink, role: Role, known: Container[str]) -> URIRef:
    """A role fact as a node: holder, title, whose office, article, date, sentence."""
    node = role_iri(role.holder, role.title, role.of, role.doc)
    pairs: Pairs = [
        (RDF.type, GK.RoleAssignment),
        (GK.holder, entity_iri(role.holder)),
        (GK.title, text(role.title)),
        (PROV.wasDerivedFrom, article_iri(role.doc)),
    ]
    if role.of is not None and role.of in known:
        pairs.append((GK.roleOf, entity_iri(role.of)))
    if role.date:
        pairs.append((DCTERMS.date, text(role.date)))
    if role.evidence:  # gk:sentence would make it an assertion (its domain)
        pairs.append((GK.text, text(role.evidence)))
    graph.add_all(node, pairs)
    return node


def add_article(graph: Sink, article: Article) -> None:
    optional = (
        (DCTERMS.title, article.title),
        (DCTERMS.date, article.published),
        (DCTERMS.source, article.source),
        (DCTERMS.spatial, article.place),  # where it was filed: its dateline's place
        (SCHEMA_URL, article.url),
        (GK.sourceFile, source_file(article.path)),
    )
    graph.add_all(
        article_iri(article.id),
        [
            (RDF.type, GK.Article),
            (GK.articleId, text(article.id)),
            (GK.contentHash, text(article.content_hash)),
            *((prop, text(value)) for prop, value in optional if value),
        ],
    )


def add_entity(graph: Sink, entity: Entity, countries: Mapping[str, Entity]) -> None:
    """An entity node; ``countries`` maps ISO codes to the corpus's country entities.

    A type outside the ontology keeps its ``gk:entityType`` but gets no class."""
    pairs: Pairs = [
        (RDFS.label, text(entity.label)),
        (GK.entityType, text(entity.type)),
        (GK.mentionCount, literal(entity.mentions)),
    ]
    for alias in entity.aliases:
        if alias != entity.label:
            pairs.append((SKOS.altLabel, text(alias)))
    for role in entity.roles:
        pairs.append((GK.holdsRole, text(role)))
    for reason in entity.merges:
        pairs.append((GK.mergeReason, text(reason)))
    if entity.type in ENTITY_TYPES:
        pairs.append((RDF.type, GK[entity.type]))
    if entity.country:
        if entity.type == "Country":
            pairs.append((GK.isoCode, text(entity.country)))
        elif entity.country in countries:
            pairs.append((GK.country, entity_iri(countries[entity.country].id)))
    if entity.affiliation:
        pairs.append((GK.affiliatedWith, entity_iri(entity.affiliation)))
    if entity.code:
        pairs.append((GK.actorCode, text(entity.code)))
    graph.add_all(entity_iri(entity.id), pairs)


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
    lemma = assertion.relation.lemma
    predicate = relation_iri(lemma)
    node = statement_iri(assertion.id)
    graph.add_all(predicate, [(RDF.type, GK.Relation), (RDFS.label, text(lemma))])
    pairs: Pairs = [
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
    ]
    if assertion.relation.modality:
        pairs.append((GK.modality, text(assertion.relation.modality)))
    if assertion.event is not None:
        pairs += event_pairs(assertion.event)
        pairs.append((GK.eventCue, text(assertion.event.cue)))
    pairs += _attribution_pairs(assertion)
    pairs += _add_qualifiers(graph, assertion)
    graph.add_all(node, pairs)
    if assertion.is_fact:
        graph.add((subject, predicate, target))
    return node


def _attribution_pairs(assertion: Assertion) -> Pairs:
    """The statement node's attribution: ``(predicate, object)`` pairs."""
    attribution = assertion.attribution
    if attribution is None:
        return []
    pairs: Pairs = [(GK.attributionText, text(attribution.text))]
    if attribution.cue:
        pairs.append((GK.attributionCue, text(attribution.cue)))
    if attribution.entity:
        pairs.append((GK.attributedTo, entity_iri(attribution.entity)))
    if attribution.start >= 0:  # -1: the extractor did not locate the source's words
        pairs.append((GK.attributionStart, literal(attribution.start)))
        pairs.append((GK.attributionEnd, literal(attribution.end)))
    return pairs


def _add_qualifiers(graph: Sink, assertion: Assertion) -> Pairs:
    """Add the qualifier nodes; return the statement node's links to them."""
    links: Pairs = []
    for index, qualifier in enumerate(assertion.qualifiers):
        q = qualifier_iri(assertion.id, index)
        links.append((GK.qualifier, q))
        pairs: Pairs = [
            (RDF.type, GK.Qualifier),
            (GK.qualifierRole, text(qualifier.role)),
            (GK.text, text(qualifier.text)),
            (GK.start, literal(qualifier.start)),
            (GK.end, literal(qualifier.end)),
        ]
        if qualifier.date:
            pairs.append((GK.resolvedDate, date_literal(qualifier.date)))
        named = qualifier.entities or ((qualifier.entity,) if qualifier.entity else ())
        # "in Kherson": the place or actor its words name
        pairs += [(GK.namesEntity, entity_iri(entity)) for entity in named]
        graph.add_all(q, pairs)
    return links


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


def event_pairs(event: Event) -> Pairs:
    """An event's category, quad class and intensity, for an assertion or claim node."""
    quad = "".join(word.capitalize() for word in event.quad_class.split())
    return [
        (GK.eventCategory, PLOVER[event.category]),
        (GK.quadClass, PLOVER[quad]),  # "verbal cooperation" -> VerbalCooperation
        (GK.intensity, decimal(event.intensity)),
    ]


def add_claim(graph: Sink, claim: Claim) -> URIRef:
    """The claim node: its edge and status, how often it is stated, and by what."""
    node = claim.iri
    pairs: Pairs = [
        (RDF.type, GK.Claim),
        (RDF.subject, entity_iri(claim.subject)),
        (RDF.predicate, relation_iri(claim.lemma)),
        (RDF.object, entity_iri(claim.object)),
        (GK.status, literal(claim.status)),
        (GK.negated, literal(claim.status == "negated")),
        (GK.factual, literal(claim.status == "fact")),
        (GK.sourceCount, literal(len(claim.assertions))),
        (GK.articleCount, literal(len({a.doc for a in claim.assertions}))),
    ]
    for assertion in claim.assertions:
        if assertion.event is not None:
            pairs += event_pairs(assertion.event)
        pairs.append((GK.evidence, statement_iri(assertion.id)))
        pairs.append((PROV.wasDerivedFrom, article_iri(assertion.doc)))
    graph.add_all(node, pairs)
    return node
