"""Request detection: decoys and due points found in real and synthetic minutes (regressions)."""

from __future__ import annotations

import datetime as dt

from minutebook.tracking.requests_detect import detect_requests

MARCH = dt.date(2025, 3, 14)


def _found(text: str, *, minuted: bool = False) -> list[tuple[str, str, dt.date | None]]:
    return [(r.kind, r.due_kind, r.due_date) for r in detect_requests(text, MARCH, minuted=minuted)]


def test_approving_what_the_report_sets_out_is_no_request() -> None:
    # Hammersmith & Fulham cabinet, 4 March 2013 (corpus/councils/26) had this as a "report".
    assert _found("That approval be given to the budget variations as set out in the report.") == []
    assert _found("That the recommendations in the attached report be agreed.") == []


def test_a_question_put_at_the_meeting_is_no_request() -> None:
    assert _found("Members asked about the number of foster carers.", minuted=True) == []
    assert _found("Members asked whether the figures included UASC.", minuted=True) == []
    assert _found(
        "Members asked that the number of children attending their reviews be reported.",
        minuted=True,
    ) == [("information", "unspecified", None)]


def test_a_meeting_named_by_its_month_is_the_due_point() -> None:
    assert _found("That a report on placement stability be brought to the June meeting.") == [
        ("report", "date", dt.date(2025, 6, 30))
    ]
    assert _found("That an update be presented at the January 2026 meeting of the Board.") == [
        ("report", "date", dt.date(2026, 1, 31))
    ]


def test_two_decisions_in_one_sentence_are_read_apart() -> None:
    """Regression: "That the annual report be noted and that the Virtual School Head circulate
    the attainment data by ward" took the whole sentence as the topic, whose "Virtual School"
    then matched next year's "Virtual School Annual Report" as the delivery."""
    [found] = detect_requests(
        "That the annual report be noted and that the Virtual School Head circulate the "
        "attainment data by ward to Members.",
        MARCH,
    )
    assert (found.kind, found.topic, found.actor) == (
        "information",
        "the attainment data by ward",
        "the Virtual School Head",
    )
    [back] = detect_requests(
        "To note the report, and that the governance arrangements would be considered and "
        "brought back to a future meeting of the Panel.",
        MARCH,
    )
    assert back.kind == "report"
