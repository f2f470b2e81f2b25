"""Where a build's memory goes: its resident memory over time, by what it was doing.

    python benchmarks/memory_phases.py build NEW.jsonl --into OUT/ --processes 2

runs ``graphkit`` with the arguments given, in this process (the main process of a
build: its workers and readers are other processes), samples ``RssAnon`` and
``RssFile`` of ``/proc/self/status`` every 0.25 s with the innermost graphkit
functions the main thread was in, and prints on standard error the peak of the sum,
the peak of ``RssAnon`` (the build's own objects; ``RssFile`` is files mapped into it)
and a line each time the functions change. Nothing is asserted. Linux only.
"""

from __future__ import annotations

import contextlib
import sys
import threading
import time

INTERVAL = 0.25  # seconds between samples
Sample = tuple[float, float, float, str]  # seconds, RssAnon GB, RssFile GB, where


def resident() -> tuple[float, float]:
    """This process's anonymous and file-backed resident memory, in GB."""
    found = {"RssAnon:": 0.0, "RssFile:": 0.0}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            name, _, value = line.partition("\t")
            if name.strip() in found:
                found[name.strip()] = int(value.split()[0]) / 1e6
    return found["RssAnon:"], found["RssFile:"]


def where(thread: int) -> str:
    """The four outermost graphkit functions the thread ``thread`` is in."""
    frame = sys._current_frames().get(thread)
    names = []
    while frame is not None:
        if "graphkit" in frame.f_code.co_filename:
            names.append(frame.f_code.co_name)
        frame = frame.f_back
    return "/".join(reversed(names[:4]))


def main(args: list[str]) -> None:
    from graphkit.cli import app

    samples: list[Sample] = []
    started = time.perf_counter()
    main_thread = threading.main_thread().ident or 0

    def sample() -> None:
        while True:
            anon, mapped = resident()
            samples.append((time.perf_counter() - started, anon, mapped, where(main_thread)))
            time.sleep(INTERVAL)

    threading.Thread(target=sample, daemon=True).start()
    with contextlib.suppress(SystemExit):  # a command's exit code: the figures still print
        app(args, standalone_mode=False)
    if not samples:
        return
    at, anon, mapped, doing = max(samples, key=lambda s: s[1] + s[2])
    print(f"peak {anon + mapped:.2f} GB (anon {anon:.2f}, file {mapped:.2f}) at {at:.1f} s "
          f"in {doing}", file=sys.stderr)  # fmt: skip
    at, anon, mapped, doing = max(samples, key=lambda s: s[1])
    print(f"peak anon {anon:.2f} GB at {at:.1f} s in {doing}", file=sys.stderr)
    last = None
    for at, anon, mapped, doing in samples:
        if doing != last:
            print(f"{at:6.1f} s  anon {anon:5.2f}  file {mapped:5.2f} GB  {doing}", file=sys.stderr)
            last = doing


if __name__ == "__main__":
    main(sys.argv[1:])
