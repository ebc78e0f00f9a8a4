"""The seed record, built and tracked once per test module.

It is created outside the per-test transactions (so each test still rolls its
own changes back) and flushed when the module ends, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command

TODAY = dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def seeded(django_db_setup: Any, django_db_blocker: Any) -> Iterator[dict[str, Any]]:
    from minutebook.tracking.update import update_tracking
    from tests.tracking.seed_record import build_seed_record

    with django_db_blocker.unblock():
        rec = build_seed_record()
        rec["counts"] = update_tracking(today=TODAY)
    yield rec
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0)


@pytest.fixture
def seeds(seeded: dict[str, Any], db: None) -> dict[str, Any]:
    """The module's seed record inside this test's transaction (changes roll back)."""
    return seeded
