"""More regression tests for general patterns of UK committee papers (second
pass over the golden review). Every snippet is synthetic, written in the general
pattern (not copied from one council's paper)."""

from __future__ import annotations

import pytest

from minutebook.parser.models import Minutes
from minutebook.parser.pipeline import parse_bytes
from tests.parser.test_general_patterns import only


def minutes_of(text: str) -> Minutes:
    d = only(text)
    assert d.kind == "minutes" and d.minutes is not None
    return d.minutes


def test_text_between_attendance_and_first_item_is_kept_as_preamble() -> None:
    m = minutes_of(
        "PLANNING SUB-COMMITTEE\n\n"
        "Minutes of a meeting held on 4th March, 2019.\n\n"
        "Present: Councillors A. Brown, C. Davies and E. Evans.\n\n"
        "The Democratic Services Officer explained the procedure for the hearing and "
        "confirmed that all parties had received the papers in advance.\n\n"
        "(a) Appointment of Chairman\n\n"
        "RESOLVED - T H A T Councillor A. Brown be appointed Chairman.\n\n"
        "(b) Declarations of Interest\n\n"
        "No declarations were received.\n"
    )
    assert m.items[0].title == "Appointment of Chairman"
    assert m.preamble.startswith("The Democratic Services Officer explained the procedure")
    assert m.preamble_span is not None
    assert "Present" not in m.preamble and "Councillor" not in m.preamble


def test_petition_note_before_the_first_numbered_item_is_kept_as_preamble() -> None:
    m = minutes_of(
        "Borough Council - Thursday, 14 May 2020 10:00 am\n\n"
        "Venue: Council Chamber, Town Hall\n\n"
        "Items\n"
        "No. Item\n\n"
        "Councillor Jane Reid presented the Council with a petition signed by over 900 "
        "residents about the closure of the library. The Mayor accepted the petition.\n\n"
        "1.\n\n"
        "APOLOGIES FOR ABSENCE\n\n"
        "Apologies for absence were received from Councillor Tom Hughes.\n\n"
        "2.\n\n"
        "DECLARATIONS OF INTEREST\n\n"
        "There were no declarations of interest.\n"
    )
    assert m.preamble.startswith("Councillor Jane Reid presented the Council with a petition")
    assert m.preamble.endswith("The Mayor accepted the petition.")
    assert "Venue" not in m.preamble and "Item" not in m.preamble


def test_attendance_and_headings_alone_give_no_preamble() -> None:
    m = minutes_of(
        "CABINET\n\n"
        "Minutes of the meeting held on 2 June 2021\n\n"
        "PRESENT: Councillor A Smith (Chair), Councillor B Jones, Councillor C Patel, "
        "Councillor D Green, Councillor E White and Councillor F Black.\n\n"
        "Apologies for absence were received from Councillor G Gray and Councillor H Brown "
        "who were attending another meeting of the council.\n\n"
        "UNRESTRICTED ITEMS\n\n"
        "1. Minutes\n\n"
        "RESOLVED that the minutes of the meeting held on 5 May 2021 be approved.\n"
    )
    assert m.preamble == ""
    assert m.preamble_span is None


def test_also_present_line_inside_an_item_adds_its_attendees() -> None:
    m = minutes_of(
        "LICENSING SUB-COMMITTEE\n\n"
        "Minutes of a meeting held on 4th March, 2019.\n\n"
        "Present: Councillors A. Brown, C. Davies and E. Evans.\n\n"
        "(a) Appointment of Chairman\n\n"
        "RESOLVED - THAT Councillor A. Brown be appointed Chairman.\n\n"
        "(b) Application for a Premises Licence - The Old Mill, High Street\n\n"
        "Also present: Mr. P. Hale (Applicant); Ms. R. Lowe (Manager of Mill Court "
        "(Residents) Association Ltd) and Mrs. T. Ward (Licensing Officer).\n\n"
        "The Chairman welcomed those present and invited them to introduce themselves.\n"
    )
    by_name = {a.name: a for a in m.attendance}
    assert {"P. Hale", "R. Lowe", "T. Ward"} <= set(by_name)
    assert by_name["P. Hale"].role == "Applicant"
    assert by_name["R. Lowe"].role == "Manager of Mill Court (Residents) Association Ltd"
    assert by_name["T. Ward"].capacity == "officer"
    assert all(by_name[n].status == "present" for n in ("P. Hale", "R. Lowe", "T. Ward"))
    assert by_name["P. Hale"].span.first_line == by_name["T. Ward"].span.first_line


