"""The parser's output contract: typed, frozen models.

This module is the boundary between the parser and everything else. The
parser emits these objects; the record loader (and nothing in the parser)
maps them to database rows. `to_json()` gives the documented JSON shape
(see `schema/parse-output.schema.json`); names here must match it.

Lines are 1-based line numbers of `ParseResult.text` (the normalised text of
the whole source); pages are 1-based page numbers where the input has pages.
"""

from __future__ import annotations

import copyreg
from dataclasses import dataclass, fields
from typing import Any, Literal

DocumentKind = Literal[
    "agenda", "minutes", "report", "letter", "decision", "distribution_list", "other"
]
# Finer classification of a document inside a pack (kept alongside `kind`).
DocumentSubkind = Literal[
    "front_sheet",
    "order_of_business",
    "supplemental_agenda",
    "minutes",
    "report",
    "appendix",
    "work_plan",
    "letter",
    "decision_notice",
    "distribution_list",
    "other",
]
MemberRole = Literal["chair", "vice-chair", "member", "reserve", "co-opted"]
AttendanceStatus = Literal["present", "apologies", "absent"]
AttendanceCapacity = Literal["member", "substitute", "co-opted", "officer", "other"]
Part = Literal["open", "closed"]
SourceFormat = Literal["text", "markdown", "html", "pdf", "docx", "xml"]


@dataclass(frozen=True, slots=True)
class Span:
    """Where something came from: inclusive 1-based line range, and pages when known."""

    first_line: int
    last_line: int
    first_page: int | None = None
    last_page: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "first_line": self.first_line,
            "last_line": self.last_line,
            "first_page": self.first_page,
            "last_page": self.last_page,
        }


@dataclass(frozen=True, slots=True)
class MeetingRef:
    date: str | None = None  # YYYY-MM-DD
    time: str | None = None  # HH:MM, 24-hour
    venue: str | None = None
    online: bool | None = None

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date, "time": self.time, "venue": self.venue, "online": self.online}


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    honorific: str | None
    role: MemberRole
    span: Span
    voting: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "honorific": self.honorific,
            "role": self.role,
            "voting": self.voting,
            "span": self.span.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Contact:
    name: str | None
    email: str | None
    phone: str | None
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "email": self.email,
            "phone": self.phone,
            "span": self.span.to_json(),
        }


@dataclass(frozen=True, slots=True)
class AgendaItem:
    number: str | None
    title: str
    pages: str | None  # "9-18"
    time: str | None  # HH:MM
    part: Part
    span: Span
    description: str | None = None
    # The officer (or member) presenting the item, from an order of business printed as a
    # table with a "Lead officer" / "Report author" / "Presenter" column.
    lead_officer: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "pages": self.pages,
            "time": self.time,
            "part": self.part,
            "description": self.description,
            "lead_officer": self.lead_officer,
            "span": self.span.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Attendee:
    name: str
    honorific: str | None
    status: AttendanceStatus
    capacity: AttendanceCapacity
    role: (
        str | None
    )  # role or job title as printed, e.g. "Chair", "Director of Children and Families"
    span: Span
    replaces: str | None = None  # for substitutes: the member they stand in for
    # Honours and offices printed after the name ("OBE JP", "MSP"): never part of `name`.
    post_nominals: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "honorific": self.honorific,
            "status": self.status,
            "capacity": self.capacity,
            "role": self.role,
            "replaces": self.replaces,
            "post_nominals": self.post_nominals,
            "span": self.span.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Declaration:
    name: str | None
    item: str | None
    text: str
    span: Span
    kind: str | None = None  # e.g. "pecuniary", "other", "none"

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "item": self.item,
            "text": self.text,
            "kind": self.kind,
            "span": self.span.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Resolution:
    text: str  # marker ("RESOLVED:") and numbering removed
    number: str | None
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "text": self.text, "span": self.span.to_json()}


