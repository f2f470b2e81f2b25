"""The Python API: read -> parse and extract -> resolve -> graph -> exports.

>>> import graphkit  # doctest: +SKIP
>>> result = graphkit.build(["seeds/"], out="exports")  # doctest: +SKIP
>>> [a for a in result.corpus.assertions if a.negated][0].relation.lemma  # doctest: +SKIP
'congratulate'
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rdflib import Graph

from graphkit.aliases import load_aliases
from graphkit.dates import date_time_qualifiers, with_default_date
from graphkit.export.files import atomic_write
from graphkit.export.formats import DEFAULT_FORMATS, Export, parse_formats, write_exports
from graphkit.export.records import read_corpus
from graphkit.export.views import write_views
from graphkit.graph import build_graph
from graphkit.ingest import article_from_text, content_hash, read_articles
from graphkit.ingest_chunks import CHUNK_CHARS, long_article_notes
from graphkit.ingest_report import REPORT_NAME, exit_code_for, report_json
from graphkit.merge import merge_corpora, unseen_articles
from graphkit.nlp import DEFAULT_MODEL, analyze_articles
from graphkit.resolve import resolve_entities
from graphkit.types import Article, Assertion, Corpus, InputProblem

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BuildResult:
    """What a build made: the resolved corpus, its graph, the files and the time taken."""

    corpus: Corpus
    graph: Graph
    outputs: dict[str, Path] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def problems(self) -> tuple[InputProblem, ...]:
        return self.corpus.problems

    @property
    def exit_code(self) -> int:
        """0: every input read; 1: some failed (the rest was built); 2: nothing read."""
        return exit_code_for(self.corpus)


def collect_articles(
    inputs: Iterable[str | Path | Article] = (),
    texts: Iterable[str] = (),
    date: str | None = None,
) -> tuple[list[Article], list[InputProblem]]:
    """Articles from paths, Article objects and raw texts, plus the problems met;
    ``date`` is the publication date of those that do not give their own."""
    articles: list[Article] = []
    problems: list[InputProblem] = []
    paths: list[str | Path] = []
    for item in inputs:
        if isinstance(item, Article):
            articles.append(item)
        else:
            paths.append(item)
    for found in read_articles(paths):
        (problems if isinstance(found, InputProblem) else articles).append(found)  # type: ignore[arg-type]
    for text in texts:
        articles.append(article_from_text(text, content_hash(text)[:16]))
    return with_default_date(_unique(articles, problems), date), problems


def _unique(articles: list[Article], problems: list[InputProblem]) -> list[Article]:
    """The same text twice is read once; two texts with one id are both kept."""
    seen_hashes: set[str] = set()
    ids: set[str] = set()
    unique = []
    for article in articles:
        if article.content_hash in seen_hashes:
            problems.append(
                InputProblem(article.path or article.id, "duplicate text", warning=True)
            )
            continue
        if article.id in ids:
            article = Article(
                **{**article.__dict__, "id": f"{article.id}-{article.content_hash[:8]}"}
            )
        seen_hashes.add(article.content_hash)
        ids.add(article.id)
        unique.append(article)
    return unique


def analyze(
    inputs: Iterable[str | Path | Article] = (),
    *,
    texts: Iterable[str] = (),
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    n_process: int = 1,
    progress: Progress | None = None,
    date: str | None = None,
    chunk_chars: int = CHUNK_CHARS,
    aliases: str | Path | None = None,
    metonymy: bool = True,
) -> Corpus:
    """Read, parse, extract and resolve: the corpus of resolved assertions and entities.

    ``date`` (ISO 8601) is the publication date of articles that give none; an
    article longer than ``chunk_chars`` is parsed in pieces. ``aliases`` is an alias
    file (:mod:`graphkit.aliases`) added to the built-in actor dictionary;
    ``metonymy`` reads an acting capital as its country's government."""
    book = load_aliases(aliases)  # a bad alias file fails before the parsing starts
    articles, problems = collect_articles(inputs, texts, date)
    problems += long_article_notes(articles, chunk_chars)
    analyses = []
    done = 0
    for found in analyze_articles(articles, model, batch_size, n_process, chunk_chars):
        if isinstance(found, InputProblem):
            problems.append(found)  # a warning, or an article left out (then done)
            if found.warning:
                continue
        else:
            analyses.append(found)
        done += 1
        if progress is not None:
            progress(done, len(articles))
    corpus = resolve_entities(analyses, book, metonymy)
    return _resolve_dates(replace(corpus, problems=tuple(problems)))


