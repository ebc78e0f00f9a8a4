"""OParl 1.1 endpoints: the System, objects, external object lists and file access.

Only the public record is ever published (see `serialize.py`); the views add
what depends on the request: the absolute base URL, `created`/`modified`/
`deleted` from the publication table, paging and the list filters of spec 2.5.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotModified,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from minutebook.api.models import PublishedListEntry, PublishedObject
from minutebook.api.oparl import OPARL_BASE_TOKEN, SCHEMA_PREFIX, SITE_BASE_TOKEN
from minutebook.api.oparl.links import LIST_SEGMENT
from minutebook.api.oparl.publish import ensure_published
from minutebook.api.oparl.serialize import system_object
from minutebook.record import models as m
from minutebook.record import visibility as vis

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
FILTERS = ("created_since", "created_until", "modified_since", "modified_until")
# Internal lists a client may ask us to leave out with omit_internal=true (spec 2.5).
INTERNAL_LISTS = {
    "AgendaItem": ("auxiliaryFile",),
    "Meeting": ("auxiliaryFile", "agendaItem"),
    "Paper": ("auxiliaryFile", "location"),
    "Person": ("membership",),
    "Body": ("legislativeTerm",),
}
TOP_LISTS = ("bodies", "other-files")  # lists of the System rather than of an object
LIST_PATH = re.compile(
    r"^(?:bodies|other-files|body/[-\w]+/(?:{segments})|organization/\d+/meeting)$".format(
        segments="|".join(sorted(set(LIST_SEGMENT.values())))
    )
)


class BadRequest(Exception):
    pass


OPARL_PATH = "/oparl/v1/"  # where minutebook.urls mounts oparl_urls


def oparl_base(request: HttpRequest) -> str:
    return request.build_absolute_uri(OPARL_PATH)


def oparl_json(data: Any, status: int = 200) -> JsonResponse:
    response = JsonResponse(
        data, status=status, safe=False, json_dumps_params={"ensure_ascii": False, "indent": 1}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def oparl_error(status: int, message: str, debug: str = "") -> JsonResponse:
    """The spec's error object (2.9), which also carries the site's JSON error shape."""
    title = {400: "Bad request", 404: "Not found", 410: "Gone"}.get(status, "Error")
    return oparl_json(
        {
            "type": SCHEMA_PREFIX + "Error",
            "message": message,
            "debug": debug,
            "error": {"status": status, "title": title, "detail": message},
        },
        status=status,
    )


def _absolute(value: Any, base: str) -> Any:
    """Swap the placeholders of stored payloads for this request's OParl base and site root."""
    if isinstance(value, str):
        if value.startswith(OPARL_BASE_TOKEN):
            return base + value[len(OPARL_BASE_TOKEN) :]
        if value.startswith(SITE_BASE_TOKEN):
            site_root = base.removesuffix(OPARL_PATH)
            return site_root + "/" + value[len(SITE_BASE_TOKEN) :].lstrip("/")
        return value
    if isinstance(value, list):
        return [_absolute(v, base) for v in value]
    if isinstance(value, dict):
        return {k: _absolute(v, base) for k, v in value.items()}
    return value


def _embedded_paths(value: Any, out: set[str]) -> None:
    if isinstance(value, dict):
        ident = value.get("id")
        if isinstance(ident, str) and ident.startswith(OPARL_BASE_TOKEN) and "type" in value:
            out.add(ident[len(OPARL_BASE_TOKEN) :])
        for v in value.values():
            _embedded_paths(v, out)
    elif isinstance(value, list):
        for v in value:
            _embedded_paths(v, out)


def _timestamp(value: dt.datetime) -> str:
    return value.astimezone(_tz()).replace(microsecond=0).isoformat()


def _tz() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def _stamp(value: Any, times: dict[str, tuple[str, str]], top: bool) -> Any:
    """Add created/modified to every embedded object (the top object is stamped by the caller)."""
    if isinstance(value, list):
        return [_stamp(v, times, False) for v in value]
    if not isinstance(value, dict):
        return value
    out = {k: _stamp(v, times, False) for k, v in value.items()}
    ident = value.get("id")
    if not top and isinstance(ident, str) and ident.startswith(OPARL_BASE_TOKEN):
        known = times.get(ident[len(OPARL_BASE_TOKEN) :])
        if known:
            out["created"], out["modified"] = known
    return out


def render_objects(
    objects: list[PublishedObject], base: str, omit_internal: bool = False
) -> list[dict[str, Any]]:
    """Published rows as OParl JSON: absolute URLs, timestamps on every (embedded) object."""
    wanted: set[str] = set()
    for obj in objects:
        if not obj.deleted:
            _embedded_paths(obj.payload, wanted)
    times = {
        path: (_timestamp(created), _timestamp(modified))
        for path, created, modified in PublishedObject.objects.filter(
            path__in=wanted, deleted=False
        ).values_list("path", "created", "modified")
    }
    rendered = []
    for obj in objects:
        payload = dict(obj.payload)
        if omit_internal:
            for name in INTERNAL_LISTS.get(obj.kind, ()):
                payload.pop(name, None)
        payload = _stamp(payload, times, True)
        payload["created"] = _timestamp(obj.created)
        payload["modified"] = _timestamp(obj.modified)
        if obj.deleted:
            payload["deleted"] = True
        rendered.append(_absolute(payload, base))
    return rendered


