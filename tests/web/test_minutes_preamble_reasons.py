"""Minutes' preamble, reasons for decisions and signature reach the record and the meeting page."""

from __future__ import annotations

import pytest
from django.test import Client

from minutebook.record import models as m
from minutebook.record.ingest import finish_batch, ingest_bytes

MINUTES = b"""EASTMOOR BOROUGH COUNCIL

LICENSING SUB-COMMITTEE

Minutes of a hearing held on Tuesday, 14 October 2025 at 10.00 am in the Council Chamber.

Present: Councillors P. Ashworth (Chair), L. Conroy and D. Fairweather.

The Chair welcomed everyone and explained the procedure that would be followed at the hearing, a copy of which had been sent to all parties.

1.   DECLARATIONS OF INTEREST

No declarations of interest were made.

2.   APPLICATION FOR A NEW PREMISES LICENCE - THE OLD FORGE

The Licensing Team Leader presented the report and the representations received.

RESOLVED - That the premises licence be granted subject to the conditions in Appendix C.

REASONS FOR DECISION:

(1)   The Sub-Committee was satisfied that the conditions would promote the prevention of public nuisance.

The meeting ended at 11.40 am.

CHAIR: Councillor P. Ashworth

DATED: 11 November 2025
"""


@pytest.mark.db_both
def test_minutes_preamble_reasons_and_signature_are_loaded_and_shown(db: None) -> None:
    summary = ingest_bytes(MINUTES, "licensing-minutes.txt")
    finish_batch(summary)
    meeting = m.Meeting.objects.get()
    assert "explained the procedure" in meeting.minutes_preamble
    assert meeting.signed_date is not None and meeting.signed_date.isoformat() == "2025-11-11"
    minute = meeting.minutes.get(number="2")
    assert "prevention of public nuisance" in minute.reasons
    assert "prevention of public nuisance" not in minute.discussion

    from minutebook.web.links import meeting_url

    page = Client().get(meeting_url(meeting))
    html = page.content.decode()
    assert page.status_code == 200
    assert "explained the procedure" in html
    assert "Reasons for the decision" in html and "prevention of public nuisance" in html
    twin = Client().get(meeting_url(meeting), HTTP_ACCEPT="application/json").json()
    text = str(twin)
    assert "explained the procedure" in text and "prevention of public nuisance" in text

    from minutebook.web.search import search

    found = search("nuisance")
    assert any(r["model"] == "minute" for r in found.results)

    # Loading the same paper again changes nothing.
    again = ingest_bytes(MINUTES, "licensing-minutes-copy.txt")
    assert again.known_sources == 1
