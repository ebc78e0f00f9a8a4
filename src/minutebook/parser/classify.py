"""Classifying a run of lines that carries no document heading, by its content.

Signs of each kind ("Present:", "RESOLVED", "(Pages 5 - 20)", "Report of:",
"Financial implications", "Decision No:") are counted; a block with three report
header labels is a report; a work programme's title makes a work plan.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.lines import Line
from minutebook.parser.models import DocumentKind, DocumentSubkind
from minutebook.parser.patterns import rx
from minutebook.parser.report_text import short_text_cache
from minutebook.parser.workplan import WORK_PLAN, work_plan_title


# Segmentation looks at each line several times (starts, classification, trimming).
@short_text_cache
def _plain(text: str) -> str:
    """Line text without markdown/HTML emphasis: "<b>Item No.</b>" -> "Item No."."""
    if (
        "<" not in text
        and "*" not in text
        and "_" not in text
        and "#" not in text
        and ">" not in text
    ):
        return text.strip()
    text = rx(r"</?[a-zA-Z][^>]*>").sub("", text)
    return text.replace("**", "").replace("__", "").lstrip("#> ").strip()


DECISION_NOTICE: Final = re.compile(
    r"\b(?:record\s+of\s+(?:the\s+)?(?:executive\s+|officer\s+|key\s+|cabinet\s+)?decisions?|"
    r"decision\s+notice|notice\s+of\s+(?:key\s+)?decisions?|decision\s+record)\b",
    re.IGNORECASE,
)
_DECISION_FIELD: Final = re.compile(
    r"(?m)^[ \t]*decision\s+(?:no|number|ref)\b|decision\s+(?:to\s+be\s+)?taken\s+by"
)
_FRONT_SHEET: Final = re.compile(r"(?m)\n[ \t]*membership\s*:?[ \t]*$|summoned\s+to\s+attend")
# Content signs of each kind, for text with no document heading: (kind, a word the
# sign must contain, pattern). Patterns run on lower-cased text after a "\n", so
# that a line start is the literal "\n" (much faster to search for than "^").
_CONTENT_PATTERNS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (kind, keyword, re.compile(pattern, re.M))
    for kind, keyword, pattern in (
        ("minutes", "minutes", r"\n[ \t]*minutes\s*:?[ \t]*$"),
        ("minutes", "present", r"\n[^\w\n]*present\s*:"),
        # "Attendees:" (minutes typed in Word), "Virtual School Governing Body – Minutes".
        ("minutes", "attendees", r"\n[^\w\n]*attendees\s*:"),
        ("minutes", "minutes", r"\n[^\n]{3,80}\s[-–—]\s*minutes[ \t]*$"),
        ("minutes", "resolved", r"\bresolved\b"),
        (
            "minutes",
            "apologies",
            r"apologies\s+(?:for\s+absence\s+)?(?:were|was)\s+(?:received|submitted|reported)",
        ),
        ("minutes", "held", r"\bminutes\s+of\s+(?:a|the)\s+meeting\s+(?:of\s+[^\n]{0,80}?\s)?held"),
        ("minutes", "meeting", r"\bmeeting\s+(?:ended|closed)\s+at\b"),
        ("minutes", "agreed", r"\bit\s+was\s+agreed\b"),
        ("minutes", "declarations", r"there\s+were\s+no\s+declarations"),
        ("agenda", "", r"\n[ \t]*(?:order\s+of\s+business|agenda)[ \t]*$"),
        ("agenda", "summoned", r"\bsummoned\s+to\s+attend\b"),
        ("agenda", "membership", r"\n[ \t]*membership\s*:?[ \t]*$"),
        ("agenda", "page", r"\(pages?\s+\d"),
        ("agenda", "to ", r"\n[ \t]*to\s+(?:receive|approve|consider|note)\b"),
        (
            "report",
            "recommendation",
            r"\n[^\w\n]*(?:\d+(?:\.\d+)*\.?\s+)?recommendations?[^\w\n]*$",
        ),
        (
            "report",
            "",
            r"\n[^\w\n]*(?:\d+(?:\.\d+)*\.?\s+)?(?:background|purpose|summary|executive\s+summary)"
            r"(?:\s+of\s+report)?[^\w\n]*$",
        ),
        (
            "report",
            ":",
            r"\n[^\w\n]*(?:subject|report\s+of|wards?\s+affected|key\s+decision|contact\s+officer|by)\s*:",
        ),
        ("report", "report", r"\breport\s+(?:of|by|author)\b"),
        ("report", "implications", r"\n[^\w\n]*(?:financial|legal)\s+implications\b"),
    )
)


# The labels of a report's header block ("Report of:", "Ward(s) affected:",
# "Classification:", "Is this a key decision?"). Searched anywhere in the text:
# text extracted from some PDFs glues the labels to the values around them.
# Each with words of which every match holds one: a head without them is not searched.
_REPORT_LABELS: Final = tuple(
    (words, re.compile(p))
    for words, p in (
        (("report",), r"report\s+(?:of|to|from|by|author)\s*:"),
        (("ward",), r"wards?\s*(?:\(s\))?\s*(?:affected)?\s*:"),
        (("classification",), r"classification\s*:"),
        (("title",), r"title\s*:"),
        (("decision",), r"key\s+decision\s*[:?]"),
        (("officer",), r"(?:contact|lead|responsible)\s+officer\s*:"),
        (("summary",), r"executive\s+summary\s*:"),
        (("recommendation",), r"recommendations?\s*:"),
        (("member", "holder"), r"(?:cabinet|portfolio)\s+(?:member|holder)\s*:"),
        (("meeting",), r"meeting\s+name\s*:"),
    )
)
# Labels that letters and notices carry too: they count once, and only with
# report labels beside them.
_WEAK_REPORT_LABELS: Final = re.compile(r"(?:\n|\b)(?:date|from|subject|meeting)\s*:")


def _report_header_labels(text: str) -> bool:
    """Three or more report-header labels in the head of an unheaded text."""
    head = text[:6000]
    strong = sum(
        1 for words, label in _REPORT_LABELS if any(w in head for w in words) and label.search(head)
    )
    return strong >= 2 and strong + (1 if _WEAK_REPORT_LABELS.search(head) else 0) >= 3


# A pattern that opens with r"\b" gives the regex engine no literal to skip to, so it
# tries every position: such patterns are searched without it, the boundary checked after.
_CONTENT_SEARCHES: tuple[tuple[str, str, re.Pattern[str], re.Pattern[str] | None], ...] = tuple(
    (
        kind,
        keyword,
        pattern,
        re.compile(pattern.pattern[2:], pattern.flags)
        if pattern.pattern.startswith(r"\b") and pattern.pattern[2:3].isalpha()
        else None,
    )
    for kind, keyword, pattern in _CONTENT_PATTERNS
)
_WORD_CHAR: Final = re.compile(r"\w")


def _search_after_boundary(rest: re.Pattern[str], text: str) -> bool:
    """Whether r"\b" + `rest` (which starts with a letter) matches somewhere in `text`."""
    m = rest.search(text)
    while m is not None:
        at = m.start()
        if at == 0 or _WORD_CHAR.match(text, at - 1) is None:
            return True
        m = rest.search(text, at + 1)
    return False


def classify_text(lines: Sequence[Line]) -> tuple[DocumentKind, DocumentSubkind]:
    """Kind of a run of lines that carries no document heading, by its content."""
    # Lower-cased and capped: case-insensitive searches over long blocks are slow.
    squashed = [" ".join(_plain(ln.text).split()) for ln in lines[:400]]
    text = "\n".join(squashed)[:40_000].lower()
    head = "\n".join(squashed[:25]).lower()
    if "decision" in head and (DECISION_NOTICE.search(head) or _DECISION_FIELD.search(head)):
        return "decision", "decision_notice"
    # Titled as a work programme or forward plan (under the committee's name, perhaps).
    if work_plan_title(squashed[:6]) is not None:
        return "report", "work_plan"
    scores = {"minutes": 0, "agenda": 0, "report": 0}
    lined = "\n" + text
    if _report_header_labels(text):
        return ("report", "work_plan") if WORK_PLAN.search(head) else ("report", "report")
    for kind, keyword, pattern, rest in _CONTENT_SEARCHES:
        # The substring test is far cheaper than the search, and most texts fail it.
        if keyword in text and (
            _search_after_boundary(rest, lined) if rest is not None else pattern.search(lined)
        ):
            scores[kind] += 1
    best = max(scores, key=lambda k: scores[k])
    if scores[best] == 0:
        return "other", "other"
    if best == "minutes":
        return "minutes", "minutes"
    if best == "agenda":
        if _FRONT_SHEET.search(lined):
            return "agenda", "front_sheet"
        return "agenda", "order_of_business"
    if WORK_PLAN.search(head):
        return "report", "work_plan"
    return "report", "report"
