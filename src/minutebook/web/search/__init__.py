"""Full-text search of the record, behind one interface with two backends.

    search(text, user=..., committee=..., kind=..., date_from=..., date_to=...,
           page=1) -> SearchResults
    reindex() -> int          rebuild the index from the record (returns rows)
    mark_dirty()              note that the whole index must be rebuilt

SQLite FTS5 serves by default, PostgreSQL full-text search when Django runs on
PostgreSQL. The index is kept current meeting by meeting (`incremental.py`):
an ingest batch re-indexes the meetings of the sources it touched when it ends
(`record.signals.batch_ingested`), and saves and deletes of indexed or
visibility-deciding rows leave pending changes that the next search applies
first. Closed business is indexed with `closed=True` (decided by
`record.visibility` when the row is written) and only officers' searches
include it; the rows of an anonymous page are checked again against
`record.visibility` in one query, in case a bulk update bypassed the signals.
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
from minutebook.record.visibility import can_see_closed, public_ids
from minutebook.web.models import SearchEntry, SearchIndexState, SearchPending
from minutebook.web.search import incremental
from minutebook.web.search.backends import MARK_END, MARK_START, Filters, backend_for
from minutebook.web.search.indexer import all_entries
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


def reindex() -> int:
    """Rebuild the whole index from the record, in one transaction. Returns the row count."""
    with transaction.atomic():
        incremental.lock_state()
        pending = list(SearchPending.objects.values_list("pk", flat=True))
        everything = SearchEntry.objects.all()
        everything._raw_delete(everything.db)
        count = incremental.insert_rows(all_entries())
        SearchPending.objects.filter(pk__in=pending)._raw_delete(connection.alias)
        SearchIndexState.objects.update_or_create(
            pk=1, defaults={"dirty": False, "built_at": timezone.now(), "entries": count}
        )
    if connection.vendor == "postgresql":
        # Fresh statistics for the planner now, rather than whenever autovacuum next runs:
        # until then a rebuilt table is planned from its old figures, and the analyze
        # autovacuum starts a little later competes with the first searches.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {SearchEntry._meta.db_table}")
    return count


def ensure_fresh() -> None:
    """Rebuild a dirty index, apply pending changes: one small query when there is neither."""
    table, pending = SearchIndexState._meta.db_table, SearchPending._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT dirty FROM {table} WHERE id = 1), EXISTS (SELECT 1 FROM {pending})"
        )
        dirty, has_pending = cursor.fetchone()
    if dirty is None or dirty:
        reindex()
    elif has_pending:
        incremental.apply(set())


def _stale_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows the visibility rules now hide, asked of the rules over the page's objects.

    The index's `closed` flags follow every save and delete (signals); only a bulk update
    or raw SQL can get past them, and this check keeps such a change off public pages.
    `public_ids` runs each model's rule compiled once per size (prepared on PostgreSQL).
    """
    wanted: dict[str, set[int]] = {}
    for row in rows:
        wanted.setdefault(row["model"], set()).add(row["object_id"])
    allowed: set[tuple[str, int]] = set()
    for name, ids in sorted(wanted.items()):
        if name in _MODELS:
            allowed |= {(name, pk) for pk in public_ids(_MODELS[name], ids)}
    return [r for r in rows if (r["model"], r["object_id"]) not in allowed]


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
        stale = _stale_rows(rows)
        if stale:
            # The index predates a change that sent no signal (a bulk update): re-index
            # those rows' meetings, then search again, so that neither the rows nor the
            # count include what is now closed.
            log.warning("search index was stale for %d row(s): re-indexing them", len(stale))
            incremental.apply({(r["model"], r["object_id"]) for r in stale})
            found = backend.search(query, filters, page_size, (page - 1) * page_size)
            rows = found.rows
            stale = _stale_rows(rows)
            rows = [r for r in rows if r not in stale]
    results.total = found.total
    results.capped = found.capped
    for row in rows:
        row["kind_label"] = KINDS.get(row["kind"], row["kind"])
        row["snippet_html"] = highlight(row.pop("snippet") or "")
        row.pop("rank", None)
        row.pop("id", None)
        results.results.append(row)
    return results
