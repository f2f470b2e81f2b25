"""RDF serializations of the graph: Turtle, N-Triples and TriG (JSON-LD: ``jsonld``).

Each is written by pyoxigraph from the graph's sorted N-Triples lines
(:mod:`graphkit.rdf.triples`), so it is deterministic: the same graph gives the same
bytes whatever order its triples were added in (the graph has no blank nodes, whose
labels would change from run to run). Turtle groups each subject's triples, sorted;
N-Triples lines are sorted; TriG has one named graph per article, graphs sorted.
Each function takes the lines, or an rdflib graph (the Python API's).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO, cast

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.graph import _TripleType
from rdflib.namespace import PROV

from graphkit.processes import Forked, can_fork
from graphkit.rdf.build import PREFIXES
from graphkit.rdf.file_text import FileText, line_at, seek_line
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
    size = lines.stat().st_size
    if not size:  # an empty graph: no prefixes either
        handle.write(b"\n\n")
        return
    handle.write(turtle_header())
    middle = _subject_after(lines, size // 2) if size >= TURTLE_HALVES and can_fork() else size
    if middle >= size:
        write_turtle_body(lines, handle)
        return
    # the second half's blocks written by a copy of this process into a file beside
    # the lines, meanwhile: a block depends on its subject's triples alone
    fd, name = tempfile.mkstemp(".ttl", ".second-", lines.parent)
    os.close(fd)
    second = Path(name)
    try:
        copy = Forked(lambda: _write_range(lines, middle, size, second), "write the Turtle")
        try:
            with lines.open("rb", buffering=1 << 20) as source:
                write_turtle_body(_Range(source, 0, middle), handle)
            copy.result()
        finally:
            copy.close()
        with second.open("rb") as written:
            shutil.copyfileobj(written, handle, 1 << 20)
    finally:
        second.unlink(missing_ok=True)


# A lines file of this many bytes or more is written as Turtle in two halves at once
# (about 400,000 triples: a graph of 200 articles). The views are drawn meanwhile on
# the other core; the half they leave idle is the gain (issue 15).
TURTLE_HALVES = 64 << 20


def _subject_after(lines: Path, at: int) -> int:
    """Where the first subject after the one whose lines hold byte ``at`` of the sorted
    lines file ``lines`` begins (its size: none)."""
    with lines.open("rb") as source:
        text = FileText(source)
        start = text.rfind(b"\n", 0, at) + 1
        line = line_at(text, start, len(text))
        head = line[: line.index(b"> ") + 1]
        return seek_line(text, head + b"\xff", start, len(text))


def _write_range(lines: Path, start: int, end: int, target: Path) -> None:
    with lines.open("rb", buffering=1 << 20) as source, target.open("wb") as handle:
        write_turtle_body(_Range(source, start, end), handle)


class _Range:
    """Bytes ``start`` to ``end`` of an open file (buffered: pyoxigraph asks for a
    kilobyte at a time), read as a file is."""

    def __init__(self, source: BinaryIO, start: int, end: int) -> None:
        source.seek(start)
        self.source, self.left = source, end - start

    def read(self, size: int = -1) -> bytes:
        block = self.source.read(self.left if size < 0 else min(size, self.left))
        self.left -= len(block)
        return block


def write_turtle_body(lines: Path | bytes | _Range, handle: BinaryIO) -> None:
    """The Turtle of sorted N-Triples lines (a file, its bytes, or a range of it)
    without the header: each subject's triples, in order."""
    import pyoxigraph as ox

    nt = ox.RdfFormat.N_TRIPLES
    if isinstance(lines, Path):
        read = ox.parse(path=str(lines), format=nt)
    else:  # a range reads as a file does
        read = ox.parse(cast(BinaryIO, lines) if isinstance(lines, _Range) else lines, nt)
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
