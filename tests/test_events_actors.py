"""Actor codes from world knowledge: leaders named without their country, every
country's demonyms, misspelt country names, a country's first word over a foreign city,
and non-governmental organisations. Wrong is worse than missing: the negative cases
stay uncoded.

The sentences are written for these tests and run through the real spaCy model."""

from __future__ import annotations

import pytest

import graphkit
from graphkit.events import code_corpus
from graphkit.events.actors import _non_governmental, name_tokens
from graphkit.events.leaders import LeaderTable, builtin_leaders, name_key
from graphkit.geo.countries import demonym_country
from graphkit.geo.spelling import close_country, country_prefix
from graphkit.types import Corpus

from .test_events import coded_sentences, place, subject_code

# sentence, subject words, the subject's code (None: must stay uncoded)
CODED = [
    # leaders: a full name, a short form, a title and a surname, a misspelling
    ("Nelson Mandela praised the new constitution.", "Nelson Mandela", "ZAFGOV"),
    ("President Levy Mwanawasa dissolved the cabinet.", "Levy Mwanawasa", "ZMBGOV"),
    ("Mugabe condemned the sanctions.", "Mugabe", "ZWEGOV"),
    ("Chancellor Schmidt rejected the proposal.", "Schmidt", "DEUGOV"),
    ("Prime Minister Netanyahou rejected the truce.", "Netanyahou", "ISRGOV"),
    ("President Abdelaziz Bouteflicka pardoned the prisoners.", "Bouteflicka", "DZAGOV"),
    ("Kofi Annan urged both sides to stop the fighting.", "Kofi Annan", "IGOUNOGOV"),
    # unknown, or a surname shared by several leaders or by many people: no code
    ("President Smith signed the decree.", "Smith", None),
    ("Prime Minister Khan met the visiting envoy.", "Khan", None),
    ("President Conte dissolved parliament.", "Conte", None),  # Italy's and Guinea's
    ("Mr Brown criticised the plan.", "Brown", None),
    ("Major Jones inspected the barracks.", "Jones", None),
    # demonyms of every country, of two words too
    ("Fijian soldiers surrounded the parliament.", "Fijian soldiers", "FJIMIL"),
    ("The Sri Lankan navy seized two trawlers.", "Sri Lankan navy", "LKAMIL"),
    ("Burundian police arrested the journalists.", "Burundian police", "BDICOP"),
    ("Ivorian rebels attacked the town.", "Ivorian rebels", "CIVREB"),
    ("Salvadoran troops crossed the border.", "Salvadoran troops", "SLVMIL"),
    ("Emirati troops landed on the island.", "Emirati troops", "AREMIL"),
    ("Bosnian Serbs rejected the peace plan.", "Bosnian Serbs", "BIH"),
    # misspelt countries: one edit, long names
    ("Argentinia recalled its ambassador.", "Argentinia", "ARG"),
    ("Afganistan accused Pakistan of shelling its villages.", "Afganistan", "AFG"),
    # a country's first word, not a foreign city of that name
    ("Police in Trinidad arrested three suspects.", "Police in Trinidad", "TTOCOP"),
    # organisations whose names mark them non-governmental
    ("The Global Water Foundation urged donors to act.", "Global Water Foundation", "NGO"),
    ("The Sahel Farmers Association demanded compensation.", "Sahel Farmers Association", "NGO"),
]


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return coded_sentences([s for s, *_ in CODED])


@pytest.mark.parametrize(("sentence", "words", "code"), CODED)
def test_subject_is_coded(corpus: Corpus, sentence: str, words: str, code: str | None) -> None:
    assert subject_code(corpus, sentence, words) == code


def test_a_demonym_and_a_people_is_a_group_not_a_person(corpus: Corpus) -> None:
    serbs = [e for e in corpus.entities if e.label == "Bosnian Serbs"]
    assert [(e.type, e.country) for e in serbs] == [("Group", "BIH")]


def test_an_alias_file_wins_over_the_leaders_table() -> None:
    sentence = "Nelson Mandela praised the new constitution."
    corpus = graphkit.analyze(texts=[sentence])
    coded = code_corpus(corpus, codes={"Nelson Mandela": "ZAFOPP"}, place=place)
    assert {a.subject.code for a in coded.assertions} == {"ZAFOPP"}


