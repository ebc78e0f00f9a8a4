"""Building the search index from the record.

Documents are cut into passages (paragraph runs of up to `PASSAGE_CHARS`) so
results point at a line of the paper and snippets come from the right place.
Agenda items, minutes and resolutions are indexed whole. Whether a row is
closed is decided by `record.visibility.public()`, never here.

`all_entries()` yields the whole index; `scoped_entries(meeting_ids, source_ids)`
the rows of some meetings (and of the sources' papers tied to no meeting), for
the incremental update: visibility is then computed over that scope only.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any

from django.db.models import Model, Q, QuerySet

from minutebook.record import models as m
from minutebook.record.visibility import public
from minutebook.web import links
from minutebook.web.redaction import FACT_MODELS, closed_lines_by_source

PASSAGE_CHARS = 2000
# Control characters (0, 2, 3) mark highlights in snippets; they never come from a paper.
DOCUMENT_KINDS = {"report", "minutes", "agenda", "letter", "decision"}


def clean(text: str) -> str:
    # Three scans that find nothing cost less than one translate() of a passage.
    return (text or "").replace("\x00", " ").replace("\x02", " ").replace("\x03", " ")


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


# The columns of web_searchentry that `_entry()` fills, in order.
ROW_FIELDS = (
    "kind",
    "model",
    "object_id",
    "line",
    "title",
    "body",
    "url",
    "context",
    "committee_id",
    "meeting_date",
    "closed",
    "meeting_id",
    "source_id",
)
Row = tuple[Any, ...]


def _meeting_context(meeting: m.Meeting | None) -> str:
    if meeting is None:
        return ""
    return _context_text(meeting.committee.name, meeting.date)


@functools.lru_cache(maxsize=4096)
def _context_text(committee: str, date: dt.date) -> str:
    return f"{committee}, {date:%-d %B %Y}"  # every passage of a meeting repeats it


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
    source_id: int | None = None,
) -> Row:
    """One index row, in `ROW_FIELDS` order (plain tuples: model instances cost too much at scale)."""
    return (
        kind,
        model,
        obj.pk,
        line,
        clean(title)[:2000],
        clean(body),
        url[:600],
        _meeting_context(meeting)[:600],
        committee_id if committee_id is not None else (meeting.committee_id if meeting else None),
        meeting.date if meeting else None,
        closed,
        meeting.pk if meeting else None,
        source_id,
    )


def closed_lines_for_sources(source_ids: set[int]) -> dict[int, set[int]]:
    """`redaction.closed_lines_by_source()` for some sources: the same facts and rule, with
    visibility computed over those sources' facts only."""
    out: dict[int, set[int]] = {}
    for model in FACT_MODELS:
        qs = model.objects.filter(document__source_id__in=source_ids, first_line__isnull=False)
        hidden = qs.exclude(pk__in=public(qs).values("pk"))
        for source, first, last in hidden.values_list(
            "document__source_id", "first_line", "last_line"
        ):
            out.setdefault(source, set()).update(range(first, (last or first) + 1))
    return out


def scope_documents(meeting_ids: set[int], source_ids: set[int]) -> QuerySet[m.Document]:
    """The documents of these meetings, and those of these sources tied to no meeting."""
    return m.Document.objects.filter(
        Q(meeting_id__in=meeting_ids) | Q(meeting__isnull=True, source_id__in=source_ids)
    )


class _Index:
    """What every entry needs, computed once per rebuild (or per scope): visibility and URLs."""

    def __init__(self, scope: tuple[set[int], set[int]] | None = None) -> None:
        if scope is None:
            documents = m.Document.objects.all()
            reports = m.Report.objects.all()
            items = m.AgendaItem.objects.all()
            minutes = m.Minute.objects.all()
            resolutions = m.Resolution.objects.all()
            links_ = m.Report.documents.through.objects.all()
            self.withheld = closed_lines_by_source()
        else:
            meeting_ids, source_ids = scope
            documents = scope_documents(meeting_ids, source_ids)
            doc_ids = list(documents.values_list("pk", flat=True))
            reports = m.Report.objects.filter(documents__in=doc_ids).distinct()
            items = m.AgendaItem.objects.filter(meeting_id__in=meeting_ids)
            minutes = m.Minute.objects.filter(meeting_id__in=meeting_ids)
            resolutions = m.Resolution.objects.filter(minute__meeting_id__in=meeting_ids)
            links_ = m.Report.documents.through.objects.filter(document_id__in=doc_ids)
            sources = set(documents.values_list("source_id", flat=True))
            self.withheld = closed_lines_for_sources(sources)
        self.open_documents = _public_ids(documents)
        self.open_reports = _public_ids(reports)
        self.open_items = _public_ids(items)
        self.open_minutes = _public_ids(minutes)
        self.open_resolutions = _public_ids(resolutions)
        self.report_for = dict(links_.values_list("document_id", "report_id"))
        self._meeting_urls: dict[int, str] = {}
        # reverse() per passage is measurable at a million passages: format the patterns.
        self.source_pattern = links.source_url(999_999_999).replace("999999999", "{}")
        self.report_pattern = links.reverse_report(999_999_999).replace("999999999", "{}")

    def meeting_url(self, meeting: m.Meeting) -> str:
        if meeting.pk not in self._meeting_urls:
            self._meeting_urls[meeting.pk] = links.meeting_url(meeting)
        return self._meeting_urls[meeting.pk]


