"""Building the search index from the record.

Documents are cut into passages (paragraph runs of up to `PASSAGE_CHARS`) so
results point at a line of the paper and snippets come from the right place.
Agenda items, minutes and resolutions are indexed whole. Whether a row is
closed is decided by `record.visibility.public()`, never here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import Model, QuerySet

from minutebook.record import models as m
from minutebook.record.visibility import public
from minutebook.web import links
from minutebook.web.models import SearchEntry
from minutebook.web.redaction import closed_lines_by_source

PASSAGE_CHARS = 2000
# Control characters mark highlights in snippets; they never come from a paper.
_STRIP = dict.fromkeys([0, 2, 3], " ")
DOCUMENT_KINDS = {"report", "minutes", "agenda", "letter", "decision"}


def clean(text: str) -> str:
    return (text or "").translate(_STRIP)


def passages(
    text: str, first_line: int, closed_lines: set[int] | frozenset[int] = frozenset()
) -> Iterator[tuple[int, str, bool]]:
    """(line, text, closed) runs of whole lines, cut at blank lines, when long enough, and
    where closed business starts or ends inside an open paper."""
    start = first_line
    buffer: list[str] = []
    size = 0
    run_closed = False
    for offset, line in enumerate(text.split("\n")):
        number = first_line + offset
        closed = number in closed_lines
        if buffer and closed != run_closed:
            yield start, "\n".join(buffer), run_closed
            buffer, size = [], 0
        if not buffer:
            start, run_closed = number, closed
        if line.strip():
            buffer.append(line)
            size += len(line) + 1
        if buffer and (not line.strip() or size >= PASSAGE_CHARS):
            yield start, "\n".join(buffer), run_closed
            buffer, size = [], 0
    if buffer:
        yield start, "\n".join(buffer), run_closed


def _public_ids(qs: QuerySet[Any]) -> set[int]:
    return set(public(qs).values_list("pk", flat=True))


def _meeting_context(meeting: m.Meeting | None) -> str:
    if meeting is None:
        return ""
    return f"{meeting.committee.name}, {meeting.date:%-d %B %Y}"


def _entry(
    obj: Model,
    model: str,
    kind: str,
    title: str,
    body: str,
    url: str,
    *,
    line: int = 0,
    meeting: m.Meeting | None = None,
    committee_id: int | None = None,
    closed: bool,
) -> SearchEntry:
    return SearchEntry(
        kind=kind,
        model=model,
        object_id=obj.pk,
        line=line,
        title=clean(title)[:2000],
        body=clean(body),
        url=url[:600],
        context=_meeting_context(meeting)[:600],
        committee_id=committee_id
        if committee_id is not None
        else (meeting.committee_id if meeting else None),
        meeting_date=meeting.date if meeting else None,
        closed=closed,
    )


def document_entries() -> Iterator[SearchEntry]:
    documents = m.Document.objects.select_related("meeting__committee")
    open_ids = _public_ids(m.Document.objects.all())
    report_for = dict(m.Report.documents.through.objects.values_list("document_id", "report_id"))
    open_reports = _public_ids(m.Report.objects.all())
    withheld = closed_lines_by_source()
    for document in documents.iterator(chunk_size=500):
        kind = document.kind if document.kind in DOCUMENT_KINDS else "other"
        closed = document.pk not in open_ids
        report_id = report_for.get(document.pk)
        title = str(document)
        hidden = withheld.get(document.source_id, set())
        for line, text, closed_run in passages(document.text, document.first_line, hidden):
            if report_id is not None and (closed or report_id in open_reports):
                url = links.reverse_report(report_id)
            else:
                url = links.source_url(document.source_id, line)
            yield _entry(
                document,
                "document",
                kind,
                title,
                text,
                url,
                line=line,
                meeting=document.meeting,
                closed=closed or closed_run,
            )


def agenda_item_entries() -> Iterator[SearchEntry]:
    open_ids = _public_ids(m.AgendaItem.objects.all())
    rows = m.AgendaItem.objects.select_related("meeting__committee__council")
    for item in rows.iterator(chunk_size=1000):
        url = f"{links.meeting_url(item.meeting)}#item-{item.order}"
        title = f"{item.number} {item.title}".strip()
        yield _entry(
            item,
            "agenda_item",
            "agenda_item",
            title,
            item.description,
            url,
            line=item.first_line or 0,
            meeting=item.meeting,
            closed=item.pk not in open_ids,
        )


def minute_entries() -> Iterator[SearchEntry]:
    open_ids = _public_ids(m.Minute.objects.all())
    rows = m.Minute.objects.select_related("meeting__committee__council")
    for minute in rows.iterator(chunk_size=1000):
        url = f"{links.meeting_url(minute.meeting)}#minute-{minute.order}"
        title = f"{minute.number} {minute.title}".strip()
        yield _entry(
            minute,
            "minute",
            "minute",
            title,
            minute.discussion,
            url,
            line=minute.first_line or 0,
            meeting=minute.meeting,
            closed=minute.pk not in open_ids,
        )


def resolution_entries() -> Iterator[SearchEntry]:
    open_ids = _public_ids(m.Resolution.objects.all())
    rows = m.Resolution.objects.select_related("minute__meeting__committee__council")
    for resolution in rows.iterator(chunk_size=1000):
        meeting = resolution.minute.meeting
        url = f"{links.meeting_url(meeting)}#resolution-{resolution.pk}"
        title = f"Resolved: {resolution.minute.title}"
        yield _entry(
            resolution,
            "resolution",
            "resolution",
            title,
            resolution.text,
            url,
            line=resolution.first_line or 0,
            meeting=meeting,
            closed=resolution.pk not in open_ids,
        )


def all_entries() -> Iterator[SearchEntry]:
    yield from document_entries()
    yield from agenda_item_entries()
    yield from minute_entries()
    yield from resolution_entries()
