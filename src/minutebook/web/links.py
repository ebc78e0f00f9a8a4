"""Readable URLs of the record's things, in one place.

Committees, meetings and people are addressed by slug (and date), e.g.
`/committees/corporate-parenting-committee/` and
`/meetings/corporate-parenting-committee/2020-11-04/`. Slugs are unique per
council; when two councils share one, `?council=<slug>` picks the council.
"""

from __future__ import annotations

import time
from typing import Any

from django.db.models import Count
from django.urls import reverse
from django.utils.http import urlencode

from minutebook.record import models as m


def _with_council(url: str, council_slug: str | None) -> str:
    return f"{url}?{urlencode({'council': council_slug})}" if council_slug else url


# Slugs shared by several councils, per model, refreshed every few seconds: a page
# builds hundreds of links, and slug clashes change only when a council is added.
_SHARED_TTL_SECONDS = 5.0
_shared_cache: dict[str, tuple[float, frozenset[str]]] = {}


def _shared_slugs(model: type[Any]) -> frozenset[str]:
    key = model.__name__
    now = time.monotonic()
    cached = _shared_cache.get(key)
    if cached is not None and now - cached[0] < _SHARED_TTL_SECONDS:
        return cached[1]
    shared = frozenset(
        model.objects.values("slug")
        .annotate(councils=Count("council_id", distinct=True))
        .filter(councils__gt=1)
        .values_list("slug", flat=True)
    )
    _shared_cache[key] = (now, shared)
    return shared


def _shared_slug(model: type[Any], slug: str) -> bool:
    return slug in _shared_slugs(model)


def committee_url(committee: m.Committee, page: str = "committee") -> str:
    """The committee's page, or another page named `page` taking the committee's slug (its
    action log, work plan...): with the council when another council shares the slug."""
    url = reverse(page, kwargs={"slug": committee.slug})
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
