"""An export set's files known unchanged without reading them (issue 15).

:func:`graphkit.files.check_set` tells whether a folder's files are the ones its
manifest lists. It hashed every file it was asked about: at 5,000 articles the lines
file (1.6 GB) and the records a build that grows the graph reads back took 4 s of
every ``--into``, and ``graphkit query OUT/graph.ttl`` hashed 346 MB before it read
a triple.

As git's index does, the commit of a set notes each file's status once the file is in
place (:func:`note`): its size, its modification and change times in nanoseconds, its
device and inode, in ``.graphkit/noted.json``, with the SHA-256 of the manifest it
goes with. A file whose status is still the one noted is the file the build wrote:
writing a file changes its times, and a program cannot set a file's change time
(``touch`` sets the modification time only); a file copied or moved elsewhere has
another inode. Any other file is hashed, as before; a note of another manifest (a
newer set, or a commit cut short) or one that cannot be read is no note.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

__all__ = ["NOTED", "note", "unchanged"]

NOTED = "noted.json"  # in the folder's work folder (graphkit.files.WORK)
_FORMAT = "graphkit noted files 1"


def _status(path: Path) -> list[int]:
    found = path.stat()
    return [found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_dev, found.st_ino]


def _manifest_digest(manifest: Path) -> str:
    return hashlib.sha256(manifest.read_bytes()).hexdigest()


def note(folder: Path, work: Path, manifest: Path, names: Iterable[str]) -> None:
    """Note the status of the files ``names`` of ``folder`` (in place, as ``manifest``
    lists them) in ``work``. A note that cannot be written is not written: the next
    check hashes the files."""
    try:
        noted = {name: _status(folder / name) for name in sorted(names)}
        data = {"format": _FORMAT, "manifest": _manifest_digest(manifest), "files": noted}
        temporary = work / f".{NOTED}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        os.replace(temporary, work / NOTED)
    except OSError:
        (work / NOTED).unlink(missing_ok=True)


def unchanged(folder: Path, work: Path, manifest: Path) -> frozenset[str]:
    """The files of ``folder`` whose status is the one noted with ``manifest`` (none
    when there is no note of it)."""
    try:
        data = json.loads((work / NOTED).read_text(encoding="utf-8"))
        if data["format"] != _FORMAT or data["manifest"] != _manifest_digest(manifest):
            return frozenset()
        noted = data["files"]
        return frozenset(
            name
            for name, status in noted.items()
            if isinstance(name, str) and _same(folder / name, status)
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return frozenset()


def _same(path: Path, status: object) -> bool:
    try:
        return _status(path) == status
    except OSError:
        return False
