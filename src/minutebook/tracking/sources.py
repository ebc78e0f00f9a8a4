"""Read what tracking needs from the record: candidate papers, report texts, line spans."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from minutebook.record import models as m
from minutebook.tracking.matching import Candidate, SentenceRef, request_sentence_refs
from minutebook.tracking.text_facts import UNREAD_KINDS


def item_key(item: m.AgendaItem) -> str:
    return f"item:{item.pk}"


def report_key(report: m.Report) -> str:
    return f"report:{report.pk}"


def _reading_order(report: m.Report) -> list[m.Document]:
    """A report's documents, the one it is read from first: its open one if it has one.
    Matching and the text facts must choose the same document (back-references read with
    a paper's facts are looked up by that document)."""
    return sorted(report.documents.all(), key=lambda d: (d.classification != "open", d.pk))


def _chosen_document(report: m.Report) -> m.Document | None:
    docs = _reading_order(report)
    return docs[0] if docs else None


def _report_text(report: m.Report) -> str:
    doc = _chosen_document(report)
    if doc is not None and doc.text:
        return doc.text
    return "\n".join(str(s.get("text", "")) for s in report.sections if isinstance(s, dict))


Resolved = tuple[m.Meeting, "m.AgendaItem | None", "m.Report | None"]
RefsByDocument = Mapping[int, tuple[SentenceRef, ...]]


def _light_reports() -> QuerySet[m.Report]:
    """Reports without their large parsed fields; `sections` is read (one query) only for a
    report with no document text."""
    return m.Report.objects.defer("sections", "tables", "recommendations", "audit_trail")


def agenda_candidates(committee: m.Committee) -> dict[dt.date, list[Candidate]]:
    """Every agenda item (with its reports' text) and every report without an item, by meeting date."""
    return candidates_and_objects(committee)[0]


class _Texts:
    """How candidates get what matching reads from their reports: the reports' texts (read
    here), back-reference sentences already read from their documents (`refs`; a report
    whose document is not among them is read here), or nothing (titles only)."""

    def __init__(self, refs: RefsByDocument | None, with_text: bool) -> None:
        self.refs = refs
        self.with_text = with_text and refs is None

    def documents(self) -> QuerySet[m.Document]:
        docs = m.Document.objects.all()
        return docs if self.with_text else docs.defer("text")

    def of(self, reports: list[m.Report]) -> tuple[str, tuple[SentenceRef, ...] | None]:
        """(text, refs) of a candidate made of `reports`."""
        if self.with_text:
            return "\n".join(_report_text(r) for r in reports), None
        if self.refs is None:
            return "", ()
        refs: list[SentenceRef] = []
        for report in reports:
            doc = _chosen_document(report)
            read = self.refs.get(doc.pk) if doc is not None else None
            if read is None:  # not read with the papers (no text there): read it now
                full = _light_reports().prefetch_related("documents").get(pk=report.pk)
                read = request_sentence_refs(_report_text(full))
            refs.extend(read)
        return "", tuple(refs)


def candidates_and_objects(
    committee: m.Committee,
    refs: RefsByDocument | None = None,
    *,
    with_text: bool = True,
) -> tuple[dict[dt.date, list[Candidate]], dict[str, Resolved]]:
    """`agenda_candidates`, and what `resolve_candidate` would answer for each key (read in the
    same queries, so matching many requests costs no query per match).

    `refs`: the back-reference sentences of the committee's documents, by document id, if
    already read (with the papers' other facts): the reports' texts are then not read again.
    `with_text=False`: titles only (comparing a work plan needs no text)."""
    texts = _Texts(refs, with_text)
    out: dict[dt.date, list[Candidate]] = defaultdict(list)
    resolved: dict[str, Resolved] = {}
    items = (
        m.AgendaItem.objects.filter(meeting__committee=committee)
        .select_related("meeting")
        .prefetch_related(
            Prefetch("reports", queryset=_light_reports()),
            Prefetch("reports__documents", queryset=texts.documents()),
        )
        .order_by("meeting__date", "order")
    )
    for item in items:
        reports = list(item.reports.all())
        text, item_refs = texts.of(reports)
        key = item_key(item)
        out[item.meeting.date].append(
            Candidate(key, item.meeting.date, item.title, text, item.number, item_refs)
        )
        resolved[key] = (item.meeting, item, min(reports, key=lambda r: r.pk, default=None))
    loose = (
        _light_reports()
        .filter(meeting__committee=committee, agenda_item__isnull=True)
        .select_related("meeting")
        .prefetch_related(Prefetch("documents", queryset=texts.documents()))
    )
    for report in loose:
        assert report.meeting is not None
        key = report_key(report)
        text, report_refs = texts.of([report])
        out[report.meeting.date].append(
            Candidate(
                key,
                report.meeting.date,
                report.title,
                text,
                report.item_number,
                report_refs,
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
        docs = _reading_order(report)
        seen_docs.update(d.pk for d in docs)
        if docs:
            yield PaperText(committee, report.meeting, report, docs[0], docs[0].text)
    others = (
        m.Document.objects.filter(meeting__committee=committee)
        .exclude(kind__in=UNREAD_KINDS)
        .exclude(pk__in=seen_docs)
        .select_related("meeting")
        .order_by("pk")
    )
    for doc in others:
        yield PaperText(committee, doc.meeting, None, doc, doc.text)
