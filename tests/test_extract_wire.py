"""Issue 14, extraction side: who is urged, what "no" denies, who reports a claim and
what a relative pronoun stands for (real spaCy model, one table per rule).

Each row is sentence -> (subject, relation lemma, object, negated, attribution) of one
assertion that must be there; rows marked "unchanged" hold readings that these rules
must leave as they were. The sentences are written for these tests.
"""

from __future__ import annotations

import pytest

import graphkit
from graphkit.types import Assertion

Row = tuple[str, str, str, str | None, bool, str | None]


def _extract(text: str) -> list[Assertion]:
    return graphkit.extract(texts=[text])


def _one(assertions: list[Assertion], subject: str, lemma: str, obj: str | None) -> Assertion:
    found = [
        a
        for a in assertions
        if a.subject.text == subject
        and a.relation.lemma == lemma
        and (a.object.text if a.object is not None else None) == obj
    ]
    readings = [(a.subject.text, a.relation.lemma, a.object and a.object.text) for a in assertions]
    assert len(found) == 1, readings
    return found[0]


def _check(row: Row) -> Assertion:
    sentence, subject, lemma, obj, negated, source = row
    claim = _one(_extract(sentence), subject, lemma, obj)
    assert claim.negated is negated
    assert (claim.attribution.text if claim.attribution is not None else None) == source
    return claim


# --- 1. "urge/invite/ask/call on/press/warn X to V": X is the object ----------------

URGED: list[Row] = [
    ("The foreign minister urged Belgrade to release the detained journalists.",
     "The foreign minister", "urge", "Belgrade", False, None),
    ("The foreign minister urged Belgrade to release the detained journalists.",
     "Belgrade", "release", "the detained journalists", False, "The foreign minister"),
    ("Norway invited both delegations to resume talks in Oslo.",
     "Norway", "invite", "both delegations", False, None),
    ("Norway invited both delegations to resume talks in Oslo.",
     "both delegations", "resume", "talks in Oslo", False, "Norway"),
    ("The African Union called on the junta to hold elections.",
     "The African Union", "call on", "the junta", False, None),
    ("The African Union called on the junta to hold elections.",
     "the junta", "hold", "elections", False, "The African Union"),
    ("Ankara pressed Stockholm to extradite the suspects.",
     "Ankara", "press", "Stockholm", False, None),
    ("Kenya asked the council to extend the mission.",
     "Kenya", "ask", "the council", False, None),
    ("The embassy warned its citizens not to travel to the border region.",
     "The embassy", "warn", "its citizens", False, None),
    ("The embassy warned its citizens not to travel to the border region.",
     "its citizens", "travel to", "the border region", True, "The embassy"),
    ("Tokyo did not ask Seoul to withdraw the claim.", "Tokyo", "ask", "Seoul", True, None),
    # unchanged: the subject of "want", "hope" is the one who acts
    ("Moscow wants to expand the corridor.", "Moscow", "expand", "the corridor", False, None),
    ("Kyiv hopes to join the bloc.", "Kyiv", "join", "the bloc", False, None),
]  # fmt: skip


@pytest.mark.parametrize("row", URGED, ids=[f"{r[1]}|{r[2]}" for r in URGED])
def test_urged_actor_is_the_object(row: Row) -> None:
    _check(row)


@pytest.mark.parametrize(
    ("sentence", "subject", "lemma", "modality", "qualifier"),
    [
        ("The foreign minister urged Belgrade to release the detained journalists.",
         "Belgrade", "release", "urge", "to release the detained journalists"),
        ("The African Union called on the junta to hold elections.",
         "the junta", "hold", "call on", "to hold elections"),
        ("Kenya asked the council to extend the mission.",
         "the council", "extend", "ask", "to extend the mission"),
    ],
)  # fmt: skip
def test_what_the_actor_is_urged_to_do_is_no_fact(
    sentence: str, subject: str, lemma: str, modality: str, qualifier: str
) -> None:
    assertions = _extract(sentence)
    [done] = [a for a in assertions if a.subject.text == subject and a.relation.lemma == lemma]
    assert done.relation.modality == modality and not done.is_fact
    # the urging keeps what it asks for as a "to" qualifier
    [urging] = [a for a in assertions if a.object is not None and a.object.text == subject]
    assert ("to", qualifier) in {(q.role, q.text) for q in urging.qualifiers}


