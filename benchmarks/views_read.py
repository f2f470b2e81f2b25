"""The views' reading of the graph (``GraphData.read``, then the whole view's data made
from it), before and after, in one run.

    PYTHONPATH=$PWD python benchmarks/views_read.py FOLDER [--before main] [--repeat 3]
    PYTHONPATH=$PWD python benchmarks/views_read.py FOLDER --kept [--before main]
    PYTHONPATH=$PWD python benchmarks/views_read.py FOLDER --write OUT

FOLDER is a build's export folder (``graphkit build ... --out FOLDER``): its
``graph.ttl`` is read back into the build's sorted N-Triples lines and a store made
from them as a build makes it (:func:`graphkit.rdf.triples.store_of`). The "before"
code is ``graphkit/export/html/data.py``, ``graphkit/rdf/reader.py`` and the views'
modules they use as they are at the git revision ``--before``, loaded as modules beside
the working tree's; both read
the same store (with ``--kept``: the columns the build kept with its graph, as a
grown build's views load them), alternating, ``--repeat`` times each (CPU and wall seconds, the best
of the runs), and their records are checked equal. ``--write OUT`` instead writes the
HTML views (:func:`graphkit.export.html.views.write_views`) of the store into OUT
with the working tree's code, to compare with FOLDER's (``diff -r``).

Every figure is printed; nothing is asserted but the equality of the records.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

import pyoxigraph as ox

from graphkit.collector import collector_paused
from graphkit.export.html import data as after
from graphkit.files import ExportSet
from graphkit.rdf.columns_cache import load_cached_columns
from graphkit.rdf.triples import store_of

ROOT = Path(__file__).resolve().parent.parent


def build_lines(folder: Path) -> tuple[str, ...]:
    """The build's sorted N-Triples lines, read back from its Turtle file (Oxigraph
    writes a literal as the build does: see :mod:`graphkit.rdf.triples`)."""
    triples = ox.parse(path=str(folder / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    written = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return tuple(sorted(set(written.decode("utf-8").splitlines())))


def title(folder: Path) -> str:
    """The build's title, as :func:`graphkit.pipeline._title` makes it."""
    lines = (folder / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    articles = [json.loads(line) for line in lines if line.strip()]
    if len(articles) == 1 and articles[0].get("title"):
        return f"graphkit: {articles[0]['title']}"
    return f"graphkit: {len(articles)} articles"


def _module(name: str, source: str) -> ModuleType:
    spec = importlib.util.spec_from_loader(name, loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    exec(compile(source, f"<{name}>", "exec"), module.__dict__)
    return module


# the modules the views' read and data go through, in the order they import each other:
# each is loaded as it is at the revision, importing the others as they are there too
_VIEWS_MODULES = ("rdf/reader", "export/html/big", "export/html/speech", "export/html/model",
                  "export/html/data")  # fmt: skip


def before(revision: str) -> ModuleType:
    """``data.py`` at ``revision``, with that revision's reader and the views' modules it
    reads and draws with (:data:`_VIEWS_MODULES`)."""

    def show(path: str) -> str:
        return subprocess.run(
            ["git", "show", f"{revision}:{path}"], cwd=ROOT, check=True, capture_output=True,
            text=True,
        ).stdout  # fmt: skip

    module = None
    for path in _VIEWS_MODULES:
        source = show(f"graphkit/{path}.py")
        for other in _VIEWS_MODULES:  # a dotted name never ends where a longer one goes on
            dotted = "graphkit." + other.replace("/", ".")
            source = source.replace(dotted + " ", f"_before_{other.split('/')[-1]} ")
        module = _module(f"_before_{path.split('/')[-1]}", source)
    assert module is not None
    return module


def plain(read: Any) -> Any:
    """A GraphData as plain values, to compare two modules' records."""
    return {f.name: _plain(getattr(read, f.name)) for f in dataclasses.fields(read)}


def _plain(value: Any) -> Any:
    if hasattr(value, "_key"):  # a Statement: its fields and source, not the columns
        return (type(value).__name__, _plain(value._key()))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value).__name__, dataclasses.astuple(value))
    if isinstance(value, Mapping):  # a dict, or the entities made as they are read
        return [(k, _plain(v)) for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def timed(module: Any, store: Any) -> tuple[float, float, Any]:
    """The read and the whole view's data made from it (what is read lazily is read
    there, so neither way's work is left out)."""
    wall, cpu = time.perf_counter(), time.process_time()
    with collector_paused():  # as the views read and draw (graphkit/export/html/views.py)
        read = module.GraphData.read(store)
        module.generate_view_data(store, read=read)
    return time.perf_counter() - wall, time.process_time() - cpu, read


def compare(folder: Path, revision: str, repeat: int, kept: bool) -> None:
    if kept:  # the columns the build kept with its graph, as a grown build loads them
        store: Any = load_cached_columns(folder, after.VIEW_PREDICATES)
        if store is None:
            sys.exit(f"{folder}: no columns kept with its graph")
        print(f"{folder}: its kept columns")
    else:
        lines = build_lines(folder)
        store = store_of(lines)
        print(f"{folder}: {len(lines):,} triples")
    old = before(revision)
    best: dict[str, list[float]] = {"before": [1e9, 1e9], "after": [1e9, 1e9]}
    reads: dict[str, Any] = {}
    for _ in range(repeat):
        for name, module in (("before", old), ("after", after)):
            wall, cpu, reads[name] = timed(module, store)
            best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]
    same = plain(reads["before"]) == plain(reads["after"])
    for name, (wall, cpu) in best.items():
        which = revision if name == "before" else "tree"
        print(f"GraphData.read and view data {name:6} ({which}): "
              f"{wall:.3f} s wall, {cpu:.3f} s CPU (best of {repeat})")  # fmt: skip
    print(f"speed-up (CPU): {best['before'][1] / best['after'][1]:.1f}x; records equal: {same}")
    if not same:
        sys.exit(1)


def write(folder: Path, out: Path) -> None:
    from graphkit.export.html.views import write_views

    exports = ExportSet(out)
    written = write_views(store_of(build_lines(folder)), exports, title(folder))
    exports.commit()
    print(f"wrote {len(written)} files into {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a build's export folder")
    parser.add_argument("--before", default="main", help="the git revision to compare with")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path, help="write the views into this folder instead")
    parser.add_argument(
        "--kept", action="store_true", help="read the columns kept with the graph, not a store"
    )
    args = parser.parse_args()
    if args.write is not None:
        write(args.folder, args.write)
    else:
        compare(args.folder, args.before, args.repeat, args.kept)


if __name__ == "__main__":
    main()
