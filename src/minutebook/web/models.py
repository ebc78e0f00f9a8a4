"""The search index: one row per searchable passage, built from the record.

Rows are derived data (rebuilt by `minutebook.web.search.reindex()`, updated
meeting by meeting by `minutebook.web.search.incremental`); the full-text
structures live beside the table and are backend-specific: an FTS5 table kept
in step by triggers on SQLite, a generated tsvector column with a GIN index on
PostgreSQL (see migration 0001). `closed` is decided by `record.visibility`
when the row is written; anything that changes visibility re-writes the row.
"""

from __future__ import annotations

from django.db import models


class SearchEntry(models.Model):
    KIND_CHOICES = [
        ("report", "Reports"),
        ("minutes", "Minutes"),
        ("agenda", "Agendas"),
        ("letter", "Letters"),
        ("decision", "Decision notices"),
        ("other", "Other papers"),
        ("agenda_item", "Agenda items"),
        ("minute", "Minuted discussion"),
        ("resolution", "Resolutions"),
    ]
    kind = models.CharField(max_length=24, choices=KIND_CHOICES)
    model = models.CharField(max_length=24)  # document, agenda_item, minute, resolution
    object_id = models.BigIntegerField()
    line = models.PositiveIntegerField(default=0)
    title = models.TextField()
    body = models.TextField()
    url = models.CharField(max_length=600)
    context = models.CharField(max_length=600, blank=True)  # "Committee, 4 November 2020"
    committee_id = models.BigIntegerField(null=True, blank=True)
    meeting_date = models.DateField(null=True, blank=True)
    closed = models.BooleanField(default=False)
    # Where the row came from, so that a change re-writes only its meeting's rows.
    meeting_id = models.BigIntegerField(null=True, blank=True)
    source_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["closed", "kind"], name="search_closed_kind"),
            models.Index(fields=["committee_id", "meeting_date"], name="search_committee_date"),
            models.Index(fields=["meeting_id"], name="search_meeting"),
            models.Index(fields=["source_id"], name="search_source"),
            models.Index(fields=["model", "object_id"], name="search_object"),
        ]


class SearchIndexState(models.Model):
    """One row: whether the record changed since the index was last built."""

    dirty = models.BooleanField(default=True)
    built_at = models.DateTimeField(null=True, blank=True)
    entries = models.PositiveIntegerField(default=0)


class SearchPending(models.Model):
    """A change not yet in the index: a record row (kind, ref) whose meeting must be re-indexed.

    Written at commit by the save/delete signals (`web.signals`); the next search, or the
    end of an ingest batch, re-indexes the meetings these rows lead to and deletes them.
    """

    kind = models.CharField(max_length=24)  # meeting, committee, source, document, agenda_item, ...
    ref = models.BigIntegerField()
