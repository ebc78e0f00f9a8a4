"""The tracking pages, their JSON twins and the CSV, and closed business kept from the public."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.test import Client

from minutebook.record import models as m
from minutebook.tracking.update import update_tracking

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]
SLUG = "corporate-parenting-committee"


def test_action_log_page_json_and_csv(seeds, client: Client):
    page = client.get(f"/committees/{SLUG}/actions/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "PROGRESS REPORT ON INDEPENDENT REVIEWING OFFICER (IRO) ESCALATIONS" in html
    assert "sexual exploitation" in html
    twin = client.get(f"/committees/{SLUG}/actions.json").json()
    statuses = {r["status"] for r in twin["requests"]}
    assert {"delivered", "overdue", "open"} <= statuses
    delivered = next(r for r in twin["requests"] if r["delivered_by"] and r["kind"] == "report")
    assert delivered["delivered_by"]["item_number"] == "7"
    assert delivered["delivered_by"]["meeting_date"] == "2019-02-26"
    response = client.get(f"/committees/{SLUG}/actions.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == len(twin["requests"])
    assert any(r["delivered_item_number"] == "7" for r in rows)


def test_workplan_and_performance_and_commitments_pages(seeds, client: Client):
    plan = client.get(f"/committees/{SLUG}/work-plan.json").json()
    statuses = {(e["title"], e["status"]) for e in plan["entries"]}
    assert ("Sufficiency strategy", "dropped") in statuses
    html = client.get(f"/committees/{SLUG}/work-plan/").content.decode()
    assert "Fostering and Adoption reports" in html and "Slipped" in html
    perf = client.get(f"/committees/{SLUG}/performance/")
    assert perf.status_code == 200
    body = perf.content.decode()
    assert "<svg" in body and "Children looked after (number)" in body
    assert "<script" not in body.split("</footer>")[0].split("<main")[1]
    twin = client.get(f"/committees/{SLUG}/performance.json").json()
    cla = next(x for x in twin["measures"] if x["key"] == "cla_count")
    assert {f["value"] for f in cla["figures"]} >= {492, 474, 472}
    assert twin["unmapped"]
    commitments = client.get(f"/committees/{SLUG}/commitments.json").json()["commitments"]
    assert {c["kind"] for c in commitments} == {"we_will", "self_evaluation", "inspection"}
    assert client.get("/actions/").status_code == 200
    assert client.get("/committees/no-such-committee/actions/").status_code == 404


def test_closed_business_never_reaches_the_public(seeds, client: Client, django_user_model):
    secret = "SECRETCLOSEDPHRASE"
    b = seeds["builder"]
    meeting = seeds["meetings"][dt.date(2020, 7, 8)]
    source, _ = b.source("000")
    doc = m.Document.objects.create(
        source=source,
        kind="minutes",
        meeting=meeting,
        first_line=99999,
        last_line=99999,
        classification="closed",
        text=f"That a further report on {secret} placements be provided at the next meeting.",
    )
    minute = m.Minute.objects.create(
        meeting=meeting, number="20", order=20, title="CLOSED ITEM", part="closed", document=doc
    )
    m.Resolution.objects.create(minute=minute, order=1, text=doc.text, document=doc)
    report_doc = m.Document.objects.create(
        source=source,
        kind="report",
        meeting=meeting,
        first_line=99998,
        last_line=99998,
        classification="closed",
        text=f"In March 2020 we had 999 looked after children in {secret}.\nWe will close {secret}.",
    )
    report = m.Report.objects.create(
        meeting=meeting,
        committee=seeds["committee"],
        title="Closed report",
        classification="closed",
    )
    report.documents.add(report_doc)
    update_tracking(today=dt.date(2026, 1, 1))
    for url in ("actions", "work-plan", "performance", "commitments"):
        for suffix in ("/", ".json"):
            body = client.get(f"/committees/{SLUG}/{url}{suffix}").content.decode()
            assert secret not in body, (url, suffix)
            assert "999" not in body or url != "performance"
    assert secret not in client.get(f"/committees/{SLUG}/actions.csv").content.decode()
    officer = django_user_model.objects.create_user("officer", password="x", is_staff=True)
    client.force_login(officer)
    assert secret in client.get(f"/committees/{SLUG}/actions.json").content.decode()
    assert secret in client.get(f"/committees/{SLUG}/commitments.json").content.decode()


def test_meeting_requests_include_renders(seeds):
    from django.template.loader import render_to_string

    from minutebook.tracking.queries import requests_for_meeting

    html = render_to_string(
        "tracking/_meeting_requests.html",
        {"meeting_requests": requests_for_meeting(seeds["meetings"][dt.date(2019, 2, 26)])},
    )
    assert "sexual exploitation" in html and "Overdue" in html and "Delivered" in html
