"""Scale (issue 15): worker processes, a Dask cluster, a real SPARQL server.

Every component is real: spaCy's model, worker processes, a ``distributed``
cluster, Oxigraph's own server on a free local port. No timing is asserted here
(``benchmarks/scale.py`` prints the figures).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import graphkit
from graphkit.nlp import analyze_articles
from graphkit.nlp.workers import batches
from graphkit.options import AnalysisOptions
from graphkit.types import Article

from .conftest import SEEDS


def seed_variants(count: int) -> list[Article]:
    """``count`` distinct articles made of the seed's paragraphs, rotated: a small
    corpus that needs nothing from outside the repository."""
    paragraphs = [p for p in next(SEEDS.glob("*.txt")).read_text().splitlines()[1:] if p.strip()]
    found = []
    for index in range(count):
        turn = paragraphs[index % len(paragraphs) :] + paragraphs[: index % len(paragraphs)]
        text = "\n\n".join(turn[: 5 + index % 4])
        found.append(Article(f"variant-{index:02d}", text, title=f"Variant {index}",
                             published="2024-11-07"))  # fmt: skip
    return found


@pytest.fixture(scope="module")
def variants() -> list[Article]:
    return seed_variants(6)


def turtle_of(tmp: Path, articles: list[Article], **settings: object) -> bytes:
    result = graphkit.build(articles, out=tmp, formats=["turtle"], **settings)  # type: ignore[arg-type]
    return result.outputs["turtle"].read_bytes()


@pytest.fixture(scope="module")
def one_process_turtle(tmp_path_factory: pytest.TempPathFactory, variants: list[Article]) -> bytes:
    return turtle_of(tmp_path_factory.mktemp("one"), variants)


def test_two_worker_processes_build_the_same_graph(
    tmp_path: Path, variants: list[Article], one_process_turtle: bytes
) -> None:
    assert turtle_of(tmp_path, variants, n_process=2) == one_process_turtle


def test_workers_keep_the_order_and_the_pieces_of_long_articles(variants: list[Article]) -> None:
    options = AnalysisOptions(chunk_chars=1_500, batch_size=2)
    here = list(analyze_articles(variants, options))
    there = list(analyze_articles(variants, AnalysisOptions.of(options, n_process=2)))
    assert [a.article.id for a in there] == [a.id for a in variants]
    assert there == here


def test_a_model_that_cannot_be_loaded_fails_cleanly_in_the_workers(
    variants: list[Article],
) -> None:
    with pytest.raises(graphkit.ModelError, match="no-such-model"):
        list(analyze_articles(variants, AnalysisOptions(model="no-such-model", n_process=2)))


def test_batches_share_the_corpus_out_in_order(variants: list[Article]) -> None:
    cut = batches(variants * 10, 2, 32)
    assert [a for b in cut for a in b] == variants * 10
    assert len(cut) >= 2 * 2
