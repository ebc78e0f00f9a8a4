"""The columns of an order of business printed as a table.

A header row such as "Item | Title | Pages | Lead officer" says which column holds what, so
the page range and the officer presenting the item are read from their own cells, wherever
they stand in the row (the page column is not always the last). Without a header, a page
range is the first cell after the title that reads as one; a presenter column is only read
when a header names it, since an unlabelled trailing cell may be anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from minutebook.parser.heading import plain
from minutebook.parser.lines import Line, column_cells

_PAGES_HEAD: Final = re.compile(
    r"(?i)^(?:page(?:s|\s+nos?\.?|\s+numbers?)?|pp\.?|page\s+ref(?:erence)?)$"
)
_LEAD_HEAD: Final = re.compile(
    r"(?i)^(?:lead\s+(?:officers?|members?|directors?)|(?:contact|responsible|presenting|"
    r"reporting)\s+officers?|officers?|report\s+(?:authors?|of|by|from)|authors?|"
    r"presenters?|presented\s+by|lead|(?:lead\s+)?portfolio\s+holder|contact)$"
)
_TITLE_HEAD: Final = re.compile(
    r"(?i)^(?:(?:item\s+)?(?:title|subject|description|business)|report)$"
)


@dataclass(frozen=True, slots=True)
class Columns:
    """Positions (from 0, empty cells counted) of the columns a table header names."""

    width: int
    title: int
    pages: int | None
    lead: int | None


def raw_cells(line: Line) -> list[str]:
    """A row's cells with the empty ones kept, so that positions match the header's; a
    row laid out with spaces has no empty cells to keep."""
    if "\t" in line.text:
        return [plain(c) for c in line.text.split("\t")]
    return [plain(c) for c in column_cells(line)]


def header_columns(line: Line) -> Columns | None:
    """The columns of a header row that names a page or a presenter column."""
    cells = raw_cells(line)
    if len(cells) < 3:
        return None
    pages = lead = None
    title = 1
    for i, cell in enumerate(cells):
        if pages is None and _PAGES_HEAD.match(cell):
            pages = i
        elif lead is None and i > 1 and _LEAD_HEAD.match(cell):
            lead = i
        elif i > 0 and _TITLE_HEAD.match(cell):
            title = i
    if pages is None and lead is None:
        return None
    return Columns(width=len(cells), title=title, pages=pages, lead=lead)


def cell_at(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None and index < len(cells) else ""


def row_fits(columns: Columns | None, cells: list[str]) -> bool:
    """A row whose cells line up with the header's (trailing empty cells may be missing)."""
    return columns is not None and columns.title < len(cells) <= columns.width


def wrapped_row(columns: Columns, cells: list[str]) -> tuple[str, str] | None:
    """(title text, presenter text) of a row continuing the item above it: its number cell
    is empty, and it either carries a presenter's words or runs its title on (a lower-case
    word or a figure such as the year of a date). A sentence opening in capitals alone in
    the title column is the item's description, not part of its title."""
    if cells[0] or not row_fits(columns, cells):
        return None
    title = cell_at(cells, columns.title)
    lead = cell_at(cells, columns.lead)
    others = [c for i, c in enumerate(cells) if c and i not in (columns.title, columns.lead, 0)]
    if others:
        return None
    if lead or (title and (title[0].islower() or title[0].isdigit())):
        return title, lead
    return None
