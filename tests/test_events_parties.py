"""Actor codes of political parties (world knowledge, ``parties.tsv``) and of crowds
located by where they act. Wrong is worse than missing: a party name that several
countries' parties share gets no country unless the text names one, and a crowd gets
one only from a place it acts in.

The sentences are written for these tests and run through the real spaCy model."""

from __future__ import annotations

import pytest

from graphkit.events.names import GENERIC_PARTIES, builtin_names, generic_party, name_tokens
from graphkit.types import Corpus

from .test_events import coded_sentences, subject_code

# sentence, subject words, the subject's code (None: must stay uncoded)
PARTIES = [
    ("Likud rejected the proposal.", "Likud", "ISRPTY"),
    ("The Homeland Union criticised the new budget.", "Homeland Union", "LTUPTY"),
    ("Fidesz won the election.", "Fidesz", "HUNPTY"),
    ("The Bharatiya Janata Party accused the government of corruption.", "Bharatiya", "INDPTY"),
    ("The Kuomintang called for talks with Beijing.", "Kuomintang", "TWNPTY"),
    ("ZANU-PF denounced the sanctions.", "ZANU", "ZWEPTY"),
    ("The Law and Justice party proposed a new tax.", "Law and Justice", "POLPTY"),
    ("The Institutional Revolutionary Party demanded a recount.", "Institutional", "MEXPTY"),
    # names that several countries' parties share: no country of their own ...
    ("The Labour Party criticised the budget.", "Labour Party", None),
    ("The Conservative Party criticised the budget.", "Conservative Party", None),
    ("The Socialist Party called a general strike.", "Socialist Party", None),
    ("The Umma Party rejected the deal.", "Umma Party", None),
    ("The Liberal Party accused the president of lying.", "Liberal Party", None),
    ("The National Party accused the president of lying.", "National Party", None),
    ("The Justice and Development Party won the vote.", "Justice and Development", None),
    # ... but the country the text names
    ("The British Labour Party criticised the budget.", "British Labour Party", "GBRPTY"),
    # a party of the table named after another country's word is not that party
    ("The Botswana Movement for Democratic Change boycotted the vote.", "Botswana", "BWAPTY"),
    # a party's name as a phrase of ordinary words is matched only as written
    ("The minister of law and justice resigned.", "minister of law", None),
]
CROWDS = [
    ("Thousands of people marched in Paris.", "Thousands of people", "FRACVL"),
    ("Crowds blocked streets in Hong Kong.", "Crowds", "HKGCVL"),
    ("Hundreds of students held a rally in Nairobi.", "Hundreds of students", "KENEDU"),
    ("Protesters clashed with police in central Cairo.", "Protesters", "EGYCVL"),
    # no "in": not located
    ("Thousands of people signed a petition to the Paris council.", "Thousands", None),
    # the object's "in" phrase is not where the crowd acts
    ("Thousands of people protested the war in Iraq.", "Thousands of people", None),
    ("Villagers fled the fighting in Darfur.", "Villagers", None),
    # a named actor, a named people, or no crowd: never coded by place
    ("The Anti-Tax League marched in Paris.", "Anti-Tax League", None),
    ("Kurdish people marched in Paris.", "Kurdish people", None),
    ("Angry protesters marched in Paris.", "Angry protesters", None),
    ("Several hundred demonstrators gathered in Moscow.", "demonstrators", "RUSCVL"),
    ("Student leaders met in Nairobi.", "Student leaders", None),
]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return coded_sentences([s for s, *_ in PARTIES + CROWDS])


@pytest.mark.parametrize(("sentence", "words", "code"), PARTIES + CROWDS)
def test_subject_is_coded(corpus: Corpus, sentence: str, words: str, code: str | None) -> None:
    assert subject_code(corpus, sentence, words) == code


def test_the_country_named_gives_a_generic_party_its_country() -> None:
    corpus = coded_sentences(["Sudan's Umma Party rejected the deal."])
    assert {(a.subject.code or "")[:3] for a in corpus.assertions} == {"SDN"}


def test_the_table_holds_no_generic_name_and_codes_parties_of_every_region() -> None:
    table = builtin_names()
    names = {" ".join(words).lower(): code for words, code, _ in table.entries}
    assert not [name for name in names if generic_party(name)]
    parties = {code for code in names.values() if code.endswith("PTY")}
    assert len(parties) > 100
    assert {"DEUPTY", "GBRPTY", "ISRPTY", "INDPTY", "ZAFPTY", "MEXPTY", "JPNPTY",
            "BRAPTY", "NGAPTY", "AUSPTY"} <= parties  # fmt: skip
    assert all(len(code) == 6 and code.isupper() for code in parties)


@pytest.mark.parametrize("name", ["The Labour Party", "socialist party", "Umma Party"])
def test_generic_names_are_dropped_from_any_table(name: str) -> None:
    from graphkit.events.names import NameTable

    assert generic_party(name)
    assert NameTable.parse(f"{name}\tAAAPTY\n").find(name_tokens(name)) is None
    assert len(GENERIC_PARTIES) > 20


def test_party_names_match_only_as_written() -> None:
    table = builtin_names()
    assert table.find(name_tokens("the Law and Justice party")) is not None
    assert table.find(name_tokens("restore law and justice party rule")) is None
    assert table.find(name_tokens("the Ministry of Law and Justice")) is None
