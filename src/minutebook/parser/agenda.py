"""Extraction of agendas: front sheet, order of business, supplemental agenda.

Order-of-business layouts handled: a table ("Item No. | Title | Page No.")
extracted as tab-separated cells; items on their own lines under "----------"
rules with page ranges and descriptions on following lines; "1.  Title
(Pages 1 - 10)" lists with wrapped titles. Parts: "PART A - OPEN BUSINESS",
"PART B - CLOSED BUSINESS", "UNRESTRICTED ITEMS", "EXEMPT ITEMS".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Final

from minutebook.parser.agenda_table import (
    Columns,
    cell_at,
    header_columns,
    raw_cells,
    row_fits,
    wrapped_row,
)
from minutebook.parser.council import councils_in, find_council
from minutebook.parser.dates import date_without_year, parse_time
from minutebook.parser.frontsheet import contacts, membership, published
from minutebook.parser.heading import front_sheet_meeting, match_label, plain, with_label_colon
from minutebook.parser.lines import Block, Line, column_cells, span_of
from minutebook.parser.models import Agenda, AgendaItem, Document, Part
from minutebook.parser.names import HONORIFIC_RE
from minutebook.parser.patterns import rx
from minutebook.parser.report_text import title_marks_exempt

# An item's number: "4", "4a", "5.1", a sub-item "4(a)", perhaps after "Item" ("Item 6").
_ITEM_NUMBER: Final = r"(?:Item\s+)?(?P<num>\d{1,3}[a-z]?(?:\.\d{1,2}|\([a-z]\))?)"
ITEM_CELL: Final = re.compile(rf"^{_ITEM_NUMBER}\.?$", re.I)
ITEM_LINE: Final = re.compile(rf"^{_ITEM_NUMBER}\.?\s+(?P<title>\S.*)$", re.I)
PAGE_RANGE: Final = re.compile(r"^(?P<a>\d{1,4})(?:\s*[-–]\s*(?P<b>\d{1,4}))?$")
_PAGES: Final = r"pages?\s+(?P<a>\d{1,4})(?:\s*[-–]\s*(?P<b>\d{1,4}))?"
PAGES_IN_TITLE: Final = re.compile(rf"\s*\(\s*{_PAGES}\s*\)", re.I)
# "(Pages 101 - 118)" in a column of its own.
PAGES_CELL: Final = re.compile(rf"^\(?\s*{_PAGES}\s*\)?$", re.I)
TIME_IN_TITLE: Final = re.compile(
    r"\s*\(\s*(?P<t>\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?\s?m\.?|\d{1,2}[.:]\d{2})\s*\)", re.I
)
TABLE_HEADER: Final = re.compile(
    r"^(?:time\s+)?item(?:\s+no\.?)?\s+(?:title|subject|description|business)\b|^no\.?\s+item\b|"
    r"^-{3,}",
    re.I,
)
TIME_CELL: Final = re.compile(r"^\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?$", re.I)
CLOSED_PART: Final = re.compile(
    r"^(?:part\s+(?:b|2|ii|two)\b|.*\bclosed\s+(?:business|session|items?)$|exempt\s+items?|"
    r"confidential\s+items?|restricted\s+items?|private\s+(?:business|items?))",
    re.I,
)
OPEN_PART: Final = re.compile(
    r"^(?:part\s+(?:a|1|i|one)\b|.*\bopen\s+(?:business|session|items?)$|unrestricted\s+items?|"
    r"public\s+(?:business|items?))",
    re.I,
)
EXCLUSION: Final = re.compile(
    r"(?i)\bexclu(?:sion|de|ding)\s+(?:of\s+)?the\s+(?:press|public)\b|"
    r"\bexclusion\s+of\s+(?:press|public)\b|\bprivate\s+session\b"
)
_EXEMPT_FOLLOWS: Final = re.compile(
    r"(?i)\bfollowing\s+(?:items?|reports?|business)\b|exempt\s+information|schedule\s+12a"
)
_WHETHER: Final = re.compile(
    r"(?i)\bwhether\b|\bany\s+part\s+of\s+the\s+agenda\b|\bif\s+necessary\b"
)
SUPPLEMENT_NO: Final = re.compile(
    r"(?i)\b(?:supplement(?:al|ary)\s+agenda|agenda\s+supplement|addendum)(?:\s+no\.?\s*(?P<n>\d+))?"
)


@dataclass(slots=True)
class _Draft:
    number: str
    title: str
    part: Part
    lines: list[Line]
    pages: str | None = None
    description: list[str] = field(default_factory=list)
    saw_blank: bool = False
    time: str | None = None
    lead: list[str] = field(default_factory=list)


def _afternoon(time: str | None) -> str | None:
    """A time from an agenda's time column without am/pm: no meeting sits between 1 and
    7 in the morning, so "1.30" is 13:30."""
    if time is None or not 1 <= int(time[:2]) <= 7:
        return time
    return f"{int(time[:2]) + 12:02d}{time[2:]}"


def _pages(a: str, b: str | None) -> str:
    return f"{a}-{b}" if b else a


def _finish(d: _Draft) -> AgendaItem:
    title = rx(r"\s+").sub(" ", d.title).strip()
    pages = d.pages
    pm = PAGES_IN_TITLE.search(title)
    if pm:
        pages = pages or _pages(pm["a"], pm["b"])
        title = PAGES_IN_TITLE.sub("", title)
    time = d.time
    tm = TIME_IN_TITLE.search(title)
    if tm:
        time = parse_time(tm["t"])
        if time:
            title = TIME_IN_TITLE.sub("", title)
    description = " ".join(d.description).strip() or None
    return AgendaItem(
        number=d.number,
        title=title.strip(" .-–"),
        pages=pages,
        time=time,
        part="closed" if title_marks_exempt(title) else d.part,
        span=span_of(d.lines),
        description=description,
        lead_officer=" ".join(" ".join(d.lead).split()) or None,
    )


def _page_cell(text: str) -> re.Match[str] | None:
    return PAGE_RANGE.match(text) or PAGES_CELL.match(text)


def _table_row(
    columns: Columns | None, line: Line, cells: list[str]
) -> tuple[str, str | None, str | None, int]:
    """(title, pages, lead officer, index of the page cell or -1) of an item row whose
    first cell is its number. The header's columns decide when the row lines up with
    them; otherwise the page range is the first cell after the title that reads as one."""
    if columns is not None:
        raw = raw_cells(line)
        if row_fits(columns, raw) and ("\t" in line.text or len(raw) == columns.width):
            title = cell_at(raw, columns.title)
            pm = _page_cell(cell_at(raw, columns.pages))
            lead = cell_at(raw, columns.lead)
            if title and not _page_cell(lead):
                pages = _pages(pm["a"], pm["b"]) if pm is not None else None
                return title, pages, lead or None, -1
    for k in range(2, len(cells)):
        pm = _page_cell(cells[k])
        if pm is not None:
            return cells[1], _pages(pm["a"], pm["b"]), None, k
    return cells[1], None, None, -1


_PAGES_LEAD: Final = re.compile(r"^\(?\s*pages?\s+\d", re.I)
_PAGES_TAIL: Final = re.compile(r"^\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s*\)$")


def _continues_title(title: str, text: str) -> bool:
    """The next line of an item title broken by the PDF's line width."""
    if title.rstrip().lower().endswith(("(pages", "(page")):
        return bool(_PAGES_TAIL.match(text))
    return bool(
        _PAGES_LEAD.match(text)
        or (text[:1].islower() and (PAGES_IN_TITLE.search(text) or len(text.split()) >= 3))
    )


