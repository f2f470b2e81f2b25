"""Scale (issue 15): graphkit build on corpora of 200, 1,000 (and 5,000) articles.

    python benchmarks/scale.py sizes [--sizes 200,1000] [--processes 1]
    python benchmarks/scale.py processes [--size 200]
    python benchmarks/scale.py into [--sizes 40,200,1000] [--repeat 2] [--against DIR]

The articles are made from the CaRB dev sentences (read from
``../shared/benchmarks/carb/dev.txt``, never copied here) and the seed article's
sentences: each article is 25 sentences drawn with its own seed, in paragraphs of
three, so every article is distinct (checked) and reads like a wire story's length
(~555 words).

``sizes`` prints, for each corpus size: the build's wall time, articles/s, the ratio
to bare ``nlp.pipe`` on the same texts in the same run (both as whole processes:
Python, the model, the work), the peak RSS of each, the time of ``--into`` with 10
new articles against that base, the CPU seconds of the bare parse and of the build
(every process of each; when both keep every core busy, their ratio is the highest
the wall-clock ratio can reach on this machine), and the latency of shipped queries through
``graphkit query`` on the graph file, on the folder's on-disk store, and on the
served store (``graphkit serve``), plus the bare HTTP round trip to the server.

``into`` measures ``--into`` of 10 new articles onto a base of each size, both ways:
growing the folder in place, and the merge that reads the whole corpus back and
writes every export again (``--into BASE --out OTHER``), alternating in one run; or,
with ``--against DIR``, growing it with this checkout and with another.

``processes`` measures the parse-and-extract stage with 1 and 2 processes against
bare ``nlp.pipe(n_process=1|2)``, alternating, in one run, with CPU seconds beside
wall seconds (on a shared machine the wall clock shows the neighbours' load).

Every figure is printed; nothing is asserted. Each measured run is a child process,
so its peak RSS is its own (``os.wait4``).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CARB = ROOT.parent / "shared" / "benchmarks" / "carb"
SENTENCES = 25
QUERY_TIMEOUT = 300  # seconds: a query of a 5,000-article graph may pass the default 30
NEW = 10  # articles added by --into
QUERIES = ("negated", "claims", "most-connected")
BARE = """
import sys, time, json, spacy
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
started = time.perf_counter()
nlp = spacy.load(sys.argv[2])
docs = sum(1 for _ in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[3])))
print(json.dumps({"docs": docs, "pipe_seconds": time.perf_counter() - started}))
"""


def sentence_pool(carb: Path) -> list[str]:
    """The CaRB dev sentences and the seed's sentences (its lines, split at '. ')."""
    pool = (carb / "dev.txt").read_text(encoding="utf-8").splitlines()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        for line in seed.read_text(encoding="utf-8").splitlines()[1:]:
            pool += [s if s.endswith(".") else s + "." for s in line.split(". ") if s.strip()]
    return [s.strip() for s in pool if s.strip()]


def corpus(pool: list[str], count: int, first: int = 0) -> list[dict[str, str]]:
    """``count`` distinct articles, numbered from ``first`` (each its own draw)."""
    records = []
    for number in range(first, first + count):
        drawn = random.Random(number).sample(pool, SENTENCES)
        paragraphs = [" ".join(drawn[i : i + 3]) for i in range(0, SENTENCES, 3)]
        records.append({"id": f"carb-{number:05d}", "title": f"Regrouped {number}",
                        "published": "2024-11-07", "text": "\n\n".join(paragraphs)})  # fmt: skip
    assert len({r["text"] for r in records}) == count, "two articles are the same"
    return records


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def corpora(
    args: argparse.Namespace, pool: list[str], work: Path
) -> Iterator[tuple[int, Path, Path]]:
    """For each of ``--sizes``: the size, the base corpus and its 10 new articles, as
    JSON Lines files in ``work``."""
    for size in (int(s) for s in args.sizes.split(",")):
        base = write_jsonl(work / f"base-{size}.jsonl", corpus(pool, size))
        yield size, base, write_jsonl(work / f"new-{size}.jsonl", corpus(pool, NEW, first=size))


def measured(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, float, str]:
    """Run ``command``: (wall seconds, its peak RSS in GB, its stdout)."""
    wall, rss, said, _ = run(command, env, cwd)
    return wall, rss, said


