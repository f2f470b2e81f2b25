"""The graph at scale: about a million triples, pyoxigraph against rdflib.

A synthetic corpus in graphkit's own model (articles, entities, assertions with
negation, hedging, modality, attribution and qualifiers) goes through
``graph.build_graph``; the graph is exported as Turtle and N-Triples, loaded by
pyoxigraph and by rdflib, and the same queries (a two-pattern join and shipped
queries) run on pyoxigraph's store and on rdflib's default in-memory store.
rdflib's load and queries run in a child process with a time limit (``>N s`` when
they do not finish). Nothing is asserted: the figures are printed.

    /work/venv/bin/python benchmarks/graph_scale.py                 # ~1M triples
    /work/venv/bin/python benchmarks/graph_scale.py --assertions 2000 --timeout 20
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing as mp
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from graphkit.analysis.query import query_text, shipped_queries, values_clause
from graphkit.export.rdf import generate_ntriples, generate_turtle
from graphkit.ids import content_id
from graphkit.rdf.build import build_graph
from graphkit.types import (
    Argument,
    Article,
    Assertion,
    Attribution,
    Corpus,
    Entity,
    Qualifier,
    Relation,
)

VERBS = (
    "meet", "congratulate", "criticize", "support", "attack", "accuse", "warn", "praise",
    "sanction", "visit", "call", "threaten", "hope for", "negotiate with", "recognize",
    "reject", "join", "leave", "fund", "arm", "condemn", "welcome", "invite", "host",
)  # fmt: skip
TYPES = (("Person", 30), ("Country", 5), ("Group", 15), ("AnonymousSource", 5),
         ("Organization", 10), ("Concept", 35))  # fmt: skip
JOIN = """SELECT (COUNT(*) AS ?n) WHERE {
  ?s rdf:subject ?e . ?e gk:entityType "Person" .
}"""
QUERIES = {"two-pattern join": JOIN, **{n: shipped_queries()[n] for n in ("most-connected",
           "negated")}}  # fmt: skip


def _entities(count: int, rng: random.Random) -> list[Entity]:
    kinds = rng.choices([t for t, _ in TYPES], [w for _, w in TYPES], k=count)
    found = []
    for index, kind in enumerate(kinds):
        label = f"{kind} {index}"
        found.append(
            Entity(content_id(label, kind, label.lower()), label, kind,
                   aliases=(label, f"the {label}"), country="RUS" if kind == "Country" else None,
                   mentions=rng.randint(1, 40))
        )  # fmt: skip
    return found


def _argument(entity: Entity, start: int) -> Argument:
    return Argument(entity.label, start, start + len(entity.label), entity.id, entity.label,
                    entity.type)  # fmt: skip


def _assertion(index: int, doc: str, actors: list[Entity], everyone: list[Entity],
               sources: list[Entity], rng: random.Random) -> Assertion:  # fmt: skip
    # popular actors take part in many claims, as in the news (a Zipf-like choice)
    subject = actors[min(int(rng.paretovariate(1.2)) - 1, len(actors) - 1)]
    obj = rng.choice(everyone)
    lemma = rng.choice(VERBS)
    said = rng.random() < 0.15
    relation = Relation(lemma, lemma, negated=rng.random() < 0.08,
                        modality="could" if rng.random() < 0.1 else None)  # fmt: skip
    qualifiers = tuple(
        Qualifier(rng.choice(("time", "place", "in")), f"on day {q}", 90 + 10 * q, 98 + 10 * q)
        for q in range(rng.choice((0, 0, 1, 2)))
    )
    return Assertion(
        id=hashlib.sha1(f"{doc}/{index}".encode()).hexdigest()[:16],
        doc=doc,
        sentence=f"{subject.label} will {lemma} {obj.label}, officials said on day {index}.",
        sentence_index=index % 40,
        subject=_argument(subject, 0),
        relation=relation,
        object=_argument(obj, 40),
        qualifiers=qualifiers,
        attribution=Attribution("officials", rng.choice(sources).id, cue="said") if said else None,
        hedged=rng.random() < 0.1,
        confidence=round(rng.uniform(0.4, 0.95), 2),
        sentence_start=200 * (index % 40),
    )


def synthetic_corpus(assertions: int, seed: int = 7) -> Corpus:
    """A corpus in graphkit's model with ``assertions`` assertions (20 an article)."""
    rng = random.Random(seed)
    entities = _entities(max(50, assertions // 6), rng)
    actors = [e for e in entities if e.type != "Concept"]
    sources = [e for e in entities if e.type == "AnonymousSource"] or actors
    articles = [
        Article(f"a{i:06d}", f"text {i}", title=f"News {i}", published="2024-11-07",
                source="Wire", url=f"https://news.example/{i}", content_hash=f"{i:064x}")
        for i in range(max(1, assertions // 20))
    ]  # fmt: skip
    found = [
        _assertion(i, articles[i % len(articles)].id, actors, entities, sources, rng)
        for i in range(assertions)
    ]
    return Corpus(tuple(articles), tuple(found), tuple(entities))


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def _child(queue: Any, action: Callable[[], Any]) -> None:
    queue.put(timed(action))


def limited(action: Callable[[], Any], timeout: float) -> tuple[float | None, Any]:
    """Run ``action`` in a forked child (it sees the parent's graph) for at most
    ``timeout`` seconds: (seconds, result), or (None, None) when it ran out of time."""
    context = mp.get_context("fork")
    queue = context.Queue()
    child = context.Process(target=_child, args=(queue, action))
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.kill()
        child.join()
        return None, None
    return queue.get() if not queue.empty() else (None, None)


def _seconds(value: float | None, timeout: float) -> str:
    return f">{timeout:.0f} s" if value is None else f"{value:.2f} s"


def _ratio(slow: float | None, fast: float, timeout: float) -> str:
    return f">{timeout / fast:,.0f}x" if slow is None else f"{slow / fast:,.1f}x"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--assertions", type=int, default=26000, help="about 40 triples each")
    parser.add_argument("--timeout", type=float, default=120.0, help="cap on each rdflib step")
    args = parser.parse_args(argv)
    rows: list[tuple[str, str, str, str]] = []
    corpus = synthetic_corpus(args.assertions)
    seconds, graph = timed(lambda: build_graph(corpus))
    print(f"{len(graph):,} triples from {len(corpus.assertions):,} assertions, "
          f"{len(corpus.entities):,} entities, {len(corpus.articles):,} articles; "
          f"build_graph {seconds:.1f} s", flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows += _exports(graph, folder)
        store, load_rows = _loads(folder / "graph.ttl", args.timeout)
        rows += load_rows
        rows += _queries(store, graph, _queries_for(corpus), args.timeout)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024**2
    _print(rows)
    print(f"peak memory: {peak:.1f} GB here, {children:.1f} GB in the largest rdflib child")


def _exports(graph: Graph, folder: Path) -> list[tuple[str, str, str, str]]:
    rows = []
    for name, generate, suffix, ox_format in (
        ("Turtle", generate_turtle, "ttl", ox.RdfFormat.TURTLE),
        ("N-Triples", generate_ntriples, "nt", ox.RdfFormat.N_TRIPLES),
    ):
        seconds, text = timed(lambda generate=generate: generate(graph))
        (folder / f"graph.{suffix}").write_text(text, encoding="utf-8")
        store = ox.Store()
        store.bulk_load(path=str(folder / f"graph.{suffix}"), format=ox_format)
        ox_seconds, _ = timed(
            lambda store=store, f=ox_format: store.dump(format=f, from_graph=ox.DefaultGraph())
        )
        size = f"{len(text.encode()) / 1024**2:,.0f} MB"
        rows.append((f"export {name} ({size})", f"{ox_seconds:.2f} s", f"{seconds:.2f} s",
                     f"{seconds / ox_seconds:,.1f}x"))  # fmt: skip
        print(f"exported {name}: graphkit (rdflib) {seconds:.1f} s", flush=True)
    return rows


def _loads(path: Path, timeout: float) -> tuple[ox.Store, list[tuple[str, str, str, str]]]:
    store = ox.Store()
    ox_seconds, _ = timed(lambda: store.bulk_load(path=str(path), format=ox.RdfFormat.TURTLE))
    rdflib_seconds, triples = limited(lambda: len(Graph().parse(path, format="turtle")), timeout)
    print(f"loaded: pyoxigraph {ox_seconds:.1f} s, rdflib {_seconds(rdflib_seconds, timeout)}",
          flush=True)  # fmt: skip
    assert triples in (None, len(store)), "rdflib and pyoxigraph read different graphs"
    row = ("load Turtle", f"{ox_seconds:.2f} s", _seconds(rdflib_seconds, timeout),
           _ratio(rdflib_seconds, ox_seconds, timeout))  # fmt: skip
    return store, [row]


def _queries_for(corpus: Corpus) -> dict[str, str]:
    """The fixed queries, and the shipped ``between`` with two people as parameters."""
    people = [e.label for e in corpus.entities if e.type == "Person"][:2]
    between = query_text(shipped_queries()["between"])
    params = dict(zip(("actor", "other"), people, strict=True))
    return {**QUERIES, "between (2 params)": between + values_clause(between, params)}


def _queries(
    store: ox.Store, graph: Graph, queries: dict[str, str], timeout: float
) -> list[tuple[str, str, str, str]]:
    rows = []
    for name, query in queries.items():
        text = query_text(query)
        ox_seconds, found = timed(lambda text=text: len(list(store.query(text))))
        rdflib_seconds, count = limited(lambda text=text: len(list(graph.query(text))), timeout)
        if count is not None and count != found:
            print(f"warning: {name}: rdflib found {count} rows, pyoxigraph {found}")
        rows.append((f"query {name} ({found} rows)", f"{ox_seconds:.3f} s",
                     _seconds(rdflib_seconds, timeout),
                     _ratio(rdflib_seconds, ox_seconds, timeout)))  # fmt: skip
        print(f"query {name}: pyoxigraph {ox_seconds:.2f} s, rdflib "
              f"{_seconds(rdflib_seconds, timeout)}", flush=True)  # fmt: skip
    return rows


def _print(rows: list[tuple[str, str, str, str]]) -> None:
    header = ("step", "pyoxigraph", "rdflib", "rdflib / pyoxigraph")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))


if __name__ == "__main__":
    sys.exit(main())
