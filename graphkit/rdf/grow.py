"""Growing a graph by new articles without building it again (``--into``, issue 15).

A graph is its sorted N-Triples lines (:mod:`graphkit.rdf.triples`), kept in every
export set as :data:`~graphkit.rdf.triples.LINES_FILE`. New articles change it by
a :class:`Delta`, made from the new corpus alone and the entity records:

- *added*: the lines of the new articles, their assertions, claims, relations and
  role facts, and the new record of every entity they touch;
- *removed*: the old record's lines of each entity touched (its mention count, its
  aliases...), and of each entity whose ``gk:country`` link moves to another node;
- *recount*: the claims the new assertions join. A claim's ``gk:sourceCount`` and
  ``gk:articleCount`` are read again off its ``gk:evidence`` and
  ``prov:wasDerivedFrom`` lines, old and new, as :func:`graphkit.rdf.build.add_claim`
  counts them.

:func:`write_grown` merges the delta into the old file: the lines the delta touches
are found by binary search (the file is sorted) and merged a line at a time; the lines
of one subject are together in a sorted file, so a claim's are read as one block. The
bytes between them are copied as they are, so the Python work is in proportion to the
delta, not to the graph. The result is the graph
:func:`graphkit.rdf.build.build_lines` makes of the merged corpus, except for role
facts, which are read when their assertion is added (a later article naming an
office's owner does not change an old fact's ``roleOf``).
"""

from __future__ import annotations

import io
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO

from rdflib.namespace import PROV

from graphkit.rdf.build import (
    add_article,
    add_assertion,
    add_claim,
    add_entity,
    add_role,
    country_entities,
    group_claims,
)
from graphkit.rdf.entity_index import EntityIndex
from graphkit.rdf.file_text import FileText, Text, line_at, seek_line
from graphkit.rdf.iri import CLAIMS
from graphkit.rdf.triples import TripleLines, literal
from graphkit.rdf.vocab import GK
from graphkit.types import Corpus, Entity

__all__ = [
    "Changed",
    "Delta",
    "Splice",
    "delta_of",
    "grow_lines",
    "grown_lines_of_subjects",
    "lines_of_subjects",
    "plan_splice",
    "write_grown",
    "write_splice",
]

_CLAIM = f"<{CLAIMS}".encode()
_SOURCE_COUNT = f"<{GK.sourceCount}>".encode()
_ARTICLE_COUNT = f"<{GK.articleCount}>".encode()
_EVIDENCE = f"<{GK.evidence}>".encode()
_DERIVED = f"<{PROV.wasDerivedFrom}>".encode()
_COUNTS = (_SOURCE_COUNT, _ARTICLE_COUNT)
_COUNT_TEXTS = {count.decode() for count in _COUNTS}


@dataclass(frozen=True)
class Delta:
    """What new articles change in a graph's lines (UTF-8, without line breaks):
    ``added`` sorted, ``removed``, and the claims (``<iri>``) whose counts are read
    again."""

    added: tuple[bytes, ...]
    removed: frozenset[bytes]
    recount: frozenset[bytes]


def _lines(sink: TripleLines) -> set[bytes]:
    return {line.encode("utf-8") for line in sink.lines}


