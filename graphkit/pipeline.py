"""The Python API: read -> parse and extract -> resolve -> graph -> exports.

>>> import graphkit  # doctest: +SKIP
>>> result = graphkit.build(["seeds/"], out="exports")  # doctest: +SKIP
>>> [a for a in result.corpus.assertions if a.negated][0].relation.lemma  # doctest: +SKIP
'congratulate'
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from graphkit.export import write_html, write_jsonl, write_turtle
from graphkit.graph import build_graph
from graphkit.ingest import article_from_text, content_hash, read_articles
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
        if not self.corpus.articles:
            return 2
        return 1 if any(not p.warning for p in self.problems) else 0


def collect_articles(
    inputs: Iterable[str | Path | Article] = (), texts: Iterable[str] = ()
) -> tuple[list[Article], list[InputProblem]]:
    """Articles from paths, Article objects and raw texts, plus the problems met."""
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
    return _unique(articles, problems), problems


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
) -> Corpus:
    """Read, parse, extract and resolve: the corpus of resolved assertions and entities."""
    articles, problems = collect_articles(inputs, texts)
    analyses = []
    for done, analysis in enumerate(
        analyze_articles(articles, model, batch_size=batch_size, n_process=n_process), start=1
    ):
        analyses.append(analysis)
        if progress is not None:
            progress(done, len(articles))
    corpus = resolve_entities(analyses)
    return Corpus(
        articles=corpus.articles,
        assertions=corpus.assertions,
        entities=corpus.entities,
        sentences=corpus.sentences,
        problems=tuple(problems),
    )


def extract(
    inputs: Iterable[str | Path | Article] = (),
    *,
    texts: Iterable[str] = (),
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    n_process: int = 1,
) -> list[Assertion]:
    """The resolved assertions of ``inputs`` (paths or Articles) and ``texts``."""
    corpus = analyze(inputs, texts=texts, model=model, batch_size=batch_size, n_process=n_process)
    return list(corpus.assertions)


def build(
    inputs: Iterable[str | Path | Article] = (),
    *,
    out: str | Path = "exports",
    texts: Iterable[str] = (),
    model: str = DEFAULT_MODEL,
    batch_size: int = 32,
    n_process: int = 1,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the graph of ``inputs`` and write ``graph.ttl``, ``graph.html`` and
    ``assertions.jsonl`` into ``out``. Nothing is written when nothing could be read."""
    started = time.perf_counter()
    corpus = analyze(
        inputs, texts=texts, model=model, batch_size=batch_size, n_process=n_process,
        progress=progress,
    )  # fmt: skip
    graph = build_graph(corpus)
    outputs: dict[str, Path] = {}
    if corpus.articles:
        folder = Path(out)
        outputs["assertions"] = write_jsonl(corpus.assertions, folder / "assertions.jsonl")
        outputs["turtle"] = write_turtle(graph, folder / "graph.ttl")
        outputs["html"] = write_html(graph, folder / "graph.html", title=_title(corpus))
    return BuildResult(corpus, graph, outputs, time.perf_counter() - started)


def _title(corpus: Corpus) -> str:
    if len(corpus.articles) == 1 and corpus.articles[0].title:
        return f"graphkit: {corpus.articles[0].title}"
    return f"graphkit: {len(corpus.articles)} articles"
