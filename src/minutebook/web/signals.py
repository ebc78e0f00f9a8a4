"""Keep the search index honest: any change to indexed or visibility-deciding rows marks it dirty.

The mark is written once per transaction (on commit), so an ingest of
thousands of rows costs one update, and the next search rebuilds the index.
Bulk operations (`bulk_create`, `update()`) send no signals: code that uses
them must call `minutebook.web.search.reindex()` (or `mark_dirty()`) itself.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from minutebook.record import models as m

WATCHED = [m.Document, m.AgendaItem, m.Minute, m.Resolution, m.Report, m.Meeting, m.Committee]


def _flush() -> None:
    from minutebook.web.search import mark_dirty

    mark_dirty()


def record_changed(sender: Any, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    using = kwargs.get("using") or "default"
    pending = transaction.get_connection(using).run_on_commit
    if any(entry[1] is _flush for entry in pending):
        return
    transaction.on_commit(_flush, using=using)


def connect() -> None:
    for model in WATCHED:
        post_save.connect(
            record_changed, sender=model, dispatch_uid=f"search-save-{model.__name__}"
        )
        post_delete.connect(
            record_changed, sender=model, dispatch_uid=f"search-delete-{model.__name__}"
        )
    for through in (m.AgendaItem.documents.through, m.Report.documents.through):
        m2m_changed.connect(record_changed, sender=through, dispatch_uid=f"search-m2m-{through}")
