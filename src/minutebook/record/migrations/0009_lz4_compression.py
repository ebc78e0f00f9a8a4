"""PostgreSQL: the record's large values (a paper's bytes, its text, its parse output, a
report's sections) are compressed with LZ4 rather than PostgreSQL's default pglz. Storing a
paper spent most of its server time compressing: 430 source rows took 1.2-1.4 s with pglz
and 0.30-0.37 s with LZ4, and took less room (14 MB against 17 MB). Values already stored
keep their compression. A server built without LZ4 keeps pglz."""

from django.db import migrations

_COLUMNS = (
    "SELECT c.relname, a.attname FROM pg_attribute a "
    "JOIN pg_class c ON c.oid = a.attrelid "
    "JOIN pg_namespace n ON n.oid = c.relnamespace "
    "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname LIKE 'record\\_%%' "
    "AND a.attnum > 0 AND NOT a.attisdropped AND a.attstorage IN ('x', 'e') "
    "ORDER BY c.relname, a.attnum"
)


def _set(method: str):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor):  # type: ignore[no-untyped-def]
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 'lz4' = ANY(enumvals) FROM pg_settings "
                "WHERE name = 'default_toast_compression'"
            )
            row = cursor.fetchone()
            if not row or not row[0]:
                return
            cursor.execute(_COLUMNS)
            columns = cursor.fetchall()
        quote = connection.ops.quote_name
        for table, column in columns:
            schema_editor.execute(
                f"ALTER TABLE {quote(table)} ALTER COLUMN {quote(column)} SET COMPRESSION {method}"
            )

    return run


class Migration(migrations.Migration):
    dependencies = [("record", "0008_agendaitem_lead_officer")]
    operations = [migrations.RunPython(_set("lz4"), _set("pglz"))]
