"""Recommendations of a report: numbered, bulleted, or one "is asked to" paragraph.

Found under a heading such as "RECOMMENDATIONS", "Recommendation:" or
"2.0 Recommendations". A lead-in that ends with a colon ("Cabinet is asked to
RECOMMEND that:", "Council is asked to RESOLVE that:") is carried into each
item below it, so that every recommendation reads as a whole sentence and
says who is asked to decide.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import Recommendation, Section
from minutebook.parser.patterns import ascii_lower
from minutebook.parser.report_text import is_bullet, join_paragraphs, split_numbering, strip_bullet

RECOMMENDATION_HEADING: Final = re.compile(
    r"^(?:recommendations?|recommended\s+(?:decisions?|resolutions?)|decisions?\s+(?:required|sought)"
    r"|proposed\s+(?:decisions?|resolutions?))\b",
    re.IGNORECASE,
)
ASKED_TO: Final = re.compile(
    r"\b(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to\b|\bit\s+is\s+recommended\s+that\b",
    re.IGNORECASE,
)
# Every match of ASKED_TO holds one of these words; most paragraphs hold none.
_ASKED_WORDS: Final = ("asked", "recommended", "requested", "invited")
_INLINE_ITEM: Final = re.compile(r"(?:^|(?<=[.;:]))\s*(\d+(?:\.\d+)*)\.?\s+(?=[A-Z(])")
_TRAILING: Final = re.compile(r"(?:[;,]|\s+and|\s+or)+\s*$", re.IGNORECASE)


def asks_to_decide(text: str) -> bool:
    """ASKED_TO.search(text), quick on the long sections that cannot match."""
    lowered = ascii_lower(text)
    return any(w in lowered for w in _ASKED_WORDS) and ASKED_TO.search(text) is not None


def _tidy(text: str) -> str:
    return _TRAILING.sub("", text.strip()).strip()


def _style(text: str) -> str:
    """The numbering style of a paragraph: "(1)", "a)", "1." / "2.1", or a bullet."""
    t = text.lstrip()
    if is_bullet(t) and split_numbering(strip_bullet(t))[0] is None:
        return "bullet"
    t = strip_bullet(t) if is_bullet(t) else t
    if t.startswith("("):
        return "paren"
    if t[:1].isalpha():
        return "letter"
    return "decimal"


def _from_paragraphs(paragraphs: Sequence[tuple[str, list[Line]]]) -> list[Recommendation]:
    out: list[Recommendation] = []
    lead: tuple[str | None, str, str] | None = None  # (number, text, style) of a lead-in "...:"
    loose: list[tuple[str, list[Line]]] = []
    for text, lines in paragraphs:
        style = _style(text)
        number, body = (None, strip_bullet(text)) if style == "bullet" else split_numbering(text)
        if lead is not None and number is not None and lead[0] is not None and style == lead[2]:
            lead = None  # "2.2" after the items of "2.1 ... that:" starts afresh
        if body.endswith(":"):
            lead = (number, body.rstrip(":").strip(), style)
            continue
        if (
            number is None
            and style != "bullet"
            and lead is None
            and not asks_to_decide(body)
            and not body.lower().startswith(("that", "to "))
        ):
            loose.append((text, lines))
            continue
        full = f"{lead[1]} {body}" if lead is not None else body
        num = number
        if lead is not None and lead[0] is not None and number is not None:
            num = f"{lead[0]}({number})"
        elif lead is not None and lead[0] is not None:
            num = lead[0]
        out.append(Recommendation(number=num, text=_tidy(full), span=span_of(lines)))
    if not out and loose:
        # One unnumbered paragraph ("The Cabinet is asked to consider ...").
        text, lines = loose[0]
        out.append(Recommendation(number=None, text=_tidy(text), span=span_of(lines)))
    elif lead is not None and not out:
        out.append(Recommendation(number=lead[0], text=lead[1], span=span_of(paragraphs[-1][1])))
    return out


def _section_lines(lines: Sequence[Line], section: Section) -> list[Line]:
    return [
        ln
        for ln in lines
        if section.span.first_line <= ln.number <= section.span.last_line
        and ln.number != section.span.first_line
    ]


def extract_recommendations(
    lines: Sequence[Line],
    sections: Sequence[Section],
    inline: str | None = None,
    inline_line: Line | None = None,
) -> tuple[Recommendation, ...]:
    """Recommendations from the recommendations section, or from an "is asked to" paragraph."""
    for section in sections:
        if RECOMMENDATION_HEADING.match(section.heading):
            body = _section_lines(lines, section)
            found = _from_paragraphs(join_paragraphs(body))
            if found:
                return tuple(found)
    if inline and inline_line is not None:
        return tuple(_inline(inline, inline_line))
    for section in sections:
        if asks_to_decide(section.text):
            body = _section_lines(lines, section)
            paragraphs = join_paragraphs(body)
            for k, (text, _) in enumerate(paragraphs):
                if asks_to_decide(text):
                    found = _from_paragraphs(paragraphs[k:])
                    if found:
                        return tuple(found)
    return ()


_INLINE_BULLET: Final = re.compile(r"\s*[•▪●·]\s+")


def _inline(text: str, line: Line) -> list[Recommendation]:
    """ "2.1 That the Report is accepted.2.2 That the Statement is approved." on one line."""
    marks = list(_INLINE_ITEM.finditer(text))
    span = span_of([line])
    if not marks:
        lead, *bullets = _INLINE_BULLET.split(text)
        if len(bullets) >= 2:
            # "The Board is asked to: • note ...; • endorse ...": each bullet with its lead.
            lead = lead.strip().rstrip(":-").strip()
            return [
                Recommendation(number=None, text=_tidy(f"{lead} {b}" if lead else b), span=span)
                for b in bullets
                if b.strip()
            ]
        return [Recommendation(number=None, text=_tidy(text), span=span)]
    out: list[Recommendation] = []
    for k, m in enumerate(marks):
        end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
        body = text[m.end() : end].strip()
        if body:
            out.append(Recommendation(number=m.group(1), text=_tidy(body), span=span))
    return out
