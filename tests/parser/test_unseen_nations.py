"""Papers of Scotland, Wales and Northern Ireland, and of bodies whose conventions differ
from an English county council's: a London borough's corporate parenting board, a police
and crime panel, a combined authority's scrutiny committee, an integration joint board
(synthetic papers: see unseen/README.md).

As in `test_unseen_layouts.py`, each test states the facts a careful reader takes from
the paper; nothing in the parser names these invented councils, people or places.
"""

from __future__ import annotations

from minutebook.parser.models import Document
from minutebook.parser.names import PersonName, split_person
from tests.parser.test_unseen_layouts import attendance, items, meeting, only_minutes, parsed


def _post_nominals(d: Document) -> dict[str, str]:
    assert d.minutes is not None
    return {a.name: a.post_nominals for a in d.minutes.attendance if a.post_nominals}


def test_scottish_minute_sederunt_posts_before_names_connection_and_agreed_lists() -> None:
    d = only_minutes("scottish_committee_minute_sederunt_connection_transparency.txt")
    assert (d.committee, d.council) == ("Children and Families Committee", "Strathlinn Council")
    assert meeting(d) == ("2026-03-11", "10:00", "the Council Chambers, Burgh Chambers, Kilbrannan")
    # "SEDERUNT" lists the members (the Provost and a Bailie by their titles); "IN
    # ATTENDANCE" prints each officer's post first, the person in brackets.
    assert attendance(d) == [
        ("Morven Drummond", "Councillor", "present", "member", "Convener"),
        ("Ruaridh Baird", "Councillor", "present", "member", "Depute Convener"),
        ("Elspeth Cowie", "Provost", "present", "member", None),
        ("Hector Lindsay", "Bailie", "present", "member", None),
        ("Iona Matheson", "Councillor", "present", "member", None),
        ("Callum Wishart", "Councillor", "present", "member", None),
        ("Neil Forsyth", "Mr", "present", "member", "Religious Representative"),
        ("Siobhan McGarvey", "Ms", "present", "member", "Religious Representative"),
        ("Gillian Rennie", "Ms", "present", "officer", "Chief Social Work Officer"),
        ("Alan Strachan", "Mr", "present", "officer", "Head of Education Resources"),
        ("Karen Dunlop", "Mrs", "present", "officer", "Legal Services Manager"),
        ("Lorna Tait", "Ms", "present", "officer", "Committee Services Officer"),
        # "Apologies for absence were intimated on behalf of ...".
        ("Fraser Ogilvie", "Councillor", "apologies", "member", None),
        ("Janet Paterson", "Mrs", "apologies", "member", "Teacher Representative"),
    ]
    assert d.minutes is not None
    # A connection and a transparency statement are recorded, by surname, for their items.
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("Iona Matheson", "6", "other"),
        ("Hector Lindsay", "5", "other"),
    ]
    assert items(d) == [
        ("1", "APOLOGIES FOR ABSENCE", []),
        ("2", "DECLARATIONS OF INTEREST", []),
        ("3", "MINUTE OF MEETING OF 21 JANUARY 2026", []),
        (
            "4",
            "CHILDREN'S SERVICES PLAN 2026-2029",
            [
                "to approve the Children's Services Plan 2026-2029 as set out in Appendix 1 "
                "to the report",
                "That progress be reported to the Committee every six months",
                "to thank the Children's Rights Officer and the young people involved for "
                "their contribution.",
            ],
        ),
        (
            "5",
            "EARLY LEARNING AND CHILDCARE EXPANSION - PROGRESS REPORT",
            [
                "That the progress made be noted",
                "That the Head of Education Resources report further to the meeting of the "
                "Committee in June 2026.",
            ],
        ),
        (
            "6",
            "KINSHIP CARE ALLOWANCES",
            [
                "to approve the revised rates of kinship care allowance set out in Table 1 of "
                "the report, with effect from 1 April 2026",
                "to note that the cost will be met from the Children and Families revenue budget.",
            ],
        ),
    ]
    # "Following consideration, the Committee agreed:-" and "The motion was accordingly
    # carried and the Committee agreed:-" each introduce the list; the vote stays discussion.
    assert [r.number for r in d.minutes.items[3].resolutions] == ["i", "ii", "iii"]
    sixth = d.minutes.items[5].discussion
    assert sixth.endswith("For the amendment (2): Councillor Matheson and Bailie Lindsay.")
    assert "agreed:-" not in sixth
    assert d.minutes.end_time == "11:42"


