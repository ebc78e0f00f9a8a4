"""OParl 1.1: every object validates, lists page and filter, deletions are announced,
files are served, and closed business never appears."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from minutebook.api.models import PublishedObject
from minutebook.api.oparl.publish import sync_published
from minutebook.api.oparl.views import LIST_PATH
from minutebook.record import models as m
from minutebook.tracking import models as t
from tests.api.fixtures import build_api_record
from tests.api.oparl_schema import kind_of, validate_oparl

BASE = "http://testserver/oparl/v1/"
pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def get_json(client: Client, url: str, status: int = 200) -> Any:
    response = client.get(url)
    assert response.status_code == status, (url, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    assert response["Access-Control-Allow-Origin"] == "*"
    return response.json()


def crawl(client: Client, fetch_listed: bool = True) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Every object reachable from the System: by id, and every response body seen.

    With `fetch_listed=False`, an object already seen in a list is not fetched again.
    """
    objects: dict[str, dict[str, Any]] = {}
    bodies: list[str] = []
    lists = [BASE]  # lists first, so that listed objects need no request of their own
    others: list[str] = []
    seen: set[str] = set()
    while lists or others:
        url = lists.pop() if lists else others.pop()
        if url in seen or (not fetch_listed and url in objects):
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, (url, response.content[:300])
        bodies.append(response.content.decode())
        data = response.json()
        if "data" in data:
            items = data["data"]
            if "next" in data["links"]:
                lists.append(data["links"]["next"])
        else:
            items = [data]
        for obj in items:
            objects[obj["id"]] = obj
            for value in _urls(obj):
                if value.startswith(BASE) and not value.endswith(("/access", "/download")):
                    path = value.removeprefix(BASE).split("?")[0]
                    (lists if LIST_PATH.match(path) else others).append(value)
    return objects, bodies


