"""Readers: text encodings, markdown, inline HTML, HTML pages, PDF, Word; format detection."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from minutebook.parser.models import ParseError
from minutebook.parser.readers.markup import markdown_to_text, strip_inline_html
from minutebook.parser.readers.text import decode_text, looks_binary
from minutebook.parser.reading import detect_format, read_source

MINUTES_TEXT = (
    "Corporate Parenting Committee\n\nMINUTES of the meeting held on Tuesday 5 November 2019 at 2.00 pm\n\n"
    "PRESENT: Councillor Jasmine Ali (Chair)\n\n1. APOLOGIES\n\nRESOLVED: That the apologies be noted.\n"
)


# -- plain text and encodings -------------------------------------------------------------


def test_utf8_with_and_without_bom() -> None:
    plain = "Councillor Siân Ó Briain – £5\n".encode()
    assert read_source(plain, "a.txt").encoding == "utf-8"
    raw = read_source(b"\xef\xbb\xbf" + plain, "a.txt")
    assert raw.encoding == "utf-8"
    assert raw.text.startswith("Councillor Siân")  # the BOM is not part of the text


def test_windows_1252_is_detected() -> None:
    data = "Minutes – Councillor O’Neill reported £4,000 for the “Care Leavers” fund.\n".encode(
        "cp1252"
    )
    raw = read_source(data, "minutes.txt")
    assert raw.encoding == "windows-1252"
    assert "O’Neill reported £4,000 for the “Care Leavers”" in raw.text
    assert raw.warnings == ()


def test_utf16_with_bom() -> None:
    raw = read_source("Agenda\nItem 1 – Apologies\n".encode("utf-16"), "a.txt")
    assert raw.text == "Agenda\nItem 1 – Apologies\n"
    assert raw.encoding == "utf-16"
    assert "Item 1 – Apologies" in raw.text


def test_truncated_utf8_keeps_the_text_and_warns() -> None:
    data = "Chair: Councillor Siân Jones".encode()[:-1] + "é".encode()[:1]
    decoded = decode_text(data, "t.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith("Chair: Councillor Siân Jone")
    assert any("truncated" in w for w in decoded.warnings)


def test_binary_is_refused() -> None:
    assert looks_binary(b"\x00\x01\x02ELF")
    assert not looks_binary(b"Item No.\tTitle\fPage 2\r\n")
    with pytest.raises(ParseError) as err:
        read_source(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00" * 50, "prog")
    assert err.value.code == 3
    assert "binary" in err.value.message


@pytest.mark.parametrize(
    ("data", "word"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "PNG"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, ".doc"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
    ],
)
def test_unsupported_formats_say_what_they_are(data: bytes, word: str) -> None:
    with pytest.raises(ParseError) as err:
        read_source(data, "paper.pdf")
    assert err.value.code == 3
    assert word in err.value.message


def test_empty_and_whitespace_only_files_are_refused() -> None:
    for data in (b"", b"  \n\n\t "):
        with pytest.raises(ParseError) as err:
            read_source(data, "e.txt")
        assert err.value.code == 3


def test_form_feeds_in_text_give_pages() -> None:
    raw = read_source(b"page one\n\fpage two\nmore\n\fpage three", "p.txt")
    assert raw.text.split("\n") == ["page one", "", "page two", "more", "", "page three"]
    assert raw.line_pages == (1, 1, 2, 2, 2, 3)


def test_text_without_form_feeds_has_no_pages() -> None:
    raw = read_source(MINUTES_TEXT.encode(), "m.txt")
    assert set(raw.line_pages) == {None}
    assert len(raw.line_pages) == raw.text.count("\n") + 1


# -- markdown and inline HTML ---------------------------------------------------------------


def test_markdown_seed_reads_as_plain_text(seeds_dir: Path) -> None:
    raw = read_source((seeds_dir / "002_74d68f5cacf3ff33.txt").read_bytes(), "002.txt")
    assert raw.format == "markdown"  # by content: the file is named .txt
    lines = raw.text.split("\n")
    assert "PURPOSE" in lines and "RECOMMENDATIONS" in lines
    assert "**" not in raw.text and "<b>" not in raw.text and "## " not in raw.text
    header = next(line for line in lines if line.startswith("Item No."))
    assert header.split("\t") == [
        "Item No. 7.",
        "Classification: Open",
        "Date: 4 November 2020",
        "Meeting Name: Corporate Parenting Committee",
    ]
    assert "From:\t\tAlasdair Smith, Director of Children & Families" in lines


def test_html_paragraphs_stay_in_their_table_cell(seeds_dir: Path) -> None:
    raw = read_source((seeds_dir / "004_d44683e97dcef42b.txt").read_bytes(), "004.txt")
    assert raw.format == "text"
    assert "<p>" not in raw.text and "</p>" not in raw.text
    row = next(line for line in raw.text.split("\n") if line.startswith("7.1\t"))
    cells = row.split("\t")
    assert cells[1].startswith("Successive years of investment")
    # the second <p> of the same cell is in the same cell, not on a new line
    assert "trend in more depth. Assessments positively identify" in cells[1]
    assert "Webpage: http://www.southwark.gov.uk" in raw.text  # an autolink keeps its address


def test_strip_inline_html_leaves_comparisons_alone() -> None:
    assert (
        strip_inline_html("fewer than <5 children and x < 3 > 2")
        == "fewer than <5 children and x < 3 > 2"
    )
    assert (
        strip_inline_html("<b>Date:</b> 4&nbsp;May &amp; <i>later</i>")
        == "Date: 4\u00a0May & later"
    )
    assert strip_inline_html("a<br>b") == "a\nb"
    assert strip_inline_html("cell<br/>more\tnext") == "cell more\tnext"


def test_markdown_conversion_details() -> None:
    md = (
        '---\nlayout: post\ntitle: "General Meeting 2nd September 2024"\n---\n\n'
        "# **MINUTES**\n\n> quoted paragraph\n3\\. MATTERS ARISING\nThursday 5^th^ \\\n"
        "| Item | Title |\n|---|:---:|\n| 1 | **Apologies** |\n"
        "See [the report](http://example.org/r.pdf) and *note* it.\n* * *\n"
    )
    lines = markdown_to_text(md).split("\n")
    assert lines[0] == "General Meeting 2nd September 2024"
    assert "MINUTES" in lines
    assert "quoted paragraph" in lines
    assert "3. MATTERS ARISING" in lines
    assert "Thursday 5th" in lines
    assert "Item\tTitle" in lines and "1\tApologies" in lines
    assert "See the report (http://example.org/r.pdf) and note it." in lines
    assert not any("---" in line or "* * *" in line for line in lines)


def test_markdown_file_of_the_corpus(councils_dir: Path) -> None:
    path = councils_dir / "27_govan-community-council-general-meeting-minutes-2024-09-02.md"
    raw = read_source(path.read_bytes(), path.name)
    assert raw.format == "markdown"
    assert "Present: Esme Clark, Annie Morgan" in raw.text
    assert "3. MATTERS ARISING" in raw.text
    assert "layout: post" not in raw.text and "**" not in raw.text and "^th^" not in raw.text


# -- HTML pages -----------------------------------------------------------------------------

PAGE = b"""<!DOCTYPE html><html><head><title>Agenda for Cabinet on 4 March 2025</title>
<style>p { color: red }</style><script>alert("x")</script></head><body>
<h1>Cabinet</h1><p>Venue: Council&nbsp;Chamber, 18<sup>th</sup> floor</p>
<table><tr><th>No.</th><th>Item</th></tr>
<tr><td>1.</td><td><p>Apologies</p><p>To receive apologies.</p></td></tr>
<tr><td>2.</td><td>Minutes<br>of the last meeting</td></tr></table>
<ul><li>first</li><li>second</li></ul></body></html>"""


def test_html_page_blocks_rows_and_dropped_script() -> None:
    raw = read_source(PAGE, "page.html")
    assert raw.format == "html"
    lines = raw.text.split("\n")
    assert lines[0] == "Agenda for Cabinet on 4 March 2025"
    assert "Venue: Council Chamber, 18th floor" in lines
    assert "No.\tItem" in lines
    # A row whose cell holds several paragraphs is page layout: its paragraphs stay lines.
    assert lines[lines.index("1.\tApologies") + 1 : lines.index("1.\tApologies") + 3] == [
        "",
        "To receive apologies.",
    ]
    # A data row stays one tab-separated line; a <br> inside it does not split it.
    assert "2.\tMinutes of the last meeting" in lines
    assert "- first" in lines and "- second" in lines
    assert "alert" not in raw.text and "color" not in raw.text


def test_html_detected_by_content_whatever_the_name() -> None:
    assert detect_format(PAGE, "paper.txt") == "html"
    assert detect_format(b"%PDF-1.7\n...", "paper.txt") == "pdf"
    assert detect_format(b"Plain minutes\n", "paper.html") == "text"


def test_deeply_nested_html_does_not_recurse() -> None:
    raw = read_source(
        b"<html><body>" + b"<div>" * 20000 + b"deep text" + b"</div>" * 20000, "x.html"
    )
    assert raw.text == "deep text"


# -- PDF ------------------------------------------------------------------------------------


def test_pdf_keeps_the_page_of_every_line(councils_dir: Path) -> None:
    path = councils_dir / "03_kent-cabinet-agenda-frontsheet-2025-01-30.pdf"
    raw = read_source(path.read_bytes(), path.name)
    assert raw.format == "pdf" and raw.page_count == 2
    lines = raw.text.split("\n")
    assert len(raw.line_pages) == len(lines)
    assert raw.line_pages[0] == 1 and raw.line_pages[-1] == 2
    assert list(raw.line_pages) == sorted(raw.line_pages)  # type: ignore[type-var]
    assert lines[raw.line_pages.index(2)] == "Benjamin Watts"
    assert "\r" not in raw.text


def _blank_pdf(pages: int) -> bytes:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    buffer = io.BytesIO()
    pdf.save(buffer)
    return buffer.getvalue()


def test_pdf_without_text_layer_is_a_clear_error() -> None:
    with pytest.raises(ParseError) as err:
        read_source(_blank_pdf(2), "scan.pdf")
    assert err.value.code == 3
    assert "no text layer" in err.value.message


def test_truncated_pdf_is_a_clear_error(councils_dir: Path) -> None:
    data = (councils_dir / "03_kent-cabinet-agenda-frontsheet-2025-01-30.pdf").read_bytes()
    with pytest.raises(ParseError) as err:
        read_source(data[:2000], "cut.pdf")
    assert err.value.code == 3


# -- Word -----------------------------------------------------------------------------------


def _docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("Corporate Parenting Committee")
    document.add_paragraph("Order of Business")
    table = document.add_table(rows=3, cols=3)
    for row, values in enumerate(
        [("Item No.", "Title", "Page No."), ("1.", "APOLOGIES", ""), ("2.", "MINUTES", "1 - 8")]
    ):
        for col, value in enumerate(values):
            table.cell(row, col).text = value
    table.cell(1, 1).add_paragraph("To receive any apologies for absence.")
    document.add_paragraph("After the table")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_and_tables_in_order() -> None:
    raw = read_source(_docx(), "pack.bin")
    assert raw.format == "docx"
    lines = [line for line in raw.text.split("\n") if line]
    # The empty last cell of row 1 is trailing space, stripped by normalisation. The second
    # paragraph of a cell goes on a line of its own under it, the other cells empty there,
    # as the PDF of the page prints it.
    assert lines == [
        "Corporate Parenting Committee",
        "Order of Business",
        "Item No.\tTitle\tPage No.",
        "1.\tAPOLOGIES",
        "\tTo receive any apologies for absence.",
        "2.\tMINUTES\t1 - 8",
        "After the table",
    ]


def test_damaged_docx_and_other_zip_files() -> None:
    data = _docx()
    with pytest.raises(ParseError) as err:
        read_source(data[: len(data) // 2], "cut.docx")
    assert err.value.code == 3
    buffer = io.BytesIO()
    import zipfile

    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(ParseError) as err:
        read_source(buffer.getvalue(), "a.zip")
    assert "zip archive" in err.value.message
    odt = io.BytesIO()
    with zipfile.ZipFile(odt, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ParseError) as err:
        read_source(odt.getvalue(), "minutes.odt")
    assert "OpenDocument" in err.value.message


def test_unknown_xml_is_refused() -> None:
    with pytest.raises(ParseError) as err:
        read_source(b'<?xml version="1.0"?><rss><channel/></rss>', "feed.xml")
    assert err.value.code == 3
    assert "XML" in err.value.message


def test_docx_automatic_numbering_is_reproduced() -> None:
    import docx

    from minutebook.parser.readers.docx import format_number

    document = docx.Document()
    document.add_paragraph("RECOMMENDATIONS")
    document.add_paragraph("That the report be noted.", style="List Number")
    document.add_paragraph("That officers report back.", style="List Number")
    document.add_paragraph("A point", style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    lines = [line for line in read_source(buffer.getvalue(), "r.docx").text.split("\n") if line]
    assert lines == [
        "RECOMMENDATIONS",
        "1. That the report be noted.",
        "2. That officers report back.",
        "• A point",
    ]
    assert [format_number(n, "lowerLetter") for n in (1, 2, 27)] == ["a", "b", "aa"]
    assert [format_number(n, "upperRoman") for n in (4, 9, 14)] == ["IV", "IX", "XIV"]


def test_pdf_layout_cells_paragraphs_and_paragraph_numbers(councils_dir: Path) -> None:
    path = councils_dir / "09_gloucester-cabinet-officer-report-council-tax-support-2025-12-10.pdf"
    lines = read_source(path.read_bytes(), path.name).text.split("\n")
    # A wide gap between runs on one line is a cell boundary ...
    assert "Key Decision:\tYes\tBudget/Policy Framework:\tNo" in lines
    # ... but a hanging paragraph number is not a table row.
    assert "2.1 Cabinet is asked to RECOMMEND that:" in lines
    # A vertical gap is a paragraph break.
    i = lines.index("2.0 Recommendations")
    assert lines[i - 1] == "" and lines[i + 1] == ""


def test_rotated_pdf_page_keeps_its_text(councils_dir: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(
        (councils_dir / "03_kent-cabinet-agenda-frontsheet-2025-01-30.pdf").read_bytes()
    )
    pdf[0].set_rotation(90)
    buffer = io.BytesIO()
    pdf.save(buffer)
    lines = read_source(buffer.getvalue(), "turned.pdf").text.split("\n")
    assert "UNRESTRICTED ITEMS" in lines
    assert "1. Apologies" in lines


def test_html_preformatted_text_keeps_its_lines() -> None:
    page = b"<html><body><h1>Minutes</h1><pre>1.  APOLOGIES\n    None received.\n\n2.  MINUTES</pre></body></html>"
    lines = read_source(page, "m.html").text.split("\n")
    assert lines[lines.index("1.  APOLOGIES") : lines.index("1.  APOLOGIES") + 4] == [
        "1.  APOLOGIES",
        "    None received.",
        "",
        "2.  MINUTES",
    ]
