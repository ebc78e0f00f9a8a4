"""Ingest: store the original file forever, parse it, load the result.

- `store(data, name)`: a SourceFile per distinct content (sha256 identity), so
  the same file twice changes nothing.
- `process(source)`: parse the stored bytes with the current parser and load
  the result. A file the parser cannot read is kept with status "failed" and
  its error message (never a traceback); it can be reparsed later.
- A newer version of a paper supersedes an older one (`SourceFile.supersedes`)
  when it has the same file name, or when its first document is the same
  document of the same meeting (a republished pack). The newer one updates the
  record; the older source and its bytes stay.
- `ingest_paths(paths)`: files or folders (recursive), with a progress bar on
  stderr; `reparse_all()` runs the current parser over every stored source.
Both end with `finish_batch()`: the tracking update, then the `batch_ingested` signal.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from minutebook.parser import models as p
from minutebook.parser.pipeline import parse_bytes
from minutebook.record import models as m
from minutebook.record.loader import LoadSession, load
from minutebook.record.upsert import LoadReport

log = logging.getLogger(__name__)

PAPER_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown", ".html", ".htm", ".xml"}
# Documentation files that sit beside papers in a folder; named explicitly, they are ingested.
FOLDER_NOTES = {"readme", "sources", "licence", "license", "changelog"}


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
    # Committees whose papers this batch added or changed: the tracking update covers only
    # these; None means every committee (a reparse, or a paper tied to no committee).
    touched_committees: set[int] | None = field(default_factory=set)
    # Sources whose facts this batch added or changed; None means any (a reparse).
    touched_sources: set[int] | None = field(default_factory=set)
    # Councils, committees and people stay cached across the papers of one batch.
    session: LoadSession = field(default_factory=LoadSession, repr=False)

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


def store(data: bytes, name: str) -> tuple[m.SourceFile, bool]:
    """The SourceFile holding these bytes, created when new. Returns (source, created)."""
    digest = hashlib.sha256(data).hexdigest()
    found = m.SourceFile.objects.filter(sha256=digest).first()
    if found is not None:
        return found, False
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    source = m.SourceFile.objects.create(
        sha256=digest,
        original_name=name[:500],
        media_type=media_type,
        size=len(data),
        content=data,
    )
    return source, True


def _record_parse(source: m.SourceFile, result: p.ParseResult) -> None:
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
    source.parsed_at = timezone.now()
    source.save()


def _record_failure(source: m.SourceFile, message: str) -> None:
    from minutebook.parser import PARSER_VERSION

    source.parse_status = "failed"
    source.parser_version = PARSER_VERSION
    source.errors = [message]
    source.parsed_at = timezone.now()
    source.save()


def _primary_signature(source: m.SourceFile) -> tuple[object, ...] | None:
    first = source.documents.exclude(meeting=None).order_by("first_line").first()
    if first is None:
        return None
    return (first.meeting_id, first.kind, first.subkind, first.title)


def _find_superseded(source: m.SourceFile) -> m.SourceFile | None:
    """An older, still current source this one replaces (same file name or same first document)."""
    older = m.SourceFile.objects.exclude(pk=source.pk).exclude(parse_status="failed")
    older = older.filter(superseded_by=None, pk__lt=source.pk).exclude(supersedes=source)
    base = Path(source.original_name).name
    candidates = [
        s for s in older.only("pk", "original_name") if Path(s.original_name).name == base
    ]
    signature = _primary_signature(source)
    if signature is not None:
        meeting_id = signature[0]
        for other in older.filter(documents__meeting_id=meeting_id).distinct():
            if other not in candidates and _primary_signature(other) == signature:
                candidates.append(other)
    return max(candidates, key=lambda s: s.pk) if candidates else None


def process(source: m.SourceFile, session: LoadSession | None = None) -> LoadReport:
    """Parse the stored bytes with the current parser and load the result."""
    session = session or LoadSession()
    try:
        result = parse_bytes(bytes(source.content), source.original_name)
    except p.ParseError as exc:
        _record_failure(source, exc.message)
        return LoadReport()
    except Exception as exc:  # a parser bug must not lose the file or stop a batch
        log.exception("parser crashed on %s", source.original_name)
        _record_failure(source, f"the parser failed on this file ({type(exc).__name__}: {exc})")
        return LoadReport()
    try:
        with transaction.atomic():
            _record_parse(source, result)
            if source.superseded_by.exists():
                return LoadReport()  # kept and re-read, but a newer version stands for it
            report = load(result, source=source, session=session)
            if source.supersedes_id is None:
                older = _find_superseded(source)
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


def _progress(items: list[Path], enabled: bool) -> Iterable[Path]:
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, unit="paper", desc="ingest", leave=False)  # writes to stderr


def finish_batch(summary: IngestSummary) -> None:
    """After a batch: update the tracking facts, then tell receivers (search index, OParl)."""
    if not summary.report.changed:
        return  # nothing new in the record: derived facts are still current
    from minutebook.record.signals import batch_ingested
    from minutebook.tracking.update import update_tracking

    try:
        summary.tracking = update_tracking(committee_ids=summary.touched_committees)
    except Exception as exc:
        log.exception("tracking update failed")
        summary.failures.append(Failure("tracking", f"tracking update failed: {exc}"))
    for receiver, outcome in batch_ingested.send_robust(sender=IngestSummary, summary=summary):
        if isinstance(outcome, Exception):
            log.error("%s failed after the batch: %s", receiver, outcome, exc_info=outcome)
            summary.failures.append(Failure("after ingest", f"{outcome}"))


def ingest_paths(paths: Iterable[str | Path], *, progress: bool = False) -> IngestSummary:
    summary = IngestSummary()
    files = list(iter_paper_paths(paths))
    summary.files = len(files)
    for path in _progress(files, progress):
        try:
            data = path.read_bytes()
        except OSError as exc:
            summary.failures.append(Failure(str(path), f"cannot read the file ({exc.strerror})"))
            continue
        ingest_bytes(data, str(path), summary)
    finish_batch(summary)
    return summary


def _note_committees(source: m.SourceFile, summary: IngestSummary) -> None:
    """Remember which committees this source (and any version it replaced) feeds."""
    if summary.touched_committees is None:
        return
    sources = [source.pk] + ([source.supersedes_id] if source.supersedes_id else [])
    committees = set(
        m.Meeting.objects.filter(documents__source_id__in=sources).values_list(
            "committee_id", flat=True
        )
    )
    if committees:
        summary.touched_committees |= committees
    else:
        summary.touched_committees = None  # tied to no meeting: we cannot tell, so do them all


def ingest_bytes(data: bytes, name: str, summary: IngestSummary | None = None) -> IngestSummary:
    """Store and process one file (used by the CLI and by the officers' upload page)."""
    summary = summary or IngestSummary()
    source, created = store(data, name)
    if created:
        summary.new_sources += 1
        summary.report.add("SourceFile", "inserted")
        report = process(source, summary.session)
        summary.report.merge(report)
        if report.changed:
            _note_committees(source, summary)
            if summary.touched_sources is not None:
                summary.touched_sources.add(source.pk)
                if source.supersedes_id:
                    summary.touched_sources.add(source.supersedes_id)
    else:
        summary.known_sources += 1
        summary.report.add("SourceFile", "unchanged")
    if source.parse_status == "failed":
        summary.failures.append(Failure(name, "; ".join(source.errors) or "failed to parse"))
    return summary


def reparse_all(*, progress: bool = False, only_failed: bool = False) -> IngestSummary:
    """Run the current parser over every stored source (oldest first) and report what changed."""
    summary = IngestSummary()
    sources = m.SourceFile.objects.order_by("pk").defer("content", "text", "parse_output")
    if only_failed:
        sources = sources.filter(parse_status="failed")
    ids = list(sources.values_list("pk", flat=True))
    summary.files = len(ids)
    iterator: Iterable[int] = ids
    if progress:
        from tqdm import tqdm

        iterator = tqdm(ids, unit="paper", desc="reparse", leave=False)
    summary.touched_committees = None  # a new parser may change any committee's facts
    summary.touched_sources = None
    for pk in iterator:
        source = m.SourceFile.objects.get(pk=pk)
        before = (source.parse_status, source.parser_version)
        report = process(source, summary.session)
        summary.report.merge(report)
        summary.known_sources += 1
        if report.changed or before != (source.parse_status, source.parser_version):
            summary.changed_sources.append(source.original_name)
        if source.parse_status == "failed":
            summary.failures.append(
                Failure(source.original_name, "; ".join(source.errors) or "failed to parse")
            )
    finish_batch(summary)
    return summary
