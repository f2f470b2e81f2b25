"""A big graph's whole view draws its most-connected actors only, says so, and its
search still finds every actor; a small graph's view is as it was."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from graphkit.export.html.big import FOLDED, MAX_ACTORS
from graphkit.export.html.data import generate_view_data
from graphkit.export.html.page import render_html
from graphkit.rdf.build import build_graph
from graphkit.rdf.io import store_of
from graphkit.rdf.iri import entity_iri
from graphkit.types import Corpus, Entity

from .browser import View
from .conftest import ROOT
from .test_graph_model import PUTIN, RUSSIA, TRUMP, claim, corpus_of

DATA = re.compile(r'<script type="application/json" id="graph-data">(.*?)</script>', re.S)
EXTRA = 300  # actors over the cap


def _synthetic(actors: int) -> Corpus:
    """The seeded corpus of benchmarks/view_scale.py: actors, concepts, quotations."""
    spec = importlib.util.spec_from_file_location("view_scale", ROOT / "benchmarks/view_scale.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_corpus(actors, int(actors * 2.5))  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Corpus, Path, dict[str, Any]]:
    corpus = _synthetic(MAX_ACTORS + EXTRA)
    data = generate_view_data(store_of(build_graph(corpus)))
    path = tmp_path_factory.mktemp("big") / "graph.html"
    path.write_text(render_html(data, "big"), encoding="utf-8")
    match = DATA.search(path.read_text(encoding="utf-8"))
    assert match is not None
    return corpus, path, json.loads(match.group(1))


def _degrees(corpus: Corpus) -> dict[str, int]:
    """Each actor's number of distinct linked entities, from the corpus itself."""
    linked: dict[str, set[str]] = defaultdict(set)
    for a in corpus.assertions:
        s, o = a.subject.entity, a.object.entity if a.object else None
        if s and o and s != o:
            linked[s].add(o)
            linked[o].add(s)
    actors = [e.id for e in corpus.entities if e.type not in {"Concept", "Proposition"}]
    return {actor: len(linked[actor]) for actor in actors}


def test_a_big_graph_draws_its_most_connected_actors(big: tuple[Corpus, Path, Any]) -> None:
    corpus, path, data = big
    degrees = _degrees(corpus)
    assert len(degrees) == MAX_ACTORS + EXTRA
    drawn = [n for n in data["nodes"] if n["actor"]]
    assert len(data["nodes"]) == len(drawn) == data["capped"]["shown"]
    assert MAX_ACTORS - 50 < len(drawn) <= MAX_ACTORS  # a few have only concepts
    assert data["capped"]["of"] == MAX_ACTORS + EXTRA
    ids = {n["id"] for n in drawn}
    assert all(e["from"] in ids and e["to"] in ids for e in data["edges"])
    by_id = {e.id: e for e in corpus.entities}
    assert min(degrees[i] for i in ids) >= max(d for i, d in degrees.items() if i not in ids)
    others = {name for name, _ in data["capped"]["others"]}
    assert others == {by_id[i].label for i in degrees if i not in ids}
    html = path.read_text(encoding="utf-8")
    note = f"showing {len(drawn)} of {MAX_ACTORS + EXTRA} actors; search or open an actor's view"
    assert note in html


def test_a_small_graph_is_not_capped(seed_build: Any) -> None:
    store = store_of(seed_build.graph)
    data = generate_view_data(store)
    assert "capped" not in data and data == generate_view_data(store, limit=None)
    assert "search or open" not in seed_build.outputs["html"].read_text(encoding="utf-8")


def test_the_big_view_draws_and_its_search_finds_every_actor(
    big: tuple[Corpus, Path, Any], open_view: Callable[..., View]
) -> None:
    _, path, data = big
    view = open_view(path)
    assert view.log.errors == [] and view.log.blocked == []
    assert "showing" in view.js("document.getElementById('capped').textContent")
    assert view.shown()[0] == data["capped"]["shown"]
    names = view.js("document.querySelectorAll('#actor-names option').length")
    assert names == data["capped"]["shown"] + len(data["capped"]["others"])
    name, slug = data["capped"]["others"][0]  # named in full: not a drawn "<name>0"
    view.page.fill("#search", name)
    view.page.press("#search", "Enter")
    status = view.js("document.getElementById('status').textContent")
    assert f"“{name}” is not drawn here" in status and f"--actor {slug}" in status
    drawn = next(n for n in data["nodes"] if n["actor"])
    view.page.fill("#search", drawn["label"])
    view.page.press("#search", "Enter")
    assert view.js("network.getSelectedNodes()") == [drawn["id"]]


