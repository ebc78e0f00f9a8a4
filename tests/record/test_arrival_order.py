"""The record does not depend on the order papers arrive in (a batch, or one file at a time).

Real papers of two councils: Southwark's five seed papers and four Kent County Council papers
(agenda, minutes, a record of decision, County Council minutes), loaded forwards and then, in
an empty database, backwards. Papers whose council is unknown are left out on purpose: they
may come from many councils, so their people are not merged by guesswork (see README).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minutebook.record import models as m
from minutebook.record.ingest import ingest_paths

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]

ROOT = Path(__file__).resolve().parents[2] / "corpus"
PAPERS = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "councils").glob("0[3457]_kent-*.txt")
)


def _facts() -> set[tuple[Any, ...]]:
    def meeting(x: m.Meeting) -> tuple[str, str]:
        return x.committee.name, str(x.date)

    out: set[tuple[Any, ...]] = set()
    for x in m.Meeting.objects.select_related("committee"):
        out.add(("meeting", meeting(x), x.venue, str(x.start_time), str(x.end_time), x.status))
    for x in m.Minute.objects.select_related("meeting__committee"):
        out.add(("minute", meeting(x.meeting), x.number, x.title, x.part, x.reasons))
    for x in m.Resolution.objects.select_related("minute__meeting__committee"):
        out.add(("resolution", meeting(x.minute.meeting), x.minute.number, x.text))
    for x in m.Attendance.objects.select_related("meeting__committee", "person"):
        person = x.person.name if x.person else None
        out.add(("attendance", meeting(x.meeting), x.name_as_written, x.status, x.capacity, person))
    for x in m.AgendaItem.objects.select_related("meeting__committee"):
        out.add(("item", meeting(x.meeting), x.number, x.title, x.part, x.pages))
    for x in m.Membership.objects.select_related("committee", "person"):
        out.add(("membership", x.committee.name, x.person.name, x.role))
    for x in m.Report.objects.all():
        out.add(("report", x.title, x.classification))
    return out


def test_papers_give_the_same_record_in_either_order() -> None:
    assert len(PAPERS) == 9
    assert not ingest_paths(PAPERS, workers=0).failures
    forwards = _facts()
    for model in (m.SourceFile, m.Council):  # everything else hangs from these
        model.objects.all().delete()
    assert not m.Meeting.objects.exists() and not m.Person.objects.exists()
    for paper in reversed(PAPERS):  # one at a time, newest name first
        assert not ingest_paths([paper], workers=0).failures
    backwards = _facts()
    assert len(forwards) > 300
    assert forwards - backwards == set() and backwards - forwards == set()
