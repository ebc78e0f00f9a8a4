"""Text of a Word .docx file (python-docx): paragraphs and tables in document order.

Paragraphs are separated by a blank line, as on the page. A table row becomes one
tab-separated line; where a cell holds several paragraphs, each after the first goes
on a line of its own with the row's other cells empty, as the PDF of the page prints
it. Word keeps no page numbers in the file, so lines have no page.
Automatic paragraph numbering
("1.", "2.1", "(a)") is not part of the paragraph text in the file; it is
recomputed from the numbering definitions so that numbered recommendations
and paragraphs read as they do on the page.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any, Final

from minutebook.parser.models import ParseError
from minutebook.parser.readers.html import collapse

_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BULLET: Final = "•"


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter after z: aa, bb, ...
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class Numbering:
    """Word's list numbering: level formats per list, and the running counters."""

    part: Any
    counters: dict[str, list[int]] = field(default_factory=dict)

    def _level(self, num_id: str, ilvl: int) -> tuple[str, str, int] | None:
        """(numFmt, lvlText, start) of one level of one list."""
        if self.part is None:
            return None
        abstract = self.part.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not abstract:
            return None
        levels = self.part.xpath(
            f'./w:abstractNum[@w:abstractNumId="{abstract[0]}"]/w:lvl[@w:ilvl="{ilvl}"]'
        )
        if not levels:
            return None
        level = levels[0]
        fmt = level.find(f"{_W}numFmt")
        text = level.find(f"{_W}lvlText")
        start = level.find(f"{_W}start")
        return (
            fmt.get(f"{_W}val") if fmt is not None else "decimal",
            text.get(f"{_W}val") if text is not None else "",
            int(start.get(f"{_W}val"))
            if start is not None and (start.get(f"{_W}val") or "").isdigit()
            else 1,
        )

    def label(self, num_id: str, ilvl: int) -> str:
        """The label of the next paragraph of list `num_id` at level `ilvl`, counting it."""
        if num_id == "0" or not 0 <= ilvl <= 8:
            return ""
        level = self._level(num_id, ilvl)
        if level is None:
            return ""
        fmt, text, start = level
        counts = self.counters.setdefault(num_id, [0] * 9)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        if fmt == "bullet":
            return _BULLET
        label = text
        for k in range(ilvl + 1):
            placeholder = f"%{k + 1}"
            if placeholder in label:
                other = self._level(num_id, k)
                value = counts[k] or (other[2] if other else 1)
                label = label.replace(
                    placeholder, format_number(value, other[0] if other else "decimal")
                )
        return label.strip()


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph, else from its style."""
    for element in (paragraph._p, getattr(paragraph.style, "element", None)):
        ppr = getattr(element, "pPr", None)
        num_pr = getattr(ppr, "numPr", None)
        if num_pr is None:
            continue
        num_id = num_pr.numId.val if num_pr.numId is not None else None
        ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
        if num_id is not None:
            return str(num_id), int(ilvl)
    return None


def _paragraph_text(paragraph: Any, numbering: Numbering) -> str:
    text = str(paragraph.text)
    found = _num_pr(paragraph)
    if found is None or not text.strip():
        return text
    label = numbering.label(*found)
    return f"{label} {text}" if label else text


def _heading_level(paragraph: Any) -> int:
    """1-6 for a paragraph in a heading style ("Title", "Heading 2"), else 0."""
    try:
        name = str(paragraph.style.name or "") if paragraph.style is not None else ""
    except (KeyError, AttributeError, ValueError):
        return 0  # a style the file names but does not define
    if name == "Title":
        return 1
    m = _HEADING_STYLE.fullmatch(name)
    return min(int(m[1]), 6) if m else 0


_HEADING_STYLE: Final = re.compile(r"Heading\s*(\d)")


def _cell_paragraphs(cell: Any, numbering: Numbering) -> list[str]:
    parts = [_paragraph_text(p, numbering) for p in cell.paragraphs]
    parts.extend(" ".join(_table_lines(t, numbering)) for t in cell.tables)
    return [text for p in parts if (text := collapse(p.replace("\t", " ")))]


def _table_lines(table: Any, numbering: Numbering) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells: list[list[str]] = []
        seen: set[int] = set()
        for cell in row.cells:
            # A horizontally merged cell is returned once per grid column.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_paragraphs(cell, numbering))
        # A cell's paragraphs go on lines of their own, the other cells empty there, as
        # the PDF of the page prints them (an item per paragraph, a heading over its text).
        depth = max((len(c) for c in cells), default=0)
        for k in range(depth):
            lines.append("\t".join(c[k] if k < len(c) else "" for c in cells))
    return lines


def read_docx(data: bytes, name: str) -> tuple[list[str], tuple[str, ...]]:
    """Lines of the document body. Raises ParseError (code 3) for a damaged file."""
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # zipfile, lxml and python-docx each raise their own errors
        raise ParseError(
            f"{name}: the Word file cannot be opened (damaged?): {exc}", code=3
        ) from exc
    try:
        numbering_part = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        numbering_part = None  # a document without lists
    numbering = Numbering(numbering_part)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            if lines and lines[-1]:
                lines.append("")
            lines.extend(_table_lines(block, numbering))
            lines.append("")
        else:
            text = _paragraph_text(block, numbering)
            if not text.strip():
                if lines and lines[-1]:
                    lines.append("")  # an empty paragraph: space between paragraphs
                continue
            # Paragraphs stand apart, as they do on the page (and in PDF or markdown text):
            # a heading and the paragraph under it, the decisions of a numbered list.
            if lines and lines[-1]:
                lines.append("")
            level = _heading_level(block)
            if level:
                # A heading style is said as markdown says it, so the parser sees a heading.
                text = f"{'#' * level} {text.strip()}"
            lines.extend(text.split("\n"))
    warnings: tuple[str, ...] = ()
    if not any(line.strip() for line in lines):
        raise ParseError(f"{name}: the Word file contains no text", code=3)
    return lines, warnings
