"""Keep the search index honest: changes to indexed or visibility-deciding rows re-index them.

Every save or delete of a watched model notes the changed row (kind, id); the
notes of one transaction are written once, at commit, as `SearchPending` rows
(one query), and the next search (or the end of an ingest batch) re-indexes
the meetings they lead to (`web.search.incremental`). So an officer who closes
an item, a report or a document sees the public search follow at once, and an
ingest of thousands of rows costs one small write per file.

Bulk operations (`bulk_create`, `update()`) send no signals: code that uses
them should call `minutebook.web.search.mark_dirty()`; in any case the search
checks the visibility of every anonymous result page before showing it.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from minutebook.record import models as m

WATCHED = [m.Document, m.AgendaItem, m.Minute, m.Resolution, m.Report, m.Meeting, m.Committee]
_KIND = {
    m.Document: "document",
    m.AgendaItem: "agenda_item",
    m.Minute: "minute",
    m.Resolution: "resolution",
    m.Report: "report",
    m.Meeting: "meeting",
    m.Committee: "committee",
}
_THROUGH = {
    m.AgendaItem.documents.through: ("agenda_item", "agendaitem_id"),
    m.Report.documents.through: ("report", "report_id"),
}


class _Notes:
    """The changes of one transaction, written when it commits."""

    def __init__(self) -> None:
        self.refs: set[tuple[str, int]] = set()

    def __call__(self) -> None:
        from minutebook.web.search import incremental

        incremental.note(self.refs)


def _note(refs: set[tuple[str, int]], using: str) -> None:
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:  # autocommit: the change is already committed
        notes = _Notes()
        notes.refs = refs
        notes()
        return
    for entry in connection.run_on_commit:
        if isinstance(entry[1], _Notes):
            entry[1].refs |= refs
            return
    notes = _Notes()
    notes.refs = set(refs)
    transaction.on_commit(notes, using=using)


def _refs(instance: Any) -> set[tuple[str, int]]:
    kind = _KIND.get(type(instance))
    if kind is not None:
        refs = {(kind, instance.pk)}
        # Deleted rows and moved papers: their meeting, as they stand now.
        meeting = getattr(instance, "meeting_id", None)
        if meeting is not None:
            refs.add(("meeting", meeting))
        return refs
    through = _THROUGH.get(type(instance))
    if through is not None:
        kind, attname = through
        return {(kind, getattr(instance, attname)), ("document", instance.document_id)}
    return set()


def record_changed(sender: Any, instance: Any = None, **kwargs: Any) -> None:
    if kwargs.get("raw") or instance is None or instance.pk is None:
        return
    refs = _refs(instance)
    if refs:
        _note(refs, kwargs.get("using") or "default")


def links_changed(
    sender: Any, instance: Any, action: str, pk_set: Any = None, **kwargs: Any
) -> None:
    if not action.startswith("post_") and action != "pre_clear":
        return
    kind, _ = _THROUGH[sender]
    forward = not kwargs.get("reverse")
    refs: set[tuple[str, int]] = set()
    if forward:
        refs.add((kind, instance.pk))
        ids = pk_set
        if action == "pre_clear":
            ids = set(instance.documents.values_list("pk", flat=True))
        refs |= {("document", pk) for pk in ids or ()}
    else:
        refs.add(("document", instance.pk))
        ids = pk_set
        if action == "pre_clear":
            related = "agenda_items" if kind == "agenda_item" else "reports"
            ids = set(getattr(instance, related).values_list("pk", flat=True))
        refs |= {(kind, pk) for pk in ids or ()}
    _note(refs, kwargs.get("using") or "default")


def connect() -> None:
    for model in [*WATCHED, *_THROUGH]:
        post_save.connect(
            record_changed, sender=model, dispatch_uid=f"search-save-{model.__name__}"
        )
        post_delete.connect(
            record_changed, sender=model, dispatch_uid=f"search-delete-{model.__name__}"
        )
    for through in _THROUGH:
        m2m_changed.connect(links_changed, sender=through, dispatch_uid=f"search-m2m-{through}")
