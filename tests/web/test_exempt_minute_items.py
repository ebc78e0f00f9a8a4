"""A minute item after a "PART II" heading in open minutes is closed business."""

from __future__ import annotations

import pytest
from django.test import Client

from minutebook.record import models as m
from minutebook.record.ingest import finish_batch, ingest_bytes

MINUTES = b"""MINUTES of the meeting of the Audit Committee held on Thursday 18 September 2025 at 2.00 pm

PRESENT: Councillors A. Ashby (Chair), B. Brook and C. Cole.

1. MINUTES

RESOLVED that the minutes of the meeting held on 3 July 2025 be approved.

2. EXCLUSION OF THE PUBLIC

RESOLVED that the public be excluded for the following item.

PART II - EXEMPT ITEMS

3. CONTRACT AWARD - GROUNDS MAINTENANCE

The Committee considered the Zanzibar tender on the award of the contract.

RESOLVED that the contract be awarded to the Zanzibar bidder.
"""


@pytest.mark.db_both
def test_exempt_minute_item_reaches_officers_only(db: None, officer_client: Client) -> None:
    finish_batch(ingest_bytes(MINUTES, "audit-minutes.txt"))
    meeting = m.Meeting.objects.get()
    assert meeting.minutes.get(number="3").part == "closed"
    assert meeting.minutes.get(number="2").part == "open"

    from minutebook.web.links import meeting_url
    from minutebook.web.search import search

    url = meeting_url(meeting)
    visitor = Client()
    for response in (visitor.get(url), visitor.get(url, HTTP_ACCEPT="application/json")):
        assert response.status_code == 200
        assert "Zanzibar" not in response.content.decode()
        assert "EXCLUSION OF THE PUBLIC" in response.content.decode()
    assert search("Zanzibar").total == 0
    from minutebook.web.links import source_url

    source = m.SourceFile.objects.get()
    page = visitor.get(source_url(source.pk))
    assert page.status_code == 200 and "Zanzibar" not in page.content.decode()
    assert "Zanzibar" in officer_client.get(url).content.decode()


AGENDA_AND_MINUTES = b"""MINUTES of the meeting of the Cabinet held on Thursday 4 June 2026 at 2.00 pm

PRESENT: Councillors A. Ashby (Chair), B. Brook and C. Cole.

41. BUDGET MONITORING

RESOLVED that the report be noted.

42. RESIDENTIAL CARE CONTRACT (EXEMPT - PARAGRAPH 3)

The Cabinet considered the Quixote tender for residential care.

RESOLVED that the contract be awarded to the Quixote bidder.

43. ANY OTHER BUSINESS

None.
"""


@pytest.mark.db_both
def test_an_item_marked_exempt_in_its_own_title_reaches_officers_only(
    db: None, officer_client: Client
) -> None:
    # No "PART II" heading: the title's own "(EXEMPT - PARAGRAPH 3)" closes the item.
    finish_batch(ingest_bytes(AGENDA_AND_MINUTES, "cabinet-minutes.txt"))
    meeting = m.Meeting.objects.get()
    assert [(x.number, x.part) for x in meeting.minutes.order_by("number")] == [
        ("41", "open"),
        ("42", "closed"),
        ("43", "open"),
    ]
    from minutebook.web.links import meeting_url
    from minutebook.web.search import search

    url = meeting_url(meeting)
    visitor = Client()
    for response in (visitor.get(url), visitor.get(url, HTTP_ACCEPT="application/json")):
        assert response.status_code == 200
        text = response.content.decode()
        assert "Quixote" not in text and "RESIDENTIAL CARE CONTRACT" not in text
        assert "BUDGET MONITORING" in text
    assert search("Quixote").total == 0
    assert "Quixote" in officer_client.get(url).content.decode()
