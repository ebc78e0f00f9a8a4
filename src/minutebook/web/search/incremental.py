"""Keeping the search index current meeting by meeting, not by rebuilding it.

A change is noted as a pending (kind, ref) pair: a record row that changed
(`web.signals` writes them at commit, for saves and deletes) or a source an
ingest batch touched. `expand()` turns pending pairs into the meetings whose
rows must be re-written (a document's meeting, the meetings of the papers an
agenda item or report links, the meeting a row was indexed under before it
moved) and the sources whose papers belong to no meeting. `reindex_scope()`
deletes those meetings' rows and inserts fresh ones, with visibility computed
by `record.visibility` over that scope only, so the cost follows the change.

When a scope is large (a reparse, a first import) the whole index is rebuilt
instead: that is cheaper than thousands of scoped passes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import Q

from minutebook.record import models as m
from minutebook.web.models import SearchEntry, SearchIndexState, SearchPending
from minutebook.web.search.indexer import ROW_FIELDS, Row, scoped_entries

log = logging.getLogger(__name__)

# Beyond this many meetings and sources in one scope, a full rebuild is cheaper.
MAX_SCOPE = 400
INSERT_BATCH = 2000
COPY_BATCH = 20000
SQLITE_FTS_TABLE = "web_search_fts"
GIN_INDEX = "web_searchentry_document_gin"  # PostgreSQL (migration web 0001)
EVERYTHING = "all"
Ref = tuple[str, int]


def _ids(refs: Iterable[Ref], kind: str) -> set[int]:
    return {ref for k, ref in refs if k == kind}


def _indexed_under(model: str, ids: set[int]) -> list[tuple[int | None, int | None]]:
    """(meeting, source) of the rows already indexed for these objects (they may have moved)."""
    if not ids:
        return []
    return list(
        SearchEntry.objects.filter(model=model, object_id__in=ids)
        .values_list("meeting_id", "source_id")
        .distinct()
    )


def expand(refs: Iterable[Ref]) -> tuple[set[int], set[int]] | None:
    """The (meetings, sources) to re-index for these changes; None means everything."""
    refs = set(refs)
    if any(kind == EVERYTHING for kind, _ in refs):
        return None
    meetings = _ids(refs, "meeting")
    sources = _ids(refs, "source")
    places: list[tuple[int | None, int | None]] = []

    committees = _ids(refs, "committee")
    if committees:
        meetings |= set(
            m.Meeting.objects.filter(committee_id__in=committees).values_list("pk", flat=True)
        )
    documents = _ids(refs, "document")
    if documents:
        places += m.Document.objects.filter(pk__in=documents).values_list("meeting_id", "source_id")
        places += _indexed_under("document", documents)
    items = _ids(refs, "agenda_item")
    if items:
        meetings |= set(
            m.AgendaItem.objects.filter(pk__in=items).values_list("meeting_id", flat=True)
        )
        places += m.AgendaItem.documents.through.objects.filter(
            agendaitem_id__in=items
        ).values_list("document__meeting_id", "document__source_id")
        places += _indexed_under("agenda_item", items)
    minutes = _ids(refs, "minute")
    if minutes:
        meetings |= set(
            m.Minute.objects.filter(pk__in=minutes).values_list("meeting_id", flat=True)
        )
        places += _indexed_under("minute", minutes)
    resolutions = _ids(refs, "resolution")
    if resolutions:
        meetings |= set(
            m.Resolution.objects.filter(pk__in=resolutions).values_list(
                "minute__meeting_id", flat=True
            )
        )
        places += _indexed_under("resolution", resolutions)
    reports = _ids(refs, "report")
    if reports:
        for meeting, item_meeting in m.Report.objects.filter(pk__in=reports).values_list(
            "meeting_id", "agenda_item__meeting_id"
        ):
            meetings |= {x for x in (meeting, item_meeting) if x is not None}
        places += m.Report.documents.through.objects.filter(report_id__in=reports).values_list(
            "document__meeting_id", "document__source_id"
        )
    for meeting, source in places:
        if meeting is not None:
            meetings.add(meeting)
        elif source is not None:
            sources.add(source)
    if sources:
        # The meetings of these sources' papers, now and as last indexed.
        meetings |= set(
            m.Document.objects.filter(source_id__in=sources)
            .exclude(meeting=None)
            .values_list("meeting_id", flat=True)
        )
        meetings |= set(
            SearchEntry.objects.filter(source_id__in=sources)
            .exclude(meeting_id=None)
            .values_list("meeting_id", flat=True)
        )
    meetings.discard(None)  # type: ignore[arg-type]
    return meetings, sources


def insert_rows(rows: Iterable[Row]) -> int:
    """Insert index rows in bulk and return how many.

    PostgreSQL takes them through COPY: an INSERT per row waits for the server once per row
    (about 95 us each), COPY streams them (about seven times faster). On SQLite, which runs
    in this process, batched inserts do; the full-text index is filled afterwards by one
    statement over the new rows, since an insert trigger would flush FTS5's pending terms
    once per row (each statement is a savepoint), which costs about five times more.
    """
    if connection.vendor == "postgresql":
        return _copy_rows(rows)
    table = SearchEntry._meta.db_table
    sql = (
        f"INSERT INTO {table} ({', '.join(ROW_FIELDS)}) "
        f"VALUES ({', '.join(['%s'] * len(ROW_FIELDS))})"
    )
    count = 0
    batch: list[Row] = []
    sqlite = connection.vendor == "sqlite"
    with connection.cursor() as cursor:
        floor = 0
        rebuilt: list[str] = []
        if sqlite:
            # New rows get ids above every existing one (the table is written under lock).
            cursor.execute(f"SELECT coalesce(max(id), 0) FROM {table}")
            (floor,) = cursor.fetchone()
            if floor == 0:
                rebuilt = _drop_indexes(cursor, table)
        for row in rows:
            batch.append(row)
            if len(batch) >= INSERT_BATCH:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
        for statement in rebuilt:
            cursor.execute(statement)
        if sqlite and count:
            cursor.execute(
                f"INSERT INTO {SQLITE_FTS_TABLE}(rowid, title, body) "
                f"SELECT id, title, body FROM {table} WHERE id > %s",
                [floor],
            )
    return count


def _drop_indexes(cursor: Any, table: str) -> list[str]:
    """Drop `table`'s secondary indexes and return the statements that make them again.

    Used when the whole index is written into an empty table (a first import, a rebuild):
    building each index once from the full table sorts once, where keeping it up to date
    inserted a million rows at random places of five B-trees (about 20% of the insert on
    460,000 rows). SQLite's DDL is transactional: a failure restores them with the rest."""
    cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
        "AND sql IS NOT NULL",
        [table],
    )
    made = cursor.fetchall()
    for name, _ in made:
        cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    return [sql for _, sql in made]


