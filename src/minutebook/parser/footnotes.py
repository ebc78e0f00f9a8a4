"""Footnotes at the foot of a report's pages.

A PDF's text layer puts a page's footnotes ("1 Figures for quarter 3 are provisional ...",
small type under a rule) after the body of that page, so they would run on inside whatever
section the page ends in. They are told apart by where and how they stand: the last lines
of a page that another page follows, set off from the body above by a blank line, each
note opening with a bare number (no dot, unlike the report's "3.1" paragraphs) and a
capital, the numbers running on by one, not under a heading. A paper whose body numbers its
own paragraphs the same bare way keeps its last lines: they may be paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.lines import Line

_NOTE: Final = re.compile(r"^(?P<n>[1-9]\d?) (?P<text>[A-Z(\"'‘“][^\t]*)$")
# A folio printed under the notes: "4", "Page 4", "Page 4 of 12".
_FOLIO: Final = re.compile(r"(?i)^(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?$")
# Notes are short: more lines than this at a page foot are body text.
MAX_NOTE_LINES: Final = 12
# The first note says something (a bare "1 Introduction" is a heading).
MIN_NOTE_WORDS: Final = 3
# A line of at most this many words without closing punctuation, above the notes, is a
# heading over them: they are its numbered paragraphs.
_HEADING_WORDS: Final = 6


def _note_number(text: str) -> int | None:
    if not text[:1].isdigit():
        return None
    m = _NOTE.match(text)
    return int(m["n"]) if m is not None else None


def _foot_notes(lines: Sequence[Line], start: int, end: int) -> list[int]:
    """Indexes of the notes ending the page whose lines are lines[start:end]."""
    last = end - 1
    while last >= start and (lines[last].is_blank or _FOLIO.match(lines[last].stripped)):
        last -= 1
    first = last
    while first > start and not lines[first - 1].is_blank:
        first -= 1
    if last < start or last - first + 1 > MAX_NOTE_LINES or first - 1 <= start:
        return []  # no notes, too many lines, or nothing above them on the page
    numbers = [n for n in (_note_number(lines[i].stripped) for i in range(first, last + 1)) if n]
    opening = _note_number(lines[first].stripped)
    if (
        opening is None
        or len(lines[first].stripped.split()) - 1 < MIN_NOTE_WORDS
        or numbers != list(range(opening, opening + len(numbers)))
    ):
        return []
    above = lines[first - 2].stripped if first >= 2 else ""
    if "\t" not in above and above[-1:].isalnum() and len(above.split()) <= _HEADING_WORDS:
        return []  # under a heading ("Recommendations"): the notes are its paragraphs
    return list(range(first, last + 1))


def without_footnotes(lines: Sequence[Line]) -> Sequence[Line]:
    """`lines` with the footnotes at the foot of each page (but the last) made blank, so
    that no section takes them in; line numbers and pages stay as they were. A paper that
    numbers its own paragraphs the bare way anywhere else keeps them all."""
    notes: list[int] = []
    start = 0
    for i in range(1, len(lines)):
        before, after = lines[i - 1].page, lines[i].page
        if before is not None and after is not None and before != after:
            notes.extend(_foot_notes(lines, start, i))
            start = i
    if not notes:
        return lines
    taken = set(notes)
    if any(_note_number(ln.stripped) for k, ln in enumerate(lines) if k not in taken):
        return lines  # the body numbers its paragraphs the same way
    out = list(lines)
    for i in notes:
        out[i] = Line(lines[i].number, "", lines[i].page)
    return out
