"""Extraction of minutes: heading, attendance, declarations, items and resolutions.

The meeting is the one the minutes record (from their own heading), never the
meeting of the pack that carries them. Items are found in all the numbering
forms of UK minutes: "1. TITLE", "84.  Title" with "(Item 1)" beneath, a
number alone on its line with the title below (web pages), "(139) TITLE",
"PLA146/14 Title", "23/45 Title", "4a", "5.1", "(a) Title".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from minutebook.parser.attendance import (
    grid_attendance,
    item_apologies,
    labelled_attendance,
    listed_as,
    merge_attendance,
    sentence_attendance,
)
from minutebook.parser.attendance_more import fold_posts, item_attendance
from minutebook.parser.dates import find_dates, parse_time
from minutebook.parser.declarations import extract_declarations
from minutebook.parser.heading import LINK_DEBRIS, parse_heading, plain
from minutebook.parser.item_headings import heading_lines
from minutebook.parser.lines import Block, Line, span_of
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
from minutebook.parser.preamble import extract_preamble
from minutebook.parser.reasons import item_reasons
from minutebook.parser.report_text import title_marks_exempt
from minutebook.parser.resolutions import extract_resolutions, find_marker
from minutebook.parser.signature import signature
from minutebook.parser.workplan import extract_work_plan

ITEM_REF_LINE = re.compile(r"^\(\s*item\s+(?P<n>[\w.]+)\s*\)$", re.IGNORECASE)
NUMBER_TITLE = re.compile(r"^(?P<num>\d{1,4}[a-z]?)(?:\.?\s+|\.(?=[A-Z]{2}))(?P<title>\S.*)$")
NUMBER_ALONE = re.compile(r"^(?P<num>\d{1,4}(?:[a-z]|\.\d{1,2})?)\.?$")
PAREN_NUMBER = re.compile(r"^\((?P<num>\d{1,4})\)\s+(?P<title>\S.*)$")
CODED_NUMBER = re.compile(
    r"^(?P<num>[A-Z]{1,6}[\s/]?\d{1,4}/\d{1,4}|[A-Z]{2,6}/\d{1,4}[a-z]?|\d{1,4}/\d{1,4})[.:]?\s+"
    r"(?P<title>\S.*)$"
)
# "ITEM 4 TITLE", "Item 4: Title", "Minute 12 Title", "Agenda Item 3 - Title".
WORD_NUMBER = re.compile(
    r"^(?i:(?:agenda\s+)?item|minute)\s+(?:no\.?\s*)?(?P<num>\d{1,4}[a-z]?(?:\.\d{1,2})?)"
    r"(?:\s*[.:\-–]\s*|\s+)(?P<title>\S.*)$"
)
LETTER_ITEM = re.compile(r"^\((?P<num>[a-z])\)\s+(?P<title>\S.*)$")
ENDED = re.compile(
    r"(?i)\bmeeting\s+(?:ended|closed|finished|concluded|terminated|rose)\s*(?:at|:)?\s*(?P<t>[^.;)]*(?:\.\d\d)?[^.;)]*)"
)
MINUTES_MARKER = re.compile(r"^minutes\s*:?$", re.IGNORECASE)


@dataclass(slots=True)
class _ItemStart:
    index: int  # index of the first body line
    head: int  # index of the first heading line
    number: str | None
    title: str


def _upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _title_like(title: str) -> bool:
    t = title.strip()
    if not t or len(t) > 200 or not (t[0].isupper() or t[0].isdigit() or t[0] in "'‘\""):
        return False
    upper = _upper_ratio(t) >= 0.6
    if upper:
        return True
    if re.match(
        r"(?i)(?:that|to|it|this|these|there|he|she|they|we|i|in response|resolved|agreed)\b", t
    ):
        return False
    return not t.endswith((".", ";", ",", ":")) or len(t) < 40


def _num_value(number: str) -> int | None:
    m = re.match(r"\d+", number)
    return int(m.group(0)) if m else None


_DIGITS = re.compile(r"\d+")


def _follows(previous: str | None, number: str) -> bool:
    """Whether `number` can be the item after `previous`: "5" after "4", "4a" after
    "4", "25/02" after "25/01", "CP/23/12" after "CP/23/11", "PLA147/14" after "PLA146/14"."""
    if previous is None:
        return True
    if "/" in number or "/" in previous:
        a, b = _DIGITS.findall(previous), _DIGITS.findall(number)
        if len(a) != len(b) or _DIGITS.sub("", previous) != _DIGITS.sub("", number):
            return False
        steps = [int(y) - int(x) for x, y in zip(a, b, strict=True)]
        return sum(1 for d in steps if d) == 1 and any(0 < d <= 3 for d in steps)
    value, last = _num_value(number), _num_value(previous)
    if value is None or last is None:
        return False
    return 0 < value - last <= 3 or (value == last and number[-1:].isalpha())


def _clean_title(text: str) -> str:
    text = plain(text)
    if "PDF" in text or "pdf" in text:
        text = LINK_DEBRIS.sub("", text)
    return text.strip(" .:;,-–")


def _full_width(texts: Sequence[str]) -> int:
    """The length of a full line of the text (most lines of prose are about this long)."""
    lengths = sorted(len(t) for t in texts if len(t) > 20)
    return lengths[int(len(lengths) * 0.9)] if len(lengths) >= 10 else 10**6


def _wrapped_title(texts: Sequence[str], i: int, title: str, body: int) -> tuple[str, int]:
    """A heading wrapped over the next lines of PDF text: the heading line runs to
    the full width, unfinished, and the next line goes on in lower case (or, after
    a full-width line, goes on until a short line ends the heading)."""
    line = texts[i]
    if i + 1 >= len(texts) or not texts[i + 1] or line.endswith((".", ":", ";")):
        return title, body  # most headings: a blank line or a finished sentence follows
    width = _full_width(texts)
    k = i + 1
    parts = [title]
    while (
        k < len(texts)
        and k - i <= 3
        and texts[k]
        and len(line) >= 0.85 * width
        and not line.endswith((".", ":", ";"))
        and (texts[k][:1].islower() or k > i + 1)
        and not NUMBER_TITLE.match(texts[k])
        and len(texts[k]) <= 200
    ):
        parts.append(texts[k])
        line = texts[k]
        k += 1
    nxt = texts[k] if k == i + 1 else ""
    if nxt and _upper_ratio(title) >= 0.8 and _upper_ratio(nxt) >= 0.8 and len(nxt) <= 80:
        # A heading in capitals goes on in capitals on the next line ("... AT" /
        # "ELDERPARK WORKSPACE."), whatever the width.
        numbered = (
            NUMBER_TITLE,
            NUMBER_ALONE,
            PAREN_NUMBER,
            CODED_NUMBER,
            WORD_NUMBER,
            LETTER_ITEM,
        )
        if not any(p.match(nxt) for p in numbered) and not find_marker(nxt):
            parts.append(nxt)
            k += 1
    if k == i + 1:
        return title, body
    return _clean_title(" ".join(parts)), k


# The first characters that the item patterns can start with (WORD_NUMBER ignores case,
# and then "İ" and "ı" match "i"); CODED_NUMBER also needs a "/".
_ITEM_FIRST = frozenset("(aAiImM\u0130\u0131")


def _may_number_an_item(text: str) -> bool:
    """False when no item pattern (NUMBER_ALONE, NUMBER_TITLE, PAREN_NUMBER, CODED_NUMBER,
    WORD_NUMBER, LETTER_ITEM) can match `text`: a cheap test before the regexes."""
    first = text[:1]
    return first.isdigit() or first in _ITEM_FIRST or ("A" <= first <= "Z" and "/" in text)


def _starts_with_date(text: str) -> bool:
    dates = find_dates(text[:40])
    return bool(dates) and dates[0][0] == 0


def find_items(lines: Sequence[Line], texts: Sequence[str] | None = None) -> list[_ItemStart]:
    """Where each minute item starts, with its number and title (`texts`: the lines
    already through `plain`, "" for blank ones)."""
    if texts is None:
        texts = [plain(ln.text) if not ln.is_blank else "" for ln in lines]
    starts: list[_ItemStart] = []
    if sum(1 for t in texts if t[:1] == "(" and ITEM_REF_LINE.match(t)) >= 2:
        # Layout with "(Item N)" under each title: the title is the block above it.
        for i, t in enumerate(texts):
            m = ITEM_REF_LINE.match(t)
            if not m:
                continue
            j = i - 1
            # PDF text may put blank lines, or a page break with its lone page
            # number, between the title and "(Item N)".
            while j >= 0 and i - j <= 6 and (not texts[j] or re.fullmatch(r"\d{1,4}", texts[j])):
                j -= 1
            head: list[str] = []
            while j >= 0 and texts[j] and len(head) < 3 and not re.fullmatch(r"\d{1,4}", texts[j]):
                head.insert(0, texts[j])
                j -= 1
            if not head:
                continue
            number: str | None = m["n"]
            first = NUMBER_TITLE.match(head[0])
            if first:
                number = first["num"]
                head[0] = first["title"]
            starts.append(_ItemStart(i + 1, j + 1, number, _clean_title(" ".join(head))))
        return starts
    last: int | None = None
    last_number: str | None = None
    in_resolution = False
    for i, t in enumerate(texts):
        if not t:
            continue
        if find_marker(t):
            in_resolution = True
            continue
        candidate: tuple[str, str, int] | None = None  # number, title, body start
        if not _may_number_an_item(t):
            continue
        if t[:1].isdigit() and _starts_with_date(t):
            continue  # "12 March 2026": the meeting's date, not item 12
        m = NUMBER_ALONE.match(t)
        if m:
            k = i + 1
            while k < len(texts) and not texts[k]:
                k += 1
            if (
                k < len(texts)
                and _title_like(_clean_title(texts[k]))
                and not NUMBER_ALONE.match(texts[k])
            ):
                candidate = (m["num"], _clean_title(texts[k]), k + 1)
        for pattern in (NUMBER_TITLE, PAREN_NUMBER, CODED_NUMBER, WORD_NUMBER, LETTER_ITEM):
            if candidate:
                break
            m2 = pattern.match(t)
            if not m2:
                continue
            title = _clean_title(m2["title"])
            agenda_wording = (
                # Parish minutes keep the agenda's wording: "25/01 To receive apologies".
                pattern in (CODED_NUMBER, WORD_NUMBER) or not in_resolution
            ) and AGENDA_DESCRIPTION.match(title) is not None
            if not agenda_wording and not _title_like(LINK_DEBRIS.sub("", plain(m2["title"]))):
                continue
            number = m2["num"]
            upper = _upper_ratio(title) >= 0.6
            follows = _follows(last_number, number)
            if pattern is LETTER_ITEM:
                follows = not in_resolution
            elif pattern is WORD_NUMBER:
                upper = True  # "Item 4" says it is an item
            if in_resolution and follows and not upper and pattern is not LETTER_ITEM:
                # After a decision, a numbered line is the next item only when it
                # reads as a heading: after a blank line, short, no closing stop.
                upper = (
                    i > 0
                    and not texts[i - 1]
                    and len(title) <= 100
                    and not (title.endswith((".", ";", ",", ":")))
                )
            if in_resolution and upper and not follows:
                follows = _restarted(starts, title, texts, i)
            if (upper or follows) if not in_resolution else (upper and follows):
                candidate = (number, title, i + 1)
        if candidate:
            number, title, body = candidate
            if body == i + 1:
                title, body = _wrapped_title(texts, i, title, body)
                title = title.rstrip(" .:;,")  # as _clean_title does for one line
            value = _num_value(number)
            if (
                value is not None
                and last is not None
                and value < last - 1
                and "." not in number
                and not number[-1:].isalpha()
                and not _restarted(starts, title, texts, i)
            ):
                # Numbering ran backwards: a numbered paragraph, not an item.
                continue
            starts.append(_ItemStart(body, i, number, title))
            if value is not None:
                last = value
            last_number = number
            in_resolution = False
    return starts or _unnumbered_items(texts)


def _restarted(starts: Sequence[_ItemStart], title: str, texts: Sequence[str], i: int) -> bool:
    """A numbering restart (Word and pandoc lists restart after other text): a title in
    capitals after a blank line, in minutes whose every item title is in capitals."""
    return (
        len(starts) >= 2
        and i > 0
        and not texts[i - 1]
        and _upper_ratio(title) >= 0.8
        and all(_upper_ratio(s.title) >= 0.8 for s in starts)
    )


# A web page's row "<Title> Additional documents: Minutes: <the minute>".
INLINE_MINUTE = re.compile(
    r"^(?P<title>[A-Z0-9'‘\"][^|]{2,150}?)\s+(?:Additional\s+documents:\s*)?Minutes:\s*(?P<rest>.*)$"
)
# The agenda's description of an item, printed under its title on web pages.
AGENDA_DESCRIPTION = re.compile(
    r"^To\s+(?:receive|consider|note|approve|agree|review|discuss|elect|appoint|confirm|"
    r"determine|decide|report|scrutinise|comment)\b"
)


def _unnumbered_items(texts: Sequence[str]) -> list[_ItemStart]:
    """Items of minutes that print no numbers (web pages): a row "<Title> Minutes:
    <minute>", or a short title line followed by the agenda's "To receive ..."."""
    starts: list[_ItemStart] = []
    for i, t in enumerate(texts):
        if not t or "inutes:" not in t:
            continue
        m = INLINE_MINUTE.match(t)
        if m and _title_like(_clean_title(m["title"])):
            starts.append(_ItemStart(i, i, None, _clean_title(m["title"])))
    if len(starts) >= 2:
        return starts
    starts = []
    nonblank = [i for i, t in enumerate(texts) if t]
    for k, i in enumerate(nonblank[:-1]):
        nxt = texts[nonblank[k + 1]]
        if not nxt.startswith("To "):
            continue
        t = _clean_title(texts[i])
        if (
            len(t) <= 120
            and AGENDA_DESCRIPTION.match(nxt)
            and not AGENDA_DESCRIPTION.match(t)
            and _title_like(t.rstrip("."))
        ):
            # The minute starts after the agenda's description ("To receive ...").
            starts.append(_ItemStart(nonblank[k + 1] + 1, i, None, t.rstrip(".")))
    return starts if len(starts) >= 2 else _heading_line_items(texts)


