"""Splitting a pack into its documents and classifying each.

A pack is documents back to back: front sheet, order of business, minutes of
an earlier meeting, reports with their appendices and letters, work plan,
distribution list; or a single document (minutes page, decision notice).
Each document starts at a recognisable line (a report header "Item No. ...
Classification", a minutes heading "MINUTES of ... held ...", "Order of
Business" / "AGENDA", "Supplemental Agenda No. 1", "Dear ...", "DISTRIBUTION
LIST", "Record of Decision"), backed up over the title lines printed above it
(committee, date, time, venue). Whatever precedes the first start, or a file
with no start at all, is classified by its content (`classify`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from minutebook.parser.classify import DECISION_NOTICE, _plain, classify_text
from minutebook.parser.council import is_council_name
from minutebook.parser.dates import parse_date
from minutebook.parser.lines import Block, Line
from minutebook.parser.models import DocumentKind, DocumentSubkind
from minutebook.parser.patterns import rx
from minutebook.parser.report_text import PAGE_LINE
from minutebook.parser.workplan import WORK_PLAN

REPORT_HEADER: Final = re.compile(r"^\W*Item\s+No\.?\s*:?\s*\d", re.IGNORECASE)
REPORT_HEADER_FIELDS: Final = re.compile(
    r"classi\s*f|report\s+title|meeting\s+name|ward\(s\)", re.IGNORECASE
)
MINUTES_HEADING: Final = re.compile(
    r"^\W*minutes?\s+of\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?:open|closed|public|private|confidential)\s+(?:section|part)\s+of\s+(?:the\s+|a\s+)?)?"
    r"(?:(?:special|extraordinary|annual|ordinary|adjourned|reconvened)\s+)?"
    r"(?!previous\b|last\b)(?:meeting\b|hearing\b|(?-i:[A-Z]))",
    re.IGNORECASE,
)
ITEM_REF: Final = re.compile(r"^\s*\(\s*item\s+\w+\s*\)", re.IGNORECASE)
ORDER_OF_BUSINESS: Final = re.compile(
    r"^(?:order\s+of\s+business|agenda|list\s+of\s+contents|agenda\s+items|business)\s*:?$"
    # "Agenda for the Corporate Parenting Panel" (not "Agenda for the next meeting")
    r"|^agenda\s+(?:for|of)\s+(?:the\s+)?(?:meeting\s+of\s+(?:the\s+)?)?(?!next\b|future\b)[A-Z]",
    re.IGNORECASE,
)
SUPPLEMENTAL: Final = re.compile(
    r"^(?:supplement(?:al|ary)\s+agenda|agenda\s+supplement|addendum)(?:\s+no\.?\s*\d+)?\b",
    re.IGNORECASE,
)
DISTRIBUTION: Final = re.compile(r"\b(?:distribution|circulation)\s+list\b", re.IGNORECASE)
LETTER_OPENING: Final = re.compile(r"^Dear\s+(?:[A-Z][\w.'’\-]*)(?:\s+[A-Z][\w.'’\-]*){0,3},?$")
APPENDIX_HEADING: Final = re.compile(r"^appendix\s+[A-Z0-9]{1,3}\b[\s.:\-–]*$", re.IGNORECASE)
CLOSING_LINE: Final = re.compile(
    r"^(?:dated?|chair(?:man)?|signed|yours\s+(?:sincerely|faithfully))\b\s*:?"
    r"|^chief\s+executive$",
    re.IGNORECASE,
)
MEETING_END: Final = re.compile(
    r"\bmeeting\s+(?:ended|closed|finished|concluded|terminated|rose)\b|^\W*CHAIR(?:MAN)?\s*:",
    re.IGNORECASE,
)
PUBLICATION_DATE: Final = re.compile(
    r"^(?:date(?:\s+of\s+publication)?|published)\s*:\s*\S", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Start:
    index: int
    kind: DocumentKind
    subkind: DocumentSubkind


def _next_nonblank(lines: Sequence[Line], i: int, limit: int = 3) -> list[str]:
    out: list[str] = []
    j = i + 1
    while j < len(lines) and len(out) < limit:
        if not lines[j].is_blank:
            out.append(_plain(lines[j].text))
        j += 1
    return out


_MEMBER_LIST: Final = re.compile(
    r"(?i)^(?:membership|members|reserves?|substitutes?|named\s+substitutes|co-opted|co-optees)"
    r"\b[^:]{0,30}:\s*\S"
)


def _member_list(text: str) -> bool:
    """ "Reserves: Councillors A and B": a front sheet's list of members, not a title line
    over the agenda under it."""
    return ":" in text and _MEMBER_LIST.match(_plain(text)) is not None


# A front sheet's membership and contact lines: "Membership / Aelodaeth", "Councillor A
# (Chair)", "Councillors B, C and D", "Contact: ...", "Tel: ...", "E-mail: ...".
_FRONT_SHEET_DETAIL: Final = re.compile(
    r"(?i)^(?:membership\b|(?:councill?ors?|cllrs?)\.?\s+[A-Z]|"
    r"(?:contact(?:\s+officer)?|tel(?:ephone)?|phone|e-?mail|direct\s+line)\s*:)"
)


def _front_sheet_detail(text: str) -> bool:
    """A line of a front sheet's membership or contacts, which an agenda's title block
    never holds: the order of business under them starts below them."""
    return _member_list(text) or _FRONT_SHEET_DETAIL.match(_plain(text)) is not None


# Lines of heading (council, committee, date) that may stand above a paper's first line.
_HEADING_ABOVE: Final = 3


def _sentence(text: str) -> bool:
    """Prose rather than a heading: a line that ends a sentence after a lower-case word."""
    return bool(rx(r"[a-z]{2}[.;]\s*$").search(text))


def _is_title_line(text: str) -> bool:
    """A line that can sit above a document heading: committee, date, time, venue."""
    return (
        len(text) <= 160
        and "\t" not in text
        and not CLOSING_LINE.match(_plain(text))
        and not PUBLICATION_DATE.match(_plain(text))
    )


def _back_up(
    lines: Sequence[Line],
    i: int,
    floor: int,
    max_titles: int,
    agenda: bool = False,
    below_front_sheet: bool = False,
) -> int:
    """The first line of the title block printed above line i (not before `floor`).

    A title block lies on its heading's page and an "Agenda Item N" stamp is its top:
    the back-up crosses neither a page break nor the stamp. Over an agenda (`agenda`),
    nor a front sheet's list of members; under a front sheet already begun
    (`below_front_sheet`), nor its members and contacts listed one to a line."""
    start = i
    titles = 0
    page = lines[i].page
    j = i - 1
    while j >= floor and titles < max_titles:
        line = lines[j]
        if line.is_blank:
            j -= 1
            continue
        if (
            not _is_title_line(line.text)
            or (page is not None and line.page is not None and line.page != page)
            or (agenda and _member_list(line.text))
            or (below_front_sheet and _front_sheet_detail(line.text))
        ):
            break
        titles += 1
        start = j
        if _ITEM_STAMP.match(_plain(line.text)):
            break
        j -= 1
    return start


def _letter_start(lines: Sequence[Line], i: int, floor: int) -> int:
    """Back up over a letter's address block and date (short lines, no tabs)."""
    start = i
    j = i - 1
    while j >= floor and i - j <= 30:
        line = lines[j]
        if line.is_blank:
            j -= 1
            continue
        text = line.text.strip()
        if "\t" in line.text or len(text) > 70 or CLOSING_LINE.match(text):
            break
        start = j
        j -= 1
    return start


