"""Python's cycle collector around a build: what a paused stage leaves is frozen out of
the collector's walks while the build goes on, given back when it ends, and the worker
processes collect as usual (issue 15)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import graphkit
from graphkit.collector import collector_paused, collector_restored
from graphkit.nlp import _load_once, load_pipeline
from graphkit.nlp.workers import worker_pool
from graphkit.options import DEFAULT_MODEL, AnalysisOptions
from graphkit.pipeline import _analyze_collected
from graphkit.types import Article

# my own two-sentence dispatch
TEXT = (
    "The Estonian government said on Monday that it would expel two Russian diplomats. "
    "Moscow has not answered the decision, according to officials in Tallinn."
)


@pytest.fixture
def no_frozen() -> Iterator[None]:
    """Each test starts and ends with nothing frozen (a failure leaves nothing behind)."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_the_analyses_are_kept_out_of_the_collectors_walks_until_the_end(
    no_frozen: None,
) -> None:
    collecting: list[bool] = []  # heard as each article comes back from the parse
    with collector_restored():
        corpus = _analyze_collected(
            [Article("estonia", TEXT)],
            [],
            AnalysisOptions(),
            progress=lambda done, total: collecting.append(gc.isenabled()),
        )
        assert collecting == [False]
        assert gc.isenabled() and corpus.assertions
        # get_objects lists what the collector walks: the frozen are not in it
        walked = {id(o) for o in gc.get_objects()}
        assert id(corpus.assertions[0]) not in walked and id(corpus.entities[0]) not in walked
    assert gc.get_freeze_count() == 0
    walked = {id(o) for o in gc.get_objects()}
    assert id(corpus.assertions[0]) in walked and id(corpus.entities[0]) in walked


def test_loading_the_model_leaves_a_paused_collector_paused(no_frozen: None) -> None:
    _load_once.cache_clear()  # a load as a parse's first: srsly turns the collector on
    with collector_paused():
        nlp = load_pipeline(DEFAULT_MODEL)
        assert not gc.isenabled()
    assert gc.isenabled() and nlp.pipe_names
    # the default, passed or not, is one load (the cache is keyed by the name)
    assert load_pipeline() is nlp and _load_once.cache_info().misses == 1


def test_a_build_gives_back_what_it_froze(tmp_path: Path, no_frozen: None) -> None:
    result = graphkit.build(
        [Article("estonia", TEXT)], out=tmp_path / "out", formats=["assertions"]
    )
    assert result.outputs["assertions"].is_file()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_callers_own_frozen_objects_stay_frozen(no_frozen: None) -> None:
    kept = [[n] for n in range(100)]
    gc.freeze()
    before = gc.get_freeze_count()
    with collector_restored(), collector_paused():
        more = [[n] for n in range(100)]
    assert gc.get_freeze_count() >= before + len(more)
    assert kept and gc.isenabled()


def test_the_worker_processes_collect_while_this_one_is_paused() -> None:
    with collector_paused():
        pool = worker_pool(1)
        try:
            assert pool.submit(gc.isenabled).result(timeout=60) is True
        finally:
            pool.shutdown()
    gc.unfreeze()
