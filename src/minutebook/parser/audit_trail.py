"""The audit trail table at the end of a report.

Rows "Lead Officer | name", "Report Author | name", "Version | Final",
"Dated | 27 October 2020", "Key Decision? | No", then a consultation table
("Officer Title | Comments sought | Comments included") and "Date final
report sent to ... | date". Cells may be split by tabs, by runs of spaces or
follow a colon.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.dates import parse_date
from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import AuditTrail, ConsultationRow, Span
from minutebook.parser.patterns import rx
from minutebook.parser.report_text import clean, raw_cells

_AUDIT_HEADING: Final = re.compile(r"^\W*audit\s+trail\W*$", re.IGNORECASE)
_FIELDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("lead_officer", re.compile(r"^lead\s+(?:officer|member|director)\b\s*:?", re.IGNORECASE)),
    ("report_author", re.compile(r"^report\s+authors?\b\s*:?|^author\b\s*:?", re.IGNORECASE)),
    ("version", re.compile(r"^version\b\s*(?:no\.?|number)?\s*:?", re.IGNORECASE)),
    ("dated", re.compile(r"^dated\b\s*:?|^date\s+of\s+report\b\s*:?", re.IGNORECASE)),
    (
        "key_decision",
        re.compile(r"^(?:is\s+this\s+a\s+)?key\s+decision\b\s*\??\s*:?", re.IGNORECASE),
    ),
    (
        "final_report_sent",
        re.compile(
            r"^date\s+final\s+report\s+s(?:ent)?\b.*?(?:team|officer|services)?\s*:?", re.IGNORECASE
        ),
    ),
)
_CONSULTATION_TITLE: Final = re.compile(r"^consultation\b", re.IGNORECASE)
_CONSULTATION_HEADER: Final = re.compile(r"^officer\s+title\b", re.IGNORECASE)
_YES_NO: Final = re.compile(r"^(yes|no|y|n|n/a)\.?$", re.IGNORECASE)
_LONE_CAPITAL: Final = re.compile(r"(?:^|\s)[A-Z]$")
_LOWER_FRAGMENT: Final = re.compile(r"^[a-z]{2,}")
# How many lines after the heading the audit trail may run.
MAX_AUDIT_LINES: Final = 40
MAX_ROW_CHARS: Final = 60


def _yes_no(value: str) -> bool | None:
    v = value.strip().lower().rstrip(".")
    if v in {"yes", "y"}:
        return True
    if v in {"no", "n"}:
        return False
    return None


def _cells(line: Line) -> list[str]:
    text = line.text
    if "\t" in text.strip() or rx(r"\S {3,}\S").search(text.strip()):
        return [c for c in raw_cells(text)]
    cleaned = clean(text)
    if ":" in cleaned:
        label, _, value = cleaned.partition(":")
        return [label + ":", value.strip()]
    return [cleaned]


def _join_title_cells(cells: Sequence[str]) -> str:
    """Cells of an officer's title as one string.

    A job title is written in capitals at each word ("Governance and Assurance"), so a
    lone capital letter at the end of a cell followed by a lower-case fragment in the
    next ("Governance and A" | "ssurance") is one word that the cell boundary split.
    """
    out = ""
    for cell in cells:
        if out and _LONE_CAPITAL.search(out) and _LOWER_FRAGMENT.match(cell):
            out += cell
        else:
            out = f"{out} {cell}" if out else cell
    return out


def _audit_lines(lines: Sequence[Line]) -> list[Line]:
    for i, ln in enumerate(lines):
        if _AUDIT_HEADING.match(clean(ln.text).strip("#* ")):
            return [x for x in lines[i + 1 : i + 1 + MAX_AUDIT_LINES] if not x.is_blank]
    return []


def extract_audit_trail(lines: Sequence[Line]) -> AuditTrail | None:
    """The audit trail under an "AUDIT TRAIL" heading, or None when the report has none."""
    body = _audit_lines(lines)
    if not body:
        return None
    values: dict[str, str] = {}
    used: list[Line] = []
    consultation: list[ConsultationRow] = []
    in_consultation = False
    pending: ConsultationRow | None = None
    for ln in body:
        cells = _cells(ln)
        if not cells:
            continue
        first = cells[0]
        matched = False
        for name, pattern in _FIELDS:
            m = pattern.match(first)
            if m:
                rest = [first[m.end() :].strip(), *cells[1:]]
                value = next((c for c in rest if c), "")
                if name == "final_report_sent":
                    value = next((c for c in reversed(rest) if c), "")
                values.setdefault(name, value)
                used.append(ln)
                matched = True
                in_consultation = False
                break
        if matched:
            continue
        if _CONSULTATION_TITLE.match(first):
            used.append(ln)
            continue
        if _CONSULTATION_HEADER.match(first):
            in_consultation = True
            used.append(ln)
            continue
        if in_consultation:
            answers = [c for c in cells[1:] if _YES_NO.match(c)]
            words = [c for c in cells if c and not _YES_NO.match(c)]
            if answers:
                name = _join_title_cells(words)
                sought = _yes_no(answers[0])
                included = _yes_no(answers[1]) if len(answers) > 1 else None
                pending = ConsultationRow(name, sought, included, span_of([ln]))
                consultation.append(pending)
                used.append(ln)
            elif pending is not None and words and len(ln.text) < 80:
                # The officer's title wrapped onto a second row.
                consultation[-1] = ConsultationRow(
                    _join_title_cells([pending.officer, *words]),
                    pending.comments_sought,
                    pending.comments_included,
                    Span(
                        first_line=pending.span.first_line,
                        last_line=ln.number,
                        first_page=pending.span.first_page,
                        last_page=ln.page if ln.page is not None else pending.span.last_page,
                    ),
                )
                pending = consultation[-1]
                used.append(ln)
            continue
        # A line that is not part of the table (the next document) ends it.
        if (
            used
            and "\t" not in ln.text
            and (len(clean(ln.text)) > MAX_ROW_CHARS or ln.number - used[-1].number > 2)
        ):
            break
    if not used:
        return None
    return AuditTrail(
        lead_officer=values.get("lead_officer") or None,
        report_author=values.get("report_author") or None,
        version=values.get("version") or None,
        dated=parse_date(values["dated"]) if values.get("dated") else None,
        key_decision=_yes_no(values["key_decision"]) if values.get("key_decision") else None,
        span=span_of(used),
        consultation=tuple(consultation),
        final_report_sent=parse_date(values["final_report_sent"])
        if values.get("final_report_sent")
        else None,
    )
