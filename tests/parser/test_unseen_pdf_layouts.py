"""PDF papers in the layouts councils' PDFs really have (synthetic: see unseen/README.md).

Each paper was printed with WeasyPrint from the `.html` beside it. The PDF reader rebuilds
lines from where the text sits on the page; these tests state the facts a reader takes
from each paper, where the text extraction of tables (wrapped and centred cells, merged
date cells, a header row repeated on the next page), side-by-side boxes (a membership
panel beside the contact details, a box floated beside the attendance), footnote calls
and words broken at a line end would otherwise garble them. Nothing in the parser names
these invented councils, people or places.

The tests at the end state facts that round 0.3.8 left wrong (as strict xfail tests) and
round 0.3.9 put right.
"""

from __future__ import annotations

from tests.parser.test_unseen_layouts import attendance, items, meeting, only_minutes, parsed


def _lines(name: str) -> list[str]:
    return parsed(name).text.split("\n")


def test_word_minutes_with_a_name_role_attendance_table_over_two_pages() -> None:
    name = "minutes_pdf_word_attendance_role_table_signature.pdf"
    d = only_minutes(name)
    assert (d.council, d.committee) == (
        "Hollinsford Borough Council",
        "Corporate Parenting Committee",
    )
    assert meeting(d) == ("2026-01-21", "18:00", "the Council Chamber, Town Hall, Hollinsford")
    assert (d.span.first_page, d.span.last_page) == (1, 2)
    # A name and a role that wrap in their cells are one row again, not a row and a stray.
    lines = _lines(name)
    assert "Councillor Oluwaseun Adeyemi-Clarke\tMember\tApologies" in lines
    assert "Mr Callum Breck\tCo-opted Member (Care Leaver Representative)\tApologies" in lines
    people = [(n, h, s, c) for n, h, s, c, _ in attendance(d)]
    assert people[:7] == [
        ("Martha Quayle", "Councillor", "present", "member"),
        ("Idris Penhallow", "Councillor", "present", "member"),
        ("Bronwen Tasker", "Councillor", "present", "member"),
        ("Oluwaseun Adeyemi-Clarke", "Councillor", "apologies", "member"),
        ("Gethin Rowlands", "Councillor", "present", "member"),
        ("Priya Dhillon", "Ms", "present", "co-opted"),
        ("Callum Breck", "Mr", "apologies", "co-opted"),
    ]
    assert [(n, r) for n, _, _, c, r in attendance(d) if c == "officer" and n != "Job title"] == [
        ("Hannah Oduya", "Director of Children's Services"),
        ("Marcus Fell", "Head of Virtual School"),
        ("Leah Strand", "Democratic Services Officer"),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item) for x in d.minutes.declarations] == [("Priya Dhillon", "49")]
    assert items(d) == [
        ("45", "APOLOGIES FOR ABSENCE", []),
        ("46", "DECLARATIONS OF INTEREST", []),
        (
            "47",
            "MINUTES OF THE PREVIOUS MEETING",
            [
                "That the minutes of the meeting held on 12 November 2025 be approved as a"
                " correct record and signed by the Chair."
            ],
        ),
        (
            "48",
            "CHILDREN IN CARE PERFORMANCE REPORT",
            [
                "That the performance report be noted.",
                "That a report on placement stability be brought to the meeting on 18 March 2026.",
            ],
        ),
        (
            "49",
            "FOSTERING RECRUITMENT CAMPAIGN",
            ["That the Committee endorses the fostering recruitment campaign for 2026."],
        ),
        ("50", "WORK PROGRAMME", ["That the work programme be agreed."]),
    ]
    # The running header and "Page N of 2" are page furniture, not discussion.
    item48 = d.minutes.items[3]
    assert (item48.span.first_page, item48.span.last_page) == (1, 2)
    assert "Page 1 of 2" not in item48.discussion and "21 January 2026" not in item48.discussion
    assert d.minutes.end_time == "19:35" and d.minutes.signature_span is not None


