"""Extraction of minutes: heading, attendance, declarations, items and resolutions.

The meeting is the one the minutes record (from their own heading), never the
meeting of the pack that carries them. Where items start, in all the numbering
forms of UK minutes, is found by `minute_items`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from minutebook.parser.attendance import BUSINESS_HEADING, labelled_attendance
from minutebook.parser.attendance_grid import apologies_over_absence, grid_rows
from minutebook.parser.attendance_more import fold_posts, item_attendance
from minutebook.parser.attendance_sentences import (
    item_apologies,
    listed_as,
    merge_attendance,
    sentence_attendance,
)
from minutebook.parser.dates import parse_time
from minutebook.parser.declarations import extract_declarations, full_declarer_names
from minutebook.parser.discussion import MINUTES_MARKER, discussion_text, text_width
from minutebook.parser.heading import parse_heading, plain
from minutebook.parser.lines import Block, Line, span_of
from minutebook.parser.minute_items import (
    ITEM_REF_LINE,
    _ItemStart,
    find_items,
    without_action_column,
)
from minutebook.parser.models import (
    Attendee,
    Declaration,
    Document,
    MinuteItem,
    Minutes,
    Part,
    Resolution,
    WorkPlanEntry,
)
from minutebook.parser.page_furniture import running_footer
from minutebook.parser.patterns import rx
from minutebook.parser.preamble import extract_preamble
from minutebook.parser.reasons import item_reasons
from minutebook.parser.report_text import title_marks_exempt
from minutebook.parser.resolutions import extract_resolutions
from minutebook.parser.signature import signature
from minutebook.parser.workplan import extract_work_plan

ENDED: Final = re.compile(
    r"(?i)\bmeeting\s+(?:ended|closed|finished|concluded|terminated|rose)\s*(?:at|:)?\s*(?P<t>[^.;)]*(?:\.\d\d)?[^.;)]*)"
)


# The most words of a line above "Minutes:" that is taken as the lone item's title.
MAX_LONE_TITLE_WORDS: Final = 15

REASONS: Final = re.compile(r"(?i)^reasons?\s+for\s+(?:the\s+)?decisions?\b")


def _once(resolutions: list[Resolution], body: Sequence[Line]) -> list[Resolution]:
    """A decision printed twice (a web page's decision block, then the minute with the
    same decision and reasons again) counts once: the minute's own wording is kept."""
    if len(resolutions) < 2:
        return resolutions
    reasons = [
        ln.number
        for ln in body
        if ln.text.lstrip()[:7].lower() == "reasons" and REASONS.match(plain(ln.text))
    ]
    if len(reasons) != 2:
        return resolutions
    first = [r for r in resolutions if r.span.last_line < reasons[0]]
    second = [r for r in resolutions if reasons[0] < r.span.first_line < reasons[1]]
    if first and len(first) == len(second) and len(first) + len(second) == len(resolutions):
        return second
    return resolutions


SIGNATURE: Final = re.compile(r"^(?:chair(?:man|person)?|signed|dated?)\s*:", re.IGNORECASE)


def _closing(texts: Sequence[str], after: int) -> int:
    """Where the last item ends: at "The meeting ended at ..." or the signature lines
    (`texts`: the lines through `plain`)."""
    for k in range(after, len(texts)):
        text = texts[k]
        if ("meeting" in text.lower() and ENDED.search(text)) or (
            ":" in text and SIGNATURE.match(text)
        ):
            return k
    return len(texts)


def end_time(lines: Sequence[Line]) -> str | None:
    for line in reversed(lines):
        if "meeting" not in line.text.lower():
            continue
        m = ENDED.search(plain(line.text))
        if m:
            # (The rest of the line first: the group stops at the stops of "8.05 p.m.".)
            t = parse_time(plain(line.text)[m.start() :]) or parse_time(m["t"])
            if t:
                return t
    # "Time: 14:00 – 16:15" in the heading: the meeting's start and end.
    for line in lines[:15]:
        r = _TIME_RANGE.match(plain(line.text))
        if r:
            return parse_time(r["end"])
    return None


_TIME_RANGE: Final = re.compile(
    r"(?i)^\W*time\s*:\s*(?P<start>\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?)\s*"
    r"(?:[-–—]|to|until)\s*(?P<end>\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?)\s*$"
)


def _title_before_marker(lines: Sequence[Line]) -> str:
    """The title of a lone item printed above its "Minutes:" label (a web page of one
    item): the first short line before the label that is no sentence; "" when the label
    opens the text. The label itself is never the title."""
    for line in lines:
        text = plain(line.text)
        if "inutes" in line.text[:40] and MINUTES_MARKER.match(text):
            return ""
        if text and len(text.split()) <= MAX_LONE_TITLE_WORDS and not text.endswith("."):
            return text
    return ""


