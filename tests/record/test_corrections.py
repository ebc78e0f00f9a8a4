"""An officer's corrections in the admin survive reloading the papers (a reparse after a
parser upgrade, a republished paper); closed business an officer closed stays closed."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from minutebook.record import models as m
from minutebook.record.ingest import ingest_paths, reparse_all
from minutebook.record.visibility import public

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def _edit_in_admin(obj: Any, **changes: Any) -> Any:
    """What the admin's change form does when an officer changes `changes` and saves."""
    model_admin = admin.site._registry[type(obj)]
    request = RequestFactory().post("/")
    request.user = get_user_model().objects.get_or_create(
        username="clerk", defaults={"is_staff": True, "is_superuser": True}
    )[0]
    form_class = model_admin.get_form(request, obj, change=True)
    probe = form_class(instance=obj)
    data: dict[str, Any] = {}
    for name, field in probe.fields.items():
        value = changes.get(name, probe.initial.get(name, field.initial))
        if isinstance(field, forms.JSONField):
            data[name] = json.dumps(value if value is not None else [])
        elif isinstance(field, forms.ModelMultipleChoiceField):
            data[name] = [getattr(v, "pk", v) for v in value or []]
        elif isinstance(value, dt.date | dt.time):
            data[name] = value.isoformat()
        elif value is None or value is False:
            continue
        else:
            data[name] = value
    form = form_class(data, instance=obj)
    assert form.is_valid(), form.errors
    edited = form.save(commit=False)
    model_admin.save_model(request, edited, form, True)
    form.save_m2m()
    return edited


def _reparse_with_a_new_parser() -> None:
    m.SourceFile.objects.update(parser_version="0.0.0")  # as after an upgrade: all reloaded
    assert not reparse_all(workers=0).failures


def test_corrected_fields_survive_a_reparse(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir])
    row = m.Attendance.objects.filter(capacity="member", role="").first()
    assert row is not None
    _edit_in_admin(row, capacity="other", role="Young people's advocate")
    row.refresh_from_db()
    assert row.corrected == ["capacity", "role"]
    report = m.Document.objects.filter(kind="report", classification="open").first()
    assert report is not None
    _edit_in_admin(report, classification="closed")
    untouched = m.Attendance.objects.exclude(pk=row.pk).filter(capacity="member").first()
    assert untouched is not None and untouched.corrected == []

    _reparse_with_a_new_parser()
    row.refresh_from_db()
    report.refresh_from_db()
    assert (row.capacity, row.role) == ("other", "Young people's advocate")
    assert report.classification == "closed"
    assert not public(m.Document.objects.filter(pk=report.pk)).exists()
    # Fields nobody corrected still follow the parser.
    untouched.refresh_from_db()
    assert untouched.capacity == "member" and untouched.corrected == []


def test_what_identifies_a_row_is_read_only_in_the_admin(seeds_dir: Path) -> None:
    ingest_paths([seeds_dir])
    request = RequestFactory().get("/")
    for model, key in (
        (m.Attendance, {"meeting", "name_as_written", "status"}),
        (m.Meeting, {"committee", "date"}),
    ):
        obj = model.objects.first()
        fixed = set(admin.site._registry[model].get_readonly_fields(request, obj))
        assert key <= fixed, (model, fixed)


def test_a_document_closed_by_hand_stays_closed_when_the_parser_cuts_it_anew(
    seeds_dir: Path,
) -> None:
    """The officer closed a report; a new parser starts that document on another line (so the
    old row goes): the documents now covering its lines are closed, and marked corrected."""
    ingest_paths([seeds_dir])
    report = m.Document.objects.filter(kind="report", classification="open").first()
    assert report is not None
    lines = (report.first_line, report.last_line)
    _edit_in_admin(report, classification="closed")
    # As if an older parser had begun the document one line later than the new one does.
    m.Document.objects.filter(pk=report.pk).update(first_line=report.first_line + 1)

    _reparse_with_a_new_parser()
    assert not m.Document.objects.filter(pk=report.pk).exists()
    covering = m.Document.objects.filter(
        source=report.source, first_line__lte=lines[1], last_line__gte=lines[0]
    )
    assert covering.exists()
    assert {d.classification for d in covering} == {"closed"}
    assert all("classification" in d.corrected for d in covering)