def _find_starts(lines: Sequence[Line]) -> list[_Start]:
    starts: list[_Start] = []
    current: DocumentKind | None = None
    current_sub: DocumentSubkind | None = None
    current_index = 0
    minutes_open = False
    agenda_closed_at: int | None = None
    floor = 0

    def add(index: int, kind: DocumentKind, subkind: DocumentSubkind) -> None:
        nonlocal current, current_sub, current_index, floor, minutes_open, agenda_closed_at
        while starts and starts[-1].index >= index:
            starts.pop()
        starts.append(_Start(index, kind, subkind))
        current, current_sub, current_index = kind, subkind, index
        minutes_open = kind == "minutes"
        agenda_closed_at = None
        floor = index + 1

    for i, line in enumerate(lines):
        if not line.text.strip():  # Line.is_blank, without the property call
            continue
        text = _plain(line.text)
        # Cheap substring tests first: most lines start no document (speed on big packs).
        low = text.lower()
        opening = low[:12]
        if agenda_closed_at is not None and not PUBLICATION_DATE.match(text):
            # Content after an agenda's closing "Date:" line is the next paper,
            # classified by its content unless a marked start follows.
            agenda_closed_at = None
            if not _is_any_start(lines, i):
                add(i, "other", "other")
        if (
            "item" in opening
            and REPORT_HEADER.match(text)
            and (
                REPORT_HEADER_FIELDS.search(text)
                or any(REPORT_HEADER_FIELDS.search(t) for t in _next_nonblank(lines, i, 3))
            )
        ):
            head = " ".join([text, *_next_nonblank(lines, i, 3)])
            add(i, "report", "work_plan" if WORK_PLAN.search(head) else "report")
            continue
        if (
            low.startswith(_REPORT_LABEL_WORDS)
            # (In a report, only past its own header: another report's header.)
            and current != "decision"
            and (current_sub not in ("report", "appendix", "work_plan") or i - current_index > 15)
            and _REPORT_LABEL.match(text)
            and _report_header_at(lines, i)
        ):
            # "Report to: / Date of meeting: / Report of: / Subject:" rows start a report
            # (under an "Agenda Item 6" stamp and the council's name, if printed above).
            above = [ln for ln in lines[floor:i] if not ln.is_blank]
            if current is None and len(above) <= 6 and all(_is_title_line(ln.text) for ln in above):
                add(floor, "report", "report")  # the top of the file is the report's title block
            else:
                add(_report_top(lines, i, floor), "report", "report")
            continue
        if (
            "minute" in opening
            and MINUTES_HEADING.match(text)
            and "\t" not in line.text
            and not _LISTED.match(text)  # "- Minutes of the meeting held on ...": an agenda item
            and not any(ITEM_REF.match(t) for t in _next_nonblank(lines, i, 1))
            and (not minutes_open or text.lstrip("*# ").startswith("MINUTE"))
            and rx(r"\bheld\b|\d{4}").search(" ".join([text, *_next_nonblank(lines, i, 1)]))
        ):
            add(_back_up(lines, i, floor, 4), "minutes", "minutes")
            continue
        if len(text) < 80 and ("suppl" in low or "addend" in low) and SUPPLEMENTAL.match(text):
            if current == "agenda" and i - current_index <= 14:
                starts[-1] = _Start(current_index, "agenda", "supplemental_agenda")
                current_sub = "supplemental_agenda"
            else:
                add(_back_up(lines, i, floor, 6), "agenda", "supplemental_agenda")
            continue
        # ORDER_OF_BUSINESS can only match a line that starts with one of these letters.
        if len(text) < 100 and text[:1] in "oOaAlLbB" and ORDER_OF_BUSINESS.match(text):
            if current == "agenda" and i - current_index <= 14:
                continue
            if current != "minutes" or not minutes_open:
                top = _back_up(
                    lines, i, floor, 8, agenda=True, below_front_sheet=current == "agenda"
                )
                add(top, "agenda", "order_of_business")
                continue
        if (
            len(text) < 160
            and ("distribution" in low or "circulation" in low)
            and DISTRIBUTION.search(text)
            and (
                text.isupper()
                or low.startswith(("distribution", "circulation"))
                or "distribution list" in low[:60]
            )
        ):
            add(i, "distribution_list", "distribution_list")
            continue
        if (
            len(text) < 100
            and "decision" in low
            and DECISION_NOTICE.search(text)
            and current != "decision"
            and (text.isupper() or DECISION_NOTICE.match(text))
        ):
            add(_back_up(lines, i, floor, 3), "decision", "decision_notice")
            continue
        if text.startswith("Dear") and LETTER_OPENING.match(text) and current != "letter":
            if _summons_follows(lines, i):
                # "Dear Councillor, You are summoned to attend a meeting of ...": the
                # agenda's front sheet, whose top (council, membership) is above it.
                if current != "agenda":
                    top = floor if current in (None, "other") else _back_up(lines, i, floor, 8)
                    add(top, "agenda", "front_sheet")
                continue
            add(_letter_start(lines, i, floor), "letter", "letter")
            continue
        if (
            low.startswith("appendix")
            and APPENDIX_HEADING.match(text)
            and current in ("report", "letter")
            and current_sub != "work_plan"
        ):
            add(i, "report", "appendix")
            continue
        if (
            current == "minutes"
            and ("meeting" in low or "chair" in low)
            and MEETING_END.search(text)
        ):
            minutes_open = False
        if (
            current == "agenda"
            and low.startswith(("date", "published"))
            and PUBLICATION_DATE.match(text)
            and parse_date(text)
        ):
            run = _label_run_start(lines, i, floor)
            if not any(_AGENDA_ROW.match(lines[k].text) for k in range(current_index, i)):
                continue  # "Date:" in the agenda's heading, above its items, closes nothing
            if run < i:
                # "Report to: X" / "Date: ..." is the header of the next paper, not
                # the agenda's publication date.
                add(run, "other", "other")
            else:
                agenda_closed_at = i
    return starts


