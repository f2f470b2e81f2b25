"""RDF serializations of the graph."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from graphkit.export.files import atomic_write


def generate_turtle(graph: Graph) -> str:
    """Turtle text; deterministic because the graph has no blank nodes and rdflib
    sorts subjects and predicates."""
    return graph.serialize(format="turtle")


def write_turtle(graph: Graph, path: Path) -> Path:
    return atomic_write(path, generate_turtle(graph))
