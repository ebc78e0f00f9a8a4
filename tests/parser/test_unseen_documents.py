"""Papers other than minutes, in layouts neither corpus folder has (synthetic: see
unseen/README.md): agenda front sheets and supplements, officers' reports, decision
notices, letters, work programmes, distribution lists and packs.

As in `test_unseen_layouts.py`, each test states the facts a careful reader takes from
the paper; the rules that pass them are general ones, and nothing in the parser names
these invented councils, people or places.
"""

from __future__ import annotations

from minutebook.parser.lines import Line
from minutebook.parser.models import Document
from tests.parser.test_unseen_layouts import attendance, items, meeting, parsed

Item = tuple[str | None, str, str | None, str | None, str]


def _kinds(name: str) -> list[tuple[str, str]]:
    return [(d.kind, d.subkind) for d in parsed(name).documents]


def _agenda_items(d: Document) -> list[Item]:
    assert d.agenda is not None
    return [(i.number, i.title, i.pages, i.time, i.part) for i in d.agenda.items]


def _members(d: Document) -> list[tuple[str, str | None, str]]:
    assert d.agenda is not None
    return [(m.name, m.honorific, m.role) for m in d.agenda.membership]


def _contacts(d: Document) -> list[tuple[str | None, str | None, str | None]]:
    assert d.agenda is not None
    return [(c.name, c.email, c.phone) for c in d.agenda.contacts]


def test_agenda_with_substitute_members_under_plural_councillors_and_a_time_column() -> None:
    name = "agenda_substitutes_webcast_time_column_urgent_business.txt"
    assert _kinds(name) == [("agenda", "front_sheet"), ("agenda", "order_of_business")]
    front, business = parsed(name).documents
    assert (front.committee, front.council) == (
        "Planning Applications Committee",
        "Harwick Borough Council",
    )
    assert meeting(front) == (
        "2026-07-14",
        "19:00",
        "Council Chamber, Harwick Town Hall, High Street, Harwick HW1 2AB",
    )
    assert front.agenda is not None and front.agenda.published == "2026-07-06"
    # "Councillors A, B and C" under "Substitute Members:" are substitutes (reserves): the
    # plural honorific continues the list, it is no label of its own.
    assert _members(front) == [
        ("Dominic Farrant", "Councillor", "chair"),
        ("Leona Whitby", "Councillor", "vice-chair"),
        ("Amir Baig", "Councillor", "member"),
        ("Jessica Cole", "Councillor", "member"),
        ("Martin Drury", "Councillor", "member"),
        ("Helen Ogundipe", "Councillor", "member"),
        ("Sean Tully", "Councillor", "member"),
        ("Bernadette Kiely", "Councillor", "reserve"),
        ("Rory Maddox", "Councillor", "reserve"),
        ("Priti Shah", "Councillor", "reserve"),
    ]
    assert _contacts(front) == [("Nadia Brennan", "nadia.brennan@harwick.gov.uk", "020 8123 4567")]
    # "Item / Time / Subject / Pages": the time cell after the number is the item's time,
    # not its title.
    assert _agenda_items(business) == [
        ("1", "Apologies for absence and notification of substitutes", None, "19:00", "open"),
        ("2", "Declarations of interest", None, None, "open"),
        ("3", "Minutes of the meeting held on 9 June 2026", "1-8", None, "open"),
        ("4", "25/01234/FUL – 12-18 Station Road, Harwick", "9-36", "19:10", "open"),
        ("5", "25/01377/OUT – Land north of Fernlea Lane, Oakby", "37-70", "19:50", "open"),
        ("6", "Planning appeals update", "71-76", "20:30", "open"),
        ("7", "Urgent business", None, None, "open"),
        ("8", "Exclusion of the press and public", None, None, "open"),
        ("9", "Enforcement action – 4 Quarry Cottages, Oakby", "77-84", "20:45", "closed"),
    ]