def _resolve_dates(corpus: Corpus) -> Corpus:
    """Each time qualifier gets the date it names, read against its article's date."""
    published = {article.id: article.published for article in corpus.articles}
    return replace(corpus, assertions=date_time_qualifiers(corpus.assertions, published))


def extract(
    inputs: Iterable[str | Path | Article] = (),
    *,
    texts: Iterable[str] = (),
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    n_process: int = 1,
    date: str | None = None,
    aliases: str | Path | None = None,
    metonymy: bool = True,
) -> list[Assertion]:
    """The resolved assertions of ``inputs`` (paths or Articles) and ``texts``."""
    corpus = analyze(
        inputs, texts=texts, model=model, batch_size=batch_size, n_process=n_process, date=date,
        aliases=aliases, metonymy=metonymy,
    )  # fmt: skip
    return list(corpus.assertions)


def build(
    inputs: Iterable[str | Path | Article] = (),
    *,
    out: str | Path | None = None,
    into: str | Path | None = None,
    formats: Iterable[str] = DEFAULT_FORMATS,
    texts: Iterable[str] = (),
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    n_process: int = 1,
    progress: Progress | None = None,
    date: str | None = None,
    chunk_chars: int = CHUNK_CHARS,
    aliases: str | Path | None = None,
    metonymy: bool = True,
) -> BuildResult:
    """Build the graph of ``inputs`` and write its ``formats`` (see
    :data:`graphkit.export.formats.FORMATS`; by default ``graph.ttl``, ``graph.html``
    and ``assertions.jsonl``) and the corpus records into ``out`` (default ``exports``).

    With ``into``, the articles are added to the graph exported in that folder (see
    :mod:`graphkit.merge`) and everything is written back there, unless ``out`` names
    another folder. Nothing is written when no article could be read; else
    ``report.json`` says what became of each input (:mod:`graphkit.ingest_report`)."""
    started = time.perf_counter()
    formats = parse_formats(formats)  # a bad name fails before the parsing starts
    empty = Corpus(articles=(), assertions=(), entities=())
    base = read_corpus(Path(into)) if into is not None else empty
    articles, problems = collect_articles(inputs, texts, date)
    fresh, skipped = unseen_articles(base.articles, articles)
    new = empty
    if fresh:
        new = analyze(
            fresh, model=model, batch_size=batch_size, n_process=n_process, progress=progress,
            chunk_chars=chunk_chars, aliases=aliases, metonymy=metonymy,
        )  # fmt: skip
    corpus = merge_corpora(base, new, (*problems, *skipped))
    graph = build_graph(corpus)
    outputs: dict[str, Path] = {}
    if corpus.articles:
        folder = Path(out if out is not None else into if into is not None else "exports")
        outputs = write_exports(Export(corpus, graph, _title(corpus)), folder, formats)
        if "html" in outputs:  # views/ of the most-connected actors and index.html
            outputs.update(write_views(graph, folder, _title(corpus)))
        report = report_json(corpus, exit_code_for(corpus))
        outputs["report"] = atomic_write(folder / REPORT_NAME, report)
    return BuildResult(corpus, graph, outputs, time.perf_counter() - started)


def _title(corpus: Corpus) -> str:
    if len(corpus.articles) == 1 and corpus.articles[0].title:
        return f"graphkit: {corpus.articles[0].title}"
    return f"graphkit: {len(corpus.articles)} articles"
