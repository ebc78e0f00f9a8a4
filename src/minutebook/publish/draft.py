"""Proposing the order of business for a future meeting, and keeping the officer's draft.

The proposal follows the standard layout of UK agendas: the opening items
(apologies, voting members, urgent items, interests, the minutes of the last
meeting), then what the committee planned for that date (the work plan's
entries), then what it asked to be brought back (requests due, from tracking),
then the reports already filed for the meeting, and last the work plan itself.
"""

from __future__ import annotations

import datetime as dt
import importlib
import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from rapidfuzz import fuzz

from minutebook.publish.models import DraftAgenda, DraftAgendaItem
from minutebook.record import models as rm
from minutebook.record.visibility import public


class CommitteeNotFound(LookupError):
    """The committee named on the command line or in a URL does not exist (or is ambiguous)."""


@dataclass
class ProposedItem:
    title: str
    description: str = ""
    kind: str = "other"
    part: str = "open"
    scheduled_time: dt.time | None = None
    reports: list[rm.Report] = field(default_factory=list)
    work_plan_entry: rm.WorkPlanEntry | None = None


STANDARD_OPENING_ITEMS = (
    ("APOLOGIES", "To receive any apologies for absence."),
    (
        "CONFIRMATION OF VOTING MEMBERS",
        "A representative of each political group will confirm the voting members "
        "of the committee.",
    ),
    (
        "NOTIFICATION OF ANY ITEMS OF BUSINESS WHICH THE CHAIR DEEMS URGENT",
        "In special circumstances, an item of business may be added to an agenda "
        "within five clear days of the meeting.",
    ),
    (
        "DISCLOSURE OF INTERESTS AND DISPENSATIONS",
        "Members to declare any interests and dispensations in respect of any item "
        "of business to be considered at this meeting.",
    ),
)

# A report matches an item when their titles are this similar (0-100, token based).
TITLE_MATCH_THRESHOLD = 80


def find_committee(name: str) -> rm.Committee:
    """`slug` or `council-slug/committee-slug`; a clear error when missing or ambiguous."""
    council_slug, _, slug = name.rpartition("/")
    qs = rm.Committee.objects.filter(slug=slug).select_related("council")
    if council_slug:
        qs = qs.filter(council__slug=council_slug)
    found = list(qs[:2])
    if not found:
        known = ", ".join(
            f"{c.council.slug}/{c.slug}"
            for c in rm.Committee.objects.select_related("council")[:20]
        )
        raise CommitteeNotFound(
            f"no committee {name!r} in the record" + (f" (known: {known})" if known else "")
        )
    if len(found) > 1:
        raise CommitteeNotFound(
            f"committee {slug!r} exists in several councils: write COUNCIL/COMMITTEE"
        )
    return found[0]


def meeting_on(committee: rm.Committee, date: dt.date) -> rm.Meeting | None:
    return rm.Meeting.objects.filter(committee=committee, date=date).first()


def previous_meeting(committee: rm.Committee, date: dt.date) -> rm.Meeting | None:
    """The last meeting before `date` that was not cancelled."""
    return (
        rm.Meeting.objects.filter(committee=committee, date__lt=date)
        .exclude(status="cancelled")
        .order_by("-date")
        .first()
    )


def municipal_year_label(committee: rm.Committee, date: dt.date) -> str:
    """The municipal year (May to May) holding `date`, as the record has it or as computed."""
    year = rm.MunicipalYear.objects.filter(
        council=committee.council, start__lte=date, end__gte=date
    ).first()
    if year is not None:
        return year.label
    start = date.year if date.month >= 5 else date.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


