"""SQLite: the full-text index is filled by `search.incremental.insert_rows` in one statement
per batch, not by a per-row insert trigger (which made FTS5 flush its pending terms once per
row, five times slower). Deletes and updates keep their triggers."""

from django.db import migrations

INSERT_TRIGGER = (
    "CREATE TRIGGER web_search_ai AFTER INSERT ON web_searchentry BEGIN "
    "INSERT INTO web_search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END"
)


def _forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS web_search_ai")


def _backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(INSERT_TRIGGER)


class Migration(migrations.Migration):
    dependencies = [("web", "0002_incremental_index")]
    operations = [migrations.RunPython(_forward, _backward)]
