"""Analyst views on files: one actor's neighbourhood from an exported graph
(``graphkit view``), and what a build writes with the ``html`` format: ``graph.html``,
``views/<actor>.html`` for the most-connected actors (drawn at their places in the
whole graph), an ``index.html`` linking them, and ``graph.layout.json``, the places
of the nodes, which a build that grows the graph (``--into``) keeps.
"""

from __future__ import annotations

import difflib
import heapq
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graphkit.collector import collector_paused, collector_restored
from graphkit.errors import InputError
from graphkit.export.html.big import connections
from graphkit.export.html.data import Positions, Statements, generate_view_data
from graphkit.export.html.page import Links, render_html, templates
from graphkit.files import ExportSet, atomic_write, check_set
from graphkit.rdf.io import load_store
from graphkit.rdf.reader import Columnar
from graphkit.types import NOT_ACTORS

TOP_ACTORS = 5
VIEWS_FOLDER = "views"
HTML_FILE = "graph.html"
LAYOUT_FILE = "graph.layout.json"
_LAYOUT_FORMAT = "graphkit layout 1"


@dataclass(frozen=True)
class Actor:
    """An entity of the graph, by IRI, with the number of other entities it is linked
    to and of the statements (sentences) it takes part in."""

    iri: str
    label: str
    type: str
    neighbours: int
    statements: int

    @property
    def slug(self) -> str:
        return self.iri.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class WrittenView:
    """A view written to ``path``, with what it shows."""

    path: Path
    title: str
    nodes: int
    edges: int
    actor: Actor | None = None


def actors(graph: ox.Store | Columnar, read: Statements | None = None) -> list[Actor]:
    """Every entity, the most-connected first, ranked as the shipped ``most-connected``
    query ranks them: by linked entities, then statements, then label (and IRI, so
    ties always come out in one order)."""
    read = read if read is not None else Statements.read(graph)
    neighbours, statements = connections(read)
    found = [
        Actor(iri, e.label, e.declared, len(neighbours[iri]), statements[iri])
        for iri, e in read.entities.items()
    ]
    return sorted(found, key=_rank)


def top_actors(
    graph: ox.Store | Columnar, limit: int = TOP_ACTORS, read: Statements | None = None
) -> list[Actor]:
    """The ``limit`` most-connected actors that are not concepts or propositions, in
    the order of :func:`actors`. Only the entities of some statement are ranked, and
    only the first ``limit`` are sorted out (366,000 entities at 5,000 articles: 1.2 s
    when every one was made an :class:`Actor` and sorted, issue 15)."""
    read = read if read is not None else Statements.read(graph)
    neighbours, statements = connections(read)
    entities = read.entities
    found = (  # no entity made: the ranked are most of the graph's
        Actor(iri, entities.label(iri), kind, len(neighbours.get(iri, ())), count)
        for iri, count in statements.items()
        if (kind := entities.declared(iri)) is not None and kind not in NOT_ACTORS
    )
    return heapq.nsmallest(limit, found, key=_rank)


def _rank(actor: Actor) -> tuple[int, int, str, str]:
    """How :func:`actors` orders actors (the IRI last: no two are ever tied)."""
    return (-actor.neighbours, -actor.statements, actor.label, actor.iri)


def find_actor(graph: ox.Store | Columnar, name: str, read: Statements | None = None) -> Actor:
    """The entity called ``name``: by id, label, alias or else part of its label,
    case-insensitively; the most-connected one when several share the name."""
    read = read if read is not None else Statements.read(graph)
    wanted = name.strip().casefold()
    everyone = actors(graph, read)
    aliases = {iri: {alias.casefold() for alias in e.aliases} for iri, e in read.entities.items()}
    for names in (
        lambda a: {a.slug.casefold(), a.iri.casefold()},
        lambda a: {a.label.casefold()},
        lambda a: aliases.get(a.iri, set()),
    ):
        hits = [a for a in everyone if wanted in names(a)]
        if hits:
            return hits[0]
    hits = [a for a in everyone if wanted and wanted in a.label.casefold()]
    if hits:
        return hits[0]
    close = difflib.get_close_matches(name, sorted({a.label for a in everyone}), n=5)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise InputError(f"no actor called {name!r} in the graph{hint}")


def view_title(actor: Actor | None, hops: int, fallback: str) -> str:
    if actor is None:
        return fallback
    return f"graphkit: {actor.label}, {hops} hop{'s' if hops != 1 else ''} around"


