"""Re-derive tracking facts (requests, matches, work plan entries, figures, commitments) from the record.

`update_tracking()` is called by ingest and reparse after loading. It is
idempotent: rows are keyed by where they were read from, so running it twice
changes nothing, and officers' decisions (a confirmed or rejected match, a
withdrawn request, a commitment's status) survive it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from minutebook.record import models as m
from minutebook.tracking import workplan
from minutebook.tracking.bulk import delete_pks, insert_rows
from minutebook.tracking.commitments_extract import (
    SE_HEADER,
    FoundCommitment,
    find_self_evaluation,
    find_self_evaluation_table,
    finest_actions,
)
from minutebook.tracking.figures_extract import extract_from_table
from minutebook.tracking.matching import CandidateIndex, topic_words
from minutebook.tracking.models import Commitment, Figure, TrackedRequest
from minutebook.tracking.requests_detect import DetectedRequest, detect_requests, draft_agenda_items
from minutebook.tracking.sources import (
    PaperText,
    RefsByDocument,
    candidates_and_objects,
    papers,
)
from minutebook.tracking.text_facts import TextFacts, TextFactsReader, text_facts


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:20]


def update_tracking(
    today: dt.date | None = None,
    committee_ids: Iterable[int] | None = None,
    known: dict[bytes, TextFacts] | None = None,
) -> dict[str, int]:
    """Recompute tracking for every committee (or only `committee_ids`); returns counts per kind.

    Every tracked fact belongs to one committee and is derived from that
    committee's papers only, so ingest passes the committees its new papers
    touched: the cost then follows the batch, not the whole archive. A full
    run (`manage.py track`) also refreshes date-dependent statuses (overdue)
    of committees that received no paper. `known`: texts' facts already read (by
    `text_facts.text_key`), from the ingest workers' reading ahead.
    """
    today = today or timezone.localdate()
    counts: Counter[str] = Counter()
    committees = m.Committee.objects.order_by("pk")
    if committee_ids is not None:
        committees = committees.filter(pk__in=list(committee_ids))
    committees = list(committees)
    expected = m.Document.objects.filter(meeting__committee__in=committees).count()
    with transaction.atomic(), TextFactsReader(expected) as reader:

        def fetch(committee: m.Committee) -> _Ahead:
            committee_papers = list(papers(committee))
            texts = _request_texts(committee)
            return _Ahead(
                committee_papers,
                reader.submit([paper.text for paper in committee_papers], known),
                texts,
                reader.submit_requests([(t, on, r is None) for _, r, t, on in texts]),
            )

        # Figures and commitments read the same papers: their texts are fetched once and read
        # in worker processes (for a big batch) one committee ahead, so that the workers are
        # reading the next committee's papers while this one's requests are matched here.
        ahead = fetch(committees[0]) if committees else None
        for k, committee in enumerate(committees):
            assert ahead is not None
            this = ahead
            ahead = fetch(committees[k + 1]) if k + 1 < len(committees) else None
            meetings = Meetings(committee)
            counts["work_plan_entries_from_resolutions"] += sync_resolution_work_plan(
                committee, meetings
            )
            read = this.facts()
            refs = {
                paper.document.pk: facts.refs
                for paper, facts in zip(this.papers, read, strict=True)
                if paper.text
            }
            counts.update(
                update_requests(committee, today, meetings, (this.texts, this.requests), refs)
            )
            counts["figures"] += update_figures(committee, this.papers, read)
            counts["commitments"] += update_commitments(committee, this.papers, read)
    return dict(counts)


@dataclass
class _Ahead:
    """A committee's texts, read from the database and submitted to the readers."""

    papers: list[PaperText]
    facts: Callable[[], list[TextFacts]]
    texts: list[RequestText]
    requests: Callable[[], list[list[DetectedRequest]]]