def test_an_also_present_person_of_two_items_is_listed_once() -> None:
    m = minutes_of(
        "PLANNING COMMITTEE\n\n"
        "Minutes of a meeting held on 4th March, 2019.\n\n"
        "Present: Councillors A. Brown, C. Davies and E. Evans.\n\n"
        "1. Land at Mill Lane\n\n"
        "In attendance: Mr. P. Hale (Agent).\n\n"
        "RESOLVED that planning permission be granted.\n\n"
        "2. Land at Park Road\n\n"
        "In attendance: Mr. P. Hale (Agent).\n\n"
        "RESOLVED that planning permission be refused.\n"
    )
    assert [a.name for a in m.attendance].count("P. Hale") == 1


DECISION_THEN_MINUTES = (
    "Issue - meetings\n\n"
    "Meeting: 12/03/2023 - Cabinet (Item 41)\n\n"
    "41 PARKING STRATEGY\n\n"
    "Decision:\n\n"
    "RESOLVED:\n\n"
    "(1)   That the parking strategy be adopted.\n\n"
    "REASONS FOR DECISIONS:\n\n"
    "(1)   To give the council a strategy for parking in its town centres.\n\n"
    "(2)   The need to review charges every year.\n\n"
    "Minutes:\n\n"
    "The Head of Transport presented the report and answered questions from Members.\n\n"
    "RESOLVED:\n\n"
    "(1)   That the parking strategy be adopted.\n"
)

INLINE_REASONS_TWICE = (
    "Issue - meetings\n\n"
    "Meeting: 12/03/2023 - Cabinet (Item 41)\n\n"
    "41 Parking Strategy\n\n"
    "RESOLVED - That the parking strategy be adopted.\n\n"
    "REASONS FOR DECISION – The strategy sets out how parking will be managed.\n\n"
    "The Head of Transport presented the report and answered questions from Members.\n\n"
    "RESOLVED - That the parking strategy be adopted.\n\n"
    "REASONS FOR DECISION - The strategy sets out how parking will be managed.\n\n"
    "OTHER OPTIONS CONSIDERED AND REJECTED - None.\n"
)


def test_reasons_for_decision_kept_once_in_both_decision_block_layouts() -> None:
    listed = minutes_of(DECISION_THEN_MINUTES).items[0]
    assert listed.reasons.splitlines() == [
        "(1) To give the council a strategy for parking in its town centres.",
        "(2) The need to review charges every year.",
    ]
    inline = minutes_of(INLINE_REASONS_TWICE).items[0]
    assert inline.reasons == "The strategy sets out how parking will be managed."
    for item in (listed, inline):
        assert "REASONS" not in item.discussion and "parking will be managed" not in item.discussion
        assert "Head of Transport presented the report" in item.discussion
        assert "That the parking strategy be adopted." in [r.text for r in item.resolutions]
    assert "OTHER OPTIONS" in inline.discussion


