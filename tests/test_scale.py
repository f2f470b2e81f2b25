"""Scale (issue 15): worker processes, a Dask cluster, a real SPARQL server.

Every component is real: spaCy's model, worker processes, a ``distributed``
cluster, Oxigraph's own server on a free local port. No timing is asserted here
(``benchmarks/scale.py`` prints the figures).
"""

from __future__ import annotations

import contextlib
import json
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import graphkit
from graphkit.errors import EndpointError, EndpointRefused, EndpointUnreachable, QueryError
from graphkit.nlp import analyze_articles
from graphkit.nlp.workers import batches
from graphkit.options import AnalysisOptions
from graphkit.pipeline import BuildResult, collect_articles
from graphkit.sparql.push import push
from graphkit.sparql.remote import run_query_at
from graphkit.sparql.server import oxigraph_command
from graphkit.sparql.store import ensure_store
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


def test_articles_made_in_python_are_not_taken_for_copies(variants: list[Article]) -> None:
    """Articles without a content hash were all "duplicate text" but the first."""
    kept, skipped = collect_articles(variants)
    assert [a.id for a in kept] == [a.id for a in variants] and skipped == []
    assert len({a.content_hash for a in kept}) == len(variants)


def test_two_worker_processes_build_the_same_graph(
    tmp_path: Path, variants: list[Article], one_process_turtle: bytes
) -> None:
    assert len(re.findall(rb"\sa gk:Article [;.]", one_process_turtle)) == len(variants)
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
        loads = client.run(lambda: __import__("graphkit.nlp").nlp._load_once.cache_info())
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


# --- the graph in a real SPARQL server -------------------------------------------

PUTIN_TRUMP = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX gk: <https://w3id.org/graphkit/ontology#>
PREFIX rel: <https://w3id.org/graphkit/rel/>
SELECT ?claim ?sentence WHERE {
  %s {
    ?claim a gk:Claim ; gk:status "negated" ; rdf:predicate rel:congratulate ;
      rdf:subject/rdfs:label "Vladimir Putin" ; rdf:object/rdfs:label "Donald Trump" ;
      gk:evidence/gk:sentence ?sentence .
  }
}"""


def sparql(endpoint: str, query: str) -> list[dict[str, str]]:
    """Ask an endpoint by the SPARQL 1.1 protocol, as any client would."""
    answer = httpx.post(
        endpoint, data={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    answer.raise_for_status()
    rows = answer.json()["results"]["bindings"]
    return [{name: cell["value"] for name, cell in row.items()} for row in rows]


def wait_for_port(port: int, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
            return
        time.sleep(0.1)
    raise AssertionError(f"nothing listens on port {port}")


@pytest.fixture()
def seed_folder(tmp_path: Path, seed_build: BuildResult) -> Path:
    """A copy of the seed's export folder (a store is made in it)."""
    return Path(shutil.copytree(seed_build.outputs["turtle"].parent, tmp_path / "seed"))


@pytest.fixture()
def writable_oxigraph(tmp_path: Path) -> Iterator[str]:
    """A real, writable Oxigraph server on a free port, with an empty store; its URL."""
    port = free_port()
    server = subprocess.Popen(
        [oxigraph_command(), "serve", "--location", str(tmp_path / "remote"),
         "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_graphkit_serve_answers_sparql_over_http(seed_folder: Path) -> None:
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "graphkit", "serve", str(seed_folder), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        ready, _, _ = select.select([serve.stdout], [], [], 120)
        assert ready and serve.stdout is not None, "graphkit serve printed no address"
        endpoint = serve.stdout.readline().strip()
        assert endpoint == f"http://127.0.0.1:{port}/query", serve.stderr
        [found] = sparql(endpoint, PUTIN_TRUMP % "")
        assert "has yet to formally congratulate Trump" in found["sentence"]
        # graphkit's own query command, shipped query and all, against the server
        shipped = subprocess.run(
            [sys.executable, "-m", "graphkit", "query", endpoint, "negated", "--format", "json"],
            capture_output=True, text=True,
        )  # fmt: skip
        assert shipped.returncode == 0, shipped.stderr
        assert any(r["subject"] == "Vladimir Putin" for r in json.loads(shipped.stdout))
        with pytest.raises(QueryError, match="read-only"):  # refused before it is sent
            run_query_at(endpoint, "DELETE WHERE { ?s ?p ?o }")
        # read-only: the Graph Store Protocol refuses a write
        with pytest.raises(EndpointRefused) as refused:
            push(seed_folder, f"http://127.0.0.1:{port}/store")
        assert refused.value.status >= 400
    finally:
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=30)
    assert serve.returncode == 0, serve.stderr.read() if serve.stderr else ""
    with pytest.raises(OSError):  # the oxigraph server went with it
        socket.create_connection(("127.0.0.1", port), 1).close()


def test_the_store_is_made_once_per_graph(seed_folder: Path, variants: list[Article]) -> None:
    first = ensure_store(seed_folder)
    assert ensure_store(seed_folder) == first
    file_rows = run_query_at(seed_folder / "graph.ttl", "negated")
    assert run_query_at(seed_folder, "negated") == file_rows  # the store, read-only
    graphkit.build(variants[:1], into=seed_folder, formats=["turtle"])
    second = ensure_store(seed_folder)
    assert second != first and not first.exists()  # the old store, unused, is gone


def test_push_sends_the_graph_to_a_graph_store(seed_folder: Path, writable_oxigraph: str) -> None:
    store, query = f"{writable_oxigraph}/store", f"{writable_oxigraph}/query"
    sent = subprocess.run(
        [sys.executable, "-m", "graphkit", "push", str(seed_folder), "--to", store],
        capture_output=True, text=True,
    )  # fmt: skip
    assert sent.returncode == 0, sent.stderr
    [found] = sparql(query, PUTIN_TRUMP % "")
    assert "congratulate" in found["sentence"]
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = sparql(query, count)
    push(seed_folder, store)  # again: no blank nodes, so nothing changes
    assert sparql(query, count) == before
    named = push(seed_folder, store, graph="https://example.org/graphs/seed", replace=True)
    assert named.status in (200, 201, 204)
    assert sparql(query, PUTIN_TRUMP % "GRAPH <https://example.org/graphs/seed>")


def test_push_errors_are_clear(seed_folder: Path, writable_oxigraph: str) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(EndpointUnreachable, match="cannot reach"):
        push(seed_folder, nowhere)
    with pytest.raises(EndpointRefused, match="404") as refused:
        push(seed_folder, f"{writable_oxigraph}/no-such-service")
    assert isinstance(refused.value, graphkit.GraphkitError) and refused.value.status == 404
    with pytest.raises(EndpointError, match="absolute IRI"):
        push(seed_folder, f"{writable_oxigraph}/store", graph="not an iri")
    cli = subprocess.run(
        [sys.executable, "-m", "graphkit", "push", str(seed_folder), "--to", nowhere],
        capture_output=True, text=True,
    )  # fmt: skip
    assert cli.returncode == 2 and "error: cannot reach" in cli.stderr
