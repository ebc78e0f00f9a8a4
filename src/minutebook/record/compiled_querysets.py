"""A page's querysets compiled to SQL once per process, and run again with new values.

A meeting page asks the same dozen questions of every meeting ("the agenda items of
meeting M with their documents", "the requests made at M or due at it"). Building each
through the ORM costs more than running it: Django compiles the SQL again every time (2 to
6 ms each for the wider `select_related` queries on a slow core), and PostgreSQL plans the
SQL again every time (a nine-table join took 6 ms to plan and 1 ms to run). Here a named
shape is built once with stand-in values, compiled by Django itself, and then run with the
real values as a prepared statement (`record.prepared`: planned once per connection on
PostgreSQL). Rows become model instances, with their `select_related` objects, through
Django's own row populators, as the ORM would make them.

The stand-ins are values no row has (negative ids, dates in the year 1, strings with a
control character). A shape is reused only if every stand-in is found among the compiled
parameters; any other parameter is a constant of the shape and stays as compiled. If a
stand-in is missing (the ORM folded it into the SQL, say), the shape is left to the ORM,
which then answers every call as before.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import connection
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

from minutebook.record.prepared import fetch_prepared

_M = TypeVar("_M", bound=Model)
Value = int | str | dt.date
Build = Callable[..., QuerySet[Any]]

_SENTINEL_ID = -(10**15)


def _stand_in(value: Value, index: int) -> Value:
    if isinstance(value, bool):
        raise TypeError("a boolean is a constant of the shape, not a value")
    if isinstance(value, int):
        return _SENTINEL_ID - index
    if isinstance(value, dt.datetime):
        raise TypeError("datetimes are not supported as values")
    if isinstance(value, dt.date):
        return dt.date(1, 1, 1) + dt.timedelta(days=index)
    if isinstance(value, str):
        return f"\x01stand-in {index}"
    raise TypeError(f"unsupported value {value!r}")


def _prepared(value: Value) -> Any:
    """The value as Django passes it to the driver."""
    if isinstance(value, dt.date):
        return connection.ops.adapt_datefield_value(value)
    return value


@dataclass(frozen=True)
class _Shape:
    sql: str
    params: tuple[Any, ...]  # compiled parameters; slots hold None
    slots: tuple[tuple[int, int], ...]  # (parameter position, value index)
    compiler: Any
    converters: dict[int, Any]
    klass_info: dict[str, Any] | None
    init_list: list[str]
    model_span: tuple[int, int]
    populators: list[Any]

    def run(self, values: tuple[Value, ...], known: dict[str, Any]) -> list[Any]:
        params = list(self.params)
        for position, index in self.slots:
            params[position] = _prepared(values[index])
        rows: list[Any] = fetch_prepared(self.sql, params)
        if self.converters:
            rows = list(self.compiler.apply_converters(rows, self.converters))
        if self.klass_info is None:
            return [tuple(row) for row in rows]
        db = connection.alias
        model = self.klass_info["model"]
        start, end = self.model_span
        out = []
        for row in rows:
            obj = model.from_db(db, self.init_list, row[start:end])
            for populator in self.populators:
                populator.populate(row, obj)
            for name, related in known.items():
                setattr(obj, name, related)
            out.append(obj)
        return out


_SHAPES: dict[tuple[str, str, str], _Shape | None] = {}


def _compile(build: Build, values: tuple[Value, ...]) -> _Shape | None:
    stand_ins = [_stand_in(v, i) for i, v in enumerate(values)]
    qs = build(*stand_ins)
    compiler = qs.query.get_compiler(using=qs.db)
    sql, compiled = compiler.as_sql()
    wanted = {repr(_prepared(s)): i for i, s in enumerate(stand_ins)}
    params: list[Any] = []
    slots: list[tuple[int, int]] = []
    for position, param in enumerate(compiled):
        index = wanted.get(repr(param))
        if index is None:
            params.append(param)
        else:
            params.append(None)
            slots.append((position, index))
    if {index for _, index in slots} != set(range(len(values))):
        return None  # a value the SQL does not take as a parameter: leave it to the ORM
    if compiler.annotation_col_map:
        return None
    select = compiler.select
    converters = compiler.get_converters([col for col, _, _ in select])
    klass_info = compiler.klass_info
    if klass_info is None:
        return _Shape(sql, tuple(params), tuple(slots), compiler, converters, None, [], (0, 0), [])
    fields = klass_info["select_fields"]
    start, end = fields[0], fields[-1] + 1
    init_list = [col.target.attname for col, _, _ in select[start:end]]
    populators = get_related_populators(klass_info, select, qs.db)
    return _Shape(
        sql,
        tuple(params),
        tuple(slots),
        compiler,
        converters,
        klass_info,
        init_list,
        (start, end),
        populators,
    )


def rows(name: str, build: Build, *values: Value, known: dict[str, Any] | None = None) -> list[Any]:
    """`list(build(*values))`, with the SQL compiled once per `name`.

    `build` makes the queryset from the values alone (the same shape for any values);
    `known`: attributes to set on every row (the meeting a page already has, say), as
    Django does for a related manager's rows. A `values_list` shape gives tuples.
    """
    key = (name, connection.alias, connection.vendor)
    if key not in _SHAPES:
        _SHAPES[key] = _compile(build, values)
    shape = _SHAPES[key]
    if shape is None:
        found = list(build(*values))
        for obj in found:
            for attr, related in (known or {}).items():
                setattr(obj, attr, related)
        return found
    return shape.run(values, known or {})


def forget() -> None:
    """Drop every compiled shape (tests that change how a table is read)."""
    _SHAPES.clear()
