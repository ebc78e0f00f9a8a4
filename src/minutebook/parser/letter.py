"""Extraction of letters (an inspection letter appended to a report, a letter to the committee).

A letter has a letterhead, a date on its own line, the addressee's name and
address, "Dear ...", a subject line, the body (with headings), and a sign-off
("Yours sincerely" then the sender's name and role). The letter's date goes
to `report.date`, the sender to `report.from_`, the addressee to
`report.addressee`, the subject to the title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.lines import Block, Line
from minutebook.parser.models import Document, MeetingRef, Report
from minutebook.parser.report_text import clean, dates_in, ends_sentence, word_count
from minutebook.parser.sections import find_sections
from minutebook.parser.tables import find_tables

_SALUTATION: Final = re.compile(r"^dear\b", re.IGNORECASE)
_SIGN_OFF: Final = re.compile(
    r"^yours\s+(?:sincerely|faithfully|truly)\b|^(?:kind|best)\s+regards\b", re.IGNORECASE
)
_SUBJECT: Final = re.compile(r"^(?:re|subject|our\s+ref|your\s+ref)\s*:\s*", re.IGNORECASE)
_ADDRESS_DIGITS: Final = re.compile(r"\d")
MAX_SUBJECT_WORDS: Final = 20
MAX_ADDRESSEE_LINES: Final = 3


def _date_only(text: str) -> str | None:
    dates = dates_in(text)
    if len(dates) != 1:
        return None
    start, end, iso = dates[0]
    rest = (text[:start] + text[end:]).strip(" ,.")
    return iso if word_count(rest) <= 1 else None


def _content(lines: Sequence[Line]) -> list[tuple[int, str]]:
    return [(i, clean(ln.text)) for i, ln in enumerate(lines) if not ln.is_blank and clean(ln.text)]


def extract_letter(block: Block) -> Document:
    lines = list(block.lines)
    content = _content(lines)
    salutation = next((k for k, (_, t) in enumerate(content) if _SALUTATION.match(t)), None)
    sign_off = next((k for k, (_, t) in enumerate(content) if _SIGN_OFF.match(t)), None)

    date: str | None = None
    addressee: str | None = None
    title: str | None = None
    sender: str | None = None
    body_start = 0
    body_end = len(lines)

    if salutation is not None:
        head = content[:salutation]
        date_at = next((k for k in range(len(head) - 1, -1, -1) if _date_only(head[k][1])), None)
        if date_at is not None:
            date = _date_only(head[date_at][1])
            names: list[str] = []
            for _, text in head[date_at + 1 :]:
                if _ADDRESS_DIGITS.search(text) or len(names) >= MAX_ADDRESSEE_LINES:
                    break
                names.append(text)
            addressee = ", ".join(names) or None
        after = content[salutation + 1 : salutation + 2]
        body_start = content[salutation][0] + 1
        if after:
            i, text = after[0]
            subject = _SUBJECT.sub("", text)
            if word_count(subject) <= MAX_SUBJECT_WORDS and not ends_sentence(subject):
                title = subject
                body_start = i + 1
    else:
        date = next((d for _, t in content[:15] if (d := _date_only(t))), None)

    if sign_off is not None:
        signature = [t for _, t in content[sign_off + 1 : sign_off + 3]]
        sender = ", ".join(signature) or None
        body_end = content[sign_off][0]

    body = lines[body_start:body_end]
    sections = find_sections(body) if body else ()
    if title is None:
        title = next((s.heading for s in sections if s.heading), None)
    report = Report(
        date=date,
        from_=sender,
        addressee=addressee,
        sections=sections,
        tables=find_tables(body),
    )
    return Document(
        kind="letter",
        subkind=block.subkind,
        title=title,
        committee=None,
        council=None,
        meeting=MeetingRef(),
        span=block.span,
        report=report,
    )