# The views make hundreds of thousands of objects that live until the page is written
# (the graph's data, each view's nodes and edges) and few cycles: each collection of
# the cycle collector walked them and every column again, 4 s of the 8 s the views of
# 1,000 articles took (issue 15). It runs again once they are written, and what
# they leave is given back to it when the view has been written.
@collector_restored()
@collector_paused()
def write_view(
    graph: Path | ox.Store | Columnar,
    out: Path,
    actor: str | None = None,
    hops: int = 1,
    min_confidence: float = 0.0,
    name: str | None = None,
) -> WrittenView:
    """Write the view of ``graph`` (a graph file, or a store or columns and the ``name``
    of what they hold) to ``out``: the whole graph, or the ``hops``-neighbourhood of the actor
    called ``actor``; statements below ``min_confidence`` are left out."""
    if hops < 0:
        raise InputError(f"--hops must be 0 or more, not {hops}")
    if not 0.0 <= min_confidence <= 1.0:
        raise InputError(f"--min-confidence must be between 0 and 1, not {min_confidence}")
    if isinstance(graph, Path):
        name = name or graph.name
        graph = load_store(graph)
    read = Statements.read(graph)
    found = find_actor(graph, actor, read) if actor is not None else None
    title = view_title(found, hops, f"graphkit: {name or 'graph'}")
    return _write(graph, out, title, found, hops, min_confidence, read=read)


def _write(
    graph: ox.Store | Columnar,
    out: Path,
    title: str,
    actor: Actor | None,
    hops: int,
    min_confidence: float = 0.0,
    links: Links = (),
    read: Statements | None = None,
    write: Callable[[Path, str], Path] = atomic_write,
    positions: Positions | None = None,
) -> WrittenView:
    data = generate_view_data(
        graph,
        actor.iri if actor else None,
        hops,
        min_confidence=min_confidence,
        read=read,
        positions=positions,
    )
    write(out, render_html(data, title, links))
    return WrittenView(out, title, len(data["nodes"]), _claims(data), actor)


@collector_restored()
@collector_paused()
def write_views(
    graph: ox.Store | Columnar,
    exports: ExportSet,
    title: str,
    limit: int = TOP_ACTORS,
    hops: int = 1,
    previous: Path | None = None,
) -> dict[str, Path]:
    """``graph.html``, ``graph.layout.json``, ``views/<actor>.html`` for the ``limit``
    most-connected actors and ``index.html`` linking them, into the export set. The
    nodes of ``previous``'s layout keep their places. The views of actors no longer
    among the top ones leave with the old set (:mod:`graphkit.files`): a page of the
    user's in ``views/`` stays."""
    folder = exports.folder

    def write(path: Path, text: str) -> Path:
        return exports.write(path.relative_to(folder).as_posix(), text)

    read = Statements.read(graph)
    kept = read_layout(previous) if previous is not None else None
    data = generate_view_data(graph, read=read, positions=kept)
    html = write(folder / HTML_FILE, render_html(data, title))
    places = {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    layout = write(folder / LAYOUT_FILE, layout_json(places))
    views = [
        _write(
            graph,
            folder / VIEWS_FOLDER / f"{actor.slug}.html",
            view_title(actor, hops, title),
            actor,
            hops,
            links=[("index", "../index.html"), ("whole graph", "../graph.html")],
            read=read,
            write=write,
            positions=places,
        )
        for actor in top_actors(graph, limit, read)
    ]
    whole = WrittenView(html, title, len(data["nodes"]), _claims(data))
    index = write(folder / "index.html", render_index(title, whole, views, folder))
    outputs = {"html": html, "layout": layout, "index": index}
    outputs.update({f"view:{v.actor.slug}": v.path for v in views if v.actor})
    return outputs


def _claims(data: dict[str, Any]) -> int:
    """The relations of a view that are claims (not its "speaks of" lines)."""
    return sum(1 for edge in data["edges"] if edge["claim"])


def layout_json(positions: Positions) -> str:
    """The places of the nodes by id, sorted, one a line."""
    rows = [f"    {json.dumps(k)}: [{x!r}, {y!r}]" for k, (x, y) in sorted(positions.items())]
    body = ",\n".join(rows)
    return f'{{"format": "{_LAYOUT_FORMAT}", "positions": {{\n{body}\n}}}}\n'


def read_layout(folder: Path) -> dict[str, tuple[float, float]] | None:
    """The places of ``folder``'s layout file, or None when it has none, or one that
    is not the file its build wrote, or not a layout."""
    path = folder / LAYOUT_FILE
    if not path.is_file() or check_set(folder, [LAYOUT_FILE]):
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != _LAYOUT_FORMAT:
        return None
    found = {}
    for key, value in (data.get("positions") or {}).items():
        numbers = isinstance(value, list) and len(value) == 2
        if numbers and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value):
            found[str(key)] = (float(value[0]), float(value[1]))
    return found


def render_index(title: str, whole: WrittenView, views: list[WrittenView], folder: Path) -> str:
    """A plain page (no script at all) linking the whole graph and each actor's view."""
    return (
        templates()
        .get_template("index.html.j2")
        .render(
            title=title,
            whole=whole,
            views=views,
            href=lambda view: view.path.relative_to(folder).as_posix(),
        )
    )
