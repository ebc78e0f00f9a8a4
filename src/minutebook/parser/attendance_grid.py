"""Attendance grids: a table with a row per person and their status.

The status is the row's last cell ("P", "A", "Ab", "Apol", a tick or a cross), or a
mark in one of the columns that the grid's head row names by status ("Member /
Present / Apologies / Absent"). A grid's rows and head rows are its own: the labelled
lists (`attendance.labelled_attendance`) do not read them again as names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.attendance_labels import _SUBSTITUTE_NAMING
from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import AttendanceCapacity, AttendanceStatus, Attendee
from minutebook.parser.names import looks_like_person, split_person
from minutebook.parser.patterns import rx

_GRID_STATUS: dict[str, AttendanceStatus] = {
    "p": "present",
    "present": "present",
    "y": "present",
    "yes": "present",
    "✓": "present",
    "a": "apologies",
    "ap": "apologies",
    "apol": "apologies",
    "apologies": "apologies",
    "ab": "absent",
    "absent": "absent",
    "x": "absent",
    "n": "absent",
    # Ticks and crosses in a single attendance column ("Attended: ✓ / ✗").
    "\u2714": "present",  # ✔
    "\u2611": "present",  # ☑
    "\u2717": "absent",  # ✗
    "\u2718": "absent",  # ✘
    "\u2612": "absent",  # ☒
    "\u00d7": "absent",  # ×
}
# A grid with a column per status ("Member / Present / Apologies / Absent"): whatever
# mark a row has in a column (a tick, a cross, "x", "Y") gives that column's status.
_STATUS_COLUMN: dict[str, AttendanceStatus] = {
    "present": "present",
    "attended": "present",
    "in attendance": "present",
    "apologies": "apologies",
    "apologies received": "apologies",
    "apols": "apologies",
    "apol": "apologies",
    "absent": "absent",
    "absence": "absent",
    "absent without apologies": "absent",
}
# A role cell that only says the person sits on the body ("Member", "Committee Member").
_PLAIN_MEMBER: Final = re.compile(
    r"(?i)(?:(?:committee|panel|board|voting|full|elected)\s+)?(?:member|councillor)"
)
_MARKS: Final = frozenset(
    {"\u2713", "\u2714", "\u2611", "\u2717", "\u2718", "\u2612", "\u00d7", "x", "y", "yes", "*"}
)


def _status_columns(cells: Sequence[str]) -> dict[int, AttendanceStatus]:
    """Columns of a grid's head row that name a status, by position ({} for a row that
    names none: a person's row)."""
    return {
        k: _STATUS_COLUMN[key]
        for k, cell in enumerate(cells)
        if (key := " ".join(cell.lower().rstrip(":.").split())) in _STATUS_COLUMN
    }


def _full_name(name: str) -> bool:
    """A name of two words at least that reads as a person's (not a column's "Name")."""
    return len(name.split()) >= 2 and looks_like_person(name)


def _names_someone(cells: Sequence[str]) -> bool:
    """Whether a cell names a person: a row of the grid, not its head ("Name / Present")."""
    for cell in cells:
        person = split_person(cell) if cell else None
        if person and person.name and (person.honorific or _full_name(person.name)):
            return True
    return False


def _marked_status(
    cells: Sequence[str], columns: dict[int, AttendanceStatus]
) -> AttendanceStatus | None:
    """The status of the one status column a row marks, else None."""
    marked = {columns[k] for k, c in enumerate(cells) if k in columns and c.lower() in _MARKS}
    return marked.pop() if len(marked) == 1 else None


def grid_attendance(lines: Sequence[Line]) -> list[Attendee]:
    """The people of the attendance grids in `lines` (see `grid_rows`)."""
    return grid_rows(lines)[0]


def grid_rows(lines: Sequence[Line]) -> tuple[list[Attendee], set[int]]:
    """An attendance grid: one row per person, the last cell a status ("P", "A", "Ab",
    "Apol", a tick or a cross), or a mark in one of the columns that a head row names
    by status ("Present / Apologies / Absent").

    Rows are tab-separated cells or a markdown pipe table; other rows are ignored.
    Returns the people and the numbers of the grid's lines (its head rows too).
    """
    out: list[Attendee] = []
    used: set[int] = set()
    columns: dict[int, AttendanceStatus] = {}
    for line in lines:
        raw = line.text
        if "\t" in raw:
            placed = [c.strip() for c in raw.split("\t")]
        elif raw.count("|") >= 2:
            placed = [c.strip() for c in raw.strip().strip("|").split("|")]
        else:
            continue
        cells = [c for c in placed if c]
        if len(cells) < 2:
            continue
        if (head := _status_columns(placed)) and not _names_someone(placed[: min(head)]):
            # A head row: a column per status, or one column ("Attended") of marks.
            columns = head if len(head) >= 2 else {}
            used.add(line.number)
            continue
        status = _marked_status(placed, columns) if columns else None
        status = status or _GRID_STATUS.get(cells[-1].lower().rstrip("."))
        if status is None:
            continue
        person = split_person(cells[0])
        if not person.name or (person.honorific is None and not looks_like_person(person.name)):
            continue
        if len(person.name.split()) > 5:
            continue
        role = person.role or (cells[1] if len(cells) > 2 else None)
        if role and _PLAIN_MEMBER.fullmatch(role):
            role = None  # "Member" in the role column is the capacity, no post held
        capacity: AttendanceCapacity = "member"
        if role and rx(r"(?i)\bco-?opted\b").search(role):
            capacity = "co-opted"
        elif role and rx(r"(?i)\bsubstitute\b").search(role):
            capacity = "substitute"
        # "Substitute for Councillor X" in the role cell: whom they replaced.
        named = _SUBSTITUTE_NAMING.search(role) if capacity == "substitute" and role else None
        replaces = split_person(named["who"]).name or None if named else None
        if replaces:
            role = None  # said by capacity and replaces, as in labelled lists
        used.add(line.number)
        out.append(
            Attendee(
                name=person.name,
                honorific=person.honorific,
                status=status,
                capacity=capacity,
                role=role,
                span=span_of([line]),
                replaces=replaces,
                post_nominals=person.post_nominals,
            )
        )
    return out, used


def apologies_over_absence(attendance: Sequence[Attendee]) -> list[Attendee]:
    """A grid's cross says only that someone was not there; when the minutes also
    record their apologies, they sent apologies, and are listed once, so."""
    sent = {a.name for a in attendance if a.status == "apologies"}
    return [a for a in attendance if not (a.status == "absent" and a.name in sent)]
