"""Parsing for ingest: in this process, or in worker processes while this one loads.

No Django here: worker processes import only this module and the parser.

`parse_job(name, data)` never raises: it returns the `ParseResult` or a
`ParseFailure` (a file the parser cannot read, or a parser bug). `parse_ordered`
runs the jobs of a stream with up to `workers` processes, a bounded number of
papers ahead of the consumer, and yields the outcomes in the order of the stream,
so a batch loads in the same order (and to the same record) whatever the workers.
A job may also read ahead for a later stage of the batch (`ReadAhead`): what it read
is handed to `on_ahead` as each outcome is yielded.
A worker that dies (a crash in a PDF library, say) costs only the file it was
reading: the files then in flight are parsed again, one process each.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from typing import TypeVar

from minutebook.parser import models as p
from minutebook.parser.pipeline import parse_bytes

T = TypeVar("T")


@dataclass(frozen=True)
class ParseFailure:
    message: str  # for officers: what went wrong, never a traceback
    crashed: bool = False  # the parser itself failed (a bug), not an unreadable file
    detail: str = ""  # the traceback of a crash, for the log


Outcome = p.ParseResult | ParseFailure


@dataclass(frozen=True)
class ReadAhead:
    """A parse, with what the worker also read from it for a later stage of the batch (the
    workers have spare time while this process loads; the later stage would wait for it)."""

    outcome: Outcome
    ahead: object = None


ParseFunction = Callable[[str, bytes], Outcome | ReadAhead]


def parse_job(name: str, data: bytes) -> Outcome:
    """Parse one file; never raises."""
    try:
        return parse_bytes(data, name)
    except p.ParseError as exc:
        return ParseFailure(exc.message)
    except Exception as exc:  # a parser bug must not lose the file or stop a batch
        return ParseFailure(
            f"the parser failed on this file ({type(exc).__name__}: {exc})",
            crashed=True,
            detail=traceback.format_exc(),
        )


# Parser processes run at a lower priority than the loading process: the load is the slower
# side of a batch, and with as many parsers as cores it would otherwise wait for a core.
WORKER_NICENESS = 10


def _lower_priority() -> None:
    with contextlib.suppress(OSError):  # not allowed here: run at the same priority
        os.nice(WORKER_NICENESS)


def _pool(workers: int) -> ProcessPoolExecutor:
    # "spawn": workers start clean (no copy of this process's database connections).
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_lower_priority,
    )


def _alone(job: ParseFunction, name: str, data: bytes) -> Outcome | ReadAhead:
    """Parse one file in a process of its own (after a worker died): blame only this file."""
    with _pool(1) as pool:
        try:
            return pool.submit(job, name, data).result()
        except BrokenProcessPool:
            return ParseFailure("the parser stopped on this file (its process crashed)", True)


def _submit(
    pool: ProcessPoolExecutor, job: ParseFunction, args: tuple[str, bytes]
) -> Future[Outcome | ReadAhead]:
    """Submit a parse; a pool already broken by a dead worker gives a future that says so,
    so the file is parsed again with the others in flight instead of stopping the batch."""
    try:
        return pool.submit(job, *args)
    except BrokenProcessPool as exc:
        broken: Future[Outcome | ReadAhead] = Future()
        broken.set_exception(exc)
        return broken


def parse_ordered(
    items: Iterable[T],
    what: Callable[[T], tuple[str, bytes] | None],
    *,
    workers: int = 0,
    ahead: int = 0,
    job: ParseFunction = parse_job,
    on_ahead: Callable[[object], object] | None = None,
) -> Iterator[tuple[T, Outcome | None]]:
    """Yield (item, outcome) in the order of `items`.

    `what(item)` gives the (name, bytes) to parse, or None for an item that needs no parse
    (outcome None); it is called up to `ahead` items (default 4 per worker) before the item
    is yielded. With `workers` <= 0 everything runs in this process, one item at a time.
    A job's `ReadAhead.ahead` goes to `on_ahead` just before its item is yielded.
    """

    def settle(done: Outcome | ReadAhead | None) -> Outcome | None:
        if isinstance(done, ReadAhead):
            if on_ahead is not None:
                on_ahead(done.ahead)
            return done.outcome
        return done

    if workers <= 0:
        for item in items:
            args = what(item)
            yield item, settle(job(*args) if args is not None else None)
        return
    ahead = ahead or 4 * workers
    source = iter(items)
    # (item, its parse: running, done or None, what to parse)
    queue: deque[
        tuple[T, Future[Outcome | ReadAhead] | Outcome | ReadAhead | None, tuple[str, bytes] | None]
    ] = deque()
    pool = _pool(workers)
    try:
        while True:
            for item in islice(source, ahead - len(queue)):
                args = what(item)
                queue.append((item, _submit(pool, job, args) if args is not None else None, args))
            if not queue:
                return
            item, pending, args = queue.popleft()
            if isinstance(pending, Future) and args is not None:
                try:
                    done: Outcome | ReadAhead | None = pending.result()
                except BrokenProcessPool:
                    # A worker died: this file and those in flight are parsed again, each alone.
                    pool.shutdown(wait=False, cancel_futures=True)
                    done = _alone(job, *args)
                    redo = list(queue)
                    queue.clear()
                    for i, pend, a in redo:
                        again = _alone(job, *a) if isinstance(pend, Future) and a else pend
                        queue.append((i, again, a))
                    pool = _pool(workers)
            else:
                done = pending if not isinstance(pending, Future) else None
            yield item, settle(done)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
