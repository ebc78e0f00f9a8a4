"""Kinds of paper the synthetic collection lacked: minutes with a recorded vote, an urgent
officer decision not subject to call-in, printed minutes with "Minute No." and "Action"
columns, and a board's annual report with a performance scorecard (see unseen/README.md).

As elsewhere, each test states the facts a careful reader takes from the paper; nothing in
the parser names these invented councils, people or places.
"""

from __future__ import annotations

from tests.parser.test_unseen_layouts import attendance, items, meeting, only_minutes, parsed


def test_minutes_recording_a_vote_by_name() -> None:
    d = only_minutes("borough_minutes_recorded_vote_for_against_abstained.txt")
    assert (d.committee, d.council) == ("Corporate Parenting Board", "Haverleigh Borough Council")
    assert meeting(d) == ("2026-01-21", "18:00", "Committee Room 2, Civic Centre, Haverleigh")
    # The councillors named in the vote are no attendees of their own.
    assert [a[0] for a in attendance(d)] == [
        "Grace Abara",
        "Tom Hillier",
        "Peter Dunmore",
        "Sasha Kaur",
        "Neil Oduya",
        "Fiona Pell",
        "Kayla Brent",
        "Marcus Lyle",
        "Hannah Stowe",
        "Ian Cardew",
        "Ruth Meadows",
    ]
    assert attendance(d)[-1] == ("Ruth Meadows", "Councillor", "apologies", "member", None)
    assert items(d) == [
        ("27", "Declarations of Interest", []),
        (
            "28",
            "Minutes",
            [
                "That the minutes of the meeting held on 5 November 2025 be agreed as a correct"
                " record."
            ],
        ),
        (
            "29",
            "Foster Carer Fees and Allowances 2026/27",
            [
                # The lead-in recommending the decisions to the Cabinet reads with each.
                "That the Cabinet be recommended to increase the fees paid to foster carers by"
                " 4% from 6 April 2026",
                "That the Cabinet be recommended to keep the allowances for children placed with"
                " foster carers at the national minimum rates.",
            ],
        ),
        (
            "30",
            "Care Leavers' Council Tax Exemption",
            # "Voting:" / "For – ..." / "Against – None" under the decision is not part of it.
            [
                "That the extension of the council tax exemption to care leavers aged up to 25"
                " be supported."
            ],
        ),
    ]
    assert d.minutes is not None
    vote = d.minutes.items[2].discussion
    assert "For (4): Councillors Abara, Hillier, Oduya and Pell" in vote
    assert "Abstained (1): Councillor Kaur" in vote
    assert "Abstentions – Councillor Dunmore" in d.minutes.items[3].discussion
    assert d.minutes.end_time == "19:40"


def test_urgent_officer_decision_with_labels_on_lines_of_their_own() -> None:
    docs = parsed("urgent_officer_decision_not_subject_to_call_in.txt").documents
    assert [(d.kind, d.subkind) for d in docs] == [("decision", "decision_notice")]
    d = docs[0]
    assert (d.council, d.committee, d.title) == (
        "Westmarsh District Council",
        "Corporate Director of People",
        "Emergency accommodation for an unaccompanied asylum-seeking child",
    )
    # "Date of decision" over its date, not the date the notice was signed.
    assert d.meeting.date == "2026-02-09"
    assert d.minutes is not None
    (item,) = d.minutes.items
    assert item.number == "UD/2026/03"
    # "Decision" without a colon, over its numbered decisions.
    assert [(r.number, r.text) for r in item.resolutions] == [
        (
            "1",
            "To approve spending of up to £48,000 on a residential placement for an"
            " unaccompanied asylum-seeking child for twelve weeks from 10 February 2026.",
        ),
        ("2", "To note that the placement will be reviewed at its sixth week."),
    ]
    assert item.reasons is not None and item.reasons.startswith("No foster or supported")


