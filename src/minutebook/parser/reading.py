"""Reading a source file into normalised text with a page for each line.

The format is detected from the content first (PDF and Word signatures,
XML, HTML and markdown markers) and from the file name only as a hint.
Readers live in `readers/`, vendor formats in `adapters/`. Every reader ends
in `normalise.normalise`, so all text downstream is the same plain text.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import Final

from minutebook.parser.models import Document, ParseError, SourceFormat
from minutebook.parser.normalise import (
    attach_superscript_ordinals,
    normalise,
    split_pages,
    strip_page_furniture,
)

# Larger inputs are refused rather than risk exhausting memory (a pack of
# several hundred pages is a few MB of text).
MAX_INPUT_BYTES = 200 * 1024 * 1024


def too_large(name: str, size: int) -> ParseError:
    return ParseError(
        f"{name}: the file is {size // (1024 * 1024)} MB; the limit is {MAX_INPUT_BYTES // (1024 * 1024)} MB",
        code=3,
    )


@dataclass(frozen=True, slots=True)
class RawText:
    text: str
    line_pages: tuple[int | None, ...]
    format: SourceFormat
    encoding: str | None = None
    page_count: int | None = None
    warnings: tuple[str, ...] = ()
    # Set by vendor adapters that build documents from structured input.
    documents: tuple[Document, ...] | None = None
    adapter: str | None = None


_UNSUPPORTED_SIGNATURES: Final = (
    (b"\xd0\xcf\x11\xe0", "an old Word/Excel (.doc/.xls) file; save it as .docx or PDF"),
    (b"{\\rtf", "an RTF file; save it as .docx or PDF"),
    (b"\x89PNG", "a PNG image; committee papers must be text, PDF or Word (OCR scans first)"),
    (b"\xff\xd8\xff", "a JPEG image; committee papers must be text, PDF or Word (OCR scans first)"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image; OCR it first"),
    (b"MM\x00*", "a TIFF image; OCR it first"),
    (b"\x1f\x8b", "a gzip archive; unpack it first"),
    (b"7z\xbc\xaf", "a 7-Zip archive; unpack it first"),
)


def detect_format(data: bytes, name: str) -> str:
    """One of text, markdown, html, pdf, docx, xml (by content; the extension only breaks ties)."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if _is_docx(data) else "zip"
    for signature, _ in _UNSUPPORTED_SIGNATURES:
        if data.startswith(signature):
            return "unsupported"
    from minutebook.parser.readers.html import looks_like_html_page
    from minutebook.parser.readers.markup import looks_like_markdown

    sniff = data[:200_000].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if sniff.startswith("<?xml") and not looks_like_html_page(sniff[sniff.find(">") + 1 :]):
        return "xml"
    if looks_like_html_page(sniff):
        return "html"
    suffix = PurePath(name).suffix.lower()
    if suffix in {".md", ".markdown"} or looks_like_markdown(sniff.replace("\r\n", "\n")):
        return "markdown"
    return "text"


