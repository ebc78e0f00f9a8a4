"""The public record as OParl 1.1 objects.

Every object is built from the public querysets of `record.visibility` only, so
closed business cannot reach an OParl client. URLs are written with the
placeholder `OPARL_BASE_TOKEN` in place of `https://host/oparl/v1/`; the views
swap in the real base. `created`/`modified`/`deleted` are not set here: the
publication table (`publish.py`) owns them.

`published_objects()` yields one `Published` per top-level object: its path
(`meeting/12`), its OParl payload and the external lists it belongs to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from minutebook.api.oparl import EXTENSION_PREFIX
from minutebook.api.oparl.extensions import commitment_object, figure_object, request_object
from minutebook.api.oparl.links import (
    BODY_LISTS,
    body_list_path,
    body_path,
    compact,
    iso_date,
    location_path,
    oparl_datetime,
    oparl_type,
    source_link,
    url,
    web,
)
from minutebook.api.oparl.snapshot import RecordSnapshot, council_of_report
from minutebook.api.weblinks import (
    committee_path,
    meeting_path_known,
    person_path,
    report_path,
    source_path,
)
from minutebook.record import models as m

X = EXTENSION_PREFIX
MEETING_STATE = {
    "scheduled": "scheduled",
    "held": "held",
    "cancelled": "cancelled",
    "rescheduled": "rescheduled",
}


@dataclass
class Published:
    path: str
    kind: str
    payload: dict[str, Any]
    lists: list[str] = field(default_factory=list)


# --- one function per OParl type -------------------------------------------------


def system_object() -> dict[str, Any]:
    return {
        "id": url(""),
        "type": oparl_type("System"),
        "oparlVersion": "https://schema.oparl.org/1.1/",
        "name": "minutebook",
        "body": url("bodies"),
        # Files no council can be found for (no meeting or report names one) are listed here.
        X + "otherFiles": url("other-files"),
        "product": "https://github.com/minutebook/minutebook",
    }


def body_object(snap: RecordSnapshot, council: m.Council) -> dict[str, Any]:
    obj: dict[str, Any] = {
        "id": url(body_path(council)),
        "type": oparl_type("Body"),
        "system": url(""),
        "name": council.name,
        "shortName": council.slug,
        "classification": "Local authority",
        "legislativeTerm": [
            legislative_term_object(year) for year in snap.years if year.council_id == council.pk
        ],
    }
    for prop in BODY_LISTS:
        obj[prop] = url(body_list_path(council, prop))
    return obj


def legislative_term_object(year: m.MunicipalYear) -> dict[str, Any]:
    return compact(
        {
            "id": url(f"legislative-term/{year.pk}"),
            "type": oparl_type("LegislativeTerm"),
            "body": url(body_path(year.council)),
            "name": year.label,
            "startDate": iso_date(year.start),
            "endDate": iso_date(year.end),
        }
    )


def organization_object(snap: RecordSnapshot, committee: m.Committee) -> dict[str, Any]:
    return compact(
        {
            "id": url(f"organization/{committee.pk}"),
            "type": oparl_type("Organization"),
            "body": url(body_path(committee.council)),
            "name": committee.name,
            "organizationType": "Gremium",
            "classification": "Committee",
            "membership": [
                url(f"membership/{ms.pk}")
                for ms in snap.memberships_of_committee.get(committee.pk, [])
            ],
            "meeting": url(f"organization/{committee.pk}/meeting"),
            "web": web(committee_path(committee)),
            X + "termsOfReference": committee.purpose,
        }
    )


ROLE_NAMES = dict(m.Membership.ROLE_CHOICES)


def membership_object(ms: m.Membership) -> dict[str, Any]:
    year = ms.municipal_year
    start = ms.start_date or (year.start if year else None)
    end = ms.end_date or (year.end if year else None)
    return compact(
        {
            "id": url(f"membership/{ms.pk}"),
            "type": oparl_type("Membership"),
            "person": url(f"person/{ms.person_id}"),
            "organization": url(f"organization/{ms.committee_id}"),
            "role": ROLE_NAMES.get(ms.role, ms.role),
            "votingRight": ms.voting,
            "startDate": iso_date(start),
            "endDate": iso_date(end),
            X + "role": ms.role,
            X + "municipalYear": year.label if year else None,
            X + "source": source_link(ms),
        }
    )


def person_object(snap: RecordSnapshot, person: m.Person) -> dict[str, Any]:
    return compact(
        {
            "id": url(f"person/{person.pk}"),
            "type": oparl_type("Person"),
            "body": url(body_path(snap.council_by_id[person.council_id])),
            "name": person.name,
            "familyName": person.family_name,
            "givenName": person.given_name,
            "formOfAddress": person.honorific,
            "affix": snap.affix_of_person.get(person.pk),
            "status": [person.get_kind_display()],
            "web": web(person_path(person, person.slug in snap.shared_person_slugs)),
            "membership": [
                membership_object(ms) for ms in snap.memberships_of_person.get(person.pk, [])
            ],
            X + "kind": person.kind,
            X + "officerTitles": [
                compact({"title": t.title, "seenOn": iso_date(t.seen_on)})
                for t in snap.titles_of_person.get(person.pk, [])
            ],
            X + "declarations": [
                compact(
                    {
                        "meeting": url(f"meeting/{d.meeting_id}"),
                        "item": d.item_as_written,
                        "kind": d.kind,
                        "text": d.text,
                        "source": source_link(d),
                    }
                )
                for d in snap.declarations_of_person.get(person.pk, [])
            ],
        }
    )


def location_object(snap: RecordSnapshot, council: m.Council, venue: str) -> dict[str, Any]:
    return {
        "id": url(location_path(council.pk, venue)),
        "type": oparl_type("Location"),
        "description": venue,
        "bodies": [url(body_path(council))],
        "meetings": [
            url(f"meeting/{meeting.pk}")
            for meeting in snap.meetings_at.get((council.pk, venue.strip()), [])
        ],
    }


def file_object(
    snap: RecordSnapshot, source: m.SourceFile, embedded: bool = True
) -> dict[str, Any]:
    """A source file; its full text only on the File itself, not in every embedding object."""
    return compact(
        {
            "id": url(f"file/{source.pk}"),
            "type": oparl_type("File"),
            "name": source.original_name,
            "fileName": source.original_name,
            "mimeType": source.media_type or "application/octet-stream",
            "date": iso_date(source.ingested_at.date() if source.ingested_at else None),
            "size": source.size,
            "text": None if embedded else source.text,
            "accessUrl": url(f"file/{source.pk}/access"),
            "downloadUrl": url(f"file/{source.pk}/download"),
            "web": web(source_path(source.pk)),
            "meeting": [url(f"meeting/{i}") for i in snap.meetings_of_file.get(source.pk, [])],
            "agendaItem": [url(f"agenda-item/{i}") for i in snap.items_of_file.get(source.pk, [])],
            "paper": [url(f"paper/{i}") for i in snap.reports_of_file.get(source.pk, [])],
            X + "sha256": source.sha256,
            X + "pageCount": source.page_count,
            X + "parseStatus": source.parse_status,
        }
    )


def _resolutions_of(snap: RecordSnapshot, minute_ids: list[int]) -> list[dict[str, Any]]:
    return [
        compact({"number": r.number, "text": r.text, "source": source_link(r)})
        for minute_id in minute_ids
        for r in snap.resolutions_of_minute.get(minute_id, [])
    ]


def agenda_item_object(snap: RecordSnapshot, item: m.AgendaItem) -> dict[str, Any]:
    meeting = snap.meeting_by_id[item.meeting_id]
    minute_ids = [mi.pk for mi in snap.minutes_of_item.get(item.pk, [])]
    resolutions = _resolutions_of(snap, minute_ids)
    report = next(iter(snap.reports_of_item.get(item.pk, [])), None)
    return compact(
        {
            "id": url(f"agenda-item/{item.pk}"),
            "type": oparl_type("AgendaItem"),
            "meeting": url(f"meeting/{item.meeting_id}"),
            "number": item.number,
            "order": item.order,
            "name": item.title,
            "public": True,
            "consultation": url(f"consultation/{report.pk}")
            if report and report.meeting_id
            else None,
            "resolutionText": "\n".join(r["text"] for r in resolutions),
            "auxiliaryFile": [
                file_object(snap, snap.source_by_id[i]) for i in snap.files_of_item[item.pk]
            ],
            "start": oparl_datetime(meeting.date, item.scheduled_time),
            X + "description": item.description,
            X + "pages": item.pages,
            X + "supplement": item.supplement,
            X + "resolutions": resolutions,
        }
    )


def meeting_object(snap: RecordSnapshot, meeting: m.Meeting) -> dict[str, Any]:
    council = meeting.committee.council
    attendance = snap.attendance_of_meeting.get(meeting.pk, [])
    present = [a for a in attendance if a.status == "present"]
    minutes = snap.minutes_of_meeting.get(meeting.pk, [])
    invitation = snap.agenda_files_of_meeting.get(meeting.pk, [])
    protocol = snap.minutes_files_of_meeting.get(meeting.pk, [])
    auxiliary = [
        i for i in snap.files_of_meeting.get(meeting.pk, []) if i not in invitation + protocol
    ]
    return compact(
        {
            "id": url(f"meeting/{meeting.pk}"),
            "type": oparl_type("Meeting"),
            "name": f"{meeting.committee.name}, {meeting.date.day} {meeting.date:%B %Y}",
            "meetingState": MEETING_STATE.get(meeting.status, meeting.status),
            "cancelled": meeting.status == "cancelled",
            "web": web(
                meeting_path_known(meeting, meeting.committee.slug in snap.shared_committee_slugs)
            ),
            "start": oparl_datetime(meeting.date, meeting.start_time),
            "end": oparl_datetime(meeting.date, meeting.end_time),
            "location": location_object(snap, council, meeting.venue)
            if meeting.venue.strip()
            else None,
            "organization": [url(f"organization/{meeting.committee_id}")],
            "participant": sorted(
                {url(f"person/{a.person_id}") for a in present if a.person_id is not None}
            ),
            "invitation": file_object(snap, snap.source_by_id[invitation[0]])
            if invitation
            else None,
            "resultsProtocol": file_object(snap, snap.source_by_id[protocol[0]])
            if protocol
            else None,
            "auxiliaryFile": [
                file_object(snap, snap.source_by_id[i])
                for i in auxiliary + invitation[1:] + protocol[1:]
            ],
            "agendaItem": [
                agenda_item_object(snap, item) for item in snap.items_of_meeting.get(meeting.pk, [])
            ],
            X + "date": meeting.date.isoformat(),
            X + "online": meeting.online,
            X + "legislativeTerm": url(f"legislative-term/{meeting.municipal_year_id}")
            if meeting.municipal_year_id
            else None,
            X + "attendance": [
                compact(
                    {
                        "person": url(f"person/{a.person_id}") if a.person_id else None,
                        "name": a.name_as_written,
                        "capacity": a.capacity,
                        "status": a.status,
                        "role": a.role,
                        "replaces": url(f"person/{a.replaces_id}") if a.replaces_id else None,
                        "replacesAsWritten": a.replaces_as_written,
                        "source": source_link(a),
                    }
                )
                for a in attendance
            ],
            X + "declarations": [
                compact(
                    {
                        "person": url(f"person/{d.person_id}") if d.person_id else None,
                        "name": d.name_as_written,
                        "item": d.item_as_written,
                        "agendaItem": url(f"agenda-item/{d.agenda_item_id}")
                        if d.agenda_item_id in snap.public_item_ids
                        else None,
                        "kind": d.kind,
                        "text": d.text,
                        "source": source_link(d),
                    }
                )
                for d in snap.declarations_of_meeting.get(meeting.pk, [])
            ],
            X + "requests": [
                request_object(snap, r) for r in snap.requests_of_meeting.get(meeting.pk, [])
            ],
            X + "minutes": [
                compact(
                    {
                        "number": mi.number,
                        "title": mi.title,
                        "discussion": mi.discussion,
                        "agendaItem": url(f"agenda-item/{mi.agenda_item_id}")
                        if mi.agenda_item_id in snap.public_item_ids
                        else None,
                        "resolutions": _resolutions_of(snap, [mi.pk]),
                        "source": source_link(mi),
                    }
                )
                for mi in minutes
            ],
        }
    )


def consultation_object(snap: RecordSnapshot, report: m.Report) -> dict[str, Any]:
    committee_id = report.meeting.committee_id if report.meeting else report.committee_id
    return compact(
        {
            "id": url(f"consultation/{report.pk}"),
            "type": oparl_type("Consultation"),
            "paper": url(f"paper/{report.pk}"),
            "agendaItem": url(f"agenda-item/{report.agenda_item_id}")
            if report.agenda_item_id in snap.public_item_ids
            else None,
            "meeting": url(f"meeting/{report.meeting_id}") if report.meeting_id else None,
            "organization": [url(f"organization/{committee_id}")] if committee_id else [],
            "role": "For consideration",
        }
    )


def paper_object(snap: RecordSnapshot, report: m.Report) -> dict[str, Any]:
    council = council_of_report(report)
    files = snap.files_of_report.get(report.pk, [])
    day = report.report_date or (report.meeting.date if report.meeting else None)
    committee_id = report.meeting.committee_id if report.meeting else report.committee_id
    return compact(
        {
            "id": url(f"paper/{report.pk}"),
            "type": oparl_type("Paper"),
            "body": url(body_path(council)) if council else None,
            "name": report.title,
            "date": iso_date(day),
            "paperType": "Report",
            "web": web(report_path(report)),
            "mainFile": file_object(snap, snap.source_by_id[files[0]]) if files else None,
            "auxiliaryFile": [file_object(snap, snap.source_by_id[i]) for i in files[1:]],
            "underDirectionOf": [url(f"organization/{committee_id}")] if committee_id else [],
            "consultation": [consultation_object(snap, report)] if report.meeting_id else [],
            X + "itemNumber": report.item_number,
            X + "from": report.from_text,
            X + "author": report.author,
            X + "leadOfficer": report.lead_officer,
            X + "wards": report.wards,
            X + "keyDecision": report.key_decision,
            X + "recommendations": [str(r) for r in report.recommendations or []],
            X + "figures": [figure_object(f) for f in snap.figures_of_report.get(report.pk, [])],
            X + "commitments": [
                commitment_object(c) for c in snap.commitments_of_report.get(report.pk, [])
            ],
            X + "delivers": [
                request_object(snap, r) for r in snap.requests_delivered_by.get(report.pk, [])
            ],
        }
    )


# --- the whole public record ------------------------------------------------------


def published_objects() -> Iterator[Published]:
    """Every top-level OParl object of the public record, with the lists it belongs to."""
    snap = RecordSnapshot()
    for council in snap.councils:
        yield Published(body_path(council), "Body", body_object(snap, council), ["bodies"])
    for year in snap.years:
        council = snap.council_by_id[year.council_id]
        yield Published(
            f"legislative-term/{year.pk}",
            "LegislativeTerm",
            legislative_term_object(year),
            [body_list_path(council, "legislativeTermList")],
        )
    for committee in snap.committees:
        yield Published(
            f"organization/{committee.pk}",
            "Organization",
            organization_object(snap, committee),
            [body_list_path(committee.council, "organization")],
        )
    for person in snap.people:
        council = snap.council_by_id[person.council_id]
        yield Published(
            f"person/{person.pk}",
            "Person",
            person_object(snap, person),
            [body_list_path(council, "person")],
        )
    for ms in snap.memberships:
        council = snap.committee_by_id[ms.committee_id].council
        yield Published(
            f"membership/{ms.pk}",
            "Membership",
            membership_object(ms),
            [body_list_path(council, "membership")],
        )
    venues: dict[str, tuple[m.Council, str]] = {}
    for meeting in snap.meetings:
        council = meeting.committee.council
        yield Published(
            f"meeting/{meeting.pk}",
            "Meeting",
            meeting_object(snap, meeting),
            [body_list_path(council, "meeting"), f"organization/{meeting.committee_id}/meeting"],
        )
        if meeting.venue.strip():
            venues.setdefault(location_path(council.pk, meeting.venue), (council, meeting.venue))
    for path, (council, venue) in venues.items():
        yield Published(
            path,
            "Location",
            location_object(snap, council, venue),
            [body_list_path(council, "locationList")],
        )
    for item in snap.items:
        council = snap.council_of_meeting(item.meeting_id)
        yield Published(
            f"agenda-item/{item.pk}",
            "AgendaItem",
            agenda_item_object(snap, item),
            [body_list_path(council, "agendaItem")],
        )
    for report in snap.reports:
        report_council = council_of_report(report)
        paper_lists = [body_list_path(report_council, "paper")] if report_council else []
        yield Published(f"paper/{report.pk}", "Paper", paper_object(snap, report), paper_lists)
        if report.meeting_id:
            yield Published(
                f"consultation/{report.pk}",
                "Consultation",
                consultation_object(snap, report),
                [body_list_path(report.meeting.committee.council, "consultation")],
            )
    for source in snap.sources:
        file_council = snap.council_of_file(source)
        file_lists = [body_list_path(file_council, "file")] if file_council else ["other-files"]
        yield Published(
            f"file/{source.pk}", "File", file_object(snap, source, embedded=False), file_lists
        )