class Meetings:
    """A committee's meetings, read once: the next meeting after a date, the meeting on a date."""

    def __init__(self, committee: m.Committee) -> None:
        self.all = sorted(m.Meeting.objects.filter(committee=committee), key=lambda x: x.date)
        self.dates = [x.date for x in self.all]
        busy = set(
            m.Meeting.objects.filter(committee=committee)
            .filter(Q(agenda_items__isnull=False) | Q(minutes__isnull=False))
            .values_list("pk", flat=True)
        )
        self.busy = [x for x in self.all if x.pk in busy]
        self.busy_dates = [x.date for x in self.busy]

    def next_after(self, after: dt.date) -> m.Meeting | None:
        """The next meeting: one with an agenda or minutes if the record has one (a date read
        from a letter or a report is not a meeting anyone could report to)."""
        i = bisect.bisect_right(self.busy_dates, after)
        if i < len(self.busy):
            return self.busy[i]
        i = bisect.bisect_right(self.dates, after)
        return self.all[i] if i < len(self.all) else None

    def on(self, date: dt.date) -> m.Meeting | None:
        i = bisect.bisect_left(self.dates, date)
        return self.all[i] if i < len(self.all) and self.dates[i] == date else None


# -- work plan entries agreed in resolutions ------------------------------------------------


def _next_meeting(committee: m.Committee, after: dt.date) -> m.Meeting | None:
    """The committee's next meeting: one with an agenda or minutes if the record has one
    (a date read from a letter or a report is not a meeting anyone could report to)."""
    return Meetings(committee).next_after(after)


def sync_resolution_work_plan(committee: m.Committee, meetings: Meetings | None = None) -> int:
    """Create a WorkPlanEntry (origin "resolution") for each item of an agreed draft agenda."""
    meetings = meetings or Meetings(committee)
    kept: set[int] = set()
    resolutions = (
        m.Resolution.objects.filter(minute__meeting__committee=committee)
        # A cheap superset of the exact test below (case-insensitive in SQL for ASCII text).
        .filter(text__icontains="draft agenda")
        .select_related("minute__meeting")
    )
    for resolution in resolutions:
        made_on = resolution.minute.meeting.date
        if "draft agenda" not in resolution.text.lower():
            continue
        due_kind, due_date, titles = draft_agenda_items(resolution.text, made_on)
        if due_kind == "next_meeting":
            nxt = meetings.next_after(made_on)
            due_date = nxt.date if nxt else None
        if due_date is None:
            continue
        for order, title in enumerate(titles):
            entry, _ = m.WorkPlanEntry.objects.update_or_create(
                committee=committee,
                planned_at=made_on,
                planned_for=due_date,
                title=title[:600],
                defaults={
                    "order": order,
                    "origin": "resolution",
                    "document": resolution.document,
                    "first_line": resolution.first_line,
                    "last_line": resolution.last_line,
                    "parser_version": resolution.parser_version,
                },
            )
            kept.add(entry.pk)
    stale = m.WorkPlanEntry.objects.filter(committee=committee, origin="resolution").exclude(
        pk__in=kept
    )
    stale.delete()
    return len(kept)


# -- requests ----------------------------------------------------------------------------------


RequestText = tuple[m.Minute, "m.Resolution | None", str, dt.date]


def _request_texts(committee: m.Committee) -> list[RequestText]:
    """Where requests are read from, in order: each minute's resolutions, then its discussion
    (resolution None)."""
    out: list[RequestText] = []
    minutes = (
        m.Minute.objects.filter(meeting__committee=committee)
        .select_related("meeting")
        .prefetch_related("resolutions")
        .order_by("meeting__date", "order")
    )
    for minute in minutes:
        made_on = minute.meeting.date
        for resolution in minute.resolutions.all():
            out.append((minute, resolution, resolution.text, made_on))
        out.append((minute, None, minute.discussion, made_on))
    return out


def _detected(
    texts: Sequence[RequestText], found: Sequence[list[DetectedRequest]]
) -> list[tuple[str, DetectedRequest, m.Minute, m.Resolution | None]]:
    """The requests found in `texts` (`found[i]`: `detect_requests` of text i), keyed by
    where they were read."""
    out: list[tuple[str, DetectedRequest, m.Minute, m.Resolution | None]] = []
    from_resolutions: list[set[str]] = []
    current: int | None = None
    for (minute, resolution, _, _), requests in zip(texts, found, strict=True):
        if minute.pk != current:
            current, from_resolutions = minute.pk, []
        if resolution is not None:
            for i, request in enumerate(requests):
                out.append((f"res:{resolution.pk}:{i}", request, minute, resolution))
                from_resolutions.append(topic_words(request.sentence))
            continue
        for i, request in enumerate(requests):
            words = topic_words(request.sentence)
            # The same request minuted in the discussion and then resolved is one request.
            if any(words and len(words & other) / len(words) >= 0.6 for other in from_resolutions):
                continue
            out.append((f"min:{minute.pk}:{i}", request, minute, None))
    return out