def _after_minutes_marker(body: Sequence[Line]) -> Sequence[Line]:
    """On web pages an item shows its agenda text, then "Minutes:", then the minute."""
    for k, line in enumerate(body):
        if "inutes" in line.text[:40] and MINUTES_MARKER.match(plain(line.text)):
            return body[k + 1 :]
    return body


# "That the following 4 November 2020 draft agenda be agreed as follows:",
# "The draft agenda for the next meeting be noted as follows:".
_PLAN_LEAD: Final = re.compile(
    r"(?i)\b(?:agenda|work\s*(?:plan|programme)|forward\s+plan)\b[^:]*:-?\s*$"
)


def _agreed_agendas(
    lines: Sequence[Line], texts: Sequence[str], meeting_date: str | None
) -> tuple[WorkPlanEntry, ...]:
    """Work-plan entries that minutes agree for coming meetings: the lists under a
    resolution that introduces a draft agenda or work plan (only those lines are
    read, so minutes without one cost a scan of their lines)."""
    leads = [k for k, t in enumerate(texts) if t.endswith((":", ":-")) and _PLAN_LEAD.search(t)]
    entries: list[WorkPlanEntry] = []
    for k in leads:
        entries.extend(extract_work_plan(lines[k : k + 40], after=meeting_date))
    unique: dict[tuple[str, tuple[str, ...]], WorkPlanEntry] = {}
    for e in entries:  # overlapping windows find an entry twice
        unique.setdefault((e.meeting_date, e.items), e)
    return tuple(unique.values())


def _tail_start(texts: Sequence[str]) -> int:
    """Where signature lines may start in minutes without numbered items: after
    "The meeting ended at ...", else among the last few lines (a "Chairman:" line
    at the top is the attendance, not the signature)."""
    for k in range(len(texts) - 1, -1, -1):
        if "meeting" in texts[k].lower() and ENDED.search(texts[k]):
            return k + 1
    nonblank = [k for k, t in enumerate(texts) if t]
    return nonblank[-3] if len(nonblank) >= 4 else len(texts)


def _minute_numbers(
    declarations: list[Declaration], starts: Sequence[_ItemStart], texts: Sequence[str]
) -> list[Declaration]:
    """Minutes that print "(Item N)" under each numbered minute: a declaration naming
    "Item 16" means the minute of agenda item 16 (say 307), the number items carry."""
    refs: dict[str, str] = {}
    for start in starts:
        for t in texts[start.head : start.index]:
            m = ITEM_REF_LINE.match(t)
            if m and start.number and m["n"] != start.number:
                refs[m["n"]] = start.number
    if not refs:
        return declarations
    numbers = {s.number for s in starts}
    return [
        replace(d, item=refs[d.item]) if d.item in refs and d.item not in numbers else d
        for d in declarations
    ]


# A heading line that opens the exempt (closed) part of the minutes, or the open part again.
# Only short stand-alone lines count: prose such as "paragraph 3 of Part 1 of Schedule 12A"
# names a part without opening one.
_CLOSED_PART_HEADING: Final = re.compile(
    r"(?i)^\W*(?:part\s+(?:ii|2|b|two)\b|exempt\s+(?:items?|business|information)\b|"
    r"(?:items?|business|matters)\s+(?:(?:considered|taken|discussed)\s+)?in\s+private\b|"
    r"private\s+(?:session|business)\b|(?:closed|confidential)\s+(?:session|section|part|business)\b)"
)
_OPEN_PART_HEADING: Final = re.compile(r"(?i)^\W*part\s+(?:i|1|a|one)\b")


def part_markers(texts: Sequence[str]) -> list[tuple[int, Part]]:
    """(index, part) of each stand-alone heading that opens the closed or the open part."""
    found: list[tuple[int, Part]] = []
    for i, text in enumerate(texts):
        line = text.strip()
        if (
            not line
            or len(line) > 70
            or line.endswith((".", ",", ";"))
            or "schedule" in line.lower()
        ):
            continue
        if _CLOSED_PART_HEADING.match(line):
            found.append((i, "closed"))
        elif _OPEN_PART_HEADING.match(line):
            found.append((i, "open"))
    return found


def _part_at(markers: Sequence[tuple[int, Part]], index: int) -> Part:
    part: Part = "open"
    for at, marked in markers:
        if at >= index:  # a heading that is the item's own title opens the part after it
            break
        part = marked
    return part


def _declarations_before_items(
    rest: Sequence[Line], texts: Sequence[str], first_item: int
) -> list[Declaration]:
    """Declarations under an unnumbered "Declarations of interest" heading that stands
    before the first numbered item (its statements or table, up to that item)."""
    for k in range(first_item):
        line = texts[k].strip()
        if "interest" in line.lower() and BUSINESS_HEADING.fullmatch(line):
            return [d for d in extract_declarations(rest[k + 1 : first_item]) if d.kind != "none"]
    return []


