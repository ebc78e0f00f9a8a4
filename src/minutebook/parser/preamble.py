"""The preamble of minutes: minuted text that belongs to no item.

Between the attendance and the first item many minutes record something the
meeting did before its business: a petition presented, the procedure of a
hearing explained, a note about the webcast or a minute's silence. It is kept
as the minutes' `preamble` (its prose paragraphs), not dropped. Headings, labels,
attendance lists and table headers stay out: only paragraphs that read as
sentences (ten words or more, ending with a full stop, mostly lower-case words)
are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.attendance_labels import match_label
from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import Attendee, Span

_WORD: Final = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _is_prose(text: str) -> bool:
    if "\t" in text or not text.rstrip().endswith((".", "!", "?")):
        return False
    words = _WORD.findall(text)
    if len(words) < 10:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return lower * 2 >= len(words)


def extract_preamble(
    region: Sequence[Line], texts: Sequence[str], attendance: Sequence[Attendee]
) -> tuple[str, Span | None]:
    """The prose paragraphs of `region` (the lines before the first item, with
    their plain `texts`) after the last line the attendance was read from."""
    if not region:
        return "", None
    first, last = region[0].number, region[-1].number
    after = first
    for a in attendance:
        if first <= a.span.last_line <= last:
            after = max(after, a.span.last_line + 1)
    kept: list[tuple[list[Line], list[str]]] = []
    run: list[Line] = []
    run_texts: list[str] = []
    for k in range(len(region) + 1):
        t = texts[k] if k < len(region) else ""
        if t and region[k].number >= after:
            run.append(region[k])
            run_texts.append(t)
            continue
        if run and not match_label(run_texts[0]) and _is_prose(" ".join(run_texts)):
            kept.append((run, run_texts))
        run, run_texts = [], []
    if not kept:
        return "", None
    text = "\n".join(" ".join(ts) for _, ts in kept)
    return text, span_of([kept[0][0][0], kept[-1][0][-1]])
