"""Attendance stated in sentences: apologies and substitutes.

"Apologies for absence were received from A, B and C", "X attended as a
substitute for Y", "Y who was substituted by Z", an apologies item listing one
person a line; and how people stated so are merged with those listed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress
from typing import Final

from minutebook.parser.attendance_labels import (
    _CO_OPTED_ROLE,
    _OFFICER_ROLE,
    _SEAT_ROLE,
    _plain,
    locate,
)
from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import Attendee, Span
from minutebook.parser.name_lists import split_name_list
from minutebook.parser.names import HONORIFICS, PersonName, looks_like_person, split_person
from minutebook.parser.patterns import rx
from minutebook.parser.report_text import lines_matching

_HON: Final = "|".join(re.escape(h) for h in HONORIFICS)
APOLOGIES: Final = re.compile(
    r"(?i)(?<!\bno\s)(?<!\bno\sother\s)\bapologies\s+(?:for\s+(?:absence|lateness)\s+)?"
    r"(?:(?:were|was|had\s+been|have\s+been)\s+)?"
    r"(?:(?:received|submitted|reported|given|tendered|noted|made|intimated)"
    r"(?:\s+and\s+(?:accepted|noted|approved))?\s+)?"
    r"(?:on\s+behalf\s+of|from)\s+"
)
# "Cllrs." (a plural honorific) does not end a sentence either.
ABBREV_BEFORE_DOT: Final = re.compile(rf"(?:\b(?:{_HON}|Cllrs)|\b[A-Z]|\bSt|\bNo)$")


def sentence_from(text: str, start: int) -> str:
    """Text from `start` to the end of its sentence (a full stop not after an initial or title)."""
    i = start
    while i < len(text):
        if (
            text[i] == "."
            and (i + 1 == len(text) or text[i + 1] in " \n")
            and not ABBREV_BEFORE_DOT.search(text[max(start, i - 30) : i])
        ):
            return text[start:i]
        i += 1
    return text[start:]


SUBSTITUTED_BY: Final = re.compile(r"\s+who\s+(?:was|were)\s+substituted\s+by\s+(?P<sub>.+)$", re.I)
_NAME_WORD: Final = r"(?:[A-Z]\.|[A-Z][\w'’\-]*)"
ATTENDED_AS_SUB: Final = re.compile(
    rf"(?P<name>(?:(?:{_HON})\.?\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s+"
    r"(?:attended|was\s+present)\s+(?:as\s+(?:a\s+)?substitute(?:\s+for\s+(?P<for>[^.,;]+))?|"
    r"in\s+(?:his|her|their)\s+absence|as\s+(?:his|her|their)\s+substitute)",
)
DASH_SUB: Final = re.compile(r"(?P<name>.+?)\s+[-–]\s+substitute\s+for\s+(?P<for>.+)$", re.I)


def _paragraph_text(lines: Sequence[Line]) -> list[tuple[str, list[Line]]]:
    """Paragraphs of the lines, joined; a lower-case start continues the previous one."""
    paras: list[tuple[str, list[Line]]] = []
    buf: list[str] = []
    src: list[Line] = []
    for line in [*lines, None]:
        if line is None or line.is_blank:
            if buf:
                text = " ".join(buf)
                if paras and text[:1].islower():
                    prev_text, prev_src = paras[-1]
                    paras[-1] = (f"{prev_text} {text}", prev_src + src)
                else:
                    paras.append((text, src))
            buf, src = [], []
            continue
        buf.append(_plain(line.text))
        src.append(line)
    return paras


_STARTS_WITH_HONORIFIC: Final = re.compile(rf"^(?:{_HON})\.?\s+[A-Z]")


def _apology(person: PersonName, role: str | None, span: Span) -> Attendee:
    """Apologies from a member, or from a co-opted member when the bracket says so."""
    co_opted = bool(person.role and _CO_OPTED_ROLE.search(person.role))
    # "... and from Ruth Adler (Participation Officer)": an officer's apology.
    officer = bool(
        role
        and person.honorific is None
        and _OFFICER_ROLE.search(role)
        and not _SEAT_ROLE.search(role)
    )
    return Attendee(
        name=person.name,
        honorific=person.honorific,
        status="apologies",
        capacity="co-opted" if co_opted else "officer" if officer else "member",
        role=role,
        span=span,
        post_nominals=person.post_nominals,
    )


def item_apologies(lines: Sequence[Line]) -> list[Attendee]:
    """People listed in the body of an "Apologies" item, one a line with an
    honorific: "Cllr J Grey - work commitments." (the reason is not a role)."""
    out: list[Attendee] = []
    for line in lines:
        text = _plain(line.text)
        if not _STARTS_WITH_HONORIFIC.match(text):
            continue
        head = rx(r"\s[-–—]\s|[.;:(]\s|\s\(").split(text, maxsplit=1)[0]
        if any(w[0].islower() and w not in ("and", "&") for w in head.split()):
            continue  # a sentence ("Ms A and Ms B were in attendance"), not a list
        for person in split_name_list(head):
            if person.honorific and person.name and len(person.name.split()) <= 4:
                out.append(_apology(person, None, span_of([line])))
    return out


_SENTENCE_WORD_LIST: Final = ("apolog", "substitut", "absence")
_SENTENCE_WORDS: Final = re.compile("(?i)" + "|".join(_SENTENCE_WORD_LIST))


def _around(lines: Sequence[Line], words: re.Pattern[str], word_list: Sequence[str]) -> list[Line]:
    """Only the paragraphs that contain `words` (with a paragraph that continues one
    of them in lower case), in order: the sentences are searched there alone."""
    n = len(lines)
    keep = [False] * n
    found = lines_matching(lines, words, word_list)
    done = 0  # lines before this are kept or passed over already
    for k in sorted(found):  # few lines hold the words: visit only those
        if k < done or lines[k].is_blank:
            continue
        a = k
        while a > 0 and not lines[a - 1].is_blank:
            a -= 1
        b = k
        while b + 1 < n and not lines[b + 1].is_blank:
            b += 1
        # A following paragraph that starts in lower case continues this one.
        c = b + 1
        while c < n and lines[c].is_blank:
            c += 1
        if c < n and lines[c].text.lstrip()[:1].islower():
            b = c
            while b + 1 < n and not lines[b + 1].is_blank:
                b += 1
        for j in range(a, b + 1):
            keep[j] = True
        done = b + 1
    out: list[Line] = []
    for j in compress(range(n), keep):
        line = lines[j]
        if out and line.number != out[-1].number + 1 and not out[-1].is_blank:
            # Separate kept paragraphs that were apart, as a blank line would.
            out.append(Line(number=out[-1].number, text="", page=out[-1].page))
        out.append(line)
    return out


def _absence_reason(role: str | None) -> bool:
    """Whether the bracket after an apology gives its reason ("(work commitments)",
    "(illness)"): written in lower case, and no seat on the body."""
    return bool(
        role
        and role[:1].islower()
        and not _SEAT_ROLE.search(role)
        and not _CO_OPTED_ROLE.search(role)
    )


def _lines_from(src: Sequence[Line], offset: int) -> Sequence[Line]:
    """The lines of a paragraph (its lines' plain texts joined with a space) from the
    one that holds the character at `offset`: where a sentence found in it starts."""
    at = 0
    for k, line in enumerate(src):
        at += len(_plain(line.text)) + 1
        if offset < at:
            return src[k:]
    return src


def sentence_attendance(lines: Sequence[Line], known: Sequence[Attendee]) -> list[Attendee]:
    """Apologies and substitutes stated in sentences. Each person's span is the line
    of the sentence that names them (not an earlier line of the paragraph that names
    them too, such as "N Smith - substitute for B Jones" above "Apologies ... B Jones")."""
    out: list[Attendee] = []
    for text, src in _paragraph_text(_around(lines, _SENTENCE_WORDS, _SENTENCE_WORD_LIST)):
        default = span_of(src)
        last_apology: str | None = None
        low = text.lower()
        for m in APOLOGIES.finditer(text) if "apolog" in low else ():
            names = sentence_from(text, m.end())
            said = _lines_from(src, m.start())
            subs: list[tuple[str, str]] = []
            for part in rx(r",|\band\b").split(names):
                sb = SUBSTITUTED_BY.search(part)
                if sb:
                    subs.append((sb["sub"], SUBSTITUTED_BY.sub("", part)))
            names = rx(r"\s+who\s+(?:was|were)\s+substituted\s+by\s+[^,]+?(?=,|\band\b|$)").sub(
                "", names
            )
            # "from Councillor A and from B (Participation Officer)": "from" said again.
            names = rx(r"(,|\band\b)\s+(?:from|on\s+behalf\s+of)\s+").sub(r"\1 ", names)
            for person in split_name_list(names):
                if not person.name or not rx(r"[A-Z]").match(person.name):
                    continue
                if person.honorific is None and not looks_like_person(person.name):
                    continue
                role = None if _absence_reason(person.role) else person.role
                out.append(_apology(person, role, locate(said, person.name, default)))
                last_apology = person.name
            for sub_text, replaced in subs:
                for person in split_name_list(sub_text):
                    out.append(
                        Attendee(
                            name=person.name,
                            honorific=person.honorific,
                            status="present",
                            capacity="substitute",
                            role=person.role,
                            span=locate(src, person.name, default),
                            replaces=split_person(replaced).name or None,
                            post_nominals=person.post_nominals,
                        )
                    )
        subbing = ("substitute" in low or "absence" in low) and (
            "attended" in low or "was present" in low
        )
        for m in ATTENDED_AS_SUB.finditer(text) if subbing else ():
            person = split_person(m["name"])
            if rx(r"(?i)(?:the|a|an)\b").match(person.name) or not person.name:
                continue
            # "substitute for Councillor J Knox": the member replaced is "J Knox".
            replaces = (split_person(m["for"].strip()).name or None) if m["for"] else None
            if replaces is None and rx(r"absence|(?:his|her|their)\s+substitute").search(
                m.group(0)
            ):
                replaces = last_apology
            out.append(
                Attendee(
                    name=person.name,
                    honorific=person.honorific,
                    status="present",
                    capacity="substitute",
                    role=None,
                    span=locate(src, person.name, default),
                    replaces=replaces,
                    post_nominals=person.post_nominals,
                )
            )
    seen = {(a.name, a.status) for a in known}
    unique: list[Attendee] = []
    for a in out:
        if (a.name, a.status) not in seen:
            seen.add((a.name, a.status))
            unique.append(a)
        elif a.capacity == "substitute":
            unique.append(a)  # merged into the listed attendee by merge_attendance
    return unique


def listed_as(person: Attendee, listed: Sequence[Attendee]) -> int | None:
    """The index of `person` among `listed` (same status): by name, or by surname when one
    of the two is a bare surname ("Apologies were received from Councillors Brown and
    Grey" after "Apologies: Councillors H Brown and I Grey") and only one listed person
    of that status has it."""
    same = [k for k, a in enumerate(listed) if a.status == person.status]
    for k in same:
        if listed[k].name == person.name:
            return k
    words = person.name.split()
    if len(words) == 1:
        sharing = [k for k in same if listed[k].name.split()[-1:] == words]
    else:
        sharing = [k for k in same if listed[k].name == words[-1]]
    return sharing[0] if len(sharing) == 1 else None


def merge_attendance(listed: Sequence[Attendee], stated: Sequence[Attendee]) -> list[Attendee]:
    """Listed attendees plus those stated in sentences; a listed person stated to be a
    substitute ("X who was substituted by Y") becomes a substitute, keeping their role."""
    merged = list(listed)
    for a in stated:
        same = listed_as(a, merged)
        if same is None:
            merged.append(a)
        elif a.capacity == "substitute":
            b = merged[same]
            merged[same] = Attendee(
                name=b.name,
                honorific=b.honorific or a.honorific,
                status=b.status,
                capacity="substitute",
                role=b.role,
                span=b.span,
                replaces=a.replaces or b.replaces,
                post_nominals=b.post_nominals or a.post_nominals,
            )
    return merged
