"""Extraction of front sheet, order of business, supplemental agenda. Stub until the parser work lands."""

from __future__ import annotations

from minutebook.parser.lines import Block
from minutebook.parser.models import Document, MeetingRef


def extract_agenda(block: Block) -> Document:
    return Document(
        kind=block.kind,
        subkind=block.subkind,
        title=None,
        committee=None,
        council=None,
        meeting=MeetingRef(),
        span=block.span,
    )
