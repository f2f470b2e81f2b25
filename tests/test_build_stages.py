"""Each long stage of a build reports its counts (issue 15: a progress bar per stage)."""

from __future__ import annotations

from pathlib import Path

import graphkit

TEXTS = [
    "Norway imposed sanctions on the shipping firm on Monday. The firm denied the charges.",
    "Chile and Peru signed a fishing accord. Peru did not sign the second protocol.",
]


def test_every_stage_reports_its_counts_in_order(tmp_path: Path) -> None:
    heard: list[tuple[str, int, int]] = []
    result = graphkit.build(
        texts=TEXTS,
        out=tmp_path,
        stages=lambda stage, done, total: heard.append((stage, done, total)),
    )
    order = [stage for stage, _, _ in heard]
    firsts = sorted(set(order), key=order.index)
    assert firsts == ["parse", "resolve", "graph", "exports"]
    last = {stage: (done, total) for stage, done, total in heard}
    assert last["parse"] == (2, 2)
    assert last["resolve"] == (2, 2)
    assert last["graph"] == (len(result.lines), len(result.lines)) and result.lines
    done, total = last["exports"]
    assert done == total == 5  # the lines, turtle, assertions, the records, html
    assert [d for s, d, _ in heard if s == "parse"] == [1, 2]


def test_the_graph_lines_are_the_graph(tmp_path: Path) -> None:
    """BuildResult.graph (rdflib, made on demand) holds exactly the build's lines."""
    result = graphkit.build(texts=TEXTS[:1], out=tmp_path)
    assert len(result.graph) == len(result.lines) == len(set(result.lines))
    assert list(result.lines) == sorted(result.lines)
    written = (tmp_path / "graph.ttl").read_text(encoding="utf-8")
    from rdflib import Graph
    from rdflib.compare import isomorphic

    assert isomorphic(Graph().parse(data=written, format="turtle"), result.graph)
