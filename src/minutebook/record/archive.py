"""Full export and import of the record: a complete, documented archive.

`export_archive(path)` writes a directory (or a .zip when `path` ends in
".zip") holding:

- `manifest.json`: format name and version, minutebook and parser versions,
  creation time, and for every table its model, file, row count and sha256;
- `README.md`: this format, for people (the same text as `FORMAT_README`);
- `records/<app>.<model>.jsonl`: one JSON object per row, in primary-key
  order: `{"id": ..., "natural_key": [...], "fields": {...}}`. Every concrete
  column is present under its column attribute name (foreign keys as
  `<name>_id` holding the stable id of the target row). Dates and times are
  ISO 8601; JSON columns are JSON; binary columns other than the sources'
  bytes are base64.
- `sources/<sha256>`: the original bytes of every ingested file, exactly as
  received (SourceFile rows leave `content` out and point here by sha256).

The archive is generic: it covers every model of every installed minutebook
app (record, tracking, web, api, publish), including many-to-many link tables
and the change-history tables, so models added later are picked up without
changing this module. References to rows outside minutebook (user accounts
in history and review fields) are exported as null: accounts and password
hashes never leave the instance.

`import_archive(path)` loads such an archive into an empty database (it
refuses a database that already holds minutebook rows), preserving ids, in
one transaction, then resets the id sequences (PostgreSQL). The result is
the same record, row for row and column for column.
"""

from __future__ import annotations

import base64
import datetime as dt
import decimal
import hashlib
import json
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from minutebook.record.signals import archive_imported

FORMAT = "minutebook-archive"
FORMAT_VERSION = 1
BATCH = 1000
SOURCE_MODEL = "record.SourceFile"

FORMAT_README = """# minutebook archive

A complete export of a minutebook record, made by `minutebook export` and
read back by `minutebook import` (into an empty database).

- `manifest.json`: `format` ("minutebook-archive"), `format_version`,
  `minutebook_version`, `parser_version`, `created`, and `tables`: for each
  table, `model` ("app_label.ModelName"), `file`, `rows` and `sha256`.
- `records/<app_label>.<ModelName>.jsonl`: one JSON object per line and row,
  in id order: `{"id": <id>, "natural_key": [...] or null, "fields": {...}}`.
  `fields` holds every column under its attribute name; a foreign key is
  `<name>_id` with the id of the row it points to (in the same archive).
  Dates, times and timestamps are ISO 8601 strings; JSON columns are JSON;
  other binary columns are base64 strings. Many-to-many links are tables of
  their own (for example `record.AgendaItem_documents`). Tables named
  `Historical...` hold the change history of corrections.
- `sources/<sha256>`: the original bytes of each ingested paper, unchanged.
  The `record.SourceFile` rows carry `sha256`, `original_name`, the
  extracted `text` and the `parse_output` of the parser, but not the bytes.

References to user accounts (who corrected or reviewed a fact) are exported
as null: accounts and passwords are not part of the record.
"""


class ArchiveError(Exception):
    """An archive that cannot be written or read; the message is for the user."""


@dataclass
class ArchiveSummary:
    path: Path
    tables: dict[str, int] = field(default_factory=dict)
    sources: int = 0

    @property
    def rows(self) -> int:
        return sum(self.tables.values())

    def text(self) -> str:
        lines = [
            f"{self.path}: {self.rows} rows in {len(self.tables)} tables, {self.sources} source files"
        ]
        width = max((len(k) for k in self.tables), default=0)
        lines += [f"  {k.ljust(width)}  {v:>8}" for k, v in sorted(self.tables.items()) if v]
        return "\n".join(lines)


def archived_models() -> list[type[models.Model]]:
    """Every concrete model of the installed minutebook apps, link tables included."""
    out: list[type[models.Model]] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("minutebook."):
            continue
        for model in config.get_models(include_auto_created=True):
            if model._meta.managed and not model._meta.proxy:
                out.append(model)
    return sorted(out, key=label)