def delta_of(new: Corpus, old: Mapping[str, Entity], merged: Mapping[str, Entity]) -> Delta:
    """The delta of the resolved corpus ``new`` (its articles, assertions, entities
    and role facts) on a graph of the entities ``old`` (by id), which become
    ``merged`` (by id: every entity of the grown graph)."""
    old, merged = EntityIndex.of(old), EntityIndex.of(merged)
    before = country_entities(old.of_types({"Country"}))
    after = country_entities(merged.of_types({"Country"}))
    # a link goes to the country's node: it moves when the node does, not when the
    # country's record changes (a mention more; the people of a big country are many)
    ids = [{code: e.id for code, e in found.items()} for found in (before, after)]
    moved = {code for code in ids[0].keys() | ids[1].keys() if ids[0].get(code) != ids[1].get(code)}
    touched = {e.id for e in new.entities}
    if moved:
        touched |= {e.id for e in merged.in_countries(moved) if e.type != "Country"}
    gone, added = TripleLines(), TripleLines()
    for key in sorted(touched):
        if key in old:
            add_entity(gone, old[key], before)
        add_entity(added, merged[key], after)
    for article in new.articles:
        add_article(added, article)
    for assertion in new.assertions:
        add_assertion(added, assertion)
    recount = set()
    claims = TripleLines()
    for claim in group_claims(new.assertions):
        recount.add(f"<{claim.iri}> ".encode())
        add_claim(claims, claim)
    added.add_lines(line for line in claims.lines if line.split(" ", 2)[1] not in _COUNT_TEXTS)
    for role in new.roles:
        if role.holder in merged:
            add_role(added, role, merged)
    removed = _lines(gone)
    # in the graph's one order, as the sink sorts a build's lines (UTF-8 keeps it)
    added_lines = tuple(line.encode("utf-8") for line in added.sorted())
    return Delta(added_lines, frozenset(removed), frozenset(recount))


def _recounted(block: list[bytes]) -> list[bytes]:
    """A claim's lines with its two counts read again off its evidence."""
    subject = block[0][: block[0].index(b"> ") + 1]
    kept = [line for line in block if line.split(b" ", 2)[1] not in _COUNTS]
    sources = sum(1 for line in kept if line.split(b" ", 2)[1] == _EVIDENCE)
    articles = len({line for line in kept if line.split(b" ", 2)[1] == _DERIVED})
    for predicate, count in ((_SOURCE_COUNT, sources), (_ARTICLE_COUNT, articles)):
        kept.append(b"%s %s %s ." % (subject, predicate, literal(count).encode()))
    return sorted(kept)


def grow_lines(old: Iterable[bytes], delta: Delta) -> Iterator[bytes]:
    """The sorted lines of ``old`` (sorted, unique, without line breaks) changed by
    ``delta``, as :func:`write_grown` writes them.

    >>> a, b, c = b"<a> <p> 1 .", b"<b> <p> 2 .", b"<c> <p> 3 ."
    >>> list(grow_lines([a, c], Delta((b, c), frozenset({a}), frozenset())))
    [b'<b> <p> 2 .', b'<c> <p> 3 .']
    """
    grown = io.BytesIO()
    _splice(b"".join(line + b"\n" for line in old), delta, grown)
    return iter(_split(grown.getvalue()))


def write_grown(
    old: BinaryIO, delta: Delta, handle: BinaryIO, changed: Changed | None = None
) -> int:
    """Write the grown lines of the open file ``old`` into ``handle``; return how many
    lines were written; ``changed(gone, came)`` is told which lines went and came (a
    store of the old graph is brought up to date with them), before any is written.

    The Python work is in proportion to the delta, not to the file (issue 15): the
    lines the delta touches are found by binary search in the old file, and the bytes
    between them are copied as they are (:mod:`graphkit.rdf.file_text`)."""
    return _splice(FileText(old), delta, handle, changed)


_SPACING = 1 << 12  # bytes at least between two lines of the index :func:`_windows` makes
_ADDED, _REMOVED, _RECOUNT = 0, 1, 2  # what a key of the delta is


Changed = Callable[[list[bytes], list[bytes]], object]  # told the lines gone, and come


@dataclass(frozen=True)
class Splice:
    """How a delta changes the old lines: the byte ranges of the old file it changes
    (:func:`_windows`), each with the lines written instead, and the old lines that go
    and the new ones that come. Made before a byte is written, so that what reads the
    changes (the views' columns) need not wait for the copy of the whole file."""

    windows: tuple[tuple[int, int, tuple[bytes, ...]], ...]
    gone: tuple[bytes, ...]
    came: tuple[bytes, ...]


def plan_splice(text: Text, delta: Delta) -> Splice:
    """The :class:`Splice` of ``delta`` into the old lines ``text`` (each line ending in
    ``b"\\n"``): only the windows are read."""
    windows: list[tuple[int, int, tuple[bytes, ...]]] = []
    gone: list[bytes] = []
    came: list[bytes] = []
    for start, end, added in _windows(text, delta):
        old = _split(text[start:end])
        lines = tuple(_grown_window(old, replace(delta, added=added)))
        windows.append((start, end, lines))
        kept, grown = set(old), set(lines)
        gone += (line for line in old if line not in grown)
        came += (line for line in lines if line not in kept)
    return Splice(tuple(windows), tuple(gone), tuple(came))


