"""Argument handling shared by `draft-agenda` and `agenda-pack`: clear errors, never tracebacks."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import CommandError, CommandParser

from minutebook.publish.draft import CommitteeNotFound, find_committee
from minutebook.record.models import Committee


def add_meeting_arguments(parser: CommandParser) -> None:
    parser.add_argument(
        "--committee", required=True, help="committee slug, or COUNCIL/COMMITTEE when ambiguous"
    )
    parser.add_argument("--date", required=True, help="meeting date, YYYY-MM-DD")


def meeting_arguments(options: dict[str, Any]) -> tuple[Committee, dt.date]:
    try:
        date = dt.date.fromisoformat(options["date"])
    except ValueError as exc:
        raise CommandError(f"--date {options['date']!r}: expected YYYY-MM-DD") from exc
    try:
        committee = find_committee(options["committee"])
    except CommitteeNotFound as exc:
        raise CommandError(str(exc)) from exc
    return committee, date