def _heading_line_items(texts: Sequence[str]) -> list[_ItemStart]:
    """Items printed as unnumbered heading lines (see `item_headings`)."""
    return [_ItemStart(i + 1, i, None, texts[i]) for i in heading_lines(texts, _title_like)]


REASONS = re.compile(r"(?i)^reasons?\s+for\s+(?:the\s+)?decisions?\b")


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


SIGNATURE = re.compile(r"^(?:chair(?:man|person)?|signed|dated?)\s*:", re.IGNORECASE)


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
            t = parse_time(m["t"]) or parse_time(plain(line.text)[m.start() :])
            if t:
                return t
    # "Time: 14:00 – 16:15" in the heading: the meeting's start and end.
    for line in lines[:15]:
        r = _TIME_RANGE.match(plain(line.text))
        if r:
            return parse_time(r["end"])
    return None


_TIME_RANGE = re.compile(
    r"(?i)^\W*time\s*:\s*(?P<start>\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?)\s*"
    r"(?:[-–—]|to|until)\s*(?P<end>\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?)\s*$"
)


def _after_minutes_marker(body: Sequence[Line]) -> Sequence[Line]:
    """On web pages an item shows its agenda text, then "Minutes:", then the minute."""
    for k, line in enumerate(body):
        if "inutes" in line.text[:40] and MINUTES_MARKER.match(plain(line.text)):
            return body[k + 1 :]
    return body


