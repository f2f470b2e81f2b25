"""Scale (issue 15): worker processes, a Dask cluster, a real SPARQL server.

Every component is real: spaCy's model, worker processes, a ``distributed``
cluster, Oxigraph's own server on a free local port. No timing is asserted here
(``benchmarks/scale.py`` prints the figures).
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Iterator
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


def free_port() -> int:
    """A local TCP port that nothing listens on (the OS picks it)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[str]:
    """A real Dask cluster of two worker processes; its scheduler's address."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_a_dask_cluster_builds_the_same_graph(
    tmp_path: Path, variants: list[Article], one_process_turtle: bytes, dask_cluster: str
) -> None:
    assert turtle_of(tmp_path, variants, dask=dask_cluster) == one_process_turtle


def test_dask_workers_load_the_model_once(variants: list[Article], dask_cluster: str) -> None:
    from distributed import Client

    list(analyze_articles(variants, AnalysisOptions(dask=dask_cluster, batch_size=1)))
    with Client(dask_cluster) as client:
        loads = client.run(lambda: __import__("graphkit.nlp").nlp.load_pipeline.cache_info())
    assert len(loads) == 2
    for info in loads.values():
        assert info.misses == 1 and info.hits >= 1  # one load, then the cached pipeline


def _build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", "build", *args], capture_output=True, text=True
    )


def test_build_dask_local_from_the_command_line(tmp_path: Path, variants: list[Article]) -> None:
    records = tmp_path / "variants.jsonl"
    records.write_text(
        "".join(
            json.dumps({"id": a.id, "text": a.text, "title": a.title, "published": a.published})
            + "\n"
            for a in variants[:3]
        )
    )
    for name, more in (("here", ()), ("dask", ("--dask", "local:2"))):
        done = _build(str(records), "--out", str(tmp_path / name), "--formats", "turtle", *more)
        assert done.returncode == 0, done.stderr
    here, dask = (tmp_path / name / "graph.ttl" for name in ("here", "dask"))
    assert dask.read_bytes() == here.read_bytes()


def test_an_unreachable_scheduler_is_a_clear_error(
    variants: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("graphkit.nlp.cluster.CONNECT_SECONDS", 3)
    port = free_port()
    with pytest.raises(graphkit.ClusterError, match=f"127.0.0.1:{port}"):
        list(analyze_articles(variants, AnalysisOptions(dask=f"tcp://127.0.0.1:{port}")))
    with pytest.raises(graphkit.ClusterError, match="expected a scheduler address"):
        list(analyze_articles(variants, AnalysisOptions(dask="somewhere")))
