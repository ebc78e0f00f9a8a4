"""More papers in layouts that neither corpus folder has (synthetic: see unseen/README.md).

As in `test_unseen_layouts.py`, each test states the facts a careful reader takes
from the paper; the rules that pass them are general ones, and nothing in the
parser names these invented councils, people or places.
"""

from __future__ import annotations

from minutebook.parser.models import Document
from tests.parser.test_unseen_layouts import attendance, items, meeting, only_minutes, parsed


def _report_of(name: str) -> Document:
    docs = parsed(name).documents
    assert [d.kind for d in docs] == ["report"]
    assert docs[0].report is not None
    return docs[0]


def test_older_minutes_in_the_chair_line_and_minute_no_numbers() -> None:
    d = only_minutes("district_minutes_in_the_chair_minute_no.txt")
    assert (d.committee, d.council) == ("Planning Committee", "Brackenford District Council")
    assert meeting(d) == ("2025-01-14", "18:30", "the Council Chamber, Town Hall, Brackenford")
    assert attendance(d) == [
        # "Councillor Mrs. A. M. Pettigrew (in the Chair)" stands above "Members present:".
        ("A. M. Pettigrew", "Councillor Mrs", "present", "member", "Chair"),
        ("R. J. Allard", "Councillor", "present", "member", None),
        ("B. Chowdhury", "Councillor", "present", "member", None),
        ("S. E. Dunmore", "Councillor Mrs", "present", "member", None),
        ("K. Fenwick", "Councillor", "present", "member", None),
        ("P. Hollis", "Councillor", "present", "member", None),
        ("T. Quayle", "Councillor Ms", "present", "member", None),
        ("D. Lomax", "Councillor", "present", "other", "Ward Member"),
        ("J. Seddon", None, "present", "officer", "Development Manager"),
        ("M. Ferris", None, "present", "officer", "Principal Planning Officer"),
        ("C. Okon", None, "present", "officer", "Legal Adviser"),
        ("H. Rudd", None, "present", "officer", "Committee Officer"),
        ("G. Barraclough", "Councillor", "apologies", "member", None),
        ("N. Vickers", "Councillor", "apologies", "member", None),
    ]
    assert items(d) == [
        ("45/24", "Apologies for Absence", []),
        ("46/24", "Declarations of Interest", []),
        (
            "47/24",
            "Minutes",
            [
                "That the Minutes of the meeting held on 10th December 2024 be confirmed as a "
                "correct record and signed by the Chairman."
            ],
        ),
        (
            "48/24",
            "Application 24/0917/FUL – Land at Mill Lane, Ashby Parva",
            [
                "That planning permission be granted subject to the conditions set out in the "
                "report and an additional condition requiring a construction management plan."
            ],
        ),
        ("49/24", "Appeal Decisions", ["That the report be noted."]),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("K. Fenwick", "48/24", "other")
    ]
    assert d.minutes.end_time == "20:05"  # "8.05 p.m."


def test_minute_no_with_the_councils_year_is_the_items_number() -> None:
    from minutebook.parser.minute_items import WORD_NUMBER

    m = WORD_NUMBER.match("Minute No. 45/24 – Apologies for Absence")
    assert m is not None and (m["num"], m["title"]) == ("45/24", "Apologies for Absence")


def test_a_declarer_with_initials_is_not_cut_at_the_initials_stop() -> None:
    from minutebook.parser.declarations import extract_declarations
    from minutebook.parser.lines import Line

    text = "Councillor K. Fenwick declared a non-pecuniary interest in Minute No. 48/24."
    found = extract_declarations([Line(1, text)])
    assert [(x.name, x.item) for x in found] == [("K. Fenwick", "48/24")]


