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
import re
from dataclasses import dataclass
from typing import Any

from minutebook.parser.models import ParseError

# Gap between runs, in multiples of the text height, that separates table cells.
_CELL_GAP = 0.75
# Runs closer than this (a superscript "th", a change of font inside a word) join without a space.
_TOUCHING = 0.15
# Vertical gap between lines, in multiples of the line height, that makes a paragraph break.
_PARAGRAPH_GAP = 0.8
# A paragraph or list label: "1.", "2.1", "(a)", "iv)", a bullet.
_LIST_LABEL = re.compile(
    r"^(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-zA-Z]{1,4}[.)]|\(\w{1,4}\)|[•\-–▪●◦·*])$"
)
# A layout that loses more than this share of the page's characters is not trusted.
_MAX_LOSS = 0.02
# A page with fewer visible characters than this is treated as having no text
# layer (a scanned page); a page number alone must not count as text.
_MIN_PAGE_CHARS = 20


@dataclass(frozen=True, slots=True)
class PdfText:
    pages: tuple[str, ...]  # text of each page, lines separated by "\n"
    warnings: tuple[str, ...] = ()


@dataclass
class _Line:
    bottom: float
    top: float
    runs: list[tuple[float, float, float, float, str, str]]


def _layout_lines(textpage: Any) -> list[str]:
    """Lines of one page from its text runs, with tabs between cells and blank lines between paragraphs."""
    runs = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        raw = textpage.get_text_bounded(left, bottom, right, top)
        text = " ".join(raw.split())
        if text:
            # A space pdfium put at either end of the run means a word boundary there.
            edge = ("<" if raw[:1].isspace() else "") + (">" if raw[-1:].isspace() else "")
            runs.append((left, bottom, right, top, text, edge))
    # Top of the page first, then left to right.
    runs.sort(key=lambda run: (-(run[1] + run[3]) / 2, run[0]))
    lines: list[_Line] = []
    for run in runs:
        left, bottom, right, top, _, _ = run
        middle = (bottom + top) / 2
        if lines:
            last = lines[-1]
            if last.bottom < middle < last.top:
                last.runs.append(run)
                last.bottom, last.top = min(last.bottom, bottom), max(last.top, top)
                continue
        lines.append(_Line(bottom, top, [run]))
    out: list[str] = []
    previous: _Line | None = None
    for line in lines:
        ordered = sorted(line.runs, key=lambda run: run[0])
        parts = [ordered[0][4]]
        for before, after in itertools.pairwise(ordered):
            height = max(before[3] - before[1], after[3] - after[1])
            gap = after[0] - before[2]
            if gap > _CELL_GAP * height:
                parts.append("\t")
            elif gap < _TOUCHING * height and ">" not in before[5] and "<" not in after[5]:
                parts.append("")
            else:
                parts.append(" ")
            parts.append(after[4])
        if (
            len(parts) >= 3
            and parts[1] == "\t"
            and "\t" not in parts[3:]
            and _LIST_LABEL.match(parts[0])
        ):
            # "1.1<gap>To seek approval": a hanging paragraph number, not a table row.
            parts[1] = " "
        if previous is not None and previous.bottom - line.top > _PARAGRAPH_GAP * (
            line.top - line.bottom
        ):
            out.append("")
        out.append("".join(parts))
        previous = line
    return out


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
