"""How the HTML view copes with big graphs: 200, 2,000 and 5,000 actors by default.

For each size a synthetic corpus (seeded, so every run draws the same graph) of that
many actors, a fifth as many concepts, two and a half relations per actor, dated
articles over six months, time phrases, quotations and PLOVER events goes through
graphkit's own RDF model (:func:`graphkit.rdf.build.build_graph`); the view is
written, and headless Chromium opens it. Printed for each size: the seconds to build
the RDF graph, to make the view data (with the layout) and the HTML, the file size,
and in the browser the first meaningful draw (navigation start to the end of the first
drawing, labels included), a filter change and a time-range change (each with its
redraw), and a click on an actor (its panel built).

Run ``python benchmarks/view_scale.py`` (``--help`` for options).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from graphkit.export.html.data import generate_view_data
from graphkit.export.html.page import render_html
from graphkit.rdf.build import build_graph
from graphkit.rdf.io import store_of
from graphkit.types import (
    Argument,
    Article,
    Assertion,
    Attribution,
    Corpus,
    Entity,
    Event,
    Qualifier,
    Relation,
)

CHROMIUM = "/usr/bin/chromium"
TYPES = ["Person"] * 5 + ["Country", "GovernmentBody", "Organization", "Group", "AnonymousSource"]
LEMMAS = "meet criticise support attack sanction visit congratulate warn accuse invite".split()
EVENTS = {
    "meet": ("CONSULT", "verbal cooperation", 1.0),
    "support": ("SUPPORT", "verbal cooperation", 3.0),
    "attack": ("ASSAULT", "material conflict", -10.0),
    "sanction": ("SANCTION", "material conflict", -4.0),
    "warn": ("THREATEN", "verbal conflict", -4.4),
    "accuse": ("ACCUSE", "verbal conflict", -2.0),
}
START = date(2025, 1, 1)
SIZES = (200, 2000, 5000)


def synthetic_corpus(actors: int, edges: int, articles: int = 60, seed: int = 1) -> Corpus:
    """``actors`` actors and a fifth as many concepts joined by ``edges`` assertions
    between distinct pairs: a random tree of actors first, then random pairs, and a
    quotation by one actor of every tenth."""
    rng = random.Random(seed)
    entities = [
        Entity(f"actor-{i:05d}", f"Actor {i}", rng.choice(TYPES), mentions=rng.randint(1, 30))
        for i in range(actors)
    ]
    concepts = [Entity(f"concept-{i:05d}", f"thing {i}", "Concept") for i in range(actors // 5)]
    pairs = {(rng.randrange(i), i) for i in range(1, actors)}
    while len(pairs) < edges:
        a, b = rng.randrange(actors), rng.randrange(actors + len(concepts))
        if a != b:
            pairs.add((a, b))
    everyone = entities + concepts
    docs = [
        Article(
            f"doc-{i:03d}",
            "",
            title=f"Article {i}",
            published=(START + timedelta(days=rng.randrange(181))).isoformat(),
            content_hash=f"{i:016x}",
        )
        for i in range(articles)
    ]
    assertions = [
        _assertion(n, everyone[a], everyone[b], rng.choice(docs), rng)
        for n, (a, b) in enumerate(sorted(pairs))
    ]
    quotes = [_quote(n, entities, rng.choice(docs), rng) for n in range(0, actors, 10)]
    propositions = [
        Entity(q.object.entity, q.object.text, "Proposition")
        for q in quotes
        if q.object and q.object.entity
    ]
    return Corpus(
        articles=tuple(docs),
        assertions=tuple(assertions + quotes),
        entities=tuple(everyone + propositions),
    )


def _assertion(n: int, subject: Entity, obj: Entity, doc: Article, rng: random.Random) -> Assertion:
    lemma, roll = rng.choice(LEMMAS), rng.random()
    sentence = f"{subject.label} did {lemma} {obj.label} on Monday."
    end, at = len(subject.label), sentence.index(obj.label)
    day = (date.fromisoformat(doc.published or "2025-01-01") - timedelta(days=2)).isoformat()
    category = EVENTS.get(lemma)
    return Assertion(
        id=f"a{n:06d}",
        doc=doc.id,
        sentence=sentence,
        sentence_index=n,
        subject=Argument(subject.label, 0, end, subject.id, subject.label, subject.type),
        relation=Relation(lemma, lemma, negated=roll < 0.05, modality="could" * (roll > 0.9)),
        object=Argument(obj.label, at, at + len(obj.label), obj.id, obj.label, obj.type),
        qualifiers=(Qualifier("time", "on Monday", len(sentence) - 10, len(sentence) - 1, day),)
        if roll < 0.5
        else (),
        attribution=Attribution("a source") if 0.75 < roll <= 0.9 else None,
        hedged=0.05 <= roll < 0.15,
        confidence=round(rng.uniform(0.3, 1.0), 2),
        event=Event(*category, lemma) if category and roll >= 0.05 else None,
    )


def _quote(n: int, actors: list[Entity], doc: Article, rng: random.Random) -> Assertion:
    """``actors[n]`` said words that name another actor."""
    speaker, named = actors[n], rng.choice(actors)
    words = f"{named.label} will sign"
    sentence = f"{speaker.label} said {words}."
    at = sentence.index(words)
    return Assertion(
        id=f"q{n:06d}",
        doc=doc.id,
        sentence=sentence,
        sentence_index=n,
        subject=Argument(speaker.label, 0, len(speaker.label), speaker.id, speaker.label),
        relation=Relation("said", "say"),
        object=Argument(words, at, at + len(words), f"words-{n:05d}", words, "Proposition"),
        confidence=0.8,
    )


def timed(what: str, seconds: dict[str, float], start: float) -> float:
    seconds[what] = time.perf_counter() - start
    seconds[f"{what}, CPU"] = time.process_time() - CPU[0]
    CPU[0] = time.process_time()
    return time.perf_counter()


CPU = [0.0]  # process time at the last step: the machine may be shared


FILTER = """() => {
    const t = performance.now();
    document.querySelector('#kinds input[value="fact"]').click();
    network.redraw();
    return performance.now() - t; }"""
TIME_RANGE = """() => {
    const t = performance.now();
    state.from = DATA.time.min + 30; state.to = DATA.time.min + 90;
    applyFilters(); drawBars();
    network.redraw();
    return performance.now() - t; }"""
CLICK = """() => {
    const t = performance.now();
    selectActor(DATA.nodes.slice().sort((a, b) => a.rank - b.rank)[0].id, false);
    network.redraw();
    return performance.now() - t; }"""


def open_in_browser(path: Path) -> dict[str, float]:
    """Seconds until the first drawing, and for a filter change, a time-range change and
    a click, in Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        started = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.graphkitReady !== undefined", timeout=300_000)
        wall = time.perf_counter() - started
        drawn = page.evaluate("window.graphkitReady") / 1000
        labels = page.evaluate("graphkitLabels.length")
        found = {
            "first meaningful draw (navigation to labels drawn)": drawn,
            "open until drawn, wall clock": wall,
            "filter change (a status off) and redraw": page.evaluate(FILTER) / 1000,
            "time-range change (two months) and redraw": page.evaluate(TIME_RANGE) / 1000,
            "click on the top actor (panel) and redraw": page.evaluate(CLICK) / 1000,
        }
        print(f"  {'labels drawn at first sight':52s} {labels:8d}")
        browser.close()
    return found


