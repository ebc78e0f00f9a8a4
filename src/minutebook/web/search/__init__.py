"""Full-text search of the record, behind one interface with two backends.

    search(text, user=..., committee=..., kind=..., date_from=..., date_to=...,
           page=1) -> SearchResults
    reindex() -> int          rebuild the index from the record (returns rows)
    mark_dirty()              note that the record changed (signals call it)

SQLite FTS5 serves by default, PostgreSQL full-text search when Django runs on
PostgreSQL. The index is rebuilt lazily by the first search after the record
changed (signals on the indexed models mark it dirty); `minutebook ingest`
should call `reindex()` once at the end of a run. Closed business is indexed
with `closed=True` and only officers' searches include it; anonymous results
are checked again against `record.visibility` before they are shown.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from minutebook.record import models as m
from minutebook.record.visibility import can_see_closed, public
from minutebook.web.models import SearchEntry, SearchIndexState
from minutebook.web.search.backends import MARK_END, MARK_START, Filters, backend_for
from minutebook.web.search.indexer import ROW_FIELDS, all_entries
from minutebook.web.search.query import ParsedQuery, parse_query

log = logging.getLogger(__name__)

PAGE_SIZE = 20
MAX_PAGE = 50  # 1,000 results (COUNT_CAP) at 20 a page
KINDS = dict(SearchEntry.KIND_CHOICES)
_MODELS: dict[str, Any] = {
    "document": m.Document,
    "agenda_item": m.AgendaItem,
    "minute": m.Minute,
    "resolution": m.Resolution,
}


@dataclass
class SearchResults:
    query: ParsedQuery
    total: int = 0
    page: int = 1
    page_size: int = PAGE_SIZE
    results: list[dict[str, Any]] = field(default_factory=list)
    backend: str = ""
    capped: bool = False  # more matches than COUNT_CAP: `total` is a floor ("more than")

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def highlight(snippet: str) -> SafeString:
    """Escape the snippet's text, then turn the backend's markers into <mark>."""
    escaped = html.escape(snippet.replace("\x00", ""), quote=True)
    marked = escaped.replace(MARK_START, '<mark class="mb-hit">').replace(MARK_END, "</mark>")
    # A snippet cut between markers must not leave a <mark> open.
    opened = marked.count('<mark class="mb-hit">') - marked.count("</mark>")
    return mark_safe(marked + "</mark>" * max(opened, 0))  # the text was escaped above


def mark_dirty() -> None:
    SearchIndexState.objects.update_or_create(pk=1, defaults={"dirty": True})


def _state() -> SearchIndexState:
    state, _ = SearchIndexState.objects.get_or_create(pk=1, defaults={"dirty": True})
    return state


def reindex(batch_size: int = 2000) -> int:
    """Rebuild the whole index from the record, in one transaction. Returns the row count."""
    count = 0
    table = SearchEntry._meta.db_table
    insert = (
        f"INSERT INTO {table} ({', '.join(ROW_FIELDS)}) "
        f"VALUES ({', '.join(['%s'] * len(ROW_FIELDS))})"
    )
    with transaction.atomic(), connection.cursor() as cursor:
        SearchEntry.objects.all().delete()
        batch: list[tuple[Any, ...]] = []
        for row in all_entries():
            batch.append(row)
            if len(batch) >= batch_size:
                cursor.executemany(insert, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(insert, batch)
            count += len(batch)
        SearchIndexState.objects.update_or_create(
            pk=1, defaults={"dirty": False, "built_at": timezone.now(), "entries": count}
        )
    return count


def ensure_fresh() -> None:
    if _state().dirty:
        reindex()


def _still_public(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop any row the visibility rules now hide (an index older than a reclassification)."""
    wanted: dict[str, set[int]] = {}
    for row in rows:
        wanted.setdefault(row["model"], set()).add(row["object_id"])
    allowed: dict[str, set[int]] = {}
    for model_name, ids in wanted.items():
        model = _MODELS.get(model_name)
        if model is None:
            allowed[model_name] = set()
            continue
        allowed[model_name] = set(
            public(model.objects.filter(pk__in=ids)).values_list("pk", flat=True)
        )
    kept = [r for r in rows if r["object_id"] in allowed[r["model"]]]
    if len(kept) != len(rows):
        log.warning("search index was stale: rebuilding it")
    return kept


def search(
    text: str,
    *,
    user: Any = None,
    committee_ids: list[int] | None = None,
    kinds: list[str] | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    page: int = 1,
    page_size: int = PAGE_SIZE,
) -> SearchResults:
    query = parse_query(text)
    page = min(max(page, 1), MAX_PAGE)
    backend = backend_for(connection.vendor)
    results = SearchResults(query=query, page=page, page_size=page_size, backend=backend.name)
    if query.empty:
        return results
    ensure_fresh()
    officer = can_see_closed(user)
    filters = Filters(
        include_closed=officer,
        committee_ids=tuple(committee_ids) if committee_ids is not None else None,
        kinds=tuple(k for k in kinds or [] if k in KINDS) or None,
        date_from=date_from,
        date_to=date_to,
    )
    found = backend.search(query, filters, page_size, (page - 1) * page_size)
    rows = found.rows
    if not officer:
        checked = _still_public(rows)
        if len(checked) != len(rows):
            # The index predates a change (a bulk update sends no signal): rebuild it now,
            # so that neither the rows nor the count can include what is now closed.
            reindex()
            found = backend.search(query, filters, page_size, (page - 1) * page_size)
            checked = _still_public(found.rows)
        rows = checked
    results.total = found.total
    results.capped = found.capped
    for row in rows:
        row["kind_label"] = KINDS.get(row["kind"], row["kind"])
        row["snippet_html"] = highlight(row.pop("snippet") or "")
        row.pop("rank", None)
        row.pop("id", None)
        results.results.append(row)
    return results
