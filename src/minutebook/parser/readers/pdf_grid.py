"""Tables and side-by-side boxes in a PDF page's lines, put back in reading order.

A PDF has no tables, only text placed on a page; the reader (`readers/pdf.py`) rebuilds
lines from text runs, a tab between runs far apart. Two layouts of committee papers come
out wrong line by line, and are mended here from the runs' positions:

- A table whose cells wrap ("Councillor Oluwaseun" over "Adeyemi-Clarke", "Head of" over
  "Commissioning") or are centred on their row: the lines of one row are one row again,
  each cell's lines joined under its column, and a row whose first cells are empty (a
  meeting date merged over several items) keeps them as leading tabs.
- Boxes side by side (a "Membership" panel beside the contact details): their lines do
  not share baselines, so line by line they interleave; each box is read whole, the left
  one first.

A stretch of lines is a table (its "grid") when each of its lines' cells sits in one
column, the columns being the union of the cells' extents; a line whose text crosses a
gap between columns (a paragraph under the table) ends it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from minutebook.parser.lines import join_wrapped


@dataclass(frozen=True)
class GridSettings:
    # A cell whose first word would have fitted on the line above in its column (within
    # this share of the text height) did not wrap there: it starts a row of its own.
    wrap_slack: float = 0.6
    # Gap between runs, in multiples of the text height, that separates table cells.
    cell_gap: float = 0.75
    # Cells of one line whose baselines differ by more than this share of the text height
    # are not on one baseline (boxes side by side, not a table's row).
    misaligned: float = 0.15
    # Lines that take turns between two columns, or are off one baseline, needed (and more
    # than half the lines with cells side by side) before a stretch is read as boxes side
    # by side.
    min_turns: int = 3

    def __post_init__(self) -> None:
        if not 0 <= self.wrap_slack < 2 or not 0 < self.misaligned < 1:
            raise ValueError("wrap_slack must be in [0, 2) and misaligned in (0, 1)")
        if self.min_turns < 1:
            raise ValueError("min_turns must be positive")


SETTINGS = GridSettings()

# A paragraph or list label: "1.", "2.1", "(a)", "iv)", "b.)", a bullet (Word's sub-list
# "o", arrows and squares of symbol fonts, Wingdings' private-use bullet).
LIST_LABEL = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zA-Z]{1,4}\.?[.)]|\(\w{1,4}\)"
    r"|[•\-–▪●◦·*o§➢►■□✓\uf0a7\uf0b7\uf0d8])$"
)


@dataclass
class Cell:
    """Runs of one line between two wide gaps: a table cell, or a whole line of text."""

    left: float
    right: float
    bottom: float
    top: float
    text: str
    base: float  # baseline of its first run


@dataclass
class Row:
    """One line of the page, top to bottom: its cells left to right."""

    bottom: float
    top: float
    cells: list[Cell]
    gap_before: bool  # a paragraph gap above it


@dataclass
class _Block:
    """The lines of one table row, gathered per column."""

    texts: dict[int, list[str]] = field(default_factory=dict)
    last: dict[int, Cell] = field(default_factory=dict)


def _height(cell: Cell) -> float:
    return max(cell.top - cell.bottom, 1.0)


def _overlapping(cell: Cell, columns: Sequence[tuple[float, float]]) -> list[int]:
    return [k for k, (left, right) in enumerate(columns) if cell.left < right and cell.right > left]


def _widened(columns: list[tuple[float, float]], row: Row) -> list[tuple[float, float]] | None:
    """The columns with the row's cells added, or None when a cell spans two columns (text
    across the table: a paragraph, not a row) or two cells fall in one."""
    out = list(columns)
    if len({tuple(_overlapping(c, out)) for c in row.cells if _overlapping(c, out)}) < len(
        [c for c in row.cells if _overlapping(c, out)]
    ):
        return None  # two cells of the row under one column: not this table's row
    for cell in row.cells:
        hits = _overlapping(cell, out)
        if len(hits) > 1:
            return None
        if hits:
            left, right = out[hits[0]]
            out[hits[0]] = (min(left, cell.left), max(right, cell.right))
        else:
            out.append((cell.left, cell.right))
            out.sort()
    for (_, right), (left, _) in itertools.pairwise(out):
        if right >= left:
            return None
    return out


def _starts_table(row: Row) -> bool:
    """Two cells at least, and not a hanging paragraph number beside its text ("1.1<gap>To
    seek approval"): numbered paragraphs are no table."""
    cells = row.cells
    return len(cells) >= 3 or (len(cells) == 2 and not LIST_LABEL.match(cells[0].text))


def _region_end(rows: Sequence[Row], start: int) -> tuple[int, list[tuple[float, float]]]:
    """The end (exclusive) of the table starting at `start`, and its columns."""
    columns = sorted((c.left, c.right) for c in rows[start].cells)
    end = start + 1
    while end < len(rows):
        row = rows[end]
        if row.gap_before and len(row.cells) < 2 and not _opens_row(rows, end, columns):
            break  # a line on its own after a gap: text under the table
        widened = _widened(columns, row)
        if widened is None:
            break
        columns = widened
        end += 1
    return end, columns


def _opens_row(rows: Sequence[Row], k: int, columns: Sequence[tuple[float, float]]) -> bool:
    """Whether the one cell of line `k` begins a row of the table: it sits in one column,
    and the line right under it (no gap) has cells in others (a label that wraps, with
    figures centred beside its two lines)."""
    if len(_overlapping(rows[k].cells[0], columns)) != 1 or k + 1 >= len(rows):
        return False
    below = rows[k + 1]
    return (
        not below.gap_before
        and len(below.cells) >= 2
        and _widened(list(columns), below) is not None
    )


def _column_of(cell: Cell, columns: Sequence[tuple[float, float]]) -> int:
    hits = _overlapping(cell, columns)
    return hits[0] if hits else 0


def _side_by_side(
    rows: Sequence[Row],
    start: int,
    end: int,
    columns: Sequence[tuple[float, float]],
    settings: GridSettings,
) -> bool:
    """Whether the lines are boxes side by side, not a table: lines of one cell take turns
    between two columns (each box's lines falling between the other's), or the cells of a
    line are off one baseline, more often than lines have cells side by side at all."""
    odd = several = 0
    for k in range(start, end):
        row = rows[k]
        if len(row.cells) >= 2:
            several += 1
            height = min(_height(c) for c in row.cells)
            bases = [c.base for c in row.cells]
            if max(bases) - min(bases) > settings.misaligned * height:
                odd += 1
        elif k > start and len(rows[k - 1].cells) == 1 and not row.gap_before:
            here = _column_of(row.cells[0], columns)
            if here != _column_of(rows[k - 1].cells[0], columns):
                odd += 1
    return odd >= settings.min_turns and odd * 2 > several


def _wraps(
    block: _Block,
    col: int,
    cell: Cell,
    columns: Sequence[tuple[float, float]],
    settings: GridSettings,
) -> bool:
    """Whether `cell` is the wrapped next line of the text above it in its column: its
    first word would not have fitted after that text, before the next column (or the
    column's widest text, in the last column)."""
    above = block.last.get(col)
    if above is None or above.text.endswith(":"):
        return False  # nothing above, or a label ("Date:"), which is whole
    text = cell.text
    first = text.split(" ", 1)[0]
    word = (cell.right - cell.left) * (len(first) + 1) / max(len(text), 1)
    height = _height(cell)
    if col + 1 < len(columns):
        limit = columns[col + 1][0] - settings.cell_gap * height
    else:
        limit = columns[col][1]
    return above.right + word > limit - settings.wrap_slack * height


# Words that never end a cell's text: a line ending so goes on below ("Education and" /
# "Inclusion"); and a line going on from above starts in lower case or closes a bracket.
_OPEN_END = re.compile(
    r"(?:[,(&/–-]|\b(?:and|or|of|for|the|to|in|on|with|by|a|an))$", re.IGNORECASE
)


def _surely_wraps(block: _Block, col: int, cell: Cell) -> bool:
    above = block.last.get(col)
    return above is not None and (
        bool(_OPEN_END.search(above.text)) or cell.text[:1].islower() or cell.text[:1] == ")"
    )


def _add(block: _Block, col: int, cell: Cell) -> None:
    block.texts.setdefault(col, []).append(cell.text)
    block.last[col] = cell


def _joined(parts: list[str]) -> str:
    """A cell's lines as one text; an address broken at a line end ("jo.bloggs@kent" /
    ".gov.uk", "www.example.gov.uk/" / "papers") joins without a space."""
    glued: list[str] = []
    for part in parts:
        if glued and ((part[:1] == "." and part[1:2].isalnum()) or glued[-1][-1:] in "@/"):
            glued[-1] += part
        else:
            glued.append(part)
    return join_wrapped(glued)


def _row_text(block: _Block) -> str:
    if not block.texts:
        return ""
    width = max(block.texts) + 1
    cells = [_joined(block.texts.get(k, [])) for k in range(width)]
    if len(cells) == 2 and LIST_LABEL.match(cells[0]):
        return f"{cells[0]} {cells[1]}"  # a hanging number beside its text
    return "\t".join(cells)


def _table_lines(
    rows: Sequence[Row], columns: Sequence[tuple[float, float]], settings: GridSettings
) -> list[str]:
    """The rows of a table, each row's wrapped and centred lines joined under their columns."""
    out: list[str] = []
    block = _Block()
    for row in rows:
        placed = [(_column_of(c, columns), c) for c in row.cells]
        cols = {col for col, _ in placed}
        if row.gap_before or not block.texts:
            if block.texts:
                out.append(_row_text(block))
            if row.gap_before and out:
                out.append("")
            block = _Block()
            for col, cell in placed:
                _add(block, col, cell)
            continue
        filled = set(block.texts)
        if not cols & filled and len(filled | cols) <= len(columns) and len(filled) < len(columns):
            # A cell centred on its row beside cells of other columns: the same row.
            for col, cell in placed:
                _add(block, col, cell)
            continue
        wrapped: list[tuple[int, Cell]] = []
        rest: list[tuple[int, Cell]] = []
        for col, c in placed:
            goes_on = _wraps(block, col, c, columns, settings) or _surely_wraps(block, col, c)
            (wrapped if goes_on else rest).append((col, c))
        if len(cols) >= 2 and not any(_surely_wraps(block, col, c) for col, c in wrapped):
            # Cells side by side none of which need go on from above (narrow columns of
            # numbers, short centred figures "seem" to wrap): the next row.
            wrapped, rest = [], placed
        elif rest and all(col not in filled for col, _ in rest):
            # Wrapped cells beside cells of columns the row has not filled yet (figures
            # centred on a row whose label wraps): all of the same row.
            wrapped, rest = placed, []
        elif (
            rest
            and wrapped
            and (
                rest[0][0] <= min(filled)
                or wrapped[0][0] < rest[-1][0]
                or not all(_surely_wraps(block, col, c) for col, c in wrapped)
            )
        ):
            # Fresh text in the row's first column, or left of a cell that seems to wrap, or
            # beside one that need not: the next row ("Council" / "29 January 2026" under
            # "Cabinet" / "10 December 2025"), not a continuation. Fresh text right of a
            # surely wrapped cell is a paragraph of its own in its cell ("To consider ...").
            wrapped, rest = [], placed
        for col, cell in wrapped:
            _add(block, col, cell)
        if rest:
            out.append(_row_text(block))
            block = _Block()
            for col, cell in rest:
                _add(block, col, cell)
    if block.texts:
        out.append(_row_text(block))
    return out


def _box_lines(rows: Sequence[Row], columns: Sequence[tuple[float, float]]) -> list[str]:
    """Boxes side by side, each read whole, left to right, a blank line between."""
    out: list[str] = []
    for col in range(len(columns)):
        previous: Cell | None = None
        for row in rows:
            for cell in row.cells:
                if _column_of(cell, columns) != col:
                    continue
                if previous is not None and previous.bottom - cell.top > 0.8 * _height(cell):
                    out.append("")
                out.append(cell.text)
                previous = cell
        if out and out[-1]:
            out.append("")
    while out and not out[-1]:
        out.pop()
    return out


def _plain(row: Row) -> str:
    cells = [c.text for c in row.cells]
    if len(cells) == 2 and LIST_LABEL.match(cells[0]):
        return f"{cells[0]} {cells[1]}"  # "1.1<gap>To seek approval": a hanging number
    return "\t".join(cells)


def _extend_up(
    rows: Sequence[Row], start: int, floor: int, columns: Sequence[tuple[float, float]]
) -> int:
    """The first of the lines just above `start` (no paragraph gap between, none before
    `floor`) whose cells each sit in one column: the top of boxes side by side, above the
    first line where their lines meet."""
    k = start
    while k > floor and not rows[k].gap_before:
        if any(len(_overlapping(c, columns)) != 1 for c in rows[k - 1].cells):
            break
        k -= 1
    return k


def layout(rows: Sequence[Row], settings: GridSettings = SETTINGS) -> list[str]:
    """The text lines of a page's rows: a blank line at each paragraph gap, a tab between
    cells, tables and side-by-side boxes mended (see the module's docstring)."""
    out: list[str] = []
    k = floor = 0
    while k < len(rows):
        row = rows[k]
        if _starts_table(row):
            end, columns = _region_end(rows, k)
            if end - k >= 2:
                top = _extend_up(rows, k, floor, columns)
                if _side_by_side(rows, top, end, columns, settings):
                    # The lines above, given out one by one already, belong to the boxes.
                    del out[len(out) - (k - top) :]
                    lines = _box_lines(rows[top:end], columns)
                else:
                    top = k
                    lines = _table_lines(rows[k:end], columns, settings)
                if rows[top].gap_before and out and out[-1]:
                    out.append("")
                out.extend(lines)
                k = floor = end
                continue
        if row.gap_before and out:
            out.append("")
        out.append(_plain(row))
        k += 1
    return out
