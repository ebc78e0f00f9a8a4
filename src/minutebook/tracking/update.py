"""Re-derive tracking facts (requests, matches, work plan entries, figures, commitments) from the record.

`update_tracking()` is called by ingest and reparse after loading. It is
idempotent: rows are keyed by where they were read from, so running it twice
changes nothing, and officers' decisions (a confirmed or rejected match, a
withdrawn request, a commitment's status) survive it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from minutebook.record import models as m
from minutebook.tracking import workplan
from minutebook.tracking.commitments_extract import (
    SE_HEADER,
    FoundCommitment,
    find_commitments,
    find_self_evaluation,
    find_self_evaluation_table,
)
from minutebook.tracking.figures_extract import (
    extract_from_table,
    extract_from_text,
    tables_in_text,
)
from minutebook.tracking.matching import best_match, topic_words
from minutebook.tracking.models import Commitment, Figure, TrackedRequest
from minutebook.tracking.requests_detect import DetectedRequest, detect_requests, draft_agenda_items
from minutebook.tracking.sources import PaperText, agenda_candidates, papers, resolve_candidate


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:20]


def update_tracking(
    today: dt.date | None = None, committee_ids: Iterable[int] | None = None
) -> dict[str, int]:
    """Recompute tracking for every committee (or only `committee_ids`); returns counts per kind.

    Every tracked fact belongs to one committee and is derived from that
    committee's papers only, so ingest passes the committees its new papers
    touched: the cost then follows the batch, not the whole archive. A full
    run (`manage.py track`) also refreshes date-dependent statuses (overdue)
    of committees that received no paper.
    """
    today = today or timezone.localdate()
    counts: Counter[str] = Counter()
    committees = m.Committee.objects.order_by("pk")
    if committee_ids is not None:
        committees = committees.filter(pk__in=list(committee_ids))
    with transaction.atomic():
        for committee in committees:
            counts["work_plan_entries_from_resolutions"] += sync_resolution_work_plan(committee)
            counts.update(update_requests(committee, today))
            # Both read the same papers: fetch their texts once per committee.
            committee_papers = list(papers(committee))
            counts["figures"] += update_figures(committee, committee_papers)
            counts["commitments"] += update_commitments(committee, committee_papers)
    return dict(counts)


# -- work plan entries agreed in resolutions ------------------------------------------------


def _next_meeting(committee: m.Committee, after: dt.date) -> m.Meeting | None:
    """The committee's next meeting: one with an agenda or minutes if the record has one
    (a date read from a letter or a report is not a meeting anyone could report to)."""
    later = committee.meetings.filter(date__gt=after).order_by("date")
    with_business = later.filter(Q(agenda_items__isnull=False) | Q(minutes__isnull=False))
    return with_business.first() or later.first()


def sync_resolution_work_plan(committee: m.Committee) -> int:
    """Create a WorkPlanEntry (origin "resolution") for each item of an agreed draft agenda."""
    kept: set[int] = set()
    resolutions = m.Resolution.objects.filter(minute__meeting__committee=committee).select_related(
        "minute__meeting"
    )
    for resolution in resolutions:
        made_on = resolution.minute.meeting.date
        if "draft agenda" not in resolution.text.lower():
            continue
        due_kind, due_date, titles = draft_agenda_items(resolution.text, made_on)
        if due_kind == "next_meeting":
            nxt = _next_meeting(committee, made_on)
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


def _detected(
    committee: m.Committee,
) -> list[tuple[str, DetectedRequest, m.Minute, m.Resolution | None]]:
    out: list[tuple[str, DetectedRequest, m.Minute, m.Resolution | None]] = []
    minutes = (
        m.Minute.objects.filter(meeting__committee=committee)
        .select_related("meeting")
        .prefetch_related("resolutions")
        .order_by("meeting__date", "order")
    )
    for minute in minutes:
        made_on = minute.meeting.date
        from_resolutions: list[set[str]] = []
        for resolution in minute.resolutions.all():
            for i, found in enumerate(detect_requests(resolution.text, made_on)):
                out.append((f"res:{resolution.pk}:{i}", found, minute, resolution))
                from_resolutions.append(topic_words(found.sentence))
        for i, found in enumerate(detect_requests(minute.discussion, made_on, minuted=True)):
            words = topic_words(found.sentence)
            # The same request minuted in the discussion and then resolved is one request.
            if any(words and len(words & other) / len(words) >= 0.6 for other in from_resolutions):
                continue
            out.append((f"min:{minute.pk}:{i}", found, minute, None))
    return out


def update_requests(committee: m.Committee, today: dt.date) -> Counter[str]:
    counts: Counter[str] = Counter()
    candidates = agenda_candidates(committee)
    flat = [c for items in candidates.values() for c in items]
    agenda_dates = sorted(candidates)
    outcomes = workplan.outcomes_by_entry(committee)
    existing = {r.key: r for r in TrackedRequest.objects.filter(committee=committee)}
    kept: set[str] = set()
    for key, found, minute, resolution in _detected(committee):
        made_on = minute.meeting.date
        row = existing.get(key) or TrackedRequest(key=key, committee=committee)
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
            nxt = _next_meeting(committee, made_on)
            row.due_meeting = nxt
            row.due_date = nxt.date if nxt else None
        elif row.due_date is not None:
            row.due_meeting = committee.meetings.filter(date=row.due_date).first()
        source = resolution or minute
        row.document = source.document
        row.first_line = source.first_line
        row.last_line = source.last_line
        _set_status(row, found, flat, agenda_dates, outcomes, committee, today)
        row.save()
        kept.add(key)
        counts[f"requests_{row.status}"] += 1
    TrackedRequest.objects.filter(committee=committee).exclude(key__in=kept).delete()
    counts["requests"] = len(kept)
    return counts


def _set_status(
    row: TrackedRequest,
    found: DetectedRequest,
    candidates: list,  # list[Candidate]
    agenda_dates: list[dt.date],
    outcomes: dict[int, workplan.PlanRow],
    committee: m.Committee,
    today: dt.date,
) -> None:
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
            for r in outcomes.values()
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
        pool = [c for c in candidates if c.key not in rejected]
        match = best_match(row.topic, made_on, pool, committee.name)
        if match is not None:
            meeting, item, report = resolve_candidate(match.candidate.key)
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
        and row.due_date < today
        and any(d >= row.due_date for d in agenda_dates)
    ):
        # Overdue only once the record holds an agenda from on or after the due point:
        # before that, the absence of a match proves nothing.
        row.status = "overdue"
    else:
        row.status = "open"


# -- figures and commitments --------------------------------------------------------------------


def update_figures(
    committee: m.Committee, committee_papers: Iterable[PaperText] | None = None
) -> int:
    """Figures are keyed by their content, so unchanged ones are left alone and new ones bulk-created."""
    existing = set(Figure.objects.filter(committee=committee).values_list("key", flat=True))
    kept: set[str] = set()
    new: list[Figure] = []
    for paper in papers(committee) if committee_papers is None else committee_papers:
        found = [(f, f.offset, len(f.sentence)) for f in extract_from_text(paper.text)]
        tables = list(tables_in_text(paper.text))
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
            new.append(
                Figure(
                    key=key,
                    committee=committee,
                    meeting=paper.meeting,
                    report=paper.report,
                    measure=fig.measure or "",
                    label=fig.label[:300],
                    value=fig.value,
                    unit=fig.unit,
                    period_label=fig.period.label[:64] if fig.period else "",
                    period_kind=fig.period.kind if fig.period else "",
                    period_start=fig.period.start if fig.period else None,
                    period_end=fig.period.end if fig.period else None,
                    comparator=fig.comparator,
                    breakdown=fig.breakdown[:300],
                    sentence=fig.sentence,
                    document=paper.document,
                    first_line=first,
                    last_line=last,
                )
            )
    Figure.objects.bulk_create(new, batch_size=500)
    Figure.objects.filter(committee=committee).exclude(key__in=kept).delete()
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
    committee: m.Committee, committee_papers: Iterable[PaperText] | None = None
) -> int:
    """Commitments keep their status (an officer's) across recomputation; new ones are bulk-created."""
    existing = {c.key: c for c in Commitment.objects.filter(committee=committee)}
    kept: set[str] = set()
    new: list[Commitment] = []
    for paper in papers(committee) if committee_papers is None else committee_papers:
        found_here = find_commitments(paper.text) + _self_evaluation_from_original(paper)
        if paper.report is not None:
            for table in paper.report.tables:
                if isinstance(table, dict) and table.get("rows"):
                    found_here += find_self_evaluation_table(
                        [str(h) for h in table.get("header") or []],
                        [[str(c) for c in row] for row in table["rows"]],
                    )
        for found in found_here:
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
                "committee": committee,
                "meeting": paper.meeting,
                "report": paper.report,
                "kind": found.kind,
                "text": found.text,
                "evidence": found.evidence,
                "timescale": found.timescale[:200],
                "reference": found.reference[:32],
                "document": paper.document,
                "first_line": first,
                "last_line": last,
            }
            row = existing.get(key)
            if row is None:
                new.append(Commitment(key=key, **values))
            elif (row.first_line, row.evidence, row.timescale) != (
                first,
                found.evidence,
                values["timescale"],
            ):
                for name, value in values.items():
                    setattr(row, name, value)
                row.save()
    Commitment.objects.bulk_create(new, batch_size=500)
    Commitment.objects.filter(committee=committee).exclude(key__in=kept).delete()
    return len(kept)
