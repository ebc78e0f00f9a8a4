"""Regression tests for general patterns of UK committee papers that broke on
papers from councils outside the seeds. Every snippet is synthetic, written in
the general pattern (not copied from one council's paper)."""

from __future__ import annotations

from minutebook.parser.models import Document
from minutebook.parser.pipeline import parse_bytes


def docs(text: str, name: str = "paper.txt") -> list[Document]:
    return list(parse_bytes(text.encode("utf-8"), name).documents)


def only(text: str, name: str = "paper.txt") -> Document:
    found = docs(text, name)
    assert len(found) == 1, [d.kind for d in found]
    return found[0]


def test_meeting_date_not_taken_from_prose_in_undated_excerpt() -> None:
    text = (
        "Minutes:\n"
        "The Policy Officer presented the Panel's forward programme.\n"
        "At the Panel meeting held on 12 March 2019 members agreed priorities for the "
        "year. These were mapped into a programme which was presented for agreement.\n"
        "Resolved:\n"
        "a) That the programme be agreed.\n"
        "b) That the programme remain flexible.\n"
    )
    d = only(text)
    assert d.kind == "minutes"
    assert d.meeting.date is None


def test_meeting_date_still_taken_from_short_title_line() -> None:
    text = (
        "Licensing Panel\n"
        "Thursday 12 March 2019\n"
        "Present: Councillors A Jones and B Smith\n"
        "1. Apologies\n"
        "None were received.\n"
    )
    assert only(text).meeting.date == "2019-03-12"


def test_council_from_domain_abbreviation_is_not_a_name() -> None:
    from minutebook.parser.council import council_from_domain

    # Letters that do not spell a word are an abbreviation: leave the council unknown.
    assert council_from_domain("democracy.lbxq.gov.uk") is None
    assert council_from_domain("x@ne-somewhere.gov.uk") is None
    assert council_from_domain("x@xbqcouncil.gov.uk") is None


def test_council_from_domain_drops_glued_council_word() -> None:
    from minutebook.parser.council import council_from_domain

    assert council_from_domain("moderngov.wessexcouncil.gov.uk") == "Wessex Council"
    assert council_from_domain("x@wessex-council.gov.uk") == "Wessex Council"


def test_council_from_domain_takes_the_spelling_from_text() -> None:
    from minutebook.parser.council import council_from_domain

    text = "Residents of Upper Wessex and Downs were consulted.\nx@upperwessexdowns.gov.uk"
    assert council_from_domain(text) == "Upper Wessex and Downs Council"


_ITEM_REF_MINUTES = """MINUTES of a meeting of the Example Panel held on Tuesday, 5 March 2024 at 2.00 pm

PRESENT: Mr A Brown (Chair), Mrs C Davis

11.      Budget Monitoring Report
        (Item 3)

        1)    RESOLVED that the report be noted.

12.      Review of the Terms of Reference of the Joint Scrutiny
        Committee



        (Item 4)

        1)    RESOLVED that the revised terms be agreed.

Annual Fostering Report


                                                    4

(Item 5)

    1.  RESOLVED that the Panel note the report.

13.      Any Other Business
        (Item 6)

        1)    RESOLVED that the update be noted.
"""


def _minute_numbers_and_titles() -> list[tuple[str | None, str]]:
    d = only(_ITEM_REF_MINUTES)
    assert d.minutes is not None
    return [(it.number, it.title) for it in d.minutes.items]


def test_numbered_minute_heading_found_when_blank_lines_separate_it_from_item_ref() -> None:
    assert (
        "12",
        "Review of the Terms of Reference of the Joint Scrutiny Committee",
    ) in _minute_numbers_and_titles()


def test_minute_title_found_across_page_break_before_item_ref() -> None:
    found = _minute_numbers_and_titles()
    assert ("5", "Annual Fostering Report") in found
    assert len(found) == 4


