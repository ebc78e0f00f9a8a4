"""Plain text lines from HTML pages and fragments (BeautifulSoup with lxml).

Block elements become lines, table rows become tab-separated lines (the
paragraphs of a cell stay in the cell), script and style are dropped. The
walk uses an explicit stack, so deeply nested markup cannot exhaust Python's
recursion limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

from minutebook.parser.patterns import ascii_lower

BLOCK_TAGS: Final = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "ul",
    ]
)
DROP_TAGS: Final = frozenset(
    [
        "nav",  # the site's menus, not the paper
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "embed",
        "canvas",
        "head",
        "select",
        "button",
        "input",
        "textarea",
        "map",
        "area",
        "audio",
        "video",
        "meta",
        "link",
    ]
)
_CELL_TAGS: Final = frozenset({"td", "th"})
_WHITESPACE: Final = re.compile(r"[ \t\r\n\f\u00a0\u200b]+")
# Markers for the explicit-stack walk: a block boundary, a forced line break.
_BOUNDARY: Final = object()
_BREAK: Final = object()
# The edges of a <ul>/<ol>: the blank lines before and after the list stay, so that a
# numbered heading right after a list ("12. External Audit Plan" under a list ending
# "2. That ...") or right above one is not read as one more item of it.
_LIST_END: Final = object()


def collapse(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _children(node: Any) -> list[Any]:
    return list(getattr(node, "contents", ()))


def _inline_text(node: Any) -> str:
    """All text under `node` on one line: block boundaries and <br> become spaces."""
    parts: list[str] = []
    stack: list[Any] = [node]
    while stack:
        current = stack.pop()
        if current is _BOUNDARY:
            parts.append(" ")
            continue
        name = getattr(current, "name", None)
        if name is None:
            if _is_text(current):
                parts.append(str(current))
            continue
        if name in DROP_TAGS:
            continue
        if name == "br" or name in BLOCK_TAGS or name in _CELL_TAGS or name == "tr":
            parts.append(" ")
            stack.append(_BOUNDARY)
        stack.extend(reversed(_children(current)))
    return collapse("".join(parts))


def _is_text(node: Any) -> bool:
    from bs4 import Comment, Declaration, Doctype, ProcessingInstruction

    return not isinstance(node, Comment | Declaration | Doctype | ProcessingInstruction)


class _Prefix:
    """Short cells of a layout row ("1."), put before the first line of the row's content."""

    def __init__(self, text: str) -> None:
        self.text = text


_CONTENT_BLOCKS: Final = [
    "p",
    "div",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
]
_SHORT_CELL: Final = 40


def _is_layout_row(cells: list[Any]) -> bool:
    """A row used for page layout rather than data: a cell holds several paragraphs or a table.

    Modern.gov and similar systems lay out each agenda item as one row (number
    cell, content cell with the item's paragraphs, minutes and decision);
    flattening that to one tab-separated line would lose every paragraph break.
    """
    for cell in cells:
        blocks = [b for b in cell.find_all(_CONTENT_BLOCKS) if b.get_text(strip=True)]
        if len(blocks) >= 2 or any(b.name == "table" for b in blocks):
            return True
    return False


def _layout_row(cells: list[Any]) -> list[object]:
    """The row as blocks: short cells become a prefix of the next long cell's first line."""
    out: list[object] = [_BOUNDARY]
    prefix: list[str] = []
    for cell in cells:
        text = _inline_text(cell)
        if not text:
            continue
        if len(text) <= _SHORT_CELL and len(cell.find_all(_CONTENT_BLOCKS)) <= 1:
            prefix.append(text)
            continue
        if prefix:
            out.append(_Prefix("\t".join(prefix)))
            prefix = []
        out.append(cell)
    if prefix:
        out.append(("\t".join(prefix),))
    out.append(_BOUNDARY)
    return out


def _list_marker(item: Any) -> str:
    """ "1. " for the first item of an ordered list (its `start` counted), "- " otherwise."""
    parent = item.parent
    if getattr(parent, "name", None) != "ol":
        return "- "
    start = str(parent.get("start") or "1")
    first = int(start) if start.isdigit() else 1
    siblings = [c for c in _children(parent) if getattr(c, "name", None) == "li"]
    return f"{first + siblings.index(item)}. "


def _dl_pairs(node: Any) -> list[tuple[str, str]]:
    """(term, value) of a <dl>: each <dd> with the <dt> before it."""
    pairs: list[tuple[str, str]] = []
    term = ""
    for child in _children(node):
        name = getattr(child, "name", None)
        if name == "dt":
            term = _inline_text(child).rstrip(": ")
        elif name == "dd":
            value = _inline_text(child)
            if value:
                pairs.append((term, value))
        elif name == "div":  # <div><dt/><dd/></div> groups, allowed in HTML
            pairs.extend(_dl_pairs(child))
    return pairs


