"""The RDF model on small hand-made corpora: statements, facts, claims, determinism."""

from __future__ import annotations

import random
from dataclasses import replace

from rdflib import RDF, BNode, Literal, URIRef
from rdflib.namespace import PROV

from graphkit.export.rdf import generate_turtle
from graphkit.rdf.build import build_graph, group_claims
from graphkit.rdf.iri import article_iri, claim_iri, entity_iri, relation_iri, statement_iri
from graphkit.rdf.vocab import GK
from graphkit.types import (
    Argument,
    Article,
    Assertion,
    Attribution,
    Corpus,
    Entity,
    Qualifier,
    Relation,
)

PUTIN = Entity("vladimir-putin-1", "Vladimir Putin", "Person", aliases=("Putin",), mentions=2)
TRUMP = Entity("donald-trump-2", "Donald Trump", "Person", aliases=("Trump",), mentions=3)
RUSSIA = Entity("russia-3", "Russia", "Country", country="RUS", mentions=1)
SOURCE = Entity("a-source-4", "a source", "AnonymousSource", mentions=1)


def article(doc: str, text: str = "") -> Article:
    return Article(id=doc, text=text or f"text of {doc}", content_hash=f"hash-{doc}")


def claim(
    ident: str,
    doc: str = "a1",
    subject: Entity = PUTIN,
    lemma: str = "congratulate",
    obj: Entity = TRUMP,
    **status: object,
) -> Assertion:
    """An assertion ``subject lemma obj``; keywords set negated, modality, hedged,
    attribution (an Attribution) or qualifiers."""
    relation = Relation(
        text=str(status.get("text", lemma)),
        lemma=lemma,
        negated=bool(status.get("negated", False)),
        modality=status.get("modality"),  # type: ignore[arg-type]
    )
    return Assertion(
        id=ident,
        doc=doc,
        sentence=f"{subject.label} {lemma} {obj.label}.",
        sentence_index=0,
        subject=Argument(subject.label, 0, len(subject.label), subject.id, subject.label, "Person"),
        relation=relation,
        object=Argument(obj.label, 20, 20 + len(obj.label), obj.id, obj.label, obj.type),
        qualifiers=tuple(status.get("qualifiers", ())),  # type: ignore[arg-type]
        attribution=status.get("attribution"),  # type: ignore[arg-type]
        hedged=bool(status.get("hedged", False)),
        confidence=0.8,
    )


def corpus_of(*assertions: Assertion, entities: tuple[Entity, ...] = ()) -> Corpus:
    docs = sorted({a.doc for a in assertions})
    return Corpus(
        articles=tuple(article(d) for d in docs),
        assertions=assertions,
        entities=entities or (PUTIN, TRUMP, RUSSIA, SOURCE),
    )


def test_a_negated_assertion_is_a_statement_never_a_fact() -> None:
    graph = build_graph(corpus_of(claim("s1", negated=True, text="has yet to congratulate")))
    node = statement_iri("s1")
    putin, trump, rel = entity_iri(PUTIN.id), entity_iri(TRUMP.id), relation_iri("congratulate")
    assert (node, RDF.type, RDF.Statement) in graph
    assert (node, RDF.subject, putin) in graph and (node, RDF.object, trump) in graph
    assert (node, GK.negated, Literal(True)) in graph
    assert (node, GK.relationText, Literal("has yet to congratulate")) in graph
    assert (node, PROV.wasDerivedFrom, article_iri("a1")) in graph
    assert (putin, rel, trump) not in graph


def test_only_affirmative_plain_claims_become_triples() -> None:
    said = Attribution("a source", SOURCE.id, SOURCE.label, "said", 40, 48)
    graph = build_graph(
        corpus_of(
            claim("fact", lemma="meet"),
            claim("hedged", lemma="phone", hedged=True),
            claim("modal", lemma="visit", modality="could"),
            claim("said", lemma="threaten", attribution=said),
        )
    )
    putin, trump = entity_iri(PUTIN.id), entity_iri(TRUMP.id)
    assert (putin, relation_iri("meet"), trump) in graph
    for lemma in ("phone", "visit", "threaten"):
        assert (putin, relation_iri(lemma), trump) not in graph
    node = statement_iri("said")
    assert (node, GK.attributedTo, entity_iri(SOURCE.id)) in graph
    assert (node, GK.attributionStart, Literal(40)) in graph
    assert (node, GK.attributionEnd, Literal(48)) in graph


