"""How the HTML view copes with a big graph: 2,000 actors and 5,000 relations by default.

A synthetic corpus (seeded, so every run draws the same graph) goes through graphkit's
own RDF model (:func:`graphkit.rdf.build.build_graph`), the view is written, and headless
Chromium opens it. Printed: the seconds to build the RDF graph, to make the view data
(with the layout) and the HTML, the file size, and in the browser the seconds until the
network is first drawn, and how long a filter change and a click on an actor take.

Run ``python benchmarks/view_scale.py`` (``--help`` for options).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from graphkit.export.html.data import generate_view_data
from graphkit.export.html.page import render_html
from graphkit.rdf.build import build_graph
from graphkit.types import Argument, Article, Assertion, Attribution, Corpus, Entity, Relation

CHROMIUM = "/usr/bin/chromium"
TYPES = ["Person"] * 5 + ["Country", "GovernmentBody", "Organization", "Group", "Concept"] * 2
LEMMAS = "meet criticise support attack sanction visit congratulate warn accuse invite".split()


def synthetic_corpus(nodes: int, edges: int, articles: int = 50, seed: int = 1) -> Corpus:
    """``nodes`` entities joined by ``edges`` assertions between distinct pairs: a random
    tree first (so every entity is drawn), then random pairs."""
    rng = random.Random(seed)
    entities = [
        Entity(f"actor-{i:05d}", f"Actor {i}", rng.choice(TYPES), mentions=rng.randint(1, 30))
        for i in range(nodes)
    ]
    pairs = {(rng.randrange(i), i) for i in range(1, nodes)}
    while len(pairs) < edges:
        a, b = rng.randrange(nodes), rng.randrange(nodes)
        if a != b:
            pairs.add((a, b))
    docs = [
        Article(f"doc-{i:03d}", "", title=f"Article {i}", content_hash=f"{i:016x}")
        for i in range(articles)
    ]
    assertions = tuple(
        _assertion(n, entities[a], entities[b], rng.choice(docs).id, rng)
        for n, (a, b) in enumerate(sorted(pairs))
    )
    return Corpus(articles=tuple(docs), assertions=assertions, entities=tuple(entities))


def _assertion(n: int, subject: Entity, obj: Entity, doc: str, rng: random.Random) -> Assertion:
    lemma, roll = rng.choice(LEMMAS), rng.random()
    sentence = f"{subject.label} did {lemma} {obj.label}."
    end = len(subject.label)
    return Assertion(
        id=f"a{n:06d}",
        doc=doc,
        sentence=sentence,
        sentence_index=n,
        subject=Argument(subject.label, 0, end, subject.id, subject.label, subject.type),
        relation=Relation(lemma, lemma, negated=roll < 0.05, modality="could" * (roll > 0.9)),
        object=Argument(
            obj.label,
            len(sentence) - 1 - len(obj.label),
            len(sentence) - 1,
            obj.id,
            obj.label,
            obj.type,
        ),  # fmt: skip
        attribution=Attribution("a source") if 0.75 < roll <= 0.9 else None,
        hedged=0.05 <= roll < 0.15,
        confidence=round(rng.uniform(0.3, 1.0), 2),
    )


def timed(what: str, seconds: dict[str, float], start: float) -> float:
    seconds[what] = time.perf_counter() - start
    return time.perf_counter()


def open_in_browser(path: Path) -> dict[str, float]:
    """Seconds until the first drawing, and for a filter change and a click, in Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        started = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.graphkitReady !== undefined", timeout=120_000)
        wall = time.perf_counter() - started
        drawn = page.evaluate("window.graphkitReady") / 1000
        filter_ms = page.evaluate("""() => {
            const t = performance.now();
            document.querySelector('#types input').click();
            network.redraw();
            return performance.now() - t; }""")
        click_ms = page.evaluate("""() => {
            const t = performance.now();
            selectActor(DATA.nodes[0].id, true);
            network.redraw();
            return performance.now() - t; }""")
        browser.close()
    return {
        "first drawn (navigation start to afterDrawing)": drawn,
        "open until drawn, wall clock": wall,
        "filter change and redraw": filter_ms / 1000,
        "click on an actor and redraw": click_ms / 1000,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=5000)
    parser.add_argument("--out", type=Path, help="where to keep the HTML (default: a temp dir)")
    parser.add_argument("--no-browser", action="store_true", help="only time the Python side")
    args = parser.parse_args(argv)
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    corpus = synthetic_corpus(args.nodes, args.edges)
    start = timed("synthetic corpus", seconds, start)
    graph = build_graph(corpus)
    start = timed(f"RDF graph ({len(graph)} triples)", seconds, start)
    data = generate_view_data(graph)
    start = timed("view data, layout included", seconds, start)
    html = render_html(data, "graphkit: view_scale")
    timed("HTML", seconds, start)
    print(f"{len(data['nodes'])} nodes, {len(data['edges'])} edges")
    print(f"  {'HTML size':48s} {len(html.encode()) / 1e6:8.2f} MB")
    with tempfile.TemporaryDirectory(prefix="graphkit-view-scale-") as scratch:
        out = args.out or Path(scratch) / "view.html"
        out.write_text(html, encoding="utf-8")
        if not args.no_browser:
            seconds.update(open_in_browser(out))
    for what, value in seconds.items():
        print(f"  {what:48s} {value:8.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
