"""The Python API: read -> parse and extract -> resolve -> graph -> exports.

>>> import graphkit  # doctest: +SKIP
>>> result = graphkit.build(["seeds/"], out="exports")  # doctest: +SKIP
>>> [a for a in result.corpus.assertions if a.negated][0].relation.lemma  # doctest: +SKIP
'congratulate'
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from graphkit.build_result import BuildResult, Totals
from graphkit.collector import collector_paused, collector_restored
from graphkit.corpus.grow import Base, can_grow, grow_corpus, read_base, write_grown_records
from graphkit.corpus.merge import merge_corpora
from graphkit.corpus.records import read_corpus
from graphkit.events import code_corpus, load_event_dictionary
from graphkit.export.formats import (
    DEFAULT_FORMATS,
    Export,
    Records,
    export_title,
    parse_formats,
    view_predicates,
    write_exports,
)
from graphkit.export.html.apart import ViewsApart
from graphkit.export.records_apart import adopting, staged_records
from graphkit.export.turtle_splice import spliced_formats
from graphkit.files import ExportSet, locked, recover
from graphkit.ingest.collect import collect_articles
from graphkit.ingest.dates import dated_analysis
from graphkit.ingest.report import REPORT_NAME, exit_code_for, exit_code_of, report_json
from graphkit.nlp import analyze_articles
from graphkit.nlp.pieces import long_article_notes
from graphkit.options import AnalysisOptions
from graphkit.rdf.build import build_lines
from graphkit.rdf.columns import Columns
from graphkit.rdf.columns_cache import COLUMNS_CACHE, cached_columns, save_columns
from graphkit.rdf.spill_corpus import spill_lines
from graphkit.rdf.triples import LINES_FILE
from graphkit.resolve.aliases import load_aliases
from graphkit.resolve.classify import country_of_words
from graphkit.resolve.resolver import Resolver
from graphkit.types import Article, Assertion, Corpus, InputProblem

__all__ = ["BuildResult", "Totals", "analyze", "build", "extract"]

Progress = Callable[[int, int], None]
# stage ("parse", "resolve", "graph", "exports"), done, total: each long stage's count
StageProgress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    """No progress shown."""


def analyze(
    inputs: Iterable[str | Path | Article] = (),
    *,
    texts: Iterable[str] = (),
    options: AnalysisOptions | None = None,
    progress: Progress | None = None,
    **settings: Any,
) -> Corpus:
    """Read, parse, extract and resolve: the corpus of resolved assertions and entities.

    ``options`` (:class:`~graphkit.options.AnalysisOptions`) or its fields as keywords
    (``model=``, ``batch_size=``, ``n_process=``, ``chunk_chars=``, ``date=``,
    ``aliases=``, ``metonymy=``) say how; ``progress(done, total)`` is called as
    articles are parsed."""
    options = AnalysisOptions.of(options, **settings)
    articles, problems = collect_articles(inputs, texts, options.date)
    with collector_restored():
        return _analyze_collected(articles, problems, options, progress)


def _analyze_collected(
    articles: list[Article],
    problems: list[InputProblem],
    options: AnalysisOptions,
    progress: Progress | None = None,
    stages: StageProgress = _quiet,
) -> Corpus:
    """Parse, extract, resolve and code ``articles``, already read, deduplicated and
    dated (:func:`collect_articles`); ``problems`` are those met reading them;
    ``stages`` hears of the parse article by article, then of the resolution."""
    # a bad alias or event file fails before the parsing starts
    book = load_aliases(options.aliases)
    events = load_event_dictionary(options.events)
    problems = [*problems, *long_article_notes(articles, options.chunk_chars)]
    resolver = Resolver(book, options.metonymy)
    # the analyses held for the resolution are millions of objects and no cycles:
    # each collection walked them all again, 4.2 s of the main process's CPU at 1,000
    # articles (issue 15)
    with collector_paused():
        problems += _parsed(articles, options, resolver, progress, stages)
        analysed = len(resolver.analyses)
        stages("resolve", 0, analysed)
        corpus = resolver.resolve()
        corpus = code_corpus(
            corpus, events, codes=book.codes(), place=lambda word: country_of_words([word])
        )
    stages("resolve", analysed, analysed)
    return replace(corpus, problems=tuple(problems))


def _parsed(
    articles: list[Article],
    options: AnalysisOptions,
    resolver: Resolver,
    progress: Progress | None,
    stages: StageProgress,
) -> list[InputProblem]:
    """Parse ``articles`` into ``resolver``: each article's dates and named mentions
    are read as it comes from the parse, while this process waits for the workers
    anyway (issue 15). The problems met."""
    problems = []
    done = 0
    for found in analyze_articles(articles, options):
        if isinstance(found, InputProblem):
            problems.append(found)  # a warning, or an article left out (then done)
            if found.warning:
                continue
        else:
            resolver.add(dated_analysis(found))
        done += 1
        if progress is not None:
            progress(done, len(articles))
        stages("parse", done, len(articles))
    return problems


def extract(
    inputs: Iterable[str | Path | Article] = (),
    *,
    texts: Iterable[str] = (),
    options: AnalysisOptions | None = None,
    **settings: Any,
) -> list[Assertion]:
    """The resolved assertions of ``inputs`` (paths or Articles) and ``texts``; options
    as for :func:`analyze`."""
    return list(analyze(inputs, texts=texts, options=options, **settings).assertions)


def build(
    inputs: Iterable[str | Path | Article] = (),
    *,
    out: str | Path | None = None,
    into: str | Path | None = None,
    formats: Iterable[str] = DEFAULT_FORMATS,
    texts: Iterable[str] = (),
    options: AnalysisOptions | None = None,
    progress: Progress | None = None,
    stages: StageProgress | None = None,
    **settings: Any,
) -> BuildResult:
    """Build the graph of ``inputs`` and write its ``formats`` (see
    :data:`graphkit.export.formats.FORMATS`; by default ``graph.ttl``, ``graph.html``
    and ``assertions.jsonl``) and the corpus records into ``out`` (default ``exports``);
    options as for :func:`analyze`.

    With ``into``, the articles are added to the graph exported in that folder (see
    :mod:`graphkit.corpus.merge`) and everything is written back there, unless ``out``
    names another folder; when none of the articles is new, nothing is written. Nothing
    is written when no article could be read; else ``report.json`` says what became of
    each input (:mod:`graphkit.ingest.report`). The files of a folder change as one set
    (:mod:`graphkit.files`): a build killed at any moment leaves the old set or the new.
    ``progress(done, total)`` hears of the parse; ``stages(stage, done, total)`` of every
    long stage: ``parse`` (articles), ``resolve`` (articles), ``graph`` (triples) and
    ``exports`` (files)."""
    started = time.perf_counter()
    stages = stages or _quiet
    options = AnalysisOptions.of(options, **settings)
    formats = parse_formats(formats)  # a bad name fails before the parsing starts
    folder = Path(out if out is not None else into if into is not None else "exports")
    with contextlib.ExitStack() as held:
        held.enter_context(collector_restored())
        notes: list[InputProblem] = []
        if into is not None:  # read and written back under one lock: no build is lost
            for place in sorted({folder, Path(into)}):
                notes += _lock(held, place)
        if into is not None and folder == Path(into) and can_grow(folder, formats):
            grown = _grow(folder, inputs, texts, options, formats, notes, progress, stages)
            return replace(grown, seconds=time.perf_counter() - started)
        base = read_corpus(Path(into)) if into is not None else _EMPTY
        fresh, problems = collect_articles(
            inputs, texts, options.date, known=base.articles, skip=(folder,)
        )
        new = _analyze_collected(fresh, [], options, progress, stages) if fresh else _EMPTY
        corpus = merge_corpora(base, new, (*notes, *problems))
        unchanged = into is not None and not fresh and folder == Path(into)
        if not corpus.articles or unchanged:  # nothing to write, or nothing new
            stages("graph", 0, 0)
            lines = build_lines(corpus)
            stages("graph", len(lines), len(lines))
            return BuildResult(corpus, lines, {}, time.perf_counter() - started)
        if into is None:
            notes = _lock(held, folder)
            corpus = replace(corpus, problems=(*notes, *corpus.problems))
        counted, found, articles = Totals.of(corpus), corpus.problems, corpus.articles
        owned = [corpus]  # handed on, not kept: let go once its records are written
        del corpus, base, new
        outputs = _write(owned, folder, formats, Path(into) if into else None, stages)
    return BuildResult(
        folder, None, outputs, time.perf_counter() - started, found, counted, articles
    )


_EMPTY = Corpus(articles=(), assertions=(), entities=())


def _grow(
    folder: Path,
    inputs: Iterable[str | Path | Article],
    texts: Iterable[str],
    options: AnalysisOptions,
    formats: tuple[str, ...],
    notes: list[InputProblem],
    progress: Progress | None,
    stages: StageProgress,
) -> BuildResult:
    """Add the new articles to the graph of ``folder`` in place, reading back only
    what :mod:`graphkit.corpus.grow` needs (its lock is held)."""
    base = read_base(folder)
    fresh, problems = collect_articles(
        inputs, texts, options.date, known=base.articles, skip=(folder,)
    )
    found = (*notes, *problems)
    counted = Totals(
        len(base.articles), base.sentences, len(base.entities), base.report.get("assertions", 0)
    )
    if not fresh:  # nothing new: nothing is written
        return BuildResult(folder, None, {}, found=found, counted=counted)
    # the views' columns of the old graph (kept with it, else read from its lines file)
    # load in a process of their own while the new articles are parsed; it takes the
    # merge's changes and draws the views beside the records (issue 15)
    views = None
    if "html" in formats:
        views = ViewsApart(folder / LINES_FILE, cached_columns(folder))
    owned = [base]  # handed on, not kept: let go once the records are written
    del base
    try:
        return _grown(owned, fresh, found, counted, views, formats, options, progress, stages)
    finally:
        if views is not None:
            views.close()


def _grown(
    owned: list[Base],
    fresh: list[Article],
    found: tuple[InputProblem, ...],
    counted: Totals,
    views: ViewsApart | None,
    formats: tuple[str, ...],
    options: AnalysisOptions,
    progress: Progress | None,
    stages: StageProgress,
) -> BuildResult:
    """Parse and resolve the ``fresh`` articles and grow the folder of the base taken
    out of ``owned`` by them; ``views`` draws the views of the grown graph (None: no
    views). The base and the grown corpus (every entity: 0.6 GB at 5,000 articles) are
    let go once the records are written."""
    base = owned.pop()
    folder = base.folder
    new = _analyze_collected(fresh, [], options, progress, stages)
    new = replace(new, problems=(*found, *new.problems))
    stages("graph", 0, 0)
    grown = grow_corpus(base, new, changed=views.change if views else None)
    stages("graph", len(grown.delta.added), len(grown.delta.added))  # the lines added
    code = exit_code_of(1, new.problems)
    whole = grown.corpus
    assertions = counted.assertions + len(new.assertions)
    counted = Totals(len(whole.articles), whole.sentences, grown.entities, assertions)
    export = [
        Export(
            whole,
            (),
            export_title(whole),
            folder,
            write_lines=grown.write_lines,
            views_apart=views.views if views else None,
            spliced=spliced_formats(folder, formats, grown.subjects, grown.lines_of),
        )
    ]
    title = export[0].title
    held = [(base, grown)]
    del base, grown, whole

    def records(_: Export, staged: ExportSet) -> dict[str, Path]:
        return write_grown_records(*held.pop(), staged, code)

    exports = ExportSet(folder)
    if views is not None:  # drawn beside the records and the files from here
        views.draw(exports, title, folder / COLUMNS_CACHE / f".whole.{os.getpid()}.tmp")
    try:
        # write_exports lets its export's corpus go once the records are written
        outputs = write_exports(
            export.pop(), exports, formats, lambda d, t: stages("exports", d, t), records
        )
        exports.commit()
    except BaseException:
        if views is not None:  # stopped before it stages more into what is taken away
            views.close()
        exports.abort()
        raise
    if views is not None:  # for the next build into the folder
        save_columns(folder, views.whole, views.kept_from, views.changes)
    return BuildResult(folder, None, outputs, found=new.problems, counted=counted)


def _lock(held: contextlib.ExitStack, folder: Path) -> list[InputProblem]:
    """Take ``folder``'s build lock until the build ends, and mend what a build that
    was stopped left there (:func:`graphkit.files.recover`)."""
    held.enter_context(locked(folder, waiting=f"waiting for another build into {folder}"))
    return [InputProblem(str(folder), note, warning=True) for note in recover(folder)]


def _write(
    owned: list[Corpus],
    folder: Path,
    formats: Iterable[str],
    previous: Path | None,
    stages: StageProgress = _quiet,
) -> dict[str, Path]:
    """The export set of the corpus in ``owned`` (taken out: no one else holds it, so
    it is let go once its records are written), written beside the old one and put in
    place in one step (:class:`graphkit.files.ExportSet`); ``previous`` is the folder
    grown."""
    report = report_json(owned[0], exit_code_for(owned[0]))
    exports = ExportSet(folder)
    formats = tuple(formats)
    # what the views read is kept as the graph is made, and kept with the graph after
    columns = Columns(view_predicates()) if "html" in formats else None
    try:
        export, records = _export(owned, exports, previous, stages, columns)
        # handed on, not kept: write_exports lets the corpus go once the records are
        # written, before the views (its peak 0.10 GB lower at 5,000 articles, issue 15)
        handed = [export]
        del export
        outputs = write_exports(
            handed.pop(), exports, formats, lambda d, t: stages("exports", d, t), records
        )
        outputs["report"] = exports.write(REPORT_NAME, report)
        exports.commit()
    except BaseException:
        exports.abort()
        raise
    if columns is not None:
        save_columns(folder, columns)
    return outputs


def _export(
    owned: list[Corpus],
    exports: ExportSet,
    previous: Path | None,
    stages: StageProgress,
    columns: Columns | None,
) -> tuple[Export, Records]:
    """The export of the corpus taken out of ``owned``, and its records, staged. Its
    graph's lines are sorted a chunk at a time on disk and merged as the lines file is
    written (never all held, issue 15); what the views read is kept in ``columns`` (if
    any) as it is made; the records are written meanwhile (by the copy of this process
    that makes the claims' lines, when there is one)."""
    corpus = owned.pop()
    stages("graph", 0, 0)
    folder = exports.staged(f"{LINES_FILE}.chunks")
    records = partial(staged_records, corpus, exports.folder)
    what = f"write the records of {exports.folder}"
    lines, staged = spill_lines(corpus, folder, also=columns, beside=(records, what))
    assert staged is not None
    stages("graph", len(lines), len(lines))
    export = Export(
        corpus,
        (),
        export_title(corpus),
        previous,
        lines_file=lines.write_file,
        views_graph=(lambda: columns) if columns is not None else None,
        views_ready=True,
    )
    return export, adopting(staged)
