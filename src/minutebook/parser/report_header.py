"""The header of an officers' report: item, classification, date, meeting, title, wards, from.

UK report templates put these in a small table at the top ("Item No. | Classification:
Open | Date: | Meeting Name:"), or as "By: / To: / Subject: / Summary:" lines, or as
"Meeting: / Subject: / Report Of: / Wards Affected: / Key Decision:" rows laid
out with spaces. Text extraction may glue the labels to their values
("Ward(s) affected:NoneTitle:...") or break a label word around its value
("Classi f Open fication:"). This module finds the labels wherever they are
in the first lines and takes the text between one label and the next.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from minutebook.parser.dates import (
    DAY_MONTH_YEAR,
    MONTH_DAY_YEAR,
    NUMERIC_DATE,
    find_dates,
    parse_date,
)
from minutebook.parser.lines import Line
from minutebook.parser.patterns import CASE_FOLD_TO_ASCII, ascii_lower, rx
from minutebook.parser.report_text import clean, is_bullet, strip_markup

# How far into a report its header may reach.
HEADER_LINES: Final = 40
HEADER_CHARS: Final = 4000
OPENING_CHARS: Final = 200
_HEADING_WORDS: Final = 6

_CLOSED_WORDS: Final = re.compile(
    r"\b(closed|exempt|confidential|private|restricted|not\s+for\s+publication|part\s*(?:b|ii|2))\b",
    re.IGNORECASE,
)
_OPEN_WORDS: Final = re.compile(
    r"\b(open|public|unrestricted|for\s+general\s+release|part\s*(?:a|i|1))\b", re.IGNORECASE
)
_EXEMPT_PARAGRAPH: Final = re.compile(
    r"paragraphs?\s+(?P<num>\d+[a-z]?(?:\s*(?:,|and|&|-|to)\s*\d+[a-z]?)*)"
    r"(?:\s+of\s+part\s*(?:1|i))?\s+of\s+schedule\s*12\s*a",
    re.IGNORECASE,
)
_EXEMPT_PARAGRAPH_AFTER: Final = re.compile(
    r"schedule\s*12\s*a\b[^.\n]{0,80}?paragraphs?\s+(?P<num>\d+[a-z]?(?:\s*(?:,|and|&|-|to)\s*\d+)*)",
    re.IGNORECASE,
)
_NOT_FOR_PUBLICATION_ANYWHERE: Final = re.compile(
    r"\bnot\s+for\s+(?:publication|public)", re.IGNORECASE
)
_NOT_EXEMPT: Final = re.compile(
    r"\b(?:not|non)[\s-]+(?:exempt|confidential|restricted)\b|^\s*(?:no|none|n/a)\b", re.IGNORECASE
)
_GLUED_DIGITS: Final = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[A-Z])")
_GENERAL_RELEASE: Final = re.compile(r"^\s*for\s+general\s+release\s*$", re.IGNORECASE)
_NOT_FOR_PUBLICATION: Final = re.compile(
    r"^\s*(?:not\s+for\s+publication|exempt\s+information|confidential)\b", re.IGNORECASE
)


def _spaced(word: str) -> str:
    """A label word that layout may have split with spaces ("Classi fication")."""
    return r"\s?".join(re.escape(ch) for ch in word)


@dataclass(frozen=True, slots=True)
class _Label:
    field: str
    pattern: re.Pattern[str]
    line_start: bool = False  # short labels ("By:", "To:") only count at the start of a line
    # Words of which every match contains one (compared ignoring case when written in
    # lower case): a line without any of them is not searched with this pattern.
    words: tuple[str, ...] = ()


def _label(
    field: str, regex: str, *, line_start: bool = False, words: tuple[str, ...] = ()
) -> _Label:
    # Capitalised first letter: a label glued to the text before it ("NoneTitle:")
    # is still found, while "report title:" inside a sentence is not.
    return _Label(field, re.compile(regex), line_start, words)


LABELS: tuple[_Label, ...] = (
    _label(
        "item_number",
        r"(?:Agenda\s+Item|Item)\s+(?i:No\.?|Number|Ref(?:erence)?\.?)\s*:?",
        words=("item",),
    ),
    _label("item_number", r"Agenda\s+(?i:item)\s*:?", words=("Agenda",)),
    _label(
        "classification",
        rf"C\s?{_spaced('lassi')}\s?f?(?P<inner>\s*(?i:open|closed|exempt|restricted)\s*)?"
        rf"\s?f?\s?{_spaced('ication')}\s*:?",
        words=("C",),
    ),
    _label("classification", r"(?i:Status|Exempt\s+information)\s*:", words=("status", "exempt")),
    _label(
        "date",
        r"(?:Date\s+of\s+(?i:meeting|decision)|Meeting\s+(?i:date)|Date)\s*:",
        words=("date",),
    ),
    _label(
        "meeting_name",
        r"(?:Meeting\s+(?i:name)|Name\s+of\s+(?i:meeting)|Decision\s+(?i:maker))\s*:",
        words=("meeting", "decision"),
    ),
    _label(
        "meeting_name",
        r"(?:Meeting|Report\s+(?i:to))\s*:",
        words=("meeting", "report"),
    ),
    # Only at the start of a line: "It is recommended that the Committee:" is a sentence.
    _label("meeting_name", r"Committee\s*:", line_start=True, words=("Committee",)),
    _label("meeting_name", r"To\s*:", line_start=True, words=("To",)),
    _label(
        "title",
        r"(?:Report\s+(?i:title)|Title\s+of\s+(?i:report)|Title|Subject|Report\s+(?i:on))\s*:",
        words=("title", "subject", "report"),
    ),
    _label(
        "wards",
        r"(?:Wards?|(?i:electoral)\s+(?i:divisions?)|(?i:divisions?)(?=\s*(?:\(s\))?\s+(?i:affected)))"
        r"(?:\s*\(s\))?(?:(?i:\s+or\s+groups)?\s+(?i:affected)(?i:\s+or\s+groups)?)?\s*:",
        words=("Ward", "division"),
    ),
    _label(
        "from",
        r"(?:Report\s+(?i:of|from|by)|From|Lead\s+(?i:officer))\s*:",
        words=("report", "from", "lead"),
    ),
    _label("report_author", r"Report\s+(?i:authors?)\s*:", words=("report",)),
    _label("from", r"By\s*:", line_start=True, words=("By",)),
    _label(
        "key_decision",
        r"(?:Key\s+(?i:decision)\s*\??\s*:?|Is\s+this\s+a\s+key\s+decision\s*\??\s*:?)",
        words=("decision",),
    ),
    _label(
        "summary",
        r"(?:Executive\s+(?i:summary)|Summary|Purpose\s+of\s+(?i:report))\s*:",
        words=("summary", "purpose"),
    ),
    _label("recommendations", r"Recommendations?\s*:", words=("Recommendation",)),
    _label("contact", r"Contact\s+(?i:officer|details)?\s*:", words=("Contact",)),
    _label(
        "appendices",
        r"(?:List\s+of\s+Appendices|Appendices)(?i:\s+included)?\s*:",
        words=("appendices",),
    ),
    _label(
        "other",
        r"(?:Budget/Policy\s+(?i:framework)|Council\s+(?i:priority)|Portfolio"
        r"|Report\s+(?i:no\.?|number|ref(?:erence)?\.?)"
        r"|(?:Responsible|Lead|Sponsoring|Accountable)\s+(?i:director|officer|cabinet\s+member)"
        r"|Cabinet\s+(?i:member)|Portfolio\s+(?i:holder)"
        r"|Other\s+(?i:useful\s+)?(?i:background\s+papers))\s*:",
        words=(
            "budget",
            "council",
            "portfolio",
            "other",
            "report",
            "director",
            "officer",
            "member",
        ),
    ),
)
# Words of a label that layout can separate from it and leave among the values
# ("Ward(s) affected: | or | groups | All").
_LABEL_FRAGMENTS: Final = {"or", "groups", "fication:", "fication", "ication:"}


@dataclass(frozen=True, slots=True)
class HeaderFields:
    item_number: str | None = None
    classification: str | None = None
    exempt_paragraph: str | None = None
    date: str | None = None
    meeting_name: str | None = None
    title: str | None = None
    wards: str | None = None
    from_: str | None = None
    report_author: str | None = None
    key_decision: bool | None = None
    summary: str | None = None
    recommendations: str | None = None
    recommendations_line: int | None = None
    appendices: str | None = None
    last_line: int | None = None  # the last header line, so the body starts after it
    lines: tuple[int, ...] = ()  # lines that carried a label


@dataclass(frozen=True, slots=True)
class _Hit:
    field: str
    start: int
    end: int
    line_index: int
    inner: str | None


def _lines_with_word(label: _Label, text: str, lowered: str, starts: Sequence[int]) -> list[int]:
    """Indexes of the lines (starting at `starts` in `text`) that hold one of the label's
    words, in order: only those can hold a match (every line when it lists no word).
    `lowered` is `text` lower-cased (offsets correspond only at the same length)."""
    if not label.words:
        return list(range(len(starts)))
    if len(lowered) != len(text) or any(c in text for c in CASE_FOLD_TO_ASCII):
        # A letter that a case-insensitive pattern reads as ASCII ("ſ" as "s"): the lines
        # of the window together hold a word or none is searched, as with any text.
        words_in = any(w in (lowered if w.islower() else text) for w in label.words)
        return list(range(len(starts))) if words_in else []
    found: set[int] = set()
    for word in label.words:
        within = lowered if word.islower() else text
        at = within.find(word)
        while at != -1:
            li = bisect_right(starts, at) - 1
            found.add(li)
            # On from the next line: one hit is enough for a line.
            at = within.find(word, starts[li + 1]) if li + 1 < len(starts) else -1
    return sorted(found)


# Joins the header lines so that each label is searched once over the window;
# no label pattern can match it, so a match never spans two lines.
_LINE_SEPARATOR: Final = "\x00"


_CAPITALS_WORD: Final = re.compile(r"\b[A-Z][A-Z'’]+\b")


def _label_case(text: str) -> str:
    """`text` as labels are searched in, the same length: words in capitals written as
    "Word" ("REPORT BY:" -> "Report By:"), and in a row of two cells the tab after a short
    first cell without a colon read as its colon ("Report to<tab>Cabinet" -> "Report
    to:Cabinet": a header table from Word has no colons, the cell ends the label)."""
    out = text
    if out.rstrip().count("\t") == 1:
        # Only a row of two cells, label and value: a wider row is a table's.
        out = _CELL_THEN_TAB.sub(r"\1\2:", out)
    if _CAPITALS_WORD.search(out):
        cased = _CAPITALS_WORD.sub(lambda m: m[0][0] + m[0][1:].lower(), out)
        out = cased if len(cased) == len(out) else out
    return out


# (Not before a cell in lower case: "Classi f Open<tab>fication:" is a label broken by layout.)
_CELL_THEN_TAB: Final = re.compile(r"(?:^|(?<=\t))([^\t:]{0,39}[^\t:\s])([ ]*)\t(?![a-z])")


def _find_hits(texts: Sequence[str]) -> list[_Hit]:
    # Labels are searched in `_label_case` text; values are read from `texts` at the same
    # offsets.
    texts = [_label_case(t) for t in texts]
    if any(_LINE_SEPARATOR in t for t in texts):
        return _find_hits_per_line(texts)
    joined = _LINE_SEPARATOR.join(texts)
    lowered = ascii_lower(joined)  # (the words are ASCII)
    starts: list[int] = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    hits: list[_Hit] = []
    taken: dict[int, list[tuple[int, int]]] = {}
    for label in LABELS:
        # A label is searched only in the lines that hold one of its words (a search of
        # the whole window tries every position of it); each line with its separator,
        # so that the pattern sees the same characters around a match.
        for li in _lines_with_word(label, joined, lowered, starts):
            for m in label.pattern.finditer(joined, starts[li], starts[li] + len(texts[li]) + 1):
                start, end = m.start() - starts[li], m.end() - starts[li]
                if label.line_start and texts[li][:start].strip():
                    continue
                # A label glued to a previous word must start with a capital letter.
                line_taken = taken.setdefault(li, [])
                if any(start < e and s < end for s, e in line_taken):
                    continue
                hits.append(_Hit(label.field, start, end, li, m.groupdict().get("inner")))
                line_taken.append((start, end))
    hits.sort(key=lambda h: (h.line_index, h.start))
    return hits


def _find_hits_per_line(texts: Sequence[str]) -> list[_Hit]:
    hits: list[_Hit] = []
    for li, text in enumerate(texts):
        taken: list[tuple[int, int]] = []
        for label in LABELS:
            for m in label.pattern.finditer(text):
                if label.line_start and text[: m.start()].strip():
                    continue
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                inner = m.groupdict().get("inner")
                hits.append(_Hit(label.field, m.start(), m.end(), li, inner))
                taken.append((m.start(), m.end()))
    hits.sort(key=lambda h: (h.line_index, h.start))
    return hits


def _value_cells(text: str) -> list[str]:
    parts = rx(r"\t| {3,}").split(text)
    return [clean(p) for p in parts if clean(p) and clean(p).lower() not in _LABEL_FRAGMENTS]


def _join_continuation(previous: str, extra: str) -> str:
    """A wrapped value continues with a space; a second value in the same cell gets "; "."""
    if not previous:
        return extra
    last = previous.split()[-1] if previous.split() else ""
    if previous.endswith(("-", ",", "&")) or last.islower() or extra[:1].islower():
        return f"{previous} {extra}"
    return f"{previous}; {extra}"


def _looks_like_heading(text: str) -> bool:
    """A short line that does not end a sentence ("Introduction"): the summary is over."""
    return len(text.split()) <= _HEADING_WORDS and not text.rstrip().endswith((".", ",", ";", ":"))


# "Public (Appendix B is exempt ...)", "Open, with exempt appendices": the report itself is open.
_EXEMPT_APPENDIX: Final = re.compile(
    r"\b(?:appendix|appendices|annex(?:es)?)\b[^.;()]{0,40}?\b(?:is|are)\s+"
    r"(?:exempt|confidential|restricted|not\s+for\s+publication)"
    r"|\b(?:exempt|confidential|restricted)\s+(?:appendix|appendices|annex(?:es)?)\b",
    re.IGNORECASE,
)


def _classification(value: str) -> str | None:
    if _EXEMPT_APPENDIX.search(value) and _OPEN_WORDS.match(value.strip(" :-–(")):
        return "open"  # an open report whose named appendices are withheld
    if _NOT_FOR_PUBLICATION_ANYWHERE.search(value):
        return "closed"
    if _NOT_EXEMPT.search(value):
        return "open"  # "Exempt information: No", "Not exempt"
    if _CLOSED_WORDS.search(value):
        return "closed"
    if _OPEN_WORDS.search(value):
        return "open"
    return None


def _exempt_paragraph(text: str) -> str | None:
    if "schedule" not in ascii_lower(text):
        return None  # both patterns cite Schedule 12A
    m = _EXEMPT_PARAGRAPH.search(text) or _EXEMPT_PARAGRAPH_AFTER.search(text)
    return rx(r"\s+").sub(" ", m.group("num")).strip() if m else None


def _yes_no(value: str) -> bool | None:
    v = value.strip().lower()
    if v.startswith("yes"):
        return True
    if v.startswith("no"):
        return False
    return None


def _split_meeting_date(value: str) -> tuple[str, str | None]:
    """ "Cabinet - 4 March 2025" -> ("Cabinet", "2025-03-04")."""
    for pattern in (DAY_MONTH_YEAR, MONTH_DAY_YEAR, NUMERIC_DATE):
        m = pattern.search(value)
        if m:
            name = (value[: m.start()] + value[m.end() :]).strip(" -–—,;:")
            return name, parse_date(m.group(0))
    return value, None


def _item_number(value: str) -> str | None:
    m = rx(r"\s*([0-9]+[A-Za-z]?(?:\.[0-9]+)?(?:\s*\([a-z0-9]+\))?)").match(value)
    return m.group(1).replace(" ", "") if m else None


# Lines of text (not labels) after which the header is over: a label further down is in
# the report's body ("Contact officer:" at its end, when the whole report is short).
MAX_GAP_IN_HEADER: Final = 10
# A numbered section heading of the body: "1. Purpose of the report", "2 BACKGROUND",
# "3.0 Recommendations" (a number, then a short title without a closing stop; not a
# header table's row "14.<tab>Closed<tab>12 January 2022").
_SECTION_HEADING: Final = re.compile(r"^[ ]*\d{1,2}(?:\.0)?\.?[ ]+[A-Z][^.:;?!\t]{2,60}$")


# Fields a header names once: labelled again below, they begin something else.
_ONCE_IN_A_HEADER: Final = frozenset({"meeting_name", "date"})


def _header_run(hits: list[_Hit], texts: Sequence[str]) -> list[_Hit]:
    """The hits of the header: those before the first gap of more than MAX_GAP_IN_HEADER
    non-blank lines without a label."""
    if not hits:
        return hits
    labelled = {h.line_index for h in hits}
    kept = [hits[0]]
    for hit in hits[1:]:
        between = [
            li
            for li in range(kept[-1].line_index + 1, hit.line_index)
            if texts[li].strip() and li not in labelled
        ]
        if len(between) > MAX_GAP_IN_HEADER:
            break
        if any(_SECTION_HEADING.match(texts[li]) for li in between):
            # "1. Purpose of the report" stands between: the body has begun, and a label
            # further down ("Contact officer:" at the foot of a short report) is in it.
            break
        if hit.field in _ONCE_IN_A_HEADER and any(k.field == hit.field for k in kept):
            # "Meeting: 9 June" ... "Meeting: 15 September": dates of a list (a work
            # programme's meetings), not a header that names its meeting twice.
            break
        kept.append(hit)
    return kept


# (Glued by PDF extraction, the answer runs into the next label: "NoRecommendations:".)
_PERIOD_START: Final = re.compile(r"(?i)\b(?:period|from|between)(?:\s+of)?\s*:?\s*$")
_PERIOD_JOIN: Final = re.compile(r"(?i)^\s*(?:to|until|and|[-–—])\s*$")


def _first_date_outside_periods(text: str) -> str | None:
    """The first date of `text` that does not bound a period ("For the period 1 April
    2026 to 31 July 2026" is what a plan covers, not the paper's date)."""
    dates = find_dates(text)
    for (start, end, _), (nxt, nxt_end, _) in pairwise(dates):
        if _PERIOD_JOIN.match(text[end:nxt]) and _PERIOD_START.search(
            text[max(0, start - 30) : start]
        ):
            text = text[:start] + " " * (nxt_end - start) + text[nxt_end:]
    return parse_date(text)


_ANSWER: Final = re.compile(r"(?i:yes|no|y|n|not|none|n/a)(?![a-z])")


def _answered(hit: _Hit, texts: Sequence[str]) -> bool:
    """A "Key decision" label has a yes or no after it (or its answer on the next line):
    "FORWARD PLAN OF KEY DECISIONS" and a table's column "Key decision" are no label."""
    if hit.field != "key_decision":
        return True
    rest = texts[hit.line_index][hit.end :]
    if rest[:1].isalpha():
        return _ANSWER.match(rest) is not None  # "Key decision?No" glued; "KEY DECISIONS"
    cells = _value_cells(rest)
    return not cells or _ANSWER.match(cells[0]) is not None


def extract_header(lines: Sequence[Line]) -> HeaderFields:
    """Header fields from the first lines of a report (or an empty `HeaderFields`)."""
    window: list[Line] = []
    chars = 0
    for ln in lines:
        if len(window) >= HEADER_LINES or chars > HEADER_CHARS:
            break
        window.append(ln)
        chars += len(ln.text)
    texts = [strip_markup(ln.text)[:HEADER_CHARS] for ln in window]
    hits = _header_run([h for h in _find_hits(texts) if _answered(h, texts)], texts)
    if not hits:
        bare = _bare_classification(window)
        # No labels: the opening words often still name the meeting's date.
        opening = " ".join(texts)[:OPENING_CHARS]
        return HeaderFields(
            classification=bare.classification,
            exempt_paragraph=bare.exempt_paragraph,
            date=_first_date_outside_periods(_GLUED_DIGITS.sub(" ", opening)),
        )

    values: dict[str, str] = {}
    field_line: dict[str, int] = {}
    inner: dict[str, str] = {}
    label_lines: list[int] = []
    last_index = hits[0].line_index
    for i, hit in enumerate(hits):
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        end = nxt.start if nxt is not None and nxt.line_index == hit.line_index else None
        raw = texts[hit.line_index][hit.end : end]
        cells = _value_cells(raw)
        if hit.inner:
            inner[hit.field] = hit.inner.strip()
        value = " ".join(cells)
        # A field already given a value by an earlier label (the report's title repeated
        # as "Report title:" above its first section) keeps it: this label adds nothing.
        owns = hit.field not in values or (not values[hit.field] and value)
        if owns:
            values[hit.field] = value
            field_line[hit.field] = window[hit.line_index].number
        label_lines.append(window[hit.line_index].number)
        last_index = max(last_index, hit.line_index)
        # Lines after the last label on a line, up to the next labelled line, continue it
        # ("Subject: ... Future of" / "Commissioned Services at ...").
        if (nxt is None or nxt.line_index > hit.line_index) and (owns or not values[hit.field]):
            stop = nxt.line_index if nxt is not None else min(len(texts), hit.line_index + 12)
            same_line = [h for h in hits if h.line_index == hit.line_index]
            for li in range(hit.line_index + 1, stop):
                if not texts[li].strip():
                    if hit.field in {"title", "meeting_name", "date", "from", "report_author"}:
                        break
                    if nxt is None and hit.field != "summary":
                        break
                    continue
                extra = _value_cells(texts[li])
                if not extra:
                    continue
                if len(same_line) > 1 and len(extra) == len(same_line):
                    # A second row of a two-column header: one value per label.
                    for h, cell in zip(same_line, extra, strict=True):
                        values[h.field] = _join_continuation(values.get(h.field, ""), cell)
                elif hit.field == "summary":
                    if len(extra) == 1 and _looks_like_heading(extra[0]):
                        break
                    values[hit.field] = f"{values[hit.field]} {' '.join(extra)}".strip()
                elif hit.field in {"title", "from", "report_author", "meeting_name"}:
                    if is_bullet(texts[li]):
                        break  # a list below the label, not its value wrapped
                    values[hit.field] = _join_continuation(values[hit.field], " ".join(extra))
                elif hit.field in {"recommendations", "appendices"}:
                    # A label on a line of its own, its list on the lines below, up to the
                    # next label ("Recommendations:" / "2.1 That ..." / "2.2 That ...").
                    values[hit.field] = f"{values[hit.field]} {' '.join(extra)}".strip()
                elif not values[hit.field]:
                    # A label alone on its line, its value on the next ("Ward(s) affected:"
                    # / "None"): a two-column header read row by row.
                    values[hit.field] = " ".join(extra)
                    field_line[hit.field] = window[li].number
                    last_index = max(last_index, li)
                    break
                else:
                    break
                last_index = max(last_index, li)

    head_text = "\n".join(texts[: last_index + 1])
    classification = None
    if "classification" in values:
        classification = _classification(
            inner.get("classification", "") + " " + values["classification"]
        )
    meeting_name = values.get("meeting_name") or None
    date = parse_date(values["date"]) if values.get("date") else None
    if meeting_name:
        name, meeting_date = _split_meeting_date(meeting_name)
        meeting_name = name or None
        date = date or meeting_date
    if date is None:
        # Text glued by extraction ("Report16th October 2012") hides the date from \b.
        date = parse_date(_GLUED_DIGITS.sub(" ", head_text))
    bare = _bare_classification(window)
    return HeaderFields(
        item_number=_item_number(values.get("item_number", "")),
        classification=classification or bare.classification,
        exempt_paragraph=_exempt_paragraph("\n".join(texts)) or bare.exempt_paragraph,
        date=date,
        meeting_name=meeting_name,
        title=values.get("title") or None,
        wards=values.get("wards") or None,
        # "Report author:" names who wrote it; without "Report of:" the report is theirs.
        from_=values.get("from") or values.get("report_author") or None,
        report_author=values.get("report_author") or None,
        key_decision=_yes_no(values["key_decision"]) if values.get("key_decision") else None,
        summary=values.get("summary") or None,
        recommendations=values.get("recommendations") or None,
        recommendations_line=field_line.get("recommendations"),
        appendices=values.get("appendices") or None,
        last_line=window[last_index].number,
        lines=tuple(sorted(set(label_lines))),
    )


def _bare_classification(window: Sequence[Line]) -> HeaderFields:
    """ "FOR GENERAL RELEASE" / "NOT FOR PUBLICATION ... Schedule 12A" lines without a label."""
    for ln in window:
        text = clean(ln.text)
        if _GENERAL_RELEASE.match(text):
            return HeaderFields(classification="open")
        if _NOT_FOR_PUBLICATION.match(text):
            return HeaderFields(classification="closed", exempt_paragraph=_exempt_paragraph(text))
    return HeaderFields()
