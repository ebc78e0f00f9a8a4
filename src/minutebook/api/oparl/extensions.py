"""minutebook's OParl extension objects: requests, figures and commitments.

OParl has no such concepts; they appear under `minutebook:` properties
(documented in docs/oparl.md).
"""

from __future__ import annotations

from typing import Any

from minutebook.api.oparl.links import compact, iso_date, source_link, url
from minutebook.api.oparl.snapshot import RecordSnapshot


def request_object(snap: RecordSnapshot, r: Any) -> dict[str, Any]:
    """A committee's request (report-back), as a `minutebook:requests` entry."""
    delivered = r.delivered_report_id if r.delivered_report_id in snap.report_by_id else None
    return compact(
        {
            "key": r.key,
            "kind": r.kind,
            "topic": r.topic,
            "actor": r.actor,
            "sentence": r.sentence,
            "askedAt": url(f"meeting/{r.meeting_id}"),
            "dueKind": r.due_kind,
            "dueDate": iso_date(r.due_date),
            "dueMeeting": url(f"meeting/{r.due_meeting_id}") if r.due_meeting_id else None,
            "status": r.status,
            "deliveredAt": url(f"meeting/{r.delivered_meeting_id}")
            if r.delivered_meeting_id
            else None,
            "deliveredBy": url(f"paper/{delivered}") if delivered else None,
            "source": source_link(r),
        }
    )


def figure_object(f: Any) -> dict[str, Any]:
    return compact(
        {
            "key": f.key,
            "measure": f.measure,
            "label": f.label,
            "value": f.value,
            "unit": f.unit,
            "period": f.period_label,
            "periodStart": iso_date(f.period_start),
            "periodEnd": iso_date(f.period_end),
            "comparator": f.comparator,
            "breakdown": f.breakdown,
            "sentence": f.sentence,
            "source": source_link(f),
        }
    )


def commitment_object(c: Any) -> dict[str, Any]:
    return compact(
        {
            "key": c.key,
            "kind": c.kind,
            "text": c.text,
            "timescale": c.timescale,
            "reference": c.reference,
            "status": c.status,
            "source": source_link(c),
        }
    )
