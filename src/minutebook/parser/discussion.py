"""The minuted discussion of an item: its text without resolutions, labels or furniture,
with the lines of each paragraph joined again.

Text from PDF, hard-wrapped markdown or e-mail breaks every paragraph at the width of
its page: "The meeting" / "expressed its condolences ...", "accommo-" / "dation". A
line joins the one before it when it continues it: it starts in lower case, or the line
before stops mid-sentence at the full width of the text (a short line that stops
without a full stop is a heading, and stays apart). Numbered and bulleted lines, table
rows and lines after a blank start paragraphs of their own (a paragraph broken by a
page break still joins when it goes on in lower case). Words broken at a hyphen are
rejoined, as in report paragraphs (`lines.join_wrapped`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from minutebook.parser.lines import Line, join_wrapped
from minutebook.parser.minute_items import INLINE_MINUTE
from minutebook.parser.report_text import BULLET, NUMBERING, ends_sentence, starts_lower


@dataclass(frozen=True)
class DiscussionSettings:
    # A line that stops mid-sentence is wrapped when it is at least this share of the
    # text's width (the longest lines of the minutes, below).
    wrapped_share: float = 0.75
    # The text's width: the length that this share of the minutes' lines reach or pass
    # (a high quantile, so that one overlong line, a run-together row, does not set it).
    width_quantile: float = 0.9
    # Below this width the text is not hard-wrapped (short lines, a list): no line
    # joins the one before by its width alone.
    min_width: int = 50
    # A line this much longer than the width is a paragraph of unwrapped text (a web
    # page's), which ends where its line ends, not a wrapped line.
    max_overrun: float = 1.2

    def __post_init__(self) -> None:
        if not 0 < self.wrapped_share <= 1 or not 0 < self.width_quantile <= 1:
            raise ValueError("wrapped_share and width_quantile must be in (0, 1]")
        if self.min_width < 1:
            raise ValueError("min_width must be positive")
        if self.max_overrun < 1:
            raise ValueError("max_overrun must be at least 1")


SETTINGS: Final = DiscussionSettings()

MINUTES_MARKER: Final = re.compile(r"^minutes\s*:?$", re.IGNORECASE)
# Web-page furniture left between minutes: link labels, table pipes, a lone mark.
_FURNITURE: Final = re.compile(
    r"(?i)^(?:(?:additional|supporting)\s+documents\s*:?|[|\s]+|[*•·]+|"
    # A page number left inside an item by PDF text ("Page 1 of 2", "- 3 -").
    r"page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|[-–]\s*\d{1,4}\s*[-–])$"
)
_LEADING_LABEL: Final = re.compile(r"(?i)^(?:additional|supporting)\s+documents\s*:\s*")


def text_width(texts: Sequence[str], settings: DiscussionSettings = SETTINGS) -> int:
    """The width of hard-wrapped text: the length a high quantile of its lines reach."""
    lengths = sorted(len(t) for t in texts if t)
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * settings.width_quantile))]


def _has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _opens_paragraph(text: str, row: bool) -> bool:
    return row or bool(NUMBERING.match(text)) or bool(BULLET.match(text))


def continues(
    previous: str,
    text: str,
    *,
    gap: bool,
    width: int,
    settings: DiscussionSettings = SETTINGS,
) -> bool:
    """Whether `text` goes on with the paragraph whose last line is `previous` (both
    plain, neither a table row nor opening a numbered or bulleted paragraph)."""
    if gap:  # a blank line (or a page break) between: only a sentence going on
        return not ends_sentence(previous) and starts_lower(text)
    if starts_lower(text):
        return True
    if width < settings.min_width or not _has_words(previous) or not _has_words(text):
        return False  # (a rule across the page, "_____", is no line of a sentence)
    size = len(previous)
    wide = settings.wrapped_share * width <= size <= settings.max_overrun * width
    return wide and not ends_sentence(previous)


def discussion_text(
    lines: Sequence[Line],
    plains: dict[int, str],
    used: set[int],
    width: int,
    settings: DiscussionSettings = SETTINGS,
) -> str:
    """The minuted text of an item: its lines without resolutions, the "Minutes:"
    label, web-page furniture, or the title a web-page row prints before it; one
    paragraph a line."""
    paragraphs: list[list[str]] = []
    last_row = True  # nothing before the first line to join
    gap = False
    for ln in lines:
        t = plains[ln.number]
        if not t or ln.number in used or MINUTES_MARKER.match(t) or _FURNITURE.match(t):
            gap = True
            continue
        if "inutes:" in t and (m := INLINE_MINUTE.match(t)) is not None:
            t = m["rest"].strip()
        t = _LEADING_LABEL.sub("", t)
        if not t:
            continue
        row = "\t" in ln.text.strip()
        if (
            paragraphs
            and not last_row
            and not _opens_paragraph(t, row)
            and continues(paragraphs[-1][-1], t, gap=gap, width=width, settings=settings)
        ):
            paragraphs[-1].append(t)
        else:
            paragraphs.append([t])
        last_row, gap = row, False
    return "\n".join(join_wrapped(p) for p in paragraphs)
