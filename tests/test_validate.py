"""SHACL validation of exports (pyshacl): the seed conforms, broken graphs do not."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.term import Node

from graphkit.analysis.validate import validate_graph
from graphkit.pipeline import BuildResult
from graphkit.rdf.vocab import GK


def _run_validate(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "graphkit", "validate", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_seed_export_conforms(seed_build: BuildResult) -> None:
    done = _run_validate(seed_build.outputs["turtle"])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "conforms" in done.stderr


def _negated_statement(graph: Graph) -> Node:
    return next(
        s for s in graph.subjects(GK.negated, Literal(True)) if (s, RDF.type, GK.Assertion) in graph
    )


def test_a_negated_claim_stated_as_fact_is_a_violation(
    seed_build: BuildResult, tmp_path: Path
) -> None:
    graph = Graph().parse(seed_build.outputs["turtle"], format="turtle")
    statement = _negated_statement(graph)
    s, p, o = (graph.value(statement, RDF[name]) for name in ("subject", "predicate", "object"))
    graph.add((s, p, o))  # the rumour as a plain fact
    broken = tmp_path / "broken.ttl"
    graph.serialize(broken, format="turtle")
    done = _run_validate(broken)
    assert done.returncode == 1
    assert "plain triple" in done.stdout


def test_missing_provenance_is_a_violation(seed_build: BuildResult) -> None:
    graph = Graph().parse(seed_build.outputs["turtle"], format="turtle")
    statement = _negated_statement(graph)
    graph.remove((statement, GK.sentence, None))
    report = validate_graph(graph)
    assert not report.conforms and report.violations >= 1
    assert "sentence" in report.text


def test_a_trig_export_validates_as_its_turtle_does(
    seed_build: BuildResult, tmp_path: Path
) -> None:
    """A TriG file's named graphs (one per article) are read as one graph: before,
    validate read the default graph only and reported every assertion as broken."""
    from graphkit.export.rdf import generate_trig

    trig = tmp_path / "graph.trig"
    trig.write_text(generate_trig(seed_build.graph), encoding="utf-8")
    done = _run_validate(trig)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr
    assert "conforms" in done.stderr


def test_an_assertion_pointing_at_no_entity_is_a_violation(seed_build: BuildResult) -> None:
    graph = Graph().parse(seed_build.outputs["turtle"], format="turtle")
    statement = _negated_statement(graph)
    graph.set((statement, RDF.object, URIRef("https://w3id.org/graphkit/id/entity/nobody-0")))
    report = validate_graph(graph)
    assert not report.conforms
    assert "points at an entity without a label" in report.text


def test_a_claim_without_evidence_or_sources_is_a_violation(seed_build: BuildResult) -> None:
    graph = Graph().parse(seed_build.outputs["turtle"], format="turtle")
    claim = next(graph.subjects(RDF.type, GK.Claim))
    graph.remove((claim, GK.evidence, None))
    graph.set((claim, GK.sourceCount, Literal(0)))
    report = validate_graph(graph)
    assert not report.conforms
    assert "evidence" in report.text and "sourceCount" in report.text


def test_an_event_outside_plover_is_a_violation(seed_build: BuildResult) -> None:
    graph = Graph().parse(seed_build.outputs["turtle"], format="turtle")
    coded = next(
        s for s in graph.subjects(GK.eventCategory, None) if (s, RDF.type, GK.Assertion) in graph
    )
    graph.set((coded, GK.eventCategory, URIRef("https://w3id.org/graphkit/plover#GOSSIP")))
    graph.set((coded, GK.intensity, Literal(Decimal("11.0"))))
    report = validate_graph(graph)
    assert not report.conforms and report.violations >= 2


def test_a_truncated_graph_file_is_one_clear_error(seed_build: BuildResult, tmp_path: Path) -> None:
    text = seed_build.outputs["turtle"].read_text(encoding="utf-8")
    cut = tmp_path / "cut.ttl"
    cut.write_text(text[: len(text) // 2], encoding="utf-8")
    done = _run_validate(cut)
    assert done.returncode == 2
    assert "cannot load graph" in done.stderr and "Traceback" not in done.stderr
