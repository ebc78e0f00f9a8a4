"""Council and committee names."""

from __future__ import annotations

import pytest

from minutebook.parser.council import (
    authority_in,
    clean_committee,
    council_from_domain,
    councils_in,
    find_committee,
    find_council,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KENT COUNTY COUNCIL", ["Kent County Council"]),
        ("a letter to the London Borough of Southwark", ["London Borough of Southwark"]),
        ("Argyll and Bute Council - Thursday, 21 January 2016", ["Argyll and Bute Council"]),
        ("Officer (Vale of Glamorgan Council)", ["Vale of Glamorgan Council"]),
        # Not councils: the type alone, a youth council, a room.
        ("the County Council agreed", []),
        ("the Children in Care Council met", []),
        ("held in the Council Chamber", []),
        ("Full Council on 3 March", []),
    ],
)
def test_councils_in(text: str, expected: list[str]) -> None:
    assert councils_in(text) == expected


def test_domain_is_a_weak_hint() -> None:
    assert council_from_domain("email: jane.doe@southwark.gov.uk") == "Southwark Council"
    assert council_from_domain("www.gov.uk/ofsted and enquiries@ofsted.gov.uk") is None
    assert find_council(["Contact: jane.doe@southwark.gov.uk"]) == "Southwark Council"
    # An explicit name wins over the domain.
    assert find_council(["KENT COUNTY COUNCIL", "x@example.gov.uk"]) == "Kent County Council"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Corporate Parenting Panel (12/11/2013- 30/04/2024) - Tuesday 3 November 2020 3.30 p.m.",
            "Corporate Parenting Panel",
        ),
        ("CORPORATE PARENTING PANEL– 29 October 2024", "Corporate Parenting Panel"),
        (
            "Health and Wellbeing Board - Wednesday, 23rd September, 2020 2.00 pm",
            "Health and Wellbeing Board",
        ),
        ("LICENSING SUB-COMMITTEE", "Licensing Sub-Committee"),
        ("Tuesday 26 February 2019", None),
        # An address line names the committee after its "To: All Members of the".
        (
            "To: All Members of the Children and Young People Scrutiny Panel",
            "Children and Young People Scrutiny Panel",
        ),
        ("TO: MEMBERS OF THE PLANNING COMMITTEE", "Planning Committee"),
        ("Tourism Panel", "Tourism Panel"),
    ],
)
def test_clean_committee(line: str, expected: str | None) -> None:
    assert clean_committee(line) == expected


def test_find_committee_skips_sentences() -> None:
    lines = [
        "The Senior Partnership Officer presented the Corporate Parenting Panel Work Programme",
        "Cabinet",
    ]
    assert find_committee(lines) == "Cabinet"


def test_domain_hint_splits_a_glued_compass_point_only_at_the_end() -> None:
    assert council_from_domain("x@cheshireeast.gov.uk") == "Cheshire East Council"
    assert council_from_domain("https://committees.aberdeencity.gov.uk/") == "Aberdeen City Council"
    assert council_from_domain("x@southwark.gov.uk") == "Southwark Council"
    assert council_from_domain("x@westminster.gov.uk") == "Westminster Council"
    assert council_from_domain("x@bracknell-forest.gov.uk") == "Bracknell Forest Council"
    assert council_from_domain("see www.gov.uk and ofsted.gov.uk") is None


def test_a_guests_employer_is_not_the_papers_council() -> None:
    lines = ["Officers in attendance:", "Mr B Dye - Norfolk County Council (Highways)"]
    assert find_council(lines) is None
    assert find_council(["County Councillor A Smith, Kent County Council"]) == "Kent County Council"


def test_committee_line_wins_over_the_council_name_above_it() -> None:
    assert find_committee(["GLENBRAE COUNCIL", "EDUCATION COMMITTEE"]) == "Education Committee"
    assert find_committee(["PWYLLGOR CRAFFU / SCRUTINY COMMITTEE"]) == "Scrutiny Committee"
    # A meeting of the full council has only the council's name.
    assert find_committee(["LITTLE ASHCOMBE PARISH COUNCIL"]) == "Little Ashcombe Parish Council"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NORTHMOOR FIRE AND RESCUE AUTHORITY", "Northmoor Fire and Rescue Authority"),
        ("West Yorkshire Combined Authority", "West Yorkshire Combined Authority"),
        ("Peak District National Park Authority", "Peak District National Park Authority"),
        ("REPORT TO EASTSHIRE FIRE AUTHORITY", "Eastshire Fire Authority"),
        (
            "Hampshire and Isle of Wight Fire and Rescue Authority",
            "Hampshire and Isle of Wight Fire and Rescue Authority",
        ),
        # A kind of authority without its place names none.
        ("The Fire Authority agreed", None),
        ("Members of the Fire and Rescue Authority", None),
        ("a combined authority may", None),
        ("the local authority must", None),
    ],
)
def test_authority_in(text: str, expected: str | None) -> None:
    assert authority_in(text) == expected


def test_an_authority_is_the_body_only_when_no_council_is_named_at_the_top() -> None:
    assert find_council(["EASTSHIRE FIRE AND RESCUE AUTHORITY", "Minutes"]) == (
        "Eastshire Fire and Rescue Authority"
    )
    lines = ["Westmere County Council", "Report to the Eastshire Fire Authority"]
    assert find_council(lines) == "Westmere County Council"