def test_minutes_with_roman_numeral_items_and_inline_numbered_decisions() -> None:
    d = only_minutes("audit_minutes_roman_numeral_items_inline_resolved.txt")
    assert (d.committee, d.council) == ("Audit and Governance Committee", "Lowmoor Borough Council")
    # "Room 1.04" is a room, not a time.
    assert meeting(d) == ("2025-10-22", "14:00", "Room 1.04, Lowmoor House")
    assert attendance(d) == [
        ("Hana Becker", "Councillor", "present", "member", "Chair"),
        ("Owen Pryce", "Councillor", "present", "member", "Vice-Chair"),
        ("Callum Reid", "Councillor", "present", "member", None),
        ("Jasmine Toor", "Councillor", "present", "member", None),
        # "Independent Member: Mr Neil Ashdown" is a label of its own, not more councillors.
        ("Neil Ashdown", "Mr", "present", "co-opted", "Independent Member"),
        ("Sarah Quill", None, "present", "officer", "Chief Finance Officer"),
        ("Tom Bracewell", None, "present", "officer", "Head of Internal Audit"),
        ("Aisha Maqsood", None, "present", "officer", "Governance Officer"),
        ("Louise Fane", "Councillor", "apologies", "member", None),
    ]
    assert items(d) == [
        ("I", "APOLOGIES FOR ABSENCE", []),
        ("II", "DECLARATIONS OF INTEREST", []),
        (
            "III",
            "MINUTES OF THE MEETING HELD ON 16 JULY 2025",
            ["That the minutes be approved as a correct record."],
        ),
        (
            "IV",
            "INTERNAL AUDIT PROGRESS REPORT",
            [
                "That the progress report be noted.",
                "That the Committee receive a follow-up report on the two limited assurance "
                "audits at its January meeting.",
            ],
        ),
        (
            "V",
            "STATEMENT OF ACCOUNTS 2024/25",
            [
                "That the Statement of Accounts 2024/25 be approved",
                "That the Chair be authorised to sign the letter of representation on behalf "
                "of the Committee.",
            ],
        ),
        ("VI", "DATE OF NEXT MEETING", []),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [(None, "II", "none")]
    assert d.minutes.end_time == "15:40"


def test_roman_numerals_have_their_values() -> None:
    from minutebook.parser.minute_items import roman_value

    assert [roman_value(n) for n in ("I", "IV", "IX", "XIV", "XL", "LXII")] == [
        1,
        4,
        9,
        14,
        40,
        62,
    ]
    assert roman_value("IT") is None


def test_joint_committee_lists_each_councils_members_under_its_name() -> None:
    d = only_minutes("joint_committee_minutes_two_councils.txt")
    assert d.committee == "Joint Waste Committee"
    assert d.council == "Kestrel Borough Council and Fernmoor District Council"
    assert meeting(d) == ("2025-11-27", "10:00", "Fernmoor House, Market Street, Fernmoor")
    assert attendance(d) == [
        ("Aled Pryor", "Councillor", "present", "member", "Chair"),
        ("Bernadette Cosgrove", "Councillor", "present", "member", None),
        # Not "Faisal Mirza Fernmoor District Council": the next council's name heads its list.
        ("Faisal Mirza", "Councillor", "present", "member", None),
        ("Gwen Lathbury", "Councillor", "present", "member", "Vice-Chair"),
        ("Harold Nkemelu", "Councillor", "present", "member", None),
        ("Ines Varga", "Councillor", "present", "member", None),
        ("Jon Whitlock", None, "present", "officer", "Joint Waste Services Manager"),
        (
            "Kerry Abbot",
            None,
            "present",
            "officer",
            "Finance Business Partner, Kestrel Borough Council",
        ),
        (
            "Leon Featherstone",
            None,
            "present",
            "officer",
            "Democratic Services Officer, Fernmoor District Council",
        ),
        ("Margaret Ibbotson", "Councillor", "apologies", "member", "Fernmoor District Council"),
    ]
    assert items(d) == [
        ("18", "DECLARATIONS OF INTEREST", []),
        (
            "19",
            "MINUTES",
            [
                "That the minutes of the meeting held on 25 September 2025 be approved and "
                "signed by the Chair."
            ],
        ),
        ("20", "PERFORMANCE REPORT – QUARTER 2", ["That the report be noted."]),
        (
            "21",
            "JOINT BUDGET 2026/27",
            [
                # The lead-in on the marker's line says these are recommendations.
                "to RECOMMEND to each partner council that the joint budget of £8.42m for"
                " 2026/27 be approved",
                "to RECOMMEND to each partner council that the cost-sharing ratio of 58:42 be"
                " retained.",
            ],
        ),
    ]
    assert d.minutes is not None and d.minutes.end_time == "11:35"


def test_pack_with_the_previous_minutes_gives_two_meetings() -> None:
    docs = parsed("executive_pack_front_sheet_and_previous_minutes.txt").documents
    assert [(d.kind, d.span.first_line, d.span.last_line) for d in docs] == [
        ("agenda", 1, 41),  # the front sheet's "Date:/Time:/Venue:" rows belong to it
        ("minutes", 43, 84),  # from "Agenda Item 3" at the top of its page
        ("report", 86, 106),  # not from the "Page 3" footer of the page before
    ]
    agenda, minutes, report = docs
    assert (agenda.committee, agenda.council) == ("Executive", "Ashcombe City Council")
    assert meeting(agenda) == ("2026-03-09", "17:30", "Committee Room 1, Guildhall, Ashcombe")
    assert agenda.agenda is not None
    # The "Date:" beside "Time:" and "Venue:" is the meeting's, not a publication date.
    assert agenda.agenda.published is None
    assert [(m.name, m.honorific, m.role) for m in agenda.agenda.membership] == [
        ("Rachel Bhatt", "Councillor", "member"),
        ("Simon Eade", "Councillor", "member"),
        ("Marta Kowalczyk", "Councillor", "member"),
        ("Jide Okonjo", "Councillor", "member"),
        ("Helen Truscott", "Councillor", "member"),
    ]
    assert [(c.name, c.email, c.phone) for c in agenda.agenda.contacts] == [
        ("Martin Royle", "martin.royle@ashcombe.gov.uk", "01632 960777")
    ]
    assert [(i.number, i.title, i.pages, i.part) for i in agenda.agenda.items] == [
        ("1", "Apologies for absence", None, "open"),
        ("2", "Declarations of interest", None, "open"),
        ("3", "Minutes", "3-6", "open"),
        ("4", "Revenue Budget Monitoring 2025/26 – Quarter 3", "7-24", "open"),
        ("5", "Riverside Car Park Redevelopment", "25-40", "open"),
        ("6", "Exclusion of the press and public", None, "open"),
        ("7", "Riverside Car Park Redevelopment – Commercial Terms", "41-58", "closed"),
    ]
    assert agenda.agenda.items[6].description == "Exempt information – paragraph 3"

    # The minutes are of the earlier meeting: its own date and its own attendance.
    assert minutes.committee == "Executive"
    assert meeting(minutes) == ("2026-02-09", "17:30", "Committee Room 1, Guildhall, Ashcombe")
    assert attendance(minutes) == [
        ("Rachel Bhatt", "Councillor", "present", "member", "Leader; Chair"),
        ("Simon Eade", "Councillor", "present", "member", None),
        ("Marta Kowalczyk", "Councillor", "present", "member", None),
        ("Helen Truscott", "Councillor", "present", "member", None),
        ("Peter Vance", "Councillor", "present", "other", "Leader of the Opposition"),
        ("Claire Dunmore", None, "present", "officer", "Chief Executive"),
        ("Imran Siddiqui", None, "present", "officer", "Director of Finance"),
        ("Martin Royle", None, "present", "officer", "Democratic Services Officer"),
        ("Jide Okonjo", "Councillor", "apologies", "member", None),
    ]
    assert items(minutes) == [
        ("71", "Declarations of interest", []),
        (
            "72",
            "Minutes",
            [
                "That the minutes of the meeting held on 12 January 2026 be confirmed as a "
                "correct record."
            ],
        ),
        (
            "73",
            "Budget 2026/27 and Medium Term Financial Strategy",
            [
                "to RECOMMEND to Council that the revenue budget for 2026/27 of £142.6m be"
                " approved",
                "to RECOMMEND to Council that the Band D council tax for the City Council's"
                " services be increased by 2.99%.",
            ],
        ),
    ]
    assert minutes.minutes is not None and minutes.minutes.end_time == "18:50"

    r = report.report
    assert r is not None
    assert (report.title, report.committee, r.item_number, r.date, r.from_, r.wards) == (
        "Revenue Budget Monitoring 2025/26 – Quarter 3",
        "Executive",
        "4",
        "2026-03-09",
        "Director of Finance",
        "All",
    )
    assert [x.text for x in r.recommendations] == [
        "The Executive is asked to note the forecast overspend of £1.3m and the actions "
        "being taken to reduce it."
    ]


def test_pandoc_markdown_of_word_minutes() -> None:
    d = only_minutes("town_council_minutes_pandoc_markdown.md")
    assert (d.committee, d.council) == (
        "Finance and General Purposes Committee",
        "Millbrook Town Council",
    )
    # "2^nd^ February 2026" (a superscript), the heading wrapped over three lines.
    assert meeting(d) == ("2026-02-02", "19:00", "the Council Chamber, Millbrook Town Hall")
    assert attendance(d) == [
        ("P. Dobson", "Cllr", "present", "member", "Chair"),
        ("R. Evans", "Cllr", "present", "member", None),
        ("S. Kaur", "Cllr", "present", "member", None),
        ("T. Lindqvist", "Cllr", "present", "member", None),
        ("W. Oduya", "Cllr", "present", "member", None),
        ("J. Marlow", "Mrs", "present", "officer", "Town Clerk"),
        ("K. Swann", "Mr", "present", "officer", "Responsible Financial Officer"),
        # "received and accepted from Cllr A. Greenhalgh (work commitments) and ...": the
        # bracket gives the reason, not a role.
        ("A. Greenhalgh", "Cllr", "apologies", "member", None),
        ("M. Petrie", "Cllr", "apologies", "member", None),
    ]
    assert items(d) == [
        ("FG/25/61", "Apologies for absence", []),
        ("FG/25/62", "Declarations of interest", []),
        (
            "FG/25/63",
            "Minutes",
            # "[Resolved]{.underline}": Word's underlining, as pandoc writes it.
            [
                "That the minutes of the meeting held on 1st December 2025 be approved and "
                "signed by the Chair as a true record."
            ],
        ),
        (
            "FG/25/64",
            "Budget monitoring to 31st December 2025",
            [
                "That the budget monitoring report be noted",
                "That £5,000 be transferred from general reserves to the play equipment "
                "earmarked reserve.",
            ],
        ),
        (
            "FG/25/65",
            "Grant applications",
            # "(Cllr Kaur did not vote.)" after the decision is a note, not part of it.
            ["That a grant of £750 be awarded to Millbrook Community Larder."],
        ),
        ("FG/25/66", "Date of next meeting", []),
    ]
    assert d.minutes is not None
    # "Cllr Kaur declared ...": the one Kaur present.
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("S. Kaur", "FG/25/65", "other")
    ]
    assert d.minutes.end_time == "20:42"


