"""Ingest: store the original file forever, parse it, load the result.

- A SourceFile per distinct content (sha256 identity), so the same file twice
  changes nothing. A new file is stored with its parse in one insert and loaded
  in the same savepoint (the load in a nested one); a stream's files are
  committed in groups of `COMMIT_EVERY`, so one file's failure is still its own.
- A file the parser cannot read is kept, bytes and all, with status "failed"
  and its error message (never a traceback); it can be reparsed later. So is a
  file the loader fails on.
- A newer version of a paper supersedes an older one (`SourceFile.supersedes`)
  when it has the same file name, or when its first document is the same
  document of the same meeting (a republished pack). The newer one updates the
  record; the older source and its bytes stay.
- `ingest_paths(paths)`: files or folders (recursive), with a progress bar on
  stderr; `ingest_stream(papers)` for (name, bytes) pairs; `ingest_bytes` for
  one file; `reparse_all()` runs the current parser over every stored source.
  Long batches are parsed in worker processes a few papers ahead of the loading
  (`parsing.parse_ordered`), and loaded in their order, so the record is the
  same whatever the number of workers.
Batches end with `finish_batch()`: the tracking update, then the `batch_ingested` signal.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from minutebook.parser import models as p
from minutebook.record import compiled_queries
from minutebook.record import models as m
from minutebook.record.collector import batch_collector
from minutebook.record.loader import LoadSession, load
from minutebook.record.parsing import Outcome, ParseFailure, parse_job, parse_ordered
from minutebook.record.upsert import LoadReport
from minutebook.tracking.text_facts import ReadAheadFacts, parse_reading_ahead

log = logging.getLogger(__name__)

PAPER_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown", ".html", ".htm", ".xml"}
# Documentation files that sit beside papers in a folder; named explicitly, they are ingested.
FOLDER_NOTES = {"readme", "sources", "licence", "license", "changelog"}
# Batches at least this long are parsed in worker processes (one per core) while loading.
PARALLEL_FROM = 16
# Papers of a stream are committed in groups (each paper in a savepoint of its own, so a
# paper that fails still fails alone): one commit per paper rewrote the same index pages
# each time and cost about as much as loading a paper's facts.
COMMIT_EVERY = 16


@dataclass
class Failure:
    name: str
    message: str


@dataclass
class IngestSummary:
    report: LoadReport = field(default_factory=LoadReport)
    files: int = 0
    new_sources: int = 0
    known_sources: int = 0
    failures: list[Failure] = field(default_factory=list)
    changed_sources: list[str] = field(default_factory=list)
    tracking: dict[str, int] = field(default_factory=dict)
    # Seconds spent by finish_batch: "tracking" (the update) and "after" (the signal receivers).
    timings: dict[str, float] = field(default_factory=dict)
    # Committees whose papers this batch added or changed: the tracking update covers only
    # these; None means every committee (a reparse, or a paper tied to no committee).
    touched_committees: set[int] | None = field(default_factory=set)
    # Sources whose facts this batch added or changed; None means any (a reparse).
    touched_sources: set[int] | None = field(default_factory=set)
    # Councils, committees and people stay cached across the papers of one batch.
    session: LoadSession = field(default_factory=LoadSession, repr=False)
    # What the parser processes read ahead for the tracking update (see text_facts).
    read_ahead: ReadAheadFacts = field(default_factory=ReadAheadFacts, repr=False)

    def text(self) -> str:
        lines = [
            f"{self.files} file(s): {self.new_sources} new, {self.known_sources} already stored, "
            f"{len(self.failures)} failed",
            "",
            self.report.table(),
        ]
        if self.tracking:
            lines += ["", "Tracking: " + ", ".join(f"{k} {v}" for k, v in self.tracking.items())]
        if self.failures:
            lines += ["", "Failures:"]
            lines += [f"  {f.name}: {f.message}" for f in self.failures]
        if self.report.warnings:
            lines += ["", f"Warnings ({len(self.report.warnings)}):"]
            lines += [f"  {w}" for w in self.report.warnings[:50]]
            if len(self.report.warnings) > 50:
                lines.append(f"  ... and {len(self.report.warnings) - 50} more")
        return "\n".join(lines)


def iter_paper_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given, and the papers in folders (recursive, sorted, hidden files skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    f = Path(root) / name
                    if name.startswith(".") or f.suffix.lower() not in PAPER_SUFFIXES:
                        continue
                    if f.stem.casefold() in FOLDER_NOTES:
                        continue
                    yield f
        else:
            yield path


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _known(digest: str) -> m.SourceFile | None:
    """The stored source with this content (without its bytes and parse: not needed here)."""
    return compiled_queries.first(  # type: ignore[no-any-return]
        m.SourceFile, only=("pk", "parse_status", "errors"), sha256=digest
    )


def _new_source(data: bytes, name: str, digest: str) -> m.SourceFile:
    return m.SourceFile(
        sha256=digest,
        original_name=name[:500],
        media_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
        size=len(data),
        content=data,
    )


def store(data: bytes, name: str) -> tuple[m.SourceFile, bool]:
    """The SourceFile holding these bytes, created when new. Returns (source, created)."""
    digest = _digest(data)
    found = m.SourceFile.objects.filter(sha256=digest).first()
    if found is not None:
        return found, False
    source = _new_source(data, name, digest)
    source.save()
    return source, True


PARSE_FIELDS = [
    "format",
    "text",
    "page_count",
    "line_pages",
    "parse_status",
    "parser_version",
    "errors",
    "warnings",
    "parse_output",
    "parsed_at",
]


def _apply_parse(source: m.SourceFile, outcome: Outcome) -> None:
    """Set what the parse says on the source (saved by the caller)."""
    source.parsed_at = timezone.now()
    if isinstance(outcome, ParseFailure):
        from minutebook.parser import PARSER_VERSION

        source.parse_status = "failed"
        source.parser_version = PARSER_VERSION
        source.errors = [outcome.message]
        return
    result = outcome
    warnings = list(result.warnings) + [w for d in result.documents for w in d.warnings]
    source.format = result.source.format
    source.text = result.text
    source.page_count = result.source.pages
    source.line_pages = list(result.line_pages)
    source.parse_status = "partial" if warnings else "parsed"
    source.parser_version = result.parser_version[:32]
    source.errors = []
    source.warnings = warnings
    source.parse_output = result.to_json()


def _record_failure(source: m.SourceFile, message: str) -> None:
    _apply_parse(source, ParseFailure(message))
    source.save(update_fields=["parse_status", "parser_version", "errors", "parsed_at"])


def _primary_signature(source: m.SourceFile) -> tuple[object, ...] | None:
    first = source.documents.exclude(meeting=None).order_by("first_line").first()
    if first is None:
        return None
    return (first.meeting_id, first.kind, first.subkind, first.title)


def _same_name(source: m.SourceFile, session: LoadSession | None) -> list[int]:
    """Ids of the other sources with the same file name (any folder)."""
    base = Path(source.original_name).name
    if session is not None:
        return [pk for pk in session.sources_named(base) if pk != source.pk]
    named = m.SourceFile.objects.filter(original_name__endswith=base).exclude(pk=source.pk)
    return [pk for pk, name in named.values_list("pk", "original_name") if Path(name).name == base]


def _find_superseded(
    source: m.SourceFile, session: LoadSession | None = None, loaded: LoadReport | None = None
) -> m.SourceFile | None:
    """An older, still current source this one replaces (same file name or same first document).

    `loaded`: the report of loading `source` just now, which tells its first document."""
    older = m.SourceFile.objects.exclude(pk=source.pk).exclude(parse_status="failed")
    older = older.filter(superseded_by=None, pk__lt=source.pk).exclude(supersedes=source)
    older = older.only("pk", "original_name").order_by()
    candidates: list[m.SourceFile] = []
    same_name = [pk for pk in _same_name(source, session) if pk < source.pk]
    if same_name:
        candidates = list(older.filter(pk__in=same_name))
    signature = _primary_signature(source) if loaded is None else loaded.signature
    if signature is not None and not (loaded is not None and loaded.signature_meeting_is_new):
        meeting_id = signature[0]
        for other in older.filter(documents__meeting_id=meeting_id).distinct():
            if other not in candidates and _primary_signature(other) == signature:
                candidates.append(other)
    return max(candidates, key=lambda s: s.pk) if candidates else None


def _load_parsed(
    source: m.SourceFile, result: p.ParseResult, session: LoadSession, *, new: bool
) -> LoadReport:
    """Load a parsed source (in a savepoint: a loader bug fails this file, not the batch)."""
    try:
        with transaction.atomic():
            if not new and source.superseded_by.exists():
                return LoadReport()  # kept and re-read, but a newer version stands for it
            report = load(result, source=source, session=session)
            if source.supersedes_id is None:
                older = _find_superseded(source, session, report)
                if older is not None:
                    source.supersedes = older
                    source.save(update_fields=["supersedes"])
                    # Load again: the newer source now takes over the older one's facts.
                    report.merge(load(result, source=source, session=session))
                    report.add("SourceFile", "updated")
    except Exception as exc:  # a loader bug must not lose the file or stop a batch
        log.exception("loading %s failed", source.original_name)
        session.reset()
        _record_failure(
            source, f"the record could not load this file ({type(exc).__name__}: {exc})"
        )
        return LoadReport()
    return report


def _failed(source: m.SourceFile, outcome: Outcome) -> bool:
    if isinstance(outcome, ParseFailure):
        if outcome.crashed:
            log.error("parser crashed on %s\n%s", source.original_name, outcome.detail)
        return True
    return False


def process(
    source: m.SourceFile, session: LoadSession | None = None, outcome: Outcome | None = None
) -> LoadReport:
    """Parse the stored bytes with the current parser (unless `outcome` is the parse of them)
    and load the result, in one transaction."""
    session = session or LoadSession()
    if outcome is None:
        outcome = parse_job(source.original_name, bytes(source.content))
    with transaction.atomic():
        _apply_parse(source, outcome)
        source.save(update_fields=PARSE_FIELDS)
        if _failed(source, outcome):
            return LoadReport()
        assert isinstance(outcome, p.ParseResult)
        return _load_parsed(source, outcome, session, new=False)


def _add_new(
    data: bytes, name: str, digest: str, outcome: Outcome, session: LoadSession
) -> tuple[m.SourceFile, LoadReport]:
    """Store a new file with its parse (one insert) and load it, in one transaction."""
    source = _new_source(data, name, digest)
    _apply_parse(source, outcome)
    with transaction.atomic():
        source.save(force_insert=True)
        session.note_source(source)
        session.fresh_sources.add(source.pk)
        if _failed(source, outcome):
            return source, LoadReport()
        assert isinstance(outcome, p.ParseResult)
        return source, _load_parsed(source, outcome, session, new=True)


# Papers in one batch after which PostgreSQL's statistics are refreshed at once.
ANALYZE_AFTER_PAPERS = 500


def finish_batch(summary: IngestSummary) -> None:
    """After a batch: update the tracking facts, then tell receivers (search index, OParl)."""
    if not summary.report.changed:
        return  # nothing new in the record: derived facts are still current
    from minutebook.record.signals import batch_ingested
    from minutebook.tracking.update import update_tracking

    started = time.perf_counter()
    with batch_collector():
        try:
            summary.tracking = update_tracking(
                committee_ids=summary.touched_committees, known=summary.read_ahead.facts()
            )
        except Exception as exc:
            log.exception("tracking update failed")
            summary.failures.append(Failure("tracking", f"tracking update failed: {exc}"))
        summary.read_ahead = ReadAheadFacts()  # used: free them
        tracked = time.perf_counter()
        for receiver, outcome in batch_ingested.send_robust(sender=IngestSummary, summary=summary):
            if isinstance(outcome, Exception):
                log.error("%s failed after the batch: %s", receiver, outcome, exc_info=outcome)
                summary.failures.append(Failure("after ingest", f"{outcome}"))
    if connection.vendor == "postgresql" and summary.new_sources >= ANALYZE_AFTER_PAPERS:
        # A big batch changes the tables' size and shape: fresh planner statistics now,
        # not whenever autovacuum gets to them (meanwhile pages are planned from the old
        # figures, and the analyze that autovacuum starts competes with the first visitors).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    summary.timings["tracking"] = tracked - started
    summary.timings["after"] = time.perf_counter() - tracked


def default_workers(papers: int) -> int:
    """Parser processes for a batch: one per core, none for a handful of papers (not worth
    starting them)."""
    return (os.cpu_count() or 1) if papers >= PARALLEL_FROM else 0


def ingest_paths(
    paths: Iterable[str | Path], *, progress: bool = False, workers: int | None = None
) -> IngestSummary:
    """Ingest files and folders, then finish the batch (tracking, search index)."""
    summary = IngestSummary()
    files = list(iter_paper_paths(paths))
    summary.files = len(files)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(files), unit="paper", desc="ingest", leave=False)  # on stderr

    def read() -> Iterator[tuple[str, bytes]]:
        for path in files:
            try:
                data = path.read_bytes()
            except OSError as exc:
                summary.failures.append(
                    Failure(str(path), f"cannot read the file ({exc.strerror})")
                )
                if bar is not None:
                    bar.update()
                continue
            yield str(path), data

    workers = default_workers(len(files)) if workers is None else workers
    ingest_stream(read(), summary, workers=workers, on_paper=bar.update if bar else None)
    if bar is not None:
        bar.close()
    finish_batch(summary)
    return summary


@dataclass
class _Paper:
    name: str
    data: bytes
    digest: str = ""
    known: m.SourceFile | None = None
    repeated: bool = False  # the same bytes as an earlier paper of the stream


def ingest_stream(
    papers: Iterable[tuple[str, bytes]],
    summary: IngestSummary | None = None,
    *,
    workers: int = 0,
    on_paper: Callable[[], object] | None = None,
) -> IngestSummary:
    """Store, parse and load (name, bytes) papers in their order; parse in `workers` processes
    a few papers ahead of the loading (0: in this process). The caller finishes the batch."""
    summary = summary or IngestSummary()
    seen: set[str] = set()

    def what(paper: _Paper) -> tuple[str, bytes] | None:
        paper.digest = _digest(paper.data)
        if paper.digest in seen:
            paper.repeated = True  # known by the time it is loaded: no parse
            return None
        seen.add(paper.digest)
        paper.known = _known(paper.digest)
        return None if paper.known is not None else (paper.name, paper.data)

    stream = (_Paper(name, data) for name, data in papers)
    with batch_collector():
        group: transaction.Atomic | None = None
        in_group = 0
        try:
            for paper, outcome in parse_ordered(
                stream, what, workers=workers, **_reading_ahead(summary, workers)
            ):
                if group is None:
                    group = transaction.atomic()
                    group.__enter__()
                try:
                    _ingest_one(paper, outcome, summary)  # in a savepoint of its own
                except BaseException:
                    group.__exit__(None, None, None)  # keep the papers before this one
                    group = None
                    raise
                in_group += 1
                if in_group >= COMMIT_EVERY:
                    group.__exit__(None, None, None)
                    group, in_group = None, 0
                if on_paper is not None:
                    on_paper()
        finally:
            if group is not None:
                group.__exit__(None, None, None)
    return summary


def _reading_ahead(summary: IngestSummary, workers: int) -> dict[str, Any]:
    """Parser processes also read what the tracking update will read (they have time to spare
    while this process loads); in this process it would cost the same now as later."""
    if workers <= 0:
        return {}
    return {"job": parse_reading_ahead, "on_ahead": summary.read_ahead.keep}


def _ingest_one(paper: _Paper, outcome: Outcome | None, summary: IngestSummary) -> None:
    known = paper.known or (_known(paper.digest) if paper.repeated else None)
    if known is not None:
        summary.known_sources += 1
        summary.report.add("SourceFile", "unchanged")
        if known.parse_status == "failed":
            summary.failures.append(_failure(paper.name, known))
        return
    if outcome is None:
        outcome = parse_job(paper.name, paper.data)
    source, report = _add_new(paper.data, paper.name, paper.digest, outcome, summary.session)
    summary.new_sources += 1
    summary.report.add("SourceFile", "inserted")
    summary.report.merge(report)
    if report.changed:
        _note_committees(report, summary)
        if summary.touched_sources is not None:
            summary.touched_sources.add(source.pk)
            if source.supersedes_id:
                summary.touched_sources.add(source.supersedes_id)
    if source.parse_status == "failed":
        summary.failures.append(_failure(paper.name, source))


def _failure(name: str, source: m.SourceFile) -> Failure:
    return Failure(name, "; ".join(source.errors) or "failed to parse")


def _note_committees(report: LoadReport, summary: IngestSummary) -> None:
    """Remember which committees this source (and any version it replaced) feeds."""
    if summary.touched_committees is None:
        return
    if report.committees:
        summary.touched_committees |= report.committees
    else:
        summary.touched_committees = None  # tied to no meeting: we cannot tell, so do them all


def ingest_bytes(data: bytes, name: str, summary: IngestSummary | None = None) -> IngestSummary:
    """Store and process one file (used by the officers' upload page and by benchmarks)."""
    return ingest_stream([(name, data)], summary)


def reparse_all(
    *, progress: bool = False, only_failed: bool = False, workers: int | None = None
) -> IngestSummary:
    """Run the current parser over every stored source (oldest first) and report what changed."""
    summary = IngestSummary()
    sources = m.SourceFile.objects.order_by("pk")
    if only_failed:
        sources = sources.filter(parse_status="failed")
    ids = list(sources.values_list("pk", flat=True))
    summary.files = len(ids)
    summary.touched_committees = None  # a new parser may change any committee's facts
    summary.touched_sources = None
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(ids), unit="paper", desc="reparse", leave=False)
    stored: dict[int, tuple[m.SourceFile, tuple[str, str]]] = {}

    def what(pk: int) -> tuple[str, bytes]:
        source = m.SourceFile.objects.defer("text", "parse_output").get(pk=pk)
        stored[pk] = (source, (source.parse_status, source.parser_version))
        return source.original_name, bytes(source.content)

    workers = default_workers(len(ids)) if workers is None else workers
    for pk, outcome in parse_ordered(
        ids, what, workers=workers, **_reading_ahead(summary, workers)
    ):
        source, before = stored.pop(pk)
        report = process(source, summary.session, outcome)
        summary.report.merge(report)
        summary.known_sources += 1
        if report.changed or before != (source.parse_status, source.parser_version):
            summary.changed_sources.append(source.original_name)
        if source.parse_status == "failed":
            summary.failures.append(_failure(source.original_name, source))
        if bar is not None:
            bar.update()
    if bar is not None:
        bar.close()
    finish_batch(summary)
    return summary
