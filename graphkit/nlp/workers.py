"""Parse and extract on every core: a pool of worker processes, each with its model.

spaCy's own ``nlp.pipe(n_process=N)`` parallelises only the parse: the Docs come
back to the main process, which then extracts every assertion alone, so a second
core bought a build about 1.2x (issue 15). Here each worker process loads the
pipeline once (with its first batch), and runs the whole of :func:`graphkit.nlp.analyze_here`
on a batch of articles: parse, extract, merge the pieces of a long article, guard
each article (a failed one is an :class:`~graphkit.types.InputProblem`). Only
Articles go out, and :class:`~graphkit.types.DocumentAnalysis` dataclasses and
problems come back.

The same :func:`analyze_batch` runs on a Dask worker (:mod:`graphkit.nlp.cluster`).
Results are yielded in the order of the articles, whatever order the batches finish
in, and each article is parsed as it would be in one process, so the graph is the
same byte for byte. At most a few batches are in flight at once: the corpus's
analyses stream back instead of piling up in the workers.

The pool uses the platform's default start method (``fork`` on Linux up to Python
3.13, as spaCy's ``n_process`` does); with ``spawn`` or ``forkserver`` a script that
calls :func:`graphkit.build` needs the usual ``if __name__ == "__main__":`` guard.
"""

from __future__ import annotations

import gc
import math
import multiprocessing
import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from graphkit.nlp.pieces import MAX_ARTICLE_CHARS, MAX_SENTENCE_TOKENS
from graphkit.options import AnalysisOptions
from graphkit.types import Article, DocumentAnalysis, InputProblem

__all__ = [
    "analyze_batch", "analyze_in_processes", "batch_size", "batches", "warm", "worker_pool",
]  # fmt: skip

# A batch holds at most this many characters (about 30 news articles): small enough
# that the last batches of a corpus share out evenly, large enough that a batch's
# cost is the parse, not the trip between processes.
BATCH_CHARS = 100_000
# Batches per worker at least, when the corpus allows: a corpus cut in as many
# batches as workers ends as slowly as its slowest batch.
SHARES = 8
# One batch at a time per process: a Dask worker may run tasks in several threads,
# and a spaCy pipeline is not made to be shared between threads.
_ONE_AT_A_TIME = threading.Lock()


def warm(model: str) -> None:
    """Load ``model`` in this worker before its first batch (once per process:
    :func:`graphkit.nlp.load_pipeline` keeps it), so batches never pay for it."""
    from graphkit.nlp import load_pipeline

    load_pipeline(model)


def analyze_batch(
    articles: Sequence[Article],
    options: AnalysisOptions,
    max_sentence_tokens: int = MAX_SENTENCE_TOKENS,
    max_article_chars: int = MAX_ARTICLE_CHARS,
) -> list[DocumentAnalysis | InputProblem]:
    """What one worker does with one batch: parse and extract it here, in order
    (:func:`graphkit.nlp.analyze_here`)."""
    from graphkit.nlp import analyze_here

    with _ONE_AT_A_TIME:
        return list(analyze_here(articles, options, max_sentence_tokens, max_article_chars))


def batch_size(articles: int, workers: int, most: int) -> int:
    """Articles in a batch: at most ``most``, and few enough that each of ``workers``
    gets :data:`SHARES` batches or more.

    >>> batch_size(1_000, 2, 32), batch_size(100, 2, 32), batch_size(3, 4, 32)
    (32, 7, 1)
    """
    return max(1, min(most, math.ceil(articles / (SHARES * max(1, workers)))))


def batches(articles: Sequence[Article], workers: int, most: int) -> list[list[Article]]:
    """``articles`` cut, in order, into batches of at most ``most`` articles and
    about :data:`BATCH_CHARS` characters, and at least :data:`SHARES` batches per
    worker when there are articles enough.

    >>> docs = [Article(str(i), "x" * 1_000) for i in range(10)]
    >>> [len(b) for b in batches(docs, 2, 32)]
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    >>> [len(b) for b in batches(docs * 10, 2, 32)]
    [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 2]
    """
    size = batch_size(len(articles), workers, most)
    found: list[list[Article]] = []
    current: list[Article] = []
    chars = 0
    for article in articles:
        if current and (len(current) >= size or chars + len(article.text) > BATCH_CHARS):
            found.append(current)
            current, chars = [], 0
        current.append(article)
        chars += len(article.text)
    if current:
        found.append(current)
    return found


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each with Python's cycle collector running: a
    forked one takes the collector's state from this process, which pauses it while it
    holds the analyses (:mod:`graphkit.pipeline`)."""
    return ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context(), initializer=gc.enable
    )


def analyze_in_processes(
    articles: Iterable[Article],
    options: AnalysisOptions,
    max_sentence_tokens: int = MAX_SENTENCE_TOKENS,
    max_article_chars: int = MAX_ARTICLE_CHARS,
) -> Iterator[DocumentAnalysis | InputProblem]:
    """What :func:`graphkit.nlp.analyze_articles` yields for ``articles``, in order,
    made by ``options.n_process`` worker processes (see the module docstring)."""
    articles = list(articles)
    if not articles:
        return
    workers = max(1, min(options.n_process, len(articles)))
    todo = deque(batches(articles, workers, options.batch_size))
    # each worker loads the model with its first batch (load_pipeline keeps it): a
    # model that cannot be loaded comes back as the ModelError it raised
    pool = worker_pool(workers)
    in_flight: deque[Future[list[DocumentAnalysis | InputProblem]]] = deque()
    limits = (max_sentence_tokens, max_article_chars)
    try:
        while todo or in_flight:
            while todo and len(in_flight) < 2 * workers + 2:
                in_flight.append(pool.submit(analyze_batch, todo.popleft(), options, *limits))
            yield from in_flight.popleft().result()
    finally:
        for future in in_flight:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
