"""`minutebook reindex`: rebuild the full-text search index from the record."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = "Rebuild the search index (SQLite FTS5 or PostgreSQL full-text) from the record."

    def handle(self, *args: Any, **options: Any) -> None:
        from minutebook.web.search import reindex

        started = time.perf_counter()
        rows = reindex()
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"search index rebuilt on {connection.vendor}: {rows} passages in {elapsed:.1f}s"
        )