def test_agenda_front_sheet_with_a_membership_panel_beside_the_contact_details() -> None:
    name = "agenda_pdf_membership_panel_beside_contact_lead_officer_column.pdf"
    front, order = parsed(name).documents
    assert [(d.kind, d.subkind) for d in (front, order)] == [
        ("agenda", "front_sheet"),
        ("agenda", "order_of_business"),
    ]
    assert (front.council, front.committee) == (
        "Brackenby County Council",
        "Children's Services Scrutiny Committee",
    )
    assert meeting(front) == ("2026-03-10", "10:30", "Council Chamber, County Hall, Brackenby")
    # The two boxes are read one after the other, not line by line across both.
    lines = _lines(name)
    panel = lines.index("Membership")
    assert lines[panel + 1 : panel + 7] == [
        "Councillor Anwen Hale (Chair)",
        "Councillor Desmond Okoro (Vice-Chair)",
        "Councillor Frances Ibbotson",
        "Councillor Laszlo Varga",
        "Councillor Rosalind Meek",
        "Councillor Tobias Wren",
    ]
    assert "For more information about this agenda" in lines[panel + 10 :]
    assert front.agenda is not None
    assert [(m.name, m.honorific, m.role) for m in front.agenda.membership[:7]] == [
        ("Anwen Hale", "Councillor", "chair"),
        ("Desmond Okoro", "Councillor", "vice-chair"),
        ("Frances Ibbotson", "Councillor", "member"),
        ("Laszlo Varga", "Councillor", "member"),
        ("Rosalind Meek", "Councillor", "member"),
        ("Tobias Wren", "Councillor", "member"),
        ("Celia Manders", "Mrs", "co-opted"),
    ]
    assert front.agenda.published == "2026-03-02"
    # Wrapped titles and lead officers are one row each.
    assert (
        "6.\tChildren in Care Sufficiency Strategy 2026-2029\t41 - 78\tHead of Commissioning"
        " for Children and Families"
    ) in lines
    assert order.agenda is not None
    assert [(i.number, i.title, i.part) for i in order.agenda.items[:9]] == [
        ("1", "Apologies for absence and substitutions", "open"),
        ("2", "Declarations of interest", "open"),
        ("3", "Minutes of the meeting held on 13 January 2026", "open"),
        ("4", "Public questions", "open"),
        ("5", "Special Educational Needs and Disabilities Transport Review", "open"),
        ("6", "Children in Care Sufficiency Strategy 2026-2029", "open"),
        ("7", "Youth Justice Plan 2026/27", "open"),
        ("8", "Committee Work Programme", "open"),
        ("9", "Exclusion of the press and public", "closed"),
    ]
    assert order.agenda.items[4].description == (
        "To consider the outcome of the review of home to school transport for children with"
        " special educational needs"
    )
    # The page column stands before the lead officer's, and both are read from the header.
    assert [(i.number, i.pages, i.lead_officer) for i in order.agenda.items[2:]] == [
        ("3", "5-12", "Democratic Services Officer"),
        ("4", None, None),
        ("5", "13-40", "Assistant Director, Education and Inclusion"),
        ("6", "41-78", "Head of Commissioning for Children and Families"),
        ("7", "79-96", "Youth Justice Service Manager"),
        ("8", "97-102", "Democratic Services Officer"),
        ("9", None, None),
        ("10", "103-118", "Head of Commissioning for Children and Families"),
    ]
    assert order.agenda.items[9].title == "Residential Children's Homes Contract Award"


def test_landscape_work_programme_with_merged_dates_and_a_repeated_header_row() -> None:
    name = "work_programme_pdf_landscape_header_row_repeated.pdf"
    docs = parsed(name).documents
    assert [(d.kind, d.subkind) for d in docs] == [("report", "work_plan")]
    d = docs[0]
    assert (d.council, d.committee) == (
        "Calderbrook Metropolitan Borough Council",
        "Health and Adult Care Scrutiny Committee",
    )
    # Rows under a merged date cell keep their empty first cell; wrapped cells are whole.
    lines = _lines(name)
    assert (
        "\tCarers' Strategy refresh\tTo comment on the draft strategy before consultation with"
        " carers and partner organisations\tHead of Commissioning\tConfirmed"
    ) in lines
    assert d.report is not None
    first = d.report.tables[0]
    assert first.header == ("Meeting date", "Item", "Purpose", "Lead officer", "Status")
    assert [(r[0], r[1], r[3], r[4]) for r in first.rows[:6]] == [
        (
            "16 June 2026",
            "Adult Social Care Local Account 2025/26",
            "Director of Adult Social Care",
            "Confirmed",
        ),
        ("", "Carers' Strategy refresh", "Head of Commissioning", "Confirmed"),
        ("", "Work programme 2026/27", "Scrutiny Officer", "Confirmed"),
        (
            "8 September 2026",
            "Hospital discharge and intermediate care",
            "Assistant Director, Integrated Care",
            "Confirmed",
        ),
        ("", "Home care market position statement", "Head of Commissioning", "Provisional"),
        (
            "",
            "Safeguarding Adults Board annual report",
            "Independent Chair, Safeguarding Adults Board",
            "Confirmed",
        ),
    ]
    assert [e.meeting_date for e in d.work_plan] == [
        "2026-06-16",
        "2026-09-08",
        "2026-11-17",  # "17 November" over "2026" in its cell
        "2027-01-26",
        "2027-03-23",
    ]


