"""The search index: one row per searchable passage, built from the record.

Rows are derived data (rebuilt by `minutebook.web.search.reindex()`); the
full-text structures live beside the table and are backend-specific: an FTS5
table kept in step by triggers on SQLite, a generated tsvector column with a
GIN index on PostgreSQL (see migration 0001).
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

    class Meta:
        indexes = [
            models.Index(fields=["closed", "kind"], name="search_closed_kind"),
            models.Index(fields=["committee_id", "meeting_date"], name="search_committee_date"),
        ]


class SearchIndexState(models.Model):
    """One row: whether the record changed since the index was last built."""

    dirty = models.BooleanField(default=True)
    built_at = models.DateTimeField(null=True, blank=True)
    entries = models.PositiveIntegerField(default=0)
