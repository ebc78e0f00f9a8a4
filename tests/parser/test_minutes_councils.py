"""Minutes of other councils, in their own layouts (PDF text, web pages, markdown).

The web-page files are truncated excerpts: these tests check what is there.
Expected values were read off the source text by hand.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from minutebook.parser.models import Document
from minutebook.parser.pipeline import parse_file

COUNCILS = Path(__file__).resolve().parents[2] / "corpus" / "councils"


@cache
def minutes(prefix: str) -> Document:
    path = next(
        p
        for p in sorted(COUNCILS.iterdir())
        if p.name.startswith(prefix) and p.suffix in (".txt", ".md")
    )
    docs = parse_file(path).documents
    assert [d.kind for d in docs] == ["minutes"]
    assert docs[0].minutes is not None
    return docs[0]


def people(d: Document, status: str) -> list[tuple[str, str | None, str, str | None]]:
    assert d.minutes is not None
    return [
        (a.name, a.honorific, a.capacity, a.role)
        for a in d.minutes.attendance
        if a.status == status
    ]


def items(d: Document) -> list[tuple[str | None, str, int]]:
    assert d.minutes is not None
    return [(i.number, i.title, len(i.resolutions)) for i in d.minutes.items]


def test_kent_panel_pdf_text_item_references() -> None:
    d = minutes("01_")
    assert d.committee == "Corporate Parenting Panel"
    assert (d.meeting.date, d.meeting.venue) == (
        "2024-10-29",
        "the Darent Room, Sessions House, County Hall, Maidstone",
    )
    present = people(d, "present")
    assert present[:3] == [
        ("Shellina Prendergast", None, "member", "Chair"),
        ("Paul Bartlett", None, "member", "Vice-Chair"),
        ("Gary Cooke", None, "member", None),
    ]
    assert len([p for p in present if p[2] == "member"]) == 14
    assert (
        "Sue Chandler",
        None,
        "other",
        "Cabinet Member for Integrated Children’s Services",
    ) in present
    assert ("James Clapson", None, "officer", "Democratic Services Officer") in present
    assert ("Maureen Robinson", None, "officer", "MI Service Manager") in present
    assert people(d, "apologies") == [
        ("R Love", "Mr", "member", None),
        ("K Leonard", "Ms", "member", None),
        ("A Farmer", "Ms", "member", None),
    ]
    assert d.minutes is not None
    # "Mr R Love OBE": the honour is no part of the name.
    assert [a.post_nominals for a in d.minutes.attendance if a.name == "R Love"] == ["OBE"]
    assert [i.number for i in d.minutes.items][:4] == ["1", "2", "3", "4"]
    assert d.minutes.items[1].title == "Chairman’s Announcements"
    assert [r.text for r in d.minutes.items[1].resolutions] == [
        "That Mr P Bartlett be duly elected Vice Chair of the Corporate Parenting Panel."
    ]
    assert [r.text for r in d.minutes.items[3].resolutions] == [
        "That the Panel note the Participation Team Update."
    ]


def test_kent_panel_substitution_in_apologies() -> None:
    d = minutes("02_")
    assert people(d, "apologies") == [
        ("Dylan Jeffrey", None, "member", None),
        ("Rory Love", None, "member", None),
        ("Stephen Gray", None, "member", None),
        ("Nancy Sayer", None, "member", None),
    ]
    assert d.minutes is not None
    subs = [(a.name, a.replaces) for a in d.minutes.attendance if a.capacity == "substitute"]
    assert subs == [("Roxanne Hills", "Nancy Sayer")]


def test_kent_cabinet_minute_numbers_and_lettered_decisions() -> None:
    d = minutes("04_")
    assert (d.committee, d.council, d.meeting.date) == (
        "Cabinet",
        "Kent County Council",
        "2025-01-30",
    )
    assert [n for n, _, _ in items(d)] == ["84", "85", "86", "87", "88", "89", "90", "91", "92"]
    assert d.minutes is not None
    item91 = d.minutes.items[7]
    # (a), (b) and (c), with (c) after a page break.
    assert [r.number for r in item91.resolutions] == ["a", "b", "c"]
    assert item91.resolutions[2].text.startswith(
        "Delegate authority to the Director of Public Health, in consultation"
    )
    assert people(d, "apologies") == [("C Bell", "Mrs", "member", None)]
    assert ("A Ghosh", "Dr", "officer", "Director of Public Health") in people(d, "present")
    assert [(x.name, x.kind) for x in d.minutes.declarations] == [(None, "none")]


def test_kent_council_declaration_with_item() -> None:
    d = minutes("07_")
    assert d.minutes is not None
    # "Item 16" is the agenda number of minute 307 ("(Item 16)" under its heading).
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("M J Sole", "307", "other")
    ]
    assert len(people(d, "apologies")) == 7
    assert d.minutes.items[0].number == "292"


def test_web_page_numbers_alone_and_substitute() -> None:
    d = minutes("11_")
    assert (d.committee, d.meeting.date, d.meeting.time) == (
        "Corporate Parenting Committee",
        "2023-01-10",
        "14:00",
    )
    assert (
        d.meeting.venue == "Committee Suite 1,2 & 3, Westfields, Middlewich Road, Sandbach CW11 1HZ"
    )
    assert items(d) == [
        ("56", "Apologies for Absence", 0),
        ("57", "Declarations of Interest", 0),
        ("58", "Minutes of Previous meeting", 1),
        ("59", "Update from Shadow Committee (Verbal)", 0),
        ("60", "Corporate Parenting Committee Name Change", 0),
    ]
    assert people(d, "apologies") == [
        ("Bailey", "Cllr", "member", None),
        ("Barber", "Cllr", "member", None),
        ("Butterill", "Cllr", "member", None),
        ("Handley", "Cllr", "member", None),
    ]
    assert people(d, "present") == [("Puddicombe", "Cllr", "substitute", None)]


def test_web_page_inline_resolved() -> None:
    d = minutes("12_")
    assert d.minutes is not None
    assert [r.text for r in d.minutes.items[1].resolutions] == [
        "That Councillor Mrs Barnard be appointed Vice-Chairman of the Corporate Parenting "
        "Advisory Panel for the municipal year 2013/14."
    ]


def test_sub_items_and_unanimously_resolved_and_declarations_table() -> None:
    d = minutes("17_")
    assert [n for n, _, _ in items(d)] == ["1", "2", "3", "4", "5", "5.1", "5.2", "5.3", "6"]
    assert d.minutes is not None
    assert [r.text for r in d.minutes.items[5].resolutions] == [
        "That the minutes of the meeting of the Executive Board held on the 5th February, 2018 be "
        "signed as a correct record."
    ]
    assert [(x.name, x.item) for x in d.minutes.declarations] == [
        ("H.A.L. Evans", "8"),
        ("H.A.L. Evans", "17"),
        ("P.M. Hughes", "18"),
    ]
    assert (
        d.minutes.declarations[2].text
        == "18 – Amendment to the Private Sector Renewal Policy: Landlord in the private sector"
    )


def test_argyll_letter_suffixed_items_and_plural_honorific() -> None:
    d = minutes("14_")
    assert [n for n, _, _ in items(d)] == ["1", "2", "3", "4", "4a", "4b"]
    assert people(d, "apologies")[0] == ("Iain Angus MacDonald", "Councillor", "member", None)
    assert len(people(d, "apologies")) == 5
    assert d.minutes is not None
    assert [(x.name, x.item) for x in d.minutes.declarations] == [("Aileen Morton", "20")]


def test_present_councillors_a_b_and_c() -> None:
    d = minutes("16_")
    assert d.committee == "Licensing Sub-Committee"
    assert d.meeting.date == "2015-01-09"
    assert people(d, "present") == [
        ("K. Hatton", "Councillor", "member", None),
        ("J.W. Thomas", "Councillor", "member", None),
        ("M.R. Wilkinson", "Councillor Mrs", "member", None),
        # "Also present:" under item (c): attending for that item.
        ("I. Gardner", "Mr", "other", "Other Person"),
        # The director of a company is not the council's officer.
        (
            "J. Kelly",
            "Ms",
            "other",
            "Director of Balmoral Quays (Apartments) Management Company Ltd",
        ),
        (
            "J. Greatrex",
            "Mr",
            "officer",
            "Applicant and Parks and Open Space Officer, Vale of Glamorgan Council",
        ),
        ("S. Jones", "Mrs", "officer", "Events Officer, Vale of Glamorgan Council"),
    ]
    assert [n for n, _, _ in items(d)] == ["a", "b", "c"]


def test_one_name_per_line_with_substitute_ward_members_and_officers() -> None:
    d = minutes("19_")
    assert (d.committee, d.meeting.date, d.meeting.time) == (
        "Development Committee",
        "2011-11-10",
        "09:30",
    )
    present = people(d, "present")
    # The heading "Councillors" covers every name under it.
    assert present[0] == ("S A Arnold", "Councillor Mrs", "member", "Chairman")
    # "(substitute for B Cabbell Manners)": the capacity and the member replaced, no role.
    assert ("N Smith", "Councillor", "substitute", None) in present
    assert d.minutes is not None
    assert [a.replaces for a in d.minutes.attendance if a.name == "N Smith"] == [
        "B Cabbell Manners"
    ]
    assert ("A Fitch-Tillett", "Councillor Mrs", "other", "Poppyland Ward") in present
    assert ("S Oxenham", "Mr", "officer", "Head of Planning and Building Control") in present
    assert len([p for p in present if p[2] == "member"]) == 12
    assert len([p for p in present if p[2] == "officer"]) == 10
    assert people(d, "apologies") == [
        ("M J M Baker", "Councillor", "member", None),
        ("B Cabbell Manners", "Councillor", "member", None),
    ]
    assert [n for n, _, _ in items(d)] == ["139", "140", "141", "142", "143"]


def test_decision_blocks() -> None:
    d = minutes("20_")
    assert d.meeting.online is True
    assert d.minutes is not None
    assert [r.text for r in d.minutes.items[0].resolutions] == [
        "That Cllr Rebecca Knox be elected Chairman for the remainder of the year 2020/2021."
    ]
    assert [
        (a.name, a.capacity, a.replaces) for a in d.minutes.attendance if a.capacity == "substitute"
    ] == [("Eugene Yafele", "substitute", "Patricia Miller")]
    d22 = minutes("22_")
    assert items(d22) == [("290", "OVERVIEW AND SCRUTINY WORK PROGRAMME", 3)]
    assert d22.minutes is not None
    assert [r.number for r in d22.minutes.items[0].resolutions] == ["1", "2", "3"]


def test_single_item_minute_with_lettered_resolutions() -> None:
    d = minutes("13_")
    assert d.minutes is not None
    assert [r.text for i in d.minutes.items for r in i.resolutions] == [
        "That, subject to the amendments being made, the Corporate Parenting Panel work programme "
        "be agreed and that the Senior Partnership Officer would be notified of amendments or "
        "additional items to be considered for inclusion.",
        "That the work programme will remain flexible to accommodate any emerging issues.",
    ]


def test_markdown_minutes_it_was_agreed() -> None:
    d = minutes("27_")
    assert d.council == "Govan Community Council"
    assert (d.meeting.date, d.meeting.time, d.meeting.venue) == (
        "2024-09-02",
        "19:00",
        "the Board Room, Elderpark Workspace",
    )
    assert len(people(d, "apologies")) == 5
    # The closing "3. DATE OF NEXT MEETING ..." restarts the numbering (a list artefact).
    assert [n for n, _, _ in items(d)] == ["1", "2", "3", "4", "5", "3"]
    assert d.minutes is not None
    assert [r.text for r in d.minutes.items[2].resolutions[2:4]] == [
        "As a community council we should support this petition.",  # "This was AGREED."
        "That the Community Council give every assistance.",
    ]
