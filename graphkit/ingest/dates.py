"""Publication dates and the time qualifiers resolved against them.

Two pure functions do the work, both deterministic (no clock, no network):

- :func:`normalize_date` turns a metadata date ("Tue, 12 Nov 2024 08:15:00 GMT",
  "2024-11-07") into ISO 8601: ``YYYY-MM-DD``, or the full datetime when the value
  names a time of day;
- :func:`resolve_time` turns the words of a time qualifier ("on Wednesday",
  "by January", "last week", "in March 2023") into an ISO 8601 date at the precision
  the words have: a day ``2024-11-06``, an ISO week ``2024-W44``, a month ``2025-01``
  or a year ``2025``. Vague or event-relative phrases ("in the coming months",
  "until the inauguration", "in the future"), durations ("for three years") and
  decades are left ``None``: no guess is better than a wrong date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from graphkit.types import Article, Assertion, DocumentAnalysis, Qualifier

# Words that open a time phrase and say nothing about the date itself.
_LEADING = re.compile(
    r"^(?:on|in|at|by|until|till|before|after|since|from|during|throughout|as of|"
    r"as early as|no later than|starting|beginning|of)\s+",
    re.I,
)
# A phrase is only parsed when it holds one of these, so "in a" or "the US" never
# become dates by accident.
_ANCHOR = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|"
    r"today|tonight|yesterday|tomorrow|day|days|week|weeks|month|months|year|years|"
    r"\d{4})\b",
    re.I,
)
# "by January", "until Friday", "next week": the date lies ahead of the article.
_FUTURE_CUES = re.compile(r"\b(?:by|until|till|next|coming|upcoming|within|no later than)\b", re.I)
# Durations, decades and vague ranges name no single date.
_NO_DATE = re.compile(
    r"^for\b|\b\d{2,4}s\b|\b(?:coming|recent|past|few|several|early|mid|late|end|"
    r"beginning|start|half|quarter)\b",
    re.I,
)
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_TIME_OF_DAY = re.compile(r"\d{1,2}:\d{2}")
# Two far-apart anchors: a date that parses alike against both does not depend on one.
_PROBES = (datetime(1990, 1, 15), datetime(2050, 7, 15))


def normalize_date(value: str) -> str | None:
    """ISO 8601 form of a publication date, or None when it names no calendar day.

    >>> normalize_date("2024-11-07")
    '2024-11-07'
    >>> normalize_date("Tue, 12 Nov 2024 08:15:00 GMT")
    '2024-11-12T08:15:00+00:00'
    >>> normalize_date("7 November 2024")
    '2024-11-07'
    >>> normalize_date("yesterday") is None, normalize_date("November 2024") is None
    (True, True)
    """
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        found = _absolute(text, {})
        if found is None or found[1] not in {"day", "time"}:
            return None
        parsed = found[0]
    if _TIME_OF_DAY.search(text):
        return parsed.isoformat()
    return parsed.date().isoformat()


def parse_day(value: str) -> date:
    """A ``YYYY-MM-DD`` date given on the command line; ValueError otherwise.

    >>> parse_day("2024-11-07")
    datetime.date(2024, 11, 7)
    """
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"{value!r} is not a YYYY-MM-DD date")
    return date.fromisoformat(value.strip())


@lru_cache(maxsize=4096)
def resolve_time(text: str, published: str | None) -> str | None:
    """The date a time phrase names, read against the article's publication date.

    Weekdays and bare months point back from the article (news reports what
    happened) unless a cue such as "by", "until" or "next" points ahead. Absolute
    dates resolve without a publication date; relative ones need it.

    >>> resolve_time("on Wednesday", "2024-11-07"), resolve_time("on Thursday", "2024-11-07")
    ('2024-11-06', '2024-11-07')
    >>> resolve_time("by January", "2024-11-07")
    '2025-01'
    >>> resolve_time("last week", "2024-11-07T09:30:00+00:00")
    '2024-W44'
    >>> resolve_time("in March 2023", None), resolve_time("since 2014", None)
    ('2023-03', '2014')
    >>> resolve_time("on Wednesday", None) is None
    True
    >>> [resolve_time(t, "2024-11-07") for t in ("in the coming months", "for three years")]
    [None, None]
    """
    phrase = _LEADING.sub("", text.strip())
    if not _ANCHOR.search(phrase) or _NO_DATE.search(text.strip()):
        return None
    prefer = "future" if _FUTURE_CUES.search(text) else "past"
    base = _base(published)
    if base is None:
        found = _absolute(phrase, {"PREFER_DATES_FROM": prefer})
    else:
        found = _parse(phrase, base, {"PREFER_DATES_FROM": prefer})
    if found is None:
        return None
    if base is not None and _names_publication_weekday(phrase, base):
        return base.date().isoformat()
    return _at_precision(*found)


def _names_publication_weekday(phrase: str, base: datetime) -> bool:
    """ "on Tuesday" in an article of a Tuesday is that very day (dateparser would
    take the Tuesday a week before or after); "last Tuesday" is not.

    >>> _names_publication_weekday("Tuesday", datetime(2024, 11, 5))
    True
    >>> _names_publication_weekday("last Tuesday", datetime(2024, 11, 5))
    False
    """
    weekday = _WEEKDAYS[base.weekday()]  # not strftime: that follows the locale
    return phrase.lower().split() in ([weekday], ["this", weekday])


def date_time_qualifiers(
    assertions: Iterable[Assertion], published: Mapping[str, str | None]
) -> tuple[Assertion, ...]:
    """``assertions`` with a ``date`` on each time qualifier that names one.

    ``published`` maps an article id to its publication date.
    """
    return tuple(_dated(a, published.get(a.doc)) for a in assertions)


def dated_analysis(analysis: DocumentAnalysis) -> DocumentAnalysis:
    """An article's analysis with each time qualifier dated (:func:`date_time_qualifiers`,
    read against the article's date): resolution and coding keep the dates, so a
    build dates each article as it comes from the parse (issue 15)."""
    published = {analysis.article.id: analysis.article.published}
    return replace(analysis, assertions=date_time_qualifiers(analysis.assertions, published))


def _dated(assertion: Assertion, published: str | None) -> Assertion:
    if not any(q.role == "time" for q in assertion.qualifiers):
        return assertion
    qualifiers = tuple(_dated_qualifier(q, published) for q in assertion.qualifiers)
    return replace(assertion, qualifiers=qualifiers)


def _dated_qualifier(qualifier: Qualifier, published: str | None) -> Qualifier:
    if qualifier.role != "time":
        return qualifier
    return replace(qualifier, date=resolve_time(qualifier.text, published))


def _base(published: str | None) -> datetime | None:
    """The publication date as a naive datetime: the day as the publisher saw it."""
    iso = normalize_date(published) if published else None
    return None if iso is None else datetime.fromisoformat(iso).replace(tzinfo=None)


def _absolute(text: str, settings: dict[str, Any]) -> tuple[datetime, str] | None:
    """Parse ``text`` only if the result does not depend on today's date."""
    first, second = (_parse(text, probe, settings) for probe in _PROBES)
    if first is None or second is None:
        return None
    if _at_precision(*first) != _at_precision(*second):
        return None
    return first


def _parse(text: str, base: datetime, settings: dict[str, Any]) -> tuple[datetime, str] | None:
    from dateparser.date import DateDataParser  # imported late: it takes a while to load

    options = {"RELATIVE_BASE": base, "PREFER_DAY_OF_MONTH": "first", **settings}
    data = DateDataParser(languages=["en"], settings=options).get_date_data(text)
    if data.date_obj is None:
        return None
    return data.date_obj, data.period or "day"


def _at_precision(moment: datetime, period: str) -> str:
    if period == "year":
        return f"{moment.year:04d}"
    if period == "month":
        return f"{moment.year:04d}-{moment.month:02d}"
    if period == "week":
        year, week, _ = moment.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return moment.date().isoformat()


def with_default_date(articles: Iterable[Article], published: str | None) -> list[Article]:
    """``articles``, each without a publication date given ``published`` (from
    ``--date``); an article's own date always wins.

    >>> [a.published for a in with_default_date([Article("a", "x")], "2024-11-07")]
    ['2024-11-07']
    """
    if published is None:
        return list(articles)
    return [a if a.published else replace(a, published=published) for a in articles]
