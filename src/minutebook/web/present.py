"""The record as JSON-able dicts: one shape for a page and its JSON twin.

Text from papers is returned as plain strings; templates escape it (Django's
autoescaping), and JSON carries it as data, never as markup.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from minutebook.record import models as m
from minutebook.web import links

REPORT_HEADER_FIELDS = [
    ("item_number", "Item number"),
    ("classification", "Classification"),
    ("report_date", "Date"),
    ("meeting_name", "Meeting"),
    ("wards", "Wards or groups affected"),
    ("from_text", "From"),
    ("lead_officer", "Lead officer"),
    ("author", "Report author"),
    ("version", "Version"),
    ("dated", "Dated"),
    ("key_decision", "Key decision"),
    ("exempt_paragraph", "Exempt information"),
]


def meeting_summary(meeting: m.Meeting) -> dict[str, Any]:
    return {
        "committee": meeting.committee.name,
        "council": meeting.committee.council.name,
        "date": meeting.date,
        "time": meeting.start_time,
        "status": meeting.status,
        "title": f"{meeting.committee.name}, {meeting.date:%-d %B %Y}",
        "url": links.meeting_url(meeting),
    }


# Big columns a list of documents never shows (a document's name can fall back to its source's).
_HEAVY = ["text", "source__content", "source__text", "source__parse_output", "source__line_pages"]


def listed_documents(qs: QuerySet[m.Document]) -> QuerySet[m.Document]:
    """Documents for a list of papers: their source read in the same query (an untitled
    document is named after its file), without the text or bytes of either."""
    return qs.select_related("source").defer(*_HEAVY)


def document_data(document: m.Document) -> dict[str, Any]:
    return {
        "title": str(document),
        "kind": document.kind,
        "subkind": document.subkind,
        "classification": document.classification,
        "first_page": document.first_page,
        "last_page": document.last_page,
        "source_url": links.document_url(document),
    }


def agenda_item_data(item: m.AgendaItem) -> dict[str, Any]:
    return {
        "anchor": f"item-{item.order}",
        "number": item.number,
        "title": item.title,
        "description": item.description,
        "pages": item.pages,
        "lead_officer": item.lead_officer,
        "time": item.scheduled_time,
        "part": item.part,
        "supplement": item.supplement,
        "source_url": links.fact_source_url(item),
    }


def attendance_data(row: m.Attendance) -> dict[str, Any]:
    return {
        "name": row.person.name if row.person else row.name_as_written,
        "name_as_written": row.name_as_written,
        "honorific": row.honorific,
        "capacity": row.capacity,
        "status": row.status,
        "role": row.role,
        "post_nominals": row.post_nominals,
        "replaces": row.replaces.name if row.replaces else row.replaces_as_written,
        "url": links.person_url(row.person) if row.person else None,
        "source_url": links.fact_source_url(row),
    }


def declaration_data(row: m.Declaration) -> dict[str, Any]:
    return {
        "name": row.person.name if row.person else row.name_as_written,
        "url": links.person_url(row.person) if row.person else None,
        "item": row.agenda_item.number if row.agenda_item else row.item_as_written,
        "text": row.text,
        "kind": row.kind,
        "source_url": links.fact_source_url(row),
    }


def minute_data(minute: m.Minute, resolutions: list[m.Resolution]) -> dict[str, Any]:
    """A minute and its resolutions (already filtered by visibility, in order)."""
    return {
        "anchor": f"minute-{minute.order}",
        "number": minute.number,
        "title": minute.title,
        "discussion": minute.discussion,
        "reasons": minute.reasons,
        "part": minute.part,
        "source_url": links.fact_source_url(minute),
        "resolutions": [
            {
                "anchor": f"resolution-{r.pk}",
                "number": r.number,
                "text": r.text,
                "source_url": links.fact_source_url(r),
            }
            for r in resolutions
        ],
    }


# A fact's document is read for its provenance link (source and first line), never for its
# text: a meeting page's twenty attendance rows would otherwise each read the minutes' text.
# A report listed by its summary needs none of its parsed parts either.
REPORT_SUMMARY_DEFER = (
    "document__text",
    "sections",
    "tables",
    "recommendations",
    "audit_trail",
)


def report_summary(report: m.Report) -> dict[str, Any]:
    return {
        "title": report.title,
        "item_number": report.item_number,
        "from": report.from_text,
        "classification": report.classification,
        "url": links.report_url(report),
    }


def _span_url(report: m.Report, span: Any) -> str | None:
    if report.document is None:
        return None
    line = span.get("first_line") if isinstance(span, dict) else None
    return links.source_url(report.document.source_id, line or report.first_line)


def _numbered(entries: Any) -> list[dict[str, Any]]:
    """Recommendations are stored as strings or as {"number", "text", "span"} dicts."""
    out = []
    for entry in entries or []:
        if isinstance(entry, dict):
            out.append({"number": entry.get("number"), "text": str(entry.get("text", ""))})
        else:
            out.append({"number": None, "text": str(entry)})
    return out


def _table(table: Any) -> dict[str, Any] | None:
    if not isinstance(table, dict):
        return None
    header = [str(cell) for cell in table.get("header") or []]
    rows = [[str(cell) for cell in row] for row in table.get("rows") or [] if isinstance(row, list)]
    return {"caption": table.get("caption"), "header": header, "rows": rows}


def report_data(report: m.Report) -> dict[str, Any]:
    header = []
    for field, label in REPORT_HEADER_FIELDS:
        value = getattr(report, field)
        if value in (None, ""):
            continue
        if field == "key_decision":
            value = "Yes" if value else "No"
        header.append({"field": field, "label": label, "value": value})
    meeting = report.meeting
    committee = report.committee or (meeting.committee if meeting else None)
    sections = [
        {
            "heading": str(section.get("heading", "")),
            "text": str(section.get("text", "")),
            "source_url": _span_url(report, section.get("span")),
        }
        for section in report.sections or []
        if isinstance(section, dict)
    ]
    tables = [t for t in (_table(x) for x in report.tables or []) if t]
    audit = report.audit_trail if isinstance(report.audit_trail, dict) else None
    return {
        **report_summary(report),
        "header": header,
        "meeting": meeting_summary(meeting) if meeting else None,
        "committee": committee.name if committee else None,
        "committee_url": links.committee_url(committee) if committee else None,
        "recommendations": _numbered(report.recommendations),
        "sections": sections,
        "tables": tables,
        "audit_trail": {k: v for k, v in (audit or {}).items() if k != "span"} or None,
        "source_url": links.fact_source_url(report),
    }