# A row of an order of business: "1.", "1<tab>", "1.30<tab>1<tab>" (a time column first).
_AGENDA_ROW: Final = re.compile(
    r"^\s*(?:\d{1,2}[.:]\d{2}\s+)?\d{1,3}[a-z]?[.)]?(?:\t|\s)+[A-Z‘'\"]"
)
# Labels of an officer's report header (as Word and PDF print them, with or without colon).
_REPORT_LABEL: Final = re.compile(
    r"(?i)^(?:report\s+(?:to|of|by|from|title|on)|date\s+of\s+(?:the\s+)?meeting|"
    r"meeting(?:\s+date)?|subject|title|wards?(?:\s*\(s\))?(?:\s+affected)?|key\s+decision|"
    r"classification|cabinet\s+member|portfolio(?:\s+holder)?|exempt\s+information|status)"
    r"\b[^:\t]{0,20}?(?::|\t)"
)
_REPORT_LABEL_WORDS: Final = (
    "report",
    "date",
    "meeting",
    "subject",
    "title",
    "ward",
    "key",
    "classif",
    "cabinet",
    "portfolio",
    "exempt",
    "status",
)
# (Not "Report author" or "Lead officer": those open a report's audit trail, at its end.)
_NAMING_LABEL: Final = re.compile(r"(?i)^(?:report\s+(?:to|of|by|from|title|on)|subject|title)\b")


