"""`minutebook reparse`: run the current parser over every stored source and report changes."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from minutebook.record.ingest import reparse_all


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # a paper batch must not depend on the web layer
    help = "Re-read every stored source with the current parser (after an upgrade); report what changed."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--failed", action="store_true", help="only sources that failed")
        parser.add_argument(
            "--no-progress", action="store_true", help="do not show the progress bar"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        progress = not options["no_progress"] and sys.stderr.isatty()
        summary = reparse_all(progress=progress, only_failed=options["failed"])
        self.stdout.write(summary.text())
        if summary.changed_sources:
            self.stdout.write(f"\nChanged ({len(summary.changed_sources)}):")
            for name in summary.changed_sources:
                self.stdout.write(f"  {name}")
        else:
            self.stdout.write("\nNothing changed.")
