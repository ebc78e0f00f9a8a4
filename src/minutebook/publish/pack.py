"""What goes into the agenda pack: gathered from a saved draft and the record.

The pack is a public document, so every query goes through the record's
visibility rules: closed (Part B) items, exempt reports and the closed section
of the minutes never enter it. `render.py` turns a `Pack` into HTML and PDF.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.db.models import Q

from minutebook.publish.draft import ordered_items, previous_meeting
from minutebook.publish.models import DraftAgenda
from minutebook.record import models as rm
from minutebook.record.visibility import public

ROLE_ORDER = {"chair": 0, "vice-chair": 1, "member": 2}
ROLE_LABEL = {"chair": "Chair", "vice-chair": "Vice-Chair"}


@dataclass
class Block:
    """A paragraph (`rows` empty) or a table (`rows` of cells) of a paper's text."""

    text: str = ""
    rows: list[list[str]] = field(default_factory=list)
    heading: bool = False


@dataclass
class PackReport:
    anchor: str
    title: str
    blocks: list[Block]


@dataclass
class PackItem:
    number: str
    title: str  # as printed, with the time when there is one: "TITLE (2.10PM)"
    description: str
    kind: str
    reports: list[PackReport]
    pages: str = ""  # filled in by render.py once the pack is laid out
    # Anchors of the item's first paper and of the marker closing its last (render.py).
    page_refs: tuple[str, str] | None = None


@dataclass
class MinutesItem:
    number: str
    title: str
    paragraphs: list[str]
    resolutions: list[tuple[str, str]]


@dataclass
class PackMinutes:
    anchor: str
    heading: str
    present: list[str]
    co_opted: list[str]
    officers: list[str]
    items: list[MinutesItem]
    fallback: list[Block]  # the minutes' own text when the record has no minute rows


@dataclass
class Pack:
    council: str
    committee: str
    date: dt.date
    start_time: dt.time | None
    venue: str
    members: list[str]  # "Councillor Jasmine Ali (Chair)"
    reserves: list[str]
    co_opted: list[str]
    contacts: list[str]
    summoned_by: str
    published: dt.date | None
    items: list[PackItem]
    minutes: PackMinutes | None
    closed_items_left_out: int
    previous_meeting_date: dt.date | None = None

    @property
    def date_text(self) -> str:
        return long_date(self.date)

    @property
    def time_text(self) -> str:
        return clock(self.start_time) if self.start_time else ""


def long_date(day: dt.date) -> str:
    """`Wednesday 4 November 2020`, the way front sheets print dates."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def clock(t: dt.time) -> str:
    """`2.00 pm`, the way front sheets print times."""
    hour = t.hour % 12 or 12
    return f"{hour}.{t.minute:02d} {'am' if t.hour < 12 else 'pm'}"


def short_clock(t: dt.time) -> str:
    """`2.10PM`, the way orders of business print an item's time."""
    return clock(t).replace(" ", "").upper()


def display_name(person: rm.Person | None, written: str = "", honorific: str = "") -> str:
    if person is not None:
        return f"{person.honorific} {person.name}".strip()
    return f"{honorific} {written}".strip()


def memberships_at(committee: rm.Committee, date: dt.date) -> list[rm.Membership]:
    """Membership for the municipal year holding `date`, else the latest year the record has."""
    qs = public(rm.Membership.objects.filter(committee=committee)).select_related(
        "person", "municipal_year"
    )
    current = qs.filter(municipal_year__start__lte=date, municipal_year__end__gte=date)
    if not current.exists():
        dated = qs.filter(Q(start_date__lte=date) | Q(start_date__isnull=True)).filter(
            Q(end_date__gte=date) | Q(end_date__isnull=True)
        )
        latest = dated.exclude(municipal_year=None).order_by("-municipal_year__start").first()
        current = (
            dated.filter(municipal_year=latest.municipal_year)
            if latest is not None
            else dated.filter(municipal_year=None)
        )
    seen: set[tuple[int, str]] = set()
    out = []
    for membership in current.order_by("person__family_name", "person__given_name", "pk"):
        key = (membership.person_id, membership.role)
        if key not in seen:
            seen.add(key)
            out.append(membership)
    return out


def text_blocks(text: str) -> list[Block]:
    """A paper's extracted text as paragraphs and tables (tab-separated lines)."""
    blocks: list[Block] = []
    for raw in text.split("\n"):
        line = raw.strip()
        if "<" in line and ">" in line:
            # HTML found inside papers is turned into its text, never rendered.
            line = BeautifulSoup(line, "html.parser").get_text(" ").strip()
        line = re.sub(r"^#{1,6}\s+", "", line)
        if not line or re.fullmatch(r"[|:\- ]+", line):
            continue
        cells = [c.strip() for c in re.split(r"\t|\s\|\s", line.strip("|"))]
        if len(cells) > 1:
            if blocks and blocks[-1].rows:
                blocks[-1].rows.append(cells)
            else:
                blocks.append(Block(rows=[cells]))
        else:
            text = re.sub(r"\s+", " ", line)
            blocks.append(Block(text=text, heading=_looks_like_heading(text)))
    return blocks


def _looks_like_heading(text: str) -> bool:
    """Report templates set their section headings in capitals ("KEY ISSUES FOR CONSIDERATION")."""
    letters = [c for c in text if c.isalpha()]
    return (
        len(text) <= 80
        and len(letters) >= 4
        and all(c.isupper() for c in letters)
        and not text.endswith((".", ":", ","))
    )


