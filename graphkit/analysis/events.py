"""The coded events of a graph as one table: what ``graphkit events`` prints.

One row per assertion that carries a PLOVER event (``gk:eventCategory``), read from
the graph file alone, so any export (Turtle, N-Triples, TriG, JSON-LD) gives the same
rows. The columns take POLECAT's names where POLECAT has the column (``Event ID``,
``Event Date``, ``Event Type``, ``Event Intensity``, ``Quad Code``, ``Actor Name``,
``Actor Name Raw``, ``Recipient Name``, ``Recipient Name Raw``, ``Source``,
``Publication Date``), so a script written for POLECAT's weekly files reads these
too; the rest are graphkit's own, in the same style: what POLECAT's coder throws away
(the sentence, its cue, negation, hedging, modality, attribution) is what graphkit
keeps. POLECAT's "Actor" is PLOVER's source, the assertion's subject; its
"Recipient" the target, the object.

``Event Date`` is the date the first time phrase of the sentence names ("on
Wednesday" -> 2024-11-06, "in January" -> 2025-01), else the article's publication
day: when the sentence says when something happened, that is its date, not the day it
was reported (``Publication Date`` keeps that).

The queries here are graphkit's own, run without ``graphkit query``'s row limit and
timeout: the table is always whole.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import URIRef
from rich.markup import escape
from rich.table import Table

from graphkit.analysis.query import run_on_store
from graphkit.errors import QueryError
from graphkit.events.categories import QUAD_CLASSES, quad_code
from graphkit.export.network import csv_cell, local_name
from graphkit.rdf.io import load_store
from graphkit.terminal import printable

if TYPE_CHECKING:
    import pyoxigraph

__all__ = [
    "COLUMNS",
    "POLECAT_COLUMNS",
    "EventRow",
    "date_span",
    "events_csv",
    "events_json",
    "events_table",
    "generate_events_table",
    "matches_actor",
    "read_events",
]

# (column, POLECAT has it), in the order written; the README's "Events" says what each
# holds. Event ID is the assertion's id, Event Type the PLOVER category, Quad Code 1
# (verbal cooperation) to 4 (material conflict), Source the publisher, as in POLECAT.
_COLUMNS = (
    ("Event ID", True), ("Event Date", True), ("Event Type", True), ("Quad Code", True),
    ("Quad Class", False), ("Event Intensity", True), ("Event Cue", False),
    ("Actor Name", True), ("Actor Code", False), ("Actor Name Raw", True),
    ("Recipient Name", True), ("Recipient Code", False), ("Recipient Name Raw", True),
    ("Negated", False), ("Hedged", False), ("Modality", False), ("Attributed To", False),
    ("Confidence", False), ("Sentence", False), ("Source", True), ("Publication Date", True),
    ("Article ID", False), ("Article Title", False), ("Article URL", False),
)  # fmt: skip
COLUMNS: tuple[str, ...] = tuple(name for name, _ in _COLUMNS)
POLECAT_COLUMNS: frozenset[str] = frozenset(name for name, theirs in _COLUMNS if theirs)

_QUADS = {"".join(word.capitalize() for word in q.split()): q for q in QUAD_CLASSES}
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")  # a day, or the start of a datetime
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_YEAR = re.compile(r"\d{4}")
_BOUND = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")  # what --since and --until take
_CODE_STEP = 3  # CAMEO-style codes are blocks of three letters: RUS, RUSGOV, IGOUNO
Span = tuple[date, date]  # the first and the last day a date names

# Small queries joined here rather than one: pyoxigraph looks an entity's label or an
# article's fields up slowly once per event (a million triples: 70 s against 8 s).
_EVENTS = """
SELECT ?s ?c ?q ?intensity ?cue ?x ?y ?actor_raw ?recipient_raw ?negated ?hedged ?modality
       ?attributed ?said_by ?confidence ?sentence ?index ?a WHERE {
  ?s a gk:Assertion ; gk:eventCategory ?c ; gk:quadClass ?q ; gk:intensity ?intensity ;
     rdf:subject ?x ; rdf:object ?y ; gk:subjectText ?actor_raw ; gk:objectText ?recipient_raw ;
     gk:negated ?negated ; gk:hedged ?hedged ; gk:confidence ?confidence ;
     gk:sentence ?sentence ; gk:sentenceIndex ?index ; prov:wasDerivedFrom ?a .
  OPTIONAL { ?s gk:eventCue ?cue }
  OPTIONAL { ?s gk:modality ?modality }
  OPTIONAL { ?s gk:attributedTo ?attributed }
  OPTIONAL { ?s gk:attributionText ?said_by }
}
"""
_ENTITIES = """
SELECT ?e ?label ?code WHERE {
  ?e gk:entityType ?type ; rdfs:label ?label .
  OPTIONAL { ?e gk:actorCode ?code }
}
"""
_ARTICLES = """
SELECT ?a ?article ?published ?outlet ?title ?url WHERE {
  ?a a gk:Article .
  OPTIONAL { ?a gk:articleId ?article }
  OPTIONAL { ?a dcterms:date ?published }
  OPTIONAL { ?a dcterms:source ?outlet }
  OPTIONAL { ?a dcterms:title ?title }
  OPTIONAL { ?a schema:url ?url }
}
"""
_TIMES = """
SELECT ?s ?at ?when WHERE {
  ?s a gk:Assertion ; gk:eventCategory ?c ; gk:qualifier ?t .
  ?t gk:qualifierRole "time" ; gk:resolvedDate ?when ; gk:start ?at .
}
"""
_NAMES = """
SELECT ?e ?name WHERE { ?e gk:entityType ?type ; rdfs:label|skos:altLabel ?name }
"""


@dataclass(frozen=True)
class EventRow:
    """One coded event. ``values`` holds the cells by :data:`COLUMNS` (None where the
    graph has nothing); ``names`` the lower-cased labels and aliases of its two actors,
    which ``--actor`` matches."""

    values: tuple[str | int | float | bool | None, ...]
    names: frozenset[str] = frozenset()

    def __getitem__(self, column: str) -> str | int | float | bool | None:
        return self.values[COLUMNS.index(column)]

    def record(self) -> dict[str, str | int | float | bool | None]:
        return dict(zip(COLUMNS, self.values, strict=True))


def date_span(value: str) -> Span | None:
    """The first and last day a date names, at its precision; None for anything else.

    >>> date_span("2025-01"), date_span("2024-11-12T08:15:00+00:00")[0]
    ((datetime.date(2025, 1, 1), datetime.date(2025, 1, 31)), datetime.date(2024, 11, 12))
    >>> date_span("2024-W44"), date_span("soon")
    ((datetime.date(2024, 10, 28), datetime.date(2024, 11, 3)), None)
    """
    text = value.strip()
    try:
        if day := _DAY.match(text):
            found = date(*map(int, day.groups()))
            return found, found
        if week := _WEEK.fullmatch(text):
            year, number = map(int, week.groups())
            return date.fromisocalendar(year, number, 1), date.fromisocalendar(year, number, 7)
        if month := _MONTH.fullmatch(text):
            year, number = map(int, month.groups())
            last = calendar.monthrange(year, number)[1]
            return date(year, number, 1), date(year, number, last)
        if _YEAR.fullmatch(text):
            return date(int(text), 1, 1), date(int(text), 12, 31)
    except ValueError:  # month 13, week 60, February 30
        return None
    return None


def _bound(value: str | None, name: str) -> Span | None:
    """The days of a ``since``/``until`` value: a calendar day, month or year."""
    if value is None:
        return None
    span = date_span(value) if _BOUND.fullmatch(value.strip()) else None
    if span is None:
        raise QueryError(f"{name} {value!r}: expected a date, YYYY-MM-DD, YYYY-MM or YYYY")
    return span


def _number(value: str | None) -> float | None:
    try:
        return None if value is None else float(value)
    except ValueError:
        return None


Cells = Mapping[str, str | None]  # one solution: variable -> value


def _by_node(store: pyoxigraph.Store, query: str) -> dict[str, Cells]:
    """The solutions of ``query`` by the value of its first variable, first one kept."""
    result = run_on_store(store, query, timeout=None, limit=None)  # every row, however long
    found: dict[str, Cells] = {}
    for raw in result.rows:
        if raw[0] is not None and raw[0] not in found:
            found[raw[0]] = dict(zip(result.variables, raw, strict=True))
    return found


def _first_times(store: pyoxigraph.Store) -> dict[str, str]:
    """Each coded assertion's first resolved time phrase (by its place in the text)."""
    first: dict[str, tuple[int, str]] = {}
    for s, at, when in run_on_store(store, _TIMES, timeout=None, limit=None).rows:
        if s is None or when is None:
            continue
        place = int(at) if at and at.lstrip("-").isdigit() else 0
        if s not in first or (place, when) < first[s]:
            first[s] = (place, when)
    return {s: when for s, (_, when) in first.items()}