def test_a_passive_urging_is_a_modality_of_the_urged() -> None:
    [claim] = [a for a in _extract("Armenia was urged to sign the accord.")]
    assert (claim.subject.text, claim.relation.lemma) == ("Armenia", "sign")
    assert claim.relation.modality == "urge" and not claim.is_fact


def test_an_urging_denied_says_nothing_of_the_urged() -> None:
    assertions = _extract("Tokyo did not ask Seoul to withdraw the claim.")
    assert [a.subject.text for a in assertions] == ["Tokyo"]


# --- 2. "no X", "none", "nobody", "nothing", "neither ... nor" deny; "not just" not ---

NEGATIONS: list[Row] = [
    ("The envoys made no headway.", "The envoys", "make", "no headway", True, None),
    ("Lisbon has no plans to recall its ambassador.",
     "Lisbon", "have", "no plans to recall its ambassador", True, None),
    ("No government recognised the referendum.",
     "No government", "recognise", "the referendum", True, None),
    ("None of the monitors reached the village.",
     "None of the monitors", "reach", "the village", True, None),
    ("Nobody claimed the attack.", "Nobody", "claim", "the attack", True, None),
    # a bare "nothing" is the denial itself: "did not confirm", not "did not confirm nothing"
    ("The ministry confirmed nothing.", "The ministry", "confirm", None, True, None),
    ("Neither Quito nor Lima signed the protocol.",
     "Neither Quito", "sign", "the protocol", True, None),
    ("Neither Quito nor Lima signed the protocol.", "Lima", "sign", "the protocol", True, None),
    ("The rebels would neither sign the truce nor leave the capital.",
     "The rebels", "sign", "the truce", True, None),
    ("The rebels would neither sign the truce nor leave the capital.",
     "The rebels", "leave", "the capital", True, None),
    ("The agency received neither the plans nor the samples.",
     "The agency", "receive", "the plans", True, None),
    ("The agency received neither the plans nor the samples.",
     "The agency", "receive", "the samples", True, None),
    # "not just" adds: the "not" goes with what it stands before
    ("The visit was not just symbolic.", "The visit", "be", "not just symbolic", False, None),
    # unchanged: "not only" adds; a preposition's "no" does not deny the verb
    ("The sanctions hit not only banks but also insurers.",
     "The sanctions", "hit", "banks", False, None),
    ("The sanctions hit not only banks but also insurers.",
     "The sanctions", "hit", "insurers", False, None),
    ("Not only Chile but also Peru condemned the coup.", "Peru", "condemn", "the coup", False,
     None),
    ("The talks made progress.", "The talks", "make", "progress", False, None),
    ("Iran will negotiate with no preconditions.",
     "Iran", "negotiate with", "no preconditions", False, None),
    ("Moscow did not recognise the vote.", "Moscow", "recognise", "the vote", True, None),
]  # fmt: skip


@pytest.mark.parametrize("row", NEGATIONS, ids=[r[0] for r in NEGATIONS])
def test_negation_by_no_none_neither(row: Row) -> None:
    claim = _check(row)
    if row[4]:
        assert not claim.is_fact


def test_no_plans_to_deny_the_plan() -> None:
    claim = _check(("Lisbon has no plans to recall its ambassador.",
                    "Lisbon", "recall", "its ambassador", True, None))  # fmt: skip
    assert claim.relation.modality == "plan"


@pytest.mark.parametrize(
    ("sentence", "subject", "lemma", "obj", "modality"),
    [
        ("The envoy said the junta had no mandate to sign the treaty.",
         "the junta", "sign", "the treaty", "mandate"),
        ("The militias have neither the means nor the will to disarm.",
         "The militias", "disarm", None, "will"),
    ],
)  # fmt: skip
def test_no_right_or_means_to_act_denies_the_act(
    sentence: str, subject: str, lemma: str, obj: str | None, modality: str
) -> None:
    claim = _one(_extract(sentence), subject, lemma, obj)
    assert claim.negated and claim.relation.modality == modality


