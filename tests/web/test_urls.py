"""Readable URLs stay unambiguous when two councils use the same committee slug."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from minutebook.record import models as m
from minutebook.web import links

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def test_shared_committee_slug(record: dict[str, Any], visitor: Client) -> None:
    links._shared_cache.clear()
    other_council = m.Council.objects.create(name="Lambeth Council", slug="lambeth")
    twin = m.Committee.objects.create(
        council=other_council, name="Corporate Parenting Committee", slug=record["committee"].slug
    )
    other = m.Meeting.objects.create(committee=twin, date=dt.date(2020, 9, 1))
    same_day = m.Meeting.objects.create(committee=twin, date=record["held"].date)

    committee_url = links.committee_url(twin)
    assert committee_url.endswith("?council=lambeth")
    assert visitor.get(committee_url).status_code == 200
    ambiguous = visitor.get(f"/committees/{twin.slug}/")
    assert ambiguous.status_code == 404
    assert "?council=" in ambiguous.content.decode()

    # A date held by one council only needs no council; a shared date does.
    assert visitor.get(f"/meetings/{twin.slug}/2020-09-01/").status_code == 200
    assert visitor.get(f"/meetings/{twin.slug}/{same_day.date}/").status_code == 404
    for meeting in (other, same_day, record["held"]):
        response = visitor.get(links.meeting_url(meeting))
        assert response.status_code == 200
        assert response.context["page"]["council"] == meeting.committee.council.name
