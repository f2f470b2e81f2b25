"""Running a graphkit module in a Python process of its own (issue 15).

Work that is Python from end to end holds Python's lock: in a thread beside the parse
or the views it slows them as much as it runs. A process of its own has a lock and a
core of its own; what it makes comes back through a file or a pipe.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["own_python", "why_failed"]

_ROOT = str(Path(__file__).resolve().parent.parent)  # where graphkit is imported from


def own_python(module: str, *args: str) -> tuple[list[str], dict[str, str]]:
    """The command and environment that run ``python -m module args`` with this
    interpreter and this graphkit (an installed one or a checkout)."""
    path = os.pathsep.join(filter(None, [_ROOT, os.environ.get("PYTHONPATH")]))
    return [sys.executable, "-m", module, *args], {**os.environ, "PYTHONPATH": path}


def why_failed(said: bytes, code: int) -> str:
    """Why a process of its own failed: the last line it said on standard error (a
    graphkit program says why in one line there), else its exit code.

    >>> why_failed(b"Traceback...\\nValueError: bad\\n", 1), why_failed(b"", -9)
    ('ValueError: bad', 'exit code -9')
    """
    lines = said.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else f"exit code {code}"
