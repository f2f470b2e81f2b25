"""Formats written from the lines file by a Python process of their own (issue 15).

pyoxigraph's Turtle serializer takes each triple through Python (``ox.parse`` yields
them, ``ox.serialize`` reads them): alone it writes the Turtle of 1,000 articles in
5 s, but in a thread beside the records and the views (Python) it waited for
Python's lock at every triple and took 14 s, the last of them after the views were
done. In a process of its own it has a lock and a core of its own.

    python -m graphkit.export.apart MODULE:FUNCTION LINES TARGET

runs ``FUNCTION(LINES, handle)`` into the file ``TARGET``: what :func:`write_apart`
starts; a failure is one line on standard error and exit code 1.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

from graphkit.errors import ExportError
from graphkit.processes import own_python, why_failed

__all__ = ["write_apart"]


def write_apart(function: str, lines: Path, target: Path) -> None:
    """Write ``function(lines, handle)`` (``"module:function"``) into ``target`` in a
    Python process of its own (this interpreter, this graphkit)."""
    command, env = own_python(__name__, function, str(lines), str(target))
    done = subprocess.run(command, capture_output=True, env=env)
    if done.returncode:
        why = why_failed(done.stderr, done.returncode)
        raise ExportError(f"cannot write {target.name}: {why}")


def _main(function: str, lines: str, target: str) -> int:
    module, _, name = function.partition(":")
    make = getattr(importlib.import_module(module), name)
    try:
        with open(target, "wb") as handle:
            make(Path(lines), handle)
    except Exception as exc:  # noqa: BLE001 - said in one line to the parent
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(*sys.argv[1:4]))
