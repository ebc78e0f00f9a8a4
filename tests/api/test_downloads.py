"""CSV and JSON downloads of attendance, requests and figures."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from minutebook.record import models as m
from minutebook.tracking import models as t
from tests.api.fixtures import build_api_record

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def read_csv(url: str) -> list[dict[str, str]]:
    response = Client().get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_attendance_csv_and_json_agree() -> None:
    build_api_record()
    rows = read_csv("/downloads/attendance.csv")
    assert {(r["name_as_written"], r["status"]) for r in rows} == {
        ("Jasmine Ali", "present"),
        ("Evelyn Akoto", "present"),
        ("Alasdair Smith", "present"),
        ("Peter Babudu", "apologies"),
    }
    data = Client().get("/downloads/attendance.json").json()
    assert data["fields"] == list(rows[0].keys())
    assert len(data["rows"]) == 4
    assert data["rows"][0]["meeting_date"] == "2020-07-08"
    # Every fact links back to the line of the paper it was read from.
    assert all(r["source"].startswith("http://testserver/sources/") for r in rows)
    assert all("#L" in r["source"] for r in data["rows"])


def test_attendance_read_from_a_closed_document_is_not_downloadable() -> None:
    record = build_api_record()
    m.Attendance.objects.create(
        meeting=record["held"],
        name_as_written="SECRET-EXEMPT-TEXT witness",
        document=record["closed_doc"],
    )
    raw = Client().get("/downloads/attendance.csv").content.decode()
    assert "SECRET-EXEMPT-TEXT" not in raw
    assert len(read_csv("/downloads/attendance.csv")) == 4


def test_requests_and_figures_download_public_rows_only() -> None:
    record = build_api_record()
    committee, held = record["committee"], record["held"]
    t.TrackedRequest.objects.create(
        key="open-1",
        committee=committee,
        meeting=held,
        resolution=record["resolution"],
        kind="report",
        topic='=HYPERLINK("http://evil") progress report',
        sentence=record["resolution"].text,
        due_kind="next_meeting",
        due_meeting=record["upcoming"],
        document=record["minutes_doc"],
    )
    t.TrackedRequest.objects.create(
        key="closed-1",
        committee=committee,
        meeting=held,
        kind="information",
        topic="SECRET-EXEMPT-TEXT costs",
        sentence="SECRET-EXEMPT-TEXT",
        due_kind="unspecified",
        document=record["closed_doc"],
    )
    t.Figure.objects.create(
        key="fig-1",
        committee=committee,
        meeting=record["upcoming"],
        report=record["report"],
        label="Looked after children",
        value=492,
        unit="count",
        period_label="April 2018",
        sentence="In April 2018 we had 492 looked after children.",
        document=record["report_doc"],
    )
    t.Figure.objects.create(
        key="fig-closed",
        committee=committee,
        report=record["closed_report"],
        label="Placement cost",
        value=9999,
        unit="GBP",
        sentence="SECRET-EXEMPT-TEXT",
        document=record["report_doc"],  # an open document, but the report is closed
    )
    requests = read_csv("/downloads/requests.csv")
    assert [r["key"] for r in requests] == ["open-1"]
    assert requests[0]["topic"].startswith("'=HYPERLINK")  # no formula in a spreadsheet
    assert requests[0]["due_meeting"] == "2020-11-04"
    json_requests = Client().get("/downloads/requests.json").json()["rows"]
    assert json_requests[0]["topic"].startswith("=HYPERLINK")  # JSON keeps the text exactly
    figures = Client().get("/downloads/figures.json").json()["rows"]
    assert [(f["key"], f["value"]) for f in figures] == [("fig-1", 492.0)]
    for url in ("/downloads/requests.csv", "/downloads/figures.csv", "/downloads/figures.json"):
        assert "SECRET-EXEMPT-TEXT" not in Client().get(url).content.decode()


def test_committee_filter_and_unknown_downloads() -> None:
    build_api_record()
    rows = read_csv("/downloads/attendance.csv?committee=corporate-parenting-committee")
    assert len(rows) == 4
    assert Client().get("/downloads/attendance.csv?committee=nope").status_code == 404
    assert Client().get("/downloads/everything.csv").status_code == 404
    assert Client().get("/downloads/attendance.xlsx").status_code == 404


def test_open_data_index_links_everything() -> None:
    build_api_record()
    data = Client().get("/downloads.json").json()
    assert [d["name"] for d in data["downloads"]] == ["attendance", "requests", "figures"]
    assert data["committees"][0]["calendar"].endswith(
        "/calendar/southwark/corporate-parenting-committee.ics"
    )
    for url in [data["calendar"], data["feeds"]["papers"], data["oparl"]]:
        assert Client().get(url).status_code == 200
    page = Client().get("/downloads/")
    assert page.status_code == 200
    assert b"Open data" in page.content


def test_an_empty_record_gives_empty_but_valid_outputs() -> None:
    client = Client()
    for url in (
        "/calendar/meetings.ics",
        "/feeds/papers.atom",
        "/feeds/decisions.atom",
        "/downloads/attendance.csv",
        "/downloads/figures.json",
        "/oparl/v1/",
        "/oparl/v1/bodies",
        "/downloads/",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get("/oparl/v1/bodies").json()["data"] == []
    assert read_csv("/downloads/requests.csv") == []