def test_resolved_intro_followed_by_bullets_is_one_resolution() -> None:
    text = (
        "MINUTES of a meeting of the Example Council held on 5 March 2024 at 10.00 am\n"
        "\n"
        "PRESENT: Mr A Brown (Chair)\n"
        "\n"
        "7.  Terms of Reference update\n"
        "\n"
        "    1)  RESOLVED that Council:\n"
        "\n"
        "        •   Agrees the revised Terms of Reference;\n"
        "            and\n"
        "        •   Delegates to the Monitoring Officer the necessary changes.\n"
    )
    d = only(text)
    assert d.minutes is not None
    [item] = d.minutes.items
    [resolution] = item.resolutions
    assert resolution.text.startswith("That Council:")
    assert "Agrees the revised Terms of Reference" in resolution.text
    assert "Delegates to the Monitoring Officer" in resolution.text


def test_block_with_three_report_header_labels_is_a_report() -> None:
    text = (
        "Public report\n"
        "Report to: Cabinet Member for Housing\n"
        "Ward(s) affected: All\n"
        "Title: Homelessness Review\n"
        "Is this a key decision? No\n"
        "The review covers the year to March.\n"
    )
    assert only(text).kind == "report"


def test_report_header_labels_glued_together_by_pdf_extraction_still_make_a_report() -> None:
    text = (
        "Public reportCabinet Member Report3rd May 2019Report of:Director of Place"
        "Ward(s) affected:NoneTitle:Allotments ReviewIs this a key decision?No"
        "Recommendations:1.1 That the review is noted.\n"
    )
    d = only(text)
    assert d.kind == "report"
    assert d.report is not None
    assert d.report.audit_trail is not None and d.report.audit_trail.key_decision is False


def test_letter_labels_alone_are_not_report_header_labels() -> None:
    from minutebook.parser.classify import _report_header_labels

    text = "from: jane smith\ndate: 3 may 2019\nsubject: allotments\nthanks for the note.\n"
    assert not _report_header_labels(text)
    assert _report_header_labels("report of: x\nward(s) affected: all\ndate: 3 may 2019\n")


def _minutes_ending(ending: str) -> Document:
    text = (
        "MINUTES of the Example Committee held on Monday 8 January 2024 at 6.00 pm\n"
        "\n"
        "PRESENT: Councillor A Brown (Chair), Councillor C Davis\n"
        "\n"
        "1. APOLOGIES\n"
        "\n"
        "There were none.\n"
        "\n"
        "The meeting ended at 7.10 pm.\n"
        "\n" + ending
    )
    d = only(text)
    assert d.kind == "minutes" and d.minutes is not None
    return d


def test_minutes_signature_lines_chair_and_dated_are_extracted() -> None:
    m = _minutes_ending("CHAIR: Councillor A Brown\nDATED: 5 February 2024\n").minutes
    assert m is not None
    assert m.signed_by_chair == "Councillor A Brown"
    assert m.signed_date == "2024-02-05"
    assert m.signature_span is not None and m.signature_span.first_line == 11


def test_blank_signature_lines_give_a_span_but_no_signer() -> None:
    m = _minutes_ending("CHAIR:\n\nDATED:\n").minutes
    assert m is not None
    assert (m.signed_by_chair, m.signed_date) == (None, None)
    assert m.signature_span is not None
    assert (m.signature_span.first_line, m.signature_span.last_line) == (11, 13)


def test_signed_placeholder_line_with_date_on_the_same_line() -> None:
    m = _minutes_ending("Signed ..................... Chairman     Date 12/02/2024\n").minutes
    assert m is not None
    assert m.signed_by_chair is None
    assert m.signed_date == "2024-02-12"
    assert m.signature_span is not None


def test_no_signature_lines_no_signature() -> None:
    m = _minutes_ending("").minutes
    assert m is not None
    assert m.signature_span is None and m.signed_by_chair is None


def test_section_level_from_numbering_and_markdown() -> None:
    from minutebook.parser.sections import heading_level

    assert heading_level("3.0     Background") == 1
    assert heading_level("3. Background") == 1
    assert heading_level("3.2 Budget pressures") == 2
    assert heading_level("3.2.1 Staffing") == 3
    assert heading_level("## **BACKGROUND**") == 2
    assert heading_level("# Title") == 1
    assert heading_level("Background") is None


