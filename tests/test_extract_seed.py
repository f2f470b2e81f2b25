"""The seed article's key claims come out right (issue: extractor acceptance)."""

from __future__ import annotations

from graphkit.pipeline import BuildResult
from graphkit.types import Assertion


def _claims(result: BuildResult, lemma: str) -> list[Assertion]:
    return [a for a in result.corpus.assertions if a.relation.lemma == lemma]


def test_russian_officials_expressed_optimism(seed_build: BuildResult) -> None:
    [claim] = [a for a in _claims(seed_build, "express") if a.sentence_index == 0]
    assert claim.subject.text == "Russian officials"
    assert claim.object is not None and claim.object.label == "optimism"
    assert "cautiously" in claim.relation.text and claim.is_fact


def test_russia_could_continue_military_operations(seed_build: BuildResult) -> None:
    [claim] = [a for a in _claims(seed_build, "continue") if a.subject.label == "Russia"]
    assert claim.relation.modality == "could"
    assert claim.object is not None and claim.object.text == "its military operations in Ukraine"
    assert claim.object.label == "military operations"
    assert claim.attribution is not None and claim.attribution.text == "These officials"
    assert not claim.is_fact


def test_quoted_advance_is_attributed_to_the_official(seed_build: BuildResult) -> None:
    [claim] = _claims(seed_build, "keep advance in")
    assert claim.subject.text == "we" and claim.relation.modality == "will"
    assert claim.attribution is not None
    assert claim.attribution.text == "a Russian government official"
    assert claim.attribution.cue == "was quoted as saying"
    # inside the quotation, "we" is the speaker's side
    assert claim.subject.entity == claim.attribution.entity


def test_ukraine_recognize_realities_is_attributed_to_the_officials(
    seed_build: BuildResult,
) -> None:
    [claim] = [a for a in _claims(seed_build, "recognize") if a.subject.label == "Ukraine"]
    assert claim.relation.modality == "will have to"
    assert claim.attribution is not None and claim.attribution.text == "they"
    assert claim.attribution.label == "Russian officials"


def test_hedged_belief_of_the_insiders(seed_build: BuildResult) -> None:
    believers = {a.subject.text for a in _claims(seed_build, "believe") if a.sentence_index == 1}
    assert believers == {"high-ranking Kremlin insiders", "diplomats", "Russian business elites"}
    assert all(a.hedged for a in _claims(seed_build, "believe") if a.sentence_index == 1)
    [signal] = _claims(seed_build, "signal")
    assert signal.relation.modality == "could"
    assert signal.attribution is not None and signal.attribution.cue == "believe"


def test_no_claim_inside_reported_speech_is_a_fact(seed_build: BuildResult) -> None:
    reported = [a for a in seed_build.corpus.assertions if a.attribution is not None]
    assert len(reported) > 15
    assert not any(a.is_fact for a in reported)


def test_every_line_break_ends_a_sentence(seed_build: BuildResult) -> None:
    sentences = {a.sentence for a in seed_build.corpus.assertions}
    assert not [s for s in sentences if "\n" in s]
    assert any(s.startswith("Throughout the US Presidential Election") for s in sentences)


def test_which_russia_occupies_stands_for_the_region(seed_build: BuildResult) -> None:
    [claim] = [a for a in _claims(seed_build, "occupy") if a.subject.label == "Russia"]
    assert claim.object is not None and claim.object.text == "Ukraine's Kherson region"
    arguments = [a.subject.text for a in seed_build.corpus.assertions] + [
        a.object.text for a in seed_build.corpus.assertions if a.object is not None
    ]
    assert not {"which", "who", "whom", "that"} & {text.lower() for text in arguments}
