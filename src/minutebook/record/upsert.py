"""Idempotent writes by natural key, with counts per kind.

`Upserter.upsert(model, key, values)` finds the row whose natural key is `key`
(looked up in a per-load cache filled by one bulk query per model and
meeting, not one query per row), inserts it when missing, updates only the
fields whose values differ, and leaves identical rows untouched. So loading
the same parse result twice writes nothing and counts every row "unchanged".

Provenance is sticky: a fact first read from source A keeps A as its
provenance and A's non-empty values when source B (the same report in
another file) says the same thing differently; B only fills in what A left
empty. A source that supersedes A (a republished pack) takes over fully. This
keeps the record stable whatever order files arrive in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, models
from django.db.models.signals import post_save
from django.utils import timezone
from simple_history.utils import get_change_reason_from_object

from minutebook.record import compiled_queries
from minutebook.record import models as m

PROVENANCE_FIELDS = ("document", "first_line", "last_line", "first_page", "last_page")
OUTCOMES = ("inserted", "updated", "unchanged", "deleted")


@dataclass
class LoadReport:
    """What a load did: per kind of record, how many rows were inserted, updated, unchanged, deleted."""

    counts: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    warnings: list[str] = field(default_factory=list)
    # Committees whose meetings the loaded documents (and the versions they replace) belong to.
    committees: set[int] = field(default_factory=set)
    # Of one load: the first document with a meeting (meeting id, kind, subkind, title), and
    # whether that meeting is new (then no other source can have this first document).
    signature: tuple[object, ...] | None = None
    signature_meeting_is_new: bool = False

    def add(self, kind: str, outcome: str, n: int = 1) -> None:
        if n:
            self.counts[kind][outcome] += n

    def merge(self, other: LoadReport) -> None:
        for kind, counter in other.counts.items():
            self.counts[kind].update(counter)
        self.warnings.extend(other.warnings)
        self.committees |= other.committees

    @property
    def changed(self) -> bool:
        return any(c["inserted"] or c["updated"] or c["deleted"] for c in self.counts.values())

    def total(self, outcome: str) -> int:
        return sum(c[outcome] for c in self.counts.values())

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {k: {o: c[o] for o in OUTCOMES} for k, c in sorted(self.counts.items())}

    def table(self) -> str:
        """A plain-text summary table (kind, inserted, updated, unchanged, deleted)."""
        rows = [("kind", *OUTCOMES)]
        for kind, c in sorted(self.counts.items()):
            rows.append((kind, *(str(c[o]) for o in OUTCOMES)))
        rows.append(("total", *(str(self.total(o)) for o in OUTCOMES)))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        lines = []
        for n, r in enumerate(rows):
            lines.append(
                "  ".join(
                    cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                    for i, cell in enumerate(r)
                )
            )
            if n == 0 or n == len(rows) - 2:
                lines.append("  ".join("-" * w for w in widths))
        return "\n".join(lines)


def _key_part(model: type[models.Model], name: str, value: Any) -> Any:
    f = model._meta.get_field(name)
    if f.is_relation:
        return value.pk if isinstance(value, models.Model) else value
    return value


_LIMITS: dict[tuple[type[models.Model], str], int] = {}


def _limit(model: type[models.Model], name: str) -> int:
    """The max_length of a CharField (0 for any other field), looked up once per field."""
    key = (model, name)
    if key not in _LIMITS:
        f = model._meta.get_field(name)
        limit = getattr(f, "max_length", None)
        _LIMITS[key] = limit if isinstance(f, models.CharField) and limit else 0
    return _LIMITS[key]


def _clip(model: type[models.Model], name: str, value: Any) -> Any:
    """CharFields are clipped to their max_length (PostgreSQL enforces it; SQLite does not)."""
    if isinstance(value, str) and value:
        limit = _limit(model, name)
        if limit and len(value) > limit:
            return value[: limit - 1] + "…"
    return value


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


_HISTORY: dict[type[models.Model], Any] = {}


def _history_manager(model: type[models.Model]) -> Any:
    """The model's history manager, or None. `model.history` builds a new manager class on
    every access (slow, it inspects the queryset class): built once per model."""
    if model not in _HISTORY:
        _HISTORY[model] = getattr(model, "history", None)
    return _HISTORY[model]


def _has_history(model: type[models.Model]) -> bool:
    return _history_manager(model) is not None


class HistoryBuffer:
    """Change-history rows for inserted records, written in bulk at the end of a load.

    simple-history would write one history row per insert, in its own query; an ingest
    inserts thousands of rows, so inserts skip it and their "created" history rows are
    written here in one query per model. Updates keep the normal, immediate history.
    """

    def __init__(self) -> None:
        self.pending: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self._pending_ids: set[int] = set()

    def save_new(self, obj: models.Model) -> None:
        """Insert a new row now (it gets its id), with its history row at flush.

        Written like `insert_new` (no per-save query compilation); post_save is sent as
        `save()` would (nothing in minutebook listens to pre_save)."""
        model = type(obj)
        history = _has_history(model)
        if history:
            obj.skip_history_when_saving = True  # type: ignore[attr-defined]
        try:
            insert_new(model, [obj])
            post_save.send(
                sender=model,
                instance=obj,
                created=True,
                update_fields=None,
                raw=False,
                using=obj._state.db,
            )
        finally:
            if history:
                del obj.skip_history_when_saving  # type: ignore[attr-defined]
        if history:
            self.pending[model].append(obj)
            self._pending_ids.add(id(obj))

    def save(self, obj: models.Model, **kwargs: Any) -> None:
        """Save a change; a row inserted in this load gets its one history row at flush."""
        if id(obj) in self._pending_ids:
            obj.skip_history_when_saving = True  # type: ignore[attr-defined]
            try:
                obj.save(**kwargs)
            finally:
                del obj.skip_history_when_saving  # type: ignore[attr-defined]
        else:
            obj.save(**kwargs)

    def add_created(self, objs: list[models.Model]) -> None:
        """Rows already inserted (in bulk) whose "created" history rows are still due."""
        if objs and _has_history(type(objs[0])):
            self.pending[type(objs[0])].extend(objs)
            self._pending_ids.update(id(o) for o in objs)

    def flush(self) -> None:
        for model, objs in self.pending.items():
            write_created_history(model, objs)
        self.pending.clear()
        self._pending_ids.clear()


# The fields simple-history adds to a historical model, besides the tracked copies.
_HISTORY_FIELDS = {"history_id", "history_date", "history_change_reason", "history_type"}
_HISTORY_SQL: dict[type[models.Model], tuple[str, list[Any]] | None] = {}


def _plain_types(f: Any) -> tuple[type, ...]:
    """Types of value that reach the database unchanged through this field (no conversion)."""
    if isinstance(f, models.BooleanField):
        return (bool, type(None))
    if isinstance(f, (models.CharField, models.TextField)):
        return (str, type(None))
    if isinstance(f, models.IntegerField) or (f.is_relation and f.many_to_one):
        return (int, type(None))
    return ()


def _history_insert(model: type[models.Model]) -> tuple[str, list[Any]] | None:
    """The INSERT of a model's historical rows and its fields (None: a layout we do not know)."""
    if model not in _HISTORY_SQL:
        history = _history_manager(model).model
        tracked = {f.attname for f in history.tracked_fields}
        fields = [f for f in history._meta.concrete_fields if f.attname != "history_id"]
        known = tracked | _HISTORY_FIELDS | {"history_user_id"}
        if any(f.attname not in known for f in fields) or hasattr(history, "history_relation"):
            _HISTORY_SQL[model] = None
        else:
            qn = connection.ops.quote_name
            columns = ", ".join(qn(f.column) for f in fields)
            marks = ", ".join(["%s"] * len(fields))
            sql = f"INSERT INTO {qn(history._meta.db_table)} ({columns}) VALUES ({marks})"
            _HISTORY_SQL[model] = (sql, [(f, _plain_types(f)) for f in fields])
    return _HISTORY_SQL[model]


