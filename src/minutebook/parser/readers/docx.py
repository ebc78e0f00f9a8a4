"""Text of a Word .docx file (python-docx): paragraphs and tables in document order.

A table row becomes one tab-separated line; the paragraphs of a cell are
joined with spaces so that they stay in their cell. Word keeps no page
numbers in the file, so lines have no page. Automatic list numbering is not
part of the paragraph text and is not reproduced.
"""

from __future__ import annotations

import io
from typing import Any

from minutebook.parser.models import ParseError
from minutebook.parser.readers.html import collapse


def _cell_text(cell: Any) -> str:
    parts = [p.text for p in cell.paragraphs]
    parts.extend(" ".join(_table_lines(t)) for t in cell.tables)
    return collapse(" ".join(parts).replace("\t", " "))


def _table_lines(table: Any) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # A horizontally merged cell is returned once per grid column.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        if any(cells):
            lines.append("\t".join(cells))
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
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            if lines and lines[-1]:
                lines.append("")
            lines.extend(_table_lines(block))
            lines.append("")
        else:
            text = block.text
            lines.extend(text.split("\n") if text else [""])
    warnings: tuple[str, ...] = ()
    if not any(line.strip() for line in lines):
        raise ParseError(f"{name}: the Word file contains no text", code=3)
    return lines, warnings
