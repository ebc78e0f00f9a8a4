"""Sections of a report or letter: headings and the text under each.

A heading is a markdown heading ("## **BACKGROUND**"), a line in capitals
("KEY ISSUES FOR CONSIDERATION"), a numbered heading whose next paragraph is
numbered under it ("3.0 Background" then "3.1 ..."), or a short stand-alone
line that does not end a sentence ("Policy implications", "Recommendation:").
The text under a heading is its paragraphs, one per line, with paragraphs
broken by page breaks or wrapping joined again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import Section
from minutebook.parser.patterns import rx
from minutebook.parser.report_text import (
    NUMBERING,
    PAGE_LINE,
    clean,
    dates_in,
    ends_sentence,
    is_bullet,
    is_upper_heading,
    join_paragraphs,
    markdown_heading,
    more_words_than,
    short_text_cache,
    starts_lower,
    word_count,
)

MAX_HEADING_WORDS: Final = 12
MAX_NUMBERED_HEADING_WORDS: Final = 8
MAX_LONG_HEADING_WORDS: Final = 20
_HEADING_NUMBER: Final = re.compile(r"^\s*(?P<major>\d+)(?:\.0)?\.?\s+(?=\S)")
_SUB_NUMBER: Final = re.compile(r"^\s*(?:[-*]\s+)?(?P<major>\d+)\.(?P<minor>[1-9]\d*)\b")
# Inline numbering in text extracted without line breaks: "... Report 1.1 This report ..."
_INLINE_BREAK: Final = re.compile(
    r"(?<=[.;:?!)])\s+(?=\d{1,2}(?:\.\d{1,2})?\.?\s+[A-Z])"
    r"|\s+(?=\d{1,2}\.\d{1,2}\s+[A-Z])"
    # "... 2020 1. Purpose of Report 1.1 This report": a heading before its first sub-paragraph
    r"|\s+(?=(?P<major>\d{1,2})\.\s+[A-Z][\w,&'’()-]*(?:\s+[\w,&'’()-]+){0,7}\s+(?P=major)\.1\s)"
)
LONG_LINE: Final = 600
RUNNING_HEADER_REPEATS: Final = 3
MAX_STACKED_HEADINGS: Final = 2
MAX_DATE_HEADING_CHARS: Final = 60
_LETTER_FORMULA: Final = re.compile(r"^(?:dear|yours)\s", re.IGNORECASE)
_CAPTION: Final = re.compile(r"^(?:table|figure|chart)\s+\d+\b", re.IGNORECASE)
_COLUMN_GAP: Final = re.compile(r"\S {3,}\S")
_DIGIT: Final = re.compile(r"\d")


def _opens_block(raw: str, text: str) -> bool:
    """A line that may follow a heading directly: numbered, bulleted, a heading or a table row."""
    return (
        bool(NUMBERING.match(text))
        or is_bullet(text)
        or "\t" in raw.strip()
        or markdown_heading(raw) is not None
        or is_upper_heading(text)
    )


def explode_long_lines(lines: Sequence[Line]) -> list[Line]:
    """Split very long lines (a page extracted without line breaks) at inline paragraph numbers.

    The pieces keep the line number of the line they came from, so spans stay true.
    """
    out: list[Line] = []
    for ln in lines:
        if len(ln.text) <= LONG_LINE or "\t" in ln.text:
            out.append(ln)
            continue
        # Every break is before a number: a line without a digit has none to search for.
        breaks = _INLINE_BREAK.finditer(ln.text) if _DIGIT.search(ln.text) else ()
        starts = [0] + [m.end() for m in breaks]
        for a, b in zip(starts, [*starts[1:], len(ln.text)], strict=True):
            piece = ln.text[a:b]
            if piece.strip():
                out.append(Line(number=ln.number, text=piece.strip(), page=ln.page))
    return out


class _Neighbours:
    """The nearest non-blank line before and after each line, computed once."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self._lines = lines
        n = len(lines)
        self.blank = [not ln.text.strip() for ln in lines]
        self._next: list[int] = [-1] * n
        self._prev: list[int] = [-1] * n
        following = -1
        for k in range(n - 1, -1, -1):
            self._next[k] = following
            if not self.blank[k]:
                following = k
        preceding = -1
        for k in range(n):
            self._prev[k] = preceding
            if not self.blank[k]:
                preceding = k

    def next(self, i: int) -> Line | None:
        k = self._next[i]
        return self._lines[k] if k >= 0 else None

    def previous(self, i: int) -> tuple[Line | None, bool]:
        """The previous non-blank line and whether it is directly above (no blank between)."""
        k = self._prev[i]
        return (self._lines[k], k == i - 1) if k >= 0 else (None, True)


