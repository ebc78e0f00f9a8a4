"""`compiled_querysets.rows`: a queryset shape compiled once gives what the ORM gives, for
any values, with its `select_related` objects; shapes it cannot reuse go to the ORM."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.db.models import Q, QuerySet

from minutebook.record import compiled_querysets as compiled
from minutebook.record import models as m
from minutebook.record.ingest import ingest_paths
from minutebook.tracking.models import TrackedRequest

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


@pytest.fixture(autouse=True)
def _fresh_shapes() -> Any:
    compiled.forget()
    yield
    compiled.forget()


def _attendance(meeting_id: int) -> QuerySet[m.Attendance]:
    return (
        m.Attendance.objects.filter(meeting_id=meeting_id)
        .select_related("person__council", "document", "replaces")
        .defer("document__text")
        .order_by("pk")
    )


def _fields(obj: Any) -> dict[str, Any]:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def test_rows_match_the_orm_for_every_meeting_with_related_objects(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir])
    meetings = list(m.Meeting.objects.all())
    assert len(meetings) >= 3
    seen_people = 0
    for meeting in meetings:
        expected = list(_attendance(meeting.pk))
        got = compiled.rows("test.attendance", _attendance, meeting.pk, known={"meeting": meeting})
        assert [_fields(x) for x in got] == [_fields(x) for x in expected]
        for ours, theirs in zip(got, expected, strict=True):
            # select_related objects are filled in, as the ORM fills them: no query to read them.
            assert "person" in ours._state.fields_cache
            if theirs.person is not None:
                seen_people += 1
                assert ours.person.name == theirs.person.name
                assert ours.person.council.name == theirs.person.council.name
            assert ours.document.source_id == theirs.document.source_id
            assert ours.meeting is meeting  # `known`: set on every row
    assert seen_people > 10  # the comparison covers resolved people, not only empty rows
    assert ("test.attendance", connection.alias, connection.vendor) in compiled._SHAPES
    assert compiled._SHAPES[("test.attendance", connection.alias, connection.vendor)] is not None


def test_the_sql_is_compiled_once_and_run_again(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir])
    first, second = list(m.Meeting.objects.order_by("date"))[:2]
    compiled.rows("test.attendance", _attendance, first.pk)
    calls = 0
    real = compiled._compile

    def counting(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        return real(*args)

    queries = 0

    def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    compiled._compile = counting  # type: ignore[assignment]
    try:
        with connection.execute_wrapper(count):
            rows = compiled.rows("test.attendance", _attendance, second.pk)
    finally:
        compiled._compile = real  # type: ignore[assignment]
    assert calls == 0
    assert queries == 1
    assert [r.pk for r in rows] == [r.pk for r in _attendance(second.pk)]


def _requests(committee_id: int, meeting_id: int, day: dt.date) -> QuerySet[TrackedRequest]:
    at = Q(meeting_id=meeting_id) | Q(due_meeting_id=meeting_id) | Q(due_date=day)
    return (
        TrackedRequest.objects.filter(at, committee_id=committee_id)
        .select_related("committee", "meeting", "due_meeting", "document")
        .order_by("meeting__date", "key")
    )


def test_a_value_used_twice_and_a_date_value(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir])
    assert TrackedRequest.objects.exists()
    found_any = False
    for meeting in m.Meeting.objects.all():
        args = (meeting.committee_id, meeting.pk, meeting.date)
        got = compiled.rows("test.requests", _requests, *args)
        expected = list(_requests(*args))
        assert [_fields(x) for x in got] == [_fields(x) for x in expected]
        assert [x.meeting.date for x in got] == [x.meeting.date for x in expected]
        found_any |= bool(got)
    assert found_any


def test_a_values_list_shape_gives_tuples(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir])

    def links(meeting_id: int) -> QuerySet[Any]:
        return (
            m.AgendaItem.documents.through.objects.filter(agendaitem__meeting_id=meeting_id)
            .values_list("agendaitem_id", "document_id")
            .order_by("pk")
        )

    total = 0
    for meeting in m.Meeting.objects.all():
        got = compiled.rows("test.links", links, meeting.pk)
        assert got == [tuple(x) for x in links(meeting.pk)]
        total += len(got)
    assert total > 0


def test_a_shape_whose_value_is_not_a_parameter_is_left_to_the_orm(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir])

    def odd(meeting_id: int) -> QuerySet[m.Meeting]:
        # The value decides the SQL itself (a LIMIT), not a parameter: nothing to substitute.
        return m.Meeting.objects.order_by("pk")[: abs(meeting_id) % 3 + 1]

    meeting_ids = list(m.Meeting.objects.order_by("pk").values_list("pk", flat=True))
    for pk in meeting_ids:
        assert [x.pk for x in compiled.rows("test.odd", odd, pk)] == [x.pk for x in odd(pk)]
    assert compiled._SHAPES[("test.odd", connection.alias, connection.vendor)] is None


def test_prepared_statements_are_planned_generically_on_postgresql() -> None:
    from minutebook.settings import _database

    options = _database("postgresql://someone@localhost/minutebook")["OPTIONS"]
    assert "-c plan_cache_mode=force_generic_plan" in options["options"]  # type: ignore[index]
    if connection.vendor == "postgresql":  # and the test server runs with it
        with connection.cursor() as cursor:
            cursor.execute("SHOW plan_cache_mode")
            assert cursor.fetchone() == ("force_generic_plan",)
