"""Links from open-data outputs (OParl `web`, calendar, feeds) to the public web pages.

The web package owns the page URLs (`web.links`); when a route is missing or
renamed, the link falls back to the OParl object, which always exists for
public things. Paths are site-relative; `absolute()` makes them full URLs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode

from minutebook.record import models as m
from minutebook.web import links


def _path(build: Callable[[Any], str], thing: Any, fallback: str) -> str:
    try:
        return build(thing)
    except NoReverseMatch:
        return f"/oparl/v1/{fallback}"


def meeting_path(meeting: m.Meeting) -> str:
    return _path(links.meeting_url, meeting, f"meeting/{meeting.pk}")


def report_path(report: m.Report) -> str:
    return _path(links.report_url, report, f"paper/{report.pk}")


def person_path(person: m.Person, slug_shared: bool | None = None) -> str:
    """`slug_shared` (another council has a person of that slug), when the caller knows it,
    saves web.links a query per person; the URL is the same (`?council=` when shared)."""
    if slug_shared is None:
        return _path(links.person_url, person, f"person/{person.pk}")
    return _path(
        lambda p: _with_council(reverse("person", kwargs={"slug": p.slug}), p, slug_shared),
        person,
        f"person/{person.pk}",
    )


def meeting_path_known(meeting: m.Meeting, slug_shared: bool) -> str:
    """`meeting_path` for a caller that knows whether the committee slug is shared."""
    committee = meeting.committee
    return _path(
        lambda mt: _with_council(
            reverse("meeting", kwargs={"committee": committee.slug, "date": mt.date.isoformat()}),
            committee,
            slug_shared,
        ),
        meeting,
        f"meeting/{meeting.pk}",
    )


def committee_path(committee: m.Committee) -> str:
    return _path(links.committee_url, committee, f"organization/{committee.pk}")


def _with_council(path: str, thing: Any, slug_shared: bool) -> str:
    return f"{path}?{urlencode({'council': thing.council.slug})}" if slug_shared else path


def source_path(source_id: int) -> str:
    return _path(links.source_url, source_id, f"file/{source_id}")


def fact_source_path(fact: Any) -> str | None:
    """The source page at the line a fact was read from (None without provenance)."""
    try:
        return links.fact_source_url(fact)
    except NoReverseMatch:
        return None


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)
