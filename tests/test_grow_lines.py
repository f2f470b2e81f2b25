"""Growing a graph's lines file (:func:`graphkit.rdf.grow.write_grown`, issue 15)
against a plain reference: the old lines as a set, the removed ones taken out, the
added ones put in, sorted, then each claim to recount counted again off its lines.

``write_grown`` copies the bytes the delta does not touch and merges only the lines
near the delta's, so the tables aim at the places where that can go wrong: the ends
of the file, a claim's block, several of the delta's lines in one block, lines
removed that are not there and lines added that are."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest

from graphkit.rdf import grow
from graphkit.rdf.file_text import FileText
from graphkit.rdf.grow import (
    Delta,
    grow_lines,
    grown_lines_of_subjects,
    lines_of_subjects,
    plan_splice,
    write_grown,
)
from graphkit.rdf.iri import CLAIMS
from graphkit.rdf.triples import literal

GK = "https://w3id.org/graphkit/ontology#"
EVIDENCE = f"<{GK}evidence>"
DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
COUNTS = (f"<{GK}sourceCount>", f"<{GK}articleCount>")
OTHER = "<urn:p>"
# claims whose IRIs begin alike (c1, c10), among subjects that sort before and after
CLAIM_IRIS = [f"<{CLAIMS}c{n}>" for n in ("0", "1", "10", "2")]
SUBJECTS = ["<a:0>", "<a:1>", *CLAIM_IRIS, "<urn:z0>", "<urn:z1>"]


def _line(subject: str, predicate: str, obj: str) -> bytes:
    return f"{subject} {predicate} {obj} .".encode()


def _count(subject: str, predicate: str, value: int) -> bytes:
    return _line(subject, predicate, str(literal(value)))


UNIVERSE = sorted(
    {
        _line(s, p, f"<urn:o{n}>")
        for s in SUBJECTS
        for p in (EVIDENCE, DERIVED, OTHER)
        for n in range(4)
    }
    | {_count(s, p, n) for s in SUBJECTS for p in COUNTS for n in range(3)}
)
HEADS = [f"{iri} ".encode() for iri in CLAIM_IRIS]


def reference(old: list[bytes], delta: Delta) -> list[bytes]:
    """The grown lines as sets make them: each claim to recount gets its two counts
    again, its sources (``gk:evidence``) and its articles (``prov:wasDerivedFrom``)."""
    lines = (set(old) - delta.removed) | set(delta.added)
    for head in delta.recount:
        block = {line for line in lines if line.startswith(head)}
        if not block:
            continue
        subject = head.decode().strip()
        kept = {line for line in block if line.split(b" ")[1].decode() not in COUNTS}
        sources = sum(1 for line in kept if line.split(b" ")[1].decode() == EVIDENCE)
        articles = sum(1 for line in kept if line.split(b" ")[1].decode() == DERIVED)
        counts = {_count(subject, COUNTS[0], sources), _count(subject, COUNTS[1], articles)}
        lines = (lines - block) | kept | counts
    return sorted(lines)


def written(tmp_path: Path, old: list[bytes], delta: Delta, end: bytes = b"\n") -> list[bytes]:
    """The lines ``write_grown`` writes from a file of ``old`` (its last line ended by
    ``end``), checked against its count and against :func:`grow_lines`."""
    path = tmp_path / "old.nt"
    path.write_bytes(b"\n".join(old) + end if old else b"")
    grown = io.BytesIO()
    told: list[tuple[list[bytes], list[bytes]]] = []
    with path.open("rb") as handle:
        count = write_grown(handle, delta, grown, lambda gone, came: told.append((gone, came)))
    text = grown.getvalue()
    assert text == b"" or text.endswith(b"\n")
    lines = text.split(b"\n")[:-1] if text else []
    assert count == len(lines)
    # what a store of the old lines is changed by: it then holds the grown lines
    [(gone, came)] = told
    assert set(gone) <= set(old) and not set(came) & set(old)
    assert (set(old) - set(gone)) | set(came) == set(lines)
    assert list(grow_lines(old, delta)) == lines
    # each subject's grown lines, read off the old file and the splice alone
    heads = sorted({line[: line.index(b"> ") + 2] for line in [*old, *lines]})
    with path.open("rb") as handle:
        text = FileText(handle)
        found = grown_lines_of_subjects(text, plan_splice(text, delta), heads)
    assert found == lines_of_subjects(text_of(lines), heads) == lines
    for head in heads[::2]:  # and of some subjects only
        with path.open("rb") as handle:
            text = FileText(handle)
            some = grown_lines_of_subjects(text, plan_splice(text, delta), [head])
        assert some == [line for line in lines if line.startswith(head)]
    return lines


def text_of(lines: list[bytes]) -> bytes:
    return b"".join(line + b"\n" for line in lines)


def _u(*indexes: int) -> list[bytes]:
    return [UNIVERSE[i] for i in indexes]


def _block(iri: str) -> list[bytes]:
    return [line for line in UNIVERSE if line.startswith(f"{iri} ".encode())]


C1, C10 = CLAIM_IRIS[1], CLAIM_IRIS[2]
C1_OLD = [_line(C1, EVIDENCE, "<urn:o0>"), _line(C1, DERIVED, "<urn:o0>"),
          _count(C1, COUNTS[0], 1), _count(C1, COUNTS[1], 1)]  # fmt: skip
TAIL = [_line("<urn:z1>", OTHER, "<urn:o1>")]
LAST = len(UNIVERSE) - 1
# name: old lines, added, removed, claims to recount
CASES = {
    "nothing changes": (_u(1, 5, 9), [], [], []),
    "an empty file, nothing added": ([], [], [], []),
    "an empty file grows": ([], _u(3, 7) + C1_OLD[:2], [], [C1]),
    "added before the first line and after the last": (_u(10, 20), _u(0, 1, 30, LAST), [], []),
    "added lines that are there": (_u(4, 5, 6, 40), _u(4, 6, 41), [], []),
    "removed lines that are not there": (_u(4, 5, 6), [], _u(0, 7, LAST), []),
    "removed, then added again": (_u(4, 5, 6), _u(5), _u(5, 6), []),
    "the first and the last lines removed": (_u(0, 9, LAST), [], _u(0, LAST), []),
    "a claim at the very end recounted": (
        _u(0, 3) + C1_OLD + _block(C10),
        [_line(C10, EVIDENCE, "<urn:o3>")],
        [],
        [C10],
    ),
    "a claim recounted, nothing new": (C1_OLD + TAIL, [], [], [C1]),
    "a claim without old lines recounted": (_u(0) + TAIL, C1_OLD[:2], [], [C1]),
    "a claim whose IRI begins another's": (
        C1_OLD + _block(C10),
        [_line(C1, DERIVED, "<urn:o1>")],
        [],
        [C1],
    ),
    "lines added and removed inside one block": (
        C1_OLD + TAIL,
        [
            _line(C1, EVIDENCE, "<urn:o2>"),
            _line(C1, DERIVED, "<urn:o0>"),
            _line(C1, OTHER, "<urn:o1>"),
        ],
        [_line(C1, EVIDENCE, "<urn:o0>"), _line(C1, EVIDENCE, "<urn:o1>")],
        [C1],
    ),
    "a claim to recount with nothing there": (_u(1, 2), [], [], [C1, C10]),
}


@pytest.fixture(params=[1, 64, 1 << 12], ids=lambda n: f"spacing={n}")
def spacing(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """The least spacing of the index the binary searches start from: at 4 KB these
    small files have none, at 1 byte a line for about each key of the delta."""
    monkeypatch.setattr(grow, "_SPACING", request.param)
    return request.param


@pytest.mark.parametrize("case", CASES.values(), ids=list(CASES))
def test_grown_lines_are_the_reference_merge(tmp_path: Path, case: tuple, spacing: int) -> None:
    old, added, removed, recount = case
    delta = Delta(
        tuple(sorted(set(added))),
        frozenset(removed),
        frozenset(f"{iri} ".encode() for iri in recount),
    )
    old = sorted(set(old))
    assert written(tmp_path, old, delta) == reference(old, delta)


def test_a_last_line_without_its_break_is_read_as_a_line(tmp_path: Path, spacing: int) -> None:
    old = _u(3, 8, 12)
    for delta in (
        Delta((), frozenset(), frozenset()),
        Delta(tuple(_u(13)), frozenset(), frozenset()),
        Delta(tuple(_u(2)), frozenset(_u(12)), frozenset()),
    ):
        assert written(tmp_path, old, delta, end=b"") == reference(old, delta)


def _random_case(rng: random.Random) -> tuple[list[bytes], Delta]:
    old = sorted(rng.sample(UNIVERSE, rng.choice([0, 1, 2, 5, 20, 60])))
    added = set(rng.sample(UNIVERSE, rng.randint(0, 8)))
    added |= set(rng.sample(old, min(len(old), rng.randint(0, 3))))  # there already
    removed = set(rng.sample(old, min(len(old), rng.randint(0, 6))))
    removed |= set(rng.sample(UNIVERSE, rng.randint(0, 3)))  # perhaps not there
    recount = set(rng.sample(HEADS, rng.randint(0, len(HEADS))))
    return old, Delta(tuple(sorted(added)), frozenset(removed), frozenset(recount))


@pytest.mark.parametrize("batch", range(4))
def test_random_deltas_grow_as_the_reference_merge(
    tmp_path: Path, batch: int, spacing: int
) -> None:
    rng = random.Random(batch)
    for _ in range(150):
        old, delta = _random_case(rng)
        assert written(tmp_path, old, delta) == reference(old, delta), (old, delta)
