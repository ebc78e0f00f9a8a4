"""Public record pages: home, committees, a committee, a meeting, a report.

Each view builds one JSON-able `data` dict; the HTML page renders the same
dict, so the page and its JSON twin never disagree. Every query of closed-able
business goes through `record.visibility.visible()`.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch
from django.utils import timezone

from minutebook.record import compiled_querysets as compiled
from minutebook.record import models as m
from minutebook.record.visibility import visible, visible_rows
from minutebook.tracking.queries import requests_for_meeting
from minutebook.web import links
from minutebook.web.present import (
    REPORT_SUMMARY_DEFER,
    agenda_item_data,
    attendance_data,
    declaration_data,
    document_data,
    listed_documents,
    meeting_summary,
    minute_data,
    report_data,
    report_summary,
)
from minutebook.web.twin import render_page
from minutebook.web.views.lookup import committee_for, meeting_for

ROLE_ORDER = ["chair", "vice-chair", "member", "reserve", "co-opted"]
ROLE_HEADINGS = {
    "chair": "Chair",
    "vice-chair": "Vice-chair",
    "member": "Members",
    "reserve": "Reserves",
    "co-opted": "Co-opted members",
}
ATTENDANCE_GROUPS = [
    ("members", "Members"),
    ("substitutes", "Substitutes"),
    ("co_opted", "Co-opted members"),
    ("officers", "Officers"),
    ("others", "Others"),
]
CAPACITY_GROUP = {
    "member": "members",
    "substitute": "substitutes",
    "co-opted": "co_opted",
    "officer": "officers",
}


def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    meetings = m.Meeting.objects.select_related("committee__council")
    upcoming = meetings.filter(date__gte=today).exclude(status="cancelled").order_by("date")[:10]
    recent = meetings.filter(date__lt=today).order_by("-date")[:10]
    committees = m.Committee.objects.select_related("council").order_by("council__name", "name")
    data = {
        "committees": [committee_summary(c) for c in committees],
        "next_meetings": [meeting_summary(x) for x in upcoming],
        "recent_meetings": [meeting_summary(x) for x in recent],
    }
    return render_page(request, "web/home.html", {"page": data, "nav_section": "home"}, data)


def committee_summary(committee: m.Committee) -> dict[str, Any]:
    return {
        "name": committee.name,
        "slug": committee.slug,
        "council": committee.council.name,
        "url": links.committee_url(committee),
    }


def committee_follow_links(committee: m.Committee) -> list[dict[str, str]]:
    """Where to follow a committee's business: tracking pages, calendar, feeds, downloads."""
    council, slug = committee.council.slug, committee.slug
    named = [
        ("Action log: what the committee asked for", "tracking:committee-actions"),
        ("Work plan against what arrived", "tracking:committee-workplan"),
        ("Performance figures over time", "tracking:committee-performance"),
        ("Commitments", "tracking:committee-commitments"),
    ]
    out = []
    for label, name in named:
        try:
            out.append({"label": label, "url": links.committee_url(committee, name)})
        except NoReverseMatch:
            continue
    out += [
        {"label": "Meetings calendar (iCalendar)", "url": f"/calendar/{council}/{slug}.ics"},
        {"label": "New papers (Atom feed)", "url": f"/feeds/{council}/{slug}/papers.atom"},
        {"label": "Decisions (Atom feed)", "url": f"/feeds/{council}/{slug}/decisions.atom"},
        {"label": "Open data downloads", "url": "/downloads/"},
    ]
    return out


def committees(request: HttpRequest) -> HttpResponse:
    rows = m.Committee.objects.select_related("council").order_by("council__name", "name")
    by_council: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
    for committee in rows:
        summary = committee_summary(committee)
        summary["meetings"] = committee.meetings.count()
        by_council.setdefault(committee.council.name, []).append(summary)
    data = {"councils": [{"name": k, "committees": v} for k, v in by_council.items()]}
    return render_page(
        request, "web/committees.html", {"page": data, "nav_section": "committees"}, data
    )


