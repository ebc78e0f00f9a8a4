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


class SQLiteFTS5:
    name = "sqlite-fts5"

    def search(
        self, query: ParsedQuery, filters: Filters, limit: int, offset: int
    ) -> tuple[int, list[dict[str, Any]]]:
        clauses, params = _where(filters)
        where = " AND ".join(["web_search_fts MATCH %s", *clauses])
        match = [query.fts5()]
        base = f"FROM web_search_fts JOIN web_searchentry e ON e.id = web_search_fts.rowid WHERE {where}"
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {base}", [*match, *params])
            total = cursor.fetchone()[0]
            cursor.execute(
                f"SELECT {COLUMNS}, snippet(web_search_fts, -1, %s, %s, %s, %s) AS snippet, "
                f"bm25(web_search_fts, 4.0, 1.0) AS rank {base} "
                "ORDER BY rank, e.meeting_date DESC LIMIT %s OFFSET %s",
                [MARK_START, MARK_END, "…", SNIPPET_WORDS, *match, *params, limit, offset],
            )
            return total, _rows(cursor)


class PostgresFTS:
    name = "postgresql-fts"

    @staticmethod
    def _tsquery(query: ParsedQuery) -> tuple[str, list[str]]:
        parts = ["plainto_tsquery('english', %s)"] * len(query.words)
        parts += ["phraseto_tsquery('english', %s)"] * len(query.phrases)
        params = [*query.words, *(" ".join(p) for p in query.phrases)]
        return " && ".join(parts), params

    def search(
        self, query: ParsedQuery, filters: Filters, limit: int, offset: int
    ) -> tuple[int, list[dict[str, Any]]]:
        tsquery, q_params = self._tsquery(query)
        clauses, params = _where(filters)
        where = " AND ".join(["e.document @@ q.query", *clauses])
        base = f"FROM web_searchentry e, (SELECT {tsquery} AS query) q WHERE {where}"
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, "
            'MinWords=10, MaxFragments=2, FragmentDelimiter=" … "'
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {base}", [*q_params, *params])
            total = cursor.fetchone()[0]
            # Rank and page first, then build headlines for the page only: ts_headline is costly.
            cursor.execute(
                f"SELECT {COLUMNS}, ts_headline('english', e.title || ' — ' || e.body, q.query, %s) AS snippet, "
                "rank FROM ("
                f"SELECT e.*, ts_rank_cd(e.document, q.query) AS rank {base} "
                "ORDER BY rank DESC, e.meeting_date DESC NULLS LAST LIMIT %s OFFSET %s"
                f") e, (SELECT {tsquery} AS query) q ORDER BY rank DESC, e.meeting_date DESC NULLS LAST",
                [options, *q_params, *params, limit, offset, *q_params],
            )
            return total, _rows(cursor)


def _rows(cursor: Any) -> list[dict[str, Any]]:
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def backend_for(vendor: str) -> SQLiteFTS5 | PostgresFTS:
    if vendor == "postgresql":
        return PostgresFTS()
    if vendor == "sqlite":
        return SQLiteFTS5()
    raise RuntimeError(f"minutebook search supports SQLite and PostgreSQL, not {vendor}")
