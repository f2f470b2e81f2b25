"""The project's own promises: CI runs the README's test command, the ontology and
the code's vocabulary agree."""

from __future__ import annotations

import re

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from graphkit.export.html.data import TYPE_STYLE
from graphkit.rdf.vocab import GK, ontology_path
from graphkit.types import ENTITY_TYPES, NOT_ACTORS, STATUSES

from .conftest import ROOT


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme, re.S)


def test_ci_runs_the_readme_test_command_exactly() -> None:
    test_command = next(c for c in _readme_commands() if "pytest" in c)
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines
    assert any(line.startswith("python3 -m venv") for line in ci_lines)


def test_readme_setup_builds_the_seed() -> None:
    setup = _readme_commands()[0]
    assert "pip install" in setup and setup.endswith("graphkit build seeds/ --out exports/")


def test_every_vocabulary_term_is_defined_in_the_ontology() -> None:
    ontology = Graph().parse(ontology_path(), format="turtle")
    defined = {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef)}
    terms = [GK[name] for name in GK.__annotations__]
    missing = [t for t in terms if t not in defined]
    assert not missing, f"not in ontologies/graphkit.ttl: {missing}"
    assert (URIRef("https://w3id.org/graphkit/ontology"), RDF.type, OWL.Ontology) in ontology


def test_every_ontology_term_has_a_label_and_comment() -> None:
    ontology = Graph().parse(ontology_path(), format="turtle")
    ours = [t for t in set(ontology.subjects(RDF.type, None)) if str(t).startswith(str(GK))]
    assert len(ours) > 40
    for term in ours:
        assert ontology.value(term, RDFS.label) is not None, f"{term} has no rdfs:label"
        assert ontology.value(term, RDFS.comment) is not None, f"{term} has no rdfs:comment"


def test_every_entity_type_is_an_ontology_class_with_a_view_style() -> None:
    ontology = Graph().parse(ontology_path(), format="turtle")
    for kind in ENTITY_TYPES:
        assert (GK[kind], RDF.type, OWL.Class) in ontology, kind
    assert set(TYPE_STYLE) == set(ENTITY_TYPES)
    assert set(ENTITY_TYPES) > NOT_ACTORS


def test_the_shapes_know_every_entity_type_and_status() -> None:
    shapes = (ROOT / "ontologies" / "shapes.ttl").read_text(encoding="utf-8")
    for word in (*ENTITY_TYPES, *STATUSES):
        assert f'"{word}"' in shapes, word