# Web-page furniture left between minutes: link labels, table pipes, a lone mark.
_FURNITURE = re.compile(
    r"(?i)^(?:(?:additional|supporting)\s+documents\s*:?|[|\s]+|[*•·]+|"
    # A page number left inside an item by PDF text ("Page 1 of 2", "- 3 -").
    r"page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|[-–]\s*\d{1,4}\s*[-–])$"
)
_LEADING_LABEL = re.compile(r"(?i)^(?:additional|supporting)\s+documents\s*:\s*")


def _discussion(lines: Sequence[Line], plains: dict[int, str], used: set[int]) -> str:
    """The minuted text of an item: its lines without resolutions, the "Minutes:"
    label, web-page furniture, or the title a web-page row prints before it."""
    out: list[str] = []
    for ln in lines:
        t = plains[ln.number]
        if not t or ln.number in used or MINUTES_MARKER.match(t) or _FURNITURE.match(t):
            continue
        if "inutes:" in t and (m := INLINE_MINUTE.match(t)) is not None:
            t = m["rest"].strip()
        t = _LEADING_LABEL.sub("", t)
        if t:
            out.append(t)
    return "\n".join(out)


# "That the following 4 November 2020 draft agenda be agreed as follows:",
# "The draft agenda for the next meeting be noted as follows:".
_PLAN_LEAD = re.compile(r"(?i)\b(?:agenda|work\s*(?:plan|programme)|forward\s+plan)\b[^:]*:-?\s*$")


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
_CLOSED_PART_HEADING = re.compile(
    r"(?i)^\W*(?:part\s+(?:ii|2|b|two)\b|exempt\s+(?:items?|business|information)\b|"
    r"(?:items?|business|matters)\s+(?:(?:considered|taken|discussed)\s+)?in\s+private\b|"
    r"private\s+(?:session|business)\b|(?:closed|confidential)\s+(?:session|section|part|business)\b)"
)
_OPEN_PART_HEADING = re.compile(r"(?i)^\W*part\s+(?:i|1|a|one)\b")


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