def _copy_rows(rows: Iterable[Row]) -> int:
    """PostgreSQL: stream the rows into the table with COPY (psycopg 3), a batch at a time:
    the rows are generated by queries on this same connection, which cannot run while a
    COPY is open."""
    table = SearchEntry._meta.db_table
    statement = f"COPY {table} ({', '.join(ROW_FIELDS)}) FROM STDIN"
    count = 0
    batch: list[Row] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) >= COPY_BATCH:
                count += _copy(cursor, statement, batch)
                batch = []
        if batch:
            count += _copy(cursor, statement, batch)
        if count:
            # New entries wait in the GIN index's pending list (up to 4 MB), which every
            # search scans in full until a vacuum merges it; merge it now, not at the next
            # autovacuum, so searches after an import are as fast as later ones.
            cursor.execute(f"SELECT gin_clean_pending_list('{GIN_INDEX}'::regclass)")
    return count


def _copy(cursor: Any, statement: str, batch: list[Row]) -> int:
    with cursor.cursor.copy(statement) as copy:
        for row in batch:
            copy.write_row(row)
    return len(batch)


def lock_state() -> SearchIndexState:
    """The index state row, locked for this transaction: one index writer at a time."""
    state = SearchIndexState.objects.select_for_update().filter(pk=1).first()
    if state is None:
        state, _ = SearchIndexState.objects.get_or_create(pk=1, defaults={"dirty": True})
    return state


def reindex_scope(meetings: set[int], sources: set[int]) -> tuple[int, int]:
    """Re-write the rows of these meetings and of these sources' meeting-less papers.

    Returns (rows deleted, rows inserted). Call inside a transaction.
    """
    doomed = SearchEntry.objects.filter(
        Q(meeting_id__in=meetings) | Q(meeting_id=None, source_id__in=sources)
    )
    deleted = doomed._raw_delete(doomed.db)  # no signals or cascades: a plain derived table
    inserted = insert_rows(scoped_entries(meetings, sources))
    return deleted, inserted


def apply(refs: set[Ref]) -> dict[str, int] | None:
    """Bring the index up to date with these changes and every pending one.

    Returns what was done, or None after a full rebuild (scope too large or unknown).
    """
    from minutebook.web.search import reindex

    with transaction.atomic():
        state = lock_state()
        pending = list(SearchPending.objects.values_list("pk", "kind", "ref"))
        refs = refs | {(kind, ref) for _, kind, ref in pending}
        scope = expand(refs) if not state.dirty else None
        if scope is not None and len(scope[0]) + len(scope[1]) <= MAX_SCOPE:
            deleted, inserted = reindex_scope(*scope)
            SearchPending.objects.filter(pk__in=[pk for pk, _, _ in pending])._raw_delete(
                connection.alias
            )
            SearchIndexState.objects.filter(pk=1).update(
                entries=max(state.entries - deleted + inserted, 0)
            )
            return {
                "meetings": len(scope[0]),
                "sources": len(scope[1]),
                "deleted": deleted,
                "inserted": inserted,
            }
    reindex()
    return None


def has_pending() -> bool:
    return SearchPending.objects.exists()


def note(refs: set[Ref]) -> None:
    """Record changes for the next search (or batch) to index: one query."""
    SearchPending.objects.bulk_create([SearchPending(kind=k, ref=r) for k, r in sorted(refs)])


def on_batch_ingested(sender: Any, summary: Any, **kwargs: Any) -> None:
    """`record.signals.batch_ingested` receiver: index what the batch touched, now."""
    touched = summary.touched_sources
    try:
        if touched is None:
            reindex_all()
        else:
            apply({("source", pk) for pk in touched})
    except Exception:
        from minutebook.web.search import mark_dirty

        log.exception("incremental search update failed: the next search rebuilds the index")
        mark_dirty()
        raise


def on_archive_imported(sender: Any, **kwargs: Any) -> None:
    """`record.signals.archive_imported` receiver: the entries were imported in bulk, without
    the full-text index; rebuild it from them (PostgreSQL's tsvector column needs nothing)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {SQLITE_FTS_TABLE}({SQLITE_FTS_TABLE}) VALUES ('rebuild')")


def reindex_all() -> None:
    from minutebook.web.search import reindex

    reindex()
