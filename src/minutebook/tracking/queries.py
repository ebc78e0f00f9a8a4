"""What the web, API, publish and CLI layers ask of tracking. Every function takes the viewer
(`user`, None for the public) and applies `record/visibility.py`: closed business never
reaches the public through a request, a figure or a commitment.

- `requests_for_meeting(meeting, user)`: requests made at a meeting and requests due at it.
- `request_rows(committee, user)`, `figure_rows(...)`, `commitment_rows(...)`: JSON-ready rows.
- `open_requests_due(committee, on_or_before, user)`: open or overdue report-backs due by a
  date (for a draft agenda).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from minutebook.record import compiled_querysets as compiled
from minutebook.record import models as m
from minutebook.record.visibility import visible, visible_rows
from minutebook.tracking.catalogue import BY_KEY
from minutebook.tracking.models import Commitment, Figure, TrackedRequest


def visible_requests(qs: QuerySet[TrackedRequest], user: Any = None) -> QuerySet[TrackedRequest]:
    """A request is public only if its source and its delivering paper are both public.

    `record.visibility.public()` already hides a row whose resolution, minute, delivering
    item or report, or provenance document is hidden: one rule, applied once.
    """
    return visible(qs, user)


def visible_figures(qs: QuerySet[Figure], user: Any = None) -> QuerySet[Figure]:
    """Hidden when its report or its provenance document is hidden."""
    return visible(qs, user)


def visible_commitments(qs: QuerySet[Commitment], user: Any = None) -> QuerySet[Commitment]:
    """Hidden when its report or its provenance document is hidden."""
    return visible(qs, user)


def _source(row: TrackedRequest | Figure | Commitment) -> dict[str, Any]:
    return {
        "document_id": row.document_id,
        "source_id": row.document.source_id if row.document_id and row.document else None,
        "first_line": row.first_line,
        "last_line": row.last_line,
    }


def request_row(r: TrackedRequest) -> dict[str, Any]:
    delivered = None
    if r.status == "delivered" and r.delivered_meeting_id:
        delivered = {
            "meeting_date": r.delivered_meeting.date if r.delivered_meeting else None,
            "item_number": r.delivered_item.number if r.delivered_item else "",
            "title": (
                r.delivered_item.title
                if r.delivered_item
                else (r.delivered_report.title if r.delivered_report else "")
            ),
            "report_id": r.delivered_report_id,
            "evidence": r.match_evidence,
            "evidence_text": r.match_text,
        }
    return {
        "id": r.pk,
        "committee": r.committee.slug,
        "made_at": {"meeting_date": r.meeting.date, "item_number": r.item_number},
        "kind": r.kind,
        "text": r.sentence,
        "topic": r.topic,
        "actor": r.actor,
        "due": {
            "kind": r.due_kind,
            "date": r.due_date,
            "meeting_date": r.due_meeting.date if r.due_meeting else None,
        },
        "status": r.status,
        "delivered_by": delivered,
        "note": r.match_text if r.status != "delivered" else "",
        "review": {
            "state": r.review,
            "by": r.reviewed_by.get_username() if r.reviewed_by else None,
            "at": r.reviewed_at,
        },
        "source": _source(r),
    }


def _requests(qs: QuerySet[TrackedRequest]) -> QuerySet[TrackedRequest]:
    return (
        qs.select_related(
            "committee",
            "meeting",
            "due_meeting",
            "delivered_meeting",
            "delivered_item",
            "delivered_report",
            "reviewed_by",
            "document",
        )
        .defer("document__text")
        .order_by("meeting__date", "key")
    )


def requests_for_committee(committee: m.Committee, user: Any = None) -> QuerySet[TrackedRequest]:
    return visible_requests(_requests(TrackedRequest.objects.filter(committee=committee)), user)


def request_rows(committee: m.Committee | None = None, user: Any = None) -> list[dict[str, Any]]:
    qs = (
        TrackedRequest.objects.all()
        if committee is None
        else TrackedRequest.objects.filter(committee=committee)
    )
    return [request_row(r) for r in visible_requests(_requests(qs), user)]


def _requests_at_meeting(
    committee_id: int, meeting_id: int, day: dt.date
) -> QuerySet[TrackedRequest]:
    at_meeting = Q(meeting_id=meeting_id) | Q(due_meeting_id=meeting_id) | Q(due_date=day)
    return _requests(TrackedRequest.objects.filter(at_meeting, committee_id=committee_id))


def requests_for_meeting(meeting: m.Meeting, user: Any = None) -> dict[str, list[dict[str, Any]]]:
    """The requests made at `meeting` and those due at it (by meeting or by a date on that day)."""
    # A meeting has a handful of requests: read them, then apply the visibility rule to
    # those rows (`visible_rows`: the same rule as `visible_requests`, in flat queries).
    # The query has one shape for every meeting: compiled once (`record.compiled_querysets`).
    rows = visible_rows(
        compiled.rows(
            "requests_for_meeting",
            _requests_at_meeting,
            meeting.committee_id,
            meeting.pk,
            meeting.date,
        ),
        user,
    )
    made: list[dict[str, Any]] = []
    due: list[dict[str, Any]] = []
    for r in rows:  # one query for both lists
        row = request_row(r)
        if r.meeting_id == meeting.pk:
            made.append(row)
        if r.due_meeting_id == meeting.pk or r.due_date == meeting.date:
            due.append(row)
    return {"made": made, "due": due}


def open_requests_due(
    committee: m.Committee, on_or_before: dt.date, user: Any = None
) -> list[dict[str, Any]]:
    """Open or overdue requests due on or before a date: the report-backs a draft agenda owes."""
    qs = _requests(
        TrackedRequest.objects.filter(
            committee=committee, status__in=["open", "overdue"], due_date__lte=on_or_before
        )
    )
    return [request_row(r) for r in visible_requests(qs, user)]


def figure_row(f: Figure) -> dict[str, Any]:
    measure = BY_KEY.get(f.measure)
    return {
        "id": f.pk,
        "committee": f.committee.slug,
        "measure": f.measure or None,
        "measure_label": measure.label if measure else None,
        "label": f.label,
        "value": f.value,
        "unit": f.unit,
        "period": {
            "label": f.period_label,
            "kind": f.period_kind,
            "start": f.period_start,
            "end": f.period_end,
        },
        "comparator": f.comparator or None,
        "breakdown": f.breakdown or None,
        "meeting_date": f.meeting.date if f.meeting else None,
        "report": {"id": f.report_id, "title": f.report.title} if f.report else None,
        "sentence": f.sentence,
        "source": _source(f),
    }


def figures_for_committee(committee: m.Committee | None, user: Any = None) -> QuerySet[Figure]:
    qs = Figure.objects.all() if committee is None else Figure.objects.filter(committee=committee)
    qs = qs.select_related("committee", "meeting", "report", "document").defer("document__text")
    return visible_figures(qs, user).order_by("measure", "period_end", "comparator", "key")


def figure_rows(committee: m.Committee | None = None, user: Any = None) -> list[dict[str, Any]]:
    return [figure_row(f) for f in figures_for_committee(committee, user)]


def commitment_row(c: Commitment) -> dict[str, Any]:
    return {
        "id": c.pk,
        "committee": c.committee.slug,
        "kind": c.kind,
        "text": c.text,
        "evidence": c.evidence,
        "timescale": c.timescale,
        "reference": c.reference,
        "status": c.status,
        "meeting_date": c.meeting.date if c.meeting else None,
        "report": {"id": c.report_id, "title": c.report.title} if c.report else None,
        "source": _source(c),
    }


def commitments_for_committee(
    committee: m.Committee | None, user: Any = None
) -> QuerySet[Commitment]:
    qs = (
        Commitment.objects.all()
        if committee is None
        else Commitment.objects.filter(committee=committee)
    )
    qs = qs.select_related("committee", "meeting", "report", "document").defer("document__text")
    return visible_commitments(qs, user).order_by("meeting__date", "kind", "key")


def commitment_rows(committee: m.Committee | None = None, user: Any = None) -> list[dict[str, Any]]:
    return [commitment_row(c) for c in commitments_for_committee(committee, user)]
