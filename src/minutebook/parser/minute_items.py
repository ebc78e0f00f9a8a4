"""Where each minute item starts: its number and title.

Items are found in all the numbering forms of UK minutes: "1. TITLE", "84.  Title"
with "(Item 1)" beneath, a number alone on its line with the title below (web
pages), "(139) TITLE", "PLA146/14 Title", "23/45 Title", "4a", "5.1", "(a) Title",
"Minute No. 45/24 – Title", "IV. TITLE"; or, without numbers, web-page rows
"<Title> Minutes: ..." and short heading lines (`item_headings`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from minutebook.parser.dates import find_dates
from minutebook.parser.heading import LINK_DEBRIS, plain
from minutebook.parser.item_headings import heading_lines
from minutebook.parser.lines import Line
from minutebook.parser.patterns import rx
from minutebook.parser.resolutions import find_marker

ITEM_REF_LINE: Final = re.compile(r"^\(\s*item\s+(?P<n>[\w.]+)\s*\)$", re.IGNORECASE)
NUMBER_TITLE: Final = re.compile(
    r"^(?P<num>\d{1,4}[a-z]?)(?:\.?\s+|\.(?=[A-Z]{2}))(?P<title>\S.*)$"
)
NUMBER_ALONE: Final = re.compile(r"^(?P<num>\d{1,4}(?:[a-z]|\.\d{1,2})?)\.?$")
PAREN_NUMBER: Final = re.compile(r"^\((?P<num>\d{1,4})\)\s+(?P<title>\S.*)$")
CODED_NUMBER: Final = re.compile(
    # "23/24/45": a municipal year and the minute's number.
    r"^(?P<num>[A-Z]{1,6}[\s/]?\d{1,4}/\d{1,4}|[A-Z]{2,6}/\d{1,4}[a-z]?|\d{2}/\d{2}/\d{1,4}|"
    r"\d{1,4}/\d{1,4})[.:]?\s+"
    r"(?P<title>\S.*)$"
)
# "ITEM 4 TITLE", "Item 4: Title", "Minute 12 Title", "Agenda Item 3 - Title".
# "Minute No. 45/24 – Title" (the minute's number in the council's year).
WORD_NUMBER: Final = re.compile(
    r"^(?i:(?:agenda\s+)?item|minute)\s+(?:(?i:no)\.?\s*)?"
    r"(?P<num>\d{1,4}(?:/\d{2,4}){0,2}[a-z]?(?:\.\d{1,2})?)"
    r"(?:\s*[.:\-–]\s*|\s+)(?P<title>\S.*)$"
)
LETTER_ITEM: Final = re.compile(r"^\((?P<num>[a-z])\)\s+(?P<title>\S.*)$")
# "IV. INTERNAL AUDIT PROGRESS REPORT": items numbered in capital Roman numerals.
# PDF text of some fonts gives a lower-case "l" for the capital "I" ("l.", "ll.", "lV."):
# read as "I" (`roman_number`); "l" is no numeral of its own.
ROMAN_NUMBER: Final = re.compile(
    r"^(?P<num>(?=[IVXLl])L?X{0,3}(?:[Il]X|[Il]V|V?[Il]{0,3}))[.)]\s+(?P<title>\S.*)$"
)
_ROMAN_VALUES: Final = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_number(numeral: str) -> str:
    """A Roman numeral as printed: "l" (a capital I in PDF text of some fonts) is "I"."""
    return numeral.replace("l", "I") if "l" in numeral else numeral


def roman_value(numeral: str) -> int | None:
    """The value of a capital Roman numeral ("XIV" -> 14), None if it is not one."""
    if not numeral or any(c not in _ROMAN_VALUES for c in numeral):
        return None
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


@dataclass(slots=True)
class _ItemStart:
    index: int  # index of the first body line
    head: int  # index of the first heading line
    number: str | None
    title: str


def _upper_ratio(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _title_like(title: str) -> bool:
    t = title.strip()
    if not t or len(t) > 200 or not (t[0].isupper() or t[0].isdigit() or t[0] in "'‘\""):
        return False
    upper = _upper_ratio(t) >= 0.6
    if upper:
        return True
    if rx(
        r"(?i)(?:that|to|it|this|these|there|he|she|they|we|i|in response|resolved|agreed)\b"
    ).match(t):
        return False
    return not t.endswith((".", ";", ",", ":")) or len(t) < 40


def _num_value(number: str) -> int | None:
    m = rx(r"\d+").match(number)
    return int(m.group(0)) if m else roman_value(number)


_DIGITS: Final = re.compile(r"\d+")


def _follows(previous: str | None, number: str) -> bool:
    """Whether `number` can be the item after `previous`: "5" after "4", "4a" after
    "4", "25/02" after "25/01", "CP/23/12" after "CP/23/11", "PLA147/14" after "PLA146/14"."""
    if previous is None:
        return True
    if "/" in number or "/" in previous:
        a, b = _DIGITS.findall(previous), _DIGITS.findall(number)
        if len(a) != len(b) or _DIGITS.sub("", previous) != _DIGITS.sub("", number):
            return False
        steps = [int(y) - int(x) for x, y in zip(a, b, strict=True)]
        return sum(1 for d in steps if d) == 1 and any(0 < d <= 3 for d in steps)
    value, last = _num_value(number), _num_value(previous)
    if value is None or last is None:
        return False
    return 0 < value - last <= 3 or (value == last and number[-1:].isalpha())


def _clean_title(text: str) -> str:
    text = plain(text)
    if "PDF" in text or "pdf" in text:
        text = LINK_DEBRIS.sub("", text)
    return text.strip(" .:;,-–")


def _full_width(texts: Sequence[str]) -> int:
    """The length of a full line of the text (most lines of prose are about this long)."""
    lengths = sorted(len(t) for t in texts if len(t) > 20)
    return lengths[int(len(lengths) * 0.9)] if len(lengths) >= 10 else 10**6


def _wrapped_title(texts: Sequence[str], i: int, title: str, body: int) -> tuple[str, int]:
    """A heading wrapped over the next lines of PDF text: the heading line runs to
    the full width, unfinished, and the next line goes on in lower case (or, after
    a full-width line, goes on until a short line ends the heading)."""
    line = texts[i]
    if i + 1 >= len(texts) or not texts[i + 1] or line.endswith((".", ":", ";")):
        return title, body  # most headings: a blank line or a finished sentence follows
    width = _full_width(texts)
    k = i + 1
    parts = [title]
    while (
        k < len(texts)
        and k - i <= 3
        and texts[k]
        and len(line) >= 0.85 * width
        and not line.endswith((".", ":", ";"))
        and (texts[k][:1].islower() or k > i + 1)
        and not NUMBER_TITLE.match(texts[k])
        and len(texts[k]) <= 200
    ):
        parts.append(texts[k])
        line = texts[k]
        k += 1
    nxt = texts[k] if k == i + 1 else ""
    if nxt and _upper_ratio(title) >= 0.8 and _upper_ratio(nxt) >= 0.8 and len(nxt) <= 80:
        # A heading in capitals goes on in capitals on the next line ("... AT" /
        # "ELDERPARK WORKSPACE."), whatever the width.
        numbered = (
            NUMBER_TITLE,
            NUMBER_ALONE,
            PAREN_NUMBER,
            CODED_NUMBER,
            WORD_NUMBER,
            LETTER_ITEM,
            ROMAN_NUMBER,
        )
        if not any(p.match(nxt) for p in numbered) and not find_marker(nxt):
            parts.append(nxt)
            k += 1
    if k == i + 1:
        return title, body
    return _clean_title(" ".join(parts)), k


# The first characters that the item patterns can start with (WORD_NUMBER ignores case,
# and then "İ" and "ı" match "i"); CODED_NUMBER also needs a "/".
_ITEM_FIRST: Final = frozenset("(aAiImMVXLl\u0130\u0131")


def _may_number_an_item(text: str) -> bool:
    """False when no item pattern (NUMBER_ALONE, NUMBER_TITLE, PAREN_NUMBER, CODED_NUMBER,
    WORD_NUMBER, LETTER_ITEM, ROMAN_NUMBER) can match `text`: a cheap test before the regexes."""
    first = text[:1]
    return first.isdigit() or first in _ITEM_FIRST or ("A" <= first <= "Z" and "/" in text)


def _starts_with_date(text: str) -> bool:
    dates = find_dates(text[:40])
    return bool(dates) and dates[0][0] == 0


# The head of a minutes table's column of who acts on each minute ("Action by",
# "Responsible officer", "Lead"): what it holds is no part of a title or of the text.
_ACTION_HEAD: Final = re.compile(
    r"(?i)(?:actions?(?:\s+(?:by|owner|required))?|responsib(?:le|ility)(?:\s+officers?)?|"
    r"lead(?:\s+officers?)?|owners?|by\s+whom)\W*"
)
_HEAD_CELL_WORDS: Final = 3  # the other cells of such a head row are short column names


def _action_column(cells: Sequence[str]) -> int | None:
    """The position of the action column when `cells` are the head row of a minutes
    table ("Minute | Subject | Action by"), else None."""
    named = [(k, c.strip()) for k, c in enumerate(cells) if c.strip()]
    if len(named) < 2 or not _ACTION_HEAD.fullmatch(named[-1][1]):
        return None
    if any(len(c.split()) > _HEAD_CELL_WORDS or any(ch.isdigit() for ch in c) for _, c in named):
        return None
    return named[-1][0]


def without_action_column(lines: Sequence[Line]) -> list[Line]:
    """`lines` with the cells of a minutes table's action column left out, from its head
    row on (the head row itself made blank): "AG/34 | Internal Audit Progress Report |
    Audit Manager" is the item "Internal Audit Progress Report", and "RESOLVED that the
    plan be agreed. | Committee Officer" decides no "Committee Officer"."""
    out = list(lines)
    column: int | None = None
    for k, ln in enumerate(lines):
        if "\t" not in ln.text:
            continue
        cells = ln.text.split("\t")
        if column is None:
            column = _action_column(cells)
            if column is not None:
                out[k] = Line(ln.number, "", ln.page)  # the head row names columns
            continue
        if len(cells) > column > 0 and cells[column].strip():
            out[k] = Line(ln.number, "\t".join(cells[:column] + cells[column + 1 :]), ln.page)
    return out