def _heading_line(text: str) -> bool:
    """An upper-case line that is not an item ("MOBILE PHONES", "EXCLUSION OF PRESS ...")."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _excludes_public_from_what_follows(item: _Draft) -> bool:
    """An exclusion item that excludes the public for the items after it: it names exempt
    information or "the following item(s)". The standing item "To consider whether the
    press and public should be excluded ... any part of the agenda" does not."""
    if not EXCLUSION.search(item.title):
        return False
    said = " ".join([item.title, *item.description])
    return bool(_EXEMPT_FOLLOWS.search(said)) and not _WHETHER.search(said)


_POSTCODE: Final = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")


def _council_footer(text: str) -> bool:
    """ "Kelsham Borough Council, Riverside House, Kelsham KE1 2AB": a line that opens with
    the council's name and ends with a postcode (cheap test first)."""
    if not _POSTCODE.search(text) or "ouncil" not in text:
        return False
    named = councils_in(text)
    return bool(named) and text.lower().startswith(named[0].lower())


def order_of_business(lines: Sequence[Line]) -> list[AgendaItem]:
    items: list[AgendaItem] = []
    part: Part = "open"
    current: _Draft | None = None
    first_indent: int | None = None
    timed = False  # rows carry a time column before the number
    columns: Columns | None = None  # what the table's header row names

    def close() -> None:
        nonlocal current
        if current is not None:
            items.append(_finish(current))
        current = None

    for line in lines:
        if line.is_blank:
            if current is not None:
                current.saw_blank = True
            continue
        cells = [plain(c) for c in column_cells(line)] or [plain(line.text)]
        text = plain(line.text)
        if TABLE_HEADER.match(text):
            if "\t" in line.text or "   " in line.text.strip():
                columns = header_columns(line)
            continue
        joined = " ".join(cells)
        if (
            len(joined) < 80
            and CLOSED_PART.match(joined)
            and not joined.lower().startswith("any other")
        ):
            close()
            part = "closed"
            continue
        if (
            len(joined) < 80
            and OPEN_PART.match(joined)
            and not joined.lower().startswith("any other")
        ):
            close()
            part = "open"
            continue
        number = title = None
        pages = lead = None
        time = None
        if len(cells) >= 3 and TIME_CELL.match(cells[0]) and ITEM_CELL.match(cells[1]):
            # "1.30<tab>1<tab>Welcome<tab>Chair": a timed agenda, the time column first.
            time = _afternoon(parse_time(cells[0]))
            cells = cells[1:]
            timed = True
        elif timed and TIME_CELL.match(cells[0]):
            close()  # "3.30<tab><tab>Close": a timed row without a number is no item
            continue
        if len(cells) >= 2 and ITEM_CELL.match(cells[0]):
            cm = ITEM_CELL.match(cells[0])
            assert cm is not None
            if len(cells) >= 3 and TIME_CELL.match(cells[1]):
                # "4<tab>7.10 pm<tab>Title<tab>9 - 36": the time column after the number.
                time = _afternoon(parse_time(cells[1]))
                cells = [cells[0], *cells[2:]]
            number = cm["num"]
            title, pages, lead, page_at = _table_row(columns, line, cells)
            if page_at > 1 and "\t" not in line.text:
                # Laid out with spaces: a wide gap inside the title split it too.
                title = " ".join(cells[1:page_at])
        else:
            m = ITEM_LINE.match(text)
            indent = len(line.text) - len(line.text.lstrip())
            if (
                m
                and rx(r"[A-Z0-9'‘\"]").match(m["title"])
                and (first_indent is None or indent <= first_indent + 2)
            ):
                number, title = m["num"], m["title"]
                first_indent = indent if first_indent is None else first_indent
        if number is not None and title is not None:
            if current is not None and _excludes_public_from_what_follows(current):
                # The items after a resolution to exclude the public "for the following
                # items" are exempt, whether or not a "Part 2" heading is printed over them.
                part = "closed"
            close()
            current = _Draft(
                number=number, title=title, part=part, lines=[line], pages=pages, time=time
            )
            if lead:
                current.lead.append(lead)
            continue
        if current is None:
            continue
        wrapped = (
            wrapped_row(columns, raw_cells(line))
            if columns is not None and "\t" in line.text and not current.description
            else None
        )
        if wrapped is not None:
            # A row whose title and presenter cells wrapped onto a second line.
            current.title += " " + wrapped[0]
            if wrapped[1]:
                current.lead.append(wrapped[1])
            current.lines.append(line)
            continue
        if (
            current.pages is None
            and len(cells) >= 2
            and not current.description
            and PAGE_RANGE.match(cells[-1])
        ):
            # A title that wrapped in its table cell (PDF text): the rest of the title
            # with the page cell, perhaps after a blank line.
            pm = PAGE_RANGE.match(cells[-1])
            assert pm is not None
            current.title += " " + " ".join(cells[:-1])
            current.pages = _pages(pm["a"], pm["b"])
            current.lines.append(line)
            continue
        if PAGE_RANGE.match(text) and current.pages is None:
            pm = PAGE_RANGE.match(text)
            assert pm is not None
            current.pages = _pages(pm["a"], pm["b"])
            current.lines.append(line)
            continue
        if (
            not current.saw_blank
            and not current.description
            and current.pages is None
            and _continues_title(current.title, text)
        ):
            # A title wrapped in PDF text without its indent: the rest of it runs on
            # in lower case, or carries the "(Pages ...)" reference.
            current.title += " " + text
            current.lines.append(line)
            continue
        if not current.saw_blank and line.text[:1] == " " and not current.description:
            current.title += " " + text
            current.lines.append(line)
            continue
        if _heading_line(text):
            close()
            continue
        if text.startswith("(") and not current.description:
            continue  # a note under a part heading, e.g. "(During these items ...)"
        if len(text.split()) < 4:
            close()  # a label such as "Contact", not a description
            continue
        if _council_footer(text):
            close()  # the council's name and address closing the page, not a description
            continue
        if not current.description:
            current.description.append(text)
            current.lines.append(line)
    close()
    return items or _bulleted_items(lines)