def test_welsh_minutes_councillors_label_together_with_officers_and_apologies_heading() -> None:
    d = only_minutes("welsh_county_borough_scrutiny_minutes_together_with.txt")
    # The council's name in Welsh above its name in English.
    assert (d.committee, d.council) == (
        "Social Services Scrutiny Committee",
        "Cwm Arian County Borough Council",
    )
    assert meeting(d) == ("2026-02-17", "14:00", "THE COUNCIL CHAMBER, TŶ PENALLT, PONTYBRYN")
    assert attendance(d) == [
        ("Eleri Rhys-Pritchard", "Councillor", "present", "member", "Chair"),
        ("Gethin ap Dafydd", "Councillor", "present", "member", "Vice-Chair"),
        ("D. Bevan", "Councillor", "present", "member", None),
        ("C. Ifans", "Councillor", "present", "member", None),
        ("M. Llewelyn", "Councillor", "present", "member", None),
        ("S. Owen-Jones", "Councillor", "present", "member", None),
        ("T. Watkins", "Councillor", "present", "member", None),
        ("A. Pugh", "Mrs", "present", "co-opted", "Parent Governor Representative"),
        ("H. Meredith", "Councillor", "present", "other", "Cabinet Member for Social Care"),
        # "Together with:" lists the officers.
        ("N. Griffiths", None, "present", "officer", "Corporate Director of Social Services"),
        ("R. Parry", None, "present", "officer", "Head of Children's Services"),
        ("L. Howells", None, "present", "officer", "Scrutiny Officer"),
        ("C. Vaughan", None, "present", "officer", "Committee Services Officer"),
        # Under an unnumbered "APOLOGIES FOR ABSENCE" heading, a sentence names them: its
        # opening words are nobody.
        ("B. Jenkins", "Councillor", "apologies", "member", None),
        ("W. Morgan", "Councillor", "apologies", "member", None),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("C. Ifans", "4", "other")
    ]
    assert [(n, t, len(r)) for n, t, r in items(d)] == [
        ("1", "DECLARATIONS OF INTEREST", 0),
        ("2", "MINUTES - 13 JANUARY 2026", 1),
        ("3", "CHILDREN'S SERVICES PERFORMANCE - QUARTER 3", 2),
        ("4", "FOSTERING SERVICE ANNUAL REPORT 2024/25", 1),
        ("5", "EXCLUSION OF THE PRESS AND PUBLIC", 1),
        ("6", "RESIDENTIAL CHILDREN'S HOMES - COMMISSIONING", 1),
    ]
    assert items(d)[2][2] == [
        "the report be noted",
        "a breakdown of placements outside the county borough be provided to the next meeting.",
    ]
    assert d.minutes.end_time == "16:05"


