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
import io
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, TypeVar

from rdflib import Graph

from graphkit.corpus.records import (
    ARTICLES_FILE,
    ASSERTIONS_FILE,
    ENTITIES_FILE,
    article_lines,
    assertion_lines,
    entity_lines,
    write_text,
)
from graphkit.errors import ExportError, GraphkitError
from graphkit.export.apart import write_apart
from graphkit.files import ExportSet, write_batches
from graphkit.rdf.io import store_of
from graphkit.rdf.reader import Columnar
from graphkit.rdf.triples import LINES_FILE, read_lines, store_from_file
from graphkit.types import Corpus

T = TypeVar("T")

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "ALIASES", "DEFAULT_FORMATS", "FORMATS", "Export", "Format", "export_title", "parse_formats",
    "register", "view_predicates", "write_exports", "write_records",
]  # fmt: skip


@dataclass(frozen=True)
class Export:
    """What every format is made from: the corpus and its graph, as sorted N-Triples
    lines (:func:`graphkit.rdf.build.build_lines`); the rdflib graph that some
    formats read is made from the lines only when one of them is chosen."""

    corpus: Corpus
    lines: Sequence[str]
    title: str = "graphkit"
    # the export folder this build grows (``--into``): its view keeps its actors' places
    previous: Path | None = None
    # the sorted lines as a file (:data:`LINES_FILE`, staged): what the Turtle and the
    # N-Triples are streamed from, when it is written
    lines_path: Path | None = None
    # writes the sorted lines into an open file (by default ``lines``; a build that
    # grows a graph merges the old file with its new lines: :mod:`graphkit.rdf.grow`)
    write_lines: Callable[[BinaryIO], object] | None = None
    # writes the sorted lines into a file at the path it is given (a build's spilled
    # lines, merged by another process: :class:`~graphkit.rdf.spill.SpilledLines`)
    lines_file: Callable[[Path], object] | None = None
    # what the views read: the columns a build kept of its graph as it made it
    # (:class:`~graphkit.rdf.columns.Columns`), or columns loaded from an old lines file
    # (:class:`~graphkit.rdf.columns_loader.ColumnsLoader`, handed the lines a merge
    # changes before the lines file is written). None: a store read from the lines file
    views_graph: Callable[[], pyoxigraph.Store | Columnar] | None = None
    # the views' graph is whole before the lines file is written (a build's own
    # columns, a grown graph's loader): the views need not wait for that file; else
    # it is asked for once the lines file is written
    views_ready: bool = False
    # formats written another way (``write(handle)``), beside the lines file: a build
    # that grows a graph splices its Turtle into the old one from the merge's changes
    # (:mod:`graphkit.export.turtle_splice`)
    spliced: Mapping[str, Callable[[BinaryIO], object]] = field(default_factory=dict)
    # the views, drawn by a process of their own into the export set (a build that grows
    # a graph: :class:`graphkit.export.html.apart.ViewsApart`): waits for them and gives
    # their paths by name, as :func:`~graphkit.export.html.views.write_views` does
    views_apart: Callable[[ExportSet], dict[str, Path]] | None = None

    def all_lines(self) -> Sequence[str]:
        if self.lines or self.lines_path is None:
            return self.lines
        return read_lines(self.lines_path)

    @cached_property
    def graph(self) -> Graph:
        from graphkit.rdf.build import PREFIXES
        from graphkit.rdf.triples import rdflib_graph

        return rdflib_graph(self.all_lines(), PREFIXES)

    @cached_property
    def store(self) -> pyoxigraph.Store:
        """The graph in a pyoxigraph store, which the views read (made once, from the
        lines file when there is one, else from the lines: no rdflib graph)."""
        if self.lines_path is not None:
            return store_from_file(self.lines_path)
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
    reads: Literal[
        "lines", "lines file", "graph", "assertions", "graph and title", "store and title"
    ] = "graph"

    def write(self, export: Export, exports: ExportSet) -> Path:
        """Stage this format's file; one that ``reads`` the ``lines file`` is streamed
        from it (``function(lines_path, handle)``) by a Python process of its own
        (:mod:`graphkit.export.apart`)."""
        if self.reads != "lines file":
            return exports.write(self.filename, self.generate(export))
        lines = export.lines_path
        assert lines is not None, "the lines file is staged first"
        return exports.write_file(self.filename, partial(write_apart, self.function, lines))

    def _function(self) -> Any:
        module, _, name = self.function.partition(":")
        return getattr(importlib.import_module(module), name)

    def generate(self, export: Export) -> str:
        make = self._function()
        if self.reads == "lines":
            return str(make(export.all_lines()))
        if self.reads == "lines file":
            buffer = io.BytesIO()
            if export.lines_path is not None:
                make(export.lines_path, buffer)
                return buffer.getvalue().decode("utf-8")
            with tempfile.TemporaryDirectory() as folder:  # an Export made in Python
                lines = Path(folder) / LINES_FILE
                with lines.open("wb") as handle:
                    _write_lines(export.lines, handle)
                make(lines, buffer)
            return buffer.getvalue().decode("utf-8")
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
    Format("turtle", "graph.ttl", "RDF Turtle", "graphkit.export.rdf:write_turtle", "lines file"),
    Format("assertions", ASSERTIONS_FILE, "JSON Lines, one assertion a line (the contract)",
           "graphkit.corpus.records:generate_jsonl", "assertions"),
    Format("html", "graph.html", "offline HTML view", "graphkit.export.html.page:generate_html",
           "store and title"),
    Format("ntriples", "graph.nt", "RDF N-Triples", "graphkit.export.rdf:write_ntriples",
           "lines file"),
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


