"""A fresh build's corpus records written beside its graph's lines (issue 15).

After the parse, a build's stages ran one after another on one core while the other
waited: at 1,000 articles the graph's lines took 13.5 s, then the records
(``articles.jsonl``, ``entities.jsonl``, ``assertions.jsonl``) 5.1 s, both Python.
The records need the corpus alone, not the lines: a build writes them with
:func:`staged_records` in the copy of its process that makes its claims' lines
(:func:`graphkit.rdf.spill_corpus.spill_lines`), into its staged set, while it makes the
rest of its lines; it takes in the files staged (:meth:`graphkit.files.ExportSet.adopt`)
when it comes to its records (:func:`adopting`). Where no copy is made (a small
corpus, or no ``fork``) the build writes them itself, the same way, as its lines are
made.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from graphkit.export.formats import Export, write_records
from graphkit.files import ExportSet
from graphkit.types import Corpus

__all__ = ["Staged", "adopting", "staged_records"]

Staged = tuple[dict[str, Path], dict[str, str]]  # the records' paths and their digests


def staged_records(corpus: Corpus, folder: Path) -> Staged:
    """Write the records of ``corpus`` into the set a build of ``folder`` is staging
    (:class:`~graphkit.files.ExportSet`, made before); their paths by name, and the
    files staged with their digests, for :func:`adopting`."""
    staged = ExportSet.joining(folder)
    return write_records(Export(corpus, ()), staged), staged.files


def adopting(staged: Staged) -> Callable[[Export, ExportSet], dict[str, Path]]:
    """What :func:`~graphkit.export.formats.write_exports` calls for its records: the
    records :func:`staged_records` wrote, taken into the set."""

    def records(_: Export, exports: ExportSet) -> dict[str, Path]:
        paths, files = staged
        exports.adopt(files)
        return paths

    return records
