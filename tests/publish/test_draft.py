"""The proposed draft agenda, its saving and editing, and `minutebook draft-agenda`."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from minutebook.publish.draft import (
    CommitteeNotFound,
    find_committee,
    ordered_items,
    planned_entries,
    propose,
    save_proposal,
)
from minutebook.record import models as m
from tests.publish.records import HELD, UPCOMING, build_record

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def test_proposal_follows_the_standard_order_of_business() -> None:
    record = build_record()
    items = propose(record.committee, UPCOMING)
    titles = [i.title for i in items]
    assert titles[:4] == [
        "APOLOGIES",
        "CONFIRMATION OF VOTING MEMBERS",
        "NOTIFICATION OF ANY ITEMS OF BUSINESS WHICH THE CHAIR DEEMS URGENT",
        "DISCLOSURE OF INTERESTS AND DISPENSATIONS",
    ]
    assert titles[4] == "MINUTES"
    assert items[4].description.endswith("meeting held on 13 January 2021.")
    # The latest work plan's entries, then the resolution's, each once; the superseded plan's entry is gone.
    assert titles[5:8] == [
        "FOSTERING SERVICE ANNUAL REPORT",
        "INDEPENDENT REVIEWING OFFICERS ANNUAL REPORT",
        "SUFFICIENCY STRATEGY PROGRESS REPORT",
    ]
    assert "ITEM DROPPED BY A LATER WORK PLAN" not in titles
    # The closed report becomes its own Part B item; the work plan stays last among the items.
    assert items[-1].title == "CORPORATE PARENTING COMMITTEE - WORK PLAN 2020-21"
    closed = [i for i in items if i.part == "closed"]
    assert [i.title for i in closed] == ["PLACEMENT COSTS OF NAMED CHILDREN"]


def test_filed_reports_are_attached_to_their_planned_items() -> None:
    record = build_record()
    items = {i.title: i for i in propose(record.committee, UPCOMING)}
    fostering = items["FOSTERING SERVICE ANNUAL REPORT"]
    assert [r.title for r in fostering.reports] == ["Fostering Service Annual Report"]
    assert items["APOLOGIES"].reports == []


def test_a_newer_work_plan_supersedes_an_older_one() -> None:
    record = build_record()
    titles = [e.title for e in planned_entries(record.committee, UPCOMING)]
    assert titles == [
        "Fostering Service Annual Report",
        "Independent Reviewing Officers Annual Report",
        "Sufficiency strategy progress report",
    ]


def test_first_meeting_has_no_minutes_item() -> None:
    record = build_record()
    titles = [i.title for i in propose(record.committee, HELD.replace(year=2020))]
    assert "MINUTES" not in titles
    assert titles[-1].endswith("WORK PLAN 2019-20")


def test_saved_draft_keeps_officer_edits_until_reset() -> None:
    record = build_record()
    draft = save_proposal(record.committee, UPCOMING)
    assert draft.start_time is not None and draft.venue == record.upcoming.venue
    first = draft.items.get(order=1)
    first.title = "APOLOGIES FOR ABSENCE"
    first.save()
    again = save_proposal(record.committee, UPCOMING)
    assert again.pk == draft.pk
    assert again.items.get(order=1).title == "APOLOGIES FOR ABSENCE"
    save_proposal(record.committee, UPCOMING, replace=True)
    assert draft.items.get(order=1).title == "APOLOGIES"


def test_closed_items_are_numbered_after_open_ones() -> None:
    record = build_record()
    draft = save_proposal(record.committee, UPCOMING)
    parts = [i.part for i in ordered_items(draft)]
    assert parts == sorted(parts, key=lambda p: p == "closed")
    assert parts[-1] == "closed"


def test_committee_lookup_errors_are_clear() -> None:
    record = build_record()
    assert find_committee("corporate-parenting") == record.committee
    assert find_committee("riverside/corporate-parenting") == record.committee
    with pytest.raises(CommitteeNotFound, match="no committee 'nope'"):
        find_committee("nope")
    other = m.Council.objects.create(name="Other", slug="other")
    m.Committee.objects.create(council=other, name="CP", slug="corporate-parenting")
    with pytest.raises(CommitteeNotFound, match="several councils"):
        find_committee("corporate-parenting")


def test_draft_agenda_command_prints_json() -> None:
    build_record()
    out = StringIO()
    call_command(
        "draft_agenda",
        "--committee",
        "corporate-parenting",
        "--date",
        "2021-03-03",
        "--json",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    assert data["committee"] == "Corporate Parenting Committee"
    assert data["date"] == "2021-03-03" and data["time"] == "18:30"
    assert [i["number"] for i in data["items"]] == [
        str(n) for n in range(1, len(data["items"]) + 1)
    ]
    fostering = next(i for i in data["items"] if i["title"] == "FOSTERING SERVICE ANNUAL REPORT")
    assert fostering["reports"] == ["Fostering Service Annual Report"]


def test_draft_agenda_command_rejects_bad_input_without_traceback() -> None:
    build_record()
    with pytest.raises(CommandError, match="expected YYYY-MM-DD"):
        call_command("draft_agenda", "--committee", "corporate-parenting", "--date", "3/3/21")
    with pytest.raises(CommandError, match="no committee"):
        call_command("draft_agenda", "--committee", "planning", "--date", "2021-03-03")


def test_requests_due_from_tracking_become_items() -> None:
    from minutebook.tracking.models import TrackedRequest

    record = build_record()
    common = {"committee": record.committee, "meeting": record.held, "due_kind": "next_meeting"}
    TrackedRequest.objects.create(
        key="t-1",
        kind="information",
        topic="statistics on placement stability",
        sentence="That officers provide statistics on placement stability.",
        due_meeting=record.upcoming,
        status="open",
        **common,
    )
    TrackedRequest.objects.create(
        key="t-2",
        kind="report",
        topic="an update on the virtual school",
        sentence="That an update on the virtual school be brought back.",
        due_meeting=record.upcoming,
        status="delivered",
        **common,
    )
    TrackedRequest.objects.create(
        key="t-3",
        kind="draft_agenda",
        topic="draft agenda",
        sentence="The draft agenda for the next meeting be noted as follows:",
        due_meeting=record.upcoming,
        status="open",
        **common,
    )
    items = {i.title: i for i in propose(record.committee, UPCOMING)}
    request = items["STATISTICS ON PLACEMENT STABILITY"]
    assert request.kind == "request"
    assert request.description == (
        "Requested by the committee at the meeting of 13 January 2021: "
        "That officers provide statistics on placement stability."
    )
    assert "AN UPDATE ON THE VIRTUAL SCHOOL" not in items and "DRAFT AGENDA" not in items


def test_a_report_that_arrived_twice_is_attached_once() -> None:
    record = build_record()
    original = record.reports["Fostering Service Annual Report"]
    m.Report.objects.create(
        meeting=record.upcoming,
        committee=record.committee,
        title="Fostering  Service Annual Report\u2019",
        classification="open",
    )
    items = {i.title: i for i in propose(record.committee, UPCOMING)}
    assert items["FOSTERING SERVICE ANNUAL REPORT"].reports == [original]
    assert sum(len(i.reports) for i in items.values()) == 3
