"""Loading the facts of minutes, reports and work plans (a part of the loader).

`FactsMixin` is mixed into the loader's `_Load`; it relies on the loader's
context (`up`, `report`, `source`, `history`, `provenance()`, `resolver()`,
`items()`, `find_item()`, `link()`); see loader.py for the identity rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from minutebook.parser import models as p
from minutebook.record import models as m
from minutebook.record.mapping import (
    CLOSED_MINUTES_OFFSET,
    DECLARATION_KEY_CHARS,
    MINUTES_ITEM,
    PARTIAL_MINUTES_OFFSET,
    parse_date,
)

if TYPE_CHECKING:
    from minutebook.record.mapping import Links
    from minutebook.record.people import PeopleResolver
    from minutebook.record.upsert import HistoryBuffer, LoadReport, Upserter


class FactsMixin:
    up: Upserter
    report: LoadReport
    source: m.SourceFile
    history: HistoryBuffer

    # Provided by the loader (loader._Load):
    provenance: Callable[[m.Document, p.Span | None], dict[str, Any]]
    resolver: Callable[[m.Council], PeopleResolver]
    council_of: Callable[[m.Committee], m.Council]
    items: Callable[[m.Meeting], list[m.AgendaItem]]
    find_item: Callable[[m.Meeting, str | None, str | None], m.AgendaItem | None]
    link: Callable[[m.AgendaItem | m.Report, m.Document], None]
    links: Links
    fresh_meetings: set[int]

    # -- minutes -----------------------------------------------------------------------------

    def minutes(self, parsed: p.Document, doc: m.Document, pack_meeting: m.Meeting | None) -> None:
        assert parsed.minutes is not None and doc.meeting is not None
        mins = parsed.minutes
        meeting = doc.meeting
        committee = meeting.committee
        people = self.resolver(self.council_of(committee))
        if pack_meeting is not None and pack_meeting.pk != meeting.pk:
            # Minutes of an earlier meeting, bundled for approval: link to "Minutes" item.
            for item in self.items(pack_meeting):
                if MINUTES_ITEM.search(item.title):
                    self.link(item, doc)
                    break
        part = "closed" if "closed" in (mins.part, parsed.part) else "open"
        offset = CLOSED_MINUTES_OFFSET if part == "closed" else 0
        twins = _namesakes(mins.attendance)
        # Everyone present first, then the rows: "A (substitute for B)" may come before B's
        # apology, and B must be known by then for `replaces` (else a reparse would add it).
        persons = [self.attendee(att, meeting, people) for att in mins.attendance]
        for att, person in zip(mins.attendance, persons, strict=True):
            self.attendance(att, doc, meeting, people, person, written_with_title=att.name in twins)
        for decl in mins.declarations:
            person = (
                people.resolve(decl.name, committee=committee, on=meeting.date, create=False)
                if decl.name
                else None
            )
            item = self.find_item(meeting, decl.item, None) if decl.item else None
            self.up.upsert(
                m.Declaration,
                {
                    "meeting": meeting,
                    "name_as_written": (decl.name or "").strip(),
                    # Part of the natural key: PostgreSQL indexes at most ~2,700 bytes.
                    "text": decl.text[:DECLARATION_KEY_CHARS],
                },
                {
                    "agenda_item": item,
                    "item_as_written": decl.item or "",
                    "person": person,
                    "kind": decl.kind or "",
                    **self.provenance(doc, decl.span),
                },
            )
        if meeting.pk not in self.fresh_meetings:  # the resolutions it has, in one query
            self.up.preload(m.Resolution, minute__meeting=meeting)
        minutes: list[tuple[m.Minute, p.MinuteItem]] = []
        place = (
            PartialPlaces(meeting)
            if parsed.kind == "decision" or (len(mins.items) == 1 and not mins.attendance)
            else None
        )
        for index, entry in enumerate(mins.items):
            title = entry.title.strip() or f"Item {entry.number or index + 1}"
            order = offset + index + 1 if place is None else place.order(entry.number, title)
            minute = self.up.upsert(
                m.Minute,
                {"meeting": meeting, "order": order},
                {
                    "agenda_item": self.find_item(meeting, entry.number, title),
                    "number": (entry.number or "").strip(),
                    "title": title,
                    "discussion": entry.discussion,
                    "reasons": entry.reasons,
                    # An item after a "PART II" heading is exempt even in open minutes.
                    "part": "closed" if entry.part == "closed" else part,
                    **self.provenance(doc, entry.span),
                },
            )
            minutes.append((minute, entry))
        self.up.flush_bulk(m.Minute)  # new minutes get their ids, for their resolutions
        for minute, entry in minutes:
            # Resolutions of the whole meeting were fetched above: nothing more to look up.
            self.up.preload(m.Resolution, fresh=True, minute=minute)
            for r_index, res in enumerate(entry.resolutions):
                self.up.upsert(
                    m.Resolution,
                    {"minute": minute, "order": r_index + 1},
                    {
                        "number": (res.number or "").strip(),
                        "text": res.text,
                        **self.provenance(doc, res.span),
                    },
                )

    def attendee(
        self, att: p.Attendee, meeting: m.Meeting, people: PeopleResolver
    ) -> m.Person | None:
        """The person an attendance line names (created when new)."""
        kind = {"officer": "officer", "co-opted": "co-opted"}.get(att.capacity, "other")
        if (att.honorific or "").casefold().startswith(("cllr", "councillor")):
            kind = "councillor"
        return people.resolve(
            att.name,
            honorific=att.honorific,
            committee=meeting.committee,
            on=meeting.date,
            kind=kind,
        )

    def attendance(
        self,
        att: p.Attendee,
        doc: m.Document,
        meeting: m.Meeting,
        people: PeopleResolver,
        person: m.Person | None,
        *,
        written_with_title: bool = False,
    ) -> None:
        """One attendance row. `written_with_title`: two attendees share this name (Mr and
        Ms J Meade), so each is kept as written with the title that tells them apart."""
        committee = meeting.committee
        replaces = (
            people.resolve(att.replaces, committee=committee, on=meeting.date, create=False)
            if att.replaces
            else None
        )
        capacity = att.capacity if att.capacity in dict(m.Attendance.CAPACITY_CHOICES) else "other"
        self.up.upsert(
            m.Attendance,
            {
                "meeting": meeting,
                "name_as_written": f"{att.honorific} {att.name}".strip()
                if written_with_title
                else att.name.strip(),
                "status": att.status,
            },
            {
                "person": person,
                "honorific": att.honorific or "",
                "capacity": capacity,
                "role": att.role or "",
                "post_nominals": (att.post_nominals or "")[:100],
                "replaces": replaces,
                "replaces_as_written": att.replaces or "",
                **self.provenance(doc, att.span),
            },
        )
        if person is not None and att.capacity == "officer" and att.role:
            self.up.upsert(
                m.OfficerTitle,
                {"person": person, "title": att.role.strip(), "seen_on": meeting.date},
                self.provenance(doc, att.span),
            )

    # -- reports and work plans --------------------------------------------------------------

    def report_row(self, parsed: p.Document, doc: m.Document) -> m.AgendaItem | None:
        """The Report row of a report document; returns its agenda item (for appendices)."""
        assert parsed.report is not None and doc.meeting is not None
        r = parsed.report
        meeting = doc.meeting
        title = (parsed.title or "").strip() or (
            f"Report for item {r.item_number}" if r.item_number else ""
        )
        if not title:
            self.report.warnings.append(
                f"{self.source.original_name}: report at line {parsed.span.first_line} "
                "has no title; kept as a document only"
            )
            return None
        item = self.find_item(meeting, r.item_number, title)
        audit = r.audit_trail
        values: dict[str, Any] = {
            "committee": meeting.committee,
            "agenda_item": item,
            "item_number": r.item_number or "",
            "report_date": parse_date(r.date),
            "meeting_name": r.meeting_name or "",
            "wards": r.wards or "",
            "from_text": r.from_ or "",
            "author": (audit.report_author if audit else None) or "",
            "lead_officer": (audit.lead_officer if audit else None) or "",
            "version": (audit.version if audit else None) or "",
            "dated": parse_date(audit.dated) if audit else None,
            "key_decision": audit.key_decision if audit else None,
            "exempt_paragraph": r.exempt_paragraph or "",
            "recommendations": [x.to_json() for x in r.recommendations],
            "sections": [x.to_json() for x in r.sections],
            "tables": [x.to_json() for x in r.tables],
            "audit_trail": audit.to_json() if audit else None,
            **self.provenance(doc, parsed.span),
        }
        row = self.up.upsert(m.Report, {"meeting": meeting, "title": title}, values)
        self.link(row, doc)
        if item is not None:
            self.link(item, doc)
        # Closed if any file it arrived in is closed: the safe reading when two files disagree.
        closed = any(d.classification == "closed" for d in self.links.linked(row)) or (
            row.pk is not None and row.documents.filter(classification="closed").exists()
        )
        wanted = "closed" if closed else "open"
        if row.classification != wanted and "classification" not in (row.corrected or []):
            row.classification = wanted
            if row.pk is not None:  # a new report is inserted with it
                self.history.save(row, update_fields=["classification"])
                self.report.add("Report", "updated")
        return item

    def work_plan(
        self,
        parsed: p.Document,
        doc: m.Document,
        committee: m.Committee | None = None,
        planned_at: dt.date | None = None,
    ) -> None:
        """The plan's entries, made at its meeting's date (or at `planned_at`, for a work
        programme published on its own without a date)."""
        if committee is None or planned_at is None:
            assert doc.meeting is not None
            committee, planned_at = doc.meeting.committee, doc.meeting.date
        self.up.preload(m.WorkPlanEntry, committee=committee, planned_at=planned_at)
        for entry in parsed.work_plan:
            planned_for = parse_date(entry.meeting_date)
            if planned_for is None:
                continue
            for order, title in enumerate(entry.items):
                if not title.strip():
                    continue
                self.up.upsert(
                    m.WorkPlanEntry,
                    {
                        "committee": committee,
                        "planned_at": planned_at,
                        "planned_for": planned_for,
                        "title": title.strip(),
                    },
                    {"order": order, "origin": "work_plan", **self.provenance(doc, entry.span)},
                )


def _namesakes(attendance: Sequence[p.Attendee]) -> set[str]:
    """Names that two attendees of one meeting share, told apart by their titles."""
    titles: dict[str, set[str]] = {}
    for att in attendance:
        titles.setdefault(att.name, set()).add((att.honorific or "").casefold())
    return {name for name, seen in titles.items() if len(seen) > 1}


class PartialPlaces:
    """Where the items of a document that records only part of a meeting go: a decision
    notice, or a web page of one minute. Their items are numbered 1, 2... like a meeting's
    full minutes, so placing them by that index would write them over the full minutes' first
    items (a decision's resolutions would appear under "Apologies"). Instead an item joins
    the meeting's minute of the same number (the same item, published twice), or a place of
    its own after the full minutes, kept on reloads (found again by number and title)."""

    def __init__(self, meeting: m.Meeting) -> None:
        self.rows = list(
            m.Minute.objects.filter(meeting=meeting).values_list("order", "number", "title")
        )
        self.taken: set[int] = set()

    def order(self, number: str | None, title: str) -> int:
        number = (number or "").strip()
        full = [(o, n, t) for o, n, t in self.rows if o < PARTIAL_MINUTES_OFFSET]
        if number:
            same = [o for o, n, _ in full if n.strip() == number]
            if len(same) == 1:
                return same[0]
        partial = [(o, n, t) for o, n, t in self.rows if o >= PARTIAL_MINUTES_OFFSET]
        for o, n, t in partial:
            if n.strip() == number and t == title and o not in self.taken:
                self.taken.add(o)
                return o
        order = max([o for o, _, _ in partial] + [PARTIAL_MINUTES_OFFSET, *self.taken]) + 1
        self.taken.add(order)
        self.rows.append((order, number, title))
        return order
