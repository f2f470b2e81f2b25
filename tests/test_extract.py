"""Sentence -> assertions, through the real spaCy model (a table per phenomenon)."""

from __future__ import annotations

import pytest

import graphkit
from graphkit.types import Assertion


def _find(assertions: list[Assertion], subject: str, lemma: str) -> Assertion:
    found = [a for a in assertions if subject in a.subject.text and a.relation.lemma == lemma]
    assert found, [(a.subject.text, a.relation.lemma) for a in assertions]
    return found[0]


def _extract(text: str) -> list[Assertion]:
    return graphkit.extract(texts=[text])


@pytest.mark.parametrize(
    ("sentence", "subject", "lemma", "obj"),
    [
        (
            "Russia hopes for a negotiated settlement.",
            "Russia",
            "hope for",
            "a negotiated settlement",
        ),
        ("Russian officials expressed optimism.", "Russian officials", "express", "optimism"),
        ("The Kremlin rejected the proposal on Monday.", "The Kremlin", "reject", "the proposal"),
        ("Biden withdrew from the race.", "Biden", "withdraw from", "the race"),
    ],
)
def test_verb_clauses(sentence: str, subject: str, lemma: str, obj: str) -> None:
    claim = _find(_extract(sentence), subject, lemma)
    assert claim.object is not None and claim.object.text == obj
    assert not claim.negated


@pytest.mark.parametrize(
    ("sentence", "subject", "lemma", "words"),
    [
        ("Putin has yet to congratulate Trump.", "Putin", "congratulate", "has yet to"),
        ("Moscow did not recognise the vote.", "Moscow", "recognise", "not"),
        ("The minister never visited Kyiv.", "minister", "visit", "never"),
        ("Iran refused to sign the treaty.", "Iran", "sign", "refused"),
        ("China declined to comment on the report.", "China", "comment on", "declined"),
    ],
)
def test_negation_is_kept(sentence: str, subject: str, lemma: str, words: str) -> None:
    claim = _find(_extract(sentence), subject, lemma)
    assert claim.relation.negated
    assert words in claim.relation.text
    assert not claim.is_fact


@pytest.mark.parametrize(
    ("sentence", "subject", "lemma", "modality"),
    [
        ("Russia could continue its military operations.", "Russia", "continue", "could"),
        ("Trump wants to meet Putin.", "Trump", "meet", "want"),
        ("The army will keep advancing.", "army", "keep advance", "will"),
    ],
)
def test_modality(sentence: str, subject: str, lemma: str, modality: str) -> None:
    claim = _find(_extract(sentence), subject, lemma)
    assert claim.relation.modality == modality
    assert not claim.is_fact


def test_hedging() -> None:
    claim = _find(_extract("Officials reportedly met the envoy."), "Officials", "meet")
    assert claim.hedged and not claim.is_fact


def test_passive_with_agent_is_turned_around() -> None:
    claim = _find(_extract("The strikes were authorised by the US."), "the US", "authorise")
    assert claim.relation.passive
    assert claim.object is not None and claim.object.text == "The strikes"


def test_reported_speech_is_attributed_to_the_speaker() -> None:
    assertions = _extract("Officials said that Trump will broker a deal.")
    claim = _find(assertions, "Trump", "broker")
    assert claim.attribution is not None and claim.attribution.text == "Officials"
    assert claim.attribution.cue == "said"
    assert not claim.is_fact


def test_quotation_is_attributed_to_the_speaker_after_it() -> None:
    text = "“We will keep advancing in Ukraine,” a Russian official was quoted as saying."
    claim = _find(_extract(text), "We", "keep advance in")
    assert claim.attribution is not None
    assert claim.attribution.text == "a Russian official"
    assert claim.attribution.cue == "was quoted as saying"


def test_according_to_names_the_source() -> None:
    text = "According to a VPost report, Russia will continue its offensive."
    claim = _find(_extract(text), "Russia", "continue")
    assert claim.attribution is not None and claim.attribution.cue == "according to"
    assert "VPost report" in claim.attribution.text


def test_time_and_place_qualifiers() -> None:
    text = "Russian troops advanced in Donetsk on Wednesday."
    claim = _find(_extract(text), "Russian troops", "advance in")
    assert claim.object is not None and claim.object.text == "Donetsk"
    roles = {q.role: q.text for q in claim.qualifiers}
    assert roles == {"time": "on Wednesday"}
    claim = _find(_extract("Russia sent troops to Syria in 2015."), "Russia", "send")
    roles = {q.role: q.text for q in claim.qualifiers}
    assert roles == {"place": "to Syria", "time": "in 2015"}


def test_coordinated_subjects_give_one_assertion_each() -> None:
    text = "Diplomats and business elites believe the war will end."
    subjects = {a.subject.text for a in _extract(text) if a.relation.lemma == "believe"}
    assert subjects == {"Diplomats", "business elites"}