def test_plural_councillors_continues_a_membership_list_but_a_label_does_not() -> None:
    from minutebook.parser.frontsheet import membership

    text = [
        "Membership:",
        "Councillor A Brown (Chair)",
        "Councillors C Dunn and E Fox",
        "",
        "Reserves:",
        "Councillors G Hill and J King",
    ]
    found = membership([Line(k + 1, t) for k, t in enumerate(text)])
    assert [(m.name, m.role) for m in found] == [
        ("A Brown", "chair"),
        ("C Dunn", "member"),
        ("E Fox", "member"),
        ("G Hill", "reserve"),
        ("J King", "reserve"),
    ]


def test_report_cover_sheet_with_author_key_decision_figures_table_and_appendices() -> None:
    name = "cabinet_report_key_decision_forward_plan_sign_off.txt"
    assert _kinds(name) == [("report", "report")]
    d = parsed(name).documents[0]
    r = d.report
    assert r is not None
    assert (d.title, d.committee, d.council, d.meeting.date) == (
        "Empty Homes Grant Scheme 2026-2028",
        "Cabinet",
        "Ashcombe District Council",
        "2026-09-16",
    )
    assert (r.item_number, r.from_, r.wards, r.classification) == (
        "8",
        "Director of Place",
        "Eastgate; Millbrook",
        "open",  # "Exempt information: No"
    )
    # "Report author:" is who wrote it, beside "Report of:" (who presents it).
    assert r.audit_trail is not None
    assert (r.audit_trail.report_author, r.audit_trail.key_decision) == (
        "Imogen Carrick, Housing Strategy Manager",
        True,
    )
    assert [(x.number, x.text) for x in r.recommendations] == [
        (
            "1.1",
            "That Cabinet approves the Empty Homes Grant Scheme 2026-2028 set out in Appendix A.",
        ),
        (
            "1.2",
            "That Cabinet delegates authority to the Director of Place, in consultation with the"
            " Cabinet Member for Housing, to make minor changes to the scheme.",
        ),
    ]
    # "5.  Appendices" over a list of titles is a heading like "6.  Background papers".
    assert [s.heading for s in r.sections] == [
        "Recommendation(s)",
        "Reasons for recommendation(s)",
        "Background",
        "Financial implications",
        "Appendices",
        "Background papers",
        "Report sign-off",
    ]
    assert r.appendices == (
        "Appendix A – Empty Homes Grant Scheme 2026-2028",
        "Appendix B – Equality Impact Assessment",
    )
    # A table of figures laid out with spaces, without a caption: the header has no cell
    # over the row labels.
    assert [(t.header, t.rows) for t in r.tables] == [
        (
            ("", "2024", "2025", "2026"),
            (
                ("Eastgate", "61", "70", "74"),
                ("Millbrook", "52", "59", "64"),
                ("Rest of district", "238", "251", "274"),
                ("Total", "351", "380", "412"),
            ),
        )
    ]


def test_a_paragraph_laid_out_with_wide_gaps_is_no_table_of_figures() -> None:
    from minutebook.parser.space_tables import figure_tables

    text = [
        "Ward           Councillor         Party",
        "Eastgate       A Brown            Independent",
        "Millbrook      C Dunn             Labour",
    ]
    assert figure_tables([Line(k + 1, t) for k, t in enumerate(text)]) == []