def find_items(lines: Sequence[Line], texts: Sequence[str] | None = None) -> list[_ItemStart]:
    """Where each minute item starts, with its number and title (`texts`: the lines
    already through `plain`, "" for blank ones)."""
    if texts is None:
        texts = [plain(ln.text) if not ln.is_blank else "" for ln in lines]
    starts: list[_ItemStart] = []
    if sum(1 for t in texts if t[:1] == "(" and ITEM_REF_LINE.match(t)) >= 2:
        # Layout with "(Item N)" under each title: the title is the block above it.
        for i, t in enumerate(texts):
            m = ITEM_REF_LINE.match(t)
            if not m:
                continue
            j = i - 1
            # PDF text may put blank lines, or a page break with its lone page
            # number, between the title and "(Item N)".
            while j >= 0 and i - j <= 6 and (not texts[j] or rx(r"\d{1,4}").fullmatch(texts[j])):
                j -= 1
            head: list[str] = []
            while j >= 0 and texts[j] and len(head) < 3 and not rx(r"\d{1,4}").fullmatch(texts[j]):
                head.insert(0, texts[j])
                j -= 1
            if not head:
                continue
            number: str | None = m["n"]
            first = NUMBER_TITLE.match(head[0])
            if first:
                number = first["num"]
                head[0] = first["title"]
            starts.append(_ItemStart(i + 1, j + 1, number, _clean_title(" ".join(head))))
        return starts
    last: int | None = None
    last_number: str | None = None
    in_resolution = False
    for i, t in enumerate(texts):
        if not t:
            continue
        if find_marker(t):
            in_resolution = True
            continue
        candidate: tuple[str, str, int] | None = None  # number, title, body start
        if not _may_number_an_item(t):
            continue
        if t[:1].isdigit() and _starts_with_date(t):
            continue  # "12 March 2026": the meeting's date, not item 12
        m = NUMBER_ALONE.match(t)
        if m:
            k = i + 1
            while k < len(texts) and not texts[k]:
                k += 1
            if (
                k < len(texts)
                and _title_like(_clean_title(texts[k]))
                and not NUMBER_ALONE.match(texts[k])
            ):
                candidate = (m["num"], _clean_title(texts[k]), k + 1)
        for pattern in (
            NUMBER_TITLE,
            PAREN_NUMBER,
            CODED_NUMBER,
            WORD_NUMBER,
            LETTER_ITEM,
            ROMAN_NUMBER,
        ):
            if candidate:
                break
            m2 = pattern.match(t)
            if not m2:
                continue
            title = _clean_title(m2["title"])
            agenda_wording = (
                # Parish minutes keep the agenda's wording: "25/01 To receive apologies".
                pattern in (CODED_NUMBER, WORD_NUMBER) or not in_resolution
            ) and AGENDA_DESCRIPTION.match(title) is not None
            if not agenda_wording and not _title_like(LINK_DEBRIS.sub("", plain(m2["title"]))):
                continue
            number = roman_number(m2["num"]) if pattern is ROMAN_NUMBER else m2["num"]
            upper = _upper_ratio(title) >= 0.6
            follows = _follows(last_number, number)
            if pattern is LETTER_ITEM:
                follows = not in_resolution
            elif pattern is WORD_NUMBER:
                upper = True  # "Item 4" says it is an item
            if in_resolution and follows and not upper and pattern is not LETTER_ITEM:
                # After a decision, a numbered line is the next item only when it
                # reads as a heading: after a blank line, short, no closing stop.
                upper = (
                    i > 0
                    and not texts[i - 1]
                    and len(title) <= 100
                    and not (title.endswith((".", ";", ",", ":")))
                )
            if in_resolution and upper and not follows:
                follows = _restarted(starts, title, texts, i)
            if (upper or follows) if not in_resolution else (upper and follows):
                candidate = (number, title, i + 1)
        if candidate:
            number, title, body = candidate
            if body == i + 1:
                title, body = _wrapped_title(texts, i, title, body)
                title = title.rstrip(" .:;,")  # as _clean_title does for one line
            value = _num_value(number)
            if (
                value is not None
                and last is not None
                and value < last - 1
                and "." not in number
                and not number[-1:].isalpha()
                and not _restarted(starts, title, texts, i)
            ):
                # Numbering ran backwards: a numbered paragraph, not an item.
                continue
            starts.append(_ItemStart(body, i, number, title))
            if value is not None:
                last = value
            last_number = number
            in_resolution = False
    return starts or _unnumbered_items(texts)


