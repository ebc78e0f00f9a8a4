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
from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from minutebook.api.models import PublicationState, PublishedListEntry, PublishedObject
from minutebook.api.oparl.links import oparl_type, url
from minutebook.api.oparl.serialize import published_objects

STATE_NAME = "oparl"
# The apps whose tables feed the public record; any change in them may change OParl output.
RECORD_APPS = ("record", "tracking")


def fingerprint(payload: dict[str, Any]) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


# Bump when serialize.py changes what is published, so that the next request re-synchronises.
FORMAT_VERSION = 4


def record_token() -> str:
    """A fingerprint of the record's rows: changes whenever rows are added or removed.

    Saves and deletes through the models set the dirty flag (`mark_dirty`); this
    catches bulk loads (an archive import) and deletes that bypass signals.
    """
    quote = connection.ops.quote_name
    selects = []
    for label in RECORD_APPS:
        try:
            config = apps.get_app_config(label)
        except LookupError:
            continue
        for model in config.get_models():
            if model.__name__.startswith("Historical"):
                continue
            pk = quote(model._meta.pk.column)
            table = quote(model._meta.db_table)
            selects.append(f"SELECT {len(selects)}, COUNT({pk}), MAX({pk}) FROM {table}")
    # One round trip; table and column names come from the models, never from input.
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects))
        parts = sorted(cursor.fetchall())
    text = json.dumps([FORMAT_VERSION, parts], default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _flagged_in_this_transaction() -> None:
    """A no-op on-commit marker: its presence says this transaction already set the flag."""


def mark_dirty(sender: type[models.Model], **kwargs: Any) -> None:
    """Signal receiver: a record or tracking row was saved or deleted; re-sync before serving.

    The flag is written in the same transaction as the change, so it rolls back
    with it, and only once per transaction: a marker in the connection's
    on-commit list remembers it (an ingest saving thousands of rows costs one
    UPDATE, not one per row). Rolling back a savepoint drops its marker along
    with its UPDATE, so the next save sets the flag again.
    """
    meta = getattr(sender, "_meta", None)
    if (
        meta is None
        or meta.app_label not in RECORD_APPS
        or sender.__name__.startswith("Historical")
    ):
        return
    using = kwargs.get("using") or "default"
    pending = transaction.get_connection(using).run_on_commit
    if any(entry[1] is _flagged_in_this_transaction for entry in pending):
        return
    PublicationState.objects.using(using).filter(name=STATE_NAME, dirty=False).update(dirty=True)
    transaction.on_commit(_flagged_in_this_transaction, using=using)


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
    existing = {
        obj.path: obj
        for obj in PublishedObject.objects.only("pk", "path", "kind", "fingerprint", "deleted")
    }
    entries: set[tuple[str, str]] = set(
        PublishedListEntry.objects.values_list("list_path", "item__path")
    )
    new: list[PublishedObject] = []
    changed: list[PublishedObject] = []
    wanted_entries: list[tuple[str, str]] = []
    unchanged = 0
    current: set[str] = set()
    for published in published_objects():
        if published.path in current:
            continue
        current.add(published.path)
        if published.path in existing:
            obj = existing[published.path]
            digest = fingerprint(published.payload)
            if obj.fingerprint != digest or obj.deleted:
                obj.payload, obj.fingerprint = published.payload, digest
                obj.modified, obj.deleted = now, False
                changed.append(obj)
            else:
                unchanged += 1
        else:
            obj = PublishedObject(
                path=published.path,
                kind=published.kind,
                payload=published.payload,
                fingerprint=fingerprint(published.payload),
                created=now,
                modified=now,
            )
            existing[obj.path] = obj
            new.append(obj)
        wanted_entries += [(list_path, obj.path) for list_path in published.lists]
    gone = [
        obj for path, obj in existing.items() if obj.pk and not obj.deleted and path not in current
    ]
    for obj in gone:
        # Spec 2.8: a deleted object keeps id, type and created; everything else may go.
        obj.payload = {"id": url(obj.path), "type": oparl_type(obj.kind)}
        obj.fingerprint, obj.deleted, obj.modified = "", True, now
    PublishedObject.objects.bulk_create(new, batch_size=500)
    PublishedObject.objects.bulk_update(
        changed + gone, ["payload", "fingerprint", "modified", "deleted"], batch_size=500
    )
    ids = dict(PublishedObject.objects.values_list("path", "pk"))
    wanted = set(wanted_entries)
    PublishedListEntry.objects.bulk_create(
        [
            PublishedListEntry(list_path=list_path, item_id=ids[path])
            for list_path, path in dict.fromkeys(wanted_entries)
            if (list_path, path) not in entries
        ],
        batch_size=500,
    )
    # A current object leaves lists it no longer belongs to; a deleted one stays where it was,
    # so that clients updating with modified_since learn of the deletion there.
    stale = [
        (list_path, path)
        for list_path, path in entries
        if path in current and (list_path, path) not in wanted
    ]
    for list_path, path in stale:
        PublishedListEntry.objects.filter(list_path=list_path, item_id=ids[path]).delete()
    PublicationState.objects.update_or_create(
        name=STATE_NAME,
        defaults={"token": token or record_token(), "synced_at": now, "dirty": False},
    )
    # The flag is clear again: a later change in this same transaction must set it anew.
    pending = transaction.get_connection().run_on_commit
    pending[:] = [entry for entry in pending if entry[1] is not _flagged_in_this_transaction]
    return {
        "created": len(new),
        "modified": len(changed),
        "deleted": len(gone),
        "unchanged": unchanged,
    }
