"""Minutes whose items are unnumbered heading lines.

Some councils print minute items without numbers: a short heading alone on its
line ("Apologies", "Declarations of Interest", "Street Cleansing Review") over
the minute. Found only where minutes have no numbered items, after the
attendance ("Members present: ..."), and only when there are three at least.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from minutebook.parser.attendance_labels import match_label
from minutebook.parser.resolutions import find_marker

_SIGNATURE_WORD: Final = re.compile(r"(?i)^(?:chair(?:man|person)?|signed|dated?|convener)\b")


def heading_lines(texts: Sequence[str], title_like: Callable[[str], bool]) -> list[int]:
    """Indexes of `texts` (plain lines, "" for blank) that are unnumbered item headings:
    each alone between blank lines, short, unfinished, after the attendance."""
    first = next((k for k, t in enumerate(texts) if t and match_label(t)), None)
    if first is None:
        return []
    nonblank = [i for i, t in enumerate(texts) if t]
    last_lines = set(nonblank[-2:])
    found: list[int] = []
    for i in range(first + 1, len(texts) - 1):
        t = texts[i]
        if not t or texts[i - 1] or texts[i + 1] or len(t) > 60 or len(t.split()) > 7:
            continue
        if t.endswith((".", ",", ";", ":")):
            continue
        if i in last_lines and _SIGNATURE_WORD.match(t):
            continue  # the closing "Chairperson" line of the signature
        if title_like(t) and t[:1].isupper() and not find_marker(t):
            found.append(i)
    return found if len(found) >= 3 else []
