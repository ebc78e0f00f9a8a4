"""Normalisation of decoded text: small pure functions, applied in order by `normalise`.

Every span downstream points into the normalised text, and the website shows
that text, so the result must be readable plain text. Tabs are kept: they
separate table cells. Form feeds are page breaks: `split_pages` turns them
into page numbers before they are removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from itertools import chain
from typing import Final

from minutebook.parser.dates import find_dates
from minutebook.parser.reflow import reflow, strip_markup_debris

# Characters that carry no visible text: zero-width space/joiners, word joiner,
# BOM, soft hyphen (a hyphenation hint that PDF extraction leaves behind).
_INVISIBLE: dict[int, str | None] = dict.fromkeys(
    map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None
)
# Spaces of every width become an ordinary space.
_SPACES: dict[int, str | None] = dict.fromkeys(
    map(
        ord,
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000",
    ),
    " ",
)
# Typographic ligatures that PDF text layers keep as single code points.
_LIGATURES: dict[int, str | None] = {
    ord("\ufb00"): "ff",
    ord("\ufb01"): "fi",
    ord("\ufb02"): "fl",
    ord("\ufb03"): "ffi",
    ord("\ufb04"): "ffl",
    ord("\ufb05"): "st",
    ord("\ufb06"): "st",
}
# Typographic quotes to ASCII: a helper for matching ("O’Neill" = "O'Neill")
# across sources. Not part of `normalise`: the shown text keeps the quotes
# as printed.
_QUOTES: dict[int, str | None] = {
    ord("\u2018"): "'",
    ord("\u2019"): "'",
    ord("\u201a"): "'",
    ord("\u201b"): "'",
    ord("\u2032"): "'",
    ord("\u201c"): '"',
    ord("\u201d"): '"',
    ord("\u201e"): '"',
    ord("\u201f"): '"',
    ord("\u2033"): '"',
}
# Control characters other than tab, newline and form feed (kept for pages).
_CONTROLS: dict[int, str | None] = {c: None for c in range(32) if chr(c) not in "\t\n\f"}
_CONTROLS.update({c: None for c in range(0x7F, 0xA0)})
_CONTROLS[0xFFFE] = None
_CONTROLS[0xFFFF] = None

# Private-use icons, symbols, bullets ("•", "▪", "").
_GLYPH_CATEGORIES: Final = frozenset({"Co", "Cn", "So", "Sm", "Po"})
# A line of at most two non-space, non-alphanumeric characters: a candidate stray glyph.
_SHORT_SYMBOL_LINE: Final = re.compile(r"^[ \t]*[^\sA-Za-z0-9]{1,2}[ \t]*$", re.MULTILINE)


def unify_newlines(text: str) -> str:
    """CRLF and lone CR (old Mac files, some PDF text) become LF; line/paragraph separators too."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\x85", "\n")
    return text


def _translator(table: dict[int, str | None]) -> Callable[[str], str]:
    """str.translate with `table`, but fast on text that has none of its characters.

    str.translate looks every character up in the dict; a character-class
    search finds the (rare) characters to replace at C speed instead.
    """
    pattern = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]")
    replacement = {chr(c): (v or "") for c, v in table.items()}
    # For ASCII text only the ASCII keys can occur; bytes.translate tests for them
    # many times faster than a regex scan.
    ascii_keys = bytes(c for c in table if c < 128)

    def translate(text: str) -> str:
        if text.isascii():
            if not ascii_keys:
                return text
            raw = text.encode("ascii")
            if len(raw.translate(None, ascii_keys)) == len(raw):
                return text
        if pattern.search(text) is None:
            return text
        return pattern.sub(lambda m: replacement[m.group(0)], text)

    return translate


_remove_invisible: Final = _translator(_INVISIBLE)
_unify_spaces: Final = _translator(_SPACES)
_expand_ligatures: Final = _translator(_LIGATURES)
_remove_controls: Final = _translator(_CONTROLS)
_unify_quotes: Final = _translator(_QUOTES)


