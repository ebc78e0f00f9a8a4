"""Minutes carried in the seed packs: exact attendance, apologies, declarations,
items with their resolutions, and the meeting they record.

Expected values were read off the source text by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from minutebook.parser.models import Document, ParseResult
from minutebook.parser.pipeline import parse_file

SEEDS = Path(__file__).resolve().parents[2] / "corpus" / "seeds"
PACK_2020 = "000_7766e353e14d0d52.txt"
PACK_2019 = "001_b6ed594580014f82.txt"
C = "Councillor"


@cache
def parsed(name: str) -> ParseResult:
    return parse_file(SEEDS / name)


def minutes_of(name: str) -> Document:
    docs = [d for d in parsed(name).documents if d.kind == "minutes"]
    assert len(docs) == 1
    return docs[0]


def attendance(d: Document) -> list[tuple[str, str | None, str, str, str | None]]:
    assert d.minutes is not None
    return [(a.name, a.honorific, a.status, a.capacity, a.role) for a in d.minutes.attendance]


def resolutions(d: Document) -> list[tuple[str | None, str, list[str]]]:
    assert d.minutes is not None
    return [(i.number, i.title, [r.text for r in i.resolutions]) for i in d.minutes.items]


def test_pack_about_x_carries_minutes_of_y() -> None:
    """The 4 November 2020 pack carries the minutes of 8 July 2020: two meetings."""
    docs = parsed(PACK_2020).documents
    agenda = next(d for d in docs if d.subkind == "front_sheet")
    minutes = minutes_of(PACK_2020)
    assert agenda.meeting.date == "2020-11-04"
    assert (minutes.meeting.date, minutes.meeting.time) == ("2020-07-08", "14:00")
    assert minutes.meeting.venue == "Online/virtual meeting"
    assert minutes.meeting.online is True
    # Bill Williams attended on 8 July; he is not a member on the 4 November front sheet.
    assert "Bill Williams" in [a.name for a in minutes.minutes.attendance]  # type: ignore[union-attr]
    assert "Bill Williams" not in [m.name for m in agenda.agenda.membership]  # type: ignore[union-attr]
    # The minutes document starts at its own title lines, after the agenda's closing date.
    text = parsed(PACK_2020).lines()
    assert text[minutes.span.first_line - 1] == "Corporate Parenting Committee"
    assert text[minutes.span.first_line + 1].startswith("MINUTES of the OPEN section")
    assert text[minutes.span.last_line - 1] == "DATED:"


def test_minutes_2020_heading_and_attendance() -> None:
    d = minutes_of(PACK_2020)
    assert d.committee == "Corporate Parenting Committee"
    assert d.part == "open"
    assert d.minutes is not None
    assert d.minutes.end_time == "17:10"
    assert attendance(d) == [
        ("Jasmine Ali", C, "present", "member", "Chair"),
        ("Bill Williams", C, "present", "member", "Vice-chair"),
        ("Evelyn Akoto", C, "present", "member", None),
        ("Maggie Browning", C, "present", "member", None),
        ("Sunny Lambe", C, "present", "member", None),
        ("Eliza Mann", C, "present", "member", None),
        ("Charlie Smith", C, "present", "member", None),
        ("Francis Turkson", None, "present", "co-opted", None),
        ("Mark Kerr", None, "present", "co-opted", None),
        ("Tracey Harrison", None, "present", "co-opted", None),
        (
            "Olivia Nation",
            None,
            "present",
            "officer",
            "Children's Rights and Participation officer",
        ),  # a council officer, listed under "Young people"
        (
            "David Quirke-Thornton",
            None,
            "present",
            "officer",
            "Strategic Director of Children's and Adults Services",
        ),
        ("Alasdair Smith", None, "present", "officer", "Director of Children and Families"),
        (
            "Stacy John-Legere",
            "Dr",
            "present",
            "officer",
            "Designated Dr for Looked After Children",
        ),
        ("Dolly Agrawal", "Dr", "present", "officer", "Dr for Looked After Children"),
        ("Angela Brown", None, "present", "officer", "Nurse for Looked After Children"),
        (
            "Andrew Fowler",
            None,
            "present",
            "officer",
            "Head of Service, Children in Care and Care Leavers",
        ),
        ("Leval Haughton-James", None, "present", "officer", "Children's and Adult Services"),
        (
            "Helen Woolgar",
            None,
            "present",
            "officer",
            "Assistant Director - Safeguarding and Care, Children's and Adults' Services",
        ),
        ("Michele Sault", None, "present", "officer", "CCG"),
        (
            "Khalida Khan",
            None,
            "present",
            "officer",
            "Interim Service Manager, Children's and Adults' Services",
        ),
        # The job title runs over a page break: "Children's and" / "Adults' Services".
        (
            "Kelly Henry",
            None,
            "present",
            "officer",
            "Head of Service Permanence, Children's and Adults' Services",
        ),
        ("Usha Singh", None, "present", "officer", "Virtual Head Teachers"),
        ("Neil Gordon-Orr", None, "present", "officer", "Strategic Manager, Education Access"),
        ("Paula Thornton", None, "present", "officer", "Constitutional Team"),
        ("Beverley Olamijulo", None, "present", "officer", "Constitutional Team"),
        ("Poonam Patel", None, "present", "officer", "Constitutional Team"),
    ]
    # "No apologies for absence were received."
    assert not [a for a in d.minutes.attendance if a.status == "apologies"]
    assert [(x.name, x.item, x.text, x.kind) for x in d.minutes.declarations] == [
        (None, "4", "None were declared.", "none")
    ]


def test_minutes_2020_items_and_resolutions() -> None:
    d = minutes_of(PACK_2020)
    assert resolutions(d) == [
        ("1", "APOLOGIES", []),
        ("2", "CONFIRMATION OF VOTING MEMBERS", []),
        ("3", "NOTIFICATION OF ANY ITEMS OF BUSINESS WHICH THE CHAIR DEEMS URGENT", []),
        ("4", "DISCLOSURE OF INTERESTS AND DISPENSATIONS", []),
        (
            "5",
            "CORPORATE PARENTING STRATEGY REVIEW",
            [
                "That the contents of the report be noted.",
                "That the schedule for delivery of the new corporate parenting strategy be developed "
                "(a summary of the main issues raised set out above).",
            ],
        ),
        (
            "6",
            "ANNUAL VIRTUAL HEADTEACHER'S REPORT",
            [
                "That the Virtual Head teacher's report for Southwark Looked After Children be noted.",
                "That the comments provided at the committee and summarised above be noted.",
                # Broken over a page: "... a workshop by the" / "end of August."
                "Request for a short pre-meeting to be set up with including the chair, Alasdair, "
                "Tracey Harrison, Mark Kerr, Danny Edwards, Councillor Stephanie Cryan in respect of "
                "education, employment and training. Young people to also be involved in this "
                "pre-meeting with a view also have a workshop by the end of August.",
            ],
        ),
        (
            "7",
            "REPORT ON THE RESPONSE TO LOOKED AFTER CHILDREN, CARE LEAVERS AND FOSTER CARERS DURING COVID-19",
            [
                "That the response of children's services to looked after children, care leavers and "
                "foster carers during COVID19 be noted.",
                "That it be noted that a workshop will take place towards the end of August to deal "
                "with education, employment and training issues arising.",
            ],
        ),
        (
            "8",
            "BLACK LIVES MATTER (DISCUSSION)",
            [
                "That a workshop to take place early August and to come with proposals/ideas and to "
                "feed into work of Southwark Stands Together member/officer working group."
            ],
        ),
        (
            "9",
            "CORPORATE PARENTING COMMITTEE - WORK PLAN 2020-21",
            [
                "That the corporate parenting committee agree the approach and work plan as set out in the report.",
                "That the following 4 November 2020 draft agenda be agreed as follows:\n"
                "- Update on corporate parenting strategy / council plan\n"
                "- Update on Black Lives Matter and COVID-19 (including feedback from workshops in August)\n"
                "- Fostering and Adoption reports\n"
                "- Sufficiency strategy.",
                "The need to re-visit work undertaken previous in workshops on housing ar accommodation "
                "support and needs for young people.",
            ],
        ),
    ]
    assert d.minutes is not None
    item9 = d.minutes.items[-1]
    assert [r.number for r in item9.resolutions] == ["1", "2", "3"]
    # The last item stops before "The meeting ended at 5.10 pm." and the signature lines.
    assert item9.discussion == ""
    assert parsed(PACK_2020).lines()[item9.span.last_line].startswith("The meeting ended")
    # Discussion is kept without the resolutions.
    item5 = d.minutes.items[4]
    assert "Mental health and wellbeing challenges" in item5.discussion
    assert "be noted" not in item5.discussion


def test_minutes_2019_heading_attendance_apologies_declarations() -> None:
    d = minutes_of(PACK_2019)
    assert d.committee == "Corporate Parenting Committee"
    assert (d.meeting.date, d.meeting.time, d.meeting.venue) == (
        "2018-11-05",
        "14:00",
        "the Council Offices, 160 Tooley Street, London SE1 2QH",
    )
    assert d.minutes is not None
    assert d.minutes.end_time == "16:10"
    assert attendance(d) == [
        ("Jasmine Ali", C, "present", "member", "Chair"),
        ("Evelyn Akoto", C, "present", "member", None),
        ("Sunny Lambe", C, "present", "member", None),
        ("Catherine Rose", C, "present", "member", None),
        ("Charlie Smith", C, "present", "member", None),
        ("Florence Emakpose", None, "present", "co-opted", "Co-opted Member, non-voting"),
        ("Alasdair Smith", None, "present", "officer", "Director of Children and Families"),
        (
            "Tom Stevenson",
            None,
            "present",
            "officer",
            "Assistant Director, Quality and Performance, Children's and Adults' Services",
        ),
        (
            "Stacy John-Legere",
            "Dr",
            "present",
            "officer",
            "Designated Dr for Looked After Children",
        ),
        (
            "Elizabeth Murphy",
            None,
            "present",
            "officer",
            "Consultant Child and Adolescent Psychotherapist",
        ),
        ("Helen Woolgar", None, "present", "officer", "Assistant Director, Safeguarding and Care"),
        ("Beverley Olamijulo", None, "present", "officer", "Constitutional Team"),
        # "Apologies for absence were received from Councillor Eliza Mann."
        ("Eliza Mann", C, "apologies", "member", None),
    ]
    assert [(x.name, x.item, x.text, x.kind) for x in d.minutes.declarations] == [
        (
            "Sunny Lambe",
            None,
            "Councillor Sunny Lambe declared an interest with regard to a family member (his partner) "
            "being employed by the NHS. This was not a disclosable pecuniary interest.",
            "other",
        )
    ]


def test_minutes_2019_items_and_resolutions() -> None:
    d = minutes_of(PACK_2019)
    assert resolutions(d) == [
        ("1", "APOLOGIES", []),
        ("2", "CONFIRMATION OF VOTING MEMBERS", []),
        ("3", "NOTIFICATION OF ANY ITEMS OF BUSINESS WHICH THE CHAIR DEEMS URGENT", []),
        ("4", "DISCLOSURE OF INTERESTS AND DISPENSATIONS", []),
        (
            "5",
            "MINUTES",
            [
                "That the minutes of the meeting held on 4 July 2018 be approved as a correct record "
                "and signed by the chair."
            ],
        ),
        (
            "6",
            "ANNUAL REPORT HEALTH OF LOOKED AFTER CHILDREN 2017-2018",
            [
                "That the annual report health of looked after children 2017 – 2018 and information "
                "set out in Appendix 1 of the report be noted.\n"
                "- The figures on the referrals of young people that are placed in care were noted. "
                "At least 50% of young people lived in the borough and 51% lived in neighbouring "
                "boroughs (Lambeth, North Kent or Croydon).\n"
                "- Care link: Workable for families' which was set up by the referral team, working "
                "alongside social workers that accept children under their care.",
                "That officers provide the necessary statistics to the committee on child and "
                "adolescent mental health services (CAMHS) to see if the threshold for Southwark "
                "looked after children is being met.",
            ],
        ),
        (
            "7",
            "INDEPENDENT REVIEWING OFFICERS (IRO) ANNUAL REPORT 2017-18",
            [
                "That the Independent Review Officers (IRO) Annual Report be noted.",
                "That a further progress report be provided at the next meeting on the systems "
                "surrounding the IRO reports which previously which had been ineffective to social care work.",
                "That further information on statistics relating to children in the borough, who have "
                "been exposed to sexual exploitation, be provided to the committee at the next meeting.",
                "That a representative from Speakerbox be invited to attend the next meeting, which "
                "includes a representative from the recruitment panel.",
                "That the committee continue to work and engage fully with young people.",
            ],
        ),
        (
            "8",
            "FOSTERING SERVICE ANNUAL REPORT 2017-18",
            ["That the annual report of Southwark Fostering Service 2017-18 be noted."],
        ),
        (
            "9",
            "ADOPTION SERVICE ANNUAL REPORT 2017-18",
            ["That the annual report of Southwark Adoption Service 2017-18 be noted."],
        ),
        (
            "10",
            "UNACCOMPANIED ASYLUM SEEKING CHILDREN IN CARE AND CARE LEAVERS",
            [
                "That the briefing report on unaccompanied asylum seeking children in care and care "
                "leavers set out in Appendix 1 of the report be noted."
            ],
        ),
        (
            "11",
            "CATCH 22 PROJECT - VERBAL UPDATE AT COMMITTEE",
            [
                "That it be noted that further public health provision will be extended to Family "
                "Management Partnership (FMP) for care leavers, which entitles them to free swim and "
                "gym at any of the council run leisure centres in the borough. In addition, the "
                "committee expressed their wish that this service be extended to foster carers, "
                "especially those that are Southwark residents."
            ],
        ),
        (
            "12",
            "CORPORATE PARENTING COMMITTEE - WORK PLAN 2018-19",
            [
                "That the work plan for 2018-19 as set out in paragraph 5 of the report be noted.",
                "The draft agenda for the next meeting be noted as follows:\n26 February\n"
                "- Sufficiency strategy update\n- Ofsted progress report\n"
                "- IRO – report back as set out in item 7.",
            ],
        ),
    ]
    assert d.minutes is not None
    assert d.minutes.items[10].discussion == (
        "Dr. Stacy John-Legere updated the committee with regard to the Catch 22 Project."
    )


def test_every_minutes_element_has_a_span_inside_the_document() -> None:
    for name in (PACK_2020, PACK_2019):
        d = minutes_of(name)
        assert d.minutes is not None
        spans = [a.span for a in d.minutes.attendance]
        spans += [x.span for x in d.minutes.declarations]
        spans += [i.span for i in d.minutes.items]
        spans += [r.span for i in d.minutes.items for r in i.resolutions]
        for s in spans:
            assert d.span.first_line <= s.first_line <= s.last_line <= d.span.last_line
