"""Text of a PDF, page by page (pypdfium2), keeping the page of every line."""

from __future__ import annotations

from dataclasses import dataclass

from minutebook.parser.models import ParseError

# A page with fewer visible characters than this is treated as having no text
# layer (a scanned page); a page number alone must not count as text.
_MIN_PAGE_CHARS = 20


@dataclass(frozen=True, slots=True)
class PdfText:
    pages: tuple[str, ...]  # text of each page, lines separated by "\n"
    warnings: tuple[str, ...] = ()


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
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
            finally:
                page.close()
            text = text.replace("\r\n", "\n").replace("\r", "\n")
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
