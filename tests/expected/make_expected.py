"""Write the expected view data and stats of ``seed.ttl`` and ``data.ttl`` (the graphs
of ``graphkit build seeds/`` and ``graphkit build tests/data``), which
``tests/test_views_store.py`` compares the views and stats against.

They were written by the rdflib-based views (before issue 15 moved them to a
pyoxigraph store) and checked by eye; run this again only on purpose, when a change
to the views' data is meant: ``python tests/expected/make_expected.py``.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
GRAPHS = ("seed", "data")


def _graph(path: Path) -> Any:
    from graphkit.rdf import io

    if hasattr(io, "store_of"):  # the views read a pyoxigraph store
        return io.load_store(path)
    return io.load_graph(path)  # the rdflib views, which wrote the files first


def expected(path: Path) -> dict[str, Any]:
    """What the views and stats make of the graph file at ``path``."""
    from graphkit.analysis.stats import generate_stats
    from graphkit.export.html.data import GraphData, generate_view_data
    from graphkit.export.html.views import actors, top_actors

    graph = _graph(path)
    read = GraphData.read(graph)
    top = top_actors(graph, read=read)
    return {
        "actors": [dataclasses.asdict(a) for a in actors(graph, read)],
        "top": [a.iri for a in top],
        "whole": generate_view_data(graph, read=read),
        "sure": generate_view_data(graph, min_confidence=0.8, read=read),
        "first, 2 hops": generate_view_data(graph, top[0].iri, hops=2, read=read),
        "stats": dataclasses.asdict(generate_stats(graph)),
    }


def main() -> int:
    for name in GRAPHS:
        found = expected(HERE / f"{name}.ttl")
        text = json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        (HERE / f"{name}.expected.json").write_text(text, encoding="utf-8")
        print(f"{name}: {len(found['whole']['nodes'])} nodes, {len(text) / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
