"""The heading of an agenda or minutes: committee, council, meeting date, time, venue.

Forms handled: a minutes sentence ("MINUTES of the OPEN section of the X held
on <date> at <time> at <venue>", "Minutes of a meeting of the X held in <venue>
on <date>"), title lines above it ("X – 29 October 2024"), web-page headers
("X - Tuesday, 10th January, 2023 2.00 pm", "Venue: ...", "Meeting: <date> - X")
and front sheets (committee, date, time and venue on their own lines).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from minutebook.parser.council import (
    PAGE_NAME,
    clean_committee,
    find_committee,
    find_council,
    is_council_name,
    without_council,
)
from minutebook.parser.dates import (
    DAY_MONTH_YEAR,
    MONTH_DAY_YEAR,
    NOON,
    NUMERIC_DATE,
    TIME_12H,
    TIME_24H,
    TIME_HRS,
    find_dates,
    parse_date,
    parse_time,
)
from minutebook.parser.lines import Line
from minutebook.parser.models import MeetingRef, Part
from minutebook.parser.names import smart_title
from minutebook.parser.patterns import rx
from minutebook.parser.report_text import short_text_cache
from minutebook.parser.segment import MINUTES_HEADING

ONLINE: Final = re.compile(
    r"\b(?:online|virtual(?:ly)?|remote(?:ly)?|ms\s+teams|microsoft\s+teams|zoom|teams\s+meeting|webinar)\b",
    re.I,
)
LABEL: Final = re.compile(
    r"^\W*(?:meeting\s+(?=(?:venue|place|location|date|time)\b))?"
    r"(?P<label>venue|place|location|date|time|meeting|contact|committee)\s*:\s*(?P<value>.*)$",
    re.I,
)
_WEEKDAY: Final = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
# "Dyddiad / Date: ...": the label in two languages, either one first.
_BILINGUAL_LABEL: Final = re.compile(
    r"^\W*(?P<a>[^/:]{2,30}?)\s+/\s+(?P<b>[^/:]{2,30}?)\s*:\s*(?P<value>.*)$"
)


_TABBED_LABEL: Final = re.compile(
    r"(?i)^[ \t]*(?P<label>(?:meeting\s+)?(?:date|time|venue|place|location))[ \t]*\t[ \t]*(?=[^\t\s])(?P<value>[^\t]+)$"
)


def with_label_colon(text: str) -> str:
    """A row "Date<tab>Wednesday, 15 October 2025" (a web page's or Word table's two
    cells) as the "Date: ..." line it stands for."""
    if "\t" not in text:
        return text
    m = _TABBED_LABEL.match(text)
    return f"{m['label']}: {m['value'].strip()}" if m else text


def match_label(text: str) -> re.Match[str] | None:
    """A "Label: value" heading line, in either language of a bilingual label."""
    m = LABEL.match(text)
    if m or " / " not in text[:70]:
        return m
    b = _BILINGUAL_LABEL.match(text)
    if not b:
        return None
    for side in (b["b"], b["a"]):
        m = LABEL.match(f"{side}: {b['value']}")
        if m:
            return m
    return None


LINK_DEBRIS: Final = re.compile(
    r"(?:\s*\bpdf\s+icon)?\s*\(?\s*\bPDF\s*(?:file|document)?\s*,?\s*[\d.,]+\s*[KMG]B\b\s*\)?",
    re.IGNORECASE,
)


_SPACES: Final = re.compile(r"\s+")
_TAG: Final = re.compile(r"</?[a-zA-Z][^>]*>")


# Every extractor passes the same lines through `plain`: remember recent ones.
@short_text_cache
def plain(text: str) -> str:
    """A line without markup, link debris ("PDF 71 KB") and runs of spaces."""
    if "<" in text:
        text = _TAG.sub("", text)
    if ("PDF" in text or "pdf" in text) and ("B" in text or "b" in text):
        low = text.lower()
        if "kb" in low or "mb" in low or "gb" in low:
            text = LINK_DEBRIS.sub("", text)
    if "*" in text or "\\" in text:
        text = text.replace("**", "").replace("\\", "")
    return " ".join(text.split()).strip(" #>")


@dataclass(frozen=True, slots=True)
class Heading:
    committee: str | None
    council: str | None
    meeting: MeetingRef
    title: str | None
    part: Part
    heading_end: int  # index (in the block's lines) of the last heading line


_WEEKDAY_WORD: Final = re.compile(rf"(?i)\b{_WEEKDAY},?")
_DIGIT: Final = re.compile(r"\d")


# A number after these words numbers a room ("Room 1.04", "Level 2.10"), it is no time.
_ROOM_WORD: Final = re.compile(r"(?i)\b(?:room|suite|floor|level|unit|block|no\.?)\s*$")


def _not_a_room(text: str) -> Callable[[re.Match[str]], str]:
    def sub(m: re.Match[str]) -> str:
        return m.group(0) if _ROOM_WORD.search(text, 0, m.start()) else " "

    return sub


def _strip_dates_times(text: str) -> str:
    if _DIGIT.search(text):  # every date and clock-time pattern has a digit
        for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC_DATE, TIME_12H):
            text = pattern.sub(" ", text)
        text = TIME_24H.sub(_not_a_room(text), text)
        if "hrs" in text or "hours" in text:
            text = TIME_HRS.sub(" ", text)  # "at 1000 hrs"
    return _WEEKDAY_WORD.sub(" ", NOON.sub(" ", text))


def venue_from(text: str) -> str | None:
    """The venue left in a heading sentence once dates and times are removed."""
    text = rx(r"(?i),?\s+when\s+there\s+were\b|\bpresent\s*:").split(text)[0]
    text = _strip_dates_times(text)
    text = rx(r"\s+").sub(" ", text)
    # Drop the connectors left behind: "on  at . Online" -> "Online".
    prev = None
    while prev != text:
        prev = text
        text = rx(
            # ("held by Microsoft Teams", "held via Zoom": the means is the venue.)
            r"(?i)^(?:\s|[.,;:\-–—]|\b(?:on|at|in|from|by|via|the\s+meeting|commencing)\b)+"
        ).sub("", text)
        text = rx(
            # ("10:00 hrs": the hours word of a time.)
            r"(?i)(?:\s|[.,;:\-–—(]|\b(?:on|at|in|from|commencing|hrs|hours)\b)+$"
        ).sub("", text)
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()  # "held on 14 January 2026 (Microsoft Teams)"
    return text or None


def _minutes_sentence(lines: Sequence[Line], start: int) -> tuple[str, int]:
    """The minutes heading sentence from line `start`, joined across wrapped lines."""
    parts = [plain(lines[start].text)]
    end = start
    j = start + 1
    while j < len(lines) and j <= start + 3 and not parts[-1].endswith((".", ":")):
        if lines[j].is_blank:
            break
        nxt = plain(lines[j].text)
        if rx(r"(?i)(?:present|councillors|members)\b").match(nxt):
            break
        parts.append(nxt)
        end = j
        j += 1
    return " ".join(parts), end


def parse_minutes_sentence(sentence: str) -> tuple[str | None, MeetingRef, Part]:
    part: Part = (
        "closed"
        if rx(r"(?i)\b(?:closed|private|confidential)\s+(?:section|part)\b").search(sentence)
        else "open"
    )
    committee = None
    m = rx(
        r"(?i)minutes?\s+of\s+(?:the\s+|a\s+|an\s+)?(?:(?:open|closed|public|private|confidential)\s+(?:section|part)\s+of\s+(?:the\s+|a\s+)?)?"
        r"(?:(?:special|extraordinary|annual|ordinary|adjourned|reconvened)\s+)?"
        r"(?:meeting\s+of\s+(?:the\s+)?)?(?P<c>.+?)\s+(?:meeting\s+)?held\b"
    ).search(
        sentence,
    )
    if m and not rx(r"(?i)(?:a\s+|the\s+)?(?:meeting|hearing)").fullmatch(m["c"].strip()):
        committee = smart_title(without_council(m["c"].strip(" ,")))
    held = rx(r"(?i)\bheld\b(?P<rest>.*)$").search(sentence)
    rest = held["rest"] if held else ""
    meeting = MeetingRef(
        date=parse_date(sentence),
        time=parse_time(rest) if rest else None,
        venue=venue_from(rest) if rest else None,
    )
    return committee, meeting, part


def _with_online(meeting: MeetingRef) -> MeetingRef:
    if meeting.venue and ONLINE.search(meeting.venue):
        return MeetingRef(meeting.date, meeting.time, meeting.venue, True)
    return meeting


def _dash_heading(text: str) -> tuple[str | None, str | None, str | None]:
    """ "X - Tuesday, 10th January, 2023 2.00 pm" -> (X, date, time);
    "Meeting: 29/01/2024 - Overview and Scrutiny Committee (Item 290)" likewise."""
    text = PAGE_NAME.sub("", rx(r"\([^()]*\)").sub(" ", text))
    pieces = rx(r"\s[-–—]\s|[-–—](?=\s*\d)").split(text, maxsplit=1)
    if len(pieces) != 2:
        return None, None, None
    left, right = pieces
    right_date = parse_date(right)
    if right_date and clean_committee(left):
        return clean_committee(left), right_date, parse_time(right)
    left_date = parse_date(left)
    if left_date and clean_committee(right):
        return clean_committee(right), left_date, parse_time(left)
    return None, None, None


_VENUE_LINE_CHARS: Final = 80  # a venue's second line is short ("Civic Offices, Northcombe")


def _venue_goes_on(lines: Sequence[Line], k: int, value: str) -> str:
    """A venue ending with a comma ("Venue: Committee Room 1,") wraps in its narrow box:
    the line directly under it, when it is no label or row, finishes the address."""
    below = lines[k + 1] if value.endswith(",") and k + 1 < len(lines) else None
    text = plain(below.text) if below is not None and "\t" not in below.text else ""
    ok = text and len(text) <= _VENUE_LINE_CHARS and not match_label(text)
    return f"{value} {text}" if ok else value


def _labels_after(
    lines: Sequence[Line], start: int, look: int = 6
) -> tuple[str | None, str | None, str | None, int]:
    """Date, time and venue from "Label: value" lines right under a heading, and the
    index of the last such line (start - 1 when there is none)."""
    date = time = venue = None
    last = start - 1
    seen = 0
    for k in range(start, len(lines)):
        if lines[k].is_blank:
            continue
        seen += 1
        if seen > look:
            break
        label = match_label(plain(with_label_colon(lines[k].text)))
        if label is None:
            break
        key, value = label["label"].lower(), label["value"].strip()
        if key == "date":
            date = date or parse_date(value)
            time = time or parse_time(value)
        elif key == "time":
            time = time or parse_time(value)
        elif key in ("venue", "place", "location") and value:
            venue = venue or _venue_goes_on(lines, k, value)
        last = k
    return date, time, venue, last


# A date in a sentence of prose ("At the meeting held on 24 April 2017 members
# agreed ...", "the minute of its previous meeting of 9 June 2025") names another
# meeting; a heading line carrying the date is short.
_HEADING_MAX_WORDS: Final = 14
_SENTENCE_BREAK: Final = re.compile(r"[a-z]\.\s+[A-Z]")


def _heading_like(text: str) -> bool:
    """A short title-like line, not a sentence of prose."""
    # The cheap sentence test first: stripping dates and times from a long line of prose
    # costs many regex passes.
    if _SENTENCE_BREAK.search(text):
        return False
    return len(_strip_dates_times(text).split()) <= _HEADING_MAX_WORDS


_HELD: Final = re.compile(r"(?i)^\W*(?:(?:which\s+was\s+|meeting\s+)?held|convened)\b")


_LIST_OR_ITEM: Final = re.compile(
    r"(?i)\W*(?:present|apologies|members|councillors|(?:also\s+)?in\s+attendance|also\s+present|"
    r"attendance|officers|sederunt)\b"
)


def _heading_block_after(lines: Sequence[Line], start: int) -> list[Line]:
    """The lines from `start` up to the attendance or the first item (at most eight non-blank
    lines): where a heading's committee and date lines can be."""
    out: list[Line] = []
    seen = 0
    for ln in lines[start:]:
        if not ln.is_blank:
            text = plain(ln.text)
            if (
                seen >= 8
                or _LIST_OR_ITEM.match(text)
                or (_ITEM_START.match(ln.text) and not find_dates(text[:40]))
            ):
                break
            seen += 1
        out.append(ln)
    return out