def write_splice(text: Text, splice: Splice, handle: BinaryIO) -> int:
    """Write ``text`` changed as ``splice`` says into ``handle``: the bytes between its
    windows as they are (copied from their file, when ``text`` is a
    :class:`FileText`), the windows' lines instead of theirs; return how many lines
    were written."""
    size = len(text)
    unended = bool(size) and text[size - 1 : size] != b"\n"  # a last line without its break
    # the lines written: those copied (their breaks counted as they go) and those of
    # the windows; a last line without its break counts as a line read does
    count = int(unended)

    def copy(start: int, end: int) -> None:
        nonlocal count
        if isinstance(text, FileText):
            count += text.copy(start, end, handle)
        else:
            part = text[start:end]
            count += part.count(b"\n")
            handle.write(part)

    written = 0
    for start, end, lines in splice.windows:
        copy(written, start)
        if lines:
            handle.write(b"\n".join(lines) + b"\n")
        count += len(lines) - (unended and end == size)  # (its line is in ``lines`` then)
        written = end
    copy(written, size)
    return count


def grown_lines_of_subjects(text: Text, splice: Splice, heads: Sequence[bytes]) -> list[bytes]:
    """The lines whose subject is one of ``heads`` (``b"<iri> "``, sorted) in what
    :func:`write_splice` writes from ``text`` and ``splice``, in order, found in the old
    lines and the splice alone (the lines written are the old ones but those gone, and
    those come): what is spliced into the Turtle need not wait for the lines file.

    >>> old = b"<a> <p> 1 .\\n<b> <p> 2 .\\n<b> <q> 5 .\\n"
    >>> splice = Splice((), (b"<b> <p> 2 .",), (b"<b> <p> 3 .", b"<c> <p> 4 ."))
    >>> grown_lines_of_subjects(old, splice, [b"<b> ", b"<c> "])
    [b'<b> <p> 3 .', b'<b> <q> 5 .', b'<c> <p> 4 .']
    """
    wanted, gone = set(heads), set(splice.gone)
    kept = (line for line in lines_of_subjects(text, heads) if line not in gone)
    came = (line for line in splice.came if line[: line.index(b"> ") + 2] in wanted)
    return sorted({*kept, *came})


def _splice(text: Text, delta: Delta, handle: BinaryIO, changed: Changed | None = None) -> int:
    """:func:`write_grown` of old lines already read or opened (``text``)."""
    splice = plan_splice(text, delta)
    if changed is not None:
        changed(list(splice.gone), list(splice.came))
    return write_splice(text, splice, handle)


def _windows(text: Text, delta: Delta) -> Iterator[tuple[int, int, tuple[bytes, ...]]]:
    """The byte ranges of ``text`` that ``delta`` changes (whole lines, in order, none
    touching the next), each with the added lines that go into it.

    Each key of the delta (an added or removed line, a recount's ``<iri> ``) is sought
    by binary search; its range holds the first line not below it (which the key may
    equal, or go before) and, for a claim, its whole block, since its counts are read
    off all its lines. Ranges that meet are joined, so that a line added at the end of
    one, or a claim's block, is never cut in two."""
    size = len(text)
    points = sorted(
        [(line, _ADDED) for line in delta.added]
        + [(line, _REMOVED) for line in delta.removed]
        + [(head, _RECOUNT) for head in delta.recount]
    )
    spans: list[tuple[int, int]] = []  # of old bytes, each key's
    places: list[int] = []  # of each added line, in order: where it goes in the file
    starts, marks = _index(text, len(points))
    at, bound = 0, b""  # where the last key goes and the line there (b"": none yet)
    for key, kind in points:
        # keys come in order, so a key not above the line found for the last one goes
        # where it went (as the lines of a new subject do): most are not sought at all
        if at < size and key > bound:
            found = bisect_left(marks, key)  # the search runs between two marks
            low = max(at, starts[found - 1]) if found else at
            at = seek_line(text, key, low, starts[found] if found < len(starts) else size)
            bound = line_at(text, at, size)
        end = at + len(bound) + 1
        if kind == _RECOUNT and bound.startswith(key):  # the rest of the claim's block
            end = _block_end(text, key, min(end, size), size)
        spans.append((at, min(end, size)))
        if kind == _ADDED:
            places.append(at)
    if size and text[size - 1 : size] != b"\n":  # read as a line, given its break
        spans.append((text.rfind(b"\n") + 1, size))
    windows: list[list[int]] = []
    for start, end in sorted(spans):
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    taken = 0
    for start, end in windows:
        first = taken
        while taken < len(places) and places[taken] <= end:
            taken += 1
        yield start, end, delta.added[first:taken]


