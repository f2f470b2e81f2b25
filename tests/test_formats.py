"""Every export format of the seed graph: round trips, determinism, the --formats option."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, URIRef

from graphkit.errors import GraphkitError
from graphkit.export.formats import DEFAULT_FORMATS, FORMATS, Export, parse_formats, write_exports
from graphkit.files import ExportSet
from graphkit.pipeline import BuildResult
from graphkit.rdf.iri import ARTICLES
from graphkit.rdf.vocab import GK

from .conftest import SEEDS


def write_set(export: Export, folder: Path, formats: list[str]) -> dict[str, Path]:
    exports = ExportSet(folder)
    outputs = write_exports(export, exports, formats)
    exports.commit()
    return outputs


RDF_FILES = {
    "turtle": ("turtle", ox.RdfFormat.TURTLE),
    "ntriples": ("nt", ox.RdfFormat.N_TRIPLES),
    "trig": ("trig", ox.RdfFormat.TRIG),
    "jsonld": ("json-ld", ox.RdfFormat.JSON_LD),
}


@pytest.fixture(scope="module")
def all_formats(seed_build: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("all-formats")
    export = Export(seed_build.corpus, seed_build.lines, "seed")
    return write_set(export, folder, ["all"])


def _oxigraph_count(path: Path, fmt: ox.RdfFormat) -> int:
    store = ox.Store()
    store.bulk_load(path=str(path), format=fmt)
    return len(store)


@pytest.mark.parametrize("name", list(RDF_FILES))
def test_rdf_formats_hold_the_seed_graph(name: str, all_formats: dict, seed_build) -> None:
    rdflib_format, ox_format = RDF_FILES[name]
    path = all_formats[name]
    if name == "trig":
        dataset = Dataset()
        dataset.parse(path, format="trig")
        triples = {(s, p, o) for s, p, o, _ in dataset.quads()}
    else:
        triples = set(Graph().parse(path, format=rdflib_format))
    assert triples == set(seed_build.graph)
    assert _oxigraph_count(path, ox_format) == len(seed_build.graph)


def test_trig_has_a_named_graph_per_article(all_formats: dict, seed_build) -> None:
    store = ox.Store()
    store.bulk_load(path=str(all_formats["trig"]), format=ox.RdfFormat.TRIG)
    names = {g.value for g in store.named_graphs()}
    assert names == {f"{ARTICLES}{a}" for a in _article_locals(seed_build)}
    in_article = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a gk:Assertion } }"
    [row] = store.query("PREFIX gk: <" + str(GK) + ">\n" + in_article)
    assert int(row["n"].value) == len(list(seed_build.graph.subjects(None, GK.Assertion)))


def _article_locals(result: BuildResult) -> set[str]:
    return {
        str(a)[len(ARTICLES) :]
        for a in result.graph.subjects(None, GK.Article)
        if isinstance(a, URIRef)
    }


def test_network_formats_hold_the_claims(all_formats: dict, seed_build) -> None:
    claims = len(set(seed_build.graph.subjects(None, GK.Claim)))
    graphml = nx.read_graphml(all_formats["graphml"], force_multigraph=True)
    gexf = nx.read_gexf(all_formats["gexf"])
    assert graphml.number_of_edges() == gexf.number_of_edges() == claims
    trump = next(n for n, d in graphml.nodes(data=True) if d["label"] == "Donald Trump")
    assert graphml.nodes[trump]["type"] == "Person"
    assert "lastmodifieddate" not in all_formats["gexf"].read_text(encoding="utf-8")
    with all_formats["csv"].open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == claims
    [denial] = [r for r in rows if r["Label"] == "congratulate" and r["status"] == "negated"]
    assert (denial["source_label"], denial["target_label"]) == ("Vladimir Putin", "Donald Trump")


def test_every_format_is_deterministic(all_formats: dict, seed_build, tmp_path: Path) -> None:
    again = write_set(Export(seed_build.corpus, seed_build.lines, "seed"), tmp_path, ["all"])
    for name, path in all_formats.items():
        assert again[name].read_bytes() == path.read_bytes(), name


def test_records_are_written_with_any_formats(seed_build, tmp_path: Path) -> None:
    outputs = write_set(Export(seed_build.corpus, seed_build.lines), tmp_path, ["csv"])
    assert set(outputs) == {"csv", "assertions", "articles", "entities", "lines"}
    # the graph's sorted lines, which --into grows, are kept whatever the formats
    assert outputs["lines"].name == ".graph.nt"
    assert outputs["lines"].read_text().splitlines() == list(seed_build.lines)
    [record] = [json.loads(line) for line in outputs["articles"].read_text().splitlines()]
    assert record["id"] == "000_69fb7bf0abeb2eda" and record["text"].startswith("Russian")


def test_format_names() -> None:
    assert parse_formats("default") == DEFAULT_FORMATS
    assert parse_formats("all") == tuple(FORMATS)
    assert parse_formats("nt,jsonl, ttl") == ("ntriples", "assertions", "turtle")
    with pytest.raises(GraphkitError, match="unknown export format 'rdfxml'"):
        parse_formats("turtle,rdfxml")


def test_build_command_writes_the_chosen_formats(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "graphkit", "build", str(SEEDS), "--out", str(tmp_path),
         "--formats", "trig,gexf"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    written = {p.name for p in tmp_path.iterdir()}
    assert {"graph.trig", "graph.gexf", "assertions.jsonl", "articles.jsonl"} <= written
    assert "graph.ttl" not in written
    bad = subprocess.run(
        [sys.executable, "-m", "graphkit", "build", str(SEEDS), "--out", str(tmp_path / "x"),
         "--formats", "pdf"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert bad.returncode == 2 and "unknown export format 'pdf'" in bad.stderr
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize(("name", "file"), [("turtle", "graph.ttl"), ("ntriples", "graph.nt")])
def test_a_streamed_format_is_also_made_as_text(
    all_formats: dict, seed_build, name: str, file: str
) -> None:
    # an Export made in Python has lines but no lines file
    text = FORMATS[name].generate(Export(seed_build.corpus, seed_build.lines))
    assert text.encode("utf-8") == all_formats[name].read_bytes()
    assert all_formats[name].name == file
