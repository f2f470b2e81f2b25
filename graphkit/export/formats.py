"""Every export format by name, and the writing of an export folder.

A build always writes ``articles.jsonl`` and ``entities.jsonl`` beside the chosen
formats: with ``assertions.jsonl`` they hold the corpus, so that a later
``graphkit build --into`` can add to the graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from graphkit.errors import GraphkitError
from graphkit.files import atomic_write
from graphkit.export.html.page import generate_html
from graphkit.export.jsonl import generate_jsonl
from graphkit.export.jsonld import generate_jsonld
from graphkit.export.network import generate_edges_csv, generate_gexf, generate_graphml
from graphkit.export.rdf import generate_ntriples, generate_trig, generate_turtle
from graphkit.corpus.records import (
    ARTICLES_FILE,
    ASSERTIONS_FILE,
    ENTITIES_FILE,
    write_articles,
    write_entities,
)
from graphkit.types import Corpus


@dataclass(frozen=True)
class Export:
    """What every format is made from."""

    corpus: Corpus
    graph: Graph
    title: str = "graphkit"


@dataclass(frozen=True)
class Format:
    name: str
    filename: str
    description: str
    generate: Callable[[Export], str]


FORMATS = {
    f.name: f
    for f in (
        Format("turtle", "graph.ttl", "RDF Turtle", lambda e: generate_turtle(e.graph)),
        Format(
            "assertions",
            ASSERTIONS_FILE,
            "JSON Lines, one assertion a line (the contract)",
            lambda e: generate_jsonl(e.corpus.assertions),
        ),
        Format(
            "html", "graph.html", "offline HTML view", lambda e: generate_html(e.graph, e.title)
        ),
        Format("ntriples", "graph.nt", "RDF N-Triples", lambda e: generate_ntriples(e.graph)),
        Format(
            "trig", "graph.trig", "RDF TriG, a graph per article", lambda e: generate_trig(e.graph)
        ),
        Format("jsonld", "graph.jsonld", "RDF JSON-LD", lambda e: generate_jsonld(e.graph)),
        Format("graphml", "graph.graphml", "GraphML", lambda e: generate_graphml(e.graph)),
        Format("gexf", "graph.gexf", "GEXF for Gephi", lambda e: generate_gexf(e.graph)),
        Format("csv", "edges.csv", "CSV, one claim a row", lambda e: generate_edges_csv(e.graph)),
    )
}
DEFAULT_FORMATS = ("turtle", "assertions", "html")
ALIASES = {"ttl": "turtle", "jsonl": "assertions", "nt": "ntriples", "json-ld": "jsonld"}


def parse_formats(spec: str | Iterable[str]) -> tuple[str, ...]:
    """Format names from ``"turtle,csv"``, ``"all"`` or ``"default"``; unknown names raise.

    >>> parse_formats("ttl, csv,turtle")
    ('turtle', 'csv')
    >>> parse_formats("default")
    ('turtle', 'assertions', 'html')
    """
    names = spec.split(",") if isinstance(spec, str) else list(spec)
    chosen: list[str] = []
    for raw in (n.strip().lower() for n in names if n.strip()):
        expanded = {"all": list(FORMATS), "default": list(DEFAULT_FORMATS)}.get(raw, [raw])
        for name in (ALIASES.get(n, n) for n in expanded):
            if name not in FORMATS:
                known = ", ".join([*FORMATS, "all", "default"])
                raise GraphkitError(f"unknown export format {raw!r}; choose from {known}")
            if name not in chosen:
                chosen.append(name)
    return tuple(chosen)


def write_exports(
    export: Export, folder: Path, formats: Iterable[str] = DEFAULT_FORMATS
) -> dict[str, Path]:
    """Write the chosen formats and the corpus records into ``folder``; return the
    paths by format name (plus ``articles`` and ``entities``)."""
    outputs: dict[str, Path] = {}
    for name in parse_formats(formats):
        fmt = FORMATS[name]
        outputs[name] = atomic_write(folder / fmt.filename, fmt.generate(export))
    if "assertions" not in outputs:  # the records need it to give back the corpus
        outputs["assertions"] = atomic_write(
            folder / ASSERTIONS_FILE, generate_jsonl(export.corpus.assertions)
        )
    outputs["articles"] = write_articles(export.corpus.articles, folder / ARTICLES_FILE)
    outputs["entities"] = write_entities(export.corpus.entities, folder / ENTITIES_FILE)
    return outputs
