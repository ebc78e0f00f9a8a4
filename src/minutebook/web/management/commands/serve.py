"""`minutebook serve`: serve the site (static files through WhiteNoise)."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Serve minutebook over HTTP."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", default="8000")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"minutebook at http://{options['host']}:{options['port']}/")
        call_command("runserver", f"{options['host']}:{options['port']}", use_reloader=False)
