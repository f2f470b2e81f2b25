"""RDF serializations of the graph: Turtle, N-Triples and TriG (JSON-LD: ``jsonld``).

Each is deterministic: the same graph gives the same bytes whatever order its triples
were added in. rdflib's Turtle writer sorts subjects and properties by itself (the
graph has no blank nodes, whose labels would change from run to run); N-Triples lines
and TriG graphs are sorted here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.graph import _TripleType
from rdflib.namespace import PROV

from graphkit.rdf.build import new_graph
from graphkit.rdf.iri import ARTICLES
from graphkit.rdf.vocab import GK


def generate_turtle(graph: Graph) -> str:
    """Turtle text; deterministic because the graph has no blank nodes and rdflib
    sorts subjects and predicates."""
    return graph.serialize(format="turtle")


def generate_ntriples(graph: Graph) -> str:
    """N-Triples, one triple a line, lines sorted.

    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:b"), RDF.type, URIRef("urn:c")))
    >>> _ = g.add((URIRef("urn:a"), URIRef("urn:label"), Literal("x\\ny")))
    >>> print(generate_ntriples(g), end="")
    <urn:a> <urn:label> "x\\ny" .
    <urn:b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:c> .
    """
    # split on "\n" only: str.splitlines would also cut at U+2028 inside a literal
    lines = [line for line in graph.serialize(format="nt").split("\n") if line]
    return "".join(line + "\n" for line in sorted(lines))


def article_partition(graph: Graph) -> tuple[set[_TripleType], dict[URIRef, set[_TripleType]]]:
    """The default graph's triples and each article's: an article's graph holds its
    assertions (with their qualifiers) and the plain facts they state; entities,
    articles, relations and claims, which span articles, stay in the default graph."""
    named: dict[URIRef, set[_TripleType]] = defaultdict(set)
    for statement in graph.subjects(RDF.type, GK.Assertion):
        article = graph.value(statement, PROV.wasDerivedFrom)
        if not isinstance(article, URIRef):
            continue
        triples = named[article]
        triples.update(graph.triples((statement, None, None)))
        for qualifier in graph.objects(statement, GK.qualifier):
            triples.update(graph.triples((qualifier, None, None)))
        if graph.value(statement, GK.factual) == Literal(True):
            ends = [graph.value(statement, p) for p in (RDF.subject, RDF.predicate, RDF.object)]
            triples.add((ends[0], ends[1], ends[2]))  # type: ignore[arg-type]
    placed = set().union(*named.values()) if named else set()
    return {t for t in graph if t not in placed}, dict(named)


def _turtle_parts(triples: Iterable[_TripleType], names: Graph) -> tuple[list[str], str]:
    """The ``@prefix`` lines and the body of the Turtle of ``triples``; the prefixes of
    ``names`` are shared by all parts, so a generated ``ns1`` means one thing."""
    part = Graph(namespace_manager=names.namespace_manager)
    for triple in triples:
        part.add(triple)
    lines = generate_turtle(part).split("\n")
    cut = next((i for i, line in enumerate(lines) if not line.startswith("@prefix ")), 0)
    return lines[:cut], "\n".join(lines[cut:]).strip("\n") + "\n"


def _graph_label(iri: URIRef) -> str:
    local = str(iri)[len(ARTICLES) :]
    return f"art:{local}" if str(iri).startswith(ARTICLES) and local.isascii() else iri.n3()


def generate_trig(graph: Graph) -> str:
    """TriG with one named graph per article, named by the article's IRI (so
    ``GRAPH ?article { ... }`` finds an article's assertions), graphs sorted."""
    default, named = article_partition(graph)
    prefixes: set[str] = set()
    blocks = []
    names = new_graph()
    for label, triples in [("", default), *((_graph_label(a), named[a]) for a in sorted(named))]:
        if not triples:
            continue
        heads, body = _turtle_parts(triples, names)
        prefixes.update(heads)
        blocks.append(f"{label + ' ' if label else ''}{{\n{body}}}\n")
    header = "".join(line + "\n" for line in sorted(prefixes))
    return header + "\n" + "\n".join(blocks)
