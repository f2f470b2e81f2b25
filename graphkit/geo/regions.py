"""Regions: contested territories (a short list kept here) and the first-level
subdivisions of ISO 3166-2 (``pycountry.subdivisions``: states, provinces, oblasts).

A contested region is typed Region with the country it belongs to under international
law as most states recognise it, or none, and a status that says what is contested
("partly occupied by Russia since 2022"); the resolver records the status on the
entity. Subdivision names are indexed as ISO 3166-2 gives them, folded to ASCII, and
without a trailing type word ("Khersonska oblast" is also "Khersonska"); a name that
two countries use keeps no country, and generic words ("Central", "North") are no names.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import pycountry


@dataclass(frozen=True)
class Region:
    label: str
    country: str | None  # ISO 3166 alpha-3
    status: str | None = None  # for a contested region: what is contested


_OCCUPIED = "partly occupied by Russia; its annexation (2022) is recognised by few states"
# (label, other names, country, status)
CONTESTED: tuple[tuple[str, tuple[str, ...], str | None, str], ...] = (
    ("Crimea", ("Crimean Peninsula",), "UKR",
     "annexed by Russia in 2014, an annexation most states do not recognise"),
    ("Donbas", ("Donbass",), "UKR", "partly occupied by Russia since 2014"),
    ("Donetsk", (), "UKR", _OCCUPIED),
    ("Luhansk", ("Lugansk",), "UKR", _OCCUPIED),
    ("Zaporizhzhia", ("Zaporizhia", "Zaporozhye"), "UKR", _OCCUPIED),
    ("Kherson", (), "UKR", _OCCUPIED),
    ("Gaza", ("Gaza Strip", "the Gaza Strip"), "PSE", "Palestinian territory, at war since 2023"),
    ("West Bank", ("the West Bank",), "PSE", "Palestinian territory under Israeli occupation"),
    ("East Jerusalem", (), "PSE", "claimed by Palestine, annexed by Israel"),
    ("Golan Heights", ("the Golan Heights", "Golan"), "SYR", "occupied and annexed by Israel"),
    ("Kashmir", ("Jammu and Kashmir",), None, "disputed between India, Pakistan and China"),
    ("Nagorno-Karabakh", ("Karabakh", "Nagorno Karabakh"), "AZE",
     "retaken by Azerbaijan in 2023 from Armenian separatists"),
    ("Transnistria", (), "MDA", "breakaway region of Moldova"),
    ("Abkhazia", (), "GEO", "breakaway region of Georgia, recognised by Russia"),
    ("South Ossetia", (), "GEO", "breakaway region of Georgia, recognised by Russia"),
    ("Northern Cyprus", (), "CYP", "self-declared state recognised only by Turkey"),
    ("Kuril Islands", ("Kurils", "the Kuril Islands"), "RUS",
     "administered by Russia, the southern islands claimed by Japan"),
    ("Taiwan Strait", ("the Taiwan Strait",), None, "strait between China and Taiwan"),
    ("South China Sea", ("the South China Sea",), None, "waters claimed by several states"),
    ("Spratly Islands", ("Spratlys",), None, "claimed by several states"),
    ("Paracel Islands", ("Paracels",), None, "held by China, claimed by Vietnam and Taiwan"),
)  # fmt: skip

_TYPE_WORDS = frozenset(
    "oblast oblast' sheng shi zizhiqu province region governorate state kray krai "
    "okrug muhafazah wilayah".split()
)
_GENERIC = frozenset(
    "central north south east west northern southern eastern western capital centre "
    "center coast islands lakes upper lower middle national federal city district".split()
)


def _fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


@lru_cache(maxsize=1)
def _contested() -> dict[str, Region]:
    index = {}
    for label, names, country, status in CONTESTED:
        for name in (label, *names):
            index[name.lower()] = Region(label, country, status)
    return index


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, Region]:
    found: dict[str, set[tuple[str, str]]] = {}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):  # first-level subdivisions only
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        name = sub.name.split(" (")[0]
        if ", " in name:  # "Tatarstan, Respublika" -> "Tatarstan"
            name = name.split(", ")[0]
        forms = {name, _fold(name)}
        words = name.split()
        if len(words) > 1 and words[-1].lower() in _TYPE_WORDS:
            forms |= {" ".join(words[:-1]), _fold(" ".join(words[:-1]))}
        for form in forms:
            if len(form) >= 4 and form.lower() not in _GENERIC:
                found.setdefault(form.lower(), set()).add((form, country.alpha_3))
    index = {}
    for key, pairs in found.items():
        label = sorted(pairs)[0][0]
        countries = {country for _, country in pairs}
        index[key] = Region(label, countries.pop() if len(countries) == 1 else None)
    return index


def contested_region(name: str) -> Region | None:
    """A contested region of the short list, by any of its names.

    >>> contested_region("Kherson").country, contested_region("the Gaza Strip").label
    ('UKR', 'Gaza')
    >>> contested_region("Kashmir").country is None, contested_region("Kyiv") is None
    (True, True)
    """
    return _contested().get(" ".join(name.split()).lower())


def find_subdivision(name: str) -> Region | None:
    """A first-level ISO 3166-2 subdivision of that name.

    >>> find_subdivision("Texas"), find_subdivision("Bavaria") is None
    (Region(label='Texas', country='USA', status=None), True)
    >>> find_subdivision("Bayern").country, find_subdivision("Central") is None
    ('DEU', True)
    """
    return _subdivisions().get(" ".join(name.split()).lower())