def test_second_lettered_list_after_and_and_lead_ins_stay_in_the_resolution() -> None:
    m = minutes_of(
        "COUNTY COUNCIL\n\n"
        "MINUTES of a meeting held on Thursday, 6 March 2025.\n\n"
        "PRESENT: Mr A Baker (Chairman), Mrs C Dean and Mr E Ford.\n\n"
        "12. Motion on Litter\n\n"
        "Substantive motion carried.\n\n"
        "RESOLVED that:\n\n"
        "This Council believes that:\n\n"
        "a)    Litter harms the local environment.\n"
        "b)    Fines should be raised.\n\n"
        "And;\n\n"
        "This Council agrees to call on the Cabinet Member for Environment\n"
        "and Transport to:\n\n"
        "a)    Write to the government about fines.\n\n"
        "b)    Fund more litter bins.\n\n"
        "13. Questions\n\n"
        "No questions were received.\n"
    )
    texts = [r.text for r in m.items[0].resolutions]
    assert texts == [
        "This Council believes that: Litter harms the local environment.",
        "This Council believes that: Fines should be raised.",
        "This Council agrees to call on the Cabinet Member for Environment and Transport to: "
        "Write to the government about fines.",
        "This Council agrees to call on the Cabinet Member for Environment and Transport to: "
        "Fund more litter bins.",
    ]
    assert "Write to the government" not in m.items[0].discussion


def test_marker_lead_in_before_a_list_is_not_repeated_in_each_decision() -> None:
    m = minutes_of(
        "CABINET\n\n"
        "Minutes of the meeting held on 2 June 2021\n\n"
        "PRESENT: Councillor A Smith (Chair) and Councillor B Jones.\n\n"
        "5. Budget\n\n"
        "RESOLVED:\n\n"
        "The Cabinet agreed:-\n\n"
        "1. That the budget be approved.\n"
        "2. That the fees be noted.\n"
    )
    assert [r.text for r in m.items[0].resolutions] == [
        "That the budget be approved.",
        "That the fees be noted.",
    ]


def test_numbered_heading_with_its_text_after_a_colon_is_its_own_section() -> None:
    from minutebook.parser.lines import make_lines
    from minutebook.parser.sections import find_sections

    text = (
        "13.0    Legal Implications\n\n"
        "13.1    None\n\n"
        "14.0  Background Papers : Housing Strategy 2024\n\n"
        "15.0  Contact Officer: Jane Smith, Housing Manager\n"
    )
    sections = {s.heading: s.text for s in find_sections(make_lines(text))}
    assert sections["Legal Implications"] == "13.1 None"
    assert sections["Background Papers"] == "Housing Strategy 2024"
    assert sections["Contact Officer"] == "Jane Smith, Housing Manager"


def test_numbered_sentence_with_a_colon_is_not_a_heading() -> None:
    from minutebook.parser.lines import make_lines
    from minutebook.parser.sections import find_sections

    text = (
        "3.0    Background\n\n"
        "3.1    The council consulted residents on two options.\n\n"
        "4.    The results were clear: most residents chose the first option.\n"
    )
    headings = [s.heading for s in find_sections(make_lines(text))]
    assert headings == ["Background"]


def test_transparency_statements_run_together_give_one_declaration_each() -> None:
    m = minutes_of(
        "CITY GROWTH COMMITTEE\n\n"
        "Minutes of the meeting held on 3 September 2025\n\n"
        "Present: Councillor Reid (Convener); and Councillors Allan, Boyd and Clark.\n\n"
        "1. Declarations of Interest and Transparency Statements\n\n"
        "The following transparency statements were noted:- "
        "· In relation to item 6.1 (Harbour Works), the Convener advised that he was a "
        "member of the Harbour Board but did not consider that this required a declaration "
        "of interest; · In relation to item 7.2 (School Transport), Councillor Boyd advised "
        "that she was a governor of a school but did not consider this amounted to an "
        "interest which required to be declared.\n\n"
        "2. Minute of Previous Meeting\n\n"
        "The Committee resolved:- to approve the minute as a correct record.\n"
    )
    got = [(d.name, d.item) for d in m.declarations]
    assert got == [("the Convener", "6.1"), ("Boyd", "7.2")]
    assert all(d.kind == "other" for d in m.declarations)


