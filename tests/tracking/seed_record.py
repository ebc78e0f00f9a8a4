"""The seed papers' committee record, built by hand from the seed files' own text.

The parser and loader turn `corpus/seeds` into a record; these tests must not
depend on them, so this module builds the same facts directly: the meetings of
5 November 2018, 26 February 2019, 8 July 2020 and 4 November 2020, their
agenda items, the minuted resolutions (text cut from the seed files verbatim),
the reports with their text, and the work plan entries of the work-plan reports.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from minutebook.record import models as m

SEEDS = Path(__file__).resolve().parents[2] / "corpus" / "seeds"


def _text(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text(encoding="utf-8")


def _between(text: str, start: str, end: str | None) -> tuple[str, int]:
    """The text from `start` up to (not including) `end`, and its first line number."""
    i = text.index(start)
    j = text.index(end, i + len(start)) if end else len(text)
    return text[i:j].rstrip("\n"), text.count("\n", 0, i) + 1


class SeedBuilder:
    def __init__(self) -> None:
        self.council = m.Council.objects.create(name="Southwark Council", slug="southwark")
        self.committee = m.Committee.objects.create(
            council=self.council,
            name="Corporate Parenting Committee",
            slug="corporate-parenting-committee",
        )
        self.sources: dict[str, m.SourceFile] = {}
        self.meetings: dict[dt.date, m.Meeting] = {}

    def source(self, name: str) -> tuple[m.SourceFile, str]:
        text = _text(name)
        if name not in self.sources:
            data = text.encode()
            self.sources[name] = m.SourceFile.objects.create(
                sha256=hashlib.sha256(data).hexdigest(),
                original_name=f"{name}.txt",
                format="text",
                size=len(data),
                content=data,
                text=text,
                parse_status="parsed",
            )
        return self.sources[name], text

    def meeting(self, date: dt.date) -> m.Meeting:
        if date not in self.meetings:
            self.meetings[date] = m.Meeting.objects.create(
                committee=self.committee, date=date, status="held"
            )
        return self.meetings[date]

    def document(
        self, name: str, kind: str, start: str, end: str | None, meeting: m.Meeting, title: str = ""
    ) -> m.Document:
        source, text = self.source(name)
        body, first = _between(text, start, end)
        return m.Document.objects.create(
            source=source,
            kind=kind,
            title=title,
            meeting=meeting,
            first_line=first,
            last_line=first + body.count("\n"),
            text=body,
        )

    def agenda(self, date: dt.date, items: list[tuple[str, str]]) -> list[m.AgendaItem]:
        meeting = self.meeting(date)
        return [
            m.AgendaItem.objects.create(meeting=meeting, number=number, order=i, title=title)
            for i, (number, title) in enumerate(items, start=1)
        ]

    def report(self, item: m.AgendaItem, doc: m.Document, title: str) -> m.Report:
        report = m.Report.objects.create(
            meeting=item.meeting,
            committee=self.committee,
            agenda_item=item,
            item_number=item.number,
            title=title,
            document=doc,
            first_line=doc.first_line,
            last_line=doc.last_line,
        )
        report.documents.add(doc)
        item.documents.add(doc)
        return report

    def minute(
        self, doc: m.Document, number: str, title: str, resolutions: list[str], discussion: str = ""
    ) -> m.Minute:
        assert doc.meeting is not None
        minute = m.Minute.objects.create(
            meeting=doc.meeting,
            number=number,
            order=int(number),
            title=title,
            discussion=discussion,
            document=doc,
        )
        for i, text in enumerate(resolutions, start=1):
            offset = doc.text.find(text.split("\n")[0])
            line = doc.first_line + doc.text.count("\n", 0, offset) if offset >= 0 else None
            m.Resolution.objects.create(
                minute=minute,
                number=str(i),
                order=i,
                text=text,
                document=doc,
                first_line=line,
                last_line=line,
            )
        return minute

    def plan(
        self, doc: m.Document, planned_at: dt.date, planned_for: dt.date, titles: list[str]
    ) -> None:
        for order, title in enumerate(titles):
            m.WorkPlanEntry.objects.create(
                committee=self.committee,
                planned_at=planned_at,
                planned_for=planned_for,
                title=title,
                order=order,
                document=doc,
            )


NOV_2018 = dt.date(2018, 11, 5)
FEB_2019 = dt.date(2019, 2, 26)
JUL_2020 = dt.date(2020, 7, 8)
NOV_2020 = dt.date(2020, 11, 4)
JUL_2021 = dt.date(2021, 7, 7)


def build_seed_record() -> dict[str, Any]:
    b = SeedBuilder()
    # -- Pack of 26 February 2019 (seed 001): minutes of 5 November 2018 and four reports.
    nov18 = b.meeting(NOV_2018)
    b.agenda(
        NOV_2018,
        [
            ("6", "ANNUAL REPORT HEALTH OF LOOKED AFTER CHILDREN 2017-2018"),
            ("7", "INDEPENDENT REVIEWING OFFICERS (IRO) ANNUAL REPORT 2017-18"),
            ("12", "CORPORATE PARENTING COMMITTEE - WORK PLAN 2018-19"),
        ],
    )
    minutes18 = b.document("001", "minutes", "MINUTES of the OPEN section", "Item No. 6.", nov18)
    b.minute(
        minutes18,
        "6",
        "ANNUAL REPORT HEALTH OF LOOKED AFTER CHILDREN 2017-2018",
        [
            "That the annual report health of looked after children 2017 – 2018 and information set out in Appendix 1 of the report be noted.",
            "That officers provide the necessary statistics to the committee on child and adolescent mental health services (CAMHS) to see if the threshold for Southwark looked after children is being met.",
        ],
    )
    b.minute(
        minutes18,
        "7",
        "INDEPENDENT REVIEWING OFFICERS (IRO) ANNUAL REPORT 2017-18",
        [
            "That the Independent Review Officers (IRO) Annual Report be noted.",
            "That a further progress report be provided at the next meeting on the systems surrounding the IRO reports which previously which had been ineffective to social care work.",
            "That further information on statistics relating to children in the borough, who have been exposed to sexual exploitation, be provided to the committee at the next meeting.",
            "That a representative from Speakerbox be invited to attend the next meeting, which includes a representative from the recruitment panel.",
            "That the committee continue to work and engage fully with young people.",
        ],
    )
    b.minute(
        minutes18,
        "12",
        "CORPORATE PARENTING COMMITTEE - WORK PLAN 2018-19",
        [
            "That the work plan for 2018-19 as set out in paragraph 5 of the report be noted.",
            "The draft agenda for the next meeting be noted as follows:\n\n26 February\n\n- Sufficiency strategy update\n- Ofsted progress report\n- IRO – report back as set out in item 7.",
        ],
    )
    feb19 = b.agenda(
        FEB_2019,
        [
            ("1", "APOLOGIES"),
            ("5", "MINUTES"),
            ("6", "OFSTED PROGRESS REPORT - OFSTED FOCUSED VISIT JANUARY 2019"),
            ("7", "PROGRESS REPORT ON INDEPENDENT REVIEWING OFFICER (IRO) ESCALATIONS"),
            (
                "8",
                "BRIEF REPORT ON THE 'WE WILL' STATEMENTS IN CHILDREN LOOKED AFTER AND CARE LEAVERS "
                "PLACEMENT SUFFICIENCY STRATEGY 2018- 2022 AND DRAFT SUFFICIENCY DASHBOARD",
            ),
            ("9", "CORPORATE PARENTING COMMITTEE - WORK PLAN 2018-19"),
        ],
    )
    feb = b.meeting(FEB_2019)
    titles = {
        "6": (
            "Item No. 6.",
            "Item No. 7.",
            "Ofsted Progress Report Ofsted Focused Visit January 2019",
        ),
        "7": (
            "Item No. 7.",
            "Item No. 8.",
            "Progress Report on Independent Reviewing Officer (IRO) Escalations",
        ),
        "8": (
            "Item No. 8.",
            "Item No. 9.",
            "Brief Report on the 'We Will' Statements in the Sufficiency Strategy",
        ),
        "9": (
            "Item No. 9.",
            "CORPORATE PARENTING DISTRIBUTION LIST",
            "Corporate Parenting Committee – Work Plan 2018-19",
        ),
    }
    reports = {}
    for item in feb19:
        if item.number in titles:
            start, end, title = titles[item.number]
            doc = b.document("001", "report", start, end, feb, title)
            reports[item.number] = b.report(item, doc, title)
    b.plan(
        reports["9"].documents.get(),
        FEB_2019,
        FEB_2019,
        [
            "Sufficiency Strategy update",
            "Ofsted progress report update",
            "Independent Reviewing Officer (IRO) – report back",
        ],
    )
    b.plan(
        reports["9"].documents.get(),
        FEB_2019,
        dt.date(2019, 3, 25),
        ["Virtual Head teacher report"],
    )

    # -- Pack of 4 November 2020 (seed 000): minutes of 8 July 2020 and two reports.
    jul20 = b.meeting(JUL_2020)
    minutes20 = b.document("000", "minutes", "MINUTES of the OPEN section", "Item No. 7.", jul20)
    b.minute(
        minutes20,
        "6",
        "VIRTUAL HEAD TEACHER'S ANNUAL REPORT",
        [
            "That the Virtual Head teacher's report for Southwark Looked After Children be noted.",
            "Request for a short pre-meeting to be set up with including the chair, Alasdair, Tracey Harrison, Mark Kerr, Danny Edwards, Councillor Stephanie Cryan in respect of education, employment and training. Young people to also be involved in this pre-meeting with a view also have a workshop by the end of August.",
        ],
    )
    b.minute(
        minutes20,
        "7",
        "COVID-19 RESPONSE",
        [
            "That the response of children's services to looked after children, care leavers and foster carers during COVID19 be noted.",
            "That it be noted that a workshop will take place towards the end of August to deal with education, employment and training issues arising.",
        ],
    )
    b.minute(
        minutes20,
        "8",
        "BLACK LIVES MATTER",
        [
            "That a workshop to take place early August and to come with proposals/ideas and to feed into work of Southwark Stands Together member/officer working group."
        ],
    )
    b.minute(
        minutes20,
        "9",
        "CORPORATE PARENTING COMMITTEE - WORK PLAN 2020-21",
        [
            "That the corporate parenting committee agree the approach and work plan as set out in the report.",
            "That the following 4 November 2020 draft agenda be agreed as follows:\n - Update on corporate parenting strategy / council plan\n - Update on Black Lives Matter and COVID-19 (including feedback from workshops in August)\n - Fostering and Adoption reports\n - Sufficiency strategy.",
            "The need to re-visit work undertaken previous in workshops on housing ar accommodation support and needs for young people.",
        ],
    )
    nov20_items = b.agenda(
        NOV_2020,
        [
            ("1", "APOLOGIES"),
            ("6", "MINUTES"),
            (
                "7",
                "FEEDBACK FROM INSPECTIONS OF CHILDREN'S SOCIAL CARE AND YOUTH OFFENDING SERVICES",
            ),
            ("8", "COVID - 19 LOCKDOWN UPDATE"),
            ("9", "BLACK LIVES MATTERS (VERBAL UPDATE)"),
            ("10", "WORKSHOP - EMPLOYMENT, EDUCATION AND TRAINING"),
            ("11", "CORPORATE PARENTING COMMITTEE - WORK PLAN 2020-21"),
        ],
    )
    nov20 = b.meeting(NOV_2020)
    inspection_doc = b.document(
        "000", "report", "Item No. 7.", "Item No. 11.", nov20, "Feedback from Inspections"
    )
    b.report(
        nov20_items[2],
        inspection_doc,
        "Feedback from Inspections of Children's Social Care and Youth Offending Services",
    )
    plan_doc = b.document("000", "report", "Item No. 11.", None, nov20, "Work Plan 2020-21")
    b.report(nov20_items[6], plan_doc, "Corporate Parenting Committee – Work Plan 2020-21")
    b.plan(
        plan_doc,
        NOV_2020,
        dt.date(2021, 3, 3),
        [
            "Children in Care Annual Health Report 2020-21",
            "Foster and Adoption Service Annual Reports 2019 – 20",
            "Corporate parenting strategy.",
        ],
    )
    b.plan(
        plan_doc,
        NOV_2020,
        dt.date(2021, 4, 21),
        ["Virtual Headteacher Annual Report 2019 – 2020", "Item to be agreed"],
    )

    # -- Supplemental agenda of 7 July 2021 (seed 004): the self-evaluation.
    jul21 = b.meeting(JUL_2021)
    selfeval = b.agenda(
        JUL_2021,
        [("9", "Self-Evaluation of Social Work Practice with Children in Care and Care Leavers")],
    )
    se_doc = b.document(
        "004", "report", "Self-Evaluation of Social Work Practice\n", None, jul21, "Self-Evaluation"
    )
    b.report(
        selfeval[0],
        se_doc,
        "Self-Evaluation of Social Work Practice with Children in Care and Care Leavers",
    )
    return {"builder": b, "committee": b.committee, "meetings": b.meetings, "reports": reports}
