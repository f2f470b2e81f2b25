"""Every export format by name, in one registry, and the writing of an export folder.

A format names the function that makes its text (``module:function``), imported
only when the format is written, so that choosing Turtle never loads networkx or
pyvis. :func:`register` adds a format (a plug-in's, say) to :data:`FORMATS`.

A build always writes ``articles.jsonl`` and ``entities.jsonl`` beside the chosen
formats: with ``assertions.jsonl`` they hold the corpus, so that a later
``graphkit build --into`` can add to the graph. The ``html`` format brings the
analyst's views with it: ``views/`` of the most-connected actors, ``index.html``, and
``graph.layout.json``, the positions of the view's nodes, which a build that grows the
graph (``--into``) keeps for the actors it already had.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rdflib import Graph

from graphkit.corpus.records import (
    ARTICLES_FILE,
    ASSERTIONS_FILE,
    ENTITIES_FILE,
    articles_jsonl,
    entities_jsonl,
    generate_jsonl,
)
from graphkit.errors import GraphkitError
from graphkit.files import ExportSet
from graphkit.rdf.io import store_of
from graphkit.types import Corpus

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "ALIASES", "DEFAULT_FORMATS", "FORMATS", "Export", "Format", "parse_formats", "register",
    "write_exports",
]  # fmt: skip


@dataclass(frozen=True)
class Export:
    """What every format is made from: the corpus and its graph, as sorted N-Triples
    lines (:func:`graphkit.rdf.build.build_lines`); the rdflib graph that some
    formats read is made from the lines only when one of them is chosen."""

    corpus: Corpus
    lines: tuple[str, ...]
    title: str = "graphkit"
    # the export folder this build grows (``--into``): its view keeps its actors' places
    previous: Path | None = None

    @cached_property
    def graph(self) -> Graph:
        from graphkit.rdf.build import PREFIXES
        from graphkit.rdf.triples import rdflib_graph

        return rdflib_graph(self.lines, PREFIXES)

    @cached_property
    def store(self) -> pyoxigraph.Store:
        """The graph in a pyoxigraph store, which the views read (made once, from the
        lines: no rdflib graph)."""
        return store_of(self.lines)


@dataclass(frozen=True)
class Format:
    """An export format: its name, file, description and the function that makes its
    text, which ``reads`` the graph's lines, the rdflib graph, the assertions, or the
    graph (in a pyoxigraph store: ``store and title``) and the title."""

    name: str
    filename: str
    description: str
    function: str  # "module:function"
    reads: Literal["lines", "graph", "assertions", "graph and title", "store and title"] = "graph"

    def generate(self, export: Export) -> str:
        module, _, name = self.function.partition(":")
        make: Any = getattr(importlib.import_module(module), name)
        if self.reads == "lines":
            return str(make(export.lines))
        if self.reads == "assertions":
            return str(make(export.corpus.assertions))
        if self.reads == "graph and title":
            return str(make(export.graph, export.title))
        if self.reads == "store and title":
            return str(make(export.store, export.title))
        return str(make(export.graph))


FORMATS: dict[str, Format] = {}
DEFAULT_FORMATS = ("turtle", "assertions", "html")
ALIASES = {"ttl": "turtle", "jsonl": "assertions", "nt": "ntriples", "json-ld": "jsonld"}


def register(fmt: Format) -> Format:
    """Add ``fmt`` to :data:`FORMATS` (replacing a format of that name)."""
    FORMATS[fmt.name] = fmt
    return fmt


for _format in (
    Format("turtle", "graph.ttl", "RDF Turtle", "graphkit.export.rdf:generate_turtle", "lines"),
    Format("assertions", ASSERTIONS_FILE, "JSON Lines, one assertion a line (the contract)",
           "graphkit.corpus.records:generate_jsonl", "assertions"),
    Format("html", "graph.html", "offline HTML view", "graphkit.export.html.page:generate_html",
           "store and title"),
    Format("ntriples", "graph.nt", "RDF N-Triples", "graphkit.export.rdf:generate_ntriples",
           "lines"),
    Format("trig", "graph.trig", "RDF TriG, a graph per article",
           "graphkit.export.rdf:generate_trig"),
    Format("jsonld", "graph.jsonld", "RDF JSON-LD", "graphkit.export.jsonld:generate_jsonld"),
    Format("graphml", "graph.graphml", "GraphML", "graphkit.export.network:generate_graphml"),
    Format("gexf", "graph.gexf", "GEXF for Gephi", "graphkit.export.network:generate_gexf"),
    Format("csv", "edges.csv", "CSV, one claim a row",
           "graphkit.export.network:generate_edges_csv"),
):  # fmt: skip
    register(_format)


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
    export: Export,
    exports: ExportSet,
    formats: Iterable[str] = DEFAULT_FORMATS,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, Path]:
    """Write the chosen formats and the corpus records into the export set; return
    the paths by format name (plus ``articles`` and ``entities``, and ``index`` and
    ``view:<actor>`` with the ``html`` format). ``progress(done, total)`` hears of each
    format written. Nothing is in place before :meth:`ExportSet.commit`."""
    outputs: dict[str, Path] = {}
    chosen = parse_formats(formats)
    steps = [*(name for name in chosen if name != "html"), "records"] + ["html"] * (
        "html" in chosen
    )
    told = progress or (lambda done, total: None)
    told(0, len(steps))
    for name in chosen:
        if name != "html":  # written below, with its views and layout
            outputs[name] = exports.write(FORMATS[name].filename, FORMATS[name].generate(export))
            told(len(outputs), len(steps))
    if "assertions" not in outputs:  # the records need it to give back the corpus
        outputs["assertions"] = exports.write(
            ASSERTIONS_FILE, generate_jsonl(export.corpus.assertions)
        )
    outputs["articles"] = exports.write(ARTICLES_FILE, articles_jsonl(export.corpus.articles))
    outputs["entities"] = exports.write(ENTITIES_FILE, entities_jsonl(export.corpus.entities))
    told(steps.index("records") + 1, len(steps))
    if "html" in chosen:
        from graphkit.export.html.views import write_views

        outputs.update(write_views(export.store, exports, export.title, previous=export.previous))
        told(len(steps), len(steps))
    return outputs
