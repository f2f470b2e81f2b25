"""Growing a graph's lines file (``write_grown``, issue 15), before and after, in one run.

    PYTHONPATH=$PWD python benchmarks/grow_lines.py FOLDER NEW [--before 077d09c]
        [--repeat 3] [--delta FILE] [--out FILE]

FOLDER is a build's export folder (``graphkit build ... --out FOLDER``), NEW a corpus of
articles not in it. NEW is parsed and resolved (``graphkit.analyze``) and grown onto
FOLDER's records as ``--into`` grows them (:func:`graphkit.corpus.grow.grow_corpus`),
which gives the :class:`~graphkit.rdf.grow.Delta` of a real ``--into``; ``--delta FILE``
keeps it (pickled) for the next run, which then parses nothing. FOLDER's lines file
(``.graph.nt``) is then grown by ``write_grown`` as it is at the git revision
``--before`` (loaded as a module beside the working tree's; 077d09c is the last with
the per-line merge) and as it is in the tree, alternating, ``--repeat`` times each,
into the file ``--out`` through a handle that hashes what it writes, as a build's
does. Wall and CPU seconds, the best of the runs; the two outputs are checked equal
(their SHA-256 and line counts). Nothing else is written into FOLDER.
"""

from __future__ import annotations

import argparse
import importlib.util
import pickle
import subprocess
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from graphkit.files import _Hashing
from graphkit.rdf import grow as after
from graphkit.rdf.triples import LINES_FILE

ROOT = Path(__file__).resolve().parent.parent


def before(revision: str) -> ModuleType:
    """``graphkit/rdf/grow.py`` at ``revision``, as a module of its own."""
    source = subprocess.run(
        ["git", "show", f"{revision}:graphkit/rdf/grow.py"],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    spec = importlib.util.spec_from_loader("_before_grow", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["_before_grow"] = module  # dataclasses look their module up
    exec(compile(source, "<_before_grow>", "exec"), module.__dict__)
    return module


def delta_of(folder: Path, new: Path, cache: Path | None) -> Any:
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    import graphkit
    from graphkit.corpus.grow import grow_corpus, read_base

    started = time.perf_counter()
    delta = grow_corpus(read_base(folder), graphkit.analyze([new])).delta
    print(f"delta of {new}: {time.perf_counter() - started:.1f} s (parse and resolve)")
    if cache is not None:
        cache.write_bytes(pickle.dumps(delta))
    return delta


def timed(module: Any, old: Path, delta: Any, out: Path) -> tuple[float, float, str, int]:
    with old.open("rb") as source, out.open("wb") as target:
        handle = _Hashing(target)  # the export set's own: hashed as written
        wall, cpu = time.perf_counter(), time.process_time()
        count = module.write_grown(source, delta, handle)
        target.flush()
        return time.perf_counter() - wall, time.process_time() - cpu, handle.sha.hexdigest(), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a build's export folder")
    parser.add_argument("new", type=Path, help="a corpus of new articles")
    parser.add_argument("--before", default="077d09c", help="the git revision to compare with")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--delta", type=Path, help="a pickled delta: read, or written")
    parser.add_argument("--out", type=Path, default=Path("/tmp/grow_lines.nt"))
    args = parser.parse_args()
    delta = delta_of(args.folder, args.new, args.delta)
    old = args.folder / LINES_FILE
    print(f"{old}: {old.stat().st_size / 1e6:.1f} MB; delta: {len(delta.added):,} added, "
          f"{len(delta.removed):,} removed, {len(delta.recount):,} claims recounted")  # fmt: skip
    modules = {"before": before(args.before), "after": after}
    best = {name: [1e9, 1e9] for name in modules}
    results: dict[str, set[tuple[str, int]]] = {name: set() for name in modules}
    for _ in range(args.repeat):
        for name, module in modules.items():
            wall, cpu, sha, count = timed(module, old, delta, args.out)
            best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]
            results[name].add((sha, count))
    for name, (wall, cpu) in best.items():
        print(f"write_grown {name:6} ({args.before if name == 'before' else 'tree'}): "
              f"{wall:.3f} s wall, {cpu:.3f} s CPU (best of {args.repeat})")  # fmt: skip
    same = len(results["before"] | results["after"]) == 1
    (sha, count), *_ = results["after"]
    print(f"speed-up (wall): {best['before'][0] / best['after'][0]:.1f}x; "
          f"outputs equal: {same} ({count:,} lines, sha256 {sha[:12]})")  # fmt: skip
    args.out.unlink(missing_ok=True)
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