def test_chair_saying_no_declarations_were_made_is_no_declaration() -> None:
    m = minutes_of(
        "CABINET\n\n"
        "Minutes of the meeting held on 2 June 2021\n\n"
        "PRESENT: Councillor A Smith (Chair) and Councillor B Jones.\n\n"
        "1. Declarations of Interest\n\n"
        "The Chair advised that no declarations of interest had been received.\n\n"
        "2. Budget\n\n"
        "RESOLVED that the budget be approved.\n"
    )
    assert [(d.name, d.kind) for d in m.declarations] == [(None, "none")]


FOOTER_ONCE = (
    "Minutes of a meeting of the PLANNING COMMITTEE held in the Council Chamber at 9.30 am "
    "on 12 May 2016 when there were present:\n"
    "Councillors\n"
    "Mrs A Brown (Chairman)\n"
    "C Davies\n"
    "(20) MINUTES\n"
    "The Minutes of the meeting held on 14 April 2016 were approved as a correct record.\n"
    "(21) ITEMS OF URGENT BUSINESS\n"
    "The Chairman stated that there were no items of urgent business.\n"
    "Planning Committee\n"
    "1\n"
    "12 May 2016\n"
    "(22) DECLARATIONS OF INTEREST\n"
    "All Members declared interests, the details of which are given under the minute of the\n"
    "item concerned.\n"
    "(23) LAND AT MILL LANE\n"
    "The Committee considered the application.\n"
)


def test_running_footer_printed_once_is_not_minute_text() -> None:
    m = minutes_of(FOOTER_ONCE)
    urgent = next(i for i in m.items if i.number == "21")
    assert urgent.discussion == "The Chairman stated that there were no items of urgent business."


def test_a_bare_number_beside_ordinary_text_stays_in_the_discussion() -> None:
    from minutebook.parser.page_furniture import running_footer

    texts = ["The vote was:", "For", "7", "Against", "2", "Planning Committee", "3", "12 May 2016"]
    assert running_footer(texts, "Planning Committee", "2016-05-12") == {5, 6, 7}


def test_all_members_declared_interests_is_one_declaration_without_a_name() -> None:
    m = minutes_of(FOOTER_ONCE)
    assert [(d.name, d.kind) for d in m.declarations] == [(None, "other")]
    assert m.declarations[0].text.startswith("All Members declared interests")


def test_member_who_is_also_the_minute_taker_is_listed_once_with_the_post() -> None:
    m = minutes_of(
        "Parkside Community Council\n\n"
        "Minutes of the General Meeting held on Monday 2 September 2024\n\n"
        "**Present**: Ann Lee, Brian Moss, Carol Nunn\n\n"
        "**Apologies**: Dan Orr\n\n"
        "Minute taker: Brian Moss\n\n"
        "1. MINUTES OF THE JULY MEETING\n\n"
        "The minutes were approved.\n",
    )
    moss = [a for a in m.attendance if a.name == "Brian Moss"]
    assert len(moss) == 1
    assert (moss[0].capacity, moss[0].role, moss[0].status) == ("member", "Minute taker", "present")


def test_numbering_restart_in_capitals_after_the_last_item_is_an_item() -> None:
    m = minutes_of(
        "Parkside Community Council\n\n"
        "Minutes of the General Meeting held on Monday 2 September 2024\n\n"
        "Present: Ann Lee, Brian Moss, Carol Nunn\n\n"
        "1.  MINUTES OF THE JULY MEETING\n\n"
        "The minutes were approved.\n\n"
        "2.  MATTERS ARISING\n\n"
        "There were none.\n\n"
        "3.  TREASURER'S REPORT\n\n"
        "The balance was noted. It was AGREED to renew the insurance.\n\n"
        "1.  DATE OF NEXT MEETING: MONDAY 7 OCTOBER at 7 p.m. AT THE\n"
        "    COMMUNITY HALL.\n"
    )
    assert [(i.number, i.title) for i in m.items][-1] == (
        "1",
        "DATE OF NEXT MEETING: MONDAY 7 OCTOBER at 7 p.m. AT THE COMMUNITY HALL",
    )
    assert "DATE OF NEXT" not in m.items[2].discussion