def test_section_levels_capitals_over_ordinary_case_headings() -> None:
    from minutebook.parser.lines import Line
    from minutebook.parser.sections import find_sections

    raw = [
        "BACKGROUND",
        "",
        "1. The service was inspected in March.",
        "",
        "Housing support",
        "",
        "2. Care leavers are offered a tenancy.",
        "",
        "KEY ISSUES",
        "",
        "3. Demand has grown by a tenth.",
    ]
    lines = [Line(number=k + 1, text=t, page=None) for k, t in enumerate(raw)]
    found = [(s.heading, s.level) for s in find_sections(lines)]
    assert found == [("BACKGROUND", 1), ("Housing support", 2), ("KEY ISSUES", 1)]


def test_minutes_agreeing_next_meetings_draft_agenda_carry_its_work_plan() -> None:
    text = (
        "MINUTES of the Example Committee held on Monday 13 November 2023 at 6.00 pm\n"
        "\n"
        "PRESENT: Councillor A Brown (Chair)\n"
        "\n"
        "5. WORK PROGRAMME\n"
        "\n"
        "RESOLVED:\n"
        "\n"
        "1. That the work programme be noted.\n"
        "2. That the draft agenda for the next meeting be agreed as follows:\n"
        "\n"
        "15 January\n"
        "\n"
        "- Budget monitoring\n"
        "- Annual complaints report\n"
        "\n"
        "The meeting ended at 7.10 pm.\n"
        "\n"
        "CHAIR:\n"
    )
    d = only(text)
    assert d.kind == "minutes"
    [entry] = d.work_plan
    # The year is not printed: the first 15 January after the meeting.
    assert entry.meeting_date == "2024-01-15"
    assert entry.items == ("Budget monitoring", "Annual complaints report")


def test_minutes_draft_agenda_with_its_date_in_the_resolution() -> None:
    text = (
        "MINUTES of the Example Committee held on Monday 13 November 2023 at 6.00 pm\n"
        "\n"
        "5. WORK PROGRAMME\n"
        "\n"
        "RESOLVED:\n"
        "\n"
        "1. That the following 4 March 2024 draft agenda be agreed as follows:\n"
        " - Fostering annual report\n"
        " - Housing for care leavers\n"
        "\n"
        "The meeting ended at 7.10 pm.\n"
    )
    [entry] = only(text).work_plan
    assert entry.meeting_date == "2024-03-04"
    assert entry.items == ("Fostering annual report", "Housing for care leavers")


def test_table_cells_of_html_paragraphs_keep_their_columns() -> None:
    text = (
        "Self-evaluation\n"
        "\n"
        "\tWhat do we know?\tHow do we know?\tWhat will we do?\n"
        "1.1\t<p>Visits are timely.</p> <p>Plans are good.</p>\t<p>Audit shows 80%.</p>"
        "\t<p>Keep auditing.</p><p>Train staff.</p>\n"
    )
    result = parse_bytes(text.encode("utf-8"), "paper.txt")
    row = next(t for t in result.text.split("\n") if t.startswith("1.1"))
    assert row.split("\t") == [
        "1.1",
        "Visits are timely. Plans are good.",
        "Audit shows 80%.",
        "Keep auditing. Train staff.",
    ]


def test_printed_page_numbers_in_text_layout_are_not_minute_text() -> None:
    pages = []
    for n in range(1, 5):
        body = [f"{n}.  Item {n} of the meeting", "", f"    The Panel discussed matter {n}."]
        body += [f"    Further point {k} was raised about matter {n}." for k in range(10)]
        body += ["", f"    RESOLVED that matter {n} be noted.", "", "", f"{' ' * 50}{n}", ""]
        pages.append("\n".join(body))
    text = "MINUTES of the Example Panel held on 5 March 2024\n\n" + "\n".join(pages)
    result = parse_bytes(text.encode("utf-8"), "minutes.txt")
    [d] = result.documents
    assert d.minutes is not None
    assert len(d.minutes.items) == 4
    for item in d.minutes.items:
        assert not any(ln.strip().isdigit() for ln in item.discussion.split("\n"))
    assert d.span.last_page == 4


