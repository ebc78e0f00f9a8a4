"""Adapter for Modern.gov HTML pages ("Agenda, decisions and minutes", mgAi, issue pages).

Modern.gov wraps the meeting in site chrome (navigation, breadcrumbs, footer)
and follows each linked document with an icon and its size ("pdf icon
PDF 71 KB"). The adapter keeps the page's content area and removes that
debris; the normal pipeline then reads the text.
"""

from __future__ import annotations

import re
from typing import Any

NAME = "moderngov-html"

# Content containers of Modern.gov page templates, most specific first.
_CONTENT_SELECTORS = ("#modgov", "div.mgContent", "#mgContent", "main", "#content")
_MARKERS = (
    "mgconvert2pdf.aspx",
    "ielistdocuments.aspx",
    "mgai.aspx",
    "ieissuedetails.aspx",
    'id="modgov"',
    "mgcontent",
)
# "pdf icon PDF 71 KB", "PDF 230 KB", "doc icon DOC 2 MB" left after a link.
_FILE_DEBRIS = re.compile(
    r"\s*\b(?:(?:pdf|doc|docx|xls|xlsx|ppt|pptx)\s+icon\s+)?(?:PDF|DOCX?|XLSX?|PPTX?)\s+\d+(?:\.\d+)?\s*[KM]B\b",
    re.IGNORECASE,
)
_VIEW_DEBRIS = re.compile(
    r"\s*\bView (?:directions|the background to item \S+|the reasons why item \S+ is restricted)\b\.?",
    re.IGNORECASE,
)


def is_moderngov_page(markup_head: str) -> bool:
    low = markup_head.lower()
    return any(marker in low for marker in _MARKERS)


def content_root(soup: Any) -> Any:
    """The element holding the meeting content, or the whole body."""
    for selector in _CONTENT_SELECTORS:
        found = soup.select_one(selector)
        if found is not None and found.get_text(strip=True):
            return found
    return soup.body or soup


def drop_chrome(root: Any) -> None:
    """Remove page furniture that Modern.gov puts inside the content area."""
    for selector in (
        "nav",
        ".mgBreadCrumb",
        ".mgLinks",
        "#mgFooter",
        ".mgFooter",
        "img",
        ".mgHelpLine",
    ):
        for node in root.select(selector):
            node.decompose()


def clean_line(line: str) -> str:
    """Remove file-size and "View ..." link debris from a line of page text."""
    if "KB" in line or "MB" in line or "kb" in line or "mb" in line:
        line = _FILE_DEBRIS.sub("", line)
    if "View" in line or "view" in line:
        line = _VIEW_DEBRIS.sub("", line)
    return line.rstrip()
