"""Headings and section text in the layouts UK reports come in."""

from __future__ import annotations

from minutebook.parser.lines import make_lines
from minutebook.parser.sections import find_sections
from tests.parser.report_fixtures import council_lines


def _outline(text: str) -> list[tuple[str, str]]:
    return [(s.heading, s.text) for s in find_sections(make_lines(text))]


def test_capitals_markdown_and_plain_headings() -> None:
    text = (
        "## **PURPOSE**\n\nTo advise the committee.\n\n"
        "BACKGROUND\n\nEarly Help\n\n2. Inspectors felt there was a good response.\n"
        "3. They valued the approach.\n\n"
        "Policy implications\n\n4. None were identified.\n"
    )
    assert _outline(text) == [
        ("PURPOSE", "To advise the committee."),
        ("BACKGROUND", ""),
        (
            "Early Help",
            "2. Inspectors felt there was a good response.\n3. They valued the approach.",
        ),
        ("Policy implications", "4. None were identified."),
    ]


def test_paragraph_broken_by_a_page_break_is_joined() -> None:
    text = "KEY ISSUES\n\n5. On 2 October the team gave feedback. This\n\n12\n\nreport is based on that.\n"
    assert _outline(text) == [
        ("KEY ISSUES", "5. On 2 October the team gave feedback. This report is based on that.")
    ]


def test_wrapped_prose_lines_are_not_headings() -> None:
    text = (
        "Background\n"
        "4.  On 29 January 2025, the Scrutiny Committee considered a call-in made by two\n"
        "    Members of decision 24/00093 (Future of Commissioned Services at Family\n"
        "    Hubs).  The decision maker was the Cabinet Member.\n"
    )
    assert _outline(text) == [
        (
            "Background",
            "4. On 29 January 2025, the Scrutiny Committee considered a call-in made by two Members of "
            "decision 24/00093 (Future of Commissioned Services at Family Hubs). The decision maker was "
            "the Cabinet Member.",
        )
    ]


def test_numbered_headings_need_a_sub_paragraph_under_them() -> None:
    text = "1.0 Purpose of Report\n\n1.1 To seek approval.\n\n2. To note the report\n\n3. To agree the plan\n"
    outline = _outline(text)
    assert outline[0] == (
        "Purpose of Report",
        "1.1 To seek approval.\n2. To note the report\n3. To agree the plan",
    )


def test_running_headers_are_not_headings() -> None:
    text = "\n\n".join(["The progress of children in care", "Row text one."] * 3)
    assert [s.heading for s in find_sections(make_lines(text))] == [""]


def test_kent_report_sections() -> None:
    headings = [s.heading for s in find_sections(council_lines("06_"))]
    assert headings == [
        "",
        "Introduction",
        "Background",
        "Process \u2013 Review by Cabinet",
        "Recommendation",
        "Attached documents",
        "Background documents",
        "Contact Details",
    ]


def test_gloucester_numbered_headings() -> None:
    headings = [s.heading for s in find_sections(council_lines("09_"))]
    for expected in (
        "Purpose of Report",
        "Recommendations",
        "Background and Key Issues",
        "Social Value Consideration",
        "Environmental Implications",
        "Alternative Options Considered",
        "Reasons for Recommendations",
        "Financial Implications",
        "Legal Implications",
        "Community Safety Implications",
    ):
        assert expected in headings
    # Lines of justified prose and space-aligned table rows are not headings.
    assert not any(h.startswith(("March 23", "The Local Council Tax")) for h in headings)


def test_text_without_line_breaks_is_split_at_its_numbering() -> None:
    """A web excerpt of a whole report on one line ("... 2020 1. Purpose of Report 1.1 This ...")."""
    headings = [s.heading for s in find_sections(council_lines("25_"))]
    assert headings[1:3] == ["Purpose of Report", "Background"]


def test_short_lines_of_a_list_are_not_headings() -> None:
    """The work plan in item 11 of the 2020 pack: dated lists of short lines between two headings."""
    from tests.parser.report_fixtures import PACK_2020, report_slice, seed_lines

    headings = [s.heading for s in find_sections(report_slice(seed_lines(PACK_2020), "11"))]
    start = headings.index("KEY ISSUES FOR CONSIDERATION")
    assert headings[start : start + 5] == [
        "KEY ISSUES FOR CONSIDERATION",
        "Corporate Parenting Committee work plan and suggested agenda",
        "SpeakerBox",
        "Community impact statement",
        "Resource implications",
    ]


def test_long_title_case_heading_over_a_numbered_paragraph() -> None:
    """001: a fourteen-word sub-heading under KEY ISSUES FOR CONSIDERATION."""
    text = (
        "KEY ISSUES FOR CONSIDERATION\n\n"
        "Update to Corporate Parenting Committee on the 'We Will' Statements within the "
        "Sufficiency Strategy\n\n"
        "5. We will reduce the need for children to come into care.\n\n"
        "Overall our numbers of looked after children are decreasing gradually.\n"
    )
    sections = find_sections(make_lines(text))
    assert [s.heading for s in sections] == [
        "KEY ISSUES FOR CONSIDERATION",
        "Update to Corporate Parenting Committee on the 'We Will' Statements within the "
        "Sufficiency Strategy",
    ]
    assert sections[1].text.startswith("5. We will reduce the need")


def test_long_line_in_sentence_case_or_over_prose_is_not_a_heading() -> None:
    sentence_case = (
        "Introduction\n\n"
        "The panel has met four times this year and has received reports from each of the teams\n\n"
        "1. The first meeting considered the annual report.\n"
    )
    assert [s.heading for s in find_sections(make_lines(sentence_case))] == ["Introduction"]
    over_prose = (
        "Introduction\n\n"
        "Update to the Committee on the Placement Sufficiency Strategy and the Local Offer for Care Leavers\n\n"
        "The strategy was agreed in 2018 and has been reviewed each year since then.\n"
    )
    assert [s.heading for s in find_sections(make_lines(over_prose))] == ["Introduction"]


def test_a_security_marking_is_no_section() -> None:
    sections = find_sections(
        make_lines("FOR GENERAL RELEASE\n\n1.0 Purpose of Report\n\n1.1 To seek approval.\n")
    )
    assert [s.heading for s in sections] == ["Purpose of Report"]


def test_a_short_heading_directly_over_its_paragraph() -> None:
    sections = find_sections(
        make_lines(
            "Background\n"
            "Statutory guidance requires an initial health assessment within twenty days.\n"
            "\n"
            "Jane Moray\n"
            "Chief Social Work Officer 14 October 2025\n"
        )
    )
    # A signature's name over its post and date is no heading: the post is not prose.
    assert [s.heading for s in sections] == ["Background"]
