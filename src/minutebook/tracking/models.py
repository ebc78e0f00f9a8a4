"""Tracking models: requests and report-backs, commitments, performance figures.

Every row is derived from the record by `update_tracking()` and carries
provenance (the document and line span it was read from), so the public
filter of `record/visibility.py` applies to it unchanged. Only officers'
decisions (confirming or rejecting a match, withdrawing a request, a
commitment's status) are not derived, and they survive recomputation.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from minutebook.record import models as record

REQUEST_KINDS = [
    ("report", "Further report"),
    ("information", "Statistics or information"),
    ("invitation", "Invitation"),
    ("workshop", "Workshop or meeting"),
    ("draft_agenda", "Draft agenda"),
]
DUE_KINDS = [
    ("next_meeting", "Next meeting"),
    ("meeting", "Named meeting"),
    ("date", "Date"),
    ("unspecified", "Unspecified"),
]
REQUEST_STATUSES = [
    ("open", "Open"),
    ("overdue", "Overdue"),
    ("delivered", "Delivered"),
    ("withdrawn", "Withdrawn"),
]
REVIEW_STATES = [
    ("", "Not reviewed"),
    ("confirmed", "Match confirmed"),
    ("rejected", "Match rejected"),
]


class TrackedRequest(models.Model):
    """Something a committee asked for, and whether a later paper delivered it."""

    key = models.CharField(max_length=80, unique=True, help_text="resolution or minute id + index")
    committee = models.ForeignKey(record.Committee, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(
        record.Meeting, on_delete=models.CASCADE, related_name="requests_made"
    )
    resolution = models.ForeignKey(
        record.Resolution, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    minute = models.ForeignKey(
        record.Minute, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    item_number = models.CharField(max_length=32, blank=True)
    kind = models.CharField(max_length=16, choices=REQUEST_KINDS)
    topic = models.TextField()
    actor = models.CharField(max_length=300, blank=True)
    sentence = models.TextField(help_text="The source sentence, as written.")
    due_kind = models.CharField(max_length=16, choices=DUE_KINDS)
    due_date = models.DateField(null=True, blank=True)
    due_meeting = models.ForeignKey(
        record.Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests_due",
    )
    status = models.CharField(max_length=16, choices=REQUEST_STATUSES, default="open")
    delivered_meeting = models.ForeignKey(
        record.Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    delivered_item = models.ForeignKey(
        record.AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    delivered_report = models.ForeignKey(
        record.Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    match_evidence = models.CharField(max_length=32, blank=True)
    match_text = models.TextField(blank=True)
    review = models.CharField(max_length=16, choices=REVIEW_STATES, blank=True, default="")
    rejected_candidates = models.JSONField(default=list, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    withdrawn = models.BooleanField(default=False)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    document = models.ForeignKey(
        record.Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_line = models.PositiveIntegerField(null=True, blank=True)
    last_line = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["meeting__date", "key"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.topic[:80]}"


COMMITMENT_KINDS = [
    ("we_will", 'Strategy statement ("We will ...")'),
    ("self_evaluation", "Self-evaluation action"),
    ("inspection", "Inspection finding: what needs to improve"),
]
COMMITMENT_STATUSES = [("open", "Open"), ("done", "Done"), ("dropped", "Dropped")]


class Commitment(models.Model):
    key = models.CharField(max_length=80, unique=True)
    committee = models.ForeignKey(record.Committee, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(
        record.Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    report = models.ForeignKey(
        record.Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=COMMITMENT_KINDS)
    text = models.TextField()
    evidence = models.TextField(blank=True)
    timescale = models.CharField(max_length=200, blank=True)
    reference = models.CharField(max_length=32, blank=True)
    status = models.CharField(max_length=16, choices=COMMITMENT_STATUSES, default="open")
    document = models.ForeignKey(
        record.Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_line = models.PositiveIntegerField(null=True, blank=True)
    last_line = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["meeting__date", "key"]


class Figure(models.Model):
    """A performance figure read from a report: measure, value, unit, period, comparator, source."""

    key = models.CharField(max_length=80, unique=True)
    committee = models.ForeignKey(record.Committee, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(
        record.Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    report = models.ForeignKey(
        record.Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    measure = models.CharField(
        max_length=64, blank=True, help_text="Catalogue key; blank if unmapped."
    )
    label = models.CharField(max_length=300)
    value = models.FloatField()
    unit = models.CharField(max_length=16)
    period_label = models.CharField(max_length=64, blank=True)
    period_kind = models.CharField(max_length=16, blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    comparator = models.CharField(max_length=32, blank=True)
    breakdown = models.CharField(max_length=300, blank=True)
    sentence = models.TextField()
    document = models.ForeignKey(
        record.Document, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    first_line = models.PositiveIntegerField(null=True, blank=True)
    last_line = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["measure", "period_end", "key"]
