"""The `minutebook` command.

Parser commands (`parse`, `health`, `golden`) run without Django so that the
parser stands alone. Every other subcommand is a Django management command;
hyphenated names map to underscored ones (`draft-agenda` -> `draft_agenda`).
"""

from __future__ import annotations

import os
import sys

PARSER_COMMANDS = {"parse", "health", "golden"}
# Subcommands whose management-command name differs from the CLI word.
ALIASES = {"import": "import_archive", "export": "export_archive"}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(
            "usage: minutebook COMMAND [ARGS]\n\n"
            "parser (no database): parse, health, golden\n"
            "record: migrate, ingest, reparse, serve, createsuperuser, track, export, import,\n"
            "        draft-agenda, agenda-pack\n"
            "Run `minutebook COMMAND --help` for the options of one command."
        )
        return 0
    command = args[0]
    if command in PARSER_COMMANDS:
        from minutebook.parser.cli import main as parser_main

        return parser_main(args)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "minutebook.settings")
    from django.core.management import execute_from_command_line

    name = ALIASES.get(command, command.replace("-", "_"))
    execute_from_command_line(["minutebook", name, *args[1:]])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
