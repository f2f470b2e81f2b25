"""Writing files: one at a time atomically, or a build's whole export set as one
transaction.

An export folder (``exports/``) holds a *set*: the graph in its formats, the corpus
records that ``--into`` reads back, the views and ``report.json``. The set changes
as one:

1. a build takes an exclusive lock on the folder (``.graphkit/lock``, ``flock``): a
   second build into the same folder waits for the first, then reads what it wrote;
2. the new set is written into ``.graphkit/next/``, every file flushed to disk, and
   ``manifest.json`` (each file's SHA-256) last;
3. ``next/`` is renamed ``commit/`` (one atomic step: from here the new set is whole
   and will be put in place), then each file is moved into the folder, the manifest
   last, and the files the old manifest listed that the new one does not are removed;
4. a build or reader that finds a ``commit/`` (a commit cut short by a kill) finishes
   it first; a ``next/`` (a write cut short) is thrown away: the old set stands.

Only files a graphkit manifest lists are ever removed or replaced: a file of the
user's in the folder is left alone. :func:`check_set` tells whether the files of a
folder are the ones its manifest lists; a file the commit noted (:mod:`graphkit.noted`)
and nobody changed since is known to be without reading it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from graphkit.errors import ExportError, InputError
from graphkit.noted import note, unchanged

__all__ = [
    "MANIFEST", "ExportSet", "atomic_write", "check_set", "file_digest", "interrupts_noted",
    "locked", "recover", "stop_if_interrupted", "write_batches",
]  # fmt: skip

MANIFEST = "manifest.json"
# Fault injection for the tests of this module's promise: a build whose environment
# names one of its steps ("staged:graph.ttl", "committing", "moved:graph.ttl") kills
# itself there, as a power cut would.
KILL_AT = "GRAPHKIT_KILL_AT"
WORK = ".graphkit"  # hidden: never read as input, never listed in the manifest
_FORMAT = "graphkit export set 1"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _payload(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


def _write_synced(path: Path, payload: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(payload)
        handle.flush()
        os.fsync(handle.fileno())


def atomic_write(path: Path, data: str | bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place.

    Text is always written as UTF-8 with ``\\n`` line ends, whatever the platform.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        _write_synced(Path(tmp), _payload(data))
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; exports are for sharing
        os.replace(tmp, path)
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path


@contextlib.contextmanager
def locked(folder: Path, waiting: str = "") -> Iterator[None]:
    """Hold the folder's build lock; ``waiting`` is printed (to stderr) when another
    build holds it and this one waits."""
    try:
        (folder / WORK).mkdir(parents=True, exist_ok=True)
        handle = (folder / WORK / "lock").open("a")
    except OSError as exc:
        raise ExportError(f"cannot lock {folder}: {exc.strerror or exc}") from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting:
                print(waiting, file=sys.stderr, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


_BATCH = 50_000  # lines written at once


def write_batches(lines: Iterable[bytes], handle: BinaryIO, ended: bool = False) -> int:
    """Write ``lines`` (each ending in ``\\n`` when ``ended``, else given one) into a
    binary file a batch at a time, never all as one string; return how many.

    >>> import io
    >>> buffer = io.BytesIO()
    >>> write_batches([b"a", b"b"], buffer), buffer.getvalue()
    (2, b'a\\nb\\n')
    """
    count = 0
    batch: list[bytes] = []
    joiner, tail = (b"", b"") if ended else (b"\n", b"\n")
    for line in lines:
        batch.append(line)
        if len(batch) == _BATCH:
            handle.write(joiner.join(batch) + tail)
            count += len(batch)
            batch.clear()
    if batch:
        handle.write(joiner.join(batch) + tail)
        count += len(batch)
    return count


def _step(name: str) -> None:
    if os.environ.get(KILL_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)


def file_digest(path: Path) -> str:
    """The SHA-256 of the file at ``path``, as a manifest lists it."""
    sha = hashlib.sha256()
    # big blocks: read and hashed with Python's lock let go, a thread that hashes
    # while another runs Python waits for the lock once a block (issue 15)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 24), b""):
            sha.update(block)
    return sha.hexdigest()


def read_manifest(folder: Path) -> dict[str, str] | None:
    """The files (relative path -> SHA-256) of the folder's manifest, or None when the
    folder holds no graphkit manifest."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise InputError(f"{folder / MANIFEST}: unreadable manifest: {exc}") from exc
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        return None
    files = data.get("files")
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def is_export_folder(folder: Path) -> bool:
    """True for a folder that holds a graphkit export set (or is being written)."""
    try:
        return (folder / WORK).is_dir() or read_manifest(folder) is not None
    except InputError:
        return True


