"""The parse pipeline: bytes -> text with pages -> lines -> documents -> facts.

Each stage is a small pure function with its own module and tests:
reading (file formats), lines (numbering), segment (documents and kinds),
then one extractor per kind (agenda, minutes, report, ...).

Partly understood input still gives a result: a stage that fails on one
document leaves that document with its span and kind and a warning starting
with `INTERNAL_ERROR`, and the other documents are kept. Only input that
cannot be read at all raises `ParseError`.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from minutebook.parser import PARSER_VERSION, reading
from minutebook.parser.agenda import extract_agenda
from minutebook.parser.decision import extract_decision
from minutebook.parser.distribution import extract_distribution_list
from minutebook.parser.letter import extract_letter
from minutebook.parser.lines import Block, Line, make_lines
from minutebook.parser.minutes import extract_minutes
from minutebook.parser.models import Document, MeetingRef, ParseError, ParseResult, SourceInfo
from minutebook.parser.reading import read_source
from minutebook.parser.report import extract_report
from minutebook.parser.segment import segment
from minutebook.parser.tables import find_tables
from minutebook.parser.workplan import extract_work_plan

Extractor = Callable[[Block], Document]

# Prefix of warnings about a failure inside the parser (a bug, not bad input).
INTERNAL_ERROR: Final = "internal error"


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
    "distribution_list": extract_distribution_list,
}


def _failure(stage: str, block: Block, exc: Exception) -> str:
    span = block.span
    return (
        f"{INTERNAL_ERROR} in {stage} on lines {span.first_line}-{span.last_line}: "
        f"{type(exc).__name__}: {exc}"
    )


def _with_warning(document: Document, warning: str) -> Document:
    return dataclasses.replace(document, warnings=(*document.warnings, warning))


def _enrich_other(document: Document, block: Block) -> Document:
    """A document of kind "other" may still carry a work plan and tables."""
    work_plan = document.work_plan or extract_work_plan(block.lines)
    tables = document.tables or find_tables(block.lines)
    if work_plan is document.work_plan and tables is document.tables:
        return document
    return dataclasses.replace(document, work_plan=work_plan, tables=tables)


def extract(block: Block) -> Document:
    """The document of one block. Never raises: a failing extractor leaves a bare document and a warning."""
    fn = EXTRACTORS.get(block.subkind) or EXTRACTORS.get(block.kind) or _generic
    try:
        document = fn(block)
    except Exception as exc:
        document = _with_warning(
            _generic(block), _failure(getattr(fn, "__name__", "extractor"), block, exc)
        )
    if document.kind == "other":
        try:
            document = _enrich_other(document, block)
        except Exception as exc:
            document = _with_warning(document, _failure("work plan/tables", block, exc))
    return document


def fuller_council_names(documents: tuple[Document, ...]) -> tuple[Document, ...]:
    """One council, one name across a pack: a document that only shows "Oakhampton Council"
    (read from its e-mail domain, say) takes "Oakhampton Borough Council" printed on
    another document of the pack, when that fuller name is the only one extending it."""
    names = {d.council for d in documents if d.council}
    if len(names) < 2:
        return documents
    fuller: dict[str, str] = {}
    for short in names:
        stem = short.split()
        if len(stem) < 2 or stem[-1] != "Council":
            continue
        # (A domain's label runs the words together: "Ynyswen" is "Ynys Wen".)
        key = "".join(stem[:-1]).lower()
        longer = [
            n
            for n in names
            if n != short
            and (
                n.split()[: len(stem) - 1] == stem[:-1]
                or any("".join(n.split()[:k]).lower() == key for k in range(2, 5))
            )
        ]
        if len(longer) == 1 and longer[0].endswith(" Council"):
            fuller[short] = longer[0]
    if not fuller:
        return documents
    return tuple(
        dataclasses.replace(d, council=fuller[d.council]) if d.council in fuller else d
        for d in documents
    )


def split_documents(
    lines: Sequence[Line], segmenter: Callable[[tuple[Line, ...]], list[Block]] = segment
) -> tuple[list[Block], list[str]]:
    """Segmentation, falling back to one "other" block (with a warning) if it fails."""
    body = tuple(lines)
    try:
        return segmenter(body), []
    except Exception as exc:
        block = Block(kind="other", subkind="other", lines=body)
        return ([block] if body else []), [_failure("segment", block, exc)]


def parse_bytes(data: bytes, name: str) -> ParseResult:
    """Parse one source. Raises ParseError only for input that cannot be read at all."""
    if not data:
        raise ParseError(f"{name}: the file is empty", code=3)
    raw = read_source(data, name)
    warnings = list(raw.warnings)
    if raw.documents is not None:
        documents = raw.documents
    else:
        # Python's cyclic garbage collector is paused from here on. The text stages make
        # millions of small objects (lines, spans, tuples, frozen models) and no reference
        # cycles, so reference counting frees all they drop; the collector, started every
        # few hundred allocations and walking every object the process holds in its older
        # passes, found nothing and cost about a quarter of the parse time (`make bench`).
        # The readers of PDF, HTML and Word do make cycles (ctypes, parse trees): they run
        # before, with the collector on. A test checks that the text stages leave no cycles.
        paused = gc.isenabled()
        if paused:
            gc.disable()
        try:
            lines = make_lines(raw.text, raw.line_pages)
            blocks, segment_warnings = split_documents(lines)
            warnings.extend(segment_warnings)
            documents = fuller_council_names(tuple(extract(b) for b in blocks))
        finally:
            if paused:
                gc.enable()
    result = ParseResult(
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
        warnings=tuple(warnings),
        adapter=raw.adapter,
    )
    if not looks_like_committee_papers(result):
        result = dataclasses.replace(result, warnings=(*result.warnings, NOT_COMMITTEE_PAPERS))
    return result


def parse_file(path: str | Path) -> ParseResult:
    p = Path(path)
    try:
        # Refuse an oversized file before reading it into memory.
        if p.is_file() and p.stat().st_size > reading.MAX_INPUT_BYTES:
            raise reading.too_large(str(p), p.stat().st_size)
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise ParseError(f"{p}: no such file", code=2) from exc
    except IsADirectoryError as exc:
        raise ParseError(f"{p}: is a directory", code=2) from exc
    except OSError as exc:
        raise ParseError(f"{p}: cannot read the file ({exc.strerror or exc})", code=2) from exc
    return parse_bytes(data, str(p))


NOT_COMMITTEE_PAPERS: Final = (
    "this does not look like committee papers (no agenda, minutes, report or decision found)"
)
# Words that committee papers of every council use; ordinary prose rarely has several.
_COMMITTEE_VOCABULARY: Final = re.compile(
    r"\b(?:agenda|minutes?|committee|council|councillors?|cllr|cabinet|resolved|apologies|"
    r"chair(?:man|person)?|declarations? of interest|meeting|recommendations?|item|sub-committee|"
    r"panel|board|members?|decision|officer|quorum|exempt|municipal)\b",
    re.IGNORECASE,
)


def looks_like_committee_papers(result: ParseResult) -> bool:
    """True when the parse found committee documents, or the text uses committee vocabulary.

    The vocabulary test needs several distinct words, spread over the text,
    so a news story that mentions "the council" once is not taken for papers.
    """
    if any(d.kind != "other" or d.work_plan for d in result.documents):
        return True
    sample = result.text[:500_000]
    words = {m.group(0).lower().rstrip("s") for m in _COMMITTEE_VOCABULARY.finditer(sample)}
    return len(words) >= 5
