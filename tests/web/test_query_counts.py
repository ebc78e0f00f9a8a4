"""Each page reads the database a fixed number of times, however large the archive is.

Not a timed test: the number of queries of a page must not grow with the number of
meetings in the archive, nor with the number of items, minutes, people or requests on the
page. A query per row (N+1) or per visibility check fails these tests on any machine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from minutebook.record import models as m
from minutebook.tracking.models import TrackedRequest
from minutebook.web import links

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


@pytest.fixture(autouse=True)
def steady_slug_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    """Links cache the slugs shared by councils for a few seconds; on a slow machine a refresh
    could land inside a counted request. Counting wants the cache either cold or warm."""
    monkeypatch.setattr(links, "_SHARED_TTL_SECONDS", 3600.0)
    monkeypatch.setattr(links, "_shared_cache", {})


def queries(client: Client, url: str) -> int:
    client.get(url)  # warm the per-process caches (shared slugs) first
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def add_meeting(committee: m.Committee, day: dt.date, size: int, tag: str) -> dict[str, Any]:
    """A meeting with `size` of everything: items, reports, papers, attendance, minutes with
    resolutions, declarations and requests (made at it and due at it), open and closed."""
    council = committee.council
    year, _ = m.MunicipalYear.objects.get_or_create(
        council=council,
        label=f"{day.year}-{(day.year + 1) % 100:02d}",
        defaults={"start": dt.date(day.year, 5, 1), "end": dt.date(day.year + 1, 4, 30)},
    )
    meeting = m.Meeting.objects.create(
        committee=committee, date=day, status="held", municipal_year=year
    )
    text = "\n".join(f"{tag} line {n}" for n in range(1, 20 * size + 40))
    source = m.SourceFile.objects.create(
        sha256=f"{tag:0>64}"[-64:],
        original_name=f"{tag}.txt",
        content=text.encode(),
        text=text,
        parse_status="parsed",
    )

    def document(first: int, kind: str, closed: bool = False) -> m.Document:
        return m.Document.objects.create(
            source=source,
            kind=kind,
            title=f"{tag} {kind} {first}",
            meeting=meeting,
            first_line=first,
            last_line=first + 9,
            classification="closed" if closed else "open",
        )

    agenda = document(1, "agenda")
    minutes_doc = document(11, "minutes")
    # Untitled papers are named after their file: no query per paper for that.
    for n in range(size):
        m.Document.objects.create(
            source=source, kind="other", meeting=meeting, first_line=1000 + n, last_line=1000 + n
        )
    people = [
        m.Person.objects.get_or_create(
            council=council,
            slug=f"person-{n}",
            defaults={"name": f"Person {n}", "family_name": f"P{n}", "kind": "councillor"},
        )[0]
        for n in range(size)
    ]
    for person in people:
        m.Membership.objects.get_or_create(
            person=person,
            committee=committee,
            role="member",
            municipal_year=year,
            defaults={"document": agenda, "first_line": 2, "last_line": 2},
        )
    made = []
    reports = []
    for n in range(size):
        closed = n == size - 1
        item = m.AgendaItem.objects.create(
            meeting=meeting,
            order=n + 1,
            number=str(n + 1),
            title=f"Item {n}",
            part="closed" if closed else "open",
            document=agenda,
            first_line=2,
            last_line=3,
        )
        paper = document(21 + 10 * n, "report", closed=closed)
        item.documents.add(paper)
        report = m.Report.objects.create(
            meeting=meeting,
            committee=committee,
            agenda_item=item,
            title=f"Report {n}",
            document=paper,
            first_line=paper.first_line,
            classification="closed" if closed else "open",
        )
        report.documents.add(paper)
        reports.append(report)
        m.Attendance.objects.create(
            meeting=meeting,
            person=people[n],
            name_as_written=people[n].name,
            status="apologies" if n % 3 == 2 else "present",
            document=minutes_doc,
            first_line=12,
        )
        minute = m.Minute.objects.create(
            meeting=meeting,
            agenda_item=item,
            order=n + 1,
            number=str(n + 1),
            title=f"Minute {n}",
            part="closed" if closed else "open",
            document=minutes_doc,
            first_line=13,
        )
        for k in range(2):
            resolution = m.Resolution.objects.create(
                minute=minute, order=k + 1, text=f"Resolved {n}.{k}", document=minutes_doc
            )
        m.Declaration.objects.create(
            meeting=meeting,
            agenda_item=item,
            person=people[n],
            name_as_written=people[n].name,
            text=f"Interest {n}",
            document=minutes_doc,
        )
        made.append(
            TrackedRequest.objects.create(
                key=f"{tag}-{n}",
                committee=committee,
                meeting=meeting,
                resolution=resolution,
                minute=minute,
                kind="report",
                topic=f"topic {n}",
                sentence=f"A further report on {n}.",
                due_kind="meeting",
                due_date=day + dt.timedelta(days=56),
                delivered_item=item,
                delivered_report=report,
                document=minutes_doc,
                first_line=13,
            )
        )
    return {"meeting": meeting, "source": source, "people": people, "report": reports[0]}


@pytest.fixture
def grow(record: dict[str, Any]) -> Callable[[int], None]:
    """Add `n` more meetings (each with facts, requests and people) to the sample archive."""
    state = {"added": 0}

    def more(n: int) -> None:
        for _ in range(n):
            state["added"] += 1
            k = state["added"]
            add_meeting(
                record["committee"], dt.date(2021, 1, 6) + dt.timedelta(days=28 * k), 4, f"g{k}"
            )

    return more


def sample_pages(record: dict[str, Any]) -> dict[str, str]:
    return {
        "home": "/",
        "committees": "/committees/",
        "committee": links.committee_url(record["committee"]),
        "meeting (held)": links.meeting_url(record["held"]),
        "meeting (upcoming)": links.meeting_url(record["upcoming"]),
        "report": links.report_url(record["report"]),
        "person": "/people/jasmine-ali/",
        "source": links.source_url(record["source"].pk),
    }


@pytest.mark.parametrize("officer", [False, True], ids=["visitor", "officer"])
def test_page_queries_do_not_grow_with_the_archive(
    record: dict[str, Any], grow: Callable[[int], None], officer: bool, django_user_model: Any
) -> None:
    client = Client()
    if officer:
        client.force_login(django_user_model.objects.create_user("o", is_staff=True))
    pages = sample_pages(record)
    twins = {name: url.rstrip("/") + ".json" for name, url in pages.items() if url != "/"}
    grow(2)
    both = [(name, pages[name]) for name in pages] + [(f"{n} (JSON)", u) for n, u in twins.items()]
    small = {name: queries(client, url) for name, url in both}
    grow(4)
    large = {name: queries(client, url) for name, url in both}
    assert large == small


@pytest.mark.parametrize("officer", [False, True], ids=["visitor", "officer"])
def test_page_queries_do_not_grow_with_what_the_page_shows(
    record: dict[str, Any], officer: bool, django_user_model: Any
) -> None:
    """A meeting with 2 of everything and one with 6: the same queries (no query per row)."""
    client = Client()
    if officer:
        client.force_login(django_user_model.objects.create_user("o", is_staff=True))
    committee = record["committee"]
    small = add_meeting(committee, dt.date(2022, 1, 5), 2, "small")
    large = add_meeting(committee, dt.date(2022, 2, 2), 6, "large")
    page: dict[str, Callable[[dict[str, Any]], str]] = {
        "meeting": lambda x: links.meeting_url(x["meeting"]),
        "source": lambda x: links.source_url(x["source"].pk),
        "report": lambda x: links.report_url(x["report"]),
        "person": lambda x: links.person_url(x["people"][0]),
    }
    for name, url in page.items():
        assert queries(client, url(small)) == queries(client, url(large)), name
    # The large meeting's page does show its rows (and, to visitors, not the closed ones).
    data = client.get(links.meeting_url(large["meeting"]).rstrip("/") + ".json").json()
    assert len(data["agenda"]) == (6 if officer else 5)
    assert len(data["requests"]["made"]) == (6 if officer else 5)
    assert sum(len(x["resolutions"]) for x in data["minutes"]) == (12 if officer else 10)


def test_person_page_queries_do_not_grow_with_years_of_service(record: dict[str, Any]) -> None:
    """Attendance per municipal year: the same person with a seat in one year, then in four."""
    client = Client()
    committee = record["committee"]
    person = add_meeting(committee, dt.date(2016, 6, 1), 2, "y2016")["people"][0]
    url = links.person_url(person)
    one_year = queries(client, url)
    for year in (2017, 2018, 2019):
        add_meeting(committee, dt.date(year, 6, 7), 2, f"y{year}")
    years = client.get(url.rstrip("/") + ".json").json()["attendance"]
    assert [(y["year"], y["expected"], y["attended"]) for y in years] == [
        (f"{y}-{(y + 1) % 100:02d}", 1, 1) for y in (2019, 2018, 2017, 2016)
    ]
    assert queries(client, url) == one_year


def test_rows_already_read_follow_the_same_visibility_rule(record: dict[str, Any]) -> None:
    """`public_rows` (used for a meeting's requests) hides exactly what `public()` hides."""
    from minutebook.record.visibility import public, public_rows

    add_meeting(record["committee"], dt.date(2022, 1, 5), 4, "rule")
    for model in (TrackedRequest, m.Attendance, m.Declaration, m.Report, m.Resolution):
        rows = list(model.objects.order_by("pk"))
        shown = public_rows(rows)
        assert [r.pk for r in shown] == list(
            public(model.objects.order_by("pk")).values_list("pk", flat=True)
        )
        if model is not m.Attendance:  # the others each have closed rows to hide
            assert len(shown) < len(rows), model


def test_meeting_and_person_pages_never_read_a_papers_text_for_its_facts(
    record: dict[str, Any],
) -> None:
    """Facts are linked to their document by source and line; the document's text is not
    needed. A meeting page listing twenty attendance rows of one set of minutes read that
    text twenty times (about 250 KB a page on the synthetic archive) before 2026-11-23."""
    client = Client()
    large = add_meeting(record["committee"], dt.date(2022, 3, 2), 6, "text")
    text_column = f'"{m.Document._meta.db_table}"."text"'
    for url in (
        links.meeting_url(large["meeting"]),
        links.meeting_url(large["meeting"]).rstrip("/") + ".json",
        links.person_url(large["people"][0]),
    ):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        reading_text = [q["sql"] for q in ctx.captured_queries if text_column in q["sql"]]
        assert reading_text == [], url