def test_notice_of_several_decisions_gives_one_item_per_decision() -> None:
    name = "cabinet_decision_notice_several_decisions.txt"
    assert _kinds(name) == [("decision", "decision_notice")]
    d = parsed(name).documents[0]
    assert (d.title, d.committee, d.council) == (
        "Notice of Decisions",
        "Cabinet",
        "Penmarrow Borough Council",
    )
    # "Date of meeting:", not the publication date or the call-in deadline.
    assert d.meeting.date == "2026-07-08"
    assert items(d) == [
        (
            "5",
            "Treasury Management Outturn 2025/26",
            ["That the treasury management outturn for 2025/26 be noted and referred to Council."],
        ),
        (
            "6",
            "Town Centre Car Parking Charges",
            [
                "That the parking charges set out in Appendix 1 be approved from 1 October 2026.",
                "That the Head of Environment be authorised to publish the necessary notices.",
            ],
        ),
        (
            "7",
            "Penmarrow Leisure Centre – Roof Replacement (Key Decision)",
            [
                "That a capital budget of £1.2 million be approved for the roof replacement, to"
                " be met from prudential borrowing."
            ],
        ),
    ]
    assert d.minutes is not None
    assert [i.reasons for i in d.minutes.items] == [
        "The Council's Treasury Management Strategy requires an annual report to Cabinet and"
        " Council.",
        "To balance demand for spaces and support the town centre economy.",
        "The roof has reached the end of its life and the building cannot stay open without it.",
    ]
    # A declaration printed under a decision is made on that decision's item.
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("Yusuf Adeyemi", "6", "other")
    ]


def test_inspection_letter_addressed_to_the_director() -> None:
    name = "inspection_letter_to_director.txt"
    assert _kinds(name) == [("letter", "letter")]
    d = parsed(name).documents[0]
    r = d.report
    assert r is not None
    assert d.title == "Focused visit to Thornbury children's services"
    assert (r.date, r.addressee, r.from_) == (
        "2026-02-03",
        "Mrs Harriet Quennell, Director of Children's Services, Thornbury Borough Council",
        "Alan Pryor, His Majesty's Inspector",
    )
    assert [s.heading for s in r.sections] == [
        "",
        "Headline findings",
        "What needs to improve in this area of social work practice?",
        "Main findings",
    ]
    assert r.sections[2].text == (
        "The timeliness of initial child protection conferences.\n"
        "The quality of written plans for children in need."
    )


def test_supplementary_agenda_in_markdown_with_its_number_above_the_meeting() -> None:
    name = "supplementary_agenda_markdown_table.md"
    assert _kinds(name) == [("agenda", "supplemental_agenda")]
    d = parsed(name).documents[0]
    assert d.agenda is not None
    assert (d.title, d.agenda.supplement, d.committee, d.council) == (
        "Supplementary Agenda No. 1",
        1,
        "Cabinet",
        "Coldharbour District Council",
    )
    # "Supplementary Agenda No. 1" above "**Date:**" is a title line, not the start of the
    # order of business: the meeting's date, time and venue follow it.
    assert meeting(d) == (
        "2026-07-22",
        "18:00",
        "Room 3, Coldharbour House, Mill Road, Coldharbour",
    )
    assert [(i.number, i.title, i.pages) for i in d.agenda.items] == [
        ("9", "Medium Term Financial Strategy Update", "3-24"),
        ("12", "Urgent Item: Leisure Centre Roof Repairs", "25-30"),
    ]
    # "For enquiries contact:" labels the contact.
    assert _contacts(d) == [
        ("Tomasz Wrobel", "committee.services@coldharbour.gov.uk", "01632 960 418")
    ]


