"""Text of a PDF, page by page (pypdfium2), keeping the page of every line.

Lines are rebuilt from pdfium's text runs (rectangles of text on one line):
runs on the same baseline form a line, a wide horizontal gap between runs
becomes a tab (a table cell or a label/value pair, as in text extracted from
PDF elsewhere), and a vertical gap wider than a line becomes a blank line (a
paragraph break). When the runs miss characters that pdfium's plain text has
(rotated or unusual text), the page falls back to the plain text.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from minutebook.parser.models import ParseError
from minutebook.parser.readers.pdf_grid import SETTINGS as GRID_SETTINGS
from minutebook.parser.readers.pdf_grid import Cell, Row, layout

# Gap between runs, in multiples of the text height, that separates table cells.
_CELL_GAP = GRID_SETTINGS.cell_gap
# Runs closer than this (a superscript "th", a change of font inside a word) join without a space.
_TOUCHING = 0.15
# Vertical gap between lines, in multiples of the line height, that makes a paragraph break.
_PARAGRAPH_GAP = 0.8
# A footnote call: a number (or sign) at most this share of the text's height, raised
# by this share of it above the text's foot.
_SUPERSCRIPT_HEIGHT = 0.75
_SUPERSCRIPT_RISE = 0.2
_FOOTNOTE_SIGNS = ("*", "\u2020", "\u2021")  # *, dagger, double dagger
# A layout that loses more than this share of the page's characters is not trusted.
_MAX_LOSS = 0.02
# A page with fewer visible characters than this is treated as having no text
# layer (a scanned page); a page number alone must not count as text.
_MIN_PAGE_CHARS = 20

# Hyphens that typesetting puts at a line end to break a word (a hyphen, a soft hyphen).
_BREAK_HYPHENS = "\u2010\u00ad"

_Run = tuple[float, float, float, float, str, str, float]  # ..., text, edges, baseline


@dataclass(frozen=True, slots=True)
class PdfText:
    pages: tuple[str, ...]  # text of each page, lines separated by "\n"
    warnings: tuple[str, ...] = ()


@dataclass
class _Line:
    bottom: float
    top: float
    runs: list[_Run]


def _baseline(textpage: Any, left: float, bottom: float, right: float, top: float) -> float:
    """The baseline of a run: the origin of a character in it (its box's foot depends on
    the letters: "Chair" and "Apologies" on one baseline have different feet); the foot
    of the box when pdfium gives none."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    try:
        middle = (bottom + top) / 2
        index = textpage.get_index(
            (left + right) / 2, middle, (right - left) / 2, (top - bottom) / 2
        )
        x, y = ctypes.c_double(), ctypes.c_double()
        if (
            index is None
            or index < 0
            or not pdfium_c.FPDFText_GetCharOrigin(
                textpage.raw, index, ctypes.byref(x), ctypes.byref(y)
            )
        ):
            return bottom
        return float(y.value) if bottom - 1 <= y.value <= top else bottom
    except Exception:  # a page pdfium cannot answer for keeps the box's foot
        return bottom


def _footnote_call(run: _Run, before: _Run) -> bool:
    """A footnote's number raised and small right after a word ("children²" of "10,000
    children2"): not part of the text, where it would join the word or the figure."""
    text = run[4]
    height, tall = run[3] - run[1], before[3] - before[1]
    return (
        ((text.isdigit() and len(text) <= 2) or text in _FOOTNOTE_SIGNS)
        and height < _SUPERSCRIPT_HEIGHT * tall
        and run[6] > before[6] + _SUPERSCRIPT_RISE * tall
        and run[0] - before[2] < _CELL_GAP * tall
    )


def _without_footnote_calls(runs: list[_Run]) -> list[_Run]:
    """The runs of a line, left to right, footnote calls dropped; a stop or comma after a
    call keeps to the word before it."""
    ordered = sorted(runs, key=lambda run: run[0])
    out = [ordered[0]]
    dropped = False
    for run in ordered[1:]:
        if _footnote_call(run, out[-1]):
            dropped = True
            continue
        if dropped and run[4][:1] in ".,;:)":
            before = out[-1]
            merged = before[4] + run[4]
            out[-1] = (before[0], before[1], run[2], before[3], merged, run[5], before[6])
        else:
            out.append(run)
        dropped = False
    return out


def _cells(runs: list[_Run]) -> list[Cell]:
    """The runs of one line, left to right, joined into cells at the wide gaps."""
    ordered = _without_footnote_calls(runs) if len(runs) > 1 else runs
    cells: list[Cell] = []
    first = ordered[0]
    parts = [first[4]]
    cell = Cell(first[0], first[2], first[1], first[3], "", first[6])
    for before, after in itertools.pairwise(ordered):
        height = max(before[3] - before[1], after[3] - after[1])
        gap = after[0] - before[2]
        if gap > _CELL_GAP * height:
            cell.text = "".join(parts)
            cells.append(cell)
            parts = [after[4]]
            cell = Cell(after[0], after[2], after[1], after[3], "", after[6])
            continue
        if gap < _TOUCHING * height and ">" not in before[5] and "<" not in after[5]:
            parts.append(after[4])
        else:
            parts.append(" " + after[4])
        cell.right = max(cell.right, after[2])
        cell.bottom, cell.top = min(cell.bottom, after[1]), max(cell.top, after[3])
    cell.text = "".join(parts)
    cells.append(cell)
    return cells


