"""Read what tracking needs from the record: candidate papers, report texts, line spans."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from minutebook.record import models as m
from minutebook.tracking.matching import Candidate


def item_key(item: m.AgendaItem) -> str:
    return f"item:{item.pk}"


def report_key(report: m.Report) -> str:
    return f"report:{report.pk}"


def _report_text(report: m.Report) -> str:
    docs = sorted(report.documents.all(), key=lambda d: (d.classification != "open", d.pk))
    if docs and docs[0].text:
        return docs[0].text
    return "\n".join(str(s.get("text", "")) for s in report.sections if isinstance(s, dict))


Resolved = tuple[m.Meeting, "m.AgendaItem | None", "m.Report | None"]


def _light_reports() -> QuerySet[m.Report]:
    """Reports without their large parsed fields; `sections` is read (one query) only for a
    report with no document text."""
    return m.Report.objects.defer("sections", "tables", "recommendations", "audit_trail")


def agenda_candidates(committee: m.Committee) -> dict[dt.date, list[Candidate]]:
    """Every agenda item (with its reports' text) and every report without an item, by meeting date."""
    return candidates_and_objects(committee)[0]


def candidates_and_objects(
    committee: m.Committee,
) -> tuple[dict[dt.date, list[Candidate]], dict[str, Resolved]]:
    """`agenda_candidates`, and what `resolve_candidate` would answer for each key (read in the
    same queries, so matching many requests costs no query per match)."""
    out: dict[dt.date, list[Candidate]] = defaultdict(list)
    resolved: dict[str, Resolved] = {}
    items = (
        m.AgendaItem.objects.filter(meeting__committee=committee)
        .select_related("meeting")
        .prefetch_related(Prefetch("reports", queryset=_light_reports()), "reports__documents")
        .order_by("meeting__date", "order")
    )
    for item in items:
        reports = list(item.reports.all())
        text = "\n".join(_report_text(r) for r in reports)
        key = item_key(item)
        out[item.meeting.date].append(
            Candidate(key, item.meeting.date, item.title, text, item.number)
        )
        resolved[key] = (item.meeting, item, min(reports, key=lambda r: r.pk, default=None))
    loose = (
        _light_reports()
        .filter(meeting__committee=committee, agenda_item__isnull=True)
        .select_related("meeting")
        .prefetch_related("documents")
    )
    for report in loose:
        assert report.meeting is not None
        key = report_key(report)
        out[report.meeting.date].append(
            Candidate(
                key,
                report.meeting.date,
                report.title,
                _report_text(report),
                report.item_number,
            )
        )
        resolved[key] = (report.meeting, None, report)
    return dict(out), resolved


def resolve_candidate(key: str) -> tuple[m.Meeting | None, m.AgendaItem | None, m.Report | None]:
    kind, _, pk = key.partition(":")
    if kind == "item":
        item = m.AgendaItem.objects.select_related("meeting").filter(pk=int(pk)).first()
        if item is None:
            return None, None, None
        report = item.reports.order_by("pk").first()
        return item.meeting, item, report
    report = m.Report.objects.select_related("meeting", "agenda_item").filter(pk=int(pk)).first()
    if report is None:
        return None, None, None
    return report.meeting, report.agenda_item, report


@dataclass(frozen=True)
class PaperText:
    """A text to read figures and commitments from, and where it sits in its source."""

    committee: m.Committee
    meeting: m.Meeting | None
    report: m.Report | None
    document: m.Document
    text: str

    def lines_of(self, offset: int, length: int) -> tuple[int, int]:
        first = self.document.first_line + self.text.count("\n", 0, max(0, offset))
        last = first + self.text.count("\n", offset, offset + length)
        return first, last


def papers(committee: m.Committee) -> Iterator[PaperText]:
    """Each report once (from its open document if it has one), then other non-agenda documents."""
    seen_docs: set[int] = set()
    reports = (
        (
            m.Report.objects.filter(committee=committee)
            | m.Report.objects.filter(meeting__committee=committee)
        )
        .distinct()
        .defer("sections", "recommendations", "audit_trail")
        .select_related("meeting")
        .prefetch_related("documents")
    )
    for report in reports.order_by("pk"):
        docs = sorted(report.documents.all(), key=lambda d: (d.classification != "open", d.pk))
        seen_docs.update(d.pk for d in docs)
        if docs:
            yield PaperText(committee, report.meeting, report, docs[0], docs[0].text)
    others = (
        m.Document.objects.filter(meeting__committee=committee)
        .exclude(kind__in=["minutes", "distribution_list"])
        .exclude(pk__in=seen_docs)
        .select_related("meeting")
        .order_by("pk")
    )
    for doc in others:
        yield PaperText(committee, doc.meeting, None, doc, doc.text)