def test_pdf_pack_of_agenda_previous_minutes_report_and_appendix() -> None:
    name = "pdf_pack_agenda_previous_minutes_report_appendix.pdf"
    docs = parsed(name).documents
    assert [(d.kind, d.subkind, d.meeting.date, d.span.first_page) for d in docs] == [
        ("agenda", "order_of_business", "2026-10-05", 1),
        ("minutes", "minutes", "2026-07-06", 2),  # the earlier meeting: a second meeting
        ("report", "report", "2026-10-05", 3),
        ("report", "appendix", None, 4),
    ]
    agenda, minutes, report, appendix = docs
    assert [d.committee for d in docs[:3]] == ["Adult Social Care Scrutiny Sub-Committee"] * 3
    assert meeting(agenda) == ("2026-10-05", "14:00", "Committee Room A, Guildhall, Redmarsh")
    assert _members(agenda) == [
        ("Nell Hargreave", "Councillor", "chair"),
        ("Kwame Asante", "Councillor", "vice-chair"),
        ("Dilys Brayford", "Councillor", "member"),
        ("Ivor Kettley", "Councillor", "member"),
        ("Ruth Sandall", "Councillor", "member"),
        ("Aled Pym", "Councillor", "reserve"),
        ("Shona Veitch", "Councillor", "reserve"),
    ]
    assert [(i.number, i.pages) for i in agenda.agenda.items] == [  # type: ignore[union-attr]
        ("1", None),
        ("2", None),
        ("3", "3-6"),
        ("4", "7-12"),
    ]
    assert meeting(minutes) == ("2026-07-06", "14:00", "Committee Room A, Guildhall, Redmarsh")
    # "Gemma Lusk (Scrutiny" / "Officer)": the line that closes the bracket is the end of
    # her post, not an "Officer" label.
    assert attendance(minutes) == [
        ("Nell Hargreave", "Councillor", "present", "member", "Chair"),
        ("Kwame Asante", "Councillor", "present", "member", None),
        ("Dilys Brayford", "Councillor", "present", "member", None),
        ("Aled Pym", "Councillor", "present", "substitute", None),
        ("Carys Mordaunt", None, "present", "officer", "Director of Adult Services"),
        ("Gemma Lusk", None, "present", "officer", "Scrutiny Officer"),
        ("Ivor Kettley", "Councillor", "apologies", "member", None),
        ("Ruth Sandall", "Councillor", "apologies", "member", None),
    ]
    assert [(n, t, len(r)) for n, t, r in items(minutes)] == [
        ("1", "Apologies for absence", 0),
        ("2", "Declarations of interest", 0),
        ("3", "Minutes", 1),
        ("4", "Adult Social Care Annual Complaints Report", 1),
    ]
    assert minutes.minutes is not None and minutes.minutes.end_time == "15:40"
    r = report.report
    assert r is not None
    assert (report.title, r.item_number, r.from_, r.wards) == (
        "Home Care Market Sustainability",
        "4",
        "Director of Adult Services",
        "All",
    )
    assert [x.text for x in r.recommendations] == [
        "That the Sub-Committee comments on the actions in section 3."
    ]
    assert r.appendices == ("Appendix 1 – Home care hours commissioned by quarter",)
    # "Appendix 1" alone over the appendix's heading: both make its title.
    assert appendix.title == "Appendix 1: Home care hours commissioned by quarter"
    assert appendix.report is not None
    assert [(t.header, len(t.rows)) for t in appendix.report.tables] == [
        (("Quarter", "Hours", "Providers"), 3)
    ]


def test_an_officers_post_broken_over_two_lines_is_no_label() -> None:
    from minutebook.parser.attendance import labelled_attendance

    text = [
        "Officers: Jo Bell (Director of Housing) and Sam Roy (Scrutiny",
        "Officer)",
    ]
    found = labelled_attendance([Line(k + 1, t) for k, t in enumerate(text)])
    assert [(a.name, a.capacity, a.role) for a in found] == [
        ("Jo Bell", "officer", "Director of Housing"),
        ("Sam Roy", "officer", "Scrutiny Officer"),
    ]


