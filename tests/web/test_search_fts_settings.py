"""SQLite's full-text index keeps 16 MB of new terms in memory before writing a segment
(migration web 0004): a batch's index is filled in one statement, and FTS5's 1 MB default
wrote it as many small segments to merge."""

from __future__ import annotations

import pytest
from django.db import connection


@pytest.mark.django_db
def test_the_full_text_index_buffers_16_mb_of_terms() -> None:
    assert connection.vendor == "sqlite"
    with connection.cursor() as cursor:
        cursor.execute("SELECT v FROM web_search_fts_config WHERE k = 'hashsize'")
        assert cursor.fetchone() == (16 * 1024 * 1024,)


def _indexes() -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name = 'web_searchentry' AND sql IS NOT NULL ORDER BY name"
        )
        return list(cursor.fetchall())


@pytest.mark.django_db
def test_a_rebuild_into_an_empty_table_leaves_its_indexes_as_they_were() -> None:
    from minutebook.web.search import reindex, search
    from tests.sample_record import build_sample_record

    before = _indexes()
    assert len(before) >= 5
    build_sample_record()
    assert reindex() > 0
    assert _indexes() == before
    assert search("sufficiency").total > 0


@pytest.mark.django_db
def test_a_failed_rebuild_keeps_the_tables_indexes() -> None:
    from django.db import transaction

    from minutebook.web.models import SearchEntry
    from minutebook.web.search import incremental

    before = _indexes()
    assert not SearchEntry.objects.exists()

    def rows_then_failure():  # type: ignore[no-untyped-def]
        yield ("document", "document", 1, 1, "t", "b", "/u", "", None, None, False, None, None)
        raise RuntimeError("the record could not be read")

    with pytest.raises(RuntimeError), transaction.atomic():
        incremental.insert_rows(rows_then_failure())
    assert _indexes() == before
