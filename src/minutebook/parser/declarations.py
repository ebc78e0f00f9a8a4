"""Declarations of interest in minutes.

"Councillor X declared an interest in item 7 ... This was not a disclosable
pecuniary interest."; "None were declared." (kept as one declaration of kind
"none" so that the record knows the question was asked); a declarations table
flattened to one cell per line (Councillor / Minute Number / Nature of Interest).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from minutebook.parser.attendance_sentences import (
    ABBREV_BEFORE_DOT,
    _paragraph_text,
    sentence_from,
)
from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import Attendee, Declaration
from minutebook.parser.names import HONORIFICS, looks_like_person, split_person
from minutebook.parser.patterns import rx

_HON: Final = "|".join(re.escape(h) for h in HONORIFICS)
_NAME_WORD: Final = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w'’\-]*(?:\.[A-Z][\w'’\-]*)?\.?)"
DECLARER: Final = re.compile(
    rf"(?P<name>(?:(?:{_HON})\.?\s+)*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s+"
    r"(?:declared|disclosed|made\s+(?:a\s+)?(?:similar\s+|further\s+)?(?:declaration|transparency\s+statement)|"
    r"advised\s+(?:that\s+)?[^.]{0,300}?(?:interest|declar))",
)
# "the Convener advised ...", "the Chair declared ...": the declarer named by office,
# kept as printed ("the Convener"; the record resolves it to the meeting's chair).
ROLE_DECLARER: Final = re.compile(
    r"\b(?P<name>[Tt]he\s+(?:(?:Vice|Depute|Deputy)[- ]|Lord\s+)?(?:Convener|Chair(?:man|person)?|"
    r"Provost|Mayor))\s+" + DECLARER.pattern.split(r")\s+", 1)[1]
)
# "All Members declared interests, the details of which are given under ...": a
# declaration of everyone present, recorded without a name.
ALL_DECLARED: Final = re.compile(
    r"(?i)^all\s+(?:the\s+)?(?:members|councillors)(?:\s+present)?(?:\s+of\s+the\s+\w+)?"
    r"\s+(?:declared|disclosed)\b"
)
# Statements run together on one line of a web page: "... item; · In relation to ...".
_INLINE_BULLET: Final = re.compile(r"(?:^|\s)[·•▪]\s+")
NONE_DECLARED: Final = re.compile(
    r"(?i)\b(?:no\s+(?:\w+\s+){0,4}(?:declarations?|disclosures?|interests?)|none\s+were\s+(?:declared|made|received)|"
    r"there\s+were\s+none|nil\s+declarations?)\b"
)
ITEM_REF: Final = re.compile(
    r"(?i)\b(?:agenda\s+)?(?:items?|minutes?)\s+(?:no\.?\s*)?(?P<n>(?:[A-Z]{1,6}/?)?\d{1,4}(?:/\d{1,4}){0,2}[a-z]?(?:\.\d{1,2})?(?:\.?[a-z]\))?)"
)
_TABLE_HEAD: Final = (
    re.compile(r"(?i)^(?:councillor|member|name)s?$"),
    re.compile(r"(?i)^(?:(?:agenda\s+)?item|minute)(?:\s+(?:no\.?|number))?$"),
    re.compile(r"(?i)^(?:nature\s+of\s+)?interest$|^(?:type|nature)\s+of\s+interest$"),
)


def _kind(text: str) -> str:
    low = text.lower()
    if rx(r"not\s+(?:a\s+)?(?:disclosable\s+)?pecuniary|non[-\s]pecuniary").search(low):
        return "other"
    if "pecuniary" in low:
        return "pecuniary"
    if "prejudicial" in low:
        return "prejudicial"
    return "other"


def _item_of(text: str) -> str | None:
    m = ITEM_REF.search(text)
    return m["n"].rstrip(")").rstrip(".") if m else None


# "in items 2.b) Parks and 5.a) Contracts", "items 4, 5 and 7": more numbers after
# the first, each after a comma, "and" or "&".
_MORE_ITEMS: Final = re.compile(
    r"(?:,\s*|\s+and\s+|\s*&\s*)(?P<n>\d{1,3}(?:\.\d{1,2})?(?:\.?[a-z]\))?)"
    r"(?=\)|\s*(?:,|\band\b|&|\.?$)|\s+[A-Z(])"
)


def _items_of(text: str) -> list[str | None]:
    """The item numbers a declaration names: one, or each of a list after "items"."""
    first = ITEM_REF.search(text)
    if first is None:
        return [None]
    items = [first["n"].rstrip(")").rstrip(".")]
    if rx(r"(?i)(?:agenda\s+)?items\b").match(first.group(0)):
        end = first.end()
        for m in _MORE_ITEMS.finditer(text, first.end(), min(len(text), first.end() + 200)):
            if m.start() - end > 80:
                break  # the list is over
            end = m.end()
            n = m["n"].rstrip(")").rstrip(".")
            if n not in items:
                items.append(n)
    return list(items)


def _declaration_row(
    name: str, item: str, nature: str, spans: list[Line], more: str = ""
) -> Declaration:
    person = split_person(name)
    return Declaration(
        name=person.name,
        item=(rx(r"\s*(\d{1,4}[a-z]?(?:\.\d+)?)").match(item) or [None, item])[1],
        text=f"{item}: {nature}{more}",
        span=span_of(spans),
        kind=_kind(nature),
    )


def _tab_table(lines: Sequence[Line]) -> list[Declaration] | None:
    """A declarations table as tab-separated rows: "Member<tab>Item<tab>Nature of interest",
    maybe with more columns after those ("Action taken"), which add to the statement."""
    rows = [ln for ln in lines if "\t" in ln.text]
    for k, head in enumerate(rows):
        cells = head.cells
        if len(cells) >= 3 and all(p.match(c) for p, c in zip(_TABLE_HEAD, cells[:3], strict=True)):
            out: list[Declaration] = []
            for ln in rows[k + 1 :]:
                if len(ln.cells) != len(cells):
                    continue
                name, item, nature, *extra = ln.cells
                more = "".join(
                    f"; {h.strip()}: {v.strip()}"
                    for h, v in zip(cells[3:], extra, strict=True)
                    if v.strip()
                )
                out.append(_declaration_row(name, item, nature, spans=[ln], more=more))
            return out or None
    return None


def _table(lines: Sequence[Line]) -> list[Declaration] | None:
    tabbed = _tab_table(lines)
    if tabbed is not None:
        return tabbed
    cells = [(ln, " ".join(ln.text.split())) for ln in lines if not ln.is_blank]
    for k in range(len(cells) - 2):
        if all(p.match(cells[k + j][1]) for j, p in enumerate(_TABLE_HEAD)):
            rows = cells[k + 3 :]
            out: list[Declaration] = []
            for r in range(0, len(rows) - 2, 3):
                (l1, name), (l2, item), (l3, nature) = rows[r : r + 3]
                out.append(_declaration_row(name, item, nature, spans=[l1, l2, l3]))
            return out
    return None


# "Councillors Lewis and Murphy declared ...": the names before the last one.
_PLURAL_BEFORE: Final = re.compile(
    rf"(?:Councillors|Cllrs\.?|County\s+Councillors)\s+(?P<names>{_NAME_WORD}(?:\s+{_NAME_WORD})?"
    rf"(?:\s*,\s*{_NAME_WORD}(?:\s+{_NAME_WORD})?)*)\s+(?:and|&)\s+$"
)


def _declarers(text: str, m: re.Match[str]) -> tuple[int, list[str]]:
    """(where the statement starts, the names declaring) for a `DECLARER` match."""
    start, declarer = m.start(), m["name"]
    # "... for the Council. Councillor Osei declared": the last sentence's name (a stop
    # after an initial or a title, "Councillor K. Fenwick", ends no sentence).
    cut = next(
        (
            k
            for k in range(len(declarer) - 2, -1, -1)
            if declarer.startswith(". ", k) and not ABBREV_BEFORE_DOT.search(declarer[:k])
        ),
        -1,
    )
    if cut >= 0:
        start, declarer = start + cut + 2, declarer[cut + 2 :]
    plural = _PLURAL_BEFORE.search(text, 0, start)
    if plural is not None and not split_person(declarer).honorific:
        names = [n.strip() for n in plural["names"].split(",")] + [declarer.strip()]
        return plural.start(), [n for n in names if n]
    person = split_person(declarer)
    name = rx(r"^(?:Later\s+in\s+the\s+meeting|At\s+this\s+point)\s+").sub("", person.name)
    if looks_like_person(name) and (person.honorific or len(name.split()) >= 2):
        return start, [name]
    return start, []


def extract_declarations(
    lines: Sequence[Line], item_number: str | None = None
) -> list[Declaration]:
    """Declarations in the lines of a declarations item (or any text that states them)."""
    table = _table(lines)
    if table is not None:
        return table
    found: list[Declaration] = []
    nones: list[Declaration] = []
    for paragraph, src in _paragraph_text(lines):
        for text in _statements(paragraph):
            _declaration(text, src, found, nones, item_number)
    if found:
        return found
    return nones[:1]


def _statements(paragraph: str) -> list[str]:
    """A paragraph, or the statements its inline bullets separate."""
    if "·" not in paragraph and "•" not in paragraph and "▪" not in paragraph:
        return [paragraph]
    parts = [p.strip().rstrip(";").strip() for p in _INLINE_BULLET.split(paragraph)]
    return [p for p in parts if p]


def _declaration(
    text: str,
    src: Sequence[Line],
    found: list[Declaration],
    nones: list[Declaration],
    item_number: str | None,
) -> None:
    """The declaration (or "none declared") one statement records, added to its list."""
    low = text.lower()
    # The declarer pattern is slow to search for; most paragraphs lack its verbs.
    # Several declarers may share one paragraph (lines not separated by a blank line).
    matches = (
        list(DECLARER.finditer(text))
        if "declar" in low or "disclos" in low or "advised" in low or "transparency" in low
        else []
    )
    declared = False
    for match in matches:
        start, names = _declarers(text, match)
        if not names:
            continue
        said = sentence_from(text, start)
        following = text[start + len(said) :].lstrip(". ")
        if rx(r"(?:This|It|He|She|They|The\s+interest)\b").match(following):
            said = f"{said}. {sentence_from(following, 0)}"
        # "In relation to item 11.1, Councillor X advised ...": the item comes first.
        items = _items_of(said) if ITEM_REF.search(said) else _items_of(text)
        found.extend(
            Declaration(
                name=name,
                item=item,
                text=said.strip().rstrip(".") + ".",
                span=span_of(src),
                kind=_kind(said),
            )
            for name in names
            for item in items
        )
        declared = True
    if declared:
        return
    if ALL_DECLARED.match(text):
        found.extend(
            Declaration(
                name=None, item=item, text=text.strip(), span=span_of(src), kind=_kind(text)
            )
            for item in _items_of(text)
        )
        return
    none = NONE_DECLARED.search(text) and not rx(r"(?i)(?:to|members\s+to|any\s+member)\b").match(
        text
    )
    role = ROLE_DECLARER.search(text) if matches and not none and "the " in low else None
    if role:
        found.extend(
            Declaration(
                name=role["name"],
                item=item,
                text=text.strip().rstrip(".") + ".",
                span=span_of(src),
                kind=_kind(text),
            )
            for item in _items_of(text)
        )
    elif none:
        nones.append(
            Declaration(name=None, item=item_number, text=text, span=span_of(src), kind="none")
        )


def full_declarer_names(
    declarations: Sequence[Declaration], attendance: Sequence[Attendee]
) -> list[Declaration]:
    """A declarer named by surname alone ("Cllr Kaur declared ...") by the name the
    attendance gives the one person present with that surname ("S. Kaur")."""
    out: list[Declaration] = []
    for d in declarations:
        if d.name and " " not in d.name:
            same = {
                a.name
                for a in attendance
                if a.status == "present" and a.name.split()[-1:] == [d.name]
            }
            if len(same) == 1:
                d = replace(d, name=same.pop())
        out.append(d)
    return out
