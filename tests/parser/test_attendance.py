"""Attendance lists and sentences."""

from __future__ import annotations

from minutebook.parser.attendance import labelled_attendance
from minutebook.parser.attendance_sentences import listed_as, sentence_attendance
from minutebook.parser.lines import make_lines
from minutebook.parser.models import AttendanceStatus, Attendee, Span


def rows(source: str) -> list[tuple[str, str | None, str, str, str | None, str | None]]:
    lines = make_lines(source)
    listed = labelled_attendance(lines)
    stated = sentence_attendance(lines, listed)
    return [
        (a.name, a.honorific, a.status, a.capacity, a.role, a.replaces) for a in [*listed, *stated]
    ]


def test_present_list_with_roles_and_officers() -> None:
    source = (
        "Present: Councillors A Brown (Chair), C Davies (Vice-Chair) and E Evans\n"
        "Co-opted members: Jane Fox\n"
        "Officers: Gina Hill (Democratic Services Officer) and Ian Jones (Head of Planning)\n"
        "Absent: Councillor K Lee\n"
    )
    assert rows(source) == [
        ("A Brown", "Councillor", "present", "member", "Chair", None),
        ("C Davies", "Councillor", "present", "member", "Vice-Chair", None),
        ("E Evans", "Councillor", "present", "member", None, None),
        ("Jane Fox", None, "present", "co-opted", None, None),
        ("Gina Hill", None, "present", "officer", "Democratic Services Officer", None),
        ("Ian Jones", None, "present", "officer", "Head of Planning", None),
        ("K Lee", "Councillor", "absent", "member", None, None),
    ]


def test_apologies_and_substitutes_in_sentences() -> None:
    source = (
        "Apologies for absence were received from Councillor Mary Smith and Mr J. Doe. "
        "Councillor Tom Green attended as a substitute for Councillor Mary Smith.\n"
    )
    assert rows(source) == [
        ("Mary Smith", "Councillor", "apologies", "member", None, None),
        ("J. Doe", "Mr", "apologies", "member", None, None),
        ("Tom Green", "Councillor", "present", "substitute", None, "Mary Smith"),
    ]


def test_no_apologies() -> None:
    assert rows("No apologies for absence were received.\n") == []


def test_attendance_grid() -> None:
    from minutebook.parser.attendance_grid import grid_attendance

    source = (
        "Member\tRole\tAttendance\n"
        "Councillor A Brown\tChair\tP\n"
        "Councillor C Davies\tMember\tA\n"
        "Jane Fox\tCo-opted member\tP\n"
        "Councillor E Evans\tMember\tAb\n"
    )
    assert [
        (a.name, a.status, a.capacity, a.role) for a in grid_attendance(make_lines(source))
    ] == [
        # "Member" in the role column is the capacity, no post: no role (as in lists).
        ("A Brown", "present", "member", "Chair"),
        ("C Davies", "apologies", "member", None),
        ("Jane Fox", "present", "co-opted", "Co-opted member"),
        ("E Evans", "absent", "member", None),
    ]


def test_names_in_tab_separated_columns_are_one_person_each() -> None:
    source = (
        "Present:\n"
        "Councillor Ann Bell (Chair)\tCouncillor Carl Dunn\n"
        "Dr Gita Hale (NHS Integrated Care Board)\tIan Jones (Director of Public Health)\n"
    )
    assert [(a.name, a.honorific, a.role) for a in labelled_attendance(make_lines(source))] == [
        ("Ann Bell", "Councillor", "Chair"),
        ("Carl Dunn", "Councillor", None),
        ("Gita Hale", "Dr", "NHS Integrated Care Board"),
        ("Ian Jones", None, "Director of Public Health"),
    ]


def test_clerk_label_gives_the_post_and_a_count_of_the_public_is_no_person() -> None:
    source = "Present: Cllrs A Holloway (Chairman), B Teague\nClerk: Mrs J Whitlock\nMembers of the public: 3\n"
    assert [(a.name, a.capacity, a.role) for a in labelled_attendance(make_lines(source))] == [
        ("A Holloway", "member", "Chairman"),
        ("B Teague", "member", None),
        ("J Whitlock", "officer", "Clerk"),
    ]


def _person(name: str, status: AttendanceStatus = "apologies") -> Attendee:
    span = Span(first_line=1, last_line=1, first_page=None, last_page=None)
    return Attendee(
        name=name, honorific="Councillor", status=status, capacity="member", role=None, span=span
    )


def test_a_bare_surname_is_the_one_listed_person_with_it() -> None:
    listed = [_person("H Brown"), _person("I Grey"), _person("J Grey", "present")]
    assert listed_as(_person("Brown"), listed) == 0
    assert listed_as(_person("Grey"), listed) == 1  # the present J Grey has another status
    assert listed_as(_person("H Brown"), [_person("Brown")]) == 0
    # Two listed people share the surname: which one is meant is unknown.
    assert listed_as(_person("Grey"), [*listed, _person("K Grey")]) is None
    assert listed_as(_person("White"), listed) is None


def test_more_attendance_labels() -> None:
    text = (
        "Members of the Committee present: Councillor A Bell (Chair), Councillor C Dee\n"
        "Substitute Members: Councillor E Fox\n"
        "Other Members present: Councillor G Hall\n"
        "Present (remotely): Councillor I Jay\n"
        "Guests: Kim Lowe (Children in Care Council)\n"
    )
    people = [(a.name, a.capacity) for a in labelled_attendance(make_lines(text))]
    assert people == [
        ("A Bell", "member"),
        ("C Dee", "member"),
        ("E Fox", "substitute"),
        ("G Hall", "other"),
        ("I Jay", "member"),
        ("Kim Lowe", "other"),
    ]