def test_report_with_numbered_paragraphs_a_centred_figures_table_and_footnotes() -> None:
    name = "report_pdf_performance_table_footnotes_appendix_a.pdf"
    docs = parsed(name).documents
    d = docs[0]
    r = d.report
    assert r is not None
    assert (d.title, d.committee, d.council, d.meeting.date) == (
        "Children in Care Performance Report – Quarter 3 2025/26",  # a wrapped header cell
        "Corporate Parenting Panel",
        "Ellerby City Council",
        "2026-02-04",
    )
    assert (r.item_number, r.classification, r.wards, r.from_) == (
        "6",
        "open",
        "All",
        "Assistant Director, Children's Social Care",
    )
    assert [(x.number, x.text) for x in r.recommendations] == [
        ("2.1", "That the Panel notes the performance set out in section 3 and Appendix A."),
        (
            "2.2",
            "That the Panel asks the Assistant Director to report on the stability of placements"
            " for children aged 11 to 15 at its meeting in June 2026.",
        ),
    ]
    # Footnote calls neither join the word or figure before them nor stand as words.
    text = parsed(name).text
    assert "leavers to the end of December 2025." in text
    assert "10,000 children, compared with 402 children" in text
    # A header row whose cells are centred on two lines ("Q3" over "2024/25") is one row.
    assert r.tables[0].caption == "Table 1: Key measures at the end of quarter 3"
    assert r.tables[0].header == ("Measure", "Q3 2024/25", "Q3 2025/26", "England")
    assert r.tables[0].rows[0] == ("Children in care", "395", "418", "n/a")
    assert r.tables[0].rows[1] == ("Three or more placements in the year", "11.2%", "9.6%", "10.0%")
    scorecard = r.tables[-1]
    assert scorecard.header == ("Indicator", "Target", "Actual", "RAG")
    assert scorecard.rows[1] == ("Dental checks in the year", "80%", "71%", "Red")
    assert (d.span.first_page, d.span.last_page) == (1, 3)
    # The footnotes at the foot of page 1 are not part of the section the page ends in.
    performance = next(s for s in r.sections if s.heading == "Performance")
    assert "provisional" not in performance.text
    assert "mid-2024 population" not in performance.text
    assert performance.text.endswith("above the England average for the first time.")


def test_decision_notice_with_boxed_fields() -> None:
    name = "decision_notice_pdf_boxed_fields_call_in.pdf"
    docs = parsed(name).documents
    assert [(d.kind, d.subkind) for d in docs] == [("decision", "decision_notice")]
    d = docs[0]
    assert (d.council, d.committee, d.title) == (
        "Fenwold District Council",
        "Cabinet",
        "Empty Homes Strategy 2026-2030",
    )
    # A label cell that wraps ("Alternative options considered" / "and rejected") and a
    # value of several paragraphs are one row each, not lines of two columns interleaved.
    lines = _lines(name)
    assert any(
        x.startswith("Alternative options considered and rejected\tTo continue") for x in lines
    )
    assert (
        "\t(b) That the Council Tax premium on homes empty for more than one year be increased"
        " to 100 per cent from 1 April 2026."
    ) in lines
    assert "Call-in deadline\t5.00 pm on 26 February 2026" in lines