def committee(request: HttpRequest, slug: str) -> HttpResponse:
    found = committee_for(request, slug)
    memberships = (
        visible(m.Membership.objects.filter(committee=found), request.user)
        .select_related("person__council", "municipal_year", "document")
        .defer("document__text")
        .order_by("-municipal_year__start", "person__family_name")
    )
    years: OrderedDict[str, dict[str, list[dict[str, Any]]]] = OrderedDict()
    for membership in memberships:
        label = membership.municipal_year.label if membership.municipal_year else "Year not known"
        roles = years.setdefault(label, {role: [] for role in ROLE_ORDER})
        roles.setdefault(membership.role, []).append(
            {
                "name": membership.person.name,
                "honorific": membership.person.honorific,
                "url": links.person_url(membership.person),
                "voting": membership.voting,
                "source_url": links.fact_source_url(membership),
            }
        )
    plan = visible(m.WorkPlanEntry.objects.filter(committee=found), request.user).select_related(
        "document"
    )
    plan_by_date: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
    for entry in plan.order_by("planned_for", "order"):
        plan_by_date.setdefault(entry.planned_for.isoformat(), []).append(
            {
                "title": entry.title,
                "planned_at": entry.planned_at,
                "origin": entry.origin,
                "source_url": links.fact_source_url(entry),
            }
        )
    meetings = found.meetings.select_related("committee__council").order_by("-date")
    data = {
        "name": found.name,
        "slug": found.slug,
        "council": found.council.name,
        "purpose": found.purpose,
        "url": links.committee_url(found),
        "follow": committee_follow_links(found),
        "membership": [
            {
                "year": label,
                "roles": [
                    {"role": role, "heading": ROLE_HEADINGS.get(role, role), "people": people}
                    for role, people in roles.items()
                    if people
                ],
            }
            for label, roles in years.items()
        ],
        "meetings": [meeting_summary(x) for x in meetings],
        "work_plan": [{"date": day, "items": items} for day, items in plan_by_date.items()],
    }
    return render_page(
        request, "web/committee.html", {"page": data, "nav_section": "committees"}, data
    )


def _document_order(document: m.Document) -> tuple[int, int]:
    return (document.source_id, document.first_line)


# The meeting page's queries, by the meeting's id alone: each compiled once per process.
def _meeting_documents(meeting_id: int) -> QuerySet[m.Document]:
    return listed_documents(m.Document.objects.filter(meeting_id=meeting_id)).order_by(
        "source_id", "first_line"
    )


def _meeting_items(meeting_id: int) -> QuerySet[m.AgendaItem]:
    return (
        m.AgendaItem.objects.filter(meeting_id=meeting_id)
        .select_related("document")
        .defer("document__text")
        .order_by("order")
    )


def _item_links(meeting_id: int) -> QuerySet[Any]:
    return m.AgendaItem.documents.through.objects.filter(
        agendaitem__meeting_id=meeting_id
    ).values_list("agendaitem_id", "document_id")


def _meeting_reports(meeting_id: int) -> QuerySet[m.Report]:
    return (
        m.Report.objects.filter(meeting_id=meeting_id)
        .select_related("document")
        .defer(*REPORT_SUMMARY_DEFER)
        .order_by("pk")
    )


def _meeting_attendance(meeting_id: int) -> QuerySet[m.Attendance]:
    return (
        m.Attendance.objects.filter(meeting_id=meeting_id)
        .select_related("person__council", "document", "replaces")
        .defer("document__text")
        .order_by("pk")
    )


def _meeting_minutes(meeting_id: int) -> QuerySet[m.Minute]:
    return (
        m.Minute.objects.filter(meeting_id=meeting_id)
        .select_related("document")
        .defer("document__text")
        .order_by("order")
    )


def _meeting_resolutions(meeting_id: int) -> QuerySet[m.Resolution]:
    return (
        m.Resolution.objects.filter(minute__meeting_id=meeting_id)
        .select_related("document")
        .defer("document__text")
        .order_by("minute_id", "order")
    )


def _meeting_declarations(meeting_id: int) -> QuerySet[m.Declaration]:
    return (
        m.Declaration.objects.filter(meeting_id=meeting_id)
        .select_related("person__council", "document", "agenda_item")
        .defer("document__text")
        .order_by("pk")
    )