def write_created_history(model: type[models.Model], objs: list[models.Model]) -> None:
    """The "created" history rows of rows just inserted: what simple-history's
    `bulk_history_create` writes, without building a historical model instance per row
    (the same values, converted by the same fields; one statement run for all rows)."""
    plan = _history_insert(model)
    manager = _history_manager(model)
    if plan is None or connection.vendor not in {"sqlite", "postgresql"}:
        manager.bulk_history_create(objs, batch_size=500)
        return
    sql, fields = plan
    history = manager.model
    now = timezone.now()
    rows = []
    for obj in objs:
        user = getattr(obj, "_history_user", None) or history.get_default_history_user(obj)
        extra = {
            "history_date": getattr(obj, "_history_date", None) or now,
            "history_change_reason": get_change_reason_from_object(obj) or "",
            "history_type": "+",
            "history_user_id": getattr(user, "pk", None),
        }
        row = []
        for f, plain in fields:
            value = extra[f.attname] if f.attname in extra else getattr(obj, f.attname)
            if type(value) not in plain:  # bool is not an int here
                value = f.get_db_prep_save(value, connection)
            row.append(value)
        rows.append(row)
    if connection.vendor == "postgresql":
        copy_rows(history._meta.db_table, [f.column for f, _ in fields], rows)
        return
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def copy_rows(table: str, columns: list[str], rows: list[list[Any]]) -> None:
    """PostgreSQL: write rows (values prepared for the database) with COPY. The driver's
    `executemany` sends one INSERT per row, which the server parses and plans once per row."""
    if not rows:
        return
    qn = connection.ops.quote_name
    statement = f"COPY {qn(table)} ({', '.join(qn(c) for c in columns)}) FROM STDIN"
    with (
        connection.cursor() as cursor,
        connection.wrap_database_errors,
        cursor.cursor.copy(statement) as copy,
    ):
        for row in rows:
            copy.write_row(row)


