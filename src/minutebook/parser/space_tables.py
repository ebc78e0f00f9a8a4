"""Space-aligned tables whose cells wrap over several lines (PDF text laid out with spaces).

    District        Type of     Maximum     Caseload
                    Scheme      Level of
                                Support
    Cheltenham      Income      100%        4,321
                    Band
    Forest of Dean  Income      90% (95%    2,774
    ...

Columns are the runs of character positions that text occupies on some line.
A row starts on the line where its "anchor" column is filled: the column whose
cells never take more than one line (counts, amounts, codes). The lines that
follow, up to the next anchor, carry the rest of the row's wrapped cells. The
lines above the first data anchor are the header, cell by cell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import Final

from minutebook.parser.lines import Line
from minutebook.parser.report_text import raw_cells, squash

# Cells are apart by three or more spaces; words in a cell by one or two (justified text).
_SEGMENT: Final = re.compile(r"\S+(?: {1,2}\S+)*")
_DIGIT: Final = re.compile(r"\d")
MIN_COLUMNS: Final = 3
MIN_ROWS: Final = 2
# A run of text this long is a paragraph of prose: the table is over.
MAX_CELL_CHARS: Final = 40


def _segments(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in _SEGMENT.finditer(text)]


def _columns(rows: Sequence[Sequence[tuple[int, int, str]]]) -> list[tuple[int, int]]:
    """Character ranges occupied by text on some line, merged where they overlap."""
    spans = sorted((a, b) for segs in rows for a, b, _ in segs)
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def _grid(
    rows: Sequence[Sequence[tuple[int, int, str]]], columns: Sequence[tuple[int, int]]
) -> list[list[str]]:
    grid = []
    for segs in rows:
        cells = [""] * len(columns)
        for a, _, text in segs:
            k = next(i for i, (ca, cb) in enumerate(columns) if ca <= a < cb)
            cells[k] = f"{cells[k]} {text}".strip()
        grid.append(cells)
    return grid


def _anchor_column(grid: Sequence[Sequence[str]]) -> int | None:
    """The column filled on most lines where no filled line touches another."""
    best: tuple[int, int] | None = None
    for k in range(len(grid[0])):
        filled = [i for i, cells in enumerate(grid) if cells[k]]
        if len(filled) < MIN_ROWS or any(b - a == 1 for a, b in pairwise(filled)):
            continue
        if best is None or len(filled) > best[0]:
            best = (len(filled), k)
    return best[1] if best else None


def _join(grid: Sequence[Sequence[str]], first: int, stop: int) -> list[str]:
    width = len(grid[0])
    return [squash(" ".join(grid[i][k] for i in range(first, stop))) for k in range(width)]


def wrapped_space_table(
    lines: Sequence[Line],
) -> tuple[list[str], list[list[str]], list[Line]] | None:
    """(header, rows, lines used) of a wrapped space-aligned table at the start of `lines`.

    `lines` start at the table's first line; the table ends at a blank line, a tab,
    or a line of prose. None when the lines do not make such a table.
    """
    used: list[Line] = []
    rows: list[list[tuple[int, int, str]]] = []
    for ln in lines:
        if not ln.text.strip() or "\t" in ln.text:
            break
        segs = _segments(ln.text)
        if any(b - a > MAX_CELL_CHARS for a, b, _ in segs):
            break
        rows.append(segs)
        used.append(ln)
    if len(rows) < MIN_ROWS + 1:
        return None
    columns = _columns(rows)
    if len(columns) < MIN_COLUMNS:
        return None
    grid = _grid(rows, columns)
    anchor = _anchor_column(grid)
    if anchor is None:
        return None
    anchors = [i for i, cells in enumerate(grid) if cells[anchor]]
    # The anchor column's own header ("Caseload") is its first cell when it has no digit
    # while the cells below it do.
    first_is_header = (
        anchors[0] == 0
        and not _DIGIT.search(grid[0][anchor])
        and all(_DIGIT.search(grid[i][anchor]) for i in anchors[1:])
    )
    starts = anchors[1:] if first_is_header else anchors
    if len(starts) < MIN_ROWS or starts[0] == 0:
        return None
    header = _join(grid, 0, starts[0])
    body = [_join(grid, a, b) for a, b in zip(starts, [*starts[1:], len(grid)], strict=True)]
    return header, body, used


# A figure: "412", "£450,000", "12.5%", "-3", or a dash or "n/a" for none.
_FIGURE: Final = re.compile(r"^(?:[£$€]?[-–]?\d[\d,]*(?:\.\d+)?%?|[-–]|n/?a)$", re.IGNORECASE)
MIN_FIGURE_ROWS: Final = 2


def _figure_row(cells: Sequence[str]) -> bool:
    """A row label and figures: "Total   351   380   412"."""
    return len(cells) >= MIN_COLUMNS and all(_FIGURE.match(c) for c in cells[1:])


def figure_tables(lines: Sequence[Line]) -> list[tuple[list[str], list[list[str]], list[Line]]]:
    """Space-aligned tables of figures without a caption (PDF text laid out with spaces):
    a header line of column names (no cell over the row labels, or one) over two rows or
    more of a label and figures, each row on one line with as many cells as the header.
    Returned as (header, rows, lines used)."""
    out: list[tuple[list[str], list[list[str]], list[Line]]] = []
    i, n = 0, len(lines)
    while i < n - MIN_FIGURE_ROWS:
        head = lines[i]
        # (Cheap tests first: most lines have no gap of three spaces at all.)
        if "   " not in head.text or "\t" in head.text or "   " not in head.text.strip():
            i += 1
            continue
        header = raw_cells(head.text)
        rows: list[list[str]] = []
        j = i + 1
        while j < n and "\t" not in lines[j].text and "   " in lines[j].text.strip():
            cells = raw_cells(lines[j].text)
            if not rows and len(cells) == len(header) + 1:
                header = ["", *header]  # the header has no cell over the row labels
            if len(cells) != len(header) or not _figure_row(cells):
                break
            rows.append(cells)
            j += 1
        if len(rows) >= MIN_FIGURE_ROWS and len(header) >= MIN_COLUMNS:
            out.append((header, rows, list(lines[i:j])))
            i = j
        else:
            i += 1
    return out