def test_statements_carry_qualifiers_and_relations_their_lemma() -> None:
    when = Qualifier("time", "on Wednesday", 30, 42)
    graph = build_graph(corpus_of(claim("q", lemma="hope for", qualifiers=(when,))))
    [qualifier] = graph.objects(statement_iri("q"), GK.qualifier)
    assert (qualifier, GK.qualifierRole, Literal("time")) in graph
    assert (qualifier, GK.text, Literal("on Wednesday")) in graph
    assert (relation_iri("hope for"), RDF.type, GK.Relation) in graph
    assert str(relation_iri("hope for")).endswith("/rel/hope_for")


def test_one_claim_groups_every_source_of_an_edge() -> None:
    corpus = corpus_of(
        claim("s1", doc="a1", lemma="meet"),
        claim("s2", doc="a1", lemma="meet"),
        claim("s3", doc="a2", lemma="meet"),
        claim("s4", doc="a2", lemma="meet", negated=True),
    )
    graph = build_graph(corpus)
    fact = claim_iri(PUTIN.id, "meet", TRUMP.id, "fact")
    denial = claim_iri(PUTIN.id, "meet", TRUMP.id, "negated")
    assert set(graph.subjects(RDF.type, GK.Claim)) == {fact, denial}
    assert graph.value(fact, GK.sourceCount) == Literal(3)
    assert graph.value(fact, GK.articleCount) == Literal(2)
    assert set(graph.objects(fact, GK.evidence)) == {statement_iri(s) for s in ("s1", "s2", "s3")}
    assert set(graph.objects(fact, PROV.wasDerivedFrom)) == {article_iri("a1"), article_iri("a2")}
    assert graph.value(denial, GK.status) == Literal("negated")
    assert graph.value(denial, GK.sourceCount) == Literal(1)
    assert (fact, RDF.type, RDF.Statement) not in graph  # `?s a rdf:Statement`: sentences only


def test_claim_status_follows_the_assertion() -> None:
    said = Attribution("a source", SOURCE.id)
    assert claim("a").status == "fact"
    assert claim("b", negated=True, hedged=True).status == "negated"
    assert claim("c", hedged=True).status == "uncertain"
    assert claim("d", attribution=said).status == "uncertain"
    assert len(group_claims([claim("a"), claim("a")])) == 1  # one id counts once
    assert group_claims([claim("a"), claim("a")])[0].assertions == (claim("a"),)


def test_an_assertion_without_two_ends_is_no_edge() -> None:
    loose = replace(claim("loose"), object=None)
    unresolved = replace(claim("unresolved"), subject=Argument("someone", 0, 7))
    graph = build_graph(corpus_of(loose, unresolved, claim("kept")))
    assert set(graph.subjects(RDF.type, GK.Assertion)) == {statement_iri("kept")}


def test_entities_articles_and_countries() -> None:
    envoy = Entity("envoy-5", "Envoy", "Person", aliases=("Envoy", "the envoy"), country="RUS")
    odd = Entity("odd-6", "Odd", "NotAType")
    corpus = replace(corpus_of(claim("s")), entities=(PUTIN, TRUMP, RUSSIA, envoy, odd))
    graph = build_graph(corpus)
    node = entity_iri(envoy.id)
    assert (node, RDF.type, GK.Person) in graph
    assert set(graph.objects(node, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))) == {
        Literal("the envoy")
    }
    assert (node, GK.country, entity_iri(RUSSIA.id)) in graph
    assert (entity_iri(RUSSIA.id), GK.isoCode, Literal("RUS")) in graph
    assert graph.value(entity_iri(odd.id), RDF.type) is None  # no class outside the ontology
    assert (article_iri("a1"), GK.contentHash, Literal("hash-a1")) in graph


def test_no_blank_nodes_and_turtle_ignores_insertion_order() -> None:
    said = Attribution("a source", SOURCE.id, cue="said")
    assertions = [
        claim("s1", lemma="meet"),
        claim("s2", doc="a2", lemma="meet", attribution=said),
        claim(
            "s3", lemma="hope for", modality="hope", qualifiers=(Qualifier("in", "in Kyiv", 1, 8),)
        ),
        claim("s4", negated=True),
    ]
    corpus = corpus_of(*assertions)
    graph = build_graph(corpus)
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)
    shuffled = list(assertions)
    random.Random(3).shuffle(shuffled)
    other = replace(
        corpus,
        assertions=tuple(shuffled),
        articles=corpus.articles[::-1],
        entities=corpus.entities[::-1],
    )
    assert generate_turtle(build_graph(other)) == generate_turtle(graph)
