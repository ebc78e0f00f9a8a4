"""What tracking reads from texts alone (a paper's figures, commitments and back-reference
sentences, the requests in minutes), computed in worker processes for big batches.

No Django here: `text_facts` is a pure function of a text, so a batch's papers can be
read in parallel (the machine's other cores are idle while tracking runs after a load)
while the main process does the database work. Results come back in the order of the
texts, and are the same whether computed here or in a worker.

Reading ahead: during an ingest the parser processes have time to spare while this
process loads (loading is the slower side), so `parse_reading_ahead` also reads the facts
of each document tracking will read, straight after parsing it. They come back pickled and
are kept by text digest (`ReadAheadFacts`); the tracking update at the end of the batch
takes a text's facts from there when its digest is known, and reads only the others. A
text's facts depend on the text alone, so a digest that matches gives the same facts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from minutebook.parser.models import ParseResult
from minutebook.record.parsing import ReadAhead, parse_job
from minutebook.tracking.commitments_extract import FoundCommitment, find_commitments
from minutebook.tracking.figures_extract import (
    Figure,
    extract_from_table,
    extract_from_text,
    tables_in_text,
)
from minutebook.tracking.matching import SentenceRef, request_sentence_refs
from minutebook.tracking.requests_detect import DetectedRequest, detect_requests

# Below this many texts in one batch, starting worker processes costs more than it saves.
PARALLEL_FROM = 48
CHUNK = 8
_In = TypeVar("_In")
_Out = TypeVar("_Out")
REQUEST_CHUNK = 64  # minutes and resolutions are short: more of them per task
# The documents tracking reads are every kind but these (see `sources.papers`).
UNREAD_KINDS = frozenset({"minutes", "distribution_list"})
# Pickled facts kept from reading ahead, at most (about 12 KB per paper): past this a big
# batch's remaining papers are read again by the tracking update, as without reading ahead.
READ_AHEAD_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class TextFacts:
    # (figure, character offset, length) from the prose, then from tab-separated tables.
    figures: list[tuple[Figure, int, int]]
    commitments: list[FoundCommitment]
    # Sentences that mention a request and name a date: how a paper says which request it
    # answers (the matching's back-references).
    refs: tuple[SentenceRef, ...] = ()


def text_facts(text: str) -> TextFacts:
    figures = [(f, f.offset, len(f.sentence)) for f in extract_from_text(text)]
    for header, rows, caption, offset in tables_in_text(text):
        for fig in extract_from_table(header, rows, caption):
            figures.append((fig, max(offset, 0), 0))
    return TextFacts(figures, find_commitments(text), request_sentence_refs(text))


def text_key(text: str) -> bytes:
    """What a text's facts are kept by: its digest."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).digest()


def documents_facts(result: ParseResult) -> dict[bytes, TextFacts]:
    """The facts of each document of a parse that tracking reads, by `text_key` of its text,
    cut from the source text as the loader stores it."""
    out: dict[bytes, TextFacts] = {}
    for document in result.documents:
        if document.kind in UNREAD_KINDS:
            continue
        text = result.span_text(document.span)
        key = text_key(text)
        if key not in out:
            out[key] = text_facts(text)
    return out


def parse_reading_ahead(name: str, data: bytes) -> ReadAhead:
    """A parse job for ingest workers: parse, then read the facts of the documents (pickled,
    so that the loading process keeps bytes and spends nothing on them until tracking)."""
    outcome = parse_job(name, data)
    facts: dict[bytes, TextFacts] = {}
    if isinstance(outcome, ParseResult):
        try:
            facts = documents_facts(outcome)
        except Exception:  # the tracking update reads them again, and reports the failure
            facts = {}
    return ReadAhead(outcome, pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL))


class ReadAheadFacts:
    """Facts read ahead during a batch, by text digest: kept pickled (up to `READ_AHEAD_BYTES`)
    until the tracking update asks for them."""

    def __init__(self, limit: int = READ_AHEAD_BYTES) -> None:
        self.limit = limit
        self.size = 0
        self._pickled: list[bytes] = []
        self._facts: dict[bytes, TextFacts] = {}

    def keep(self, ahead: object) -> None:
        """`on_ahead` for `parse_ordered`: the pickled facts of one parse."""
        if isinstance(ahead, bytes) and self.size + len(ahead) <= self.limit:
            self._pickled.append(ahead)
            self.size += len(ahead)

    def facts(self) -> dict[bytes, TextFacts]:
        for chunk in self._pickled:
            self._facts.update(pickle.loads(chunk))
        self._pickled = []
        return self._facts


def _chunk_facts(texts: list[str]) -> list[TextFacts]:
    return [text_facts(t) for t in texts]


def _chunk_requests(texts: list[tuple[str, dt.date, bool]]) -> list[list[DetectedRequest]]:
    return [detect_requests(text, on, minuted=minuted) for text, on, minuted in texts]


class TextFactsReader:
    """Reads texts in worker processes once a batch is big enough, else in this process.

    `submit(texts)` returns a callable that gives the facts of each text, in order; the
    work runs while the caller does something else."""

    def __init__(self, expected: int) -> None:
        workers = os.cpu_count() or 1
        self.pool: ProcessPoolExecutor | None = None
        if expected >= PARALLEL_FROM and workers > 1:
            # "spawn": workers start clean, with no copy of this process's database connection.
            self.pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=multiprocessing.get_context("spawn")
            )

    def submit(
        self, texts: Sequence[str], known: dict[bytes, TextFacts] | None = None
    ) -> Callable[[], list[TextFacts]]:
        """The facts of each text, in order; those whose digest is in `known` come from there."""
        if not known:
            return self._map(_chunk_facts, texts, CHUNK)
        found = [known.get(text_key(t)) for t in texts]
        missing = [i for i, f in enumerate(found) if f is None]
        rest = self._map(_chunk_facts, [texts[i] for i in missing], CHUNK)

        def merged() -> list[TextFacts]:
            for i, facts in zip(missing, rest(), strict=True):
                found[i] = facts
            return [f for f in found if f is not None]

        return merged

    def submit_requests(
        self, texts: Sequence[tuple[str, dt.date, bool]]
    ) -> Callable[[], list[list[DetectedRequest]]]:
        """`detect_requests(text, made_on, minuted=...)` of each, in order, like `submit`."""
        return self._map(_chunk_requests, texts, REQUEST_CHUNK)

    def _map(
        self, chunk_fn: Callable[[list[_In]], list[_Out]], items: Sequence[_In], size: int
    ) -> Callable[[], list[_Out]]:
        """`chunk_fn` over `items` in chunks of `size`, in the workers if there are any."""
        if self.pool is None or len(items) < 2:
            done = chunk_fn(list(items))
            return lambda: done
        futures: list[Future[list[_Out]]] = [
            self.pool.submit(chunk_fn, list(items[i : i + size]))
            for i in range(0, len(items), size)
        ]
        return lambda: [out for f in futures for out in f.result()]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def __enter__(self) -> TextFactsReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
