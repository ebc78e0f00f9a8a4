"""Public pages of tracking: action log (+ CSV), work plan against reality, performance,
commitments. Each page has a JSON twin; every query goes through the visibility rules."""

from __future__ import annotations

import csv
from collections import defaultdict
from typing import Any

from django.http import HttpRequest, HttpResponse

from minutebook.record import models as m
from minutebook.tracking import queries
from minutebook.tracking.catalogue import BY_KEY, CATALOGUE
from minutebook.tracking.charts import SERIES_LABEL, Point, line_chart
from minutebook.tracking.models import TrackedRequest
from minutebook.tracking.workplan import plan_rows
from minutebook.web.links import committee_url, fact_source_url, meeting_url, report_url
from minutebook.web.twin import render_page
from minutebook.web.views.lookup import committee_for

UNIT_LABELS = {
    "count": "number",
    "percent": "%",
    "rate_per_10000": "per 10,000 children",
    "days": "days",
    "weeks": "weeks",
    "pounds": "£",
}
STATUS_ORDER = ["overdue", "open", "delivered", "withdrawn"]
TABS = ("actions", "workplan", "performance", "commitments")


def _base(committee: m.Committee, section: str) -> dict[str, Any]:
    return {
        "committee": committee,
        "committee_url": committee_url(committee),
        "tab_urls": {tab: committee_url(committee, f"tracking:committee-{tab}") for tab in TABS},
        "csv_url": committee_url(committee, "tracking:committee-actions-csv"),
        "nav_section": "actions",
        "section": section,
    }


def actions_index(request: HttpRequest) -> HttpResponse:
    rows = []
    for committee in m.Committee.objects.select_related("council").order_by("name"):
        counts: dict[str, int] = defaultdict(int)
        for status in queries.requests_for_committee(committee, request.user).values_list(
            "status", flat=True
        ):
            counts[status] += 1
        rows.append(
            {
                "committee": committee.name,
                "slug": committee.slug,
                "url": committee_url(committee, "tracking:committee-actions"),
                "council": committee.council.name,
                "counts": {s: counts.get(s, 0) for s in STATUS_ORDER},
            }
        )
    return render_page(
        request,
        "tracking/index.html",
        {"rows": rows, "nav_section": "actions"},
        {"committees": rows},
    )


def _request_view_row(r: TrackedRequest) -> dict[str, Any]:
    row = queries.request_row(r)
    row["source_url"] = fact_source_url(r)
    row["made_url"] = meeting_url(r.meeting)
    row["kind_label"] = r.get_kind_display()
    row["due_label"] = r.get_due_kind_display()
    if r.delivered_meeting is not None:
        row["delivered_url"] = (
            report_url(r.delivered_report)
            if r.delivered_report
            else meeting_url(r.delivered_meeting)
        )
    return row


def committee_actions(request: HttpRequest, slug: str) -> HttpResponse:
    committee = committee_for(request, slug)
    requests = [
        _request_view_row(r) for r in queries.requests_for_committee(committee, request.user)
    ]
    groups = [
        {"status": s, "label": s.capitalize(), "rows": [r for r in requests if r["status"] == s]}
        for s in STATUS_ORDER
    ]
    data = {
        "committee": committee.slug,
        "requests": [
            queries.request_row(r) for r in queries.requests_for_committee(committee, request.user)
        ],
    }
    return render_page(
        request,
        "tracking/actions.html",
        {**_base(committee, "actions"), "groups": groups, "total": len(requests)},
        data,
    )


CSV_FIELDS = [
    "status",
    "made_meeting_date",
    "made_item_number",
    "kind",
    "request",
    "actor",
    "due_kind",
    "due_date",
    "delivered_meeting_date",
    "delivered_item_number",
    "delivered_title",
    "source_document_id",
    "source_first_line",
]


