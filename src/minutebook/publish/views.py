"""Officer pages: start a draft agenda, edit it, and download the pack and minutes template.

All pages need a signed-in officer (one who may see closed business: the draft
lists Part B items). The produced pack itself is public and leaves closed
business out (see `pack.py`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse

from minutebook.publish.draft import ordered_items, save_proposal
from minutebook.publish.forms import DraftDetailsForm, DraftItemFormSet, StartDraftForm
from minutebook.publish.minutes_docx import minutes_template_docx
from minutebook.publish.models import DraftAgenda
from minutebook.publish.pack import build_pack, long_date
from minutebook.publish.render import PackLayoutError, render_minutes_template, render_pack
from minutebook.record.models import Committee
from minutebook.record.visibility import can_see_closed
from minutebook.web.twin import render_page


def _officer(request: HttpRequest) -> None:
    if not can_see_closed(request.user):
        raise PermissionDenied("Only officers can prepare agendas.")


def _draft_url(draft: DraftAgenda, name: str = "publish-draft") -> str:
    c = draft.committee
    return reverse(name, args=[c.council.slug, c.slug, draft.date.isoformat()])


def _committee_and_date(council: str, committee: str, date: str) -> tuple[Committee, dt.date]:
    try:
        day = dt.date.fromisoformat(date)
    except ValueError as exc:
        raise Http404("Dates are written YYYY-MM-DD.") from exc
    found = get_object_or_404(Committee, council__slug=council, slug=committee)
    return found, day


@login_required
def start(request: HttpRequest) -> HttpResponse:
    _officer(request)
    form = StartDraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        draft = save_proposal(form.cleaned_data["committee"], form.cleaned_data["date"])
        return redirect(_draft_url(draft))
    drafts = DraftAgenda.objects.select_related("committee__council").order_by("-date")[:50]
    rows = [(d, _draft_url(d)) for d in drafts]
    data = {"drafts": [_draft_summary(d, url) for d, url in rows]}
    return render_page(request, "publish/draft_start.html", {"form": form, "drafts": rows}, data)


def _draft_summary(draft: DraftAgenda, url: str) -> dict[str, Any]:
    return {
        "committee": draft.committee.name,
        "council": draft.committee.council.name,
        "date": draft.date,
        "url": url,
    }


def _draft_data(draft: DraftAgenda, links: dict[str, str]) -> dict[str, Any]:
    """The JSON twin of the draft page: its details, its items in order, its downloads."""
    items = [
        {
            "number": number,
            "title": item.title,
            "description": item.description,
            "kind": item.kind,
            "part": item.part,
            "time": item.scheduled_time,
            "reports": sorted(item.reports.values_list("pk", flat=True)),
        }
        for number, item in enumerate(ordered_items(draft), start=1)
    ]
    return {
        **_draft_summary(draft, _draft_url(draft)),
        "start_time": draft.start_time,
        "venue": draft.venue,
        "contacts": draft.contacts,
        "summoned_by": draft.summoned_by,
        "published": draft.published,
        "items": items,
        "downloads": links,
    }


@login_required
def draft(request: HttpRequest, council: str, committee: str, date: str) -> HttpResponse:
    _officer(request)
    found, day = _committee_and_date(council, committee, date)
    saved = save_proposal(found, day)
    if request.method == "POST" and "reset" in request.POST:
        save_proposal(found, day, replace=True)
        return redirect(_draft_url(saved))
    details = DraftDetailsForm(request.POST or None, instance=saved, prefix="details")
    items = DraftItemFormSet(request.POST or None, draft=saved, prefix="items")
    if request.method == "POST" and details.is_valid() and items.is_valid():
        with transaction.atomic():
            details.save()
            items.save_items()
        return redirect(_draft_url(saved) + "?saved=1")
    numbered = {item.pk: n for n, item in enumerate(ordered_items(saved), start=1)}
    for form in items.forms:
        form.item_number = numbered.get(form.instance.pk)
    downloads = {
        "pack_pdf": _draft_url(saved, "publish-pack-pdf"),
        "pack_html": _draft_url(saved, "publish-pack-html"),
        "minutes_template": _draft_url(saved, "publish-minutes-template"),
        "minutes_template_docx": _draft_url(saved, "publish-minutes-template-docx"),
    }
    context: dict[str, Any] = {
        "draft": saved,
        "when": long_date(day),
        "details": details,
        "items": items,
        "saved": request.GET.get("saved") == "1",
        "pdf_url": downloads["pack_pdf"],
        "html_url": downloads["pack_html"],
        "minutes_url": downloads["minutes_template"],
        "minutes_docx_url": downloads["minutes_template_docx"],
    }
    return render_page(request, "publish/draft_edit.html", context, _draft_data(saved, downloads))


def _saved_draft(request: HttpRequest, council: str, committee: str, date: str) -> DraftAgenda:
    _officer(request)
    found, day = _committee_and_date(council, committee, date)
    return get_object_or_404(DraftAgenda, committee=found, date=day)


def _filename(draft: DraftAgenda, what: str, ext: str) -> str:
    return f"{draft.committee.slug}-{draft.date.isoformat()}-{what}.{ext}"


@login_required
def pack_pdf(request: HttpRequest, council: str, committee: str, date: str) -> HttpResponse:
    saved = _saved_draft(request, council, committee, date)
    try:
        rendered = render_pack(build_pack(saved))
    except PackLayoutError as exc:
        return HttpResponse(str(exc), status=500, content_type="text/plain; charset=utf-8")
    response = HttpResponse(rendered.pdf(), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_filename(saved, "agenda-pack", "pdf")}"'
    return response


@login_required
def pack_html(request: HttpRequest, council: str, committee: str, date: str) -> HttpResponse:
    saved = _saved_draft(request, council, committee, date)
    try:
        rendered = render_pack(build_pack(saved))
    except PackLayoutError as exc:
        return HttpResponse(str(exc), status=500, content_type="text/plain; charset=utf-8")
    return HttpResponse(rendered.html, content_type="text/html; charset=utf-8")


@login_required
def minutes_template(request: HttpRequest, council: str, committee: str, date: str) -> HttpResponse:
    saved = _saved_draft(request, council, committee, date)
    response = HttpResponse(
        render_minutes_template(build_pack(saved)), content_type="text/html; charset=utf-8"
    )
    name = _filename(saved, "minutes-template", "html")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def minutes_template_word(
    request: HttpRequest, council: str, committee: str, date: str
) -> HttpResponse:
    saved = _saved_draft(request, council, committee, date)
    response = HttpResponse(
        minutes_template_docx(build_pack(saved)),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    name = _filename(saved, "minutes-template", "docx")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
