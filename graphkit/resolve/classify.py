"""Typing one mention: which ontology class, which canonical name, which country.

Checked in order, first match wins: the alias dictionary (built-in plus the user's);
a country name or code (ISO 3166 through pycountry); a media or region hint from the
surrounding words; a city (GeoNames), which overrides a statistical PERSON tag for a
one-word name; then the entity recognizer's label and the words of the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphkit.geo.cities import find_city
from graphkit.geo.countries import country_code, country_name, demonym_country
from graphkit.ids import draft_key
from graphkit.nlp.words import (
    ACTOR_NOUNS,
    DETERMINERS,
    GOVERNMENT_WORDS,
    MEDIA_WORDS,
    PARTY_WORDS,
    SOURCE_NOUNS,
    TITLES,
)
from graphkit.resolve.aliases import AliasBook
from graphkit.types import Mention

_POSSESSIVE = re.compile(r"(’s|'s|’|')$")
_PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class Typing:
    """How a mention was typed: ``key`` identifies the entity, ``rule`` says why."""

    type: str
    key: str
    label: str
    country: str | None
    rule: str


def strip_name(text: str, person: bool = True) -> tuple[str, list[str]]:
    """Drop determiners, quantifiers, possessives and (for a person) leading titles;
    return the name and the titles.

    >>> strip_name("President Vladimir Putin's")
    ('Vladimir Putin', ['President'])
    >>> strip_name("the Foreign Ministry", person=False)
    ('Foreign Ministry', [])
    >>> strip_name("A few Russian officials", person=False)
    ('Russian officials', [])
    """
    words = _POSSESSIVE.sub("", text.strip()).split()
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    titles = []
    while person and len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        titles.append(words.pop(0))
    return " ".join(words), titles


def country_of_words(words: list[str]) -> str | None:
    """The country a phrase's words name or qualify: "Russian officials" -> RUS.

    >>> country_of_words(["American", "weapons"]), country_of_words(["good", "news"])
    ('USA', None)
    """
    for word in words:
        code = demonym_country(word) or (country_code(word) if word[:1].isupper() else None)
        if code:
            return code
    return None


def classify(mention: Mention, aliases: AliasBook) -> Typing:
    """Type a non-pronoun mention."""
    if mention.kind == "CLAUSE":  # what someone says or believes: its own node each time
        key = draft_key("proposition", mention.doc, mention.start)
        return Typing("Proposition", key, mention.text, None, "clausal object")
    name, _ = strip_name(mention.text, person=mention.kind == "PERSON")
    lower = name.lower()
    entry = aliases.lookup(name) or aliases.lookup(mention.text)
    if entry is not None:
        key = draft_key("alias", entry.label.lower())
        return Typing(entry.type, key, entry.label, entry.country, f"alias ({entry.source})")
    code = country_code(name)
    if code and mention.kind != "PERSON":
        return Typing(
            "Country", draft_key("country", code), country_name(code), code, "ISO 3166 name"
        )
    if mention.hint == "media" and mention.kind in {"PROPN", "ORG"}:
        return Typing(
            "MediaOrganization", draft_key("org", lower), name, None, "named as a news source"
        )
    if mention.hint == "region" and mention.kind not in {"NOUN", "NORP"}:
        city = find_city(name)
        country = city.country if city is not None else None
        return Typing("Region", draft_key("region", lower), name, country, "named with 'region'")
    city_typing = _city(name, mention)
    if city_typing is not None:
        return city_typing
    return _by_label(name, mention)


def _city(name: str, mention: Mention) -> Typing | None:
    if mention.kind not in _PLACE_KINDS | {"PERSON", "PROPN"} or " " in name:
        return None
    city = find_city(name)
    if city is None:
        return None
    rule = "GeoNames city" + (" (the recognizer said person)" if mention.kind == "PERSON" else "")
    return Typing("City", draft_key("city", city.geonameid), city.name, city.country, rule)


def _by_label(name: str, mention: Mention) -> Typing:
    lower = name.lower()
    words = name.split()
    if mention.kind == "PERSON":
        return Typing("Person", draft_key("person", lower), name, None, "named person")
    if mention.kind in _PLACE_KINDS:
        return Typing(
            "Place", draft_key("place", lower), name, country_of_words(words), "named place"
        )
    if mention.kind == "NORP":
        party = {w.lower() for w in words} & PARTY_WORDS
        kind = "PoliticalParty" if party else "Group"
        return Typing(
            kind, draft_key("group", lower), name, demonym_country(name), "nationality or group"
        )
    if mention.kind in {"ORG", "PROPN"}:
        return _organization(name, mention.kind)
    return _noun_phrase(name, mention)


def _organization(name: str, kind: str) -> Typing:
    words = {w.lower() for w in name.split()}
    country = country_of_words(name.split())
    if words & GOVERNMENT_WORDS:
        return Typing(
            "GovernmentBody", draft_key("org", name.lower()), name, country, "government word"
        )
    if words & MEDIA_WORDS:
        return Typing(
            "MediaOrganization", draft_key("org", name.lower()), name, country, "media word"
        )
    if words & PARTY_WORDS:
        return Typing("PoliticalParty", draft_key("org", name.lower()), name, country, "party word")
    if kind == "PROPN":  # a proper name nothing else explains: keep it, untyped
        return Typing(
            "Concept", draft_key("concept", name.lower()), name, None, "unknown proper name"
        )
    return Typing(
        "Organization", draft_key("org", name.lower()), name, country, "named organisation"
    )


def _noun_phrase(name: str, mention: Mention) -> Typing:
    words = name.split()
    head = words[-1].lower() if words else ""
    singular = head[:-1] if head.endswith("s") and len(head) > 3 else head
    country = country_of_words(words[:-1])
    key = " ".join([*words[:-1], singular]).lower()  # "Russian official(s)": one group
    # an unnamed source is one person (or a few) at one place in one text: two "a
    # diplomatic source" mentions are not known to be the same, so each is its own
    anonymous = draft_key("source", mention.doc, mention.start, key)
    if head in SOURCE_NOUNS or singular in SOURCE_NOUNS:
        return Typing("AnonymousSource", anonymous, name, country, "unnamed source")
    if singular in ACTOR_NOUNS or head in ACTOR_NOUNS:
        if mention.hint == "indefinite":  # "a senior executive", "another official"
            return Typing("AnonymousSource", anonymous, name, country, "unnamed person")
        return Typing("Group", draft_key("group", key), name, country, "people named by role")
    return Typing(
        "Concept", draft_key("concept", name.lower()), name, country, "common noun phrase"
    )
