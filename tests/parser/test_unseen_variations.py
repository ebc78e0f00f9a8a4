"""Ordinary minutes, agendas and reports with the variations that text extraction and
writing habits produce (synthetic: see unseen/README.md): running headers of one and two
lines, hyphenated line ends, ligatures, letter-spaced headings, papers in capitals, dates
and times in other forms, titles and offices before names, Welsh, Gaelic and Irish names,
posts printed before their holders, remote attendance, substitutions without brackets,
numbers such as "23/24/45", "(41)", "4(a)" and "Item 6".

As in `test_unseen_layouts.py`, each test states the facts a careful reader takes from
the paper; the rules that pass them are general ones, and nothing in the parser names
these invented councils, people or places.
"""

from __future__ import annotations

from minutebook.parser.lines import Line, join_wrapped
from minutebook.parser.models import Document
from tests.parser.test_unseen_layouts import attendance, items, meeting, only_minutes, parsed


def _agenda_items(d: Document) -> list[tuple[str | None, str, str | None]]:
    assert d.agenda is not None
    return [(i.number, i.title, i.pages) for i in d.agenda.items]


def test_pdf_text_minutes_with_a_two_line_running_header_and_year_coded_minutes() -> None:
    name = "minutes_pdf_text_running_header_hyphenation_ligatures.txt"
    result = parsed(name)
    d = only_minutes(name)
    # The two-line running header stays once, at the top of the first page, where it names
    # the council; "Page N of 2" and the header's repeat on page 2 go.
    assert result.text.count("Thornleigh Metropolitan Borough Council") == 1
    assert "Page 1 of 2" not in result.text and "\ufb01" not in result.text  # "ﬁ" -> "fi"
    assert (d.committee, d.council) == (
        "Children and Young People Scrutiny Committee",
        "Thornleigh Metropolitan Borough Council",
    )
    # "The meeting commenced at 10.00am." under the heading gives the time.
    assert meeting(d) == ("2024-12-03", "10:00", "Committee Room 1, Thornleigh Town Hall")
    assert attendance(d) == [
        ("Bronwen Ap Rhys", "Cllr", "present", "member", "Chairperson"),
        ("Declan O'Rourke", "Cllr", "present", "member", "Deputy Chair"),
        ("Amina Farouk", "Councillor", "present", "member", None),
        ("Gregor MacInnes", "Councillor", "present", "member", None),
        ("Patricia Hale-Worthington", "Councillor Mrs", "present", "member", None),
        ("Liam McAteer", "Councillor", "present", "member", None),
        ("Jonathan Fairweather", "Councillor Rev", "present", "member", None),
        (
            "Siobhan Ní Bhriain",
            "Cllr",
            "present",
            "other",
            "Cabinet Member for Children and Families",
        ),
        # "Director of Children's Services – Margaret Oyelaran": the post, then its holder.
        ("Margaret Oyelaran", None, "present", "officer", "Director of Children's Services"),
        ("Kwame Asante", "Dr", "present", "officer", "Designated Doctor for Looked After Children"),
        ("Rachel Whitcombe", None, "present", "officer", "Scrutiny Officer"),
        # "from Cllrs. Harriet Penhaligon and Owain ap / Gwilym.": "Cllrs." ends no sentence.
        ("Harriet Penhaligon", "Councillor", "apologies", "member", None),
        ("Owain ap Gwilym", "Councillor", "apologies", "member", None),
    ]
    # "Cllr. Mrs. X MBE JP": the honours are kept apart from the name.
    assert d.minutes is not None
    assert [a.post_nominals for a in d.minutes.attendance if a.post_nominals] == ["MBE JP"]
    assert items(d) == [
        ("23/24/45", "APOLOGIES FOR ABSENCE", []),
        ("23/24/46", "DECLARATIONS OF INTEREST", []),
        (
            "23/24/47",
            "MINUTES OF THE PREVIOUS MEETING",
            [
                "That the minutes of the meeting held on 5th November 2024 be confirmed as a correct record."
            ],
        ),
        (
            "23/24/48",
            "CHILDREN IN CARE SUFFICIENCY STRATEGY",
            [
                "That the Sufficiency Strategy 2025-2028 be endorsed.",
                "That a progress report on the recruitment of foster carers be submitted to the "
                "Committee in June 2025.",
            ],
        ),
        (
            "23/24/49",
            "WORK PROGRAMME",
            [
                "That the work programme be agreed, subject to the addition of an item on school "
                "exclusions."
            ],
        ),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("Liam McAteer", "23/24/48", "other")
    ]
    assert d.minutes.end_time == "12:42"
    # The paragraph broken by the page break reads on without the running header inside it.
    discussion = d.minutes.items[3].discussion
    assert "previous year" in discussion and "Scrutiny Committee –" not in discussion


