"""Input robustness of extraction (issue 11): no article stops a build, work is bounded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc
from typer.testing import CliRunner

import graphkit
from graphkit.cli import app
from graphkit.types import Article, DocumentAnalysis


@pytest.mark.parametrize(("opening", "closing"), [('"', ""), ("“", ""), ("«", "")])
def test_unclosed_quote_as_last_sentence(opening: str, closing: str) -> None:
    text = f"Putin met Biden in Geneva. Putin said {opening}the talks failed.{closing}"
    assertions = graphkit.extract(texts=[text])
    assert any(a.subject.text == "Putin" and a.relation.lemma == "meet" for a in assertions)
    for a in assertions:
        assert text[a.subject.start : a.subject.end] == a.subject.text


def test_unclosed_quote_mid_text_keeps_its_speaker() -> None:
    text = 'Putin said "the talks failed.\n\nBiden met Macron in Paris.'
    assertions = graphkit.extract(texts=[text])
    met = [a for a in assertions if a.relation.lemma == "meet"]
    assert met and all(a.attribution is None for a in met)


GOOD_ONE = "Russia expects talks with the United States. The Kremlin rejected the proposal."
GOOD_TWO = "China warned Taiwan against new arms purchases on Tuesday."
DOOMED = 'Biden withdrew from the race. Putin said "the talks failed.'


def test_a_failing_article_is_left_out_and_the_rest_is_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import graphkit.extractor

    real = graphkit.extractor.analyze_doc

    def flaky(doc: Doc, article: Article, *args: int) -> DocumentAnalysis:
        if "Biden" in article.text:
            raise IndexError("[E040] Attempt to access token at 11, max length 11.")
        return real(doc, article, *args)

    monkeypatch.setattr(graphkit.extractor, "analyze_doc", flaky)
    folder = tmp_path / "news"
    folder.mkdir()
    for name, text in (("a.txt", GOOD_ONE), ("b.txt", DOOMED), ("c.txt", GOOD_TWO)):
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "exports"
    result = CliRunner().invoke(app, ["build", str(folder), "--out", str(out)])
    assert result.exit_code == 1, result.output
    bad = str(folder / "b.txt")
    assert f"{bad}: article 'b' left out: its extraction failed (IndexError: [E040]" in " ".join(
        result.stderr.split()
    )
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    status = {entry["input"]: entry for entry in report["inputs"]}
    assert status[bad]["status"] == "failed" and status[bad]["articles"] == 0
    [problem] = status[bad]["problems"]
    assert "Traceback" in problem["detail"] and "flaky" in problem["detail"]
    for name in ("a.txt", "c.txt"):
        entry = status[str(folder / name)]
        assert entry["status"] == "ok" and entry["articles"] == 1 and entry["assertions"] > 0
        assert "detail" not in str(entry)
    docs = {json.loads(line)["doc"] for line in (out / "assertions.jsonl").open()}
    assert docs == {"a", "c"}


def test_the_unclosed_quote_among_good_articles_builds_them_all() -> None:
    corpus = graphkit.analyze(texts=[GOOD_ONE, DOOMED, GOOD_TWO])
    assert len(corpus.articles) == 3 and not corpus.problems
