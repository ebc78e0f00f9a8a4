"""Extraction of decision notices (records of decision).

The notice is given as `Minutes` with one item: its number is the decision
number ("24/00115"), its title the "Title of Decision", its resolutions the
decisions of the "Decision:" block. The meeting date is the date the decision
was (or is to be) taken, when the notice states it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from minutebook.parser.classify import DECISION_NOTICE
from minutebook.parser.council import clean_committee, find_council
from minutebook.parser.dates import find_dates, parse_date
from minutebook.parser.declarations import extract_declarations
from minutebook.parser.heading import plain
from minutebook.parser.lines import Block, Line, span_of
from minutebook.parser.minute_items import find_items
from minutebook.parser.models import (
    Declaration,
    Document,
    MeetingRef,
    MinuteItem,
    Minutes,
    Resolution,
)
from minutebook.parser.names import smart_title
from minutebook.parser.patterns import rx
from minutebook.parser.reasons import item_reasons
from minutebook.parser.resolutions import extract_resolutions

DECISION_NO: Final = re.compile(
    r"(?i)\bdecision\s+(?:no\.?|number|ref(?:erence)?)\s*:?\s*"
    r"(?P<n>(?:[A-Z]{1,6}[\s/]?){0,3}\d+(?:/\d+)+|\d[\w/-]*)?"
)
DECIDER: Final = re.compile(
    r"(?i)\bdecision\s+(?:(?:to\s+be\s+)?(?:taken|made)\s+by|taker|maker)\s*:?\s*(?P<who>.*)$"
)
# "Date:", "Date of decision:", "Decision date:", "Decided on:", and for a notice of the
# decisions of a meeting "Date of meeting:" / "Meeting date:".
DATE_LABEL: Final = re.compile(
    r"(?i)(?:date(?:d)?(?:\s+of\s+(?:the\s+)?(?:decision|meeting))?|(?:decision|meeting)\s+date|"
    r"decided\s+on)\s*:"
)
TITLE: Final = re.compile(
    r"(?i)^(?:title\s+of\s+(?:the\s+)?decision|decision\s+title|subject)\s*:?\s*(?P<t>.*)$"
)
DECISION_BLOCK: Final = re.compile(r"(?i)^decision\s*:")
BLOCK_END: Final = re.compile(
    r"(?i)^(?:reasons?\s+for\s+(?:the\s+)?decision|background|financial\s+implications|"
    r"legal\s+implications|alternatives?|any\s+alternatives|options)"
)
TAKEN_ON: Final = re.compile(
    r"(?i)\bdecision\s+(?:by|of|taken\s+by)\s+[A-Z][\w ]{0,40}?\s+on\s+(?P<d>[^.\n]{6,40})"
)


# A notice printed as a table of boxed fields: a label cell ("Date of decision",
# "Reasons for the decision") beside its value, without a colon. The label is short,
# names no number and ends no sentence; the value may fill several rows below it.
_LABEL_CELL: Final = re.compile(
    r"^[ ]*(?P<label>[A-Z][A-Za-z(),'’ -]{1,60}?)[ ]*\t+[ \t]*(?P<value>\S.*)$"
)
_LABEL_WORDS: Final = 6


def _label_rows(lines: Sequence[Line]) -> list[Line]:
    """`lines` with each two-cell label row ("Date of decision<tab>17 February 2026") read
    as the "Label: value" line it stands for."""
    out: list[Line] = []
    above = ""  # the last non-blank line
    for ln in lines:
        m = _LABEL_CELL.match(ln.text) if "\t" in ln.text else None
        # Under a row of labels ("DECISION TO BE TAKEN BY:<tab>DECISION NO:") a row holds
        # their values ("Cabinet<tab>24/00115"), not a label of its own.
        if (
            m is None
            or len(m["label"].split()) > _LABEL_WORDS
            or ":" in m["label"]
            or above.endswith(":")
        ):
            out.append(ln)
        else:
            out.append(Line(ln.number, f"{m['label'].strip()}: {m['value'].strip()}", ln.page))
        if not ln.is_blank:
            above = ln.text.rstrip()
    return out


# The labels of a notice typed in Word as paragraphs of their own, without a colon, each
# over its value ("Date of decision" / "Monday 9 February 2026").
_BARE_LABEL: Final = re.compile(
    r"(?i)^(?:title\s+of\s+(?:the\s+)?decision|decision\s+title|subject|decisions?|"
    r"decision\s+(?:(?:to\s+be\s+)?(?:taken|made)\s+by|taker|maker)|decision\s+date|"
    r"date(?:\s+of\s+(?:the\s+)?(?:decision|meeting))?|reasons?\s+for\s+(?:the\s+)?decisions?)$"
)


def _bare_labels(lines: Sequence[Line]) -> list[Line]:
    """`lines` with each label paragraph ("Decision taken by") read as "Label:", when a
    value stands on the next line (a label is a short line: cheap test first)."""
    out = list(lines)
    for i in range(len(lines) - 1):
        text = lines[i].stripped
        if len(text) > 40 or not text or lines[i + 1].is_blank:
            continue
        if _BARE_LABEL.match(plain(text)):
            out[i] = Line(lines[i].number, f"{plain(text)}:", lines[i].page)
    return out


def _value_after(lines: Sequence[Line], i: int, inline: str) -> tuple[str | None, int]:
    """A label's value: on its line, else the next non-blank line."""
    if inline.strip():
        return inline.strip(), i
    for j in range(i + 1, min(i + 4, len(lines))):
        if not lines[j].is_blank:
            return plain(lines[j].text), j
    return None, i


