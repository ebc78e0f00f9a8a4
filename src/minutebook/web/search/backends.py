"""The two full-text backends behind `minutebook.web.search.search()`.

Both take a parsed, safe query and the same filters, and return ranked rows
with a snippet whose highlights are marked by the control characters STX/ETX
(never present in indexed text). User text only ever travels as a bound
parameter, never as SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection

from minutebook.web.search.query import ParsedQuery

MARK_START = "\x02"
MARK_END = "\x03"
SNIPPET_WORDS = 30


@dataclass(frozen=True)
class Filters:
    include_closed: bool = False
    committee_ids: tuple[int, ...] | None = None
    kinds: tuple[str, ...] | None = None
    date_from: Any = None
    date_to: Any = None


def _where(filters: Filters) -> tuple[list[str], list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if not filters.include_closed:
        clauses.append("e.closed = %s")
        params.append(False)
    if filters.committee_ids is not None:
        if not filters.committee_ids:
            clauses.append("1 = 0")
        else:
            clauses.append(f"e.committee_id IN ({', '.join(['%s'] * len(filters.committee_ids))})")
            params.extend(filters.committee_ids)
    if filters.kinds:
        clauses.append(f"e.kind IN ({', '.join(['%s'] * len(filters.kinds))})")
        params.extend(filters.kinds)
    if filters.date_from is not None:
        clauses.append("e.meeting_date >= %s")
        params.append(filters.date_from)
    if filters.date_to is not None:
        clauses.append("e.meeting_date <= %s")
        params.append(filters.date_to)
    return clauses, params


COLUMNS = "e.id, e.kind, e.model, e.object_id, e.line, e.title, e.url, e.context, e.meeting_date"
# Counts stop here ("more than 1,000 results"): counting every match of a common word is slow.
COUNT_CAP = 1000
# Ranking considers at most this many matching passages, the newest first (the index is
# written in meeting-date order). A rarer query is ranked whole; a very common word is
# ranked within its most recent RANK_WINDOW matches, so search time stays flat at scale.
RANK_WINDOW = 2000


@dataclass(frozen=True)
class Page:
    total: int
    capped: bool
    rows: list[dict[str, Any]]


class SQLiteFTS5:
    name = "sqlite-fts5"

    def search(self, query: ParsedQuery, filters: Filters, limit: int, offset: int) -> Page:
        clauses, params = _where(filters)
        where = " AND ".join(["web_search_fts MATCH %s", *clauses])
        args = [query.fts5(), *params]
        # CROSS JOIN fixes SQLite's join order: the full-text match drives, the filters follow.
        # (With a plain JOIN the planner may scan the entries and probe the index per row.)
        base = (
            "FROM web_search_fts CROSS JOIN web_searchentry e ON e.id = web_search_fts.rowid "
            f"WHERE {where}"
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT {COUNT_CAP + 1})", args)
            total = cursor.fetchone()[0]
            window, window_args = "", []
            if total > COUNT_CAP:
                cursor.execute(
                    f"SELECT web_search_fts.rowid {base} ORDER BY web_search_fts.rowid DESC "
                    f"LIMIT 1 OFFSET {RANK_WINDOW - 1}",
                    args,
                )
                boundary = cursor.fetchone()
                if boundary is not None:
                    window, window_args = " AND web_search_fts.rowid >= %s", [boundary[0]]
            # Rank without snippets (SQLite would build one for every candidate before
            # sorting), then fetch the page's rows with their snippets.
            cursor.execute(
                f"SELECT web_search_fts.rowid, bm25(web_search_fts, 4.0, 1.0) AS rank "
                f"{base}{window} ORDER BY rank, e.meeting_date DESC LIMIT %s OFFSET %s",
                [*args, *window_args, limit, offset],
            )
            ranked = [row[0] for row in cursor.fetchall()]
            if not ranked:
                return Page(min(total, COUNT_CAP), total > COUNT_CAP, [])
            cursor.execute(
                f"SELECT {COLUMNS}, snippet(web_search_fts, -1, %s, %s, %s, %s) AS snippet "
                "FROM web_search_fts CROSS JOIN web_searchentry e ON e.id = web_search_fts.rowid "
                f"WHERE web_search_fts MATCH %s AND web_search_fts.rowid IN "
                f"({', '.join(['%s'] * len(ranked))})",
                [MARK_START, MARK_END, "…", SNIPPET_WORDS, query.fts5(), *ranked],
            )
            by_id = {row["id"]: row for row in _rows(cursor)}
            rows = [by_id[pk] for pk in ranked if pk in by_id]
            return Page(min(total, COUNT_CAP), total > COUNT_CAP, rows)


class PostgresFTS:
    name = "postgresql-fts"

    @staticmethod
    def _tsquery(query: ParsedQuery) -> tuple[str, list[str]]:
        parts = ["plainto_tsquery('english', %s)"] * len(query.words)
        parts += ["phraseto_tsquery('english', %s)"] * len(query.phrases)
        params = [*query.words, *(" ".join(p) for p in query.phrases)]
        return " && ".join(parts), params

    def search(self, query: ParsedQuery, filters: Filters, limit: int, offset: int) -> Page:
        tsquery, q_params = self._tsquery(query)
        clauses, params = _where(filters)
        where = " AND ".join(["e.document @@ q.query", *clauses])
        base = f"FROM web_searchentry e, (SELECT {tsquery} AS query) q WHERE {where}"
        args = [*q_params, *params]
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, "
            'MinWords=10, MaxFragments=2, FragmentDelimiter=" … "'
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT {COUNT_CAP + 1}) c", args)
            total = cursor.fetchone()[0]
            window, window_args = "", []
            if total > COUNT_CAP:
                cursor.execute(
                    f"SELECT e.id {base} ORDER BY e.id DESC LIMIT 1 OFFSET {RANK_WINDOW - 1}", args
                )
                boundary = cursor.fetchone()
                if boundary is not None:
                    window, window_args = " AND e.id >= %s", [boundary[0]]
            # Rank and page first, then build headlines for the page only: ts_headline is costly.
            cursor.execute(
                f"SELECT {COLUMNS}, ts_headline('english', e.title || ' — ' || e.body, q.query, %s) "
                "AS snippet, rank FROM ("
                f"SELECT e.*, ts_rank_cd(e.document, q.query) AS rank {base}{window} "
                "ORDER BY rank DESC, e.meeting_date DESC NULLS LAST LIMIT %s OFFSET %s"
                f") e, (SELECT {tsquery} AS query) q "
                "ORDER BY rank DESC, e.meeting_date DESC NULLS LAST",
                [options, *args, *window_args, limit, offset, *q_params],
            )
            return Page(min(total, COUNT_CAP), total > COUNT_CAP, _rows(cursor))


def _rows(cursor: Any) -> list[dict[str, Any]]:
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def backend_for(vendor: str) -> SQLiteFTS5 | PostgresFTS:
    if vendor == "postgresql":
        return PostgresFTS()
    if vendor == "sqlite":
        return SQLiteFTS5()
    raise RuntimeError(f"minutebook search supports SQLite and PostgreSQL, not {vendor}")
