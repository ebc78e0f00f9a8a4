"""SQLite: FTS5 keeps up to 16 MB of new terms in memory before writing them out as an index
segment (its default is 1 MB). A batch's index is filled in one statement, so with the default
it wrote many small segments and then merged them: filling 347,010 passages took 3.0-3.6 s,
and 1.8-2.3 s with 16 MB or more. The setting is stored in the index itself, so it holds for
every connection."""

from django.db import migrations

HASH_SIZE = 16 * 1024 * 1024
DEFAULT_HASH_SIZE = 1024 * 1024


def _set(size: int):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(
                f"INSERT INTO web_search_fts(web_search_fts, rank) VALUES('hashsize', {size})"
            )

    return run


class Migration(migrations.Migration):
    dependencies = [("web", "0003_fts_insert_without_trigger")]
    operations = [migrations.RunPython(_set(HASH_SIZE), _set(DEFAULT_HASH_SIZE))]