def test_numbered_paragraph_running_backwards_is_still_not_an_item() -> None:
    m = minutes_of(
        "Parkside Community Council\n\n"
        "Minutes of the General Meeting held on Monday 2 September 2024\n\n"
        "Present: Ann Lee, Brian Moss, Carol Nunn\n\n"
        "4.  Planning\n\n"
        "The following were discussed:\n\n"
        "5.  Highways\n\n"
        "Members raised two points.\n\n"
        "1.  Potholes on Mill Lane were reported to the council.\n"
    )
    assert [i.number for i in m.items] == ["4", "5"]


def test_distribution_list_title_from_its_heading_without_glued_markup_or_note() -> None:
    from minutebook.parser.distribution import extract_distribution_list
    from minutebook.parser.lines import Block, make_lines

    lines = make_lines(
        "LICENSING DISTRIBUTION LIST (OPEN)**MUNICIPAL YEAR 2024-25****NOTE:** Original held"
        " by the Clerk; all amendments to\n"
        "Jo Bloggs Tel: 01234 567890\n\n"
        "Name\tNo of copies\n"
        "Councillor A Smith (Chair)\t1\n"
    )
    block = Block(kind="distribution_list", subkind="distribution_list", lines=tuple(lines))
    document = extract_distribution_list(block)
    assert document.title == "Licensing Distribution List (open) Municipal Year 2024-25"


def test_capitals_row_wrapped_under_a_table_is_not_a_section_heading() -> None:
    from minutebook.parser.lines import make_lines
    from minutebook.parser.sections import find_sections

    text = (
        "AUDIT TRAIL\n\n"
        "Lead Officer\tJane Smith, Director of Housing\n"
        "Version\tFinal\n"
        "CONSULTATION WITH OTHER OFFICERS / DIRECTORATES / CABINET\n"
        "MEMBER\n"
        "Officer Title\tComments Sought\tComments included\n"
        "Director of Law\tNo\tNo\n"
    )
    sections = find_sections(make_lines(text))
    assert [s.heading for s in sections] == ["AUDIT TRAIL"]
    assert "Director of Law" in sections[0].text


def test_capitals_heading_after_a_blank_line_under_a_table_is_still_a_heading() -> None:
    from minutebook.parser.lines import make_lines
    from minutebook.parser.sections import find_sections

    text = (
        "APPENDICES\n\n"
        "No.\tTitle\n"
        "1\tWork plan\n\n"
        "AUDIT TRAIL\n\n"
        "Lead Officer\tJane Smith, Director of Housing\n"
    )
    assert [s.heading for s in find_sections(make_lines(text))] == ["APPENDICES", "AUDIT TRAIL"]


def test_unnumbered_headings_all_in_one_style_are_level_one() -> None:
    from minutebook.parser.lines import make_lines
    from minutebook.parser.sections import find_sections

    text = (
        "Introduction\n\n"
        "1. This report sets out the outcome of the review.\n\n"
        "Background\n\n"
        "2. The decision was called in by two Members.\n\n"
        "Recommendation\n\n"
        "3. Cabinet is asked to note the report.\n"
    )
    sections = find_sections(make_lines(text))
    assert [(s.heading, s.level) for s in sections] == [
        ("Introduction", 1),
        ("Background", 1),
        ("Recommendation", 1),
    ]