def remove_invisible(text: str) -> str:
    """Drop zero-width characters, BOMs and soft hyphens."""
    return _remove_invisible(text)


def unify_spaces(text: str) -> str:
    """No-break and typographic spaces become ordinary spaces (sources differ on NBSP use)."""
    return _unify_spaces(text)


def expand_ligatures(text: str) -> str:
    """Ligature code points from PDF text layers ("\ufb01") become letters ("fi")."""
    return _expand_ligatures(text)


def unify_quotes(text: str) -> str:
    """Curly quotes and primes become ASCII ' and \" (for matching; `normalise` keeps them)."""
    return _unify_quotes(text)


def remove_controls(text: str) -> str:
    """Drop control characters (keeping tab, newline and form feed)."""
    return _remove_controls(text)


def strip_trailing_space(text: str) -> str:
    """Trailing spaces and tabs carry nothing; interior tabs (table cells) are kept."""
    # Substring tests first: most texts need no change, and copying a large text costs memory.
    if not has_trailing_space(text):
        return text
    # Splitting is several times faster than a multiline "[ \t]+$" regex on large texts.
    return "\n".join([line.rstrip(" \t") for line in text.split("\n")])


def is_stray_glyph_line(line: str) -> bool:
    """A line holding only one or two symbols that are not words or numbers.

    PDF extraction leaves such lines behind (bullet glyphs, private-use icon
    characters, a lone "|" of a table rule). Numbers and letters are never
    stray: "1" may be a page number and "a" a list label.
    """
    s = line.strip()
    if not s or len(s) > 2:
        return False
    # ASCII punctuation and dashes stay: in flattened tables "-" or "–" can be a cell value.
    return all(
        ch == "|" or (ord(ch) > 127 and unicodedata.category(ch) in _GLYPH_CATEGORIES) for ch in s
    )


# The same lines after the first, found from their newline: the regex engine skips to a
# literal first character quickly, while "^" in MULTILINE mode is tried at every position.
_SHORT_SYMBOL_AFTER_NEWLINE: Final = re.compile(r"\n([ \t]*[^\sA-Za-z0-9]{1,2}[ \t]*)(?=\n|\Z)")


def drop_stray_glyph_lines(text: str) -> str:
    """Blank out lines that hold only a stray glyph (the line itself stays, keeping pages aligned)."""
    first = _SHORT_SYMBOL_LINE.match(text)
    spans = chain(
        [first.span()] if first else [],
        (m.span(1) for m in _SHORT_SYMBOL_AFTER_NEWLINE.finditer(text)),
    )
    kept: list[str] = []
    last = 0
    for start, end in spans:
        if is_stray_glyph_line(text[start:end]):
            kept.append(text[last:start])
            last = end
    if not kept:
        return text
    kept.append(text[last:])
    return "".join(kept)


def split_pages(text: str, first_page: int = 1) -> tuple[str, list[int]]:
    """Turn form feeds into page numbers: returns text without form feeds and the page of each line.

    A form feed at the start of a line begins a new page there; one in the
    middle of a line ends that line.
    """
    if "\f" not in text:
        return text, [first_page] * (text.count("\n") + 1)
    pages: list[int] = []
    out_lines: list[str] = []
    page = first_page
    for chunk_index, chunk in enumerate(text.split("\f")):
        if chunk_index:
            page += 1
        chunk_lines = chunk.split("\n")
        if chunk_index and out_lines and not out_lines[-1] and chunk_lines and not chunk_lines[0]:
            # "...\n\f\n..." : the form feed sat on its own line; do not add a blank line for it.
            chunk_lines = chunk_lines[1:]
        for line in chunk_lines:
            out_lines.append(line)
            pages.append(page)
    return "\n".join(out_lines), pages


_PAGE_NUMBER: Final = re.compile(
    r"^\s*(?:page\s+)?[-–]?\s*(\d{1,4})\s*[-–]?(?:\s+of\s+\d{1,4})?\s*$", re.IGNORECASE
)
_DIGITS: Final = re.compile(r"\d+")


