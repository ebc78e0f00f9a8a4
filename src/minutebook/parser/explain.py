"""`minutebook parse --explain FILE`: which lines became which document and element.

The listing is built from the JSON output itself (every element with a
`span`), so it shows exactly what the parser emitted, including fields added
later, without knowing each extractor.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from minutebook.parser.models import ParseResult

_LABEL_KEYS = ("name", "title", "heading", "meeting_date", "text", "caption", "number")
_TEXT_WIDTH = 72


def _summary(element: dict[str, Any]) -> str:
    for key in _LABEL_KEYS:
        value = element.get(key)
        if isinstance(value, str) and value.strip():
            text = " ".join(value.split())
            return text if len(text) <= 48 else text[:45] + "..."
    return ""


def _extra(element: dict[str, Any]) -> str:
    """Role, status, capacity or part: the facts that tell which way a line was read."""
    bits = [
        str(element[k])
        for k in ("role", "status", "capacity", "part", "pages", "time")
        if isinstance(element.get(k), str) and element.get(k)
    ]
    return f" ({', '.join(bits)})" if bits else ""


def _elements(node: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(path, element) for every dict below `node` that carries a span, depth first."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "span":
                continue
            yield from _elements(value, f"{path}.{key}" if path else key)
        if "span" in node and isinstance(node["span"], dict) and path:
            yield path, node
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _elements(value, f"{path}[{i}]")


def explain(result: ParseResult) -> str:
    """A readable listing: documents with their fields, then every line with what it became."""
    data = result.to_json()
    lines = result.lines()
    owner: list[int | None] = [None] * (len(lines) + 2)
    labels: list[list[tuple[int, str]]] = [[] for _ in range(len(lines) + 2)]
    out: list[str] = []
    src = data["source"]
    out.append(
        f"source: {src['path']} ({src['format']}, {src['size']} bytes, pages: {src['pages']})"
    )
    if data.get("adapter"):
        out.append(f"adapter: {data['adapter']}")
    for warning in data["warnings"]:
        out.append(f"warning: {warning}")
    for index, document in enumerate(data["documents"], start=1):
        span = document["span"]
        meeting = document["meeting"]
        out.append(
            f"document {index}: {document['kind']}/{document['subkind']} lines "
            f"{span['first_line']}-{span['last_line']}"
            + (f" pages {span['first_page']}-{span['last_page']}" if span["first_page"] else "")
            + f" | title: {document['title']!r} | committee: {document['committee']!r}"
            f" | council: {document['council']!r} | date: {meeting['date']} time: {meeting['time']}"
            f" | part: {document['part']}"
        )
        for warning in document.get("warnings", []):
            out.append(f"  warning: {warning}")
        for n in range(span["first_line"], min(span["last_line"], len(lines)) + 1):
            owner[n] = index
        for path, element in _elements(document, ""):
            el_span = element["span"]
            width = el_span["last_line"] - el_span["first_line"]
            label = f"{path}: {_summary(element)}{_extra(element)}".rstrip(": ")
            for n in range(el_span["first_line"], min(el_span["last_line"], len(lines)) + 1):
                labels[n].append((width, label))
    out.append("")
    out.append("line  page doc | text" + " " * (_TEXT_WIDTH - 4) + "| became")
    pages = result.line_pages
    for n, text in enumerate(lines, start=1):
        page = pages[n - 1] if n - 1 < len(pages) else None
        doc = owner[n]
        shown = text.replace("\t", " → ")
        shown = shown if len(shown) <= _TEXT_WIDTH else shown[: _TEXT_WIDTH - 1] + "…"
        # The narrowest element is the most specific reading of the line.
        found = sorted(labels[n])
        became = "; ".join(label for _, label in found[:2])
        if len(found) > 2:
            became += f"; (+{len(found) - 2} more)"
        out.append(
            f"{n:5d} {page if page is not None else '':>4} {doc if doc is not None else '-':>3} | "
            f"{shown:<{_TEXT_WIDTH}} | {became}"
        )
    return "\n".join(out)
