"""The view files the browser tests open, checked without a browser: byte-stable
output, actor neighbourhoods, the ``graphkit view`` command, the build's views."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import graphkit
from graphkit.errors import InputError
from graphkit.export.html.data import generate_view_data, neighbourhood
from graphkit.export.html.layout import SPRING_LIMIT, layout
from graphkit.export.html.page import generate_html
from graphkit.export.html.views import (
    find_actor,
    read_layout,
    top_actors,
    write_view,
    write_views,
)
from graphkit.files import ExportSet
from graphkit.pipeline import BuildResult
from graphkit.rdf.io import load_store, store_of

from .conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "analyst-news.jsonl"
DATA = re.compile(r'<script type="application/json" id="graph-data">(.*?)</script>', re.S)


def _data(path: Path) -> dict:
    match = DATA.search(path.read_text(encoding="utf-8"))
    assert match is not None
    return json.loads(match.group(1))


def test_same_graph_same_bytes_even_read_back_from_turtle(seed_build: BuildResult) -> None:
    reread = load_store(seed_build.outputs["turtle"])
    html = generate_html(store_of(seed_build.graph), "t")
    assert generate_html(reread, "t") == html
    assert html == generate_html(store_of(seed_build.graph), "t")


def test_views_and_index_of_the_seed_are_committed(seed_build: BuildResult) -> None:
    fresh = {k: v for k, v in seed_build.outputs.items() if k == "index" or ":" in k}
    committed = {p.relative_to(ROOT / "exports").as_posix() for p in ROOT.glob("exports/views/*")}
    folder = seed_build.outputs["index"].parent
    assert committed == {p.relative_to(folder).as_posix() for p in fresh.values()} - {
        "index.html"
    }, "exports/views is stale: run `graphkit build seeds/ --out exports/`"
    for path in fresh.values():
        name = path.relative_to(folder).as_posix()
        assert (ROOT / "exports" / name).read_bytes() == path.read_bytes(), f"{name} is stale"


def test_build_views_are_the_top_actors_neighbourhoods(seed_build: BuildResult) -> None:
    top = top_actors(store_of(seed_build.graph))
    assert len(top) == 5 and not {a.type for a in top} & {"Concept", "Proposition"}
    assert [a.neighbours for a in top] == sorted((a.neighbours for a in top), reverse=True)
    for actor in top:
        data = _data(seed_build.outputs[f"view:{actor.slug}"])
        assert data["focus"] == {"id": actor.slug, "hops": 1}
        pairs = [(e["from"], e["to"]) for e in data["edges"]]
        assert {n["id"] for n in data["nodes"]} == neighbourhood(pairs, actor.slug, 1)


def test_neighbourhood_follows_edges_both_ways() -> None:
    pairs = [("a", "b"), ("c", "b"), ("c", "d"), ("e", "f")]
    assert neighbourhood(pairs, "a", 0) == {"a"}
    assert neighbourhood(pairs, "a", 1) == {"a", "b"}
    assert neighbourhood(pairs, "a", 2) == {"a", "b", "c"}
    assert neighbourhood(pairs, "a", 9) == {"a", "b", "c", "d"}


def test_find_actor_by_name_alias_or_id(seed_build: BuildResult) -> None:
    graph = store_of(seed_build.graph)
    putin = find_actor(graph, "Vladimir Putin")
    assert find_actor(graph, "putin") == putin == find_actor(graph, putin.slug)
    with pytest.raises(InputError, match="did you mean 'Vladimir Putin'"):
        find_actor(graph, "Vladimr Putn")


def test_write_view_cuts_to_the_neighbourhood_and_confidence(
    seed_build: BuildResult, tmp_path: Path
) -> None:
    ttl = seed_build.outputs["turtle"]
    written = write_view(ttl, tmp_path / "putin.html", actor="Putin", hops=2)
    data = _data(written.path)
    claims = [e for e in data["edges"] if e["claim"]]
    assert (written.nodes, written.edges) == (len(data["nodes"]), len(claims))
    pairs = [(e["from"], e["to"]) for e in data["edges"]]
    assert {n["id"] for n in data["nodes"]} == neighbourhood(pairs, data["focus"]["id"], 2)
    whole = generate_view_data(store_of(seed_build.graph))
    assert 0 < len(data["nodes"]) < len(whole["nodes"])
    sure = _data(write_view(ttl, tmp_path / "sure.html", min_confidence=0.8).path)
    confidences = [sure["sources"][i]["confidence"] for e in sure["edges"] for i in e["sources"]]
    assert confidences and min(confidences) >= 0.8
    assert len(sure["edges"]) < len(whole["edges"])


def test_view_command(seed_build: BuildResult, tmp_path: Path) -> None:
    out = tmp_path / "trump.html"
    command = [sys.executable, "-m", "graphkit", "view", str(seed_build.outputs["turtle"])]
    done = subprocess.run(
        [*command, "-o", str(out), "--actor", "donald trump", "--hops", "1"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Donald Trump" in done.stderr and _data(out)["focus"]["hops"] == 1
    done = subprocess.run([*command, "--actor", "Nobody At All"], capture_output=True, text=True)
    assert done.returncode == 2 and "no actor called 'Nobody At All'" in done.stderr


def test_views_of_actors_no_longer_on_top_are_removed_and_user_pages_kept(
    seed_build: BuildResult, tmp_path: Path
) -> None:
    earlier = ExportSet(tmp_path)
    earlier.write("views/someone-gone.html", "a view graphkit wrote")
    earlier.commit()
    mine = tmp_path / "views" / "my-own-view.html"  # written by `graphkit view -o`
    mine.write_text("mine", encoding="utf-8")
    exports = ExportSet(tmp_path)
    outputs = write_views(store_of(seed_build.graph), exports, "t")
    exports.commit()
    assert not (tmp_path / "views" / "someone-gone.html").exists()
    assert mine.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in (tmp_path / "views").iterdir()) == sorted(
        [mine.name, *(p.name for k, p in outputs.items() if k.startswith("view:"))]
    )


def test_big_components_get_the_sampled_layout_and_stay_apart() -> None:
    ring = [f"r{i:04d}" for i in range(SPRING_LIMIT + 50)]
    edges = [(a, b) for a, b in zip(ring, ring[1:], strict=False)] + [("x", "y")]
    positions = layout([*ring, "x", "y"], edges)
    assert positions == layout([*ring, "x", "y"], edges)  # seeded
    assert len(positions) == len(ring) + 2
    ring_x = [positions[n][0] for n in ring]
    assert positions["x"][0] > max(ring_x) or positions["x"][1] > max(
        positions[n][1] for n in ring
    )  # the small component is packed beside or below the big one, not on it


def test_fixed_places_are_kept_and_new_nodes_go_beside_their_neighbours() -> None:
    fixed = {"a": (0.0, 0.0), "b": (200.0, 0.0)}
    positions = layout(["a", "b", "c", "x", "y"], [("a", "b"), ("a", "c"), ("x", "y")], fixed=fixed)
    assert positions["a"] == (0.0, 0.0) and positions["b"] == (200.0, 0.0)
    assert 0 < sum(v**2 for v in positions["c"]) ** 0.5 < 200  # beside a, not on it
    assert min(positions["x"][1], positions["y"][1]) > 0  # a new component goes below


def test_a_grown_graph_keeps_the_places_of_its_actors(tmp_path: Path) -> None:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    (tmp_path / "first.jsonl").write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")
    (tmp_path / "later.jsonl").write_text("\n".join(lines[5:]) + "\n", encoding="utf-8")
    out = tmp_path / "exports"
    graphkit.build([tmp_path / "first.jsonl"], out=out)
    before = read_layout(out)
    assert before and _places(out / "graph.html") == before
    graphkit.build([tmp_path / "later.jsonl"], into=out)
    after = read_layout(out)
    assert after and _places(out / "graph.html") == after
    assert set(after) > set(before)
    assert {k: after[k] for k in before if k in after} == {
        k: before[k] for k in after if k in before
    }
    assert len(set(before) & set(after)) > 0.9 * len(before)
    fresh = graphkit.build([CORPUS], out=tmp_path / "fresh")
    assert read_layout(fresh.outputs["html"].parent) != after  # a fresh build lays out anew


def _places(path: Path) -> dict[str, tuple[float, float]]:
    return {n["id"]: (n["x"], n["y"]) for n in _data(path)["nodes"]}