def test_pandoc_underlined_span_reads_as_its_text() -> None:
    from minutebook.parser.readers.markup import markdown_line_to_text

    assert markdown_line_to_text("[Resolved]{.underline} that it be noted.") == (
        "Resolved that it be noted."
    )


def test_web_page_of_another_system_meeting_details_table_and_attendance_table() -> None:
    d = only_minutes("cmis_web_page_minutes.html")
    # Not "Meeting details" (the page's name before the committee's in its title).
    assert (d.committee, d.council) == ("Planning Committee", "Harrowfield Borough Council")
    # "Date / Time / Venue" as a two-column table (no colons).
    assert meeting(d) == ("2025-10-15", "19:00", "Council Chamber, Harrowfield Civic Offices")
    assert attendance(d) == [
        ("Nadia Esposito", "Councillor", "present", "member", "Chair"),
        ("Graham Holt", "Councillor", "present", "member", "Vice-Chair"),
        # "Member" in the role column says the capacity, no post (0.3.9).
        ("Tariq Bashir", "Councillor", "present", "member", None),
        ("Julia Marsden", "Councillor", "apologies", "member", None),
        ("Owen Tremlett", "Councillor", "present", "member", None),
        ("Fiona Blake", "Councillor", "present", "substitute", "Substitute"),
        ("Leo Kwan", "Councillor", "absent", "member", None),
    ]
    assert d.minutes is not None
    # "Councillor Fiona Blake attended as her substitute."
    assert [a.replaces for a in d.minutes.attendance if a.capacity == "substitute"] == [
        "Julia Marsden"
    ]
    assert items(d) == [
        ("56", "Apologies and substitutions", []),
        ("57", "Declarations of interest", []),
        (
            "58",
            "25/00412/FUL - Former Dairy, Station Road, Harrowfield",
            ["That planning permission be granted subject to the conditions in the report."],
        ),
        (
            "59",
            "25/00507/HOU - 14 Larch Close, Harrowfield",
            [
                "That planning permission be refused for the reason that the extension would "
                "harm the character of the street scene."
            ],
        ),
    ]


