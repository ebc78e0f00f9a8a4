"""`minutebook draft-agenda --committee SLUG --date YYYY-MM-DD [--json] [--reset]`."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from minutebook.publish.draft import draft_as_json, save_proposal
from minutebook.publish.management.commands._common import (
    add_meeting_arguments,
    meeting_arguments,
)


class Command(BaseCommand):
    help = (
        "Propose the order of business for a meeting and save it as the draft agenda "
        "(an existing draft, edited by an officer, is shown as it is unless --reset)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_meeting_arguments(parser)
        parser.add_argument("--json", action="store_true", help="print the draft as JSON")
        parser.add_argument(
            "--reset", action="store_true", help="throw the saved draft away and propose again"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        committee, date = meeting_arguments(options)
        draft = save_proposal(committee, date, replace=options["reset"])
        data = draft_as_json(draft)
        if options["json"]:
            self.stdout.write(json.dumps(data, indent=2))
            return
        when = f"{date:%A} {date.day} {date:%B %Y}"
        self.stdout.write(f"Draft agenda: {data['committee']}, {when}")
        for item in data["items"]:
            part = " [PART B - CLOSED]" if item["part"] == "closed" else ""
            self.stdout.write(f"{item['number']:>3}. {item['title']}{part}")
            for report in item["reports"]:
                self.stdout.write(f"       report: {report}")
