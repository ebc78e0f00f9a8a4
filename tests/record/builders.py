"""Hand-built ParseResults in the shape the parser promises (parser/models.py).

The pack is that of a 4 November 2020 meeting: a front sheet with
membership, the order of business (Part A and a Part B item), the minutes of
8 July 2020 bundled for approval, a report for item 3 and a work plan.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from minutebook.parser import models as p

COUNCIL = "Southwark Council"
COMMITTEE = "Corporate Parenting Committee"
PACK_TEXT = "\n".join(f"line {n}" for n in range(1, 201))


def span(a: int, b: int | None = None, page: int | None = None) -> p.Span:
    return p.Span(a, b if b is not None else a, page, page)


def source_info(name: str, text: str) -> p.SourceInfo:
    data = text.encode()
    return p.SourceInfo(
        path=name, sha256=hashlib.sha256(data).hexdigest(), format="text", size=len(data)
    )


def result(name: str, documents: tuple[p.Document, ...], text: str = PACK_TEXT) -> p.ParseResult:
    return p.ParseResult(
        source=source_info(name, text),
        parser_version="test-1",
        text=text,
        line_pages=tuple(None for _ in text.split("\n")),
        documents=documents,
    )


def front_sheet() -> p.Document:
    members = (
        p.Member("Jasmine Ali", "Councillor", "chair", span(5)),
        p.Member("Evelyn Akoto", "Councillor", "member", span(6)),
        p.Member("Sunny Lambe", "Councillor", "member", span(7)),
        p.Member("Peter Babudu", "Councillor", "reserve", span(8)),
        p.Member("Florence Emakpose", None, "co-opted", span(9), voting=False),
    )
    items = (
        p.AgendaItem("1", "Apologies", None, None, "open", span(12)),
        p.AgendaItem("5", "Minutes", "1 - 8", None, "open", span(13)),
        p.AgendaItem("7", "Feedback from inspections", "9 - 18", "14:10", "open", span(14)),
        p.AgendaItem("11", "Work plan", "19 - 22", None, "open", span(15)),
        p.AgendaItem("12", "Placement costs of named children", None, None, "closed", span(16)),
    )
    return p.Document(
        kind="agenda",
        subkind="front_sheet",
        title="Agenda",
        committee=COMMITTEE,
        council=COUNCIL,
        meeting=p.MeetingRef("2020-11-04", "14:00", "Online/Virtual", True),
        span=span(1, 20, 1),
        agenda=p.Agenda(membership=members, items=items, published="2020-10-27"),
    )


def minutes_of_july() -> p.Document:
    attendance = (
        p.Attendee("Jasmine Ali", "Councillor", "present", "member", "Chair", span(23)),
        p.Attendee("Evelyn Akoto", "Councillor", "present", "member", None, span(24)),
        p.Attendee(
            "Peter Babudu", "Councillor", "present", "substitute", None, span(25), "Sunny Lambe"
        ),
        p.Attendee(
            "Alasdair Smith",
            None,
            "present",
            "officer",
            "Director of Children and Families",
            span(26),
        ),
        p.Attendee("Sunny Lambe", "Councillor", "apologies", "member", None, span(27)),
    )
    declarations = (
        p.Declaration("Councillor Akoto", "3", "She is a foster carer.", span(30), "other"),
    )
    items = (
        p.MinuteItem("1", "Apologies", (), span(28, 29), "Apologies were received."),
        p.MinuteItem(
            "3",
            "Sufficiency strategy",
            (
                p.Resolution("That the report be noted.", "1", span(33)),
                p.Resolution("That a further report come to the next meeting.", "2", span(34)),
            ),
            span(31, 34),
            "Members asked about placements.",
        ),
    )
    return p.Document(
        kind="minutes",
        subkind="minutes",
        title="Minutes",
        committee=COMMITTEE,
        council=COUNCIL,
        meeting=p.MeetingRef("2020-07-08", "14:00", "Online/Virtual", True),
        span=span(21, 40, 2),
        minutes=p.Minutes(attendance, declarations, items, end_time="17:10"),
    )


def inspection_report(first_line: int = 41, classification: str = "open") -> p.Document:
    return p.Document(
        kind="report",
        subkind="report",
        title="Feedback from inspections of children's social care",
        committee=None,  # reports name the meeting, not the committee: inherited from the pack
        council=None,
        meeting=p.MeetingRef(),
        span=span(first_line, first_line + 39, 3),
        report=p.Report(
            item_number="7",
            classification=classification,
            date="2020-11-04",
            meeting_name=COMMITTEE,
            wards="All",
            from_="Director of Children and Families",
            recommendations=(p.Recommendation("1", "To note the report.", span(first_line + 3)),),
            audit_trail=p.AuditTrail(
                lead_officer="David Quirke-Thornton",
                report_author="Alasdair Smith",
                version="Final",
                dated="2020-10-26",
                key_decision=False,
                span=span(first_line + 30),
            ),
        ),
    )


def work_plan() -> p.Document:
    return p.Document(
        kind="report",
        subkind="work_plan",
        title="Work plan 2020-21",
        committee=COMMITTEE,
        council=COUNCIL,
        meeting=p.MeetingRef(),
        span=span(81, 100, 5),
        work_plan=(
            p.WorkPlanEntry(
                "2021-03-03",
                ("Children in care annual health report", "Fostering annual report"),
                span(90, 92),
            ),
        ),
    )


def pack(name: str = "pack-2020-11-04.txt") -> p.ParseResult:
    return result(name, (front_sheet(), minutes_of_july(), inspection_report(), work_plan()))


def separate_report(name: str = "item7.txt", classification: str = "open") -> p.ParseResult:
    text = "\n".join(f"report line {n}" for n in range(1, 60))
    return result(name, (inspection_report(1, classification),), text)


def without_anything(name: str = "mystery.txt") -> p.ParseResult:
    """Partial output: documents with no council, committee or date."""
    bare = p.Document(
        kind="other",
        subkind="other",
        title=None,
        committee=None,
        council=None,
        meeting=p.MeetingRef(),
        span=span(1, 10),
    )
    undated_minutes = replace(
        minutes_of_july(), council=None, committee=None, meeting=p.MeetingRef(), span=span(11, 30)
    )
    return result(name, (bare, undated_minutes))
