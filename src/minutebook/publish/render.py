"""Turning a `Pack` into accessible HTML and a PDF (WeasyPrint), with real page numbers.

The order of business prints, for each item, the pages of the pack that hold
its papers ("9 - 18"). Those depend on layout. The PDF is laid out once: its
page cells are CSS `target-counter()`s pointing at the first paper of the item
and at an empty marker closing its last paper, which WeasyPrint resolves while
paginating. The same layout's anchors give the numbers written into the HTML
version, so both versions point at the same pages. Should a closing marker not
sit on its paper's last page (a layout the check below catches), the pack falls
back to writing the numbers in and laying it out again until they are stable.
"""

from __future__ import annotations

from dataclasses import dataclass

import weasyprint
from django.template.loader import render_to_string

from minutebook.publish.pack import Pack, PackItem

PACK_TEMPLATE = "publish/pack.html"
MINUTES_TEMPLATE = "publish/minutes_template.html"
MAX_LAYOUT_PASSES = 4
# The id of the empty marker closing a paper is its anchor plus this.
END_SUFFIX = "-end"


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
    return [anchor for item in pack.items for anchor in _item_anchors(pack, item)]


def _item_anchors(pack: Pack, item: PackItem) -> list[str]:
    """Anchors of an item's papers: the minutes it approves, then its reports."""
    anchors = [r.anchor for r in item.reports]
    if item.kind == "minutes" and pack.minutes is not None:
        anchors.insert(0, pack.minutes.anchor)
    return anchors


def _first_pages(document: weasyprint.document.Document) -> dict[str, int]:
    """Index of the PDF page on which each anchor first appears."""
    first_page: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            first_page.setdefault(anchor, index)
    return first_page


def _page_ranges(pack: Pack, document: weasyprint.document.Document) -> dict[str, tuple[int, int]]:
    """Pack page numbers (first, last) of each paper, counted from the first paper's page.

    A paper ends on the page before the next one starts (papers start on a new page).
    """
    first_page = _first_pages(document)
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
        spans = [ranges[a] for a in _item_anchors(pack, item) if a in ranges]
        pages = _pages_text(min(s[0] for s in spans), max(s[1] for s in spans)) if spans else ""
        if pages != item.pages:
            item.pages = pages
            changed = True
    return changed


def _set_page_refs(pack: Pack) -> None:
    """Point each item's page cell at its first paper and at the end of its last one."""
    for item in pack.items:
        anchors = _item_anchors(pack, item)
        item.page_refs = (anchors[0], anchors[-1] + END_SUFFIX) if anchors else None


def _end_pages_agree(pack: Pack, document: weasyprint.document.Document) -> bool:
    """True when each paper's closing marker is on the paper's last page.

    The target-counters print the marker's page as the item's last page, while the
    HTML's numbers come from `_page_ranges`: the two must give the same numbers.
    """
    first_page = _first_pages(document)
    ranges = _page_ranges(pack, document)
    for anchor, (first, last) in ranges.items():
        end = first_page.get(anchor + END_SUFFIX)
        if end is None or end - first_page[anchor] != last - first:
            return False
    return True


def _render_by_passes(pack: Pack) -> RenderedPack:
    """The fallback: write the numbers in and lay out again until they are stable."""
    for _ in range(MAX_LAYOUT_PASSES):
        html = render_to_string(PACK_TEMPLATE, {"pack": pack})
        document = weasyprint.HTML(string=html).render()
        if not _assign_pages(pack, _page_ranges(pack, document)):
            return RenderedPack(html=html, document=document)
    raise PackLayoutError("the page numbers of the order of business did not settle")


def render_pack(pack: Pack) -> RenderedPack:
    """Lay the pack out once and fill in the order of business's page numbers."""
    _set_page_refs(pack)
    for item in pack.items:
        item.pages = ""
    layout_html = render_to_string(PACK_TEMPLATE, {"pack": pack, "page_refs": True})
    document = weasyprint.HTML(string=layout_html).render()
    if not _end_pages_agree(pack, document):
        return _render_by_passes(pack)
    _assign_pages(pack, _page_ranges(pack, document))
    html = render_to_string(PACK_TEMPLATE, {"pack": pack})
    return RenderedPack(html=html, document=document)


def render_minutes_template(pack: Pack) -> str:
    """The minutes template: heading, expected attendance, one section per agenda item."""
    return render_to_string(MINUTES_TEMPLATE, {"pack": pack})
