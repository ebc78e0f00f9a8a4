"""Text helpers shared by the report, table, work-plan and letter extractors.

Papers reach us as PDF text (tab-separated cells, space-aligned columns),
markdown with inline HTML (`<b>Item No.</b>`, `<p>` cells, `**bold**`) or
plain text. These helpers remove presentation markup so that the same report
in two layouts yields the same strings; they never change words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import Any, Final, Protocol, TypeVar, cast

from minutebook.parser.dates import find_dates
from minutebook.parser.lines import Line, join_wrapped
from minutebook.parser.patterns import CASE_FOLD_TO_ASCII, ascii_lower

# Inline HTML tags found in papers converted to markdown. Only these names are
# removed, so text such as "<http://www.example.gov.uk>" survives.
_HTML_TAG: Final = re.compile(
    r"</?(?:b|i|u|p|br|strong|em|span|div|sup|sub|font|a|td|tr|th|table|tbody|thead|li|ul|ol|h[1-6])"
    r"\b[^<>]*>",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK: Final = re.compile(r"</p>\s*<p\b[^<>]*>|<br\s*/?>", re.IGNORECASE)
_EMPHASIS: Final = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_MD_HEADING: Final = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ENTITIES: Final = {
    "&amp;": "&",
    "&nbsp;": " ",
    "&lt;": "<",
    "&gt;": ">",
    "&quot;": '"',
    "&#39;": "'",
}
_ENTITY: Final = re.compile("|".join(map(re.escape, _ENTITIES)))
_SPACES: Final = re.compile(r"[ \u00a0]+")
_CELL_SPLIT_SPACES: Final = re.compile(r" {3,}")

# Numbering at the start of a paragraph: "1.", "2.1", "(3)", "a)", "- 4.", "iv."
NUMBERING: Final = re.compile(
    r"^\s*(?:[-*\u2022\u25aa\u25cf]\s+)?"
    r"(?P<num>\(?(?:\d+(?:\.\d+)*|[a-zA-Z]|[ivxlIVXL]{1,5})[.)]|\(\d+\)|\([a-zA-Z]\)|\d+\.\d+(?:\.\d+)*)"
    r"(?=\s)\s*"
)
# Glyphs word processors print as bullets besides "•": arrows (➢ ► ➤), squares and
# diamonds (■ ◆ ♦ ❖), all used for lists of decisions and points as much as "•".
BULLET_GLYPHS: Final = "\u2022\u25aa\u25cf\u25e6\u00b7\u27a2\u25ba\u27a4\u25a0\u25c6\u2666\u2756"
BULLET: Final = re.compile(rf"^\s*(?:[-*\u2013o{BULLET_GLYPHS}])\s+(?=\S)")
TERMINAL: Final = ".!?:;"
# Each stage cleans the same lines again (sections, tables, work plan): remember recent ones.
CLEAN_CACHE_SIZE: Final = 16384
# Only short texts are remembered, so the caches stay small whatever the input.
MAX_CACHED_CHARS: Final = 500
_Result = TypeVar("_Result")
_Result_co = TypeVar("_Result_co", covariant=True)


class CachedByText(Protocol[_Result_co]):
    def __call__(self, text: str, /) -> _Result_co: ...

    def cache_clear(self) -> None: ...


def short_text_cache(fn: Callable[[str], _Result]) -> CachedByText[_Result]:
    """`fn(text)` remembered for the last CLEAN_CACHE_SIZE short texts (lines, cells).

    Long texts (paragraphs extracted without line breaks) are computed each time: they
    are rarely seen twice and would make the cache hold a copy of the input.
    """
    memo = _ShortTextMemo(fn)
    _MEMOS.append(memo)
    return cast(CachedByText[_Result], memo)


def clear_text_caches() -> None:
    """Forget every remembered text: a benchmark starts each pass cold, as a new paper would."""
    for memo in _MEMOS:
        memo.cache_clear()


_MISSING: Final = object()
_MEMOS: list[_ShortTextMemo] = []


class _ShortTextMemo:
    """The cache behind `short_text_cache`: calling it is one dict lookup (these functions
    are called several times for every line); a miss computes the value."""

    __slots__ = ("_fn", "_memo")

    def __init__(self, fn: Callable[[str], Any]) -> None:
        self._fn = fn
        self._memo: dict[str, Any] = {}

    def __call__(self, text: str) -> Any:
        result = self._memo.get(text, _MISSING)
        if result is _MISSING:
            result = self._fn(text)
            if len(text) <= MAX_CACHED_CHARS:
                if len(self._memo) >= CLEAN_CACHE_SIZE:
                    self._memo.clear()  # the functions are pure: starting afresh only costs time
                self._memo[text] = result
        return result

    def __len__(self) -> int:
        return len(self._memo)

    def cache_clear(self) -> None:
        self._memo.clear()


def lines_matching(
    lines: Sequence[Line], pattern: re.Pattern[str], words: Sequence[str]
) -> set[int]:
    """Indexes of the `lines` whose text `pattern` finds something in.

    `pattern` is case-insensitive and matches exactly the lower-case `words` (no
    line breaks). One pass over the joined text costs far less than a search per line.
    """
    texts = [ln.text for ln in lines]
    joined = "\n".join(texts)
    # ends[k]: offset just past line k and its separator in the joined text.
    ends = list(accumulate(len(t) + 1 for t in texts))
    low = ascii_lower(joined)  # (the words are ASCII)
    if len(low) != len(joined) or any(c in joined for c in CASE_FOLD_TO_ASCII):
        return {bisect_right(ends, m.start()) for m in pattern.finditer(joined)}
    found: set[int] = set()
    for word in words:
        at = low.find(word)
        while at != -1:
            k = bisect_right(ends, at)
            found.add(k)
            at = low.find(word, ends[k]) if k < len(ends) else -1  # on from the next line
    return found


# A page number on a line of its own: "12", "Page 3", "Page 3 of 10".
PAGE_LINE: Final = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\s*$", re.IGNORECASE)


def strip_markup(text: str) -> str:
    """Remove inline HTML tags, markdown emphasis and entities; keep tabs and words."""
    if "<" in text:
        text = _PARAGRAPH_BREAK.sub("\n", text)
        text = _HTML_TAG.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: _ENTITIES[m.group(0)], text)
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub("", text)
    return text


def squash(text: str) -> str:
    """Collapse runs of spaces (justified PDF text) and strip."""
    if "  " not in text and "\u00a0" not in text:
        return text.strip()
    return _SPACES.sub(" ", text).strip()


@short_text_cache
def clean(text: str) -> str:
    """Plain text of a line or cell: markup removed, spaces collapsed, tabs become spaces."""
    return squash(strip_markup(text).replace("\t", " ").replace("\n", " "))


def dates_in(text: str) -> list[tuple[int, int, str]]:
    """`find_dates` (quick on the many lines that cannot hold a date)."""
    return find_dates(text)


def markdown_heading(text: str) -> tuple[int, str] | None:
    """(level, text) for a markdown heading line ("## **PURPOSE**"), else None."""
    if "#" not in text[:4]:
        return None  # the pattern allows at most three spaces before the first "#"
    m = _MD_HEADING.match(text)
    if not m:
        return None
    return len(m.group(1)), clean(m.group(2))


def raw_cells(text: str) -> list[str]:
    """Cells of a table row: split on tabs (or on runs of 3+ spaces when there are no tabs).

    Interior empty cells are kept (they hold column positions); trailing ones are dropped.
    """
    parts = text.split("\t") if "\t" in text else _CELL_SPLIT_SPACES.split(text.strip())
    cells = [squash(strip_markup(p)) for p in parts]
    while cells and not cells[-1]:
        cells.pop()
    return cells


def cell_paragraphs(text: str) -> str:
    """Cell text where `<p>` paragraphs become lines (a cell holding several paragraphs)."""
    text = _PARAGRAPH_BREAK.sub("\n", text)
    text = _HTML_TAG.sub("", text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: _ENTITIES[m.group(0)], text)
    if "*" in text:
        text = _EMPHASIS.sub("", text)
    return "\n".join(squash(p) for p in text.split("\n") if p.strip())


def split_numbering(text: str) -> tuple[str | None, str]:
    """("1", "That the committee ...") from "1. That the committee ..."; (None, text) if none."""
    m = NUMBERING.match(text)
    if not m:
        return None, text.strip()
    num = m.group("num").strip("().")
    num = num.rstrip(")")
    return num, text[m.end() :].strip()


def strip_bullet(text: str) -> str:
    return BULLET.sub("", text, count=1).strip()


def is_bullet(text: str) -> bool:
    return bool(BULLET.match(text))


def ends_sentence(text: str) -> bool:
    t = text.rstrip(" \"'\u2019\u201d)*")
    return bool(t) and t[-1] in TERMINAL


def starts_lower(text: str) -> bool:
    t = text.lstrip(" \"'\u2018\u201c(*")
    return bool(t) and t[0].islower()


def word_count(text: str) -> int:
    return len(text.split())


def more_words_than(text: str, n: int) -> bool:
    """`word_count(text) > n`, without splitting the rest of a long paragraph."""
    return len(text.split(None, n)) > n


def is_upper_heading(text: str) -> bool:
    """A line in capitals ("KEY ISSUES FOR CONSIDERATION"): letters present, none lower-case."""
    if not text.isupper():
        return False  # a lower-case letter, or no cased letter at all
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


@short_text_cache
def _paragraph_line(raw: str) -> tuple[str, bool, bool] | None:
    """(text, is a table row, opens an item) of a line for `join_paragraphs`; None when it
    carries no text (blank, or a page number)."""
    if not raw.strip() or PAGE_LINE.match(raw):
        return None
    row = "\t" in raw.strip()
    text = " | ".join(c for c in raw_cells(raw) if c) if row else clean(raw)
    if not text:
        return None
    return text, row, bool(NUMBERING.match(text)) or is_bullet(text) or row


def join_paragraphs(lines: Sequence[Line]) -> list[tuple[str, list[Line]]]:
    """Logical paragraphs of `lines` with the lines each came from.

    A numbered or bulleted line starts a paragraph; so does a line after a
    complete sentence. A paragraph that stops mid-sentence (at a page break or
    a wrapped line) continues on the next line when that line starts in lower
    case or the paragraph did not end a sentence.
    """
    out: list[tuple[str, list[Line]]] = []
    current: list[str] = []
    current_lines: list[Line] = []
    blank_before = False
    prev_row = False

    def flush() -> None:
        if current:
            out.append((squash(join_wrapped(current)), list(current_lines)))
        current.clear()
        current_lines.clear()

    for ln in lines:
        shape = _paragraph_line(ln.text)
        if shape is None:
            # Blank, or a bare number on its own line (a page number left by PDF extraction).
            blank_before = True
            continue
        text, row, numbered = shape
        starts_item = numbered or prev_row
        if current:
            prev = current[-1]
            unfinished = not ends_sentence(prev)
            if blank_before:
                joins = unfinished and starts_lower(text) and not starts_item
            else:
                joins = not starts_item and (unfinished or starts_lower(text))
            if not joins:
                flush()
        current.append(text)
        current_lines.append(ln)
        blank_before = False
        prev_row = row
    flush()
    return out


# An item's title that says it is exempt business: "(Exempt - Paragraph 3)", "- Not for
# Publication", "Part II: ...", "(Private)". Not "(Exempt Appendix)": only the appendix is.
# ("Private" and "Confidential" only alone: "Private Fostering" is a service, not a marking.)
_EXEMPT_MARK: Final = (
    r"(?:exempt(?!\s+appendi)|not\s+for\s+(?:general\s+)?publication|restricted|"
    r"part\s+(?:ii|2|b)\b|closed\s+(?:session|item))"
)
_PRIVATE_MARK: Final = (
    r"(?:private|confidential)(?:\s+(?:and|&)\s+confidential|\s+session|\s+item|\s+business)?"
)
_EXEMPT_TITLE: Final = re.compile(
    rf"(?i)\(\s*{_EXEMPT_MARK}[^()]*\)|[-–—:]\s*{_EXEMPT_MARK}[^-–—:]*$|^\s*{_EXEMPT_MARK}\s*[-–—:]"
    rf"|\(\s*{_PRIVATE_MARK}\s*\)|[-–—:]\s*{_PRIVATE_MARK}\s*$|^\s*{_PRIVATE_MARK}\s*[-–—:]"
)


def title_marks_exempt(title: str) -> bool:
    """Whether an agenda or minute item's own title marks it as exempt (closed) business."""
    low = title.lower()
    if not any(
        w in low
        for w in (
            "exempt",
            "publication",
            "confidential",
            "private",
            "restricted",
            "part",
            "closed",
        )
    ):
        return False
    return _EXEMPT_TITLE.search(title) is not None