def meeting(request: HttpRequest, committee: str, date: str) -> HttpResponse:
    """One meeting: a fixed number of queries (about ten) however large the archive is.

    Each kind of fact is read once, already filtered by `record.visibility`; nothing is
    looked up per item, per minute or per person. Every query has the same shape for
    every meeting, so its SQL is compiled once (`record.compiled_querysets`).
    """
    found = meeting_for(request, committee, date)
    user = request.user
    known = {"meeting": found}
    # Rows are read plainly and then filtered by the visibility rules over their ids
    # (`visible_rows`, rules compiled once): cheaper than compiling the rules into each query.
    documents = visible_rows(compiled.rows("meeting.documents", _meeting_documents, found.pk), user)
    documents_by_id = {d.pk: d for d in documents}
    items = visible_rows(
        compiled.rows("meeting.agenda_items", _meeting_items, found.pk, known=known), user
    )
    item_documents: dict[int, list[m.Document]] = {}
    for item_id, document_id in compiled.rows("meeting.item_documents", _item_links, found.pk):
        if document_id in documents_by_id:
            item_documents.setdefault(item_id, []).append(documents_by_id[document_id])
    reports = visible_rows(
        compiled.rows("meeting.reports", _meeting_reports, found.pk, known=known), user
    )
    reports_by_item: dict[int | None, list[dict[str, Any]]] = {}
    for report in reports:
        reports_by_item.setdefault(report.agenda_item_id, []).append(report_summary(report))
    item_rows = []
    for item in items:
        row = agenda_item_data(item)
        row["reports"] = reports_by_item.pop(item.pk, [])
        row["documents"] = [
            document_data(d) for d in sorted(item_documents.get(item.pk, []), key=_document_order)
        ]
        item_rows.append(row)
    attendance = visible_rows(
        compiled.rows("meeting.attendance", _meeting_attendance, found.pk, known=known), user
    )
    groups: dict[str, list[dict[str, Any]]] = {key: [] for key, _ in ATTENDANCE_GROUPS}
    apologies: list[dict[str, Any]] = []
    absent: list[dict[str, Any]] = []
    for row in attendance:
        entry = attendance_data(row)
        if row.status == "apologies":
            apologies.append(entry)
        elif row.status == "absent":
            absent.append(entry)
        else:
            groups[CAPACITY_GROUP.get(row.capacity, "others")].append(entry)
    minutes = visible_rows(
        compiled.rows("meeting.minutes", _meeting_minutes, found.pk, known=known), user
    )
    resolutions: dict[int, list[m.Resolution]] = {}
    for resolution in visible_rows(
        compiled.rows("meeting.resolutions", _meeting_resolutions, found.pk), user
    ):
        resolutions.setdefault(resolution.minute_id, []).append(resolution)
    declarations = visible_rows(
        compiled.rows("meeting.declarations", _meeting_declarations, found.pk, known=known),
        user,
    )
    data = {
        **meeting_summary(found),
        "start_time": found.start_time,
        "end_time": found.end_time,
        "minutes_preamble": found.minutes_preamble,
        "signed_by_chair": found.signed_by_chair,
        "signed_date": found.signed_date,
        "venue": found.venue,
        "online": found.online,
        "municipal_year": found.municipal_year.label if found.municipal_year else None,
        "committee_url": links.committee_url(found.committee),
        "documents": [document_data(d) for d in documents],
        "agenda": item_rows,
        "other_reports": [r for rows in reports_by_item.values() for r in rows],
        "attendance": {
            "groups": [
                {"key": key, "heading": heading, "people": groups[key]}
                for key, heading in ATTENDANCE_GROUPS
            ],
            "apologies": apologies,
            "absent": absent,
        },
        "declarations": [declaration_data(d) for d in declarations],
        "minutes": [minute_data(x, resolutions.get(x.pk, [])) for x in minutes],
        # What the committee asked for at this meeting, and what was due back at it.
        "requests": requests_for_meeting(found, user),
    }
    data["has_minutes"] = bool(data["minutes"] or attendance or data["declarations"] or apologies)
    return render_page(
        request, "web/meeting.html", {"page": data, "nav_section": "committees"}, data
    )


def report(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(
        visible(m.Report.objects.all(), request.user).select_related(
            "meeting__committee__council", "committee__council", "agenda_item", "document"
        ),
        pk=pk,
    )
    documents = listed_documents(visible(found.documents.all(), request.user)).order_by(
        "source_id", "first_line"
    )
    appendices: list[m.Document] = []
    if found.agenda_item_id is not None:
        item_docs = listed_documents(
            visible(found.agenda_item.documents.all(), request.user)  # type: ignore[union-attr]
        )
        appendices = [d for d in item_docs if d.subkind == "appendix"]
    appendices += [d for d in documents if d.subkind == "appendix" and d not in appendices]
    data = report_data(found)
    data["documents"] = [document_data(d) for d in documents if d.subkind != "appendix"]
    data["appendices"] = [document_data(d) for d in appendices]
    return render_page(
        request, "web/report.html", {"page": data, "nav_section": "committees"}, data
    )
