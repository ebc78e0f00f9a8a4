"""Finding one committee, meeting or person from a readable URL."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from minutebook.record import compiled_querysets as compiled
from minutebook.record import models as m


def query_param(request: HttpRequest, name: str, limit: int) -> str:
    """A query-string value, cut to `limit` and without NUL characters (databases refuse them)."""
    return request.GET.get(name, "")[:limit].replace("\x00", "")


def one_by_slug(request: HttpRequest, qs: QuerySet[Any], slug: str, what: str) -> Any:
    """The row with this slug; `?council=` chooses when two councils share the slug."""
    rows = qs.filter(slug=slug).select_related("council")
    council = query_param(request, "council", 200)
    if council:
        rows = rows.filter(council__slug=council)
    found = list(rows[:2])
    if not found:
        raise Http404(f"No {what} called {slug!r}.")
    if len(found) > 1:
        raise Http404(f"More than one council has a {what} called {slug!r}: add ?council=<slug>.")
    return found[0]


def committee_for(request: HttpRequest, slug: str) -> m.Committee:
    committee: m.Committee = one_by_slug(request, m.Committee.objects.all(), slug, "committee")
    return committee


def _meetings(committee_slug: str, day: dt.date) -> QuerySet[m.Meeting]:
    """At most two: one is the answer, two means the slug is ambiguous."""
    return m.Meeting.objects.select_related("committee__council", "municipal_year").filter(
        committee__slug=committee_slug, date=day
    )[:2]


def _meetings_of_council(committee_slug: str, day: dt.date, council: str) -> QuerySet[m.Meeting]:
    return m.Meeting.objects.select_related("committee__council", "municipal_year").filter(
        committee__slug=committee_slug, date=day, committee__council__slug=council
    )[:2]


def meeting_for(request: HttpRequest, committee_slug: str, date: str) -> m.Meeting:
    """The meeting of the committee with this slug on this date.

    When councils share the committee slug, the date usually tells them apart;
    `?council=` settles the rest.
    """
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        raise Http404(f"{date!r} is not a date (use YYYY-MM-DD).") from None
    council = query_param(request, "council", 200)
    if council:
        found = compiled.rows(
            "meeting_for.council", _meetings_of_council, committee_slug, day, council
        )
    else:
        found = compiled.rows("meeting_for", _meetings, committee_slug, day)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        raise Http404(
            f"More than one council has a {committee_slug!r} meeting on that day: "
            "add ?council=<slug>."
        )
    committee = committee_for(request, committee_slug)
    raise Http404(f"{committee.name} has no meeting on {day.day} {day:%B %Y}.")


def person_for(request: HttpRequest, slug: str) -> m.Person:
    person: m.Person = one_by_slug(request, m.Person.objects.all(), slug, "person")
    return person
