"""Country names as reports misspell or shorten them: "Ethopia", "Phillippines" (one
edit from a country's name), "Trinidad" (the first word of "Trinidad and Tobago").

A misspelling is read as a country only under strict conditions, since a wrong country
is worse than none (:func:`close_country`):

- one capitalised word of letters, at least :data:`MIN_LENGTH` (7) long, that is no
  country name, demonym, city or first-level subdivision itself;
- exactly one edit (Levenshtein: a letter added, dropped or changed) from a name or
  demonym of one country, and no name or demonym of another country within two edits;
- no city (GeoNames, :mod:`graphkit.geo.cities`) within one edit, other than one named
  as that country is.

A first word (:func:`country_prefix`) names its country when it begins the name of
one country's everyday name only (not a formal name, not an island territory's), is at
least five letters long and is no generic word ("United", "South", "Saint") or demonym.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from graphkit.geo.cities import city_names
from graphkit.geo.countries import SHORT_NAMES, _index, _plain, country_code, demonym_country
from graphkit.geo.regions import find_subdivision

MIN_LENGTH = 7
_GENERIC_FIRST = frozenset(
    "united south north east west southern northern eastern western new saint st great "
    "republic democratic holy central equatorial federated marshall british french "
    "american puerto wallis svalbard".split()
)


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """Lower-case names and demonyms of at least six letters -> their country."""
    names, demonyms = _index()
    return {k: v for k, v in {**demonyms, **names}.items() if len(k) >= 6 and " " not in k}


@lru_cache(maxsize=4096)
def close_country(word: str) -> str | None:
    """The country a long capitalised word misspells by one edit (see the module).

    >>> close_country("Ethopia"), close_country("Phillippines"), close_country("Ethiopia")
    ('ETH', 'PHL', None)
    >>> close_country("ethopia"), close_country("Roland"), close_country("Austria")
    (None, None, None)
    """
    if len(word) < MIN_LENGTH or not word.isalpha() or not word[:1].isupper():
        return None
    if country_code(word) or demonym_country(word) or find_subdivision(word):
        return None
    if word in city_names():
        return None
    spellings = _spellings()
    near = process.extract(
        word.lower(), list(spellings), scorer=Levenshtein.distance, score_cutoff=2, limit=None
    )
    codes = {spellings[name] for name, _, _ in near}
    if len(codes) != 1 or min(distance for _, distance, _ in near) != 1:
        return None
    code = codes.pop()
    cities = process.extract(
        word, city_names(), scorer=Levenshtein.distance, score_cutoff=1, limit=None
    )
    if any(country_code(city) != code for city, _, _ in cities):
        return None
    return code


@lru_cache(maxsize=1)
def _first_words() -> dict[str, str | None]:
    """First words of countries' everyday names (no formal name, no island territory)."""
    named: dict[str, str] = {}
    for country in pycountry.countries:
        for key in ("name", "common_name"):
            if getattr(country, key, None):
                named[getattr(country, key)] = country.alpha_3
    named.update(SHORT_NAMES)
    firsts: dict[str, set[str]] = {}
    for name, code in named.items():
        words = _plain(name).split()
        if len(words) < 2 or "," in name or {"island", "islands"} & set(words):
            continue
        first = words[0]
        if len(first) >= 5 and first not in _GENERIC_FIRST and not demonym_country(first):
            firsts.setdefault(first, set()).add(code)
    return {word: codes.pop() if len(codes) == 1 else None for word, codes in firsts.items()}


def country_prefix(name: str) -> str | None:
    """The one country whose name begins with the word ``name`` (see the module).

    >>> country_prefix("Trinidad"), country_prefix("Papua"), country_prefix("United")
    ('TTO', 'PNG', None)
    """
    if " " in name.strip() or not name[:1].isupper():
        return None
    return _first_words().get(_plain(name))