@pytest.mark.parametrize(
    ("sentence", "readings"),
    [
        # "nothing" is what is (not) lost: no one loses it, and it loses nothing
        ("The rebels have nothing to lose.", {("The rebels", "have", None, True)}),
        # the council did propose something: the relative clause is not denied
        ("Nothing that the council proposed satisfied the rebels.",
         {("Nothing", "satisfy", "the rebels", True), ("the council", "propose", None, False)}),
    ],
)  # fmt: skip
def test_a_bare_negative_is_no_antecedent(
    sentence: str, readings: set[tuple[str, str, str | None, bool]]
) -> None:
    found = {
        (a.subject.text, a.relation.lemma, a.object and a.object.text, a.negated)
        for a in _extract(sentence)
    }
    assert found == readings


def test_the_second_verb_of_neither_nor_shares_the_modal() -> None:
    claim = _check(("The rebels would neither sign the truce nor leave the capital.",
                    "The rebels", "leave", "the capital", True, None))  # fmt: skip
    assert claim.relation.modality == "would"


# --- 3. a reporting verb's subject is the source of the clause it reports -----------

REPORTED: list[Row] = [
    ("Lavrov declared that Tbilisi could forget about membership.",
     "Tbilisi", "forget about", "membership", False, "Lavrov"),
    ("Lavrov declared that Tbilisi could forget about membership.",
     "Lavrov", "declare", "Tbilisi could forget about membership", False, None),
    ("The spokeswoman maintained that Minsk had violated the ceasefire.",
     "Minsk", "violate", "the ceasefire", False, "The spokeswoman"),
    # the relative clause is part of what the general declared
    ("The general declared that Kyiv could forget about the bridge, which Moscow controls.",
     "Moscow", "control", "the bridge", False, "The general"),
    # a reporting verb set inside the clause it reports
    ("Baku, the minister declared, could forget about the pipeline.",
     "Baku", "forget about", "the pipeline", False, "the minister"),
    # unchanged: what the writer says around a report is not the speaker's
    ("The minister, speaking after Serbia closed the border, said talks would resume.",
     "Serbia", "close", "the border", False, None),
    ("Ana Brnabic, the prime minister, said the vote would go ahead.",
     "Ana Brnabic", "be", "the prime minister", False, None),
    ("Officials said that Hanoi will host the summit.",
     "Hanoi", "host", "the summit", False, "Officials"),
]  # fmt: skip


@pytest.mark.parametrize("row", REPORTED, ids=[f"{r[1]}|{r[2]}" for r in REPORTED])
def test_reported_claims_are_attributed_to_the_reporter(row: Row) -> None:
    claim = _check(row)
    if row[5] is not None:
        assert not claim.is_fact


# --- 4. a relative pronoun stands for its antecedent -----------------------------------

RELATIVES: list[Row] = [
    ("Georgia lost Abkhazia and South Ossetia, which Russia recognises.",
     "Russia", "recognise", "Abkhazia", False, None),
    ("Georgia lost Abkhazia and South Ossetia, which Russia recognises.",
     "Russia", "recognise", "South Ossetia", False, None),
    ("The pipeline, which Ankara built, carries gas.",
     "Ankara", "build", "The pipeline", False, None),
    ("The envoy met the mediator whom Qatar appointed.",
     "Qatar", "appoint", "the mediator", False, None),
    ("The treaty that Minsk signed expired.", "Minsk", "sign", "The treaty", False, None),
    # unchanged: a subject relative, and a question word that has no antecedent
    ("The militia, which controls the port, rejected the deal.",
     "The militia", "control", "the port", False, None),
    ("The envoy asked who had ordered the strike.", "who", "order", "the strike", False, None),
]  # fmt: skip


@pytest.mark.parametrize("row", RELATIVES, ids=[r[0][:40] + r[3] for r in RELATIVES])
def test_relative_pronoun_stands_for_its_antecedent(row: Row) -> None:
    _check(row)


# --- 5. long inputs -------------------------------------------------------------------


def test_long_repetitive_sentences_keep_offsets() -> None:
    """Each rule looks a bounded number of words or heads away: a long run of the
    shapes above still gives assertions whose offsets give back their text."""
    unit = (
        "Quito urged Lima and Bogota to sign the pact, which Caracas rejects, "
        "but neither Lima nor Bogota made any progress and nobody said nothing, "
    )
    # seven units: about 180 tokens, under the sentence limit (MAX_SENTENCE_TOKENS)
    text = unit * 7 + "the envoy declared."
    assertions = _extract(text)
    assert len(assertions) > 25
    for a in assertions:
        for arg in (a.subject, a.object):
            if arg is not None:
                assert text[arg.start : arg.end] == arg.text
