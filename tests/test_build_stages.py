"""Each long stage of a build reports its counts (issue 15: a progress bar per stage),
and a fresh build lets its resolved corpus go once the records are written, before the
views are drawn: the views reuse its memory instead of adding theirs to it (issue 15:
the peak after the parse of 5,000 articles 0.10 GB lower)."""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import pytest

import graphkit
import graphkit.export.html.views as views_module
import graphkit.pipeline as pipeline
import graphkit.rdf.spill_corpus as spill_corpus
from graphkit.types import Corpus

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


@pytest.mark.parametrize("apart", [False, True], ids=["one process", "claims' copy"])
def test_the_corpus_is_gone_when_the_views_are_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, apart: bool
) -> None:
    if apart:  # the records written by the copy of the build's process
        monkeypatch.setattr(spill_corpus, "CLAIMS_APART", 0)
    seen: list[weakref.ref[Corpus]] = []
    alive_at_views: list[bool] = []
    export = pipeline._export
    write_views = views_module.write_views

    def watched_export(owned: list[Corpus], *args: Any) -> Any:
        seen.append(weakref.ref(owned[0]))
        return export(owned, *args)

    def watched_views(*args: Any, **kwargs: Any) -> Any:
        alive_at_views.append(seen[0]() is not None)
        return write_views(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_export", watched_export)
    monkeypatch.setattr(views_module, "write_views", watched_views)
    result = graphkit.build(texts=TEXTS, out=tmp_path)
    assert alive_at_views == [False]
    assert (tmp_path / "graph.html").is_file() and (tmp_path / "assertions.jsonl").is_file()
    assert result.counted is not None and result.counted.assertions > 0
