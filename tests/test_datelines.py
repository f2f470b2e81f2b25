"""Datelines and bylines: recognised without spaCy, left out of the parse, offsets kept,
and the place recorded on the article (real model for the end-to-end checks)."""

from __future__ import annotations

import pytest

import graphkit
from graphkit.ingest.datelines import (
    dateline_place,
    find_dateline,
    find_datelines,
    without_datelines,
)

LEADS = [
    ("KYIV, Ukraine (AP) — Ukraine's president urged", ("Kyiv", "Ukraine"), "AP"),
    ("Kyiv (AFP) - Ukraine's president urged", ("Kyiv",), "AFP"),
    ("ANKARA (AA) – Turkey's foreign minister said", ("Ankara",), "AA"),
    ("WASHINGTON, Nov 3 (Reuters) - The U.S. said", ("Washington",), "Reuters"),
    ("BRUSSELS, June 24 (Xinhua) -- Leaders agreed", ("Brussels",), "Xinhua"),
    ("GENEVA, Oct. 9 (Xinhua) -- Talks ended", ("Geneva",), "Xinhua"),
    ("TAIPEI, Taiwan, April 1 (Reuters) - China launched", ("Taipei", "Taiwan"), "Reuters"),
    ("CAIRO/DOHA, May 5 (Reuters) - Mediators urged", ("Cairo", "Doha"), "Reuters"),
    ("BEIJING/MOSCOW — China and Russia pledged", ("Beijing", "Moscow"), None),
    ("TRIPOLI / MOSCOW / ANKARA – Diplomats met", ("Tripoli", "Moscow", "Ankara"), None),
    ("ISTANBUL – The Turkish military said", ("Istanbul",), None),
    ("Ankara, Turkey | Anadolu | Turkish Foreign Minister", ("Ankara", "Turkey"), "Anadolu"),
    ("UNITED NATIONS (AP) — The General Assembly", ("United Nations",), "AP"),
    ("THE HAGUE, Netherlands (AP) — The court ruled", ("The Hague", "Netherlands"), "AP"),
    ("WASHINGTON, D.C. (AP) — The Senate voted", ("Washington", "D.C."), "AP"),
    ("BERLIN (dpa) - The chancellor said", ("Berlin",), "dpa"),
    ("Gaza City (AFP) – Residents fled", ("Gaza City",), "AFP"),
    ("TEHRAN (IRNA) - Iran's foreign ministry said", ("Tehran",), "IRNA"),
    ("Ankara (Anadolu Agency) – Turkey said", ("Ankara",), "Anadolu Agency"),
]

NOT_DATELINES = [
    "Moscow — a city of twelve million — woke to sirens.",
    "NATO — the alliance of 32 nations — met on Tuesday.",
    "UN — the world body — voted.",
    "Russia, China and Iran - all three - abstained.",
    "Putin (pictured) - said nothing.",
    "The United Nations (UN) — the world body — said",
    "Hamas (Islamic Resistance Movement) - said it would not.",
    "Russia (RUS) - won three medals.",
    "By Tuesday the talks had failed.",
    "The president said on Monday that talks would resume.",
]


@pytest.mark.parametrize(("lead", "places", "agency"), LEADS)
def test_lead_lines_give_place_and_agency(
    lead: str, places: tuple[str, ...], agency: str | None
) -> None:
    dateline = find_dateline(lead)
    assert dateline is not None
    assert (dateline.places, dateline.agency) == (places, agency)
    assert lead[dateline.end :].startswith(" ") and lead[dateline.end - 1] in "—–-|"


@pytest.mark.parametrize("text", NOT_DATELINES)
def test_sentences_that_only_look_like_datelines_are_text(text: str) -> None:
    assert find_dateline(text) is None


def test_bylines_and_paragraph_datelines() -> None:
    text = "By Sarah Lindqvist\nGENEVA (AFP) – Talks ended.\nKYIV, Ukraine (AP) — Kyiv said."
    found = find_datelines(text)
    assert [(d.author, d.place) for d in found] == [
        ("Sarah Lindqvist", None),
        (None, "Geneva"),
        (None, "Kyiv"),
    ]
    assert [text[d.start : d.end] for d in found] == [
        "By Sarah Lindqvist",
        "GENEVA (AFP) –",
        "KYIV, Ukraine (AP) —",
    ]
    assert dateline_place(text) == "Geneva"  # after the byline; not a later paragraph's
    assert dateline_place("Talks ended.\nKYIV (AP) — More.") is None
    parts = without_datelines(text)
    assert [p for _, p in parts] == ["Talks ended.\n", "Kyiv said."]
    assert all(text[o : o + len(p)] == p for o, p in parts)


def test_dateline_city_is_no_subject_and_offsets_stay_exact() -> None:
    text = (
        "KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelenskyy urged allies on "
        "Tuesday to send more air defense systems.\n"
        "BEIJING/MOSCOW — China and Russia pledged closer coordination."
    )
    second = text.index("BEIJING")
    datelines = [(0, len("KYIV, Ukraine (AP) —")), (second, second + len("BEIJING/MOSCOW —"))]
    corpus = graphkit.analyze(texts=[text])
    [article] = corpus.articles
    assert article.place == "Kyiv"
    subjects = {a.subject.text for a in corpus.assertions}
    assert not subjects & {"KYIV", "Ukraine", "AP", "BEIJING", "MOSCOW"}
    lead = [a for a in corpus.assertions if a.relation.lemma.startswith("urge")]
    assert [a.subject.label for a in lead] == ["Volodymyr Zelenskyy"]
    for a in corpus.assertions:
        assert a.sentence == text[a.sentence_start : a.sentence_start + len(a.sentence)]
        assert not a.sentence.startswith(("KYIV", "BEIJING"))
        for arg in (a.subject, a.object, a.attribution):
            if arg is not None:
                assert text[arg.start : arg.end] == arg.text
                assert not any(s < arg.end and arg.start < e for s, e in datelines)


def test_the_dateline_place_is_the_article_place_in_the_graph() -> None:
    from rdflib.namespace import DCTERMS

    from graphkit.rdf.build import build_graph

    text = "ANKARA, Turkey (Reuters) - Turkey hosted talks on grain exports on Monday."
    corpus = graphkit.analyze(texts=[text])
    places = set(build_graph(corpus).objects(None, DCTERMS.spatial))
    assert {str(p) for p in places} == {"Ankara"}  # the gazetteer's spelling of the city
    assert all(a.subject.text != "ANKARA" for a in corpus.assertions)
