"""The officers' pages have JSON twins too: the parse queue (dashboard) and the upload page,
staff-only like the HTML. Anyone else gets the one JSON error shape, never data."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from minutebook.record import models as m
from tests.conftest import SEEDS

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]

OFFICER_PAGES = ["/officers/", "/officers/upload/"]


def _twin(url: str) -> str:
    return url[:-1] + ".json"


def _error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "title", "detail"}
    assert body["error"]["status"] == status
    return body


@pytest.fixture
def queue() -> dict[str, m.SourceFile]:
    failed = m.SourceFile.objects.create(
        sha256="f" * 64,
        original_name="broken.pdf",
        content=b"%PDF-broken",
        parse_status="failed",
        errors=["not a PDF file"],
    )
    warned = m.SourceFile.objects.create(
        sha256="a" * 64,
        original_name="agenda.txt",
        content=b"x",
        text="x",
        parse_status="partial",
        warnings=[f"warning {n}" for n in range(25)],
    )
    clean = m.SourceFile.objects.create(
        sha256="b" * 64, original_name="clean.txt", content=b"x", text="x", parse_status="parsed"
    )
    return {"failed": failed, "warned": warned, "clean": clean}


def test_dashboard_twin_is_the_queue(officer_client: Client, queue: dict[str, Any]) -> None:
    for response in (
        officer_client.get("/officers.json"),
        officer_client.get("/officers/", headers={"accept": "application/json"}),
    ):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        data = json.loads(response.content)
        assert data["counts"] == {"pending": 0, "parsed": 1, "partial": 1, "failed": 1}
        names = [row["name"] for row in data["queue"]]
        assert sorted(names) == ["agenda.txt", "broken.pdf"]  # the clean paper is not queued
        rows = {row["name"]: row for row in data["queue"]}
        assert rows["broken.pdf"]["errors"] == ["not a PDF file"]
        assert rows["broken.pdf"]["status"] == "failed"
        assert len(rows["agenda.txt"]["warnings"]) == 20
        assert rows["agenda.txt"]["more_warnings"] == 5
        failed_pk = queue["failed"].pk
        assert rows["broken.pdf"]["admin_url"] == f"/admin/record/sourcefile/{failed_pk}/change/"
        assert rows["broken.pdf"]["source_url"] == f"/sources/{failed_pk}/"
        assert data["links"]["upload"] == "/officers/upload/"
    # The HTML page advertises its twin.
    assert "/officers.json" in officer_client.get("/officers/").content.decode()


def test_upload_twin_get_describes_the_form(officer_client: Client) -> None:
    data = json.loads(officer_client.get("/officers/upload.json").content)
    assert data["outcomes"] == []
    assert data["form"]["field"] == "papers" and data["form"]["method"] == "POST"
    assert ".pdf" in data["form"]["accept"] and ".docx" in data["form"]["accept"]
    page = officer_client.get("/officers/upload/").content.decode()
    assert 'accept=".pdf,' in page and "/officers/upload.json" in page


def test_upload_twin_post_lists_outcomes(officer_client: Client) -> None:
    paper = SEEDS / "003_e9eb5ed99e3440bf.txt"
    garbage = SimpleUploadedFile("garbage.pdf", b"%PDF-1.4 this is not really a pdf")
    good = SimpleUploadedFile(paper.name, paper.read_bytes(), content_type="text/plain")
    response = officer_client.post("/officers/upload.json", {"papers": [good, garbage]})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    outcomes = {o["name"]: o for o in json.loads(response.content)["outcomes"]}
    assert outcomes[paper.name]["status"] in {"parsed", "partial"}
    assert outcomes[paper.name]["new"] is True
    assert outcomes["garbage.pdf"]["status"] == "failed"
    assert m.SourceFile.objects.filter(original_name=paper.name).exists()
    # No file: the one error shape, not an HTML form.
    _error(officer_client.post("/officers/upload.json", {}), 400)


@pytest.mark.parametrize("url", OFFICER_PAGES)
def test_visitors_get_the_error_shape_never_data(
    url: str, visitor: Client, queue: dict[str, Any]
) -> None:
    resident = Client()
    resident.force_login(get_user_model().objects.create_user("resident", password="x-long-pw"))
    for client in (visitor, resident):
        for response in (
            client.get(_twin(url)),
            client.get(url, headers={"accept": "application/json"}),
            client.post(_twin(url), {}),
        ):
            body = _error(response, 403)
            assert "broken.pdf" not in response.content.decode()
            assert "Sign in" in body["error"]["detail"]
    # HTML visitors are still sent to sign in; signed-in residents refused.
    assert visitor.get(url).status_code == 302
    assert resident.get(url).status_code == 403
    assert not m.SourceFile.objects.filter(original_name="garbage.pdf").exists()


def test_visitor_upload_through_the_twin_stores_nothing(visitor: Client) -> None:
    garbage = SimpleUploadedFile("garbage.pdf", b"%PDF-1.4 this is not really a pdf")
    _error(visitor.post("/officers/upload.json", {"papers": [garbage]}), 403)
    assert not m.SourceFile.objects.filter(original_name="garbage.pdf").exists()


def test_the_sign_in_page_has_a_twin_describing_its_form(officer_client: Client) -> None:
    """Regression: every page has a JSON twin, and the sign-in page had none (a crawl of
    every page found it)."""
    for response in (
        Client().get("/officers/login.json"),
        Client().get("/officers/login/", HTTP_ACCEPT="application/json"),
    ):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        body = json.loads(response.content)
        assert body["signed_in"] is False
        assert body["form"]["action"] == "/officers/login/"
        assert body["form"]["fields"] == ["username", "password"]
    signed_in = json.loads(officer_client.get("/officers/login.json").content)
    assert signed_in["signed_in"] is True
    page = Client().get("/officers/login/")
    assert page.status_code == 200 and page["Content-Type"].startswith("text/html")