def test_word_agenda_with_membership_and_item_tables_and_reserves_below() -> None:
    name = "agenda_word_tables_reserves_timed_items.docx"
    assert _kinds(name) == [("agenda", "front_sheet"), ("agenda", "order_of_business")]
    front, business = parsed(name).documents
    assert (front.committee, front.council) == (
        "Children's Services Scrutiny Committee",
        "Brindlecombe County Council",
    )
    assert meeting(front) == (
        "2026-09-17",
        "10:00",
        "Council Chamber, County Hall, Brindlecombe",
    )
    # The membership table, then "Reserves:" and "Co-opted Members:" under it: all on the
    # front sheet (the agenda under them does not take the lists).
    assert _members(front) == [
        ("Joanna Threlfall", "County Councillor", "chair"),
        ("Graham Oduya", "County Councillor", "member"),
        ("Patrick Lomas", "County Councillor", "vice-chair"),
        ("Sally Penrose", "County Councillor", "member"),
        ("Isla Macready", "County Councillor", "member"),
        ("Dev Raman", "County Councillor", "member"),
        ("Marian Scholes", "County Councillor", "member"),
        ("Tobias Fane", "County Councillor", "reserve"),
        ("Wendy Kitching", "County Councillor", "reserve"),
        ("Peter Ashdown", "Canon", "co-opted"),
        ("Amina Farooq", "Mrs", "co-opted"),
    ]
    # "Democratic Services contact:" labels the contact.
    assert _contacts(business) == [
        ("Lewis Hanbury", "lewis.hanbury@brindlecombe.gov.uk", "01632 962 301")
    ]
    # "Time / Item / Subject / Page": the first timed row is item 1, not the meeting's time.
    assert business.meeting.time is None
    assert business.agenda is not None and business.agenda.published == "2026-09-09"
    assert _agenda_items(business) == [
        ("1", "Apologies and substitutions", None, "10:00", "open"),
        ("2", "Declarations of interest", None, None, "open"),
        ("3", "Minutes of the meeting held on 2 July 2026", "5-12", None, "open"),
        ("4", "School Place Planning 2026-2031", "13-40", "10:10", "open"),
        ("5", "Elective Home Education Annual Report", "41-58", "11:00", "open"),
        ("6", "Committee Work Programme", "59-64", "11:45", "open"),
    ]


def test_web_page_report_whose_details_table_has_no_title_label() -> None:
    name = "web_page_report_header_table_figures.html"
    assert _kinds(name) == [("report", "report")]
    d = parsed(name).documents[0]
    r = d.report
    assert r is not None
    # No "Title:" row: the <h1> just above the details table is the title (it was the
    # first section's heading, "Recommendations").
    assert (d.title, d.committee, d.council, d.meeting.date) == (
        "Library Service Performance 2025/26",
        "Communities Overview and Scrutiny Committee",
        "Elmsworth Borough Council",
        "2026-06-24",
    )
    assert (r.from_, r.wards, r.classification) == (
        "Head of Culture and Libraries",
        "All wards",
        "open",
    )
    assert r.audit_trail is not None and r.audit_trail.key_decision is False
    assert [x.text for x in r.recommendations] == [
        "That the Committee notes the performance of the library service in 2025/26.",
        "That the Committee recommends to Cabinet that Sunday opening continue at the Central"
        " Library.",
    ]
    assert [s.heading for s in r.sections] == [
        "Recommendations",
        "Performance",
        "Background papers",
    ]
    assert [(t.caption, t.header, t.rows[-1]) for t in r.tables] == [
        (
            "Table 1: Visits and loans by library",
            ("Library", "Visits 2024/25", "Visits 2025/26", "Loans 2025/26"),
            ("Riverside", "36,900", "39,410", "47,600"),
        )
    ]


def test_a_line_above_the_header_that_names_the_committee_is_no_title() -> None:
    from minutebook.parser.pipeline import parse_bytes

    text = (
        "Agenda Item 6\n\nPlanning Committee\n\nReport of:\tHead of Planning\n"
        "Date:\t3 March 2026\nWards affected:\tAll\n\n1. Purpose of the report\n\n"
        "1.1 This report sets out the appeal decisions received since the last meeting.\n"
    )
    (d,) = parse_bytes(text.encode(), "report.txt").documents
    assert d.title == "Purpose of the report"