def _names(store: pyoxigraph.Store) -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for entity, name in run_on_store(store, _NAMES, timeout=None, limit=None).rows:
        if entity is not None and name is not None:
            names.setdefault(entity, set()).add(name.casefold())
    return names


@dataclass(frozen=True)
class _Lookups:
    """What the rows of the events query refer to, by node IRI."""

    entities: dict[str, Cells]
    articles: dict[str, Cells]
    times: dict[str, str]
    names: dict[str, set[str]]

    def entity(self, node: str | None, field: str) -> str | None:
        return self.entities.get(node or "", {}).get(field)


def _row(cells: Cells, found: _Lookups) -> EventRow:
    quad = _QUADS.get((cells["q"] or "").rsplit("#", 1)[-1])
    article = found.articles.get(cells["a"] or "", {})
    published = article.get("published")
    when = found.times.get(cells["s"] or "") or (published[:10] if published else None)
    x, y = cells["x"], cells["y"]
    values = (
        local_name(URIRef(cells["s"] or "")),
        when,
        (cells["c"] or "").rsplit("#", 1)[-1],
        quad_code(quad) if quad else None,
        quad,
        _number(cells["intensity"]),
        cells["cue"],
        found.entity(x, "label"),
        found.entity(x, "code"),
        cells["actor_raw"],
        found.entity(y, "label"),
        found.entity(y, "code"),
        cells["recipient_raw"],
        cells["negated"] == "true",
        cells["hedged"] == "true",
        cells["modality"],
        found.entity(cells["attributed"], "label") or cells["said_by"],
        _number(cells["confidence"]),
        cells["sentence"],
        article.get("outlet"),
        published,
        article.get("article"),
        article.get("title"),
        article.get("url"),
    )
    both = found.names.get(x or "", set()) | found.names.get(y or "", set())
    return EventRow(values, frozenset(both))


