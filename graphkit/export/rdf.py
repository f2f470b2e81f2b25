"""RDF serializations of the graph: Turtle, N-Triples and TriG (JSON-LD: ``jsonld``).

Each is written by pyoxigraph from the graph's sorted N-Triples lines
(:mod:`graphkit.rdf.triples`), so it is deterministic: the same graph gives the same
bytes whatever order its triples were added in (the graph has no blank nodes, whose
labels would change from run to run). Turtle groups each subject's triples, sorted;
N-Triples lines are sorted; TriG has one named graph per article, graphs sorted.
Each function takes the lines, or an rdflib graph (the Python API's).
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.graph import _TripleType
from rdflib.namespace import PROV

from graphkit.rdf.build import PREFIXES
from graphkit.rdf.iri import ARTICLES
from graphkit.rdf.triples import line_of, serialize
from graphkit.rdf.vocab import GK

Lines = Sequence[str]
TURTLE_PREFIXES = {
    **PREFIXES,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _lines(graph: Graph | Lines) -> Lines:
    if isinstance(graph, Graph):
        return sorted(line_of(triple) for triple in graph)
    return graph


def _turtle_parts(lines: Lines) -> tuple[list[str], str]:
    """The ``@prefix`` lines (sorted: pyoxigraph's order is its own) and the body."""
    written = serialize(lines, "turtle", TURTLE_PREFIXES).split("\n")
    cut = next((i for i, line in enumerate(written) if not line.startswith("@prefix ")), 0)
    return sorted(written[:cut]), "\n".join(written[cut:]).strip("\n") + "\n"


def generate_turtle(graph: Graph | Lines) -> str:
    """Turtle text: the prefixes of :data:`TURTLE_PREFIXES`, then each
    subject's triples in order.

    >>> text = generate_turtle(['<https://w3id.org/graphkit/id/entity/a> '
    ...                         '<http://www.w3.org/2000/01/rdf-schema#label> "A" .'])
    >>> text.splitlines()[0], text.splitlines()[-1]
    ('@prefix art: <https://w3id.org/graphkit/id/article/> .', 'ent:a rdfs:label "A" .')
    """
    heads, body = _turtle_parts(_lines(graph))
    return "".join(line + "\n" for line in heads) + "\n" + body


class _Body:
    """A binary stream that drops the ``@prefix`` lines pyoxigraph writes first (in an
    order of its own: the sorted ones are written before) and the blank lines after."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.head = b""  # what came before the body was found
        self.started = False

    def write(self, data: bytes) -> int:
        if self.started:
            return self.handle.write(data)
        self.head += data
        lines = self.head.split(b"\n")
        for at, line in enumerate(lines[:-1]):
            if line and not line.startswith(b"@prefix "):
                self.started = True
                self.handle.write(b"\n".join(lines[at:]))
                return len(data)
        self.head = lines[-1] if not lines[-1].startswith(b"@prefix ") else self.head
        return len(data)

    def flush(self) -> None:
        self.handle.flush()


def turtle_header() -> bytes:
    """The ``@prefix`` lines :func:`write_turtle` starts with, sorted, and the blank
    line after them."""
    heads = "".join(f"@prefix {p}: <{n}> .\n" for p, n in sorted(TURTLE_PREFIXES.items()))
    return (heads + "\n").encode()


def write_turtle(lines: Path, handle: BinaryIO) -> None:
    """Write the Turtle of the sorted N-Triples file ``lines`` into ``handle``, as
    :func:`generate_turtle` writes it, streamed: pyoxigraph reads and writes it a
    block at a time, so a graph of millions of triples is never one string."""
    if not lines.stat().st_size:  # an empty graph: no prefixes either
        handle.write(b"\n\n")
        return
    handle.write(turtle_header())
    write_turtle_body(lines, handle)


def write_turtle_body(lines: Path | bytes, handle: BinaryIO) -> None:
    """The Turtle of sorted N-Triples lines (a file, or its bytes) without the header:
    each subject's triples, in order."""
    import pyoxigraph as ox

    nt = ox.RdfFormat.N_TRIPLES
    read = ox.parse(path=str(lines), format=nt) if isinstance(lines, Path) else ox.parse(lines, nt)
    ox.serialize(
        read,
        output=_Body(handle),  # type: ignore[arg-type]  # a writer is all it needs
        format=ox.RdfFormat.TURTLE,
        prefixes=TURTLE_PREFIXES,
    )


def write_ntriples(lines: Path, handle: BinaryIO) -> None:
    """The sorted N-Triples file ``lines`` is the N-Triples export: copied."""
    with lines.open("rb") as source:
        shutil.copyfileobj(source, handle, 1 << 20)


def generate_ntriples(graph: Graph | Lines) -> str:
    """N-Triples, one triple a line, lines sorted.

    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:b"), RDF.type, URIRef("urn:c")))
    >>> _ = g.add((URIRef("urn:a"), URIRef("urn:label"), Literal("x\\ny")))
    >>> print(generate_ntriples(g), end="")
    <urn:a> <urn:label> "x\\ny" .
    <urn:b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:c> .
    """
    return serialize(_lines(graph), "ntriples")


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
            fact = (ends[0], ends[1], ends[2])
            # a statement with two relations (two assertions of one id: never in a
            # build, whose ids are hashes of their content) pairs ends of both: such a
            # triple is not in the graph, and no export may add one
            if fact in graph:
                triples.add(fact)  # type: ignore[arg-type]
    placed = set().union(*named.values()) if named else set()
    return {t for t in graph if t not in placed}, dict(named)


def _graph_label(iri: URIRef) -> str:
    local = str(iri)[len(ARTICLES) :]
    return f"art:{local}" if str(iri).startswith(ARTICLES) and local.isascii() else iri.n3()


def generate_trig(graph: Graph) -> str:
    """TriG with one named graph per article, named by the article's IRI (so
    ``GRAPH ?article { ... }`` finds an article's assertions), graphs sorted."""
    default, named = article_partition(graph)
    prefixes: set[str] = set()
    blocks = []
    for label, triples in [("", default), *((_graph_label(a), named[a]) for a in sorted(named))]:
        if not triples:
            continue
        heads, body = _turtle_parts(sorted(line_of(triple) for triple in triples))
        prefixes.update(heads)
        blocks.append(f"{label + ' ' if label else ''}{{\n{body}}}\n")
    header = "".join(line + "\n" for line in sorted(prefixes))
    return header + "\n" + "\n".join(blocks)
