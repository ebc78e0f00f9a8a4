"""Reading a source file into normalised text with a page for each line.

Stub: decodes UTF-8 (falling back to Windows-1252). The parser-input work
replaces this with real readers for text, markdown, HTML, PDF, Word and XML.
"""

from __future__ import annotations

from dataclasses import dataclass

from minutebook.parser.models import SourceFormat


@dataclass(frozen=True, slots=True)
class RawText:
    text: str
    line_pages: tuple[int | None, ...]
    format: SourceFormat
    encoding: str | None = None
    page_count: int | None = None
    warnings: tuple[str, ...] = ()


def read_source(data: bytes, name: str) -> RawText:
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252", errors="replace"), "windows-1252"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt: SourceFormat = "markdown" if name.lower().endswith(".md") else "text"
    return RawText(
        text=text, line_pages=tuple(None for _ in text.split("\n")), format=fmt, encoding=encoding
    )
