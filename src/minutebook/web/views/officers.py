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
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_POST

from minutebook.record import models as m
from minutebook.web import links
from minutebook.web.twin import json_error, secure_html

log = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 60 * 1024 * 1024
QUEUE_LIMIT = 200


def staff_only(view: Any) -> Any:
    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_staff:
            raise PermissionDenied
        return secure_html(view(request, *args, **kwargs))

    return wrapper


class OfficerLoginView(auth_views.LoginView):
    template_name = "web/officers/login.html"
    redirect_authenticated_user = True


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


@staff_only
def dashboard(request: HttpRequest) -> HttpResponse:
    counts = {
        status: m.SourceFile.objects.filter(parse_status=status).count()
        for status, _ in m.SourceFile.STATUS_CHOICES
    }
    return render(
        request,
        "web/officers/dashboard.html",
        {"queue": queue_rows(), "counts": counts, "nav_section": "officers"},
    )


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


@staff_only
def upload(request: HttpRequest) -> HttpResponse:
    outcomes = []
    if request.method == "POST":
        files = request.FILES.getlist("papers")
        outcomes = [ingest_upload(f) for f in files]
        if not files:
            outcomes = [{"name": "", "status": "failed", "errors": ["Choose at least one file."]}]
    return render(
        request, "web/officers/upload.html", {"outcomes": outcomes, "nav_section": "officers"}
    )


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
