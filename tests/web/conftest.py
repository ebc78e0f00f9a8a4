"""Fixtures of the website tests: the sample record, an anonymous and an officer client."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from tests.sample_record import build_sample_record


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    """PBKDF2 is slow on purpose; tests that sign in need no such protection."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def record(db: None) -> dict[str, Any]:
    rec = build_sample_record()
    correct_sample_spans(rec)
    return rec


@pytest.fixture
def visitor() -> Client:
    # Exceptions become responses through the site's handlers, as in production.
    return Client(raise_request_exception=False)


@pytest.fixture
def officer(db: None) -> Any:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(
        "officer", password="a-long-test-password", is_staff=True
    )


@pytest.fixture
def officer_client(officer: Any) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(officer)
    return client


def page_urls(rec: dict[str, Any]) -> list[str]:
    """One URL of every public page type over the sample record."""
    return [
        "/",
        "/committees/",
        "/committees/corporate-parenting-committee/",
        "/meetings/corporate-parenting-committee/2020-07-08/",
        "/meetings/corporate-parenting-committee/2020-11-04/",
        f"/reports/{rec['report'].pk}/",
        "/people/",
        "/people/jasmine-ali/",
        "/people/evelyn-akoto/",
        f"/sources/{rec['source'].pk}/",
        "/search/?q=placement",
    ]


def json_url(url: str) -> str:
    path, _, query = url.partition("?")
    twin = "/index.json" if path == "/" else path[:-1] + ".json"
    return f"{twin}?{query}" if query else twin


def correct_sample_spans(rec: dict[str, Any]) -> None:
    """Put the sample documents' line spans where their text really is.

    `tests/sample_record.py` gives the minutes and the two reports spans one or
    two lines below their text, so the open report's span would cover the
    closed report's title. Real parser output has exact spans; so must the tests.
    """
    lines = rec["source"].text.split("\n")

    def find(needle: str) -> int:
        return next(i for i, line in enumerate(lines, start=1) if needle in line)

    spans = {
        "minutes_doc": (find("MINUTES of the OPEN"), find("Item No. 3.") - 1),
        "report_doc": (find("Item No. 3."), find("Item No. 4.") - 1),
        "closed_doc": (find("Item No. 4."), len(lines)),
    }
    for key, (first, last) in spans.items():
        document = rec[key]
        document.first_line, document.last_line = first, last
        document.text = "\n".join(lines[first - 1 : last])
        document.save()
    for key, doc_key in (("report", "report_doc"), ("closed_report", "closed_doc")):
        report = rec[key]
        report.first_line, report.last_line = spans[doc_key]
        report.save()
    minute = rec["minute"]
    minute.first_line, minute.last_line = find("3. SUFFICIENCY"), find("RESOLVED:") + 1
    minute.save()