def _report_header_at(lines: Sequence[Line], i: int) -> bool:
    """Line i begins a report header: with the next lines, three label rows or more, one of
    them naming the report or whom it is to or from (a front sheet's "Date:/Time:/Venue:"
    is not one)."""
    rows = [_plain(lines[i].text), *_next_nonblank(lines, i, 4)]
    labelled = [t for t in rows if _REPORT_LABEL.match(t)]
    return len(labelled) >= 3 and any(_NAMING_LABEL.match(t) for t in labelled)


def _report_top(lines: Sequence[Line], i: int, floor: int) -> int:
    """The first line of a report whose header starts at line i: up to three lines above
    it that are an "Agenda Item N" stamp, the council's name or the committee's."""
    top = i
    j = i - 1
    taken = 0
    page = lines[i].page
    while j >= floor and taken < 3:
        if lines[j].is_blank:
            j -= 1
            continue
        if page is not None and lines[j].page is not None and lines[j].page != page:
            break  # the footer of the page before ("Page 3") is not the report's
        t = _plain(lines[j].text)
        if not (_ITEM_STAMP.match(t) or is_council_name(t) or PAGE_LINE.match(t)):
            break
        top = j
        taken += 1
        j -= 1
    return top


_LISTED: Final = re.compile(r"\s*[-–•·*▪]\s")
# A front sheet's meeting details, in a label column: "Time:<tab>5.30 pm", "Venue:<tab>...".
_MEETING_DETAIL: Final = re.compile(r"(?i)^(?:date|time|venue|place|location|where|when)\s*:")
_LABEL_VALUE: Final = re.compile(r"^\W*[A-Z][\w ()/&'’-]{1,40}?\s*:\s*\S")
_ITEM_STAMP: Final = re.compile(r"(?i)^\W*agenda\s+item\s+\w{1,6}\W*$")


_SUMMONS: Final = re.compile(
    r"(?i)\b(?:summoned|requested|invited|asked)\s+to\s+attend\s+(?:a|the|an)\s+"
    r"(?:\w+\s+)?meeting\b|\bnotice\s+(?:is\s+)?(?:hereby\s+)?given\s+(?:that|of)\s+(?:a|the)\s+meeting\b"
)


def _summons_follows(lines: Sequence[Line], i: int) -> bool:
    """Whether the letter opening at line i summons its reader to a meeting."""
    return any(_SUMMONS.search(t) for t in _next_nonblank(lines, i, 2))


