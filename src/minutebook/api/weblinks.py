"""Links from open-data outputs (calendar, feeds, downloads) to the public web pages.

The web package owns the page URLs; when a route is missing (or renamed) the
link falls back to the OParl object, which always exists for public things.
Paths are site-relative; `absolute()` makes them full URLs for a request.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from minutebook.record import models as m


def _path(route: str, fallback: str, **kwargs: object) -> str:
    try:
        return reverse(route, kwargs=kwargs)
    except NoReverseMatch:
        return f"/oparl/v1/{fallback}"


def meeting_path(meeting: m.Meeting) -> str:
    return _path(
        "meeting",
        f"meeting/{meeting.pk}",
        committee=meeting.committee.slug,
        date=meeting.date.isoformat(),
    )


def report_path(report: m.Report) -> str:
    return _path("report", f"paper/{report.pk}", pk=report.pk)


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)
