"""Parse and extract on a Dask cluster: ``graphkit build news/ --dask tcp://host:8786``.

The articles become a ``dask.bag`` whose partitions are batches of articles; each
partition runs :func:`graphkit.nlp.workers.analyze_batch`, the same function as the
local worker processes, on a Dask worker, and only the extracted
analyses (and the problems of articles whose extraction failed) come back to this
process for resolution, the graph and the exports. Each worker loads the spaCy pipeline once: a
worker plugin (:class:`ModelPlugin`) loads it when it joins, and
:func:`graphkit.nlp.load_pipeline` keeps it for every later task; the model is never
shipped with a task.

Where to run (``options.dask``):

- ``tcp://host:8786`` (any scheduler address): a running cluster, whose workers have
  graphkit and the spaCy model installed (see the README);
- ``local`` or ``local:N``: a ``distributed.LocalCluster`` of N worker processes (one
  per core by default), one thread each, started here and stopped after the parse.

Partitions are computed a few at a time and gathered in order, so the analyses come
back in the order of the articles and the graph is the one a local build makes.
Dask is imported only here, only when a build asks for it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin

from graphkit.errors import ClusterError, ModelError
from graphkit.nlp.pieces import MAX_ARTICLE_CHARS, MAX_SENTENCE_TOKENS
from graphkit.nlp.workers import analyze_batch, batch_size, warm
from graphkit.options import AnalysisOptions
from graphkit.types import Article, DocumentAnalysis, InputProblem

__all__ = ["ModelPlugin", "analyze_on_dask", "connect", "parse_address"]

_LOCAL = re.compile(r"local(?::(\d+))?")
_ADDRESS = re.compile(r"[a-z][a-z0-9+.-]*://\S+")
CONNECT_SECONDS = 30


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy pipeline on each worker as it joins the cluster, once."""

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        warm(self.model)


def parse_address(spec: str) -> tuple[str | None, int | None]:
    """(scheduler address, None) or (None, local workers) from a ``--dask`` value; 0
    local workers means one per core.

    >>> parse_address("tcp://10.0.0.5:8786"), parse_address("local"), parse_address("local:3")
    (('tcp://10.0.0.5:8786', None), (None, 0), (None, 3))
    """
    local = _LOCAL.fullmatch(spec.strip())
    if local:
        workers = int(local.group(1) or 0)
        if local.group(1) is not None and workers < 1:
            raise ClusterError(f"--dask {spec}: a local cluster needs at least one worker")
        return None, workers
    if _ADDRESS.fullmatch(spec.strip()):
        return spec.strip(), None
    raise ClusterError(
        f"--dask {spec!r}: expected a scheduler address (tcp://host:8786), local or local:N"
    )


@contextlib.contextmanager
def connect(spec: str, model: str) -> Iterator[Client]:
    """A client of the cluster ``spec`` names (a local one started here and stopped
    after), with the spaCy pipeline loaded on every worker."""
    address, local_workers = parse_address(spec)
    with contextlib.ExitStack() as stack:
        if address is None:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=local_workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
            address = cluster.scheduler_address
        try:
            client = stack.enter_context(Client(address, timeout=CONNECT_SECONDS))
        except (OSError, TimeoutError) as exc:
            raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        _load_model_everywhere(client, model)
        yield client


def _load_model_everywhere(client: Client, model: str) -> None:
    """Register :class:`ModelPlugin`: every worker, and every one that joins later,
    loads ``model``; a worker that cannot load it fails the build with its message."""
    answers = client.register_plugin(ModelPlugin(model), name=f"graphkit-model-{model}")
    for worker, answer in sorted((answers or {}).items()):
        if isinstance(answer, dict) and answer.get("status") == "error":
            raise ModelError(f"Dask worker {worker}: {answer.get('exception_text', answer)}")
    if not client.scheduler_info().get("workers"):
        raise ClusterError(f"the Dask cluster at {client.scheduler.address} has no worker")


def analyze_on_dask(
    articles: Iterable[Article],
    options: AnalysisOptions,
    max_sentence_tokens: int = MAX_SENTENCE_TOKENS,
    max_article_chars: int = MAX_ARTICLE_CHARS,
) -> Iterator[DocumentAnalysis | InputProblem]:
    """What :func:`graphkit.nlp.analyze_articles` yields for ``articles``, in order,
    made on the cluster ``options.dask``."""
    import dask.bag

    articles = list(articles)
    if not articles or not options.dask:
        return
    with connect(options.dask, options.model) as client:
        workers = max(1, len(client.scheduler_info()["workers"]))
        size = batch_size(len(articles), workers, options.batch_size)
        bag = dask.bag.from_sequence(articles, partition_size=size)
        analyzed = bag.map_partitions(
            analyze_batch, options, max_sentence_tokens, max_article_chars
        )
        parts = deque(analyzed.to_delayed())
        in_flight: deque[Any] = deque()
        try:
            while parts or in_flight:
                while parts and len(in_flight) < 2 * workers + 2:
                    in_flight.append(client.compute(parts.popleft()))
                yield from in_flight.popleft().result()
        finally:
            for future in in_flight:
                future.cancel()