def document_entries(index: _Index, documents: QuerySet[m.Document]) -> Iterator[Row]:
    """A row per passage. Read as plain values, not model instances: documents give about
    nine in ten rows of the index, and building instances cost more than cutting passages."""
    meetings = {
        pk: (_context_text(name, date)[:600], committee_id, date)
        for pk, name, committee_id, date in m.Meeting.objects.filter(
            pk__in=documents.exclude(meeting=None).values("meeting_id")
        ).values_list("pk", "committee__name", "committee_id", "date")
    }
    kinds = dict(m.Document._meta.get_field("kind").choices or [])
    rows = documents.order_by("pk").values_list(
        "pk",
        "kind",
        "title",
        "source_id",
        "source__original_name",
        "meeting_id",
        "first_line",
        "text",
    )
    for pk, kind, title, source_id, source_name, meeting_id, first_line, text in rows.iterator(
        chunk_size=500
    ):
        closed = pk not in index.open_documents
        report_id = index.report_for.get(pk)
        # As `str(document)`, without reading the source row for each untitled document.
        title = clean(title or f"{kinds.get(kind, kind)} in {source_name}")[:2000]
        kind = kind if kind in DOCUMENT_KINDS else "other"
        context, committee_id, date = meetings.get(meeting_id, ("", None, None))
        report_url = ""
        if report_id is not None and (closed or report_id in index.open_reports):
            report_url = index.report_pattern.format(report_id)[:600]
        source_url = index.source_pattern.format(source_id)
        hidden = index.withheld.get(source_id, set())
        for line, passage, closed_run in passages(text, first_line, hidden):
            yield (
                kind,
                "document",
                pk,
                line,
                title,
                clean(passage),
                report_url or f"{source_url}#L{line}"[:600],
                context,
                committee_id,
                date,
                closed or closed_run,
                meeting_id,
                source_id,
            )


def agenda_item_entries(index: _Index, meeting_ids: list[int]) -> Iterator[Row]:
    rows = m.AgendaItem.objects.filter(meeting_id__in=meeting_ids).select_related(
        "meeting__committee__council"
    )
    for item in rows.order_by("pk").iterator(chunk_size=1000):
        yield _entry(
            item,
            "agenda_item",
            "agenda_item",
            f"{item.number} {item.title}".strip(),
            item.description,
            f"{index.meeting_url(item.meeting)}#item-{item.order}",
            line=item.first_line or 0,
            meeting=item.meeting,
            closed=item.pk not in index.open_items,
        )


def minute_entries(index: _Index, meeting_ids: list[int]) -> Iterator[Row]:
    rows = m.Minute.objects.filter(meeting_id__in=meeting_ids).select_related(
        "meeting__committee__council"
    )
    for minute in rows.order_by("pk").iterator(chunk_size=1000):
        yield _entry(
            minute,
            "minute",
            "minute",
            f"{minute.number} {minute.title}".strip(),
            "\n\n".join(t for t in (minute.discussion, minute.reasons) if t),
            f"{index.meeting_url(minute.meeting)}#minute-{minute.order}",
            line=minute.first_line or 0,
            meeting=minute.meeting,
            closed=minute.pk not in index.open_minutes,
        )


def resolution_entries(index: _Index, meeting_ids: list[int]) -> Iterator[Row]:
    rows = m.Resolution.objects.filter(minute__meeting_id__in=meeting_ids).select_related(
        "minute__meeting__committee__council"
    )
    for resolution in rows.order_by("pk").iterator(chunk_size=1000):
        meeting = resolution.minute.meeting
        yield _entry(
            resolution,
            "resolution",
            "resolution",
            f"Resolved: {resolution.minute.title}",
            resolution.text,
            f"{index.meeting_url(meeting)}#resolution-{resolution.pk}",
            line=resolution.first_line or 0,
            meeting=meeting,
            closed=resolution.pk not in index.open_resolutions,
        )


MEETING_BATCH = 200


def all_entries() -> Iterator[Row]:
    """Every entry, oldest meeting first: row ids then follow meeting dates, which lets
    the backends rank a very common word within its newest matches (see RANK_WINDOW)."""
    index = _Index()
    yield from document_entries(index, m.Document.objects.filter(meeting__isnull=True))
    meeting_ids = list(m.Meeting.objects.order_by("date", "pk").values_list("pk", flat=True))
    for start in range(0, len(meeting_ids), MEETING_BATCH):
        batch = meeting_ids[start : start + MEETING_BATCH]
        yield from document_entries(index, m.Document.objects.filter(meeting_id__in=batch))
        yield from agenda_item_entries(index, batch)
        yield from minute_entries(index, batch)
        yield from resolution_entries(index, batch)


def scoped_entries(meeting_ids: set[int], source_ids: set[int]) -> Iterator[Row]:
    """The rows of these meetings, and of these sources' papers tied to no meeting."""
    index = _Index((meeting_ids, source_ids))
    yield from document_entries(
        index, m.Document.objects.filter(meeting__isnull=True, source_id__in=source_ids)
    )
    ordered = list(
        m.Meeting.objects.filter(pk__in=meeting_ids)
        .order_by("date", "pk")
        .values_list("pk", flat=True)
    )
    for start in range(0, len(ordered), MEETING_BATCH):
        batch = ordered[start : start + MEETING_BATCH]
        yield from document_entries(index, m.Document.objects.filter(meeting_id__in=batch))
        yield from agenda_item_entries(index, batch)
        yield from minute_entries(index, batch)
        yield from resolution_entries(index, batch)