def test_welsh_summons_letter_then_membership_and_parts_1_and_2() -> None:
    docs = parsed("welsh_agenda_summons_part_1_part_2_paragraph_14.txt").documents
    assert [(d.kind, d.subkind) for d in docs] == [
        ("agenda", "front_sheet"),
        ("agenda", "order_of_business"),
    ]
    front, business = docs
    # The letter's own date (27 February) and the offices' address above "Dear Councillor"
    # are not the meeting's: the summons sentence names committee, venue, date and time.
    assert (front.committee, front.council) == (
        "Corporate Parenting Panel",
        "Ynys Wen County Council",
    )
    assert meeting(front) == (
        "2026-03-05",
        "10:00",
        "the Council Chamber, Council Offices, Llanfor and remotely via Microsoft Teams",
    )
    assert front.meeting.online is True
    # The membership and contacts printed after the letter, on the next page, belong to the
    # front sheet: the order of business starts at its "AGENDA" heading below them.
    assert (front.span.last_line, business.span.first_line) == (29, 31)
    # "Membership / Aelodaeth": the Welsh word is no member.
    assert front.agenda is not None and business.agenda is not None
    assert (business.agenda.membership, business.agenda.contacts) == ((), ())
    members = front.agenda.membership
    assert [(m.name, m.honorific, m.role) for m in members] == [
        ("Nia Gwilym", "Councillor", "chair"),
        ("Owain Pritchard", "Councillor", "vice-chair"),
        ("Bethan Hughes", "Councillor", "member"),
        ("Ieuan Lloyd", "Councillor", "member"),
        ("Catrin Morris", "Councillor", "member"),
        ("Rhodri Thomas", "Councillor", "member"),
    ]
    assert [(c.name, c.email, c.phone) for c in front.agenda.contacts] == [
        ("Siân Evans", "sianevans@ynyswen.gov.wales", "01248 752 118")
    ]
    # "PART 2" (exempt under paragraph 14 of Part 4 of Schedule 12A) closes the items after it.
    assert [(i.number, i.title, i.pages, i.part) for i in business.agenda.items] == [
        ("1", "Apologies for Absence", None, "open"),
        ("2", "Declaration of Interest", None, "open"),
        ("3", "Minutes", "1-6", "open"),
        ("4", "Children Looked After - Quarterly Performance", "7-22", "open"),
        ("5", "Regional Adoption Collaborative - Annual Report 2024/25", "23-40", "open"),
        ("6", "Forward Work Programme", "41-44", "open"),
        ("7", "Exclusion of the Press and Public", None, "closed"),
        ("8", "Residential Placement Costs", "45-58", "closed"),
    ]
    assert business.agenda.items[2].description == (
        "To confirm the minutes of the meeting held on 4 December 2025."
    )


def test_ni_minutes_surnames_irish_names_coded_items_and_proposed_seconded_resolved() -> None:
    d = only_minutes("ni_district_council_minutes_coded_moved_seconded.txt")
    assert (d.committee, d.council) == (
        "Leisure and Community Development Committee",
        "Carrowmore and Slievedrum District Council",
    )
    # "The meeting commenced at 7.00 pm." gives the time the heading does not.
    assert meeting(d) == (
        "2026-02-12",
        "19:00",
        "the Council Chamber, Carrowmore and by virtual means",
    )
    assert d.meeting.online is True
    # Members by surname; "Ó Donnghaile" opens with a capital outside A-Z; "Chair" after a
    # comma is the role; officers "Ms Hegarty, Director of ..." one a line.
    assert attendance(d) == [
        ("Ó Donnghaile", "Councillor", "present", "member", "Chair"),
        ("Beattie", "Alderman", "present", "member", None),
        ("McCrea", "Alderman", "present", "member", None),
        ("Campbell", "Councillor", "present", "member", None),
        ("Doherty", "Councillor", "present", "member", None),
        ("Mac Giolla Bhríde", "Councillor", "present", "member", None),
        ("McAleer", "Councillor", "present", "member", None),
        ("O'Neill", "Councillor", "present", "member", None),
        ("Quinn", "Councillor", "present", "member", None),
        ("Hegarty", "Ms", "present", "officer", "Director of Leisure and Community Development"),
        ("Rafferty", "Mr", "present", "officer", "Head of Community Development"),
        ("Lowry", "Mrs", "present", "officer", "Democratic Services Officer"),
        # "Others in Attendance": not the council's officer; "(Item LC012/26)" is when.
        ("P Devlin", "Mr", "present", "other", "Chief Executive, Slievedrum Community Network"),
        ("Sinton", "Alderman", "apologies", "member", None),
        ("Fyfe", "Councillor", "apologies", "member", None),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item) for x in d.minutes.declarations] == [("Doherty", "LC013/26")]
    assert items(d) == [
        ("LC009/26", "Apologies", []),
        ("LC010/26", "Declarations of Interest", []),
        ("LC011/26", "Chair's Business", []),
        (
            "LC012/26",
            "Community Grants Programme 2026/27",
            [
                "That it be recommended to Council to approve the Community Grants Programme "
                "2026/27 as set out in the report."
            ],
        ),
        (
            "LC013/26",
            "Sports Club Capital Support",
            [
                # "Resolved That it be recommended to Council that:" over (a) and (b).
                "That it be recommended to Council that capital support of £25,000 be offered"
                " to each of the four clubs named in the report",
                "That it be recommended to Council that the Director of Leisure and Community"
                " Development be authorised to agree the conditions of grant.",
            ],
        ),
        (
            "LC014/26",
            "Minutes of Meeting of Leisure and Community Development Committee held on "
            "15 January 2026",
            [],
        ),
    ]
    assert d.minutes.end_time == "20:12"