def parse_datetime_param(name: str, raw: str) -> dt.datetime:
    # An unencoded "+" in a query string arrives as a space.
    text = raw.strip().replace(" ", "+")
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise BadRequest(
            f"{name} must be a date-time such as 2020-11-04T14:00:00+00:00, not {raw!r}."
        ) from exc
    if value.tzinfo is None:
        value = value.replace(tzinfo=_tz())
    return value


def parse_positive_int(name: str, raw: str | None, default: int, maximum: int | None) -> int:
    if raw is None or raw == "":
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise BadRequest(f"{name} must be a whole number of at least 1, not {raw!r}.")
    value = int(raw)
    return min(value, maximum) if maximum else value


def list_response(request: HttpRequest, list_path: str) -> HttpResponse:
    params = request.GET
    try:
        filters = {
            name: parse_datetime_param(name, params[name]) for name in FILTERS if name in params
        }
        limit = parse_positive_int("limit", params.get("limit"), DEFAULT_LIMIT, MAX_LIMIT)
        page = parse_positive_int("page", params.get("page"), 1, None)
    except BadRequest as exc:
        return oparl_error(400, str(exc))
    omit_internal = params.get("omit_internal", "").lower() == "true"

    rows = PublishedObject.objects.filter(
        pk__in=PublishedListEntry.objects.filter(list_path=list_path).values("item_id")
    ).order_by("pk")
    if "created_since" in filters:
        rows = rows.filter(created__gte=filters["created_since"])
    if "created_until" in filters:
        rows = rows.filter(created__lte=filters["created_until"])
    if "modified_since" in filters:
        rows = rows.filter(modified__gte=filters["modified_since"])
    if "modified_until" in filters:
        rows = rows.filter(modified__lte=filters["modified_until"])
    # Deleted objects are listed only to clients updating a copy (spec 2.5, new in 1.1).
    if "modified_since" not in filters:
        rows = rows.filter(deleted=False)

    total = rows.count()
    pages = max(1, -(-total // limit))
    if page > pages:
        return oparl_error(404, f"This list has {pages} page(s); there is no page {page}.")
    objects = list(rows[(page - 1) * limit : page * limit])
    base = oparl_base(request)

    kept = {name: params[name] for name in FILTERS if name in params}
    if "limit" in params:
        kept["limit"] = str(limit)
    if omit_internal:
        kept["omit_internal"] = "true"

    def page_url(number: int) -> str:
        query = dict(kept)
        if number > 1:
            query["page"] = str(number)
        encoded = urlencode(sorted(query.items()))
        return base + list_path + ("?" + encoded if encoded else "")

    links = {"first": page_url(1), "self": page_url(page), "last": page_url(pages)}
    if page > 1:
        links["prev"] = page_url(page - 1)
    if page < pages:
        links["next"] = page_url(page + 1)
    return oparl_json(
        {
            "data": render_objects(objects, base, omit_internal),
            "pagination": {
                "totalElements": total,
                "elementsPerPage": limit,
                "currentPage": page,
                "totalPages": pages,
            },
            "links": links,
        }
    )


@require_safe
def system(request: HttpRequest) -> HttpResponse:
    return oparl_json(_absolute(system_object(), oparl_base(request)))


@require_safe
def resource(request: HttpRequest, path: str) -> HttpResponse:
    """An object (`meeting/12`) or an external object list (`body/x/meeting`)."""
    if path.endswith("/"):
        # One canonical URL per object (spec 2.3): no trailing slash.
        query = request.META.get("QUERY_STRING", "")
        target = oparl_base(request) + path.rstrip("/") + (f"?{query}" if query else "")
        return HttpResponsePermanentRedirect(target)
    ensure_published()
    if LIST_PATH.match(path):
        parent = path.rsplit("/", 1)[0]
        if path not in TOP_LISTS and not PublishedObject.objects.filter(path=parent).exists():
            return oparl_error(404, f"There is no {parent} in this record.")
        return list_response(request, path)
    obj = PublishedObject.objects.filter(path=path).first()
    if obj is None:
        return oparl_error(404, f"There is no object at {path} in this record.")
    omit_internal = request.GET.get("omit_internal", "").lower() == "true"
    return oparl_json(render_objects([obj], oparl_base(request), omit_internal)[0])


@require_safe
def file_content(request: HttpRequest, pk: int, download: bool = False) -> HttpResponse:
    """The original bytes of a public source file (accessUrl inline, downloadUrl attachment)."""
    ensure_published()
    source = (
        vis.public_sources(m.SourceFile.objects.filter(pk=pk))
        .only("pk", "sha256", "original_name", "media_type", "size", "ingested_at")
        .first()
    )
    if source is None:
        if PublishedObject.objects.filter(path=f"file/{pk}", deleted=True).exists():
            return oparl_error(410, "This file has been withdrawn from publication.")
        return oparl_error(404, f"There is no public file {pk}.")
    etag = f'"{source.sha256}"'
    if etag in request.headers.get("If-None-Match", ""):
        return HttpResponseNotModified()
    content = bytes(m.SourceFile.objects.values_list("content", flat=True).get(pk=pk))
    response = HttpResponse(content, content_type=source.media_type or "application/octet-stream")
    response["ETag"] = etag
    response["Content-Length"] = str(len(content))
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    # Papers may be HTML: shown here, they run no script and load nothing.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'"
    if download:
        name = source.original_name.replace("/", "_") or f"file-{pk}"
        response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@require_safe
def file_download(request: HttpRequest, pk: int) -> HttpResponse:
    return file_content(request, pk, download=True)
