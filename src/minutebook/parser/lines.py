"""Lines and blocks: the units every parsing stage passes along.

A `Line` is one line of the normalised source text with its 1-based number
and page. Tab characters are kept: they separate table cells in text
extracted from PDF and Word. A `Block` is a run of lines that a stage has
classified (a document, a section, an item).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
    return Span(
        first_line=lines[0].number,
        last_line=lines[-1].number,
        first_page=min(pages) if pages else None,
        last_page=max(pages) if pages else None,
    )


def make_lines(text: str, line_pages: Sequence[int | None] | None = None) -> list[Line]:
    """Number the lines of `text`; `line_pages[i]` is the page of line i+1."""
    out: list[Line] = []
    for i, raw in enumerate(text.split("\n")):
        page = line_pages[i] if line_pages is not None and i < len(line_pages) else None
        out.append(Line(number=i + 1, text=raw, page=page))
    return out
