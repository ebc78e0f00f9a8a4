"""End to end: `minutebook ingest corpus/seeds` (real parser and loader), then tracking."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from minutebook.tracking.models import Commitment, Figure, TrackedRequest
from minutebook.tracking.update import update_tracking
from minutebook.tracking.workplan import plan_rows

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def test_seed_papers_close_the_loop(seeds_dir):
    call_command("ingest", str(seeds_dir), "--no-progress", stdout=StringIO())
    update_tracking(today=dt.date(2026, 1, 1))
    iro = TrackedRequest.objects.get(sentence__icontains="further progress report be provided")
    assert iro.status == "delivered"
    assert (iro.delivered_meeting.date, iro.delivered_item.number) == (dt.date(2019, 2, 26), "7")
    assert TrackedRequest.objects.get(sentence__icontains="sexual exploitation").status == "overdue"
    from minutebook.record.models import Committee

    rows = plan_rows(Committee.objects.get())
    nov_2018 = [r for r in rows if r.entry and r.entry.planned_at == dt.date(2018, 11, 5)]
    assert len(nov_2018) == 3 and all(r.status == "delivered" for r in nov_2018)
    jul_2020 = {
        r.entry.title: r.status
        for r in rows
        if r.entry and r.entry.planned_at == dt.date(2020, 7, 8)
    }
    assert jul_2020["Fostering and Adoption reports"] == "slipped"
    assert jul_2020["Sufficiency strategy"] == "dropped"
    values = set(Figure.objects.filter(measure="cla_count").values_list("value", flat=True))
    assert {492, 474, 472} <= values
    kinds = set(Commitment.objects.values_list("kind", flat=True))
    assert kinds == {"we_will", "self_evaluation", "inspection"}
    assert Commitment.objects.filter(
        kind="self_evaluation", reference="7.1", timescale="next 12 months"
    ).exists()