_BULLETED: Final = re.compile(r"^\s*[-–•·*▪]\s+(?P<title>[A-Z0-9'‘\"].*)$")


def _bulleted_items(lines: Sequence[Line]) -> list[AgendaItem]:
    """An order of business without numbers, one bulleted line per item (web pages, boards'
    agendas): two bullets at least, each short; the items have no number."""
    items: list[AgendaItem] = []
    part: Part = "open"
    for line in lines:
        text = plain(line.text) if "\t" not in line.text else ""
        if text and len(text) < 80 and CLOSED_PART.match(text):
            part = "closed"
            continue
        m = _BULLETED.match(line.text.strip())
        if m is None or len(m["title"].split()) > 20 or HONORIFIC_RE.match(m["title"]):
            continue  # (a bulleted member, "- Councillor A Smith", is no item)
        title = plain(m["title"])
        items.append(
            AgendaItem(
                number=None,
                title=title.strip(" .-–"),
                pages=None,
                time=None,
                part="closed" if part == "closed" or title_marks_exempt(title) else "open",
                span=span_of([line]),
            )
        )
    return items if len(items) >= 2 else []


# How many lines from the top of an agenda its "Date:" line is looked for.
_DATE_LABEL_LINES: Final = 40


def _yearless_date(lines: Sequence[Line], published_on: str | None) -> str | None:
    """The meeting's date from a "Date: Tues 3 Dec" line that prints no year: the first
    such day on or after the agenda's publication (the year is known from it)."""
    if published_on is None:
        return None
    for line in lines[:_DATE_LABEL_LINES]:
        if "ate" not in line.text:
            continue
        label = match_label(plain(with_label_colon(line.text)))
        if label is not None and label["label"].lower() == "date":
            return date_without_year(label["value"], published_on)
    return None


