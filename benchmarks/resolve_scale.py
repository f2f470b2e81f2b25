"""Resolution and event coding at scale (issue 15): seconds per 100 articles.

    python benchmarks/resolve_scale.py [--sizes 200,1000,2000] [--against caefc78]

The articles are those of ``benchmarks/scale.py`` (CaRB dev sentences and the seed's,
25 to an article). They are parsed once, the largest size only (the first N articles
of a corpus are the corpus of N), and the ``DocumentAnalysis`` list is pickled in
``--cache`` (``--fresh`` parses again): only what follows the parse is measured.

For each size it prints the seconds of ``resolve_entities`` and of ``code_corpus``
and the same per 100 articles, which stays flat when a stage grows linearly. With
``--against REV`` the same runs, in the same way, on the graphkit of that git
revision (exported to a temporary folder by ``git archive``), alternating with this
tree's, so the before and after figures are side by side in one run on one machine.

``--no-gc`` turns the cyclic garbage collector off in the measured processes: what
is left of a growth per article is then the code's, not the collector walking a heap
that holds the whole corpus. ``--persons`` times ``Resolver.merge_short_names`` alone
on synthetic drafts: that many two-word person names and one one-word name in 50,
half of them ending a person's name.

Every figure is printed; nothing is asserted. Each side runs in its own process.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from scale import CARB, corpus, sentence_pool  # noqa: E402

# Runs in a child process whose PYTHONPATH is the graphkit measured; prints JSON.
CHILD = r"""
import gc, json, pickle, random, sys, time
from graphkit.events import code_corpus, load_event_dictionary
from graphkit.resolve.aliases import load_aliases
from graphkit.resolve.classify import country_of_words
from graphkit.resolve.drafts import Draft
from graphkit.resolve.resolver import Resolver, resolve_entities
from graphkit.types import DocumentAnalysis

cache, sizes, persons = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
if sys.argv[4] == "off":
    gc.disable()
book, events = load_aliases(None), load_event_dictionary(None)
out = {}
if sizes:
    with open(cache, "rb") as handle:
        analyses = [a for a in pickle.load(handle) if isinstance(a, DocumentAnalysis)]
    resolve_entities(analyses[:20], book)  # the gazetteers and name lists, loaded once
    for size in sizes:
        started = time.perf_counter()
        resolved = resolve_entities(analyses[:size], book)
        middle = time.perf_counter()
        code_corpus(resolved, events, codes=book.codes(), place=lambda w: country_of_words([w]))
        out[f"resolve {size}"] = middle - started
        out[f"code {size}"] = time.perf_counter() - middle
syllables = "ka ri mo ta le su vi no ra de po lu mi sa to ne ba gi ze ho".split()
for count in persons:
    pick = random.Random(count)
    word = lambda: "".join(pick.choice(syllables) for _ in range(3)).title()
    resolver = Resolver(book)
    families = []
    for number in range(count):
        family = word()
        families.append(family)
        label = f"{word()} {family}"
        resolver.drafts.drafts[f"p{number}"] = Draft(f"p{number}", "Person", label)
    for number in range(count // 50):  # one in two ends a person's name
        label = pick.choice(families) if number % 2 else word()
        resolver.drafts.drafts[f"s{number}"] = Draft(f"s{number}", "Person", label)
    started = time.perf_counter()
    resolver.merge_short_names([])
    out[f"merge_short_names {count}"] = time.perf_counter() - started
print(json.dumps(out))
"""


def analyses_file(args: argparse.Namespace, size: int) -> Path:
    """The pickled analyses of the first ``size`` articles, parsed if not cached."""
    from graphkit.nlp import analyze_articles
    from graphkit.options import AnalysisOptions
    from graphkit.pipeline import collect_articles
    from graphkit.types import Article

    cached = sorted(args.cache.glob("analyses-*.pickle"), key=lambda p: int(p.stem[9:]))
    for path in [] if args.fresh else cached:
        if int(path.stem[9:]) >= size:  # a larger corpus begins with the smaller one
            return path
    path = args.cache / f"analyses-{size}.pickle"
    records = corpus(sentence_pool(args.data), size)
    articles, _ = collect_articles(
        [Article(r["id"], r["text"], title=r["title"], published=r["published"]) for r in records]
    )
    started = time.perf_counter()
    found = list(analyze_articles(articles, AnalysisOptions(n_process=args.processes)))
    print(f"parsed {size} articles in {time.perf_counter() - started:.0f} s", flush=True)
    args.cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(found))
    return path


def exported(revision: str, folder: Path) -> Path:
    """The ``graphkit`` package of ``revision``, written under ``folder``."""
    archive = folder / "graphkit.tar"
    with archive.open("wb") as handle:
        subprocess.run(["git", "archive", revision, "graphkit"], cwd=ROOT, stdout=handle,
                       check=True)  # fmt: skip
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return folder


def measure(
    tree: Path, cache: Path, sizes: list[int], persons: list[int], gc: bool
) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-c", CHILD, str(cache), json.dumps(sizes), json.dumps(persons),
               "on" if gc else "off"]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tree)
    if done.returncode:
        raise SystemExit(f"{tree}: the measurement failed:\n{done.stderr[-3000:]}")
    return dict(json.loads(done.stdout.splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,2000", help="comma-separated corpus sizes")
    parser.add_argument("--persons", default="2000,16000", help="merge_short_names: persons")
    parser.add_argument("--against", metavar="REV", help="also measure graphkit at this revision")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each side (best kept)")
    parser.add_argument("--data", type=Path, default=CARB)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "gk-scale")
    parser.add_argument("--fresh", action="store_true", help="parse again, even if cached")
    parser.add_argument("--processes", type=int, default=2, help="processes of the parse")
    parser.add_argument(
        "--gc",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="--no-gc: the cyclic garbage collector off while measuring",
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    persons = [int(s) for s in args.persons.split(",") if s]
    cache = analyses_file(args, max(sizes)) if sizes else Path()
    with tempfile.TemporaryDirectory() as tmp:
        sides = {"this tree": ROOT}
        if args.against:
            sides = {args.against: exported(args.against, Path(tmp)), **sides}
        best: dict[str, dict[str, float]] = {side: {} for side in sides}
        for _ in range(args.repeat):
            for side, tree in sides.items():  # alternating: the machine's load is shared
                for name, seconds in measure(tree, cache, sizes, persons, args.gc).items():
                    best[side][name] = min(seconds, best[side].get(name, seconds))
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; best of "
          f"{args.repeat}; seconds (per 100 articles)")  # fmt: skip
    names = list(best["this tree"])
    print("| | " + " | ".join(sides) + (" | before / after |" if len(sides) > 1 else " |"))
    print("| --- " * (len(sides) + 1 + (len(sides) > 1)) + "|")
    for name in names:
        per = int(name.split()[-1]) / 100 if not name.startswith("merge") else None
        cells = [f"{best[s][name]:.2f}" + (f" ({best[s][name] / per:.2f})" if per else "")
                 for s in sides]  # fmt: skip
        if len(sides) > 1:
            first, last = (best[s][name] for s in sides)
            cells.append(f"{first / last:.1f}x")
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