def test_minutes_with_minute_numbers_in_a_margin_column() -> None:
    d = only_minutes("minutes_pdf_margin_numbers_action_column.pdf")
    assert (d.council, d.committee) == (
        "Marlow Vale District Council",
        "Audit and Governance Committee",
    )
    assert meeting(d) == ("2026-03-26", "19:00", "the Council Offices, Station Road, Marlow Vale")
    assert attendance(d) == [
        ("Lionel Ashworth", "Councillor", "present", "member", "Chairman"),
        ("Beatrix Coombe", "Councillor", "present", "member", None),
        ("Dev Raghunathan", "Councillor", "present", "member", None),
        ("Yolanda Fitch", "Councillor", "present", "member", None),
        ("Stanley Okonjo", "Mr", "present", "co-opted", "Independent Person"),
        ("Rachel Inkpen", None, "present", "officer", "Chief Finance Officer"),
        ("Tom Hedley", None, "present", "officer", "Audit Manager"),
        ("Sadie Pruitt", None, "present", "officer", "Committee Officer"),
        ("Hugo Penrose", "Councillor", "apologies", "member", None),
        ("Annika Lund", "Councillor", "apologies", "member", None),
    ]
    got = items(d)
    assert [n for n, _, _ in got] == ["AG/31", "AG/32", "AG/33", "AG/34", "AG/35", "AG/36"]
    assert got[4][2] == [
        "the strategic risk register be noted",
        "the Chief Finance Officer circulates the risk appetite statement to all Members.",
    ]
    assert d.minutes is not None and d.minutes.end_time == "20:20"


def test_minutes_with_a_box_floated_beside_the_attendance_and_broken_words() -> None:
    name = "minutes_pdf_continued_headers_small_caps_sidebar.pdf"
    d = only_minutes(name)
    assert (d.council, d.committee) == (
        "Northcombe Borough Council",
        "Adults and Health Policy Development Panel",
    )
    assert (d.meeting.date, d.meeting.time) == ("2026-03-03", "18:30")
    lines = _lines(name)
    # The floated box is read after the paragraphs beside it, not into their lines.
    assert "and Councillor Rosa Calloway." in lines
    assert lines.index("Date: 3 March 2026") > lines.index("and Councillor Rosa Calloway.")
    # "So‐" / "cial Care": the typesetter's break is mended on the line.
    assert any("(Director of Adult Social" in x for x in lines)
    people = {(n, s, c, r) for n, _, s, c, r in attendance(d)}
    assert ("Julian Aske", "present", "officer", "Director of Adult Social Care") in people
    assert ("Kenneth Iredale", "apologies", "member", None) in people
    assert [n for n, _, _ in items(d)] == ["21", "22", "23", "24"]
    # The "(continued)" running header of page 2 is no item.
    assert d.minutes is not None
    assert all("(continued)" not in i.title for i in d.minutes.items)


# Facts found wrong in round 0.3.8 (strict xfail then), right since 0.3.9.


def test_member_role_cell_is_no_role_and_a_job_title_head_no_person() -> None:
    d = only_minutes("minutes_pdf_word_attendance_role_table_signature.pdf")
    got = attendance(d)
    assert ("Bronwen Tasker", "Councillor", "present", "member", None) in got
    assert all(n != "Job title" for n, *_ in got)


def test_decision_notice_boxed_label_cells_give_number_date_and_decisions() -> None:
    d = parsed("decision_notice_pdf_boxed_fields_call_in.pdf").documents[0]
    assert d.meeting.date == "2026-02-17"
    assert d.minutes is not None
    (item,) = d.minutes.items
    assert item.number == "FDC/CAB/2026/014"
    assert len(item.resolutions) == 3


def test_action_by_column_cell_is_no_part_of_the_minute_title() -> None:
    d = only_minutes("minutes_pdf_margin_numbers_action_column.pdf")
    assert items(d)[3][1] == "Internal Audit Progress Report"


def test_arrow_bullets_are_decisions_and_a_boxed_venue_wraps() -> None:
    d = only_minutes("minutes_pdf_continued_headers_small_caps_sidebar.pdf")
    assert len(items(d)[2][2]) == 3
    assert d.meeting.venue == "Committee Room 1, Civic Offices, Northcombe"


def test_work_programme_items_from_the_item_column_only() -> None:
    d = parsed("work_programme_pdf_landscape_header_row_repeated.pdf").documents[0]
    assert d.work_plan[0].items == (
        "Adult Social Care Local Account 2025/26",
        "Carers' Strategy refresh",
        "Work programme 2026/27",
    )
    assert len(d.work_plan) == 5
