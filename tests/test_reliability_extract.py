"""Input robustness of extraction (issue 11): no article stops a build, work is bounded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from typer.testing import CliRunner

import graphkit
from graphkit.cli import app
from graphkit.nlp import analyze_articles, load_pipeline
from graphkit.nlp.pieces import (
    CHUNK_CHARS,
    CHUNK_TOKENS,
    MAX_RUN,
    MAX_SENTENCE_TOKENS,
    split_text,
)
from graphkit.options import AnalysisOptions
from graphkit.types import Article, Assertion, DocumentAnalysis, InputProblem


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
    import graphkit.nlp.extract

    real = graphkit.nlp.extract.analyze_doc

    def flaky(doc: Doc, article: Article, *args: int) -> DocumentAnalysis:
        if "Biden" in article.text:
            raise IndexError("[E040] Attempt to access token at 11, max length 11.")
        return real(doc, article, *args)

    monkeypatch.setattr(graphkit.nlp.extract, "analyze_doc", flaky)
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


UNITS = [
    "word ", "a, ", "Putin said ", '"a" ', "the big red ", "Putin met Biden. ", "« ", "“",
    "President Vladimir Putin, the leader, ", "( ", "and ", "\n", "according to TASS ",
]  # fmt: skip


def _well_formed(text: str, assertions: list[Assertion]) -> None:
    for a in assertions:
        spans = [a.subject, *([a.object] if a.object else []), *a.qualifiers]
        if a.attribution is not None and a.attribution.start >= 0:
            spans.append(a.attribution)  # type: ignore[arg-type]
        for span in spans:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text
        assert text[a.sentence_start :].startswith(a.sentence)


@settings(max_examples=25, deadline=None, derandomize=True)
@given(
    unit=st.lists(st.sampled_from(UNITS), min_size=1, max_size=3).map("".join),
    times=st.integers(min_value=1, max_value=500),
)
def test_long_and_repetitive_inputs_finish_with_well_formed_assertions(
    unit: str, times: int
) -> None:
    text = (unit * times)[:8_000]
    corpus = graphkit.analyze(texts=[text])
    assert all(p.warning for p in corpus.problems), corpus.problems
    if text.strip():
        assert len(corpus.articles) == 1
        _well_formed(corpus.articles[0].text, list(corpus.assertions))


def test_a_sentence_past_the_token_limit_is_skipped_with_a_warning() -> None:
    long = "Putin said " * 150  # one sentence of 300 tokens
    text = f"Biden met Macron in Paris. {long.strip()}. Putin met Xi in Beijing."
    corpus = graphkit.analyze(texts=[text])
    [warning] = corpus.problems
    assert warning.warning
    assert f"sentence 2 has 301 tokens, more than {MAX_SENTENCE_TOKENS}" in warning.problem
    assert f"article {corpus.articles[0].id!r}" in warning.problem
    lemmas = {(a.subject.text, a.relation.lemma) for a in corpus.assertions}
    assert {("Biden", "meet"), ("Putin", "meet")} <= lemmas
    assert all(a.sentence_index != 1 for a in corpus.assertions)


@pytest.mark.parametrize("unit", ["a, ", "!", "word ", "\n\n \n", "U.S.-led ", "don't ", "😀"])
def test_pieces_are_bounded_in_tokens_as_well_as_characters(unit: str) -> None:
    """spaCy's memory grows with tokens (about 15 kB each), so a piece of a text made
    of short tokens is cut sooner than one of words; and its tokenizer's time with the
    square of a run without white space, so a long run is cut too."""
    text = unit * ((20_000 if unit == "😀" else 60_000) // len(unit))
    pieces = split_text(text)
    assert "".join(piece for _, piece in pieces) == text
    make_doc = load_pipeline().make_doc
    for _, piece in pieces:
        assert len(piece) <= CHUNK_CHARS
        assert max(map(len, piece.split()), default=0) <= MAX_RUN
        assert len(make_doc(piece)) <= 1.5 * CHUNK_TOKENS


def test_text_past_the_article_size_budget_is_not_read_and_said_so() -> None:
    text = "Biden met Macron in Paris.\n\n" * 3 + "Putin met Xi in Beijing.\n\n"
    article = Article("big", text, path="big.txt")
    found = list(analyze_articles([article], AnalysisOptions(chunk_chars=30), max_article_chars=60))
    [warning, analysis] = found
    assert isinstance(warning, InputProblem) and warning.warning
    assert warning.input == "big.txt"
    assert f"'big' has {len(text)} characters, more than the 60 read" in warning.problem
    assert "from its first 84 characters only" in warning.problem
    assert isinstance(analysis, DocumentAnalysis)
    subjects = {a.subject.text for a in analysis.assertions}
    assert "Biden" in subjects and "Putin" not in subjects
    assert max(a.subject.end for a in analysis.assertions) <= 84
    whole = list(analyze_articles([article], AnalysisOptions(chunk_chars=30)))
    assert len(whole) == 1 and "Putin" in {a.subject.text for a in whole[0].assertions}