def check_set(folder: Path, names: list[str] | None = None) -> list[str]:
    """What is wrong with the export set in ``folder`` (all its files, or ``names``):
    empty when every file is the one its manifest lists, or when the folder holds no
    manifest (a set written before graphkit kept one)."""
    listed = read_manifest(folder)
    if listed is None:
        return []
    if (folder / WORK / "commit").is_dir():
        return [f"{folder}: a build's commit was cut short (the next build finishes it)"]
    wrong = []
    as_written = unchanged(folder, folder / WORK, folder / MANIFEST)  # need no hashing
    for name in names if names is not None else sorted(listed):
        path = folder / name
        if name not in listed:
            continue
        if not path.is_file():
            wrong.append(f"{path}: missing")
        elif name not in as_written and file_digest(path) != listed[name]:
            wrong.append(f"{path}: not the file the last build wrote")
    return wrong


def recover(folder: Path) -> list[str]:
    """Finish a commit cut short, throw away a write cut short and the temporary files
    of killed atomic writes; say what was done. Call it holding the lock."""
    done = []
    work = folder / WORK
    if (work / "commit").is_dir():
        _put_in_place(folder, work / "commit")
        done.append(f"{folder}: finished the commit of a build that was stopped")
    if (work / "next").is_dir():
        shutil.rmtree(work / "next", ignore_errors=True)
        done.append(f"{folder}: removed the half-written set of a build that was stopped")
    for name in read_manifest(folder) or {}:  # ".graph.ttl.x1y2.tmp" beside graph.ttl
        path = folder / name
        for tmp in path.parent.glob(f".{glob_escape(path.name)}.*.tmp"):
            tmp.unlink(missing_ok=True)
    return done


def glob_escape(name: str) -> str:
    """``name`` with the glob characters bracketed, so it matches itself only.

    >>> glob_escape("a[1]*.html")
    'a[[]1[]][*].html'
    """
    return "".join(f"[{c}]" if c in "[]*?" else c for c in name)


def _put_in_place(folder: Path, staged: Path) -> None:
    """Move every staged file into ``folder`` (the manifest last), remove the files the
    old manifest listed and the new one does not, then the staging folder."""
    old = set(read_manifest(folder) or {})
    new_manifest = json.loads((staged / MANIFEST).read_text(encoding="utf-8"))
    new = set(new_manifest["files"])
    for name in sorted(new):
        source, target = staged / name, folder / name
        if source.is_file():  # not yet moved by an earlier, interrupted attempt
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            _step(f"moved:{name}")
    os.replace(staged / MANIFEST, folder / MANIFEST)
    for name in sorted(old - new):
        (folder / name).unlink(missing_ok=True)
    shutil.rmtree(staged, ignore_errors=True)
    note(folder, folder / WORK, folder / MANIFEST, new)


