"""Extraction of officers' reports, appendices and work-plan reports.

`extract_report(block)` reads the header (report_header), then the body:
sections (sections), recommendations (recommendations), tables (tables),
the audit trail (audit_trail), the appendices listed, and work-plan entries
(workplan). Each element keeps the span of the lines it came from.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.audit_trail import extract_audit_trail
from minutebook.parser.council import (
    COMMITTEE_WORDS,
    clean_committee,
    is_council_name,
    report_council,
)
from minutebook.parser.footnotes import without_footnotes
from minutebook.parser.heading import plain
from minutebook.parser.lines import Block, Line, span_of
from minutebook.parser.models import AuditTrail, Document, MeetingRef, Report, Section, Table
from minutebook.parser.names import smart_title
from minutebook.parser.patterns import rx
from minutebook.parser.recommendations import extract_recommendations
from minutebook.parser.report_header import HeaderFields, extract_header
from minutebook.parser.report_text import clean, dates_in, more_words_than, word_count
from minutebook.parser.sections import explode_long_lines, find_sections, heading_level
from minutebook.parser.tables import find_tables, untab_numbered_paragraphs
from minutebook.parser.workplan import extract_work_plan, work_plan_title

_NEXT_APPENDIX: Final = re.compile(
    r"\s+(?=(?:Appendix|Annex|APPENDIX|ANNEX)\s+[A-Z0-9]{1,3}\b\s*[–—:\-])"
)
_APPENDICES_HEADING: Final = re.compile(
    r"^(?:appendices|appendix|list\s+of\s+appendices|attached\s+documents|attachments)\b",
    re.IGNORECASE,
)
_APPENDIX_LABEL: Final = re.compile(r"(?:appendix|annex)\s+[A-Z0-9]{1,3}", re.IGNORECASE)
_NONE: Final = re.compile(r"^(?:none|n/?a|nil|not\s+applicable)\.?$", re.IGNORECASE)
_APPENDIX_TABLE_HEADER: Final = re.compile(r"^(?:no\.?|number|appendix)$", re.IGNORECASE)
MAX_TITLE_WORDS: Final = 20
MIN_TITLE_WORDS: Final = 3
MAX_NAME_WORDS: Final = 8
# How many lines from the top a cover page flattened into one line is looked for.
MAX_FLAT_HEADING_LINES: Final = 3


def _body(lines: Sequence[Line], header: HeaderFields) -> list[Line]:
    if header.last_line is None:
        return list(lines)
    return [ln for ln in lines if ln.number > header.last_line]


def _appendices(
    body: Sequence[Line], sections: Sequence[Section], tables: Sequence[Table]
) -> tuple[str, ...]:
    """Appendices as listed ("Appendix 1: Letter from Ofsted February 2019")."""
    out: list[str] = []
    for section in sections:
        if not _APPENDICES_HEADING.match(section.heading):
            continue
        in_section = [
            t
            for t in tables
            if section.span.first_line <= t.span.first_line <= section.span.last_line
        ]
        if in_section:
            for table in in_section:
                for row in table.rows:
                    cells = [c for c in row if c]
                    if not cells or _NONE.match(cells[0]):
                        continue
                    out.append(": ".join(cells))
            continue
        for paragraph in section.text.split("\n"):
            # Lines joined into one paragraph: "Appendix A – X Appendix B – Y" is two.
            for line in _NEXT_APPENDIX.split(paragraph):
                text = rx(r"(?i)^\(?[a-z0-9]{1,3}[.)]\s+").sub("", line.strip())
                if text and not _NONE.match(text):
                    out.append(text)
    return tuple(out)


# "Appendix 1 – Empty Homes Action Plan", "Annex B: Consultation responses" on a line alone.
_APPENDIX_LINE: Final = re.compile(
    r"^(?:Appendix|Annex|APPENDIX|ANNEX)\s+[A-Z0-9]{1,3}\s*[–—:\-]\s*[A-Z0-9‘'\"(][^\t]{2,150}$"
)
MAX_APPENDIX_WORDS: Final = 20


def _may_name_an_appendix(text: str) -> bool:
    """False when `_APPENDIX_LINE` cannot match `text` (a cheap test before the regex)."""
    return "ppendi" in text or "PPENDI" in text or "nnex" in text or "NNEX" in text


def _listed_appendix_lines(body: Sequence[Line]) -> tuple[str, ...]:
    """Without an "Appendices" heading: lines that each name an appendix and its title
    and nothing else ("Appendix 1 – Empty Homes Action Plan" under "Contact officer:"
    at the foot of a report), in order; not a sentence that mentions one."""
    out: list[str] = []
    for ln in body:
        if not _may_name_an_appendix(ln.text):
            continue
        text = clean(ln.text)
        if (
            _APPENDIX_LINE.match(text)
            and not text.endswith(".")
            and not more_words_than(text, MAX_APPENDIX_WORDS)
            and text not in out
        ):
            out.append(text)
    return tuple(out)


def _inline_appendices(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    parts = rx(r"\s*(?:^|\s)\d{1,2}\.\s+|(?<=\S)\s*(?=Appendix\s+\d)").split(" " + value)
    return tuple(p.strip() for p in parts if p.strip() and not _NONE.match(p.strip()))


def _after_meeting_date(text: str) -> str:
    """ "Wiltshire Council Full Council 20 October 2020 Annual Report of ..." -> "Annual Report of ...".

    Text flattened from a cover page runs the council, the meeting and its date into
    the title; the title is what follows the date when only capitalised names precede it.
    """
    dates = dates_in(text)
    if not dates:
        return text
    start, end, _ = dates[0]
    before, after = text[:start].split(), text[end:].strip(" ,:-\u2013")
    if (
        0 < len(before) <= MAX_NAME_WORDS
        and all(w[:1].isupper() for w in before)
        and word_count(after) >= MIN_TITLE_WORDS
    ):
        return after
    return text


def _meeting_before_date(body: Sequence[Line], council: str | None) -> str | None:
    """ "Wiltshire Council Full Council 20 October 2020 Annual Report of ..." -> "Full Council".

    In a cover page flattened into one line, the capitalised words between the council's
    name and the meeting's date name the meeting (as a "Meeting:" label would)."""
    if not council:
        return None
    for ln in explode_long_lines(body)[:MAX_FLAT_HEADING_LINES]:
        text = clean(ln.text)
        if not text.startswith(council + " "):
            continue
        dates = dates_in(text)
        if not dates:
            return None
        words = text[len(council) : dates[0][0]].split()
        if 0 < len(words) <= MAX_NAME_WORDS and all(w[:1].isupper() for w in words):
            return " ".join(words).strip(" ,:-\u2013")
        return None
    return None


