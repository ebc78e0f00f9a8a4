"""`minutebook ingest PATH...`: store, parse and load papers (files or folders, recursive)."""

from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from minutebook.record.ingest import ingest_paths


class Command(BaseCommand):
    requires_system_checks: list[str] = []  # a paper batch must not depend on the web layer
    help = (
        "Ingest committee papers: files or folders (recursive). The original bytes are kept; "
        "the same file twice changes nothing. Ends with a summary per kind of record."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files or folders of papers")
        parser.add_argument(
            "--no-progress", action="store_true", help="do not show the progress bar"
        )
        parser.add_argument(
            "--strict", action="store_true", help="exit with status 1 when any paper failed"
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="processes that parse ahead of loading (default: one per core for 16 papers or more; 0: parse in this process)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        progress = not options["no_progress"] and sys.stderr.isatty()
        summary = ingest_paths(options["paths"], progress=progress, workers=options["workers"])
        if summary.files == 0:
            raise CommandError("no papers found in: " + ", ".join(options["paths"]))
        self.stdout.write(summary.text())
        if options["strict"] and summary.failures:
            raise CommandError(f"{len(summary.failures)} paper(s) failed")
