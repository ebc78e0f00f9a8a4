"""The agenda pack (front sheet, order of business, minutes, reports) as HTML and PDF.

The pack of the test record is rendered once for the session (`conftest.py`);
only the gathering of the pack from the record, which is database work, runs
again on PostgreSQL.
"""

from __future__ import annotations

import copy
import re
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from minutebook.publish.draft import save_proposal
from minutebook.publish.pack import build_pack, clock, long_date, text_blocks
from minutebook.publish.render import _render_by_passes
from tests.publish.conftest import ProducedPack, pdf_pages
from tests.publish.records import SECRET, UPCOMING, build_record


@pytest.mark.django_db
@pytest.mark.db_both
def test_pack_gathers_the_membership_and_leaves_out_closed_business() -> None:
    record = build_record()
    pack = build_pack(save_proposal(record.committee, UPCOMING))
    assert pack.members == [
        "Councillor Amina Patel (Chair)",
        "Councillor John Okafor (Vice-Chair)",
        "Councillor David Brown",
        "Councillor Sarah Green",
    ]
    assert pack.reserves == ["Councillor Helen Price", "Councillor Tom Reid"]
    assert pack.co_opted == ["Grace Adeyemi", "Mark Kerr"]
    assert pack.date_text == "Wednesday 3 March 2021" and pack.time_text == "6.30 pm"
    assert pack.closed_items_left_out == 1
    assert pack.minutes is not None
    assert [i.title for i in pack.minutes.items] == ["APOLOGIES", "SUFFICIENCY STRATEGY"]
    assert "Jo Smith, Director of Children and Families" in pack.minutes.officers
    gathered = repr(pack)
    assert SECRET not in gathered and "CLOSED MINUTE" not in gathered
    assert "Placement costs" not in gathered and "PLACEMENT COSTS" not in gathered


def test_pack_contents_page_numbers_and_what_it_leaves_out(produced: ProducedPack) -> None:
    html = produced.html
    # Front sheet.
    assert "Members of the committee are summoned to attend this meeting" in html
    assert "<h2>Non-voting co-opted members</h2>" in html
    # The minutes of the last meeting, open section only.
    assert (
        "MINUTES of the OPEN section of the Corporate Parenting Committee held on "
        "Wednesday 13 January 2021 at 6.30 pm" in html
    )
    assert "Jo Smith, Director of Children and Families" in html
    assert "1. That a further progress report be provided at the next meeting." in html
    # Markup found in papers is escaped or dropped, never rendered.
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "A line with markup" in html
    # Closed business appears nowhere, in the HTML or the PDF's text.
    pages = produced.pdf_pages()
    for text in (html, "\n".join(pages)):
        assert "Members of the committee are summoned" in text
        assert SECRET not in text
        assert "Placement costs" not in text and "PLACEMENT COSTS" not in text
        assert "CLOSED MINUTE" not in text
    _check_page_numbers(produced, pages)


def _check_page_numbers(produced: ProducedPack, pages: list[str]) -> None:
    """The order of business's page ranges point at the papers in the PDF."""
    pack = produced.pack
    assert len(pages) == produced.page_count
    # The pack's page N is the PDF page printing "Page N" at its foot.
    printed = {
        int(m.group(1)): i for i, t in enumerate(pages) for m in re.finditer(r"Page (\d+)", t)
    }
    with_pages = [i for i in pack.items if i.pages]
    assert [i.title for i in with_pages] == [
        "MINUTES",
        "FOSTERING SERVICE ANNUAL REPORT",
        "INDEPENDENT REVIEWING OFFICERS ANNUAL REPORT (7.10PM)",
    ]
    assert with_pages[0].pages.startswith("1")
    order_of_business = next(t for t in pages if "Order of Business" in t)
    previous_last = 0
    for item in with_pages:
        first, _, last = item.pages.partition(" - ")
        first_n, last_n = int(first), int(last)
        assert first_n == previous_last + 1, "papers follow each other with no gap"
        previous_last = last_n
        assert f"Agenda Item {item.number.rstrip('.')}" in pages[printed[first_n]]
        assert item.pages in produced.html
        # The PDF prints the same numbers as the HTML (there by CSS target-counters).
        assert item.pages in order_of_business
    fostering = with_pages[1]
    assert " - " in fostering.pages, "a long report spans several pages"
    assert previous_last == max(printed), "the last paper ends on the last page"


