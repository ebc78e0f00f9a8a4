"""Officers' pages: sign in, upload papers (ingest with per-file status), the parse queue.

Staff only. Uploads go one file per request (the page's script sends them in
turn and shows each file's progress and outcome); without JavaScript the form
posts every file at once and the page lists the outcomes.
"""

from __future__ import annotations

import hashlib
import logging
from functools import wraps
from typing import Any

from django.contrib.auth import views as auth_views
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_POST

from minutebook.record import models as m
from minutebook.web import links
from minutebook.web.twin import json_error, json_response, render_page, secure_html, wants_json

log = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 60 * 1024 * 1024
QUEUE_LIMIT = 200
ACCEPTED_SUFFIXES = [".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt", ".xml"]


def staff_only(view: Any) -> Any:
    """Officers only. A visitor asking for HTML is sent to sign in (or refused when signed in
    without staff status); a JSON client gets the one JSON error shape, never data."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            if wants_json(request):
                return json_error(403, "Sign in as an officer to see this page.")
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        return secure_html(view(request, *args, **kwargs))

    return wrapper


class OfficerLoginView(auth_views.LoginView):
    template_name = "web/officers/login.html"
    redirect_authenticated_user = True

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # The page's JSON twin (before the redirect of a signed-in officer): what the form
        # takes, and whether the asker is signed in.
        if request.method == "GET" and wants_json(request):
            return json_response(
                {
                    "signed_in": request.user.is_authenticated,
                    "form": {
                        "method": "POST",
                        "action": reverse("officers-login"),
                        "fields": ["username", "password"],
                        "csrf": "Send the csrftoken cookie's value in the X-CSRFToken header.",
                    },
                }
            )
        return super().dispatch(request, *args, **kwargs)


class OfficerLogoutView(auth_views.LogoutView):
    next_page = "/"


def _admin_url(name: str, *args: Any, query: str = "") -> str | None:
    try:
        url = reverse(f"admin:{name}", args=args)
    except NoReverseMatch:
        return None
    return f"{url}?{query}" if query else url


def queue_rows() -> list[dict[str, Any]]:
    """Sources that failed or parsed with warnings, newest first."""
    sources = (
        m.SourceFile.objects.filter(~Q(parse_status="parsed") | ~Q(warnings=[]))
        .defer("content", "text", "parse_output")
        .order_by("-ingested_at")
    )
    rows = []
    for source in sources[:QUEUE_LIMIT]:
        rows.append(
            {
                "name": source.original_name,
                "status": source.parse_status,
                "status_label": source.get_parse_status_display(),
                "ingested_at": source.ingested_at,
                "errors": [str(e) for e in source.errors or []],
                "warnings": [str(w) for w in (source.warnings or [])[:20]],
                "more_warnings": max(0, len(source.warnings or []) - 20),
                "source_url": links.source_url(source.pk),
                "admin_url": _admin_url("record_sourcefile_change", source.pk),
                "documents_admin_url": _admin_url(
                    "record_document_changelist", query=f"source__id__exact={source.pk}"
                ),
            }
        )
    return rows


def status_counts() -> dict[str, int]:
    """Stored papers per parse status (every status present, zero when none)."""
    counts = dict.fromkeys((status for status, _ in m.SourceFile.STATUS_CHOICES), 0)
    for row in m.SourceFile.objects.values("parse_status").annotate(n=Count("pk")):
        counts[row["parse_status"]] = row["n"]
    return counts


@staff_only
def dashboard(request: HttpRequest) -> HttpResponse:
    """The parse queue: papers that failed or parsed with warnings (JSON twin: the same data)."""
    counts = status_counts()
    queue = queue_rows()
    data = {
        "counts": counts,
        "queue": queue,
        "queue_limit": QUEUE_LIMIT,
        "links": {
            "upload": reverse("officers-upload"),
            "upload_file": reverse("officers-upload-file"),
            "admin": _admin_url("index"),
        },
    }
    context = {"queue": queue, "counts": counts, "nav_section": "officers"}
    return render_page(request, "web/officers/dashboard.html", context, data)


def ingest_upload(upload: Any) -> dict[str, Any]:
    """Store and process one uploaded file; never raises (the outcome says what happened)."""
    from minutebook.record.ingest import finish_batch, ingest_bytes

    name = str(getattr(upload, "name", "") or "upload")[:300]
    if upload.size > MAX_UPLOAD_BYTES:
        return {"name": name, "status": "failed", "errors": ["The file is larger than 60 MB."]}
    try:
        data = upload.read()
        summary = ingest_bytes(data, name)
        finish_batch(summary)
        source = (
            m.SourceFile.objects.defer("content", "text", "parse_output")
            .filter(sha256=hashlib.sha256(data).hexdigest())
            .first()
        )
    except Exception as exc:  # an officer sees what failed; the log keeps the traceback
        log.exception("upload of %s failed", name)
        return {"name": name, "status": "failed", "errors": [f"Could not ingest: {exc}"]}
    outcome: dict[str, Any] = {
        "name": name,
        "status": source.parse_status if source else "failed",
        "new": summary.new_sources > 0,
        "errors": [f.message for f in summary.failures],
        "warnings": len(summary.report.warnings),
        "counts": summary.report.as_dict(),
    }
    if source is not None:
        outcome["source_url"] = links.source_url(source.pk)
    return outcome


def upload_form() -> dict[str, Any]:
    """What the upload form takes: for the page's JSON twin (and scripts that upload)."""
    return {
        "method": "POST",
        "action": reverse("officers-upload"),
        "field": "papers",
        "multiple": True,
        "one_file_url": reverse("officers-upload-file"),
        "one_file_field": "paper",
        "accept": ACCEPTED_SUFFIXES,
        "max_bytes": MAX_UPLOAD_BYTES,
        "csrf": "Send the csrftoken cookie's value in the X-CSRFToken header.",
    }


@staff_only
def upload(request: HttpRequest) -> HttpResponse:
    """GET: the form. POST: ingest every file of the `papers` field and list the outcomes."""
    outcomes: list[dict[str, Any]] = []
    if request.method == "POST":
        files = request.FILES.getlist("papers")
        if not files and wants_json(request):
            return json_error(400, "No file was sent (form field 'papers').")
        outcomes = [ingest_upload(f) for f in files]
        if not files:
            outcomes = [{"name": "", "status": "failed", "errors": ["Choose at least one file."]}]
    data = {"form": upload_form(), "outcomes": outcomes}
    context = {"outcomes": outcomes, "upload_form": data["form"], "nav_section": "officers"}
    return render_page(request, "web/officers/upload.html", context, data)


@require_POST
def upload_file(request: HttpRequest) -> HttpResponse:
    """One file, for the upload page's script: JSON outcome, or the JSON error shape."""
    if not request.user.is_authenticated or not request.user.is_staff:
        return json_error(403, "Sign in as an officer to upload papers.")
    upload_obj = request.FILES.get("paper")
    if upload_obj is None:
        return json_error(400, "No file was sent (form field 'paper').")
    outcome = ingest_upload(upload_obj)
    return JsonResponse(outcome, status=200)