def _csv_safe(value: Any) -> str:
    text = "" if value is None else str(value)
    # A cell starting with = + - @ would run as a formula in a spreadsheet.
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def committee_actions_csv(request: HttpRequest, slug: str) -> HttpResponse:
    committee = committee_for(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{committee.slug}-action-log.csv"'
    writer = csv.writer(response)
    writer.writerow(CSV_FIELDS)
    for r in queries.requests_for_committee(committee, request.user):
        row = queries.request_row(r)
        by = row["delivered_by"] or {}
        writer.writerow(
            [
                _csv_safe(v)
                for v in (
                    row["status"],
                    row["made_at"]["meeting_date"],
                    row["made_at"]["item_number"],
                    row["kind"],
                    row["text"],
                    row["actor"],
                    row["due"]["kind"],
                    row["due"]["date"],
                    by.get("meeting_date"),
                    by.get("item_number"),
                    by.get("title"),
                    row["source"]["document_id"],
                    row["source"]["first_line"],
                )
            ]
        )
    return response


def committee_workplan(request: HttpRequest, slug: str) -> HttpResponse:
    committee = committee_for(request, slug)
    rows = plan_rows(committee, request.user)
    meetings: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        item = row.as_dict()
        item["source_url"] = fact_source_url(row.entry) if row.entry else None
        if row.report is not None:
            item["item_url"] = report_url(row.report)
        elif row.meeting is not None:
            item["item_url"] = meeting_url(row.meeting)
        meetings[row.planned_for].append(item)
    meeting_rows = []
    for date in sorted(meetings):
        meeting = committee.meetings.filter(date=date).first()
        counts: dict[str, int] = defaultdict(int)
        for item in meetings[date]:
            counts[item["status"]] += 1
        meeting_rows.append(
            {
                "date": date,
                "url": meeting_url(meeting) if meeting else None,
                "rows": meetings[date],
                "counts": dict(counts),
            }
        )
    data = {"committee": committee.slug, "entries": [r.as_dict() for r in rows]}
    return render_page(
        request,
        "tracking/workplan.html",
        {**_base(committee, "workplan"), "meetings": meeting_rows},
        data,
    )


def committee_performance(request: HttpRequest, slug: str) -> HttpResponse:
    committee = committee_for(request, slug)
    figures = list(queries.figures_for_committee(committee, request.user))
    by_measure: dict[str, list[Any]] = defaultdict(list)
    unmapped = []
    for f in figures:
        if f.measure:
            by_measure[f.measure].append(f)
        else:
            unmapped.append(f)
    measures = []
    for index, measure in enumerate(CATALOGUE):
        rows = by_measure.get(measure.key)
        if not rows:
            continue
        units = sorted(
            {f.unit for f in rows},
            key=lambda u: measure.units.index(u) if u in measure.units else 9,
        )
        charts = []
        for unit in units:
            unit_rows = [f for f in rows if f.unit == unit and not f.breakdown]
            points = [
                Point(f.period_end, f.value, f.period_label, f.comparator, fact_source_url(f))
                for f in unit_rows
                if f.period_end is not None
            ]
            charts.append(
                {
                    "unit": UNIT_LABELS.get(unit, unit),
                    "svg": line_chart(
                        f"chart-{index}-{unit}", measure.label, UNIT_LABELS.get(unit, unit), points
                    )
                    if len({p.when for p in points}) > 1
                    else "",
                }
            )
        measures.append(
            {
                "key": measure.key,
                "label": measure.label,
                "group": measure.group,
                "charts": charts,
                "rows": [_figure_view_row(f) for f in rows],
            }
        )
    data = {
        "committee": committee.slug,
        "measures": [
            {
                "key": x["key"],
                "label": x["label"],
                "figures": [queries.figure_row(f) for f in by_measure[x["key"]]],
            }
            for x in measures
        ],
        "unmapped": [queries.figure_row(f) for f in unmapped],
    }
    return render_page(
        request,
        "tracking/performance.html",
        {
            **_base(committee, "performance"),
            "measures": measures,
            "unmapped": [_figure_view_row(f) for f in unmapped],
        },
        data,
    )


def _figure_view_row(f: Any) -> dict[str, Any]:
    return {
        "value": f"{f.value:g}",
        "unit": UNIT_LABELS.get(f.unit, f.unit),
        "period": f.period_label or "not stated",
        "series": SERIES_LABEL.get(f.comparator, f.comparator),
        "breakdown": f.breakdown,
        "label": f.label,
        "sentence": f.sentence,
        "source_url": fact_source_url(f),
        "meeting_date": f.meeting.date if f.meeting else None,
        "measure_label": BY_KEY[f.measure].label if f.measure in BY_KEY else "",
    }


def committee_commitments(request: HttpRequest, slug: str) -> HttpResponse:
    committee = committee_for(request, slug)
    rows = list(queries.commitments_for_committee(committee, request.user))
    groups = []
    for kind, label in (
        ("inspection", "Inspection findings: what needs to improve"),
        ("self_evaluation", "Self-evaluation: what we are going to do"),
        ("we_will", "Strategy statements: \u201cWe will \u2026\u201d"),
    ):
        items = [
            {**queries.commitment_row(c), "source_url": fact_source_url(c)}
            for c in rows
            if c.kind == kind
        ]
        groups.append({"kind": kind, "label": label, "rows": items})
    data = {"committee": committee.slug, "commitments": [queries.commitment_row(c) for c in rows]}
    return render_page(
        request,
        "tracking/commitments.html",
        {**_base(committee, "commitments"), "groups": groups},
        data,
    )
