"""Closed (exempt, Part B) business never reaches an anonymous visitor; officers see it.

Each channel is checked: pages, JSON twins, search results, snippets and
counts, the source page, and direct URLs of closed things.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from minutebook.record import models as m
from minutebook.web.search import reindex
from tests.sample_record import build_sample_record
from tests.web.conftest import json_url, page_urls

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]

CLOSED_TITLE = "Confidential placement costs"


def _closed_markers(rec: dict[str, Any]) -> list[str]:
    return [rec["secret"], CLOSED_TITLE, "CONFIDENTIAL PLACEMENT COSTS", "Schedule 12A"]


def test_pages_and_json_hide_closed_business(record: dict[str, Any], visitor: Client) -> None:
    urls = page_urls(record)
    urls += [json_url(u) for u in urls]
    urls += [
        "/search/?q=placement+costs",
        "/search.json?q=SECRET-EXEMPT-TEXT",
        "/search/?q=confidential",
    ]
    for url in urls:
        response = visitor.get(url)
        body = response.content.decode()
        if url.startswith("/search.json"):
            # The query is echoed back; what must not leak is anything found.
            found = json.loads(body)
            body = json.dumps([found["total"], found["results"]])
        for marker in _closed_markers(record):
            assert marker.lower() not in body.lower(), (url, marker)


def test_closed_report_url_is_not_found(record: dict[str, Any], visitor: Client) -> None:
    pk = record["closed_report"].pk
    assert visitor.get(f"/reports/{pk}/").status_code == 404
    response = visitor.get(f"/reports/{pk}.json")
    assert response.status_code == 404
    assert CLOSED_TITLE not in response.content.decode()


def test_search_counts_exclude_closed_business(record: dict[str, Any], visitor: Client) -> None:
    reindex()
    anonymous = json.loads(visitor.get("/search.json?q=placement").content)
    assert anonymous["total"] == len(anonymous["results"])
    assert all("closed" not in r["title"].lower() for r in anonymous["results"])
    secret = json.loads(visitor.get("/search.json?q=SECRET-EXEMPT-TEXT").content)
    assert secret["total"] == 0 and secret["results"] == []
    for kind in ("report", "agenda_item"):
        filtered = json.loads(visitor.get(f"/search.json?q=confidential&kind={kind}").content)
        assert filtered["total"] == 0, kind


def test_officers_see_closed_business(record: dict[str, Any], officer_client: Client) -> None:
    reindex()
    meeting = officer_client.get(
        "/meetings/corporate-parenting-committee/2020-11-04/"
    ).content.decode()
    assert "CONFIDENTIAL PLACEMENT COSTS" in meeting
    report = officer_client.get(f"/reports/{record['closed_report'].pk}/")
    assert report.status_code == 200
    assert "SECRET-EXEMPT-TEXT" in report.content.decode()
    anonymous = json.loads(Client().get("/search.json?q=placement").content)
    officer = json.loads(officer_client.get("/search.json?q=placement").content)
    assert officer["total"] > anonymous["total"]
    found = json.loads(officer_client.get("/search.json?q=SECRET-EXEMPT-TEXT").content)
    assert found["total"] >= 1
    assert any("<mark" in r["snippet_html"] for r in found["results"])
    source = officer_client.get(f"/sources/{record['source'].pk}/").content.decode()
    assert "SECRET-EXEMPT-TEXT" in source


def test_source_page_withholds_closed_lines(record: dict[str, Any], visitor: Client) -> None:
    page = json.loads(visitor.get(f"/sources/{record['source'].pk}.json").content)
    assert page["complete"] is False
    texts = [line.get("text", "") for line in page["lines"]]
    assert any("Feedback from Inspections" in t for t in texts)
    assert not any(record["secret"] in t for t in texts)
    assert {"withheld": True} in page["lines"]
    assert not any("withheld" in line and line["withheld"] is not True for line in page["lines"])


def test_stale_index_never_leaks_a_reclassified_paper(
    record: dict[str, Any], visitor: Client
) -> None:
    """A paper closed by a bulk update (no signal, index stale) vanishes from results and counts."""
    reindex()
    before = json.loads(visitor.get("/search.json?q=contents").content)
    assert before["total"] >= 1
    m.Document.objects.filter(pk=record["report_doc"].pk).update(classification="closed")
    after = json.loads(visitor.get("/search.json?q=contents").content)
    assert after["total"] == 0
    assert after["results"] == []


@pytest.mark.django_db(transaction=True)
def test_closing_an_item_updates_search_through_signals(visitor: Client) -> None:
    record = build_sample_record()
    reindex()
    assert json.loads(visitor.get("/search.json?q=inspections").content)["total"] >= 1
    item = record["items"][2]
    item.part = "closed"
    item.save()
    record["report_doc"].classification = "closed"
    record["report_doc"].save()
    after = json.loads(visitor.get("/search.json?q=inspections").content)
    assert after == {**after, "total": 0, "results": []}


def test_anonymous_user_cannot_reach_officer_pages(visitor: Client) -> None:
    for url in ("/officers/", "/officers/upload/"):
        response = visitor.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/officers/login/")
    assert visitor.get("/admin/").status_code == 302


@pytest.mark.django_db(transaction=True)
def test_reclassifying_after_indexing_hides_it_from_the_next_search(visitor: Client) -> None:
    """An officer closes a report in a transaction (as the admin does): the very next public
    search hides its paper, and only that meeting's rows were re-written (no rebuild)."""
    from django.db import transaction

    from minutebook.web.models import SearchEntry, SearchIndexState, SearchPending

    record = build_sample_record()
    reindex()
    assert json.loads(visitor.get("/search.json?q=contents").content)["total"] >= 1
    report_meeting = record["report_doc"].meeting_id
    untouched = set(
        SearchEntry.objects.exclude(meeting_id=report_meeting).values_list("id", flat=True)
    )
    assert untouched
    with transaction.atomic():
        report = record["report"]
        report.classification = "closed"
        report.save()
    assert SearchPending.objects.exists()  # the signals noted the change at commit
    after = json.loads(visitor.get("/search.json?q=contents").content)
    assert after["total"] == 0 and after["results"] == []
    assert untouched <= set(SearchEntry.objects.values_list("id", flat=True))
    assert not SearchIndexState.objects.get(pk=1).dirty
    officer = get_officer_client()
    assert json.loads(officer.get("/search.json?q=contents").content)["total"] >= 1


def get_officer_client() -> Client:
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("reclassifier", password="x" * 20, is_staff=True)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client
