"""The loader maps hand-built parse results to rows, idempotently, with provenance."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from minutebook.record import models as m
from minutebook.record.ingest import store
from minutebook.record.loader import council_slug, item_order, load
from tests.record import builders as b

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def _load(res):
    source, _ = store(res.text.encode(), res.source.path)
    return load(res, source=source), source


def test_pack_maps_to_rows() -> None:
    report, source = _load(b.pack())
    council = m.Council.objects.get()
    assert (council.slug, council.name) == ("southwark", "Southwark Council")
    committee = m.Committee.objects.get()
    assert committee.slug == "corporate-parenting-committee"

    november = m.Meeting.objects.get(date=dt.date(2020, 11, 4))
    assert (november.start_time, november.venue, november.online) == (
        dt.time(14, 0),
        "Online/Virtual",
        True,
    )
    assert november.municipal_year.label == "2020-21"
    # The minutes of July, bundled in November's pack, load into July's meeting.
    july = m.Meeting.objects.get(date=dt.date(2020, 7, 8))
    assert july.status == "held" and july.end_time == dt.time(17, 10)
    assert july.municipal_year.label == "2020-21"
    assert set(july.attendance.values_list("name_as_written", "status")) == {
        ("Jasmine Ali", "present"),
        ("Evelyn Akoto", "present"),
        ("Peter Babudu", "present"),
        ("Alasdair Smith", "present"),
        ("Sunny Lambe", "apologies"),
    }
    minutes_doc = m.Document.objects.get(kind="minutes")
    assert minutes_doc.meeting == july
    minutes_item = november.agenda_items.get(number="5")
    assert list(minutes_item.documents.all()) == [minutes_doc]

    items = list(november.agenda_items.values_list("number", "order", "part"))
    assert items == [
        ("1", 100, "open"),
        ("5", 500, "open"),
        ("7", 700, "open"),
        ("11", 1100, "open"),
        ("12", 1200, "closed"),
    ]
    assert november.agenda_items.get(number="7").scheduled_time == dt.time(14, 10)

    sub = july.attendance.get(name_as_written="Peter Babudu")
    assert sub.capacity == "substitute" and sub.replaces.name == "Sunny Lambe"
    officer = july.attendance.get(capacity="officer")
    assert officer.person.kind == "officer"
    assert officer.person.titles.get().title == "Director of Children and Families"

    decl = july.declarations.get()
    assert decl.person.name == "Evelyn Akoto"  # "Councillor Akoto" resolved through membership
    minute = july.minutes.get(number="3")
    assert list(minute.resolutions.values_list("order", "number")) == [(1, "1"), (2, "2")]

    rep = m.Report.objects.get()
    assert rep.meeting == november and rep.item_number == "7"
    assert rep.agenda_item == november.agenda_items.get(number="7")
    assert rep.author == "Alasdair Smith" and rep.key_decision is False
    assert rep.recommendations[0]["text"] == "To note the report."
    assert list(rep.agenda_item.documents.all()) == list(rep.documents.all())

    roles = set(
        m.Membership.objects.values_list("person__name", "role", "voting", "municipal_year__label")
    )
    assert ("Jasmine Ali", "chair", True, "2020-21") in roles
    assert ("Florence Emakpose", "co-opted", False, "2020-21") in roles
    assert m.Person.objects.get(name="Florence Emakpose").kind == "co-opted"

    plan = list(m.WorkPlanEntry.objects.values_list("planned_at", "planned_for", "title"))
    assert (dt.date(2020, 11, 4), dt.date(2021, 3, 3), "Fostering annual report") in plan

    # Provenance: every fact points to its document, its lines and the parser version.
    assert rep.document.source == source and rep.parser_version == "test-1"
    assert (decl.first_line, decl.document) == (30, minutes_doc)
    assert minutes_doc.first_page == 2
    assert report.counts["Attendance"]["inserted"] == 5


def test_loading_twice_changes_nothing() -> None:
    res = b.pack()
    _load(res)
    snapshot = {
        model.__name__: model.objects.count()
        for model in (m.Meeting, m.Person, m.PersonAlias, m.AgendaItem, m.Resolution, m.Report)
    }
    history = m.Meeting.history.count()
    again, _ = _load(res)
    assert again.total("inserted") == 0
    assert again.total("updated") == 0
    assert again.total("deleted") == 0
    assert again.total("unchanged") > 20
    assert not again.changed
    assert snapshot == {k: getattr(m, k).objects.count() for k in snapshot}
    assert m.Meeting.history.count() == history  # no spurious history rows either


def test_same_report_in_two_files_is_one_report() -> None:
    _load(b.pack())
    _load(b.separate_report())
    rep = m.Report.objects.get()
    assert rep.documents.count() == 2
    assert {d.source.original_name for d in rep.documents.all()} == {
        "pack-2020-11-04.txt",
        "item7.txt",
    }
    # The pack came first: its provenance stays, whatever order files are loaded in again.
    assert rep.document.source.original_name == "pack-2020-11-04.txt"
    assert not _load(b.pack())[0].changed
    assert not _load(b.separate_report())[0].changed


def test_closed_in_either_file_means_closed() -> None:
    _load(b.pack())
    _load(b.separate_report("item7-exempt.txt", classification="closed"))
    assert m.Report.objects.get().classification == "closed"


def test_partial_output_goes_to_unknown_and_never_crashes() -> None:
    report, _ = _load(b.without_anything())
    council = m.Council.objects.get()
    assert council.slug == "unknown"
    assert m.Committee.objects.get().name == "Unknown committee"
    assert m.Document.objects.count() == 2
    assert m.Meeting.objects.count() == 0
    assert any("no meeting date" in w for w in report.warnings)


def test_reparse_with_fewer_facts_deletes_only_this_sources_stale_facts() -> None:
    res = b.pack()
    _, source = _load(res)
    _load(b.separate_report())
    front = b.front_sheet()
    fewer_items = replace(front, agenda=replace(front.agenda, items=front.agenda.items[:3]))
    again = replace(res, documents=(fewer_items, *res.documents[1:]))
    report = load(again, source=source)
    assert report.counts["AgendaItem"]["deleted"] == 2
    assert m.AgendaItem.objects.count() == 3
    assert m.Report.objects.count() == 1  # still there, through both files


def test_supplement_items_merge_by_number() -> None:
    _load(b.pack())
    supplement = replace(
        b.front_sheet(),
        subkind="supplemental_agenda",
        span=b.span(1, 5),
        agenda=b.p.Agenda(
            supplement=1,
            items=(
                b.p.AgendaItem("7", "Feedback from inspections", None, None, "open", b.span(3)),
            ),
        ),
    )
    _load(b.result("supplement-1.txt", (supplement,), "\n".join(["x"] * 10)))
    november = m.Meeting.objects.get(date=dt.date(2020, 11, 4))
    assert november.agenda_items.count() == 5
    assert november.agenda_items.get(number="7").supplement == 1


def test_item_order_and_council_slug() -> None:
    assert item_order("7", 0) == 700
    assert item_order("7a", 0) == 701
    assert item_order("7.2", 0) == 702
    assert item_order(None, 3) > item_order("99", 0)
    assert council_slug("London Borough of Southwark") == council_slug("Southwark Council")
    assert council_slug("Kent County Council") == "kent"
    assert council_slug("Vale of Glamorgan Council") == "vale-glamorgan"


def test_republished_pack_takes_over_and_detaches_the_older_one() -> None:
    from minutebook.record.ingest import _find_superseded

    res = b.pack()
    old_source, _ = store(b"pack version 1", "agenda-pack.pdf")
    load(res, source=old_source)
    new_source, _ = store(b"pack version 2", "republished-pack.pdf")
    load(res, source=new_source)
    assert m.Report.objects.get().documents.count() == 2  # before: both stand for it

    assert _find_superseded(new_source) == old_source  # same first document, same meeting
    new_source.supersedes = old_source
    new_source.save()
    report = load(res, source=new_source)
    assert report.counts["Report.documents"]["deleted"] == 1
    rep = m.Report.objects.get()
    assert [d.source for d in rep.documents.all()] == [new_source]
    assert rep.document.source == new_source  # provenance moved to the newer source
    assert not old_source.documents.exclude(meeting=None).exists()
    assert old_source.documents.count() == 4  # kept, with their text
    assert not load(res, source=new_source).changed
    # A separate file of one report is not a new version of the pack.
    single, _ = store(b"item 7 alone", "item7.pdf")
    load(b.separate_report(), source=single)
    assert _find_superseded(single) is None


def test_a_letter_after_a_report_is_its_appendix_not_a_meeting() -> None:
    letter = b.p.Document(
        kind="letter",
        subkind="letter",
        title="Focused visit to children's services",
        committee=None,
        council=None,
        meeting=b.p.MeetingRef(),
        span=b.span(81, 90),
        report=b.p.Report(date="2020-10-01"),  # the letter's own date, not a meeting
    )
    front, minutes, report, _ = b.pack().documents
    _load(b.result("pack-with-letter.txt", (front, minutes, report, letter)))
    assert not m.Meeting.objects.filter(date=dt.date(2020, 10, 1)).exists()
    item = m.AgendaItem.objects.get(meeting__date=dt.date(2020, 11, 4), number="7")
    assert sorted(item.documents.values_list("kind", flat=True)) == ["letter", "report"]
    assert m.Report.objects.count() == 1


def test_link_changes_are_announced_to_listeners() -> None:
    """Links are written directly (no per-link history) but m2m_changed still tells the index."""
    from django.db.models.signals import m2m_changed

    heard: list[tuple[str, str]] = []

    def listener(sender, action, instance, **kwargs) -> None:
        heard.append((type(instance).__name__, action))

    m2m_changed.connect(listener, sender=m.Report.documents.through)
    try:
        _load(b.pack())
        _load(b.separate_report())
    finally:
        m2m_changed.disconnect(listener, sender=m.Report.documents.through)
    assert heard.count(("Report", "post_add")) == 2
    # Inserted rows still get their "created" history row (written in bulk).
    report = m.Report.objects.get()
    assert list(report.history.values_list("history_type", flat=True)) == ["+"]
