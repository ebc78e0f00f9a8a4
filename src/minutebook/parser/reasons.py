"""Reasons for a decision printed with a minute: "REASONS FOR DECISION – text",
or a "Reasons for decisions:" label over a numbered list.

Modern.gov issue pages print an item's decision block (RESOLVED, then its
reasons) and, again, the minutes; the reasons may appear in either or both. They
are kept once, in the item's `reasons`, and out of its discussion, whatever the
layout.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.lines import Line

_LABEL: Final = re.compile(
    r"(?i)^reasons?\s+for\s+(?:the\s+)?(?:decisions?|recommendations?)\b\s*[:\-–—]*\s*(?P<rest>.*)$"
)
# A paragraph of a list: "(1) ...", "1. ...", "a) ...", "• ...".
_LIST_ENTRY: Final = re.compile(r"^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\([ivx]{1,4}\)|[•·\-–*])\s+\S")


def item_reasons(body: Sequence[Line], plains: dict[int, str]) -> tuple[str, set[int]]:
    """The reasons of an item (each block's text once, in order) and their lines."""
    texts = [plains.get(ln.number, "") for ln in body]
    found: list[str] = []
    used: set[int] = set()
    k = 0
    while k < len(body):
        t = texts[k]
        m = _LABEL.match(t) if t[:6].lower() == "reason" else None
        if m is None:
            k += 1
            continue
        used.add(body[k].number)
        paragraphs: list[str] = []
        j = k + 1
        if m["rest"]:
            # "REASONS FOR DECISION – text": the paragraph that follows the label.
            paragraph = [m["rest"]]
            while j < len(body) and texts[j]:
                paragraph.append(texts[j])
                used.add(body[j].number)
                j += 1
            paragraphs.append(" ".join(paragraph))
        else:
            # A label alone over its list: the list's entries (or one paragraph).
            while j < len(body):
                if not texts[j]:
                    j += 1
                    continue
                if paragraphs and not _LIST_ENTRY.match(texts[j]):
                    break
                if not paragraphs and not _LIST_ENTRY.match(texts[j]):
                    paragraph = []
                    while j < len(body) and texts[j]:
                        paragraph.append(texts[j])
                        used.add(body[j].number)
                        j += 1
                    paragraphs.append(" ".join(paragraph))
                    break
                paragraphs.append(texts[j])
                used.add(body[j].number)
                j += 1
        for p in paragraphs:
            if p not in found:
                found.append(p)
        k = j
    return "\n".join(found), used
