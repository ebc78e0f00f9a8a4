"""The two full-text backends behind `minutebook.web.search.search()`.

Both take a parsed, safe query and the same filters, and return ranked rows
with a snippet whose highlights are marked by the control characters STX/ETX
(never present in indexed text). User text only ever travels as a bound
parameter, never as SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction

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
# Ranking considers at most this many matching passages, the newest first (row ids follow
# meeting dates when the index is built). Together with COUNT_CAP this bounds the work of
# any query, however common its words, so search time stays flat as the archive grows.
RANK_WINDOW = 500


@dataclass(frozen=True)
class Page:
    total: int
    capped: bool
    rows: list[dict[str, Any]]


class SQLiteFTS5:
    """FTS5 over an external-content table (`web_search_fts` indexes `web_searchentry`).

    1. The newest matches, filters applied, up to the count cap and the rank window: one
       pass down the match list, newest first (FTS5 walks its doclists by rowid).
    2. Ranking within them. bm25() needs, for every term, the number of rows holding it
       (a pass over all of that term's matches, and over position lists for a phrase), so
       it ranks only when every term of the query is rarer than COUNT_CAP. A query with a
       common term is ranked by what a pass over the window alone can tell: matches whose
       title holds the whole query first, then newest first.
    3. Snippets for the page's rows only.
    """

    name = "sqlite-fts5"

    def search(self, query: ParsedQuery, filters: Filters, limit: int, offset: int) -> Page:
        clauses, params = _where(filters)
        match = query.fts5()
        where = " AND ".join(["web_search_fts MATCH %s", *clauses])
        # CROSS JOIN fixes SQLite's join order: the full-text match drives, the filters follow.
        base = (
            "FROM web_search_fts CROSS JOIN web_searchentry e ON e.id = web_search_fts.rowid "
            f"WHERE {where}"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT web_search_fts.rowid {base} ORDER BY web_search_fts.rowid DESC "
                f"LIMIT {max(COUNT_CAP + 1, RANK_WINDOW)}",
                [match, *params],
            )
            newest = [row[0] for row in cursor.fetchall()]
            total, capped = min(len(newest), COUNT_CAP), len(newest) > COUNT_CAP
            window = newest[:RANK_WINDOW]
            if not window or offset >= len(window):
                return Page(total, capped, [])
            if self._rare(cursor, query):
                ranked = self._by_bm25(cursor, match, window)
            else:
                ranked = self._by_title_then_newest(cursor, query, window)
            page = ranked[offset : offset + limit]
            marks = ", ".join(["%s"] * len(page))
            # FTS5 cannot look up `rowid IN (...)` (it would walk every match), but it can walk
            # a rowid range: walk the page's range, and build snippets for its rows only.
            cursor.execute(
                f"SELECT rowid, CASE WHEN rowid IN ({marks}) THEN "
                "snippet(web_search_fts, -1, %s, %s, %s, %s) END "
                "FROM web_search_fts WHERE web_search_fts MATCH %s AND rowid >= %s AND rowid <= %s",
                [*page, MARK_START, MARK_END, "…", SNIPPET_WORDS, match, min(page), max(page)],
            )
            snippets = {pk: text for pk, text in cursor.fetchall() if text is not None}
            cursor.execute(f"SELECT {COLUMNS} FROM web_searchentry e WHERE e.id IN ({marks})", page)
            by_id = {row["id"]: row for row in _rows(cursor)}
            rows = [{**by_id[pk], "snippet": snippets.get(pk, "")} for pk in page if pk in by_id]
            return Page(total, capped, rows)

    @staticmethod
    def _rare(cursor: Any, query: ParsedQuery) -> bool:
        """Whether every term has at most COUNT_CAP matches (each counted only that far)."""
        for term in query.fts5_terms():
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM web_search_fts WHERE web_search_fts "
                f"MATCH %s LIMIT {COUNT_CAP + 1})",
                [term],
            )
            if cursor.fetchone()[0] > COUNT_CAP:
                return False
        return True

    @staticmethod
    def _by_bm25(cursor: Any, match: str, window: list[int]) -> list[int]:
        # Every term is rare, so all matches are few: rank them all, keep the window's.
        cursor.execute(
            "SELECT rowid, bm25(web_search_fts, 4.0, 1.0) FROM web_search_fts "
            "WHERE web_search_fts MATCH %s",
            [match],
        )
        wanted = set(window)
        scored = [(rank, -pk) for pk, rank in cursor.fetchall() if pk in wanted]
        return [-negative for _, negative in sorted(scored)]

    @staticmethod
    def _by_title_then_newest(cursor: Any, query: ParsedQuery, window: list[int]) -> list[int]:
        cursor.execute(
            "SELECT rowid FROM web_search_fts WHERE web_search_fts MATCH %s AND rowid >= %s",
            ["{title} : (" + query.fts5() + ")", window[-1]],
        )
        in_title = {row[0] for row in cursor.fetchall()}
        return [pk for pk in window if pk in in_title] + [pk for pk in window if pk not in in_title]


# ts_headline parses the whole text it is given, at about 2 MB/s: ten long minutes (3-5 KB
# each) took 19 ms, half a search. A longer body is cut to this many characters around the
# first place its lower-cased text holds the query's first lexeme ("foster" for "fostering";
# a final "i" dropped, as "quarrying" gives "quarri"). Where the lexeme is not written as
# such, ts_headline reads the whole body, as before.
HEADLINE_TEXT = 600
_EXCERPT = (
    "CASE WHEN length(e.body) > %s AND x.at > 0 "
    "THEN substr(e.body, greatest(1, x.at - %s), %s) ELSE e.body END"
)
_FIRST_LEXEME_AT = (
    "CROSS JOIN LATERAL (SELECT strpos(lower(e.body), coalesce(regexp_replace("
    "(regexp_match(querytree({tsquery})::text, '''([^'']+)'''))[1], 'i$', ''), '')) AS at) x"
)


class PostgresFTS:
    """PostgreSQL full-text search over the stored, GIN-indexed `document` tsvector.

    1. The newest matches, filters applied, up to the count cap and the rank window, found
       in a few probes over ranges of ids (row ids follow meeting dates), newest first; no
       count query, no reliance on the planner's guess of how common the words are:
       - a walk down the primary key over the newest WALK_FIRST rows, testing each row;
         enough for a common query, and it measures how common the query is;
       - then, from that density, either a further walk (when the rows still to test are
         few) or a bitmap probe: the GIN index's matches AND the range's primary-key
         bitmap, so that only matches inside the range are fetched; the range is sized
         from the density seen so far, and the last probe takes every older row.
    2. ts_rank_cd (no corpus statistics, so cheap per row) over the window only.
    3. ts_headline for the page's rows only.
    """

    name = "postgresql-fts"
    WALK_FIRST = 6000  # rows tested by the first walk (at most a few milliseconds)
    WALK_BUDGET = 20000  # walk on while the rows expected to be tested stay under this
    MARGIN = 1.3  # a probe's range covers the expected rows by this factor

    @staticmethod
    def _tsquery(query: ParsedQuery) -> tuple[str, list[str]]:
        parts = ["plainto_tsquery('english', %s)"] * len(query.words)
        parts += ["phraseto_tsquery('english', %s)"] * len(query.phrases)
        params = [*query.words, *(" ".join(p) for p in query.phrases)]
        return " && ".join(parts), params

    def _newest(
        self, cursor: Any, tsquery: tuple[str, list[str]], where: str, params: list[Any]
    ) -> list[tuple[int, float | None]]:
        """Matching rows newest first, up to the cap and the window (see above), each with
        its ts_rank_cd if it is in the rank window (computed as the probe reads the row)."""
        want = max(COUNT_CAP + 1, RANK_WINDOW)
        rank_sql, rank_params = tsquery
        cursor.execute("SELECT max(id) FROM web_searchentry")
        top = high = cursor.fetchone()[0] or 0
        found: list[tuple[int, float | None]] = []
        walk, size = True, self.WALK_FIRST
        while high > 0 and len(found) < want:
            low = max(high - size, 0)
            cursor.execute(
                "SET LOCAL enable_bitmapscan = off; SET LOCAL enable_indexscan = on"
                if walk
                else "SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = on"
            )
            bounds = "e.id <= %s" if low == 0 else "e.id > %s AND e.id <= %s"
            cursor.execute(
                f"SELECT id, CASE WHEN n <= %s THEN ts_rank_cd(document, {rank_sql}) END "
                "FROM (SELECT e.id, e.document, row_number() OVER (ORDER BY e.id DESC) AS n "
                f"FROM web_searchentry e WHERE {where} AND {bounds} "
                f"ORDER BY e.id DESC LIMIT {want - len(found)}) AS m ORDER BY id DESC",
                [
                    RANK_WINDOW - len(found),
                    *rank_params,
                    *params,
                    *([high] if low == 0 else [low, high]),
                ],
            )
            found += cursor.fetchall()
            high = low
            if low == 0:
                break
            density = len(found) / (top - low)  # matches per row so far
            expected = (want - len(found)) / density * self.MARGIN if density else float(high)
            walk = expected <= self.WALK_BUDGET
            size = int(expected) + 1
            if not walk and size > high // 2:
                size = high  # most of what is left: one last probe over all of it
        return found

    def search(self, query: ParsedQuery, filters: Filters, limit: int, offset: int) -> Page:
        tsquery, q_params = self._tsquery(query)
        clauses, params = _where(filters)
        where = " AND ".join([f"e.document @@ ({tsquery})", *clauses])
        options = (
            f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, "
            'MinWords=10, MaxFragments=2, FragmentDelimiter=" … "'
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            newest = self._newest(cursor, (tsquery, q_params), where, [*q_params, *params])
            total, capped = min(len(newest), COUNT_CAP), len(newest) > COUNT_CAP
            window = newest[:RANK_WINDOW]
            if not window or offset >= len(window):
                return Page(total, capped, [])
            scored = sorted((-(rank or 0.0), -pk) for pk, rank in window)
            page = [-negative for _, negative in scored][offset : offset + limit]
            cursor.execute(
                f"SELECT {COLUMNS}, ts_headline('english', e.title || ' — ' || {_EXCERPT}, "
                f"{tsquery}, %s) AS snippet FROM web_searchentry e "
                f"{_FIRST_LEXEME_AT.format(tsquery=tsquery)} WHERE e.id = ANY(%s)",
                [
                    HEADLINE_TEXT,
                    HEADLINE_TEXT // 4,
                    HEADLINE_TEXT,
                    *q_params,
                    options,
                    *q_params,
                    page,
                ],
            )
            by_id = {row["id"]: row for row in _rows(cursor)}
            return Page(total, capped, [by_id[pk] for pk in page if pk in by_id])


def _rows(cursor: Any) -> list[dict[str, Any]]:
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def backend_for(vendor: str) -> SQLiteFTS5 | PostgresFTS:
    if vendor == "postgresql":
        return PostgresFTS()
    if vendor == "sqlite":
        return SQLiteFTS5()
    raise RuntimeError(f"minutebook search supports SQLite and PostgreSQL, not {vendor}")