def test_unnumbered_heading_lines_after_the_attendance_are_items() -> None:
    m = minutes_of(
        "Parks Committee\n\n"
        "Members present:     Councillor Ames (Chairperson); and\n"
        "                     Councillors Boyd and Carr.\n\n"
        "Apologies\n\n"
        "Apologies were reported on behalf of Councillor Dunne.\n\n"
        "Play Park Review\n\n"
        "The Director reported on the review of play parks.\n\n"
        "Tree Planting\n\n"
        "The Committee noted the planting programme for the winter.\n\n"
        "Chairperson\n"
    )
    assert [(i.number, i.title) for i in m.items] == [
        (None, "Apologies"),
        (None, "Play Park Review"),
        (None, "Tree Planting"),
    ]
    assert ("Dunne", "apologies") in [(a.name, a.status) for a in m.attendance]


def test_two_lone_short_lines_do_not_make_unnumbered_items() -> None:
    m = minutes_of(
        "Parks Committee\n\n"
        "Members present: Councillor Ames (Chairperson) and Councillor Boyd.\n\n"
        "Play Parks\n\n"
        "The Director reported on the review of play parks.\n\n"
        "Tree Planting\n\n"
        "RESOLVED that the planting programme be approved.\n"
    )
    assert len(m.items) == 1 and m.items[0].number is None


def test_minute_items_after_a_part_two_heading_are_closed() -> None:
    from minutebook.parser.pipeline import parse_bytes

    text = b"""MINUTES of the meeting of the Audit Committee held on Thursday 18 September 2025 at 2.00 pm

PRESENT: Councillors A. Ashby (Chair), B. Brook and C. Cole.

1. MINUTES

RESOLVED that the minutes of the meeting held on 3 July 2025 be approved.

2. EXCLUSION OF THE PUBLIC

RESOLVED that the public be excluded for the following item under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.

PART II - EXEMPT ITEMS

3. CONTRACT AWARD - GROUNDS MAINTENANCE

The Committee considered an exempt report on the award of the contract.

RESOLVED that the contract be awarded as set out in the exempt report.

PART I

4. DATE OF NEXT MEETING

RESOLVED that the next meeting be held on 4 December 2025.
"""
    doc = parse_bytes(text, "minutes.txt").documents[0]
    assert doc.minutes is not None
    parts = {item.number: item.part for item in doc.minutes.items}
    assert parts == {"1": "open", "2": "open", "3": "closed", "4": "open"}
    assert "PART II" not in doc.minutes.items[1].discussion


def test_prose_naming_part_one_of_schedule_12a_opens_no_part() -> None:
    from minutebook.parser.minutes import part_markers

    assert part_markers(["Part 1 of Schedule 12A to the Local Government Act 1972"]) == []
    assert part_markers(["Part 2 items were considered.", "EXEMPT BUSINESS"]) == [(1, "closed")]


@pytest.mark.parametrize(
    ("title", "closed"),
    [
        ("Residential Care Contract (Exempt - Paragraph 3)", True),
        ("Land at Mill Lane - Confidential", True),
        ("Commercial Property Disposal - Not for Publication", True),
        ("Part II: Contract award", True),
        ("Update (Private)", True),
        # Not markings: a service, a policy, an exempt appendix of an open item.
        ("Private Fostering Annual Report", False),
        ("Annual Report (Private Fostering)", False),
        ("Confidential Reporting Policy", False),
        ("Budget Monitoring (Exempt Appendix)", False),
        ("Partnership Update", False),
    ],
)
def test_an_item_whose_own_title_marks_it_exempt_is_closed(title: str, closed: bool) -> None:
    agenda = parse_bytes(f"AGENDA\n\n1.\tApologies\n2.\t{title}\t11 - 20\n".encode(), "a.txt")
    (doc,) = agenda.documents
    assert doc.agenda is not None
    assert [i.part for i in doc.agenda.items] == ["open", "closed" if closed else "open"]
    minutes = parse_bytes(
        (
            "Minutes of the Cabinet held on 4 June 2026\n\nPresent: Councillor A Bell (Chair)\n\n"
            f"41. Budget Monitoring\n\nRESOLVED: That the report be noted.\n\n42. {title}\n\n"
            "RESOLVED: That the recommendation be agreed.\n\n43. Any Other Business\n\nNone.\n"
        ).encode(),
        "m.txt",
    )
    (doc,) = minutes.documents
    assert doc.minutes is not None
    assert [i.part for i in doc.minutes.items] == ["open", "closed" if closed else "open", "open"]