@dataclass(frozen=True, slots=True)
class MinuteItem:
    number: str | None
    title: str
    resolutions: tuple[Resolution, ...]
    span: Span
    discussion: str = ""  # the minuted discussion, resolutions excluded
    reasons: str = ""  # "Reasons for decision" printed with the item, once
    part: Part = "open"  # "closed": after a "PART II" / exempt-business heading

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "title": self.title,
            "resolutions": [r.text for r in self.resolutions],
            "resolution_details": [r.to_json() for r in self.resolutions],
            "discussion": self.discussion,
            "reasons": self.reasons,
            "part": self.part,
            "span": self.span.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Section:
    heading: str
    text: str
    span: Span
    # Depth of the heading (1 = top) where its numbering or markup tells it
    # ("2." -> 1, "2.3" -> 2, "## X" -> 2); None when nothing tells it.
    level: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "heading": self.heading,
            "text": self.text,
            "span": self.span.to_json(),
            "level": self.level,
        }


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    span: Span
    caption: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "caption": self.caption,
            "header": list(self.header),
            "rows": [list(r) for r in self.rows],
            "span": self.span.to_json(),
        }


@dataclass(frozen=True, slots=True)
class ConsultationRow:
    """One row of an audit trail's consultation table (officer, comments sought/included)."""

    officer: str
    comments_sought: bool | None
    comments_included: bool | None
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {
            "officer": self.officer,
            "comments_sought": self.comments_sought,
            "comments_included": self.comments_included,
            "span": self.span.to_json(),
        }


@dataclass(frozen=True, slots=True)
class AuditTrail:
    lead_officer: str | None = None
    report_author: str | None = None
    version: str | None = None
    dated: str | None = None  # YYYY-MM-DD
    key_decision: bool | None = None
    span: Span | None = None
    consultation: tuple[ConsultationRow, ...] = ()
    final_report_sent: str | None = None  # YYYY-MM-DD, sent to the constitutional team

    def to_json(self) -> dict[str, Any]:
        return {
            "lead_officer": self.lead_officer,
            "report_author": self.report_author,
            "version": self.version,
            "dated": self.dated,
            "key_decision": self.key_decision,
            "consultation": [c.to_json() for c in self.consultation],
            "final_report_sent": self.final_report_sent,
            "span": self.span.to_json() if self.span else None,
        }


@dataclass(frozen=True, slots=True)
class Recommendation:
    number: str | None
    text: str
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "text": self.text, "span": self.span.to_json()}


@dataclass(frozen=True, slots=True)
class WorkPlanEntry:
    meeting_date: str  # YYYY-MM-DD
    items: tuple[str, ...]
    span: Span

    def to_json(self) -> dict[str, Any]:
        return {
            "meeting_date": self.meeting_date,
            "items": list(self.items),
            "span": self.span.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Agenda:
    """Agenda-specific facts (front sheet, order of business, supplements)."""

    supplement: int | None = None
    membership: tuple[Member, ...] = ()
    contacts: tuple[Contact, ...] = ()
    items: tuple[AgendaItem, ...] = ()
    published: str | None = None  # YYYY-MM-DD, the "Date:" of the front sheet


@dataclass(frozen=True, slots=True)
class Minutes:
    attendance: tuple[Attendee, ...] = ()
    declarations: tuple[Declaration, ...] = ()
    items: tuple[MinuteItem, ...] = ()
    end_time: str | None = None
    part: Part = "open"
    # The "CHAIR:" / "DATED:" (or "Signed ... Chair  Date ...") lines closing the
    # minutes: who signed and when, None where the line is left blank.
    signed_by_chair: str | None = None
    signed_date: str | None = None  # YYYY-MM-DD
    signature_span: Span | None = None  # the signature lines, also when blank
    # Minuted text before the first item (a petition presented, a hearing's procedure).
    preamble: str = ""
    preamble_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Report:
    item_number: str | None = None
    classification: str | None = None  # "open" | "closed" as printed, normalised lower-case
    exempt_paragraph: str | None = None
    date: str | None = None  # YYYY-MM-DD
    meeting_name: str | None = None
    wards: str | None = None
    from_: str | None = None
    recommendations: tuple[Recommendation, ...] = ()
    sections: tuple[Section, ...] = ()
    tables: tuple[Table, ...] = ()
    audit_trail: AuditTrail | None = None
    appendices: tuple[str, ...] = ()  # as listed in the report ("Appendix 1: Letter from Ofsted")
    summary: str | None = None
    addressee: str | None = None  # letters: who the letter is to


@dataclass(frozen=True, slots=True)
class Document:
    kind: DocumentKind
    subkind: DocumentSubkind
    title: str | None
    committee: str | None
    council: str | None
    meeting: MeetingRef
    span: Span
    agenda: Agenda | None = None
    minutes: Minutes | None = None
    report: Report | None = None
    work_plan: tuple[WorkPlanEntry, ...] = ()
    tables: tuple[Table, ...] = ()  # tables of documents that are not reports
    part: Part = "open"
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "subkind": self.subkind,
            "title": self.title,
            "committee": self.committee,
            "council": self.council,
            "meeting": self.meeting.to_json(),
            "span": self.span.to_json(),
            "part": self.part,
            "warnings": list(self.warnings),
        }
        if self.agenda is not None:
            a = self.agenda
            out["supplement"] = a.supplement
            out["published"] = a.published
            out["membership"] = [m.to_json() for m in a.membership]
            out["contacts"] = [c.to_json() for c in a.contacts]
            out["items"] = [i.to_json() for i in a.items]
        if self.minutes is not None:
            m = self.minutes
            out["attendance"] = [x.to_json() for x in m.attendance]
            out["declarations"] = [d.to_json() for d in m.declarations]
            out["items"] = [i.to_json() for i in m.items]
            out["end_time"] = m.end_time
            out["signed_by_chair"] = m.signed_by_chair
            out["signed_date"] = m.signed_date
            out["signature_span"] = m.signature_span.to_json() if m.signature_span else None
            out["preamble"] = m.preamble
            out["preamble_span"] = m.preamble_span.to_json() if m.preamble_span else None
        if self.report is not None:
            r = self.report
            out.update(
                {
                    "item_number": r.item_number,
                    "classification": r.classification,
                    "exempt_paragraph": r.exempt_paragraph,
                    "date": r.date,
                    "meeting_name": r.meeting_name,
                    "wards": r.wards,
                    "from": r.from_,
                    "recommendations": [x.text for x in r.recommendations],
                    "recommendation_details": [x.to_json() for x in r.recommendations],
                    "sections": [s.to_json() for s in r.sections],
                    "tables": [t.to_json() for t in r.tables],
                    "audit_trail": r.audit_trail.to_json() if r.audit_trail else None,
                    "appendices": list(r.appendices),
                    "summary": r.summary,
                    "addressee": r.addressee,
                }
            )
        elif self.tables:
            out["tables"] = [t.to_json() for t in self.tables]
        out["work_plan"] = [w.to_json() for w in self.work_plan]
        return out


