"""A saved draft agenda: the order of business an officer prepares for a future meeting.

The draft is proposed from the record (`draft.propose_draft`) and then owned by
the officer: every item can be renamed, reordered, removed, added, and given
reports. Items are numbered by their order when the papers are produced, so
numbers never go stale after an edit.
"""

from __future__ import annotations

from django.db import models

from minutebook.record.models import PART_CHOICES, Committee, Report, WorkPlanEntry


class DraftAgenda(models.Model):
    committee = models.ForeignKey(Committee, on_delete=models.CASCADE, related_name="drafts")
    date = models.DateField()
    start_time = models.TimeField(null=True, blank=True)
    venue = models.CharField(max_length=400, blank=True)
    contacts = models.TextField(
        blank=True, help_text="Contact officers, one a line: name, phone, email."
    )
    summoned_by = models.CharField(
        max_length=300, blank=True, help_text='Who summons the members, e.g. "Chief Executive".'
    )
    published = models.DateField(null=True, blank=True, help_text="Date printed on the papers.")
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["committee", "date"], name="draftagenda_unique")
        ]
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"Draft agenda: {self.committee} {self.date:%d %B %Y}"


class DraftAgendaItem(models.Model):
    KIND_CHOICES = [
        ("standard", "Standard item"),
        ("minutes", "Minutes of the last meeting"),
        ("work_plan_entry", "Planned in the work plan"),
        ("request", "Requested by the committee"),
        ("report", "Report"),
        ("work_plan", "The work plan"),
        ("other", "Other"),
    ]
    draft = models.ForeignKey(DraftAgenda, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveIntegerField()
    title = models.CharField(max_length=600)
    description = models.TextField(blank=True)
    kind = models.CharField(max_length=24, choices=KIND_CHOICES, default="other")
    part = models.CharField(max_length=8, choices=PART_CHOICES, default="open")
    scheduled_time = models.TimeField(null=True, blank=True)
    reports = models.ManyToManyField(Report, blank=True, related_name="draft_items")
    work_plan_entry = models.ForeignKey(
        WorkPlanEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["draft", "order", "pk"]

    def __str__(self) -> str:
        return self.title
