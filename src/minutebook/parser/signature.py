"""The signature lines that close a set of minutes.

UK minutes end with lines for the chair to sign when the minutes are approved:
"CHAIR:" / "DATED:" on their own lines, "Signed ......... Chairman  Date ......",
"Chairman: Councillor A Smith" then "Date: 24 January 2024". In published drafts
they are blank; signed copies carry the name and the date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.dates import parse_date
from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import Span
from minutebook.parser.patterns import rx

# A signature label, then a colon, a run of placeholder dots/underscores, or nothing.
_LABEL: Final = re.compile(
    r"^\W{0,3}(?P<label>chair(?:man|person|woman)?|signed(?:\s+by)?|dated?)\b\s*"
    r"(?::-?|(?=[._…]{3})|$)\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_DATE_LABEL: Final = re.compile(r"(?i)\bdated?\b\s*:?")
_PLACEHOLDER: Final = re.compile(r"[._…_\-–—]{2,}|[_…]")
# "(Chair)", "Chairman" printed under or after the signature.
_ROLE_WORD: Final = re.compile(r"(?i)\(?\b(?:vice[\s-]*)?chair(?:man|person|woman)?\b\)?")
_TAIL_LINES: Final = 14


def _name(text: str) -> str | None:
    text = _PLACEHOLDER.sub(" ", text)
    text = _ROLE_WORD.sub(" ", text)
    text = " ".join(text.split()).strip(" ,.:;-–")
    if not rx(r"[A-Za-z]{2}").search(text) or parse_date(text) is not None:
        return None
    return text


def signature(
    lines: Sequence[Line], texts: Sequence[str], start: int
) -> tuple[str | None, str | None, Span | None]:
    """(who signed, the date signed, the span of the signature lines) from the
    lines after `start` (`texts`: the lines without markup, "" for blank ones).
    Nothing is found without a chair's or "Signed" line."""
    name: str | None = None
    date: str | None = None
    used: list[Line] = []
    seen = 0
    chair_at: int | None = None
    for k in range(max(0, start), len(texts)):
        text = texts[k]
        if not text:
            continue
        seen += 1
        if seen > _TAIL_LINES:
            break
        m = _LABEL.match(text) if len(text) < 160 else None
        if m is None:
            continue
        label = m["label"].lower()
        rest = m["rest"]
        if label.startswith("date"):
            if chair_at is None or k - chair_at > 6:
                continue
            date = date or parse_date(rest)
            used.append(lines[k])
            continue
        chair_at = k
        own_date = _DATE_LABEL.search(rest)
        if own_date:
            date = date or parse_date(rest[own_date.end() :])
            rest = rest[: own_date.start()]
        name = name or _name(rest)
        used.append(lines[k])
    if not used or chair_at is None:
        return None, None, None
    return name, date, span_of(used)
