"""Packs rendered once per test session: WeasyPrint's layout is the slow part of these tests.

The record is built inside the first asking test's transaction, in a savepoint
rolled back as soon as the pack is rendered, so no other test sees it; what the
tests read (the `Pack`, its HTML, PDF and text) is plain data, with no link to
the database.
These fixtures run on SQLite only: layout does not differ between databases, and
the tests marked `db_both` build their own records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pytest
from django.db import transaction
from pytest_django import DjangoDbBlocker

from minutebook.publish.draft import save_proposal
from minutebook.publish.minutes_docx import minutes_template_docx
from minutebook.publish.pack import Pack, build_pack
from minutebook.publish.render import render_minutes_template, render_pack
from tests.publish.records import UPCOMING, build_record

TIMED_ITEM = "INDEPENDENT REVIEWING OFFICERS ANNUAL REPORT"
TIMED_AT = dt.time(19, 10)

# A title too long for one line of the Title column: it wraps in the PDF, as real ones do.
LONG_TITLE = (
    "FEEDBACK FROM INSPECTIONS OF CHILDREN'S SOCIAL CARE AND YOUTH OFFENDING SERVICES "
    "AND THE FOSTERING SERVICE ANNUAL REPORT"
)


@dataclass(frozen=True)
class ProducedPack:
    """One pack as produced: the gathered `Pack`, its HTML and PDF, and the minutes templates."""

    pack: Pack
    html: str
    pdf: bytes
    page_count: int
    minutes_html: str
    minutes_docx: bytes

    def pdf_pages(self) -> list[str]:
        return pdf_pages(self.pdf)


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page of a PDF."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def _produce(long_title: bool) -> ProducedPack:
    record = build_record()
    draft = save_proposal(record.committee, UPCOMING)
    draft.items.filter(title=TIMED_ITEM).update(scheduled_time=TIMED_AT)
    if long_title:
        draft.items.filter(title="FOSTERING SERVICE ANNUAL REPORT").update(title=LONG_TITLE)
    pack = build_pack(draft)
    rendered = render_pack(pack)
    return ProducedPack(
        pack=pack,
        html=rendered.html,
        pdf=rendered.pdf(),
        page_count=rendered.page_count,
        minutes_html=render_minutes_template(pack),
        minutes_docx=minutes_template_docx(pack),
    )


@pytest.fixture(scope="session")
def produce_once(
    django_db_setup: None, django_db_blocker: DjangoDbBlocker
) -> Iterator[Callable[[bool], ProducedPack]]:
    """`produce_once(long_title)`: the test record's pack, rendered on first use only."""
    cache: dict[bool, ProducedPack] = {}

    def produce(long_title: bool) -> ProducedPack:
        if long_title not in cache:
            with django_db_blocker.unblock(), transaction.atomic():
                cache[long_title] = _produce(long_title)
                transaction.set_rollback(True)
        return cache[long_title]

    yield produce


@pytest.fixture
def produced(produce_once: Callable[[bool], ProducedPack], db: None) -> ProducedPack:
    """The test record's pack for 3 March 2021, with one item timed at 7.10pm."""
    return produce_once(False)


@pytest.fixture
def produced_long_title(produce_once: Callable[[bool], ProducedPack], db: None) -> ProducedPack:
    """The same pack with item 6 renamed to a title that wraps in the order of business."""
    return produce_once(True)
