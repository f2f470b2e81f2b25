"""``graphkit events``: the coded events of a graph as one table (csv, json, table),
its columns, its filters, and the seed's events as the issue asks for them."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph

from graphkit.analysis.events import (
    COLUMNS,
    POLECAT_COLUMNS,
    date_span,
    events_csv,
    events_json,
    read_events,
)
from graphkit.errors import QueryError
from graphkit.export.jsonld import generate_jsonld
from graphkit.export.rdf import generate_ntriples, generate_trig, generate_turtle
from graphkit.pipeline import BuildResult
from graphkit.rdf.build import build_graph
from graphkit.types import Article, Assertion, Corpus, Entity, Event, Qualifier

from .test_graph_model import PUTIN, RUSSIA, TRUMP, claim

UKRAINE = Entity("ukraine-5", "Ukraine", "Country", country="UKR", mentions=1, code="UKR")
KREMLIN = Entity("kremlin-6", "the Kremlin", "GovernmentBody", aliases=("Kremlin",), code="RUSGOV")
SANCTION = Event("SANCTION", "material conflict", -5.2, "imposed sanctions on")
CONSULT = Event("CONSULT", "verbal cooperation", 2.1, "met")
STRIKES = "could authorise strikes deep into Russian territory"


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", "events", *args],
        capture_output=True, text=True, check=check,
        env={**os.environ, "COLUMNS": "400"},  # a table wide enough to hold a whole cell
    )  # fmt: skip


def csv_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader)


def coded(a: Assertion, event: Event) -> Assertion:
    return replace(a, event=event)


def dated_graph(folder: Path) -> Path:
    """Four coded events: dated by a time phrase, by a datetime article, by a month
    phrase, and not at all; Russia's, the Kremlin's and Ukraine's."""
    russia = replace(RUSSIA, code="RUS")
    on_wednesday = Qualifier("time", "on Wednesday", 30, 42, date="2024-11-06")
    in_february = Qualifier("time", "in February", 30, 41, date="2025-02")
    later = Qualifier("time", "later", 10, 15)  # first, but no date: the dated one counts
    assertions = (
        coded(claim("e1", "a1", russia, "sanction", UKRAINE, qualifiers=(later, on_wednesday)),
              SANCTION),
        coded(claim("e2", "a2", KREMLIN, "meet", UKRAINE), CONSULT),
        coded(claim("e3", "a2", UKRAINE, "sanction", KREMLIN, hedged=True,
                    qualifiers=(in_february,)), SANCTION),
        coded(claim("e4", "a3", PUTIN, "meet", TRUMP), CONSULT),
        claim("e5", "a3", PUTIN, "congratulate", TRUMP, negated=True),  # no event
    )  # fmt: skip
    articles = (
        Article("a1", "text a1", published="2024-11-07", content_hash="h1", url="https://x/1"),
        Article("a2", "text a2", published="2025-01-15T08:00:00+00:00", content_hash="h2",
                source="=Wire", title="Talks"),
        Article("a3", "text a3", content_hash="h3"),
    )  # fmt: skip
    corpus = Corpus(
        articles=articles,
        assertions=assertions,
        entities=(PUTIN, TRUMP, russia, UKRAINE, KREMLIN),
    )
    path = folder / "graph.ttl"
    path.write_text(generate_turtle(build_graph(corpus)), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return dated_graph(tmp_path_factory.mktemp("dated"))


def ids(path: Path, **filters: str) -> list[str]:
    return [str(row["Event ID"]) for row in read_events(path, **filters)]


# ---------------------------------------------------------------- the seed


def test_the_seed_csv_has_the_documented_columns_and_every_coded_event(
    seed_build: BuildResult,
) -> None:
    done = run_cli(str(seed_build.outputs["turtle"]), "--format", "csv")
    header, rows = csv_rows(done.stdout)
    assert header == list(COLUMNS)
    expected = {
        a.id: a.event.category
        for a in seed_build.corpus.assertions
        if a.event and a.subject.entity and a.object is not None and a.object.entity
    }
    assert expected, "the seed has coded events between two entities"
    assert {r["Event ID"]: r["Event Type"] for r in rows} == expected
    assert f"{len(rows)} events" in done.stderr
    for row in rows:
        assert row["Quad Code"] in {"1", "2", "3", "4"}
        assert -10 <= float(row["Event Intensity"]) <= 10  # a number, not a defused cell
        assert row["Negated"] in {"true", "false"} and row["Sentence"]
        assert row["Article ID"] == "000_69fb7bf0abeb2eda"


def test_putin_not_congratulating_trump_is_no_consult_or_support(
    seed_build: BuildResult,
) -> None:
    rows = read_events(seed_build.outputs["turtle"])
    for row in rows:
        if "has yet to formally congratulate" in str(row["Sentence"]):
            assert row["Event Type"] not in {"CONSULT", "SUPPORT"}
        pair = (row["Actor Name"], row["Recipient Name"])
        assert pair != ("Vladimir Putin", "Donald Trump")


def test_the_strikes_keep_their_modality(seed_build: BuildResult) -> None:
    [row] = [r for r in read_events(seed_build.outputs["turtle"]) if STRIKES in str(r["Sentence"])]
    assert row["Modality"] == "could"
    assert row["Event Type"] == "ASSAULT" and row["Quad Class"] == "material conflict"
    assert (row["Actor Code"], row["Recipient Code"]) == ("USA", "RUS")


def test_actor_filter_on_the_seed(seed_build: BuildResult) -> None:
    path = seed_build.outputs["turtle"]
    everything = read_events(path)
    by_code = read_events(path, actor="rus")  # RUS and RUSGOV, any case
    assert {r["Actor Code"] for r in by_code} | {r["Recipient Code"] for r in by_code} >= {
        "RUS",
        "RUSGOV",
    }
    assert len(by_code) < len(everything)
    strikes = [STRIKES in str(r["Sentence"]) for r in read_events(path, actor="the united states")]
    assert strikes == [True]  # an alias, in any case
    assert read_events(path, actor="US") == read_events(path, actor="United States")
    assert read_events(path, actor="RU") == ()  # no code is cut inside its 3-letter blocks


# ---------------------------------------------------------------- dates and filters


def test_event_date_is_the_time_phrase_else_the_article_day(dated: Path) -> None:
    rows = {str(r["Event ID"]): r for r in read_events(dated)}
    assert rows["e1"]["Event Date"] == "2024-11-06"  # "on Wednesday", not the article day
    assert rows["e1"]["Publication Date"] == "2024-11-07"
    assert rows["e2"]["Event Date"] == "2025-01-15"  # the day of a datetime
    assert rows["e2"]["Publication Date"] == "2025-01-15T08:00:00+00:00"
    assert rows["e3"]["Event Date"] == "2025-02"
    assert rows["e4"]["Event Date"] is None
    assert "e5" not in rows  # negated: no event
    assert ids(dated) == ["e1", "e2", "e3", "e4"]  # oldest first, undated last


def test_since_and_until_take_a_day_month_or_year(dated: Path) -> None:
    assert ids(dated, since="2025-01") == ["e2", "e3"]
    assert ids(dated, until="2024") == ["e1"]
    assert ids(dated, since="2024-11-07", until="2025-01-15") == ["e2"]
    assert ids(dated, since="2025-02-20") == ["e3"]  # some day of February 2025 is after
    assert ids(dated, until="2025-01-31", actor="RUSGOV") == ["e2"]
    for bad in ("2025-13", "Jan 2025", "2025-01-01T00:00", "2024-W44", "2025-02-30"):
        with pytest.raises(QueryError, match="YYYY-MM-DD"):
            read_events(dated, since=bad)


def test_actor_matches_label_alias_or_code(dated: Path) -> None:
    assert ids(dated, actor="ukraine") == ["e1", "e2", "e3"]
    assert ids(dated, actor="kremlin") == ["e2", "e3"]  # an alias
    assert ids(dated, actor="RUS") == ["e1", "e2", "e3"]  # RUS and RUSGOV
    assert ids(dated, actor="RUSGOV") == ["e2", "e3"]
    assert ids(dated, actor="Putin") == ["e4"]
    assert ids(dated, actor="nobody") == []


def test_status_and_article_columns(dated: Path) -> None:
    rows = {str(r["Event ID"]): r for r in read_events(dated)}
    assert rows["e3"]["Hedged"] is True and rows["e1"]["Hedged"] is False
    assert rows["e1"]["Article URL"] == "https://x/1"
    assert (rows["e2"]["Source"], rows["e2"]["Article Title"]) == ("=Wire", "Talks")
    assert (rows["e1"]["Quad Code"], rows["e1"]["Event Intensity"]) == (4, -5.2)
    assert rows["e2"]["Event Cue"] == "met"


def test_csv_cells_are_defused_and_numbers_stay_numbers(dated: Path) -> None:
    header, rows = csv_rows(events_csv(read_events(dated)))
    row = next(r for r in rows if r["Event ID"] == "e2")
    assert row["Source"] == "'=Wire"  # a spreadsheet would run =Wire
    first = next(r for r in rows if r["Event ID"] == "e1")
    assert first["Event Intensity"] == "-5.2" and first["Event Date"] == "2024-11-06"
    assert next(r for r in rows if r["Event ID"] == "e4")["Event Date"] == ""


def test_json_keeps_types(dated: Path) -> None:
    records = json.loads(events_json(read_events(dated)))
    assert [r["Event ID"] for r in records] == ["e1", "e2", "e3", "e4"]
    assert set(records[0]) == set(COLUMNS)
    assert records[0]["Quad Code"] == 4 and records[0]["Negated"] is False
    assert records[3]["Event Date"] is None


def test_pandas_reads_the_csv_when_it_is_installed(dated: Path) -> None:
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(io.StringIO(events_csv(read_events(dated))))
    assert list(frame.columns) == list(COLUMNS)
    assert frame["Event Intensity"].dtype.kind == "f"


def test_the_command_reads_any_export_and_says_what_is_wrong(dated: Path) -> None:
    done = run_cli(str(dated), "--format", "json", "--actor", "Kremlin", "--since", "2025")
    assert [r["Event ID"] for r in json.loads(done.stdout)] == ["e2", "e3"]
    table = run_cli(str(dated), "--actor", "Putin")
    assert "CONSULT" in table.stdout and "1 event\n" in table.stderr
    bad = run_cli(str(dated), "--since", "soon", check=False)
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr and bad.stdout == ""
    wrong = run_cli(str(dated), "--format", "xml", check=False)
    assert wrong.returncode == 2 and "--format" in wrong.stderr


def test_the_terminal_table_shows_control_characters_escaped(tmp_path: Path) -> None:
    evil = Entity("evil-7", "Evil\x1b[2J\u202eCorp [b]", "Organization", code="RUSBUS")
    corpus = Corpus(
        articles=(Article("a1", "text", content_hash="h1"),),
        assertions=(coded(claim("e1", "a1", evil, "meet", TRUMP), CONSULT),),
        entities=(evil, TRUMP),
    )
    path = tmp_path / "graph.ttl"
    path.write_text(generate_turtle(build_graph(corpus)), encoding="utf-8")
    shown = run_cli(str(path)).stdout
    assert "\x1b" not in shown and "\u202e" not in shown
    assert "\\x1b[2J" in shown and "[b]" in shown  # escaped, and not read as markup
    assert [r["Actor Name"] for r in read_events(path)] == [evil.label]  # the data is kept


@pytest.mark.parametrize(
    ("suffix", "write"),
    [(".trig", generate_trig), (".nt", generate_ntriples), (".jsonld", generate_jsonld)],
)
def test_every_rdf_export_gives_the_same_rows(
    dated: Path, tmp_path: Path, suffix: str, write: Callable[[Graph], str]
) -> None:
    graph = Graph().parse(dated, format="turtle")
    other = tmp_path / f"graph{suffix}"
    other.write_text(write(graph), encoding="utf-8")
    assert read_events(other) == read_events(dated)
    assert read_events(other, actor="RUS", since="2025") == read_events(
        dated, actor="RUS", since="2025"
    )


def test_polecat_names_are_a_subset_of_the_columns() -> None:
    assert set(COLUMNS) > POLECAT_COLUMNS
    assert {"Event ID", "Event Date", "Event Type", "Quad Code", "Actor Name"} <= POLECAT_COLUMNS
    assert date_span("2024-W44") is not None and date_span("2024-02-30") is None
