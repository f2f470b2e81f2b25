"""Typing one mention: which ontology class, which canonical name, which country.

Gazetteers before the statistical recognizer's labels. Checked in order, first match
wins:

1. the alias dictionary (built-in plus the user's); "U.S. State Department" is also
   looked up without its country, as "State Department";
2. a country name or code (ISO 3166 through pycountry), even where the recognizer
   said person, unless the name is a word of a person's name in the same article
   ("Israel" of "Israel Katz"); for a name the recognizer did not call a person, a
   long name one edit from a country's ("Ethopia", :mod:`graphkit.geo.spelling`);
3. a media or region hint from the surrounding words;
4. a contested region of :mod:`graphkit.geo.regions` (Kherson, Crimea, Gaza);
5. a city (GeoNames), which overrides a PERSON tag for a one-word name that is no
   part of a person's name in the same article ("Kherson", not the "Kim" of "Kim
   Jong-un"); but a word that begins one country's name is that country rather than
   a city abroad ("Trinidad": Trinidad and Tobago, not the Bolivian city);
6. a first-level ISO 3166-2 subdivision ("Texas", "Punjab") for a place or an
   unlabelled proper name;
7. the entity recognizer's label and the words of the name; a "person" that is a
   demonym and a people ("Bosnian Serbs") is a group of that country.

Keys: a named actor's key is its type and name, so it is shared by every article
that names it; a concept's (a common noun phrase, a proper name nothing explains)
and a group's that no country qualifies, or that names one person ("diplomats", "the
Israeli prime minister"), include the article, so that a generic noun never joins
two stories.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graphkit.geo.cities import find_city
from graphkit.geo.countries import country_code, country_name, demonym_country
from graphkit.geo.regions import contested_region, find_subdivision
from graphkit.geo.spelling import close_country, country_prefix
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
from graphkit.resolve.aliases import AliasBook, AliasEntry
from graphkit.types import Mention

_POSSESSIVE = re.compile(r"(’s|'s|’|')$")
_PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})
# "agency" alone is no news word ("International Atomic Energy Agency"); with "news"
# or "press" it is (the MEDIA_WORDS have those)
_NOT_MEDIA_ALONE = frozenset({"agency"})
_MORE_GOVERNMENT_WORDS = frozenset({"embassy", "consulate"})
# peoples no country's demonym names, as a demonym may qualify them ("Iraqi Kurds")
PEOPLES = frozenset(
    "kurds tamils hutus tutsis pashtuns uighurs uyghurs arabs muslims christians jews "
    "hindus sikhs shiites shias sunnis berbers chechens tatars baluch hazaras copts "
    "druze maronites alawites yazidis rohingya catholics protestants".split()
)


@dataclass(frozen=True)
class Typing:
    """How a mention was typed: ``key`` identifies the entity, ``rule`` says why."""

    type: str
    key: str
    label: str
    country: str | None
    rule: str

    def of(self, mention: Mention) -> Typing:
        """The typing of ``mention``: itself (its key names no article)."""
        return self


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
    name, titles = _strip_name(text, person)
    return name, list(titles)  # a fresh list: the cached tuple stays as it is


@lru_cache(maxsize=1 << 16)  # pure; asked again of every mention of a name
def _strip_name(text: str, person: bool) -> tuple[str, tuple[str, ...]]:
    words = _POSSESSIVE.sub("", text.strip()).split()
    while len(words) > 1 and words[0].lower() in DETERMINERS:
        words = words[1:]
    titles = []
    while person and len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        titles.append(words.pop(0))
    return " ".join(words), tuple(titles)


def country_of_words(words: list[str]) -> str | None:
    """The country a phrase's words name or qualify: "Russian officials" -> RUS; names
    and demonyms of two or three words ("Sri Lankan army") before one-word ones; a long
    capitalised word one edit from a country's name ("Phillippines") last
    (:func:`graphkit.geo.spelling.close_country`).

    >>> country_of_words(["American", "weapons"]), country_of_words(["good", "news"])
    ('USA', None)
    >>> country_of_words(["the", "Sri", "Lankan", "army"])
    'LKA'
    """
    return _country_of_words(tuple(words))


@lru_cache(maxsize=1 << 16)  # pure (the gazetteers never change); the same words recur
def _country_of_words(words: tuple[str, ...]) -> str | None:
    for start in range(len(words)):
        for size in (3, 2, 1):
            if start + size > len(words):
                continue
            phrase = " ".join(words[start : start + size])
            capitalised = phrase[:1].isupper() and words[start + size - 1][:1].isupper()
            code = demonym_country(phrase) or (country_code(phrase) if capitalised else None)
            if code:
                return code
    return next((c for w in words if (c := close_country(_POSSESSIVE.sub("", w)))), None)


# titles that only a person holds: one of them right before a name makes it no place
PERSON_TITLES = TITLES - frozenset(
    "former new outgoing incoming acting late foreign defence defense deputy vice crown "
    "chief leader justice".split()
)


def titled_before(text: str, start: int) -> bool:
    """Whether a person's title ends right before ``start`` ("Prime Minister Martin",
    cut by the recognizer into "Prime Minister" and "Martin": not the Slovak town).

    >>> titled_before("Prime Minister Martin said", 15), titled_before("in Martin", 3)
    (True, False)
    """
    before = text[max(0, start - 20) : start]
    if not before.endswith(" "):
        return False
    words = before.split()
    return bool(words) and words[-1].lower().rstrip(".") in PERSON_TITLES


def classify(
    mention: Mention,
    aliases: AliasBook,
    person_words: frozenset[str] = frozenset(),
    titled: bool = False,
) -> Typing:
    """Type a non-pronoun mention; ``person_words`` are the words of the many-word
    person names of its article (a one-word name among them is no city); ``titled``:
    a person's title stands right before it, outside the mention ("Prime Minister" +
    "Martin"), so it is no city either."""
    if mention.kind == "CLAUSE":  # what someone says or believes: its own node each time
        key = draft_key("proposition", mention.doc, mention.start)
        return Typing("Proposition", key, mention.text, None, "clausal object")
    name, _ = strip_name(mention.text, person=mention.kind == "PERSON")
    return _typing(mention, aliases, name in person_words, titled).of(mention)


class Typings:
    """:func:`classify` for one alias book, worked out once for each kind, text, hint,
    number, title before and word of a person's name (``person_word``): a corpus names
    the same actors, and uses the same nouns, many times over."""

    def __init__(self, aliases: AliasBook) -> None:
        self.aliases = aliases
        self._known: dict[tuple[str, str, str | None, str, bool, bool], Typing | PerArticle] = {}

    def __call__(self, mention: Mention, person_words: frozenset[str], titled: bool) -> Typing:
        if mention.kind == "CLAUSE":
            return classify(mention, self.aliases)
        name, _ = strip_name(mention.text, person=mention.kind == "PERSON")
        person_word = name in person_words
        key = (mention.kind, mention.text, mention.hint, mention.number, person_word, titled)
        found = self._known.get(key)
        if found is None:
            found = self._known[key] = _typing(mention, self.aliases, person_word, titled)
        return found.of(mention)


@dataclass(frozen=True)
class PerArticle:
    """A typing whose key names the mention's article (``doc:rest``), or its place in
    the article too (``doc:start:rest``): worked out without either, keyed in
    :meth:`of`."""

    type: str
    kind: str
    rest: str
    label: str
    country: str | None
    rule: str
    at_start: bool = False

    def of(self, mention: Mention) -> Typing:
        where = (mention.doc, mention.start) if self.at_start else (mention.doc,)
        key = draft_key(self.kind, *where, self.rest)
        return Typing(self.type, key, self.label, self.country, self.rule)


def _typing(
    mention: Mention, aliases: AliasBook, person_word: bool, titled: bool
) -> Typing | PerArticle:
    """What :func:`classify` finds from the mention's kind, text, hint and number, never
    its article or place in it (a :class:`PerArticle` typing leaves them open);
    ``person_word``: its name is a word of a person's name in its article."""
    name, titles = strip_name(mention.text, person=mention.kind == "PERSON")
    lower = name.lower()
    entry = _alias(name, mention.text, aliases)
    if entry is not None:
        key = draft_key("alias", entry.label.lower())
        return Typing(entry.type, key, entry.label, entry.country, f"alias ({entry.source})")
    code, rule = country_code(name), "ISO 3166 name"
    if code is None and mention.kind not in {"PERSON", "NOUN"}:
        code, rule = close_country(name), "one edit from a country's name"
    if code and (mention.kind != "PERSON" or not person_word):
        rule += " (the recognizer said person)" if mention.kind == "PERSON" else ""
        return Typing("Country", draft_key("country", code), country_name(code), code, rule)
    if mention.hint == "media" and mention.kind in {"PROPN", "ORG"}:
        return Typing(
            "MediaOrganization", draft_key("org", lower), name, None, "named as a news source"
        )
    if mention.hint == "region" and mention.kind not in {"NOUN", "NORP"}:
        region = contested_region(name) or find_subdivision(name)
        city = find_city(name)
        label = region.label if region is not None else name
        country = region.country if region is not None else city.country if city else None
        return Typing(
            "Region", draft_key("region", label.lower()), label, country, "named with 'region'"
        )
    if mention.kind not in {"NOUN", "CLAUSE"} and (region := contested_region(name)):
        return Typing(
            "Region", draft_key("region", region.label.lower()), region.label, region.country,
            f"contested region: {region.status}",
        )  # fmt: skip
    city_typing = None if titles or titled else _city(name, mention, person_word)
    if city_typing is not None:
        return city_typing
    if mention.kind in _PLACE_KINDS | {"PROPN"} and (region := find_subdivision(name)):
        return Typing(
            "Region", draft_key("region", region.label.lower()), region.label, region.country,
            "ISO 3166-2 subdivision",
        )  # fmt: skip
    return _by_label(name, mention)