def _zip_kind(data: bytes) -> str:
    """What a zip that is not .docx is, for the error message."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = (
                archive.read("mimetype").decode("ascii", "replace") if "mimetype" in names else ""
            )
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return "a damaged zip or Word file"
    if "opendocument" in mimetype:
        return "an OpenDocument file; save it as .docx or PDF"
    if any(n.startswith("xl/") for n in names):
        return "an Excel workbook; committee papers must be text, PDF, Word or HTML"
    if any(n.startswith("ppt/") for n in names):
        return "a PowerPoint file; save it as PDF"
    return "a zip archive that is not a Word .docx file; unpack it first"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _from_text(text: str, fmt: SourceFormat, **extra: object) -> RawText:
    text = normalise(text)
    has_pages = "\f" in text
    text, pages = split_pages(text)
    return RawText(
        text=text,
        line_pages=tuple(pages) if has_pages else tuple(None for _ in pages),
        format=fmt,
        **extra,  # type: ignore[arg-type]
    )


def read_source(data: bytes, name: str) -> RawText:
    """Decode and normalise one source file. Raises ParseError when it cannot be read at all."""
    if not data or not data.strip():
        raise ParseError(f"{name}: the file is empty", code=3)
    if len(data) > MAX_INPUT_BYTES:
        raise too_large(name, len(data))
    fmt = detect_format(data, name)
    if fmt == "pdf":
        return _read_pdf(data, name)
    if fmt == "docx":
        return _read_docx(data, name)
    if fmt == "zip":
        raise ParseError(f"{name}: {_zip_kind(data)}", code=3)
    if fmt == "unsupported":
        what = next(d for s, d in _UNSUPPORTED_SIGNATURES if data.startswith(s))
        raise ParseError(f"{name}: this is {what}", code=3)
    if fmt == "xml":
        return _read_xml(data, name)
    if fmt == "html":
        return _read_html(data, name)
    return _read_text(data, name, markdown=fmt == "markdown")


def _read_text(data: bytes, name: str, *, markdown: bool) -> RawText:
    """Text and markdown. Written as one frame so that each large intermediate copy is freed
    as soon as the next exists: peak memory stays near two copies of the text plus its lines."""
    from minutebook.parser.normalise import (
        blank_page_number_lines,
        drop_stray_glyph_lines,
        has_trailing_space,
        infer_pages,
        join_letter_spaced,
        normalise_characters,
        strip_trailing_space_lines,
        unify_newlines,
        untab_bullets,
    )
    from minutebook.parser.readers.markup import (
        has_inline_html,
        markdown_lines,
        strip_inline_html_lines,
    )
    from minutebook.parser.readers.text import decode_text
    from minutebook.parser.reflow import reflow, strip_markup_debris

    decoded = decode_text(data, name)
    text, encoding, warnings = decoded.text, decoded.encoding, decoded.warnings
    del decoded
    text = unify_newlines(text)
    text = join_letter_spaced(untab_bullets(normalise_characters(text)))
    markup = markdown or has_inline_html(text) or "&" in text
    if markup or has_trailing_space(text):
        lines = text.split("\n")
        del text
        before = list(lines) if markup else lines  # the line objects, to see which change
        if markdown:
            markdown_lines(lines)
        elif markup:
            strip_inline_html_lines(lines)
        strip_trailing_space_lines(lines)
        if markup:
            # Entities such as &nbsp; bring back characters to normalise. The other lines
            # are normalised already (normalisation works character by character).
            for i, line in enumerate(lines):
                if i >= len(before) or line is not before[i]:
                    lines[i] = normalise_characters(line)
        del before
        text = "\n".join(lines)
        del lines
    text = drop_stray_glyph_lines(reflow(strip_markup_debris(text)))
    has_pages = "\f" in text
    if has_pages:
        by_page = strip_page_furniture([chunk.split("\n") for chunk in text.split("\f")])
        text = "\f".join("\n".join(lines) for lines in by_page)
    text, pages = split_pages(text)
    if not text.strip():
        raise ParseError(f"{name}: the file holds no text", code=3)
    line_pages: tuple[int | None, ...] = tuple(pages) if has_pages else (None,) * len(pages)
    if not has_pages and (printed := infer_pages(text)) is not None:
        line_pages = tuple(printed)
        text = blank_page_number_lines(text, printed)
    return RawText(
        text=text,
        line_pages=line_pages,
        format="markdown" if markdown else "text",
        encoding=encoding,
        warnings=warnings,
    )


def _read_pdf(data: bytes, name: str) -> RawText:
    from minutebook.parser.readers.pdf import read_pdf

    pdf = read_pdf(data, name)
    lines: list[str] = []
    pages: list[int | None] = []
    page_lines = [
        attach_superscript_ordinals(normalise(t.replace("\f", "\n")).split("\n")) for t in pdf.pages
    ]
    for number, kept in enumerate(strip_page_furniture(page_lines), start=1):
        lines.extend(kept)
        pages.extend([number] * len(kept))
    return RawText(
        text="\n".join(lines),
        line_pages=tuple(pages),
        format="pdf",
        page_count=len(pdf.pages),
        warnings=pdf.warnings,
    )


def _read_docx(data: bytes, name: str) -> RawText:
    from minutebook.parser.readers.docx import read_docx

    lines, warnings = read_docx(data, name)
    return _from_text("\n".join(lines).replace("\f", "\n"), "docx", warnings=warnings)


def _read_html(data: bytes, name: str) -> RawText:
    from minutebook.parser.adapters import moderngov_html
    from minutebook.parser.readers.html import parse_html, soup_to_lines, title_lines

    soup = parse_html(data)
    encoding = getattr(soup, "original_encoding", None)
    adapter = None
    lines = title_lines(soup)
    if moderngov_html.is_moderngov_page(data[:300_000].decode("utf-8", errors="replace")):
        adapter = moderngov_html.NAME
        root = moderngov_html.content_root(soup)
        moderngov_html.drop_chrome(root)
        lines.extend(moderngov_html.clean_line(ln) for ln in soup_to_lines(root))
    else:
        lines.extend(soup_to_lines(soup.body or soup))
    raw = _from_text("\n".join(lines), "html", encoding=encoding, adapter=adapter)
    if not raw.text.strip():
        raise ParseError(f"{name}: the HTML page holds no text", code=3)
    return raw


def _read_xml(data: bytes, name: str) -> RawText:
    from minutebook.parser.adapters.moderngov_xml import (
        NAME,
        adapt_moderngov_meeting,
        is_moderngov_meeting,
    )

    if not is_moderngov_meeting(data):
        raise ParseError(
            f"{name}: an XML file of an unknown kind (only Modern.gov GetMeeting XML is supported)",
            code=3,
        )
    meeting = adapt_moderngov_meeting(data, name)
    text = normalise(meeting.text)
    if text.count("\n") != meeting.text.count("\n"):
        # Spans of the adapted documents point into these lines; they must not move.
        raise ParseError(f"{name}: internal error: normalisation changed the line count", code=1)
    return RawText(
        text=text,
        line_pages=tuple(None for _ in range(text.count("\n") + 1)),
        format="xml",
        encoding="utf-8",
        warnings=meeting.warnings,
        documents=meeting.documents,
        adapter=NAME,
    )
