"""He and she: gender, the sentence subject, quotations; unresolved rather than wrong.
One short article per rule (real model), asserting the entity each pronoun takes."""

from __future__ import annotations

import graphkit
from graphkit.resolve.antecedents import quotations, word_gender


def _pronoun(text: str, pronoun: str, sentence: str) -> set[str | None]:
    """Labels of ``pronoun`` as an argument or a source in the sentence that
    contains ``sentence`` (None: unresolved)."""
    corpus = graphkit.analyze(texts=[text])
    found = set()
    for a in corpus.assertions:
        if sentence not in a.sentence:
            continue
        for arg in (a.subject, a.object, a.attribution):
            if arg is not None and arg.text == pronoun:
                found.add(arg.label)
    assert found, f"{pronoun!r} is no argument in {sentence!r}"
    return found


def test_she_skips_the_nearer_man() -> None:
    text = (
        "EU foreign policy chief Kaja Kallas met NATO Secretary General Mark Rutte in "
        'Brussels on Monday. "Russia is not interested in peace," she told reporters.'
    )
    assert _pronoun(text, "she", "she told reporters") == {"Kaja Kallas"}


def test_a_title_gives_the_gender() -> None:
    text = (
        "Ms. Lindqvist met President Donald Trump at the White House on Monday. "
        "She said the talks would continue in Geneva."
    )
    assert _pronoun(text, "She", "talks would continue") == {"Lindqvist"}


def test_he_continues_the_subject_not_the_object() -> None:
    text = (
        "Hamas official Khalil Hamdan accused Benjamin Netanyahu of blocking a deal. "
        "He said the group had accepted the proposal."
    )
    assert _pronoun(text, "He", "the group had accepted") == {"Khalil Hamdan"}


def test_no_person_of_that_gender_leaves_she_unresolved() -> None:
    text = (
        "Dutch Prime Minister Mark Rutte met the Ukrainian delegation on Monday. "
        "She said the talks had failed."
    )
    assert _pronoun(text, "She", "the talks had failed") == {None}


def test_he_inside_a_quotation_is_not_its_speaker() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Monday. "
        '"The president has said many times that he is ready for negotiations," '
        "Peskov said."
    )
    assert _pronoun(text, "he", "he is ready") == {None}


def test_a_name_inside_the_quotation_is_not_the_speaker() -> None:
    text = (
        "The talks in Geneva ended on Friday without a statement. "
        '"Vladimir Putin is not interested in peace," he said.'
    )
    assert _pronoun(text, "he", "he said") == {None}


def test_a_gendered_noun_before_the_name() -> None:
    text = (
        "North Korean leader Kim Jong-un watched the launch on Thursday. "
        "His sister, Kim Yo-jong, dismissed an offer of talks from Seoul. "
        '"We have no interest in talks," she said.'
    )
    assert _pronoun(text, "she", "she said") == {"Kim Yo-jong"}


def test_gendered_words_and_quotation_ranges() -> None:
    assert [word_gender(w) for w in ("Ms.", "spokesman", "sister,", "minister")] == [
        "female",
        "male",
        "female",
        None,
    ]
    text = 'A said "one" and “two”.\n"open\nB'
    assert [text[s:e] for s, e in quotations(text)] == ["one", "two", "open"]
