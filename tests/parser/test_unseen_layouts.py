"""Papers in layouts that neither corpus folder has (synthetic: see unseen/README.md).

Each test states the facts a reader takes from the paper: meeting, committee,
council, every attendee with status and capacity, every item with its
resolutions, membership. The rules that pass them are general ones; nothing in
the parser names these invented councils, people or places.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from minutebook.parser.models import Document, ParseResult
from minutebook.parser.pipeline import parse_bytes, parse_file

UNSEEN = Path(__file__).resolve().parent / "unseen"

Person = tuple[str, str | None, str, str, str | None]


@cache
def parsed(name: str) -> ParseResult:
    return parse_file(UNSEEN / name)


def only_minutes(name: str) -> Document:
    docs = parsed(name).documents
    assert [d.kind for d in docs] == ["minutes"], [d.subkind for d in docs]
    assert docs[0].minutes is not None
    return docs[0]


def meeting(d: Document) -> tuple[str | None, str | None, str | None]:
    return d.meeting.date, d.meeting.time, d.meeting.venue


def attendance(d: Document) -> list[Person]:
    assert d.minutes is not None
    return [(a.name, a.honorific, a.status, a.capacity, a.role) for a in d.minutes.attendance]


def items(d: Document) -> list[tuple[str | None, str, list[str]]]:
    assert d.minutes is not None
    return [(i.number, i.title, [r.text for r in i.resolutions]) for i in d.minutes.items]


def test_cmis_minutes_labelled_header_and_item_words() -> None:
    d = only_minutes("cmis_minutes.txt")
    assert d.committee == "Licensing Committee"
    assert d.council == "Harbourside Borough Council"
    assert meeting(d) == ("2025-03-05", "18:00", "Committee Room 2, Civic Centre, Harbourside")
    assert attendance(d) == [
        ("Elaine Marsh", "Councillor", "present", "member", "Chair"),
        ("Tom Okafor", "Councillor", "present", "member", "Vice-Chair"),
        ("Priya Nair", "Councillor", "present", "member", None),
        ("Gareth Lloyd", "Councillor", "present", "member", None),
        ("Sandra Whitfield", "Councillor", "present", "member", None),
        ("Karen Doyle", None, "present", "officer", "Licensing Manager"),
        ("Mohammed Iqbal", None, "present", "officer", "Senior Solicitor"),
        ("Ruth Ellison", None, "present", "officer", "Democratic Services Officer"),
        ("Dean Porter", "Councillor", "apologies", "member", None),
        ("Lucy Hart", "Councillor", "apologies", "member", None),
    ]
    assert [(n, t, len(r)) for n, t, r in items(d)] == [
        ("1", "APOLOGIES FOR ABSENCE", 0),
        ("2", "DECLARATIONS OF INTEREST", 0),
        ("3", "MINUTES OF THE PREVIOUS MEETING", 1),
        ("4", "REVIEW OF THE STATEMENT OF LICENSING POLICY", 2),
        ("5", "FEES AND CHARGES 2025/26", 1),
    ]
    assert items(d)[3][2] == [
        "That the responses to the consultation be noted.",
        "That the revised Statement of Licensing Policy be recommended to Council for adoption.",
    ]
    assert d.minutes is not None and d.minutes.end_time == "19:15"


def test_printed_moderngov_minutes_plural_honorific_after_semicolon() -> None:
    d = only_minutes("moderngov_printed_minutes.txt")
    assert d.committee == "Overview and Scrutiny Committee"
    assert d.council == "Westmere District Council"
    assert meeting(d) == ("2025-06-12", "19:00", "the Council Offices, High Street, Westmere")
    assert attendance(d) == [
        ("J Fairbairn", "Councillor", "present", "member", "Chairman"),
        ("P Adeyemi", "Councillor", "present", "member", None),
        ("R Cole", "Councillor", "present", "member", None),
        ("S McBride", "Councillor", "present", "member", None),
        ("T Vaughan", "Councillor", "present", "member", None),
        ("H Kaur", "Councillor", "present", "other", "Portfolio Holder for Housing"),
        ("A Thornbury", None, "present", "officer", "Head of Housing"),
        ("L Greaves", None, "present", "officer", "Democratic Services Officer"),
        ("D Winter", "Councillor", "apologies", "member", None),
        ("M Osei", "Councillor", "apologies", "member", None),
    ]
    assert items(d) == [
        ("1", "Apologies for Absence", []),
        ("2", "Declarations of Interest", []),
        (
            "3",
            "Minutes",
            [
                "That the minutes of the meeting held on 10 April 2025 be approved as a correct record."
            ],
        ),
        (
            "4",
            "Housing Allocations Policy Review",
            [
                "the findings of the review be noted",
                "the Cabinet be asked to consider extending the consultation period to twelve weeks.",
            ],
        ),
        ("5", "Work Programme", ["That the work programme be agreed."]),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item) for x in d.minutes.declarations] == [("R Cole", "4")]
    assert d.minutes.end_time == "20:40"


def test_scottish_minute_of_meeting_with_decision_blocks() -> None:
    d = only_minutes("scottish_minute.txt")
    assert d.committee == "Education and Children's Services Committee"
    assert d.council == "Glenbrae Council"
    assert meeting(d) == (
        "2025-06-03",
        "10:00",
        "the COUNCIL CHAMBER, COUNCIL HEADQUARTERS, KIRKTON",
    )
    assert attendance(d) == [
        ("Fiona MacLeod", "Councillor", "present", "member", "Convener"),
        ("Alasdair Grant", "Councillor", "present", "member", "Vice-Convener"),
        ("Morag Fraser", "Councillor", "present", "member", None),
        ("Iain Sutherland", "Councillor", "present", "member", None),
        ("Catriona Bell", "Mrs", "present", "member", "Religious Representative"),
        ("Douglas Munro", None, "present", "officer", "Executive Director of Education"),
        ("Shona Kerr", None, "present", "officer", "Head of Legal and Regulatory Support"),
        ("Euan Ross", None, "present", "officer", "Committee Services Officer"),
        ("Kenneth Shaw", "Councillor", "apologies", "member", None),
        ("Ailsa Reid", "Councillor", "apologies", "member", None),
    ]
    assert items(d) == [
        ("1", "APOLOGIES FOR ABSENCE", []),
        ("2", "DECLARATIONS OF INTEREST", []),
        (
            "3",
            "SCHOOL ESTATE STRATEGY 2025-2035",
            [
                "to approve the School Estate Strategy 2025-2035",
                "to instruct the Executive Director to report progress to the Committee in "
                "twelve months.",
            ],
        ),
        ("4", "ATTAINMENT REPORT", ["The Committee agreed to note the report."]),
    ]


def test_welsh_bilingual_minutes() -> None:
    d = only_minutes("welsh_bilingual_minutes.txt")
    assert d.committee == "Communities Scrutiny Committee"
    assert d.council == "Brynglas County Council"
    assert meeting(d) == (
        "2025-04-14",
        "14:00",
        "Siambr y Cyngor, Neuadd y Sir / Council Chamber, County Hall",
    )
    assert attendance(d) == [
        ("Rhian Evans", "Councillor", "present", "member", "Cadeirydd / Chair"),
        ("Dafydd Pritchard", "Councillor", "present", "member", None),
        ("Sian Morgan", "Councillor", "present", "member", None),
        ("Owain Hughes", "Councillor", "present", "member", None),
        ("Gwenllian Roberts", None, "present", "officer", "Pennaeth Tai / Head of Housing"),
        (
            "Huw Jenkins",
            None,
            "present",
            "officer",
            "Swyddog Gwasanaethau Democrataidd / Democratic Services Officer",
        ),
        ("Eleri Jones", "Councillor", "apologies", "member", None),
    ]
    assert [(n, r) for n, _, r in items(d)] == [
        ("1", []),
        ("2", []),
        ("3", ["That the Local Housing Strategy be endorsed."]),
        ("4", ["That the Forward Work Programme be approved."]),
    ]
    assert items(d)[2][1] == "STRATEGAETH DAI LLEOL / LOCAL HOUSING STRATEGY"


def test_parish_council_minutes_clerk_public_and_votes() -> None:
    d = only_minutes("parish_council_minutes.txt")
    assert d.committee == "Little Ashcombe Parish Council"
    assert d.council == "Little Ashcombe Parish Council"
    assert meeting(d) == (
        "2025-01-14",
        "19:30",
        "the Village Hall, Church Lane, Little Ashcombe",
    )
    # "Members of the public: 3" is a count, not a person.
    assert attendance(d) == [
        ("Margaret Holloway", "Councillor", "present", "member", "Chairman"),
        ("Brian Teague", "Councillor", "present", "member", None),
        ("Nina Kowalski", "Councillor", "present", "member", None),
        ("Derek Pryce", "Councillor", "present", "member", None),
        ("Jane Whitlock", "Mrs", "present", "officer", "Clerk"),
        ("Ahmed Rahman", "Cllr", "present", "other", "District councillor"),
        ("Sue Barnes", "Cllr", "apologies", "member", None),
    ]
    # The vote ("Proposed by ..., seconded by ... Carried") is not part of the decision.
    assert items(d) == [
        ("25/01", "Apologies for absence", []),
        ("25/02", "Declarations of interest", []),
        (
            "25/03",
            "Minutes of the previous meeting",
            [
                "That the minutes of the meeting held on 10 December 2024 be signed as a true record."
            ],
        ),
        ("25/04", "Public participation", []),
        ("25/05", "Planning", ["That the Parish Council has no objection to the application."]),
        ("25/06", "Precept 2025/26", ["That the precept for 2025/26 be set at £18,500."]),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item) for x in d.minutes.declarations] == [("Brian Teague", "25/05")]
    assert d.minutes.end_time == "21:05"


def test_agenda_two_column_membership_quorum_and_exempt_part() -> None:
    docs = parsed("agenda_two_column_membership.txt").documents
    assert [d.subkind for d in docs] == ["front_sheet", "order_of_business"]
    front, business = docs
    assert front.committee == "Audit and Governance Committee"
    assert front.council == "Northfield City Council"
    assert meeting(front) == (
        "2025-09-22",
        "10:00",
        "Room 4.12, Northfield Town Hall, Market Square",
    )
    assert front.agenda is not None and business.agenda is not None
    # Read row by row; "Quorum: 3" ends the list.
    assert [(m.name, m.honorific, m.role) for m in front.agenda.membership] == [
        ("Anne Okonjo", "Councillor", "chair"),
        ("Peter Blythe", "Councillor", "member"),
        ("Ravi Sharma", "Councillor", "vice-chair"),
        ("Jessica Moore", "Councillor", "member"),
        ("Colin Hetherington", "Councillor", "member"),
        ("Graham Pike", "Mr", "member"),
    ]
    assert [(c.name, c.email, c.phone) for c in business.agenda.contacts] == [
        ("Laura Finch", "laura.finch@northfield.gov.uk", "01632 960 512")
    ]
    assert [(i.number, i.title, i.pages, i.part) for i in business.agenda.items] == [
        ("1", "Apologies for Absence", None, "open"),
        ("2", "Declarations of Interest", None, "open"),
        ("3", "Minutes of the Previous Meeting", "5-12", "open"),
        ("4", "Internal Audit Progress Report", "13-30", "open"),
        ("5", "External Audit Plan 2025/26", "31-48", "open"),
        ("6", "Exclusion of the Press and Public", None, "open"),
        ("7", "Fraud Investigation Update", "49-56", "closed"),
    ]


def test_minutes_with_attendance_grid() -> None:
    d = only_minutes("minutes_attendance_grid.txt")
    assert d.committee == "Pensions Committee"
    assert d.council == "Eastbrook County Council"
    assert meeting(d) == ("2025-10-09", "14:00", "the Shire Hall, Eastbrook")
    assert [(a.name, a.honorific, a.status, a.capacity) for a in d.minutes.attendance] == [  # type: ignore[union-attr]
        ("David Ashworth", "Councillor", "present", "member"),
        ("Helen Quigley", "Councillor", "present", "member"),
        ("Martin Foley", "Councillor", "apologies", "member"),
        ("Yasmin Begum", "Councillor", "present", "member"),
        ("Oliver Grant", "Councillor", "absent", "member"),
        ("Teresa Lowe", "Ms", "present", "co-opted"),
    ]
    assert items(d) == [
        ("1", "Apologies for absence", []),
        ("2", "Declarations of interest", []),
        (
            "3",
            "Investment Strategy Statement",
            ["That the revised Investment Strategy Statement be approved."],
        ),
        ("4", "Pension Fund Risk Register", ["That the risk register be noted."]),
    ]


def test_minutes_with_coded_item_numbers_and_action_lines() -> None:
    d = only_minutes("minutes_coded_items_actions.txt")
    assert d.committee == "Corporate Parenting Board"
    assert d.council == "Midshire County Council"
    assert meeting(d)[:2] == ("2023-11-15", "16:00")
    # A person listed only by their post is kept, with the post as name and role.
    assert attendance(d) == [
        ("Rebecca Hale", "Councillor", "present", "member", "Chair"),
        ("Simon Drake", "Councillor", "present", "member", None),
        ("Aisha Malik", "Councillor", "present", "member", None),
        ("Claire Benson", None, "present", "officer", "Director of Children's Services"),
        ("Mark Ellery", None, "present", "officer", "Head of Service for Looked After Children"),
        ("Virtual School Head", None, "present", "officer", "Virtual School Head"),
        ("Neil Forbes", "Councillor", "apologies", "member", None),
    ]
    assert items(d) == [
        ("CP/23/10", "WELCOME AND APOLOGIES", []),
        ("CP/23/11", "MINUTES OF THE LAST MEETING", ["That the minutes be signed by the Chair."]),
        (
            "CP/23/12",
            "CARE LEAVERS' LOCAL OFFER",
            ["That the refreshed Care Leavers' Local Offer be endorsed."],
        ),
        ("CP/23/13", "VIRTUAL SCHOOL ANNUAL REPORT", ["That the annual report be noted."]),
    ]
    assert d.minutes is not None and d.minutes.end_time == "17:30"
    # The "Action:" line is minuted discussion, not a decision.
    assert "Action: Mark Ellery" in d.minutes.items[2].discussion


def test_london_borough_cabinet_councillors_label_and_decision_block() -> None:
    d = only_minutes("london_borough_cabinet_minutes.txt")
    assert (d.committee, d.council) == ("Cabinet", "London Borough of Fenwick")
    assert meeting(d) == ("2025-02-04", "19:00", "the Town Hall, Fenwick Road")
    # "Councillors: A, B" gives each name the honorific.
    assert attendance(d) == [
        ("Amara Osei", "Councillor", "present", "member", "Leader; Chair"),
        ("Ben Hart", "Councillor", "present", "member", None),
        ("Claire Doyle", "Councillor", "present", "member", None),
        ("Deepak Mehta", "Councillor", "present", "member", None),
        ("Emma Fraser", "Councillor", "present", "member", None),
        ("Frank Lowe", "Councillor", "present", "other", None),
        ("Grace Hill", None, "present", "officer", "Chief Executive"),
        ("Harry Jones", None, "present", "officer", "Director of Finance"),
        ("Ian Wood", "Councillor", "apologies", "member", None),
    ]
    assert items(d) == [
        ("112", "DECLARATIONS OF INTEREST", []),
        (
            "113",
            "MINUTES",
            [
                "That the minutes of the meeting held on 7 January 2025 be agreed as a correct record."
            ],
        ),
        (
            "114",
            "BUDGET 2025/26 AND MEDIUM TERM FINANCIAL STRATEGY",
            [
                "That the budget for 2025/26 be recommended to Council.",
                "That the Medium Term Financial Strategy be noted.",
            ],
        ),
        ("115", "HOUSING REVENUE ACCOUNT", ["That the HRA budget be approved."]),
    ]
    assert d.minutes is not None and d.minutes.end_time == "20:15"


def test_town_council_agenda_wording_items_and_inline_resolutions() -> None:
    d = only_minutes("town_council_committee_minutes.txt")
    assert (d.committee, d.council) == (
        "Planning and Environment Committee",
        "Bramley Town Council",
    )
    assert meeting(d) == ("2025-03-03", "19:00", "Bramley Community Centre")
    # "Also in attendance: 2 members of the public" is a count, not a person; the
    # apology is listed inside the apologies item, with its reason (not a role).
    assert attendance(d) == [
        ("P Green", "Cllr", "present", "member", "Chair"),
        ("R Black", "Cllr", "present", "member", None),
        ("S White", "Cllr", "present", "member", None),
        ("T Brown", None, "present", "officer", "Town Clerk"),
        ("J Grey", "Cllr", "apologies", "member", None),
    ]
    assert items(d) == [
        ("PE/24/31", "To receive apologies for absence", []),
        ("PE/24/32", "Declarations of interest", []),
        (
            "PE/24/33",
            "Planning applications",
            ["No objection.", "Object on grounds of overdevelopment."],
        ),
        ("PE/24/34", "Date of next meeting", []),
    ]
    assert d.minutes is not None and d.minutes.end_time == "20:02"


def test_district_minutes_plural_councillors_inside_the_present_list() -> None:
    d = only_minutes("district_minutes_coded_numbers_plural_midlist.txt")
    assert d.committee == "Licensing Committee"
    assert d.council == "Harbourside District Council"
    assert meeting(d) == ("2024-04-17", "18:30", "the Civic Offices, Harbourside")
    assert attendance(d) == [
        ("J Smith", "Councillor", "present", "member", "Chairman"),
        ("P Brown", "Councillor", "present", "member", None),
        ("K Green", "Councillor", "present", "member", "Vice-Chairman"),
        ("L White", "Councillor Mrs", "present", "member", None),
        ("R Black", "Councillor", "present", "member", None),
        ("T Grey", "Councillor", "apologies", "member", None),
        ("S Pink", "Councillor", "apologies", "member", None),
    ]
    assert d.minutes is not None
    assert [(i.number, len(i.resolutions)) for i in d.minutes.items] == [
        ("LC/23/45", 0),
        ("LC/23/46", 1),
        ("LC/23/47", 2),
    ]
    assert d.minutes.end_time == "19:45"
    assert d.minutes.signature_span is not None and d.minutes.signed_by_chair is None


def test_town_council_minutes_labelled_header_and_seconded_and_resolved() -> None:
    d = only_minutes("town_council_minutes_labelled_header.txt")
    assert d.committee == "Finance and Resources Committee"
    assert meeting(d) == ("2024-06-03", "19:00", "Council Chamber, Town Hall")
    assert d.minutes is not None
    by_number = {i.number: [r.text for r in i.resolutions] for i in d.minutes.items}
    assert by_number["24/35"] == ["to increase rents by 3% from October 2024."]
    assert by_number["24/33"] == [
        "That the minutes of the meeting held on 13 May 2024 be approved and signed."
    ]
    assert [(x.name, x.item) for x in d.minutes.declarations] == [("B Patel", "24/35")]
    assert d.minutes.signature_span is not None


def test_agenda_pack_notice_of_meeting_then_labelled_report() -> None:
    docs = parsed("agenda_pack_notice_and_report.txt").documents
    assert [(d.kind, d.span.first_line) for d in docs] == [("agenda", 1), ("report", 31)]
    agenda, report = docs
    assert agenda.committee == "Overview and Scrutiny Committee"
    assert meeting(agenda) == ("2024-09-12", "18:30", "Committee Room 1, Civic Centre, Newtown")
    assert agenda.agenda is not None
    assert [(m.name, m.role) for m in agenda.agenda.membership][:2] == [
        ("R Adams", "chair"),
        ("S Baker", "vice-chair"),
    ]
    assert [(i.number, i.pages) for i in agenda.agenda.items] == [
        ("1", None),
        ("2", None),
        ("3", "3-8"),
        ("4", "9-30"),
        ("5", "31-36"),
    ]
    assert report.report is not None
    r = report.report
    assert (r.item_number, r.date, r.meeting_name, r.from_, r.wards) == (
        "4",
        "2024-09-12",
        "Overview and Scrutiny Committee",
        "Director of Housing",
        "All",
    )
    assert [x.text for x in r.recommendations] == [
        "That the Committee notes the review.",
        "That a further report be brought to the Committee in March 2025.",
    ]


def test_county_minutes_county_councillors_on_the_next_line() -> None:
    d = only_minutes("county_scrutiny_minutes_county_councillors.txt")
    assert d.committee == "Children and Young People Scrutiny Committee"
    assert d.council == "Westshire County Council"
    assert meeting(d) == ("2024-07-09", "10:00", "County Hall, Westby")
    assert attendance(d) == [
        ("M Hughes", "County Councillor", "present", "member", "Chair"),
        ("A Lee", "County Councillor", "present", "member", None),
        ("B Moss", "County Councillor", "present", "member", None),
        ("C Nash", "County Councillor", "present", "member", None),
        ("D Owen", "County Councillor", "present", "member", None),
        ("E Price", "Mrs", "present", "co-opted", "Parent Governor Representative"),
        ("F Quinn", "Ms", "present", "officer", "Director of Children's Services"),
        ("G Reid", "Mr", "present", "officer", "Head of Education"),
        ("H Shaw", "County Councillor", "apologies", "member", None),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item) for x in d.minutes.declarations] == [("A Lee", "15")]
    assert [len(i.resolutions) for i in d.minutes.items] == [0, 0, 2, 1]
    assert d.minutes.end_time == "12:15"
    assert d.minutes.signature_span is not None


def test_licensing_hearing_procedure_preamble_also_present_and_reasons() -> None:
    d = only_minutes("licensing_hearing_minutes.txt")
    assert d.committee == "Licensing Act 2003 Sub-Committee"
    assert d.council == "Westbridge District Council"
    # "Minutes of a hearing held on <date> at <time> in <venue>."
    assert meeting(d) == ("2025-10-14", "10:00", "the Council Chamber, Westbridge House")
    assert attendance(d) == [
        ("P. Ashworth", "Councillor", "present", "member", "Chair"),
        ("L. Conroy", "Councillor", "present", "member", None),
        ("D. Fairweather", "Councillor Mrs", "present", "member", None),
        # "Also present:" under item 2: the parties and an officer, for that item.
        ("R. Keane", "Mr", "present", "other", "Applicant"),
        ("S. Oduya", "Ms", "present", "other", "Solicitor for the Applicant (Keane & Co)"),
        ("H. Pratt", "Mrs", "present", "other", "Resident, Interested Party"),
        ("T. Bell", "Mr", "present", "officer", "Environmental Health Officer"),
    ]
    m = d.minutes
    assert m is not None
    assert m.preamble.startswith("The Chair welcomed everyone to the hearing")
    assert [(i.number, len(i.resolutions)) for i in m.items] == [("1", 0), ("2", 1), ("3", 1)]
    hearing = m.items[1]
    assert hearing.resolutions[0].text.startswith("That the premises licence be granted")
    assert hearing.reasons.splitlines() == [
        "(1) The Sub-Committee was satisfied that the conditions would promote the prevention"
        " of public nuisance.",
        "(2) The additional condition addresses the concerns of local residents about noise"
        " late at night.",
    ]
    assert "REASONS" not in hearing.discussion
    assert [(x.name, x.kind) for x in m.declarations] == [(None, "none")]
    assert m.end_time == "11:40"


def test_fire_authority_minutes_present_in_columns_post_name_rows_and_footer() -> None:
    d = only_minutes("fire_authority_minutes_table_present_part_two.txt")
    assert d.committee == "Audit and Performance Committee"
    # An authority run by councillors stands where a council would.
    assert d.council == "Northmoor Fire and Rescue Authority"
    assert meeting(d) == ("2025-09-18", "14:00", "Service Headquarters, Moor Road, Northmoor")
    assert attendance(d) == [
        ("J Ellery", "Councillor", "present", "member", "Chair"),
        ("K Grant", "Councillor", "present", "member", None),
        ("M Hollis", "Councillor", "present", "member", None),
        ("N Ibbotson", "Councillor", "present", "member", None),
        ("P Jarvis", "Mr", "present", "member", "Independent Member"),
        # Rows "<post><tab><name>" under "ALSO IN ATTENDANCE:".
        ("R Kemp", None, "present", "officer", "Chief Fire Officer"),
        ("S Lowe", None, "present", "officer", "Treasurer"),
        ("T Marsh", "Councillor", "apologies", "member", None),
    ]
    assert items(d) == [
        (
            "12/25",
            "MINUTES OF THE PREVIOUS MEETING",
            [
                "That the minutes of the meeting held on 19 June 2025 be approved as a correct record."
            ],
        ),
        (
            "13/25",
            "INTERNAL AUDIT PROGRESS REPORT",
            [
                "the progress report be noted",  # as printed, after "RESOLVED that:"
                "a further update on the outstanding recommendations be brought to the next meeting.",
            ],
        ),
        (
            "14/25",
            "EXCLUSION OF THE PUBLIC",
            [
                "That the public be excluded from the meeting for the following item of business"
                " on the grounds that it involves the likely disclosure of exempt information as"
                " defined in paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972."
            ],
        ),
        (
            "15/25",
            "CONTRACT AWARD - FLEET MAINTENANCE",
            ["That the contract be awarded as set out in the exempt report."],
        ),
    ]
    assert d.minutes is not None
    # The page footer printed once between items is not minute text.
    assert d.minutes.items[1].discussion.startswith("The Treasurer presented the report")
    assert "18 September 2025" not in d.minutes.items[1].discussion
    assert d.minutes.end_time == "15:35"
    # "PART II - EXEMPT ITEMS" closes what follows, and is no item's text.
    assert [i.part for i in d.minutes.items] == ["open", "open", "open", "closed"]
    assert "PART II" not in d.minutes.items[2].discussion


def test_ni_council_minutes_aldermen_plural_and_officer_list_with_and() -> None:
    d = only_minutes("ni_council_committee_minutes_unnumbered.txt")
    assert d.committee == "Environment Committee"
    assert d.council == "Loughmore and District Council"
    assert d.meeting.date == "2025-11-04"
    assert attendance(d) == [
        ("McKeown", "Alderman", "present", "member", "Chairperson"),
        # "Aldermen Dunlop and Ferris; and": the plural covers both, "and" is no one.
        ("Dunlop", "Alderman", "present", "member", None),
        ("Ferris", "Alderman", "present", "member", None),
        ("Gallagher", "Councillor", "present", "member", None),
        ("Hanna", "Councillor", "present", "member", None),
        ("Irvine", "Councillor", "present", "member", None),
        ("Kerr", "Councillor Mrs", "present", "member", None),
        ("L. Magee", "Mr", "present", "officer", "Director of Environmental Services"),
        ("N. Quinn", "Ms", "present", "officer", "Waste Manager"),
        ("O. Reilly", "Mrs", "present", "officer", "Committee Services Officer"),
        ("Patterson", "Councillor", "apologies", "member", None),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item) for x in d.minutes.declarations] == [("Hanna", "4")]
    # Unnumbered item headings, each alone between blank lines.
    assert [(i.number, i.title) for i in d.minutes.items] == [
        (None, "Apologies"),
        (None, "Minutes"),
        (None, "Declarations of Interest"),
        (None, "Restricted Items"),
        (None, "Recycling Centre Contract"),
        (None, "Matters referred back from Council"),
        (None, "Street Cleansing Review"),
    ]
    assert [r.text for r in d.minutes.items[3].resolutions] == [
        "That the Committee agrees to exclude the members of the press and public from the"
        " meeting during discussion of the following item."
    ]


def test_board_minutes_labelled_lists_and_apologies_repeated_in_the_item() -> None:
    d = only_minutes("board_minutes_labelled_lists_apologies_repeated.txt")
    assert (d.committee, d.council) == ("Corporate Parenting Board", "Ravensmoor Council")
    assert meeting(d) == ("2025-03-14", "10:00", "Committee Room 2, Civic Centre, Ravensmoor")
    assert attendance(d) == [
        ("A Smith", "Councillor", "present", "member", "Chair"),
        ("B Jones", "Councillor", "present", "member", "Vice-Chair"),
        ("C Patel", "Councillor", "present", "member", None),
        ("D O'Neill", "Councillor", "present", "member", None),
        ("E Green", "Ms", "present", "co-opted", "foster carer representative"),
        ("F White", None, "present", "officer", "Director of Children's Services"),
        ("G Black", None, "present", "officer", "Head of Service, Children in Care"),
        # "Apologies were received from Councillors Brown and Grey" in item 1 names the
        # same two people as the header's list: they are not listed twice.
        ("H Brown", "Councillor", "apologies", "member", None),
        ("I Grey", "Councillor", "apologies", "member", None),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [("C Patel", "5", "other")]
    assert items(d) == [
        ("1", "Apologies for absence and substitutions", []),
        ("2", "Declarations of interest", []),
        (
            "3",
            "Minutes of the previous meeting",
            [
                "That the minutes of the meeting held on 10 January 2025 be agreed as a correct record."
            ],
        ),
        (
            "4",
            "Children in care performance report",
            [
                "That the report be noted.",
                "That a report on placement stability be brought to the June meeting.",
            ],
        ),
        ("5", "Fostering recruitment update", ["That the update be noted."]),
    ]
    assert d.minutes.end_time == "11:45"


def test_summons_letter_front_sheet_and_item_table() -> None:
    docs = parsed("summons_letter_front_sheet_item_table.txt").documents
    # "Dear Councillor, You are summoned to attend ..." is the front sheet, not a letter.
    assert [(d.kind, d.subkind) for d in docs] == [
        ("agenda", "front_sheet"),
        ("agenda", "order_of_business"),
    ]
    front, business = docs
    assert front.committee == "Children and Young People Scrutiny Panel"  # not "To: All Members of"
    # The contact lines under the letter are the front sheet's, so the order of business,
    # which starts at "AGENDA" below them, names no council of its own.
    assert [d.council for d in docs] == ["Oakhampton Borough Council", None]
    assert meeting(front) == ("2025-09-09", "18:30", "the Council Chamber, Town Hall, Oakhampton")
    assert front.agenda is not None and business.agenda is not None
    assert [(m.name, m.honorific, m.role) for m in front.agenda.membership] == [
        ("P Ashworth", "Councillor", "chair"),
        ("R Begum", "Councillor", "vice-chair"),
        ("S Carter", "Councillor", "member"),
        ("T Dunn", "Councillor", "member"),
        ("U Evans", "Councillor", "member"),
        ("V Fraser", "Councillor", "member"),
        ("W Gill", "Councillor", "reserve"),
        ("X Hart", "Councillor", "reserve"),
        ("Y Irving", "Mr", "co-opted"),
        ("Z Jones", "Mrs", "co-opted"),  # "Dear Councillor," ends the list
    ]
    # "Published: 1 September 2025" is not the meeting's date.
    assert business.meeting.date is None
    assert business.agenda.published == "2025-09-01"
    assert [(i.number, i.title, i.pages, i.part) for i in business.agenda.items] == [
        ("1", "Apologies for Absence", None, "open"),
        ("2", "Declarations of Interest", None, "open"),
        ("3", "Minutes of the meeting held on 8 July 2025", "1-6", "open"),
        ("4", "Ofsted Focused Visit: Care Leavers", "7-22", "open"),
        ("5", "Corporate Parenting Annual Report 2024/25", "23-48", "open"),
        ("6", "Work Programme 2025/26", "49-54", "open"),
        ("7", "Exclusion of the Press and Public", None, "open"),
        # Excluded "for the following item": exempt without a "Part 2" heading.
        ("8", "Residential Placement Contract", "55-70", "closed"),
    ]
    assert [(c.name, c.email, c.phone) for c in front.agenda.contacts] == [
        ("Laura Kent", "laura.kent@oakhampton.gov.uk", "01234 567890")
    ]
    assert business.agenda.contacts == ()


def test_county_report_numbered_paragraphs_set_off_by_tabs() -> None:
    docs = parsed("county_report_numbered_paragraphs_with_tabs.txt").documents
    assert [d.kind for d in docs] == ["report"]
    d = docs[0]
    r = d.report
    assert r is not None
    assert (d.title, d.council, d.committee) == (
        "Sufficiency of placements for children in care 2025-26",
        "Westbury County Council",
        "Corporate Parenting Panel",
    )
    assert (r.item_number, r.date, r.wards, r.from_, r.classification) == (
        "6",
        "2025-11-12",
        "All",  # "Ward(s):" without "affected"
        "Director of Children's Services",
        "open",
    )
    assert r.audit_trail is not None and r.audit_trail.key_decision is False
    # "1.<tab>Purpose of the report" is a numbered heading, "1.1<tab>This ..." its paragraph:
    # neither is a table.
    assert [s.heading for s in r.sections][:5] == [
        "Purpose of the report",
        "Recommendations",
        "Background",
        "Financial implications",
        "Legal implications",
    ]
    assert r.sections[0].text.startswith("1.1 This report updates the Panel")
    assert [t.header for t in r.tables] == [("Placement type", "September 2024", "September 2025")]
    assert r.tables[0].rows[-1] == ("Total", "501", "535")
    assert r.tables[0].caption == "Table 1: Placements by type"
    assert [(x.number, x.text) for x in r.recommendations] == [
        ("2.1(a)", "The Panel is asked to note the progress made in recruiting foster carers"),
        ("2.1(b)", "The Panel is asked to agree to receive a further report in March 2026."),
    ]


def test_panel_minutes_items_coded_with_a_prefix_and_one_number() -> None:
    d = only_minutes("district_panel_minutes_prefix_coded_items_agreed.txt")
    assert d.committee == "Corporate Parenting Panel"
    assert (d.meeting.date, d.meeting.time) == ("2025-06-04", "14:00")
    assert attendance(d) == [
        ("Sarah Quinn", "Councillor", "present", "member", "Chairman"),
        ("Tom Reid", "Councillor", "present", "member", None),
        ("Usha Shah", "Councillor", "present", "member", None),
        ("Victor Tan", "Councillor", "present", "member", None),
        ("Wendy Young", "Councillor", "present", "other", "Cabinet Member for Children"),
        ("Alan Baker", None, "present", "officer", "Assistant Director, Children's Social Care"),
        ("Beth Cole", None, "present", "officer", "Virtual School Head"),
        ("Chris Dale", None, "present", "officer", "Democratic Services"),
        ("Xavier Zane", "Councillor", "apologies", "member", None),
    ]
    assert d.minutes is not None
    # "CPP/1<tab>Minutes": a committee's prefix and one number, not unnumbered headings.
    assert [
        (i.number, i.title, i.part, [r.text for r in i.resolutions]) for i in d.minutes.items
    ] == [
        ("CPP/1", "Minutes", "open", []),
        ("CPP/2", "Declarations of Interest", "open", []),
        (
            "CPP/3",
            "Virtual School Annual Report",
            "open",
            [
                "That the annual report be noted and that the Virtual School Head circulate the"
                " attainment data by ward to Members."
            ],
        ),
        (
            "CPP/4",
            "Care Leavers' Local Offer",
            "open",
            ["The Panel endorsed the revised local offer."],
        ),
        ("CPP/5", "Individual Placement Costs", "closed", ["That the report be noted."]),
    ]
    assert d.minutes.end_time == "15:50"


def test_scrutiny_minutes_substitute_in_the_list_and_a_governor_apology() -> None:
    d = only_minutes("scrutiny_minutes_substitute_in_list_governor_apology.txt")
    assert (d.committee, d.council) == (
        "Children's Services Scrutiny Committee",
        "Eastvale District Council",
    )
    assert meeting(d) == ("2025-02-03", "19:00", "Room 1.01, The Forum, Eastvale")
    assert d.minutes is not None
    people = [
        (a.name, a.honorific, a.status, a.capacity, a.role, a.replaces)
        for a in d.minutes.attendance
    ]
    assert people == [
        ("Helen Ross", "Councillor", "present", "member", "Chair", None),
        ("Ian Shaw", "Councillor", "present", "member", "Vice-Chair", None),
        ("Jane Todd", "Councillor", "present", "member", None, None),
        # "(substitute for Councillor Lisa Vance)": said by capacity and replaces.
        ("Kevin Upton", "Councillor", "present", "substitute", None, "Lisa Vance"),
        ("Mark Ward", "Councillor", "present", "member", None, None),
        ("Nigel Owen", "Rev", "present", "co-opted", "Diocesan Representative", None),
        ("Paula Quill", None, "present", "officer", "Corporate Director, People", None),
        ("Rob Stone", None, "present", "officer", "Service Manager, Looked After Children", None),
        ("Lisa Vance", "Councillor", "apologies", "member", None, None),
        # A parent governor representative holds a co-opted seat.
        ("Olive Price", "Mrs", "apologies", "co-opted", "Parent Governor Representative", None),
    ]
    assert [(x.name, x.item) for x in d.minutes.declarations] == [("Jane Todd", "4")]
    assert items(d) == [
        ("1", "Apologies for Absence and Substitutions", []),
        ("2", "Declarations of Interest", []),
        (
            "3",
            "Minutes",
            [
                "That the minutes of the meeting held on 9 December 2024 be confirmed as a correct record."
            ],
        ),
        (
            "4",
            "Placement Stability",
            [
                "That the report be noted.",
                "That the Committee receives a further update in six months.",
            ],
        ),
        ("5", "Date of Next Meeting", []),
    ]
    assert d.minutes.end_time == "20:25"


def test_web_page_minutes_with_bulleted_lists() -> None:
    d = only_minutes("web_page_minutes_bulleted_lists.html")
    assert (d.committee, d.council) == ("Corporate Parenting Board", "Lowmarsh County Council")
    assert meeting(d) == ("2025-10-21", "16:00", "County Hall, Lowmarsh")
    # List bullets are not part of the names.
    assert attendance(d) == [
        ("Anna Bell", "Councillor", "present", "member", "Chair"),
        ("Ben Carr", "Councillor", "present", "member", None),
        ("Cara Dunn", "Councillor", "present", "member", None),
        ("Dee Ellis", None, "present", "officer", "Director of Children's Services"),
        ("Ed Fox", None, "present", "officer", "Head of Corporate Parenting"),
        ("Fay Gill", None, "present", "other", "Children in Care Council"),
        ("Gus Hill", "Councillor", "apologies", "member", None),
    ]
    assert items(d) == [
        ("1", "Declarations of interest", []),
        (
            "2",
            "Minutes of the last meeting",
            ["That the minutes of the meeting on 15 July 2025 be approved."],
        ),
        # "Resolved:" over a list: each entry is a decision, and none stays in the discussion.
        (
            "3",
            "Care leavers' accommodation",
            [
                "That the report be noted",
                "That a breakdown by district be reported to the next meeting.",
            ],
        ),
    ]
    assert d.minutes is not None
    assert d.minutes.items[2].discussion.endswith("Members asked for a breakdown by district.")
    assert "alert" not in parsed("web_page_minutes_bulleted_lists.html").text
    assert d.minutes.end_time == "17:30"


def test_agenda_laid_out_with_spaces() -> None:
    docs = parsed("agenda_space_aligned_columns.txt").documents
    # The date line at the top belongs to the agenda: one document from the first line.
    assert [(d.kind, d.span.first_line) for d in docs] == [("agenda", 1)]
    d = docs[0]
    assert (d.council, d.committee) == ("Stonebridge City Council", "Corporate Parenting Committee")
    assert meeting(d) == ("2026-01-15", "10:00", "Committee Room A, Civic Offices, Stonebridge")
    assert d.agenda is not None
    # Two columns of names split at the gap of spaces.
    assert [(m.name, m.role) for m in d.agenda.membership] == [
        ("M Adeyemi", "chair"),
        ("P Lloyd", "member"),
        ("R Nolan", "vice-chair"),
        ("S Okafor", "member"),
        ("T Perry", "member"),
        ("U Quinn", "member"),
    ]
    assert [(i.number, i.title, i.pages, i.part) for i in d.agenda.items] == [
        ("1", "Apologies and Substitutions", None, "open"),
        ("2", "Declarations of Interest", None, "open"),
        ("3", "Minutes of the previous meeting held on 6 November 2025", "3-10", "open"),
        ("4", "Children in Care Council - Presentation", None, "open"),
        ("5", "Independent Reviewing Officer Annual Report 2024/25", "11-36", "open"),
        ("6", "Fostering Service Performance Quarter 2", "37-52", "open"),
        ("7", "Forward Plan", "53-56", "open"),
        ("8", "Commissioning of Semi-Independent Provision", "57-64", "closed"),
    ]
    assert [(c.name, c.email) for c in d.agenda.contacts] == [
        ("Rachel Stone", "rachel.stone@stonebridge.gov.uk")
    ]


def test_minutes_with_hanging_labels_laid_out_with_spaces() -> None:
    d = only_minutes("minutes_hanging_labels_space_aligned.txt")
    assert (d.council, d.committee) == ("Stonebridge City Council", "Corporate Parenting Committee")
    assert meeting(d) == ("2026-01-15", "10:00", "Committee Room A, Civic Offices, Stonebridge")
    assert attendance(d) == [
        ("M Adeyemi", "Councillor", "present", "member", "Chair"),
        ("P Lloyd", "Councillor", "present", "member", None),
        ("R Nolan", "Councillor", "present", "member", None),
        ("S Okafor", "Councillor", "present", "member", None),
        ("U Quinn", "Councillor", "present", "member", None),
        # "ALSO" over "PRESENT:" in the label column is one label.
        ("V Reyes", "Councillor", "present", "other", "Cabinet Member for Children and Families"),
        # "W Scott     Director of Children's Services": name and post in two columns.
        ("W Scott", None, "present", "officer", "Director of Children's Services"),
        ("X Turner", None, "present", "officer", "Head of Children in Care"),
        ("Y Usman", None, "present", "officer", "Committee Officer"),
        ("T Perry", "Councillor", "apologies", "member", None),
    ]
    assert items(d) == [
        ("23", "DECLARATIONS OF INTEREST", []),
        (
            "24",
            "MINUTES",
            [
                "That the minutes of the meeting held on 6 November 2025 be confirmed as a correct record."
            ],
        ),
        (
            "25",
            "INDEPENDENT REVIEWING OFFICER ANNUAL REPORT 2024/25",
            ["That the report be noted."],
        ),
        (
            "26",
            "FORWARD PLAN",
            [
                "That the forward plan be agreed subject to the addition of a report on care"
                " leavers' mental health."
            ],
        ),
    ]
    assert d.minutes is not None
    assert "Page 1 of 2" not in d.minutes.items[2].discussion
    assert d.minutes.end_time == "11:40"


def test_scottish_report_with_labels_in_capitals() -> None:
    docs = parsed("scottish_report_capital_labels.txt").documents
    assert [d.kind for d in docs] == ["report"]
    d = docs[0]
    r = d.report
    assert r is not None
    assert (d.title, d.council, d.committee, d.meeting.date) == (
        "Corporate Parenting Plan 2023-26: Progress Report",  # "REPORT ON:"
        "Glenmore Council",
        # No "Meeting:" label: the heading line names the committee.
        "Education and Children's Services Committee",
        "2025-10-28",
    )
    assert r.from_ == "Chief Social Work Officer"  # "REPORT BY:"
    # "It is recommended that the Committee:" is a sentence, not a "Committee:" label.
    assert [s.heading for s in r.sections] == [
        "PURPOSE OF REPORT",
        "RECOMMENDATIONS",
        "FINANCIAL IMPLICATIONS",
        "MAIN TEXT",
        "POLICY IMPLICATIONS",
    ]
    assert [x.text for x in r.recommendations] == [
        "It is recommended that the Committee notes the progress set out in Appendix 1",
        "It is recommended that the Committee instructs the Chief Social Work Officer to report"
        " on the Promise implementation in spring 2026.",
    ]


def test_board_agenda_with_a_time_column_first() -> None:
    docs = parsed("board_agenda_timed_table.txt").documents
    # "Date:" under the title is the meeting's date, not the close of an agenda.
    assert [d.kind for d in docs] == ["agenda"]
    d = docs[0]
    assert (d.council, d.committee) == (
        "Harrowfield Metropolitan Borough Council",
        "Corporate Parenting Board",
    )
    assert (d.meeting.date, d.meeting.time, d.meeting.venue, d.meeting.online) == (
        "2026-03-11",
        "13:30",
        "Microsoft Teams",
        True,
    )
    assert d.agenda is not None
    # The time column reads as afternoon times ("1.30" is 13:30); "3.30 Close" is no item.
    assert [(i.number, i.title, i.time) for i in d.agenda.items] == [
        ("1", "Welcome, introductions and apologies", "13:30"),
        ("2", "Minutes and action log of 14 January 2026", "13:35"),
        ("3", "Voice of the child: Care Leavers' Forum update", "13:45"),
        ("4", "Health of children in care: annual report", "14:05"),
        ("5", "Placement sufficiency dashboard", "14:35"),
        ("6", "Any other business", "15:15"),
    ]


def test_board_minutes_attendees_as_a_name_and_role_table() -> None:
    d = only_minutes("board_minutes_name_role_table_action_log.txt")
    assert (d.committee, d.meeting.date, d.meeting.venue) == (
        "Corporate Parenting Board",
        "2026-01-14",
        "Microsoft Teams",
    )
    # "Name<tab>Role" rows; after the titled councillors, others are officers (by their job
    # title) or other attendees, not members.
    assert attendance(d) == [
        ("Amira Khan", "Cllr", "present", "member", "Chair, Cabinet Member for Children"),
        ("Brian Lowe", "Cllr", "present", "member", "Elected Member"),
        ("Carol Mensah", "Cllr", "present", "member", "Elected Member"),
        ("Dan Nash", None, "present", "officer", "Director of Children's Services"),
        ("Ella Obi", None, "present", "other", "Designated Nurse for Children in Care"),
        ("Finn Page", None, "present", "other", "Care Leaver Ambassador"),
        ("George Quarry", "Cllr", "apologies", "member", None),
        ("Helen Rix", None, "apologies", "officer", "Virtual School Head"),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item) for x in d.minutes.declarations] == [("Brian Lowe", "4")]
    assert items(d) == [
        ("1", "Welcome and apologies", []),
        ("2", "Declarations of interest", []),
        ("3", "Minutes and action log", []),
        (
            "4",
            "Fostering recruitment",
            [
                "The Board noted the update and asked for a recruitment campaign plan for the"
                " May meeting."
            ],
        ),
    ]


def test_board_report_cover_sheet_with_bulleted_recommendations() -> None:
    docs = parsed("board_report_cover_sheet_bullets.txt").documents
    assert [d.kind for d in docs] == ["report"]
    d = docs[0]
    r = d.report
    assert r is not None
    assert (d.title, d.committee, d.meeting.date) == (
        "Annual Health Assessments for Children in Care",
        "Health and Wellbeing Board",
        "2026-04-22",
    )
    # "Responsible director:" is a label of its own, not more of the author's value.
    assert r.from_ == "Dr Kim Lowry, Designated Doctor for Children in Care"
    # Each bullet is a recommendation, read with its lead-in.
    assert [x.text for x in r.recommendations] == [
        "The Board is asked to note the improvement in timeliness of initial health assessments",
        "The Board is asked to endorse the action plan at Appendix A",
        "The Board is asked to agree that a progress report comes to the Board in October 2026.",
    ]
    # Headings with their paragraph on the next line, no blank line between.
    assert [s.heading for s in r.sections] == [
        "Executive summary",
        "Background",
        "Next steps",
        "Appendices",
    ]
    assert r.sections[1].text.startswith("Statutory guidance requires")
    assert r.appendices[0].startswith("Appendix A")


def test_town_council_minutes_in_markdown_with_a_held_on_paragraph() -> None:
    d = only_minutes("town_council_minutes_markdown_held_paragraph.md")
    assert (d.council, d.committee) == ("Brackley Town Council", "Community and Youth Committee")
    # "Held on ..." in a paragraph of its own below "Minutes of the ..." completes the heading.
    assert meeting(d) == ("2025-12-02", "19:30", "the Town Hall, Brackley")
    assert attendance(d) == [
        ("P Abbott", "Cllr", "present", "member", "Chair"),
        ("R Bristow", "Cllr", "present", "member", None),
        ("S Cole", "Cllr", "present", "member", None),
        ("T Drew", "Cllr", "present", "member", None),
        ("U Ellis", "Ms", "present", "officer", "Deputy Town Clerk"),
        ("V Frost", "Cllr", "apologies", "member", None),
    ]
    assert items(d) == [
        ("45/25", "Declarations of interest", []),
        (
            "46/25",
            "Minutes",
            ["That the minutes of the meeting held on 4 November 2025 be approved and signed."],
        ),
        (
            "47/25",
            "Youth provision grant",
            [
                "to award a grant of £4,000",
                "to ask the Youth Hub to report on outcomes in June 2026.",
            ],
        ),
        ("48/25", "Date of next meeting", []),
    ]
    assert d.minutes is not None and d.minutes.end_time == "20:40"


def test_pdf_minutes_whose_attendance_labels_sit_halfway_down_their_lists() -> None:
    d = only_minutes("minutes_pdf_table_labels_centred.pdf")
    assert (d.council, d.committee) == ("Westmere Borough Council", "Corporate Parenting Panel")
    assert meeting(d) == ("2026-02-09", "17:00", "Committee Room 3, Town Hall, Westmere")
    assert d.span.first_page == 1
    # "Councillor Ada Price ..." / "Present:" / "and Councillor Di Shaw": one list, under its label.
    assert attendance(d) == [
        ("Ada Price", "Councillor", "present", "member", "Chair"),
        ("Ben Quill", "Councillor", "present", "member", None),
        ("Cy Rowe", "Councillor", "present", "member", None),
        ("Di Shaw", "Councillor", "present", "member", None),
        ("Eve Tate", None, "present", "officer", "Director of Children's Services"),
        ("Fred Uddin", None, "present", "officer", "Democratic Services Officer"),
        ("Gail Vance", "Councillor", "apologies", "member", None),
    ]
    assert items(d) == [
        ("12", "DECLARATIONS OF INTEREST", []),
        ("13", "CHILDREN IN CARE PERFORMANCE", ["That the performance report be noted."]),
        (
            "14",
            "FOSTERING ANNUAL REPORT",
            ["That the fostering annual report be approved for publication."],
        ),
    ]
    assert d.minutes is not None and d.minutes.end_time == "18:15"


@pytest.mark.parametrize(
    "name",
    ["report_pdf_header_table_without_colons.pdf", "report_pdf_header_table_without_colons.html"],
)
def test_report_whose_header_table_has_no_colons(name: str) -> None:
    # The PDF and the web page it was printed from give the same report. In the web page
    # the whole report is short: "Contact officer:" at its end is not part of its header.
    docs = parsed(name).documents
    assert [d.kind for d in docs] == ["report"]
    d = docs[0]
    r = d.report
    assert r is not None
    if name.endswith(".pdf"):
        assert (d.span.first_page, d.span.last_page) == (1, 2)
    # "Report to<tab>Corporate Parenting Panel": a label that fills its cell needs no colon.
    assert (d.title, d.committee, r.item_number, r.date, r.wards, r.from_, r.classification) == (
        "Care Leavers' Local Offer: annual review",
        "Corporate Parenting Panel",
        "7",
        "2026-02-09",
        "All",
        "Director of Children's Services",
        "open",
    )
    assert r.audit_trail is not None and r.audit_trail.key_decision is False
    # "Contact officer: ..." closing the report is a section of its own, not part of the
    # financial implications above it.
    assert [s.heading for s in r.sections] == [
        "Purpose of the report",
        "Recommendations",
        "Background",
        "Financial implications",
        "Contact officer",
    ]
    assert r.sections[-1].text == "Gina Holt, Head of Leaving Care, gina.holt@westmere.gov.uk"
    assert [x.text for x in r.recommendations] == [
        "That the Panel notes the review of the local offer",
        "That the Panel recommends to Cabinet the extension of council tax exemption to care"
        " leavers aged 25.",
    ]
    # Rows a blank line apart are one table.
    assert [(t.header, t.rows) for t in r.tables] == [
        (("Age", "2024", "2025"), (("18-20", "96", "101"), ("21-25", "108", "113")))
    ]


def test_pdf_agenda_notice_with_an_items_table() -> None:
    docs = parsed("agenda_pdf_notice_items_table.pdf").documents
    assert [d.kind for d in docs] == ["agenda"]
    d = docs[0]
    assert (d.council, d.committee) == (
        "Kelsham Borough Council",
        "Fostering and Adoption Panel Sub-Committee",
    )
    assert meeting(d) == ("2026-03-19", "14:00", "Council Chamber, Riverside House, Kelsham")
    assert d.agenda is not None
    assert [(m.name, m.honorific, m.role) for m in d.agenda.membership] == [
        ("Jo Avery", "Councillor", "chair"),
        ("Kit Barnes", "Councillor", "vice-chair"),
        ("Lee Chow", "Councillor", "member"),
        ("Mo Dean", "Councillor", "member"),
        ("Ned Ellis", "Councillor", "member"),
    ]
    assert [(c.name, c.email, c.phone) for c in d.agenda.contacts] == [
        ("Olga Ford", "olga.ford@kelsham.gov.uk", "01632 960555")
    ]
    assert [(i.number, i.title, i.pages, i.part, i.description) for i in d.agenda.items] == [
        ("1", "Apologies for absence", None, "open", None),
        ("2", "Declarations of interest", None, "open", None),
        ("3", "Minutes of the meeting held on 15 January 2026", "1-8", "open", None),
        (
            "4",
            "Adoption Service Half-Year Report",
            "9-24",
            "open",
            "Report of the Head of Adoption",
        ),
        ("5", "Foster Carer Allowances 2026/27", "25-30", "open", None),
        # The council's address at the foot is no description of the last item.
        ("6", "Agency Placement Contracts", "31-40", "closed", None),
    ]


def test_word_minutes_with_heading_styles_and_a_numbered_list() -> None:
    d = only_minutes("scrutiny_minutes_word_headings_numbered_list.docx")
    assert (d.council, d.committee) == (
        "Ashdown District Council",
        "Children and Families Overview and Scrutiny Panel",
    )
    assert meeting(d) == ("2026-02-25", "18:30", "Council Offices, Ashdown")
    assert attendance(d) == [
        ("Ian Ash", "Councillor", "present", "member", "Chair"),
        ("Jan Birch", "Councillor", "present", "member", None),
        ("Kay Cedar", "Councillor", "present", "member", None),
        ("Liam Dale", None, "present", "officer", "Head of Children's Social Care"),
        ("Maya Elm", None, "present", "officer", "Scrutiny Officer"),
        ("Noor Fir", "Councillor", "apologies", "member", None),
    ]
    # Word paragraphs stand apart: the item after a numbered list of decisions is an item.
    assert items(d) == [
        ("31", "Declarations of Interest", []),
        (
            "32",
            "Children Missing from Care",
            [
                "the report be noted",
                "return home interviews data be included in the next quarterly report.",
            ],
        ),
        ("33", "Work Programme", ["That the work programme be agreed."]),
    ]
    assert d.minutes is not None and d.minutes.end_time == "19:50"


def _report_of(name: str) -> Document:
    docs = parsed(name).documents
    assert [d.kind for d in docs] == ["report"]
    assert docs[0].report is not None
    return docs[0]


def test_word_report_with_a_header_table_and_heading_styles() -> None:
    d = _report_of("report_word_header_table_heading_styles.docx")
    r = d.report
    assert r is not None
    assert (d.title, d.committee, r.item_number, r.date, r.wards, r.from_) == (
        "Independent Visitors Scheme Review",
        "Corporate Parenting Board",
        "5",
        "2026-06-24",
        "All wards",
        "Assistant Director, Children in Care",
    )
    # Heading styles are headings; their numbers are not part of the heading.
    assert [s.heading for s in r.sections] == [
        "Summary",
        "Recommendations",
        "Reasons for recommendations",
        "Background papers",
    ]
    assert [x.text for x in r.recommendations] == [
        "The Board is asked to note the growth of the scheme",
        "The Board is asked to support a recruitment drive for male volunteers.",
    ]


def test_numbered_headings_standing_apart_over_paragraphs() -> None:
    r = _report_of("report_numbered_headings_over_paragraphs.txt").report
    assert r is not None
    assert [s.heading for s in r.sections] == [
        "Summary",
        "Recommendations",
        "Reasons for recommendations",
        "Background papers",
    ]
    # The numbered recommendations are no headings, and the list ends with its section.
    assert [x.text for x in r.recommendations] == [
        "The Board is asked to note the growth of the scheme",
        "The Board is asked to support a recruitment drive for male volunteers.",
    ]


def test_minutes_with_a_declarations_table() -> None:
    d = only_minutes("minutes_declarations_table_tabs.txt")
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("Sam Baker", "4", "other"),
        ("Tara Clark", "5", "pecuniary"),
    ]
    assert d.minutes.declarations[1].text.startswith("5: Disclosable pecuniary")
    assert [i.number for i in d.minutes.items] == ["1", "2", "3", "4", "5"]


def test_record_of_an_individual_executive_decision() -> None:
    docs = parsed("record_of_executive_decision.txt").documents
    assert [(d.kind, d.subkind) for d in docs] == [("decision", "decision_notice")]
    d = docs[0]
    assert (d.council, d.committee, d.meeting.date) == (
        "Northdale Council",
        "Cabinet Member for Children and Young People",  # "Decision taker:"
        "2026-04-02",  # "Date of decision:"
    )
    assert d.minutes is not None
    (item,) = d.minutes.items
    assert (item.number, item.title) == (
        "CYP/2026/07",
        "Award of contract for supported accommodation for care leavers",
    )
    assert [r.text for r in item.resolutions] == [
        "To award the contract for supported accommodation for care leavers aged 16 to 21 to"
        " Homestead Housing Ltd for three years from 1 June 2026.",
        "To delegate authority to the Director of Children's Services to extend the contract by"
        " up to two years.",
    ]
    assert (
        item.reasons == "The provider scored highest on quality and price in the tender evaluation."
    )


def test_a_pack_of_unseen_papers_splits_at_each_paper() -> None:
    # A pack put together from four of the papers above, a page break between each: the
    # summons and its agenda, minutes of another meeting, and two reports whose headers
    # are label rows ("Report to:", "Date of meeting:", ...), not "Item No.".
    names = [
        "summons_letter_front_sheet_item_table.txt",
        "scrutiny_minutes_substitute_in_list_governor_apology.txt",
        "county_report_numbered_paragraphs_with_tabs.txt",
        "board_report_cover_sheet_bullets.txt",
    ]
    pack = "\n\f".join((UNSEEN / n).read_text(encoding="utf-8") for n in names)
    docs = parse_bytes(pack.encode(), "pack.txt").documents
    assert [(d.kind, d.subkind, d.meeting.date) for d in docs] == [
        ("agenda", "front_sheet", "2025-09-09"),
        ("agenda", "order_of_business", None),
        ("minutes", "minutes", "2025-02-03"),  # its own meeting, not the agenda's
        ("report", "report", "2025-11-12"),
        ("report", "report", "2026-04-22"),
    ]
    # Each report keeps its own facts.
    assert [d.title for d in docs[3:]] == [
        "Sufficiency of placements for children in care 2025-26",
        "Annual Health Assessments for Children in Care",
    ]
    minutes = docs[2].minutes
    assert minutes is not None and len(minutes.attendance) == 10 and len(minutes.items) == 5


def test_two_page_pdf_report_loses_its_running_header_and_footer() -> None:
    result = parsed("report_pdf_two_pages_running_header.pdf")
    # The same line at the top of both pages of a two-page paper is a running header: it
    # goes from the second page, and stays at the top of the first as the paper's heading.
    header = "Westmere Borough Council – Corporate Parenting Panel – 9 February 2026"
    assert result.text.startswith(header + "\n") and result.text.count(header) == 1
    assert "Page 1 of 2" not in result.text
    d = _report_of("report_pdf_two_pages_running_header.pdf")
    r = d.report
    assert r is not None
    assert (d.title, d.committee, d.council, d.meeting.date, d.span.last_page) == (
        "Virtual School Annual Report 2024/25",
        "Corporate Parenting Panel",
        "Westmere Borough Council",  # named only in the running header
        "2026-02-09",
        2,
    )
    outcomes = next(s for s in r.sections if s.heading == "Outcomes")
    # Eight paragraphs, the one broken by the page break read on as one.
    assert outcomes.text.count("\n") == 7


def test_work_programme_table_with_lead_officer_and_type_columns() -> None:
    docs = parsed("work_programme_table_lead_officer_column.txt").documents
    # Titled as a work programme: a work plan, not an unclassified paper.
    assert [(d.kind, d.subkind) for d in docs] == [("report", "work_plan")]
    d = docs[0]
    assert d.committee == "Corporate Parenting Panel"
    # The "Item" column gives the items (not the lead officer or "For decision"), one entry
    # per meeting date.
    assert [(w.meeting_date, list(w.items)) for w in d.work_plan] == [
        (
            "2026-06-16",
            ["Children in Care Council annual report", "Fostering Service annual report"],
        ),
        ("2026-09-22", ["Virtual School annual report", "Care leavers' housing pathway"]),
        ("2026-12-08", ["Health of children in care annual report"]),
    ]


def test_minutes_written_as_a_two_column_table() -> None:
    d = only_minutes("minutes_two_column_table_minute_subject.txt")
    assert (d.committee, d.meeting.date, d.meeting.time) == (
        "Corporate Parenting Board",
        "2026-06-03",
        "10:00",
    )
    # The table's head ("Minute<tab>Subject") ends the officers' list.
    assert attendance(d) == [
        ("Anne Beck", "Councillor", "present", "member", "Chair"),
        ("Carl Dunn", "Councillor", "present", "member", None),
        ("Erin Foy", "Councillor", "present", "member", None),
        ("Gail Hunt", None, "present", "officer", "Director of Children's Services"),
        ("Ian Jones", None, "present", "officer", "Committee Clerk"),
        ("Kate Lamb", "Councillor", "apologies", "member", None),
    ]
    assert items(d) == [
        ("23", "APOLOGIES FOR ABSENCE", []),
        ("24", "DECLARATIONS OF INTEREST", []),
        (
            "25",
            "MINUTES",
            [
                "That the minutes of the meeting held on 1 April 2026 be approved as a correct record."
            ],
        ),
        (
            "26",
            "SUFFICIENCY STRATEGY 2026-29",
            ["That the strategy be recommended to Cabinet for adoption."],
        ),
    ]
    assert d.minutes is not None
    assert d.minutes.items[3].discussion.startswith("The Director presented the draft strategy.")


def test_welsh_bilingual_report_header() -> None:
    d = _report_of("welsh_bilingual_report_header.txt")
    r = d.report
    assert r is not None
    # The committee is the side of the bilingual value that a committee word names.
    assert (d.council, d.committee, d.meeting.date) == (
        "Caernant County Council",
        "Corporate Parenting Committee",
        "2026-07-15",
    )
    # "Aelod Cabinet / Cabinet Member:" is a label: the subject stops before it.
    assert d.title == "Adroddiad Blynyddol Gwasanaethau Maethu / Fostering Services Annual Report"
    assert r.from_ == "Pennaeth Gwasanaethau Plant / Head of Children's Services"
    assert [s.heading for s in r.sections] == [
        "PURPOSE OF THE REPORT",
        "RECOMMENDATION",
        "BACKGROUND",
    ]
    assert [x.text for x in r.recommendations] == ["That the Committee notes the annual report."]


def test_web_page_agenda_with_a_numbered_list_of_links() -> None:
    result = parsed("web_page_agenda_numbered_list.html")
    assert "Council and democracy" not in result.text  # the site's menu is not the paper
    # "Minutes of the meeting held on ..." as an agenda item starts no minutes.
    assert [(d.kind, d.subkind) for d in result.documents] == [("agenda", "order_of_business")]
    d = result.documents[0]
    assert (d.council, d.committee) == ("Eastmoor City Council", "Cabinet")
    assert meeting(d) == ("2026-07-09", "17:30", "Council Chamber, Eastmoor Town Hall")
    assert d.agenda is not None
    # An ordered list numbers its items; "(PDF, 210KB)" is link debris.
    assert [(i.number, i.title) for i in d.agenda.items] == [
        ("1", "Apologies for absence"),
        ("2", "Declarations of interest"),
        ("3", "Minutes of the meeting held on 11 June 2026"),
        ("4", "Children's Services Improvement Plan"),
        ("5", "Sufficiency Strategy for Children Looked After 2026-29"),
    ]
    assert [(c.email, c.phone) for c in d.agenda.contacts] == [
        ("democratic.services@eastmoor.gov.uk", "01632 960999")
    ]


def _facts(name: str) -> list[tuple[object, ...]]:
    out: list[tuple[object, ...]] = []
    for d in parsed(name).documents:
        minutes, agenda, report = d.minutes, d.agenda, d.report
        out.append(
            (
                d.kind,
                d.committee,
                d.meeting.date,
                [(i.number, i.title, i.part) for i in minutes.items] if minutes else None,
                [(a.name, a.status, a.capacity) for a in minutes.attendance] if minutes else None,
                [(i.number, i.title, i.pages, i.part) for i in agenda.items] if agenda else None,
                [s.heading for s in report.sections] if report else None,
                [x.text for x in report.recommendations] if report else None,
            )
        )
    return out


@pytest.mark.parametrize(
    "stem",
    [
        "minutes_pdf_table_labels_centred",
        "report_pdf_header_table_without_colons",
        "report_pdf_two_pages_running_header",
    ],
)
def test_a_pdf_and_the_web_page_it_was_printed_from_give_the_same_facts(stem: str) -> None:
    assert _facts(f"{stem}.pdf") == _facts(f"{stem}.html")


def test_the_agenda_web_page_gives_the_pdfs_items_but_joins_a_title_to_its_line_below() -> None:
    # In the web page a <br> inside a table cell cannot break the row's line: item 4's title
    # runs on into "Report of the Head of Adoption", which the PDF prints on a line of its own.
    def items(name: str) -> list[tuple[str | None, str | None, str]]:
        agenda = parsed(name).documents[0].agenda
        assert agenda is not None
        return [(i.number, i.pages, i.part) for i in agenda.items]

    assert items("agenda_pdf_notice_items_table.html") == items("agenda_pdf_notice_items_table.pdf")
    agenda = parsed("agenda_pdf_notice_items_table.html").documents[0].agenda
    assert agenda is not None
    assert (
        agenda.items[3].title == "Adoption Service Half-Year Report Report of the Head of Adoption"
    )


def test_membership_sentence_ends_at_a_co_opted_label_a_blank_line_below() -> None:
    docs = parsed("agenda_membership_sentence_co_opted_label.txt").documents
    assert [d.kind for d in docs] == ["agenda"]
    agenda = docs[0].agenda
    assert agenda is not None
    assert (docs[0].committee, docs[0].council) == (
        "Overview and Scrutiny Committee",
        "Eastleigh Vale District Council",
    )
    assert meeting(docs[0]) == ("2025-10-14", "19:00", "Council Chamber, Civic Offices, Leigh Road")
    # "Co-opted:" (without "members") starts its own list: "Gough" is not "Gough Co-opted",
    # and Mrs Hall is no councillor.
    assert [(m.name, m.honorific, m.role) for m in agenda.membership] == [
        ("Patel", "Councillor", "chair"),
        ("O'Neill", "Councillor", "vice-chair"),
        ("Armstrong", "Councillor", "member"),
        ("Bhatti", "Councillor", "member"),
        ("Cross", "Councillor", "member"),
        ("Dunmore", "Councillor", "member"),
        ("Fairweather", "Councillor", "member"),
        ("Gough", "Councillor", "member"),
        ("R Hall", "Mrs", "co-opted"),
    ]
    assert [(c.name, c.email, c.phone) for c in agenda.contacts] == [
        ("Sarah Kemp", "democratic.services@eastleighvale.gov.uk", "023 8068 8000")
    ]
    assert [(i.number, i.title, i.pages) for i in agenda.items] == [
        ("1", "Apologies for Absence", None),
        ("2", "Declarations of Interest", None),
        ("3", "Minutes of the meeting held on 9 September 2025", "1-6"),
        ("4", "Housing Allocations Policy Review", "7-30"),
        ("5", "Work Programme 2025/26", "31-34"),
    ]


def test_noted_and_unanimous_markers_give_the_decision_without_the_marker() -> None:
    d = only_minutes("scrutiny_minutes_noted_and_unanimous_markers.txt")
    assert d.minutes is not None
    assert (d.committee, d.council) == (
        "Children and Young People Scrutiny Panel",
        "Hartwell Borough Council",
    )
    assert meeting(d) == ("2025-11-05", "18:30", "Committee Room 2, Hartwell Town Hall")
    assert d.minutes.end_time == "20:05"
    assert attendance(d) == [
        ("J Adeyemi", "Councillor", "present", "member", "Chair"),
        ("P Barnes", "Councillor", "present", "member", None),
        ("L Chen", "Councillor", "present", "member", None),
        ("M Doherty", "Councillor", "present", "member", None),
        ("S Evans", "Councillor", "present", "member", None),
        ("T Frost", "Councillor", "present", "other", "Cabinet Member for Children's Services"),
        ("Ruth Gale", None, "present", "officer", "Director of Children's Services"),
        ("Imran Haq", None, "present", "officer", "Head of Fostering"),
        ("Karen Ives", None, "present", "officer", "Democratic Services Officer"),
        ("K Jordan", "Councillor", "apologies", "member", None),
    ]
    items = {i.number: i for i in d.minutes.items}
    assert [r.text for r in items["24"].resolutions] == [
        "the update, and that a breakdown by age of child would be circulated to members."
    ]
    assert "NOTED" not in items["24"].discussion
    assert [r.text for r in items["25"].resolutions] == [
        "That the revised Care Leavers Local Offer be recommended to Cabinet for approval."
    ]
    assert [r.text for r in items["26"].resolutions] == [
        "That an item on placement stability be added to the January 2026 meeting."
    ]
    assert [r.text for r in items["23"].resolutions] == []  # "were agreed as a correct record"


def test_substitutes_label_for_a_member_and_a_cabinet_member_in_attendance() -> None:
    d = only_minutes("city_scrutiny_minutes_substitutes_label_for_member.txt")
    assert d.minutes is not None
    assert (d.committee, d.council) == (
        "Children's Services Scrutiny Committee",
        "Kingsmere City Council",
    )
    assert meeting(d) == ("2026-01-12", "17:30", "Room 101, Guildhall")
    assert d.minutes.end_time == "19:10"
    assert attendance(d) == [
        ("Ogunleye", "Councillor", "present", "member", "Chair"),
        ("Pearce", "Councillor", "present", "member", "Vice-Chair"),
        ("Quinn", "Councillor", "present", "member", None),
        ("Rahman", "Councillor", "present", "member", None),
        ("Stevens", "Councillor", "present", "member", None),
        # "(for Councillor Underwood)" names whom she replaced; it is not a second person.
        ("Turner", "Councillor", "present", "substitute", None),
        ("Underwood", "Councillor", "apologies", "member", None),
        ("Vickers", "Councillor", "apologies", "member", None),
        ("W Walsh", "Mr", "present", "co-opted", "Parent Governor Representative"),
        # A councillor listed "in attendance" with officers is not an officer.
        ("X Young", "Councillor", "present", "other", "Cabinet Member for Education"),
        ("Z Abbott", None, "present", "officer", "Corporate Director, People"),
        ("B Clarke", None, "present", "officer", "Scrutiny Officer"),
    ]
    turner = next(a for a in d.minutes.attendance if a.name == "Turner")
    assert turner.replaces == "Underwood"
    assert items(d) == [
        ("1", "DECLARATIONS OF INTEREST", []),
        (
            "2",
            "MINUTES",
            [
                "That the minutes of the meeting held on 8 December 2025 be approved as a correct record."
            ],
        ),
        (
            "3",
            "CHILDREN IN CARE COUNCIL UPDATE",
            [
                "That the report be noted.",
                "That the Committee's thanks be recorded to the young people who presented.",
            ],
        ),
        (
            "4",
            "FOSTERING SERVICE ANNUAL REPORT",
            [
                "That the annual report be noted and that the Committee receives a further "
                "update on recruitment in June 2026."
            ],
        ),
    ]
    assert [(x.name, x.item) for x in d.minutes.declarations] == [("Quinn", "4")]


def test_agenda_sub_items_sub_headings_and_part_b() -> None:
    docs = parsed("county_board_agenda_sub_items_part_b.txt").documents
    assert [d.kind for d in docs] == ["agenda"]
    d = docs[0]
    assert d.agenda is not None
    assert (d.committee, d.council) == ("Corporate Parenting Board", "North Ledsham County Council")
    assert meeting(d) == ("2026-01-22", "14:00", "The Boardroom, County Hall, Ledsham")
    assert [(m.name, m.honorific, m.role) for m in d.agenda.membership] == [
        ("A Whitfield", "County Councillor", "chair"),
        ("B Yates", "County Councillor", "vice-chair"),
        ("C Zubair", "County Councillor", "member"),
        ("D Ashworth", "County Councillor", "member"),
        ("E Booth", "County Councillor", "member"),
    ]
    assert [(i.number, i.title, i.pages, i.part) for i in d.agenda.items] == [
        ("1", "Welcome and Apologies", None, "open"),
        ("2", "Disclosures of Interest", None, "open"),
        ("3", "Minutes of the Meeting held on 20 November 2025", "3-8", "open"),
        ("4", "Sufficiency Strategy 2026-2029", "9-40", "open"),
        ("5", "Corporate Parenting Pledge Refresh", "41-52", "open"),
        ("6", "Performance Reports", None, "open"),
        ("6.1", "Children Looked After Performance Scorecard", "53-60", "open"),
        ("6.2", "Care Leavers Performance Scorecard", "61-66", "open"),
        ("7", "Virtual School Headteacher's Report", "67-80", "open"),
        ("8", "Individual Case Review", "81-90", "closed"),
    ]
    assert [(c.name, c.email, c.phone) for c in d.agenda.contacts] == [
        ("Mark Oduya", "mark.oduya@northledsham.gov.uk", "01234 567890")
    ]


def test_a_public_report_with_an_exempt_appendix_stays_open() -> None:
    docs = parsed("county_report_public_with_exempt_appendix.txt").documents
    assert [d.kind for d in docs] == ["report"]
    d = docs[0]
    report = d.report
    assert report is not None
    assert d.title == "Placement Sufficiency and Stability: Quarter 3 Update"
    assert (d.committee, d.council) == ("Corporate Parenting Panel", "Westbury County Council")
    # "Status: Public (Appendix B is exempt ...)": the report is open, its appendix withheld.
    assert report.classification == "open"
    assert report.date == "2026-02-04"
    assert report.wards == "All"  # "Electoral divisions:" are a county's wards
    assert report.from_ == "Executive Director of Children's Services"
    assert [r.text for r in report.recommendations] == [
        "The Panel is asked to note the progress made against the Sufficiency Strategy action plan",
        "The Panel is asked to agree the priorities for the next quarter set out in section 5",
        "The Panel is asked to receive a further report in July 2026.",
    ]
    assert report.appendices == (
        "Appendix A – Sufficiency action plan progress",
        "Appendix B – Individual placement costs (exempt)",
    )
    assert [s.heading for s in report.sections][:7] == [
        "Purpose of the report",
        "Recommendations",
        "Background",
        "Placement stability",
        "Priorities for Quarter 4",
        "Financial implications",
        "Appendices",
    ]


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("Public (Appendix B is exempt under paragraph 1 of Schedule 12A)", "open"),
        ("Open, with exempt appendices", "open"),
        ("Exempt under paragraph 3 of Schedule 12A", "closed"),
        ("Part exempt", "closed"),
        ("Not for publication (Appendix 2 is exempt)", "closed"),
        ("Public", "open"),
    ],
)
def test_exempt_appendices_do_not_close_an_open_report(status: str, expected: str) -> None:
    from minutebook.parser.report_header import _classification

    assert _classification(status) == expected


def test_work_programme_of_meeting_labels_over_tabbed_bullets() -> None:
    docs = parsed("work_programme_meeting_labels_tabbed_bullets.txt").documents
    assert [(d.kind, d.subkind) for d in docs] == [("report", "work_plan")]
    d = docs[0]
    assert d.title == "Forward Work Programme 2026/27"
    assert d.committee == "Corporate Parenting Committee"
    # The first "Meeting:" date heads the plan's first entry; it is not this paper's date.
    assert d.meeting.date is None
    assert [(e.meeting_date, list(e.items)) for e in d.work_plan] == [
        (
            "2026-06-09",
            [
                "Virtual School Headteacher's Annual Report",
                "Fostering Service Annual Report and Statement of Purpose",
                "Children in Care Council – Update",
            ],
        ),
        (
            "2026-09-15",
            [
                "Independent Reviewing Officer Annual Report",
                "Care Leavers Local Offer – Six-Month Review",
            ],
        ),
        # "Items to be scheduled" ends the December list: its item has no date.
        (
            "2026-12-01",
            [
                "Placement Sufficiency Strategy – Progress Report",
                "Health of Children in Care Annual Report",
            ],
        ),
    ]


def test_a_word_bullet_and_its_tab_are_a_bullet_not_a_table_row() -> None:
    from minutebook.parser.normalise import untab_bullets

    assert untab_bullets("•\tFirst\n  o\tSecond\n-\t12\t15\nA\tB") == (
        "• First\n  o Second\n-\t12\t15\nA\tB"
    )


def test_board_members_one_per_line_with_commas_in_their_roles() -> None:
    d = only_minutes("health_wellbeing_board_minutes_dash_roles.txt")
    assert d.committee == "Health and Wellbeing Board"
    assert meeting(d) == ("2026-02-19", "14:00", "County Hall, Marlow")
    assert attendance(d) == [
        ("Anne Bell", "Councillor", "present", "member", "Chair"),
        # A comma in the role after the dash does not split the line into two people.
        (
            "Bhavesh Patel",
            "Dr",
            "present",
            "member",
            "Vice-Chair; Clinical Lead, Marlow Integrated Care Board",
        ),
        ("Carl Dunn", "Councillor", "present", "member", "Cabinet Member for Adult Social Care"),
        ("Claire Rowe", None, "present", "officer", "Director of Public Health"),
        # The chief executive of another body is not the council's officer.
        ("Dev Singh", None, "present", "other", "Chief Executive, Healthwatch Marlow"),
        ("Emma Tate", None, "present", "officer", "Democratic Services Officer"),
        ("Frank Usher", None, "apologies", "member", "Chief Constable's representative"),
    ]
    assert items(d) == [
        ("12", "DECLARATIONS OF INTEREST", []),
        (
            "13",
            "JOINT HEALTH AND WELLBEING STRATEGY REFRESH",
            ["That the draft strategy be approved for consultation."],
        ),
    ]


def test_two_declarations_in_one_paragraph_and_two_declarers_in_one() -> None:
    d = only_minutes("panel_minutes_declarations_two_to_a_paragraph.txt")
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("N Lewis", "4", "other"),
        ("O Murphy", "4", "other"),
        ("R Osei", "5", "pecuniary"),
    ]
    osei = d.minutes.declarations[2]
    assert osei.text.startswith("Councillor Osei declared a disclosable pecuniary interest")


def test_apologies_and_a_substitution_told_in_sentences() -> None:
    d = only_minutes("committee_minutes_apologies_and_substitution_sentences.txt")
    assert d.minutes is not None
    assert d.committee == "Corporate Parenting Committee"
    assert meeting(d)[:2] == ("2026-02-25", "10:30")
    assert d.minutes.end_time == "12:15"
    assert attendance(d) == [
        ("S Adams", "Councillor", "present", "member", "Chair"),
        ("T Brooks", "Councillor", "present", "member", None),
        ("U Clarke", "Councillor", "present", "member", None),
        ("V Dale", "Councillor", "present", "member", None),
        ("W Ellis", "Councillor", "present", "substitute", None),
        ("Y Fox", None, "present", "officer", "Assistant Director, Children's Social Care"),
        ("Z Gray", None, "present", "officer", "Committee Clerk"),
        ("H Irving", "Councillor", "apologies", "member", None),
        ("J Knox", "Councillor", "apologies", "member", None),
        # "Councillors ..." does not reach a co-opted member named after them.
        ("L Moss", "Mrs", "apologies", "co-opted", "co-opted member"),
    ]
    ellis = next(a for a in d.minutes.attendance if a.name == "W Ellis")
    assert ellis.replaces == "J Knox"  # the member, without "Councillor"
    assert items(d)[2] == ("47", "ADOPTION SERVICE HALF-YEAR REPORT", ["That the report be noted."])


def test_supplementary_agenda_with_its_pages_in_a_column() -> None:
    docs = parsed("supplementary_agenda_pages_cell.txt").documents
    assert [(d.kind, d.subkind) for d in docs] == [("agenda", "supplemental_agenda")]
    d = docs[0]
    assert d.agenda is not None and d.agenda.supplement == 2
    assert (d.committee, d.council, d.meeting.date) == (
        "Corporate Parenting Board",
        "Rushby Metropolitan Borough Council",
        "2026-03-17",
    )
    assert [(i.number, i.title, i.pages) for i in d.agenda.items] == [
        (
            "8",
            "Ofsted Inspection of Local Authority Children's Services (ILACS) – Outcome Letter",
            "101-118",
        )
    ]


def test_word_minutes_with_attendees_label_and_a_time_range() -> None:
    d = only_minutes("governing_body_minutes_attendees_time_range.txt")
    assert d.minutes is not None
    assert d.committee == "Virtual School Governing Body"
    assert meeting(d) == ("2026-03-12", "14:00", "Microsoft Teams")
    assert d.meeting.online is True
    assert d.minutes.end_time == "16:15"  # the end of "Time: 14:00 – 16:15"
    assert attendance(d) == [
        # Whoever chairs the meeting sits on the body, whatever her post.
        ("Jo Ashby", None, "present", "member", "Chair; Virtual School Headteacher"),
        ("Rob Bates", "Cllr", "present", "member", "Lead Member for Children"),
        ("Sam Carter", None, "present", "member", "Designated Teacher Representative"),
        ("Tara Dean", None, "present", "member", "Social Worker Representative"),
        ("Uma Evans", None, "apologies", "officer", "Director of Education"),
    ]
    assert items(d) == [
        ("1", "Welcome and introductions", []),
        (
            "2",
            "Pupil Premium Plus spending 2025/26",
            ["the allocation to schools for the summer term."],
        ),
        ("3", "Any other business", []),
    ]
