"""The public record read once for OParl: every public fact, indexed by its owner.

Reads only through `record.visibility` (and `api.public_tracking`), so nothing
closed can reach the serializers. Grouping once keeps serialization linear in
the size of the record.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch

from minutebook.api.public_tracking import public_commitments, public_figures, public_requests
from minutebook.record import models as m
from minutebook.record import visibility as vis


class RecordSnapshot:
    """The public record, read once with few queries, with the links OParl needs."""

    def __init__(self) -> None:
        self.councils = list(m.Council.objects.order_by("pk"))
        self.committees = list(m.Committee.objects.select_related("council").order_by("pk"))
        self.years = list(m.MunicipalYear.objects.select_related("council").order_by("pk"))
        self.people = list(m.Person.objects.order_by("pk"))
        self.meetings = list(
            m.Meeting.objects.select_related("committee__council", "municipal_year").order_by("pk")
        )
        self.memberships = list(
            vis.public_memberships(m.Membership.objects.all())
            .select_related("committee", "municipal_year", "document")
            .defer("document__text")
            .order_by("pk")
        )
        self.titles = list(vis.public_facts(m.OfficerTitle.objects.all()).order_by("pk"))
        self.attendance = list(
            vis.public_attendance(m.Attendance.objects.all())
            .select_related("document")
            .defer("document__text")
            .order_by("meeting_id", "pk")
        )
        self.declarations = list(
            vis.public_declarations(m.Declaration.objects.all())
            .select_related("document")
            .defer("document__text")
            .order_by("meeting_id", "pk")
        )
        public_docs = vis.public_documents(m.Document.objects.all())
        self.items = list(
            vis.public_agenda_items(m.AgendaItem.objects.all())
            .prefetch_related(Prefetch("documents", queryset=public_docs.only("pk", "source_id")))
            .order_by("meeting_id", "order")
        )
        self.minutes = list(
            vis.public_minutes(m.Minute.objects.all())
            .select_related("document")
            .defer("document__text")
            .order_by("meeting_id", "order")
        )
        self.resolutions = list(
            vis.public_resolutions(m.Resolution.objects.all())
            .select_related("document")
            .defer("document__text")
            .order_by("minute_id", "order")
        )
        self.reports = list(
            vis.public_reports(m.Report.objects.all())
            .select_related("meeting__committee__council", "committee__council")
            .prefetch_related(Prefetch("documents", queryset=public_docs.only("pk", "source_id")))
            .order_by("pk")
        )
        self.sources = list(
            vis.public_sources(m.SourceFile.objects.all()).defer("content").order_by("pk")
        )
        self.documents = list(
            public_docs.only("pk", "kind", "source_id", "meeting_id").order_by("pk")
        )
        self.requests = list(
            public_requests()
            .select_related("document")
            .defer("document__text")
            .order_by("meeting_id", "key")
        )
        self.figures = list(
            public_figures()
            .select_related("document")
            .defer("document__text")
            .order_by("report_id", "key")
        )
        self.commitments = list(
            public_commitments()
            .select_related("document")
            .defer("document__text")
            .order_by("report_id", "key")
        )
        self.public_item_ids = {item.pk for item in self.items}
        self.public_source_ids = {source.pk for source in self.sources}
        self.meeting_by_id = {meeting.pk: meeting for meeting in self.meetings}
        self.committee_by_id = {c.pk: c for c in self.committees}
        self.council_by_id = {c.pk: c for c in self.councils}
        self.year_by_id = {y.pk: y for y in self.years}
        self.person_by_id = {p.pk: p for p in self.people}
        self.source_by_id = {s.pk: s for s in self.sources}
        self.shared_person_slugs = _shared(self.people)
        self.shared_committee_slugs = _shared(self.committees)
        self._index()
        self._link_files()

    def _index(self) -> None:
        """Group facts by their owner once, so that building objects stays linear."""
        self.memberships_of_person = _group(self.memberships, "person_id")
        self.memberships_of_committee = _group(self.memberships, "committee_id")
        self.titles_of_person = _group(self.titles, "person_id")
        self.declarations_of_person = _group(self.declarations, "person_id")
        self.declarations_of_meeting = _group(self.declarations, "meeting_id")
        self.attendance_of_meeting = _group(self.attendance, "meeting_id")
        # Honours last printed after each person's name (OParl's `affix`).
        self.affix_of_person: dict[int, str] = {}
        for row in sorted(
            self.attendance, key=lambda a: (self.meeting_by_id[a.meeting_id].date, a.pk)
        ):
            if row.person_id is not None and row.post_nominals:
                self.affix_of_person[row.person_id] = row.post_nominals
        self.items_of_meeting = _group(self.items, "meeting_id")
        self.minutes_of_meeting = _group(self.minutes, "meeting_id")
        self.minutes_of_item = _group(self.minutes, "agenda_item_id")
        self.resolutions_of_minute = _group(self.resolutions, "minute_id")
        self.reports_of_item = _group(self.reports, "agenda_item_id")
        self.report_by_id = {r.pk: r for r in self.reports}
        self.requests_of_meeting = _group(self.requests, "meeting_id")
        self.requests_delivered_by = _group(self.requests, "delivered_report_id")
        self.figures_of_report = _group(self.figures, "report_id")
        self.commitments_of_report = _group(self.commitments, "report_id")
        self.meetings_at: dict[tuple[int, str], list[m.Meeting]] = {}
        for meeting in self.meetings:
            key = (meeting.committee.council_id, meeting.venue.strip())
            self.meetings_at.setdefault(key, []).append(meeting)

    def _link_files(self) -> None:
        """Which public files belong to which meetings, agenda items and papers."""
        self.files_of_meeting: dict[int, list[int]] = {}
        self.minutes_files_of_meeting: dict[int, list[int]] = {}
        self.agenda_files_of_meeting: dict[int, list[int]] = {}
        for doc in self.documents:
            if doc.source_id not in self.public_source_ids or doc.meeting_id is None:
                continue
            _add(self.files_of_meeting, doc.meeting_id, doc.source_id)
            if doc.kind == "minutes":
                _add(self.minutes_files_of_meeting, doc.meeting_id, doc.source_id)
            elif doc.kind == "agenda":
                _add(self.agenda_files_of_meeting, doc.meeting_id, doc.source_id)
        self.files_of_item = {
            item.pk: _public_sources_of(item.documents.all(), self.public_source_ids)
            for item in self.items
        }
        self.files_of_report = {
            report.pk: _public_sources_of(report.documents.all(), self.public_source_ids)
            for report in self.reports
        }
        self.meetings_of_file: dict[int, list[int]] = {}
        for meeting_id, file_ids in self.files_of_meeting.items():
            for file_id in file_ids:
                _add(self.meetings_of_file, file_id, meeting_id)
        self.items_of_file: dict[int, list[int]] = {}
        for item_id, file_ids in self.files_of_item.items():
            for file_id in file_ids:
                _add(self.items_of_file, file_id, item_id)
        self.reports_of_file: dict[int, list[int]] = {}
        for report_id, file_ids in self.files_of_report.items():
            for file_id in file_ids:
                _add(self.reports_of_file, file_id, report_id)

    def council_of_meeting(self, meeting_id: int) -> m.Council:
        return self.meeting_by_id[meeting_id].committee.council

    def council_of_file(self, source: m.SourceFile) -> m.Council | None:
        for meeting_id in self.meetings_of_file.get(source.pk, []):
            return self.council_of_meeting(meeting_id)
        for report_id in self.reports_of_file.get(source.pk, []):
            council = self.council_of_report_id(report_id)
            if council is not None:
                return council
        # A file no meeting claims: it can only be the council's if there is one council.
        return self.councils[0] if len(self.councils) == 1 else None

    def council_of_report_id(self, report_id: int) -> m.Council | None:
        return council_of_report(self.report_by_id[report_id])


def _shared(rows: list[Any]) -> set[str]:
    """Slugs used by more than one council (their web URLs name the council)."""
    councils: dict[str, set[int]] = {}
    for row in rows:
        councils.setdefault(row.slug, set()).add(row.council_id)
    return {slug for slug, ids in councils.items() if len(ids) > 1}


def _group(rows: list[Any], attribute: str) -> dict[Any, list[Any]]:
    groups: dict[Any, list[Any]] = {}
    for row in rows:
        groups.setdefault(getattr(row, attribute), []).append(row)
    return groups


def _add(index: dict[int, list[int]], key: int, value: int) -> None:
    values = index.setdefault(key, [])
    if value not in values:
        values.append(value)


def _public_sources_of(documents: Any, public_source_ids: set[int]) -> list[int]:
    out: list[int] = []
    for doc in documents:
        if doc.source_id in public_source_ids and doc.source_id not in out:
            out.append(doc.source_id)
    return out


def council_of_report(report: m.Report) -> m.Council | None:
    if report.meeting is not None:
        return report.meeting.committee.council
    if report.committee is not None:
        return report.committee.council
    return None