def test_web_page_minute_discussion_drops_title_labels_and_pipe_debris() -> None:
    text = (
        "Venue: Committee Room 1\n"
        "| No. | Item |\n"
        "|---|---|\n"
        "|\n"
        "Apologies Additional documents: Minutes: No apologies were reported.\n"
        "|\n"
        "|||||||||||||\n"
        "|\n"
        "Declarations of Interest Minutes: No declarations were made.\n"
        "Supporting documents:\n"
        "|\n"
        "Parks Update Minutes: The Committee noted the update.\n"
        "*\n"
    )
    d = only(text)
    assert d.minutes is not None
    assert [(it.title, it.discussion) for it in d.minutes.items] == [
        ("Apologies", "No apologies were reported."),
        ("Declarations of Interest", "No declarations were made."),
        ("Parks Update", "The Committee noted the update."),
    ]


def test_minute_title_drops_trailing_semicolon() -> None:
    from minutebook.parser.minute_items import _clean_title

    assert _clean_title("TO SIGN THE MINUTES OF THE MEETING HELD ON 5TH MAY, 2018;") == (
        "TO SIGN THE MINUTES OF THE MEETING HELD ON 5TH MAY, 2018"
    )


def test_resolved_that_with_parallel_unnumbered_paragraphs_gives_each_decision() -> None:
    text = (
        "MINUTES of a meeting of the Example Council held on 5 March 2024 at 10.00 am\n"
        "\n"
        "7.  Armed Forces Covenant\n"
        "\n"
        "    The Chairman introduced the report.\n"
        "\n"
        "    RESOLVED that:\n"
        "\n"
        "        Members note the work done to deliver the Covenant and agree\n"
        "        the priorities going forward.\n"
        "\n"
        "        Members continue to support the Covenant across the county\n"
        "        and endorse the commitment to this work.\n"
    )
    d = only(text)
    assert d.minutes is not None
    [item] = d.minutes.items
    assert [r.text[:30] for r in item.resolutions] == [
        "Members note the work done to ",
        "Members continue to support th",
    ]


def test_discussion_after_a_resolution_is_not_a_decision() -> None:
    text = (
        "MINUTES of a meeting of the Example Council held on 5 March 2024 at 10.00 am\n"
        "\n"
        "7.  Parks Update\n"
        "\n"
        "    RESOLVED that:\n"
        "\n"
        "        Members note the update.\n"
        "\n"
        "        The Chair thanked the officers for their work.\n"
    )
    d = only(text)
    assert d.minutes is not None
    [item] = d.minutes.items
    assert [r.text for r in item.resolutions] == ["Members note the update."]


def test_council_name_followed_by_the_meeting_name_council() -> None:
    from minutebook.parser.council import councils_in

    assert councils_in("Wessex Council Full Council 20 October 2020 Annual Report") == [
        "Wessex Council"
    ]


def test_report_council_only_from_its_top_not_from_partners_in_the_text() -> None:
    from minutebook.parser.council import report_council

    top = ["Appendices: 1. Scheme – Wessex City Council", *["Text."] * 50]
    assert report_council(top) == "Wessex City Council"
    partner = ["Report to Cabinet", *["Text."] * 50, "Work with Downs Borough Council."]
    assert report_council(partner) is None


def test_honorific_drops_the_sentence_article() -> None:
    from minutebook.parser.names import split_honorific

    assert split_honorific("the Very Reverend Dr Ann Example") == (
        "Very Reverend Dr",
        "Ann Example",
    )


def test_plural_councillors_covers_a_name_with_a_personal_title() -> None:
    from minutebook.parser.name_lists import split_name_list

    people = split_name_list("Councillors K. Hatton, J.W. Thomas and Mrs. M.R. Wilkinson")
    assert [p.honorific for p in people] == ["Councillor", "Councillor", "Councillor Mrs"]


