"""Patterns written where they are used, compiled once.

`re.search(r"...", text)` runs the `re` module's own lookup of the pattern in plain
Python on every call, which in the compiled parser costs more than most searches;
`rx(r"...").search(text)` finds the compiled pattern with one dictionary lookup.
"""

from __future__ import annotations

import re
from typing import Final

_COMPILED: Final[dict[str, re.Pattern[str]]] = {}


def rx(pattern: str) -> re.Pattern[str]:
    """`re.compile(pattern)`, remembered (the parser's patterns are a fixed, small set)."""
    compiled = _COMPILED.get(pattern)
    if compiled is None:
        compiled = _COMPILED[pattern] = re.compile(pattern)
    return compiled


# The only characters that a case-insensitive search equates with an ASCII letter, or
# that lower-case to one: where none occurs, lower-casing the text and finding the
# lower-case words gives exactly what the case-insensitive pattern finds.
CASE_FOLD_TO_ASCII: Final = ("\u0130", "\u0131", "\u017f", "\u212a")
# The only characters whose lower case holds an ASCII letter ("İ" -> "i̇", the Kelvin
# sign -> "k"): where either occurs, `ascii_lower` is `str.lower` itself.
_LOWER_TO_ASCII: Final = ("\u0130", "\u212a")


def ascii_lower(text: str) -> str:
    """`text.lower()` for finding ASCII words and offsets: the same length as `text`,
    ASCII letters lower-cased, and every other character as "?" (never part of a word).

    str.lower on text with one non-ASCII character ("’", "–") maps every character
    through the Unicode tables, many times slower than the ASCII path; an ASCII word
    (without "?") is found in the result exactly where `text.lower()` has it, because no
    other character lower-cases to ASCII.
    """
    if text.isascii() or any(c in text for c in _LOWER_TO_ASCII):
        return text.lower()
    return text.encode("ascii", "replace").lower().decode("ascii")


def line_starts_holding(text: str, low: str, words: tuple[str, ...]) -> list[int]:
    """Offsets, in order, of the lines of `text` whose lower-cased copy `low` (of the same
    length) holds one of the lower-case `words`: a substring search per word over the whole
    text instead of a test per line."""
    starts: set[int] = set()
    for word in words:
        at = low.find(word)
        while at != -1:
            starts.add(text.rfind("\n", 0, at) + 1)
            at = low.find(word, at + len(word))
    return sorted(starts)
