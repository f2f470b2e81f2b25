"""More phenomena of the extractor issue, one table each (real spaCy model)."""

from __future__ import annotations

import pytest

import graphkit
from graphkit.types import Assertion


def _extract(text: str) -> list[Assertion]:
    return graphkit.extract(texts=[text])


def _with(assertions: list[Assertion], lemma: str) -> list[Assertion]:
    found = [a for a in assertions if a.relation.lemma == lemma]
    assert found, [(a.subject.text, a.relation.lemma) for a in assertions]
    return found


@pytest.mark.parametrize(
    ("sentence", "subject", "obj"),
    [
        ("Dmitry Peskov, the Kremlin spokesman, denied the report.", "Dmitry Peskov",
         "the Kremlin spokesman"),
        ("Trump is the 47th President of the United States.", "Trump",
         "the 47th President of the United States"),
    ],
)  # fmt: skip
def test_copulas_and_appositions(sentence: str, subject: str, obj: str) -> None:
    claims = [a for a in _with(_extract(sentence), "be") if a.subject.text == subject]
    assert any(a.object is not None and a.object.text == obj for a in claims)


@pytest.mark.parametrize(
    ("sentence", "lemma", "words"),
    [
        ("The ministry failed to deliver the weapons.", "deliver", "failed"),
        ("Moscow no longer supports the deal.", "support", "no longer"),
        ("Kyiv has not received the aid.", "receive", "not"),
    ],
)
def test_more_negations(sentence: str, lemma: str, words: str) -> None:
    [claim] = _with(_extract(sentence), lemma)
    assert claim.relation.negated and words in claim.relation.text


@pytest.mark.parametrize(
    ("sentence", "lemma", "modality"),
    [
        ("Iran might retaliate against Israel.", "retaliate against", "might"),
        ("The allies should send more tanks.", "send", "should"),
        ("Turkey plans to build a pipeline.", "build", "plan"),
        ("China hopes to mediate the conflict.", "mediate", "hope"),
    ],
)
def test_more_modality(sentence: str, lemma: str, modality: str) -> None:
    [claim] = _with(_extract(sentence), lemma)
    assert claim.relation.modality == modality and not claim.is_fact


@pytest.mark.parametrize(
    "sentence",
    [
        "The general allegedly ordered the strike.",
        "The envoy is said to have met the rebels.",
    ],
)
def test_more_hedges(sentence: str) -> None:
    claims = [a for a in _extract(sentence) if a.relation.lemma in {"order", "meet"}]
    assert claims and all(a.hedged and not a.is_fact for a in claims)


def test_coordinated_objects_and_verbs() -> None:
    assertions = _extract(
        "Russia attacked Kharkiv and Odesa. Ukraine repaired and reopened the port."
    )
    attacked = {a.object.text for a in _with(assertions, "attack") if a.object}
    assert attacked == {"Kharkiv", "Odesa"}
    assert {a.relation.lemma for a in assertions if a.subject.text == "Ukraine"} >= {
        "repair", "reopen",
    }  # fmt: skip
    repaired = _with(assertions, "repair")[0]
    assert repaired.object is not None and repaired.object.text == "the port"


def test_relative_clause_is_an_assertion_about_its_antecedent() -> None:
    assertions = _extract("The envoy, who visited Tehran last week, met the president.")
    [visit] = _with(assertions, "visit")
    assert visit.subject.text == "The envoy"
    assert visit.object is not None and visit.object.text == "Tehran"
    assert any(q.role == "time" and q.text == "last week" for q in visit.qualifiers)


def test_quote_whose_speaker_follows_spans_two_sentences() -> None:
    text = "“We will not withdraw. We will defend every village,” the commander said on Friday."
    assertions = _extract(text)
    for lemma in ("withdraw", "defend"):
        [claim] = _with(assertions, lemma)
        assert claim.attribution is not None and claim.attribution.text == "the commander"
    assert _with(assertions, "withdraw")[0].relation.negated