_MARKING: Final = re.compile(
    r"(?i)^(?:for\s+general\s+release|not\s+for\s+(?:general\s+)?publication|"
    r"official(?:\s*[-–]\s*sensitive)?|unrestricted|restricted|confidential|open|"
    r"(?:not\s+)?protectively\s+marked)$"
)
_SECTION_NUMBER: Final = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+(?=\S)")


def _reads_as_prose(text: str, min_words: int) -> bool:
    """`min_words` words or more, two in five of them in lower case (a name list or a post
    and a date has its words in capitals)."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return len(words) >= min_words and sum(w[:1].islower() for w in words) >= 0.4 * len(words)


def _numbered_heading_standing_apart(
    lines: Sequence[Line], i: int, rest: str, nxt: Line, next_text: str, nav: _Neighbours
) -> bool:
    """ "3. Background" on a line of its own, blank lines around it, over a paragraph (not
    over "3.1 ..."): a numbered heading. A numbered list item is not: its next line is the
    next item, or it ends with a stop, or it is long."""
    if word_count(rest) > MAX_NUMBERED_HEADING_WORDS or not rest[:1].isupper():
        return False
    if rest.rstrip(":").endswith((".", ";", ",", "?", "!")) or nxt.number == lines[i].number + 1:
        return False
    prev, adjacent = nav.previous(i)
    if prev is not None and adjacent:
        return False
    if NUMBERING.match(next_text) or is_bullet(next_text) or not next_text[:1].isupper():
        return False
    # "5. Appendices" over a list of titles: a report's standard heading whatever follows.
    return (
        _reads_as_prose(next_text, 4)
        or ends_sentence(next_text)
        or _STANDARD_HEADING.fullmatch(rest) is not None
    )


def _heading_over_paragraph(
    lines: Sequence[Line], i: int, text: str, next_text: str, nav: _Neighbours
) -> bool:
    """A short heading with its paragraph directly under it (Word text without blank lines
    between paragraphs): a few words without a closing stop, after a blank line or a finished
    sentence, over a line at least twice as long that starts a sentence. The last line of a
    wrapped paragraph ends with a stop; a wrapped line in the middle is not short."""
    if word_count(text) > 6 or ends_sentence(text) or text.endswith((",", ";", ":")):
        return False
    if len(next_text) < max(40, 2 * len(text)) or not next_text[:1].isupper():
        return False
    if not _reads_as_prose(next_text, 6):
        return False  # not prose: a signature's post and date, a name list
    prev, adjacent = nav.previous(i)
    return prev is None or not adjacent or ends_sentence(clean(prev.text))


# The headings every officer's report uses, whatever follows them ("Recommendation(s)"
# over "That Cabinet:", "Background papers" over a list of titles).
_STANDARD_HEADING: Final = re.compile(
    r"(?i)(?:purpose(?:\s+of\s+(?:the\s+)?report)?|(?:executive\s+)?summary|background|"
    r"introduction|recommendations?(?:\s*\(s\))?|"
    r"reasons?\s+for\s+(?:the\s+)?(?:recommendations?(?:\s*\(s\))?|decisions?)|"
    r"(?:alternative\s+)?options\s+considered|implications|"
    r"(?:financial|legal|equalit(?:y|ies)|risk|staffing|climate(?:\s+change)?)\s+implications|"
    r"background\s+(?:papers|documents)|appendices|contact\s+officers?|conclusions?)\s*:?"
)


# The closing headings of a report that carry their text after a colon on their line:
# "Background papers: None", "Contact officer: Jo Bloggs, Tel: ...".
_LABELLED_CLOSING: Final = re.compile(
    r"^(?P<title>(?i:background\s+(?:papers|documents)|contact\s+officers?|appendices))"
    r"\s*:\s+(?P<rest>\S.*)$"
)


def _labelled_closing(text: str) -> re.Match[str] | None:
    return _LABELLED_CLOSING.match(text) if ":" in text[:30] else None


def _standard_heading_apart(text: str, i: int, nav: _Neighbours) -> bool:
    """A report's standard heading on a line of its own after a blank line (or a finished
    sentence), over text that follows without a gap."""
    if not _STANDARD_HEADING.fullmatch(text):
        return False
    prev, adjacent = nav.previous(i)
    return prev is None or not adjacent or ends_sentence(clean(prev.text))


def heading_text(lines: Sequence[Line], i: int, nav: _Neighbours | None = None) -> str | None:
    """The heading on line `i` (cleaned), or None when the line is not a heading."""
    nav = nav or _Neighbours(lines)
    ln = lines[i]
    if nav.blank[i] or "\t" in ln.text.strip():
        return None
    md = markdown_heading(ln.text)
    if md is not None:
        # "## 3. Background": the number is the heading's, as in a plain "3. Background".
        return _SECTION_NUMBER.sub("", md[1]).rstrip(":").strip() or None
    text = clean(ln.text)
    if not text or len(text) > 120 or is_bullet(text):
        return None
    if (closing := _labelled_closing(text)) is not None:
        prev, adjacent = nav.previous(i)
        if prev is None or not adjacent or ends_sentence(clean(prev.text)):
            return closing["title"]  # its text is the rest of the line (inline_heading_text)
    nxt = nav.next(i)
    if nxt is None:
        return _inline_title(text)  # "15.0 Background Documents : None" closing a report
    next_text = clean(nxt.text)
    numbered = _HEADING_NUMBER.match(text)
    if numbered:
        rest = text[numbered.end() :]
        sub = _SUB_NUMBER.match(next_text)
        if (
            sub
            and sub.group("major") == numbered.group("major")
            and word_count(rest) <= MAX_NUMBERED_HEADING_WORDS
            and rest[:1].isupper()
            and not rest.rstrip(":").endswith((".", ";", ","))
        ):
            return rest.rstrip(":").strip()
        if _numbered_heading_standing_apart(lines, i, rest, nxt, next_text, nav):
            return rest.rstrip(":").strip()
        return _inline_title(text)
    if NUMBERING.match(text):
        return None
    long = more_words_than(text, MAX_HEADING_WORDS)
    if not text[0].isupper() or (long and not _long_heading(text)):
        return None
    if _LETTER_FORMULA.match(text):
        return None  # "Dear David", "Yours sincerely" open and close a letter
    if _CAPTION.match(text):
        return None  # "Table 1: ..." captions a table, it does not open a section
    if PAGE_LINE.match(text):
        return None  # "Page 2": a page number left in the text
    if _MARKING.match(text):
        return None  # "FOR GENERAL RELEASE": the paper's security marking, not a section
    if _COLUMN_GAP.search(ln.text.strip()):
        return None  # a space-aligned table row or a justified line of prose
    if (
        nxt.number == ln.number + 1
        and not _opens_block(nxt.text, next_text)
        and not _heading_over_paragraph(lines, i, text, next_text, nav)
        and not _standard_heading_apart(text, i, nav)
    ):
        return None  # wrapped prose: the next line follows with no gap
    if long and (nxt.number == ln.number + 1 or not _opens_block(nxt.text, next_text)):
        return None  # a long heading stands apart, over a numbered or bulleted paragraph
    if starts_lower(next_text) and not NUMBERING.match(next_text):
        return None
    prev, adjacent = nav.previous(i)
    if prev is not None and adjacent and "\t" in prev.text.strip():
        return None  # a one-cell row of the table above ("None")
    if (
        prev is not None
        and adjacent
        and i >= 2
        and "\t" in lines[i - 2].text.strip()
        and is_upper_heading(clean(prev.text))
        and not ends_sentence(clean(prev.text))
    ):
        # Under a table, a capitals line wrapped in two ("CONSULTATION WITH OTHER
        # OFFICERS / CABINET" / "MEMBER") is the table's row, not a heading of its own.
        return None
    if prev is not None and adjacent:
        prev_text = clean(prev.text)
        # Directly under an unfinished sentence it is that sentence's last line.
        if not ends_sentence(prev_text) and heading_text_simple(prev_text) is None:
            return None
    if is_upper_heading(text):
        return text.rstrip(":").strip()
    if text.rstrip().endswith((".", ";", ",", "!")):
        return None
    if text.endswith(":") and word_count(text) > 4:
        return None
    return text.rstrip(":").strip()


# A numbered heading with its text after a colon on the same line:
# "15.0 Background Documents : Local Policy 2026", "9. Background Papers: None".
_INLINE_HEADING: Final = re.compile(r"^(?P<title>[A-Z][^:.;,]{2,50}?)\s*:\s+(?P<rest>\S.*)$")
_CONNECTIVES: Final = frozenset({"and", "of", "&", "to", "for", "the", "in", "on"})


def _title_words(title: str) -> bool:
    """A short title: at most five words, each capitalised or a connective."""
    words = title.split()
    return 0 < len(words) <= 5 and all(w[:1].isupper() or w in _CONNECTIVES for w in words)


def _inline_title(text: str) -> str | None:
    """The title of a numbered heading that carries its text after a colon."""
    numbered = _HEADING_NUMBER.match(text)
    inline = _INLINE_HEADING.match(text[numbered.end() :]) if numbered else None
    return inline["title"] if inline and _title_words(inline["title"]) else None


def inline_heading_text(raw: str) -> str:
    """The text after the colon of a numbered heading (or a closing heading such as
    "Background papers:") that carries it on its line."""
    numbered = _HEADING_NUMBER.match(clean(raw))
    if numbered is None:
        closing = _labelled_closing(clean(raw))
        return closing["rest"].strip() if closing else ""
    inline = _INLINE_HEADING.match(clean(raw)[numbered.end() :])
    return inline["rest"].strip() if inline and _title_words(inline["title"]) else ""


def _long_heading(text: str) -> bool:
    """A heading of more than MAX_HEADING_WORDS words: in title case, one phrase.

    ("Update to Corporate Parenting Committee on the 'We Will' Statements within the
    Sufficiency Strategy"): most words capitalised, no sentence inside it.
    """
    words = text.split()
    if len(words) > MAX_LONG_HEADING_WORDS or ". " in text or ends_sentence(text):
        return False
    capitalised = sum(1 for w in words if w.lstrip("'\"\u2018\u201c(")[:1].isupper())
    return 2 * capitalised >= len(words)


def heading_text_simple(text: str) -> str | None:
    """Headings recognisable from the text alone (capitals, markdown)."""
    md = markdown_heading(text)
    if md is not None:
        return md[1]
    t = clean(text)
    if t and not more_words_than(t, MAX_HEADING_WORDS) and is_upper_heading(t):
        return t
    return None


def running_headers(lines: Sequence[Line]) -> set[str]:
    """Short lines repeated on many pages (running headers and footers), lower-cased."""
    counts: dict[str, int] = {}
    for ln in lines:
        text = clean(ln.text)
        if text and not more_words_than(text, MAX_HEADING_WORDS) and "\t" not in ln.text.strip():
            key = text.lower()
            counts[key] = counts.get(key, 0) + 1
    return {t for t, n in counts.items() if n >= RUNNING_HEADER_REPEATS}


@short_text_cache
def date_heading(text: str) -> str | None:
    """The date of a line that is only a (numbered) date: "9. 3 March 2021", "16 April 2024"."""
    if len(text) > MAX_DATE_HEADING_CHARS or _DIGIT.search(text) is None:
        return None
    body = rx(r"^(?:[-*]\s+)?\d+[.)]\s+(?=\d)").sub("", clean(text))
    dates = dates_in(body)
    if len(dates) != 1:
        return None
    start, end, iso = dates[0]
    rest = (body[:start] + body[end:]).strip(" :-\u2013\u2014,()")
    return iso if word_count(rest) <= 1 else None


def _is_plain(line: Line) -> bool:
    """A heading candidate only by shape: not markdown, not in capitals, not numbered."""
    text = clean(line.text)
    return (
        markdown_heading(line.text) is None
        and not is_upper_heading(text)
        and _HEADING_NUMBER.match(text) is None
    )


def _list_lines(lines: Sequence[Line], candidates: Sequence[int], nav: _Neighbours) -> set[int]:
    """Plain candidates that come three or more in a row are a list of short items, not headings.

    A heading and a sub-heading may stand together ("Ofsted Focused Visit" / "Early Help"),
    but a run of short lines ("Children in care" / "Ofsted feedback" / "Update on ...",
    with dated lines such as "9. 3 March 2021" among them) is the body of a list. The
    first line of such a run stays a heading when a dated line follows it (the title of
    a plan), and so does the last when a paragraph follows it.
    """
    plain = {i for i in candidates if _is_plain(lines[i])}
    positions = {id(ln): k for k, ln in enumerate(lines)}
    listed: set[int] = set()
    run: list[int] = []

    def member(k: int) -> bool:
        return k in plain or date_heading(lines[k].text) is not None

    def close() -> None:
        if len(run) > MAX_STACKED_HEADINGS:
            keep = set()
            if date_heading(lines[run[1]].text) is not None:
                keep.add(run[0])
            after = nav.next(run[-1])
            if after is not None and more_words_than(clean(after.text), MAX_HEADING_WORDS):
                keep.add(run[-1])
            listed.update(k for k in run if k in plain and k not in keep)
        run.clear()

    for k in range(len(lines)):
        if nav.blank[k]:
            continue
        if member(k):
            previous = nav.previous(k)[0]
            if run and (previous is None or positions[id(previous)] != run[-1]):
                close()
            run.append(k)
        else:
            close()
    close()
    return listed


def find_sections(lines: Sequence[Line]) -> tuple[Section, ...]:
    """The sections of `lines`; text before the first heading gets the heading ""."""
    lines = explode_long_lines(lines)
    furniture = running_headers(lines)
    nav = _Neighbours(lines)
    found = [(i, h) for i in range(len(lines)) if (h := heading_text(lines, i, nav)) is not None]
    listed = _list_lines(lines, [i for i, _ in found], nav)
    heads = [(i, h) for i, h in found if i not in listed and h.lower() not in furniture]
    sections: list[Section] = []
    bounds = [(-1, ""), *heads]
    for k, (start, heading) in enumerate(bounds):
        end = bounds[k + 1][0] if k + 1 < len(bounds) else len(lines)
        body = lines[start + 1 : end]
        content = [ln for k, ln in enumerate(body, start + 1) if not nav.blank[k]]
        if start < 0 and all(_MARKING.match(clean(ln.text)) for ln in content):
            continue  # nothing before the first heading but a marking ("FOR GENERAL RELEASE")
        paragraphs = join_paragraphs(body)
        text = "\n".join(p for p, _ in paragraphs)
        if start >= 0 and (inline := inline_heading_text(lines[start].text)):
            text = f"{inline}\n{text}" if text else inline
        covered = ([lines[start]] if start >= 0 else []) + content
        level = heading_level(lines[start].text) if start >= 0 else None
        sections.append(Section(heading=heading, text=text, span=span_of(covered), level=level))
    return _case_levels(sections)


def _case_levels(sections: list[Section]) -> tuple[Section, ...]:
    """Headings in capitals over headings in ordinary case ("BACKGROUND" then
    "Youth Offending Service"): where a report has both and opens with capitals,
    the capitals are level 1 and the others level 2."""
    plain_heads = [s for s in sections if s.heading and s.level is None]
    upper = [is_upper_heading(s.heading) for s in plain_heads]
    one_style = all(upper) or not any(upper)
    if plain_heads and one_style and len(plain_heads) == sum(1 for s in sections if s.heading):
        # No heading numbered or marked up, all in one style: one level.
        return tuple(replace(s, level=1) if s.heading else s for s in sections)
    if not plain_heads or not upper[0] or all(upper) or upper.count(True) < 2:
        return tuple(sections)
    return tuple(
        replace(s, level=1 if is_upper_heading(s.heading) else 2)
        if s.heading and s.level is None
        else s
        for s in sections
    )


_MULTI_NUMBER: Final = re.compile(r"^\s*(?:[-*]\s+)?\d{1,2}(?:\.0)?((?:\.[1-9]\d?)*)\.?\s+(?=\S)")


def heading_level(raw: str) -> int | None:
    """The depth of a heading line where its markup or numbering tells it: the
    number of "#" of a markdown heading, else 1 for "3." / "3.0", 2 for "3.2",
    3 for "3.2.1"; None for a heading with neither."""
    md = markdown_heading(raw)
    if md is not None:
        return md[0]
    m = _MULTI_NUMBER.match(clean(raw))
    if m is None:
        return None
    return 1 + m.group(1).count(".")
