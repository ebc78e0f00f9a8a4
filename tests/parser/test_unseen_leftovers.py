"""Weaknesses left by earlier rounds and open findings of the golden review
(`tests/golden/REVIEW.md`), each with the general rule that now reads it (synthetic
papers: see unseen/README.md, and small texts written here).

As in `test_unseen_layouts.py`, each test states the facts a careful reader takes from
the paper; nothing in the parser names these invented councils, people or places.
"""

from __future__ import annotations

from minutebook.parser import parse_bytes
from minutebook.parser.dates import date_without_year, parse_time
from minutebook.parser.discussion import continues, text_width
from minutebook.parser.lines import make_lines
from minutebook.parser.minute_items import find_items, roman_number
from minutebook.parser.models import Document
from minutebook.parser.report import _may_name_an_appendix, extract_report
from minutebook.parser.resolutions import find_marker
from tests.parser.report_fixtures import block
from tests.parser.test_unseen_layouts import attendance, items, meeting, only_minutes, parsed


def _discussions(d: Document) -> list[str]:
    assert d.minutes is not None
    return [i.discussion for i in d.minutes.items]


def _report(text: str) -> Document:
    return extract_report(block(make_lines(text)))


# -- attendance grids of ticks and crosses ------------------------------------------------


def test_tick_grid_with_a_column_per_status_and_wrapped_discussion() -> None:
    d = only_minutes("minutes_pdf_text_tick_grid_wrapped_discussion.txt")
    assert (d.committee, d.council) == (
        "Amenities and Open Spaces Committee",
        "Carrowmore Town Council",
    )
    assert meeting(d) == ("2025-01-14", "19:00", "the Guildhall, Carrowmore")
    # "Member / Present / Apologies / Absent": the column a row marks (a tick, or an "x")
    # gives the status; "In attendance:" under the grid adds the clerk.
    assert attendance(d) == [
        ("Ruth Penhallow", "Cllr", "present", "member", "Chair"),
        ("Amir Siddiqui", "Cllr", "present", "member", "Vice-Chair"),
        ("Jane Tregellas", "Cllr", "apologies", "member", None),
        ("Owen Bassington", "Cllr", "absent", "member", None),
        ("Lisa Moyleworth", "Cllr", "present", "member", None),
        ("Mark Trevail", None, "present", "officer", "Town Clerk"),
    ]
    # "The Committee agreed to ..." on a line of its own is the decision, the sentence.
    assert items(d) == [
        ("1", "APOLOGIES FOR ABSENCE", []),
        ("2", "ALLOTMENTS", ["The Committee agreed to hold the allotment rents at 2024 levels."]),
        (
            "3",
            "PLAY AREAS",
            ["The Committee agreed to accept the quotation from Kernow Play Ltd."],
        ),
    ]
    # The discussion is one paragraph a line: lines wrapped at the page's width are
    # joined, "accommo‐" / "dation" too; the short heading "Quotations" stays apart.
    assert _discussions(d) == [
        "Apologies were received from Cllr Jane Tregellas.",
        "The Town Clerk reported that the waiting list for allotments at Polkerris Lane had "
        "grown to 46 households, and that the committee had been asked to consider "
        "accommodation for a second site on the land behind the cemetery. Members noted that "
        "the drainage survey commissioned in 2023 had found the land suitable for cultivation "
        "after minor works.",
        "The annual inspection report for the play areas at Trewint Park and Chapel Green was "
        "received. Three items of equipment at Chapel Green had been taken out of use pending "
        "repair.\n"
        "Quotations\n"
        "Two quotations had been received for the replacement of the swings, from Kernow Play "
        "Ltd and from Westcountry Leisure Supplies.",
    ]
    assert d.minutes is not None and d.minutes.end_time == "20:40"


