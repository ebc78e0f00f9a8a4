"""Running footers of minutes printed without form feeds.

PDF text of minutes often carries a page's footer inline: the committee's name,
the page number and the meeting's date on three lines ("Development Committee",
"1", "10 November 2011"). Footers repeated on every page are removed when the
text is read; this finds one printed only once (a short excerpt, the first page):
a bare page number next to a line that is just the committee's name or the
meeting's date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.dates import find_dates

_PAGE_NUMBER: Final = re.compile(r"(?i)^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$")


def _is_furniture(text: str, committee: str | None, date: str | None) -> bool:
    if committee and text.lower() == committee.lower():
        return True
    if date is None or len(text) > 40 or not any(c.isdigit() for c in text):
        return False
    found = find_dates(text)
    # The date alone, perhaps after its weekday ("Thursday, 10 November 2011").
    return bool(found) and found[0][2] == date and len(text) - (found[0][1] - found[0][0]) <= 11


def running_footer(texts: Sequence[str], committee: str | None, date: str | None) -> set[int]:
    """Indexes of `texts` (plain lines, "" for blank) that are a page's footer."""
    out: set[int] = set()
    if committee is None and date is None:
        return out
    numbers: list[tuple[int, list[int]]] = []
    for k, t in enumerate(texts):
        if not t or len(t) > 12 or not _PAGE_NUMBER.match(t):
            continue
        around = [j for j in (k - 1, k + 1) if 0 <= j < len(texts) and texts[j]]
        marked = [j for j in around if _is_furniture(texts[j], committee, date)]
        if marked:
            numbers.append((k, marked))
    # A number between a name and a date first; one beside a single footer line only
    # when that line is not already another number's footer ("Against / 2 / <footer>").
    for k, marked in sorted(numbers, key=lambda n: -len(n[1])):
        if len(marked) == 2 or not out.intersection(marked):
            out.add(k)
            out.update(marked)
    return out
