"""Turning a `Pack` into accessible HTML and a PDF (WeasyPrint), with real page numbers.

The order of business prints, for each item, the pages of the pack that hold
its papers ("9 - 18"). Those depend on layout, so the pack is laid out, the
pages of each paper are read back from WeasyPrint's anchors, the numbers are
filled in, and the pack is laid out again until the numbers are stable. The
HTML carries the same numbers, so both versions point at the same pages.
"""

from __future__ import annotations

from dataclasses import dataclass

import weasyprint
from django.template.loader import render_to_string

from minutebook.publish.pack import Pack

PACK_TEMPLATE = "publish/pack.html"
MINUTES_TEMPLATE = "publish/minutes_template.html"
MAX_LAYOUT_PASSES = 4


class PackLayoutError(RuntimeError):
    """The page numbers of the order of business did not settle."""


@dataclass(frozen=True)
class RenderedPack:
    html: str
    document: weasyprint.document.Document

    @property
    def page_count(self) -> int:
        return len(self.document.pages)

    def pdf(self) -> bytes:
        return bytes(self.document.write_pdf(pdf_variant="pdf/ua-1"))


def _sections(pack: Pack) -> list[str]:
    """Anchors of the numbered papers, in the order they are printed."""
    out = []
    for item in pack.items:
        if item.kind == "minutes" and pack.minutes is not None:
            out.append(pack.minutes.anchor)
        out += [r.anchor for r in item.reports]
    return out


def _page_ranges(pack: Pack, document: weasyprint.document.Document) -> dict[str, tuple[int, int]]:
    """Pack page numbers (first, last) of each paper, counted from the first paper's page."""
    first_page: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            first_page.setdefault(anchor, index)
    order = [a for a in _sections(pack) if a in first_page]
    if not order:
        return {}
    offset = first_page[order[0]] - 1
    ranges = {}
    for n, anchor in enumerate(order):
        start = first_page[anchor]
        end = first_page[order[n + 1]] - 1 if n + 1 < len(order) else len(document.pages) - 1
        ranges[anchor] = (start - offset, max(start, end) - offset)
    return ranges


def _pages_text(first: int, last: int) -> str:
    # Always a range, as agenda-pack generators print it ("7 - 7"): a lone number at
    # the end of a title would be ambiguous once the table is flattened to text.
    return f"{first} - {last}"


def _assign_pages(pack: Pack, ranges: dict[str, tuple[int, int]]) -> bool:
    """Write each item's page range; True when any of them changed."""
    changed = False
    for item in pack.items:
        anchors = [r.anchor for r in item.reports]
        if item.kind == "minutes" and pack.minutes is not None:
            anchors.insert(0, pack.minutes.anchor)
        spans = [ranges[a] for a in anchors if a in ranges]
        pages = _pages_text(min(s[0] for s in spans), max(s[1] for s in spans)) if spans else ""
        if pages != item.pages:
            item.pages = pages
            changed = True
    return changed


def render_pack(pack: Pack) -> RenderedPack:
    """Lay the pack out and fill in the order of business's page numbers."""
    for _ in range(MAX_LAYOUT_PASSES):
        html = render_to_string(PACK_TEMPLATE, {"pack": pack})
        document = weasyprint.HTML(string=html).render()
        if not _assign_pages(pack, _page_ranges(pack, document)):
            return RenderedPack(html=html, document=document)
    raise PackLayoutError("the page numbers of the order of business did not settle")


def render_minutes_template(pack: Pack) -> str:
    """The minutes template: heading, expected attendance, one section per agenda item."""
    return render_to_string(MINUTES_TEMPLATE, {"pack": pack})
