"""`minutebook agenda-pack --committee SLUG --date YYYY-MM-DD [--pdf F] [--html F] [--minutes-template F]`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from minutebook.publish.draft import save_proposal
from minutebook.publish.management.commands._common import (
    add_meeting_arguments,
    meeting_arguments,
)
from minutebook.publish.minutes_docx import minutes_template_docx
from minutebook.publish.pack import build_pack
from minutebook.publish.render import PackLayoutError, render_minutes_template, render_pack


class Command(BaseCommand):
    help = (
        "Produce the agenda pack (front sheet, order of business with page numbers, the last "
        "meeting's minutes, the reports) from the saved draft agenda, as PDF and/or HTML, and "
        "the minutes template. Without a saved draft, the proposed one is saved and used."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_meeting_arguments(parser)
        parser.add_argument("--pdf", type=Path, help="write the pack as PDF to this file")
        parser.add_argument("--html", type=Path, help="write the pack as HTML to this file")
        parser.add_argument(
            "--minutes-template",
            type=Path,
            help="write the minutes template to this file: Word when it ends in .docx, else HTML",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not (options["pdf"] or options["html"] or options["minutes_template"]):
            raise CommandError("nothing to write: give --pdf, --html and/or --minutes-template")
        committee, date = meeting_arguments(options)
        for key in ("pdf", "html", "minutes_template"):
            path = options[key]
            # Checked before the (slow) layout, so that a typo fails at once.
            if path is not None and not path.parent.is_dir():
                raise CommandError(f"cannot write {path}: no such directory {path.parent}")
        pack = build_pack(save_proposal(committee, date))
        outputs: list[tuple[Path, bytes]] = []
        pages = ""
        if options["pdf"] or options["html"]:
            try:
                rendered = render_pack(pack)
            except PackLayoutError as exc:
                raise CommandError(str(exc)) from exc
            pages = f"{rendered.page_count} pages, "
            if options["pdf"]:
                outputs.append((options["pdf"], rendered.pdf()))
            if options["html"]:
                outputs.append((options["html"], rendered.html.encode("utf-8")))
        template = options["minutes_template"]
        if template is not None and template.suffix.lower() == ".docx":
            outputs.append((template, minutes_template_docx(pack)))
        elif template is not None:
            outputs.append((template, render_minutes_template(pack).encode("utf-8")))
        for path, data in outputs:
            try:
                path.write_bytes(data)
            except OSError as exc:
                raise CommandError(f"cannot write {path}: {exc.strerror}") from exc
            self.stdout.write(f"wrote {path} ({len(data)} bytes)")
        self.stdout.write(
            f"{pack.committee}, {pack.date_text}: {pages}{len(pack.items)} items"
            + (
                f" ({pack.closed_items_left_out} closed item(s) left out of the public pack)"
                if pack.closed_items_left_out
                else ""
            )
        )