def test_councillors_heading_over_one_name_per_line_gives_the_honorific() -> None:
    text = (
        "Minutes of a meeting of the PLANNING COMMITTEE held in the Council Chamber at "
        "9.30 am on 3 May 2012 when there were present:\n"
        "Councillors\n"
        "Mrs S A Example (Chairman)\n"
        "P W Sample\n"
        "Officers\n"
        "Mr S Officer - Head of Planning\n"
        "(1) APOLOGIES FOR ABSENCE\n"
        "None.\n"
    )
    d = only(text)
    assert d.minutes is not None
    got = {a.name: a.honorific for a in d.minutes.attendance}
    assert got["S A Example"] == "Councillor Mrs"
    assert got["P W Sample"] == "Councillor"
    assert got["S Officer"] == "Mr"


def test_minute_heading_wrapped_over_lines_of_pdf_text_is_joined() -> None:
    prose = "The officer presented the report and answered the questions of the members here."
    text = (
        "Minutes of a meeting of the PLANNING COMMITTEE held on 3 May 2012\n"
        "(10) APOLOGIES FOR ABSENCE\n"
        "None.\n"
        "(11) UPTON - 2012/0770 - Conversion and extension of farm buildings to provide\n"
        "a hotel and village shop and erection of twenty holiday cottages; Former Mill\n"
        "Yard, North Street\n" + "\n".join([prose] * 12) + "\n"
        "RESOLVED that the application be approved.\n"
    )
    d = only(text)
    assert d.minutes is not None
    titles = [it.title for it in d.minutes.items]
    assert titles[-1] == (
        "UPTON - 2012/0770 - Conversion and extension of farm buildings to provide a hotel "
        "and village shop and erection of twenty holiday cottages; Former Mill Yard, North Street"
    )
    assert d.minutes.items[-1].discussion.startswith("The officer presented")


def test_minutes_title_drops_when_there_were_present() -> None:
    text = (
        "Minutes of a meeting of the PLANNING COMMITTEE held in the Chamber\n"
        "on 3 May 2012 at 9.30 am when there were present:\n"
        "Councillors A Brown and C Davis\n"
        "(10) APOLOGIES FOR ABSENCE\n"
        "None.\n"
    )
    d = only(text)
    assert d.title is not None and d.title.endswith("at 9.30 am")


def test_bracket_inside_a_job_title_after_a_dash_stays_as_printed() -> None:
    from minutebook.parser.names import split_person

    p = split_person("Mr J Example - Team Leader (Major Developments)")
    assert (p.name, p.honorific, p.role) == ("J Example", "Mr", "Team Leader (Major Developments)")
    q = split_person("Councillor A Example (Chair) - substitute for B Sample")
    assert q.name == "A Example" and q.role is not None and "Chair" in q.role


def test_agenda_item_title_wrapped_without_indent_keeps_its_pages() -> None:
    from minutebook.parser.agenda import order_of_business
    from minutebook.parser.lines import Line

    raw = [
        "1. Apologies",
        "",
        "2. 24/001 - Revenue Budget Monitoring Report",
        "(Pages 11 - 84)",
        "",
        "3. Transfer of the Independence Service from the Children's Directorate",
        "to the Adult Social Care Directorate (Pages 85 - 120)",
        "",
        "4. Commissioning Plan for Education Provision 2025-29 (Pages",
        "121 - 140)",
    ]
    lines = [Line(number=k + 1, text=t, page=1) for k, t in enumerate(raw)]
    got = [(it.number, it.title, it.pages) for it in order_of_business(lines)]
    assert got == [
        ("1", "Apologies", None),
        ("2", "24/001 - Revenue Budget Monitoring Report", "11-84"),
        (
            "3",
            "Transfer of the Independence Service from the Children's Directorate "
            "to the Adult Social Care Directorate",
            "85-120",
        ),
        ("4", "Commissioning Plan for Education Provision 2025-29", "121-140"),
    ]