def test_london_corporate_parenting_board_young_people_and_officer_posts_with_commas() -> None:
    d = only_minutes("london_corporate_parenting_board_young_people_virtual_school.txt")
    assert (d.committee, d.council) == ("Corporate Parenting Board", "London Borough of Fenwick")
    assert meeting(d) == (
        "2026-01-21",
        "18:30",
        "Committee Room 3, Fenwick Town Hall, Fenwick Road, London SE29 4QT",
    )
    assert attendance(d) == [
        ("Abena Mensah", "Councillor", "present", "member", "Chair"),
        ("Oliver Brandt", "Councillor", "present", "member", "Vice-Chair"),
        ("Rukhsana Begum", "Councillor", "present", "member", None),
        ("Declan Fitzgerald", "Councillor", "present", "member", None),
        ("Sophie Laurent", "Councillor", "present", "member", None),
        ("Hannah Greaves", None, "present", "co-opted", "Foster Carer Representative"),
        ("Tunde Bakare", None, "present", "co-opted", "Care Leaver Representative"),
        # The label names the seat of the young people listed under it.
        ("Kai Thompson", None, "present", "other", "Children in Care Council Representative"),
        ("Mariam Yusuf", None, "present", "other", "Children in Care Council Representative"),
        ("Jacqueline Moss", None, "present", "officer", "Director of Children's Services"),
        # A post with commas of its own is one person's.
        (
            "Femi Adeyinka",
            None,
            "present",
            "officer",
            "Head of Service, Children Looked After and Care Leavers",
        ),
        ("Marcus Hale", None, "present", "officer", "Virtual School Headteacher"),
        ("Eilidh Ross", None, "present", "officer", "Governance Officer"),
        (
            "Priya Raman",
            "Dr",
            "present",
            "other",
            "Designated Doctor for Looked After Children, North Fenwick Integrated Care Board",
        ),
        ("Yusuf Kaya", "Councillor", "apologies", "member", None),
        # "... and from Ruth Adler (Participation Officer)": an officer's apology.
        ("Ruth Adler", None, "apologies", "officer", "Participation Officer"),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("Declan Fitzgerald", "6", "other")
    ]
    assert [(n, t, len(r)) for n, t, r in items(d)] == [
        ("1", "APOLOGIES FOR ABSENCE", 0),
        ("2", "DECLARATIONS OF INTEREST", 0),
        ("3", "MINUTES OF THE PREVIOUS MEETING", 1),
        ("4", "VOICE OF THE CHILD: CHILDREN IN CARE COUNCIL UPDATE", 2),
        ("5", "HEALTH OF CHILDREN LOOKED AFTER", 1),
        ("6", "VIRTUAL SCHOOL HEADTEACHER'S ANNUAL REPORT 2024/25", 2),
        ("7", "WORK PROGRAMME", 1),
    ]
    assert items(d)[5][2][1] == (
        "That the Board write to the Cabinet Member for Education to support the Virtual "
        "School's bid for additional tutoring funding."
    )
    assert d.minutes.end_time == "20:05"