_INSERT_SQL: dict[type[models.Model], tuple[str, str, list[Any]]] = {}


def insert_new(model: type[models.Model], objs: list[models.Model]) -> None:
    """Insert new rows (without ids) and set their ids: what `bulk_create` does, without its
    per-value query compilation (one statement per few hundred rows, ids returned)."""
    if not connection.features.can_return_rows_from_bulk_insert or any(
        o.pk is not None for o in objs
    ):
        model._default_manager.bulk_create(objs, batch_size=500)
        return
    if model not in _INSERT_SQL:
        qn = connection.ops.quote_name
        opts = model._meta
        fields = [f for f in opts.concrete_fields if not f.primary_key and not f.generated]
        head = f"INSERT INTO {qn(opts.db_table)} ({', '.join(qn(f.column) for f in fields)})"
        marks = "(" + ", ".join(["%s"] * len(fields)) + ")"
        _INSERT_SQL[model] = (head, marks, [(f, _plain_types(f)) for f in fields])
    head, marks, fields = _INSERT_SQL[model]
    rows = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        row = []
        for f, plain in fields:
            value = f.pre_save(obj, True)  # sets auto_now dates
            if type(value) not in plain:
                value = f.get_db_prep_save(value, connection)
            row.append(value)
        rows.append(row)
    size = max(1, min(500, connection.ops.bulk_batch_size([f for f, _ in fields], objs)))
    returning = connection.ops.quote_name(model._meta.pk.column)
    db = model._default_manager.db
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            values = ", ".join([marks] * len(chunk))
            cursor.execute(
                f"{head} VALUES {values} RETURNING {returning}", [v for r in chunk for v in r]
            )
            ids = [r[0] for r in cursor.fetchall()]
            if len(ids) != len(chunk):
                raise RuntimeError(f"{model.__name__}: {len(ids)} ids for {len(chunk)} rows")
            for obj, pk in zip(objs[start : start + size], ids, strict=True):
                obj.pk = pk
                obj._state.adding = False
                obj._state.db = db


_KEY_ATTNAMES: dict[type[models.Model], tuple[str, ...]] = {}


def _key_attnames(model: type[models.Model]) -> tuple[str, ...]:
    """The column attribute names of a model's natural key ("meeting" -> "meeting_id")."""
    if model not in _KEY_ATTNAMES:
        _KEY_ATTNAMES[model] = tuple(
            model._meta.get_field(n).attname
            for n in model.NATURAL_KEY  # type: ignore[attr-defined]
        )
    return _KEY_ATTNAMES[model]