def extract_agenda(block: Block) -> Document:
    lines = block.lines
    committee, meeting, heading_end = front_sheet_meeting(lines)
    texts = [ln.text for ln in lines]
    supplement = None
    title: str | None = None
    for t in texts[:30]:
        m = SUPPLEMENT_NO.search(t)
        if m:
            supplement = int(m["n"]) if m["n"] else 1
            title = plain(t)
            break
    if title is None:
        for t in texts[:40]:
            p = plain(t)
            if rx(r"(?i)order\s+of\s+business|agenda|list\s+of\s+contents").fullmatch(p):
                title = p if not p.isupper() else p.title()
                break
    if title is None and block.subkind == "front_sheet":
        title = "Agenda"
    agenda = Agenda(
        supplement=supplement,
        membership=tuple(membership(lines)),
        contacts=tuple(contacts(lines)),
        items=tuple(order_of_business(lines[heading_end + 1 :])),
        published=published(lines),
    )
    if meeting.date is None and (yearless := _yearless_date(lines, agenda.published)):
        meeting = replace(meeting, date=yearless)
    closed_only = bool(agenda.items) and all(i.part == "closed" for i in agenda.items)
    return Document(
        kind="agenda",
        subkind=block.subkind,
        title=title,
        committee=committee,
        council=find_council(texts),
        meeting=meeting,
        span=block.span,
        agenda=agenda,
        part="closed" if closed_only else "open",
    )
