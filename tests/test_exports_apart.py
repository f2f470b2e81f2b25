"""Formats written from the lines file by a process of their own: the same bytes as
in this process, and a clear error when the child fails."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from graphkit.errors import ExportError
from graphkit.export.apart import write_apart
from graphkit.export.rdf import write_turtle

LINES = (
    "<https://w3id.org/graphkit/id/entity/a> <http://www.w3.org/2000/01/rdf-schema#label> "
    '"Ä \\"q\\"" .\n'
    "<https://w3id.org/graphkit/id/entity/a> <https://w3id.org/graphkit/ontology#x> "
    "<https://w3id.org/graphkit/id/entity/b> .\n"
)


def test_turtle_written_apart_is_the_turtle_written_here(tmp_path: Path) -> None:
    lines = tmp_path / ".graph.nt"
    lines.write_text(LINES, encoding="utf-8")
    here = io.BytesIO()
    write_turtle(lines, here)
    write_apart("graphkit.export.rdf:write_turtle", lines, tmp_path / "graph.ttl")
    written = (tmp_path / "graph.ttl").read_bytes()
    assert written == here.getvalue()
    assert b"ent:a" in written and "Ä".encode() in written


def test_a_child_that_fails_is_an_export_error_naming_the_file_and_the_cause(
    tmp_path: Path,
) -> None:
    lines = tmp_path / ".graph.nt"
    lines.write_text("<urn:x:a> <urn:x:b> .\n", encoding="utf-8")  # no object
    with pytest.raises(ExportError, match=r"cannot write graph\.ttl: SyntaxError"):
        write_apart("graphkit.export.rdf:write_turtle", lines, tmp_path / "graph.ttl")
