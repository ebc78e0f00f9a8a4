"""A committee record for the publish tests: a full membership, a held meeting, a future one.

Built by hand (not by the parser) so that these tests check the pack against
known facts. Names are invented; the shape follows UK committee papers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from minutebook.record import models as m

COUNCIL = "Riverside Borough Council"
COMMITTEE = "Corporate Parenting Committee"
HELD = dt.date(2021, 1, 13)
UPCOMING = dt.date(2021, 3, 3)
VENUE = "Committee Room 1, Riverside Town Hall, High Street"
SECRET = "SECRET-EXEMPT-PLACEMENT-TEXT"

MEMBERS = [
    ("Amina Patel", "chair"),
    ("John Okafor", "vice-chair"),
    ("Sarah Green", "member"),
    ("David Brown", "member"),
    ("Helen Price", "reserve"),
    ("Tom Reid", "reserve"),
]
CO_OPTED = ["Grace Adeyemi", "Mark Kerr"]


def _long_report(title: str, paragraphs: int) -> str:
    lines = [
        f"Item No. 7.\tClassification: Open\tDate: 3 March 2021\tMeeting Name: {COMMITTEE}",
        f"Report title:\t{title}",
        "Ward(s) or groups affected:\tAll",
        "From:\tDirector of Children and Families",
        "RECOMMENDATIONS",
        "1. That the committee notes the report.",
        "KEY ISSUES FOR CONSIDERATION",
    ]
    for n in range(1, paragraphs + 1):
        lines.append(
            f"{n}. In the year to March the service approved new carers and reviewed "
            "every placement; this paragraph stands for the body of a real report, long "
            "enough to fill several pages of the agenda pack so that page ranges are tested."
        )
    return "\n".join(lines)


@dataclass
class Record:
    council: m.Council
    committee: m.Committee
    held: m.Meeting
    upcoming: m.Meeting
    reports: dict[str, m.Report] = field(default_factory=dict)


def _source(name: str, text: str) -> m.SourceFile:
    data = text.encode()
    return m.SourceFile.objects.create(
        sha256=hashlib.sha256(data).hexdigest(),
        original_name=name,
        format="text",
        size=len(data),
        content=data,
        text=text,
        parse_status="parsed",
        parser_version="test",
    )


def _report(
    record: Record, title: str, text: str, *, number: str, closed: bool = False
) -> m.Report:
    source = _source(f"{title}.txt", text)
    document = m.Document.objects.create(
        source=source,
        kind="report",
        subkind="report",
        title=title,
        meeting=record.upcoming,
        first_line=1,
        last_line=text.count("\n") + 1,
        classification="closed" if closed else "open",
        text=text,
    )
    report = m.Report.objects.create(
        meeting=record.upcoming,
        committee=record.committee,
        item_number=number,
        title=title,
        classification="closed" if closed else "open",
        exempt_paragraph="Paragraph 1, Schedule 12A" if closed else "",
        document=document,
    )
    report.documents.add(document)
    record.reports[title] = report
    return report


def build_record() -> Record:
    council = m.Council.objects.create(name=COUNCIL, slug="riverside")
    committee = m.Committee.objects.create(
        council=council, name=COMMITTEE, slug="corporate-parenting"
    )
    year = m.MunicipalYear.objects.create(
        council=council, label="2020-21", start=dt.date(2020, 5, 1), end=dt.date(2021, 4, 30)
    )
    held = m.Meeting.objects.create(
        committee=committee,
        date=HELD,
        start_time=dt.time(18, 30),
        venue=VENUE,
        status="held",
        municipal_year=year,
    )
    upcoming = m.Meeting.objects.create(
        committee=committee,
        date=UPCOMING,
        start_time=dt.time(18, 30),
        venue=VENUE,
        municipal_year=year,
    )
    record = Record(council, committee, held, upcoming)
    people = {}
    for name, role in MEMBERS:
        given, family = name.split(" ")
        person = m.Person.objects.create(
            council=council,
            slug=name.lower().replace(" ", "-"),
            honorific="Councillor",
            given_name=given,
            family_name=family,
            name=name,
            kind="councillor",
        )
        people[name] = person
        m.Membership.objects.create(
            person=person, committee=committee, role=role, municipal_year=year
        )
    for name in CO_OPTED:
        given, family = name.split(" ")
        person = m.Person.objects.create(
            council=council,
            slug=name.lower().replace(" ", "-"),
            given_name=given,
            family_name=family,
            name=name,
            kind="co-opted",
        )
        m.Membership.objects.create(
            person=person, committee=committee, role="co-opted", voting=False, municipal_year=year
        )
    for name, role in (("Amina Patel", "Chair"), ("Sarah Green", "")):
        m.Attendance.objects.create(
            meeting=held,
            person=people[name],
            name_as_written=name,
            honorific="Councillor",
            capacity="member",
            status="present",
            role=role,
        )
    m.Attendance.objects.create(
        meeting=held,
        name_as_written="Jo Smith",
        capacity="officer",
        status="present",
        role="Director of Children and Families",
    )
    for order, (title, discussion, resolutions) in enumerate(
        [
            ("APOLOGIES", "Apologies for absence were received from Councillor David Brown.", []),
            (
                "SUFFICIENCY STRATEGY",
                "Members discussed the sufficiency strategy.",
                ["That a further progress report be provided at the next meeting."],
            ),
        ],
        start=1,
    ):
        minute = m.Minute.objects.create(
            meeting=held, number=str(order), order=order, title=title, discussion=discussion
        )
        for n, text in enumerate(resolutions, start=1):
            m.Resolution.objects.create(minute=minute, number=str(n), order=n, text=text)
    closed_minute = m.Minute.objects.create(
        meeting=held,
        number="9",
        order=9,
        title=f"CLOSED MINUTE {SECRET}",
        part="closed",
        discussion=SECRET,
    )
    m.Resolution.objects.create(minute=closed_minute, number="1", order=1, text=SECRET)
    for order, title in enumerate(
        ["Fostering Service Annual Report", "Independent Reviewing Officers Annual Report"],
        start=1,
    ):
        m.WorkPlanEntry.objects.create(
            committee=committee, planned_at=HELD, planned_for=UPCOMING, title=title, order=order
        )
    m.WorkPlanEntry.objects.create(
        committee=committee,
        planned_at=dt.date(2020, 7, 8),
        planned_for=UPCOMING,
        title="Item dropped by a later work plan",
    )
    m.WorkPlanEntry.objects.create(
        committee=committee,
        planned_at=HELD,
        planned_for=UPCOMING,
        title="Sufficiency strategy progress report",
        origin="resolution",
    )
    _report(
        record,
        "Fostering Service Annual Report",
        _long_report("Fostering Service Annual Report", 30),
        number="6",
    )
    _report(
        record,
        "Independent Reviewing Officers Annual Report",
        _long_report("Independent Reviewing Officers Annual Report", 12)
        + "\nA line with markup <script>alert('x')</script> <b>bold</b>",
        number="7",
    )
    _report(
        record,
        "Placement costs of named children",
        f"Item No. 9.\tClassification: Closed\n{SECRET} costs for a named child",
        number="9",
        closed=True,
    )
    return record
