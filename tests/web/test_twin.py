"""Every page has a JSON twin; every JSON error has one shape; no traceback reaches a user."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client, RequestFactory

from minutebook.web import errors
from tests.web.conftest import json_url, page_urls

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def _is_error_shape(body: dict[str, Any], status: int) -> bool:
    error = body.get("error", {})
    return (
        set(body) == {"error"}
        and set(error) == {"status", "title", "detail"}
        and error["status"] == status
        and isinstance(error["title"], str)
        and isinstance(error["detail"], str)
    )


def test_every_page_has_a_json_twin(record: dict[str, Any], visitor: Client) -> None:
    for url in page_urls(record):
        page = visitor.get(url)
        assert page.status_code == 200, url
        assert page["Content-Type"].startswith("text/html")
        twin = visitor.get(json_url(url))
        assert twin.status_code == 200, json_url(url)
        assert twin["Content-Type"] == "application/json"
        assert isinstance(json.loads(twin.content), dict)
        # The same URL with an Accept header gives the same JSON.
        negotiated = visitor.get(url, headers={"accept": "application/json"})
        assert negotiated["Content-Type"] == "application/json"
        assert json.loads(negotiated.content) == json.loads(twin.content), url
        assert json_url(url).split("?")[0] in page.content.decode()  # the page links its twin


def test_browser_accept_header_gets_html(record: dict[str, Any], visitor: Client) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    response = visitor.get("/", headers={"accept": accept})
    assert response["Content-Type"].startswith("text/html")
    assert visitor.get("/", headers={"accept": "nonsense;;;q=x"}).status_code == 200


def test_json_twin_carries_the_facts(record: dict[str, Any], visitor: Client) -> None:
    meeting = json.loads(
        visitor.get("/meetings/corporate-parenting-committee/2020-07-08.json").content
    )
    present = {p["name"] for g in meeting["attendance"]["groups"] for p in g["people"]}
    assert present == {"Jasmine Ali", "Evelyn Akoto", "Alasdair Smith"}
    assert [a["name"] for a in meeting["attendance"]["apologies"]] == ["Peter Babudu"]
    assert meeting["minutes"][0]["resolutions"][0]["text"].startswith("That a further progress")


def test_not_found_is_html_or_the_json_error_shape(visitor: Client) -> None:
    html = visitor.get("/no/such/page/")
    assert html.status_code == 404
    assert "Not found" in html.content.decode()
    assert "Traceback" not in html.content.decode()
    for response in (
        visitor.get("/no/such/page.json"),
        visitor.get("/no/such/page/", headers={"accept": "application/json"}),
        visitor.get("/committees/no-such-committee.json"),
        visitor.get("/meetings/corporate-parenting-committee/not-a-date.json"),
        visitor.get("/reports/999999.json"),
    ):
        assert response.status_code == 404
        assert _is_error_shape(json.loads(response.content), 404)


def test_meeting_404_explains_itself(record: dict[str, Any], visitor: Client) -> None:
    body = json.loads(
        visitor.get("/meetings/corporate-parenting-committee/2001-01-01.json").content
    )
    assert "no meeting on 1 January 2001" in body["error"]["detail"]


@pytest.mark.parametrize(
    ("handler", "status"),
    [
        (errors.bad_request, 400),
        (errors.permission_denied, 403),
        (errors.page_not_found, 404),
    ],
)
def test_error_handlers(handler: Any, status: int) -> None:
    factory = RequestFactory()
    html = handler(factory.get("/x/"), Exception("detail for the log"))
    assert html.status_code == status
    assert "detail for the log" not in html.content.decode()
    data = handler(factory.get("/x.json"), Exception("x"))
    assert _is_error_shape(json.loads(data.content), status)


def test_server_error_never_shows_a_traceback() -> None:
    factory = RequestFactory()
    html = errors.server_error(factory.get("/x/"))
    assert html.status_code == 500
    assert "Something went wrong" in html.content.decode()
    assert _is_error_shape(json.loads(errors.server_error(factory.get("/x.json")).content), 500)


def test_unhandled_exception_becomes_the_500_page(visitor: Client, monkeypatch: Any) -> None:
    from minutebook.web.views import record_pages

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(record_pages.m.Committee.objects, "select_related", broken)
    for url in ("/committees/", "/committees.json"):
        response = visitor.get(url)
        assert response.status_code == 500
        assert "secret internals" not in response.content.decode()
        assert "Traceback" not in response.content.decode()


def test_html_pages_send_a_content_security_policy(record: dict[str, Any], visitor: Client) -> None:
    response = visitor.get("/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
