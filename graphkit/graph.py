"""The RDF model: articles, entities and assertions as statement nodes with provenance.

Every assertion with an object becomes a ``gk:Assertion`` (an ``rdf:Statement``)
that carries its sentence, offsets, article, confidence, negation, modality, hedging,
attribution and qualifiers. Only affirmative, unhedged, unattributed, non-modal
assertions are also stated as plain ``subject rel:lemma object`` triples, so a
rumour or a denial never reads as a fact.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from graphkit.iri import (
    BASE,
    RELATIONS,
    article_iri,
    entity_iri,
    qualifier_iri,
    relation_iri,
    statement_iri,
)
from graphkit.types import Article, Assertion, Corpus, Entity
from graphkit.vocab import GK

SCHEMA_URL = URIRef("https://schema.org/url")
PREFIXES = {
    "gk": str(GK),
    "rel": RELATIONS,
    "ent": BASE + "id/entity/",
    "art": BASE + "id/article/",
    "st": BASE + "id/statement/",
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "schema": "https://schema.org/",
    "owl": str(OWL),
}


def new_graph() -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def build_graph(corpus: Corpus) -> Graph:
    """The RDF graph of a resolved corpus."""
    graph = new_graph()
    for article in corpus.articles:
        add_article(graph, article)
    for entity in corpus.entities:
        add_entity(graph, entity, corpus)
    for assertion in corpus.assertions:
        add_assertion(graph, assertion, corpus)
    return graph


def add_article(graph: Graph, article: Article) -> None:
    node = article_iri(article.id)
    graph.add((node, RDF.type, GK.Article))
    graph.add((node, GK.articleId, Literal(article.id)))
    graph.add((node, GK.contentHash, Literal(article.content_hash)))
    optional = (
        (DCTERMS.title, article.title),
        (DCTERMS.date, article.published),
        (DCTERMS.source, article.source),
        (SCHEMA_URL, article.url),
        (
            GK.sourceFile,
            article.path.replace("\\", "/").rsplit("/", 1)[-1] if article.path else None,
        ),
    )
    for prop, value in optional:
        if value:
            graph.add((node, prop, Literal(value)))


def add_entity(graph: Graph, entity: Entity, corpus: Corpus) -> None:
    node = entity_iri(entity.id)
    graph.add((node, RDF.type, GK[entity.type]))
    graph.add((node, RDFS.label, Literal(entity.label)))
    graph.add((node, GK.entityType, Literal(entity.type)))
    graph.add((node, GK.mentionCount, Literal(entity.mentions)))
    for alias in entity.aliases:
        if alias != entity.label:
            graph.add((node, SKOS.altLabel, Literal(alias)))
    for role in entity.roles:
        graph.add((node, GK.holdsRole, Literal(role)))
    for reason in entity.merges:
        graph.add((node, GK.mergeReason, Literal(reason)))
    if entity.country:
        if entity.type == "Country":
            graph.add((node, GK.isoCode, Literal(entity.country)))
        else:
            country = _country_entity(corpus, entity.country)
            if country is not None:
                graph.add((node, GK.country, entity_iri(country.id)))


def _country_entity(corpus: Corpus, code: str) -> Entity | None:
    return next((e for e in corpus.entities if e.type == "Country" and e.country == code), None)


def add_assertion(graph: Graph, assertion: Assertion, corpus: Corpus) -> URIRef | None:
    """Add one assertion as a statement node (and a plain triple if it is a fact)."""
    obj = assertion.object
    if obj is None or obj.entity is None or assertion.subject.entity is None:
        return None  # no edge without two ends; the claim stays in assertions.jsonl
    subject, target = entity_iri(assertion.subject.entity), entity_iri(obj.entity)
    predicate = relation_iri(assertion.relation.lemma)
    node = statement_iri(assertion.id)
    graph.add((predicate, RDF.type, GK.Relation))
    graph.add((predicate, RDFS.label, Literal(assertion.relation.lemma)))
    for triple in (
        (RDF.type, GK.Assertion),
        (RDF.type, RDF.Statement),
        (RDF.subject, subject),
        (RDF.predicate, predicate),
        (RDF.object, target),
        (PROV.wasDerivedFrom, article_iri(assertion.doc)),
        (GK.sentence, Literal(assertion.sentence)),
        (GK.sentenceIndex, Literal(assertion.sentence_index)),
        (GK.sentenceStart, Literal(assertion.sentence_start)),
        (GK.relationText, Literal(assertion.relation.text)),
        (GK.subjectText, Literal(assertion.subject.text)),
        (GK.subjectStart, Literal(assertion.subject.start)),
        (GK.subjectEnd, Literal(assertion.subject.end)),
        (GK.objectText, Literal(obj.text)),
        (GK.objectStart, Literal(obj.start)),
        (GK.objectEnd, Literal(obj.end)),
        (GK.negated, Literal(assertion.relation.negated)),
        (GK.hedged, Literal(assertion.hedged)),
        (GK.passive, Literal(assertion.relation.passive)),
        (GK.factual, Literal(assertion.is_fact)),
        (GK.confidence, Literal(Decimal(str(assertion.confidence)), datatype=XSD.decimal)),
    ):
        graph.add((node, *triple))
    if assertion.relation.modality:
        graph.add((node, GK.modality, Literal(assertion.relation.modality)))
    _add_attribution(graph, node, assertion)
    for index, qualifier in enumerate(assertion.qualifiers):
        q = qualifier_iri(assertion.id, index)
        graph.add((node, GK.qualifier, q))
        graph.add((q, RDF.type, GK.Qualifier))
        graph.add((q, GK.qualifierRole, Literal(qualifier.role)))
        graph.add((q, GK.text, Literal(qualifier.text)))
        graph.add((q, GK.start, Literal(qualifier.start)))
        graph.add((q, GK.end, Literal(qualifier.end)))
    if assertion.is_fact:
        graph.add((subject, predicate, target))
    return node


def _add_attribution(graph: Graph, node: URIRef, assertion: Assertion) -> None:
    attribution = assertion.attribution
    if attribution is None:
        return
    graph.add((node, GK.attributionText, Literal(attribution.text)))
    if attribution.cue:
        graph.add((node, GK.attributionCue, Literal(attribution.cue)))
    if attribution.entity:
        graph.add((node, GK.attributedTo, entity_iri(attribution.entity)))
