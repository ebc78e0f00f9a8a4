"""A source paper's text, with every extracted fact highlighted and linked.

Provenance you can see: each fact's lines are marked, and the fact links to
the page that shows it; each page links back here (`#L<line>`). An anonymous
visitor sees only the lines of open documents of a source that also holds
closed ones; the rest is withheld without saying what it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from minutebook.record import models as m
from minutebook.record.visibility import can_see_closed, visible_rows
from minutebook.web import links
from minutebook.web.present import document_data
from minutebook.web.redaction import WITHHELD_FACTS
from minutebook.web.twin import render_page

Fact = dict[str, Any]


def _meeting_anchor(meeting: m.Meeting, anchor: str) -> str:
    return f"{links.meeting_url(meeting)}#{anchor}"


def _facts(source: m.SourceFile, user: Any, documents: list[int]) -> tuple[list[Fact], set[int]]:
    """Every visible fact read from this source (its `documents`), with its line span and
    where it is shown; and the lines of the facts a visitor may not see (closed business
    inside an open document: the same lines as `redaction.closed_lines()`).

    Each kind of fact is read once, then `record.visibility.visible_rows()` keeps what the
    user may see: flat queries, cheap however large the archive is."""
    specs: list[tuple[Any, list[str], Callable[[Any], tuple[str, str]]]] = [
        (
            m.Membership.objects,
            ["person", "committee__council"],
            lambda f: (
                f"Membership: {f.person.name}, {f.get_role_display()}",
                links.committee_url(f.committee),
            ),
        ),
        (
            m.OfficerTitle.objects,
            ["person__council"],
            lambda f: (f"Job title: {f.person.name}, {f.title}", links.person_url(f.person)),
        ),
        (
            m.AgendaItem.objects,
            ["meeting__committee__council"],
            lambda f: (
                f"Agenda item {f.number}: {f.title}".replace("item : ", "item: "),
                _meeting_anchor(f.meeting, f"item-{f.order}"),
            ),
        ),
        (
            m.Attendance.objects,
            ["meeting__committee__council"],
            lambda f: (
                f"Attendance: {f.name_as_written} ({f.get_status_display().lower()})",
                _meeting_anchor(f.meeting, "attendance"),
            ),
        ),
        (
            m.Minute.objects,
            ["meeting__committee__council"],
            lambda f: (f"Minute: {f.title}", _meeting_anchor(f.meeting, f"minute-{f.order}")),
        ),
        (
            m.Resolution.objects,
            ["minute__meeting__committee__council"],
            lambda f: (
                f"Resolution: {f.text[:80]}",
                _meeting_anchor(f.minute.meeting, f"resolution-{f.pk}"),
            ),
        ),
        (
            m.Declaration.objects,
            ["meeting__committee__council"],
            lambda f: (
                f"Declaration: {f.name_as_written or 'interest'}",
                _meeting_anchor(f.meeting, "declarations"),
            ),
        ),
        (m.Report.objects, [], lambda f: (f"Report: {f.title}", links.report_url(f))),
        (
            m.WorkPlanEntry.objects,
            ["committee__council"],
            lambda f: (f"Work plan: {f.title}", links.committee_url(f.committee) + "#work-plan"),
        ),
    ]
    facts: list[Fact] = []
    withheld: set[int] = set()
    officer = can_see_closed(user)
    for manager, related, describe in specs:
        # By document id, so that each fact table is read through its index on `document`.
        qs = manager.filter(document_id__in=documents)
        if related:
            qs = qs.select_related(*related)
        rows = list(qs)
        shown = rows if officer else visible_rows(rows, user)
        if len(shown) < len(rows) and manager.model in WITHHELD_FACTS:
            shown_ids = {row.pk for row in shown}
            for row in rows:
                if row.pk not in shown_ids and row.first_line is not None:
                    withheld.update(range(row.first_line, (row.last_line or row.first_line) + 1))
        for row in shown:
            if row.first_line is None:
                continue
            label, url = describe(row)
            facts.append(
                {
                    "label": label,
                    "url": url,
                    "first_line": row.first_line,
                    "last_line": row.last_line or row.first_line,
                }
            )
    facts.sort(key=lambda f: (f["first_line"], f["label"]))
    return facts, withheld


def source(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        found = m.SourceFile.objects.defer("content").get(pk=pk)
    except m.SourceFile.DoesNotExist:
        raise Http404("No such source paper.") from None
    user = request.user
    every_document = list(found.documents.order_by("first_line"))
    documents = visible_rows(every_document, user)
    # A visitor sees the whole text only when no document of it is closed (`public_sources`).
    whole = len(documents) == len(every_document)
    if not whole and not documents:
        raise Http404("No such source paper.")
    shown: set[int] | None = None
    if not whole:
        shown = set()
        for document in documents:
            shown.update(range(document.first_line, document.last_line + 1))
    facts, withheld = _facts(found, user, [d.pk for d in every_document])
    if withheld:
        shown = shown if shown is not None else set(range(1, found.text.count("\n") + 2))
        shown -= withheld
        whole = False
    text_lines = found.text.split("\n") if found.text else []
    by_line: dict[int, list[Fact]] = {}
    highlighted: set[int] = set()
    for fact in facts:
        by_line.setdefault(fact["first_line"], []).append(fact)
        highlighted.update(range(fact["first_line"], fact["last_line"] + 1))
    document_starts = {d.first_line: d for d in documents}
    lines: list[dict[str, Any]] = []
    withheld_run = False
    for number, text in enumerate(text_lines, start=1):
        if shown is not None and number not in shown:
            withheld_run = True
            continue
        if withheld_run:
            # A gap, never its size: the size of closed business is not public either.
            lines.append({"withheld": True})
            withheld_run = False
        start = document_starts.get(number)
        lines.append(
            {
                "number": number,
                "text": text,
                "fact": number in highlighted,
                "facts": by_line.get(number, []),
                "document": str(start) if start else None,
            }
        )
    if withheld_run:
        lines.append({"withheld": True})
    data = {
        "name": found.original_name,
        "format": found.format,
        "size": found.size,
        "pages": found.page_count,
        "sha256": found.sha256,
        "parse_status": found.parse_status,
        "parser_version": found.parser_version,
        "complete": whole,
        "documents": [document_data(d) for d in documents],
        "facts": facts,
        "lines": lines,
    }
    return render_page(request, "web/source.html", {"page": data}, data)
