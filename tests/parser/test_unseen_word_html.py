"""Common minutes as a Word document and as plain web pages of publishing systems other
than Modern.gov (synthetic papers: see unseen/README.md).

As in `test_unseen_layouts.py`, each test states the facts a careful reader takes from
the paper; nothing in the parser names these invented councils, people or places.
"""

from __future__ import annotations

from minutebook.parser.council import clean_committee
from minutebook.parser.readers.html import html_to_lines
from tests.parser.test_unseen_layouts import attendance, items, meeting, only_minutes


def test_word_minutes_present_apologies_table_and_word_numbered_resolutions() -> None:
    d = only_minutes("minutes_word_present_apologies_table_list_number.docx")
    assert (d.committee, d.council) == (
        "Housing and Communities Scrutiny Panel",
        "Thornleigh Borough Council",
    )
    assert meeting(d) == ("2026-02-12", "18:30", "Committee Room 1, Thornleigh Town Hall")
    # "Present / Apologies" heads two columns; "Officers:" lists "Name (Post)".
    assert attendance(d) == [
        ("Miriam Oduya", "Councillor", "present", "member", "Chair"),
        ("Tomasz Nowicki", "Councillor", "present", "member", "Vice-Chair"),
        ("Priti Sandhu", "Councillor", "present", "member", None),
        ("Gordon Ashby", "Councillor", "present", "member", None),
        ("Hamish Brodie", "Councillor", "apologies", "member", None),
        ("Leanne Fairclough", "Councillor", "apologies", "member", None),
        ("Karen Whitlow", None, "present", "officer", "Head of Housing"),
        ("Desmond Achebe", None, "present", "officer", "Housing Strategy Manager"),
        ("Fiona Lisle", None, "present", "officer", "Democratic Services Officer"),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("Priti Sandhu", "24", "other")
    ]
    assert items(d) == [
        ("22", "Declarations of Interest", []),
        (
            "23",
            "Minutes of the Previous Meeting",
            [
                "That the minutes of the meeting held on 8 January 2026 be approved as a "
                "correct record and signed by the Chair."
            ],
        ),
        (
            "24",
            "Temporary Accommodation Review",
            [
                "That the findings of the review be noted.",
                "That the Head of Housing report to the Panel in June 2026 on the purchase "
                "of homes for use as temporary accommodation.",
                "That the Cabinet be asked to consider a target of no families in bed and "
                "breakfast accommodation for more than six weeks.",
            ],
        ),
        ("25", "Work Programme", ["That the work programme be agreed."]),
    ]
    # "RESOLVED:" over a Word "List Number" list: the numbers Word draws count.
    numbered = d.minutes.items[2].resolutions
    assert [r.number for r in numbered] == ["1", "2", "3"]
    assert d.minutes.items[2].discussion.startswith("The Housing Strategy Manager introduced")
    assert d.minutes.end_time == "20:05"


def test_web_page_minutes_h2_items_lists_and_declarations_table() -> None:
    d = only_minutes("web_page_minutes_h2_items_declarations_table.html")
    # "<title>Planning Committee minutes, 3 December 2025 | Council": the kind of paper
    # after the committee's name is not part of it.
    assert (d.committee, d.council) == ("Planning Committee", "Ashcombe District Council")
    assert meeting(d) == ("2025-12-03", "19:00", "the Council Chamber, Ashcombe House")
    assert attendance(d) == [
        ("Bethany Kerr", "Councillor", "present", "member", "Chair"),
        ("Rupert Haldane", "Councillor", "present", "member", "Vice-Chair"),
        ("Nasreen Qureshi", "Councillor", "present", "member", None),
        ("Colin Pettifer", "Councillor", "present", "member", None),
        ("Imogen Tate", "Councillor", "apologies", "member", None),
        ("Graham Royle", None, "present", "officer", "Development Manager"),
        ("Abigail Stone", None, "present", "officer", "Planning Solicitor"),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind, x.text) for x in d.minutes.declarations] == [
        (
            "Colin Pettifer",
            "47",
            "other",
            "47: Non-registrable interest: the applicant is a neighbour",
        )
    ]
    assert items(d) == [
        ("45", "Declarations of interest", []),
        (
            "46",
            "Minutes",
            [
                "That the minutes of the meeting held on 5 November 2025 be approved as a "
                "correct record."
            ],
        ),
        (
            "47",
            "25/01234/FUL - Land east of Mill Lane, Ashcombe",
            [
                "That planning permission be granted subject to the conditions set out in "
                "the report."
            ],
        ),
        ("48", "Appeals update", ["That the report be noted."]),
    ]
    assert d.minutes.items[2].discussion == (
        "The Development Manager presented the application for 24 dwellings with access "
        "from Mill Lane.\nCouncillor Colin Pettifer left the meeting for this item."
    )
    assert d.minutes.end_time == "20:40"


def test_web_page_minutes_unnumbered_declarations_heading_and_list_before_heading() -> None:
    d = only_minutes("web_page_minutes_unnumbered_h2_declarations_action_column.html")
    assert (d.committee, d.council) == ("Audit and Governance Committee", "Kelbrook City Council")
    assert meeting(d) == ("2026-01-27", "14:00", "Room 3.04, Kelbrook Civic Offices")
    # The unnumbered "Declarations of interest" heading ends the lists: neither it nor
    # its table's head row is a person.
    assert attendance(d) == [
        ("Harriet Vaux", "Councillor", "present", "member", "Chair"),
        ("Dominic Eyre", "Councillor", "present", "member", None),
        ("Sadia Rahman", "Councillor", "present", "member", None),
        ("Neil Cartwright", "Mr", "present", "co-opted", "Independent member"),
        ("Owen Pryce", "Councillor", "apologies", "member", None),
        ("Joanne Marsh", None, "present", "officer", "Chief Internal Auditor"),
        ("Raj Patel", None, "present", "officer", "Section 151 Officer"),
    ]
    assert d.minutes is not None
    # The table under that heading, with a fourth column ("Action taken").
    assert [(x.name, x.item, x.kind, x.text) for x in d.minutes.declarations] == [
        (
            "Dominic Eyre",
            "12",
            "pecuniary",
            "12: Disclosable pecuniary interest - employed by the external auditor's parent "
            "firm; Action taken: Left the room",
        )
    ]
    # "12. External Audit Plan" right after an <ol> ending "2. That ..." is the next item,
    # not a third decision of item 11.
    assert items(d) == [
        (
            "11",
            "Internal Audit Progress Report",
            [
                "That the progress against the audit plan be noted.",
                "That the overdue actions be reported to the next meeting.",
            ],
        ),
        ("12", "External Audit Plan 2025/26", ["That the External Audit Plan be approved."]),
    ]
    assert d.minutes.end_time == "15:45"


def test_the_kind_of_paper_after_a_committee_name_is_dropped() -> None:
    assert clean_committee("Planning Committee minutes, 3 December 2025") == "Planning Committee"
    assert clean_committee("Licensing Sub-Committee agenda") == "Licensing Sub-Committee"
    assert clean_committee("Minutes of the Planning Committee") == "Planning Committee"


def test_a_list_ends_before_the_numbered_heading_after_it() -> None:
    lines = html_to_lines(
        "<ol><li>That A.</li><li>That B.</li></ol><h2>3. Next item</h2>"
        "<ul><li>X</li><li>Y</li></ul>"
    )
    assert lines == ["1. That A.", "2. That B.", "", "3. Next item", "", "- X", "- Y"]
