"""`minutebook track`: requests, work plan vs reality, figures and commitments on the command line.

    minutebook track update                      recompute tracking from the record
    minutebook track requests [--json]           every request and its status
    minutebook track workplan [--json]           every work-plan entry and its outcome
    minutebook track figures [--json]            every performance figure
    minutebook track commitments [--json]        every commitment
    minutebook track evaluate [PATH]             precision and recall on the labelled sets
                                                 (PATH/ for requests, PATH/../labelled_figures/
                                                 for figures)

Options: --committee SLUG (one committee), --include-closed (officers: include
closed business; without it the output is what the public may see).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from minutebook.record import models as m
from minutebook.tracking import queries
from minutebook.tracking.evaluation import DEFAULT_LABELLED_DIR, evaluate_dir, evaluate_figures_dir
from minutebook.tracking.update import update_tracking
from minutebook.tracking.workplan import plan_rows
from minutebook.web.twin import TwinJSONEncoder


class _Officer:
    """A stand-in viewer who may see closed business (for --include-closed)."""

    is_authenticated = True
    is_active = True
    is_staff = True
    is_superuser = True


class Command(BaseCommand):
    requires_system_checks: list[str] = []
    help = "Requests and report-backs, the work plan against reality, figures and commitments."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "what",
            choices=["update", "requests", "workplan", "figures", "commitments", "evaluate"],
        )
        parser.add_argument("path", nargs="?", help="labelled set folder (evaluate only)")
        parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
        parser.add_argument("--committee", help="slug of one committee")
        parser.add_argument(
            "--include-closed", action="store_true", help="officers: include closed business"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        what = options["what"]
        if what == "update":
            counts = update_tracking()
            self.stdout.write(json.dumps(counts, indent=2, sort_keys=True))
            return
        if what == "evaluate":
            path = Path(options["path"]) if options["path"] else DEFAULT_LABELLED_DIR
            if not path.is_dir():
                raise CommandError(f"not a folder of labelled cases: {path}")
            result = evaluate_dir(path)
            figures_dir = path.parent / "labelled_figures"
            if figures_dir.is_dir():
                figures = evaluate_figures_dir(figures_dir)
                result["figures"] = figures["figures"]
                result["errors"] += figures["errors"]
            if options["json"]:
                self.stdout.write(json.dumps(result, indent=2))
            else:
                self.stdout.write(_format_evaluation(result))
            return
        user = _Officer() if options["include_closed"] else None
        committees = m.Committee.objects.all()
        if options["committee"]:
            committees = committees.filter(slug=options["committee"])
            if not committees.exists():
                raise CommandError(f"no committee with slug {options['committee']!r}")
        rows: list[dict[str, Any]] = []
        for committee in committees:
            if what == "requests":
                rows += queries.request_rows(committee, user)
            elif what == "workplan":
                rows += [
                    {"committee": committee.slug, **r.as_dict()} for r in plan_rows(committee, user)
                ]
            elif what == "figures":
                rows += queries.figure_rows(committee, user)
            else:
                rows += queries.commitment_rows(committee, user)
        if options["json"]:
            self.stdout.write(json.dumps(rows, cls=TwinJSONEncoder, indent=2, ensure_ascii=False))
        else:
            for row in rows:
                self.stdout.write(_line(what, row))
            self.stdout.write(f"{len(rows)} {what}")


def _line(what: str, row: dict[str, Any]) -> str:
    if what == "requests":
        made = row["made_at"]
        by = row["delivered_by"]
        done = (
            f" <- {by['meeting_date']}"
            + (f" item {by['item_number']}" if by["item_number"] else "")
            + (f" {by['title']}" if by["title"] else "")
            if by
            else ""
        )
        return f"{made['meeting_date']} item {made['item_number']}: [{row['status']}] {row['kind']}: {row['topic'][:70]}{done}"
    if what == "workplan":
        item = row["item"]
        where = f" <- item {item['number']} {item['title']}" if item else ""
        slipped = f" -> {row['slipped_to']}" if row["slipped_to"] else ""
        return f"{row['planned_at']} for {row['planned_for']}: [{row['status']}] {row['title'][:70]}{slipped}{where}"
    if what == "figures":
        period = row["period"]["label"] or "-"
        comp = f" ({row['comparator']})" if row["comparator"] else ""
        return f"{row['measure'] or 'unmapped'}: {row['value']:g} {row['unit']} {period}{comp}: {row['label'][:60]}"
    return f"[{row['kind']}] {row['text'][:90]} ({row['timescale'] or 'no timescale'})"


def _format_evaluation(result: dict[str, Any]) -> str:
    lines = [f"labelled cases: {result['cases']}"]
    for part in ("detection", "delivery"):
        r = result[part]
        lines.append(
            f"{part}: precision {r['precision']:.3f} recall {r['recall']:.3f} "
            f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']})"
        )
    if "figures" in result:
        f = result["figures"]
        lines.append(
            f"figures: precision {f['precision']:.3f} recall {f['recall']:.3f} "
            f"(tp {f['tp']}, fp {f['fp']}, fn {f['fn']}); period right for {f['period_accuracy']:.1%}"
        )
    for error in result["errors"]:
        lines.append(f"  {error}")
    return "\n".join(lines)