def _walk(root: Any) -> Iterator[object]:
    """Yield text pieces, `_BOUNDARY` at block edges and `_BREAK` for <br>, in document order."""
    stack: list[Any] = [root]
    while stack:
        current = stack.pop()
        if current is _BOUNDARY or current is _LIST_END or isinstance(current, _Prefix | tuple):
            yield current
            continue
        name = getattr(current, "name", None)
        if name is None:
            if _is_text(current):
                yield str(current)
            continue
        if name in DROP_TAGS:
            continue
        if name == "br":
            yield _BREAK
            continue
        if name == "tr":
            cell_nodes = current.find_all(["td", "th"], recursive=False)
            if _is_layout_row(cell_nodes):
                stack.extend(reversed(_layout_row(cell_nodes)))
                continue
            yield _BOUNDARY
            cells = [_inline_text(c) for c in cell_nodes]
            if any(cells):
                yield ("\t".join(cells),)
            yield _BOUNDARY
            continue
        if name == "pre":
            # Preformatted text keeps its lines (some sites publish minutes as plain text).
            yield _BOUNDARY
            for line in current.get_text().split("\n"):
                yield (line.rstrip(),)
            yield _BOUNDARY
            continue
        if name == "li":
            yield _BOUNDARY
            yield _list_marker(current)
            stack.append(_BOUNDARY)
            stack.extend(reversed(_children(current)))
            continue
        if name in ("ul", "ol") and current.find_parent("li") is None:
            yield _LIST_END  # the edge before the list too: a heading above it stays apart
            stack.append(_LIST_END)
            stack.extend(reversed(_children(current)))
            continue
        if name == "dl":
            # A description list ("Date" / "Thursday 9 July 2026") reads as "Date: ..." lines.
            yield _BOUNDARY
            for term, value in _dl_pairs(current):
                yield (f"{term}: {value}" if term else value,)
            yield _BOUNDARY
            continue
        if name in BLOCK_TAGS or name in _CELL_TAGS:
            yield _BOUNDARY
            stack.append(_BOUNDARY)
        stack.extend(reversed(_children(current)))


def soup_to_lines(root: Any) -> list[str]:
    """Lines of readable text under a BeautifulSoup node; blank lines separate blocks."""
    lines: list[str] = []
    buffer: list[str] = []
    prefix: list[str] = []
    kept: set[int] = set()  # blank lines that end a list

    def flush(blank_after: bool) -> None:
        text = collapse("".join(buffer))
        buffer.clear()
        if text and not _BARE_MARKER.fullmatch(text):
            if prefix:
                text = f"{prefix.pop()}\t{text}"
            lines.append(text)
        if blank_after and lines and lines[-1] != "":
            lines.append("")

    for piece in _walk(root):
        if piece is _BOUNDARY:
            flush(blank_after=True)
        elif piece is _LIST_END:
            flush(blank_after=True)
            if lines and lines[-1] == "":
                kept.add(len(lines) - 1)
        elif piece is _BREAK:
            flush(blank_after=False)
        elif isinstance(piece, _Prefix):
            flush(blank_after=False)
            prefix[:] = [piece.text]
        elif isinstance(piece, tuple):
            flush(blank_after=False)
            lines.append(piece[0])
        else:
            buffer.append(str(piece))
    flush(blank_after=False)
    while lines and lines[-1] == "":
        lines.pop()
    return _merge_table_rows(lines, kept)


_LIST_ITEM: Final = re.compile(r"(?:- |\d{1,3}\. )")
_BARE_MARKER: Final = re.compile(r"-|\d{1,3}\.")


def _merge_table_rows(lines: list[str], kept: frozenset[int] | set[int] = frozenset()) -> list[str]:
    """Drop blank lines between consecutive table rows (and list items): a table reads as one
    block. The blank lines in `kept` (the end of a list) stay."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if line == "" and out and i + 1 < len(lines) and i not in kept:
            after = lines[i + 1]
            if ("\t" in out[-1] and "\t" in after) or (
                _LIST_ITEM.match(out[-1]) and _LIST_ITEM.match(after)
            ):
                continue
        out.append(line)
    return out


def parse_html(markup: str | bytes) -> Any:
    from bs4 import BeautifulSoup

    return BeautifulSoup(markup, "lxml")


def html_to_lines(markup: str | bytes) -> list[str]:
    """Readable lines of an HTML page or fragment; the page <title> comes first when present."""
    soup = parse_html(markup)
    body = soup.body or soup
    return title_lines(soup) + soup_to_lines(body)


def title_lines(soup: Any) -> list[str]:
    """The page's <title> as the first lines, then a blank line (none without a title).
    "Cabinet - 9 July 2026 | Eastmoor City Council": the site's name after the bar goes on
    a line of its own, so that neither is read as part of the other."""
    title = soup.find("title")
    text = collapse(title.get_text()) if title is not None else ""
    if not text:
        return []
    return [*(line for part in text.split(" | ") if (line := part.strip())), ""]


def looks_like_html_page(text: str) -> bool:
    head = ascii_lower(text[:4096].lstrip())
    return head.startswith(("<!doctype html", "<html")) or (
        "<html" in head and ("<body" in ascii_lower(text[:200_000]) or "<head" in head)
    )
