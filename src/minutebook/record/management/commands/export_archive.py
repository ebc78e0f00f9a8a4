"""`minutebook export PATH`: write the whole record (JSON + original files) to an archive."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from minutebook.record.archive import ArchiveError, export_archive


class Command(BaseCommand):
    help = (
        "Export the complete record to PATH: a new directory, or a .zip file. "
        "The archive holds every table as JSON and the original source files (see its README.md)."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="a new directory, or a file name ending in .zip")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = export_archive(options["path"])
        except (ArchiveError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(summary.text())
