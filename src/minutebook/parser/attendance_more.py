"""Attendance beyond the lists at the top of minutes: people an item says attended for
it ("Also present: ..."), and a member who also holds a listed post (minute taker)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from minutebook.parser.attendance import labelled_attendance
from minutebook.parser.attendance_labels import _plain
from minutebook.parser.lines import Line
from minutebook.parser.models import Attendee

_ITEM_LABEL: Final = re.compile(
    r"(?i)^\W*(?:also\s+present|also\s+in\s+attendance|in\s+attendance)\s*:"
)


def item_attendance(body: Sequence[Line]) -> list[Attendee]:
    """People an item says attended for it: "Also present: Mr A (Applicant); Ms B (Officer)"
    printed under an item's heading (hearings, planning items), not in the attendance."""
    out: list[Attendee] = []
    k = 0
    while k < len(body):
        raw = body[k].text
        if ("resent" in raw or "ttendance" in raw) and _ITEM_LABEL.match(_plain(raw)):
            j = k + 1
            while j < len(body) and not body[j].is_blank:
                j += 1
            out.extend(labelled_attendance(body[k:j]))
            k = j
        else:
            k += 1
    return out


def fold_posts(attendees: Sequence[Attendee]) -> list[Attendee]:
    """A member present who also holds a listed post ("Minute taker: John Foster") is
    one person: the member keeps the post as role, the second entry goes."""
    members = {a.name: k for k, a in enumerate(attendees) if a.capacity != "officer"}
    out = list(attendees)
    drop: set[int] = set()
    for k, a in enumerate(attendees):
        m = members.get(a.name)
        if a.capacity != "officer" or a.role is None or m is None:
            continue
        member = attendees[m]
        if member.status == a.status == "present" and member.role is None:
            out[m] = replace(member, role=a.role)
            drop.add(k)
    return [a for k, a in enumerate(out) if k not in drop]
