"""iCalendar (RFC 5545) feeds of meetings: one for all meetings, one per committee.

Built with the icalendar library. A meeting with a start time is a timed event
in the council's time zone (with its VTIMEZONE); one without is an all-day
event. Only public agenda items are listed in an event's description.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from minutebook.api.weblinks import absolute, meeting_path
from minutebook.record import models as m
from minutebook.record import visibility as vis

PRODID = "-//minutebook//committee meetings//EN"
ICAL_STATUS = {
    "scheduled": "CONFIRMED",
    "held": "CONFIRMED",
    "rescheduled": "TENTATIVE",
    "cancelled": "CANCELLED",
}


def meeting_uid(meeting: m.Meeting) -> str:
    """Stable across re-ingests and re-imports: built from the meeting's natural key."""
    council = meeting.committee.council
    return f"{council.slug}.{meeting.committee.slug}.{meeting.date.isoformat()}@minutebook"


def meeting_event(request: HttpRequest, meeting: m.Meeting) -> icalendar.Event:
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", meeting.modified or dt.datetime.now(tz=dt.UTC))
    if meeting.start_time:
        event.add("dtstart", dt.datetime.combine(meeting.date, meeting.start_time, tzinfo=tz))
        if meeting.end_time and meeting.end_time > meeting.start_time:
            event.add("dtend", dt.datetime.combine(meeting.date, meeting.end_time, tzinfo=tz))
    else:
        event.add("dtstart", meeting.date)
        event.add("dtend", meeting.date + dt.timedelta(days=1))
    event.add("summary", meeting.committee.name)
    event.add("status", ICAL_STATUS.get(meeting.status, "CONFIRMED"))
    if meeting.venue.strip():
        event.add("location", meeting.venue.strip())
    elif meeting.online:
        event.add("location", "Online")
    link = absolute(request, meeting_path(meeting))
    event.add("url", link)
    items = vis.public_agenda_items(meeting.agenda_items.all()).order_by("order")
    lines = [f"{item.number} {item.title}".strip() for item in items]
    description = "\n".join(["Order of business:", *lines] if lines else [])
    event.add("description", (description + "\n\n" if description else "") + link)
    if meeting.modified:
        event.add("last-modified", meeting.modified)
    return event


def calendar_for(request: HttpRequest, meetings: list[m.Meeting], name: str) -> bytes:
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    for meeting in meetings:
        cal.add_component(meeting_event(request, meeting))
    cal.add_missing_timezones()
    return bytes(cal.to_ical())


def ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _meetings(committee: m.Committee | None = None) -> list[m.Meeting]:
    meetings = m.Meeting.objects.select_related("committee__council").order_by("date", "pk")
    if committee is not None:
        meetings = meetings.filter(committee=committee)
    return list(meetings)


@require_safe
def all_meetings(request: HttpRequest) -> HttpResponse:
    return ics_response(calendar_for(request, _meetings(), "Committee meetings"), "meetings.ics")


@require_safe
def committee_meetings(request: HttpRequest, council: str, committee: str) -> HttpResponse:
    found = get_object_or_404(
        m.Committee.objects.select_related("council"), council__slug=council, slug=committee
    )
    body = calendar_for(request, _meetings(found), found.name)
    return ics_response(body, f"{found.slug}.ics")
