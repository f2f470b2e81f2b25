"""Country names, codes and demonyms, built from pycountry's ISO 3166 data.

pycountry gives formal names ("Russian Federation") and codes; the everyday short
names news uses for a few countries are added below, and every country's demonyms
("Sri Lankan", "Burundian", "Ivorian") are listed in ``demonyms.tsv``. Demonyms of
other names (territories) are derived by English suffix rules, and a derived form
that two countries could produce is dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pycountry

# Everyday names news uses where pycountry's name is formal or missing.
SHORT_NAMES = {
    "Russia": "RUS",
    "America": "USA",
    "the States": "USA",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "UK": "GBR",
    "Holland": "NLD",
    "North Korea": "PRK",
    "South Korea": "KOR",
    "Czech Republic": "CZE",
    "Turkey": "TUR",
    # gaps the event coder found (PLOVER dev), and other names wire reports use
    "Burma": "MMR",
    "Ivory Coast": "CIV",
    "PRC": "CHN",
    "Bosnia": "BIH",
    "Macedonia": "MKD",
    "DRC": "COD",
    "Brunei": "BRN",
    "UAE": "ARE",
    "Cape Verde": "CPV",
    "East Timor": "TLS",
    "Swaziland": "SWZ",
    "Vatican": "VAT",
}


def _demonym_table() -> dict[str, str]:
    """``demonyms.tsv``: every country's demonyms, written for graphkit (see its header)."""
    text = (resources.files("graphkit.geo") / "demonyms.tsv").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, forms = line.split("\t")
            table.update({form.strip(): code for form in forms.split(";")})
    return table


DEMONYMS = _demonym_table()
# (ending cut from the name, suffix added): Russia -> Russian, Ukraine -> Ukrainian
_SUFFIX_RULES: tuple[tuple[str, str], ...] = (
    ("", "n"), ("a", "an"), ("e", "ian"), ("", "ian"), ("a", "ese"), ("", "ese"),
    ("", "i"), ("y", ""), ("ey", "ish"), ("and", "ish"), ("ain", "anish"),
)  # fmt: skip


def _plain(name: str) -> str:
    """Lower case, no dots, no leading article: "the U.S." -> "us"."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return name.replace(".", "").replace("’", "'").strip().lower()


def _names(country: object) -> list[str]:
    found = [getattr(country, k, None) for k in ("name", "common_name", "official_name")]
    names = [n for n in found if n]
    for name in list(names):
        if ", " in name:  # "Iran, Islamic Republic of" -> "Iran"
            names.append(name.split(", ")[0])
    return names


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, set[str]] = {}
    demonyms: dict[str, set[str]] = {}
    for country in pycountry.countries:
        code = country.alpha_3
        for name in _names(country):
            names.setdefault(_plain(name), set()).add(code)
            if " " not in name:
                for cut, suffix in _SUFFIX_RULES:
                    if name.endswith(cut):
                        form = name[: len(name) - len(cut)] + suffix
                        demonyms.setdefault(_plain(form), set()).add(code)
        for code_name in (country.alpha_2, country.alpha_3):
            names.setdefault(code_name.lower(), set()).add(code)
    for name, code in SHORT_NAMES.items():
        names[_plain(name)] = {code}
    for name, code in DEMONYMS.items():
        demonyms[_plain(name)] = {code}
    # "Russian" is a demonym, never derived as a "name"; ambiguity drops the form
    unique_names = {k: next(iter(v)) for k, v in names.items() if len(v) == 1}
    unique_demonyms = {
        k: next(iter(v)) for k, v in demonyms.items() if len(v) == 1 and k not in unique_names
    }
    for name, code in SHORT_NAMES.items():  # derive demonyms of the short names too
        for cut, suffix in _SUFFIX_RULES[:4]:
            if " " not in name and name.endswith(cut):
                unique_demonyms.setdefault(_plain(name[: len(name) - len(cut)] + suffix), code)
    return unique_names, unique_demonyms


# the resolver and the event coder ask these of the same words all through a corpus;
# both read only the tables above, which never change
@lru_cache(maxsize=1 << 16)
def country_code(name: str) -> str | None:
    """ISO 3166 alpha-3 code of a country name, short name or code.

    >>> country_code("the United States"), country_code("U.S."), country_code("Russia")
    ('USA', 'USA', 'RUS')
    >>> country_code("Moscow") is None
    True
    """
    plain = _plain(name)
    if plain.endswith("'s"):
        plain = plain[:-2]
    # short codes only when written in capitals ("US", not the pronoun "us")
    written = re.sub(r"^the\s+", "", name.replace(".", "").strip(), flags=re.IGNORECASE)
    if len(plain) <= 3 and not written[: len(plain)].isupper():
        return None
    return _index()[0].get(plain)


@lru_cache(maxsize=1 << 16)
def demonym_country(word: str) -> str | None:
    """ISO alpha-3 code of the country a demonym names.

    >>> demonym_country("Russian"), demonym_country("Ukrainian"), demonym_country("American")
    ('RUS', 'UKR', 'USA')
    """
    return _index()[1].get(_plain(word))


def country_name(code: str) -> str:
    """The everyday English name of a country code.

    >>> country_name("RUS"), country_name("USA")
    ('Russia', 'United States')
    """
    if code == "RUS":  # the one major country whose ISO names are all formal
        return "Russia"
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    name = str(getattr(country, "common_name", None) or country.name)
    return name.split(", ")[0]
