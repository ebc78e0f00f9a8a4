"""Error pages: HTML for people, the one JSON error shape for JSON clients.

Wired in `minutebook.urls` as handler400/403/404/500, so no traceback ever
reaches a user. The 500 page avoids the database and the request context:
whatever broke must not break the error page too.
"""

from __future__ import annotations

import logging

from django.http import Http404, HttpRequest, HttpResponse
from django.template import loader

from minutebook.web.twin import ERROR_TITLES, json_error, secure_html, wants_json

log = logging.getLogger(__name__)

DETAILS = {
    400: "The request could not be understood.",
    403: "You do not have permission to see this page.",
    404: "There is no page at this address. Check the address, or search the record.",
    405: "This address does not accept that kind of request.",
    500: "Something went wrong on our side. The problem has been logged; please try again later.",
}


def error_response(request: HttpRequest, status: int, detail: str = "") -> HttpResponse:
    detail = detail or DETAILS.get(status, "")
    if wants_json(request):
        return json_error(status, detail)
    title = ERROR_TITLES.get(status, "Error")
    try:
        template = loader.get_template("web/error.html")
        body = template.render(
            {"status": status, "title": title, "detail": detail},
            request if status != 500 else None,
        )
    except Exception:  # the error page itself must never fail
        log.exception("error template failed")
        body = f"<!doctype html><html lang='en'><title>{title}</title><h1>{title}</h1></html>"
    return secure_html(HttpResponse(body, status=status))


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # Views raise Http404 with a sentence for the visitor; the resolver's own 404 carries a dict.
    message = exception.args[0] if isinstance(exception, Http404) and exception.args else ""
    return error_response(request, 404, message if isinstance(message, str) else "")


def server_error(request: HttpRequest) -> HttpResponse:
    return error_response(request, 500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return error_response(
        request, 403, "The form expired or was sent from elsewhere. Go back, reload and try again."
    )