TABLE = LeaderTable.parse(
    "Ann Example\tAAA\tpresident\t1990\t2000\t\tExample\n"
    "Bob Sample\tBBB\tprime minister\t1991\t\n"
    "Carl Sample\tCCC\tpresident\t1995\t1999\n"
    "Dan Samplewright\tDDD\tforeign minister\t2001\t2003\n"
)


@pytest.mark.parametrize(
    ("names", "titles", "code"),
    [(["Ann Example"], [], "AAA"), (["Example"], [], "AAA"), (["Bob Sample"], [], "BBB"),
     (["Sample"], ["Prime Minister"], None),  # two countries' Samples
     (["Samplewright"], ["Foreign Minister"], "DDD"), (["Samplewright"], [], None),
     (["Samplewright"], ["King"], None),  # the title does not fit the office
     (["Samplewrigt"], ["Minister"], "DDD"), (["Dan Samplewrigt"], [], "DDD"),
     (["Smith"], ["President"], None)],
)  # fmt: skip
def test_leader_table_rules(names: list[str], titles: list[str], code: str | None) -> None:
    assert TABLE.code(names, titles) == code


def test_the_builtin_table_covers_every_region_and_its_codes_are_actor_codes() -> None:
    table = builtin_leaders()
    assert table.code(["Martin"], ["Prime Minister"]) is None  # Canada's and Ireland's
    assert table.code(["Kim"], ["President"]) is None  # both Koreas
    codes = {leader.code for leaders in table.full.values() for leader in leaders}
    assert len(table.full) > 500
    assert {"USA", "BRA", "GBR", "RUS", "CHN", "IND", "NGA", "ZAF", "AUS", "IGOUNO"} <= codes
    assert all(len(code) in (3, 6) and code.isupper() for code in codes)
    assert name_key("José Eduardo dos Santos") == "jose eduardo dos santos"


@pytest.mark.parametrize(
    ("word", "code"),
    [("Sri Lankan", "LKA"), ("Burundian", "BDI"), ("Fijian", "FJI"), ("Ivorian", "CIV"),
     ("Salvadoran", "SLV"), ("Emirati", "ARE"), ("Bosnian", "BIH"), ("Malawian", "MWI"),
     ("Bahamian", "BHS"), ("Tongan", "TON"), ("Kyrgyz", "KGZ"), ("South Sudanese", "SSD"),
     ("Congolese", None), ("Korean", None)],  # two countries each: no code
)  # fmt: skip
def test_demonyms(word: str, code: str | None) -> None:
    assert demonym_country(word) == code


@pytest.mark.parametrize(
    ("word", "code"),
    [("Ethiopa", "ETH"), ("Venezuala", "VEN"), ("Phillippines", "PHL"),
     ("Ethiopia", None),  # spelt right: a name, not a misspelling
     ("Roland", None), ("Georgie", None),  # short, or a first name
     ("ethopia", None),  # not capitalised
     ("Columbia", None)],  # a city of that name (and one edit from Colombia)
)  # fmt: skip
def test_close_country(word: str, code: str | None) -> None:
    assert close_country(word) == code


@pytest.mark.parametrize(
    ("word", "code"),
    [("Trinidad", "TTO"), ("Bosnia", "BIH"), ("Papua", "PNG"), ("Sierra", "SLE"),
     ("United", None), ("South", None), ("Saint", None), ("Turks", None)],
)  # fmt: skip
def test_country_prefix(word: str, code: str | None) -> None:
    assert country_prefix(word) == code


@pytest.mark.parametrize(
    ("name", "ngo"),
    [("Third Water Forum", True), ("Association of Lawyers", True),
     ("Human Rights Monitor", True), ("Citizens Watch", True),
     ("Pacific Economic Cooperation Forum", False), ("Forum for Democratic Change", False),
     ("Ministry of Water", False), ("Ceasefire Committee", False), ("Acme Trading", False)],
)  # fmt: skip
def test_non_governmental_names(name: str, ngo: bool) -> None:
    assert _non_governmental(name_tokens(name)) is ngo


@pytest.mark.parametrize(
    ("name", "country"),
    [("Bosnian Serbs", "BIH"), ("Iraqi Kurds", "IRQ"), ("Sri Lankan Tamils", "LKA"),
     ("British Airways", None), ("American Airlines", None), ("Kosovo Albanians", None)],
)  # fmt: skip
def test_a_demonym_and_a_people(name: str, country: str | None) -> None:
    from graphkit.resolve.classify import _demonym_group

    assert _demonym_group(name.split()) == country
