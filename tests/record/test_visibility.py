"""Closed business never reaches the public; officers see it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import AnonymousUser, Permission, User

from minutebook.record import models as m
from minutebook.record import visibility as v

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


@pytest.fixture
def record() -> dict[str, object]:
    council = m.Council.objects.create(name="Testshire", slug="testshire")
    committee = m.Committee.objects.create(council=council, name="Panel", slug="panel")
    meeting = m.Meeting.objects.create(committee=committee, date=dt.date(2021, 3, 3))
    source = m.SourceFile.objects.create(sha256="a" * 64, original_name="pack.txt", content=b"x")
    open_source = m.SourceFile.objects.create(
        sha256="b" * 64, original_name="open.txt", content=b"y"
    )

    def doc(src: m.SourceFile, line: int, classification: str = "open") -> m.Document:
        return m.Document.objects.create(
            source=src,
            kind="report",
            first_line=line,
            last_line=line + 5,
            classification=classification,
            meeting=meeting,
        )

    open_doc = doc(source, 1)
    closed_doc = doc(source, 10, "closed")
    doc_of_part_b_item = doc(source, 20)  # open by its own header, linked only to a Part B item
    elsewhere = doc(open_source, 1)

    item_open = m.AgendaItem.objects.create(meeting=meeting, order=1, title="Open item")
    item_closed = m.AgendaItem.objects.create(
        meeting=meeting, order=2, title="Secret item", part="closed"
    )
    item_from_closed_doc = m.AgendaItem.objects.create(
        meeting=meeting, order=3, title="Read from closed", document=closed_doc
    )
    item_open.documents.add(open_doc)
    item_closed.documents.add(doc_of_part_b_item)

    minute_open = m.Minute.objects.create(meeting=meeting, order=1, title="Open minute")
    minute_closed = m.Minute.objects.create(
        meeting=meeting, order=2, title="Closed minute", part="closed"
    )
    minute_on_closed_item = m.Minute.objects.create(
        meeting=meeting, order=3, title="On Part B item", agenda_item=item_closed
    )
    res_open = m.Resolution.objects.create(minute=minute_open, order=1, text="Noted.")
    res_closed = m.Resolution.objects.create(minute=minute_closed, order=1, text="Secret.")
    res_on_item = m.Resolution.objects.create(minute=minute_on_closed_item, order=1, text="Hush.")

    report_open = m.Report.objects.create(meeting=meeting, title="Open report")
    report_open.documents.add(open_doc)
    report_closed = m.Report.objects.create(
        meeting=meeting, title="Exempt report", classification="closed"
    )
    report_only_closed_docs = m.Report.objects.create(meeting=meeting, title="Only closed docs")
    report_only_closed_docs.documents.add(closed_doc)
    report_two_sources = m.Report.objects.create(meeting=meeting, title="Both")
    report_two_sources.documents.add(open_doc, closed_doc)

    decl_open = m.Declaration.objects.create(
        meeting=meeting, name_as_written="A", text="None", agenda_item=item_open
    )
    decl_closed = m.Declaration.objects.create(
        meeting=meeting, name_as_written="B", text="Interest", agenda_item=item_closed
    )
    att_open = m.Attendance.objects.create(meeting=meeting, name_as_written="Cllr A")
    att_closed = m.Attendance.objects.create(
        meeting=meeting, name_as_written="Cllr B", document=closed_doc
    )
    return locals()


def _names(qs) -> set[int]:
    return set(qs.values_list("pk", flat=True))


def test_documents(record) -> None:
    public = _names(v.public_documents(m.Document.objects.all()))
    assert public == {record["open_doc"].pk, record["elsewhere"].pk}


def test_sources_with_any_closed_document_are_hidden(record) -> None:
    assert _names(v.public_sources(m.SourceFile.objects.all())) == {record["open_source"].pk}


def test_agenda_items(record) -> None:
    assert _names(v.public_agenda_items(m.AgendaItem.objects.all())) == {record["item_open"].pk}


def test_minutes_and_resolutions(record) -> None:
    assert _names(v.public_minutes(m.Minute.objects.all())) == {record["minute_open"].pk}
    assert _names(v.public_resolutions(m.Resolution.objects.all())) == {record["res_open"].pk}


def test_reports(record) -> None:
    # A report that arrived in an open and a closed file stays public through the open one.
    assert _names(v.public_reports(m.Report.objects.all())) == {
        record["report_open"].pk,
        record["report_two_sources"].pk,
    }


def test_declarations_and_provenance(record) -> None:
    assert _names(v.public_declarations(m.Declaration.objects.all())) == {record["decl_open"].pk}
    assert _names(v.public(m.Attendance.objects.all())) == {record["att_open"].pk}


def test_counts_go_through_the_rule(record) -> None:
    assert v.public(m.Report.objects.all()).count() == 2
    assert v.public(m.Meeting.objects.all()).count() == 1  # meetings themselves are public


def test_who_sees_closed(record) -> None:
    anonymous = AnonymousUser()
    resident = User.objects.create(username="resident")
    officer = User.objects.create(username="officer", is_staff=True)
    clerk = User.objects.create(username="clerk")
    clerk.user_permissions.add(Permission.objects.get(codename="view_closed_business"))
    clerk = User.objects.get(pk=clerk.pk)  # drop the permission cache
    retired = User.objects.create(username="retired", is_staff=True, is_active=False)

    assert not v.can_see_closed(anonymous)
    assert not v.can_see_closed(None)
    assert not v.can_see_closed(resident)
    assert not v.can_see_closed(retired)
    assert v.can_see_closed(officer)
    assert v.can_see_closed(clerk)

    everything = m.Minute.objects.all()
    assert v.visible(everything, officer).count() == 3
    assert v.visible(everything, anonymous).count() == 1
    assert v.visible(everything, resident).count() == 1


def test_anything_pointing_at_closed_business_is_hidden(record) -> None:
    """The generic rule: tracking's figures (and any later model) follow what they point at."""
    from django.apps import apps

    figure = apps.get_model("tracking", "Figure")
    common = {"committee": record["committee"], "label": "x", "value": 1, "unit": "n"}
    shown = figure.objects.create(key="a", report=record["report_open"], sentence="s", **common)
    figure.objects.create(key="b", report=record["report_closed"], sentence="s", **common)
    figure.objects.create(key="c", document=record["closed_doc"], sentence="s", **common)
    loose = figure.objects.create(key="d", sentence="s", **common)
    assert _names(v.public(figure.objects.all())) == {shown.pk, loose.pk}
    assert _names(v.public_work_plan(m.WorkPlanEntry.objects.all())) == set()  # none yet
    entry = m.WorkPlanEntry.objects.create(
        committee=record["committee"],
        planned_at=dt.date(2021, 1, 1),
        planned_for=dt.date(2021, 3, 3),
        title="Closed plan",
        document=record["closed_doc"],
    )
    assert entry.pk not in _names(v.public_work_plan(m.WorkPlanEntry.objects.all()))


def test_redacted_text_withholds_closed_documents(record) -> None:
    source = record["source"]
    source.text = "\n".join(f"line {n}" for n in range(1, 31))
    source.save()
    text = v.redacted_text(source)
    lines = text.split("\n")
    assert lines[0] == "line 1"  # the open document
    assert lines[9] == "[closed business withheld]" and "line 11" not in text  # closed doc
    assert "line 21" not in text  # the document linked only to a Part B item
    assert lines[29] == "line 30"