def _fallback_title(body: Sequence[Line], sections: Sequence[Section]) -> str | None:
    """An appendix or report without a header table: its opening heading or first short line."""
    first_content = next((ln.number for ln in body if clean(ln.text)), None)
    if sections and sections[0].heading and sections[0].span.first_line == first_content:
        if (
            _APPENDIX_LABEL.fullmatch(sections[0].heading)
            and not sections[0].text
            and len(sections) > 1
            and sections[1].heading
        ):
            # "Appendix 1" alone over the appendix's own heading: both make its title.
            return f"{sections[0].heading}: {sections[1].heading}"
        return sections[0].heading
    for ln in explode_long_lines(body):
        text = clean(ln.text)
        if MIN_TITLE_WORDS <= word_count(text) <= MAX_TITLE_WORDS and "\t" not in ln.text.strip():
            return _after_meeting_date(text)[:200]
    return next((s.heading for s in sections if s.heading), None)


def _plan_lines(
    block: Block, lines: Sequence[Line], body: Sequence[Line], header: HeaderFields
) -> Sequence[Line]:
    """Where the work plan is read: the body, or all the lines of a work programme whose
    "header" is only its first "Meeting: <date>" line (no title, item, status or author)."""
    if block.subkind == "work_plan" and not any(
        (header.title, header.item_number, header.classification, header.from_, header.wards)
    ):
        return lines
    return body


def _from_plan_title(lines: Sequence[Line]) -> Sequence[Line]:
    """The lines of a work programme without a report header from its title on ("Forward
    Work Programme 2026/27"): the council's or committee's name above the title heads no
    section of it."""
    top = [ln for ln in lines[:8] if not ln.is_blank]
    title = work_plan_title([plain(ln.text) for ln in top])
    at = next((k for k, ln in enumerate(lines[:8]) if title and plain(ln.text) == title), 0)
    return lines[at:]


def _plan_sections(body: Sequence[Line]) -> tuple[Section, ...]:
    """Sections of a work programme from its title line: text that follows the title
    without a heading of its own ("For the period ..." / the table) is under the title."""
    if not body:
        return ()
    found = find_sections(body[1:])
    title = plain(body[0].text)
    if not title or (found and found[0].heading):
        return find_sections(body)
    if not found:
        return (
            Section(
                heading=title, text="", span=span_of(body[:1]), level=heading_level(body[0].text)
            ),
        )
    first = found[0]
    span = dataclasses.replace(
        first.span, first_line=body[0].number, first_page=body[0].page or first.span.first_page
    )
    level = heading_level(body[0].text)
    return (dataclasses.replace(first, heading=title, span=span, level=level), *found[1:])


_ITEM_STAMP: Final = re.compile(r"(?i)^\W*(?:agenda\s+)?item\s+(?:no\.?\s*)?\w{1,6}\W*$")


def _title_above_header(lines: Sequence[Line], header: HeaderFields) -> str | None:
    """A report whose header has no "Title:" label: the heading just above its first label
    (a web page's <h1> over its details table), unless that line is the council's or the
    committee's name, an "Agenda Item 7" stamp or a date."""
    if not header.lines:
        return None
    above = [ln for ln in lines if ln.number < header.lines[0] and not ln.is_blank]
    if not above:
        return None
    text = clean(above[-1].text)
    if (
        "\t" in above[-1].text.strip()
        or not MIN_TITLE_WORDS <= word_count(text) <= MAX_TITLE_WORDS
        or text.endswith((".", ":", ","))
        or is_council_name(text)
        or _ITEM_STAMP.match(text)
        or _ENDS_WITH_BODY.search(clean_committee(text) or text)
        or dates_in(text)
    ):
        return None
    return text


