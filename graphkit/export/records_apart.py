"""A fresh build's corpus records written beside its graph's lines (issue 15).

After the parse, a build's stages ran one after another on one core while the other
waited: at 1,000 articles the graph's lines took 13.5 s, then the records
(``articles.jsonl``, ``entities.jsonl``, ``assertions.jsonl``) 5.1 s, both Python.
The records need the corpus alone, not the lines: :class:`RecordsApart` writes them
in a copy of the build's process (:class:`graphkit.processes.Forked`), into the
build's staged set, while the build makes its lines; the build takes in the files it
staged (:meth:`graphkit.files.ExportSet.adopt`) when it comes to its records. Where no
copy can be made (:func:`graphkit.processes.can_fork`) the build writes them itself,
as before.
"""

from __future__ import annotations

from pathlib import Path

from graphkit.export.formats import Export, write_records
from graphkit.files import ExportSet
from graphkit.processes import Forked, can_fork
from graphkit.types import Corpus

__all__ = ["RecordsApart"]


class RecordsApart:
    """The records of ``corpus``, being written into the set a build of ``folder`` is
    staging (:class:`~graphkit.files.ExportSet`, made before this starts)."""

    def __init__(self, corpus: Corpus, folder: Path) -> None:
        what = f"write the records of {folder}"
        self._forked = Forked(lambda: _staged_records(corpus, folder), what)

    @classmethod
    def start(cls, corpus: Corpus, folder: Path) -> RecordsApart | None:
        """The records started in a copy of this process, or None where there is none."""
        return cls(corpus, folder) if can_fork() else None

    def records(self, _: Export, exports: ExportSet) -> dict[str, Path]:
        """Wait for the records and take their files into ``exports`` (as
        :func:`~graphkit.export.formats.write_exports` asks its ``records``)."""
        paths, files = self._forked.result()
        exports.adopt(files)
        return paths

    def close(self) -> None:
        """Stop writing them (the build stopped)."""
        self._forked.close()


def _staged_records(corpus: Corpus, folder: Path) -> tuple[dict[str, Path], dict[str, str]]:
    staged = ExportSet.joining(folder)
    return write_records(Export(corpus, ()), staged), staged.files
