"""The OParl publication table.

OParl clients keep local copies and update them with `modified_since`; they
must learn of every change and every deletion (spec 2.5 "Filter", 2.8
"Gelöschte Objekte"). The record does not carry creation, modification and
deletion times for every kind of fact, and an object that becomes closed must
vanish from the public API like a deleted one. So the API keeps its own table:
each OParl object as last published, with the times it first appeared, last
changed and disappeared. `oparl.publish.sync_published()` fills it from the
public record.
"""

from __future__ import annotations

from django.db import models


class PublishedObject(models.Model):
    path = models.CharField(max_length=200, unique=True, help_text="e.g. meeting/12")
    kind = models.CharField(max_length=32, help_text="OParl type name, e.g. Meeting")
    payload = models.JSONField(help_text="The object, URLs relative to the OParl base.")
    fingerprint = models.CharField(max_length=64)
    created = models.DateTimeField()
    modified = models.DateTimeField(db_index=True)
    deleted = models.BooleanField(default=False)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.path


class PublishedListEntry(models.Model):
    """Membership of an object in an external object list (e.g. body/x/meeting)."""

    list_path = models.CharField(max_length=200)
    item = models.ForeignKey(PublishedObject, on_delete=models.CASCADE, related_name="lists")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["list_path", "item"], name="published_list_entry")
        ]
        indexes = [models.Index(fields=["list_path", "item"])]


class PublicationState(models.Model):
    """The state of the record when the table was last synchronised."""

    name = models.CharField(max_length=32, unique=True)
    token = models.CharField(max_length=64)
    synced_at = models.DateTimeField()
    dirty = models.BooleanField(
        default=False, help_text="Set by any save or delete in the record since the last sync."
    )
