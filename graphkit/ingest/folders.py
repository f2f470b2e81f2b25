"""The files a folder given as input holds, and why any other is passed over.

Folders are searched recursively, in name order. Passed over, each with a note in
``report.json``: hidden files and folders (``.git``); files of a kind graphkit does
not read; graphkit's own export folders (the build's output folder, or any folder
holding a graphkit manifest), so that ``graphkit build .`` never reads its exports
back as articles; links to folders (never followed, so a loop cannot happen); links
to files outside the folder given (a link to ``/etc/passwd`` would put that file in
every export); broken links. A sub-folder that cannot be read is an error: its
articles are missing from the build.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from graphkit.files import is_export_folder
from graphkit.types import InputProblem

__all__ = ["folder_files"]


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def folder_files(
    folder: Path, suffixes: Iterable[str], skip: Iterable[Path] = ()
) -> Iterator[Path | InputProblem]:
    """The files of ``folder`` to read (by suffix), in name order, and a problem or
    note for each one passed over; ``skip`` are folders never to read (the output)."""
    kinds = frozenset(suffixes)
    root = folder.resolve()
    skipped = {p.resolve() for p in skip}
    files: list[Path] = []
    notes: list[InputProblem] = []

    def unreadable(exc: OSError) -> None:
        where = exc.filename or str(folder)
        notes.append(InputProblem(where, f"cannot read folder: {exc.strerror or exc}"))

    for here, dirs, names in os.walk(folder, onerror=unreadable):
        base = Path(here)
        dirs.sort()
        for name in list(dirs):
            path = base / name
            note = _passed_over_folder(path, skipped)
            if note is not None:
                dirs.remove(name)
                if note:
                    notes.append(InputProblem(str(path), note, warning=True))
        for name in sorted(names):
            path = base / name
            if name.startswith("."):
                continue
            if path.is_symlink():
                target = path.resolve()
                if not target.is_file():
                    notes.append(InputProblem(str(path), "skipped: a broken link", warning=True))
                    continue
                if not _inside(target, root):
                    note = "skipped: a link to a file outside the folder given"
                    notes.append(InputProblem(str(path), note, warning=True))
                    continue
            files.append(path)
    files.sort()
    found = [p for p in files if p.suffix.lower() in kinds]
    if not found and not notes:
        yield InputProblem(
            str(folder), f"folder holds no file to read ({', '.join(sorted(kinds))})"
        )
    yield from notes
    for path in files:
        if path.suffix.lower() in kinds:
            yield path
        elif found:
            note = f"skipped: {path.suffix or 'no suffix'} is not an input kind graphkit reads"
            yield InputProblem(str(path), note, warning=True)


def _passed_over_folder(path: Path, skipped: set[Path]) -> str | None:
    """Why a sub-folder is not searched ("" for a hidden one: no note), or None."""
    if path.name.startswith("."):
        return ""
    if path.is_symlink():
        return "skipped: a link to a folder (folder links are not followed)"
    if path.resolve() in skipped or is_export_folder(path):
        return "skipped: graphkit's own exports are never read as input"
    return None