@dataclass
class _Coverage:
    """A preload: the rows of a model matching `filters` (`plain`: the same, as ids)."""

    plain: dict[str, Any]
    filters: dict[str, Any]
    done: bool


class Upserter:
    def __init__(
        self,
        report: LoadReport,
        *,
        source_ids: set[int],
        history: HistoryBuffer | None = None,
        bulk_models: Iterable[type[models.Model]] = (),
    ) -> None:
        self.report = report
        # Leaf models (nothing points at them during a load) are inserted in bulk.
        self.bulk_models = set(bulk_models)
        self._bulk: dict[type[models.Model], list[models.Model]] = defaultdict(list)
        self.history = history or HistoryBuffer()
        # Sources whose provenance this load may take over: this source and those it supersedes.
        self.source_ids = source_ids
        self._cache: dict[type[models.Model], dict[tuple[Any, ...], Any]] = defaultdict(dict)
        self._preloaded: set[tuple[type[models.Model], tuple[tuple[str, Any], ...]]] = set()
        self._coverage: dict[type[models.Model], list[_Coverage]] = defaultdict(list)
        self.last_inserted = False
        self._doc_source: dict[int, int] = {}
        self.touched: dict[type[models.Model], set[int]] = defaultdict(set)

    def key_of(self, model: type[models.Model], key: dict[str, Any]) -> tuple[Any, ...]:
        nk = model.NATURAL_KEY  # type: ignore[attr-defined]
        return tuple(_key_part(model, n, _clip(model, n, key[n])) for n in nk)

    def _row_key(self, model: type[models.Model], obj: Any) -> tuple[Any, ...]:
        return tuple(getattr(obj, attname) for attname in _key_attnames(model))

    def preload(self, model: type[models.Model], *, fresh: bool = False, **filters: Any) -> None:
        """Promise that every existing row matching `filters` is fetched in one query at most.

        Filters on natural-key fields are fetched lazily, by the first upsert they cover (so a
        model this load never writes for that parent costs no query); other filters at once.
        `fresh=True` says the parent was inserted in this load: nothing can match, so no query.
        """
        plain = {k: getattr(v, "pk", v) for k, v in filters.items()}
        tag = (model, tuple(sorted(plain.items())))
        if tag in self._preloaded:
            return
        self._preloaded.add(tag)
        coverage = _Coverage(plain, filters, done=fresh)
        self._coverage[model].append(coverage)
        if not fresh and not set(plain) <= set(model.NATURAL_KEY):  # type: ignore[attr-defined]
            self._fetch(model, coverage)

    def _fetch(self, model: type[models.Model], coverage: _Coverage) -> None:
        coverage.done = True
        cache = self._cache[model]
        for obj in compiled_queries.every(model, **coverage.filters):
            cache.setdefault(self._row_key(model, obj), obj)

    def _covering(self, model: type[models.Model], key: dict[str, Any]) -> _Coverage | None:
        """The preload that fetches (or fetched) every row that could have this key."""
        for coverage in self._coverage.get(model, ()):
            if all(
                name in key and getattr(key[name], "pk", key[name]) == value
                for name, value in coverage.plain.items()
            ):
                return coverage
        return None

    def cached_rows(self, model: type[models.Model], **match: Any) -> list[Any]:
        """The rows of `model` this load knows (preloaded, fetched now if still due, or new),
        those whose fields equal `match` (ids for relations: `meeting=5`)."""
        for coverage in self._coverage.get(model, ()):
            if not coverage.done and (not match or coverage.plain.items() <= match.items()):
                self._fetch(model, coverage)
        rows = list(self._cache[model].values())
        if match:
            names = {k: model._meta.get_field(k).attname for k in match}
            rows = [r for r in rows if all(getattr(r, names[k]) == v for k, v in match.items())]
        return rows

    def cached(self, model: type[models.Model], key: dict[str, Any]) -> Any:
        return self._cache[model].get(self.key_of(model, key))

    def _provenance_is_ours(self, obj: Any) -> bool:
        doc_id = getattr(obj, "document_id", None)
        if doc_id is None:
            return True
        if doc_id not in self._doc_source:
            src = compiled_queries.value(m.Document, "source_id", pk=doc_id)
            self._doc_source[doc_id] = src if src is not None else -1
        return self._doc_source[doc_id] in self.source_ids

    def remember_documents(self, docs: dict[int, int]) -> None:
        self._doc_source.update(docs)

    def upsert(
        self,
        model: type[models.Model],
        key: dict[str, Any],
        values: dict[str, Any],
        same: Mapping[str, Callable[[Any, Any], bool]] | None = None,
    ) -> Any:
        """Insert or update the row of natural key `key`. `same[field](current, new)` says
        when a value that differs only in how it is written is the same fact: the current
        one is kept, so that two papers that word it differently do not take turns."""
        kind = model.__name__
        values = {k: _clip(model, k, v) for k, v in values.items()}
        nk = self.key_of(model, key)
        cache = self._cache[model]
        obj = cache.get(nk)
        self.last_inserted = False
        if obj is None:
            coverage = self._covering(model, key)
            if coverage is None:
                lookup = dict(zip(_key_attnames(model), nk, strict=True))
                obj = compiled_queries.first(model, **lookup)
            elif not coverage.done:
                self._fetch(model, coverage)
                obj = cache.get(nk)
        if obj is None:
            clipped_key = {k: _clip(model, k, v) for k, v in key.items()}
            obj = model(**clipped_key, **values)
            cache[nk] = obj
            self.last_inserted = True
            self.report.add(kind, "inserted")
            if model in self.bulk_models:
                self._bulk[model].append(obj)  # written by flush_bulk(), many rows per query
                return obj
            self.history.save_new(obj)
            self.touched[model].add(obj.pk)
            return obj
        cache[nk] = obj
        pending = obj.pk is None  # inserted in this load, waiting for flush_bulk()
        ours = self._provenance_is_ours(obj) if "document" in values else True
        # Fields an officer corrected stay as corrected (and so does the row's provenance).
        corrected = getattr(obj, "corrected", None) or ()
        changed: list[str] = []
        for name, value in values.items():
            f = model._meta.get_field(name)
            if corrected and (f.attname in corrected or name in corrected):
                continue
            current = getattr(obj, f.attname)
            new = value.pk if f.is_relation and isinstance(value, models.Model) else value
            if current == new or (same and name in same and same[name](current, new)):
                continue
            if not ours and (name in PROVENANCE_FIELDS or not _empty(current)):
                continue
            setattr(obj, f.attname, new)
            changed.append(f.attname)
        if changed and not pending:
            self.history.save(obj)
        self.report.add(kind, "updated" if changed else "unchanged")
        if not pending:
            self.touched[model].add(obj.pk)
        return obj

    def flush_bulk(self, *only: type[models.Model]) -> None:
        """Insert the buffered rows (of `only` these models, if given): one query per model.

        `bulk_create` sends no post_save, so one is sent per model (with the history
        skip flag, as history is written in bulk) to tell listeners (the search index,
        OParl) that rows of that model were created.
        """
        for model, objs in self._bulk.items():
            if not objs or (only and model not in only):
                continue
            insert_new(model, objs)
            missing = [o for o in objs if o.pk is None]
            if missing:  # a backend that cannot return ids: fetch them by natural key
                for o in missing:
                    lookup = {a: getattr(o, a) for a in _key_attnames(model)}
                    o.pk = model._default_manager.filter(**lookup).values_list("pk", flat=True)[0]
            self.touched[model].update(o.pk for o in objs)
            self.history.add_created(objs)
            first = objs[0]
            first.skip_history_when_saving = True  # type: ignore[attr-defined]
            try:
                post_save.send(
                    sender=model,
                    instance=first,
                    created=True,
                    update_fields=None,
                    raw=False,
                    using=model._default_manager.db,
                )
            finally:
                del first.skip_history_when_saving  # type: ignore[attr-defined]
            self._bulk[model] = []
