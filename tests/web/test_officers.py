"""Officers: sign in, upload papers, the queue of warnings and failures; CSRF on; admin staff-only."""

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

PASSWORD = "a-long-test-password"


def test_login_needs_a_csrf_token_and_works_with_one(officer: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    form = client.get("/officers/login/")
    assert form.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in form.content.decode()
    refused = client.post("/officers/login/", {"username": "officer", "password": PASSWORD})
    assert refused.status_code == 403
    assert "Form expired" in refused.content.decode()
    token = form.context["csrf_token"]
    signed_in = client.post(
        "/officers/login/",
        {"username": "officer", "password": PASSWORD, "csrfmiddlewaretoken": str(token)},
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == "/officers/"
    assert client.get("/officers/").status_code == 200


def test_wrong_password_shows_an_error(officer: Any, visitor: Client) -> None:
    response = visitor.post("/officers/login/", {"username": "officer", "password": "wrong"})
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()


def test_queue_lists_failures_and_warnings_with_admin_links(officer_client: Client) -> None:
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
        warnings=["report at line 23 has no meeting date"],
    )
    m.SourceFile.objects.create(
        sha256="b" * 64, original_name="clean.txt", content=b"x", text="x", parse_status="parsed"
    )
    page = officer_client.get("/officers/").content.decode()
    assert "broken.pdf" in page and "not a PDF file" in page
    assert "agenda.txt" in page and "has no meeting date" in page
    assert "clean.txt" not in page
    assert f"/admin/record/sourcefile/{failed.pk}/change/" in page
    assert f"/admin/record/document/?source__id__exact={warned.pk}" in page


def test_upload_one_file_ingests_it(officer_client: Client) -> None:
    paper = SEEDS / "003_e9eb5ed99e3440bf.txt"
    upload = SimpleUploadedFile(paper.name, paper.read_bytes(), content_type="text/plain")
    response = officer_client.post("/officers/upload/file/", {"paper": upload})
    assert response.status_code == 200
    outcome = json.loads(response.content)
    assert outcome["name"] == paper.name
    assert outcome["new"] is True
    assert outcome["status"] in {"parsed", "partial"}
    assert outcome["source_url"].startswith("/sources/")
    source = m.SourceFile.objects.get(original_name=paper.name)
    assert source.content == paper.read_bytes()
    again = SimpleUploadedFile(paper.name, paper.read_bytes(), content_type="text/plain")
    second = json.loads(officer_client.post("/officers/upload/file/", {"paper": again}).content)
    assert second["new"] is False
    assert m.SourceFile.objects.filter(original_name=paper.name).count() == 1


def test_upload_form_without_javascript(officer_client: Client) -> None:
    garbage = SimpleUploadedFile("garbage.pdf", b"%PDF-1.4 this is not really a pdf")
    page = officer_client.post("/officers/upload/", {"papers": [garbage]})
    assert page.status_code == 200
    body = page.content.decode()
    assert "garbage.pdf" in body
    assert "failed" in body
    assert m.SourceFile.objects.filter(original_name="garbage.pdf").exists()  # bytes kept
    empty = officer_client.post("/officers/upload/", {}).content.decode()
    assert "Choose at least one file" in empty


def test_upload_endpoint_refuses_visitors_and_missing_files(
    visitor: Client, officer_client: Client
) -> None:
    refused = visitor.post("/officers/upload/file/", {})
    assert refused.status_code == 403
    assert json.loads(refused.content)["error"]["status"] == 403
    missing = officer_client.post("/officers/upload/file/", {})
    assert missing.status_code == 400
    assert json.loads(missing.content)["error"]["title"] == "Bad request"
    assert officer_client.get("/officers/upload/file/").status_code == 405


def test_admin_is_for_staff_only(db: None) -> None:
    user_model = get_user_model()
    user_model.objects.create_user("resident", password=PASSWORD)
    client = Client()
    client.login(username="resident", password=PASSWORD)
    assert client.get("/admin/").status_code == 302
    assert client.get("/officers/").status_code == 403
    staff = Client()
    user_model.objects.create_user("clerk", password=PASSWORD, is_staff=True)
    staff.login(username="clerk", password=PASSWORD)
    assert staff.get("/officers/").status_code == 200


def test_non_staff_users_do_not_see_closed_business(record: dict[str, Any]) -> None:
    get_user_model().objects.create_user("resident", password=PASSWORD)
    client = Client()
    client.login(username="resident", password=PASSWORD)
    assert client.get(f"/reports/{record['closed_report'].pk}/").status_code == 404
    body = client.get("/meetings/corporate-parenting-committee/2020-11-04/").content.decode()
    assert "CONFIDENTIAL" not in body


def test_sign_out_is_a_post(officer_client: Client) -> None:
    assert officer_client.post("/officers/logout/").status_code == 302
    assert officer_client.get("/officers/").status_code == 302
