"""Views (placeholder home until the web work lands)."""

from django.http import HttpRequest, HttpResponse
from django.utils.html import escape

from minutebook.record.models import Committee


def home(request: HttpRequest) -> HttpResponse:
    names = ", ".join(escape(c.name) for c in Committee.objects.all()) or "no committees yet"
    return HttpResponse(
        f"<!doctype html><title>minutebook</title><h1>minutebook</h1><p>{names}</p>"
    )
