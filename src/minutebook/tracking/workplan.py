"""The work plan against reality, per committee, read from the record.

Every WorkPlanEntry (from work-plan reports, and from agreed draft agendas:
origin "resolution") is compared with the agenda published for its meeting
by `workplan_compare.compare_plan`. For the public the comparison only sees
open business, so a closed item can neither deliver an entry in public nor
appear as unplanned.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from minutebook.record import models as m
from minutebook.record.visibility import can_see_closed, public_agenda_items, public_work_plan
from minutebook.tracking.sources import candidates_and_objects
from minutebook.tracking.workplan_compare import PlanEntry, compare_plan


@dataclass
class PlanRow:
    entry: m.WorkPlanEntry | None
    status: str
    planned_for: dt.date
    item: m.AgendaItem | None = None
    report: m.Report | None = None
    meeting: m.Meeting | None = None
    slipped_to: dt.date | None = None
    via: str = ""

    def as_dict(self) -> dict[str, Any]:
        entry = self.entry
        return {
            "planned_at": entry.planned_at if entry else None,
            "planned_for": self.planned_for,
            "title": entry.title if entry else (self.item.title if self.item else ""),
            "origin": entry.origin if entry else "",
            "status": self.status,
            "slipped_to": self.slipped_to,
            "slipped_via": self.via,
            "item": (
                {
                    "meeting_date": self.item.meeting.date,
                    "number": self.item.number,
                    "title": self.item.title,
                    "report_id": self.report.pk if self.report else None,
                }
                if self.item
                else None
            ),
            "source": (
                {
                    "document_id": entry.document_id,
                    "first_line": entry.first_line,
                    "last_line": entry.last_line,
                }
                if entry
                else None
            ),
        }


def plan_rows(
    committee: m.Committee, user: Any = None, *, officer_view: bool = False
) -> list[PlanRow]:
    """Each entry with its outcome, then the unplanned items of the planned meetings."""
    see_closed = officer_view or can_see_closed(user)
    entries_qs = m.WorkPlanEntry.objects.filter(committee=committee).select_related("document")
    if not see_closed:
        entries_qs = public_work_plan(entries_qs)
    entries = {f"wp:{e.pk}": e for e in entries_qs}
    candidates, resolved = candidates_and_objects(committee, with_text=False)  # titles only
    if not see_closed:
        allowed = {
            f"item:{pk}"
            for pk in public_agenda_items(
                m.AgendaItem.objects.filter(meeting__committee=committee)
            ).values_list("pk", flat=True)
        }
        candidates = {d: [c for c in items if c.key in allowed] for d, items in candidates.items()}
        candidates = {d: items for d, items in candidates.items() if items}
    plan = [PlanEntry(k, e.planned_at, e.planned_for, e.title) for k, e in entries.items()]
    rows: list[PlanRow] = []
    for outcome in compare_plan(plan, candidates, committee.name):
        entry = entries[outcome.entry.key] if outcome.entry else None
        meeting = item = report = None
        if outcome.item is not None:
            meeting, item, report = resolved[outcome.item.key]
        planned_for = (
            outcome.entry.planned_for
            if outcome.entry
            else (meeting.date if meeting else dt.date.min)
        )
        rows.append(
            PlanRow(
                entry,
                outcome.status,
                planned_for,
                item,
                report,
                meeting,
                outcome.slipped_to,
                outcome.via,
            )
        )
    return rows


def outcomes_by_entry(committee: m.Committee) -> dict[int, PlanRow]:
    """The officer's (complete) view of every entry's outcome, by entry id."""
    return {r.entry.pk: r for r in plan_rows(committee, officer_view=True) if r.entry is not None}