def run(
    command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, float, str, float]:
    """Run ``command`` (in ``cwd``): (wall seconds, its peak RSS in GB, its stdout, the
    CPU seconds of it and every process it waited for: its workers, its Turtle writer,
    ``sort``)."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        child = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=cwd)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        said = out.read().decode(errors="replace")
        if child.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{err.read().decode()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024**2, said, usage.ru_utime + usage.ru_stime


def graphkit(*args: str) -> list[str]:
    return [sys.executable, "-m", "graphkit", *args]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def query_latencies(out: Path) -> list[tuple[str, str]]:
    """Seconds of each shipped query through ``graphkit query`` (a new process: Python
    and graphkit's imports included) on the file, on the folder's store and on the
    served store; then the same in this process (``run_query_at``), where only the
    query and, for a file, its loading count."""
    from graphkit.errors import QueryError
    from graphkit.sparql.remote import run_query_at
    from graphkit.sparql.server import serving

    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    ensure, _, said = measured(graphkit("query", str(out), count, "--format", "csv"))
    rows = [("triples", f"{int(said.split()[-1]):,}"),
            ("make the on-disk store (first query of the folder)", f"{ensure:.2f} s")]  # fmt: skip
    with serving(out, port=free_port()) as served:
        for name in QUERIES:
            # a rich table of 10,000 rows costs more than the query; a big graph's
            # query may pass the default 30 s bound: reported, not fatal
            csv = ("--format", "csv", "--timeout", str(QUERY_TIMEOUT))
            timings = []
            for target in (out / "graph.ttl", out, served.query_url):
                try:
                    timings.append(f"{measured(graphkit('query', str(target), name, *csv))[0]:.2f}")
                except SystemExit:
                    timings.append(f"over {QUERY_TIMEOUT} s")
            try:
                found = str(len(run_query_at(served.query_url, name, timeout=QUERY_TIMEOUT).rows))
            except QueryError:
                found = "?"
            rows.append((f"graphkit query {name} ({found} rows): file / store / served",
                         " / ".join(timings) + " s"))  # fmt: skip
            here = []
            for target in (out / "graph.ttl", out, served.query_url):
                run = functools.partial(run_query_at, target, name, timeout=QUERY_TIMEOUT)
                try:
                    here.append(f"{_timed(run):.3f}")
                except QueryError:
                    here.append(f"over {QUERY_TIMEOUT}")
            rows.append((f"  in-process {name}: file / store / served", " / ".join(here) + " s"))
    return rows


def sizes(args: argparse.Namespace) -> None:
    from graphkit.options import DEFAULT_MODEL

    pool = sentence_pool(args.data)
    print(f"{len(pool)} sentences; {os.cpu_count()} cores; --processes {args.processes}; "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
    table = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for size, base, new in corpora(args, pool, work):
            out = work / f"out-{size}"
            bare, bare_rss, _, bare_cpu = run(
                [sys.executable, "-c", BARE, str(base), DEFAULT_MODEL, str(args.processes)]
            )
            build, build_rss, _, build_cpu = run(
                graphkit("build", str(base), "--out", str(out), "--processes", str(args.processes))
            )
            # grown in place, as a user grows it (a copy's files would be hashed again);
            # the queries then read the grown graph, 10 articles more
            into, into_rss, _ = measured(
                graphkit("build", str(new), "--into", str(out), "--processes", str(args.processes))
            )
            print(f"\n{size} articles (load average {os.getloadavg()[0]:.1f})", flush=True)
            rows = [
                ("bare nlp.pipe (process)", f"{bare:.1f} s, {size / bare:.2f} articles/s, "
                 f"peak {bare_rss:.2f} GB"),
                ("graphkit build (process)", f"{build:.1f} s, {size / build:.2f} articles/s, "
                 f"peak {build_rss:.2f} GB"),
                ("ratio (bare / build)", f"{bare / build:.2f}"),
                # with every core busy in both, the ratio is the CPU's: graphkit's own
                # work beside the parse's sets how far it can go on this machine
                ("CPU seconds, all processes: bare / build (their ratio)",
                 f"{bare_cpu:.1f} / {build_cpu:.1f} s ({bare_cpu / build_cpu:.2f})"),
                (f"--into {NEW} new articles", f"{into:.1f} s, peak {into_rss:.2f} GB"),
                ("graph.ttl", f"{(out / 'graph.ttl').stat().st_size / 1e6:.1f} MB"),
            ]  # fmt: skip
            for name, value in rows:  # the build's figures first: a query may fail
                print(f"  {name:<72} {value}", flush=True)
            for name, value in query_latencies(out) if args.queries else ():
                print(f"  {name:<72} {value}", flush=True)
            table.append((size, build, bare, build_rss, into))
            shutil.rmtree(out)
    print("\n| articles | build | bare nlp.pipe | ratio | peak RSS | --into 10 |")
    print("| --- | --- | --- | --- | --- | --- |")
    for size, build, bare, rss, into in table:
        print(f"| {size:,} | {build:.0f} s | {bare:.0f} s | {bare / build:.2f} | {rss:.2f} GB "
              f"| {into:.0f} s |")  # fmt: skip


def processes(args: argparse.Namespace) -> None:
    """Parse and extract with 1 and 2 processes against bare nlp.pipe, in one run."""
    import resource

    import spacy

    from graphkit.nlp import analyze_articles, load_pipeline
    from graphkit.options import DEFAULT_MODEL, AnalysisOptions
    from graphkit.types import Article

    records = corpus(sentence_pool(args.data), args.size)
    texts = [r["text"] for r in records]
    articles = [Article(r["id"], r["text"], title=r["title"]) for r in records]
    nlp = spacy.load(DEFAULT_MODEL)
    load_pipeline(DEFAULT_MODEL)  # loaded before, as for bare nlp.pipe: forked workers share it

    def cpu() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    runs = {
        "bare nlp.pipe, 1 process": lambda: list(nlp.pipe(texts, batch_size=32)),
        "bare nlp.pipe, 2 processes": lambda: list(nlp.pipe(texts, batch_size=32, n_process=2)),
        "graphkit parse+extract, 1 process": lambda: list(analyze_articles(articles)),
        "graphkit parse+extract, 2 processes": lambda: list(
            analyze_articles(articles, AnalysisOptions(n_process=2))
        ),
    }
    best: dict[str, tuple[float, float]] = {}
    print(f"{args.size} articles; {os.cpu_count()} cores; best of {args.repeat}, alternating")
    for _ in range(args.repeat):
        for name, run in runs.items():
            wall, used = time.perf_counter(), cpu()
            run()
            wall, used = time.perf_counter() - wall, cpu() - used
            print(f"  {name:<40} {wall:6.1f} s wall {used:6.1f} s CPU "
                  f"(load {os.getloadavg()[0]:.1f})", flush=True)  # fmt: skip
            if name not in best or wall < best[name][0]:
                best[name] = (wall, used)
    (b1, _), (b2, _) = best["bare nlp.pipe, 1 process"], best["bare nlp.pipe, 2 processes"]
    (g1, c1), (g2, c2) = (best["graphkit parse+extract, 1 process"],
                          best["graphkit parse+extract, 2 processes"])  # fmt: skip
    print(f"bare speed-up 2 vs 1: {b1 / b2:.2f}x; graphkit speed-up 2 vs 1: {g1 / g2:.2f}x; "
          f"graphkit 2 processes / bare 2 processes: {b2 / g2:.2f}; "
          f"CPU seconds 2 vs 1 processes: {c2 / c1:.2f}")  # fmt: skip
    if not args.builds:
        return
    with tempfile.TemporaryDirectory() as tmp:  # whole builds: everything after the parse too
        source = write_jsonl(Path(tmp) / "corpus.jsonl", records)
        walls = {}
        for count in (1, 2, 1, 2)[: 2 * args.repeat]:
            wall, rss, _ = measured(graphkit("build", str(source), "--out", f"{tmp}/out{count}",
                                             "--processes", str(count)))  # fmt: skip
            print(f"  graphkit build --processes {count:<14} {wall:6.1f} s wall, peak {rss:.2f} GB "
                  f"(load {os.getloadavg()[0]:.1f})", flush=True)  # fmt: skip
            walls[count] = min(wall, walls.get(count, wall))
        print(f"whole build speed-up 2 vs 1 processes: {walls[1] / walls[2]:.2f}x")


def into(args: argparse.Namespace) -> None:
    """``--into`` of 10 new articles onto bases of each size, alternating, in one run:
    growing the folder in place against the merge that reads everything back
    (``--into BASE --out OTHER``, what every ``--into`` did before), or, with
    ``--against CHECKOUT``, growing it with this checkout and with that one. A grown
    folder is a copy of the base grown first by 10 other articles, untimed: a copied
    folder's files are hashed again (their status is not the one their commit noted),
    a folder a build wrote, as a user grows it, is not."""
    pool = sentence_pool(args.data)
    against = Path(args.against).resolve() if args.against else None
    ways = ("this", "against") if against else ("grown", "merged")
    print(f"{os.cpu_count()} cores; --processes {args.processes}; {NEW} new articles; "
          f"best of {args.repeat}, alternating; load average {os.getloadavg()[0]:.1f}"
          + (f"; against {against}" if against else ""), flush=True)  # fmt: skip
    table = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bases = Path(args.bases).resolve() if args.bases else work
        for size, base_input, new in corpora(args, pool, work):
            base, built = bases / f"base-{size}", 0.0
            if not (base / "manifest.json").is_file():
                built, _, _ = measured(graphkit("build", str(base_input), "--out", str(base),
                                                "--processes", str(args.processes)))  # fmt: skip
            first = write_jsonl(work / "first.jsonl", corpus(pool, NEW, first=size + NEW))
            best: dict[str, tuple[float, float]] = {}
            for _ in range(args.repeat):
                for way in ways:
                    target = work / way
                    shutil.rmtree(target, ignore_errors=True)
                    env, cwd = None, None
                    if way == "against" and against is not None:
                        # run in that checkout: ``python -m`` puts the current folder
                        # first on the path, before PYTHONPATH (this checkout's, else)
                        env, cwd = {**os.environ, "PYTHONPATH": str(against)}, against
                    if way != "merged":
                        shutil.copytree(base, target)
                        measured(graphkit("build", str(first), "--into", str(target)), env, cwd)
                        command = graphkit("build", str(new), "--into", str(target))
                    else:
                        command = graphkit("build", str(new), "--into", str(base), "--out",
                                           str(target))  # fmt: skip
                    wall, rss, _ = measured(
                        [*command, "--processes", str(args.processes)], env, cwd
                    )
                    print(f"  {size:>6,} articles, {way:<7} {wall:6.1f} s, peak {rss:.2f} GB "
                          f"(load {os.getloadavg()[0]:.1f})", flush=True)  # fmt: skip
                    if way not in best or wall < best[way][0]:
                        best[way] = (wall, rss)
            table.append((size, built, best[ways[0]], best[ways[1]]))
            if not args.bases:
                shutil.rmtree(base)
    print(
        f"\n| base articles | base build | --into {NEW}, {ways[0]} | peak | --into {NEW}, "
        f"{ways[1]} | peak | {ways[1]} / {ways[0]} |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for size, built, (one, one_rss), (other, other_rss) in table:
        print(f"| {size:,} | {built:.0f} s | {one:.1f} s | {one_rss:.2f} GB | {other:.1f} s "
              f"| {other_rss:.2f} GB | {other / one:.2f}x |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("sizes", "processes", "into"), nargs="?", default="sizes")
    parser.add_argument("--data", type=Path, default=CARB)
    parser.add_argument("--sizes", default="200,1000", help="comma-separated corpus sizes")
    parser.add_argument("--processes", type=int, default=1, help="--processes of every build")
    parser.add_argument("--size", type=int, default=200, help="corpus of the processes mode")
    parser.add_argument(
        "--repeat", type=int, default=2, help="runs of the processes and into modes"
    )
    parser.add_argument("--against", help="into mode: another checkout, grown the same way")
    parser.add_argument(
        "--bases", help="into mode: a folder for the base builds, kept (base-SIZE/, reused)"
    )
    parser.add_argument(
        "--builds",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="processes mode: also whole builds with 1 and 2 processes",
    )
    parser.add_argument(
        "--queries",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="sizes mode: also the latency of the shipped queries",
    )
    args = parser.parse_args()
    if not (args.data / "dev.txt").is_file():
        raise SystemExit(f"{args.data / 'dev.txt'}: the CaRB sentences are not there (--data)")
    {"sizes": sizes, "processes": processes, "into": into}[args.mode](args)


if __name__ == "__main__":
    main()
