"""The meeting page shows what was asked for at it and what was due at it; the committee page
links to the committee's tracking pages, calendar and feeds."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from minutebook.tracking.update import update_tracking
from minutebook.web import links


@pytest.mark.db_both
@pytest.mark.django_db
def test_meeting_page_lists_requests_made_and_due(record: dict[str, Any], visitor: Client) -> None:
    update_tracking()
    held = visitor.get(links.meeting_url(record["held"])).content
    assert b"Asked for at this meeting" in held
    made = visitor.get(links.meeting_url(record["held"]).rstrip("/") + ".json").json()
    texts = [r["text"] for r in made["requests"]["made"]]
    assert any("further progress report" in t for t in texts), texts
    due = visitor.get(links.meeting_url(record["upcoming"]).rstrip("/") + ".json").json()
    assert any("further progress report" in r["text"] for r in due["requests"]["due"])
    upcoming_html = visitor.get(links.meeting_url(record["upcoming"])).content.decode()
    assert "Due at this meeting" in upcoming_html
    assert "further progress report" in upcoming_html


@pytest.mark.db_both
@pytest.mark.django_db
def test_committee_page_links_to_tracking_calendar_and_feeds(
    record: dict[str, Any], visitor: Client
) -> None:
    committee = record["committee"]
    page = visitor.get(links.committee_url(committee)).content.decode()
    for fragment in (
        f"/committees/{committee.slug}/actions/",
        f"/committees/{committee.slug}/work-plan/",
        f"/committees/{committee.slug}/performance/",
        f"/committees/{committee.slug}/commitments/",
        f"/calendar/{committee.council.slug}/{committee.slug}.ics",
        f"/feeds/{committee.council.slug}/{committee.slug}/papers.atom",
    ):
        assert fragment in page, fragment
    # Every advertised link answers.
    data = visitor.get(links.committee_url(committee).rstrip("/") + ".json").json()
    for link in data["follow"]:
        assert visitor.get(link["url"]).status_code == 200, link