def test_decision_taker_read_from_its_tab_separated_column() -> None:
    text = (
        "EXAMPLE COUNTY COUNCIL – PROPOSED RECORD OF DECISION\n"
        "\n"
        "DECISION TO BE TAKEN BY:\tDECISION NO:\n"
        "\n"
        "Cabinet\t24/00115\n"
        "\n"
        "Title of Decision:\n"
        "Adoption of the Parks Strategy\n"
        "\n"
        "Decision: Cabinet propose to:\n"
        "(a) ADOPT the Parks Strategy.\n"
    )
    d = only(text)
    assert d.kind == "decision"
    assert d.committee == "Cabinet"
    assert d.minutes is not None and d.minutes.items[0].number == "24/00115"


def test_this_was_agreed_makes_the_sentence_before_a_resolution() -> None:
    from minutebook.parser.lines import Line
    from minutebook.parser.resolutions import extract_resolutions

    raw = [
        "The Chair reported on the bus petition. As a council we should",
        "support this petition. This was AGREED.",
        "",
        "The plan, which was agreed last year, is on track.",
    ]
    lines = [Line(number=k + 1, text=t) for k, t in enumerate(raw)]
    found, _ = extract_resolutions(lines)
    assert [r.text for r in found] == ["As a council we should support this petition."]
    assert (found[0].span.first_line, found[0].span.last_line) == (1, 2)


def test_declaration_naming_several_items_gives_one_per_item() -> None:
    from minutebook.parser.declarations import _items_of

    assert _items_of("declared an interest in items 2.b) Parks Festival and 5.a) Contracts") == [
        "2.b",
        "5.a",
    ]
    assert _items_of("declared an interest in items 4, 5 and 7.") == ["4", "5", "7"]
    assert _items_of("declared an interest in item 4 and 12 other matters") == ["4"]
    assert _items_of("declared an interest in items 7 and 8, 12 years ago") == ["7", "8"]
    assert _items_of("declared an interest as a governor") == [None]


def test_attendee_with_post_nominal_after_a_comma_points_at_its_own_line() -> None:
    from minutebook.parser.attendance_labels import locate
    from minutebook.parser.lines import Line, span_of

    lines = [
        Line(number=1, text="Mrs T Dean, MBE,   Mr M Dendor,"),
        Line(number=2, text="Mr A J Hook,   Mr J A Kite, MBE,   Mr B Lewis"),
    ]
    assert locate(lines, "J A Kite MBE", span_of(lines)).first_line == 2


def test_declaration_naming_the_agenda_item_gets_the_minute_number() -> None:
    text = (
        "MINUTES of a meeting of the Example Council held on 5 March 2024 at 10.00 am\n"
        "\n"
        "301.     Declarations of Interests\n"
        "        (Item 3)\n"
        "\n"
        "        Mr A Brown declared an interest in Item 5 - Pay Policy as a family member\n"
        "        works for the council.\n"
        "\n"
        "302.     Budget Report\n"
        "        (Item 4)\n"
        "\n"
        "        RESOLVED that the report be noted.\n"
        "\n"
        "303.     Pay Policy Statement\n"
        "        (Item 5)\n"
        "\n"
        "        RESOLVED that the statement be agreed.\n"
    )
    d = only(text)
    assert d.minutes is not None
    assert [x.item for x in d.minutes.declarations] == ["303"]


def test_web_page_minute_without_label_drops_the_agenda_description() -> None:
    text = (
        "Apologies for absence\n"
        "To receive the apologies of any Panel Member who is unable to attend.\n"
        "Apologies were received from Councillor A Brown.\n"
        "Declarations of Interest\n"
        "To receive declarations of interest from Members.\n"
        "There were no declarations of interest.\n"
    )
    d = only(text)
    assert d.minutes is not None
    assert [(it.title, it.discussion) for it in d.minutes.items] == [
        ("Apologies for absence", "Apologies were received from Councillor A Brown."),
        ("Declarations of Interest", "There were no declarations of interest."),
    ]


