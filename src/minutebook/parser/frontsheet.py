"""Front sheet facts: membership (with roles, reserves, co-opted members), contacts,
publication date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.dates import parse_date
from minutebook.parser.heading import plain
from minutebook.parser.lines import Line, column_cells, span_of
from minutebook.parser.models import Contact, Member, MemberRole
from minutebook.parser.name_lists import split_name_list
from minutebook.parser.names import PersonName, looks_like_person, member_role, split_person
from minutebook.parser.patterns import rx

SECTION: Final = re.compile(
    r"^(?P<head>membership|members(?:hip)?\s+of\s+the\s+\w+|members|councillors|"
    r"reserves?(?:\s+members?)?|substitutes?(?:\s+members?)?|named\s+substitutes|"
    r"(?:non-voting\s+|voting\s+)?co-opted(?:\s+(?:non-)?voting)?(?:\s+members?)?"
    r"(?:\s*\((?:non-)?voting\))?|co-optees)"
    r"\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
# "Quorum: 3", "Contact: Jane Doe": a labelled field, not a member's name.
_LABEL_VALUE: Final = re.compile(r"^[A-Za-z][\w \-]{1,30}:\s*\S")
_LETTER_OPENING: Final = re.compile(r"^Dear\s+\S")
EMAIL: Final = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
PHONE: Final = re.compile(r"(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b")
CONTACT_LABEL: Final = re.compile(
    # "Democratic Services contact:": a team's name before the label.
    r"(?i)^(?:(?-i:(?:[A-Z][a-z]+\s+){1,3})contact(?=\s*:)|"
    r"contact(?:\s+officers?|\s+details)?|ask\s+for|enquiries(?:\s+to)?|"
    r"for\s+(?:further\s+information|(?:any\s+)?enquiries)(?:\s+please)?\s+contact)\s*:?\s*(?P<rest>.*)$"
)


# Lower-case particles of Welsh, Gaelic, Irish and other surnames ("Morgan ap Iorwerth",
# "Mairi nic Leoid", "Domhnall Mac an t-Saoir", "Anna van der Berg").
_NAME_PARTICLES: Final = frozenset(
    {"ap", "ab", "ferch", "nic", "ni", "an", "der", "den", "del", "di"}
)


def _section_role(head: str) -> tuple[MemberRole | None, bool]:
    h = head.lower()
    if h.startswith(("reserve", "substitute", "named substitute")):
        return "reserve", True
    if "co-opt" in h:
        return "co-opted", "non-voting" not in h
    return None, True


def _is_name_line(text: str) -> bool:
    bare = rx(r"\([^()]*\)").sub("", text).strip(" .,")
    if not bare or len(text) > 200:
        return False
    if rx(r"(?i)none|nil|n/a|vacancy|vacant").fullmatch(bare):
        return True
    words = rx(r"[A-Za-z][\w'’\-.]*").findall(bare)
    if not words or len(words) > 40:
        return False
    small = {"and", "&", "of", "de", "van", "von", "la", "le", "du", "da", "bin", "al"}
    small |= _NAME_PARTICLES
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in small)
    return caps / len(words) >= 0.8 and not bare.isupper()


def _names_councillors(text: str) -> bool:
    """ "Councillors A Baig, J Cole and S Tully" inside a list: the plural honorific of the
    names that follow (no colon), which continues the list; "Councillors:" is a label."""
    return text[:11].lower() == "councillors" and text[11:12] == " "


def membership(lines: Sequence[Line]) -> list[Member]:
    """Members listed under "Membership", "Reserves", "Co-opted members" headings."""
    out: list[Member] = []
    i = 0
    n = len(lines)
    while i < n:
        text = plain(lines[i].text)
        m = SECTION.match(text) if not lines[i].is_blank else None
        # "Membership / Aelodaeth": the heading in a second language is no member.
        rest = "" if m is None or m["rest"].startswith("/") else m["rest"]
        if not m or (rest and not _is_name_line(rest)):
            i += 1
            continue
        section_role, voting = _section_role(m["head"])
        section_honorific = "Councillor" if m["head"].lower() == "councillors" else None
        entries: list[tuple[str, Line]] = [(rest, lines[i])] if rest else []
        j = i + 1
        while j < n:
            if lines[j].is_blank:
                j += 1
                continue
            t = plain(lines[j].text)
            sm = SECTION.match(t)
            if sm and (not sm["rest"] or _is_name_line(sm["rest"])) and not _names_councillors(t):
                break  # the next section
            columns = column_cells(lines[j])
            if "\t" in lines[j].text or len(columns) > 1:
                # A membership table: names in two or three columns (tabs, or spaces in
                # PDF text kept in its layout).
                cells = [plain(c) for c in columns]
                if cells and all(_is_name_line(c) and not _LABEL_VALUE.match(c) for c in cells):
                    entries.extend((c, lines[j]) for c in cells)
                    j += 1
                    continue
                if "\t" in lines[j].text:
                    break
            if not _is_name_line(t) or _LABEL_VALUE.match(t) or _LETTER_OPENING.match(t):
                break  # "Quorum: 3", "Contact: ...", "Dear Councillor," end the list
            entries.append((t, lines[j]))
            j += 1
        texts = [t for t, _ in entries]
        people: list[tuple[PersonName, Line]] = []
        one_per_line = all(
            "," not in rx(r"\([^()]*\)").sub("", t) and " and " not in t for t in texts
        )
        if one_per_line:
            for t, line in entries:
                if rx(r"(?i)none\.?|nil\.?").fullmatch(t):
                    continue
                people.append((split_person(t), line))
        else:
            joined = " ".join(texts)
            for person in split_name_list(joined):
                src = next((ln for t, ln in entries if person.name.split()[-1] in t), entries[0][1])
                people.append((person, src))
        for person, line in people:
            if not person.name or (person.honorific is None and not looks_like_person(person.name)):
                continue
            role: MemberRole = section_role or member_role(person.role)
            if section_role == "reserve":
                role = "reserve"
            member_voting = voting
            if role == "co-opted" and (
                (person.role and "non-voting" in person.role.lower()) or section_role is None
            ):
                member_voting = bool(person.role and rx(r"(?i)(?<!non-)voting").search(person.role))
            out.append(
                Member(
                    name=person.name,
                    # "Councillors: A Smith (Chair), B Jones": the label is their title.
                    honorific=person.honorific or section_honorific,
                    role=role,
                    span=span_of([line]),
                    voting=member_voting,
                )
            )
        i = j
    return out


def _join_broken_emails(text: str) -> str:
    # Column layouts break addresses: "jane.doe@kent\n   .gov.uk".
    return rx(r"(@[\w.-]+)\s*\n\s*(\.[\w.-]+)").sub(r"\1\2", text)


# Characters that match an ASCII letter when case is ignored but do not lower-case to it.
_FOLDS_TO_ASCII: Final = ("\u0130", "\u0131", "\u017f", "\u212a")


def _may_hold_contact_label(raw: str) -> bool:
    """False when the mid-line contact label searched for in `contacts` cannot be in `raw`
    (the search is slow on space-aligned lines)."""
    if ":" not in raw:
        return False
    low = raw.lower()
    return (
        "ask" in low
        or "contact" in low
        or "enquiries" in low
        or any(c in raw for c in _FOLDS_TO_ASCII)
    )


def contacts(lines: Sequence[Line]) -> list[Contact]:
    """Contact officers with name, e-mail and phone."""
    out: list[Contact] = []
    i = 0
    n = len(lines)
    while i < n:
        raw = lines[i].text
        # Column layouts put the label mid-line: "<date>      Ask for:   Jane Doe".
        m = CONTACT_LABEL.match(plain(raw))
        if not m and _may_hold_contact_label(raw):
            inline = rx(
                r"(?:\t| {2,})((?i:ask\s+for|contact(?:\s+officer)?|enquiries\s+to)\s*:.*)$"
            ).search(raw)
            m = CONTACT_LABEL.match(plain(inline.group(1))) if inline else None
        if not m:
            i += 1
            continue
        value_lines = [lines[i]]
        value = m["rest"]
        j = i + 1
        while j < n and j <= i + 6:
            if lines[j].is_blank:
                if value.strip():
                    break
                j += 1
                continue
            t = plain(lines[j].text)
            if (
                rx(r"(?i)(?:members\s+of\s+the|date\s*:|webpage|website)").match(t)
                and value.strip()
            ):
                break
            value += "\n" + lines[j].text
            value_lines.append(lines[j])
            j += 1
            if value.count("\n") >= 4:
                break
        value = _join_broken_emails(value).strip()
        value = rx(r"(?i)\b(?:telephone|tel|phone|e-?mail)\s*:").sub(" ", value)
        emails = EMAIL.findall(value)
        phones = [rx(r"\s+").sub(" ", p).strip() for p in PHONE.findall(value)]
        name_text = rx(r"(?i)\s+on\s+\d|\s+\d{3,}|\bor\s+e-?mail|\be-?mail\b|\btel\b|\n").split(
            value
        )[0]
        name_text = EMAIL.sub("", name_text)
        name_text = rx(
            r",\s*(?=[A-Z][a-z]+\s+(?:Officer|Manager|Advis|Team|Director|Clerk))"
        ).split(name_text)[0]
        names = [
            p.name
            for p in split_name_list(name_text)
            if p.name and looks_like_person(p.name) and len(p.name.split()) >= 2
        ]
        span = span_of(value_lines)
        if not names and not emails and not phones:
            i = j
            continue
        used: set[str] = set()
        for name in names:
            first = name.split()[0].lower()
            email = next((e for e in emails if e.lower().startswith(first) and e not in used), None)
            if email is None:
                email = next((e for e in emails if e not in used), None)
            if email:
                used.add(email)
            out.append(
                Contact(name=name, email=email, phone=phones[0] if phones else None, span=span)
            )
        for email in emails:
            if email not in used:
                out.append(
                    Contact(
                        name=None,
                        email=email,
                        phone=None if names else (phones[0] if phones else None),
                        span=span,
                    )
                )
        if not names and not emails and phones:
            out.append(Contact(name=None, email=None, phone=phones[0], span=span))
        i = j
    return out


_PUBLISHED_LABEL: Final = re.compile(
    r"(?i)(?:date(?:\s+of\s+publication)?|published(?:\s+on)?|issued)\s*:"
)
_MEETING_DETAIL_LABEL: Final = re.compile(r"(?i)^\W*(?:time|venue|place|location)\s*:")


def _beside_meeting_details(lines: Sequence[Line], i: int) -> bool:
    """Whether line i sits in the meeting's "Date: / Time: / Venue:" block (the next or
    previous non-blank line is a time or venue label): it dates the meeting."""
    neighbours = [
        next((ln for ln in lines[i + 1 :] if not ln.is_blank), None),
        next((ln for ln in reversed(lines[:i]) if not ln.is_blank), None),
    ]
    return any(ln is not None and _MEETING_DETAIL_LABEL.match(plain(ln.text)) for ln in neighbours)


def published(lines: Sequence[Line]) -> str | None:
    """The publication date: the last "Date:" line that is not the meeting's (beside its
    "Time:" or "Venue:"), else a closing line that is only a date."""
    for i in range(len(lines) - 1, -1, -1):
        t = plain(lines[i].text)
        if _PUBLISHED_LABEL.match(t) and not (t[:1] in "dD" and _beside_meeting_details(lines, i)):
            d = parse_date(t)
            if d:
                return d
    tail = [plain(ln.text) for ln in lines[-6:] if not ln.is_blank]
    for t in reversed(tail):
        if len(t) < 40 and parse_date(t) and not rx(r"\d{1,2}[.:]\d{2}|[ap]m\b").search(t):
            return parse_date(t)
    return None
