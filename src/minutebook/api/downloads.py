"""CSV and JSON downloads: attendance, requests (report-backs) and performance figures.

Each dataset is a list of flat rows built from the public record only (the
tracking rows carry provenance and pass through `record.visibility` like any
fact, and are also dropped when the resolution, minute or report they hang
from is hidden). `/downloads/` is the open-data index page (with a JSON twin)
that links every dataset, calendar, feed and the OParl API.

CSV cells that a spreadsheet would run as a formula (starting with = + - @,
a tab or a carriage return) are prefixed with an apostrophe; JSON keeps the
text exactly as written.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from minutebook.api.public_tracking import public_figures, public_requests
from minutebook.api.weblinks import fact_source_path
from minutebook.record import models as m
from minutebook.record import visibility as vis
from minutebook.web.twin import render_page

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    fields: tuple[str, ...]
    rows: Callable[[m.Committee | None], Iterable[dict[str, Any]]]


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def attendance_rows(committee: m.Committee | None) -> Iterable[dict[str, Any]]:
    rows = vis.public_attendance(m.Attendance.objects.all()).select_related(
        "meeting__committee__council", "person", "replaces", "document"
    )
    if committee is not None:
        rows = rows.filter(meeting__committee=committee)
    for a in rows.order_by("meeting__date", "meeting__committee__name", "pk"):
        yield {
            "council": a.meeting.committee.council.name,
            "committee": a.meeting.committee.name,
            "meeting_date": _iso(a.meeting.date),
            "name_as_written": a.name_as_written,
            "person": a.person.name if a.person else None,
            "person_slug": a.person.slug if a.person else None,
            "honorific": a.honorific,
            "capacity": a.capacity,
            "status": a.status,
            "role": a.role,
            "post_nominals": a.post_nominals,
            "replaces": a.replaces.name if a.replaces else (a.replaces_as_written or None),
            "document": a.document_id,
            "source": fact_source_path(a),
            "first_line": a.first_line,
            "last_line": a.last_line,
        }


def request_rows(committee: m.Committee | None) -> Iterable[dict[str, Any]]:
    rows = public_requests().select_related(
        "committee", "meeting", "due_meeting", "delivered_meeting", "delivered_report", "document"
    )
    if committee is not None:
        rows = rows.filter(committee=committee)
    for r in rows.order_by("meeting__date", "key"):
        yield {
            "key": r.key,
            "committee": r.committee.name,
            "asked_at_meeting": _iso(r.meeting.date),
            "item_number": r.item_number,
            "kind": r.kind,
            "topic": r.topic,
            "actor": r.actor,
            "sentence": r.sentence,
            "due_kind": r.due_kind,
            "due_date": _iso(r.due_date),
            "due_meeting": _iso(r.due_meeting.date) if r.due_meeting else None,
            "status": r.status,
            "delivered_meeting": _iso(r.delivered_meeting.date) if r.delivered_meeting else None,
            "delivered_report": r.delivered_report.title if r.delivered_report else None,
            "match_evidence": r.match_evidence,
            "document": r.document_id,
            "source": fact_source_path(r),
            "first_line": r.first_line,
            "last_line": r.last_line,
        }


def figure_rows(committee: m.Committee | None) -> Iterable[dict[str, Any]]:
    rows = (
        public_figures()
        .select_related("committee", "meeting", "report", "document")
        .defer("document__text")
    )
    if committee is not None:
        rows = rows.filter(committee=committee)
    for f in rows.order_by("measure", "period_end", "key"):
        yield {
            "key": f.key,
            "committee": f.committee.name,
            "meeting_date": _iso(f.meeting.date) if f.meeting else None,
            "report": f.report.title if f.report else None,
            "measure": f.measure,
            "label": f.label,
            "value": f.value,
            "unit": f.unit,
            "period_label": f.period_label,
            "period_kind": f.period_kind,
            "period_start": _iso(f.period_start),
            "period_end": _iso(f.period_end),
            "comparator": f.comparator,
            "breakdown": f.breakdown,
            "sentence": f.sentence,
            "document": f.document_id,
            "source": fact_source_path(f),
            "first_line": f.first_line,
            "last_line": f.last_line,
        }


DATASETS = {
    d.name: d
    for d in (
        Dataset(
            "attendance",
            "Attendance",
            "Who attended each meeting, sent apologies or was absent, in what capacity.",
            (
                "council",
                "committee",
                "meeting_date",
                "name_as_written",
                "person",
                "person_slug",
                "honorific",
                "capacity",
                "status",
                "role",
                "post_nominals",
                "replaces",
                "document",
                "first_line",
                "last_line",
                "source",
            ),
            attendance_rows,
        ),
        Dataset(
            "requests",
            "Requests and report-backs",
            "What committees asked for, when it was due, and whether a later paper delivered it.",
            (
                "key",
                "committee",
                "asked_at_meeting",
                "item_number",
                "kind",
                "topic",
                "actor",
                "sentence",
                "due_kind",
                "due_date",
                "due_meeting",
                "status",
                "delivered_meeting",
                "delivered_report",
                "match_evidence",
                "document",
                "first_line",
                "last_line",
                "source",
            ),
            request_rows,
        ),
        Dataset(
            "figures",
            "Performance figures",
            "Figures read from reports: measure, value, unit, period, comparator and source.",
            (
                "key",
                "committee",
                "meeting_date",
                "report",
                "measure",
                "label",
                "value",
                "unit",
                "period_label",
                "period_kind",
                "period_start",
                "period_end",
                "comparator",
                "breakdown",
                "sentence",
                "document",
                "first_line",
                "last_line",
                "source",
            ),
            figure_rows,
        ),
    )
}


def csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return "" if value is None else value


def as_csv(dataset: Dataset, rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(dataset.fields)
    for row in rows:
        writer.writerow([csv_cell(row[name]) for name in dataset.fields])
    return out.getvalue()


def _committee_from(request: HttpRequest) -> m.Committee | None:
    slug = request.GET.get("committee", "")
    if not slug:
        return None
    committees = m.Committee.objects.filter(slug=slug)
    if request.GET.get("council"):
        committees = committees.filter(council__slug=request.GET["council"])
    found = committees.order_by("pk").first()
    if found is None:
        raise Http404(f"There is no committee {slug!r}.")
    return found


@require_safe
def dataset(request: HttpRequest, dataset: str, fmt: str) -> HttpResponse:
    chosen = DATASETS.get(dataset)
    if chosen is None or fmt not in {"csv", "json"}:
        raise Http404("No such download.")
    committee = _committee_from(request)
    rows = list(chosen.rows(committee))
    for row in rows:
        if row["source"]:
            row["source"] = request.build_absolute_uri(row["source"])
    suffix = f"-{committee.slug}" if committee else ""
    filename = f"{chosen.name}{suffix}.{fmt}"
    if fmt == "csv":
        # A byte-order mark so that spreadsheet programs read the UTF-8 correctly.
        response = HttpResponse(
            "\ufeff" + as_csv(chosen, rows), content_type="text/csv; charset=utf-8"
        )
    else:
        body = {
            "dataset": chosen.name,
            "title": chosen.title,
            "description": chosen.description,
            "committee": committee.name if committee else None,
            "fields": list(chosen.fields),
            "rows": rows,
        }
        response = HttpResponse(
            json.dumps(body, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def index(request: HttpRequest) -> HttpResponse:
    """The open-data page: OParl, calendars, feeds and downloads, with a JSON twin."""
    committees = m.Committee.objects.select_related("council").order_by("council__name", "name")

    def link(path: str) -> str:
        return request.build_absolute_uri(path)

    data = {
        "oparl": link("/oparl/v1/"),
        "calendar": link(reverse("calendar-all")),
        "feeds": {
            "papers": link(reverse("feed-papers")),
            "decisions": link(reverse("feed-decisions")),
        },
        "downloads": [
            {
                "name": d.name,
                "title": d.title,
                "description": d.description,
                "csv": link(reverse("download", kwargs={"dataset": d.name, "fmt": "csv"})),
                "json": link(reverse("download", kwargs={"dataset": d.name, "fmt": "json"})),
            }
            for d in DATASETS.values()
        ],
        "committees": [
            {
                "council": c.council.name,
                "name": c.name,
                "slug": c.slug,
                "calendar": link(
                    reverse(
                        "calendar-committee",
                        kwargs={"council": c.council.slug, "committee": c.slug},
                    )
                ),
                "papers": link(
                    reverse(
                        "feed-committee-papers",
                        kwargs={"council": c.council.slug, "committee": c.slug},
                    )
                ),
                "decisions": link(
                    reverse(
                        "feed-committee-decisions",
                        kwargs={"council": c.council.slug, "committee": c.slug},
                    )
                ),
            }
            for c in committees
        ],
    }
    return render_page(request, "api/open_data.html", {"page": data}, data)
