"""Signals the record sends for the packages built on it (tracking, search, OParl).

`batch_ingested` is sent once at the end of an ingest or reparse batch, after
the tracking update, with `summary` (an `IngestSummary`). Its
`touched_sources` is the set of SourceFile ids whose facts the batch added or
changed (None: any source may have changed, as after a reparse) and
`touched_committees` the committees they feed. Receivers must not raise: the
batch is already committed.

`archive_imported` is sent inside the import's transaction after an archive's
rows were written in bulk (no per-row signals or triggers ran), so that derived
structures (the full-text index) can be rebuilt from the imported tables.
"""

from __future__ import annotations

from django.dispatch import Signal

batch_ingested = Signal()
archive_imported = Signal()