def label(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{model._meta.object_name}"


def _outside(f: models.Field[Any, Any], inside: set[type[models.Model]]) -> bool:
    return bool(f.is_relation and f.related_model is not None and f.related_model not in inside)


def _encode(f: models.Field[Any, Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(f, models.JSONField):
        return value
    if isinstance(value, (bytes, memoryview)):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    return value


def _decode(f: models.Field[Any, Any], value: Any) -> Any:
    if value is None:
        return None
    if isinstance(f, models.JSONField):
        return value
    if isinstance(f, models.BinaryField):
        return base64.b64decode(value)
    if isinstance(f, models.DurationField):
        return dt.timedelta(seconds=value)
    if f.is_relation:
        target = f.target_field  # type: ignore[attr-defined]
        return target.to_python(value)
    return f.to_python(value)


def _natural_key(obj: models.Model) -> Any:
    if not hasattr(obj, "NATURAL_KEY") or not hasattr(obj, "natural_key"):
        return None
    try:
        return json.loads(json.dumps(obj.natural_key(), default=str))
    except Exception:  # a dangling reference must not stop an export
        return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def export_archive(path: str | Path) -> ArchiveSummary:
    """Write the whole record to a directory, or to a zip file when `path` ends in .zip."""
    target = Path(path)
    as_zip = target.suffix.lower() == ".zip"
    if target.exists() and (as_zip or any(target.iterdir())):
        raise ArchiveError(f"{target} already exists: export into a new path")
    if as_zip:
        with tempfile.TemporaryDirectory() as tmp:
            summary = _export_dir(Path(tmp) / "archive")
            target.parent.mkdir(parents=True, exist_ok=True)
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as zf:
                for f in sorted((Path(tmp) / "archive").rglob("*")):
                    if f.is_file():
                        zf.write(f, f.relative_to(Path(tmp) / "archive").as_posix())
            summary.path = target
            return summary
    return _export_dir(target)


def _export_dir(root: Path) -> ArchiveSummary:
    from minutebook import __version__ as minutebook_version
    from minutebook.parser import PARSER_VERSION

    (root / "records").mkdir(parents=True, exist_ok=True)
    (root / "sources").mkdir(exist_ok=True)
    summary = ArchiveSummary(root)
    chosen = archived_models()
    inside = set(chosen)
    tables = []
    with transaction.atomic():  # one consistent snapshot
        for model in chosen:
            name = label(model)
            fields = list(model._meta.concrete_fields)
            pk = model._meta.pk
            assert pk is not None
            is_source = name == SOURCE_MODEL
            out_file = root / "records" / f"{name}.jsonl"
            rows = 0
            qs = model._default_manager.order_by(pk.attname)
            with out_file.open("w", encoding="utf-8") as fh:
                for obj in qs.iterator(chunk_size=BATCH):
                    values: dict[str, Any] = {}
                    for f in fields:
                        if f.primary_key:
                            continue
                        if is_source and f.name == "content":
                            _write_source(root, obj)
                            summary.sources += 1
                            continue
                        value = None if _outside(f, inside) else getattr(obj, f.attname)
                        values[f.attname] = _encode(f, value)
                    row = {
                        "id": _encode(pk, getattr(obj, pk.attname)),
                        "natural_key": _natural_key(obj),
                        "fields": values,
                    }
                    fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
                    rows += 1
            summary.tables[name] = rows
            tables.append(
                {
                    "model": name,
                    "file": f"records/{name}.jsonl",
                    "rows": rows,
                    "sha256": _sha256(out_file),
                }
            )
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "minutebook_version": minutebook_version,
        "parser_version": PARSER_VERSION,
        "created": timezone.now().isoformat(),
        "database": connection.vendor,
        "sources": summary.sources,
        "tables": tables,
    }
    (root / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (root / "README.md").write_text(FORMAT_README, encoding="utf-8")
    return summary


def _write_source(root: Path, obj: Any) -> None:
    data = bytes(obj.content)
    digest = hashlib.sha256(data).hexdigest()
    if digest != obj.sha256:
        raise ArchiveError(f"source {obj.original_name}: stored bytes do not match its sha256")
    (root / "sources" / digest).write_bytes(data)


@contextmanager
def _opened(path: Path) -> Iterator[Path]:
    if path.is_dir():
        yield path
        return
    if path.is_file() and zipfile.is_zipfile(path):
        with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(path) as zf:
            for member in zf.namelist():
                if member.startswith("/") or ".." in Path(member).parts:
                    raise ArchiveError(f"{path}: unsafe file name in the archive: {member}")
            zf.extractall(tmp)
            yield Path(tmp)
        return
    raise ArchiveError(f"{path}: not a minutebook archive (a directory or a .zip file)")


@contextmanager
def _keeping_timestamps(chosen: list[type[models.Model]]) -> Iterator[None]:
    """auto_now fields would stamp the import time over the archived one: switch them off."""
    switched: list[tuple[Any, bool, bool]] = []
    for model in chosen:
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                switched.append((f, f.auto_now, f.auto_now_add))  # type: ignore[attr-defined]
                f.auto_now = f.auto_now_add = False  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for f, now, now_add in switched:
            f.auto_now, f.auto_now_add = now, now_add


def import_archive(path: str | Path) -> ArchiveSummary:
    """Load an archive into an empty database; the record comes back exactly."""
    with _opened(Path(path)) as root:
        manifest_file = root / "manifest.json"
        if not manifest_file.is_file():
            raise ArchiveError(f"{path}: no manifest.json: not a minutebook archive")
        try:
            manifest = json.loads(manifest_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ArchiveError(f"{path}: manifest.json cannot be read ({exc})") from exc
        if manifest.get("format") != FORMAT:
            raise ArchiveError(
                f"{path}: not a minutebook archive (format {manifest.get('format')!r})"
            )
        if manifest.get("format_version") != FORMAT_VERSION:
            raise ArchiveError(
                f"{path}: archive format version {manifest.get('format_version')} is not "
                f"supported (this minutebook reads version {FORMAT_VERSION})"
            )
        by_label = {label(model): model for model in archived_models()}
        unknown = [t["model"] for t in manifest["tables"] if t["model"] not in by_label]
        if unknown:
            raise ArchiveError(
                f"{path}: tables unknown to this minutebook: {', '.join(unknown)} "
                "(run `minutebook migrate`, or use the version that wrote the archive)"
            )
        busy = [name for name, model in by_label.items() if model._default_manager.exists()]
        if busy:
            raise ArchiveError(
                "the database is not empty (" + ", ".join(busy[:5]) + "): import needs an empty "
                "database, e.g. a new one after `minutebook migrate`"
            )
        for table in manifest["tables"]:
            f = root / table["file"]
            if not f.is_file() or _sha256(f) != table["sha256"]:
                raise ArchiveError(f"{path}: {table['file']} is missing or damaged (sha256)")
        summary = ArchiveSummary(Path(path))
        chosen = [by_label[t["model"]] for t in manifest["tables"]]
        with transaction.atomic(), _keeping_timestamps(chosen):
            for table in manifest["tables"]:
                model = by_label[table["model"]]
                summary.tables[table["model"]] = _import_table(
                    root, model, root / table["file"], summary
                )
            _reset_sequences(chosen)
            archive_imported.send(sender=ArchiveSummary, summary=summary)
        return summary


def _import_table(
    root: Path, model: type[models.Model], file: Path, summary: ArchiveSummary
) -> int:
    fields = {f.attname: f for f in model._meta.concrete_fields}
    pk = model._meta.pk
    assert pk is not None
    is_source = label(model) == SOURCE_MODEL
    batch: list[models.Model] = []
    rows = 0
    with file.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            values = {
                name: _decode(fields[name], value)
                for name, value in row["fields"].items()
                if name in fields
            }
            values[pk.attname] = _decode(pk, row["id"])
            if is_source:
                blob = root / "sources" / values["sha256"]
                if not blob.is_file():
                    raise ArchiveError(
                        f"source file {values['sha256']} is missing from the archive"
                    )
                values["content"] = blob.read_bytes()
                summary.sources += 1
            batch.append(model(**values))
            rows += 1
            if len(batch) >= BATCH:
                model._default_manager.bulk_create(batch)
                batch = []
    if batch:
        model._default_manager.bulk_create(batch)
    return rows


def _reset_sequences(chosen: list[type[models.Model]]) -> None:
    statements = connection.ops.sequence_reset_sql(no_style(), chosen)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
