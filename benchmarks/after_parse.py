"""The stages after the parse (resolve, graph, exports): this checkout against another.

A whole build's ratio to bare ``nlp.pipe`` (``scale.py``) is set by what runs after
the parse: on two cores the parse keeps both busy, and the rest runs in the main
process. This times that rest alone. The articles are parsed and extracted once
(``--make``, with two processes) and the analyses pickled; each timed run is a new
process that loads them, gives them to ``graphkit.build`` as the parse would (so the
work a build does as each analysis arrives still runs) and writes the default
formats into a new folder. With ``--against``, runs of the two checkouts alternate;
the medians of each stage, their ratio, the peak RSS of the build's process (``peak``,
the pickled analyses' too), the highest memory of it and every process under it
together (``all``: its Turtle writer, ``sort``, any process it starts; the sum of
their PSS, sampled every 0.2 s) and whether the two wrote the same files (the
manifests' hashes) are printed. ``parse`` is the work a build does as each analysis
comes (here with no parse to wait for: in a build it overlaps the workers' parse);
``after`` is the rest, from the end of the parse to the end of the build. Nothing is
asserted.

    python benchmarks/after_parse.py --make /tmp/c1000.jsonl /tmp/a1000.pkl
    python benchmarks/after_parse.py --analyses /tmp/a1000.pkl --against ../old --runs 3

(``scale.py`` writes its corpora as JSON Lines of articles: ``--keep`` there.)
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve()
STAGES = ("parse", "resolve", "graph", "exports")


def _make(articles_path: str, out: str) -> None:
    from graphkit.nlp import analyze_articles
    from graphkit.options import AnalysisOptions
    from graphkit.pipeline import collect_articles
    from graphkit.types import InputProblem

    articles, _ = collect_articles([articles_path])
    found = analyze_articles(articles, AnalysisOptions.of(n_process=2))
    analyses = [a for a in found if not isinstance(a, InputProblem)]
    with open(out, "wb") as handle:
        pickle.dump((articles, analyses), handle, protocol=5)
    print(f"{len(analyses)} analyses in {out}")


def _descendants(pid: int) -> list[int]:
    """Every process under ``pid`` (Linux's ``/proc``)."""
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                for child in map(int, handle.read().split()):
                    found += [child, *_descendants(child)]
    except OSError:  # ended meanwhile
        pass
    return found


def _pss(pid: int) -> int:
    """The proportional set size of ``pid`` in bytes: its private pages and its share
    of those it shares (a forked copy's pages are counted once between the two)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class _TreeMemory(threading.Thread):
    """The highest sum of the PSS of this process and every process under it (the
    Turtle writer of a build, ``sort``), sampled every 0.2 s (reading a process's map
    slows it)."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self.done.wait(0.2):
            self.peak = max(self.peak, sum(map(_pss, [me, *_descendants(me)])))


def _child(analyses_path: str) -> None:
    """One timed run, in the checkout on ``PYTHONPATH``; prints a JSON object."""
    import graphkit.pipeline as pipeline

    with open(analyses_path, "rb") as handle:
        articles, analyses = pickle.load(handle)
    pipeline.analyze_articles = lambda _articles, _options: iter(analyses)  # type: ignore[assignment]
    marks: dict[str, float] = {}
    started = time.perf_counter()

    def stages(stage: str, done: int, total: int) -> None:
        marks.setdefault(stage, time.perf_counter() - started)

    memory = _TreeMemory()
    memory.start()
    with tempfile.TemporaryDirectory() as folder:
        pipeline.build(articles, out=Path(folder) / "out", stages=stages)
        seconds = time.perf_counter() - started
        manifest = json.loads((Path(folder) / "out" / "manifest.json").read_text())
    memory.done.set()
    memory.join()
    starts = [marks.get(s, 0.0) for s in STAGES] + [seconds]
    spans = {s: starts[i + 1] - starts[i] for i, s in enumerate(STAGES)}
    spans["after"] = seconds - starts[1]  # from the end of the parse
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    every = memory.peak / 1024**3
    print(json.dumps({"seconds": seconds, **spans, "peak": peak, "all": every,
                      "files": manifest["files"]}))  # fmt: skip


def _run(checkout: Path, analyses: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [sys.executable, str(HERE), "--child", analyses]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--make", nargs=2, metavar=("ARTICLES", "PICKLE"))
    parser.add_argument("--analyses", help="analyses pickled by --make")
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        return _child(args.child)
    if args.make:
        return _make(*args.make)
    if not args.analyses:
        parser.error("give --analyses (made with --make)")
    checkouts = {"this": HERE.parent.parent, **({"other": args.against} if args.against else {})}
    runs: dict[str, list[dict[str, object]]] = {name: [] for name in checkouts}
    for number in range(args.runs):
        for name, checkout in checkouts.items():  # alternating: the load falls on both
            runs[name].append(_run(checkout.resolve(), args.analyses))
            print(f"run {number + 1} {name}: {runs[name][-1]['seconds']:.1f} s", flush=True)
    print(f"\nmedians of {args.runs} runs, {os.cpu_count()} cores")
    columns = ["seconds", "parse", "after", "resolve", "graph", "exports", "peak", "all"]
    print("| checkout | " + " | ".join(columns) + " |")
    print("| --- |" + " --- |" * len(columns))
    medians = {}
    for name, found in runs.items():
        medians[name] = {c: statistics.median(float(r[c]) for r in found) for c in columns}  # type: ignore[arg-type]
        units = [" GB" if c in {"peak", "all"} else " s" for c in columns]
        cells = [f"{medians[name][c]:.2f}{unit}" for c, unit in zip(columns, units, strict=True)]
        print(f"| {name} | " + " | ".join(cells) + " |")
    if args.against:
        for column in ("seconds", "after"):
            ratio = medians["other"][column] / medians["this"][column]
            print(f"\n{column}, other / this: {ratio:.2f}x", end="")
        print()
        same = all(r["files"] == runs["this"][0]["files"] for rs in runs.values() for r in rs)
        print("same files in every run:", "yes" if same else "NO")


if __name__ == "__main__":
    main()
