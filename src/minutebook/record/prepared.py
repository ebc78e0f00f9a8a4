"""Run a fixed statement, compiled once by its caller, as a prepared statement on PostgreSQL.

A page asks the visibility rules about its rows in about ten small queries whose text
never changes (ids padded to a power of two). PostgreSQL spent four times longer planning
them than running them. Prepared once per connection with a generic plan, they are
planned once per connection (persistent connections, `CONN_MAX_AGE`), not once per page.

Only statements run through `fetch_prepared()` are prepared: Django's own cursors bind
client-side and prepare nothing (so poolers and the search backend's tuned plans are
unaffected), and `plan_cache_mode=force_generic_plan` (see settings) applies to prepared
statements only. Execute wrappers (query counting in tests and the benchmark) see these
queries like any other. SQLite runs them through Django's cursor as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.backends.utils import CursorDebugWrapper

# psycopg keeps 100 prepared statements per connection by default; the rules (by model and
# size), a page's shapes and the loader's lookups come to more, and evicting one means
# planning it again.
PREPARED_MAX = 1000


def fetch_prepared(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """The rows of `sql` (Django's `%s` placeholders), prepared on PostgreSQL."""
    rows: list[tuple[Any, ...]] = []
    with connection.cursor() as wrapper:
        if connection.vendor != "postgresql":
            wrapper.execute(sql, params)
            return list(wrapper.fetchall())
        import psycopg

        raw = connection.connection
        if (raw.prepared_max or 0) < PREPARED_MAX:
            raw.prepared_max = PREPARED_MAX

        def execute(sql: str, params: Any, many: bool, context: Any) -> None:
            with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cur:
                cur.execute(sql, params, prepare=True)
                rows.extend(cur.fetchall())

        if isinstance(wrapper, CursorDebugWrapper):
            # Logged as Django logs its own queries (query counts in tests, DEBUG pages).
            with wrapper.debug_sql(sql, params):
                wrapper._execute_with_wrappers(sql, list(params), False, execute)
        else:
            wrapper._execute_with_wrappers(sql, list(params), False, execute)
    return rows


_PLACEHOLDER = re.compile(r"(?<!%)%s")
_WORD = re.compile(r"[A-Za-z_]+")


def inline_constants(sql: str, params: list[Any], keep: set[Any]) -> tuple[str, list[Any]]:
    """`sql` with the rule's own constants ("closed", 1) written in, and only the values in
    `keep` (the ids) left as parameters: a plan made once for any ids still knows that
    closed items are few. Only plain integers and words are inlined; anything else stays a
    parameter."""
    pieces = _PLACEHOLDER.split(sql)
    if len(pieces) != len(params) + 1:
        return sql, params  # a placeholder we cannot place: leave the statement as it is
    out, kept = [pieces[0]], []
    for value, piece in zip(params, pieces[1:], strict=True):
        literal = None
        if isinstance(value, bool):
            pass
        elif isinstance(value, int) and value not in keep:
            literal = str(int(value))
        elif isinstance(value, str) and _WORD.fullmatch(value):
            literal = f"'{value}'"
        if literal is None:
            out.append("%s")
            kept.append(value)
        else:
            out.append(literal)
        out.append(piece)
    return "".join(out), kept