def test_a_zero_line_before_printed_page_numbers_is_not_page_zero() -> None:
    from minutebook.parser.normalise import infer_pages

    body = ["text"] * 12
    lines = ["HEADING", "0", *body, "1", *body, "2", *body, "3", *body]
    pages = infer_pages("\n".join(lines))
    assert pages is not None and min(pages) == 1


def test_table_header_one_cell_short_gets_the_empty_top_left_cell() -> None:
    from minutebook.parser.lines import Line
    from minutebook.parser.tables import find_tables

    raw = [
        "Caseload by year",
        "",
        "March 23\tMarch 24\tMarch 25",
        "WA Caseload\t5627\t5322\t5217",
        "Pensioners\t2211\t2190\t2160",
    ]
    lines = [Line(number=k + 1, text=t) for k, t in enumerate(raw)]
    [table] = find_tables(lines)
    assert table.header == ("", "March 23", "March 24", "March 25")
    assert table.rows[0] == ("WA Caseload", "5627", "5322", "5217")


def test_plural_councillors_in_the_middle_of_a_present_list_starts_new_names() -> None:
    from minutebook.parser.name_lists import split_name_list

    people = split_name_list(
        "Councillor J Smith (Chairman) Councillors P Brown, K Green (Vice-Chairman), "
        "Mrs L White and R Black"
    )
    assert [(p.name, p.honorific, p.role) for p in people] == [
        ("J Smith", "Councillor", "Chairman"),
        ("P Brown", "Councillor", None),
        ("K Green", "Councillor", "Vice-Chairman"),
        ("L White", "Councillor Mrs", None),
        ("R Black", "Councillor", None),
    ]


_TOWN_COUNCIL_MINUTES = """Minutes of the Finance and Resources Committee

Date: Monday 3 June 2024
Time: 7.00 pm
Venue: Council Chamber, Town Hall

Present
Cllr A Jones (Chair)
Cllr B Patel

24/35 Allotment rents
Proposed Cllr Jones, seconded Cllr Patel, and resolved to increase rents by 3% from October.

24/36 Date of next meeting
Monday 2 September 2024 at 7.00 pm.
"""


def test_minutes_title_over_date_time_venue_labels_gives_the_meeting() -> None:
    d = only(_TOWN_COUNCIL_MINUTES)
    assert d.committee == "Finance and Resources Committee"
    assert (d.meeting.date, d.meeting.time, d.meeting.venue) == (
        "2024-06-03",
        "19:00",
        "Council Chamber, Town Hall",
    )


def test_proposed_seconded_and_resolved_is_a_resolution() -> None:
    d = only(_TOWN_COUNCIL_MINUTES)
    assert d.minutes is not None
    assert [r.text for r in d.minutes.items[0].resolutions] == [
        "to increase rents by 3% from October."
    ]


def test_chairman_line_in_the_attendance_is_not_a_signature() -> None:
    text = (
        "Minutes of the Allotments Working Group held on 4 March 2024\n"
        "\n"
        "Chairman: Councillor A Brown\n"
        "Present: Councillors C Davis and E Ford\n"
        "The group reviewed the waiting list and the state of the plots at the\n"
        "north field, and agreed to write to the tenants about the water supply.\n"
    )
    d = only(text)
    assert d.minutes is not None
    assert d.minutes.signature_span is None and d.minutes.signed_by_chair is None


def test_resolution_drops_the_list_separator_semicolon() -> None:
    from minutebook.parser.resolutions import _finish

    assert _finish("the report be noted;") == "the report be noted"
    assert _finish("That the plan be agreed; and") == "That the plan be agreed"


def test_superscript_ordinal_on_its_own_pdf_line_goes_back_to_its_number() -> None:
    from minutebook.parser.normalise import attach_superscript_ordinals

    lines = ["to enforce the offer that", "th", "they are funded from the 4 year grant", "nd", "x"]
    assert attach_superscript_ordinals(lines) == [
        "to enforce the offer that",
        "they are funded from the 4th year grant",
        "nd",
        "x",
    ]
    assert attach_superscript_ordinals(["held on the", "st", "21 March 2024"]) == [
        "held on the",
        "21st March 2024",
    ]
