"""The analyst's view (#13) in headless Chromium, on a build of
``tests/data/analyst-news.jsonl``: eight short dated reports written for these tests
(January to March 2025). Actors first, quotations on their speakers, time, take-away
files and event colours."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

import graphkit
from graphkit.pipeline import BuildResult

from .browser import View
from .conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "analyst-news.jsonl"
SCREENSHOT = ROOT / "docs" / "analyst-view.png"
NOT_ACTORS = {"Concept", "Proposition", "Place", "City", "Region"}
JANUARY = ("2025-01-01", "2025-01-31")


@pytest.fixture(scope="module")
def analyst_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return graphkit.build([CORPUS], out=tmp_path_factory.mktemp("analyst"))


@pytest.fixture
def view(analyst_build: BuildResult, open_view: Callable[..., View]) -> View:
    opened: View = open_view(analyst_build.outputs["html"])
    return opened


def _clean(view: View) -> None:
    assert view.log.blocked == [] and view.log.errors == [] and view.log.dialogs == []


def _drawn_types(view: View) -> set[str]:
    return set(view.js("network.body.data.nodes.get().map(n => byId.get(n.id).type)"))


def _select(view: View, name: str) -> str:
    view.page.fill("#search", name)
    view.page.press("#search", "Enter")
    return str(view.js("shownInPanel.id"))


def _set_range(view: View, start: str, end: str) -> None:
    view.page.fill("#time-from", start)
    view.page.fill("#time-to", end)


def test_default_view_has_actors_and_no_concept_or_quotation(view: View) -> None:
    assert view.js("DATA.nodes.filter(n => n.type === 'Concept').length") > 10
    assert view.js("DATA.nodes.filter(n => n.type === 'Proposition').length") > 3
    types = _drawn_types(view)
    assert {"Person", "Country"} <= types and not types & NOT_ACTORS
    labelled = view.js("graphkitLabels.filter(l => l.node).map(l => byId.get(l.id).type)")
    assert labelled and not set(labelled) & NOT_ACTORS
    view.page.locator("#all-nodes").check()
    assert {"Concept", "Proposition"} <= _drawn_types(view)
    # a quotation is a node now, but its words are never a label: the panel has them
    quotes = view.js("DATA.nodes.filter(n => n.type === 'Proposition').map(n => n.label)")
    assert set(quotes) == {"“…”"}
    _clean(view)


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_labels_of_the_most_connected_are_shown_and_none_overlap(view: View) -> None:
    boxes = view.js("graphkitLabels.map(l => l.box)")
    assert len(boxes) > 10
    for i, a in enumerate(boxes):
        assert not any(_overlap(a, b) for b in boxes[i + 1 :]), a
    labelled = set(view.js("graphkitLabels.filter(l => l.node).map(l => l.id)"))
    top = view.js(
        "DATA.nodes.filter(n => visible.nodes.has(n.id))"
        ".sort((a, b) => a.rank - b.rank).slice(0, 5).map(n => n.id)"
    )
    assert set(top) <= labelled
    _clean(view)


def test_actor_panel_of_a_leader_lists_its_quotes_with_attribution(view: View) -> None:
    putin = _select(view, "Putin")
    assert view.js("id => byId.get(id).label", putin) == "Vladimir Putin"
    quotes = view.js("[...document.querySelectorAll('#panel .quote')].map(q => q.textContent)")
    said = [q for q in quotes if "Our friendship has no limits" in q]
    assert said and "— Vladimir Putin, said" in said[0] and "2025-02-20" in said[0]
    panel = view.panel()
    assert "What it said (1)" in panel
    assert "What others said about it" in panel and "state media, according to" in panel
    assert "Merged because" in panel and "Claims (" in panel
    for partner in ("Xi Jinping", "France", "European Union"):
        assert partner in panel
    zelenskyy = _select(view, "Volodymyr Zelenskyy")
    assert view.js("id => byId.get(id).roles.some(r => r.date === '2025-01-07')", zelenskyy)
    assert "President" in view.panel() and "2025-01-07" in view.panel()
    _clean(view)


def test_edge_panel_groups_evidence_by_article_with_status_and_event(view: View) -> None:
    edge = view.js(
        "DATA.edges.find(e => e.relation === 'accuse' && byId.get(e.to).label === 'Russia').id"
    )
    view.js("id => selectEdge(id)", edge)
    articles = view.js("[...document.querySelectorAll('#panel .article')].map(a => a.textContent)")
    assert len(articles) == 1 and "Missile strike hits Kharkiv as talks stall" in articles[0]
    assert "Graphkit Test Wire, 2025-03-03" in articles[0]
    assert "https://news.example.org/2025/03/03/kharkiv-strike" in articles[0]
    marks = view.js("[...document.querySelectorAll('#panel mark')].map(m => m.textContent)")
    assert "Russia" in marks
    assert "ACCUSE (cue: accused)" in view.panel() and "verbal conflict" in view.panel()
    _clean(view)


def test_time_range_hides_claims_outside_it_and_the_counts_follow(view: View) -> None:
    everything, counts = view.shown(), view.js("document.getElementById('counts').textContent")
    putin = _select(view, "Putin")
    claims_before = view.js("document.querySelector('#panel h3').textContent")
    _set_range(view, *JANUARY)
    assert view.js("[state.from, state.to].map(isoDay)") == list(JANUARY)
    shown = view.shown()
    assert 0 < shown[1] < everything[1] and shown[0] < everything[0]
    counts_now = view.js("document.getElementById('counts').textContent")
    assert counts_now != counts and "from 2025-01-01 to 2025-01-31" in counts_now
    days = view.js("[state.from, state.to]")
    for edge in view.drawn_ids()[1]:
        about = view.js("id => visible.sources.get(id).map(i => SOURCES[i].about)", edge)
        assert about and all(a[1] >= days[0] and a[0] <= days[1] for a in about)
    met_xi = view.js(
        "DATA.edges.find(e => e.relation === 'meet' && byId.get(e.to).label === 'Xi Jinping').id"
    )
    assert met_xi not in view.drawn_ids()[1]
    assert view.js("document.querySelector('#panel h3').textContent") != claims_before
    assert view.js("shownInPanel.id") == putin  # the panel followed the range
    _clean(view)


def test_step_through_shows_the_graph_growing(view: View) -> None:
    everything = view.shown()
    sizes = []
    for _ in range(20):
        view.page.click("#time-next")
        sizes.append(view.shown()[1])
        if view.js("state.to >= DATA.time.max"):
            break
    assert len(sizes) > 3 and sizes == sorted(sizes) and sizes[0] < sizes[-1] == everything[1]
    assert "up to" in view.js("document.getElementById('time-status').textContent")
    view.page.click("#reset")
    assert view.shown() == everything
    _clean(view)


def test_csv_export_gives_the_visible_claims(view: View) -> None:
    _set_range(view, "2025-02-01", "2025-03-31")
    with view.page.expect_download() as info:
        view.page.click("#export-csv")
    download = info.value
    assert download.suggested_filename == "graphkit-claims.csv"
    text = Path(download.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    expected = view.js(
        """[...visible.edges].map(id => edgeById.get(id))
             .flatMap(e => e.claim ? [e.id] : e.claims).filter(id => visible.sources.has(id))"""
    )
    claims = {view.js("id => edgeById.get(id).claim", e) for e in expected}
    assert {row["claim"] for row in rows} == claims and claims
    statements = view.js(
        "ids => [...new Set(ids)].flatMap(id => visible.sources.get(id))", expected
    )
    assert len(rows) == len(statements)
    assert all("2025-02" <= row["date"][:7] <= "2025-03" for row in rows)
    assert {"subject", "relation", "object", "sentence", "article_url", "event_category"} <= set(
        rows[0]
    )
    assert view.js("csvCell('=HYPERLINK(\"x\")')") == '"\'=HYPERLINK(""x"")"'
    assert view.js("csvCell('-2, +3')") == '"\'-2, +3"'
    _clean(view)


def test_png_export_is_the_picture_of_the_view(view: View) -> None:
    with view.page.expect_download() as info:
        view.page.click("#export-png")
    data = Path(info.value.path()).read_bytes()
    assert info.value.suggested_filename == "graphkit-view.png"
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    _clean(view)


def test_relations_are_coloured_by_quad_class_and_filtered_by_category(view: View) -> None:
    assert view.js("state.colorBy") == "event"
    conflict = view.js("quadByName.get('VerbalConflict').color")
    accuse = view.js(
        "DATA.edges.find(e => e.relation === 'accuse' && byId.get(e.to).label === 'Russia').id"
    )
    assert view.js("id => network.body.data.edges.get(id).color.color", accuse) == conflict
    assert view.js("[...document.querySelectorAll('#quads label')].map(l => l.textContent)")
    view.page.locator('#quads input[value="ACCUSE"]').uncheck()
    assert accuse not in view.drawn_ids()[1]
    categories = view.js(
        "[...visible.sources.values()].flat().map(i => (SOURCES[i].event || {}).category)"
    )
    assert "ACCUSE" not in categories
    view.page.select_option("#color-by", "status")
    assert view.js(
        "network.body.data.edges.get().every(e => e.color.color === edgeById.get(e.id).color)"
    )
    _clean(view)


def test_screenshot_of_a_multi_article_build(view: View) -> None:
    _select(view, "Putin")
    view.js("fitView()")
    view.page.wait_for_timeout(300)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    view.page.screenshot(path=str(SCREENSHOT))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/analyst-view.png" in readme
    _clean(view)