def _report_blocks(report: rm.Report) -> list[Block]:
    documents = public(report.documents.all()).order_by("-last_line")
    texts = [d.text for d in documents if d.text.strip()]
    if texts:
        return text_blocks(max(texts, key=len))
    blocks = [
        Block(
            rows=[
                ["Item No.", report.item_number],
                ["Classification", report.get_classification_display()],
                ["Date", long_date(report.report_date) if report.report_date else ""],
                ["Meeting Name", report.meeting_name],
                ["Report title", report.title],
                ["Ward(s) or groups affected", report.wards],
                ["From", report.from_text],
            ]
        )
    ]
    if report.recommendations:
        blocks.append(Block(text="RECOMMENDATIONS", heading=True))
        blocks += [Block(text=f"{n}. {r}") for n, r in enumerate(report.recommendations, start=1)]
    for section in report.sections or []:
        if isinstance(section, dict):
            blocks.append(Block(text=str(section.get("heading", "")), heading=True))
            blocks += text_blocks(str(section.get("text", "")))
    for table in report.tables or []:
        if isinstance(table, dict):
            rows = [list(map(str, table.get("header") or []))]
            rows += [list(map(str, r)) for r in table.get("rows") or []]
            blocks.append(Block(rows=[r for r in rows if r]))
    return blocks


def _minutes_heading(meeting: rm.Meeting) -> str:
    when = long_date(meeting.date)
    if meeting.start_time:
        when += f" at {clock(meeting.start_time)}"
    heading = f"MINUTES of the OPEN section of the {meeting.committee.name} held on {when}"
    return f"{heading}. {meeting.venue}" if meeting.venue else heading


def gather_minutes(meeting: rm.Meeting) -> PackMinutes:
    """The open minutes of `meeting`, from the record's minute rows or the minutes' own text."""
    attendance = public(rm.Attendance.objects.filter(meeting=meeting, status="present"))
    attendance = attendance.select_related("person").order_by("pk")
    present, co_opted, officers = [], [], []
    for row in attendance:
        name = display_name(row.person, row.name_as_written, row.honorific)
        if row.capacity in {"member", "substitute"}:
            present.append(f"{name} ({row.role})" if row.role else name)
        elif row.capacity == "co-opted":
            co_opted.append(name)
        elif row.capacity == "officer":
            officers.append(f"{name}, {row.role}" if row.role else name)
    items = []
    minute_rows = public(rm.Minute.objects.filter(meeting=meeting)).order_by("order")
    for minute in minute_rows:
        resolutions = public(rm.Resolution.objects.filter(minute=minute)).order_by("order")
        items.append(
            MinutesItem(
                number=minute.number or str(minute.order),
                title=minute.title,
                paragraphs=[p for p in minute.discussion.split("\n") if p.strip()],
                resolutions=[(r.number, r.text) for r in resolutions],
            )
        )
    fallback: list[Block] = []
    if not items:
        documents = public(rm.Document.objects.filter(meeting=meeting, kind="minutes"))
        texts = [d.text for d in documents if d.text.strip()]
        if texts:
            fallback = text_blocks(max(texts, key=len))
    return PackMinutes(
        anchor="minutes",
        heading=_minutes_heading(meeting),
        present=present,
        co_opted=co_opted,
        officers=officers,
        items=items,
        fallback=fallback,
    )


def build_pack(draft: DraftAgenda) -> Pack:
    committee = draft.committee
    members, reserves, co_opted = [], [], []
    memberships = memberships_at(committee, draft.date)
    for membership in sorted(memberships, key=lambda m: ROLE_ORDER.get(m.role, 3)):
        name = display_name(membership.person)
        if membership.role in ROLE_LABEL:
            members.append(f"{name} ({ROLE_LABEL[membership.role]})")
        elif membership.role == "member":
            members.append(name)
        elif membership.role == "reserve":
            reserves.append(name)
        elif membership.role == "co-opted":
            co_opted.append(name)
    public_reports = public(rm.Report.objects.all())
    items: list[PackItem] = []
    closed_left_out = 0
    for item in ordered_items(draft):
        if item.part == "closed":
            closed_left_out += 1
            continue
        title = item.title
        if item.scheduled_time:
            title += f" ({short_clock(item.scheduled_time)})"
        reports = [
            PackReport(
                anchor=f"item-{len(items) + 1}-report-{report.pk}",
                title=report.title,
                blocks=_report_blocks(report),
            )
            for report in public_reports.filter(pk__in=[r.pk for r in item.reports.all()])
        ]
        items.append(
            PackItem(
                number=f"{len(items) + 1}.",
                title=title,
                description=item.description,
                kind=item.kind,
                reports=reports,
            )
        )
    # The minutes are bundled only when the officer kept the item that approves them.
    last = previous_meeting(committee, draft.date)
    wanted = any(i.kind == "minutes" for i in items)
    minutes = gather_minutes(last) if last is not None and wanted else None
    if minutes is not None and not (minutes.items or minutes.fallback):
        # The record holds no minutes of that meeting yet: say so rather than print a shell.
        minutes = None
        for item in items:
            if item.kind == "minutes":
                item.description = (item.description + " The minutes will follow.").strip()
    return Pack(
        council=committee.council.name,
        committee=committee.name,
        date=draft.date,
        start_time=draft.start_time,
        venue=draft.venue,
        members=members,
        reserves=reserves,
        co_opted=co_opted,
        contacts=[c.strip() for c in draft.contacts.split("\n") if c.strip()],
        summoned_by=draft.summoned_by,
        published=draft.published,
        items=items,
        minutes=minutes,
        closed_items_left_out=closed_left_out,
        previous_meeting_date=last.date if last is not None else None,
    )
