"""Tables in text: tab-separated cells, pipe tables, repeated headers. Stub."""

from __future__ import annotations

from collections.abc import Sequence

from minutebook.parser.lines import Line
from minutebook.parser.models import Table


def find_tables(lines: Sequence[Line]) -> tuple[Table, ...]:
    return ()
