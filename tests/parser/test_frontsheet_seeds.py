"""Front sheets and agendas of the seed packs: exact membership, contacts, meeting, items.

Expected values were read off the source text by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from minutebook.parser.models import Document, ParseResult
from minutebook.parser.pipeline import parse_file

SEEDS = Path(__file__).resolve().parents[2] / "corpus" / "seeds"


@cache
def parsed(name: str) -> ParseResult:
    return parse_file(SEEDS / name)


def doc(name: str, subkind: str) -> Document:
    docs = [d for d in parsed(name).documents if d.subkind == subkind]
    assert len(docs) == 1, [d.subkind for d in parsed(name).documents]
    return docs[0]


def members(d: Document) -> list[tuple[str, str | None, str, bool]]:
    assert d.agenda is not None
    return [(m.name, m.honorific, m.role, m.voting) for m in d.agenda.membership]


def test_front_sheet_2020_meeting_and_membership() -> None:
    d = doc("000_7766e353e14d0d52.txt", "front_sheet")
    assert d.kind == "agenda"
    assert d.committee == "Corporate Parenting Committee"
    assert (d.meeting.date, d.meeting.time, d.meeting.venue, d.meeting.online) == (
        "2020-11-04",
        "14:00",
        "Online/Virtual",
        True,
    )
    c = "Councillor"
    assert members(d) == [
        ("Jasmine Ali", c, "chair", True),
        ("Evelyn Akoto", c, "member", True),
        ("Maggie Browning", c, "member", True),
        ("Sunny Lambe", c, "member", True),
        ("Stephanie Cryan", c, "member", True),
        ("Eliza Mann", c, "member", True),
        ("Charlie Smith", c, "member", True),
        ("Peter Babudu", c, "reserve", True),
        ("Sunil Chopra", c, "reserve", True),
        ("Nick Dolezal", c, "reserve", True),
        ("Nick Johnson", c, "reserve", True),
        ("Victoria Olisa", c, "reserve", True),
        # "Florence Emakpose, Francis Turkson / Mark Kerr, ... / and Nicky Stoupe." over 3 lines
        ("Florence Emakpose", None, "co-opted", False),
        ("Francis Turkson", None, "co-opted", False),
        ("Mark Kerr", None, "co-opted", False),
        ("Rosamond Marshall", None, "co-opted", False),
        ("Tracey Harrison", None, "co-opted", False),
        ("Nicky Stoupe", None, "co-opted", False),
    ]
    assert d.agenda is not None
    assert [(c.name, c.email, c.phone) for c in d.agenda.contacts] == [
        ("Paula Thornton", "paula.thornton@southwark.gov.uk", "020 7525 4395"),
        ("Beverley Olamijulo", "beverley.olamijulo@southwark.gov.uk", "020 7525 4395"),
    ]
    assert d.agenda.published == "2020-10-27"
    assert d.agenda.supplement is None
    # Every member points at its own line of the source.
    text = parsed("000_7766e353e14d0d52.txt").lines()
    for m in d.agenda.membership:
        assert m.name.split()[-1] in text[m.span.first_line - 1]


def test_front_sheet_2019_roles_and_no_reserves() -> None:
    d = doc("001_b6ed594580014f82.txt", "front_sheet")
    assert d.committee == "Corporate Parenting Committee"
    assert (d.meeting.date, d.meeting.time, d.meeting.venue) == (
        "2019-02-26",
        "14:00",
        "Ground Floor Meeting Room GO2A, 160 Tooley Street, London SE1 2QH",
    )
    c = "Councillor"
    # "Reserves: None" gives no reserve at all.
    assert members(d) == [
        ("Jasmine Ali", c, "chair", True),
        ("Evelyn Akoto", c, "member", True),
        ("Jon Hartley", c, "member", True),
        ("Eliza Mann", c, "vice-chair", True),
        ("Sunny Lambe", c, "member", True),
        ("Catherine Rose", c, "member", True),
        ("Charlie Smith", c, "member", True),
        ("Florence Emakpose", None, "co-opted", False),
    ]
    assert d.agenda is not None
    assert [(c.name, c.email, c.phone) for c in d.agenda.contacts] == [
        ("Paula Thornton", "paula.thornton@southwark.gov.uk", "020 7525 4395")
    ]
    assert d.agenda.published == "2019-02-18"


def items(d: Document) -> list[tuple[str | None, str, str | None, str | None, str]]:
    assert d.agenda is not None
    return [(i.number, i.title, i.pages, i.time, i.part) for i in d.agenda.items]


def test_order_of_business_2020_tab_layout() -> None:
    d = doc("000_7766e353e14d0d52.txt", "order_of_business")
    assert d.title == "Order of Business"
    assert (d.meeting.date, d.meeting.time) == ("2020-11-04", "14:00")
    assert items(d) == [
        ("1", "APOLOGIES", None, None, "open"),
        ("2", "CONFIRMATION OF VOTING MEMBERS", None, None, "open"),
        ("3", "ELECTION OF VICE-CHAIR", None, None, "open"),
        (
            "4",
            "NOTIFICATION OF ANY ITEMS OF BUSINESS WHICH THE CHAIR DEEMS URGENT",
            None,
            None,
            "open",
        ),
        ("5", "DISCLOSURE OF INTERESTS AND DISPENSATIONS", None, None, "open"),
        ("6", "MINUTES", "1-8", None, "open"),
        (
            "7",
            "FEEDBACK FROM INSPECTIONS OF CHILDREN'S SOCIAL CARE AND YOUTH OFFENDING SERVICES",
            "9-18",
            "14:10",
            "open",
        ),
        ("8", "COVID - 19 LOCKDOWN UPDATE", None, "14:20", "open"),
        ("9", "BLACK LIVES MATTERS (VERBAL UPDATE)", None, "14:40", "open"),
        ("10", "WORKSHOP - EMPLOYMENT, EDUCATION AND TRAINING", None, "15:00", "open"),
        ("11", "CORPORATE PARENTING COMMITTEE - WORK PLAN 2020-21", "19-22", None, "open"),
    ]
    assert d.agenda is not None
    assert d.agenda.items[0].description == "To receive any apologies for absence."
    assert d.agenda.items[5].description == (
        "To approve as a correct record the minutes of the open section of the meeting held on 8 July 2020."
    )


def test_order_of_business_2019_rule_layout() -> None:
    d = doc("001_b6ed594580014f82.txt", "order_of_business")
    assert items(d) == [
        ("1", "APOLOGIES", None, None, "open"),
        ("2", "CONFIRMATION OF VOTING MEMBERS", None, None, "open"),
        (
            "3",
            "NOTIFICATION OF ANY ITEMS OF BUSINESS WHICH THE CHAIR DEEMS URGENT",
            None,
            None,
            "open",
        ),
        ("4", "DISCLOSURE OF INTERESTS AND DISPENSATIONS", None, None, "open"),
        ("5", "MINUTES", "1-4", None, "open"),
        ("6", "OFSTED PROGRESS REPORT - OFSTED FOCUSED VISIT JANUARY 2019", "5-12", None, "open"),
        (
            "7",
            "PROGRESS REPORT ON INDEPENDENT REVIEWING OFFICER (IRO) ESCALATIONS",
            "13-16",
            None,
            "open",
        ),
        (
            "8",
            "BRIEF REPORT ON THE 'WE WILL' STATEMENTS IN CHILDREN LOOKED AFTER AND CARE LEAVERS "
            "PLACEMENT SUFFICIENCY STRATEGY 2018- 2022 AND DRAFT SUFFICIENCY DASHBOARD",
            "17-25",
            None,
            "open",
        ),
        ("9", "CORPORATE PARENTING COMMITTEE - WORK PLAN 2018-19", "26-28", None, "open"),
    ]
    assert d.agenda is not None
    assert d.agenda.items[4].description == (
        "To approve as a correct record the minutes of the open section of the meeting held on 5 November 2018."
    )


def test_supplemental_agenda() -> None:
    d = doc("004_d44683e97dcef42b.txt", "supplemental_agenda")
    assert d.kind == "agenda"
    assert d.title == "Supplemental Agenda No. 1"
    assert d.agenda is not None
    assert d.agenda.supplement == 1
    assert (d.meeting.date, d.meeting.time, d.meeting.venue) == (
        "2021-07-07",
        "14:00",
        "160 Tooley Street, London SE1 2QH",
    )
    assert items(d) == [
        (
            "9",
            "Self-Evaluation of Social Work Practice with Children in Care and Care Leavers",
            "1-24",
            None,
            "open",
        )
    ]
    assert d.agenda.items[0].description is None
    assert [c.email for c in d.agenda.contacts] == [
        "Beverley.olamijulo@southwark.gov.uk",
        "paula.thornton@southwark.gov.uk",
    ]
    assert d.agenda.published == "2021-06-29"
