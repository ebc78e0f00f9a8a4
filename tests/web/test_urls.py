"""Readable URLs stay unambiguous when two councils use the same committee slug."""

from __future__ import annotations

import datetime as dt
import html
import re
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


def test_tracking_links_of_a_shared_committee_slug_name_the_council(
    record: dict[str, Any], visitor: Client
) -> None:
    """Regression: the committee page's tracking links, the tracking tabs, the action log's
    CSV link and the actions index linked by slug alone, which is ambiguous (404) when
    another council has a committee of the same slug."""
    links._shared_cache.clear()
    other_council = m.Council.objects.create(name="Lambeth Council", slug="lambeth")
    twin = m.Committee.objects.create(
        council=other_council, name="Corporate Parenting Committee", slug=record["committee"].slug
    )
    pages = [links.committee_url(twin), links.committee_url(twin, "tracking:committee-actions")]
    pages.append("/actions/")
    found: set[str] = set()
    for page in pages:
        response = visitor.get(page)
        assert response.status_code == 200, page
        found |= set(re.findall(r'href="([^"]*)"', response.content.decode()))
    tracking_links = {
        html.unescape(h)
        for h in found
        if (h.startswith("/committees/") and h.split("?")[0].count("/") >= 4) or "/actions.csv" in h
    }
    assert any("/actions.csv" in h for h in tracking_links), sorted(tracking_links)
    assert len(tracking_links) >= 5, tracking_links
    for href in tracking_links:
        assert "council=" in href, href
        assert visitor.get(href).status_code == 200, href