@dataclass(frozen=True, slots=True)
class SourceInfo:
    path: str
    sha256: str
    format: SourceFormat
    size: int
    pages: int | None = None
    encoding: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "format": self.format,
            "size": self.size,
            "pages": self.pages,
            "encoding": self.encoding,
        }


@dataclass(frozen=True, slots=True)
class ParseResult:
    """Everything parsed from one source file."""

    source: SourceInfo
    parser_version: str
    text: str  # the normalised text that every span points into
    line_pages: tuple[int | None, ...]  # page of each line (index 0 is line 1)
    documents: tuple[Document, ...] = ()
    warnings: tuple[str, ...] = ()
    adapter: str | None = None  # name of the vendor adapter used, if any

    def lines(self) -> list[str]:
        return self.text.split("\n")

    def span_text(self, span: Span) -> str:
        return "\n".join(self.lines()[span.first_line - 1 : span.last_line])

    def to_json(self, *, include_text: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source.to_json(),
            "parser_version": self.parser_version,
            "adapter": self.adapter,
            "warnings": list(self.warnings),
            "documents": [d.to_json() for d in self.documents],
        }
        if include_text:
            out["text"] = self.text
        return out


class ParseError(Exception):
    """Input the parser cannot read at all. `code` is the CLI exit code (see parser/cli.py)."""

    def __init__(self, message: str, code: int = 3) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


def _rebuilt(cls: type[Any], values: tuple[Any, ...]) -> Any:
    return cls(*values)


def _reduce(obj: Any) -> tuple[Any, ...]:
    return (_rebuilt, (type(obj), tuple(getattr(obj, f.name) for f in fields(obj))))


# Parse results cross process boundaries (ingest parses in worker processes). Pickle rebuilds
# them through their constructors: the compiled build's frozen classes take no other way in.
for _model in (
    Span,
    MeetingRef,
    Member,
    Contact,
    AgendaItem,
    Attendee,
    Declaration,
    Resolution,
    MinuteItem,
    Section,
    Table,
    ConsultationRow,
    AuditTrail,
    Recommendation,
    WorkPlanEntry,
    Agenda,
    Minutes,
    Report,
    Document,
    SourceInfo,
    ParseResult,
):
    copyreg.pickle(_model, _reduce)
