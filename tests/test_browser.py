"""The HTML views in a real browser (headless Chromium): offline, provenance on click,
hostile names shown as text, search and filters, the views a build writes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, Graph

import graphkit
from graphkit.ingest import content_hash
from graphkit.pipeline import BuildResult
from graphkit.rdf.vocab import GK
from graphkit.types import Article

from .browser import View
from .conftest import ROOT

SCREENSHOT = ROOT / "docs" / "seed-view.png"
HOSTILE_TITLE = 'Leak </title><script>window.__pwned=1</script> "quoted" & more'
HOSTILE_TEXT = (
    'President <img src=x onerror="window.__pwned=1"> met Vladimir Putin in Moscow. '
    "<script>window.__pwned=1</script> criticised NATO on Monday. "
    'Vladimir Putin did not congratulate "O\'Brien </script><b>bold</b>" after the vote. '
    "Officials said that Mr. <svg onload=alert(1)> reportedly visited Kyiv."
)


def _expected(graph: Graph) -> tuple[set[str], int, int]:
    """Node ids, edges and statements, counted from the RDF graph on its own: an edge
    per subject, relation, object and status (negated, fact or neither)."""
    nodes, edges, statements = set(), set(), 0
    for node in graph.subjects(RDF.type, GK.Assertion):
        s, p, o = (graph.value(node, term) for term in (RDF.subject, RDF.predicate, RDF.object))
        negated, factual = (graph.value(node, t).toPython() for t in (GK.negated, GK.factual))
        edges.add((s, p, o, "negated" if negated else "fact" if factual else "uncertain"))
        nodes |= {str(s).rsplit("/", 1)[-1], str(o).rsplit("/", 1)[-1]}
        statements += 1
    return nodes, len(edges), statements


def _assert_clean(view: View) -> None:
    assert view.log.blocked == [], "the page asked for something outside its file"
    assert view.log.errors == []
    assert view.log.dialogs == []


def test_seed_view_loads_offline_and_draws_the_actors_first(
    seed_build: BuildResult, open_view: Callable[..., View]
) -> None:
    view = open_view(seed_build.outputs["html"])
    nodes, edges, statements = _expected(seed_build.graph)
    claims = "DATA.edges.filter(e => e.claim)"
    assert view.js(f"{claims}.length") == edges
    assert view.js(f"{claims}.reduce((n, e) => n + e.sources.length, 0)") == statements
    assert {n for n in view.js("DATA.nodes.map(n => n.id)")} == nodes
    drawn_types = set(_drawn_nodes(view, "type"))
    assert drawn_types and not drawn_types & {"Concept", "Proposition", "Place", "City", "Region"}
    assert all(_drawn_edges(view, "actors"))
    assert view.js("network.getSelectedNodes().length") == 0
    actors_shown = view.shown()
    view.page.locator("#all-nodes").check()  # concepts, places and quotations come back
    assert set(view.drawn_ids()[0]) == nodes
    assert view.shown()[1] == view.js("DATA.edges.length") > actors_shown[1]
    assert "Concept" in _drawn_nodes(view, "type")
    view.page.locator("#all-nodes").uncheck()
    assert view.shown() == actors_shown
    _assert_clean(view)


FIND_CLICK_POINT = """(id) => {
  const edge = network.body.edges[id];
  const length = Math.hypot(edge.to.x - edge.from.x, edge.to.y - edge.from.y);
  const middle = {x: (edge.from.x + edge.to.x) / 2, y: (edge.from.y + edge.to.y) / 2};
  network.moveTo({position: middle, scale: Math.min(3, Math.max(0.5, 400 / length))});
  for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
    const dom = network.canvasToDOM(edge.edgeType.getPoint(t));
    if (network.getNodeAt(dom) === undefined && network.getEdgeAt(dom) === id) { return dom; }
  }
  return null;
}"""


def test_clicking_the_putin_trump_edge_shows_its_sentence(
    seed_build: BuildResult, open_view: Callable[..., View]
) -> None:
    view = open_view(seed_build.outputs["html"])
    edge = view.js(
        """DATA.edges.find(e => byId.get(e.from).label === 'Vladimir Putin'
             && byId.get(e.to).label === 'Donald Trump' && e.relation === 'congratulate').id"""
    )
    point = view.js(FIND_CLICK_POINT, edge)
    assert point is not None, "no point of the edge is free of nodes and other edges"
    box = view.page.locator("#network canvas").bounding_box()
    assert box is not None
    view.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    view.page.wait_for_function("document.querySelector('#panel .source') !== null")
    assert "has yet to formally congratulate" in view.panel()
    assert view.js("network.getSelectedEdges()") == [edge]
    marks = view.js("[...document.querySelectorAll('#panel mark')].map(m => m.textContent)")
    assert "Trump" in marks and any("Putin" in m for m in marks)
    assert "negated" in view.panel()
    view.js("fitView()")
    view.page.wait_for_timeout(200)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    view.page.screenshot(path=str(SCREENSHOT))
    _assert_clean(view)


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    article = Article(
        id="hostile",
        text=HOSTILE_TEXT,
        title=HOSTILE_TITLE,
        url="javascript:window.__pwned=1",
        content_hash=content_hash(HOSTILE_TEXT),
    )
    return graphkit.build([article], out=tmp_path_factory.mktemp("hostile"))


def test_hostile_names_are_shown_as_text_and_never_run(
    hostile_build: BuildResult, open_view: Callable[..., View]
) -> None:
    view = open_view(hostile_build.outputs["html"])
    labels = view.js("DATA.nodes.map(n => n.label)")
    assert any("</script" in label for label in labels), labels  # the test means something
    assert view.page.title() == "graphkit: " + HOSTILE_TITLE
    shown = view.js(
        """() => {
        const seen = [];
        DATA.nodes.forEach(n => { showNode(n.id); seen.push(panel.textContent); });
        DATA.edges.forEach(e => { showEdge(e.id); seen.push(panel.textContent); });
        return seen.join("\\n"); }"""
    )
    assert '<img src=x onerror="window.__pwned=1">' in shown
    assert "O'Brien </script><b>bold</b" in shown
    assert "javascript:" not in view.js("[...document.querySelectorAll('a')].map(a => a.href)")
    handlers = view.js(
        "[...document.querySelectorAll('*')].flatMap(e => [...e.attributes])"
        ".filter(a => a.name.startsWith('on')).map(a => a.name)"
    )
    assert handlers == []
    assert (
        view.js("document.querySelectorAll('img, iframe, object, embed, #side script').length") == 0
    )
    assert view.js("[...document.querySelectorAll('b')].every(b => b.textContent !== 'bold')")
    assert view.js("document.scripts.length") == 3  # data, vis-network, the page's own
    view.page.fill("#search", "</script")
    view.page.press("#search", "Enter")
    assert "</script" in view.js("byId.get(network.getSelectedNodes()[0]).label")
    assert view.js("typeof window.__pwned") == "undefined"
    _assert_clean(view)


def _neighbours(view: View, node: str) -> set[str]:
    """``node`` and the nodes its drawable edges link it to."""
    ends = view.js("DATA.edges.filter(edgeShown).map(e => [e.from, e.to])")
    return {node} | {b if a == node else a for a, b in ends if node in (a, b)}


def _drawn_edges(view: View, field: str) -> list[Any]:
    """``field`` of each drawn edge's data."""
    return view.js("f => network.body.data.edges.get().map(e => edgeById.get(e.id)[f])", field)