def test_report_with_purpose_recommendations_and_an_implications_table() -> None:
    d = _report_of("district_report_purpose_implications_table.txt")
    r = d.report
    assert r is not None
    assert (d.title, d.committee, d.council) == (
        "Garden Waste Collection Charges 2026/27",
        "Cabinet",  # "REPORT TO: CABINET"
        "Thornleigh District Council",
    )
    assert (r.item_number, r.date, r.meeting_name, r.from_, r.wards) == (
        "9",
        "2026-02-04",
        "CABINET",
        "Head of Environmental Services",
        "All",
    )
    assert r.audit_trail is not None and r.audit_trail.key_decision is True
    # "Recommendation(s)" over "That Cabinet:" and a numbered list.
    assert [x.text for x in r.recommendations] == [
        "That Cabinet approves an annual charge of £52 per bin for the garden waste collection "
        "service from 1 April 2026",
        "That Cabinet approves a 50% concession for households in receipt of council tax support",
        "That Cabinet delegates to the Head of Environmental Services, in consultation with the "
        "Portfolio Holder, the timing of the renewal campaign.",
    ]
    assert [(s.heading, s.level) for s in r.sections] == [
        ("Purpose of Report", None),
        ("Recommendation(s)", None),
        ("Reasons for Recommendation(s)", None),
        ("Background", 1),
        ("Options considered", 1),
        ("Implications", 1),
        ("Background papers", None),
        ("Contact officer", None),  # "Contact officer: ..." is not one of the papers
    ]
    assert r.sections[6].text == "Garden Waste Service Review, Cabinet, 5 February 2025."
    assert r.sections[7].text == (
        "Dev Patel, Waste Services Manager, Tel: 01632 960555, dev.patel@thornleigh.gov.uk"
    )
    # A "label<tab>text" table has no header row: "Financial" is its first row.
    [table] = r.tables
    assert table.header == ("", "")
    assert [row[0] for row in table.rows] == [
        "Financial",
        "Legal",
        "Equalities",
        "Climate change",
        "Risk",
    ]
    assert table.rows[3][1] == "None arising directly from this report."


