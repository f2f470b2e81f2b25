"""Input robustness of extraction (issue 11): no article stops a build, work is bounded."""

from __future__ import annotations

import pytest

import graphkit


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