def _norm(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def planned_entries(committee: rm.Committee, date: dt.date) -> list[rm.WorkPlanEntry]:
    """What the committee planned for `date`: the latest work plan's entries, plus resolutions.

    A newer work plan supersedes an older one for the same date; items promised by
    a resolution ("a further report at the next meeting") stand on their own.
    """
    qs = public(rm.WorkPlanEntry.objects.filter(committee=committee, planned_for=date))
    entries = list(qs.order_by("-planned_at", "order", "pk"))
    plans = [e for e in entries if e.origin == "work_plan"]
    latest = plans[0].planned_at if plans else None
    chosen = [e for e in plans if e.planned_at == latest]
    chosen += [e for e in entries if e.origin != "work_plan"]
    out: list[rm.WorkPlanEntry] = []
    for entry in chosen:
        # The plan and a resolution often promise the same item in other words.
        if _norm(entry.title) and not any(_similar(entry.title, e.title) for e in out):
            out.append(entry)
    return out


def requests_due(committee: rm.Committee, date: dt.date) -> list[dict[str, Any]]:
    """Open report-backs the committee asked for by `date` (from tracking, when it is installed).

    Only public requests: the draft feeds a public agenda. Delivered ones are left out.
    """
    try:
        queries = importlib.import_module("minutebook.tracking.queries")
    except ImportError:
        return []
    rows: list[dict[str, Any]] = []
    owed = getattr(queries, "open_requests_due", None)
    if owed is not None:
        rows += owed(committee, date)
    meeting = meeting_on(committee, date)
    for_meeting = getattr(queries, "requests_for_meeting", None)
    if meeting is not None and for_meeting is not None:
        rows += for_meeting(meeting).get("due", [])
    seen: set[Any] = set()
    out = []
    for row in rows:
        if not isinstance(row, dict) or row.get("id") in seen:
            continue
        # A noted draft agenda is not a report-back: its items reach the work plan instead.
        if row.get("status") in {"delivered", "withdrawn"} or row.get("kind") == "draft_agenda":
            continue
        seen.add(row.get("id"))
        out.append(row)
    return out


def _request_item(row: dict[str, Any]) -> ProposedItem:
    topic = str(row.get("topic") or row.get("text") or "Report back").strip()
    if len(topic) > 200:
        topic = topic[:197].rstrip() + "..."
    made = (row.get("made_at") or {}).get("meeting_date")
    asked = f" at the meeting of {made.day} {made:%B %Y}" if isinstance(made, dt.date) else ""
    sentence = str(row.get("text") or "").strip()
    description = f"Requested by the committee{asked}: {sentence}" if sentence else ""
    due = row.get("due") or {}
    due_on = due.get("meeting_date") or due.get("date")
    if row.get("status") == "overdue" and isinstance(due_on, dt.date):
        description += f" (Overdue: it was due on {due_on.day} {due_on:%B %Y}.)"
    return ProposedItem(topic.upper(), description, kind="request")


def propose(committee: rm.Committee, date: dt.date) -> list[ProposedItem]:
    """The proposed order of business for the meeting of `committee` on `date`."""
    items = [ProposedItem(t, d, kind="standard") for t, d in STANDARD_OPENING_ITEMS]
    last = previous_meeting(committee, date)
    if last is not None:
        items.append(
            ProposedItem(
                "MINUTES",
                "To approve as a correct record the minutes of the open section of the "
                f"meeting held on {last.date.day} {last.date:%B %Y}.",
                kind="minutes",
            )
        )
    for entry in planned_entries(committee, date):
        items.append(
            ProposedItem(entry.title.upper(), kind="work_plan_entry", work_plan_entry=entry)
        )
    for row in requests_due(committee, date):
        request = _request_item(row)
        if not any(_similar(request.title, i.title) for i in items):
            items.append(request)
    plan_title = f"{committee.name.upper()} - WORK PLAN {municipal_year_label(committee, date)}"
    items.append(ProposedItem(plan_title, kind="work_plan"))
    meeting = meeting_on(committee, date)
    if meeting is not None:
        _attach_filed_reports(items, meeting)
    return items


def _one_per_title(reports: list[rm.Report]) -> list[rm.Report]:
    """The same report can arrive twice (in the pack and as its own file, its title typed
    with a different apostrophe); keep the copy with the most text, in first-seen order."""
    best: dict[str, rm.Report] = {}
    size: dict[int, int] = {}
    for report in reports:
        size[report.pk] = sum(len(d.text) for d in report.documents.all())
        key = _norm(report.title)
        if key not in best or size[report.pk] > size[best[key].pk]:
            best[key] = report
    kept = {r.pk for r in best.values()}
    return [r for r in reports if r.pk in kept]


def _similar(a: str, b: str) -> bool:
    """Same subject: token-set similarity, except that one or two words never match a longer title."""
    a, b = _norm(a), _norm(b)
    if min(len(a.split()), len(b.split())) < 3:
        return fuzz.ratio(a, b) >= TITLE_MATCH_THRESHOLD
    return fuzz.token_set_ratio(a, b) >= TITLE_MATCH_THRESHOLD


def _attach_filed_reports(items: list[ProposedItem], meeting: rm.Meeting) -> None:
    """Reports already in the record for the meeting go to their item, or become items.

    New items go before the last one (the work plan), which stays last.
    """
    reports = rm.Report.objects.filter(meeting=meeting).order_by("item_number", "pk")
    for report in _one_per_title(list(reports)):
        closed = report.classification == "closed"
        target = None
        if not closed:
            best = 0.0
            for item in items:
                if item.kind in {"standard", "minutes"} or not _similar(report.title, item.title):
                    continue
                score = fuzz.token_set_ratio(_norm(report.title), _norm(item.title))
                if score > best:
                    target, best = item, score
        if target is None:
            target = ProposedItem(
                report.title.upper(), kind="report", part="closed" if closed else "open"
            )
            items.insert(len(items) - 1, target)
        target.reports.append(report)


@transaction.atomic
def save_proposal(committee: rm.Committee, date: dt.date, *, replace: bool = False) -> DraftAgenda:
    """The saved draft for the meeting, created from a fresh proposal when there is none.

    With `replace`, an existing draft's items are thrown away and proposed again.
    """
    draft, created = DraftAgenda.objects.get_or_create(committee=committee, date=date)
    if not created and not replace:
        return draft
    meeting = meeting_on(committee, date)
    if meeting is not None:
        draft.start_time = meeting.start_time
        draft.venue = meeting.venue or ("Online/Virtual" if meeting.online else "")
    draft.contacts = draft.contacts or latest_contacts(committee)
    draft.save()
    draft.items.all().delete()
    for order, proposed in enumerate(propose(committee, date), start=1):
        item = DraftAgendaItem.objects.create(
            draft=draft,
            order=order,
            title=proposed.title,
            description=proposed.description,
            kind=proposed.kind,
            part=proposed.part,
            scheduled_time=proposed.scheduled_time,
            work_plan_entry=proposed.work_plan_entry,
        )
        item.reports.set(proposed.reports)
    return draft


def latest_contacts(committee: rm.Committee) -> str:
    """Contact officers printed on the committee's latest parsed front sheet, one a line."""
    sheets = (
        rm.Document.objects.filter(meeting__committee=committee, kind="agenda")
        .exclude(classification="closed")
        .select_related("source")
        .order_by("-meeting__date", "first_line")
    )
    for sheet in sheets[:10]:
        output = sheet.source.parse_output
        if not isinstance(output, dict):
            continue
        for document in output.get("documents") or []:
            contacts = document.get("contacts") if isinstance(document, dict) else None
            if contacts:
                return "\n".join(_contact_line(c) for c in contacts if isinstance(c, dict))
    return ""


def _contact_line(contact: dict[str, Any]) -> str:
    parts = [contact.get("name"), contact.get("phone"), contact.get("email")]
    return ", ".join(str(p) for p in parts if p)


def ordered_items(draft: DraftAgenda) -> list[DraftAgendaItem]:
    """Open items first, then closed (Part B) ones, each in the officer's order."""
    items = list(draft.items.all().prefetch_related("reports"))
    return sorted(items, key=lambda i: (i.part == "closed", i.order, i.pk))


def draft_as_json(draft: DraftAgenda) -> dict[str, Any]:
    return {
        "committee": draft.committee.name,
        "council": draft.committee.council.name,
        "date": draft.date.isoformat(),
        "time": draft.start_time.strftime("%H:%M") if draft.start_time else None,
        "venue": draft.venue or None,
        "items": [
            {
                "number": str(n),
                "title": item.title,
                "description": item.description,
                "kind": item.kind,
                "part": item.part,
                "time": item.scheduled_time.strftime("%H:%M") if item.scheduled_time else None,
                "reports": [r.title for r in item.reports.all()],
            }
            for n, item in enumerate(ordered_items(draft), start=1)
        ],
    }