def test_attended_column_of_ticks_and_crosses_roman_items_printed_with_l_and_hrs() -> None:
    d = only_minutes("scottish_minute_roman_l_for_i_hrs_attended_column.txt")
    assert (d.committee, d.council) == (
        "Harbours and Ferries Committee",
        "Locharden and Sound Council",
    )
    # "at 1000 hrs": a 24-hour time without a colon, and no part of the venue.
    assert meeting(d) == (
        "2025-02-12",
        "10:00",
        "the Council Chamber, Kilbrannan House, Portnacraig",
    )
    assert d.minutes is not None
    # The grid's head row ("Name / Role / Attended") names no one; "✗" is not there, and
    # the apologies recorded for him say why (he is listed once, with apologies).
    assert attendance(d) == [
        ("Morag Lindsay", "Councillor", "present", "member", "Convener"),
        ("Euan Drummond", "Councillor", "present", "member", "Vice Convener"),
        ("Shona Galbraith", "Councillor", "present", "member", None),  # "Member": no post
        ("Peter Urquhart", "Councillor", "present", "substitute", None),
        ("Iain MacAskill", "Councillor", "apologies", "member", None),
    ]
    assert [a.replaces for a in d.minutes.attendance] == [None, None, None, "Iain MacAskill", None]
    # "l." is the "I." of PDF text in some fonts: items I to IV.
    assert items(d) == [
        ("I", "APOLOGIES", []),
        ("II", "DECLARATIONS OF INTEREST", []),
        (
            "III",
            "PORTNACRAIG PIER REPAIRS",
            ["The Committee agreed to approve the repair programme at a cost of £1.2 million."],
        ),
        (
            "IV",
            "FERRY TIMETABLE CONSULTATION",
            [
                "The Committee agreed to note the responses to the consultation on the winter timetable."
            ],
        ),
    ]
    assert d.minutes.end_time == "11:45"  # "The meeting ended at 1145 hrs."


# -- minutes: discussion, decisions, lone items, spans --------------------------------------


def test_markdown_minutes_hard_wrapped_paragraphs_are_joined() -> None:
    d = only_minutes("community_council_minutes_markdown_hard_wrapped.md")
    assert d.council == "Braehead Community Council"
    assert meeting(d) == ("2025-03-04", "19:00", "the Library Hall, Braehead")
    assert items(d) == [
        ("1", "MINUTES OF THE FEBRUARY MEETING", []),
        (
            "2",
            "BUS SERVICES",
            [
                "The community council agreed to write to the operator asking for the evening "
                "service to be restored."
            ],
        ),
        ("3", "DATE OF NEXT MEETING", []),
    ]
    # Markdown soft line breaks inside a sentence are no line breaks (REVIEW.md [27-e]).
    assert _discussions(d) == [
        "These were approved as a correct record on the motion of Priya Raman, seconded by "
        "Alasdair Begg.",
        "Gerry Duncanson reported that the evening service on route 21 had been withdrawn from "
        "3 February without notice to the community council. Councillor McGuigan said he had "
        "written to the operator and to the Strathfirth Transport Partnership and would report "
        "back at the next meeting.",
        "Tuesday 1 April 2025 at 7 p.m. in the Library Hall.",
    ]


def test_wrapped_line_rule_keeps_headings_rules_and_unwrapped_paragraphs_apart() -> None:
    width = text_width(["x" * 80] * 9 + ["short"])
    assert width == 80
    wrapped = "The Committee considered the report of the Head of Planning, which set out the"
    assert continues(wrapped, "Council's response to the consultation.", gap=False, width=width)
    # A short line without a full stop is a heading; a full stop ends the paragraph.
    assert not continues("Quotations", "Two quotations were received.", gap=False, width=width)
    assert not continues(wrapped + ".", "Members asked about costs.", gap=False, width=width)
    # A rule across the page is no line of a sentence.
    assert not continues("_" * 80, "Minutes are subject to confirmation.", gap=False, width=width)
    # An unwrapped paragraph far longer than the text's width ends where its line ends.
    assert not continues("word " * 40, "Draft Bye Laws were referred back.", gap=False, width=width)
    # Across a blank line (a page break) only a sentence going on in lower case joins.
    assert continues("the figures for the", "previous year were higher.", gap=True, width=width)
    assert not continues(wrapped, "Councillor Ames asked a question.", gap=True, width=width)