# What the update writes on a request (an officer's review and withdrawal are never written here).
_REQUEST_FIELDS = [
    f.attname for f in TrackedRequest._meta.concrete_fields if not f.primary_key and f.name != "key"
]


class _Context:
    """What every request of one committee is matched against, read once."""

    def __init__(
        self,
        committee: m.Committee,
        meetings: Meetings,
        today: dt.date,
        refs: RefsByDocument | None = None,
    ) -> None:
        self.committee = committee
        self.meetings = meetings
        self.today = today
        candidates, self.resolved = candidates_and_objects(committee, refs)
        self.index = CandidateIndex(
            [c for items in candidates.values() for c in items], committee.name
        )
        self.latest_agenda = max(candidates) if candidates else None
        self._outcomes: dict[int, workplan.PlanRow] | None = None

    @property
    def outcomes(self) -> dict[int, workplan.PlanRow]:
        if self._outcomes is None:  # only draft agendas need the work plan comparison
            self._outcomes = workplan.outcomes_by_entry(self.committee)
        return self._outcomes


def update_requests(
    committee: m.Committee,
    today: dt.date,
    meetings: Meetings | None = None,
    read: tuple[list[RequestText], Callable[[], list[list[DetectedRequest]]]] | None = None,
    refs: RefsByDocument | None = None,
) -> Counter[str]:
    """`read`: the committee's request texts and their detection, if already submitted;
    `refs`: the back-reference sentences of its documents, if already read."""
    counts: Counter[str] = Counter()
    meetings = meetings or Meetings(committee)
    context = _Context(committee, meetings, today, refs)  # read while the workers detect
    if read is None:
        texts = _request_texts(committee)
        detections = [detect_requests(t, on, minuted=r is None) for _, r, t, on in texts]
    else:
        texts, detections = read[0], read[1]()
    existing = {r.key: r for r in TrackedRequest.objects.filter(committee=committee)}
    kept: set[str] = set()
    new: list[TrackedRequest] = []
    changed: list[TrackedRequest] = []
    for key, found, minute, resolution in _detected(texts, detections):
        made_on = minute.meeting.date
        row = existing.get(key)
        before = [getattr(row, name) for name in _REQUEST_FIELDS] if row is not None else None
        if row is None:
            row = TrackedRequest(key=key, committee=committee)
        row.meeting = minute.meeting
        row.minute = minute
        row.resolution = resolution
        row.item_number = minute.number
        row.kind = found.kind
        row.topic = found.topic[:2000]
        row.actor = found.actor[:300]
        row.sentence = found.sentence
        row.due_kind = found.due_kind
        row.due_date = found.due_date
        row.due_meeting = None
        if found.kind == "draft_agenda" and resolution is not None:
            # The agreed list may name its meeting on a line of its own ("26 February").
            _, listed_date, _ = draft_agenda_items(resolution.text, made_on)
            if listed_date is not None:
                row.due_kind, row.due_date = "meeting", listed_date
        if row.due_kind == "next_meeting":
            nxt = meetings.next_after(made_on)
            row.due_meeting = nxt
            row.due_date = nxt.date if nxt else None
        elif row.due_date is not None:
            row.due_meeting = meetings.on(row.due_date)
        source = resolution or minute
        row.document_id = source.document_id
        row.first_line = source.first_line
        row.last_line = source.last_line
        _set_status(row, found, context)
        if before is None:
            new.append(row)
        elif before != [getattr(row, name) for name in _REQUEST_FIELDS]:
            changed.append(row)
        kept.add(key)
        counts[f"requests_{row.status}"] += 1
    insert_rows(
        TrackedRequest,
        [{"key": r.key, **{name: getattr(r, name) for name in _REQUEST_FIELDS}} for r in new],
    )
    TrackedRequest.objects.bulk_update(
        changed, [TrackedRequest._meta.get_field(n).name for n in _REQUEST_FIELDS], batch_size=200
    )
    delete_pks(TrackedRequest, [r.pk for k, r in existing.items() if k not in kept])
    counts["requests"] = len(kept)
    return counts


