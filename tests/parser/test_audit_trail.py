"""Audit trails: tab, space-aligned and colon layouts; consultation rows; broken cells."""

from __future__ import annotations

from minutebook.parser.audit_trail import extract_audit_trail
from minutebook.parser.lines import make_lines
from tests.parser.report_fixtures import PACK_2019, WORK_PLAN_2024, report_slice, seed_lines


def test_sufficiency_report_audit_trail_with_two_authors() -> None:
    audit = extract_audit_trail(report_slice(seed_lines(PACK_2019), "8"))
    assert audit is not None
    assert audit.lead_officer == "Alasdair Smith, Director, Children & Families,"
    assert audit.report_author == (
        "Kelly Henry, Head of Service and Helen Woolgar, Assistant Director, Safeguarding and Care"
    )
    assert (audit.version, audit.dated, audit.key_decision) == ("Final", "2019-02-18", False)
    assert audit.final_report_sent == "2019-02-18"


def test_audit_trail_with_cells_broken_by_layout() -> None:
    """003: the consultation table's cells are split over two rows and mid-word."""
    audit = extract_audit_trail(seed_lines(WORK_PLAN_2024))
    assert audit is not None
    assert audit.dated == "2024-02-20"
    officers = [(c.officer, c.comments_sought, c.comments_included) for c in audit.consultation]
    assert officers[1:] == [
        ("Strategic Director of Finance", False, False),
        ("Cabinet Member", False, False),
    ]
    # "Assistant Chief | Executive –" then "Governance and A | ssurance": one title again.
    assert officers[0] == (
        "Assistant Chief Executive \u2013 Governance and Assurance",
        False,
        False,
    )
    # The source itself ends at "Date final report s": there is no date to find.
    assert audit.final_report_sent is None


def test_colon_layout_and_yes_key_decision() -> None:
    text = (
        "AUDIT TRAIL\n\nLead Officer: Jane Smith, Strategic Director\nReport Author: Tom Jones, Manager\n"
        "Version: 2.1\nDated: 3 March 2022\nKey Decision?: Yes\n"
    )
    audit = extract_audit_trail(make_lines(text))
    assert audit is not None
    assert (
        audit.lead_officer,
        audit.report_author,
        audit.version,
        audit.dated,
        audit.key_decision,
    ) == (
        "Jane Smith, Strategic Director",
        "Tom Jones, Manager",
        "2.1",
        "2022-03-03",
        True,
    )
    assert audit.span is not None and (audit.span.first_line, audit.span.last_line) == (3, 7)


def test_no_audit_trail_heading_means_none() -> None:
    assert extract_audit_trail(make_lines("BACKGROUND\n\nDated\t3 March 2022\n")) is None


def test_title_split_inside_a_word_is_joined_but_initials_and_words_are_not() -> None:
    from minutebook.parser.audit_trail import _join_title_cells

    assert _join_title_cells(["Head of Quality A", "ssurance"]) == "Head of Quality Assurance"
    # A lone capital before a capitalised word, and a lower-case word after a full word, stay apart.
    assert _join_title_cells(["Director A", "Smith"]) == "Director A Smith"
    assert (
        _join_title_cells(["Strategic Director", "of Finance"]) == "Strategic Director of Finance"
    )
