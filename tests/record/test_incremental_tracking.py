"""Ingest updates tracking only for the committees its papers touched, with the same result
as a full recompute."""

from __future__ import annotations

import pytest

from minutebook.bench.archive import generate
from minutebook.record import models as m
from minutebook.record.ingest import IngestSummary, finish_batch, ingest_bytes
from minutebook.tracking.models import Commitment, Figure, TrackedRequest
from minutebook.tracking.update import update_tracking


def _tracking_snapshot() -> dict[str, list[tuple[object, ...]]]:
    return {
        "requests": sorted(TrackedRequest.objects.values_list("committee_id", "key", "status")),
        "figures": sorted(Figure.objects.values_list("committee_id", "key")),
        "commitments": sorted(Commitment.objects.values_list("committee_id", "key")),
        "work_plan": sorted(m.WorkPlanEntry.objects.values_list("committee_id", "title", "origin")),
    }


@pytest.mark.django_db
@pytest.mark.db_both
def test_a_batch_updates_only_its_committees_and_matches_a_full_update() -> None:
    papers = list(generate(3000))
    first, second = papers[: len(papers) // 2], papers[len(papers) // 2 :]
    summary = IngestSummary()
    for paper in first:
        ingest_bytes(paper.text.encode(), paper.name, summary)
    finish_batch(summary)
    before = set(m.Committee.objects.values_list("pk", flat=True))

    batch = IngestSummary()
    for paper in second:
        ingest_bytes(paper.text.encode(), paper.name, batch)
    expected = set(
        m.Meeting.objects.filter(
            documents__source__original_name__in=[p.name for p in second]
        ).values_list("committee_id", flat=True)
    )
    assert batch.touched_committees == expected
    assert expected, "the second batch should feed at least one committee"
    finish_batch(batch)
    assert batch.tracking, "the batch changed the record, so tracking ran"
    incremental = _tracking_snapshot()
    assert any(incremental.values()), "the synthetic papers should yield tracked facts"

    update_tracking()  # the full recompute finds nothing left to do
    assert _tracking_snapshot() == incremental
    assert before <= set(m.Committee.objects.values_list("pk", flat=True))


@pytest.mark.django_db
@pytest.mark.db_both
def test_ingesting_known_papers_again_runs_no_tracking() -> None:
    papers = list(generate(1000))
    for paper in papers:
        ingest_bytes(paper.text.encode(), paper.name)
    again = IngestSummary()
    for paper in papers:
        ingest_bytes(paper.text.encode(), paper.name, again)
    finish_batch(again)
    assert again.known_sources == len(papers)
    assert again.touched_committees == set()
    assert again.tracking == {}