def _sort_key(item: tuple[EventRow, int]) -> tuple[bool, str, str, int, str]:
    """Oldest first, undated last; then by article and place in it."""
    row, index = item
    when = row["Event Date"]
    article = str(row["Article ID"] or "")
    return (when is None, str(when or ""), article, index, str(row["Event ID"]))


def matches_actor(row: EventRow, actor: str) -> bool:
    """Whether ``actor`` names the row's source or target: its label or an alias
    (any case), or its code, which also stands for every code it begins in steps of
    three letters ("RUS" for RUSGOV and RUSMIL, "IGO" for every international body)."""
    wanted = actor.strip()
    if wanted.casefold() in row.names:
        return True
    code = wanted.upper()
    for found in (row["Actor Code"], row["Recipient Code"]):
        if not isinstance(found, str):
            continue
        if found == code or (
            code.isalpha() and len(code) % _CODE_STEP == 0 and found.startswith(code)
        ):
            return True
    return False


def _within(row: EventRow, since: Span | None, until: Span | None) -> bool:
    """Whether any day of the row's date falls between ``since`` and ``until``; an
    event without a date never does."""
    if since is None and until is None:
        return True
    span = date_span(str(row["Event Date"] or ""))
    if span is None:
        return False
    return (since is None or span[1] >= since[0]) and (until is None or span[0] <= until[1])