def reset_peak() -> None:
    """Start the process's peak resident memory afresh (Linux: ``clear_refs`` 5)."""
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")


def peak_mb() -> float:
    """The process's peak resident memory since :func:`reset_peak`, in MB."""
    with open("/proc/self/status") as handle:
        found = re.search(r"VmHWM:\s+(\d+) kB", handle.read())
    return int(found.group(1)) / 1e3 if found else float("nan")


def run(actors: int, edges: int, out: Path | None, browser: bool, cap: bool = True) -> None:
    seconds: dict[str, float] = {}
    start, CPU[0] = time.perf_counter(), time.process_time()
    corpus = synthetic_corpus(actors, edges)
    start = timed("synthetic corpus", seconds, start)
    graph = build_graph(corpus)
    start = timed(f"RDF graph ({len(graph)} triples)", seconds, start)
    before = peak_mb()
    reset_peak()
    store = store_of(graph)
    start = timed("store (the rdflib graph in pyoxigraph)", seconds, start)
    data = generate_view_data(store) if cap else generate_view_data(store, limit=None)
    start = timed("view data, layout included", seconds, start)
    html = render_html(data, "graphkit: view_scale")
    timed("HTML", seconds, start)
    print(f"  {'peak memory before the view (RDF graph built)':52s} {before:8.0f} MB")
    print(f"  {'peak memory: store, view data and HTML':52s} {peak_mb():8.0f} MB")
    drawn = sum(1 for n in data["nodes"] if n["actor"])
    lines = sum(1 for e in data["edges"] if e["actors"])
    print(f"{actors} actors: {len(data['nodes'])} nodes ({drawn} drawn at first), "
          f"{len(data['edges'])} edges ({lines} between actors), "
          f"{len(data['sources'])} statements")  # fmt: skip
    print(f"  {'HTML size':52s} {len(html.encode()) / 1e6:8.2f} MB")
    with tempfile.TemporaryDirectory(prefix="graphkit-view-scale-") as scratch:
        path = (out / f"view-{actors}.html") if out else Path(scratch) / "view.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
        if browser:
            seconds.update(open_in_browser(path))
    for what, value in seconds.items():
        if not what.endswith(", CPU"):
            cpu = seconds.get(f"{what}, CPU")
            print(f"  {what:52s} {value:8.2f} s" + (f"  (CPU {cpu:.2f} s)" if cpu else ""))
    print(f"  {'load average (1 min) when done':52s} {os.getloadavg()[0]:8.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--links", type=float, default=2.5, help="relations per actor")
    parser.add_argument("--out", type=Path, help="a folder to keep the HTML in")
    parser.add_argument("--no-browser", action="store_true", help="only time the Python side")
    parser.add_argument("--no-cap", action="store_true", help="draw every actor, however many")
    args = parser.parse_args(argv)
    for actors in args.actors:
        run(actors, int(actors * args.links), args.out, not args.no_browser, not args.no_cap)
    return 0


if __name__ == "__main__":
    sys.exit(main())
