"""Honours printed after a name ("Councillor Jane Smith MBE") are kept apart from the name,
from the parser to the meeting page, the person page, the CSV download and OParl."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from minutebook.record import models as m
from minutebook.record.ingest import finish_batch, ingest_bytes
from minutebook.web.links import meeting_url, person_url

MINUTES = b"""HOLLINFIELD COUNTY COUNCIL

POLICE AND CRIME PANEL

Minutes of the meeting held on Thursday, 5 February 2026 at 2.00 pm in the Council Chamber.

Present:
Councillor Jane Smith MBE (Chair)
Councillor Dr Ann Lee OBE JP
Councillor Tom Ellery

1.   APOLOGIES

Apologies were received from Councillor Peter Crane.

2.   POLICE AND CRIME PLAN

RESOLVED - That the plan be noted.
"""


@pytest.mark.db_both
def test_post_nominals_are_kept_apart_from_the_name_and_shown(db: None) -> None:
    finish_batch(ingest_bytes(MINUTES, "panel-minutes.txt"))
    smith = m.Attendance.objects.get(person__name="Jane Smith")
    assert (smith.name_as_written, smith.post_nominals, smith.role) == (
        "Jane Smith",
        "MBE",
        "Chair",
    )
    lee = m.Attendance.objects.get(person__name="Ann Lee")
    assert lee.post_nominals == "OBE JP"
    assert m.Attendance.objects.get(person__name="Tom Ellery").post_nominals == ""
    assert not m.Person.objects.filter(name__contains="MBE").exists()

    client = Client()
    meeting = m.Meeting.objects.get()
    page = client.get(meeting_url(meeting))
    assert page.status_code == 200
    assert "Jane Smith</a> MBE, Chair" in page.content.decode()
    twin = client.get(meeting_url(meeting).rstrip("/") + ".json").json()
    people = [p for group in twin["attendance"]["groups"] for p in group["people"]]
    assert {p["name"]: p["post_nominals"] for p in people}["Ann Lee"] == "OBE JP"

    person = client.get(person_url(lee.person))
    assert "Ann Lee OBE JP</h1>" in person.content.decode()
    assert (
        client.get(person_url(lee.person).rstrip("/") + ".json").json()["post_nominals"] == "OBE JP"
    )

    download = client.get("/downloads/attendance.csv")
    rows = list(csv.DictReader(io.StringIO(download.content.decode())))
    assert {r["name_as_written"]: r["post_nominals"] for r in rows}["Jane Smith"] == "MBE"

    oparl = client.get(f"/oparl/v1/person/{lee.person.pk}").json()
    assert oparl["affix"] == "OBE JP"
    tom = m.Person.objects.get(name="Tom Ellery")
    assert "affix" not in client.get(f"/oparl/v1/person/{tom.pk}").json()
