"""When each step of one build starts and how long it takes, in its own process.

    python benchmarks/time_phases.py build NEW.jsonl --into OUT/ --processes 2

runs ``graphkit`` with the arguments given in this process, its pipeline's steps
wrapped (:data:`STEPS`), and prints on standard error, as each step ends, the seconds
since the start at which it began, its wall time and this process's CPU time in it;
at the end, the collections of Python's cycle collector in this process and the time
they took (:data:`gc.callbacks`). Steps run in threads overlap. Nothing is asserted.
"""

from __future__ import annotations

import functools
import gc
import importlib
import sys
import time
from collections.abc import Callable
from typing import Any

# (module, attribute): the steps timed, as the pipeline calls them
STEPS = (
    ("graphkit.pipeline", "read_base"),
    ("graphkit.pipeline", "_analyze_collected"),
    ("graphkit.resolve.resolver", "Resolver.resolve"),
    ("graphkit.pipeline", "code_corpus"),
    ("graphkit.pipeline", "grow_corpus"),
    ("graphkit.pipeline", "spill_lines"),
    ("graphkit.pipeline", "write_exports"),
    ("graphkit.export.formats", "_records"),  # an older checkout's
    ("graphkit.export.formats", "write_records"),  # in a copy of the build's process
    ("graphkit.export.records_apart", "RecordsApart.records"),  # waited for
    ("graphkit.pipeline", "write_grown_records"),
    ("graphkit.export.html.views", "write_views"),
    ("graphkit.export.html.apart", "ViewsApart.views"),
    ("graphkit.files", "ExportSet.commit"),
    ("graphkit.pipeline", "save_columns"),
)
START = time.perf_counter()


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def step(*args: Any, **kwargs: Any) -> Any:
        began, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            wall, used = time.perf_counter() - began, time.process_time() - cpu
            print(f"{began - START:8.2f} s  {wall:7.2f} s  cpu {used:7.2f} s  {name}",
                  file=sys.stderr, flush=True)  # fmt: skip

    return step


class CollectorTally:
    """The cycle collector's collections in this process, by generation, and their
    seconds (each collection's own, from its start to its stop callback)."""

    def __init__(self) -> None:
        self.counts = [0, 0, 0]
        self.seconds = 0.0
        self._began = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.counts[info["generation"]] += 1
            self.seconds += time.perf_counter() - self._began

    def __str__(self) -> str:
        counts = "/".join(str(count) for count in self.counts)
        return f"cycle collector: {self.seconds:.2f} s in {counts} collections (generations 0/1/2)"


def wrap(module: str, attribute: str) -> None:
    """Time ``attribute`` of ``module``; a step the checkout run does not have (an older
    one, run against this for a comparison) is left out."""
    try:
        owner: Any = importlib.import_module(module)
        *path, name = attribute.split(".")
        for part in path:
            owner = getattr(owner, part)
        setattr(owner, name, timed(attribute, getattr(owner, name)))
    except (ImportError, AttributeError):
        print(f"(no step {module}.{attribute} here)", file=sys.stderr)


def main() -> None:
    for module, attribute in STEPS:
        wrap(module, attribute)
    from graphkit.cli import main as graphkit

    tally = CollectorTally()
    gc.callbacks.append(tally)

    print("   began     took   this process's CPU", file=sys.stderr)
    sys.argv = ["graphkit", *sys.argv[1:]]
    try:
        graphkit()
    except SystemExit as stop:
        code = stop.code
    else:
        code = 0
    print(f"{time.perf_counter() - START:8.2f} s  end", file=sys.stderr)
    print(tally, file=sys.stderr)
    sys.exit(code)


if __name__ == "__main__":
    main()
