"""Running a graphkit module in a Python process of its own (issue 15).

Work that is Python from end to end holds Python's lock: in a thread beside the parse
or the views it slows them as much as it runs. A process of its own has a lock and a
core of its own; what it makes comes back through a file or a pipe. Work on what the
process already holds (the corpus) runs in a copy of it (:class:`Forked`), where
pickling that to another interpreter would cost more than the work.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Generic, TypeVar

from graphkit.errors import ExportError, GraphkitError

__all__ = ["Forked", "can_fork", "own_python", "why_failed"]

T = TypeVar("T")

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


def can_fork() -> bool:
    """Whether work can run in a copy of this process (:class:`Forked`): on Linux.
    Elsewhere a fork is missing (Windows) or unsafe beside system frameworks (macOS),
    and the work runs where it is asked for."""
    return sys.platform == "linux"


class Forked(Generic[T]):
    """``work()`` run in a copy of this process made by ``fork``, on a core of its own:
    the copy shares what this process holds (a corpus of thousands of articles is not
    pickled to it), and only what ``work`` returns comes back, pickled through a pipe.
    Start it before the step it is to run beside; :meth:`result` waits for it.

    The copy ignores Ctrl-C (the build decides, and :meth:`close` stops it), and keeps
    Python's cycle collector off: a collection would walk, and so copy, every page of
    what it shares. ``work`` must not print or start threads: the copy has only the
    thread that made it. ``what`` says what it does, for a failure's message:
    ``cannot <what>: <why>``.

    >>> Forked(lambda: sum(range(10)), "add").result() if can_fork() else 45
    45
    """

    def __init__(self, work: Callable[[], T], what: str) -> None:
        context = multiprocessing.get_context("fork")
        self.what = what
        self._received, sent = context.Pipe(duplex=False)
        # the process object lets ``work`` (and what it holds) go once started
        self._process = context.Process(target=_run_forked, args=(work, sent), daemon=True)
        self._process.start()
        sent.close()

    def result(self) -> T:
        """What ``work`` returned; :class:`~graphkit.errors.ExportError` if it raised
        or its process died (killed, out of memory)."""
        try:
            failed, value = self._received.recv()
        except EOFError:
            self._process.join()
            code = self._process.exitcode
            raise ExportError(f"cannot {self.what}: {why_failed(b'', code or 0)}") from None
        finally:
            self._received.close()
        self._process.join()
        if failed:  # a graphkit error says what it could not do; another is said here
            said = value if value.startswith("cannot ") else f"cannot {self.what}: {value}"
            raise ExportError(said)
        return value

    def close(self) -> None:
        """Stop the work if it still runs (its caller stopped)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._received.close()


def _run_forked(work: Callable[[], Any], sent: Connection) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.disable()
    try:
        outcome: tuple[bool, Any] = (False, work())
    except Exception as exc:  # noqa: BLE001 - said to the parent in one line
        said = str(exc) if isinstance(exc, GraphkitError) else f"{type(exc).__name__}: {exc}"
        outcome = (True, said)
    sent.send(outcome)
    sent.close()
