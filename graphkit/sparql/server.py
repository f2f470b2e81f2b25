"""``graphkit serve OUT/``: Oxigraph's own SPARQL server on the export folder's store.

The server is the ``oxigraph`` command of the PyPI package ``oxigraph`` (a
dependency), run as ``oxigraph serve-read-only --location STORE --bind HOST:PORT
--union-default-graph``: a real SPARQL 1.1 protocol endpoint at ``/query`` that any
client (a notebook, a browser, YASGUI, ``graphkit query URL``) can use, and that
answers from the on-disk store (:mod:`graphkit.sparql.store`) without loading the
graph into memory first. Read-only, so nothing a client sends can change the graph;
bound to 127.0.0.1 by default, so nothing outside the machine reaches it unless
``--bind`` says so.

The server runs as a child of this process, which holds the store (it is not pruned
while served) and stops the server when it is stopped itself (Ctrl-C, SIGTERM, or on
Linux even SIGKILL, through the parent-death signal).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from graphkit.errors import ServerError
from graphkit.sparql.store import using_store

__all__ = ["DEFAULT_BIND", "DEFAULT_PORT", "Served", "oxigraph_command", "serving"]

DEFAULT_BIND = "127.0.0.1"
DEFAULT_PORT = 7878
START_SECONDS = 60.0


@dataclass(frozen=True)
class Served:
    """A running server: its process, its store, and where to query it."""

    process: subprocess.Popen[bytes]
    store: Path
    log: Path  # what the server printed
    host: str
    port: int

    @property
    def base(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        """The SPARQL protocol endpoint (GET or POST ``query=``)."""
        return f"{self.base}/query"


def oxigraph_command() -> str:
    """The ``oxigraph`` executable: beside this Python (its virtual environment's
    ``bin/``, which need not be on PATH), else on PATH."""
    places = [Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))]
    path = os.pathsep.join([*(str(p) for p in places), os.environ.get("PATH", "")])
    found = shutil.which("oxigraph", path=path)
    if found is None:
        raise ServerError("the oxigraph server is not installed: pip install oxigraph")
    return found


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """Linux: the server gets SIGTERM when graphkit dies, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _check_free(host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as sock:
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise ServerError(
                f"cannot serve on {host}:{port}: {exc.strerror or exc} (another --port?)"
            ) from exc


def _wait_until_up(process: subprocess.Popen[bytes], host: str, port: int, log: Path) -> None:
    """Return once the server accepts connections; fail with its own words if it
    stops first."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            said = log.read_text(encoding="utf-8", errors="replace").strip()
            raise ServerError(f"oxigraph stopped at once (exit {process.returncode}): {said}")
        with contextlib.suppress(OSError), socket.create_connection((host, port), timeout=1):
            return
        time.sleep(0.1)
    raise ServerError(f"oxigraph did not start listening on {host}:{port} in {START_SECONDS} s")


@contextlib.contextmanager
def serving(folder: Path, port: int = DEFAULT_PORT, bind: str = DEFAULT_BIND) -> Iterator[Served]:
    """Serve ``folder``'s graph until the block ends (the store made first if need be)."""
    command = oxigraph_command()
    _check_free(bind, port)
    with using_store(folder) as store, tempfile.TemporaryDirectory() as tmp:
        # a file, not a pipe: a pipe nobody reads would stop a talkative server
        log = Path(tmp) / "oxigraph.log"
        with log.open("wb") as said:
            process = subprocess.Popen(
                [command, "serve-read-only", "--location", str(store),
                 "--bind", f"{bind}:{port}", "--union-default-graph"],
                stdin=subprocess.DEVNULL, stdout=said, stderr=subprocess.STDOUT,
                preexec_fn=_die_with_parent,
            )  # fmt: skip
        try:
            _wait_until_up(process, bind, port, log)
            yield Served(process, store, log, bind, port)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
