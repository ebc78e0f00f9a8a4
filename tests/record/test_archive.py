"""Full export and import: the record comes back exactly, across database engines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from minutebook.record import models as m
from minutebook.record.archive import (
    ArchiveError,
    archived_models,
    export_archive,
    import_archive,
    label,
)
from minutebook.record.ingest import ingest_paths, store
from minutebook.record.loader import load
from tests.record import builders as b

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db_both]
ROOT = Path(__file__).resolve().parents[2]


def _populate(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir / "004_d44683e97dcef42b.txt", seeds_dir / "003_e9eb5ed99e3440bf.txt"])
    source, _ = store(b"hand-built pack", "pack.txt")
    load(b.pack(), source=source)
    closed_source, _ = store(b"exempt report", "item7-exempt.txt")
    load(b.separate_report("item7-exempt.txt", classification="closed"), source=closed_source)


def _tables(root: Path) -> dict[str, list[dict]]:
    out = {}
    for f in sorted((root / "records").glob("*.jsonl")):
        out[f.stem] = [json.loads(line) for line in f.read_text(encoding="utf-8").splitlines()]
    return out


def _sources(root: Path) -> dict[str, bytes]:
    return {f.name: f.read_bytes() for f in (root / "sources").iterdir()}


def _wipe() -> None:
    # Deleting writes history rows and index flags through signals: sweep until all is empty.
    for _ in range(3):
        for model in reversed(archived_models()):
            model._default_manager.all().delete()
    assert not any(model._default_manager.exists() for model in archived_models())


def test_archive_covers_every_minutebook_model_and_documents_itself(
    tmp_path: Path, seeds_dir: Path
) -> None:
    _populate(seeds_dir)
    summary = export_archive(tmp_path / "a")
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text())
    assert manifest["format"] == "minutebook-archive" and manifest["format_version"] == 1
    listed = {t["model"] for t in manifest["tables"]}
    assert listed == {label(model) for model in archived_models()}
    # Tracking's models, link tables and change history are in, found generically.
    assert {"record.Report_documents", "record.HistoricalReport"} <= listed
    assert any(name.startswith("tracking.") for name in listed)
    for model in archived_models():
        assert summary.tables[label(model)] == model._default_manager.count(), label(model)
    assert summary.sources == m.SourceFile.objects.count() == 4
    readme = (tmp_path / "a" / "README.md").read_text()
    assert "sources/<sha256>" in readme and "natural_key" in readme
    meeting = _tables(tmp_path / "a")["record.Meeting"][0]
    assert meeting["natural_key"][1] == meeting["fields"]["date"]


def test_round_trip_in_the_same_engine(tmp_path: Path, seeds_dir: Path) -> None:
    _populate(seeds_dir)
    export_archive(tmp_path / "first.zip")
    export_archive(tmp_path / "first")
    _wipe()
    assert m.SourceFile.objects.count() == 0
    imported = import_archive(tmp_path / "first.zip")
    assert imported.sources == 4
    export_archive(tmp_path / "second")
    assert _tables(tmp_path / "first") == _tables(tmp_path / "second")
    assert _sources(tmp_path / "first") == _sources(tmp_path / "second")
    # The full-text index comes back with the entries: they are searchable, and the index
    # can be rewritten (a stale SQLite FTS5 index makes the rewrite fail as "malformed").
    from minutebook.web.search import reindex, search

    before = search("fostering").total
    assert before > 0
    reindex()
    assert search("fostering").total == before
    # Ids continue after the imported ones (sequences reset): new rows do not collide.
    council = m.Council.objects.create(name="New", slug="new-council")
    assert council.pk > max(row["id"] for row in _tables(tmp_path / "first")["record.Council"])


def test_import_refuses_bad_input_without_touching_the_database(
    tmp_path: Path, seeds_dir: Path
) -> None:
    _populate(seeds_dir)
    export_archive(tmp_path / "a")
    with pytest.raises(ArchiveError, match="not empty"):
        import_archive(tmp_path / "a")
    with pytest.raises(ArchiveError, match="already exists"):
        export_archive(tmp_path / "a")
    _wipe()
    (tmp_path / "junk").mkdir()
    with pytest.raises(ArchiveError, match="no manifest"):
        import_archive(tmp_path / "junk")
    with pytest.raises(ArchiveError, match="not a minutebook archive"):
        import_archive(tmp_path / "missing.zip")
    with (tmp_path / "a" / "records" / "record.Meeting.jsonl").open("a") as fh:
        fh.write('{"id": 999, "fields": {}}\n')
    with pytest.raises(ArchiveError, match="damaged"):
        import_archive(tmp_path / "a")
    assert m.Meeting.objects.count() == 0


SQLITE_SIDE = """
import os, sys, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.settings")
django.setup()
from pathlib import Path
from django.core.management import call_command
from django.db import connection
assert connection.vendor == "sqlite", connection.vendor
from minutebook.record.archive import export_archive
from tests.record.test_archive import _populate
call_command("migrate", verbosity=0, skip_checks=True)
_populate(Path(sys.argv[1]))
export_archive(sys.argv[2])
"""


def test_round_trip_sqlite_to_postgresql(tmp_path: Path, seeds_dir: Path) -> None:
    """A record built on SQLite, exported, imported into PostgreSQL: every row and file equal."""
    if connection.vendor != "postgresql":
        pytest.skip("runs in the PostgreSQL pass (make test-postgres), which has the server")
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "MINUTEBOOK_TEST_DB"}}
    env["MINUTEBOOK_DB_PATH"] = str(tmp_path / "source.sqlite3")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), str(ROOT)])
    done = subprocess.run(
        [sys.executable, "-c", SQLITE_SIDE, str(seeds_dir), str(tmp_path / "from")],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    manifest = json.loads((tmp_path / "from" / "manifest.json").read_text())
    assert manifest["database"] == "sqlite"

    import_archive(tmp_path / "from")
    export_archive(tmp_path / "back")
    assert json.loads((tmp_path / "back" / "manifest.json").read_text())["database"] == "postgresql"
    first, back = _tables(tmp_path / "from"), _tables(tmp_path / "back")
    assert first.keys() == back.keys()
    for name in first:
        assert first[name] == back[name], name
    assert _sources(tmp_path / "from") == _sources(tmp_path / "back")
    assert sum(len(rows) for rows in first.values()) > 100
    # The copy is usable: new rows get fresh ids after the imported ones.
    council = m.Council.objects.create(name="New", slug="new-council")
    assert council.pk > max(row["id"] for row in first["record.Council"])
