"""Pure mapping rules of the loader: slugs, item order, dates, and link announcements."""

from __future__ import annotations

import datetime as dt
import re

from django.db.models.signals import m2m_changed
from django.utils.text import slugify

from minutebook.parser import models as p
from minutebook.record import models as m

UNKNOWN_COUNCIL = "Unknown council"
UNKNOWN_COMMITTEE = "Unknown committee"
CLOSED_MINUTES_OFFSET = 1000
UNNUMBERED_OFFSET = 100_000
DECLARATION_KEY_CHARS = 600
COUNCIL_WORDS = re.compile(
    r"\b(?:the|london|royal|borough|metropolitan|county|city|district|council|of|and)\b",
    re.IGNORECASE,
)
MINUTES_ITEM = re.compile(r"\bminutes\b", re.IGNORECASE)


def council_slug(name: str) -> str:
    """ "London Borough of Southwark" and "Southwark Council" are one council: "southwark"."""
    core = slugify(COUNCIL_WORDS.sub(" ", name))
    return (core or slugify(name) or "unknown")[:200]


def item_order(number: str | None, index: int) -> int:
    """A sort key from an item number that the pack and a supplement agree on ("7a" -> 701)."""
    if number:
        found = re.search(r"(\d+)(?:[.\s]*(\d+)|\s*\(?([a-z])\)?)?", number, re.IGNORECASE)
        if found:
            major = int(found.group(1)) * 100
            if found.group(2):
                return major + min(int(found.group(2)), 99)
            if found.group(3):
                return major + ord(found.group(3).lower()) - ord("a") + 1
            return major
    return UNNUMBERED_OFFSET + index


def parse_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def parse_time(text: str | None) -> dt.time | None:
    if not text:
        return None
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        return None


def is_report(doc: p.Document) -> bool:
    """An officer's report (or work plan report): its header date is the meeting's date."""
    return doc.report is not None and doc.kind == "report" and doc.subkind != "appendix"


def announce_link(item: m.AgendaItem | m.Report, action: str, pk_set: set[int]) -> None:
    """Tell listeners (search index, OParl) that links changed, as `.add()` would.

    The link table is written directly to skip simple-history's per-link snapshot, which
    costs tens of milliseconds; the skip flag keeps that handler quiet, others still hear.
    """
    through = type(item).documents.through
    item.skip_history_when_saving = True  # type: ignore[union-attr]
    try:
        m2m_changed.send(
            sender=through,
            instance=item,
            action=action,
            reverse=False,
            model=m.Document,
            pk_set=pk_set,
            using=through.objects.db,
        )
    finally:
        del item.skip_history_when_saving  # type: ignore[union-attr]


def same_number(a: str | None, b: str | None) -> bool:
    def norm(x: str | None) -> str:
        return re.sub(r"[^0-9a-z]", "", (x or "").casefold())

    return bool(norm(a)) and norm(a) == norm(b)