def test_printed_minutes_with_minute_no_and_action_columns() -> None:
    d = only_minutes("printed_minutes_minute_no_column_action_column.txt")
    assert (d.committee, d.council) == (
        "Corporate Parenting Committee",
        "Fenmoor County Council",
    )
    assert meeting(d) == ("2026-01-29", "14:00", "County Hall, Fenmoor")
    # "Co-opted:" is a label of its own; the "Minute No. | Subject | Action" head row
    # names columns, no people.
    assert attendance(d) == [
        ("Diane Ellwood", "Councillor", "present", "member", "Chair"),
        ("Raj Mistry", "Councillor", "present", "member", "Vice-Chair"),
        ("Owen Bracegirdle", "Councillor", "present", "member", None),
        ("Lucy Fane", "Councillor", "present", "member", None),
        ("Carl Whitlock", "Councillor", "present", "member", None),
        ("Tia Morgan", "Ms", "present", "co-opted", "Care Leavers' Forum"),
        ("Simon Rudd", None, "present", "officer", "Assistant Director, Children's Social Care"),
        ("Amy Leach", None, "present", "officer", "Virtual School Head"),
        ("Kate Oyelaran", None, "present", "officer", "Committee Officer"),
        ("Bernard Fox", "Councillor", "apologies", "member", None),
    ]
    # The post in the action column is no part of the decision beside it.
    assert items(d) == [
        ("41", "APOLOGIES FOR ABSENCE AND SUBSTITUTIONS", []),
        ("42", "DECLARATIONS OF INTEREST", []),
        (
            "43",
            "MINUTES OF THE MEETING HELD ON 20 NOVEMBER 2025",
            [
                "That the minutes of the meeting held on 20 November 2025 be confirmed as a"
                " correct record."
            ],
        ),
        (
            "44",
            "VIRTUAL SCHOOL HEAD'S ANNUAL REPORT 2024/25",
            [
                "the report be noted",
                "a report on the attendance of children placed outside the county be brought to"
                " the July meeting.",
            ],
        ),
        ("45", "WORK PROGRAMME", ["That the work programme be agreed."]),
    ]
    assert d.minutes is not None
    assert [(x.name, x.item, x.kind) for x in d.minutes.declarations] == [
        ("Lucy Fane", "44", "other")
    ]
    assert d.minutes.end_time == "15:35"


def test_annual_report_with_a_scorecard_whose_header_stands_apart() -> None:
    docs = parsed("corporate_parenting_board_annual_report_scorecard.md").documents
    assert [(d.kind, d.subkind) for d in docs] == [("report", "report")]
    d = docs[0]
    r = d.report
    assert r is not None
    assert (d.title, d.committee, d.council, d.meeting.date) == (
        "Corporate Parenting Board Annual Report 2024/25",
        "Corporate Parenting Board",
        "Thornbury Metropolitan Borough Council",
        "2026-03-17",
    )
    assert (r.from_, r.wards, r.classification) == (
        "Director of Children's Services",
        "All",
        "open",
    )
    assert [x.text for x in r.recommendations] == [
        "That the Board approves the annual report for publication.",
        "That the annual report be presented to Full Council on 21 May 2026.",
    ]
    # Markdown's separator row leaves a blank line under the header: one table still.
    (scorecard,) = r.tables
    assert scorecard.caption == "Table 2: Corporate parenting scorecard, year end 2024/25"
    assert scorecard.header == ("Measure", "2023/24", "2024/25", "Target", "Direction", "RAG")
    assert len(scorecard.rows) == 5
    assert scorecard.rows[0] == ("Children in care (number)", "512", "498", "–", "Improving", "–")
    assert scorecard.rows[2] == (
        "Annual health assessments on time",
        "84%",
        "79%",
        "90%",
        "Worsening",
        "Red",
    )
    assert [s.heading for s in r.sections][:6] == [
        "Purpose",
        "Recommendations",
        "What the Board did in 2024/25",
        "Performance scorecard",
        "Priorities for 2025/26",
        "Financial implications",
    ]