# How many lines at each edge of a page a running header or footer may take ("Council
# name" over "Committee – date"; "Page 3 of 12" under the council's address).
_EDGE_DEPTH: Final = 2


def _edge_indexes(lines: list[str], depth: int = 1) -> list[int]:
    """Indexes of the first and last `depth` non-blank lines of a page (where furniture sits)."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted({*filled[:depth], *filled[-depth:]}) if filled else []


def _edge(pages: list[list[str]], page: int, i: int) -> str:
    """ "top" or "foot": which edge of its page line i is on."""
    filled = [k for k, line in enumerate(pages[page]) if line.strip()]
    return "top" if i in filled[:_EDGE_DEPTH] and i < filled[-1] else "foot"


def _furniture_key(text: str) -> str | None:
    """The text a running header or footer is known by (digits aside), or None for a line
    that cannot be one. A row with tabs is a table's (a table header repeated on each page is
    content), unless it holds a date: "Council<tab>Committee – 14 January 2025"."""
    if len(text) > 120 or len(text.split()) < 2:
        return None
    if "\t" in text and not find_dates(text):
        return None
    return " ".join(_DIGITS.sub("#", text).lower().split())


def strip_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Remove page numbers and running headers/footers from the lines of each page.

    Only the first and last two non-blank lines of a page are candidates. A page
    number is removed when such numbers rise with the pages (so "3" in a list
    is safe); a running header or footer is text of two words or more that
    recurs (digits aside) at the edge of at least half the pages, and at
    least three (on a paper of two pages: at the same edge of both). Table rows
    (with tabs) are kept: a table header repeated on each page is content.
    Removing these lines lets a paragraph broken by a page break read on. A
    running header at the top of the first page stays: there it is the paper's
    heading (it names the council and the meeting), printed once.
    """
    if len(pages) < 2:
        return pages
    drop: set[tuple[int, int]] = set()
    offsets: dict[int, list[tuple[int, int]]] = {}
    recurring: dict[str, list[tuple[int, int]]] = {}
    for page_index, lines in enumerate(pages):
        edges = _edge_indexes(lines)
        for i in _edge_indexes(lines, _EDGE_DEPTH):
            text = lines[i].strip()
            number = _PAGE_NUMBER.match(text) if "\t" not in text else None
            if number:
                if i in edges:
                    offsets.setdefault(int(number.group(1)) - page_index, []).append(
                        (page_index, i)
                    )
            elif (key := _furniture_key(text)) is not None:
                recurring.setdefault(key, []).append((page_index, i))
    for places in offsets.values():
        if len(places) >= 2:
            drop.update(places)
    threshold = max(3, (len(pages) + 1) // 2)
    for places in recurring.values():
        on_pages = {page for page, _ in places}
        if len(on_pages) >= threshold or (
            # A two-page paper: the same line at the same edge (top, or foot) of both pages.
            len(pages) == 2
            and len(on_pages) == 2
            and len({_edge(pages, p, i) for p, i in places}) == 1
        ):
            drop.update(places)
    # A line one in from the edge is furniture only under (or over) furniture at the edge: a
    # header of two lines. (Under an "Agenda Item 4" stamp, the council's name is the paper's.)
    for page_index, lines in enumerate(pages):
        filled = [i for i, line in enumerate(lines) if line.strip()]
        if len(filled) > 2 * _EDGE_DEPTH:
            if (page_index, filled[1]) in drop and (page_index, filled[0]) not in drop:
                drop.discard((page_index, filled[1]))
            if (page_index, filled[-2]) in drop and (page_index, filled[-1]) not in drop:
                drop.discard((page_index, filled[-2]))
    # At the top of the first page, a running header is the paper's heading: it stays.
    filled = [i for i, line in enumerate(pages[0]) if line.strip()]
    for i in filled[:_EDGE_DEPTH]:
        if (0, i) not in drop:
            break
        drop.discard((0, i))
    if not drop:
        return pages
    return [
        [line for i, line in enumerate(lines) if (page_index, i) not in drop]
        for page_index, lines in enumerate(pages)
    ]


_PAGE_LINE_ENDS: Final = frozenset("0123456789-–")
_MIN_PAGE_RUN: Final = 3
_MIN_PAGE_LINES: Final = 10


def infer_pages(text: str) -> list[int] | None:
    """Pages of text extracted from PDF without form feeds, from its printed page numbers.

    Text extracted from a PDF often keeps each page's number as a line of its
    own at the foot of the page ("1", "Page 2", "- 3 -"). When such lines
    count up one by one (at least three of them, each at least ten lines
    after the last), each ends a page. Returns the page of every line, or
    None when there is no such run (then pages stay unknown rather than
    guessed).
    """
    candidates = []
    # A cheap test on each line first: a page-number line is short and ends in a digit or dash.
    for index, line in enumerate(text.split("\n")):
        if line.rstrip()[-1:] in _PAGE_LINE_ENDS and len(line.strip()) <= 30:
            m = _PAGE_NUMBER.match(line)
            if m and int(m.group(1)) >= 1:  # pages count from 1: a "0" line is no page
                candidates.append((index, int(m.group(1))))
    line_count = text.count("\n") + 1
    if len(candidates) < _MIN_PAGE_RUN:
        return None
    # Longest run of numbers rising by one, in line order, far enough apart to be
    # pages: one pass, keeping for each number the longest run that ends with it.
    ends: dict[
        int, tuple[int, int, tuple[int, int] | None]
    ] = {}  # value -> (length, line, previous)
    for index, value in candidates:
        length, previous = 1, None
        before = ends.get(value - 1)
        if before is not None and index - before[1] >= _MIN_PAGE_LINES:
            length, previous = before[0] + 1, (before[1], value - 1)
        if value not in ends or length > ends[value][0]:
            ends[value] = (length, index, previous)
    last_value = max(ends, key=lambda v: ends[v][0])
    best: list[tuple[int, int]] = []
    link: tuple[int, int] | None = (ends[last_value][1], last_value)
    while link is not None:
        best.append(link)
        link = ends[link[1]][2] if ends[link[1]][1] == link[0] else None
    best.reverse()
    if len(best) < _MIN_PAGE_RUN:
        return None
    pages: list[int] = []
    cursor = 0
    for index, value in best:
        pages.extend([value] * (index + 1 - cursor))
        cursor = index + 1
    if cursor < line_count:
        # Text after the last number is one more page, unless it is only blank lines.
        tail = text.split("\n")[cursor:] if line_count - cursor < 1000 else ["text"]
        last = best[-1][1] + (1 if any(x.strip() for x in tail) else 0)
        pages.extend([last] * (line_count - cursor))
    return pages


def blank_page_number_lines(text: str, pages: list[int]) -> str:
    """Blank the printed page-number lines that `infer_pages` found ending each page
    (the lines stay, so line numbers and pages keep aligned): they are page
    furniture, not part of the paragraph or minute they fall in."""
    lines = text.split("\n")
    changed = False
    last = max((i for i, ln in enumerate(lines) if ln.strip()), default=-1)
    for i in range(min(len(lines), len(pages))):
        end_of_page = i == last or (i + 1 < len(pages) and pages[i + 1] != pages[i])
        if not end_of_page or len(lines[i].strip()) > 30:
            continue
        m = _PAGE_NUMBER.match(lines[i])
        if m and int(m.group(1)) == pages[i]:
            lines[i] = ""
            changed = True
    return "\n".join(lines) if changed else text


_ORDINAL_ALONE: Final = re.compile(r"^\s*(st|nd|rd|th)\s*$")
_BARE_NUMBER: Final = re.compile(r"(?<![\d.,/£$%:-])\b(\d{1,4})(?=\s+[A-Za-z])")


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def attach_superscript_ordinals(lines: list[str]) -> list[str]:
    """PDF text may put a superscript ordinal ("th") on a line of its own above the
    line it belongs to ("... funded from the 4 year ..."): put it back after the
    first number that takes that suffix, and drop its line (a blank line there
    would break the paragraph)."""
    dropped = False
    for i, line in enumerate(lines):
        if len(line) > 8 or not line.strip():
            continue
        m = _ORDINAL_ALONE.match(line)
        if m is None or i + 1 >= len(lines):
            continue
        nxt = lines[i + 1]
        for num in _BARE_NUMBER.finditer(nxt):
            if _ordinal_suffix(int(num.group(1))) == m.group(1):
                lines[i + 1] = nxt[: num.end()] + m.group(1) + nxt[num.end() :]
                lines[i] = "\0"
                dropped = True
                break
    return [ln for ln in lines if ln != "\0"] if dropped else lines


def fix_l_for_i(token: str) -> str:
    """Read a list label "l." (lower-case L, an OCR/PDF confusion) as "I.".

    Only for extractors that know the token is a label; running text is never
    changed, since "l." is rare but legitimate there.
    """
    if token in {"l.", "l)", "(l)"}:
        return token.replace("l", "I")
    return token


_clean_characters: Final = _translator({**_INVISIBLE, **_SPACES, **_LIGATURES, **_CONTROLS})


def normalise_characters(text: str) -> str:
    """The four character-level steps (invisible, spaces, ligatures, controls) in one pass."""
    return _clean_characters(text)


# Word exports a bulleted paragraph as the bullet, a tab, then the text: that tab is no
# table cell. (Not "-" or "*": a dash first in a row can be an empty table cell.)
# Anchored at a newline rather than with (?m)^, which is tried at every character: the
# text is searched with a newline put before it (six times faster).
_BULLET_TAB: Final = re.compile(
    "(\n[ ]*[\u2022\u25aa\u25cf\u25e6\u2023\u2043\u00b7\uf0b7o])\t+(?=\\S)"
)


def untab_bullets(text: str) -> str:
    """ "•<tab>Item" -> "• Item"."""
    return _BULLET_TAB.sub(r"\1 ", "\n" + text)[1:] if "\t" in text else text


def has_trailing_space(text: str) -> bool:
    return " \n" in text or "\t\n" in text or text.endswith((" ", "\t"))


def strip_trailing_space_lines(lines: list[str]) -> None:
    """`strip_trailing_space` on a list of lines, in place."""
    for i, line in enumerate(lines):
        if line.endswith((" ", "\t")):
            lines[i] = line.rstrip(" \t")


# A heading printed letter-spaced ("M I N U T E S", "A G E N D A"): capitals one space apart.
# (Anchored at a newline rather than with (?m)^: the search is five times faster.)
_LETTER_SPACED: Final = re.compile(r"(\n[ \t]*)((?:[A-Z] ){3,}[A-Z])[ \t]*(?=\n|$)")
# The start of every match of _LETTER_SPACED: without groups or repeats, searched twice as
# fast, and almost no text has one.
_LETTER_SPACED_START: Final = re.compile(r"\n[ \t]*[A-Z] [A-Z] [A-Z] [A-Z]")


def join_letter_spaced(text: str) -> str:
    """ "M I N U T E S" -> "MINUTES" (a heading spaced out letter by letter)."""
    if _LETTER_SPACED_START.search(text):
        text = _LETTER_SPACED.sub(lambda m: m.group(1) + m.group(2).replace(" ", ""), text)
    first = _LETTER_SPACED.match("\n" + text[:160].partition("\n")[0])
    if first is not None:  # the first line, which no newline precedes
        text = first.group(1)[1:] + first.group(2).replace(" ", "") + text[first.end() - 1 :]
    return text


def normalise(text: str) -> str:
    """All text-level normalisations, in order. Form feeds survive (see `split_pages`)."""
    text = unify_newlines(text)
    text = normalise_characters(text)
    text = join_letter_spaced(text)
    text = reflow(strip_markup_debris(text))
    text = strip_trailing_space(text)
    return drop_stray_glyph_lines(text)