def test_police_and_crime_panel_post_nominals_apart_from_names() -> None:
    d = only_minutes("police_crime_panel_minutes_post_nominals_commissioner.txt")
    # A panel hosted by a council prints none: no council is guessed.
    assert (d.committee, d.council) == ("Northvale Police and Crime Panel", None)
    assert meeting(d) == ("2026-02-06", "10:30", "County Hall, Northvale")
    # "Councillor Jane Smith MBE (Chair) - Ashby District Council": MBE is no part of the
    # name; the council a member comes from is a role, as the dash prints it, after the
    # bracketed role printed before it.
    assert attendance(d) == [
        ("Jane Smith", "Councillor", "present", "member", "Chair; Ashby District Council"),
        ("John Brown", "Mr", "present", "co-opted", "Vice-Chair; Independent Co-opted Member"),
        ("Peter Okoye", "Councillor", "present", "member", "Northvale County Council"),
        ("Ann Lee", "Councillor Dr", "present", "member", "Bramwell Borough Council"),
        ("Gareth Price", "Councillor", "present", "member", "Kilby City Council"),
        ("Helen Farrow", "Mrs", "present", "co-opted", "Independent Co-opted Member"),
        ("Simon Ashdown", "Mr", "present", "other", "Police and Crime Commissioner"),
        (
            "Laura Pike",
            "Ms",
            "present",
            "other",
            "Chief Executive, Office of the Police and Crime Commissioner",
        ),
        ("Rachel Vine", "Mrs", "present", "other", "Chief Constable, Northvale Police"),
        ("Claire Dunn", "Ms", "present", "officer", "Panel Support Officer"),
        ("Martin Crewe", "Councillor", "apologies", "member", "Ashby District Council"),
    ]
    assert _post_nominals(d) == {
        "Jane Smith": "MBE",
        "John Brown": "CBE",
        "Ann Lee": "OBE JP",
        "Rachel Vine": "QPM",
    }
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("Ann Lee", "16", "other")
    ]
    assert items(d) == [
        ("14", "Declarations of Interest", []),
        (
            "15",
            "Minutes of the Previous Meeting",
            [
                "That the minutes of the meeting held on 28 November 2025 be confirmed as a "
                "correct record and signed by the Chair."
            ],
        ),
        (
            "16",
            "Proposed Police Precept 2026/27",
            [
                "the Panel supports the proposed precept of £281.50 for a Band D property for "
                "2026/27",
                "the Chair write to the Commissioner setting out the Panel's recommendation "
                "that the additional income be used to increase the number of neighbourhood "
                "officers.",
            ],
        ),
        (
            "17",
            "Police and Crime Plan - Performance Report",
            ["That the performance report be noted."],
        ),
    ]
    assert d.minutes.end_time == "12:20"


def test_combined_authority_minutes_in_two_columns_of_pdf_text() -> None:
    d = only_minutes("combined_authority_scrutiny_minutes_two_column_pdf_text.txt")
    # The authority at the head, not a member's council from the column beside the names.
    assert (d.committee, d.council) == (
        "Overview and Scrutiny Committee",
        "Northern Pennines Combined Authority",
    )
    assert meeting(d) == ("2026-01-19", "13:00", "Wellington House, Halden")
    # The right-hand column (a member's council, a seat, a post) belongs to the name beside it.
    assert attendance(d) == [
        (
            "Amir Hussain",
            "Councillor",
            "present",
            "member",
            "Chair; Kirkdale Metropolitan Borough Council",
        ),
        ("Joanne Pryce", "Councillor", "present", "member", "Deputy Chair; Ashworth Council"),
        (
            "Tom Ellery",
            "Councillor",
            "present",
            "member",
            "Hollinfield Metropolitan Borough Council",
        ),
        (
            "Bernadette Quayle",
            "Councillor",
            "present",
            "member",
            "Kirkdale Metropolitan Borough Council",
        ),
        ("Lesley Carver", None, "present", "co-opted", "Independent Co-opted Member"),
        (
            "Danny Fairhurst",
            "Mayor",
            "present",
            "other",
            "Mayor of the Northern Pennines Combined Authority",
        ),
        ("Oluwaseun Ade", "Dr", "present", "officer", "Chief Executive"),
        ("Fiona Grant", None, "present", "officer", "Director of Transport"),
        ("Kieran Walsh", None, "present", "officer", "Scrutiny Officer"),
        (
            "Ravi Patel",
            "Councillor",
            "apologies",
            "member",
            "Hollinfield Metropolitan Borough Council",
        ),
    ]
    assert _post_nominals(d) == {"Lesley Carver": "MBE", "Oluwaseun Ade": "OBE"}
    assert items(d) == [
        ("21", "Declarations of Interest", []),
        (
            "22",
            "Minutes of the Meeting held on 17 November 2025",
            ["That the minutes of the meeting held on 17 November 2025 be approved."],
        ),
        (
            "23",
            "Bus Franchising - Progress Report",
            [
                "That the report be noted.",
                "That the Director of Transport provide the Committee with the figures on "
                "young people's fares requested at the meeting.",
            ],
        ),
        ("24", "Work Programme", ["That the work programme be agreed."]),
    ]
    assert d.minutes is not None and d.minutes.end_time == "14:45"