def generate_events_table(
    store: pyoxigraph.Store,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> tuple[EventRow, ...]:
    """The coded events of the graph in ``store``, oldest first (undated last), each
    assertion once; ``actor`` keeps the events whose source or target it names
    (:func:`matches_actor`), ``since`` and ``until`` (YYYY-MM-DD, YYYY-MM or YYYY,
    both inclusive) those dated within them. Raises QueryError on a bad date."""
    start, end = _bound(since, "since"), _bound(until, "until")
    found = _Lookups(
        entities=_by_node(store, _ENTITIES),
        articles=_by_node(store, _ARTICLES),
        times=_first_times(store),
        names=_names(store) if actor else {},
    )
    seen: dict[str, tuple[EventRow, int]] = {}
    for s, cells in _by_node(store, _EVENTS).items():  # one row per assertion
        index = cells["index"] or ""
        seen[s] = (_row(cells, found), int(index) if index.isdigit() else 0)
    kept = [
        item
        for item in seen.values()
        if (actor is None or matches_actor(item[0], actor)) and _within(item[0], start, end)
    ]
    return tuple(row for row, _ in sorted(kept, key=_sort_key))


def read_events(
    graph_path: Path, actor: str | None = None, since: str | None = None, until: str | None = None
) -> tuple[EventRow, ...]:
    """:func:`generate_events_table` of a graph file (any RDF export)."""
    return generate_events_table(load_store(graph_path), actor=actor, since=since, until=until)


def _cell(value: str | int | float | bool | None) -> str:
    """A CSV cell: numbers and flags as written by graphkit, text defused against
    spreadsheet formulas (it comes from articles), missing values empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return csv_cell(value)


def events_csv(rows: Iterable[EventRow]) -> str:
    """CSV with a header of :data:`COLUMNS`; RFC 4180 line ends, so a line break in a
    sentence is always quoted."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([_cell(v) for v in row.values] for row in rows)
    return out.getvalue()


def events_json(rows: Iterable[EventRow]) -> str:
    """A JSON array of objects keyed by :data:`COLUMNS` (flags true/false, numbers as
    numbers, missing values null)."""
    return json.dumps([row.record() for row in rows], ensure_ascii=False, indent=2) + "\n"


def _status(row: EventRow) -> str:
    said = row["Attributed To"]
    parts = [
        "refused" if row["Negated"] else "",
        "hedged" if row["Hedged"] else "",
        str(row["Modality"] or ""),
        f"per {said}" if said else "",
    ]
    return ", ".join(p for p in parts if p)


def _who(row: EventRow, name: str, code: str) -> str:
    """An actor's label and code: "Russia (RUS)"."""
    label, actor_code = row[name], row[code]
    return f"{label or ''}" + (f" ({actor_code})" if actor_code else "")


def events_table(rows: Iterable[EventRow]) -> Table:
    """The events for the terminal: the main columns, each cell with its control
    characters shown escaped and rich's markup escaped (an article's ``[b]`` is text)."""
    table = Table("date", "actor", "event", "quad", "intensity", "recipient", "status", "sentence")
    for row in rows:
        intensity = row["Event Intensity"]
        cells = (
            str(row["Event Date"] or ""),
            _who(row, "Actor Name", "Actor Code"),
            str(row["Event Type"]),
            str(row["Quad Class"] or ""),
            "" if intensity is None else f"{intensity:+.1f}",
            _who(row, "Recipient Name", "Recipient Code"),
            _status(row),
            str(row["Sentence"] or ""),
        )
        table.add_row(*(escape(printable(cell)) for cell in cells))
    return table
