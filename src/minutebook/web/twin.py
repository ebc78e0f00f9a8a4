"""Every page has a JSON twin: one view, two renderings.

`render_page(request, template, context, data)` answers with the HTML page,
or with `data` as JSON when the URL ends in `.json` or the client prefers
`application/json` (Accept header). `page_paths()` registers both URLs for a
view. All JSON errors of the site share one shape, built by `json_error()`:

    {"error": {"status": 404, "title": "Not found", "detail": "..."}}
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable, Mapping
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import URLPattern, path

JSON_SUFFIX = ".json"

ERROR_TITLES = {
    400: "Bad request",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    500: "Server error",
}

# Sent with every HTML page: even if a paper's markup slipped through escaping,
# the browser would refuse to run inline script or load anything from elsewhere.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)


class TwinJSONEncoder(DjangoJSONEncoder):
    """Dates as ISO strings, decimals as numbers, sets and tuples as lists."""

    def default(self, o: Any) -> Any:
        if isinstance(o, decimal.Decimal):
            return float(o)
        if isinstance(o, set | frozenset | tuple):
            return list(o)
        if isinstance(o, dt.datetime | dt.date | dt.time):
            return o.isoformat()
        return super().default(o)


def wants_json(request: HttpRequest) -> bool:
    """True for `/x.json`, or when the Accept header prefers JSON to HTML."""
    if request.path.endswith(JSON_SUFFIX):
        return True
    if "HTTP_ACCEPT" not in request.META:
        return False
    try:
        preferred = request.get_preferred_type(["text/html", "application/json"])
    except ValueError:  # a malformed Accept header is not the client's JSON request
        return False
    return preferred == "application/json"


def json_response(data: Any, status: int = 200) -> JsonResponse:
    response = JsonResponse(
        data,
        status=status,
        encoder=TwinJSONEncoder,
        safe=False,
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Vary"] = "Accept"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def json_error(status: int, detail: str = "", title: str | None = None) -> JsonResponse:
    """The one JSON error shape of the site."""
    body = {
        "error": {
            "status": status,
            "title": title or ERROR_TITLES.get(status, "Error"),
            "detail": detail,
        }
    }
    return json_response(body, status=status)


def secure_html(response: HttpResponse) -> HttpResponse:
    response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.setdefault("Referrer-Policy", "same-origin")
    return response


def render_page(
    request: HttpRequest,
    template: str,
    context: Mapping[str, Any],
    data: Any,
    status: int = 200,
) -> HttpResponse:
    """The page as HTML, or its JSON twin (`data`)."""
    if wants_json(request):
        return json_response(data, status=status)
    page_context = dict(context)
    page_context.setdefault("json_url", json_url(request))
    response = render(request, template, page_context, status=status)
    response["Vary"] = "Accept"
    return secure_html(response)


def json_url(request: HttpRequest) -> str:
    """The JSON twin's URL of the current page (query string kept)."""
    route = request.path
    route = route[:-1] + JSON_SUFFIX if route.endswith("/") and route != "/" else route
    if route == "/":
        route = "/index.json"
    query = request.META.get("QUERY_STRING", "")
    return f"{route}?{query}" if query else route


def page_paths(route: str, view: Callable[..., HttpResponse], name: str) -> list[URLPattern]:
    """`route` (ending in "/") and its twin `route` minus the slash plus `.json`.

    `page_paths("committees/<slug:slug>/", view, "committee")` serves both
    `/committees/x/` and `/committees/x.json`; the root page's twin is `/index.json`.
    """
    if route and not route.endswith("/"):
        raise ValueError(f"page routes end with '/': {route!r}")
    twin = route[:-1] + JSON_SUFFIX if route else "index" + JSON_SUFFIX
    return [path(route, view, name=name), path(twin, view, name=f"{name}-json")]
