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
