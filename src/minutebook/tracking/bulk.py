"""Write derived rows in bulk, without building a model instance per row.

The tracking update creates hundreds of thousands of figures on a whole
archive; Django's `bulk_create` costs more per row (instances, per-field SQL
compilation) than reading the figure did. Tracking rows have no signals and
no history, so one parameterised INSERT per batch writes the same rows
(missing fields take the model's default, or NULL). PostgreSQL takes them through
COPY: the driver's `executemany` sends one INSERT per row, which the server parses
and plans once per row.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.db import connection, connections
from django.db.models import NOT_PROVIDED, DateField, Model

from minutebook.record.upsert import copy_rows


def insert_rows(model: type[Model], rows: Sequence[Mapping[str, Any]], batch: int = 2000) -> None:
    """INSERT `rows` (each a mapping of field attname to value) into `model`'s table."""
    if not rows:
        return
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in fields),
        ", ".join(["%s"] * len(fields)),
    )
    defaults = {f.attname: f.get_default() for f in fields if f.default is not NOT_PROVIDED}
    names = [f.attname for f in fields]
    # Text, numbers and ids go to the driver as they are; dates and JSON through their field.
    # The connection is looked up once: through the `connection` proxy, each of a hundred
    # thousand dates paid for a thread-local lookup.
    db = connections[connection.alias]
    special: list[tuple[int, Callable[[Any], Any]]] = []
    for i, f in enumerate(fields):
        if isinstance(f, DateField) and f.get_internal_type() == "DateField":
            special.append((i, functools.partial(_prep_date, f, db.ops.adapt_datefield_value)))
        elif isinstance(f, DateField) or f.get_internal_type() == "JSONField":
            special.append((i, functools.partial(_prep_save, f, db)))
    params: list[list[Any]] = []
    for row in rows:
        if defaults:
            row = {**defaults, **row}
        values = [row.get(name) for name in names]
        for i, adapt in special:
            if values[i] is not None:
                values[i] = adapt(values[i])
        params.append(values)
    if db.vendor == "postgresql":
        copy_rows(model._meta.db_table, [f.column for f in fields], params)
        return
    with connection.cursor() as cursor:
        for start in range(0, len(params), batch):
            cursor.executemany(sql, params[start : start + batch])


def _prep_date(field: Any, adapt: Callable[[Any], Any], value: Any) -> Any:
    return adapt(field.get_prep_value(value))  # DateField.get_db_prep_value, minus the proxy


def _prep_save(field: Any, db: Any, value: Any) -> Any:
    return field.get_db_prep_save(value, db)


def delete_pks(model: type[Model], pks: list[int], batch: int = 500) -> None:
    for start in range(0, len(pks), batch):
        model.objects.filter(pk__in=pks[start : start + batch]).delete()