def test_resolved_with_the_first_numbered_decision_on_the_marker_line() -> None:
    from minutebook.parser.resolutions import extract_resolutions

    text = [
        "RESOLVED – (i) That the strategy be endorsed.",
        "(ii) That a progress report be submitted",
        "to the Committee in June 2025.",
    ]
    found, _ = extract_resolutions([Line(k + 1, t) for k, t in enumerate(text)])
    assert [(r.number, r.text) for r in found] == [
        ("i", "That the strategy be endorsed."),
        ("ii", "That a progress report be submitted to the Committee in June 2025."),
    ]


def test_minutes_in_capitals_with_a_letter_spaced_heading_and_numeric_date() -> None:
    name = "minutes_capitals_letter_spaced_numeric_date.txt"
    d = only_minutes(name)
    assert "\nMINUTES\n" in parsed(name).text  # "M I N U T E S" read as the word
    # "OF A MEETING OF THE PLANNING AND ENVIRONMENT COMMITTEE" under it names the committee.
    assert (d.committee, d.council) == (
        "Planning and Environment Committee",
        "Kilbrannock Town Council",
    )
    assert meeting(d) == ("2024-12-03", "19:00", "THE COUNCIL CHAMBER, MARKET HOUSE, KILBRANNOCK")
    # Names stay as printed; titles printed in capitals are spelled as titles ("Cllr Mrs").
    assert attendance(d) == [
        ("J. SMITH-JONES", "Cllr", "present", "member", "CHAIRMAN"),
        ("E. O'DONNELL", "Cllr Mrs", "present", "member", "VICE-CHAIRMAN"),
        ("R. MACKENZIE", "Cllr", "present", "member", None),
        ("T. D'ARCY", "Cllr", "present", "member", None),
        ("P. NWOSU", "Cllr", "present", "member", None),  # "(FROM ITEM 5)" is no role
        ("H. BARNES", "Cllr", "present", "substitute", None),
        ("F. GOLDSWORTHY", "Cllr", "absent", "member", None),
        ("K. ELLWOOD", "Mrs", "present", "officer", "TOWN CLERK"),
    ]
    assert d.minutes is not None
    # "SUBSTITUTIONS: CLLR. H. BARNES FOR CLLR. W. TREGLOWN".
    assert [a.replaces for a in d.minutes.attendance if a.capacity == "substitute"] == [
        "W. TREGLOWN"
    ]
    assert items(d) == [
        ("41", "APOLOGIES FOR ABSENCE", []),
        ("42", "DECLARATIONS OF INTEREST", []),
        (
            "43",
            "MINUTES",
            [
                "THAT THE MINUTES OF THE MEETING HELD ON 5.11.2024 BE APPROVED AND SIGNED BY THE CHAIRMAN."
            ],
        ),
        (
            "44",
            "PLANNING APPLICATIONS",
            # "THE COMMITTEE AGREED TO ...": the sentence, as in lower case (see
            # test_unseen_leftovers.py), not "TO RAISE NO OBJECTION." cut at the marker.
            [
                "THE COMMITTEE AGREED TO RAISE NO OBJECTION.",
                "THE COMMITTEE AGREED TO OBJECT ON THE GROUNDS OF INADEQUATE PARKING.",
            ],
        ),
        (
            "45",
            "TREE PRESERVATION ORDER – ST. MARY'S CHURCHYARD",
            ["THAT THE TOWN COUNCIL SUPPORTS THE PROPOSED ORDER."],
        ),
        ("46", "DATE OF NEXT MEETING", []),
    ]
    assert d.minutes.end_time == "20:42"


