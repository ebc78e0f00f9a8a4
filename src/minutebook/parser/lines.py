"""Lines and blocks: the units every parsing stage passes along.

A `Line` is one line of the normalised source text with its 1-based number
and page. Tab characters are kept: they separate table cells in text
extracted from PDF and Word. A `Block` is a run of lines that a stage has
classified (a document, a section, an item).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from minutebook.parser.models import DocumentKind, DocumentSubkind, Span


@dataclass(frozen=True, slots=True)
class Line:
    number: int  # 1-based line number in ParseResult.text
    text: str
    page: int | None = None

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def cells(self) -> tuple[str, ...]:
        """Tab-separated cells, stripped, empty cells dropped."""
        return tuple(c.strip() for c in self.text.split("\t") if c.strip())

    @property
    def is_blank(self) -> bool:
        return not self.text.strip()


_COLUMN_GAP: Final = re.compile(r"\s{3,}")


def column_cells(line: Line) -> tuple[str, ...]:
    """The cells of a row: split at tabs, or, in text laid out with spaces (PDF text kept
    in its layout), at gaps of three spaces or more inside the line."""
    if "\t" in line.text:
        return line.cells
    stripped = line.text.strip()
    if "   " not in stripped:
        return (stripped,) if stripped else ()
    return tuple(c for c in _COLUMN_GAP.split(stripped) if c)


@dataclass(frozen=True, slots=True)
class Block:
    """A classified run of lines, e.g. one document of a pack."""

    kind: DocumentKind
    subkind: DocumentSubkind
    lines: tuple[Line, ...]

    @property
    def span(self) -> Span:
        return span_of(self.lines)


def span_of(lines: Sequence[Line]) -> Span:
    """The span covering `lines` (which must not be empty)."""
    if not lines:
        raise ValueError("span_of() needs at least one line")
    pages = [ln.page for ln in lines if ln.page is not None]
    span = Span.__new__(Span)  # fields set directly, as in `_new_line`
    _set_field(span, "first_line", lines[0].number)
    _set_field(span, "last_line", lines[-1].number)
    _set_field(span, "first_page", min(pages) if pages else None)
    _set_field(span, "last_page", max(pages) if pages else None)
    return span


# A frozen dataclass's __init__ is generated Python (it stays interpreted when the parser
# is compiled) setting each field through object.__setattr__: setting the fields directly
# makes the same object two to three times as fast, which counts for every line of a pack.
_set_field: Final = object.__setattr__


def _new_line(number: int, text: str, page: int | None) -> Line:
    line = Line.__new__(Line)
    _set_field(line, "number", number)
    _set_field(line, "text", text)
    _set_field(line, "page", page)
    return line


def make_lines(text: str, line_pages: Sequence[int | None] | None = None) -> list[Line]:
    """Number the lines of `text`; `line_pages[i]` is the page of line i+1."""
    raws = text.split("\n")
    pages: list[int | None] = [] if line_pages is None else list(line_pages[: len(raws)])
    if len(pages) < len(raws):
        pages.extend([None] * (len(raws) - len(pages)))
    out: list[Line] = []
    append = out.append
    for number, raw, page in zip(range(1, len(raws) + 1), raws, pages, strict=True):
        append(_new_line(number, raw, page))
    return out


# Hyphens that typesetting puts at a line end to break a word: the hyphen (U+2010) and a
# soft hyphen. An ASCII hyphen at a line end is mostly a compound's ("post-" / "sixteen"):
# Word does not hyphenate by default.
_BREAK_HYPHENS: Final = "\u2010\u00ad"


def join_wrapped(parts: Sequence[str]) -> str:
    """The lines of one paragraph as one string: a space between lines, none after a word
    broken at a hyphen ("accommo‐" + "dation" -> "accommodation", "post-" + "sixteen" ->
    "post-sixteen"; "pre-" + "and post-" keeps its space, a hyphen standing for a word)."""
    if len(parts) < 2 or not any(p[-1:] in _BREAK_HYPHENS or p[-1:] == "-" for p in parts):
        return " ".join(parts)
    out = parts[0]
    for part in parts[1:]:
        end, start = out[-2:], part[:1]
        if len(end) == 2 and end[0].isalpha() and start.islower():
            if end[1] in _BREAK_HYPHENS:
                out = out[:-1] + part
                continue
            if end[1] == "-" and part.split(" ", 1)[0] not in ("and", "or", "to"):
                out += part
                continue
        out = f"{out} {part}"
    return out