def test_lower_case_and_capitals_body_agreed_give_the_same_decision() -> None:
    lower = "The Committee agreed to note the budget monitoring report."
    upper = lower.upper()
    assert find_marker(lower) == (0, lower)
    assert find_marker(upper) == (0, upper)
    # Not the members' own undertaking, nor what they agreed about.
    assert find_marker("Members agreed to visit the site before the next meeting.") is None
    assert find_marker("The Panel agreed that the service had improved.") is None


def test_lone_minute_under_its_minutes_label_has_no_title_minutes() -> None:
    # REVIEW.md [13-c]: a one-item extract that opens with "Minutes:" has no title; the
    # label is not one. A web page's row above the label is the title.
    text = (
        "Minutes:\n"
        "The Participation Officer presented the update.\n"
        "Resolved:\n"
        "a) That the update be noted.\n"
    )
    result = parse_bytes(text.encode(), "extract.txt")
    d = result.documents[0]
    assert d.minutes is not None
    assert [(i.number, i.title) for i in d.minutes.items] == [(None, "")]
    assert [r.text for r in d.minutes.items[0].resolutions] == ["That the update be noted."]
    titled = parse_bytes(("Children in Care Council Update\n" + text).encode(), "page.txt")
    assert titled.documents[0].minutes is not None
    assert titled.documents[0].minutes.items[0].title == "Children in Care Council Update"


def test_apology_span_points_at_the_apologies_sentence_not_the_substitute_line() -> None:
    # REVIEW.md [19-e]: the list says "N Smith - substitute for B Cabbell Manners"; the
    # apology's span is the sentence that gives it, over the two lines the name spans.
    text = (
        "Minutes of a meeting of the PLANNING COMMITTEE held in the Council Chamber, Ashdyke\n"
        "at 9.30 am on 12 March 2025 when there were present:\n"
        "Councillors\n"
        "Mrs S Arlington (Chairman)\n"
        "P W Hightown\n"
        "N Smithers - substitute for B Cabbell Manners\n"
        "(1) APOLOGIES FOR ABSENCE AND DETAILS OF SUBSTITUTE MEMBERS\n"
        "Apologies for absence were received from Councillors M J Bakewell and B Cabbell\n"
        "Manners. There was one substitute Member in attendance as shown above.\n"
        "(2) MINUTES\n"
        "The minutes of the meeting held on 12 February 2025 were approved.\n"
    )
    d = parse_bytes(text.encode(), "planning.txt").documents[0]
    assert d.minutes is not None
    spans = {
        (a.name, a.status): (a.span.first_line, a.span.last_line) for a in d.minutes.attendance
    }
    assert spans[("N Smithers", "present")] == (6, 6)
    assert spans[("M J Bakewell", "apologies")] == (8, 8)
    assert spans[("B Cabbell Manners", "apologies")] == (8, 9)


def test_roman_numeral_printed_with_a_lower_case_l() -> None:
    assert [roman_number(n) for n in ("l", "ll", "lll", "lV", "Vl", "IX")] == [
        "I",
        "II",
        "III",
        "IV",
        "VI",
        "IX",
    ]
    lines = make_lines("PRESENT: Councillor A Bell\n\nl. APOLOGIES\n\nII. MINUTES\n\nIII. BUDGET\n")
    assert [s.number for s in find_items(lines)] == ["I", "II", "III"]


def test_times_in_hours_without_a_colon() -> None:
    assert parse_time("held at 1000 hrs") == "10:00"
    assert parse_time("closed at 1430hrs.") == "14:30"
    assert parse_time("The meeting ended at 1215 hours") == "12:15"
    assert parse_time("1500 hours of volunteering") is None  # a quantity, not a time


# -- agendas and reports -----------------------------------------------------------------


