"""OParl paths, URLs (relative to the placeholder base) and value formats."""

from __future__ import annotations

import datetime as dt
import hashlib
import zoneinfo
from typing import Any

from django.conf import settings

from minutebook.api.oparl import OPARL_BASE_TOKEN, SCHEMA_PREFIX, SITE_BASE_TOKEN
from minutebook.api.weblinks import fact_source_path
from minutebook.record import models as m

BODY_LISTS = (
    "organization",
    "person",
    "meeting",
    "paper",
    "agendaItem",
    "consultation",
    "file",
    "locationList",
    "legislativeTermList",
    "membership",
)
# The list kind (path segment) each Body list property points at.
LIST_SEGMENT = {
    "organization": "organization",
    "person": "person",
    "meeting": "meeting",
    "paper": "paper",
    "agendaItem": "agenda-item",
    "consultation": "consultation",
    "file": "file",
    "locationList": "location",
    "legislativeTermList": "legislative-term",
    "membership": "membership",
}


def url(path: str) -> str:
    return OPARL_BASE_TOKEN + path


def web(path: str) -> str:
    """A link to a public HTML page (site-relative path), made absolute when served."""
    return SITE_BASE_TOKEN + path


def source_link(fact: Any) -> str | None:
    """`web` link to the line of the paper a fact was read from (its provenance)."""
    path = fact_source_path(fact)
    return web(path) if path else None


def oparl_type(kind: str) -> str:
    return SCHEMA_PREFIX + kind


def compact(obj: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values: the spec asks for no null, "" or [] on optional properties."""
    return {k: v for k, v in obj.items() if v is not None and v != "" and v != []}


def _tz() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def oparl_datetime(day: dt.date, time: dt.time | None) -> str | None:
    """`yyyy-mm-ddThh:mm:ss±hh:mm` in the council's time zone, or None without a time."""
    if time is None:
        return None
    return dt.datetime.combine(day, time, tzinfo=_tz()).isoformat(timespec="seconds")


def iso_date(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def body_path(council: m.Council) -> str:
    return f"body/{council.slug}"


def body_list_path(council: m.Council, prop: str) -> str:
    return f"{body_path(council)}/{LIST_SEGMENT[prop]}"


def location_path(council_id: int, venue: str) -> str:
    digest = hashlib.sha256(f"{council_id}\n{venue.strip()}".encode()).hexdigest()[:16]
    return f"location/{digest}"
