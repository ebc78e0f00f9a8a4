"""`minutebook oparl-sync`: bring the OParl publication table up to date now.

The API does this by itself on the first request after a change; running it
after an ingest spares that request the wait.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from minutebook.api.oparl.publish import sync_published


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "Publish the current public record to the OParl API (created, modified, deleted)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = sync_published()
        self.stdout.write(", ".join(f"{n} {kind}" for kind, n in counts.items()))
