"""Check an exported graph against ``ontologies/shapes.ttl`` with pyshacl."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from graphkit.errors import OntologyError
from graphkit.rdf.io import load_graph
from graphkit.rdf.vocab import ontology_path


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    violations: int
    text: str


def shapes_path() -> Path:
    return ontology_path().with_name("shapes.ttl")


def validate_graph(graph: Graph, shapes: Path | None = None) -> ValidationReport:
    """Validate ``graph`` with RDFS reasoning over the ontology (so a gk:Person is a
    gk:Actor) against the SHACL shapes."""
    import pyshacl

    try:
        shacl = Graph().parse(shapes or shapes_path(), format="turtle")
        ontology = Graph().parse(ontology_path(), format="turtle")
    except (OSError, SyntaxError) as exc:
        raise OntologyError(f"cannot read the shapes or the ontology: {exc}") from exc
    conforms, report, text = pyshacl.validate(
        graph, shacl_graph=shacl, ont_graph=ontology, inference="rdfs", advanced=True
    )
    return ValidationReport(bool(conforms), _count(text) if not conforms else 0, str(text))


def _count(text: str) -> int:
    for line in str(text).splitlines():
        if line.startswith("Results ("):
            return int(line.split("(")[1].split(")")[0])
    return 0


def validate_file(path: Path, shapes: Path | None = None) -> ValidationReport:
    """Validate the graph file at ``path`` (any RDF format; a TriG file's graphs united)."""
    return validate_graph(load_graph(path), shapes)