def _drawn_nodes(view: View, field: str) -> list[Any]:
    return view.js("f => network.body.data.nodes.get().map(n => byId.get(n.id)[f])", field)


def test_search_neighbourhood_and_filters_change_what_is_drawn(
    seed_build: BuildResult, open_view: Callable[..., View]
) -> None:
    view = open_view(seed_build.outputs["html"])
    total = view.shown()
    view.page.fill("#search", "putin")
    view.page.press("#search", "Enter")
    [putin] = view.js("network.getSelectedNodes()")
    assert view.js("id => byId.get(id).label", putin) == "Vladimir Putin"
    assert "Vladimir Putin" in view.panel()

    view.page.select_option("#hops", "1")
    assert set(view.drawn_ids()[0]) == _neighbours(view, putin)
    assert view.shown()[0] < total[0]
    view.page.click("#reset")
    assert view.shown() == total

    view.page.locator("#all-nodes").check()
    everything = view.shown()
    view.page.locator('#types input[value="Concept"]').uncheck()
    assert "Concept" not in _drawn_nodes(view, "type") and view.shown()[0] < everything[0]
    view.page.click("#reset")
    assert view.shown() == total

    negated = len([k for k in _drawn_edges(view, "kind") if k == "negated"])
    view.page.locator('#kinds input[value="negated"]').uncheck()
    assert negated > 0 and view.shown()[1] == total[1] - negated
    assert "negated" not in _drawn_edges(view, "kind")
    view.page.click("#reset")

    view.page.locator("#confidence").fill("0.8")
    sure = view.js(
        "DATA.edges.filter(e => edgeShown(e) && e.sources.some(i => SOURCES[i].confidence >= 0.8))"
        ".map(e => e.id).sort()"
    )
    assert sorted(view.drawn_ids()[1]) == sure and 0 < len(sure) < total[1]
    assert view.js("[...visible.sources.values()].flat().every(i => SOURCES[i].confidence >= 0.8)")
    view.page.click("#reset")

    view.page.select_option("#relation", "congratulate")
    assert set(_drawn_edges(view, "relation")) == {"congratulate"}
    view.page.click("#reset")
    assert view.shown() == total

    view.page.select_option("#size-by", "mentions")
    assert view.js("id => nodeSet.get(id).value === byId.get(id).mentions", putin)
    _assert_clean(view)


def test_build_writes_an_index_of_actor_views(
    seed_build: BuildResult, open_view: Callable[..., View]
) -> None:
    index = seed_build.outputs["index"]
    html = index.read_text(encoding="utf-8")
    links = re.findall(r'href="(views/[^"]+\.html)"', html)
    views = sorted(k for k in seed_build.outputs if k.startswith("view:"))
    assert len(links) == len(views) == 5
    page = open_view(index, drawn=False)
    assert page.js("document.links.length") == len(links) + 1  # and the whole graph
    _assert_clean(page)
    for link in links:
        view = open_view(index.parent / link)
        focus = view.js("DATA.focus.id")
        assert view.js("network.getSelectedNodes()") == [focus]
        assert set(_drawn_nodes(view, "actor")) == {True}
        actors = "DATA.nodes.filter(n => n.actor && visible.active.has(n.id)).length"
        relations = "DATA.edges.filter(e => e.actors).length"
        assert view.shown() == tuple(view.js(f"[{actors}, {relations}]"))
        assert view.js("byId.get(DATA.focus.id).label") in view.panel()
        _assert_clean(view)


def test_screenshot_is_linked_from_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/seed-view.png" in readme
    assert Path(SCREENSHOT).is_file()
