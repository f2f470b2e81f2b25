"""Pathological inputs: time and peak memory of reading, parsing and extracting them.

Cases: a single repetitive line (one word repeated, no sentence end) of 10k, 100k
and 1M characters, and a long article (the seed article's paragraphs repeated) of
2 MB and 50 MB. Each case is a file that ``graphkit.analyze`` reads, parses,
extracts and resolves, in a child process of its own, so the peak resident memory
(``ru_maxrss``, which includes the loaded spaCy model) is that case's alone.
Nothing is asserted: the figures are printed as a table; a case that passes
``--timeout`` is stopped and shown as ``>N s``, with the peak memory seen so far.
The 50 MB article is over the per-article size budget
(:data:`graphkit.ingest_chunks.MAX_ARTICLE_CHARS`, 2,000,000 characters): it is
read whole, but only its first 2 MB are parsed and extracted, with a warning.

    python benchmarks/pathological.py                    # all five cases (~10 min)
    python benchmarks/pathological.py --cases line-10k,line-100k,article-2MB
    python benchmarks/pathological.py --pattern "a, "    # another repetitive line
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = {  # name -> (kind, characters)
    "line-10k": ("line", 10_000),
    "line-100k": ("line", 100_000),
    "line-1M": ("line", 1_000_000),
    "article-2MB": ("article", 2_000_000),
    "article-10MB": ("article", 10_000_000),  # not run by default
    "article-50MB": ("article", 50_000_000),
}
DEFAULT_CASES = "line-10k,line-100k,line-1M,article-2MB,article-50MB"
CHILD = """
import json, resource, sys, time
import graphkit
from graphkit.nlp import DEFAULT_MODEL, load_pipeline
started = time.perf_counter()
load_pipeline(DEFAULT_MODEL)  # as graphkit.analyze calls it, so it is loaded once
loaded = time.perf_counter()
usage = resource.getrusage(resource.RUSAGE_SELF)
model_kb, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
corpus = graphkit.analyze([sys.argv[1]])
done = time.perf_counter()
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({
    "load": loaded - started, "seconds": done - loaded,
    "cpu": usage.ru_utime + usage.ru_stime - cpu,
    "model_mb": model_kb / 1024,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "articles": len(corpus.articles), "assertions": len(corpus.assertions),
    "warnings": sum(p.warning for p in corpus.problems),
    "errors": sum(not p.warning for p in corpus.problems),
}))
"""


def write_case(folder: Path, name: str, pattern: str) -> Path:
    """The input file of a case, written in blocks (the 50 MB one is never one string)."""
    kind, size = CASES[name]
    path = folder / f"{name}.txt"
    if kind == "line":
        block = pattern * (size // len(pattern) + 1)
        path.write_text(block[:size], encoding="utf-8")
        return path
    seed = next((ROOT / "seeds").glob("*.txt")).read_text(encoding="utf-8").strip()
    paragraph = seed + "\n\n"
    written = 0
    with path.open("w", encoding="utf-8") as file:
        while written < size:
            part = paragraph[: size - written]
            file.write(part)
            written += len(part.encode("utf-8"))
    return path


def run_case(path: Path, timeout: float) -> tuple[dict[str, float] | None, float]:
    """The child's figures (None when it ran past ``timeout`` or failed) and the
    peak resident memory seen from outside (``VmHWM``), in MB, which stands even
    for a child that was stopped."""
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    started, peak = time.perf_counter(), 0.0
    while child.poll() is None and time.perf_counter() - started < timeout:
        peak = max(peak, _high_water_mb(child.pid))
        time.sleep(0.5)
    if child.poll() is None:
        child.kill()
        child.wait()
        return None, peak
    stdout, stderr = child.communicate()
    if child.returncode != 0:
        print(stderr[-2000:], file=sys.stderr)
        return None, peak
    figures = json.loads(stdout.strip().splitlines()[-1])
    return figures, max(peak, figures["peak_mb"])


def _high_water_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(found.group(1)) / 1024 if found else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=DEFAULT_CASES, help=f"Of {', '.join(CASES)}.")
    parser.add_argument("--pattern", default="word ", help="What the repetitive line repeats.")
    parser.add_argument("--timeout", type=float, default=3600.0, help="Seconds per case.")
    options = parser.parse_args()
    names = [n.strip() for n in options.cases.split(",") if n.strip()]
    header = (
        f"{'case':<14} {'chars':>12} {'seconds':>9} {'cpu s':>8} {'cpu s/MB':>8} {'peak MB':>8} "
        f"{'model MB':>8} {'articles':>8} {'assertions':>10} {'warnings':>8} {'errors':>6}"
    )
    print(
        f"pattern {options.pattern!r}; seconds (wall) and cpu s (user + system) exclude the "
        f"model load; peak MB is the child's peak resident memory, model included\n{header}",
        flush=True,
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            path = write_case(Path(tmp), name, options.pattern)
            size = path.stat().st_size
            started = time.perf_counter()
            figures, peak = run_case(path, options.timeout)
            path.unlink()
            if figures is None:
                wall = time.perf_counter() - started
                print(
                    f"{name:<14} {size:>12,} {'>' + format(wall, '.0f'):>9} {'':>8} {'':>8} "
                    f"{peak:>8.0f}  (stopped at --timeout, or failed: peak so far)",
                    flush=True,
                )
                continue
            per_mb = figures["cpu"] / (size / 1_000_000)
            print(
                f"{name:<14} {size:>12,} {figures['seconds']:>9.1f} {figures['cpu']:>8.1f} "
                f"{per_mb:>8.1f} "
                f"{peak:>8.0f} {figures['model_mb']:>8.0f} "
                f"{figures['articles']:>8.0f} {figures['assertions']:>10,.0f} "
                f"{figures['warnings']:>8.0f} {figures['errors']:>6.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
