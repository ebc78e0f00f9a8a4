"""The parse pipeline: bytes -> text with pages -> lines -> documents -> facts.

Each stage is a small pure function with its own module and tests:
reading (file formats), lines (numbering), segment (documents and kinds),
then one extractor per kind (agenda, minutes, report, ...).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from minutebook.parser import PARSER_VERSION
from minutebook.parser.agenda import extract_agenda
from minutebook.parser.decision import extract_decision
from minutebook.parser.letter import extract_letter
from minutebook.parser.lines import Block, make_lines
from minutebook.parser.minutes import extract_minutes
from minutebook.parser.models import Document, MeetingRef, ParseError, ParseResult, SourceInfo
from minutebook.parser.reading import read_source
from minutebook.parser.report import extract_report
from minutebook.parser.segment import segment

Extractor = Callable[[Block], Document]


def _generic(block: Block) -> Document:
    return Document(
        kind=block.kind,
        subkind=block.subkind,
        title=None,
        committee=None,
        council=None,
        meeting=MeetingRef(),
        span=block.span,
    )


# subkind (or kind) -> extractor. Documents of other kinds get `_generic`.
EXTRACTORS: dict[str, Extractor] = {
    "front_sheet": extract_agenda,
    "order_of_business": extract_agenda,
    "supplemental_agenda": extract_agenda,
    "minutes": extract_minutes,
    "decision_notice": extract_decision,
    "report": extract_report,
    "appendix": extract_report,
    "work_plan": extract_report,
    "letter": extract_letter,
}


def extract(block: Block) -> Document:
    fn = EXTRACTORS.get(block.subkind) or EXTRACTORS.get(block.kind) or _generic
    return fn(block)


def parse_bytes(data: bytes, name: str) -> ParseResult:
    if not data:
        raise ParseError(f"{name}: the file is empty", code=3)
    raw = read_source(data, name)
    lines = make_lines(raw.text, raw.line_pages)
    documents = tuple(extract(b) for b in segment(lines))
    return ParseResult(
        source=SourceInfo(
            path=name,
            sha256=hashlib.sha256(data).hexdigest(),
            format=raw.format,
            size=len(data),
            pages=raw.page_count,
            encoding=raw.encoding,
        ),
        parser_version=PARSER_VERSION,
        text=raw.text,
        line_pages=raw.line_pages,
        documents=documents,
        warnings=raw.warnings,
    )


def parse_file(path: str | Path) -> ParseResult:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ParseError(f"{p}: cannot read the file ({exc.strerror})", code=2) from exc
    return parse_bytes(data, str(p))
