"""People: roles over time, attendance per municipal year, declarations."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from django.http import HttpRequest, HttpResponse

from minutebook.record import models as m
from minutebook.record.visibility import visible
from minutebook.web import links
from minutebook.web.present import declaration_data, meeting_summary
from minutebook.web.twin import render_page
from minutebook.web.views.lookup import person_for

# Roles whose holder is expected at every meeting of the committee in the year.
EXPECTED_ROLES = {"chair", "vice-chair", "member", "co-opted"}


def people(request: HttpRequest) -> HttpResponse:
    rows = m.Person.objects.select_related("council").order_by("family_name", "given_name", "name")
    kind = request.GET.get("kind", "")
    if kind in dict(m.Person.KIND_CHOICES):
        rows = rows.filter(kind=kind)
    data = {
        "kind": kind or None,
        "people": [
            {
                "name": p.name,
                "honorific": p.honorific,
                "kind": p.kind,
                "council": p.council.name,
                "url": links.person_url(p),
            }
            for p in rows
        ],
    }
    return render_page(request, "web/people.html", {"page": data, "nav_section": "people"}, data)


def person(request: HttpRequest, slug: str) -> HttpResponse:
    found = person_for(request, slug)
    user = request.user
    memberships = (
        visible(found.memberships.all(), user)
        .select_related("committee__council", "municipal_year", "document")
        .defer("document__text")
        .order_by("-municipal_year__start", "committee__name")
    )
    titles = (
        visible(found.titles.all(), user)
        .select_related("document")
        .defer("document__text")
        .order_by("seen_on")
    )
    declarations = (
        visible(found.declarations.all(), user)
        .select_related("meeting__committee__council", "person__council", "agenda_item", "document")
        .defer("document__text")
        .order_by("-meeting__date")
    )
    # Honours as last printed after the name ("MBE"): a person's, not one meeting's.
    honours = (
        visible(found.attendance.exclude(post_nominals=""), user)
        .order_by("-meeting__date", "-pk")
        .values_list("post_nominals", flat=True)
        .first()
    )
    data = {
        "name": found.name,
        "honorific": found.honorific,
        "post_nominals": honours or "",
        "kind": found.kind,
        "council": found.council.name,
        "url": links.person_url(found),
        "also_written_as": sorted(found.aliases.values_list("text", flat=True)),
        "job_titles": [
            {"title": t.title, "seen_on": t.seen_on, "source_url": links.fact_source_url(t)}
            for t in titles
        ],
        "roles": [
            {
                "committee": ms.committee.name,
                "committee_url": links.committee_url(ms.committee),
                "role": ms.role,
                "role_label": ms.get_role_display(),
                "year": ms.municipal_year.label if ms.municipal_year else None,
                "source_url": links.fact_source_url(ms),
            }
            for ms in memberships
        ],
        "attendance": attendance_by_year(found, user),
        "declarations": [
            {**declaration_data(d), "meeting": meeting_summary(d.meeting)} for d in declarations
        ],
    }
    return render_page(request, "web/person.html", {"page": data, "nav_section": "people"}, data)


def attendance_by_year(person: m.Person, user: Any) -> list[dict[str, Any]]:
    """Attended / expected per municipal year and committee.

    Expected: meetings of a committee in a year the person held a voting or
    co-opted seat on it for, counting only meetings whose attendance was
    recorded (no minutes, no verdict). Attended: present at those meetings.
    Appearances as a substitute are counted apart, never as expected.
    """
    seats = visible(person.memberships.filter(role__in=EXPECTED_ROLES), user).select_related(
        "committee", "municipal_year"
    )
    seat_list = list(seats.order_by("-municipal_year__start", "committee__name"))
    # The meetings of the seats' committees in the seats' years (never the whole archive),
    # keeping those whose attendance was recorded: two queries however many seats.
    candidates = list(
        m.Meeting.objects.filter(
            committee_id__in={s.committee_id for s in seat_list},
            municipal_year_id__in={s.municipal_year_id for s in seat_list if s.municipal_year_id},
        ).values_list("pk", "committee_id", "municipal_year_id")
    )
    recorded = set(
        visible(m.Attendance.objects.filter(meeting_id__in=[c[0] for c in candidates]), user)
        .values_list("meeting_id", flat=True)
        .distinct()
    )
    recorded_by_seat: dict[tuple[int, int], list[int]] = {}
    for meeting_id, committee_id, year_id in candidates:
        if meeting_id in recorded:
            recorded_by_seat.setdefault((committee_id, year_id), []).append(meeting_id)
    mine = {
        row.meeting_id: row
        for row in visible(person.attendance.all(), user).select_related(
            "meeting__committee", "meeting__municipal_year"
        )
    }
    rows: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()
    for seat in seat_list:
        if seat.municipal_year is None:
            continue
        key = (seat.municipal_year.label, seat.committee.name)
        if key in rows:
            continue
        expected = recorded_by_seat.get((seat.committee_id, seat.municipal_year.pk), [])
        attended = sum(1 for pk in expected if pk in mine and mine[pk].status == "present")
        apologies = sum(1 for pk in expected if pk in mine and mine[pk].status == "apologies")
        rows[key] = {
            "year": seat.municipal_year.label,
            "committee": seat.committee.name,
            "committee_url": links.committee_url(seat.committee),
            "expected": len(expected),
            "attended": attended,
            "apologies": apologies,
            "rate": round(attended / len(expected), 3) if expected else None,
            "as_substitute": 0,
        }
    for row in mine.values():
        if row.capacity != "substitute" or row.status != "present":
            continue
        meeting = row.meeting
        year = meeting.municipal_year.label if meeting.municipal_year else "Year not known"
        entry = rows.setdefault(
            (year, meeting.committee.name),
            {
                "year": year,
                "committee": meeting.committee.name,
                "committee_url": links.committee_url(meeting.committee),
                "expected": 0,
                "attended": 0,
                "apologies": 0,
                "rate": None,
                "as_substitute": 0,
            },
        )
        entry["as_substitute"] += 1
    return list(rows.values())
