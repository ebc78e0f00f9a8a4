"""`public_ids`: the visibility rules compiled once per size give what the ORM rules give."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.record import models as m
from minutebook.record import visibility
from minutebook.record.ingest import ingest_paths, store
from minutebook.record.loader import load
from tests.record import builders as b

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def test_compiled_rules_match_the_orm_rules_for_every_ruled_model(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir / "004_d44683e97dcef42b.txt"])
    source, _ = store(b"hand-built pack", "pack.txt")
    load(b.pack(), source=source)
    closed, _ = store(b"exempt report", "item7-exempt.txt")
    load(b.separate_report("item7-exempt.txt", classification="closed"), source=closed)
    hidden_somewhere = False
    for model, rule in visibility._RULES.items():
        ids = list(model._default_manager.values_list("pk", flat=True))
        expected = set(rule(model._default_manager.all()).values_list("pk", flat=True))
        hidden_somewhere |= expected != set(ids)
        assert visibility.public_ids(model, [*ids, 10**9]) == expected, model
        # Sizes that pad differently (1, 3, 5 ids) and a repeat (compiled SQL reused).
        for n in (1, 3, 5):
            assert visibility.public_ids(model, ids[:n]) == expected & set(ids[:n]), model
        assert visibility.public_ids(model, ids) == expected
    assert hidden_somewhere  # the closed report hides rows: the comparison is not vacuous
    assert visibility.public_ids(m.Report, []) == set()


def test_on_postgresql_the_rules_run_as_prepared_statements_with_their_constants_inlined(
    seeds_dir: Path,
) -> None:
    from django.db import connection

    ingest_paths([seeds_dir])
    ids = list(m.Resolution.objects.values_list("pk", flat=True))[:3]
    assert len(ids) == 3
    for _ in range(2):
        assert visibility.public_ids(m.Resolution, ids) == set(ids)
    size = max(visibility.MIN_COMPILED, 4)  # three ids, padded
    sql, params = visibility._PUBLIC_SQL[("record.Resolution", connection.vendor, size)]
    # Only the ids are parameters; "closed" and "open" are written into the statement.
    assert params == [visibility._SENTINEL - i for i in range(size)]
    assert "'closed'" in sql and "'open'" in sql
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            prepared = [row[0] for row in cursor.fetchall()]
        assert any('"record_resolution"' in s and "'closed'" in s for s in prepared), prepared


def test_inline_constants_writes_in_words_and_integers_only() -> None:
    from minutebook.record.prepared import inline_constants

    sql, params = inline_constants(
        "SELECT 1 WHERE a IN (%s, %s) AND b = %s AND c = %s AND d = %s AND e LIKE '%%s'",
        [-1, -2, "closed", 7, "it's"],
        keep={-1, -2},
    )
    assert (
        sql == "SELECT 1 WHERE a IN (%s, %s) AND b = 'closed' AND c = 7 AND d = %s AND e LIKE '%%s'"
    )
    assert params == [-1, -2, "it's"]
    # A statement whose placeholders cannot be matched to its parameters is left alone.
    assert inline_constants("SELECT %s", [1, 2], keep=set()) == ("SELECT %s", [1, 2])