def _write_lines(lines: Iterable[str], handle: BinaryIO) -> None:
    write_batches((line.encode("utf-8") for line in lines), handle)


def write_records(export: Export, exports: ExportSet) -> dict[str, Path]:
    """The corpus records (see the module docstring), from the export's corpus."""
    return {
        name: exports.write_with(filename, partial(write_text, lines))
        for name, filename, lines in (
            ("assertions", ASSERTIONS_FILE, assertion_lines(export.corpus.assertions)),
            ("articles", ARTICLES_FILE, article_lines(export.corpus.articles)),
            ("entities", ENTITIES_FILE, entity_lines(export.corpus.entities)),
        )
    }


Records = Callable[[Export, ExportSet], dict[str, Path]]
_NO_CORPUS = Corpus(articles=(), assertions=(), entities=())


def write_exports(
    export: Export,
    exports: ExportSet,
    formats: Iterable[str] = DEFAULT_FORMATS,
    progress: Callable[[int, int], None] | None = None,
    records: Records | None = None,
) -> dict[str, Path]:
    """Write the chosen formats and the corpus records into the export set; return
    the paths by format name (plus ``articles`` and ``entities``, and ``index`` and
    ``view:<actor>`` with the ``html`` format, and ``lines``, :data:`LINES_FILE`).
    ``progress(done, total)`` hears of each format written; ``records`` writes the
    corpus records (and ``assertions.jsonl``) instead of the export's corpus (a build
    that grows a graph appends to the old ones). Nothing is in place before
    :meth:`ExportSet.commit`."""
    chosen = parse_formats(formats)
    steps = ["lines", *(name for name in chosen if name != "html"), "records"] + ["html"] * (
        "html" in chosen
    )
    told = progress or (lambda done, total: None)
    told(0, len(steps))
    write_lines = export.write_lines or partial(_write_lines, export.lines)
    lines_path = exports.staged(LINES_FILE)
    formats_written: dict[str, Path | Future[Path]] = {}
    views: dict[str, Path] = {}
    # The lines file and the formats streamed from it are written in threads of their
    # own: the merge of the lines (``sort``), the Turtle writer's process and the
    # hashing let Python's lock go, so they overlap the records and the views (Python)
    # instead of waiting for them (issue 15).
    with ThreadPoolExecutor(max_workers=3) as pool:
        made: Future[None] = Future()  # the lines file whole: the formats read from it start
        if export.lines_file is not None:
            lines = pool.submit(exports.write_file, LINES_FILE, _telling(export.lines_file, made))
        else:
            lines = pool.submit(exports.write_with, LINES_FILE, _telling(write_lines, made))
        lines.add_done_callback(partial(_settle, made))
        # from here the lines are read from their file: the caller's may be let go
        export = replace(export, lines=(), lines_path=lines_path, write_lines=None, lines_file=None)
        graph_only = replace(export, corpus=_NO_CORPUS)
        graph = export.views_graph
        if "html" in chosen and graph is None and export.views_apart is None:
            graph = pool.submit(_after, lines, partial(store_from_file, lines_path)).result
        for name in chosen:  # the records write assertions.jsonl, the views come last
            if name in export.spliced:  # from the old file and the changes: no wait
                write = partial(exports.write_with, FORMATS[name].filename, export.spliced[name])
                formats_written[name] = pool.submit(write)
            elif FORMATS[name].reads == "lines file":
                write = partial(FORMATS[name].write, graph_only, exports)
                formats_written[name] = pool.submit(_after, made, write)
            elif name not in {"assertions", "html"}:
                lines.result()  # read from the lines file
                formats_written[name] = FORMATS[name].write(export, exports)
                told(steps.index(name) + 1, len(steps))
        written = (records or write_records)(export, exports)
        told(steps.index("records") + 1, len(steps))
        # the views read the graph alone: the corpus may be let go (the caller's is)
        export = graph_only
        if "html" in chosen and export.views_apart is not None:
            views = export.views_apart(exports)
        elif "html" in chosen:
            from graphkit.export.html.views import write_views

            assert graph is not None
            if not export.views_ready:  # its graph is read once the lines file is written
                lines.result()
            views = write_views(graph(), exports, export.title, previous=export.previous)
        paths = {name: _done(path) for name, path in formats_written.items()}
        lines_written = lines.result()
    told(len(steps), len(steps))
    return {"lines": lines_written, **paths, **written, **views}


