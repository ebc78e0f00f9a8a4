"""Distribution lists (who receives the papers): their title, from the heading line.

"CORPORATE PARENTING DISTRIBUTION LIST (OPEN)**MUNICIPAL YEAR 2020-21**" ->
"Corporate Parenting Distribution List (Open) Municipal Year 2020-21" (markdown
emphasis glued to the words becomes a space).
"""

from __future__ import annotations

import re
from typing import Final

from minutebook.parser.council import clean_committee
from minutebook.parser.heading import plain
from minutebook.parser.lines import Block
from minutebook.parser.models import Document, MeetingRef
from minutebook.parser.names import smart_title
from minutebook.parser.patterns import rx
from minutebook.parser.tables import find_tables

_ENDS_WITH_BODY: Final = re.compile(
    r"(?i)\b(?:committee|sub-committee|panel|board|cabinet|forum|executive|commission)$"
)


def extract_distribution_list(block: Block) -> Document:
    title = None
    for line in block.lines[:5]:
        if not rx(r"(?i)\b(?:distribution|circulation)\b").search(line.text):
            continue
        # The heading's parts in capitals, up to a label ("NOTE:") glued after them.
        parts = [" ".join(plain(p).split()) for p in rx(r"\*\*|__").split(line.text)]
        kept: list[str] = []
        for part in (p for p in parts if p):
            if kept and (not part.isupper() or part.endswith(":")):
                break
            kept.append(part)
        text = " ".join(kept).strip(" :")
        title = smart_title(text) if text.isupper() else text
        break
    # "Circulation List – Licensing Committee – Municipal Year 2026/27": the part of the
    # title that names a committee is the list's committee.
    parts = rx(r"\s+[-–—:|]\s+").split(title or "")
    named = [c for p in parts if (c := clean_committee(p)) and _ENDS_WITH_BODY.search(c)]
    return Document(
        kind=block.kind,
        subkind=block.subkind,
        title=title,
        committee=named[0] if len(named) == 1 else None,
        tables=find_tables(block.lines),  # the list itself, where it is a table
        council=None,
        meeting=MeetingRef(),
        span=block.span,
    )
