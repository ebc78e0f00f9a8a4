"""The loader's lookups compiled once: the same rows as the ORM's, in one query each, and the
ORM itself wherever reusing the SQL could not be checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minutebook.record import compiled_queries as cq
from minutebook.record import models as m
from minutebook.record.ingest import ingest_paths

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


@pytest.fixture(autouse=True)
def _fresh_plans() -> None:
    cq.forget()


def _rows(objs: list[object]) -> list[dict[str, object]]:
    return [{k: v for k, v in vars(o).items() if k != "_state"} for o in objs]


def test_every_and_first_give_the_orms_rows(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir], workers=0)
    cq.forget()
    meetings = list(m.Meeting.objects.all())
    assert len(meetings) > 3
    for meeting in meetings:
        for model in (m.AgendaItem, m.Minute, m.Attendance):
            expected = list(model.objects.filter(meeting=meeting))  # type: ignore[attr-defined]
            got = cq.every(model, meeting=meeting)
            assert _rows(got) == _rows(expected)
        assert _rows(cq.every(m.Resolution, minute__meeting=meeting)) == _rows(
            list(m.Resolution.objects.filter(minute__meeting=meeting))
        )
        # By ids and a date, as the loader's natural keys ask.
        found = cq.first(m.Meeting, committee_id=meeting.committee_id, date=meeting.date)
        assert found is not None and _rows([found]) == _rows([meeting])
    assert cq.first(m.Meeting, committee_id=-1, date=meetings[0].date) is None
    assert all(isinstance(plan, cq._Plan) for plan in cq._PLANS.values())


def test_a_compiled_lookup_runs_one_query_and_builds_nothing_again(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir], workers=0)
    cq.forget()
    meeting = m.Meeting.objects.filter(minutes__isnull=False).first()
    assert meeting is not None
    cq.every(m.Minute, meeting=meeting)  # compiles the shape
    with CaptureQueriesContext(connection) as queries:
        again = cq.every(m.Minute, meeting=meeting)
    assert len(queries) == 1 and again
    assert queries[0]["sql"].count("record_minute") >= 1


def test_null_filters_are_a_shape_of_their_own(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir], workers=0)
    cq.forget()
    with_meeting = cq.every(m.Document, meeting=m.Meeting.objects.first())
    without = cq.every(m.Document, meeting=None)
    assert _rows(without) == _rows(list(m.Document.objects.filter(meeting=None)))
    assert _rows(with_meeting) == _rows(
        list(m.Document.objects.filter(meeting=m.Meeting.objects.first()))
    )


def test_a_query_whose_parameters_are_not_its_values_is_left_to_the_orm(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir], workers=0)
    cq.forget()
    # icontains sends '%word%', not the value: the check refuses to reuse its SQL.
    got = cq.every(m.AgendaItem, title__icontains="minutes")
    assert got and _rows(got) == _rows(
        list(m.AgendaItem.objects.filter(title__icontains="minutes"))
    )
    plans = [p for (model, *_), p in cq._PLANS.items() if model is m.AgendaItem]
    assert plans == [None]
    assert _rows(cq.every(m.AgendaItem, title__icontains="apolog")) == _rows(
        list(m.AgendaItem.objects.filter(title__icontains="apolog"))
    )


def test_equal_values_wait_for_values_that_show_the_parameters_order(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir], workers=0)
    cq.forget()
    item = m.AgendaItem.objects.order_by("pk").first()
    assert item is not None
    # Two filters with the same value cannot show which parameter is which: not planned yet.
    cq.every(m.AgendaItem, pk=item.pk, first_line=item.pk)
    assert not cq._PLANS
    got = cq.every(m.AgendaItem, pk=item.pk, first_line=item.first_line)
    if item.pk != item.first_line:
        assert list(cq._PLANS.values()) and all(cq._PLANS.values())
    assert _rows(got) == _rows([item])
    others = list(m.AgendaItem.objects.exclude(pk=item.pk)[:5])
    for other in others:  # the planned SQL with other values, in the right order
        assert _rows(cq.every(m.AgendaItem, pk=other.pk, first_line=other.first_line)) == _rows(
            [other]
        )
        assert cq.every(m.AgendaItem, pk=other.pk, first_line=other.first_line + 10_000) == []


def test_lists_and_unsaved_objects_go_to_the_orm(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir], workers=0)
    cq.forget()
    ids = list(m.Meeting.objects.values_list("pk", flat=True)[:2])
    assert _rows(cq.every(m.Meeting, pk__in=ids)) == _rows(
        list(m.Meeting.objects.filter(pk__in=ids))
    )
    assert not cq._PLANS
    with pytest.raises(ValueError):
        cq.every(m.AgendaItem, meeting=m.Meeting())  # Django's own error for an unsaved object


def test_value_gives_the_first_rows_column(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir], workers=0)
    cq.forget()
    for doc in m.Document.objects.all()[:10]:
        assert cq.value(m.Document, "source_id", pk=doc.pk) == doc.source_id
        assert cq.value(m.Document, "title", pk=doc.pk) == doc.title
    assert cq.value(m.Document, "source_id", pk=-5) is None
    meeting = m.Meeting.objects.first()
    assert meeting is not None
    assert cq.value(m.Meeting, "date", pk=meeting.pk) == meeting.date  # converted, as the ORM's
    assert all(isinstance(plan, cq._Plan) for plan in cq._PLANS.values())


def test_only_reads_the_fields_asked_and_the_rest_later(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir], workers=0)
    cq.forget()
    for source in m.SourceFile.objects.all():
        got = cq.first(m.SourceFile, only=("pk", "parse_status", "errors"), sha256=source.sha256)
        assert got.pk == source.pk and got.parse_status == source.parse_status
        assert got.get_deferred_fields() >= {"content", "text"}
        assert got.original_name == source.original_name  # read when asked, as the ORM's
    assert cq.first(m.SourceFile, only=("pk",), sha256="0" * 64) is None
    assert all(isinstance(plan, cq._Plan) for plan in cq._PLANS.values())