def _set_status(row: TrackedRequest, found: DetectedRequest, context: _Context) -> None:
    made_on = row.meeting.date
    if row.review == "confirmed" and row.delivered_meeting_id is not None:
        row.status = "withdrawn" if row.withdrawn else "delivered"
        return
    row.delivered_meeting = row.delivered_item = row.delivered_report = None
    row.match_evidence = row.match_text = ""
    delivered = False
    if found.kind == "draft_agenda":
        rows = [
            r
            for r in context.outcomes.values()
            if r.entry is not None
            and r.entry.origin == "resolution"
            and r.entry.planned_at == made_on
            and r.entry.planned_for == row.due_date
        ]
        if rows and all(r.status == "delivered" for r in rows):
            delivered = True
            row.delivered_meeting = row.due_meeting
            row.match_evidence = "work_plan"
            row.match_text = f"all {len(rows)} items of the draft agenda appeared"
        elif rows and any(r.status in {"dropped", "slipped"} for r in rows):
            missing = [r.entry.title for r in rows if r.status != "delivered" and r.entry]
            row.match_text = "not on the agenda: " + "; ".join(missing)
    else:
        rejected = set(row.rejected_candidates or [])
        match = context.index.best_match(row.topic, made_on, rejected)
        if match is not None:
            meeting, item, report = context.resolved[match.candidate.key]
            if meeting is not None:
                delivered = True
                row.delivered_meeting, row.delivered_item, row.delivered_report = (
                    meeting,
                    item,
                    report,
                )
                row.match_evidence = match.evidence
                row.match_text = match.sentence[:2000]
    if row.withdrawn:
        row.status = "withdrawn"
    elif delivered:
        row.status = "delivered"
    elif (
        row.due_date is not None
        and row.due_date < context.today
        and context.latest_agenda is not None
        and context.latest_agenda >= row.due_date
    ):
        # Overdue only once the record holds an agenda from on or after the due point:
        # before that, the absence of a match proves nothing.
        row.status = "overdue"
    else:
        row.status = "open"


# -- figures and commitments --------------------------------------------------------------------


def _papers_and_facts(
    committee: m.Committee,
    committee_papers: Sequence[PaperText] | None,
    facts: Sequence[TextFacts] | None,
) -> Iterator[tuple[PaperText, TextFacts]]:
    chosen = list(papers(committee)) if committee_papers is None else committee_papers
    if facts is None:
        facts = [text_facts(paper.text) for paper in chosen]
    return zip(chosen, facts, strict=True)


def update_figures(
    committee: m.Committee,
    committee_papers: Sequence[PaperText] | None = None,
    facts: Sequence[TextFacts] | None = None,
) -> int:
    """Figures are keyed by their content, so unchanged ones are left alone and new ones
    bulk-created. `facts`: the `text_facts` of each paper's text, if already read."""
    existing = dict(Figure.objects.filter(committee=committee).values_list("key", "pk"))
    kept: set[str] = set()
    new: list[dict[str, object]] = []
    for paper, read in _papers_and_facts(committee, committee_papers, facts):
        found = list(read.figures)
        tables: list[tuple[list[str], list[list[str]], str, int]] = []
        if paper.report is not None:
            for table in paper.report.tables:
                if isinstance(table, dict) and table.get("rows"):
                    tables.append(
                        (
                            [str(h) for h in table.get("header") or []],
                            [[str(c) for c in row] for row in table["rows"]],
                            str(table.get("caption") or ""),
                            -1,
                        )
                    )
        for header, rows, caption, offset in tables:
            for fig in extract_from_table(header, rows, caption):
                found.append((fig, max(offset, 0), 0))
        for fig, offset, length in found:
            key = _digest(
                "fig",
                committee.pk,
                paper.meeting.pk if paper.meeting else "",
                paper.document.pk,
                fig.measure,
                fig.value,
                fig.unit,
                fig.period.label if fig.period else "",
                fig.comparator,
                fig.breakdown,
                fig.sentence[:200],
            )
            if key in kept:
                continue
            kept.add(key)
            if key in existing:
                continue
            first, last = paper.lines_of(offset, length)
            period = fig.period
            new.append(
                {
                    "key": key,
                    "committee_id": committee.pk,
                    "meeting_id": paper.meeting.pk if paper.meeting else None,
                    "report_id": paper.report.pk if paper.report else None,
                    "measure": fig.measure or "",
                    "label": fig.label[:300],
                    "value": fig.value,
                    "unit": fig.unit,
                    "period_label": period.label[:64] if period else "",
                    "period_kind": period.kind if period else "",
                    "period_start": period.start if period else None,
                    "period_end": period.end if period else None,
                    "comparator": fig.comparator,
                    "breakdown": fig.breakdown[:300],
                    "sentence": fig.sentence,
                    "document_id": paper.document.pk,
                    "first_line": first,
                    "last_line": last,
                }
            )
    insert_rows(Figure, new)
    delete_pks(Figure, [pk for key, pk in existing.items() if key not in kept])
    return len(kept)