def _restarted(starts: Sequence[_ItemStart], title: str, texts: Sequence[str], i: int) -> bool:
    """A numbering restart (Word and pandoc lists restart after other text): a title in
    capitals after a blank line, in minutes whose every item title is in capitals."""
    return (
        len(starts) >= 2
        and i > 0
        and not texts[i - 1]
        and _upper_ratio(title) >= 0.8
        and all(_upper_ratio(s.title) >= 0.8 for s in starts)
    )


# A web page's row "<Title> Additional documents: Minutes: <the minute>".
INLINE_MINUTE: Final = re.compile(
    r"^(?P<title>[A-Z0-9'‘\"][^|]{2,150}?)\s+(?:Additional\s+documents:\s*)?Minutes:\s*(?P<rest>.*)$"
)
# The agenda's description of an item, printed under its title on web pages.
AGENDA_DESCRIPTION: Final = re.compile(
    r"^To\s+(?:receive|consider|note|approve|agree|review|discuss|elect|appoint|confirm|"
    r"determine|decide|report|scrutinise|comment)\b"
)


def _unnumbered_items(texts: Sequence[str]) -> list[_ItemStart]:
    """Items of minutes that print no numbers (web pages): a row "<Title> Minutes:
    <minute>", or a short title line followed by the agenda's "To receive ..."."""
    starts: list[_ItemStart] = []
    for i, t in enumerate(texts):
        if not t or "inutes:" not in t:
            continue
        m = INLINE_MINUTE.match(t)
        if m and _title_like(_clean_title(m["title"])):
            starts.append(_ItemStart(i, i, None, _clean_title(m["title"])))
    if len(starts) >= 2:
        return starts
    starts = []
    nonblank = [i for i, t in enumerate(texts) if t]
    for k, i in enumerate(nonblank[:-1]):
        nxt = texts[nonblank[k + 1]]
        if not nxt.startswith("To "):
            continue
        t = _clean_title(texts[i])
        if (
            len(t) <= 120
            and AGENDA_DESCRIPTION.match(nxt)
            and not AGENDA_DESCRIPTION.match(t)
            and _title_like(t.rstrip("."))
        ):
            # The minute starts after the agenda's description ("To receive ...").
            starts.append(_ItemStart(nonblank[k + 1] + 1, i, None, t.rstrip(".")))
    return starts if len(starts) >= 2 else _heading_line_items(texts)


def _heading_line_items(texts: Sequence[str]) -> list[_ItemStart]:
    """Items printed as unnumbered heading lines (see `item_headings`)."""
    return [_ItemStart(i + 1, i, None, texts[i]) for i in heading_lines(texts, _title_like)]
