"""Officer pages: starting, editing and saving a draft agenda; downloading the papers."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from minutebook.publish.forms import DraftDetailsForm, DraftItemFormSet
from minutebook.publish.models import DraftAgenda
from minutebook.publish.pack import build_pack
from tests.publish.records import UPCOMING, build_record

pytestmark = [pytest.mark.django_db]

DRAFT_URL = "/officers/papers/riverside/corporate-parenting/2021-03-03/"


@pytest.fixture
def officer() -> Client:
    client = Client()
    client.force_login(User.objects.create_user("clerk", is_staff=True))
    return client


def _form_data(draft: DraftAgenda) -> dict[str, Any]:
    """What the edit page's form posts back unchanged."""
    data: dict[str, Any] = {}
    for form in [DraftDetailsForm(instance=draft, prefix="details")]:
        for name in form.fields:
            value = form[name].value()
            data[f"details-{name}"] = "" if value is None else value
    formset = DraftItemFormSet(draft=draft, prefix="items")
    for key, value in formset.management_form.initial.items():
        data[f"items-{key}"] = value
    for form in formset.forms:
        for name in form.fields:
            value = form[name].value()
            if name == "reports":
                data[form.add_prefix(name)] = [str(v) for v in value or []]
            elif value is not None and value is not False:
                data[form.add_prefix(name)] = value
    return data


@pytest.mark.db_both
def test_pages_need_a_signed_in_officer() -> None:
    build_record()
    anonymous = Client()
    response = anonymous.get("/officers/papers/")
    assert response.status_code == 302 and "/officers/login/" in response["Location"]
    assert anonymous.get(DRAFT_URL + "agenda-pack.pdf").status_code == 302
    member_of_public = Client()
    member_of_public.force_login(User.objects.create_user("resident"))
    assert member_of_public.get("/officers/papers/").status_code == 403
    assert member_of_public.get(DRAFT_URL).status_code == 403
    assert not DraftAgenda.objects.exists()


@pytest.mark.db_both
def test_officer_starts_a_draft_and_sees_closed_items(officer: Client) -> None:
    record = build_record()
    response = officer.post(
        "/officers/papers/", {"committee": record.committee.pk, "date": "2021-03-03"}
    )
    assert response.status_code == 302 and response["Location"] == DRAFT_URL
    page = officer.get(DRAFT_URL).content.decode()
    assert "FOSTERING SERVICE ANNUAL REPORT" in page
    assert "PLACEMENT COSTS OF NAMED CHILDREN (Part B, closed)" in page


@pytest.mark.db_both
def test_officer_renames_reorders_removes_and_adds_items(officer: Client) -> None:
    build_record()
    officer.get(DRAFT_URL)
    draft = DraftAgenda.objects.get(date=UPCOMING)
    data = _form_data(draft)
    forms = int(data["items-INITIAL_FORMS"])
    titles = {data[f"items-{i}-title"]: i for i in range(forms)}
    data[f"items-{titles['APOLOGIES']}-title"] = "APOLOGIES FOR ABSENCE"
    data[f"items-{titles['CONFIRMATION OF VOTING MEMBERS']}-DELETE"] = "on"
    data[f"items-{titles['SUFFICIENCY STRATEGY PROGRESS REPORT']}-order"] = 0
    data[f"items-{forms}-title"] = "YOUNG PEOPLE'S FORUM"
    data[f"items-{forms}-order"] = 99
    data[f"items-{forms}-part"] = "open"
    data["details-summoned_by"] = "Chief Executive"
    response = officer.post(DRAFT_URL, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    titles_now = list(draft.items.order_by("order").values_list("title", flat=True))
    assert titles_now[0] == "SUFFICIENCY STRATEGY PROGRESS REPORT"
    assert titles_now[1] == "APOLOGIES FOR ABSENCE"
    assert "CONFIRMATION OF VOTING MEMBERS" not in titles_now
    assert titles_now[-1] == "YOUNG PEOPLE'S FORUM"
    assert list(draft.items.order_by("order").values_list("order", flat=True)) == list(
        range(1, len(titles_now) + 1)
    )
    assert draft.summoned_by == "Chief Executive"
    pack = build_pack(draft)
    assert pack.items[-1].title == "YOUNG PEOPLE'S FORUM" and pack.summoned_by == "Chief Executive"


@pytest.mark.db_both
def test_invalid_edit_shows_errors_and_saves_nothing(officer: Client) -> None:
    build_record()
    officer.get(DRAFT_URL)
    draft = DraftAgenda.objects.get(date=UPCOMING)
    data = _form_data(draft)
    data["items-0-title"] = ""
    data["details-start_time"] = "half past six"
    response = officer.post(DRAFT_URL, data)
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert draft.items.get(order=1).title == "APOLOGIES"


# Two layouts of the pack, the same on either database: this one runs on SQLite only.
def test_officer_downloads_the_pack_and_the_minutes_template(officer: Client) -> None:
    build_record()
    officer.get(DRAFT_URL)
    pdf = officer.get(DRAFT_URL + "agenda-pack.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    html = officer.get(DRAFT_URL + "agenda-pack.html")
    assert html.status_code == 200 and b"Order of Business" in html.content
    minutes = officer.get(DRAFT_URL + "minutes-template.html")
    assert minutes.status_code == 200 and "attachment" in minutes["Content-Disposition"]
    assert b"PRESENT:" in minutes.content
    word = officer.get(DRAFT_URL + "minutes-template.docx")
    assert word.status_code == 200 and word.content.startswith(b"PK")


@pytest.mark.db_both
def test_unknown_meetings_and_bad_dates_are_not_found(officer: Client) -> None:
    build_record()
    assert officer.get("/officers/papers/riverside/corporate-parenting/3-3-21/").status_code == 404
    assert officer.get("/officers/papers/riverside/planning/2021-03-03/").status_code == 404
    # Papers of a meeting with no saved draft are not invented on download.
    assert officer.get(DRAFT_URL + "agenda-pack.html").status_code == 404


@pytest.mark.db_both
def test_draft_pages_have_json_twins(officer: Client) -> None:
    record = build_record()
    officer.post("/officers/papers/", {"committee": record.committee.pk, "date": "2021-03-03"})
    listing = officer.get("/officers/papers.json")
    assert listing.status_code == 200 and listing["Content-Type"].startswith("application/json")
    [summary] = listing.json()["drafts"]
    assert summary["date"] == "2021-03-03" and summary["url"] == DRAFT_URL
    twin = officer.get(DRAFT_URL[:-1] + ".json").json()
    assert twin["committee"] == summary["committee"]
    parts = {i["title"]: i["part"] for i in twin["items"]}
    assert parts["FOSTERING SERVICE ANNUAL REPORT"] == "open"
    assert parts["PLACEMENT COSTS OF NAMED CHILDREN"] == "closed"
    assert [i["number"] for i in twin["items"]] == list(range(1, len(parts) + 1))
    assert twin["downloads"]["pack_pdf"] == DRAFT_URL + "agenda-pack.pdf"
    same = officer.get(DRAFT_URL, HTTP_ACCEPT="application/json").json()
    assert same == twin


@pytest.mark.db_both
def test_draft_json_twin_refuses_a_member_of_the_public_in_the_error_shape() -> None:
    build_record()
    resident = Client()
    resident.force_login(User.objects.create_user("resident"))
    response = resident.get("/officers/papers.json")
    assert response.status_code == 403
    assert response.json()["error"]["status"] == 403
