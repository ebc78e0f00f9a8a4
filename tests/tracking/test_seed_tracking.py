"""Tracking on the seed papers' record: requests, report-backs, the work plan against reality."""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.record import models as m
from minutebook.tracking.models import Commitment, Figure, TrackedRequest
from minutebook.tracking.queries import open_requests_due, requests_for_meeting
from minutebook.tracking.update import update_tracking
from minutebook.tracking.workplan import plan_rows
from tests.tracking.seed_record import FEB_2019, JUL_2020, NOV_2018, NOV_2020

TODAY = dt.date(2026, 1, 1)

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def _request(fragment: str) -> TrackedRequest:
    return TrackedRequest.objects.get(sentence__icontains=fragment)


def test_iro_progress_report_is_delivered_by_the_report_that_says_so(seeds):
    r = _request("further progress report be provided at the next meeting")
    assert (r.kind, r.due_kind, r.due_date) == ("report", "next_meeting", FEB_2019)
    assert r.status == "delivered"
    assert r.delivered_meeting.date == FEB_2019
    assert r.delivered_item.number == "7"
    assert "ESCALATIONS" in r.delivered_item.title
    assert r.match_evidence == "back_reference"
    assert "members requested" in r.match_text


def test_requests_with_no_answer_are_overdue_or_open(seeds):
    cse = _request("sexual exploitation")
    assert (cse.kind, cse.status, cse.due_date) == ("information", "overdue", FEB_2019)
    camhs = _request("CAMHS")
    assert (camhs.kind, camhs.actor, camhs.due_kind, camhs.status) == (
        "information",
        "officers",
        "unspecified",
        "open",
    )
    invite = _request("Speakerbox be invited")
    assert invite.kind == "invitation" and invite.status == "overdue"
    assert invite.topic == "a representative from Speakerbox"


def test_noting_is_not_a_request(seeds):
    assert not TrackedRequest.objects.filter(sentence__icontains="be noted.").exists()
    assert not TrackedRequest.objects.filter(
        sentence__icontains="it be noted that a workshop"
    ).exists()
    assert not TrackedRequest.objects.filter(
        sentence__icontains="continue to work and engage"
    ).exists()


def test_workshop_request_due_by_a_month(seeds):
    r = _request("workshop to take place early August")
    assert (r.kind, r.due_kind, r.due_date, r.status) == (
        "workshop",
        "date",
        dt.date(2020, 8, 31),
        "overdue",
    )


def test_plan_agreed_5_november_2018_was_delivered_in_full(seeds):
    rows = [r for r in plan_rows(seeds["committee"]) if r.entry and r.entry.planned_at == NOV_2018]
    assert [r.entry.origin for r in rows] == ["resolution"] * 3
    assert {r.entry.title: (r.status, r.item.number) for r in rows} == {
        "Sufficiency strategy update": ("delivered", "8"),
        "Ofsted progress report": ("delivered", "6"),
        "IRO – report back as set out in item 7": ("delivered", "7"),
    }
    draft = _request("draft agenda for the next meeting")
    assert draft.kind == "draft_agenda" and draft.status == "delivered"


def test_draft_agenda_of_8_july_2020_promised_what_4_november_did_not_have(seeds):
    rows = {
        r.entry.title: r
        for r in plan_rows(seeds["committee"])
        if r.entry and r.entry.planned_at == JUL_2020
    }
    assert (
        rows[
            "Update on Black Lives Matter and COVID-19 (including feedback from workshops in August)"
        ].status
        == "delivered"
    )
    fostering = rows["Fostering and Adoption reports"]
    assert fostering.status == "slipped" and fostering.slipped_to == dt.date(2021, 3, 3)
    assert fostering.via == "plan"
    assert rows["Sufficiency strategy"].status == "dropped"
    assert all(r.planned_for == NOV_2020 for r in rows.values())
    draft = _request("4 November 2020 draft agenda")
    assert draft.status == "overdue"
    assert "Fostering and Adoption reports" in draft.match_text
    assert "Sufficiency strategy" in draft.match_text


def test_unplanned_items_exclude_standard_business(seeds):
    unplanned = [r.item.title for r in plan_rows(seeds["committee"]) if r.status == "unplanned"]
    assert any("FEEDBACK FROM INSPECTIONS" in t for t in unplanned)
    assert not any(t in {"APOLOGIES", "MINUTES"} or "WORK PLAN" in t for t in unplanned)
    # Split deliveries count: the COVID-19 half of "Update on Black Lives Matter and COVID-19".
    assert "COVID - 19 LOCKDOWN UPDATE" not in unplanned


def test_requests_for_meeting_made_and_due(seeds):
    made = requests_for_meeting(seeds["meetings"][NOV_2018])
    assert len(made["made"]) == 5
    due = requests_for_meeting(seeds["meetings"][FEB_2019])
    assert {r["kind"] for r in due["due"]} == {
        "report",
        "information",
        "invitation",
        "draft_agenda",
    }
    delivered = next(r for r in due["due"] if r["status"] == "delivered" and r["kind"] == "report")
    assert delivered["delivered_by"]["item_number"] == "7"
    assert delivered["made_at"] == {"meeting_date": NOV_2018, "item_number": "7"}
    owed = open_requests_due(seeds["committee"], FEB_2019)
    assert {r["kind"] for r in owed} == {"information", "invitation"}


