"""Storage settings of the record on PostgreSQL (migration record 0009): large values are
compressed with LZ4. On SQLite the migration changes nothing but is recorded as applied."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def test_large_values_of_the_record_are_compressed_with_lz4() -> None:
    applied = MigrationRecorder(connection).applied_migrations()
    assert ("record", "0009_lz4_compression") in applied
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, a.attname, a.attcompression FROM pg_attribute a "
            "JOIN pg_class c ON c.oid = a.attrelid "
            "WHERE c.relname IN ('record_sourcefile', 'record_document', 'record_report') "
            "AND a.attname IN ('content', 'text', 'parse_output', 'sections')"
        )
        found = {(table, column): method for table, column, method in cursor.fetchall()}
    assert found[("record_sourcefile", "content")] == "l"
    assert found[("record_sourcefile", "text")] == "l"
    assert found[("record_sourcefile", "parse_output")] == "l"
    assert found[("record_document", "text")] == "l"
    assert found[("record_report", "sections")] == "l"