def _alias(name: str, text: str, aliases: AliasBook) -> AliasEntry | None:
    """The alias entry of a name, or of the name without a leading country that is the
    entry's own ("U.S. State Department" -> "State Department")."""
    entry = aliases.lookup(name) or aliases.lookup(text)
    words = name.split()
    if entry is None and len(words) >= 2:
        for cut in (1, 2):
            code = country_code(" ".join(words[:cut])) or demonym_country(" ".join(words[:cut]))
            rest = aliases.lookup(" ".join(words[cut:])) if code and cut < len(words) else None
            if rest is not None and rest.country == code:
                return rest
    return entry


def _city(name: str, mention: Mention, person_word: bool) -> Typing | None:
    if mention.kind not in _PLACE_KINDS | {"PERSON", "PROPN"} or " " in name:
        return None
    if mention.kind == "PERSON" and person_word:  # "Kim" of "Kim Jong-un"
        return None
    city = find_city(name)
    if city is None:
        return None
    code = country_prefix(name) if mention.kind != "PERSON" else None
    if code is not None and code != city.country:  # "Trinidad": the country, not Bolivia's
        rule = "first word of a country's name, not a foreign city"
        return Typing("Country", draft_key("country", code), country_name(code), code, rule)
    rule = "GeoNames city" + (" (the recognizer said person)" if mention.kind == "PERSON" else "")
    return Typing("City", draft_key("city", city.geonameid), city.name, city.country, rule)


