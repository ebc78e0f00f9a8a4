"""The search page: a form, ranked results with highlighted snippets, filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.http import urlencode

from minutebook.record import models as m
from minutebook.web.search import KINDS
from minutebook.web.search import search as run_search
from minutebook.web.twin import render_page
from minutebook.web.views.lookup import query_param

MAX_QUERY_CHARS = 10_000


def _date(value: str) -> tuple[dt.date | None, str | None]:
    if not value:
        return None, None
    try:
        return dt.date.fromisoformat(value.strip()[:10]), None
    except ValueError:
        return None, "Enter a date as YYYY-MM-DD, for example 2020-11-04"


def _page_number(value: str) -> int:
    try:
        return max(1, int(value[:6]))
    except ValueError:
        return 1


def search(request: HttpRequest) -> HttpResponse:
    text = query_param(request, "q", MAX_QUERY_CHARS)
    committee_slug = query_param(request, "committee", 200)
    kind = query_param(request, "kind", 40)
    date_from, from_error = _date(query_param(request, "from", 40))
    date_to, to_error = _date(query_param(request, "to", 40))
    errors = [
        {"field": name, "message": message}
        for name, message in (("from", from_error), ("to", to_error))
        if message
    ]
    committee_ids = (
        list(m.Committee.objects.filter(slug=committee_slug).values_list("pk", flat=True))
        if committee_slug
        else None
    )
    results = run_search(
        text,
        user=request.user,
        committee_ids=committee_ids,
        kinds=[kind] if kind in KINDS else None,
        date_from=date_from,
        date_to=date_to,
        page=_page_number(query_param(request, "page", 12) or "1"),
    )
    filters = {
        "q": text,
        "committee": committee_slug,
        "kind": kind if kind in KINDS else "",
        "from": date_from.isoformat() if date_from else "",
        "to": date_to.isoformat() if date_to else "",
    }
    data: dict[str, Any] = {
        "query": text,
        "terms": results.query.terms(),
        "filters": {k: v for k, v in filters.items() if k != "q" and v},
        "errors": errors,
        "total": results.total,
        "total_is_lower_bound": results.capped,
        "page": results.page,
        "pages": results.pages,
        "results": [
            {k: (str(v) if k == "snippet_html" else v) for k, v in row.items()}
            for row in results.results
        ],
    }
    base = {k: v for k, v in filters.items() if v}
    context = {
        "page": data,
        "results": results.results,
        "searched": not results.query.empty,
        "nav_section": "search",
        "first_number": (results.page - 1) * results.page_size + 1,
        "committees": m.Committee.objects.select_related("council").order_by("name"),
        "kinds": list(KINDS.items()),
        "form": filters,
        "previous_url": _page_url(base, results.page - 1) if results.page > 1 else None,
        "next_url": _page_url(base, results.page + 1) if results.page < results.pages else None,
    }
    return render_page(request, "web/search.html", context, data)


def _page_url(base: dict[str, str], page: int) -> str:
    return "?" + urlencode({**base, "page": page})