def _held_line_after(lines: Sequence[Line], start: int) -> tuple[int, str] | None:
    """(index, text) of a "Held on ..." line just below a minutes heading, if there is one."""
    for j in range(start, min(len(lines), start + 3)):
        if lines[j].is_blank:
            continue
        text = plain(lines[j].text)
        return (j, text) if _HELD.match(text) and find_dates(text) else None
    return None


# "The meeting commenced at 10.00am.", "The meeting started at 7pm": the start time,
# printed under the heading or the attendance rather than in it.
_COMMENCED: Final = re.compile(
    r"(?i)^\W*(?:the\s+)?meeting\s+(?:commenced|started|began|opened|convened)\s+at\s+(?P<t>.+)$"
)
_COMMENCED_LOOK: Final = 40  # lines after the heading searched for it


def _commenced(texts: Sequence[str], start: int) -> str | None:
    for text in texts[max(start, 0) : max(start, 0) + _COMMENCED_LOOK]:
        if "meeting" in text[:20].lower() and (m := _COMMENCED.match(text.strip())):
            return parse_time(m["t"])
    return None


def parse_heading(lines: Sequence[Line], *, look: int = 14) -> Heading:
    """Heading facts of a document (agenda or minutes) from its first lines."""
    texts = [ln.text for ln in lines]
    council = find_council(texts)
    committee: str | None = None
    date = time = venue = None
    title = None
    part: Part = "open"
    heading_end = -1
    seen = 0
    header_lines: list[str] = []
    front_matter = bool(lines) and lines[0].text.strip() == "---"
    for i, line in enumerate(lines):
        if front_matter:
            # Markdown front matter ("---" ... "---") is site metadata, not the heading.
            if i > 0 and line.text.strip() == "---":
                front_matter = False
            continue
        if line.is_blank:
            continue
        seen += 1
        if seen > look:
            break
        text = plain(with_label_colon(line.text))
        if MINUTES_HEADING.match(text):
            sentence, heading_end = _minutes_sentence(lines, i)
            c, meeting, part = parse_minutes_sentence(sentence)
            # "... at 9.30 am when there were present:" introduces the attendance.
            title = rx(r"(?i),?\s+when\s+there\s+(?:were|was)\s+present\s*:?\s*$").sub("", sentence)
            committee = c or committee
            date = meeting.date or date
            time = meeting.time or time
            venue = meeting.venue or venue
            if date is None:
                # "Minutes of the X Committee" over a paragraph of its own: "Held on
                # Tuesday 2 December 2025 at 7.30pm in the Town Hall".
                held = _held_line_after(lines, heading_end + 1)
                if held is not None:
                    j, rest = held
                    c2, meeting, part = parse_minutes_sentence(f"{sentence} {rest}")
                    committee = committee or c2
                    date, time = meeting.date, meeting.time or time
                    venue = meeting.venue or venue
                    heading_end = j
            if date is None:
                # "Minutes of the X Committee" over "Date: ...", "Time: ...", "Venue: ...".
                d, t, v, last = _labels_after(lines, heading_end + 1)
                date, time, venue = d, time or t, venue or v
                heading_end = max(heading_end, last)
                if committee is None and not rx(r"(?i)\bheld\b").search(sentence):
                    m = rx(
                        r"(?i)\W*minutes?\s+of\s+(?:the\s+|a\s+)?(?:meeting\s+of\s+(?:the\s+)?)?(.+)$"
                    ).match(
                        sentence,
                    )
                    committee = clean_committee(m.group(1)) if m else None
            if date is None:
                # "MINUTES OF PROCEEDINGS" over the committee's name and the date, each on a
                # line of its own (a front sheet's heading, under a minutes title).
                block = _heading_block_after(lines, heading_end + 1)
                c3, meeting, last = front_sheet_meeting(block)
                if meeting.date is not None:
                    committee = committee or c3
                    date, time = meeting.date, time or meeting.time
                    venue = venue or meeting.venue
                    heading_end = max(heading_end, heading_end + 1 + last)
            break
        label = match_label(text)
        if label:
            key, value = label["label"].lower(), label["value"].strip()
            if key in ("venue", "place", "location") and value:
                value = _venue_goes_on(lines, i, value)
                venue = rx(r"(?i)\.?\s*view directions\.?$").sub("", value).strip() or venue
            elif key == "date":
                date = date or parse_date(value)
                time = time or parse_time(value)
            elif key == "time":
                time = time or parse_time(value)
            elif key == "meeting":
                c, d, t = _dash_heading(value)
                committee = committee or c or clean_committee(value)
                date = date or d or parse_date(value)
                time = time or t
            elif key == "committee":
                committee = committee or clean_committee(value) or smart_title(value)
            heading_end = i
            continue
        c, d, t = _dash_heading(text)
        if c:
            committee = committee or c
            date = date or d
            time = time or t
            heading_end = i
            continue
        if rx(r"(?i)held\s+(?:in|at)\b").match(text):
            venue = venue or venue_from(text[5:])
            time = time or parse_time(text)
            heading_end = i
            continue
        header_lines.append(text)
    if committee is None:
        committee = find_committee(header_lines)
    if time is None and date is not None:
        time = _commenced(texts, heading_end + 1)
    if date is None:
        for text in header_lines:
            if not _heading_like(text):
                continue
            if (d := parse_date(text)) is not None:
                date = d
                time = time or parse_time(text)
                break
    return Heading(
        committee=committee,
        council=council,
        meeting=_with_online(MeetingRef(date=date, time=time, venue=venue)),
        title=title,
        part=part,
        heading_end=heading_end,
    )


