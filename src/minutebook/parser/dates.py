"""Dates and times as UK committee papers write them, to ISO strings.

"Wednesday 4 November 2020", "4th Nov 2020", "04/11/2020", "4.11.20",
"November 4, 2020"; times "2.00 pm", "2pm", "14:00", "10.30am", "noon".
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from minutebook.parser.patterns import rx

MONTHS: Final = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE: Final = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY_NAME: Final = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"

# "4 November 2020", "4th Nov. 2020", "Wednesday, 4 November, 2020"
DAY_MONTH_YEAR: Final = re.compile(
    rf"\b(?:{_DAY_NAME},?\s+)?(?P<day>\d{{1,2}})(?:\s?(?:st|nd|rd|th))?\s+(?:of\s+)?"
    rf"(?P<month>{_MONTH_RE})\.?,?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
# "November 4, 2020"
MONTH_DAY_YEAR: Final = re.compile(
    rf"\b(?P<month>{_MONTH_RE})\.?\s+(?P<day>\d{{1,2}})(?:\s?(?:st|nd|rd|th))?,?\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE,
)
# "04/11/2020", "4.11.20", "4-11-2020" (UK order: day first)
NUMERIC_DATE: Final = re.compile(
    r"\b(?P<day>\d{1,2})[/.\-](?P<month>\d{1,2})[/.\-](?P<year>\d{4}|\d{2})\b"
)
# "2.00 pm", "2pm", "10.30am", "2:00 p.m."
TIME_12H: Final = re.compile(
    r"\b(?P<hour>\d{1,2})(?:[.:](?P<minute>\d{2}))?\s*(?P<ampm>[ap])\.?\s?m\.?(?![a-z])",
    re.IGNORECASE,
)
TIME_24H: Final = re.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?!\s*[ap]\.?m)(?!\d)"
)
# "2026-03-03" (web pages and data exports print dates so).
ISO_DATE: Final = re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
# "1000 hrs", "1430hrs", "0930 hours": the 24-hour clock without a colon (Scottish,
# fire and police papers); "1500 hours of volunteering" is a quantity, not a time.
TIME_HRS: Final = re.compile(
    r"\b(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s?(?:hrs\b\.?|hours\b(?!\s+of\b))"
)
NOON: Final = re.compile(r"\b(?:12\s*)?noon\b|\bmidday\b", re.IGNORECASE)


def _iso(year: int, month: int, day: int) -> str | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


# Every date has a year of two or four digits, and a month name or a separator between
# numbers ("4/11/20"); text without both holds none, and most lines are such text.
_TWO_DIGITS: Final = re.compile(r"\d\d")
# Every month name the date patterns accept begins with one of these (case-folded).
_MONTH_PREFIXES: Final = tuple(sorted({name[:3] for name in MONTHS}))
_NUMBER_SEPARATOR: Final = re.compile(r"\d[/.\-]\d")


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """All dates in `text` as (start, end, iso), in order of appearance."""
    if _TWO_DIGITS.search(text) is None:
        return []
    if _NUMBER_SEPARATOR.search(text) is None:
        folded = text.casefold()
        if not any(p in folded for p in _MONTH_PREFIXES):
            return []
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR):
        for m in pattern.finditer(text):
            if not free(m.start(), m.end()):
                continue
            iso = _iso(int(m["year"]), MONTHS[m["month"].lower()], int(m["day"]))
            if iso:
                found.append((m.start(), m.end(), iso))
                taken.append((m.start(), m.end()))
    for m in NUMERIC_DATE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        iso = _iso(int(m["year"]), int(m["month"]), int(m["day"]))
        if iso:
            found.append((m.start(), m.end(), iso))
            taken.append((m.start(), m.end()))
    if "-" in text:
        for m in ISO_DATE.finditer(text):
            if free(m.start(), m.end()) and (
                iso := _iso(int(m["year"]), int(m["month"]), int(m["day"]))
            ):
                found.append((m.start(), m.end(), iso))
                taken.append((m.start(), m.end()))
    return sorted(found)


def parse_date(text: str) -> str | None:
    """The first date in `text`, as YYYY-MM-DD, or None."""
    dates = find_dates(text)
    return dates[0][2] if dates else None


# "Tues 3 Dec", "Thursday 5th December", "3 Dec.": a day and month without a year.
DAY_MONTH_ONLY: Final = re.compile(
    rf"^(?:(?:{_DAY_NAME}|mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\.?,?\s+)?"
    rf"(?P<day>\d{{1,2}})(?:\s?(?:st|nd|rd|th))?\s+(?:of\s+)?(?P<month>{_MONTH_RE})\b\.?"
    r"(?P<rest>(?:\s*[,;–-]?\s*\D.*)?)$",
    re.IGNORECASE,
)


def date_without_year(text: str, on_or_after: str) -> str | None:
    """A date printed without its year ("Tues 3 Dec", perhaps with a time after it) as
    the first such day on or after `on_or_after` (ISO), a date of the same paper that
    comes before it (the day the agenda was published); None for any other text."""
    m = DAY_MONTH_ONLY.match(text.strip())
    if m is None or rx(r"\b\d{4}\b").search(m["rest"]):
        return None
    year = int(on_or_after[:4])
    for y in (year, year + 1):
        iso = _iso(y, MONTHS[m["month"].lower()], int(m["day"]))
        if iso and iso >= on_or_after:
            return iso
    return None


def parse_time(text: str) -> str | None:
    """The first time of day in `text`, as 24-hour HH:MM, or None."""
    candidates: list[tuple[int, str]] = []
    m12 = TIME_12H.search(text)
    if m12:
        hour = int(m12["hour"])
        minute = int(m12["minute"] or 0)
        if 1 <= hour <= 12 and minute < 60:
            if m12["ampm"].lower() == "p" and hour != 12:
                hour += 12
            elif m12["ampm"].lower() == "a" and hour == 12:
                hour = 0
            candidates.append((m12.start(), f"{hour:02d}:{minute:02d}"))
    noon = NOON.search(text)
    if noon:
        candidates.append((noon.start(), "12:00"))
    m24 = TIME_24H.search(text)
    if m24 and not (m12 and m12.start() <= m24.start() < m12.end()):
        candidates.append((m24.start(), f"{int(m24['hour']):02d}:{m24['minute']}"))
    if ("hrs" in text or "hours" in text) and (hrs := TIME_HRS.search(text)):
        candidates.append((hrs.start(), f"{hrs['hour']}:{hrs['minute']}"))
    if not candidates:
        return None
    return min(candidates)[1]