def test_minutes_template_lists_the_expected_attendance(produced: ProducedPack) -> None:
    text = produced.minutes_html
    assert "held on Wednesday 3 March 2021 at 6.30 pm" in text
    for name in (
        "Councillor Amina Patel (Chair)",
        "Councillor John Okafor (Vice-Chair)",
        "Mark Kerr",
    ):
        assert name in text
    assert "meeting held on 13 January 2021 be approved" in text
    assert "FOSTERING SERVICE ANNUAL REPORT" in text and SECRET not in text
    assert "PLACEMENT COSTS" not in text


def test_minutes_template_in_word_reads_back_with_the_attendance(produced: ProducedPack) -> None:
    from docx import Document

    document = Document(BytesIO(produced.minutes_docx))
    paragraphs = [p.text for p in document.paragraphs]
    assert any(p.startswith("MINUTES of the OPEN section of the Corporate") for p in paragraphs)
    cells = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert cells["PRESENT:"].split("\n")[:2] == [
        "Councillor Amina Patel (Chair)",
        "Councillor John Okafor (Vice-Chair)",
    ]
    assert cells["NON-VOTING CO-OPTED MEMBERS:"] == "Grace Adeyemi\nMark Kerr"
    assert "6. FOSTERING SERVICE ANNUAL REPORT" in paragraphs
    assert not any("PLACEMENT COSTS" in p for p in paragraphs)


@pytest.mark.django_db
def test_agenda_pack_command_writes_pdf_html_and_template(tmp_path: Path) -> None:
    build_record()
    out = StringIO()
    pdf, html, minutes = tmp_path / "pack.pdf", tmp_path / "pack.html", tmp_path / "minutes.html"
    call_command(
        "agenda_pack",
        "--committee",
        "corporate-parenting",
        "--date",
        "2021-03-03",
        "--pdf",
        str(pdf),
        "--html",
        str(html),
        "--minutes-template",
        str(minutes),
        stdout=out,
    )
    assert pdf.read_bytes().startswith(b"%PDF-")
    assert len(pdf_pages(pdf.read_bytes())) >= 5
    assert "Order of Business" in html.read_text(encoding="utf-8")
    assert "PRESENT:" in minutes.read_text(encoding="utf-8")
    assert re.search(r"\d+ pages, 9 items \(1 closed item\(s\) left out", out.getvalue())


@pytest.mark.django_db
@pytest.mark.db_both
def test_agenda_pack_command_needs_an_output_and_a_writable_path(tmp_path: Path) -> None:
    build_record()
    args = ["agenda_pack", "--committee", "corporate-parenting", "--date", "2021-03-03"]
    with pytest.raises(CommandError, match="nothing to write"):
        call_command(*args)
    with pytest.raises(CommandError, match="cannot write"):
        call_command(*args, "--html", str(tmp_path / "missing" / "pack.html"))


def test_text_blocks_turn_tabs_into_tables_and_drop_markup() -> None:
    blocks = text_blocks(
        "# Heading\nItem No.\tClassification\n7.\tOpen\n<p>Para <i>x</i></p>\n|---|---|"
    )
    assert [b.text for b in blocks if not b.rows] == ["Heading", "Para x"]
    assert [b.rows for b in blocks if b.rows] == [[["Item No.", "Classification"], ["7.", "Open"]]]


def test_dates_and_times_are_printed_the_uk_way() -> None:
    import datetime as dt

    assert long_date(dt.date(2021, 3, 3)) == "Wednesday 3 March 2021"
    assert clock(dt.time(14, 0)) == "2.00 pm" and clock(dt.time(0, 5)) == "12.05 am"
    assert clock(dt.time(12, 30)) == "12.30 pm"


@pytest.mark.django_db
@pytest.mark.db_both
def test_minutes_not_in_the_record_are_to_follow() -> None:
    from minutebook.record import models as m

    record = build_record()
    m.Minute.objects.filter(meeting=record.held).delete()
    pack = build_pack(save_proposal(record.committee, UPCOMING))
    assert pack.minutes is None
    minutes_item = next(i for i in pack.items if i.kind == "minutes")
    assert minutes_item.description.endswith("held on 13 January 2021. The minutes will follow.")


def test_laying_out_by_passes_gives_the_same_pack(produced: ProducedPack) -> None:
    """The fallback of `render_pack` (numbers written in, laid out until stable) agrees."""
    pack = copy.deepcopy(produced.pack)
    for item in pack.items:
        item.pages = ""
    rendered = _render_by_passes(pack)
    assert [i.pages for i in pack.items] == [i.pages for i in produced.pack.items]
    assert rendered.html == produced.html
    assert rendered.page_count == produced.page_count