def test_figures_of_one_measure_over_time(seeds):
    cla = Figure.objects.filter(measure="cla_count", comparator="").order_by("period_start")
    assert [(f.period_label, f.value) for f in cla.filter(value__in=[492, 474, 472])] == [
        ("April 2018", 492),
        ("November 2018", 474),
        ("December 2018", 472),
    ]
    first = cla.get(value=492)
    assert first.document is not None and first.first_line is not None
    line = first.document.source.text.split("\n")[first.first_line - 1]
    assert "492 looked after children" in line
    national = Figure.objects.get(
        measure="placement_stability_short_term", comparator="national_average"
    )
    assert national.value == 10
    iro = Figure.objects.filter(
        measure="iro_escalations", breakdown="Drift or delay in care planning"
    )
    assert [(f.value, f.period_label) for f in iro] == [(23, "Apr to Nov 2018")]
    assert Figure.objects.filter(measure="iro_escalations", breakdown="", value=103).exists()
    rate = Figure.objects.get(measure="cla_rate")
    assert (rate.value, rate.unit) == (68, "rate_per_10000")
    reviews = Figure.objects.filter(measure="reviews_in_timescale").order_by("period_start")
    assert [(f.period_label, f.value) for f in reviews] == [("2019/20", 76), ("2020/21", 85)]
    assert Figure.objects.filter(measure="").exists()  # figures that map to nothing are kept


def test_commitments_from_strategy_self_evaluation_and_inspection(seeds):
    we_will = Commitment.objects.filter(kind="we_will")
    assert we_will.filter(
        text__startswith="We will reduce the need for children to come into care"
    ).exists()
    row = we_will.get(text__startswith="We will reduce the need")
    assert "492 looked after children" in row.evidence
    se = Commitment.objects.filter(kind="self_evaluation", reference="7.1")
    assert se.filter(
        text__startswith="Undertake in depth analysis of reducing levels of entry to care"
    ).exists()
    analysis = se.get(text__startswith="Undertake in depth analysis")
    assert analysis.timescale == "next 12 months"
    assert "68 per 10,000" in analysis.evidence
    dated = Commitment.objects.get(
        kind="self_evaluation", text__contains="Out of Hours Social Work Service (July 2021)"
    )
    assert dated.timescale == "July 2021"
    findings = Commitment.objects.filter(kind="inspection")
    assert findings.filter(text="The quality and timeliness of permanence planning.").exists()


def test_update_is_idempotent_and_keeps_officer_decisions(seeds, django_user_model):
    from minutebook.tracking.review import withdraw

    officer = django_user_model.objects.create_user("officer", is_staff=True)
    r = _request("sexual exploitation")
    withdraw(r, officer)
    before = (
        TrackedRequest.objects.count(),
        Figure.objects.count(),
        Commitment.objects.count(),
        m.WorkPlanEntry.objects.count(),
    )
    update_tracking(today=TODAY)
    after = (
        TrackedRequest.objects.count(),
        Figure.objects.count(),
        Commitment.objects.count(),
        m.WorkPlanEntry.objects.count(),
    )
    assert before == after
    r.refresh_from_db()
    assert r.status == "withdrawn" and r.withdrawn_by == officer and r.withdrawn_at is not None


def test_officer_rejects_then_confirms_a_match(seeds, django_user_model):
    from minutebook.tracking.review import confirm_match, reject_match

    officer = django_user_model.objects.create_user("reviewer", is_staff=True)
    workshop = _request("Request for a short pre-meeting")
    assert workshop.status == "delivered" and workshop.delivered_item.number == "10"
    reject_match(workshop, officer)
    workshop.refresh_from_db()
    assert workshop.status != "delivered"
    assert workshop.review == "rejected" and workshop.reviewed_by == officer
    assert workshop.rejected_candidates == [
        f"item:{seeds['builder'].meetings[NOV_2020].agenda_items.get(number='10').pk}"
    ]
    iro = _request("further progress report be provided")
    confirm_match(iro, officer)
    update_tracking(today=TODAY)
    iro.refresh_from_db()
    assert iro.status == "delivered" and iro.review == "confirmed" and iro.reviewed_at is not None
    with pytest.raises(ValueError):
        confirm_match(_request("sexual exploitation"), officer)


def test_admin_lists_requests_for_staff(seeds, admin_client):
    response = admin_client.get("/admin/tracking/trackedrequest/")
    assert response.status_code == 200
    assert "sexual exploitation" in response.content.decode()


def _tracking_rows() -> list[tuple[object, ...]]:
    requests = TrackedRequest.objects.order_by("key").values_list(
        "key", "status", "topic", "due_date", "delivered_meeting_id", "match_text"
    )
    figures = Figure.objects.order_by("key").values_list("key", "first_line", "last_line")
    commitments = Commitment.objects.order_by("key").values_list("key", "first_line", "timescale")
    return [*requests, *figures, *commitments]


def test_texts_read_in_worker_processes_give_the_same_tracking(
    seeds, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minutebook.tracking import text_facts as tf

    before = _tracking_rows()
    assert len(before) > 50
    # A big batch: figures, commitments and requests are read in worker processes, one
    # committee ahead of the matching done here. Nothing may change.
    monkeypatch.setattr(tf, "PARALLEL_FROM", 1)
    monkeypatch.setattr(tf.os, "cpu_count", lambda: 2)
    counts = update_tracking(today=TODAY)
    assert counts == seeds["counts"]
    assert _tracking_rows() == before