def _index(text: Text, keys: int) -> tuple[list[int], list[bytes]]:
    """The starts of lines of ``text`` spread evenly, and those lines (the marks): about
    as many as ``keys``, so that the index costs what the delta does and each binary
    search runs over a few kilobytes."""
    size = len(text)
    starts: list[int] = []
    marks: list[bytes] = []
    for at in range(_SPACING, size, max(size // (keys + 1), _SPACING)):
        start = text.find(b"\n", at - 1) + 1  # the first line starting at ``at`` or after
        if not 0 < start < size:
            break
        if not starts or start > starts[-1]:
            starts.append(start)
            marks.append(line_at(text, start, size))
    return starts, marks


def _split(text: bytes) -> list[bytes]:
    """The lines of ``text``, without their breaks (b"\\n" only, as a file is read)."""
    lines = text.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    return lines


def lines_of_subjects(text: Text, heads: Iterable[bytes]) -> list[bytes]:
    """The lines of ``text`` (sorted lines, each ending in b"\\n") whose subject is one
    of ``heads`` (``b"<iri> "``, sorted), in order: each found by binary search.

    >>> lines_of_subjects(b"<a> <p> 1 .\\n<b> <p> 2 .\\n<b> <q> 3 .\\n", [b"<b> ", b"<c> "])
    [b'<b> <p> 2 .', b'<b> <q> 3 .']
    """
    found: list[bytes] = []
    at, size = 0, len(text)
    for head in heads:
        at = seek_line(text, head, at, size)
        end = _block_end(text, head, at, size)
        found += _split(text[at:end])
        at = end
    return found


def _block_end(text: Text, head: bytes, at: int, size: int) -> int:
    """Where the lines of the subject ``head`` (``b"<iri> "``) that run on from ``at``
    (a line's start) end, sought, not read a line at a time: a claim said often has
    thousands of lines, and every line after them sorts above ``head`` followed by a
    byte UTF-8 never holds.

    >>> _block_end(b"<a> 1\\n<b> 2\\n<b> 3\\n<c> 4\\n", b"<b> ", 6, 24)
    18
    """
    return seek_line(text, head + b"\xff", at, size)


def _grown_window(old: Iterable[bytes], delta: Delta) -> Iterator[bytes]:
    """The lines of ``old`` changed by ``delta``, one at a time: the lines of one
    subject are together in a sorted file, so a claim's are read as one block."""
    block: list[bytes] = []
    head = b""
    for line in _merged(old, delta):
        if block:
            if line.startswith(head):
                block.append(line)
                continue
            yield from _recounted(block)
            block = []
        if delta.recount and line.startswith(_CLAIM):
            head = line[: line.index(b"> ") + 2]
            if head in delta.recount:
                block = [line]
                continue
        yield line
    if block:
        yield from _recounted(block)


def _merged(old: Iterable[bytes], delta: Delta) -> Iterator[bytes]:
    """``old`` without the removed lines, with the added ones in order, each once."""
    added, at, last = delta.added, 0, len(delta.added)
    removed = delta.removed
    for line in old:
        while at < last and added[at] < line:
            yield added[at]
            at += 1
        if at < last and added[at] == line:
            at += 1  # added again: kept once
        elif line in removed:
            continue
        yield line
    yield from added[at:]
