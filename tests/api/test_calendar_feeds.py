"""iCalendar and Atom: parse back what we serve; closed business absent; paper markup inert."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from xml.etree import ElementTree

import icalendar
import pytest
from django.test import Client

from minutebook.record import models as m
from tests.api.fixtures import build_api_record

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]
ATOM = "{http://www.w3.org/2005/Atom}"
LONDON = zoneinfo.ZoneInfo("Europe/London")


def get_calendar(url: str) -> icalendar.Calendar:
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_calendar_of_all_meetings_parses_back() -> None:
    record = build_api_record()
    other = m.Committee.objects.create(council=record["council"], name="Cabinet", slug="cabinet")
    m.Meeting.objects.create(committee=other, date=dt.date(2020, 12, 1), status="cancelled")
    cal = get_calendar("/calendar/meetings.ics")
    assert str(cal["version"]) == "2.0"
    events = list(cal.walk("VEVENT"))
    assert len(events) == 3
    held = next(
        e for e in events if e.decoded("dtstart") == dt.datetime(2020, 7, 8, 14, 0, tzinfo=LONDON)
    )
    assert str(held["summary"]) == "Corporate Parenting Committee"
    assert held.decoded("dtend") == dt.datetime(2020, 7, 8, 17, 10, tzinfo=LONDON)
    assert str(held["location"]) == "Online/virtual meeting"
    assert len({str(e["uid"]) for e in events}) == 3
    cancelled = next(e for e in events if str(e["summary"]) == "Cabinet")
    assert str(cancelled["status"]) == "CANCELLED"
    assert cancelled.decoded("dtstart") == dt.date(2020, 12, 1)  # no time known: all day
    assert len(list(cal.walk("VTIMEZONE"))) == 1


def test_committee_calendar_lists_public_agenda_only() -> None:
    record = build_api_record()
    other = m.Committee.objects.create(council=record["council"], name="Cabinet", slug="cabinet")
    m.Meeting.objects.create(committee=other, date=dt.date(2020, 12, 1))
    cal = get_calendar("/calendar/southwark/corporate-parenting-committee.ics")
    events = list(cal.walk("VEVENT"))
    assert {str(e["summary"]) for e in events} == {"Corporate Parenting Committee"}
    upcoming = next(e for e in events if e.decoded("dtstart").date() == dt.date(2020, 11, 4))
    description = str(upcoming["description"])
    assert "3 FEEDBACK FROM INSPECTIONS" in description
    assert "CONFIDENTIAL" not in description
    assert Client().get("/calendar/southwark/nothing.ics").status_code == 404


def parse_atom(url: str) -> ElementTree.Element:
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ElementTree.fromstring(response.content)


def test_papers_feed_is_valid_atom_without_closed_papers_or_live_markup() -> None:
    record = build_api_record()
    feed = parse_atom("/feeds/papers.atom")
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Feedback from Inspections of Children's Social Care "
        "(Corporate Parenting Committee, 04 November 2020)"
    ]
    for entry in entries:
        assert entry.findtext(f"{ATOM}id")
        assert entry.findtext(f"{ATOM}updated")
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")
    summary = entries[0].findtext(f"{ATOM}summary")
    # Readers render an html summary: the paper's markup must arrive escaped, as text.
    assert "<script>" not in summary
    assert "&lt;script&gt;" in summary
    raw = Client().get("/feeds/papers.atom").content.decode()
    assert record["secret"] not in raw
    assert "Confidential placement" not in raw


def test_decisions_feed_lists_public_resolutions_only() -> None:
    record = build_api_record()
    closed_minute = m.Minute.objects.create(
        meeting=record["held"], number="9", order=9, title="CLOSED ITEM", part="closed"
    )
    m.Resolution.objects.create(minute=closed_minute, order=1, text="SECRET-EXEMPT-TEXT agreed")
    feed = parse_atom("/feeds/decisions.atom")
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    assert entries[0].findtext(f"{ATOM}title") == (
        "Corporate Parenting Committee, 08 July 2020: 3. SUFFICIENCY STRATEGY"
    )
    assert "further progress report" in entries[0].findtext(f"{ATOM}summary")
    committee_feed = parse_atom("/feeds/southwark/corporate-parenting-committee/decisions.atom")
    assert len(committee_feed.findall(f"{ATOM}entry")) == 1
    # A committee's feed links to the committee's page; the site's feed to the home page.
    alternate = f"{ATOM}link[@rel='alternate']"
    assert (
        committee_feed.find(alternate)
        .get("href")
        .endswith("/committees/corporate-parenting-committee/")
    )
    assert feed.find(alternate).get("href") == "http://testserver/"
    raw = Client().get("/feeds/decisions.atom").content.decode()
    assert "SECRET-EXEMPT-TEXT" not in raw
    assert "CLOSED ITEM" not in raw
