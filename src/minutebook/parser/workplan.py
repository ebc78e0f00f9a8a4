"""Work-plan entries: future meeting dates and the items planned for each.

A work plan lists meetings by date, each followed by its items:

    8. 4 November 2020              | 26 February 2019
    Children in care                | - Sufficiency Strategy update
    Ofsted feedback ...             | - Ofsted progress report update
    Care Leavers                    |
    Workshop theme **Housing**      |

or as a table ("4 March 2021 | Fostering annual report; Adoption ..."), or in a
resolution ("That the following 4 November 2020 draft agenda be agreed as
follows:" and a bulleted list). Only such date-led lists count: a date inside
a sentence is not a plan entry. Group labels that recur under every date
("Children in care", "Care Leavers") are headings of the plan, not items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final

from minutebook.parser.dates import MONTHS
from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import WorkPlanEntry
from minutebook.parser.patterns import rx
from minutebook.parser.report_text import (
    NUMBERING,
    clean,
    dates_in,
    ends_sentence,
    is_bullet,
    is_upper_heading,
    more_words_than,
    raw_cells,
    short_text_cache,
    strip_bullet,
    strip_markup,
    word_count,
)

WORK_PLAN: Final = re.compile(
    r"\bwork\s*(?:plan|programme|program)\b|\bforward\s+plan\b", re.IGNORECASE
)
# Only the names of the committee or council may stand above a work programme's title.
_BODY_NAME: Final = re.compile(
    r"\b(?:committee|panel|board|council|cabinet|forum|partnership|commission|authority)\b",
    re.IGNORECASE,
)
MAX_TITLE_WORDS: Final = 12
MAX_ITEM_WORDS: Final = 25
MAX_QUALIFIER_WORDS: Final = 3
MAX_DATE_LINE_CHARS: Final = 120
_HAS_DIGIT: Final = re.compile(r"\d")
_DATE_COLUMN: Final = re.compile(r"\b(?:date|meeting)", re.IGNORECASE)
_ITEM_COLUMN: Final = re.compile(
    r"(?i)^(?:agenda\s+)?(?:items?|subjects?|reports?|titles?|topics?|business|description)\b"
)
_CLUSTER_GAP: Final = 4  # blank lines between the entries of one plan
_WEEKDAY: Final = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b,?", re.IGNORECASE)
_AGENDA_LEAD: Final = re.compile(
    r"\b(?:agenda|meeting|work\s*(?:plan|programme)|forward\s+plan)\b", re.IGNORECASE
)
# "Workshop theme **Housing**": a bold value after a label reads "Workshop theme: Housing".
_LABEL_THEN_BOLD: Final = re.compile(r"^(?P<label>[^*:]*\w)\s+\*\*(?P<value>[^*]+)\*\*\s*$")


@dataclass
class _Entry:
    date: str
    lines: list[Line]
    items: list[tuple[str, Line]]
    from_table: bool = False


_DATE_LABEL: Final = re.compile(
    r"(?i)^(?:(?:committee|panel|board)\s+)?(?:meeting(?:\s+date)?|date(?:\s+of\s+meeting)?)\s*:\s*"
)


@short_text_cache
def _date_line(text: str) -> str | None:
    """The ISO date when the line is a date heading ("8. 4 November 2020", "16 April 2024:")."""
    if not _HAS_DIGIT.search(text) or len(text) > MAX_DATE_LINE_CHARS:
        return None
    body = clean(text)
    body = rx(r"^(?:[-*]\s+)?\d+[.)]\s+(?=\d)").sub("", body)  # paragraph number before the date
    dates = dates_in(body)
    if len(dates) != 1:
        return None
    start, end, iso = dates[0]
    rest = (body[:start] + " " + body[end:]).strip(" :-–—,()")
    rest = _WEEKDAY.sub("", rest).strip(" :-–—,()")
    before = body[:start].strip(" -*").strip()
    weekday_only = bool(before) and _WEEKDAY.fullmatch(before) is not None
    if (word_count(rest) > MAX_QUALIFIER_WORDS or before) and not weekday_only:
        return None
    return iso


def work_plan_title(texts: Sequence[str]) -> str | None:
    """The title line of a work programme ("Forward Work Programme 2026/27") among the first
    three non-blank `texts` (plain lines), perhaps under the committee's or council's name."""
    for text in [t for t in texts if t][:3]:
        if (
            word_count(text) <= MAX_TITLE_WORDS
            and not text.endswith(".")
            and WORK_PLAN.search(text)
        ):
            return text
        if not _BODY_NAME.search(text):
            return None
    return None


def _line_date(raw: str) -> str | None:
    """`_date_line` of a raw line (with markup); most lines have no digit and no date."""
    if _HAS_DIGIT.search(raw) is None:
        return None
    return _date_line(strip_markup(raw))


_DAY_MONTH_ALONE: Final = re.compile(
    rf"^(?:{_WEEKDAY.pattern}\s*)?(?P<day>\d{{1,2}})(?:\s?(?:st|nd|rd|th))?\s+(?:of\s+)?"
    rf"(?P<month>{'|'.join(sorted(MONTHS, key=len, reverse=True))})\.?\s*:?$",
    re.IGNORECASE,
)


def _date_without_year(raw: str, after: str | None) -> str | None:
    """A date heading printed without its year ("26 February") in minutes that plan
    their next meetings: the first such day after the meeting (`after`, ISO)."""
    if after is None or len(raw) > 40 or not _HAS_DIGIT.search(raw):
        return None
    m = _DAY_MONTH_ALONE.match(clean(strip_bullet(strip_markup(raw))))
    if m is None:
        return None
    year = int(after[:4])
    for y in (year, year + 1):
        try:
            day = date(y, MONTHS[m["month"].lower()], int(m["day"]))
        except ValueError:
            continue
        if day.isoformat() > after:
            return day.isoformat()
    return None


def _item_text(raw: str) -> str:
    m = _LABEL_THEN_BOLD.match(strip_bullet(raw.strip()))
    if m:
        return f"{clean(m.group('label'))}: {clean(m.group('value'))}"
    return clean(strip_bullet(clean(raw) if "**" not in raw else raw))


def _next_content(lines: Sequence[Line], i: int) -> Line | None:
    for k in range(i + 1, len(lines)):
        if not lines[k].is_blank:
            return lines[k]
    return None


def _ends_entry(lines: Sequence[Line], i: int) -> bool:
    """Prose, a numbered paragraph or a heading over one: the plan is over."""
    ln = lines[i]
    text = clean(ln.text)
    if more_words_than(text, MAX_ITEM_WORDS):
        return True
    if NUMBERING.match(text) and not is_bullet(text) and more_words_than(text, 6):
        return True
    if is_upper_heading(text) and word_count(text) > 1 and not is_bullet(text):
        return True
    nxt = _next_content(lines, i)
    if nxt is not None and not is_bullet(text):
        nxt_text = strip_bullet(clean(nxt.text))
        if NUMBERING.match(nxt_text) and more_words_than(nxt_text, MAX_ITEM_WORDS):
            return True  # a heading over the next numbered paragraph
    return False


def _continues_previous(lines: Sequence[Line], i: int) -> bool:
    """The line finishes the sentence of the line directly above ("... 16 January to" / "12th March")."""
    if i == 0 or lines[i - 1].is_blank:
        return False
    return not ends_sentence(clean(lines[i - 1].text))


def _row_cells(ln: Line) -> tuple[str, ...] | None:
    """Cells of a tab-separated or pipe table row (empty cells kept), or None."""
    return _cells_of(ln.text)


@short_text_cache
def _cells_of(raw: str) -> tuple[str, ...] | None:
    text = raw.strip()
    if "\t" in raw.rstrip():
        return tuple(raw_cells(raw))
    if text.startswith("|") and text.count("|") >= 2:
        return tuple(clean(c) for c in text.strip("|").split("|"))
    return None


def _split_items(cell: str) -> list[str]:
    return [p for part in rx(r";|\n|\s+\u2022\s+").split(cell) if (p := clean(strip_bullet(part)))]


def _row_items(cells: Sequence[str], header: Sequence[str]) -> list[str]:
    """The items of a plan's row after its date cell: a column headed as the item ("Item",
    "Subject", "Report") holds them; the others (purpose, lead officer, "For decision")
    are about them."""
    column = next(
        (j for j, h in enumerate(header) if j > 0 and _ITEM_COLUMN.match(h.strip())), None
    )
    if column is not None:
        return _split_items(cells[column]) if column < len(cells) and cells[column] else []
    return [p for c in cells[1:] if c for p in _split_items(c)]


def _heads(cells: Sequence[str]) -> bool:
    """Whether a row after a non-row line can be a table's header: a PDF's table puts a
    blank line between its rows, so a dated row, or one under a merged date cell (empty
    first cell), is a row of the table, not a new header naming its columns."""
    return bool(cells) and bool(cells[0]) and not any(c and _date_line(c) for c in cells)


def _table_entry(
    ln: Line, previous: _Entry | None, header: Sequence[str]
) -> tuple[_Entry | None, bool]:
    """A plan laid out as a table. Returns (new entry or None, whether the row was used).

    "date | item; item" gives an entry; "item | date | officer" (the date in a later
    column) gives an entry whose item is the row's first text cell; a row with an
    empty date cell under a dated row adds its items to that entry.
    """
    cells = _row_cells(ln)
    if cells is None or len([c for c in cells if c]) < 1:
        return None, False
    dated = [(k, iso) for k, c in enumerate(cells) if c and (iso := _date_line(c)) is not None]
    if len(dated) == 1:
        k, iso = dated[0]
        if k == 0:
            items = _row_items(cells, header)
        elif k < len(header) and _DATE_COLUMN.search(header[k]):
            first_text = next((c for c in cells if c and _date_line(c) is None), "")
            items = _split_items(first_text)[:1]
        else:
            return None, False  # a date in a column not headed as the meeting date
        if not items:
            return None, False
        if previous is not None and previous.date == iso:
            previous.items.extend((item, ln) for item in items)
            previous.lines.append(ln)
            return None, True
        return _Entry(iso, [ln], [(item, ln) for item in items]), True
    if (
        not dated
        and previous is not None
        and cells
        and not cells[0]
        and previous.lines[-1].number >= ln.number - 2
    ):
        items = _row_items(cells, header)
        if items:
            previous.items.extend((item, ln) for item in items)
            previous.lines.append(ln)
            return None, True
    return None, False


def extract_work_plan(
    lines: Sequence[Line], *, after: str | None = None
) -> tuple[WorkPlanEntry, ...]:
    """Work-plan entries in `lines`, in order of appearance. `after`: the date (ISO)
    of the meeting whose minutes plan the next ones, for dates printed without a year."""
    entries: list[_Entry] = []
    header: Sequence[str] = ()
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        if not ln.text.strip():
            i += 1
            continue
        cells = _row_cells(ln)
        if cells is not None and (i == 0 or _row_cells(lines[i - 1]) is None) and _heads(cells):
            header = cells  # the first row of a table names its columns
        last_table = entries[-1] if entries and entries[-1].from_table else None
        table, used = _table_entry(ln, last_table, header)
        if table is not None:
            table.from_table = True
            entries.append(table)
        if used:
            i += 1
            continue
        iso = _line_date(ln.text) if "\t" not in ln.text.strip() else None
        if iso is None and _DATE_LABEL.match(ln.text.strip()):
            # "Meeting: 9 June 2026" over a bulleted list (a header's "Meeting date:" is not).
            nxt = _next_content(lines, i)
            if nxt is not None and is_bullet(clean(nxt.text)):
                iso = _line_date(_DATE_LABEL.sub("", ln.text.strip()))
        if iso is None and after is not None:
            iso = _date_without_year(ln.text, after)
        if iso is not None and _continues_previous(lines, i):
            iso = None
        lead = (
            iso is None
            and ln.text.rstrip().endswith(":")
            and _AGENDA_LEAD.search(clean(ln.text)) is not None
        )
        if lead:
            dates = dates_in(clean(ln.text))
            iso = dates[0][2] if len(dates) == 1 else None
        if iso is None:
            i += 1
            continue
        entry = _Entry(iso, [ln], [])
        j = i + 1
        while j < n:
            cur = lines[j]
            if cur.is_blank:
                j += 1
                continue
            text = clean(cur.text)
            if "\t" in cur.text.strip() or _line_date(cur.text) is not None:
                break
            if (lead or (entry.items and is_bullet(clean(entry.items[0][1].text)))) and not (
                is_bullet(text)
            ):
                break  # a bulleted list (a resolution's, say) ends at its first other line
            if _ends_entry(lines, j):
                break
            entry.items.append((_item_text(cur.text), cur))
            entry.lines.append(cur)
            j += 1
        if entry.items:
            entries.append(entry)
        i = j
    return tuple(_finish(_plan_clusters(entries, lines)))


def _plan_clusters(entries: list[_Entry], lines: Sequence[Line]) -> list[_Entry]:
    """Keep entries of date-led lists that look like a plan: at least one bulleted item
    in a run of entries that follow one another (a front sheet's date followed by its
    time and venue, or a letter's date over an address, has none)."""
    kept: list[_Entry] = []
    cluster: list[_Entry] = []

    def close() -> None:
        if any(is_bullet(clean(ln.text)) for e in cluster for _, ln in e.items) or any(
            e.from_table for e in cluster
        ):
            kept.extend(cluster)
        cluster.clear()

    for e in entries:
        if cluster and e.lines[0].number - cluster[-1].lines[-1].number > _CLUSTER_GAP:
            close()
        cluster.append(e)
    close()
    return kept


def _finish(entries: list[_Entry]) -> list[WorkPlanEntry]:
    """Drop group labels that recur under several dates, and labels directly over bullets."""
    counts: dict[str, int] = {}
    for e in entries:
        for key in {t.lower() for t, _ in e.items}:
            counts[key] = counts.get(key, 0) + 1
    out: list[WorkPlanEntry] = []
    for e in entries:
        items: list[str] = []
        for k, (text, ln) in enumerate(e.items):
            bullet = is_bullet(clean(ln.text))
            next_is_bullet = k + 1 < len(e.items) and is_bullet(clean(e.items[k + 1][1].text))
            recurring = len(entries) > 1 and counts[text.lower()] > 1 and not bullet
            label_over_list = not bullet and next_is_bullet and not ends_sentence(text)
            if recurring or label_over_list or not text:
                continue
            items.append(text.rstrip(".").strip() if text.endswith(".") else text)
        if items:
            out.append(
                WorkPlanEntry(meeting_date=e.date, items=tuple(items), span=span_of(e.lines))
            )
    return out
