"""Issue 15: the Turtle of a grown graph, spliced into the old Turtle, is the Turtle
written whole from the grown lines, byte for byte."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphkit.export.rdf import write_turtle
from graphkit.export.turtle_splice import write_spliced_turtle

ENT = "https://w3id.org/graphkit/id/entity/"
QUALIFIER = "https://w3id.org/graphkit/id/qualifier/"  # no prefix: written <in full>
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALIAS = "<http://www.w3.org/2004/02/skos/core#altLabel>"


def line(subject: str, text: str, predicate: str = LABEL) -> str:
    iri = subject if subject.startswith("http") else ENT + subject
    return f'<{iri}> {predicate} "{text}" .'


def turtle(lines: list[str], folder: Path, name: str) -> tuple[Path, Path]:
    """The lines file of ``lines`` (sorted, as a build writes it) and its Turtle."""
    path = folder / f"{name}.nt"
    path.write_bytes(b"".join(f"{t}\n".encode() for t in sorted(set(lines))))
    ttl = folder / f"{name}.ttl"
    with ttl.open("wb") as handle:
        write_turtle(path, handle)
    return path, ttl


def spliced(
    old: list[str], new: list[str], folder: Path, extra: frozenset[bytes] = frozenset()
) -> bytes:
    _, old_ttl = turtle(old, folder, "old")
    new_path, _ = turtle(new, folder, "new")
    changed = {t.encode() for t in set(old) ^ set(new)}
    subjects = {t[: t.index(b"> ") + 1] for t in changed} | extra
    out = io.BytesIO()
    write_spliced_turtle(old_ttl, subjects, new_path, out)
    return out.getvalue()


BASE = [line("b", "B"), line("b", "Bee", ALIAS), line("d", "D"), line("f", "F")]
# (old, new): each a change a grown graph can make
CASES = {
    "a subject's line changed": (BASE, [*BASE[:2], line("d", "D2"), BASE[3]]),
    "a subject comes first": (BASE, [line("a", "A"), *BASE]),
    "a subject comes between": (BASE, [*BASE, line("c", "C")]),
    "a subject comes last": (BASE, [*BASE, line("g", "G")]),
    "a subject goes": (BASE, [BASE[0], BASE[1], BASE[3]]),
    "the first subject goes": (BASE, BASE[2:]),
    "a line added to a subject": (BASE, [*BASE, line("f", "Eff", ALIAS)]),
    # "<e/x> " sorts before "<e> ", but "e" before "e/x": blocks go in the lines' order
    "names that sort apart from their lines": (
        [line("e", "E"), *BASE],
        [line("e", "E"), line("e/x", "EX"), line("e-x", "E-X"), line("e.", "E."), *BASE],
    ),
    "escaped names change": (
        [line("a.b.", "1"), line("a(b)", "2"), *BASE],
        [line("a.b.", "1!"), line("a(b)", "2!"), line("-x", "3"), *BASE],
    ),
    "IRIs written in full": (
        [line(QUALIFIER + "q1", "Q1"), *BASE],
        [line(QUALIFIER + "q1", "Q1!"), line(QUALIFIER + "q0", "Q0"), *BASE],
    ),
    "every old subject goes": (BASE, [line("z", "Z")]),
    "from an empty graph": ([], BASE),
}


@pytest.mark.parametrize(("old", "new"), list(CASES.values()), ids=list(CASES))
def test_a_spliced_turtle_is_the_whole_turtle(old: list[str], new: list[str], tmp_path) -> None:
    _, whole = turtle(new, tmp_path, "whole")
    assert spliced(old, new, tmp_path) == whole.read_bytes()


def test_subjects_named_that_did_not_change_are_written_as_they_were(tmp_path: Path) -> None:
    new = [*BASE, line("c", "C")]
    extra = frozenset(f"<{ENT}{name}>".encode() for name in ("b", "f", "x"))  # "x": in neither
    _, whole = turtle(new, tmp_path, "whole")
    assert spliced(BASE, new, tmp_path, extra) == whole.read_bytes()


def test_a_turtle_of_other_prefixes_is_written_again_whole(tmp_path: Path) -> None:
    new_path, whole = turtle([*BASE, line("c", "C")], tmp_path, "whole")
    _, old_ttl = turtle(BASE, tmp_path, "old")
    text = old_ttl.read_bytes()
    old_ttl.write_bytes(text.replace(b"@prefix ent:", b"@prefix e:").replace(b"\nent:", b"\ne:"))
    out = io.BytesIO()
    write_spliced_turtle(old_ttl, {f"<{ENT}c>".encode()}, new_path, out)
    assert out.getvalue() == whole.read_bytes()


NAMES = st.sampled_from(["a", "a-b", "a/b", "a.", "b", "b0", "c(d)", "é", QUALIFIER + "q"])
LINES = st.builds(line, NAMES, st.sampled_from(["x", "y", 'say \\"no\\"']),
                  st.sampled_from([LABEL, ALIAS]))  # fmt: skip


@settings(deadline=None, max_examples=60)
@given(old=st.lists(LINES, max_size=12), new=st.lists(LINES, min_size=1, max_size=12))
def test_any_grown_graph_s_spliced_turtle_is_its_whole_turtle(old: list, new: list) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        _, whole = turtle(new, Path(folder), "whole")
        assert spliced(old, new, Path(folder)) == whole.read_bytes()


@pytest.mark.parametrize(
    "lines",
    [CASES["names that sort apart from their lines"][1], [*BASE, line("f", "Eff", ALIAS)],
     [line("a", "A")]],  # one subject: no second half
    ids=["subjects", "the last one's two lines", "one subject"],
)  # fmt: skip
def test_a_turtle_written_in_halves_is_the_turtle_written_whole(
    lines: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graphkit.export.rdf as rdf
    from graphkit.processes import can_fork

    _, whole = turtle(lines, tmp_path, "whole")
    monkeypatch.setattr(rdf, "TURTLE_HALVES", 1)  # any lines file: halves
    path, halves = turtle(lines, tmp_path, "halves")
    assert halves.read_bytes() == whole.read_bytes()
    size = path.stat().st_size
    middle = rdf._subject_after(path, size // 2)  # noqa: SLF001
    if len(lines) > 1 and can_fork():  # the halves are cut between two subjects
        assert 0 < middle < size
        before, after = path.read_bytes()[:middle], path.read_bytes()[middle:]
        assert before.endswith(b"\n")
        assert after.split(b"> ")[0] + b">" not in before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["whole.nt", "whole.ttl", "halves.nt", "halves.ttl"]
    )  # the second half's file is gone