def test_forward_plan_of_key_decisions_as_a_table() -> None:
    docs = parsed("forward_plan_key_decisions_table.txt").documents
    assert [(d.kind, d.subkind) for d in docs] == [("report", "work_plan")]
    d = docs[0]
    assert (d.title, d.committee, d.council) == (
        "FORWARD PLAN OF KEY DECISIONS",
        None,  # not the first row of the table
        "Greystone County Council",
    )
    # "For the period 1 April 2026 to 31 July 2026" is the plan's period, not its date.
    assert d.meeting.date == "2026-02-27"
    assert d.report is not None
    [table] = d.report.tables
    # "Key decision" in the columns' names is no "Key decision:" label of a header.
    assert table.header == (
        "Decision",
        "Decision maker",
        "Date of decision",
        "Key decision",
        "Exempt",
        "Lead officer",
    )
    assert len(table.rows) == 5
    assert table.rows[2] == (
        "Disposal of the former Kingsmead Depot",
        "Cabinet Member for Resources",
        "30 April 2026",
        "Yes",
        "Yes – paragraph 3",
        "Head of Property",
    )
    assert [(e.meeting_date, e.items) for e in d.work_plan] == [
        ("2026-04-14", ("Highways Capital Programme 2026/27", "Home to School Transport Policy")),
        ("2026-04-30", ("Disposal of the former Kingsmead Depot",)),
        ("2026-05-12", ("Adult Social Care Fees 2026/27",)),
        ("2026-06-09", ("Library Service Strategy 2026-2030",)),
    ]