def _decided(block: Sequence[Line]) -> tuple[Resolution, ...]:
    decided, _ = extract_resolutions(block)
    return tuple(decided)


def _several_decisions(lines: Sequence[Line], texts: Sequence[str]) -> list[MinuteItem]:
    """A notice of the decisions of a meeting: numbered item headings ("Item 6<tab>Town
    Centre Car Parking Charges"), each over its own "Decision:" block and reasons. One
    item per heading; none when the notice records fewer than two decisions."""
    blanked = [t if not ln.is_blank else "" for ln, t in zip(lines, texts, strict=True)]
    starts = find_items(lines, blanked)
    if len(starts) < 2:
        return []
    items: list[MinuteItem] = []
    bounds = [*(s.head for s in starts), len(lines)]
    for start, end in zip(starts, bounds[1:], strict=False):
        own = lines[start.head : end]
        own_texts = texts[start.head : end]
        opened = next((k for k, t in enumerate(own_texts) if DECISION_BLOCK.match(t)), None)
        if opened is None:
            return []  # a heading without a decision: not a notice of several
        closed = next(
            (k for k in range(opened + 1, len(own)) if BLOCK_END.match(own_texts[k])), len(own)
        )
        plains = {ln.number: t for ln, t in zip(own, own_texts, strict=True)}
        items.append(
            MinuteItem(
                number=start.number,
                title=start.title,
                resolutions=_decided(own[opened:closed]),
                span=span_of(own),
                reasons=item_reasons(own, plains)[0],
            )
        )
    return items


def extract_decision(block: Block) -> Document:
    lines = _bare_labels(_label_rows(block.lines))
    texts = [plain(ln.text) for ln in lines]
    number = title = committee = None
    decision_from = decision_to = None
    for i, t in enumerate(texts):
        if number is None and (m := DECISION_NO.search(t)):
            value = m["n"]
            if value is None:
                # Columns: "DECISION TO BE TAKEN BY:   DECISION NO:" over "Cabinet   24/00115".
                nxt, _ = _value_after(lines, i, "")
                found = rx(r"[A-Z]{0,4}\s?\d+/\d+").search(nxt or "")
                value = found.group(0) if found else None
            number = value.strip() if value else None
        if committee is None and (m := DECIDER.search(t)):
            raw = lines[i].text
            raw_m = DECIDER.search(raw)
            # Columns are runs of spaces (layout text) or tabs (table cells).
            who = rx(r"(?i)\s{3,}|\t|\bdecision\s+no").split(raw_m["who"] if raw_m else "")[0]
            if not who.strip():
                nxt_line = next((ln for ln in lines[i + 1 : i + 4] if not ln.is_blank), None)
                who = rx(r"\s{3,}|\t").split(nxt_line.text.strip())[0] if nxt_line else ""
            committee = clean_committee(who) or (plain(who) or None)
        if title is None and (m := TITLE.match(t)):
            title, _ = _value_after(lines, i, m["t"])
        if decision_from is None and DECISION_BLOCK.match(t):
            decision_from = i
        elif decision_from is not None and decision_to is None and BLOCK_END.match(t):
            decision_to = i
    resolutions: tuple[Resolution, ...] = ()
    if decision_from is not None:
        resolutions = _decided(lines[decision_from : decision_to or len(lines)])
    joined = "\n".join(texts)
    date = None
    if (m := TAKEN_ON.search(joined)) is not None:
        date = parse_date(m["d"])
    if date is None:
        dated = [
            d
            for i, t in enumerate(texts)
            if DATE_LABEL.match(t)
            # (the date under its label when the label stands alone)
            for _, _, d in find_dates(t if t[-1:] != ":" else _value_after(lines, i, "")[0] or "")
        ]
        date = dated[0] if dated else None
    items: tuple[MinuteItem, ...] = tuple(_several_decisions(lines, texts))
    declarations: tuple[Declaration, ...] = ()
    if items:
        # A notice of several decisions: each item has its title; the notice's is its heading.
        title = next(
            (smart_title(t) if t.isupper() else t for t in texts[:10] if DECISION_NOTICE.search(t)),
            None,
        )
        for item in items:
            own = [ln for ln in lines if item.span.first_line <= ln.number <= item.span.last_line]
            # A declaration under a decision is made on that decision's item.
            declarations += tuple(
                replace(d, item=d.item or item.number)
                for d in extract_declarations(own)
                if d.kind != "none"
            )
    elif title or resolutions:
        items = (
            MinuteItem(
                number=number,
                title=title or "Decision",
                resolutions=resolutions,
                span=span_of(lines),
                reasons=item_reasons(
                    lines, {ln.number: t for ln, t in zip(lines, texts, strict=True)}
                )[0],
            ),
        )
    return Document(
        kind="decision",
        subkind="decision_notice",
        title=title,
        committee=committee,
        council=find_council([ln.text for ln in lines]),
        meeting=MeetingRef(date=date),
        span=block.span,
        minutes=Minutes(items=items, declarations=declarations),
    )