class _Hashing:
    """A binary file that hashes what is written to it (a streamed file is not read
    back for its manifest entry)."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.sha = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.sha.update(data)
        return self.handle.write(data)

    def flush(self) -> None:
        self.handle.flush()


_INTERRUPTED = threading.Event()


def _noted_interrupt(signum: int, frame: object) -> None:
    _INTERRUPTED.set()
    raise KeyboardInterrupt


def stop_if_interrupted() -> None:
    """Raise :class:`KeyboardInterrupt` if a Ctrl-C was noted (:func:`interrupts_noted`)
    and lost: a build calls it at each step, so it stops at the next one."""
    if _INTERRUPTED.is_set():
        raise KeyboardInterrupt


@contextlib.contextmanager
def interrupts_noted() -> Iterator[None]:
    """Ctrl-C noted as it comes, until the block ends (in the main thread), so that
    :meth:`ExportSet.commit` refuses to put a set in place once there was one, and
    :func:`stop_if_interrupted` stops the build. Python drops an exception raised in a
    finalizer (a ``__del__``, run wherever an object goes): a build interrupted there
    ran on and replaced the exports the user had stopped it to keep."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _INTERRUPTED.clear()
    previous = signal.signal(signal.SIGINT, _noted_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        _INTERRUPTED.clear()  # told: a later block starts afresh


class ExportSet:
    """The files of one build's export set, staged until :meth:`commit`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.stage = folder / WORK / "next"
        self.files: dict[str, str] = {}
        try:
            shutil.rmtree(self.stage, ignore_errors=True)
            self.stage.mkdir(parents=True)
        except OSError as exc:
            raise ExportError(f"cannot write into {folder}: {exc.strerror or exc}") from exc

    @classmethod
    def joining(cls, folder: Path) -> ExportSet:
        """The set a build of ``folder`` is staging, as it stands (nothing cleared): for
        a process of that build's own that stages some of its files, whose
        :attr:`files` the build then takes in (:meth:`adopt`)."""
        joined = cls.__new__(cls)
        joined.folder, joined.stage, joined.files = folder, folder / WORK / "next", {}
        if not joined.stage.is_dir():
            raise ExportError(f"no export set is being staged in {folder}")
        return joined

    def adopt(self, files: dict[str, str]) -> None:
        """Take in the files another process staged in this set (:meth:`joining`), by
        name with their SHA-256 digests, as if written here."""
        for name in files:
            if not (self.stage / name).is_file():
                raise ExportError(f"{self.folder / name} was not staged")
        self.files.update(files)

    def write(self, name: str, data: str | bytes) -> Path:
        """Stage the file ``name`` (a path relative to the folder); return where it
        will be once committed."""
        payload = _payload(data)
        staged = self.stage / name
        try:
            staged.parent.mkdir(parents=True, exist_ok=True)
            _write_synced(staged, payload)
            os.chmod(staged, 0o666 & ~_umask())
        except OSError as exc:
            raise ExportError(f"cannot write {self.folder / name}: {exc.strerror or exc}") from exc
        self.files[name] = hashlib.sha256(payload).hexdigest()
        _step(f"staged:{name}")
        return self.folder / name

    def write_with(self, name: str, write: Callable[[BinaryIO], object]) -> Path:
        """Stage the file ``name`` as ``write`` writes it into an open binary file (a
        graph too big to hold as one string is streamed); as :meth:`write`."""
        staged = self.stage / name
        try:
            staged.parent.mkdir(parents=True, exist_ok=True)
            with staged.open("wb") as handle:
                hashing = _Hashing(handle)
                write(hashing)  # type: ignore[arg-type]  # a writer is all it needs
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(staged, 0o666 & ~_umask())
        except OSError as exc:
            raise ExportError(f"cannot write {self.folder / name}: {exc.strerror or exc}") from exc
        self.files[name] = hashing.sha.hexdigest()
        _step(f"staged:{name}")
        return self.folder / name

    def write_file(self, name: str, make: Callable[[Path], object]) -> Path:
        """Stage the file ``name`` as ``make`` writes it at the path it is given (a
        tool in a process of its own may write it: nothing passes through Python);
        hashed once written; as :meth:`write`."""
        staged = self.stage / name
        try:
            staged.parent.mkdir(parents=True, exist_ok=True)
            make(staged)
            with staged.open("rb") as handle:
                os.fsync(handle.fileno())
            os.chmod(staged, 0o666 & ~_umask())
            self.files[name] = file_digest(staged)
        except OSError as exc:
            raise ExportError(f"cannot write {self.folder / name}: {exc.strerror or exc}") from exc
        _step(f"staged:{name}")
        return self.folder / name

    def staged(self, name: str) -> Path:
        """Where the staged file ``name`` is until the commit (to read it back)."""
        return self.stage / name

    def commit(self) -> None:
        """Put the staged set in place as one step (see the module docstring)."""
        manifest = {"format": _FORMAT, "files": dict(sorted(self.files.items()))}
        _write_synced(self.stage / MANIFEST, (json.dumps(manifest, indent=2) + "\n").encode())
        self._check_writable()
        committed = self.folder / WORK / "commit"
        # Ctrl-C in the middle of the moves would leave a mixed set until the next
        # build: the moves take milliseconds, so the interrupt waits for them.
        main = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
        try:
            stop_if_interrupted()  # a Ctrl-C that a finalizer swallowed
            os.replace(self.stage, committed)
            _step("committing")
            _put_in_place(self.folder, committed)
        except OSError as exc:
            raise ExportError(f"cannot commit the exports in {self.folder}: {exc}") from exc
        finally:
            if main:
                signal.signal(signal.SIGINT, previous)

    def _check_writable(self) -> None:
        """Fail before the commit, not halfway through it, when a folder the set goes
        into cannot be written (a read-only ``views/``)."""
        for name in self.files:
            parent = (self.folder / name).parent
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ExportError(f"cannot write into {parent}: {exc.strerror or exc}") from exc
            if not os.access(parent, os.W_OK):
                raise ExportError(f"cannot write into {parent}: permission denied")

    def abort(self) -> None:
        shutil.rmtree(self.stage, ignore_errors=True)
