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
    return build_sample_record()


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
