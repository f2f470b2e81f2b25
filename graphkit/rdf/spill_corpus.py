"""The graph's lines of a resolved corpus, as a build writes them: sorted a chunk at a
time on disk (:mod:`graphkit.rdf.spill`), the claims' lines made meanwhile by a copy
of the build's process (issue 15)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from graphkit.collector import collector_paused
from graphkit.processes import Forked, can_fork
from graphkit.rdf.build import Sink, add_claims, add_corpus, add_nodes
from graphkit.rdf.columns import Columns, Tee
from graphkit.rdf.spill import SpilledLines
from graphkit.types import Corpus

__all__ = ["CLAIMS_APART", "spill_lines"]

T = TypeVar("T")


def spill_lines(
    corpus: Corpus,
    folder: Path,
    also: Sink | None = None,
    beside: tuple[Callable[[], T], str] | None = None,
) -> tuple[SpilledLines, T | None]:
    """The lines of :func:`build_lines`, sorted a chunk at a time into files in
    ``folder`` (:mod:`graphkit.rdf.spill`): what a build writes, in flat memory;
    ``also`` is given every triple too (the views' :class:`~graphkit.rdf.columns.Columns`);
    and what the work ``beside`` gives (``(work, what it does)``; None: no such work),
    done meanwhile.

    When the corpus has :data:`CLAIMS_APART` assertions or more, the claims' and roles'
    lines (a third of the work), then ``beside`` (a build writes its records), are
    made in a copy of this process (:class:`~graphkit.processes.Forked`), on the other
    core, while this one makes the rest: their chunks join these, and their columns
    these columns, as if made here (issue 15). One copy, not one for each: each page
    of the corpus a copy reads is copied (Python counts its references in place)."""
    with collector_paused():
        lines = SpilledLines(folder)
        sink = lines if also is None else Tee(lines, also)
        apart = len(corpus.assertions) >= CLAIMS_APART and can_fork()
        if not apart or not (also is None or isinstance(also, Columns)):
            add_corpus(sink, corpus)
            return lines, beside[0]() if beside is not None else None
        kept = also.predicates if also is not None else None
        part, work = folder / "claims", beside[0] if beside is not None else None
        what = "make the claims' lines" + (f" and {beside[1]}" if beside is not None else "")
        copy = Forked(lambda: _claims_and(corpus, part, kept, work), what)
        try:
            add_nodes(sink, corpus)
            chunks, spilled, columns, besides = copy.result()
        finally:
            copy.close()
        lines.take_chunks(chunks, spilled)
        # written now rather than with the others when the lines file is merged: its
        # lines (and their terms' texts) are let go before the records and the views
        lines.spill()
        if also is not None and columns is not None:
            also.take_in(*columns)
            also.settle()
        return lines, besides


# Assertions from which a build makes its claims' lines in a copy of its process: a
# copy costs some 0.1 s and a core; the seed's 90 are made here.
CLAIMS_APART = 2_000
Tables = tuple[dict[str, Any], dict[str, Any]]  # :meth:`Columns.tables`


def _claims_and(
    corpus: Corpus, folder: Path, kept: list[str] | None, beside: Callable[[], T] | None
) -> tuple[list[Path], int, Tables | None, T | None]:
    """The claims' and roles' lines of ``corpus``, in sorted chunk files in ``folder``,
    how many, the columns of ``kept`` of their triples, and what ``beside()`` gives
    (in a copy of the build)."""
    lines = SpilledLines(folder)
    columns = Columns(kept) if kept is not None else None
    add_claims(lines if columns is None else Tee(lines, columns), corpus)
    lines.spill()
    tables = columns.tables() if columns is not None else None
    return lines.chunks, lines.spilled, tables, beside() if beside is not None else None