def extract_minutes(block: Block) -> Document:
    lines = block.lines
    heading = parse_heading(lines)
    body_from = heading.heading_end + 1
    rest = lines[body_from:]
    # Each line through `plain` once: every stage below reads these.
    texts = [plain(ln.text) if not ln.is_blank else "" for ln in rest]
    plains = {ln.number: t for ln, t in zip(rest, texts, strict=True)}
    starts = find_items(rest, texts)
    first_item = starts[0].head if starts else len(rest)
    attendance = labelled_attendance(rest[:first_item])
    if not attendance:
        attendance = grid_attendance(rest[:first_item])
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
        discussion = _discussion(minute, plains, used | reason_lines | footer)
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
        if re.search(r"(?i)declar|disclos|interests?\b|transparency", start.title):
            declarations.extend(extract_declarations(minute, start.number))
        if re.search(r"(?i)\bapolog", start.title):
            listed_apologies.extend(item_apologies(minute))
        item_present.extend(item_attendance(body))
    if not starts:
        declarations.extend(d for d in extract_declarations(rest) if d.kind != "none")
        # A single-item minute (a web page of one item): its decisions still count.
        loose, used = extract_resolutions(_after_minutes_marker(rest))
        if loose:
            items.append(
                MinuteItem(
                    number=None,
                    title=heading.committee or "Minutes",
                    resolutions=tuple(loose),
                    span=span_of(rest) if rest else block.span,
                    discussion=_discussion(rest, plains, used),
                )
            )
    declarations = _minute_numbers(declarations, starts, texts)
    attendance = merge_attendance(attendance, sentence_attendance(rest, attendance))
    attendance.extend(a for a in listed_apologies if listed_as(a, attendance) is None)
    known = {(a.name, a.status) for a in attendance}
    for a in item_present:  # once each, also when present for several items
        if (a.name, a.status) not in known:
            known.add((a.name, a.status))
            attendance.append(a)
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
