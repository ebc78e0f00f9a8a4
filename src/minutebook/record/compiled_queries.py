"""The loader's small lookups with their SQL compiled once, not once per paper.

Loading a paper asks a dozen questions of the same shapes ("the minutes of meeting M",
"the meeting of committee C on date D"). Through the ORM each one builds a query and
compiles it to SQL again, which costs about seven times more than running it (0.45 ms
against 0.07 ms on SQLite). Here the SQL of each shape is compiled once per process, by
Django itself, and run again with the new values.

A shape is the model, what is asked (every row, the first row, or one column of the first
row) and the names of the filters, with which of them are None (`IS NULL` is other SQL).
Before a shape's SQL is reused, the values this module would pass are checked to be
exactly those Django compiled, in the same order: a query whose parameters are not just
its filter values in name order (a constant in it, a list, a value prepared otherwise),
or whose first values do not tell their order apart (two equal values), is left to the
ORM, which then answers every such question as before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Model, QuerySet

from minutebook.record.prepared import fetch_prepared

FIRST = "first"
ALL = "all"
VALUE = "value:"  # and a field name: that column of the first row


@dataclass(frozen=True)
class _Plan:
    sql: str
    names: tuple[str, ...]
    attnames: list[str] | None  # None: one column's values, not model instances
    compiler: Any  # Django's SQLCompiler of the first query: its converters are reused
    converters: dict[int, Any]

    def run(self, model: type[Model], filters: dict[str, Any]) -> list[Any]:
        params = [_prep(filters[name]) for name in self.names]
        # Prepared on PostgreSQL: planned once per connection, not once per paper.
        rows: list[Any] = fetch_prepared(self.sql, params)
        if self.converters:
            rows = list(self.compiler.apply_converters(rows, self.converters))
        if self.attnames is None:
            return [row[0] for row in rows]
        db = connection.alias
        return [model.from_db(db, self.attnames, row) for row in rows]


_PLANS: dict[tuple[Any, ...], _Plan | None] = {}
# Shapes not planned yet because their values could not show the parameters' order.
_UNDECIDED = object()


def _prep(value: Any) -> Any:
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return connection.ops.adapt_datefield_value(value)
    return value


def _plannable(value: Any) -> bool:
    if isinstance(value, Model):
        return value.pk is not None
    return isinstance(value, str | int | dt.date) and not isinstance(value, bool | dt.datetime)


def _kind(value: Any) -> str:
    if value is None:
        return "null"  # `IS NULL`: other SQL
    if isinstance(value, Model):
        return "model"  # any instance: its primary key
    return type(value).__name__


def _query(
    model: type[Model], what: str, filters: dict[str, Any], only: tuple[str, ...] = ()
) -> QuerySet[Any]:
    qs = model._default_manager.filter(**filters)
    if only:
        qs = qs.only(*only)
    if what.startswith(VALUE):
        qs = qs.values_list(what.removeprefix(VALUE), flat=True)
    if what != ALL:  # as QuerySet.first()
        qs = (qs if qs.ordered else qs.order_by("pk"))[:1]
    return qs


def _plan(
    model: type[Model], what: str, filters: dict[str, Any], only: tuple[str, ...]
) -> _Plan | object:
    qs = _query(model, what, filters, only)
    compiler = qs.query.get_compiler(using=qs.db)
    sql, params = compiler.as_sql()
    names = tuple(sorted(k for k, v in filters.items() if v is not None))
    ours = [_prep(filters[name]) for name in names]
    if list(params) != ours:
        return None  # parameters other than the filter values: leave it to the ORM
    if len({repr(p) for p in ours}) != len(ours):
        return _UNDECIDED  # equal values: their order cannot be checked on these
    select = compiler.select
    converters = compiler.get_converters([col for col, _, _ in select])
    if what.startswith(VALUE):
        return _Plan(sql, names, None, compiler, converters) if len(select) == 1 else None
    if compiler.klass_info is None or compiler.klass_info["model"] is not model:
        return None
    if compiler.annotation_col_map or compiler.klass_info.get("related_klass_infos"):
        return None
    attnames = [col.target.attname for col, _, _ in select]
    return _Plan(sql, names, attnames, compiler, converters)


def fetch(model: type[Model], what: str, only: tuple[str, ...] = (), **filters: Any) -> list[Any]:
    """`model.objects.filter(**filters)` (`ALL`), `[... .first()]` (`FIRST`) or the first
    row's `field` (`VALUE + field`), as a list; `only`: the fields to read (`QuerySet.only`)."""
    if not all(v is None or _plannable(v) for v in filters.values()):
        return list(_query(model, what, filters, only))
    shape = (
        model,
        what,
        # A value of another type may be prepared otherwise: a shape of its own, checked again.
        tuple(sorted((k, _kind(v)) for k, v in filters.items())),
        only,
        connection.alias,
        connection.vendor,
    )
    plan = _PLANS.get(shape, _UNDECIDED)
    if plan is _UNDECIDED:
        found = _plan(model, what, filters, only)
        if found is not _UNDECIDED:
            _PLANS[shape] = found  # type: ignore[assignment]
            plan = found
    if isinstance(plan, _Plan):
        return plan.run(model, filters)
    return list(_query(model, what, filters, only))


def first(model: type[Model], only: tuple[str, ...] = (), **filters: Any) -> Any:
    """`model.objects.filter(**filters).first()` (`.only(*only)` if given)."""
    rows = fetch(model, FIRST, only, **filters)
    return rows[0] if rows else None


def value(model: type[Model], field: str, **filters: Any) -> Any:
    """`model.objects.filter(**filters).values_list(field, flat=True).first()`."""
    rows = fetch(model, VALUE + field, (), **filters)
    return rows[0] if rows else None


def every(model: type[Model], **filters: Any) -> list[Any]:
    """`list(model.objects.filter(**filters))`."""
    return fetch(model, ALL, (), **filters)


def forget() -> None:
    """Drop every compiled shape (tests that change how a model's table is read)."""
    _PLANS.clear()