def test_work_programme_table_with_the_date_printed_once_per_meeting() -> None:
    docs = parsed("work_programme_table_grouped_dates_purpose.txt").documents
    assert [(d.kind, d.subkind) for d in docs] == [("report", "work_plan")]
    d = docs[0]
    assert (d.committee, d.council) == ("Health Scrutiny Committee", None)
    assert d.report is not None
    [table] = d.report.tables
    assert table.header == ("Meeting date", "Item", "Purpose", "Lead officer")
    # A row with every cell but the date filled is a row of its own under a merged date cell.
    assert [row[:2] for row in table.rows] == [
        ("2 July 2026", "Urgent and emergency care winter review"),
        ("", "Dental access in the county"),
        ("1 October 2026", "Public Health annual report"),
        ("", "Mental health crisis services"),
        ("", "Work programme"),
        ("14 January 2027", "Ambulance response times"),
    ]
    # The plan's items come from the "Item" column only, also on rows under a merged date.
    assert [(e.meeting_date, e.items) for e in d.work_plan] == [
        ("2026-07-02", ("Urgent and emergency care winter review", "Dental access in the county")),
        (
            "2026-10-01",
            ("Public Health annual report", "Mental health crisis services", "Work programme"),
        ),
        ("2027-01-14", ("Ambulance response times",)),
    ]


def test_a_wrapped_cell_still_continues_its_row() -> None:
    from minutebook.parser.tables import _continues

    assert _continues(["", "annual report", ""], ["16 June 2026", "Fostering Service", "Head"])
    assert not _continues(
        ["", "Dental access", "To receive an update", "NHS England"],
        ["2 July 2026", "Winter review", "To review", "ICB"],
    )


def test_word_minutes_with_attendance_labels_as_columns_side_by_side() -> None:
    d = only_minutes("minutes_word_attendance_columns_side_by_side.docx")
    assert (d.committee, d.council) == (
        "Licensing and Regulatory Committee",
        "Fenbridge District Council",
    )
    assert meeting(d) == ("2026-03-04", "10:00", "the Council Chamber, Fenbridge House")
    # "Present | Apologies | In attendance" heads three columns: each lists its own people.
    assert attendance(d) == [
        ("Rhiannon Ellery", "Councillor", "present", "member", "Chair"),
        ("Ola Adebayo", "Councillor", "present", "member", None),
        ("Stuart Lennox", "Councillor", "present", "member", None),
        ("Yvette Moran", "Councillor", "present", "member", None),
        ("Peter Aske", "Councillor", "apologies", "member", None),
        ("Gail Mercer", "Councillor", "apologies", "member", None),
        ("Sunita Rao", None, "present", "officer", "Licensing Team Leader"),
        ("David Quint", None, "present", "officer", "Solicitor"),
        ("Kim Bower", None, "present", "officer", "Democratic Services Officer"),
    ]
    assert items(d) == [
        ("14", "Declarations of interest", []),
        (
            "15",
            "Minutes",
            [
                "That the minutes of the meeting held on 14 January 2026 be approved as a "
                "correct record."
            ],
        ),
        (
            "16",
            "Review of Taxi Licensing Policy",
            [
                "That the revised Hackney Carriage and Private Hire Licensing Policy be "
                "recommended to Council for adoption."
            ],
        ),
    ]
    assert d.minutes is not None and d.minutes.end_time == "11:20"
