"""The views and stats read a pyoxigraph store and make what the rdflib views made:
the seed's and ``tests/data``'s graphs against ``tests/expected/`` (written by the
rdflib views, see ``tests/expected/make_expected.py``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from graphkit.export.html.page import generate_html
from graphkit.pipeline import BuildResult
from graphkit.rdf.io import load_graph, load_store, store_of
from graphkit.rdf.reader import Reader, count_triples, py

from .conftest import ROOT

EXPECTED = ROOT / "tests" / "expected"


def _expected(name: str) -> Any:
    sys.path.insert(0, str(EXPECTED))
    try:
        from make_expected import expected
    finally:
        sys.path.remove(str(EXPECTED))
    return expected


@pytest.mark.parametrize("name", ["seed", "data"])
def test_store_views_make_what_the_rdflib_views_made(name: str) -> None:
    want = json.loads((EXPECTED / f"{name}.expected.json").read_text(encoding="utf-8"))
    made = _expected(name)(EXPECTED / f"{name}.ttl")
    got = json.loads(json.dumps(made, ensure_ascii=False, sort_keys=True))
    for part in want:
        assert got[part] == want[part], f"{name}: {part} differs"


def test_store_of_holds_the_graphs_triples(seed_build: BuildResult) -> None:
    store = store_of(seed_build.graph)
    assert len(store) == len(seed_build.graph)
    again = load_store(seed_build.outputs["turtle"])
    assert set(store) == set(again)


def test_the_html_of_a_built_graph_is_that_of_its_turtle(seed_build: BuildResult) -> None:
    built = generate_html(store_of(seed_build.graph), "t")
    assert generate_html(load_store(seed_build.outputs["turtle"]), "t") == built


def test_a_trig_files_graphs_are_one_graph(tmp_path: Path) -> None:
    """An article graph each: a triple in two of them is counted, and read, once."""
    path = tmp_path / "graph.trig"
    path.write_text(
        "@prefix ex: <http://example.org/> .\n"
        "ex:g1 { ex:a ex:p ex:b . ex:a ex:q 1 . }\n"
        "ex:g2 { ex:a ex:p ex:b . }\n",
        encoding="utf-8",
    )
    store = load_store(path)
    assert len(store) == 3 and count_triples(store) == 2 == len(load_graph(path))
    reader = Reader(store)
    a = ox.NamedNode("http://example.org/a")
    assert reader.values(a, "http://example.org/p") == (ox.NamedNode("http://example.org/b"),)
    assert reader.py(a, "http://example.org/q") == 1


@pytest.mark.parametrize(
    ("literal", "value"),
    [
        ('"3"^^xsd:integer', 3),
        ('"true"^^xsd:boolean', True),
        ('"0"^^xsd:boolean', False),
        ('"0.552"^^xsd:decimal', __import__("decimal").Decimal("0.552")),
        ('"1.5E0"^^xsd:double', 1.5),
        ('"plain"', "plain"),
        ('"<b>&"@en', "<b>&"),
        ('"x"^^xsd:integer', "x"),  # not an integer: its words, not a crash
    ],
)
def test_a_literals_python_value(literal: str, value: object) -> None:
    store = ox.Store()
    store.load(
        f"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . <http://e/a> <http://e/p> {literal} .",
        format=ox.RdfFormat.TURTLE,
    )
    found = py(next(iter(store)).object)
    assert found == value and type(found) is type(value)


def _run(*args: str) -> str:
    import subprocess

    done = subprocess.run(
        [sys.executable, "-m", "graphkit", *args], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_stats_and_view_of_a_folder_read_its_store(seed_build: BuildResult, tmp_path: Path) -> None:
    ttl = seed_build.outputs["turtle"]
    folder = ttl.parent
    assert _run("stats", str(folder), "--format", "json") == _run(
        "stats", str(ttl), "--format", "json"
    )
    assert any((folder / ".graphkit" / "store").iterdir())  # the folder's on-disk store
    for target, out in ((folder, "folder.html"), (ttl, "file.html")):
        _run("view", str(target), "-o", str(tmp_path / out), "--actor", "Putin", "--hops", "2")
    assert (tmp_path / "folder.html").read_bytes() == (tmp_path / "file.html").read_bytes()