def _by_label(name: str, mention: Mention) -> Typing | PerArticle:
    lower = name.lower()
    words = name.split()
    if name.islower():  # "state", "the administration": the recognizer named a common noun
        return _noun_phrase(name, mention)
    if mention.kind == "PERSON" and (group := _demonym_group(words)):
        rule = "nationality and people (the recognizer said person)"
        return Typing("Group", draft_key("group", lower), name, group, rule)
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


def _demonym_group(words: list[str]) -> str | None:
    """The country of a demonym followed by a people in the plural ("Bosnian Serbs",
    "Iraqi Kurds"), which the recognizer may take for a person's name; not a firm's
    name ("British Airways": "Airways" is no people)."""
    last = words[-1] if words else ""
    if len(words) not in (2, 3) or not (last[:1].isupper() and last.endswith("s")):
        return None
    if not (demonym_country(last[:-1]) or last.lower() in PEOPLES):
        return None
    return demonym_country(" ".join(words[:-1]))


def _organization(name: str, kind: str) -> Typing | PerArticle:
    words = {w.lower() for w in name.split()}
    country = country_of_words(name.split())
    if words & (GOVERNMENT_WORDS | _MORE_GOVERNMENT_WORDS):
        return Typing(
            "GovernmentBody", draft_key("org", name.lower()), name, country, "government word"
        )
    if words & MEDIA_WORDS - _NOT_MEDIA_ALONE:
        return Typing(
            "MediaOrganization", draft_key("org", name.lower()), name, country, "media word"
        )
    if words & PARTY_WORDS:
        return Typing("PoliticalParty", draft_key("org", name.lower()), name, country, "party word")
    if kind == "PROPN" and (group := _demonym_group(name.split())):
        rule = "nationality and people"
        return Typing("Group", draft_key("group", name.lower()), name, group, rule)
    if kind == "PROPN":  # a proper name nothing else explains: keep it, untyped
        return PerArticle("Concept", "concept", name.lower(), name, None, "unknown proper name")
    return Typing(
        "Organization", draft_key("org", name.lower()), name, country, "named organisation"
    )


def _noun_phrase(name: str, mention: Mention) -> Typing | PerArticle:
    words = name.split()
    head = words[-1].lower() if words else ""
    singular = head[:-1] if head.endswith("s") and len(head) > 3 else head
    country = country_of_words(words[:-1])
    key = " ".join([*words[:-1], singular]).lower()  # "Russian official(s)": one group
    # an unnamed source is one person (or a few) at one place in one text: two "a
    # diplomatic source" mentions are not known to be the same, so each is its own
    if head in SOURCE_NOUNS or singular in SOURCE_NOUNS:
        return PerArticle("AnonymousSource", "source", key, name, country, "unnamed source", True)
    if singular in ACTOR_NOUNS or head in ACTOR_NOUNS:
        if mention.hint == "indefinite":  # "a senior executive", "another official"
            rule = "unnamed person"
            return PerArticle("AnonymousSource", "source", key, name, country, rule, True)
        # "Russian officials" is one group across articles; "diplomats" and "the Israeli
        # prime minister" (one person, whoever holds the office then) only in their own
        if country and mention.number == "plural":
            return Typing("Group", draft_key("group", key), name, country, "people named by role")
        return PerArticle("Group", "group", key, name, country, "people named by role")
    return PerArticle("Concept", "concept", name.lower(), name, country, "common noun phrase")