def _layout_lines(textpage: Any) -> list[str]:
    """Lines of one page from its text runs, with tabs between cells and blank lines between
    paragraphs; tables and boxes side by side put back in reading order (`pdf_grid`)."""
    runs = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        raw = textpage.get_text_bounded(left, bottom, right, top)
        text = " ".join(raw.split())
        if text:
            # A space pdfium put at either end of the run means a word boundary there.
            edge = ("<" if raw[:1].isspace() else "") + (">" if raw[-1:].isspace() else "")
            base = _baseline(textpage, left, bottom, right, top)
            runs.append((left, bottom, right, top, text, edge, base))
    # Top of the page first, then left to right.
    runs.sort(key=lambda run: (-(run[1] + run[3]) / 2, run[0]))
    lines: list[_Line] = []
    for run in runs:
        left, bottom, right, top = run[:4]
        middle = (bottom + top) / 2
        if lines:
            last = lines[-1]
            if last.bottom < middle < last.top:
                last.runs.append(run)
                last.bottom, last.top = min(last.bottom, bottom), max(last.top, top)
                continue
        lines.append(_Line(bottom, top, [run]))
    rows: list[Row] = []
    previous: _Line | None = None
    for line in lines:
        gap = previous is not None and previous.bottom - line.top > _PARAGRAPH_GAP * (
            line.top - line.bottom
        )
        rows.append(Row(line.bottom, line.top, _cells(line.runs), gap))
        previous = line
    return _rejoin_broken_words(layout(rows))


def _rejoin_broken_words(lines: list[str]) -> list[str]:
    """A word the typesetter broke at a line end ("Adult So‐" / "cial Care") whole again on
    the first line: the hyphen (U+2010) or soft hyphen of a break is never the word's own,
    and lists and headings read line by line must not see "So‐ cial"."""
    emptied: set[int] = set()
    for k in range(len(lines) - 1):
        line, after = lines[k], lines[k + 1]
        if (
            len(line) >= 2
            and line[-1] in _BREAK_HYPHENS
            and line[-2].isalpha()
            and after[:1].islower()
            and "\t" not in after
        ):
            word, _, rest = after.partition(" ")
            lines[k] = line[:-1] + word
            lines[k + 1] = rest
            if not rest:
                emptied.add(k + 1)  # its only word went up: no paragraph break here
    return [x for k, x in enumerate(lines) if k not in emptied] if emptied else lines


def _visible(text: str) -> int:
    return len("".join(text.split()))


def page_text(textpage: Any, rotated: bool = False) -> str:
    """The text of one page: the layout lines, or pdfium's plain text if the layout lost
    characters or the page is turned (its runs' coordinates would not follow the reading order)."""
    plain = str(textpage.get_text_range()).replace("\r\n", "\n").replace("\r", "\n")
    if rotated:
        return plain
    try:
        layout = "\n".join(_layout_lines(textpage))
    except Exception:  # an odd page must not lose its text: the plain text stands
        return plain
    if _visible(layout) < (1 - _MAX_LOSS) * _visible(plain):
        return plain
    return layout


def _pdf_error(name: str, exc: Exception) -> ParseError:
    detail = str(exc) or type(exc).__name__
    if "password" in detail.lower():
        return ParseError(f"{name}: the PDF is password-protected", code=3)
    return ParseError(f"{name}: the PDF cannot be opened (damaged or truncated?): {detail}", code=3)


def read_pdf(data: bytes, name: str) -> PdfText:
    """Extract text per page. Raises ParseError (code 3) when the PDF has no text layer at all."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except Exception as exc:  # pypdfium2 raises PdfiumError, and ValueError for odd input
        raise _pdf_error(name, exc) from exc
    pages: list[str] = []
    empty: list[int] = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = page_text(textpage, rotated=page.get_rotation() % 180 != 0)
                finally:
                    textpage.close()
            finally:
                page.close()
            if len("".join(text.split())) < _MIN_PAGE_CHARS:
                empty.append(index + 1)
            pages.append(text)
    except Exception as exc:
        raise _pdf_error(name, exc) from exc
    finally:
        document.close()
    if not pages:
        raise ParseError(f"{name}: the PDF has no pages", code=3)
    if len(empty) == len(pages):
        raise ParseError(
            f"{name}: the PDF has no text layer (a scan?); run OCR on it first, e.g. ocrmypdf",
            code=3,
        )
    warnings: tuple[str, ...] = ()
    if empty:
        listed = ", ".join(map(str, empty[:20])) + (" ..." if len(empty) > 20 else "")
        warnings = (f"{name}: {len(empty)} page(s) have little or no text layer: {listed}",)
    return PdfText(tuple(pages), warnings)