_BODY = (
    "\n\nPresent: Councillor A Bell (Chair), Councillor C Dee\n\n1. Apologies\n\nNone.\n\n"
    "2. Minutes\n\nRESOLVED: That the minutes be approved.\n\n3. Update\n\n"
    "RESOLVED: That the update be noted.\n"
)


@pytest.mark.parametrize(
    ("heading", "time"),
    [
        # The date on a line of its own is not item 12.
        ("CORPORATE PARENTING PANEL\n\n12 March 2026\n\nMINUTES", None),
        ("Corporate Parenting Panel – 12 March 2026\n\nMinutes", None),
        (
            "Minutes\n\nCorporate Parenting Panel\nThursday 12 March 2026, 2pm\nCouncil Chamber",
            "14:00",
        ),
        # A minutes title over the committee and the date, each on its own line.
        (
            "MINUTES OF PROCEEDINGS\n\nCORPORATE PARENTING PANEL\n\nTHURSDAY, 12TH MARCH, 2026 AT 2.00 P.M.",
            "14:00",
        ),
        ("Record of the Corporate Parenting Panel meeting held on 12 March 2026", None),
    ],
)
def test_minutes_headings_in_many_shapes(heading: str, time: str | None) -> None:
    (doc,) = parse_bytes((heading + _BODY).encode(), "m.txt").documents
    assert doc.minutes is not None
    assert (doc.kind, doc.committee, doc.meeting.date, doc.meeting.time) == (
        "minutes",
        "Corporate Parenting Panel",
        "2026-03-12",
        time,
    )
    assert [i.number for i in doc.minutes.items] == ["1", "2", "3"]
    assert [a.name for a in doc.minutes.attendance] == ["A Bell", "C Dee"]


@pytest.mark.parametrize(
    "heading",
    [
        "CORPORATE PARENTING PANEL\n\nTuesday 14 April 2026 at 10.00 am\nCommittee Room 1, County Hall\n\nAGENDA",
        "Agenda for the Corporate Parenting Panel\n"
        "To be held on Tuesday 14 April 2026 at 10.00 am in Committee Room 1, County Hall",
        "Corporate Parenting Panel\nAgenda\nMeeting date: 14 April 2026\nMeeting time: 10.00 am\n"
        "Meeting venue: Committee Room 1, County Hall",
        "A meeting of the Corporate Parenting Panel will be held in Committee Room 1, County Hall"
        " on Tuesday 14 April 2026 at 10.00 am\n\nAGENDA",
        "NOTICE OF MEETING\n\nA meeting of the Corporate Parenting Panel is to be held on Tuesday"
        " 14 April 2026 at 10.00 am in Committee Room 1, County Hall.\n\nAGENDA",
    ],
)
def test_agenda_headings_in_many_shapes(heading: str) -> None:
    text = f"{heading}\n\n1.\tApologies\n2.\tMinutes of the last meeting\t1 - 4\n3.\tFostering Update\t5 - 12\n"
    (doc,) = parse_bytes(text.encode(), "a.txt").documents
    assert doc.agenda is not None
    assert (doc.kind, doc.committee, doc.meeting.date, doc.meeting.time, doc.meeting.venue) == (
        "agenda",
        "Corporate Parenting Panel",
        "2026-04-14",
        "10:00",
        "Committee Room 1, County Hall",
    )
    assert [(i.number, i.pages) for i in doc.agenda.items] == [
        ("1", None),
        ("2", "1-4"),
        ("3", "5-12"),
    ]
