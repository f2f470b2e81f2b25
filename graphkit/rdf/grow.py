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

:func:`grow_lines` merges the delta into the old file in one pass, a line at a time:
the lines of one subject are together in a sorted file, so a claim's are read as one
block. The result is the graph :func:`graphkit.rdf.build.build_lines` makes of the
merged corpus, except for role facts, which are read when their assertion is added
(a later article naming an office's owner does not change an old fact's ``roleOf``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
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
from graphkit.rdf.iri import CLAIMS
from graphkit.rdf.triples import TripleLines, literal
from graphkit.rdf.vocab import GK
from graphkit.types import Corpus, Entity

__all__ = ["Delta", "delta_of", "grow_lines", "write_grown"]

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
    before = country_entities(old[key] for key in sorted(old))
    after = country_entities(merged[key] for key in sorted(merged))
    moved = {code for code in before.keys() | after.keys() if before.get(code) != after.get(code)}
    touched = {e.id for e in new.entities}
    touched |= {e.id for e in merged.values() if e.country in moved and e.type != "Country"}
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
    known = set(merged)
    for role in new.roles:
        if role.holder in known:
            add_role(added, role, known)
    removed = _lines(gone)
    return Delta(tuple(sorted(_lines(added))), frozenset(removed), frozenset(recount))


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
    ``delta``, in one pass.

    >>> a, b, c = b"<a> <p> 1 .", b"<b> <p> 2 .", b"<c> <p> 3 ."
    >>> list(grow_lines([a, c], Delta((b, c), frozenset({a}), frozenset())))
    [b'<b> <p> 2 .', b'<c> <p> 3 .']
    """
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


def write_grown(old: BinaryIO, delta: Delta, handle: BinaryIO) -> int:
    """Write the grown lines of the open file ``old`` into ``handle``; return how many
    lines were written."""
    lines = (line.rstrip(b"\n") for line in old)
    count = 0
    batch: list[bytes] = []
    for line in grow_lines(lines, delta):
        batch.append(line)
        if len(batch) == 50_000:
            handle.write(b"\n".join(batch) + b"\n")
            count += len(batch)
            batch.clear()
    if batch:
        handle.write(b"\n".join(batch) + b"\n")
        count += len(batch)
    return count
