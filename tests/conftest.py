"""Test configuration.

`MINUTEBOOK_TEST_DB=postgres` starts a real, throwaway PostgreSQL server and
points Django at it (`make test` does this for the tests marked `db_both`);
otherwise the tests use SQLite. If PostgreSQL was asked for and cannot start,
the run fails: it never falls back or skips.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = CORPUS / "seeds"
COUNCILS = CORPUS / "councils"

_pg_server = None

# In CI the property tests replay a fixed sequence of examples, so a failure there is
# reproducible from the log; locally they keep exploring new examples on every run.
if os.environ.get("CI"):
    from hypothesis import settings as hypothesis_settings

    hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
    hypothesis_settings.load_profile("ci")


def pytest_configure(config: pytest.Config) -> None:
    global _pg_server
    if os.environ.get("MINUTEBOOK_TEST_DB") == "postgres":
        from django.conf import settings

        from minutebook import settings as minutebook_settings
        from minutebook.devtools.pg_server import PostgresServer

        _pg_server = PostgresServer.start()
        # The production configuration (its options included), on the throwaway server.
        settings.DATABASES["default"] = minutebook_settings._database(_pg_server.url)
        _reset_connections()


def _reset_connections() -> None:
    """Make Django re-read DATABASES: pytest-django has set Django up before this conftest."""
    from asgiref.local import Local
    from django.db import connections

    connections.close_all()
    connections.__dict__.pop("settings", None)
    connections._connections = Local(connections.thread_critical)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _pg_server is not None:
        _pg_server.stop()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def councils_dir() -> Path:
    return COUNCILS


@pytest.fixture(autouse=True)
def _fresh_shared_slug_cache() -> None:
    """`web.links` caches which slugs several councils share for a few seconds; a test must
    not see the slugs of the previous test's database."""
    from minutebook.web import links

    links._shared_cache.clear()
