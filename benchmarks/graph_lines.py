"""The graph's lines: how long ``build_lines`` takes, this checkout against another.

Each run is a new process that loads a pickled resolved corpus and times one call of
:func:`graphkit.rdf.build.build_lines` (as a build makes one, with its caches cold).
With ``--against``, runs of the two checkouts alternate, and the medians, their ratio
and whether the two made the same lines are printed. Without a corpus, the synthetic
one of ``graph_scale.py`` (about a million triples) is used. Nothing is asserted.

    python benchmarks/graph_lines.py --corpus c200.pkl --against ../main --runs 7

A corpus to time: ``pickle.dump(graphkit.pipeline.analyze([...]), open(path, "wb"))``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import pickle
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def _child(corpus_path: str | None) -> None:
    """One timed run, in the checkout on ``PYTHONPATH``; prints a JSON object."""
    from graphkit.rdf.build import build_lines

    if corpus_path:
        with open(corpus_path, "rb") as handle:
            corpus = pickle.load(handle)
    else:
        sys.path.insert(0, str(HERE.parent))
        from graph_scale import synthetic_corpus

        corpus = synthetic_corpus(26000)
    started = time.perf_counter()
    lines = build_lines(corpus)
    seconds = time.perf_counter() - started
    digest = hashlib.sha256("\n".join(lines).encode("utf-8", "surrogatepass")).hexdigest()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # the corpus's too
    print(json.dumps({"seconds": seconds, "lines": len(lines), "sha256": digest, "peak": peak}))


def _run(checkout: Path, corpus: str | None) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [sys.executable, str(HERE), "--child", *(["--corpus", corpus] if corpus else [])]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", help="a pickled resolved Corpus (default: synthetic)")
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--runs", type=int, default=5, help="runs of each checkout")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.corpus)
        return
    checkouts = {"this": HERE.parents[1]}
    if args.against is not None:
        checkouts["other"] = args.against.resolve()
    times: dict[str, list[float]] = {name: [] for name in checkouts}
    digests: dict[str, set[object]] = {name: set() for name in checkouts}
    for run in range(args.runs):
        for name, checkout in checkouts.items():
            result = _run(checkout, args.corpus)
            times[name].append(float(str(result["seconds"])))
            digests[name].add(result["sha256"])
            print(f"run {run + 1} {name}: {result['seconds']:.2f} s, {result['lines']:,} lines, "
                  f"peak {result['peak']:,.0f} MB", flush=True)  # fmt: skip
    medians = {name: statistics.median(found) for name, found in times.items()}
    for name, checkout in checkouts.items():
        print(f"{name} ({checkout}): median {medians[name]:.2f} s "
              f"(min {min(times[name]):.2f}, max {max(times[name]):.2f})")  # fmt: skip
    if "other" in medians:
        same = digests["this"] == digests["other"] and len(digests["this"]) == 1
        print(f"this / other: {medians['this'] / medians['other']:.2f}; same lines: {same}")


if __name__ == "__main__":
    main()