def test_integration_joint_board_voting_and_non_voting_members() -> None:
    d = only_minutes("scottish_ijb_minute_voting_non_voting_members.txt")
    # An integration joint board is a body of its own, as an authority is.
    assert (d.committee, d.council) == (
        "Kildonan and Glenshee Integration Joint Board",
        "Kildonan and Glenshee Integration Joint Board",
    )
    assert meeting(d) == ("2026-02-24", "14:00", "Microsoft Teams")
    assert d.meeting.online is True
    # "Voting Members" and "Non-Voting Members" under "Present:": the board's officers sit
    # among its non-voting members, a carers' representative is co-opted.
    assert attendance(d) == [
        ("Shona Kirk", "Councillor", "present", "member", "Chair"),
        (
            "Graham Lennox",
            "Dr",
            "present",
            "member",
            "Non-Executive Director, NHS Kildonan; Vice Chair",
        ),
        ("Angus MacRae", "Councillor", "present", "member", None),
        ("Kirsty Baillie", "Councillor", "present", "member", None),
        ("Elaine Ferrie", "Mrs", "present", "member", "Non-Executive Director, NHS Kildonan"),
        ("Robert Chalmers", "Mr", "present", "member", "Non-Executive Director, NHS Kildonan"),
        ("Moira Baxter", "Ms", "present", "officer", "Chief Officer"),
        ("David Guthrie", "Mr", "present", "officer", "Chief Finance Officer"),
        ("Alison Rankin", "Ms", "present", "officer", "Chief Social Work Officer"),
        ("Jean Blair", "Mrs", "present", "co-opted", "Carers' Representative"),
        ("Stuart Millar", "Mr", "present", "officer", "Standards Officer"),
        ("Kerry Hogg", "Miss", "present", "officer", "Committee Officer"),
        ("Lorraine Dey", "Councillor", "apologies", "member", None),
        # "... and Dr Ian McNab, Clinical Director.": the post after the last name is his
        # (a post under "Apologies:", which lists members and others, makes an officer).
        ("Ian McNab", "Dr", "apologies", "officer", "Clinical Director"),
    ]
    assert items(d) == [
        ("1", "WELCOME AND APOLOGIES", []),
        ("2", "DECLARATIONS OF INTEREST", []),
        ("3", "MINUTE OF PREVIOUS MEETING", []),
        (
            "4",
            "REVENUE BUDGET 2026/27",
            [
                "to approve the revenue budget for 2026/27 of £212.4 million",
                "to issue directions to Kildonan Council and NHS Kildonan as set out in Appendix 3",
                "to note the financial risks set out in section 6 of the report.",
            ],
        ),
        (
            "5",
            "CHILDREN'S SERVICES INSPECTION - ACTION PLAN",
            [
                "The Board agreed to note the action plan and that a progress report be "
                "brought to the meeting in June 2026."
            ],
        ),
    ]
    assert d.minutes is not None and d.minutes.end_time == "15:50"


def test_person_rules_behind_these_papers() -> None:
    # A post, then its holder in brackets (Scottish minutes' "In attendance").
    assert split_person("Chief Social Work Officer (Ms Gillian Rennie)") == PersonName(
        "Gillian Rennie", "Ms", "Chief Social Work Officer"
    )
    # Honours after a name, with or without a comma, are kept apart from it.
    assert split_person("Councillor Dr Ann Lee OBE JP") == PersonName(
        "Ann Lee", "Councillor Dr", None, "OBE JP"
    )
    assert split_person("Mr R C Love, OBE (Chair)") == PersonName("R C Love", "Mr", "Chair", "OBE")
    # A surname opening with a capital outside A-Z keeps its title.
    assert split_person("Councillor Ó Donnghaile") == PersonName("Ó Donnghaile", "Councillor", None)
    # "Mayor" before a name is a title (a combined authority's elected mayor).
    assert split_person("Mayor Danny Fairhurst").honorific == "Mayor"
