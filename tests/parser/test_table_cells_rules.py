"""General rules of round 0.3.9, each on a small text paper of its own (the PDF papers
in tests/parser/unseen show them in their layouts): table rows with blank lines between
them, a label cell beside a "Name / Job title" table, a "Member" role cell, arrow bullets
of decisions, a venue wrapped in its box, an action column, boxed label cells."""

from __future__ import annotations

from minutebook.parser.attendance import labelled_attendance
from minutebook.parser.attendance_grid import grid_attendance
from minutebook.parser.decision import extract_decision
from minutebook.parser.lines import Block, make_lines
from minutebook.parser.models import Document
from minutebook.parser.pipeline import parse_bytes
from minutebook.parser.resolutions import extract_resolutions
from minutebook.parser.workplan import extract_work_plan


def _minutes(text: str) -> Document:
    (d,) = parse_bytes(text.encode("utf-8"), "minutes.txt").documents
    return d


def test_work_plan_table_with_blank_lines_between_rows_reads_the_item_column() -> None:
    source = (
        "Meeting date\tItem\tPurpose\tLead officer\n"
        "\n"
        "16 June 2026\tLocal Account 2025/26\tTo review the account\tDirector of Adult Care\n"
        "\n"
        "\tCarers' Strategy refresh\tTo comment on the draft\tHead of Commissioning\n"
        "\n"
        "8 September 2026\tHospital discharge\tTo examine delays\tAssistant Director\n"
    )
    plan = extract_work_plan(make_lines(source))
    assert [(e.meeting_date, e.items) for e in plan] == [
        ("2026-06-16", ("Local Account 2025/26", "Carers' Strategy refresh")),
        ("2026-09-08", ("Hospital discharge",)),
    ]


def test_member_role_cell_is_the_capacity_not_a_post() -> None:
    source = (
        "Name\tRole\tAttendance\n"
        "Councillor A Brown\tChair\tPresent\n"
        "Councillor C Davies\tCommittee Member\tApologies\n"
        "Mr D Evans\tCo-opted Member\tPresent\n"
    )
    assert [(a.name, a.role) for a in grid_attendance(make_lines(source))] == [
        ("A Brown", "Chair"),
        ("C Davies", None),
        ("D Evans", "Co-opted Member"),
    ]


def test_label_cell_beside_a_job_title_head_is_no_person() -> None:
    source = (
        "Present: Councillor A Brown (Chair)\n"
        "Officers in attendance\tJob title\n"
        "Hannah Oduya\tDirector of Children's Services\n"
        "Leah Strand\tDemocratic Services Officer\n"
    )
    got = [(a.name, a.capacity, a.role) for a in labelled_attendance(make_lines(source))]
    assert got == [
        ("A Brown", "member", "Chair"),
        ("Hannah Oduya", "officer", "Director of Children's Services"),
        ("Leah Strand", "officer", "Democratic Services Officer"),
    ]


def test_arrow_and_square_bullets_under_agreed_that_are_one_decision_each() -> None:
    source = (
        "AGREED that:\n"
        "\n"
        "\u27a2 the report be noted;\n"
        "\u27a2 the Panel recommends to Cabinet that budgets be promoted; and\n"
        "\u25a0 a report be brought to the Panel in October 2026.\n"
    )
    found, _ = extract_resolutions(make_lines(source))
    assert len(found) == 3
    assert found[0].text.startswith("the report be noted")


def test_venue_ending_with_a_comma_goes_on_on_the_next_line() -> None:
    d = _minutes(
        "Minutes of the Adults Panel\n"
        "\n"
        "Date: 3 March 2026\n"
        "Time: 6.30 pm\n"
        "Venue: Committee Room 1,\n"
        "Civic Offices, Northcombe\n"
        "\n"
        "Present: Councillor A Brown (Chair) and Councillor C Davies.\n"
        "\n"
        "1. Apologies for Absence\n"
        "\n"
        "There were none.\n"
    )
    assert d.meeting.venue == "Committee Room 1, Civic Offices, Northcombe"


def test_action_column_cell_is_no_part_of_the_minute_title() -> None:
    d = _minutes(
        "Minutes of the meeting of the Audit Committee held on 26 March 2026 at 7.00 pm.\n"
        "\n"
        "Present: Councillor A Brown (Chair) and Councillor C Davies.\n"
        "\n"
        "Minute\tSubject\tAction by\n"
        "\n"
        "AG/31\tApologies for Absence\n"
        "\n"
        "There were none.\n"
        "\n"
        "AG/32\tInternal Audit Progress Report\tAudit Manager\n"
        "\n"
        "RESOLVED that the progress report be noted.\n"
    )
    assert d.minutes is not None
    assert [(i.number, i.title) for i in d.minutes.items] == [
        ("AG/31", "Apologies for Absence"),
        ("AG/32", "Internal Audit Progress Report"),
    ]


def test_decision_notice_label_cells_without_colons() -> None:
    source = (
        "RECORD OF DECISION\n"
        "\n"
        "Decision number\tABC/CAB/2026/014\n"
        "Decision taken by\tCabinet\n"
        "Date of decision\t17 February 2026\n"
        "Subject\tEmpty Homes Strategy\n"
        "Decision\t(a) That the strategy be adopted.\n"
        "\t(b) That the premium be increased.\n"
        "Reasons for the decision\tThere are 412 empty homes.\n"
    )
    d = extract_decision(
        Block(kind="decision", subkind="decision_notice", lines=tuple(make_lines(source)))
    )
    assert d.meeting.date == "2026-02-17"
    assert (d.committee, d.title) == ("Cabinet", "Empty Homes Strategy")
    assert d.minutes is not None
    (item,) = d.minutes.items
    assert item.number == "ABC/CAB/2026/014"
    assert [r.text for r in item.resolutions] == [
        "That the strategy be adopted.",
        "That the premium be increased.",
    ]


def test_values_under_a_row_of_labels_are_no_labels() -> None:
    source = (
        "RECORD OF DECISION\n"
        "DECISION TO BE TAKEN BY:\tDECISION NO:\n"
        "Cabinet\t24/00115\n"
        "Title of Decision: Adoption of the Plan\n"
    )
    d = extract_decision(
        Block(kind="decision", subkind="decision_notice", lines=tuple(make_lines(source)))
    )
    assert d.committee == "Cabinet"
    assert d.minutes is not None and d.minutes.items[0].number == "24/00115"
