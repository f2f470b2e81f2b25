"""What new memory costs on this machine, as a process's memory grows.

    python benchmarks/memory_cost.py --most 5 --step 0.5 --objects 5000000

Two measures, each in a process of its own (its memory goes back when it ends):

- ``grow``: a process maps ``--step`` GB at a time up to ``--most`` GB, holding each,
  and writes one byte in each of its pages; the seconds each step took are printed,
  and the ratio of the slowest step to the first. On the project's virtual machine a
  page the guest has not had lately costs far more than one it has, so a build's
  time grows with the memory it touches (its own, its copies', the page cache of the
  files it writes), not only with its work (issue 15).
- ``fork``: a process makes ``--objects`` small Python objects, then reads them all
  twice: alone, and while a forked copy of it lives. Reading a Python object writes
  its reference count, so each page the copy shares is copied on that first read:
  the ratio of the two reads is what a copy made by ``fork`` (the build's claims'
  copy, its Turtle writer's second half) costs the process it was made from.

Nothing is asserted. Linux only.
"""

from __future__ import annotations

import argparse
import mmap
import os
import signal
import subprocess
import sys
import time

PAGE = 4096


def grow(most: float, step: float) -> None:
    """Map and touch ``step`` GB at a time up to ``most`` GB; print each step's time."""
    held = []
    size = int(step * (1 << 30))
    times = []
    for at in range(int(round(most / step))):
        began = time.perf_counter()
        area = mmap.mmap(-1, size)
        for offset in range(0, size, PAGE):
            area[offset] = 1
        held.append(area)
        times.append(time.perf_counter() - began)
        print(f"  {(at + 1) * step:5.1f} GB held: the last {step} GB took {times[-1]:6.2f} s",
              flush=True)  # fmt: skip
    print(f"  slowest step / first step: {max(times) / times[0]:.1f}x")


def fork(objects: int) -> None:
    """Read ``objects`` small objects alone, then twice while a forked copy lives."""
    import gc

    gc.disable()
    made = [(f"x{i}", (i, str(i)), [i]) for i in range(objects)]

    def read() -> float:
        began = time.perf_counter()
        total = 0
        for name, pair, box in made:
            total += len(name) + len(pair) + len(box)
        return time.perf_counter() - began

    read()
    alone = read()
    child = os.fork()
    if child == 0:  # the copy only waits
        signal.pause()
        os._exit(0)
    try:
        first, second = read(), read()
    finally:
        os.kill(child, signal.SIGKILL)
        os.waitpid(child, 0)
    print(f"  {objects:,} objects read alone: {alone:.2f} s")
    print(f"  the first read while a copy lives: {first:.2f} s ({first / alone:.1f}x)")
    print(f"  the second read while it lives: {second:.2f} s ({second / alone:.1f}x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--most", type=float, default=5.0, help="GB to grow to")
    parser.add_argument("--step", type=float, default=0.5, help="GB a step")
    parser.add_argument("--objects", type=int, default=5_000_000)
    parser.add_argument("--only", choices=["grow", "fork"], help="run one measure, here")
    args = parser.parse_args()
    if args.only == "grow":
        return grow(args.most, args.step)
    if args.only == "fork":
        return fork(args.objects)
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")
    for measure in ("grow", "fork"):
        print(f"{measure}:", flush=True)
        command = [sys.executable, __file__, "--only", measure, "--most", str(args.most)]
        command += ["--step", str(args.step), "--objects", str(args.objects)]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
