"""Work done in a forked copy of this process, beside this one (issue 15).

A build's records and graph lines are Python work on what the build holds (the
resolved corpus): pickled to another process they would cost about as much again. A
forked copy shares this process's memory as it was at the fork, so nothing is pickled
or read back, and it has a core of its own while this one goes on.

The copy never returns into the caller's code: whatever ``work`` raises, it ends
with ``os._exit``. It touches none of the files it shares with this process, the
terminal's included: a thread of this one (a progress bar's) may have held their
locks at the fork, and only the forking thread is copied. Where there is no fork
(Windows), the work runs in this process, when it is waited for.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable

from graphkit.errors import ExportError

__all__ = ["CAN_FORK", "Forked", "forking"]

CAN_FORK = hasattr(os, "fork")
_SAID = 4000  # at most this many bytes of what a copy tells are kept
_OK, _FAILED = b"0", b"1"


def forking(fork: bool | None) -> bool:
    """Whether to fork: ``fork``, or by default (None) :data:`CAN_FORK` (a test may
    turn it off)."""
    return CAN_FORK if fork is None else fork


class Forked:
    """``work()`` run in a forked copy of this process, started now. :meth:`wait`
    returns what it returned (a short text) or raises :class:`ExportError` (``cannot
    write {what}: why``); :meth:`stop` ends it. With ``fork=False`` (by default
    :data:`CAN_FORK`) ``work()`` runs in :meth:`wait`."""

    def __init__(self, work: Callable[[], str], what: str, fork: bool | None = None) -> None:
        self.what = what
        self._work: Callable[[], str] | None = work
        self._pid: int | None = None
        self._read = -1
        if not forking(fork):
            return
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the copy
            os.close(read)
            _run_forked(work, write)
        os.close(write)
        self._pid, self._read, self._work = pid, read, None

    def wait(self) -> str:
        if self._pid is None:
            work, self._work = self._work, None
            try:
                return work() if work is not None else ""
            except OSError as exc:  # as the copy tells it
                raise ExportError(f"cannot write {self.what}: {exc.strerror or exc}") from exc
        pid, self._pid = self._pid, None
        with os.fdopen(self._read, "rb") as told:
            said = told.read()
        code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        text = said[1:].decode("utf-8", "replace")
        if said[:1] != _OK or code:
            why = text if said[:1] == _FAILED else f"its process ended with code {code}"
            raise ExportError(f"cannot write {self.what}: {why}")
        return text

    def stop(self) -> None:
        """End the copy, if still running, and wait for it (a build that fails or is
        interrupted: the files it writes are about to go)."""
        if self._pid is None:
            return
        pid, self._pid = self._pid, None
        os.close(self._read)
        with contextlib.suppress(ProcessLookupError):  # ended already
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def _run_forked(work: Callable[[], str], told: int) -> None:
    """In the copy: run ``work``, tell the parent through ``told`` and end."""
    code = 1
    try:
        try:
            said = _OK + work().encode("utf-8", "replace")
            code = 0
        except OSError as exc:  # as the build says it: the reason, not the class
            said = _FAILED + str(exc.strerror or exc).encode("utf-8", "replace")
        except BaseException as exc:  # noqa: BLE001 - everything is told to the parent
            said = _FAILED + f"{type(exc).__name__}: {exc}".encode("utf-8", "replace")
        os.write(told, said[:_SAID])
    finally:
        os._exit(code)
