"""`minutebook import PATH`: load an archive made by `minutebook export` into an empty database."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from minutebook.record.archive import ArchiveError, import_archive


class Command(BaseCommand):
    help = (
        "Import an archive written by `minutebook export` (a directory or a .zip) into an empty, "
        "migrated database. Ids, timestamps and the original files come back exactly."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="the archive directory or .zip file")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            summary = import_archive(options["path"])
        except (ArchiveError, OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(summary.text())
