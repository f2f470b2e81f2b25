"""``graphkit stats``: counts and network analytics, pure and repeatable."""

from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph as ox

from graphkit.analysis.stats import generate_stats
from graphkit.pipeline import BuildResult
from graphkit.rdf.build import build_graph
from graphkit.rdf.io import load_graph, store_of
from graphkit.rdf.vocab import GK

from .test_graph_model import PUTIN, RUSSIA, TRUMP, claim, corpus_of


def test_seed_stats(seed_build: BuildResult) -> None:
    stats = generate_stats(store_of(seed_build.graph))
    counts = dict(stats.counts)
    assert counts["triples"] == len(seed_build.graph)
    assert counts["articles"] == 1
    assert counts["assertions"] == len(set(seed_build.graph.subjects(None, GK.Assertion)))
    assert counts["claims"] == sum(counts[f"claims: {s}"] for s in ("fact", "negated", "uncertain"))
    assert counts["entities"] == len(seed_build.corpus.entities)
    assert "Donald Trump" in [r.label for r in stats.degree[:3]]
    assert {"Concept", "Proposition"}.isdisjoint(r.type for r in stats.degree + stats.betweenness)
    assert sum(stats.components) == sum(len(c) for c in stats.communities)
    assert any("Vladimir Putin" in members for members in stats.communities)
    assert generate_stats(store_of(seed_build.graph)) == stats  # seeded: the same every time


def test_small_graph_by_hand() -> None:
    corpus = corpus_of(
        claim("a", lemma="meet"),
        claim("b", lemma="phone", negated=True),
        claim("c", subject=TRUMP, lemma="visit", obj=RUSSIA),
    )
    stats = generate_stats(store_of(build_graph(corpus)), top=2)
    assert dict(stats.counts)["claims"] == 3
    assert dict(stats.counts)["entities in no claim"] == 1  # the anonymous source
    assert [r.label for r in stats.degree] == ["Donald Trump", "Russia"]
    assert stats.degree[0].score == 1.0  # linked to both others
    assert [r.label for r in stats.betweenness][0] == "Donald Trump"
    assert stats.components == (3,)
    assert PUTIN.label in stats.communities[0] or PUTIN.label in stats.communities[-1]


def test_empty_graph() -> None:
    stats = generate_stats(ox.Store())
    assert dict(stats.counts)["triples"] == 0
    assert stats.degree == () and stats.communities == ()


def test_load_graph_reads_every_rdf_export(seed_build: BuildResult) -> None:
    assert set(load_graph(seed_build.outputs["turtle"])) == set(seed_build.graph)


def test_stats_command(seed_build: BuildResult) -> None:
    path = str(seed_build.outputs["turtle"])
    table = subprocess.run(
        [sys.executable, "-m", "graphkit", "stats", path], capture_output=True, text=True
    )
    assert table.returncode == 0, table.stderr
    assert "betweenness" in table.stdout and "Donald Trump" in table.stdout
    done = subprocess.run(
        [sys.executable, "-m", "graphkit", "stats", path, "--format", "json", "--top", "3"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    data = json.loads(done.stdout)
    assert len(data["degree"]) == 3 and data["components"]