def extract_minutes(block: Block) -> Document:
    lines = block.lines
    heading = parse_heading(lines)
    body_from = heading.heading_end + 1
    rest = without_action_column(lines[body_from:])
    # Each line through `plain` once: every stage below reads these.
    texts = [plain(ln.text) if not ln.is_blank else "" for ln in rest]
    plains = {ln.number: t for ln, t in zip(rest, texts, strict=True)}
    starts = find_items(rest, texts)
    width = text_width(texts)
    first_item = starts[0].head if starts else len(rest)
    # A grid's rows are its own; labelled lists around it ("In attendance: ...") add to it.
    grid, grid_lines = grid_rows(rest[:first_item])
    attendance = grid + labelled_attendance(
        [ln for ln in rest[:first_item] if ln.number not in grid_lines]
        if grid
        else rest[:first_item]
    )
    attendance = fold_posts(attendance)
    footer = {
        rest[k].number for k in running_footer(texts, heading.committee, heading.meeting.date)
    }
    markers = part_markers(texts)
    footer |= {rest[k].number for k, _ in markers}  # a part heading is no item's discussion
    items: list[MinuteItem] = []
    declarations: list[Declaration] = []
    listed_apologies: list[Attendee] = []
    item_present: list[Attendee] = []
    for k, start in enumerate(starts):
        end = starts[k + 1].head if k + 1 < len(starts) else _closing(texts, start.index)
        body = rest[start.index : end]
        minute = _after_minutes_marker(body)
        resolutions, used = extract_resolutions(minute)
        if not resolutions and len(minute) < len(body):
            # A "Decision:" block printed before the minute itself.
            resolutions, used = extract_resolutions(body)
        resolutions = _once(resolutions, body)
        reasons, reason_lines = item_reasons(body, plains)
        discussion = discussion_text(minute, plains, used | reason_lines | footer, width)
        span_lines = rest[start.head : max(end, start.head + 1)]
        items.append(
            MinuteItem(
                number=start.number,
                title=start.title,
                resolutions=tuple(resolutions),
                span=span_of([ln for ln in span_lines] or [rest[start.head]]),
                discussion=discussion,
                reasons=reasons,
                part="closed" if title_marks_exempt(start.title) else _part_at(markers, start.head),
            )
        )
        if rx(r"(?i)declar|disclos|interests?\b|transparency").search(start.title):
            declarations.extend(extract_declarations(minute, start.number))
        if rx(r"(?i)\bapolog").search(start.title):
            listed_apologies.extend(item_apologies(minute))
        item_present.extend(item_attendance(body))
    if starts:
        declarations.extend(_declarations_before_items(rest, texts, first_item))
    else:
        declarations.extend(d for d in extract_declarations(rest) if d.kind != "none")
        # A single-item minute (a web page of one item): its decisions still count.
        loose, used = extract_resolutions(_after_minutes_marker(rest))
        if loose:
            items.append(
                MinuteItem(
                    number=None,
                    title=_title_before_marker(rest) or heading.committee or "",
                    resolutions=tuple(loose),
                    span=span_of(rest) if rest else block.span,
                    discussion=discussion_text(rest, plains, used, width),
                )
            )
    declarations = _minute_numbers(declarations, starts, texts)
    attendance = merge_attendance(attendance, sentence_attendance(rest, attendance))
    attendance.extend(a for a in listed_apologies if listed_as(a, attendance) is None)
    attendance = apologies_over_absence(attendance) if grid else attendance
    known = {(a.name, a.status) for a in attendance}
    for a in item_present:  # once each, also when present for several items
        if (a.name, a.status) not in known:
            known.add((a.name, a.status))
            attendance.append(a)
    declarations = full_declarer_names(declarations, attendance)
    preamble, preamble_span = (
        extract_preamble(rest[:first_item], texts[:first_item], attendance)
        if starts
        else ("", None)
    )
    title = heading.title
    if title is None and heading.committee:
        title = f"Minutes: {heading.committee}"
    closing = _closing(texts, starts[-1].index) if starts else len(texts)
    signed_by, signed_date, signature_span = signature(
        rest, texts, closing if starts else _tail_start(texts)
    )
    return Document(
        kind="minutes",
        subkind="minutes",
        title=title,
        committee=heading.committee,
        council=heading.council,
        meeting=heading.meeting,
        span=block.span,
        minutes=Minutes(
            attendance=tuple(attendance),
            declarations=tuple(declarations),
            items=tuple(items),
            end_time=end_time(lines),
            part=heading.part,
            signed_by_chair=signed_by,
            signed_date=signed_date,
            signature_span=signature_span,
            preamble=preamble,
            preamble_span=preamble_span,
        ),
        # Minutes that agree the draft agenda of a coming meeting plan it.
        work_plan=_agreed_agendas(rest[:closing], texts[:closing], heading.meeting.date),
        part=heading.part,
    )
