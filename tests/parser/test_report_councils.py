"""Officers' reports of other councils: Kent, Gloucester, Coventry and Wiltshire layouts."""

from __future__ import annotations

from minutebook.parser.lines import make_lines
from minutebook.parser.report import extract_report
from minutebook.parser.report_header import extract_header
from tests.parser.report_fixtures import block, council_lines


def test_kent_by_to_subject_summary_report() -> None:
    doc = extract_report(block(council_lines("06_")))
    r = doc.report
    assert r is not None
    assert r.from_ == "Anna Taylor, Scrutiny Research Officer"
    assert r.meeting_name == "Cabinet"
    assert r.date == "2025-03-04"
    assert doc.title == (
        "Cabinet reconsideration of Decision 24/00093 - Future of Commissioned Services at Seashells and "
        "Millmead Family Hubs"
    )
    assert r.summary is not None and r.summary.startswith(
        "Following the Scrutiny Committee\u2019s referral of this decision to Full Council for review"
    )
    assert r.summary.endswith("Cabinet may confirm, amend or rescind the decision.")
    assert [(x.number, x.text) for x in r.recommendations] == [
        (
            None,
            "The Cabinet is asked to consider the comments of the Scrutiny Committee and confirm, amend or "
            "rescind decision 24/00093.",
        )
    ]
    assert r.appendices[:3] == (
        "24-00093 - Decision Report",
        "24-00093 - Record of Decision",
        "Appendix 1 Service Offer Comparison",
    )
    assert len(r.appendices) == 6


def test_gloucester_header_and_recommend_resolve_lead_ins() -> None:
    doc = extract_report(block(council_lines("09_")))
    r = doc.report
    assert r is not None
    assert doc.title == "Local Council Tax Support Scheme 2026/27"
    assert r.date == "2025-12-10"
    assert r.meeting_name == "Cabinet; Council"
    assert doc.committee == "Cabinet"
    assert r.from_ == "Cabinet Member for Resources"
    assert r.wards == "All"
    assert r.classification == "open"  # "FOR GENERAL RELEASE"
    assert r.audit_trail is not None and r.audit_trail.key_decision is True
    assert r.appendices == ("Council Tax Support Scheme \u2013 Gloucester City Council",)
    numbers = [x.number for x in r.recommendations]
    assert numbers == ["2.1(1)", "2.1(2)", "2.1(3)", "2.2(1)", "2.2(2)", "2.2(3)"]
    assert r.recommendations[0].text == (
        "Cabinet is asked to RECOMMEND that the current Local Council Tax Support scheme, as the approved "
        "scheme for Gloucester City in 2025/26, be adopted for 2026/27"
    )
    assert r.recommendations[5].text.startswith(
        "Council is asked to RESOLVE that any urgent amendments"
    )
    assert (r.recommendations[0].span.first_line, r.recommendations[0].span.last_line) == (24, 25)


def test_coventry_labels_glued_to_values() -> None:
    doc = extract_report(block(council_lines("24_")))
    r = doc.report
    assert r is not None
    assert doc.title == "Adoption Service Annual Report and Statement of Purpose"
    assert r.date == "2012-10-16"
    assert r.wards == "None"
    assert r.audit_trail is not None and r.audit_trail.key_decision is False
    assert [(x.number, x.text) for x in r.recommendations] == [
        ("2.1", "That the Report 2011/2012 is accepted."),
        ("2.2", "That the Statement of Purpose is approved."),
    ]
    assert r.appendices == (
        "Appendix 1 \u2013 Coventry Adoption Service Annual Report",
        "Appendix 2 \u2013 Adoption Statement of Purpose",
        "Appendix 3 \u2013 Adoption Scorecard",
    )


def test_wiltshire_report_on_one_line() -> None:
    doc = extract_report(block(council_lines("25_")))
    r = doc.report
    assert r is not None
    assert r.date == "2020-10-20"
    # The flattened cover line "Wiltshire Council Full Council 20 October 2020 Annual Report ...":
    # the title is what follows the meeting's date.
    assert doc.title == (
        "Annual Report of the Corporate Parenting Panel October 2019 to September 2020"
    )
    assert [s.heading for s in r.sections][1:3] == ["Purpose of Report", "Background"]
    assert doc.warnings == ("no report header (item, classification, date, meeting) was found",)