def test_agenda_date_without_a_year_takes_it_from_the_publication_date() -> None:
    docs = parsed("agenda_date_without_year_published_before_new_year.txt").documents
    assert [d.kind for d in docs] == ["agenda"]
    d = docs[0]
    assert (d.committee, d.council) == (
        "Licensing and Appeals Committee",
        "Wrexford Borough Council",
    )
    # "Date: Thurs 9 Jan" in an agenda published on 20 December 2024: the next 9 January.
    assert meeting(d) == ("2025-01-09", "10:00", "Committee Room 2, Wrexford Town Hall")
    assert d.agenda is not None and d.agenda.published == "2024-12-20"
    assert [(i.number, i.title) for i in d.agenda.items] == [
        ("1", "Apologies for absence"),
        ("2", "Declarations of interest"),
        ("3", "Minutes of the meeting held on 5 December 2024"),
        ("4", "Review of the Statement of Licensing Policy"),
    ]
    assert date_without_year("Tues 3 Dec", "2024-11-25") == "2024-12-03"
    assert date_without_year("3 Dec 2024", "2024-11-25") is None  # a year: parse_date's


def test_short_report_contact_officer_at_the_foot_is_not_in_its_header() -> None:
    docs = parsed("report_short_contact_officer_foot_appendix_line.txt").documents
    assert [d.kind for d in docs] == ["report"]
    d = docs[0]
    r = d.report
    assert r is not None
    assert (d.title, d.committee, r.date, r.from_, r.wards, r.item_number) == (
        "Empty Homes Strategy Review",
        "Housing Scrutiny Panel",
        "2025-01-14",
        "Director of Housing and Communities",
        "All",
        "6",
    )
    # "Contact officer:" at the foot of a short report: the numbered sections between it
    # and the header labels are the body (before, the whole report was read as header).
    assert [s.heading for s in r.sections] == [
        "Purpose of the report",
        "Recommendations",
        "Background",
        "Contact officer",
    ]
    assert [x.text for x in r.recommendations] == [
        "That the Panel notes the review of the Empty Homes Strategy.",
        "That the Panel comments on the draft action plan at Appendix 1.",
    ]
    # A lone "Appendix 1 – ..." line under it lists the appendix.
    assert r.appendices == ("Appendix 1 – Empty Homes Action Plan 2025-2027",)
    assert r.sections[-1].text == (
        "Sam Okonjo, Empty Homes Officer, Tel: 01632 960123\n"
        "Appendix 1 – Empty Homes Action Plan 2025-2027"
    )


def test_meeting_named_between_council_and_date_in_a_flattened_cover_page() -> None:
    # REVIEW.md [25-b]: "<council> <meeting> <date> <title> 1. Purpose ..." on one line.
    d = _report(
        "12\n"
        "Eastmere Council Full Council 17 June 2025 Annual Report of the Fostering Panel "
        "April 2024 to March 2025 1. Purpose of Report 1.1 This report gives the annual "
        "update of the Fostering Panel to Council. 2. Background 2.1 The Panel met eleven "
        "times in the year and recommended the approval of nineteen new fostering households. "
        "2.2 The Panel's membership was refreshed in September, when two independent members "
        "with experience of care joined it. 3. Quality assurance 3.1 The Panel adviser "
        "reviewed every assessment presented to the Panel and reported to the agency decision "
        "maker on themes arising. 4. Recommendation 4.1 That Council notes the report.\n"
    )
    assert d.report is not None
    assert (d.council, d.report.meeting_name, d.committee, d.report.date) == (
        "Eastmere Council",
        "Full Council",
        "Full Council",
        "2025-06-17",
    )
    assert d.title == "Annual Report of the Fostering Panel April 2024 to March 2025"


def test_appendix_guard_admits_every_spelling_the_pattern_reads() -> None:
    for text in ("Appendix 1 – X", "APPENDIX B: Y", "Annex 2 - Z", "ANNEX C – W"):
        assert _may_name_an_appendix(text)
    assert not _may_name_an_appendix("Contact officer: Sam Okonjo")
