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