def _not_drawn_claims(corpus: Corpus) -> dict[str, int]:
    """Each actor's assertions about a concept or a quotation, from the corpus itself."""
    kinds = {e.id: e.type for e in corpus.entities}
    found: dict[str, int] = defaultdict(int)
    for a in corpus.assertions:
        s, o = a.subject.entity, a.object.entity if a.object else None
        for actor, other in ((s, o), (o, s)):
            ends = (kinds.get(actor or ""), kinds.get(other or ""))
            if ends[1] in {"Concept", "Proposition"} and ends[0] not in {
                None,
                "Concept",
                "Proposition",
            }:
                found[actor or ""] += 1
    return found


def test_claims_about_what_is_not_drawn_are_folded_into_the_actors(
    big: tuple[Corpus, Path, Any],
) -> None:
    corpus, _, data = big
    folded = data["capped"]["folded"]
    expected = _not_drawn_claims(corpus)
    drawn = {n["id"] for n in data["nodes"] if n["actor"]}
    assert folded and set(folded) <= drawn
    for actor, lines in folded.items():
        assert len(lines["lines"]) == min(FOLDED, expected[actor]), actor
        assert lines["more"] == expected[actor] - FOLDED
        counts = [n for _, n in lines["lines"]]
        assert counts == sorted(counts, reverse=True)
    # every drawn actor with such claims has them listed, and an actor whose only
    # claims are about concepts is drawn (alone) all the same
    assert {a for a in drawn if expected.get(a)} == set(folded)


def test_an_actor_kept_for_its_claims_about_concepts_is_drawn_alone() -> None:
    talks, sanctions = (Entity(f"{w}-9", w, "Concept") for w in ("talks", "sanctions"))
    corpus = corpus_of(
        claim("s1", subject=PUTIN, lemma="meet", obj=TRUMP),  # Trump is not kept
        claim("s2", subject=PUTIN, lemma="want", obj=talks),
        claim("s3", subject=RUSSIA, lemma="want", obj=talks),
        claim("s4", subject=RUSSIA, lemma="fear", obj=sanctions),
        claim("s5", doc="a2", subject=RUSSIA, lemma="fear", obj=sanctions),
        entities=(PUTIN, TRUMP, RUSSIA, talks, sanctions),
    )
    data = generate_view_data(store_of(build_graph(corpus)), limit=2)
    assert sorted(n["label"] for n in data["nodes"]) == ["Russia", "Vladimir Putin"]
    assert data["edges"] == [] and data["capped"]["of"] == 3
    folded = {k: v["lines"] for k, v in data["capped"]["folded"].items()}
    russia, putin = (entity_iri(e.id).rsplit("/", 1)[-1] for e in (RUSSIA, PUTIN))
    assert folded[russia] == [["→ fear → sanctions", 2], ["→ want → talks", 1]]
    assert folded[putin] == [["→ want → talks", 1]]


def test_an_actors_details_list_its_folded_claims(
    big: tuple[Corpus, Path, Any], open_view: Callable[..., View]
) -> None:
    _, path, data = big
    actor, lines = max(data["capped"]["folded"].items(), key=lambda item: len(item[1]["lines"]))
    view = open_view(path)
    view.js(f"selectActor({json.dumps(actor)}, true)")
    items = view.js("Array.from(document.querySelectorAll('#folded li')).map(li => li.textContent)")
    assert len(items) == len(lines["lines"]) + (lines["more"] > 0)
    assert items[0].startswith(lines["lines"][0][0])
    assert "not drawn" in view.js("document.getElementById('panel').textContent")
