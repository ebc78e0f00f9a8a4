"""Tables in text: tab-separated cells, pipe tables, space-aligned captioned tables.

Text extracted from PDF or Word keeps table cells apart with tabs; markdown
uses pipe tables. A table that runs over several pages repeats its header on
each page, with page numbers and running headers in between: those pieces are
merged back into one table. A row whose first cell is empty continues the row
above (a cell that wrapped onto a second line).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from rapidfuzz import fuzz

from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import Table
from minutebook.parser.report_text import (
    cell_paragraphs,
    clean,
    more_words_than,
    raw_cells,
    short_text_cache,
    squash,
    word_count,
)
from minutebook.parser.space_tables import figure_tables, wrapped_space_table

_RULE_CELL: Final = re.compile(r"^:?-{3,}:?$")
_CAPTION: Final = re.compile(r"^(?:table|figure)\s+\d+\b", re.IGNORECASE)
# Lines allowed between two pieces of one table: page numbers, running headers.
_MAX_GAP_LINES: Final = 6
_SHORT_ROW_WORDS: Final = 3
_MAX_FURNITURE_WORDS: Final = 12
_SAME_HEADER_SCORE: Final = 90


@dataclass
class _Piece:
    rows: list[list[str]]
    lines: list[Line]
    raw_rows: list[Line] = field(default_factory=list)


def _is_rule_row(cells: Sequence[str]) -> bool:
    return bool(cells) and all(_RULE_CELL.match(c.replace(" ", "")) for c in cells if c)


def _pipe_cells(text: str) -> list[str]:
    inner = text.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [squash(cell_paragraphs(c)) for c in inner.split("|")]


def _is_pipe_row(text: str) -> bool:
    s = text.strip()
    return s.startswith("|") and s.count("|") >= 2


def _row_cells(line: Line) -> list[str] | None:
    """Cells of a table row, or None when the line is not a row."""
    cells = _cells_of(line.text)
    return None if cells is None else list(cells)


@short_text_cache
def _cells_of(text: str) -> tuple[str, ...] | None:
    if _is_pipe_row(text):
        return tuple(_pipe_cells(text))
    if "\t" not in text:
        return None
    parts = text.split("\t")
    cells = [cell_paragraphs(p) for p in parts]
    while cells and not cells[-1]:
        cells.pop()
    if not any(cells):
        return None
    # One cell and nothing else is a line with a stray tab, not a row.
    if len([c for c in cells if c]) == 1 and len(cells) == 1:
        return None
    return tuple(cells)


def _pieces(lines: Sequence[Line]) -> list[_Piece]:
    """Runs of consecutive row lines (blank lines inside a run are allowed)."""
    pieces: list[_Piece] = []
    current: _Piece | None = None
    for ln in lines:
        if not ln.text.strip():
            current = None
            continue
        cells = _row_cells(ln)
        if cells is None:
            # "None" under a header whose trailing tabs were stripped: a one-cell row.
            text = clean(ln.text)
            if current is not None and text and not more_words_than(text, _SHORT_ROW_WORDS):
                current.rows.append([text])
                current.lines.append(ln)
            else:
                current = None
            continue
        if _is_rule_row(cells):
            if current is not None:
                current.lines.append(ln)
            continue
        if current is None:
            current = _Piece(rows=[], lines=[])
            pieces.append(current)
        current.rows.append(cells)
        current.lines.append(ln)
    return pieces


# A paragraph or list number: "1.", "3.2", "2.1.4", "(a)", "b)", "(iv)", "•".
_MARKER: Final = r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|\(?[a-z]\)|\(?[ivx]{1,5}\)|[•·▪–-])"
_LIST_MARKER: Final = re.compile(rf"^{_MARKER}$")


def _numbered_paragraphs(piece: _Piece) -> bool:
    """Rows that are all "<number><tab><text>": numbered paragraphs or list items whose
    number Word or a PDF set off with a tab, not a table."""
    return all(len(r) == 2 and _LIST_MARKER.match(r[0]) and r[1] for r in piece.rows)


def untab_numbered_paragraphs(lines: Sequence[Line]) -> list[Line]:
    """`lines` with "1.1<tab>This report ..." read as "1.1 This report ..." wherever such
    lines are not part of a table: the numbering is the paragraph's, not a column."""
    if not any("\t" in ln.text and _MARKER_THEN_TAB.match(ln.text) for ln in lines):
        return list(lines)
    numbered = {
        ln.number
        for piece in _pieces(lines)
        if _numbered_paragraphs(piece)
        for ln in piece.lines
        if "\t" in ln.text
    }
    if not numbered:
        return list(lines)
    return [
        Line(ln.number, _TAB_AFTER_MARKER.sub(r"\1 ", ln.text, count=1), ln.page)
        if ln.number in numbered
        else ln
        for ln in lines
    ]