def _self_evaluation_from_original(paper: PaperText) -> list[FoundCommitment]:
    """Self-evaluation rows read from the paper's original text when the extracted text lost
    the table's cell boundaries (paragraph markup inside cells). Only rows whose action text
    is in this paper count, so a pack's other papers do not lend it theirs."""
    if not SE_HEADER.search(paper.text) or find_self_evaluation(paper.text):
        return []
    try:
        original = bytes(paper.document.source.content).decode("utf-8")
    except (UnicodeDecodeError, TypeError):
        return []  # a PDF or Word file: nothing readable as text
    flat = " ".join(paper.text.split())
    return [
        replace(c, offset=-1)
        for c in find_self_evaluation(original)
        if " ".join(c.text.split())[:60] in flat
    ]


def update_commitments(
    committee: m.Committee,
    committee_papers: Sequence[PaperText] | None = None,
    facts: Sequence[TextFacts] | None = None,
) -> int:
    """Commitments keep their status (an officer's) across recomputation; new ones are
    bulk-created. `facts`: the `text_facts` of each paper's text, if already read."""
    existing = {c.key: c for c in Commitment.objects.filter(committee=committee)}
    kept: set[str] = set()
    new: list[dict[str, object]] = []
    for paper, read in _papers_and_facts(committee, committee_papers, facts):
        found_here = list(read.commitments) + _self_evaluation_from_original(paper)
        if paper.report is not None:
            for table in paper.report.tables:
                if isinstance(table, dict) and table.get("rows"):
                    found_here += find_self_evaluation_table(
                        [str(h) for h in table.get("header") or []],
                        [[str(c) for c in row] for row in table["rows"]],
                    )
        for found in finest_actions(found_here):
            key = _digest(
                "com",
                committee.pk,
                paper.document.pk,
                found.kind,
                found.reference,
                found.text[:300],
            )
            if key in kept:
                continue
            kept.add(key)
            if found.offset >= 0:
                first, last = paper.lines_of(found.offset, 0)
            else:  # from a parsed table: locate the sentence in the text, else the document start
                at = paper.text.find(found.text[:60])
                first, last = paper.lines_of(max(at, 0), 0)
            values = {
                "committee_id": committee.pk,
                "meeting_id": paper.meeting.pk if paper.meeting else None,
                "report_id": paper.report.pk if paper.report else None,
                "kind": found.kind,
                "text": found.text,
                "evidence": found.evidence,
                "timescale": found.timescale[:200],
                "reference": found.reference[:32],
                "document_id": paper.document.pk,
                "first_line": first,
                "last_line": last,
            }
            row = existing.get(key)
            if row is None:
                new.append({"key": key, **values})
            elif (row.first_line, row.evidence, row.timescale) != (
                first,
                found.evidence,
                values["timescale"],
            ):
                for name, value in values.items():
                    setattr(row, name, value)
                row.save()
    insert_rows(Commitment, new)
    delete_pks(Commitment, [r.pk for key, r in existing.items() if key not in kept])
    return len(kept)