def _urls(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.startswith("http") else []
    if isinstance(value, list):
        return [u for v in value for u in _urls(v)]
    if isinstance(value, dict):
        return [u for v in value.values() for u in _urls(v)]
    return []


def test_every_object_of_the_sample_record_validates_against_the_oparl_schemas() -> None:
    build_api_record()
    objects, _ = crawl(Client())
    errors = [error for obj in objects.values() for error in validate_oparl(obj)]
    assert errors == []
    kinds = Counter(kind_of(obj) for obj in objects.values())
    for kind in (
        "System",
        "Body",
        "LegislativeTerm",
        "Organization",
        "Person",
        "Membership",
        "Meeting",
        "AgendaItem",
        "Paper",
        "Consultation",
        "File",
        "Location",
    ):
        assert kinds[kind] >= 1, (kind, kinds)
    assert kinds["Meeting"] == 2
    assert kinds["Person"] == 4
    assert kinds["Paper"] == 1  # the closed report is not a paper


def test_closed_business_is_absent_for_anonymous_clients() -> None:
    record = build_api_record()
    objects, bodies = crawl(Client())
    text = "\n".join(bodies)
    assert record["secret"] not in text
    assert "CONFIDENTIAL PLACEMENT COSTS" not in text
    assert "Confidential placement costs" not in text
    closed_item = record["items"][3]
    assert f"agenda-item/{closed_item.pk}" not in text
    assert f"paper/{record['closed_report'].pk}" not in text
    # The pack holds a closed report: neither its metadata nor its bytes are public.
    pack = record["source"]
    assert f"{BASE}file/{pack.pk}" not in objects
    assert Client().get(f"/oparl/v1/file/{pack.pk}/access").status_code == 404
    assert Client().get(f"/oparl/v1/file/{pack.pk}").status_code == 404


def test_meeting_carries_agenda_attendance_decisions_and_extensions() -> None:
    record = build_api_record()
    held = get_json(Client(), f"/oparl/v1/meeting/{record['held'].pk}")
    assert held["start"] == "2020-07-08T14:00:00+01:00"
    assert held["end"] == "2020-07-08T17:10:00+01:00"
    assert held["location"]["description"] == "Online/virtual meeting"
    assert held["web"] == "http://testserver/meetings/corporate-parenting-committee/2020-07-08/"
    statuses = {(a["name"], a["status"]) for a in held["minutebook:attendance"]}
    assert ("Peter Babudu", "apologies") in statuses
    # Facts link back to the line of the paper they were read from.
    minutes_source = f"http://testserver/sources/{record['source'].pk}/#L"
    assert all(a["source"].startswith(minutes_source) for a in held["minutebook:attendance"])
    assert len(held["participant"]) == 3
    assert held["minutebook:declarations"][0]["text"] == "Declared that she is a foster carer."
    resolutions = held["minutebook:minutes"][0]["resolutions"]
    assert resolutions[0]["text"].startswith("That a further progress report")
    upcoming = get_json(Client(), f"/oparl/v1/meeting/{record['upcoming'].pk}")
    assert [item["number"] for item in upcoming["agendaItem"]] == ["1", "2", "3"]
    assert upcoming["auxiliaryFile"][0]["accessUrl"].endswith(
        f"file/{record['public_source'].pk}/access"
    )
    person = get_json(Client(), f"/oparl/v1/person/{record['people']['babudu'].pk}")
    assert person["membership"][0]["minutebook:role"] == "reserve"
    assert person["membership"][0]["startDate"] == "2020-05-01"


def test_lists_page_with_links_that_keep_the_filters() -> None:
    record = build_api_record()
    client = Client()
    since = "2000-01-01T00:00:00+00:00"
    url = f"/oparl/v1/body/southwark/person?limit=1&created_since={since.replace('+', '%2B')}"
    names = []
    pages = 0
    while url:
        page = get_json(client, url)
        pages += 1
        assert page["pagination"]["elementsPerPage"] == 1
        assert page["pagination"]["totalElements"] == 4
        assert "created_since=2000-01-01T00%3A00%3A00%2B00%3A00" in page["links"]["self"]
        names += [p["name"] for p in page["data"]]
        url = page["links"].get("next", "")
    assert pages == 4
    assert sorted(names) == sorted(p.name for p in record["people"].values())


def test_created_and_modified_filters() -> None:
    build_api_record()
    client = Client()
    everything = get_json(client, "/oparl/v1/body/southwark/meeting")
    assert everything["pagination"]["totalElements"] == 2
    future = (timezone.now() + dt.timedelta(days=1)).isoformat(timespec="seconds")
    past = (timezone.now() - dt.timedelta(days=1)).isoformat(timespec="seconds")
    for name, value, expected in (
        ("created_since", future, 0),
        ("created_since", past, 2),
        ("created_until", past, 0),
        ("modified_until", future, 2),
        ("modified_since", future, 0),
    ):
        page = get_json(client, f"/oparl/v1/body/southwark/meeting?{name}={value}")
        assert page["pagination"]["totalElements"] == expected, (name, value)


def test_a_bad_filter_is_a_clear_error_not_a_traceback() -> None:
    build_api_record()
    error = get_json(Client(), "/oparl/v1/body/southwark/paper?modified_since=yesterday", 400)
    assert error["type"] == "https://schema.oparl.org/1.1/Error"
    assert "modified_since" in error["message"]
    assert get_json(Client(), "/oparl/v1/body/southwark/paper?limit=-3", 400)["message"]
    assert get_json(Client(), "/oparl/v1/meeting/999999", 404)["type"].endswith("/Error")
    assert get_json(Client(), "/oparl/v1/body/nowhere/meeting", 404)["message"]
    redirect = Client().get("/oparl/v1/body/southwark/paper/?limit=5")
    assert redirect.status_code == 301
    assert redirect["Location"] == f"{BASE}body/southwark/paper?limit=5"


def _backdate_everything(days: int) -> dt.datetime:
    then = timezone.now() - dt.timedelta(days=days)
    PublishedObject.objects.update(created=then, modified=then)
    return then


def test_deleted_and_depublished_objects_are_announced_to_updating_clients() -> None:
    record = build_api_record()
    client = Client()
    get_json(client, "/oparl/v1/")
    get_json(client, "/oparl/v1/body/southwark")  # publishes
    then = _backdate_everything(days=2)
    since = (then + dt.timedelta(days=1)).isoformat(timespec="seconds").replace("+", "%2B")

    # The report is reclassified closed (depublication) and a meeting is deleted.
    report = record["report"]
    report.classification = "closed"
    report.save()
    held_pk = record["held"].pk
    record["held"].delete()

    papers = get_json(client, f"/oparl/v1/body/southwark/paper?modified_since={since}")
    assert [(p["id"], p.get("deleted")) for p in papers["data"]] == [
        (f"{BASE}paper/{report.pk}", True)
    ]
    assert validate_oparl(papers["data"][0]) == []
    meetings = get_json(client, f"/oparl/v1/body/southwark/meeting?modified_since={since}")
    deleted = [mt for mt in meetings["data"] if mt.get("deleted")]
    assert [mt["id"] for mt in deleted] == [f"{BASE}meeting/{held_pk}"]
    assert set(deleted[0]) == {"id", "type", "created", "modified", "deleted"}
    # The still-existing meeting changed too: its agenda item lost its consultation.
    assert len(meetings["data"]) == 2

    # Without modified_since, deleted objects are not listed; the object URL still answers 200.
    assert get_json(client, "/oparl/v1/body/southwark/paper")["data"] == []
    assert get_json(client, f"/oparl/v1/paper/{report.pk}")["deleted"] is True
    assert "Feedback from Inspections" not in json.dumps(
        get_json(client, f"/oparl/v1/paper/{report.pk}")
    )


def test_unchanged_record_keeps_its_modification_times() -> None:
    build_api_record()
    first = sync_published()
    assert first["created"] > 0
    again = sync_published()
    assert again["created"] == again["modified"] == again["deleted"] == 0


def test_files_serve_the_original_bytes() -> None:
    record = build_api_record()
    source = record["public_source"]
    client = Client()
    meta = get_json(client, f"/oparl/v1/file/{source.pk}")
    assert meta["mimeType"] == "text/plain"
    assert meta["size"] == source.size
    access = client.get(meta["accessUrl"])
    assert access.status_code == 200
    assert access.content == bytes(source.content)
    assert access["Content-Type"] == "text/plain"
    assert "attachment" not in access.get("Content-Disposition", "")
    assert "sandbox" in access["Content-Security-Policy"]  # an HTML paper runs no script
    download = client.get(meta["downloadUrl"])
    assert download.content == bytes(source.content)
    assert download["Content-Disposition"].startswith("attachment;")
    assert "Fostering annual report.txt" in download["Content-Disposition"]
    again = client.get(meta["accessUrl"], HTTP_IF_NONE_MATCH=access["ETag"])
    assert again.status_code == 304


def test_a_file_made_closed_is_gone() -> None:
    record = build_api_record()
    client = Client()
    source = record["public_source"]
    assert client.get(f"/oparl/v1/file/{source.pk}/access").status_code == 200
    m.Document.objects.filter(pk=record["public_document"].pk).update(classification="closed")
    record["public_document"].refresh_from_db()
    record["public_document"].save()  # a history row, as any change through the loader makes
    assert client.get(f"/oparl/v1/file/{source.pk}/access").status_code == 410
    assert get_json(client, f"/oparl/v1/file/{source.pk}")["deleted"] is True


def test_omit_internal_leaves_out_internal_lists() -> None:
    record = build_api_record()
    full = get_json(Client(), f"/oparl/v1/meeting/{record['upcoming'].pk}")
    assert "agendaItem" in full
    lean = get_json(Client(), "/oparl/v1/body/southwark/meeting?omit_internal=true")
    assert all("agendaItem" not in mt for mt in lean["data"])
    assert "omit_internal=true" in lean["links"]["self"]


def test_requests_figures_and_commitments_appear_as_extensions_when_public() -> None:
    record = build_api_record()
    committee, held, upcoming = record["committee"], record["held"], record["upcoming"]
    t.TrackedRequest.objects.create(
        key="req-1",
        committee=committee,
        meeting=held,
        resolution=record["resolution"],
        kind="report",
        topic="progress report on sufficiency",
        sentence=record["resolution"].text,
        due_kind="next_meeting",
        due_meeting=upcoming,
        status="delivered",
        delivered_meeting=upcoming,
        delivered_report=record["report"],
        document=record["minutes_doc"],
    )
    t.Figure.objects.create(
        key="fig-1",
        committee=committee,
        meeting=upcoming,
        report=record["report"],
        label="Looked after children",
        value=492,
        unit="count",
        period_label="April 2018",
        sentence="In April 2018 we had 492 looked after children.",
        document=record["report_doc"],
    )
    t.Figure.objects.create(
        key="fig-closed",
        committee=committee,
        report=record["closed_report"],
        label="SECRET-EXEMPT-TEXT cost",
        value=1,
        unit="GBP",
        sentence="SECRET-EXEMPT-TEXT",
        document=record["closed_doc"],
    )
    t.Commitment.objects.create(
        key="com-1",
        committee=committee,
        report=record["report"],
        kind="we_will",
        text="We will increase the number of in-house foster carers.",
        document=record["report_doc"],
    )
    client = Client()
    meeting = get_json(client, f"/oparl/v1/meeting/{held.pk}")
    request = meeting["minutebook:requests"][0]
    assert request["status"] == "delivered"
    assert request["deliveredBy"] == f"{BASE}paper/{record['report'].pk}"
    assert request["dueMeeting"] == f"{BASE}meeting/{upcoming.pk}"
    paper = get_json(client, f"/oparl/v1/paper/{record['report'].pk}")
    assert [(f["key"], f["value"]) for f in paper["minutebook:figures"]] == [("fig-1", 492.0)]
    assert paper["minutebook:commitments"][0]["kind"] == "we_will"
    assert paper["minutebook:delivers"][0]["key"] == "req-1"
    assert validate_oparl(paper) == []
    _, bodies = crawl(client)
    assert "SECRET-EXEMPT-TEXT" not in "\n".join(bodies)


def test_a_change_that_adds_no_row_still_modifies_the_object() -> None:
    record = build_api_record()
    request = t.TrackedRequest.objects.create(
        key="req-1",
        committee=record["committee"],
        meeting=record["held"],
        kind="report",
        topic="progress report",
        sentence=record["resolution"].text,
        due_kind="next_meeting",
        document=record["minutes_doc"],
    )
    client = Client()
    get_json(client, "/oparl/v1/body/southwark/meeting")
    then = _backdate_everything(days=2)
    since = (then + dt.timedelta(days=1)).isoformat(timespec="seconds").replace("+", "%2B")
    assert (
        get_json(client, f"/oparl/v1/body/southwark/meeting?modified_since={since}")["data"] == []
    )
    request.status = "overdue"  # tracking rows have no history: only the save signal tells
    request.save()
    changed = get_json(client, f"/oparl/v1/body/southwark/meeting?modified_since={since}")["data"]
    assert [mt["id"] for mt in changed] == [f"{BASE}meeting/{record['held'].pk}"]
    assert changed[0]["minutebook:requests"][0]["status"] == "overdue"


def test_oparl_sync_command_publishes_the_record() -> None:
    build_api_record()
    out = io.StringIO()
    call_command("oparl_sync", stdout=out)
    assert out.getvalue().startswith(f"{PublishedObject.objects.count()} created, ")
    assert PublishedObject.objects.filter(kind="Meeting", deleted=False).count() == 2
    out = io.StringIO()
    call_command("oparl_sync", stdout=out)
    assert out.getvalue().startswith("0 created, 0 modified, 0 deleted")


def test_a_file_no_council_claims_is_listed_apart_until_one_does() -> None:
    record = build_api_record()
    m.Council.objects.create(name="Kent County Council", slug="kent")
    data = b"orphan paper"
    orphan = m.SourceFile.objects.create(
        sha256="0" * 64,
        original_name="orphan.txt",
        media_type="text/plain",
        size=len(data),
        content=data,
    )
    client = Client()
    system = get_json(client, "/oparl/v1/")
    others = get_json(client, system["minutebook:otherFiles"])["data"]
    assert [f["id"] for f in others] == [f"{BASE}file/{orphan.pk}"]
    m.Document.objects.create(
        source=orphan, kind="report", meeting=record["held"], first_line=1, last_line=1
    )
    assert get_json(client, "/oparl/v1/other-files")["data"] == []
    files = get_json(client, "/oparl/v1/body/southwark/file")["data"]
    assert f"{BASE}file/{orphan.pk}" in [f["id"] for f in files]
