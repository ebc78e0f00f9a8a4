"""Keep the OParl publication table in step with the public record.

`sync_published()` serializes the whole public record and compares each object
with its last published form (by fingerprint):

- a new object gets `created` = `modified` = now;
- a changed object (including one whose embedded objects changed, as OParl 1.1
  requires for embedded AgendaItem, Membership, Consultation...) gets `modified` = now;
- an object no longer in the public record (deleted, or made closed: OParl
  treats depublication as deletion) keeps `id`, `type`, `created`, gets
  `deleted: true` and `modified` = now, and stays listed where it was;
- an object that comes back is undeleted.

`ensure_published()` runs the sync only when the record changed since the last
one: a save or delete of any record or tracking row sets a dirty flag (signal
receivers connected in `ApiConfig.ready`), and a cheap fingerprint (row counts,
highest ids, history counts) catches changes that bypass signals. The views
call it on every request; ingest may call `sync_published()` directly.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from typing import Any

from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from minutebook.api.models import PublicationState, PublishedListEntry, PublishedObject
from minutebook.api.oparl.serialize import published_objects

STATE_NAME = "oparl"
# The apps whose tables feed the public record; any change in them may change OParl output.
RECORD_APPS = ("record", "tracking")


def fingerprint(payload: dict[str, Any]) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def record_token() -> str:
    """A fingerprint of the record's state: changes whenever any row is added, saved or deleted.

    Every save of a history-tracked model adds a history row, so history counts
    catch updates; counts and highest ids catch the rest.
    """
    parts: list[Any] = []
    for label in RECORD_APPS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models(include_auto_created=True):
            stats = model._default_manager.aggregate(n=models.Count("pk"), top=models.Max("pk"))
            parts.append((model._meta.label, stats["n"], stats["top"]))
    text = json.dumps(parts, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def mark_dirty(sender: type[models.Model], **kwargs: Any) -> None:
    """Signal receiver: a record or tracking row was saved or deleted; re-sync before serving.

    The flag is written in the same transaction as the change, so it rolls back
    with it; once set, the UPDATE matches no row and costs an index lookup.
    """
    meta = getattr(sender, "_meta", None)
    if (
        meta is None
        or meta.app_label not in RECORD_APPS
        or sender.__name__.startswith("Historical")
    ):
        return
    PublicationState.objects.filter(name=STATE_NAME, dirty=False).update(dirty=True)


def ensure_published() -> None:
    """Synchronise the publication table if the record changed since the last sync."""
    token = record_token()
    state = PublicationState.objects.filter(name=STATE_NAME).first()
    if state is not None and state.token == token and not state.dirty:
        return
    # Another request may synchronise at the same moment; its result is as good as ours.
    with contextlib.suppress(IntegrityError):
        sync_published(token=token)


@transaction.atomic
def sync_published(token: str | None = None) -> dict[str, int]:
    """Bring the table in line with the public record; returns counts of what changed."""
    now = timezone.now().replace(microsecond=0)
    counts = {"created": 0, "modified": 0, "deleted": 0, "unchanged": 0}
    existing = {obj.path: obj for obj in PublishedObject.objects.all()}
    entries: set[tuple[str, str]] = set(
        PublishedListEntry.objects.values_list("list_path", "item__path")
    )
    seen: set[str] = set()
    for published in published_objects():
        if published.path in seen:
            continue
        seen.add(published.path)
        digest = fingerprint(published.payload)
        obj = existing.get(published.path)
        if obj is None:
            obj = PublishedObject.objects.create(
                path=published.path,
                kind=published.kind,
                payload=published.payload,
                fingerprint=digest,
                created=now,
                modified=now,
            )
            existing[obj.path] = obj
            counts["created"] += 1
        elif obj.fingerprint != digest or obj.deleted:
            obj.payload = published.payload
            obj.fingerprint = digest
            obj.modified = now
            obj.deleted = False
            obj.save(update_fields=["payload", "fingerprint", "modified", "deleted"])
            counts["modified"] += 1
        else:
            counts["unchanged"] += 1
        for list_path in published.lists:
            if (list_path, obj.path) not in entries:
                PublishedListEntry.objects.create(list_path=list_path, item=obj)
                entries.add((list_path, obj.path))
    for path, obj in existing.items():
        if path in seen or obj.deleted:
            continue
        obj.payload = {"id": obj.payload["id"], "type": obj.payload["type"]}
        obj.fingerprint = ""
        obj.deleted = True
        obj.modified = now
        obj.save(update_fields=["payload", "fingerprint", "deleted", "modified"])
        counts["deleted"] += 1
    PublicationState.objects.update_or_create(
        name=STATE_NAME,
        defaults={"token": token or record_token(), "synced_at": now, "dirty": False},
    )
    return counts