def test_scottish_minute_with_remote_attendance_posts_before_names_and_outcome() -> None:
    d = only_minutes("scottish_minute_convener_remote_attendance.txt")
    # The council's name with an accented word ("Mòr"), under its Gaelic name.
    assert (d.committee, d.council) == (
        "Education, Sport and Children's Services Committee",
        "Mòr Islands Council",
    )
    # "at 10:00 hrs": the hours word leaves no "at hrs" in the venue.
    assert meeting(d) == (
        "2024-12-05",
        "10:00",
        "the Council Chamber, Council Offices, Port Alasdair",
    )
    assert attendance(d) == [
        ("Iain MacAulay", "Councillor", "present", "member", "Convener"),
        ("Catriona NicLeòid", "Councillor", "present", "member", "Vice Convener"),
        ("Domhnall Mac an t-Saoir", "Councillor", "present", "member", None),
        ("Kenneth Maciver", "Councillor", "present", "member", None),
        ("Angus J. Morrison", "Councillor Rev", "present", "member", None),
        # "Present remotely:" is a label: those under it are present members.
        ("Seonag Chaimbeul", "Councillor", "present", "member", None),
        ("Ruaraidh O'Hara", "Councillor", "present", "member", None),
        ("Peigi Dhòmhnallach", "Councillor", "apologies", "member", None),
        # "<post> – <title> <name>" one a line, a comma inside the post.
        (
            "Niall Gillies",
            "Mr",
            "present",
            "officer",
            "Chief Officer, Education and Children's Services",
        ),
        ("Morag Buchanan", "Ms", "present", "officer", "Head of Education Resources"),
        ("Shona Nicolson", "Mrs", "present", "officer", "Committee Clerk"),
        # "In attendance (virtually): Dr X, NHS Western Isles": another body's, no officer.
        ("Eilidh Munro", "Dr", "present", "other", "NHS Western Isles"),
    ]
    assert items(d) == [
        ("1", "DECLARATIONS OF INTEREST", []),
        (
            "2",
            "SCHOOL ESTATE STRATEGY 2025-2030",
            [
                "to approve the School Estate Strategy 2025-2030",
                "to instruct the Chief Officer to bring forward a consultation on the future of "
                "Tolsta Primary School.",
            ],
        ),
        ("3", "ATTAINMENT REPORT 2023/24", ["The Committee agreed to note the Report."]),
        (
            "4a",
            "GAELIC MEDIUM EDUCATION – ENROLMENTS",
            ["The Committee agreed to note the enrolment figures."],
        ),
        (
            "4b",
            "GAELIC MEDIUM EDUCATION – EARLY YEARS",
            ["The Committee agreed to seek a further Report on early years provision in Uist."],
        ),
    ]
    assert d.minutes is not None and d.minutes.end_time == "12:00"  # "12 Noon"


def test_full_council_minutes_with_the_mayor_and_titles_before_names() -> None:
    d = only_minutes("full_council_minutes_mayor_titles_time_range.txt")
    # "ASHCOMBE-ON-SEA" in capitals: "Ashcombe-on-Sea".
    assert (d.committee, d.council) == ("Council", "Royal Borough of Ashcombe-on-Sea")
    assert meeting(d) == ("2024-12-11", "14:00", "the Guildhall, Ashcombe-on-Sea")
    assert attendance(d) == [
        # "The Mayor (Councillor Dame X) (in the Chair)", one entry a line above a list.
        ("Eleanor Pryce-Whitley", "Councillor Dame", "present", "member", "Mayor; Chair"),
        ("Tomasz Wiśniewski", "Councillor Dr", "present", "member", "Deputy Mayor"),
        ("Geoffrey Aldous", "Councillor Sir", "present", "member", "Leader of the Council"),
        ("Adaeze Okonkwo", "Councillor Prof", "present", "member", "Deputy Leader of the Council"),
        ("Harrington of Brede", "Councillor Lord", "present", "member", None),
        ("Gwenllian ap Dafydd", "Councillor Mrs", "present", "member", None),
        ("Seán Ó Briain", "Councillor", "present", "member", None),
        ("Fiona McAllister-Bain", "Councillor", "present", "member", None),
        ("Peter Castleton", "Councillor Rt Hon", "present", "member", None),
        ("N'Golo Baptiste", "Councillor", "present", "member", None),
        ("Kirsty O'Shaughnessy-Reid", "Councillor", "present", "member", None),
        ("Hugh Bellamy", "Councillor Rev Canon", "apologies", "member", None),
        ("Ravi Chandrasekhar", "Councillor Mr", "apologies", "member", None),
        ("Adrian Lovell", None, "present", "officer", "Chief Executive"),
        ("Bethany Crane", None, "present", "officer", "Monitoring Officer"),
        ("Owen Tudor", None, "present", "officer", "Democratic Services Manager"),
    ]
    assert items(d) == [
        ("FC/45", "Mayor's Announcements", []),
        ("FC/46", "Declarations of Interest", []),
        (
            "FC/47",
            "Minutes",
            [
                "That the minutes of the meeting of the Council held on December 3, 2024 be "
                "approved as a correct record."
            ],
        ),
        (
            "FC/48",
            "Harbour Regeneration Scheme",
            [
                "That the Harbour Regeneration Scheme be approved",
                "That the capital programme be increased by £4.2m",
                "That the Chief Executive be authorised to complete the land transfer.",
            ],
        ),
        ("FC/49", "Questions from Members", []),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("Peter Castleton", "FC/48", "pecuniary")
    ]
    assert d.minutes.end_time == "16:15"