def test_word_work_programme_whose_item_cells_hold_a_paragraph_per_item() -> None:
    name = "work_programme_word_table_items_as_paragraphs.docx"
    assert _kinds(name) == [("report", "work_plan")]
    d = parsed(name).documents[0]
    # "## Forward Work Programme 2026/27" (a Word heading): the title without its markup.
    assert (d.title, d.committee) == (
        "Forward Work Programme 2026/27",
        "Environment and Communities Scrutiny Panel",
    )
    # Each paragraph of the "Items" cell is an item (they were run together in one).
    assert [(w.meeting_date, list(w.items)) for w in d.work_plan] == [
        ("2026-06-09", ["Flood Risk Management Strategy", "Street Cleansing Performance 2025/26"]),
        (
            "2026-09-08",
            [
                "Air Quality Annual Status Report",
                "Fly-tipping Enforcement Update",
                "Parks and Open Spaces Strategy",
            ],
        ),
        ("2026-12-01", ["Climate Emergency Action Plan: Annual Review"]),
    ]
    assert d.report is not None
    [table] = d.report.tables
    assert table.header == ("Date of meeting", "Items", "Lead officer")
    assert table.rows[:2] == (
        ("Tuesday 9 June 2026", "Flood Risk Management Strategy", "Head of Highways"),
        ("", "Street Cleansing Performance 2025/26", "Head of Waste Services"),
    )
    # The committee's name above the title heads no section.
    assert [(s.heading, s.level) for s in d.report.sections] == [
        ("Forward Work Programme 2026/27", 2),
        ("Topics not yet scheduled", 2),
    ]


def test_forward_plan_section_is_not_headed_by_the_councils_name() -> None:
    d = parsed("forward_plan_key_decisions_table.txt").documents[0]
    assert d.report is not None
    # The title heads the plan's one section (it was "GREYSTONE COUNTY COUNCIL").
    assert [s.heading for s in d.report.sections] == ["FORWARD PLAN OF KEY DECISIONS"]
    assert d.report.sections[0].text.startswith("For the period 1 April 2026 to 31 July 2026")


def test_work_programme_first_meeting_label_heads_its_section() -> None:
    d = parsed("work_programme_meeting_labels_tabbed_bullets.txt").documents[0]
    assert d.report is not None
    # "Meeting: 9 June 2026", read as the header's label, still heads its items (they were
    # a section with an empty heading).
    assert [s.heading for s in d.report.sections] == [
        "Forward Work Programme 2026/27",
        "Meeting: 9 June 2026",
        "Meeting: 15 September 2026",
        "Meeting: 1 December 2026",
        "Items to be scheduled",
    ]


def test_background_papers_and_contact_officer_with_their_text_on_the_line() -> None:
    d = parsed("county_report_numbered_paragraphs_with_tabs.txt").documents[0]
    assert d.report is not None
    closing = [(s.heading, s.text.split("\n")[0]) for s in d.report.sections[-2:]]
    # "Background papers: None" and "Contact officer: ..." were headings holding the
    # whole line.
    assert closing == [
        ("Background papers", "None"),
        (
            "Contact officer",
            "Priya Shah, Head of Placements, priya.shah@westbury.gov.uk, 01632 960123",
        ),
    ]


def test_circulation_list_as_a_table_names_its_committee() -> None:
    name = "circulation_list_name_copies_columns.txt"
    assert _kinds(name) == [("distribution_list", "distribution_list")]
    d = parsed(name).documents[0]
    assert (d.title, d.committee) == (
        "Circulation List – Licensing Committee – Municipal Year 2026/27",
        "Licensing Committee",
    )
    [table] = d.tables
    assert table.header == ("Name", "Copies", "Notes")
    assert [row[0] for row in table.rows] == [
        "Councillor Harriet Ames (Chair)",
        "Councillor Bilal Chaudhry (Vice-Chair)",
        "Councillor Fern Okoro",
        "Councillor Gideon Pratt",
        "Licensing Manager",
        "Legal Services (Rob Tennant)",
        "Press Office",
        "Reference Library",
    ]
    assert table.rows[2] == ("Councillor Fern Okoro", "1", "Electronic only")
