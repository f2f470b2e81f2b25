"""The sink of N-Triples lines: sorted a subject at a time, it gives the order (and the
single copies) that sorting all its lines would."""

from __future__ import annotations

import io
import tempfile
import tracemalloc
from contextlib import ExitStack
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rdflib import URIRef
from rdflib.term import Node

from graphkit.errors import ExportError
from graphkit.rdf.spill import SpilledLines, merge_chunks, merge_tool
from graphkit.rdf.triples import Lit, TripleLines, line_of, string_literal

# IRIs that begin one another, or whose next character sorts before or after ">"
IRIS = [URIRef(f"urn:x:{name}") for name in ("a", "a-b", "a0", "ab", "a/b", "b", "")]
objects = st.one_of(st.sampled_from(IRIS), st.text(max_size=4).map(string_literal))
triples = st.tuples(st.sampled_from(IRIS), st.sampled_from(IRIS[:3]), objects)
Triple = tuple[Node, Node, Node | Lit]


@given(st.lists(triples, max_size=30), st.sampled_from(["add", "add_all", "add_lines"]))
def test_lines_come_sorted_and_once_whatever_the_way(found: list[Triple], way: str) -> None:
    sink, other = TripleLines(), TripleLines()
    for at, (subject, predicate, obj) in enumerate(found):
        if way == "add_all":
            sink.add_all(subject, [(predicate, obj), (predicate, obj)])
        else:  # add_lines: every other triple comes as a line written by another sink
            (other if way == "add_lines" and at % 2 else sink).add((subject, predicate, obj))
    sink.add_lines(other.lines)
    every = {line_of(triple) for triple in found}
    assert sink.sorted() == tuple(sorted(every))
    assert sink.lines == every


@given(st.lists(triples, max_size=40), st.integers(min_value=1, max_value=4))
def test_spilled_lines_write_what_a_sink_in_memory_sorts(found: list[Triple], held: int) -> None:
    # a chunk every ``held`` subjects: a subject's lines come back in several chunks,
    # some of them twice, and the merge must still give each line once, in order
    with tempfile.TemporaryDirectory() as folder:
        chunks = Path(folder) / "chunks"
        spilled = SpilledLines(chunks, subjects=held)
        for subject, predicate, obj in found:
            spilled.add((subject, predicate, obj))
        buffer = io.BytesIO()
        count = spilled.write(buffer)
        every = sorted({line_of(triple) for triple in found})
        assert buffer.getvalue() == "".join(line + "\n" for line in every).encode("utf-8")
        assert count == len(every)
        assert not chunks.exists()  # the chunk files go once merged


def test_a_graph_bigger_than_a_chunk_is_merged_from_several_files() -> None:
    with tempfile.TemporaryDirectory() as folder:
        spilled = SpilledLines(Path(folder) / "chunks", subjects=2)
        for subject in reversed(IRIS):
            spilled.add((subject, IRIS[0], string_literal("é")))
            spilled.add((subject, IRIS[1], IRIS[0]))
        assert len(spilled.chunks) > 3  # seven subjects, two a chunk, some split in two
        buffer = io.BytesIO()
        spilled.write(buffer)
        lines = buffer.getvalue().decode("utf-8").splitlines()
        assert lines == sorted(lines) and len(lines) == 2 * len(IRIS)


def test_a_chunk_is_spilled_at_its_lines_however_few_its_subjects(tmp_path: Path) -> None:
    # a statement or a claim has dozens of lines: a chunk of 50,000 of them held 166 MB
    spilled = SpilledLines(tmp_path / "chunks", subjects=1_000, lines=10)
    every = []
    for subject in IRIS[:3]:
        pairs = [(IRIS[0], string_literal(f"value {n}")) for n in range(6)]
        spilled.add_all(subject, pairs)
        every += [line_of((subject, p, o)) for p, o in pairs]
        assert spilled.held < 10  # never more than the limit and one subject's lines
    assert len(spilled.chunks) == 1 and spilled.held == 6
    buffer = io.BytesIO()
    assert spilled.write(buffer) == 18
    assert buffer.getvalue() == target_bytes(sorted(every))


# no deadline: each example starts ``sort`` processes, whose start the machine's load sets
@settings(deadline=None)
@given(st.lists(triples, max_size=40), st.integers(min_value=1, max_value=4), st.booleans())
def test_either_merge_gives_the_sorted_lines(
    found: list[Triple], held: int, with_sort: bool
) -> None:
    # the system's ``sort -m -u`` where it merges as Python does, else heapq: the
    # same bytes
    assume(not with_sort or merge_tool() is not None)
    with tempfile.TemporaryDirectory() as folder, ExitStack() as patched:
        if not with_sort:
            patched.enter_context(patch("graphkit.rdf.spill.merge_tool", lambda: None))
        spilled = SpilledLines(Path(folder) / "chunks", subjects=held)
        for subject, predicate, obj in found:
            spilled.add((subject, predicate, obj))
        target = Path(folder) / "lines.nt"
        spilled.write_file(target)
        every = sorted({line_of(triple) for triple in found})
        assert target.read_bytes() == target_bytes(every)
        assert not (Path(folder) / "chunks").exists()


def target_bytes(lines: list[str]) -> bytes:
    return "".join(line + "\n" for line in lines).encode("utf-8")


def test_a_merge_tool_that_fails_is_an_export_error_naming_the_file(tmp_path: Path) -> None:
    chunk = tmp_path / "0.nt"
    chunk.write_bytes(b"<urn:x:a> <urn:x:a> <urn:x:b> .\n")
    if merge_tool() is None:
        pytest.skip("no sort -m here")
    with pytest.raises(ExportError, match="lines.nt"):
        merge_chunks([chunk, tmp_path / "missing.nt"], tmp_path / "lines.nt", tmp_path)


def test_a_chunk_is_written_without_copying_its_lines_whole(tmp_path: Path) -> None:
    """Writing a chunk of 60,000 lines must not make them into one text (with a copy
    of each line on the way): that held a chunk three times over at a build's peak."""
    spilled = SpilledLines(tmp_path / "chunks", subjects=6_000)
    predicates = [URIRef(f"urn:p:{number}") for number in range(10)]
    tracemalloc.start()
    try:
        for number in range(5_999):
            subject = URIRef(f"urn:s:{number:05d}")
            spilled.add_all(subject, [(p, string_literal(f"value {number}")) for p in predicates])
        holding = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        spilled.add_all(URIRef("urn:s:last"), [(predicates[0], string_literal("end"))])
        spilling = tracemalloc.get_traced_memory()[1] - holding
    finally:
        tracemalloc.stop()
    assert len(spilled.chunks) == 1 and spilled.spilled == 59_991
    # measured: 0.31 of what holding the lines took, against 1.0 made into one text
    assert spilling < 0.6 * holding, (spilling, holding)