def export_title(corpus: Corpus) -> str:
    """The title of a corpus's exports: its one article's, or how many articles.

    >>> export_title(Corpus(articles=(), assertions=(), entities=()))
    'graphkit: 0 articles'
    """
    if len(corpus.articles) == 1 and corpus.articles[0].title:
        return f"graphkit: {corpus.articles[0].title}"
    return f"graphkit: {len(corpus.articles)} articles"


def view_predicates() -> frozenset[object]:
    """The predicates the views read (:data:`graphkit.export.html.data.VIEW_PREDICATES`),
    their modules loaded only now: a build that draws no view never loads them."""
    from graphkit.export.html.data import VIEW_PREDICATES

    return VIEW_PREDICATES


def _after(first: Future[Any], then: Callable[[], T]) -> T:
    """``then()`` once ``first`` is done (its error raised instead)."""
    first.result()
    return then()


def _telling(make: Callable[[Any], object], made: Future[None]) -> Callable[[Any], None]:
    """``make`` (of a file, at its path or into its handle), then ``made`` told: what
    is read from the file starts before the file is synced to the disk and hashed
    (hashing the 330 MB of lines of 1,000 articles alone takes 0.7 s, issue 15)."""

    def then(target: Any) -> None:
        make(target)
        if hasattr(target, "flush"):  # a handle: its last bytes out of Python's buffer
            target.flush()
        made.set_result(None)

    return then


def _settle(made: Future[None], lines: Future[Path]) -> None:
    """``made`` told of the lines file's failure, if it failed before it was whole
    (else what waits for it would wait for good)."""
    if not made.done():
        failed = None if lines.cancelled() else lines.exception()
        made.set_exception(failed or ExportError("the graph's lines file was not written"))


def _done(path: Path | Future[Path]) -> Path:
    """The path of a format written here or in the thread (its error raised here)."""
    return path.result() if isinstance(path, Future) else path
