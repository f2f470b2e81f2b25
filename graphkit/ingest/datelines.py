"""Datelines and bylines at the start of an article or paragraph (no spaCy).

Wire reports open with where and by whom they were filed, which the parser would
otherwise read as the subject of the lead sentence ("KYIV urged allies"):

- ``KYIV, Ukraine (AP) —``, ``Kyiv (AFP) –``, ``ANKARA (AA) –``;
- ``WASHINGTON, Nov 3 (Reuters) -``, ``BRUSSELS, June 24 (Xinhua) --``;
- ``BEIJING/MOSCOW —``, ``TRIPOLI / MOSCOW / ANKARA –`` (places in capitals, no agency);
- ``Ankara, Turkey | Anadolu |`` (agency between bars);
- a byline on a line of its own: ``By Sarah Lindqvist``.

Wrong is worse than missing: a lead without an agency is a dateline only when its
places are cities (GeoNames) written in capitals, so "Moscow — a city of ..." and
"NATO — the alliance ..." stay text.
:func:`without_datelines` cuts them out of the text that is parsed, giving each
remaining part its offset, so every offset still refers to the article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graphkit.geo.cities import find_city

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"{_MONTH}[ ]\d{{1,2}}"
_WORD = r"[^\W\d_][\w'’.-]*"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,3}}"
_PLACE = rf"{_NAME}(?:,[ ]{_NAME})?"
_PLACES = rf"(?P<places>{_PLACE}(?:[ ]?/[ ]?{_PLACE})*)(?:,[ ](?P<date>{_DATE}))?"
_AGENCY = r"(?:[A-Z][\w.&-]*|dpa|epa)(?:[ ][A-Z][\w.&-]*){0,2}"
_DASH = r"(?:--|[—–―-])"
_DATELINE = re.compile(
    rf"{_PLACES}[ ]*(?:"
    rf"\|[ ]*(?P<piped>{_AGENCY})[ ]*\|(?:[ ]*{_DASH})?"  # Ankara, Turkey | Anadolu |
    rf"|\((?P<agency>{_AGENCY})\)[ ]*{_DASH}"  # KYIV, Ukraine (AP) —
    rf"|{_DASH}"  # BEIJING/MOSCOW —
    r")(?=\s|$)"
)
_BYLINE = re.compile(r"By[ ](?P<author>[A-Z][\w'’.-]*(?:[ ](?:and[ ])?[A-Z][\w'’.-]*){1,5})[ \r]*$")
# news agencies: with one of these, a place need not be a known city ("Gaza City (AFP) –")
_AGENCIES = frozenset(
    "ap,afp,aa,upi,aap,ians,pti,ani,kuna,wam,spa,irna,isna,sana,wafa,mena,bta,pap,ctk,mti,"
    "cna,ria,reuters,xinhua,anadolu,anadolu agency,kyodo,kyodo news,yonhap,interfax,"
    "ukrinform,sputnik,bernama,bloomberg,dpa,epa,efe,ansa,tass,agerpres".split(",")
)
_PARAGRAPH = re.compile(r"(?:^|\n)[ \t]*")


@dataclass(frozen=True)
class Dateline:
    """A dateline (``places``, ``agency``, ``date`` as written) or a byline (``author``)
    at ``start``:``end`` of the text; ``end`` is just after the dash or the last bar."""

    start: int
    end: int
    places: tuple[str, ...] = ()
    agency: str | None = None
    date: str | None = None
    author: str | None = None

    @property
    def place(self) -> str | None:
        """The first place, where the report was filed."""
        return self.places[0] if self.places else None


def find_dateline(text: str, start: int = 0) -> Dateline | None:
    """The dateline or byline that opens ``text`` at ``start``, if there is one.

    >>> find_dateline("KYIV, Ukraine (AP) — Ukraine's president said ...")
    Dateline(start=0, end=20, places=('Kyiv', 'Ukraine'), agency='AP', date=None, author=None)
    >>> find_dateline("Moscow — a city of twelve million people.") is None
    True
    """
    line_end = text.find("\n", start)
    line = text[start : len(text) if line_end < 0 else line_end]
    byline = _BYLINE.match(line)
    if byline is not None:
        end = start + len(line.rstrip())
        return Dateline(start, end, author=byline.group("author"))
    match = _DATELINE.match(line)
    if match is None:
        return None
    agency = match.group("agency") or match.group("piped")
    cities = [p.split(",")[0].strip() for p in match.group("places").split("/")]
    if not _plausible(cities, agency):
        return None
    places = tuple(_recase(p.strip()) for p in re.split("[/,]", match.group("places")))
    return Dateline(start, start + match.end(), places, agency, match.group("date"))


def find_datelines(text: str) -> list[Dateline]:
    """Every dateline and byline at the start of the text or of a line.

    >>> [d.place or d.author for d in find_datelines("By Jo Lee\\nGENEVA (AFP) – Talks.")]
    ['Jo Lee', 'Geneva']
    """
    found: list[Dateline] = []
    for paragraph in _PARAGRAPH.finditer(text):
        dateline = find_dateline(text, paragraph.end())
        if dateline is not None and (not found or dateline.start >= found[-1].end):
            found.append(dateline)
    return found


def without_datelines(text: str) -> list[tuple[int, str]]:
    """The text around its datelines and bylines, as (offset, part) pairs, each part
    starting at a word: parsed at its offset, no dateline is read as a sentence and
    every offset stays that of ``text``. A text that is all dateline is kept whole.

    >>> without_datelines("BEIJING/MOSCOW — China and Russia met.")
    [(17, 'China and Russia met.')]
    >>> without_datelines("Talks began.\\nKYIV (AP) — Kyiv welcomed them.")
    [(0, 'Talks began.\\n'), (25, 'Kyiv welcomed them.')]
    """
    parts = []
    start = 0
    for dateline in find_datelines(text):
        if text[start : dateline.start].strip():
            parts.append((start, text[start : dateline.start]))
        rest = text[dateline.end :]
        start = dateline.end + len(rest) - len(rest.lstrip())
    if text[start:].strip():
        parts.append((start, text[start:]))
    return parts or [(0, text)]


def dateline_place(text: str) -> str | None:
    """Where the article was filed: the first place of the dateline that opens it
    (after any byline); None when it opens with none.

    >>> dateline_place("By Jo Lee\\nGENEVA (AFP) – Talks began.")
    'Geneva'
    >>> dateline_place("Talks began.\\nGENEVA (AFP) – More talks.") is None
    True
    """
    position = len(text) - len(text.lstrip())
    for dateline in find_datelines(text):
        if dateline.start > position:
            return None
        if dateline.author is None:
            return dateline.place
        position = dateline.end + len(text[dateline.end :]) - len(text[dateline.end :].lstrip())
    return None


def _plausible(cities: list[str], agency: str | None) -> bool:
    """Whether a lead that has the shape of a dateline is one: "BEIJING/MOSCOW —" (cities
    in capitals), "Kyiv (AFP) –" (a city, or a known agency), not "NATO — the alliance",
    "The United Nations (UN) — the world body" or "Hamas (Islamic Resistance Movement) -"."""
    capitals = all(_capitals(c) for c in cities)
    if agency is None:
        return capitals and all(len(c) > 2 and find_city(_recase(c)) for c in cities)
    acronym = " " not in agency and _capitals(agency) and len(agency) <= 6
    if not (acronym or agency.lower() in _AGENCIES):
        return False
    if capitals or find_city(cities[0]) is not None:
        return True
    return agency.lower() in _AGENCIES and cities[0].split()[0] not in {"The", "A", "An"}


def _capitals(place: str) -> bool:
    letters = [c for c in place if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _recase(place: str) -> str:
    """ "UNITED NATIONS" -> "United Nations"; "D.C." and mixed case stay as written."""
    if not _capitals(place):
        return place
    words = place.split()
    return " ".join(
        w if "." in w else "-".join(p.capitalize() for p in w.split("-")) for w in words
    )
