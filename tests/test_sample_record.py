"""The shared sample record builds on both databases and marks its closed business."""

import pytest

from tests.sample_record import build_sample_record


@pytest.mark.db_both
@pytest.mark.django_db
def test_sample_record_builds() -> None:
    rec = build_sample_record()
    assert rec["closed_report"].classification == "closed"
    assert rec["items"][3].part == "closed"
    assert rec["secret"] in rec["closed_doc"].text
    assert rec["secret"] not in rec["report_doc"].text
    assert "Confidential" not in rec["report_doc"].text
    assert rec["report_doc"].text.startswith("Item No. 3.")
    assert rec["minutes_doc"].text.startswith("MINUTES of the OPEN section")
    assert rec["resolution"].minute.meeting == rec["held"]
