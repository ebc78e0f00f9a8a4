"""Readable URLs of the record's things, in one place.

Committees, meetings and people are addressed by slug (and date), e.g.
`/committees/corporate-parenting-committee/` and
`/meetings/corporate-parenting-committee/2020-11-04/`. Slugs are unique per
council; when two councils share one, `?council=<slug>` picks the council.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.http import urlencode

from minutebook.record import models as m


def _with_council(url: str, council_slug: str | None) -> str:
    return f"{url}?{urlencode({'council': council_slug})}" if council_slug else url


def _shared_slug(model: type[Any], slug: str) -> bool:
    return model.objects.filter(slug=slug).values("council_id").distinct().count() > 1


def committee_url(committee: m.Committee) -> str:
    url = reverse("committee", kwargs={"slug": committee.slug})
    return _with_council(
        url, committee.council.slug if _shared_slug(m.Committee, committee.slug) else None
    )


def meeting_url(meeting: m.Meeting) -> str:
    committee = meeting.committee
    url = reverse("meeting", kwargs={"committee": committee.slug, "date": meeting.date.isoformat()})
    return _with_council(
        url, committee.council.slug if _shared_slug(m.Committee, committee.slug) else None
    )


def person_url(person: m.Person) -> str:
    url = reverse("person", kwargs={"slug": person.slug})
    return _with_council(url, person.council.slug if _shared_slug(m.Person, person.slug) else None)


def report_url(report: m.Report) -> str:
    return reverse("report", kwargs={"pk": report.pk})


def source_url(source_id: int, line: int | None = None) -> str:
    url = reverse("source", kwargs={"pk": source_id})
    return f"{url}#L{line}" if line else url


def fact_source_url(fact: Any) -> str | None:
    """Where a fact with provenance was read: its source page, at its first line."""
    document = getattr(fact, "document", None)
    if document is None:
        return None
    return source_url(document.source_id, getattr(fact, "first_line", None) or document.first_line)


def document_url(document: m.Document) -> str:
    return source_url(document.source_id, document.first_line)


def reverse_report(report_id: int) -> str:
    return reverse("report", kwargs={"pk": report_id})
