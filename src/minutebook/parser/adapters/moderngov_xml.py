"""Adapter for Modern.gov web-service `GetMeeting` XML responses.

The response carries the meeting, its agenda items (agenda text, minutes and
decision bodies as entity-escaped Word HTML), linked documents and the
attendees with role and attendance status. The adapter renders a readable
text of the whole meeting (the normalised text that spans point into) and
builds the agenda and minutes documents directly from the structure, since
the fields are explicit here and need no guessing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from minutebook.parser.council import council_from_domain
from minutebook.parser.dates import parse_date, parse_time
from minutebook.parser.declarations import extract_declarations
from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import (
    Agenda,
    AgendaItem,
    AttendanceCapacity,
    AttendanceStatus,
    Attendee,
    Declaration,
    Document,
    MeetingRef,
    Member,
    MinuteItem,
    Minutes,
    ParseError,
    Resolution,
    Span,
)
from minutebook.parser.names import member_role, split_honorific
from minutebook.parser.readers.html import html_to_lines
from minutebook.parser.resolutions import extract_resolutions

NAME = "moderngov-xml"

_RESOLVED = re.compile(
    r"^\s*(?:unanimously\s+)?(?:resolved|agreed|decision|decided)\b\s*(?:that)?\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
# "(1)", "1.", "1)", "(a)", "a)" at the start of a resolution paragraph.
_NUMBERED = re.compile(r"^\s*(\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s*(.*)$", re.IGNORECASE)


def is_moderngov_meeting(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return (
        head.startswith(b"<?xml")
        and b"<meeting>" in head
        and (b"<meetingid>" in head or b"<agendaitems>" in data[:200_000])
    )


@dataclass
class _TextBuilder:
    lines: list[Line] = field(default_factory=list)

    def add(self, text: str = "") -> Line:
        line = Line(number=len(self.lines) + 1, text=text)
        self.lines.append(line)
        return line

    def add_all(self, texts: Sequence[str]) -> list[Line]:
        return [self.add(t) for t in texts]

    def since(self, start: int) -> list[Line]:
        """Lines added since `start`, without trailing blank lines (spans end on text)."""
        end = len(self.lines)
        while end > start + 1 and not self.lines[end - 1].text:
            end -= 1
        return self.lines[start:end]

    def blank(self) -> None:
        if self.lines and self.lines[-1].text:
            self.add()


@dataclass(frozen=True, slots=True)
class AdaptedMeeting:
    text: str
    documents: tuple[Document, ...]
    warnings: tuple[str, ...]


def _text(node: Any, tag: str) -> str:
    """Text of a child element, entity-unescaped twice (titles arrive double-escaped)."""
    value = node.findtext(tag) or ""
    return html.unescape(value).strip()


def _flag(node: Any, tag: str) -> bool:
    return _text(node, tag).lower() == "true"


def _number(main: str, sub: str) -> str | None:
    main = main.strip().rstrip(".")
    return (main + sub.strip()) if main else None


def _split_resolutions(paragraphs: Sequence[Line]) -> list[tuple[str | None, str, Span]]:
    """Decision paragraphs -> (number, text, span), with the marker and numbering removed."""
    out: list[tuple[str | None, str, Span]] = []
    started = False
    for line in paragraphs:
        text = line.text.strip()
        if not text:
            continue
        marker = _RESOLVED.match(text)
        if marker:
            started = True
            text = text[marker.end() :].strip()
            if not text:
                continue
        if not started:
            continue
        m = _NUMBERED.match(text)
        if m and m.group(2):
            out.append((m.group(1).strip("().").strip(), m.group(2).strip(), span_of([line])))
        elif m:
            out.append((m.group(1).strip("().").strip(), "", span_of([line])))
        elif out and not out[-1][1]:
            number, _, span = out[-1]
            out[-1] = (number, text, Span(span.first_line, line.number))
        else:
            out.append((None, text, span_of([line])))
    return [r for r in out if r[1]]


def _resolutions(lines: Sequence[Line], *, whole_if_unmarked: bool) -> list[Resolution]:
    """Resolutions by the parser's general rules; the adapter's own split as a fallback.

    A Modern.gov decision body is a decision even without a "RESOLVED" marker,
    so when asked, an unmarked body becomes one resolution.
    """
    if not lines:
        return []
    found, _ = extract_resolutions(lines)
    if found:
        return list(found)
    split = [Resolution(text=t, number=n, span=s) for n, t, s in _split_resolutions(lines)]
    if split or not whole_if_unmarked:
        return split
    return [
        Resolution(text=" ".join(ln.text.strip() for ln in lines), number=None, span=span_of(lines))
    ]


def _attendance(node: Any) -> tuple[AttendanceStatus, AttendanceCapacity, str | None]:
    role = (node.get("roledescription") or "").strip()
    attendance = (node.get("attendance") or "").lower()
    status: AttendanceStatus = "present"
    if "apolog" in attendance:
        status = "apologies"
    elif "absent" in attendance or "not present" in attendance:
        status = "absent"
    low = role.lower()
    capacity: AttendanceCapacity = "member"
    shown_role: str | None = role or None
    if "officer" in low:
        capacity = "officer"
        shown_role = (node.get("representing") or node.get("keyposts") or role).strip() or None
    elif "substitute" in low or "reserve" in low:
        capacity = "substitute"
    elif "co-opt" in low or "coopt" in low:
        capacity = "co-opted"
    elif "attendance" in attendance and "member" not in low and "chair" not in low:
        capacity = "other"
    if shown_role and shown_role.lower() in {"committee member", "member"}:
        shown_role = None
    return status, capacity, shown_role


def adapt_moderngov_meeting(data: bytes, name: str) -> AdaptedMeeting:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        # lxml's message can span lines (e.g. for a NUL byte): error messages are one line.
        detail = " ".join(str(exc).split())
        raise ParseError(
            f"{name}: the Modern.gov XML is not well-formed: {detail}", code=3
        ) from exc
    warnings: list[str] = []
    items = root.findall("./agendaitems/agendaitem")
    attendees = root.findall("./attendees/attendee")
    committee = None
    for tag in (".//refertocommittee", ".//committeetitle"):
        found = root.findtext(tag)
        if found and found.strip():
            committee = html.unescape(found.strip())
            break
    council = council_from_domain(data[:500_000].decode("utf-8", errors="replace"))
    meeting = MeetingRef(
        date=parse_date(_text(root, "meetingdate")),
        time=parse_time(_text(root, "meetingtime")),
        venue=_text(root, "meetinglocation") or None,
    )
    out = _TextBuilder()

    # Agenda: heading lines, then one numbered line per item with its agenda text.
    agenda_start = len(out.lines)
    out.add(committee or "Meeting")
    out.add("Agenda")
    out.add(f"Date: {_text(root, 'meetingdate')}")
    out.add(f"Time: {_text(root, 'meetingtime')}")
    out.add(f"Venue: {meeting.venue or ''}")
    status = _text(root, "meetingstatus")
    if status:
        out.add(f"Status: {status}")
    out.blank()
    member_lines: list[Member] = []
    if attendees:
        out.add("Membership")
        for node in attendees:
            role_text = (node.get("roledescription") or "").strip()
            if "officer" in role_text.lower():
                continue
            honorific, person = split_honorific(node.get("name") or "")
            line = out.add(f"{node.get('name', '').strip()}\t{role_text}")
            member_lines.append(
                Member(
                    name=person,
                    honorific=honorific,
                    role=member_role(role_text),
                    span=span_of([line]),
                )
            )
        out.blank()
    agenda_items: list[AgendaItem] = []
    for node in items:
        start = len(out.lines)
        number = _number(_text(node, "agendaitemnumber"), _text(node, "agendaitemsubnumber"))
        title = _text(node, "agendaitemtitle")
        closed = _flag(node, "isrestricted") or not (
            node.findtext("isdisplayallowed") is None or _flag(node, "isdisplayallowed")
        )
        out.add(f"{number or ''}.\t{title}" if number else title)
        description = None
        if not closed:
            text_lines = [ln for ln in html_to_lines(_text(node, "agendatext")) if ln]
            out.add_all(text_lines)
            description = " ".join(text_lines) or None
            for doc in node.findall("./linkeddocuments/linkeddoc"):
                if _flag(doc, "isrestricted"):
                    continue
                out.add(f"Document: {_text(doc, 'title')}")
        agenda_items.append(
            AgendaItem(
                number=number,
                title=title,
                pages=None,
                time=None,
                part="closed" if closed else "open",
                span=span_of(out.since(start)),
                description=description,
            )
        )
        out.blank()
    documents = [
        Document(
            kind="agenda",
            subkind="order_of_business",
            title="Agenda",
            committee=committee,
            council=council,
            meeting=meeting,
            span=span_of(out.since(agenda_start)),
            agenda=Agenda(membership=tuple(member_lines), items=tuple(agenda_items)),
        )
    ]

    minutes_doc = _minutes(root, items, attendees, out, committee, council, meeting)
    if minutes_doc is not None:
        documents.append(minutes_doc)
    while out.lines and not out.lines[-1].text:
        out.lines.pop()
    text = "\n".join(line.text for line in out.lines)
    return AdaptedMeeting(text=text, documents=tuple(documents), warnings=tuple(warnings))


def _minutes(
    root: Any,
    items: Sequence[Any],
    attendees: Sequence[Any],
    out: _TextBuilder,
    committee: str | None,
    council: str | None,
    meeting: MeetingRef,
) -> Document | None:
    has_minutes = any(
        _text(n, "minutesnonemptyhtmlbody") or _text(n, "decisionnonemptyhtmlbody") for n in items
    )
    if not has_minutes:
        return None
    start = len(out.lines)
    out.add(f"Minutes: {committee or 'Meeting'}, {_text(root, 'meetingdate')}")
    out.blank()
    attendance: list[Attendee] = []
    if attendees:
        out.add("Attendance")
        for node in attendees:
            status, capacity, role = _attendance(node)
            honorific, person = split_honorific(node.get("name") or "")
            line = out.add(
                "\t".join(
                    x
                    for x in (
                        (node.get("name") or "").strip(),
                        (node.get("roledescription") or "").strip(),
                        (node.get("attendance") or "").strip(),
                    )
                )
            )
            attendance.append(
                Attendee(
                    name=person,
                    honorific=honorific,
                    status=status,
                    capacity=capacity,
                    role=role,
                    span=span_of([line]),
                )
            )
        out.blank()
    minute_items: list[MinuteItem] = []
    declarations: list[Declaration] = []
    for node in items:
        closed = _flag(node, "isrestricted")
        minutes_html = _text(node, "minutesnonemptyhtmlbody")
        decision_html = _text(node, "decisionnonemptyhtmlbody")
        if closed or not (minutes_html or decision_html):
            continue
        item_start = len(out.lines)
        number = _number(_text(node, "minutesitemnumber"), _text(node, "minutesitemsubnumber"))
        title = _text(node, "agendaitemtitle")
        out.add(f"{number}.\t{title}" if number else title)
        discussion = [ln for ln in html_to_lines(minutes_html) if ln]
        discussion_lines = out.add_all(discussion)
        if decision_html:
            out.add("Decision:")
            decision_lines = out.add_all([ln for ln in html_to_lines(decision_html) if ln])
        else:
            decision_lines = discussion_lines
        resolutions = _resolutions(decision_lines, whole_if_unmarked=bool(decision_html))
        if "declaration" in title.lower():
            declarations.extend(extract_declarations(discussion_lines, number))
        minute_items.append(
            MinuteItem(
                number=number,
                title=title,
                resolutions=tuple(resolutions),
                span=span_of(out.since(item_start)),
                discussion="\n".join(discussion),
            )
        )
        out.blank()
    return Document(
        kind="minutes",
        subkind="minutes",
        title=f"Minutes: {committee}" if committee else "Minutes",
        committee=committee,
        council=council,
        meeting=meeting,
        span=span_of(out.since(start)),
        minutes=Minutes(
            attendance=tuple(attendance),
            declarations=tuple(declarations),
            items=tuple(minute_items),
            end_time=parse_time(_text(root, "meetingactualfinishtime")),
        ),
    )