def _label_line(lines: Sequence[Line], number: int | None) -> Line | None:
    if number is None:
        return None
    return next((ln for ln in lines if ln.number == number), None)


_ENDS_WITH_BODY: Final = re.compile(
    r"(?i)\b(?:committee|sub-committee|panel|board|cabinet|forum|executive|commission|"
    r"assembly|partnership|group)$"
)


def _one_language(name: str) -> str:
    """ "Pwyllgor Rhianta Corfforaethol / Corporate Parenting Committee": the side that names
    a committee by a committee word (a bilingual label's value), else the name as printed."""
    if " / " not in name:
        return name
    sides = [side.strip() for side in name.split(" / ") if COMMITTEE_WORDS.search(side)]
    return sides[0] if len(sides) == 1 else name


def _committee_heading(lines: Sequence[Line], header: HeaderFields) -> str | None:
    """Without a "Meeting:" label, the committee of a heading line above the labels
    ("EDUCATION AND CHILDREN'S SERVICES COMMITTEE – 28 OCTOBER 2025"): a line that ends,
    its date taken off, in a committee word (not a report's title such as "Corporate
    Parenting Board Annual Report"), and is not the council's name."""
    first_label = min(header.lines, default=None)
    for ln in lines[:12]:
        if first_label is not None and ln.number >= first_label:
            break
        text = clean(ln.text)
        if not text or "\t" in ln.text.strip() or not COMMITTEE_WORDS.search(text):
            continue  # (a table's row is no heading)
        # "Corporate Parenting Panel – Work Programme 2026/27": the part that names a body.
        for part in rx(r"\s+[-–—:|]\s+").split(text):
            name = clean_committee(part)
            if name and _ENDS_WITH_BODY.search(name) and not is_council_name(part):
                return name
    return None


def extract_report(block: Block) -> Document:
    lines = untab_numbered_paragraphs(block.lines)
    header = extract_header(lines)
    # Footnotes at a page foot are not part of the section the page ends in.
    body: Sequence[Line] = without_footnotes(_body(lines, header))
    plan_lines = _plan_lines(block, lines, body, header)
    if plan_lines is lines:
        body = _from_plan_title(lines)
        sections = _plan_sections(body)
    else:
        sections = find_sections(body)
    tables = find_tables(body)
    recommendation_line = _label_line(lines, header.recommendations_line)
    recommendations = extract_recommendations(
        body, sections, inline=header.recommendations, inline_line=recommendation_line
    )
    audit = extract_audit_trail(body)
    if audit is None and (header.key_decision is not None or header.report_author):
        # No audit trail at the foot: the header's "Key decision:" and "Report author:".
        carrying = [ln for ln in lines if ln.number in header.lines]
        audit = AuditTrail(
            report_author=header.report_author,
            key_decision=header.key_decision,
            span=span_of(carrying) if carrying else None,
        )
    appendices = (
        _appendices(body, sections, tables)
        or _inline_appendices(header.appendices)
        or _listed_appendix_lines(body)
    )
    plan = extract_work_plan(plan_lines)
    if plan_lines is lines and plan and header.date == plan[0].meeting_date:
        # That date heads the plan's first entry: it is not the date of this paper.
        header = dataclasses.replace(header, date=None, meeting_name=None)
    title = (
        header.title
        or _title_above_header(lines, header)
        or (
            work_plan_title([plain(ln.text) for ln in lines[:8]])  # ("## ..." in markdown)
            if block.subkind == "work_plan"
            else None
        )
        or _fallback_title(body, sections)
    )
    council = report_council([ln.text for ln in block.lines])
    if header.meeting_name is None and header.last_line is None:
        flat_meeting = _meeting_before_date(body, council)
        if flat_meeting:
            header = dataclasses.replace(header, meeting_name=flat_meeting)
    committee = (
        _one_language(header.meeting_name.split(";")[0].strip())
        if header.meeting_name
        else _committee_heading(lines, header)
    )
    if committee and committee.isupper():
        committee = smart_title(committee)  # "REPORT TO: CABINET" names the Cabinet
    warnings: list[str] = []
    if header.last_line is None and block.subkind == "report":
        warnings.append("no report header (item, classification, date, meeting) was found")
    report = Report(
        item_number=header.item_number,
        classification=header.classification,
        exempt_paragraph=header.exempt_paragraph,
        date=header.date,
        meeting_name=header.meeting_name,
        wards=header.wards,
        from_=header.from_,
        recommendations=recommendations,
        sections=sections,
        tables=tables,
        audit_trail=audit,
        appendices=appendices,
        summary=header.summary,
    )
    return Document(
        kind=block.kind,
        subkind=block.subkind,
        title=title,
        committee=committee,
        council=council,
        meeting=MeetingRef(date=header.date),
        span=block.span,
        report=report,
        work_plan=plan,
        part="closed" if header.classification == "closed" else "open",
        warnings=tuple(warnings),
    )
