"""Each shipped SPARQL query on the seed's export, and parameters bound safely."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from graphkit.analysis.events import read_events
from graphkit.analysis.query import QueryResult, run_query, shipped_queries
from graphkit.errors import QueryError
from graphkit.export.rdf import generate_trig, generate_turtle
from graphkit.pipeline import BuildResult
from graphkit.rdf.build import build_graph
from graphkit.rdf.vocab import GK
from graphkit.types import Entity

from .test_graph_model import TRUMP, claim, corpus_of

CONGRATULATE = "has yet to formally congratulate"
SHIPPED = {
    "actor", "between", "claims", "negated", "statements", "anonymous-sources", "hopes",
    "most-connected", "events", "dyad",
}  # fmt: skip
STRIKES = "could authorise strikes deep into Russian territory"


def rows(result: QueryResult) -> list[dict[str, str | None]]:
    return [dict(zip(result.variables, row, strict=True)) for row in result.rows]


def run(seed: BuildResult, name: str, **params: str) -> list[dict[str, str | None]]:
    return rows(run_query(seed.outputs["turtle"], name, params))


def test_every_query_is_shipped_and_documented() -> None:
    assert set(shipped_queries()) >= SHIPPED
    for name, text in shipped_queries().items():
        assert text.startswith("# "), f"{name}.rq says nothing about itself"


def test_negated(seed_build: BuildResult) -> None:
    [row] = [r for r in run(seed_build, "negated") if r["relation"] == CONGRATULATE]
    assert (row["subject"], row["object"]) == ("Vladimir Putin", "Donald Trump")
    assert row["article"] == "000_69fb7bf0abeb2eda"


def test_actor_by_name_or_alias(seed_build: BuildResult) -> None:
    found = run(seed_build, "actor", actor="Vladimir Putin")
    [row] = [r for r in found if r["relation"] == CONGRATULATE]
    assert (row["role"], row["negated"], row["factual"]) == ("subject", "true", "false")
    assert all(
        "Vladimir Putin" in (r["subject"], r["object"]) or r["role"] == "source" for r in found
    )
    assert any(r["relation"] == CONGRATULATE for r in run(seed_build, "actor", actor="Putin"))


def test_between_two_actors_either_way(seed_build: BuildResult) -> None:
    there = run(seed_build, "between", actor="Vladimir Putin", other="Donald Trump")
    back = run(seed_build, "between", actor="Trump", other="Putin")
    assert [r["relation"] for r in there] == [CONGRATULATE]
    assert [r["sentence"] for r in back] == [r["sentence"] for r in there]
    assert "has yet to formally congratulate Trump" in str(there[0]["sentence"])


def test_claims_count_their_sources(seed_build: BuildResult) -> None:
    found = run(seed_build, "claims")
    assert len(found) == len(set(seed_build.graph.subjects(None, GK.Claim)))
    [denial] = [
        r for r in found if r["subject"] == "Vladimir Putin" and r["relation"] == "congratulate"
    ]
    assert (denial["object"], denial["status"], denial["sources"]) == (
        "Donald Trump",
        "negated",
        "1",
    )
    counts = [int(str(r["sources"])) for r in found]
    assert counts == sorted(counts, reverse=True)


def test_statements_lists_every_assertion(seed_build: BuildResult) -> None:
    assert len(run(seed_build, "statements")) == len(
        set(seed_build.graph.subjects(None, GK.Assertion))
    )


def test_anonymous_sources(seed_build: BuildResult) -> None:
    found = run(seed_build, "anonymous-sources")
    diplomatic = [r for r in found if r["source"] == "diplomatic source"]
    assert any("a diplomatic source was quoted" in str(r["sentence"]) for r in diplomatic)
    assert not any(r["relation"] == CONGRATULATE for r in found)  # nobody is quoted for that


def test_hopes(seed_build: BuildResult) -> None:
    found = run(seed_build, "hopes")
    assert any("hoping" in str(r["relation"]) and "Kremlin" in str(r["sentence"]) for r in found)


def test_most_connected(seed_build: BuildResult) -> None:
    found = run(seed_build, "most-connected")
    leaders = [r["actor"] for r in found[:3]]
    assert "Donald Trump" in leaders
    assert "Vladimir Putin" in [r["actor"] for r in found]
    assert all(r["type"] not in {"Concept", "Proposition"} for r in found)


def test_events_are_the_rows_of_the_events_command(seed_build: BuildResult) -> None:
    found = run(seed_build, "events")
    command = read_events(seed_build.outputs["turtle"])
    assert sorted(
        (r["sentence"], r["category"], r["source"], r["target"]) for r in found
    ) == sorted(
        (r["Sentence"], r["Event Type"], r["Actor Name"], r["Recipient Name"]) for r in command
    )
    [strikes] = [r for r in found if STRIKES in str(r["sentence"])]
    assert (strikes["source_code"], strikes["target_code"]) == ("USA", "RUS")
    assert (strikes["quad_class"], strikes["modality"], strikes["negated"]) == (
        "material conflict",
        "could",
        "false",
    )
    assert not any(
        r["category"] in {"CONSULT", "SUPPORT"} and r["source"] == "Vladimir Putin" for r in found
    )


def test_dyad_counts_both_directions(seed_build: BuildResult) -> None:
    there = run(seed_build, "dyad", actor="USA", other="RUS")  # actor codes
    assert [
        (r["source"], r["target"], r["quad_class"], r["events"], r["facts"]) for r in there
    ] == [
        ("USA", "RUS", "material conflict", "1", "0")  # "could authorise": not a fact
    ]
    back = run(seed_build, "dyad", actor="Russian territory", other="United States")
    assert [(r["source"], r["target"], r["total_intensity"]) for r in back] == [
        ("United States", "Russian territory", "-9.3")
    ]
    assert run(seed_build, "dyad", actor="USA", other="UKR") == []
    assert run(seed_build, "dyad", actor='USA" } #', other="RUS") == []
    with pytest.raises(QueryError, match="--param other"):
        run(seed_build, "dyad", actor="USA")


def test_dyad_counts_per_month(tmp_path: Path) -> None:
    from .test_events_cli import dated_graph

    path = dated_graph(tmp_path)
    found = rows(run_query(path, "dyad", {"actor": "Ukraine", "other": "RUSGOV"}))
    assert [(r["month"], r["source"], r["target"], r["quad_class"], r["events"], r["facts"])
            for r in found] == [
        ("2025-01", "RUSGOV", "Ukraine", "verbal cooperation", "1", "1"),
        ("2025-02", "Ukraine", "RUSGOV", "material conflict", "1", "0"),  # hedged
    ]  # fmt: skip
    russia = rows(run_query(path, "dyad", {"actor": "Russia", "other": "Ukraine"}))
    assert [(r["month"], r["events"]) for r in russia] == [("2024-11", "1")]
    events = rows(run_query(path, "events"))
    assert [(r["date"], r["category"]) for r in events] == [
        (r["Event Date"], r["Event Type"]) for r in read_events(path)
    ]


def test_parameters_are_values_not_sparql(seed_build: BuildResult) -> None:
    hostile = 'Vladimir Putin" } UNION { ?s ?p ?o } #'
    assert run(seed_build, "actor", actor=hostile) == []
    with pytest.raises(QueryError, match="--param actor"):
        run(seed_build, "actor")
    with pytest.raises(QueryError, match="no variable"):
        run(seed_build, "negated", actor="Vladimir Putin")


@pytest.mark.parametrize(
    "name", ['Al "Boss" O\'Neil', "back\\slash \\u0022 } #", "line\nbreak\r\x00", "😀 \u202eRTL"]
)
def test_any_name_is_found_by_its_parameter(name: str, tmp_path: Path) -> None:
    odd = Entity("odd-1", name, "Person", aliases=(name,), mentions=1)
    corpus = corpus_of(claim("s1", subject=odd, lemma="meet"), entities=(odd, TRUMP))
    path = tmp_path / "graph.ttl"
    path.write_text(generate_turtle(build_graph(corpus)), encoding="utf-8")
    [row] = rows(run_query(path, "actor", {"actor": name}))
    assert (row["subject"], row["relation"], row["object"]) == (name, "meet", "Donald Trump")
    assert rows(run_query(path, "between", {"actor": name, "other": "Trump"})) != []
    assert rows(run_query(path, "actor", {"actor": name + " "})) == []


def test_queries_read_trig_as_turtle(seed_build: BuildResult, tmp_path: Path) -> None:
    trig = tmp_path / "graph.trig"
    trig.write_text(generate_trig(seed_build.graph), encoding="utf-8")
    for name, params in (("claims", {}), ("between", {"actor": "Putin", "other": "Trump"})):
        assert run_query(trig, name, params) == run_query(
            seed_build.outputs["turtle"], name, params
        )


def test_query_command_takes_params(seed_build: BuildResult) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "graphkit", "query", str(seed_build.outputs["turtle"]), "between",
         "--param", "actor=Putin", "--param", "other=Donald Trump", "--format", "csv"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert CONGRATULATE in done.stdout