def _label_run_start(lines: Sequence[Line], i: int, floor: int) -> int:
    """The first of the "Label: value" lines directly above line i (i when none),
    with an "Agenda Item N" stamp over them."""
    start = i
    j = i - 1
    while j >= floor and not lines[j].is_blank and _LABEL_VALUE.match(_plain(lines[j].text)):
        start = j
        j -= 1
    if start < i:
        k = start - 1
        while k >= floor and lines[k].is_blank:
            k -= 1
        if k >= floor and _ITEM_STAMP.match(_plain(lines[k].text)):
            start = k
    return start


def _is_any_start(lines: Sequence[Line], i: int) -> bool:
    """Whether line i (or a title block it begins) leads into a marked document start."""
    j = i
    seen = 0
    while j < len(lines) and seen < 9:
        if not lines[j].is_blank:
            t = _plain(lines[j].text)
            if (
                REPORT_HEADER.match(t)
                or MINUTES_HEADING.match(t)
                or ORDER_OF_BUSINESS.match(t)
                or SUPPLEMENTAL.match(t)
                or DECISION_NOTICE.search(t)
                or LETTER_OPENING.match(t)
                or DISTRIBUTION.search(t)
            ):
                return True
            if not _is_title_line(lines[j].text):
                return False
            seen += 1
        j += 1
    return False


def _trim(lines: Sequence[Line]) -> tuple[Line, ...]:
    a, b = 0, len(lines)
    while a < b and lines[a].is_blank:
        a += 1
    while b > a and lines[b - 1].is_blank:
        b -= 1
    return tuple(lines[a:b])


def segment(lines: Sequence[Line]) -> list[Block]:
    """The documents of a pack, in order, each with its kind and subkind."""
    if not any(not ln.is_blank for ln in lines):
        return []
    starts = _find_starts(lines)
    if starts and starts[0].index > 0 and starts[0].kind == "agenda":
        head = [ln for ln in lines[: starts[0].index] if not ln.is_blank]
        # ("Date: Thursday, 15 January 2026" at the top is the meeting's date line, not
        # the closing date of an agenda before it.)
        # (A longer top holding the front sheet's lists of members is that front sheet.)
        short = len(head) <= 8 or (len(head) <= 16 and any(_member_list(ln.text) for ln in head))
        if short and all(
            _is_title_line(ln.text)
            or PUBLICATION_DATE.match(_plain(ln.text))
            or _MEETING_DETAIL.match(_plain(ln.text))
            for ln in head
        ):
            # The top of a front sheet (committee, date, venue) over a longer title
            # block than the back-up reaches: one agenda from the first line.
            starts[0] = _Start(0, starts[0].kind, starts[0].subkind)
    if starts and starts[0].index > 0 and starts[0].kind in ("report", "minutes"):
        head = [ln for ln in lines[: starts[0].index] if not ln.is_blank]
        if len(head) <= _HEADING_ABOVE and all(
            _is_title_line(ln.text.replace("\t", " ")) and not _sentence(ln.text) for ln in head
        ):
            # The council and meeting printed above "Agenda Item 9" (a running header
            # kept on the first page): the heading of the paper under it, no paper of its own.
            starts[0] = _Start(0, starts[0].kind, starts[0].subkind)
    if not starts or starts[0].index > 0:
        starts.insert(0, _Start(0, "other", "other"))
    blocks: list[Block] = []
    for k, start in enumerate(starts):
        end = starts[k + 1].index if k + 1 < len(starts) else len(lines)
        body = _trim(lines[start.index : end])
        if not body:
            continue
        kind, subkind = start.kind, start.subkind
        if (kind, subkind) == ("other", "other"):
            kind, subkind = classify_text(body)
            if kind == "other" and blocks and blocks[-1].kind == "agenda":
                # Papers printed after an agenda without a report header are
                # still the papers for its items.
                kind, subkind = "report", "report"
        elif kind == "agenda" and subkind == "order_of_business":
            text = "\n".join(ln.text for ln in body)
            if rx(r"(?im)^\s*membership\s*:?\s*$|summoned\s+to\s+attend").search(text) and not rx(
                r"(?im)^\s*(?:\d+\.|item\s+no)"
            ).search(text):
                subkind = "front_sheet"
        blocks.append(Block(kind=kind, subkind=subkind, lines=body))
    return blocks
