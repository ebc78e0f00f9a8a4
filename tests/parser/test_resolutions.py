"""Resolution markers and numbering."""

from __future__ import annotations

import pytest

from minutebook.parser.lines import make_lines
from minutebook.parser.resolutions import extract_resolutions


def texts(source: str) -> list[tuple[str | None, str]]:
    found, _ = extract_resolutions(make_lines(source))
    return [(r.number, r.text) for r in found]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("RESOLVED:\n\nThat the report be noted.\n", [(None, "That the report be noted.")]),
        ("RESOLVED that the report be noted.\n", [(None, "That the report be noted.")]),
        ("Resolved – that the report be noted.\n", [(None, "That the report be noted.")]),
        ("RESOLVED - That Cabinet agreed.\n", [(None, "That Cabinet agreed.")]),
        (
            "UNANIMOUSLY RESOLVED that the minutes be signed.\n",
            [(None, "That the minutes be signed.")],
        ),
        ("AGREED: that the item be deferred.\n", [(None, "That the item be deferred.")]),
        (
            "It was AGREED that the council write to the minister.\n",
            [(None, "That the council write to the minister.")],
        ),
        ("Decision:\n\nThat X be elected Chair.\n", [(None, "That X be elected Chair.")]),
        (
            "The Committee resolved:- (i) to note the report; and (ii) to agree the plan.\n",
            [("i", "to note the report"), ("ii", "to agree the plan.")],
        ),
        (
            "RESOLVED:\n\n1. That A be noted.\n2. That B be agreed.\n",
            [("1", "That A be noted."), ("2", "That B be agreed.")],
        ),
        (
            "Resolved:\na) That A.\nb) That B.\n",
            [("a", "That A."), ("b", "That B.")],
        ),
        (
            "RESOLVED:\n\n(1) That A.\n\n(2) That B.\n\nREASONS FOR DECISIONS:\n\n(1) Because.\n",
            [("1", "That A."), ("2", "That B.")],
        ),
    ],
)
def test_markers_and_numbering(source: str, expected: list[tuple[str | None, str]]) -> None:
    assert texts(source) == expected


def test_no_marker_no_resolution() -> None:
    assert texts("The committee discussed the report.\nit was agreed to meet again.\n") == []
    # "Decision - 24/00097" in prose is a reference, not a decision block.
    assert texts("Decision - 24/00097 - Review, which had been called in, was approved.\n") == []
    # "resolved" in running prose is not a marker.
    assert texts("The issue was resolved by officers.\n") == []


def test_wrapped_lines_and_page_numbers() -> None:
    source = "RESOLVED that the minutes of the meeting were a correct\nrecord of the meeting.\n"
    assert texts(source) == [
        (None, "That the minutes of the meeting were a correct record of the meeting.")
    ]
    listing = "RESOLVED that Cabinet agree to:\n\n(a) Adopt the plan; and\n\n\n   15\n(c) Delegate authority.\n"
    assert [n for n, _ in texts(listing)] == ["a", "c"]


def test_vote_lines_are_not_part_of_the_decision() -> None:
    source = (
        "It was resolved that the precept be set at £18,500.\n"
        "Proposed by Cllr Kowalski, seconded by Cllr Teague. Carried.\n"
    )
    assert texts(source) == [(None, "That the precept be set at £18,500.")]


def test_list_introduction_is_not_a_decision() -> None:
    source = (
        "Decision\n\nThe Committee agreed:-\n\n(i) to approve the strategy; and\n"
        "(ii) to instruct the Director to report back.\n"
    )
    assert texts(source) == [
        ("i", "to approve the strategy"),
        ("ii", "to instruct the Director to report back."),
    ]


def test_bilingual_and_mid_line_markers() -> None:
    assert texts("PENDERFYNWYD / RESOLVED that the strategy be endorsed.\n") == [
        (None, "That the strategy be endorsed.")
    ]
    assert texts("a) 12 High Street - rear extension. RESOLVED: No objection.\n") == [
        (None, "No objection.")
    ]


def test_a_bare_marker_over_bullets_gives_a_decision_per_bullet() -> None:
    source = (
        "Resolved:\n"
        "\n"
        "- that the report be noted;\n"
        "- that a breakdown be\n"
        "reported to the next meeting.\n"
        "\n"
        "The Chair thanked officers.\n"
    )
    assert texts(source) == [
        (None, "That the report be noted"),
        (None, "That a breakdown be reported to the next meeting."),
    ]
    _, used = extract_resolutions(make_lines(source))
    assert used == {1, 3, 4, 5}  # the bullets are not left in the discussion


def test_a_marker_with_a_lead_in_over_bullets_stays_one_decision() -> None:
    source = "RESOLVED that Council:\n\n• notes the report;\n• thanks officers.\n"
    assert len(texts(source)) == 1


def test_a_body_that_agreed_a_list_and_a_vote_before_the_decision() -> None:
    assert texts("The Panel agreed:\n\n1. to note the report;\n2. to receive an update.\n") == [
        ("1", "to note the report"),
        ("2", "to receive an update."),
    ]
    # Prose that says members agreed something is the discussion.
    assert texts("Members agreed that the service had improved.\n") == []
    assert texts("RESOLVED (by 6 votes to 2) that the application be refused.\n") == [
        (None, "That the application be refused.")
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("NOTED: the update on fostering.", ["the update on fostering."]),
        (
            "Noted – that the figures would be circulated.",
            ["That the figures would be circulated."],
        ),
        ("RESOLVED UNANIMOUSLY: That the policy be adopted.", ["That the policy be adopted."]),
        ("RESOLVED unanimously that the policy be adopted.", ["That the policy be adopted."]),
        ("RESOLVED nem. con. – That the policy be adopted.", ["That the policy be adopted."]),
        # Noting in a sentence of the discussion is no decision.
        ("Members noted that the service had improved.", []),
        ("The Committee noted the report.", []),
        ("NOTED", []),
    ],
)
def test_noted_marker_and_unanimous_vote(source: str, expected: list[str]) -> None:
    found, _ = extract_resolutions(make_lines(source))
    assert [r.text for r in found] == expected


def test_a_lead_in_recommending_to_another_body_reads_with_each_lettered_decision() -> None:
    recommended = extract_resolutions(
        make_lines(
            "RESOLVED – That it be recommended to Council that:\n"
            "(a) the fees and charges for 2026/27 be approved; and\n"
            "(b) the Capital Strategy be adopted.\n"
        )
    )[0]
    assert [(r.number, r.text) for r in recommended] == [
        (
            "a",
            "That it be recommended to Council that the fees and charges for 2026/27 be approved",
        ),
        ("b", "That it be recommended to Council that the Capital Strategy be adopted."),
    ]
    # A lead-in that only names the deciding body repeats the marker: each entry stands alone.
    agreed = extract_resolutions(
        make_lines(
            "RESOLVED that Cabinet agree to:\na) Note the forecast.\nb) Agree the changes.\n"
        )
    )[0]
    assert [r.text for r in agreed] == ["Note the forecast.", "Agree the changes."]