_MARKER_THEN_TAB: Final = re.compile(rf"\s*{_MARKER}[ \t]*\t")
_TAB_AFTER_MARKER: Final = re.compile(r"^(\s*\S+)[ \t]*\t[ \t]*")


def _page_furniture_between(
    lines: Sequence[Line], index: dict[int, int], after: Line, before: Line
) -> bool:
    """Only a few short lines (page numbers, running headers) separate two lines."""
    between = [
        ln for ln in lines[index[after.number] + 1 : index[before.number]] if not ln.is_blank
    ]
    return len(between) <= _MAX_GAP_LINES and all(
        not more_words_than(clean(ln.text), _MAX_FURNITURE_WORDS) for ln in between
    )


def _norm(row: Sequence[str]) -> tuple[str, ...]:
    return tuple(clean(c).lower() for c in row if c.strip())


def _similar(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """The same header, allowing a retyped word ("What are we going to do" / "What are we will do")."""
    if a == b:
        return True
    if len(a) != len(b):
        return False
    score = fuzz.ratio(" | ".join(a), " | ".join(b), score_cutoff=_SAME_HEADER_SCORE)
    return bool(score)


def _bucket(key: tuple[str, ...]) -> tuple[int, str, str]:
    """Rows that can be the same header: same cell count, same first word in the end cells."""
    first = key[0].split()[:1] if key else []
    last = key[-1].split()[:1] if key else []
    return len(key), first[0] if first else "", last[0] if last else ""


class _Repeated:
    """Rows found at the top of two or more pieces: headers repeated on each page."""

    def __init__(self, pieces: Sequence[_Piece]) -> None:
        keys: dict[tuple[int, str, str], list[tuple[str, ...]]] = {}
        counts: dict[tuple[str, ...], int] = {}
        for piece in pieces:
            for row in piece.rows[:3]:
                key = _norm(row)
                if len(key) < 2:
                    continue
                bucket = keys.setdefault(_bucket(key), [])
                known = next((k for k in bucket if _similar(k, key)), None)
                if known is None:
                    bucket.append(key)
                    counts[key] = 1
                else:
                    counts[known] += 1
        self._keys = {b: [k for k in bucket if counts[k] >= 2] for b, bucket in keys.items()}
        self._memo: dict[tuple[str, ...], bool] = {}

    def __contains__(self, row: Sequence[str]) -> bool:
        key = _norm(row)
        if key not in self._memo:
            self._memo[key] = any(_similar(key, k) for k in self._keys.get(_bucket(key), ()))
        return self._memo[key]


def _header_index(piece: _Piece, repeated: _Repeated) -> int:
    """Which of the first rows is the header.

    Normally the first; but a row repeated at the top of other pieces, below
    shorter group-title rows (a section row over each page's header), wins.
    """
    candidates = [i for i, row in enumerate(piece.rows[:3]) if row in repeated]
    if not candidates:
        return 0
    best = max(candidates, key=lambda i: (len(_norm(piece.rows[i])), -i))
    width = len(_norm(piece.rows[best]))
    if all(len(_norm(r)) < width for r in piece.rows[:best]):
        return best
    return 0


def _continues(row: Sequence[str], previous: Sequence[str]) -> bool:
    """A row with an empty first cell below a row with a first cell: a wrapped cell.

    Not a row that fills every other column, each cell starting as a cell starts (a
    capital or a digit): the first cell was merged over it ("2 July 2026" once over
    two items of that meeting)."""
    others = [c.strip() for c in row[1:]]
    return (
        len(row) >= 2
        and not row[0].strip()
        and bool(previous)
        and bool(previous[0].strip())
        and sum(1 for c in row if c.strip()) <= max(1, sum(1 for c in previous if c.strip()) - 1)
        and not (
            len(row) >= 3
            and len(row) >= len(previous)
            and all(c[:1].isupper() or c[:1].isdigit() for c in others)
        )
    )


def _short_cells(row: Sequence[str]) -> bool:
    """Cells of a few words: the wrapped second line of a header, not a first data row."""
    filled = [c for c in row if c.strip()]
    return len(filled) >= 2 and all(word_count(c) <= _SHORT_ROW_WORDS for c in filled)


def _merge_cells(previous: list[str], row: Sequence[str]) -> list[str]:
    out = list(previous) + [""] * max(0, len(row) - len(previous))
    for i, cell in enumerate(row):
        if cell.strip():
            out[i] = f"{out[i]} {cell}".strip() if out[i] else cell
    return out


def _finish(
    header: list[str], rows: list[list[str]], lines: list[Line], caption: str | None
) -> Table:
    if rows and header and header[0] and all(len(r) == len(header) + 1 for r in rows):
        # Every row is one cell wider: the empty top-left cell over the row labels
        # was lost with its tab ("March 23  March 24" over "Caseload  5627  5322").
        header = ["", *header]
    width = len(header)
    fixed: list[tuple[str, ...]] = []
    for row in rows:
        padded = list(row) + [""] * max(0, width - len(row))
        fixed.append(tuple(c.strip() for c in padded))
    return Table(
        header=tuple(clean(h) for h in header),
        rows=tuple(fixed),
        span=span_of(lines),
        caption=caption,
    )


def _caption_before(lines: Sequence[Line], index: dict[int, int], first: Line) -> str | None:
    """A short line just above the table ("Table 1: Caseload") is its caption."""
    k = index[first.number] - 1
    while k >= 0 and lines[k].is_blank:
        k -= 1
    if k < 0:
        return None
    text = clean(lines[k].text)
    if "\t" in lines[k].text or not text:
        return None
    if _CAPTION.match(text):
        return text
    return None


def _space_aligned_tables(lines: Sequence[Line]) -> list[Table]:
    """Space-aligned tables under a "Table N" caption (PDF text laid out with spaces).

    One line per row when every row has the same cells; otherwise cells that wrap
    over several lines (`space_tables`). Without a caption, tables of figures
    (`space_tables.figure_tables`).
    """
    out: list[Table] = []
    seq = list(lines)
    for i, ln in enumerate(seq):
        if "\t" in ln.text or not _CAPTION.match(clean(ln.text)):
            continue
        j = i + 1
        while j < len(seq) and seq[j].is_blank:
            j += 1
        first = j
        rows: list[list[str]] = []
        used: list[Line] = [ln]
        while j < len(seq) and not seq[j].is_blank and "\t" not in seq[j].text:
            cells = raw_cells(seq[j].text)
            if len(rows) == 1 and len(cells) == len(rows[0]) + 1:
                rows[0] = ["", *rows[0]]  # the header has no cell over the row labels
            if len(cells) < 2 or (rows and len(cells) != len(rows[0])):
                break
            rows.append(cells)
            used.append(seq[j])
            j += 1
        if len(rows) >= 2:
            out.append(_finish(rows[0], rows[1:], used[1:], clean(ln.text)))
        elif (wrapped := wrapped_space_table(seq[first:])) is not None:
            header, body, wrapped_lines = wrapped
            out.append(_finish(header, body, wrapped_lines, clean(ln.text)))
    captioned = [(t.span.first_line, t.span.last_line) for t in out]
    for header, body, used in figure_tables(seq):
        if not any(a <= used[0].number <= b for a, b in captioned):
            out.append(_finish(header, body, used, None))
    return out


def _rows_a_blank_line_apart(pieces: list[_Piece]) -> list[_Piece]:
    """PDF text of a table whose rows have padding: every row a paragraph of its own, one
    blank line apart ("Age<tab>2024<tab>2025" / "" / "18-20<tab>96<tab>101"). A one-row
    piece one blank line after a piece of rows as wide joins it."""
    out: list[_Piece] = []
    for piece in pieces:
        prev = out[-1] if out else None
        if (
            prev is not None
            and len(piece.rows) == 1
            and len(piece.rows[0]) >= 2
            and piece.lines[0].number == prev.lines[-1].number + 2
            # As wide as the rows above (a header's wrapped second line, its trailing
            # empty cells dropped, may be narrower).
            and len(prev.rows[0]) == len(piece.rows[0])
            and all(len(r) <= len(piece.rows[0]) for r in prev.rows)
            and not _numbered_paragraphs(piece)
            and not _numbered_paragraphs(prev)
        ):
            prev.rows.extend(piece.rows)
            prev.lines.extend(piece.lines)
            continue
        if (
            prev is not None
            and len(prev.rows) == 1
            and len(prev.rows[0]) >= _HEAD_APART_CELLS
            and piece.lines[0].number == prev.lines[-1].number + 2
            and all(len(r) == len(prev.rows[0]) for r in piece.rows)
            and not _numbered_paragraphs(piece)
            and not _numbered_paragraphs(prev)
        ):
            # A header row set one blank line above its rows (markdown's separator row,
            # or a header cell's padding in PDF text): the rows as wide under it join it.
            prev.rows.extend(piece.rows)
            prev.lines.extend(piece.lines)
            continue
        out.append(piece)
    return out


# A lone row above a table joins it as its header only when it names three columns or
# more: a two-cell row is as likely a "label<tab>value" line.
_HEAD_APART_CELLS: Final = 3


def _sentence_cell(cell: str) -> bool:
    """A cell holding a sentence: six words or more, ending with a full stop."""
    text = cell.strip()
    return text.endswith(".") and len(text.split()) >= 6


def find_tables(lines: Sequence[Line]) -> tuple[Table, ...]:
    """Every table in `lines`, in order, with pieces split by page breaks merged."""
    lines = list(lines)
    index = {ln.number: k for k, ln in enumerate(lines)}
    pieces = _rows_a_blank_line_apart(_pieces(lines))
    repeated = _Repeated(pieces)

    tables: list[Table] = []
    header: list[str] = []
    rows: list[list[str]] = []
    used: list[Line] = []
    caption: str | None = None
    last_group: tuple[str, ...] | None = None

    def close() -> None:
        if header and used:
            tables.append(_finish(header, rows, used, caption))

    for piece in pieces:
        if _numbered_paragraphs(piece):
            continue
        h = _header_index(piece, repeated)
        piece_header = piece.rows[h]
        same_table = (
            bool(header)
            and _similar(_norm(piece_header), _norm(header))
            and piece_header in repeated
            and _page_furniture_between(lines, index, used[-1], piece.lines[0])
        )
        if not same_table:
            close()
            header, rows, used, last_group = list(piece_header), [], [], None
            caption = _caption_before(lines, index, piece.lines[0])
            before = piece.rows[:h]
            if any(_sentence_cell(c) for c in piece_header):
                # A column name is no sentence: a "label<tab>text" table ("Financial<tab>The
                # new charge is expected to ...") has no header; its first row is data.
                header, before = [""] * len(piece_header), [*before, piece_header]
        else:
            # Rows above a repeated header (a group title) are repeated too: keep the first.
            before = [r for r in piece.rows[:h] if _norm(r) != last_group]
        for row in before:
            rows.append(list(row))
            last_group = _norm(row)
        for row in piece.rows[h + 1 :]:
            if not rows and _continues(row, header) and _short_cells(row):
                header = _merge_cells(header, row)
            elif rows and _continues(row, rows[-1]):
                rows[-1] = _merge_cells(rows[-1], row)
            else:
                rows.append(list(row))
        used.extend(piece.lines)
    close()
    tables.extend(_space_aligned_tables(lines))
    tables.sort(key=lambda t: t.span.first_line)
    return tuple(tables)
