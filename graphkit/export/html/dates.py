"""Dates as the view's time control counts them: whole days since 1970-01-01.

A date may name a day (``2024-11-06``, or a datetime whose day is kept), an ISO week
(``2024-W44``), a month (``2025-01``) or a year (``2025``): each is the span of the
days it covers, first and last included. Anything else has no span.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

EPOCH = date(1970, 1, 1).toordinal()
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")

Span = tuple[int, int]


def day_number(day: date) -> int:
    """
    >>> day_number(date(1970, 1, 2)), day_number(date(2024, 11, 6))
    (1, 20033)
    """
    return day.toordinal() - EPOCH


@lru_cache(maxsize=8192)
def span(value: str | None) -> Span | None:
    """The first and last day ``value`` covers, or None.

    >>> span("2024-11-06"), span("2024-11-12T08:15:00+00:00")
    ((20033, 20033), (20039, 20039))
    >>> span("2024-W44"), span("2025-02"), span("2024") == (19723, 20088)
    ((20024, 20030), (20120, 20147), True)
    >>> span("early 2025"), span("2024-13"), span(None)
    (None, None, None)
    """
    text = (value or "").strip()
    try:
        if match := _DAY.fullmatch(text):
            day = day_number(date(*(int(g) for g in match.groups())))
            return day, day
        if match := _WEEK.fullmatch(text):
            first = date.fromisocalendar(int(match[1]), int(match[2]), 1)
            return day_number(first), day_number(first) + 6
        if match := _MONTH.fullmatch(text):
            year, month = int(match[1]), int(match[2])
            last = calendar.monthrange(year, month)[1]
            return day_number(date(year, month, 1)), day_number(date(year, month, last))
        if match := _YEAR.fullmatch(text):
            year = int(match[1])
            return day_number(date(year, 1, 1)), day_number(date(year, 12, 31))
    except ValueError:
        return None
    return None


def iso(day: int) -> str:
    """
    >>> iso(20033)
    '2024-11-06'
    """
    return date.fromordinal(day + EPOCH).isoformat()