# "1.<tab>Apologies", "2. Minutes": a numbered item (not "10.00 am", not "9 September").
_ITEM_START: Final = re.compile(r"\s*\d{1,3}[a-z]?(?:\.[ \t]*|\t)[ \t]*[A-Z‘'\"]")
# "Item / Subject", "No. / Title", with a time column first or second ("Time / Item / Subject").
_ITEM_TABLE_HEADER: Final = re.compile(
    r"(?i)(?:time\s+)?(?:item|no\.?)(?:\s+no\.?)?\s+(?:time\s+)?(?:subject|title|description|business)\b"
)
_PUBLISHED: Final = re.compile(
    r"(?i)(?:date\s+)?(?:published|publication\s+date|date\s+of\s+publication)\b"
)


_WILL_BE_HELD: Final = re.compile(
    r"(?i)\bmeeting(?:\s+of\s+(?:the\s+)?(?P<committee>.{3,90}?))?\s+(?:will|is\s+to|to)\s+be\s+held\b"
    r"(?P<rest>.*)$"
)


def front_sheet_meeting(lines: Sequence[Line]) -> tuple[str | None, MeetingRef, int]:
    """Committee, meeting and index of the last heading line of a front sheet:
    committee, date, time and venue printed on their own lines at the top."""
    committee = council_line = None
    date = time = venue = None
    last = -1
    for i, line in enumerate(lines[:40]):
        if line.is_blank:
            continue
        text = plain(line.text)
        if (
            # "Supplementary Agenda No. 1" above the meeting's date: a title, not the body.
            rx(
                r"(?i)(?:order\s+of\s+business|agenda|supplement\w*\s+agenda(?:\s+no\.?\s*\d+)?)\s*$"
            ).match(
                text,
            )
            and date is None
        ):
            continue
        held = _WILL_BE_HELD.search(text) if date is None and "held" in text else None
        if held is not None and find_dates(held["rest"]):
            # "A meeting of the X will be held in <venue> on <date> at <time>"; also
            # "Agenda for the meeting to be held on <date>", which no heading break ends.
            if held["committee"]:
                committee = committee or clean_committee(held["committee"])
            rest = held["rest"]
            date = find_dates(rest)[0][2]
            time = time or parse_time(rest)
            venue = venue or venue_from(rest)
            last = i
            continue
        if rx(
            r"(?i)(?:membership|order\s+of\s+business|agenda|supplement|list\s+of\s+contents|item\s+no|contact|members\b|information)"
        ).match(
            text,
        ) and not (committee is None and clean_committee(text)):
            break
        if _ITEM_START.match(line.text) or _ITEM_TABLE_HEADER.match(text):
            break  # the order of business has begun: the heading is above it
        if _PUBLISHED.match(text):
            continue  # the day the papers went out, not the meeting's
        if rx(r"\S {8,}\S").search(line.text.strip()):
            # Column layouts: "<date> at 10.00 am        Ask for: ..." keep the first column.
            text = plain(rx(r" {8,}|\t").split(line.text.strip())[0])
        label = LABEL.match(text)
        if label and label["label"].lower() in ("venue", "place", "location"):
            venue = label["value"].strip() or venue
            last = i
            continue
        if "\t" in line.text and line.cells:
            # Column layouts ("Thursday ... at 10.00 am<tabs>Ask for: ...") keep the first
            # cell; a label cell ("Date:<tab>Monday ...") keeps its value too.
            cells = line.cells
            text = plain(" ".join(cells[:2]) if cells[0].endswith(":") else cells[0])
        found_date = find_dates(text)
        found_time = parse_time(text)
        if committee is None and not found_date and clean_committee(text):
            if is_council_name(text):
                # The council's name above the committee's: a fallback only.
                council_line = council_line or clean_committee(text)
            else:
                committee = clean_committee(text)
            last = i
            continue
        if found_date and date is None:
            date = found_date[0][2]
            time = time or found_time
            rest = venue_from(text[found_date[0][1] :])
            if rest and len(rest) > 8 and not rx(r"(?i)at\b").match(rest):
                venue = venue or rest
            last = i
            continue
        if found_time and time is None and len(text) < 40:
            time = found_time
            last = i
            continue
        if date is not None and venue is None and len(text) < 200:
            # "Online/Virtual. Members of the public are welcome ..." -> "Online/Virtual"
            first = rx(r"(?<=[a-z])\.\s+(?=[A-Z])").split(text)[0].rstrip(".")
            venue = first
            last = i
            continue
        if venue is not None and venue.endswith(",") and len(text) < 80:
            venue = f"{venue} {text}"
            last = i
            continue
        if date is not None and venue is not None:
            break
    summons = _summons_sentence(lines[:40])
    if summons is not None and summons[1] != date:
        # "Dear Councillor, You are requested to attend a meeting of the X to be held in
        # <venue> on <date>": the letter's own date and address above it are not the
        # meeting's; the sentence is.
        committee = summons[0] or committee
        date, time, venue = summons[1], summons[2] or time, summons[3] or venue
    if venue:
        venue = rx(r"\s+").sub(" ", venue).strip(" ,")
    committee = committee or council_line
    return committee, _with_online(MeetingRef(date=date, time=time, venue=venue)), last


_LETTER_SUMMONS: Final = re.compile(r"(?i)\b(?:summoned|requested|invited|asked)\s+to\s+attend\b")


def _summons_sentence(
    lines: Sequence[Line],
) -> tuple[str | None, str, str | None, str | None] | None:
    """Committee, date, time and venue from a letter's summons to the meeting ("You are
    requested to attend a meeting of the X to be held in V on D at T")."""
    for line in lines:
        text = line.text
        if "held" not in text.lower() or _LETTER_SUMMONS.search(text) is None:
            continue
        held = _WILL_BE_HELD.search(plain(text))
        found = find_dates(held["rest"]) if held is not None else []
        if held is None or not found:
            continue
        rest = held["rest"]
        return clean_committee(held["committee"]), found[0][2], parse_time(rest), venue_from(rest)
    return None
