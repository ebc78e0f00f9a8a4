"""A small, hand-built committee record for tests that need data without the parser.

`build_sample_record()` creates one council, one committee, a held meeting
with minutes and a future meeting, with open and closed business, and returns
the created objects by name. Facts follow the seed papers' shape (Southwark's
Corporate Parenting Committee) but are deliberately few.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from minutebook.record import models as m

SOURCE_TEXT = """Corporate Parenting Committee
Wednesday 4 November 2020
2.00 pm
Online/Virtual
Membership
Councillor Jasmine Ali (Chair)
Councillor Evelyn Akoto
Reserves
Councillor Peter Babudu
Order of Business
1.\tAPOLOGIES
2.\tMINUTES\t1 - 4
3.\tFEEDBACK FROM INSPECTIONS\t5 - 12
4.\tCONFIDENTIAL PLACEMENT COSTS
MINUTES of the OPEN section of the Corporate Parenting Committee held on Wednesday 8 July 2020 at 2.00 pm
PRESENT:\tCouncillor Jasmine Ali (Chair) Councillor Evelyn Akoto
OFFICER SUPPORT:\tAlasdair Smith, Director of Children and Families
1. APOLOGIES
Apologies were received from Councillor Peter Babudu.
2. DISCLOSURE OF INTERESTS
Councillor Evelyn Akoto declared that she is a foster carer.
3. SUFFICIENCY STRATEGY
RESOLVED:
1. That a further progress report be provided at the next meeting on 4 November 2020.
Item No. 3.\tClassification: Open\tDate: 4 November 2020
Report title:\tFeedback from Inspections of Children's Social Care
RECOMMENDATIONS
1. To note the contents of this report <script>alert(1)</script>
Item No. 4.\tClassification: Closed\tDate: 4 November 2020
Report title:\tConfidential placement costs of named children
SECRET-EXEMPT-TEXT placement costs for a named child
"""


def _lines(needle: str) -> tuple[int, int]:
    for i, line in enumerate(SOURCE_TEXT.split("\n"), start=1):
        if needle in line:
            return i, i
    raise ValueError(needle)


def build_sample_record() -> dict[str, Any]:
    """Create the sample record in the current test database and return its objects."""
    council = m.Council.objects.create(name="Southwark Council", slug="southwark")
    committee = m.Committee.objects.create(
        council=council,
        name="Corporate Parenting Committee",
        slug="corporate-parenting-committee",
        purpose="To secure real and sustained improvements in the life chances of looked after children.",
    )
    year = m.MunicipalYear.objects.create(
        council=council, label="2020-21", start=dt.date(2020, 5, 1), end=dt.date(2021, 4, 30)
    )
    data = SOURCE_TEXT.encode()
    source = m.SourceFile.objects.create(
        sha256=hashlib.sha256(data).hexdigest(),
        original_name="sample-pack-2020-11-04.txt",
        media_type="text/plain",
        format="text",
        size=len(data),
        content=data,
        text=SOURCE_TEXT,
        parse_status="parsed",
        parser_version="test",
    )
    held = m.Meeting.objects.create(
        committee=committee,
        date=dt.date(2020, 7, 8),
        start_time=dt.time(14, 0),
        end_time=dt.time(17, 10),
        venue="Online/virtual meeting",
        online=True,
        status="held",
        municipal_year=year,
    )
    upcoming = m.Meeting.objects.create(
        committee=committee,
        date=dt.date(2020, 11, 4),
        start_time=dt.time(14, 0),
        venue="Online/Virtual",
        online=True,
        status="scheduled",
        municipal_year=year,
    )
    n = SOURCE_TEXT.count("\n") + 1

    def doc(
        kind: str, subkind: str, title: str, first: int, last: int, *, closed: bool = False
    ) -> m.Document:
        return m.Document.objects.create(
            source=source,
            kind=kind,
            subkind=subkind,
            title=title,
            meeting=held if kind == "minutes" else upcoming,
            first_line=first,
            last_line=last,
            classification="closed" if closed else "open",
            exempt_paragraph="Paragraph 1 and 2, Schedule 12A" if closed else "",
            text="\n".join(SOURCE_TEXT.split("\n")[first - 1 : last]),
            parser_version="test",
        )

    minutes_at = _lines("MINUTES of the OPEN section")[0]
    report_at = _lines("Item No. 3.")[0]
    closed_at = _lines("Item No. 4.")[0]
    agenda_doc = doc(
        "agenda", "front_sheet", "Corporate Parenting Committee agenda", 1, minutes_at - 1
    )
    minutes_doc = doc("minutes", "minutes", "Minutes of 8 July 2020", minutes_at, report_at - 1)
    report_doc = doc(
        "report",
        "report",
        "Feedback from Inspections of Children's Social Care",
        report_at,
        closed_at - 1,
    )
    closed_doc = doc(
        "report",
        "report",
        "Confidential placement costs of named children",
        closed_at,
        n,
        closed=True,
    )

    def person(name: str, kind: str, honorific: str = "Councillor") -> m.Person:
        given, _, family = name.rpartition(" ")
        return m.Person.objects.create(
            council=council,
            slug=name.lower().replace(" ", "-"),
            honorific=honorific,
            given_name=given,
            family_name=family,
            name=name,
            kind=kind,
        )

    ali = person("Jasmine Ali", "councillor")
    akoto = person("Evelyn Akoto", "councillor")
    babudu = person("Peter Babudu", "councillor")
    smith = person("Alasdair Smith", "officer", honorific="")
    for who, role in ((ali, "chair"), (akoto, "member"), (babudu, "reserve")):
        first, last = _lines(who.name)
        m.Membership.objects.create(
            person=who,
            committee=committee,
            role=role,
            municipal_year=year,
            document=agenda_doc,
            first_line=first,
            last_line=last,
            parser_version="test",
        )
    m.OfficerTitle.objects.create(
        person=smith, title="Director of Children and Families", seen_on=held.date
    )

    items = []
    for order, (number, title, pages, part) in enumerate(
        [
            ("1", "APOLOGIES", "", "open"),
            ("2", "MINUTES", "1-4", "open"),
            ("3", "FEEDBACK FROM INSPECTIONS", "5-12", "open"),
            ("4", "CONFIDENTIAL PLACEMENT COSTS", "", "closed"),
        ],
        start=1,
    ):
        first, last = _lines(f"{number}.\t{title}")
        items.append(
            m.AgendaItem.objects.create(
                meeting=upcoming,
                number=number,
                order=order,
                title=title,
                pages=pages,
                part=part,
                document=agenda_doc,
                first_line=first,
                last_line=last,
                parser_version="test",
            )
        )
    items[2].documents.add(report_doc)
    items[3].documents.add(closed_doc)

    for who, capacity, status, role in (
        (ali, "member", "present", "Chair"),
        (akoto, "member", "present", ""),
        (smith, "officer", "present", "Director of Children and Families"),
        (babudu, "member", "apologies", ""),
    ):
        first, last = _lines(who.name)
        m.Attendance.objects.create(
            meeting=held,
            person=who,
            name_as_written=who.name,
            honorific=who.honorific,
            capacity=capacity,
            status=status,
            role=role,
            document=minutes_doc,
            first_line=first,
            last_line=last,
            parser_version="test",
        )
    first, last = _lines("declared that she is a foster carer")
    declaration = m.Declaration.objects.create(
        meeting=held,
        person=akoto,
        name_as_written="Councillor Evelyn Akoto",
        text="Declared that she is a foster carer.",
        kind="other",
        document=minutes_doc,
        first_line=first,
        last_line=last,
        parser_version="test",
    )
    minute = m.Minute.objects.create(
        meeting=held,
        number="3",
        order=3,
        title="SUFFICIENCY STRATEGY",
        discussion="Members discussed the sufficiency strategy.",
        document=minutes_doc,
        first_line=_lines("3. SUFFICIENCY STRATEGY")[0],
        last_line=_lines("further progress report")[0],
        parser_version="test",
    )
    first, last = _lines("further progress report")
    resolution = m.Resolution.objects.create(
        minute=minute,
        number="1",
        order=1,
        text="That a further progress report be provided at the next meeting on 4 November 2020.",
        document=minutes_doc,
        first_line=first,
        last_line=last,
        parser_version="test",
    )
    report = m.Report.objects.create(
        meeting=upcoming,
        committee=committee,
        agenda_item=items[2],
        item_number="3",
        title="Feedback from Inspections of Children's Social Care",
        report_date=upcoming.date,
        meeting_name=committee.name,
        wards="All",
        from_text="Director of Children & Families",
        classification="open",
        recommendations=["To note the contents of this report <script>alert(1)</script>"],
        sections=[{"heading": "RECOMMENDATIONS", "text": "To note the contents of this report"}],
        tables=[
            {"caption": None, "header": ["Reason", "Number"], "rows": [["Care planning", "7"]]}
        ],
        document=report_doc,
        first_line=report_doc.first_line,
        last_line=report_doc.last_line,
        parser_version="test",
    )
    report.documents.add(report_doc)
    closed_report = m.Report.objects.create(
        meeting=upcoming,
        committee=committee,
        agenda_item=items[3],
        item_number="4",
        title="Confidential placement costs of named children",
        classification="closed",
        exempt_paragraph="Paragraph 1 and 2, Schedule 12A",
        recommendations=["SECRET-EXEMPT-TEXT agree the placement costs"],
        document=closed_doc,
        first_line=closed_doc.first_line,
        last_line=closed_doc.last_line,
        parser_version="test",
    )
    closed_report.documents.add(closed_doc)
    plan = m.WorkPlanEntry.objects.create(
        committee=committee,
        planned_at=held.date,
        planned_for=upcoming.date,
        title="Fostering Service Annual Report",
        order=1,
        origin="resolution",
        document=minutes_doc,
        first_line=first,
        last_line=last,
        parser_version="test",
    )
    return {
        "council": council,
        "committee": committee,
        "year": year,
        "source": source,
        "held": held,
        "upcoming": upcoming,
        "agenda_doc": agenda_doc,
        "minutes_doc": minutes_doc,
        "report_doc": report_doc,
        "closed_doc": closed_doc,
        "people": {"ali": ali, "akoto": akoto, "babudu": babudu, "smith": smith},
        "items": items,
        "declaration": declaration,
        "minute": minute,
        "resolution": resolution,
        "report": report,
        "closed_report": closed_report,
        "plan": plan,
        "secret": "SECRET-EXEMPT-TEXT",
    }