def test_closed_report_with_schedule_12a_paragraph() -> None:
    text = (
        "Item No.\tClassification:\tDate:\tMeeting Name:\n"
        "14.\tClosed\t12 January 2022\tCabinet\n"
        "Report title:\tDisposal of land at Example Road\n"
        "From:\tStrategic Director of Housing\n\n"
        "This report is exempt under paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.\n\n"
        "RECOMMENDATIONS\n\n1. That the disposal be approved.\n"
    )
    doc = extract_report(block(make_lines(text)))
    r = doc.report
    assert r is not None
    assert r.classification == "closed"
    assert doc.part == "closed"
    assert r.exempt_paragraph == "3"
    assert r.item_number == "14"
    assert r.date == "2022-01-12"
    assert r.meeting_name == "Cabinet"
    assert [x.text for x in r.recommendations] == ["That the disposal be approved."]


def test_label_colon_header_with_space_aligned_values() -> None:
    text = (
        "Report to:          Planning Committee\n"
        "Date of meeting:    12 March 2024\n"
        "Report of:          Head of Planning\n"
        "Title:              Local Plan Review\n"
        "Wards affected:     All Wards\n"
        "Key decision:       No\n"
        "Exempt information: No\n\n"
        "1. Purpose of report\n\n"
        "1.1 To update the committee on the review.\n\n"
        "2. Recommendations\n\n"
        "2.1 That the committee notes the timetable.\n"
        "2.2 That the committee agrees the consultation.\n"
    )
    doc = extract_report(block(make_lines(text)))
    r = doc.report
    assert r is not None
    assert (r.meeting_name, r.date, r.from_, doc.title, r.wards) == (
        "Planning Committee",
        "2024-03-12",
        "Head of Planning",
        "Local Plan Review",
        "All Wards",
    )
    assert r.classification == "open"
    assert r.audit_trail is not None and r.audit_trail.key_decision is False
    assert [s.heading for s in r.sections] == ["Purpose of report", "Recommendations"]
    assert [(x.number, x.text) for x in r.recommendations] == [
        ("2.1", "That the committee notes the timetable."),
        ("2.2", "That the committee agrees the consultation."),
    ]


def test_not_for_publication_header_is_closed() -> None:
    text = (
        "NOT FOR PUBLICATION by virtue of paragraph 3 of Part 1 of Schedule 12A of the Local Government "
        "Act 1972\n\nReport to: Cabinet\nDate: 5 May 2023\nSubject: Acquisition of a site\n\nRECOMMENDATIONS\n\n"
        "1. To approve the acquisition.\n"
    )
    doc = extract_report(block(make_lines(text)))
    assert doc.report is not None
    assert doc.report.classification == "closed"
    assert doc.report.exempt_paragraph == "3"
    assert doc.part == "closed"


def test_title_after_a_meeting_date_only_when_names_precede_it() -> None:
    from minutebook.parser.report import _after_meeting_date

    assert _after_meeting_date("Cabinet 4 March 2025 Council Tax Support Scheme") == (
        "Council Tax Support Scheme"
    )
    # A sentence before the date, or too little after it, keeps the line whole.
    sentence = "Report on the 4 March 2025 meeting of the panel"
    assert _after_meeting_date(sentence) == sentence
    assert _after_meeting_date("Cabinet 4 March 2025 Update") == "Cabinet 4 March 2025 Update"


def test_header_labels_printed_in_capitals_are_labels() -> None:
    header = extract_header(
        make_lines(
            "REPORT ON: Placement Sufficiency\n\nREPORT BY: Director of Children's Services\n\n"
            "DATE: 4 March 2026\n\n1 PURPOSE\n\n1.1 It is recommended that the Committee:\n"
        )
    )
    assert (header.title, header.from_, header.date, header.meeting_name) == (
        "Placement Sufficiency",
        "Director of Children's Services",
        "2026-03-04",
        None,
    )


def test_a_header_label_that_fills_its_cell_needs_no_colon() -> None:
    header = extract_header(
        make_lines(
            "Report to\tCabinet\nDate\t4 March 2026\nSubject\tBudget\n\nThe date of the review\n"
        )
    )
    assert (header.meeting_name, header.date, header.title) == ("Cabinet", "2026-03-04", "Budget")