def test_agenda_with_short_dates_welsh_particles_and_sub_items_in_brackets() -> None:
    name = "agenda_short_dates_sub_items_officers_title_first.txt"
    front, business = parsed(name).documents
    assert (front.kind, front.subkind, business.subkind) == (
        "agenda",
        "front_sheet",
        "order_of_business",
    )
    assert (front.committee, front.council) == (
        "Overview and Scrutiny Committee",
        "Wexham Vale District Council",
    )
    # "Tues 3 Dec 2024", "10am"; "Published: 25th Nov. 2024".
    assert meeting(front) == ("2024-12-03", "10:00", "Committee Room 2, Vale House, Wexham")
    assert front.agenda is not None and front.agenda.published == "2024-11-25"
    # "Cllr. Morgan ap Iorwerth": a lower-case particle does not end the list of members.
    assert [(m.name, m.honorific, m.role) for m in front.agenda.membership] == [
        ("Anjali Desai", "Cllr", "chair"),
        ("Morgan ap Iorwerth", "Cllr", "vice-chair"),
        ("Colm O'Driscoll", "Cllr", "member"),
        ("Heather McKinnon-Lowe", "Cllr", "member"),
        ("Yusuf Adeyemi", "Cllr Dr", "member"),
    ]
    # "Contact: Democratic Services Officer – Priya Kanwar, Tel: ...": the person, not the post.
    assert [(c.name, c.email, c.phone) for c in front.agenda.contacts] == [
        ("Priya Kanwar", "democratic.services@wexhamvale.gov.uk", "01632 960 418")
    ]
    assert _agenda_items(business) == [
        ("1", "Apologies for absence and substitutions", None),
        ("2", "Declarations of interest", None),
        ("3", "Minutes of the meeting held on 05/11/24", "3-8"),
        ("4", "Community Safety Partnership", None),
        ("4(a)", "Community Safety Partnership Annual Report 2023/24", "9-30"),
        ("4(b)", "Anti-social Behaviour Case Review", "31-38"),
        ("5", "Leisure Contract Performance", "39-52"),
        ("6", "Work Programme 2024/25", "53-58"),  # "Item 6"
    ]


def test_pdf_report_with_a_dated_running_header_in_two_boxes_and_hyphenated_lines() -> None:
    name = "report_pdf_hyphenated_justified_running_footer.pdf"
    result = parsed(name)
    # "Council<tab>Committee – date" at the top of both pages: a running header, kept only
    # at the top of the first page, where it is the heading of the report under it.
    assert [(d.kind, d.subkind) for d in result.documents] == [("report", "report")]
    assert result.text.count("Pentreath County Council") == 1 and "Page 2 of 2" not in result.text
    d = result.documents[0]
    r = d.report
    assert r is not None
    assert (d.title, d.committee, d.council, d.meeting.date) == (
        "Home to School Transport Policy 2025/26",
        "Cabinet",
        "Pentreath County Council",
        "2025-01-14",
    )
    assert (r.item_number, r.from_, r.wards) == (
        "9",
        "Corporate Director – Children's Services",
        "All",
    )
    assert [(x.number, x.text) for x in r.recommendations] == [
        (
            "2.1(a)",
            "That Cabinet approves the Home to School Transport Policy 2025/26 at Appendix A",
        ),
        (
            "2.1(b)",
            "That Cabinet delegates to the Corporate Director – Children's Services, in consultation "
            "with the Cabinet Member for Education, authority to make minor amendments to the policy.",
        ),
    ]
    # Words the typesetter broke at a line end ("con‐" / "sultation") are whole again.
    purpose = r.sections[0]
    assert purpose.heading == "Purpose of the report"
    assert purpose.text.endswith("following public consultation.")
    assert [s.heading for s in r.sections] == [
        "Purpose of the report",
        "Recommendations",
        "Background",
        "Financial implications",
        "Background papers",
    ]


def test_line_end_hyphens_typesetting_breaks_and_compounds() -> None:
    assert join_wrapped(["residential accommo\u2010", "dation. Members"]) == (
        "residential accommodation. Members"
    )
    assert join_wrapped(["for post-", "sixteen learners"]) == "for post-sixteen learners"
    assert join_wrapped(["pre-", "and post-16"]) == "pre- and post-16"
    assert join_wrapped(["one", "two"]) == "one two"


def test_post_then_holder_and_office_then_person() -> None:
    from minutebook.parser.names import split_person

    assert split_person("Head of Education Resources – Ms Morag Buchanan") == split_person(
        "Ms Morag Buchanan – Head of Education Resources"
    )
    mayor = split_person("The Mayor (Councillor Dame Eleanor Pryce-Whitley) (in the Chair)")
    assert (mayor.name, mayor.honorific, mayor.role) == (
        "Eleanor Pryce-Whitley",
        "Councillor Dame",
        "Mayor; Chair",
    )
    # A councillor's role after the dash stays a role.
    leader = split_person("Councillor A Smith – Leader of the Council")
    assert (leader.name, leader.role) == ("A Smith", "Leader of the Council")
