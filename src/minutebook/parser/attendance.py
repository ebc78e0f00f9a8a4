"""Attendance in minutes: the labelled lists and grids before the first item.

Sources: labelled lists ("PRESENT:", "NON-VOTING CO-OPTED MEMBERS:", "OFFICER
SUPPORT:", "IN ATTENDANCE:", "Also present:", "Councillors" / "Officers" with one
name per line, labels heading the columns of a table), "Name / Role" tables and
attendance grids (P / A / Ab). Sentences anywhere in the minutes are read by
`attendance_sentences`; the labels themselves are in `attendance_labels`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Final

from minutebook.parser.attendance_labels import (
    _CO_OPTED_ROLE,
    _OFFICER_ROLE,
    _POST_LABEL,
    _SEAT_LABEL,
    _SEAT_ROLE,
    _STANDING_IN,
    _SUBSTITUTE_NAMING,
    _SUBSTITUTE_ROLE,
    _label_kind,
    _plain,
    locate,
    match_label,
)
from minutebook.parser.attendance_sentences import APOLOGIES
from minutebook.parser.council import is_council_name
from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import AttendanceCapacity, AttendanceStatus, Attendee
from minutebook.parser.name_lists import split_name_list, split_name_title_run
from minutebook.parser.names import (
    HONORIFICS,
    PLURAL_HONORIFIC_RE,
    PersonName,
    is_councillor,
    looks_like_person,
    post_then_person,
    smart_title,
    split_honorific,
    split_person,
)
from minutebook.parser.patterns import rx


def _capacity_for(
    person: PersonName, status: AttendanceStatus, capacity: AttendanceCapacity
) -> tuple[AttendanceCapacity, str | None]:
    role = person.role
    replaces: str | None = None
    if role:
        sub = _SUBSTITUTE_NAMING.search(role)
        if sub:
            # "substitute for Councillor Lisa Vance": the member is "Lisa Vance".
            return "substitute", split_honorific(sub["who"].strip())[1] or sub["who"].strip()
        if rx(r"(?i)\bsubstitute\b").search(role):
            return "substitute", None
        standing_in = _STANDING_IN.fullmatch(role.strip())
        if capacity == "substitute" and standing_in:
            # Under a "Substitutes:" label: "(for Councillor X)", "(in place of X)".
            return "substitute", split_honorific(standing_in["who"])[1] or standing_in["who"]
        if capacity == "member" and _CO_OPTED_ROLE.search(role):
            return "co-opted", None
        if capacity == "member" and rx(r"(?i)\bward\b").search(role):
            return "other", None
    return capacity, replaces


def _one_per_line(texts: Sequence[str]) -> bool:
    if len(texts) < 2:
        return False
    posts = False
    names: list[str] = []
    for t in texts:
        # "Dr A Patel – Clinical Lead, Integrated Care Board": a comma in the role after the
        # dash does not make the line a list of names.
        parts = _ROLE_DASH.split(rx(r"\([^()]*\)").sub("", t), maxsplit=1)
        name_part = parts[0]
        if len(parts) == 2 and post_then_person(*parts):
            # "Chief Officer, Education and Children's Services – Mr N Gillies": the post first.
            name_part = parts[1]
        if len(t) > 80 or rx(r"\band\b").search(name_part.partition(",")[0]):
            return False
        if "," in name_part:
            if not _name_then_post(name_part):
                return False
            posts = True
        names.append(name_part)
    if posts:
        # With posts after commas, every line opens with a person: not "Services." (the
        # end of the line above).
        for name_part in names:
            honorific, name = split_honorific(name_part.partition(",")[0].strip())
            if not (honorific is not None or 2 <= len(name.split()) <= 4):
                return False
    return True


_HON_ALT: Final = "|".join(re.escape(h) for h in HONORIFICS)
# Posts of councillors and others that are no officer's or seat's words.
_POST_WORD: Final = re.compile(
    r"(?i)\b(?:leader|portfolio|cabinet|mayor|commissioner|lead\s+member)\b"
)
_TITLED_NAME: Final = re.compile(rf"(?:^|\s)(?:{_HON_ALT})\.?\s+[A-Z]")


def _name_then_post(text: str) -> bool:
    """ "Femi Adeyinka, Head of Service, Children Looked After": one person, then a post
    that has commas of its own (not "A Smith, B Jones", a list of names)."""
    text = rx(r"\([^()]*\)").sub(" ", text)
    if "(" in text or ")" in text:
        return False  # a bracket broken over two lines: the lines are one run
    if ";" in text or PLURAL_HONORIFIC_RE.match(text) or rx(r"(?i)\band$").search(text):
        return False
    head, _, post = text.partition(",")
    parts = [p.strip() for p in post.split(",")]
    first = parts[0]
    if not first or not (
        _OFFICER_ROLE.search(first) or _SEAT_ROLE.search(first) or _POST_WORD.search(first)
    ):
        return False
    if _TITLED_NAME.search(post):
        return False  # "Director, Mr G Reid, Head of Education": more people
    honorific, name = split_honorific(head.strip())
    if rx(r"\band\b|&").search(name):
        return False  # "Councillor A and Dr B, Clinical Director": two people
    words = name.split()
    return looks_like_person(name) and (honorific is not None or 2 <= len(words) <= 4)


_ROLE_DASH: Final = re.compile(r"\s+[-–—]\s+")
# "Chair" as one of the roles printed for a person, first or last ("Chair; Headteacher").
_CHAIRING: Final = re.compile(r"(?i)(?:^|;\s*)(?:vice[- ]?)?chair(?:man|person|woman)?\s*(?:;|$)")
# Bodies other than the council whose staff sit on boards and panels.
_OUTSIDE_BODY: Final = re.compile(
    r"\b(?:NHS|Healthwatch|Police|Constabulary|Integrated\s+Care|ICB|CCG|Foundation\s+Trust|"
    r"Ltd|Limited|plc|University|College|Fire\s+and\s+Rescue|Housing\s+Association|"
    r"Probation|Chamber\s+of\s+Commerce|Diocese|Diocesan)\b"
)


def _with_councillor(honorific: str | None) -> str:
    """ "Councillor" stacked before a personal title, unless one is there."""
    if honorific is None:
        return "Councillor"
    if rx(r"(?i)councillor|cllr").search(honorific):
        return honorific
    return f"Councillor {honorific}"


# "Substitutions: Cllr A for Cllr B": the member stood in for, without brackets.
_FOR_MEMBER: Final = re.compile(
    r"(?i)(?<=\S)\s+(?:for|in\s+place\s+of|replacing)\s+((?:councillor|cllr)\.?\s+[^,;()]+)"
)


# A line that opens an entry of its own: a title ("Councillor", "Cllrs", "Dr") or an office
# ("The Mayor (Councillor X)").
_ENTRY_START: Final = re.compile(
    rf"(?i)^(?:the\s+)?(?:(?:{_HON_ALT})s?\.?\s|aldermen\s|cynghorwyr\s|"
    r"(?:deputy\s+|lord\s+)?mayor\b)"
)
_LIST_GOES_ON: Final = re.compile(r"(?:[,;&]|\band)$")


def _entry_groups(texts: Sequence[str]) -> list[list[str]]:
    """The lines of a list, grouped into entries: a line that opens with a title or an
    office, after a line that did not leave its list open ("A, B," or "A and"), starts an
    entry. "The Mayor (Councillor A)" over "Councillors B, C and D": two entries."""
    groups: list[list[str]] = []
    for text in texts:
        if groups and (_LIST_GOES_ON.search(groups[-1][-1]) or not _ENTRY_START.match(text)):
            groups[-1].append(text)
        else:
            groups.append([text])
    return groups


def _people(label: str, texts: Sequence[str]) -> list[PersonName]:
    texts = [t for t in texts if t]
    if not texts:
        return []
    if _label_kind(label)[1] == "substitute":
        texts = [_FOR_MEMBER.sub(r" (for \1)", t) if " " in t else t for t in texts]
    if _one_per_line(texts):
        return [split_person(t) for t in texts]
    groups = _entry_groups(texts)
    if len(groups) > 1:
        return [p for group in groups for p in _people(label, group)]
    joined = " ".join(texts)
    if (
        "," in joined
        and (len(joined) <= 80 or split_honorific(joined)[0] is not None)
        and _name_then_post(joined)
    ):
        # One entry, perhaps over two lines: "Councillor Ó Donnghaile, Chair",
        # "Councillor A, Cabinet Member for Transport and Technical" / "Services".
        return [split_person(joined.rstrip(". "))]
    _, capacity = _label_kind(label)
    if capacity == "officer" and "(" not in joined and "," in joined:
        return split_name_title_run(joined)
    if (
        capacity == "other"
        and "," in joined
        and "(" not in joined
        and len(split_name_list(joined)) > 1
    ):
        people = split_name_title_run(joined)
        if people:
            return people
    return split_name_list(joined)


_SENTENCE_START: Final = re.compile(r"(?:The|This|There|It)\s+[a-z]")


def _prose(text: str) -> bool:
    """A sentence rather than names: mostly lower-case words, or a full sentence."""
    if _SENTENCE_START.match(text):
        return True  # "The meeting commenced at 7.00 pm.": no name opens so
    words = rx(r"[A-Za-z][\w'’\-]*").findall(text)
    if len(words) < 6:
        return False
    lower = sum(1 for w in words if w[0].islower() and w not in ("and", "of", "for", "the", "in"))
    return lower / len(words) > 0.4


def _cells(text: str) -> list[str]:
    """The entries of a list line: names in tab-separated columns are one entry each
    ("Councillor A (Chair)<tab>Councillor B")."""
    cells = text.split("\t") if "\t" in text else [text]
    out = [c for c in (" ".join(cell.split()).strip(" :") for cell in cells) if c]
    if (
        len(out) == 2
        and _OFFICER_ROLE.search(out[0])
        and not _OFFICER_ROLE.search(out[1])
        and not looks_like_person(out[0])
        and looks_like_person(out[1])
    ):
        return [f"{out[1]} ({out[0]})"]  # a row "<post><tab><name>": "Treasurer<tab>S Lowe"
    if (
        len(out) == 2
        and _OFFICER_ROLE.search(out[1])
        and not _OFFICER_ROLE.search(out[0])
        and looks_like_person(out[0])
        and not looks_like_person(out[1])
    ):
        return [f"{out[0]} ({out[1]})"]  # a row "<name><tab><post>": "W Scott<tab>Director"
    if (
        len(out) == 2
        and (split_honorific(out[0])[0] is not None or 2 <= len(out[0].split()) <= 4)
        and looks_like_person(split_honorific(rx(r"\([^()]*\)").sub("", out[0]))[1])
        and "(" not in out[1]
        and split_honorific(out[1])[0] is None
        and not looks_like_person(out[1])
    ):
        # "Councillor A (Chair)<tab>Kirkdale Borough Council", "L Carver<tab>Independent
        # Member": the body a member comes from, or the seat, in a column of its own.
        return [f"{out[0]} ({out[1]})"]
    return out


# Labels that list members and others together: a job title there makes an officer.
_MIXED_LABEL: Final = re.compile(r"(?i)present|attendees|attendance|apologies(?:\s+for\s+absence)?")


# The header of an attendance table: "Name<tab>Role", "Name<tab>Organisation".
_NAME_ROLE_HEADER: Final = re.compile(
    r"(?i)name\s+(?:role|title|job\s+title|position|organisation|representing|designation)"
)
# The head of the second column of such a table, beside the label over the names.
_ROLE_COLUMN_HEAD: Final = re.compile(
    r"(?i)(?:role|(?:job\s+)?title|post|position|organisation|representing|designation)s?"
)
_COLUMN_HEAD: Final = re.compile(
    r"(?i)(?:(?:minute|item|page)(?:\s+(?:no\.?|number|ref\.?))?|subject|no\.?|number|title|"
    r"action(?:\s+by)?|heading|business|decision|details|ref(?:erence)?)s?"
)
_GAP: Final = re.compile(r"(?<=\S) {3,}(?=\S)")


def _list_texts(lines: Sequence[Line]) -> list[tuple[Line, str]]:
    """The non-blank lines of an attendance part as `labelled_attendance` reads them. In text
    laid out with spaces, gaps are column breaks (tabs), and a label broken over two lines
    of its narrow column ("ALSO    Councillor X" over "PRESENT:") is put back together."""
    out: list[tuple[Line, str]] = []
    texts = [
        (line, _GAP.sub("\t", line.text) if "\t" not in line.text else line.text)
        for line in lines
        if not line.is_blank
    ]
    texts = _label_columns(texts)
    k = 0
    while k < len(texts):
        line, text = texts[k]
        head, tab, rest = text.strip().partition("\t")
        if tab and k + 1 < len(texts) and " " not in head:
            below = texts[k + 1][1].strip()
            joined = f"{head} {below}"
            m = match_label(joined) if below.endswith(":") and " " not in below else None
            if m is not None and not m["rest"].strip():
                out.append((line, f"{joined}\t{rest}"))
                k += 2
                continue
        out.append((line, text))
        k += 1
    return _label_to_the_front(out)


def _label_columns(texts: list[tuple[Line, str]]) -> list[tuple[Line, str]]:
    """A table whose head row is labels only ("Present<tab>Apologies<tab>In attendance"),
    each column listing its people below: read column by column, each under its label."""
    out: list[tuple[Line, str]] = []
    k = 0
    while k < len(texts):
        line, text = texts[k]
        labels = [c.strip() for c in text.split("\t")] if "\t" in text else []
        if len(labels) < 2 or not all(_bare_label(c) for c in labels):
            out.append((line, text))
            k += 1
            continue
        columns: list[list[tuple[Line, str]]] = [[] for _ in labels]
        j = k + 1
        while j < len(texts) and texts[j][0].number == texts[j - 1][0].number + 1:
            row, row_text = texts[j]
            if match_label(row_text.strip()) is not None:
                break
            for c, cell in enumerate(row_text.split("\t")[: len(labels)]):
                if cell.strip():
                    columns[c].append((row, cell.strip()))
            j += 1
        for label, column in zip(labels, columns, strict=True):
            out.append((line, f"{label.rstrip(':')}:"))
            out.extend(column)
        k = j
    return out


def _bare_label(cell: str) -> bool:
    """A cell that is an attendance label and nothing else ("Present", "Apologies:")."""
    m = match_label(cell)
    return m is not None and not m["rest"].strip()


def _label_to_the_front(texts: list[tuple[Line, str]]) -> list[tuple[Line, str]]:
    """A label printed halfway down its list (a table cell centred on the row, in PDF
    text: "Councillor A, Councillor B" / "Present:" / "and Councillor C") moved to the top
    of its paragraph, so that the list's first line is read under it."""
    out = list(texts)
    for k in range(1, len(out)):
        line, text = out[k]
        m = match_label(text.strip())
        if m is None or m["rest"].strip() or not m["sep"].strip():
            continue
        before, before_text = out[k - 1]
        starts_paragraph = k < 2 or out[k - 2][0].number < before.number - 1
        if (
            before.number == line.number - 1
            and starts_paragraph
            and k + 1 < len(out)
            and out[k + 1][0].number == line.number + 1
            and match_label(before_text.strip()) is None
            and not _prose(_plain(before_text))
        ):
            out[k - 1], out[k] = (line, text), (before, before_text)
    return out


# "Councillor Mrs A Pettigrew (in the Chair)", "The Mayor, Councillor B Ng, in the Chair".
_IN_THE_CHAIR: Final = re.compile(r"(?i)^(?P<who>\S.{2,80}?)[\s,]*\(?\bin\s+the\s+chair\)?\s*\.?$")


_BODY_LABEL: Final = re.compile(r"^(?P<body>[A-Z][^:\t]{4,80}?)\s*:\s*(?=\S)")


def _without_body_label(text: str) -> str:
    """A list line without the council it starts with: a joint committee lists each
    council's members under its name ("Kestrel Borough Council: Councillors A and B")."""
    m = _BODY_LABEL.match(text) if ":" in text else None
    if m is None or not is_council_name(m["body"]):
        return text
    return text[m.end() :]


def _presiding(text: str) -> str | None:
    """The person a line names as presiding ("X (in the Chair)"), as a list entry."""
    m = _IN_THE_CHAIR.match(text)
    if m is None:
        return None
    who = m["who"].strip(" ,")
    person = split_person(who)
    if person.honorific is None or not looks_like_person(person.name):
        return None
    return f"{who} (in the Chair)"


# The standing business of a meeting as a heading of its own, without a number
# ("Declarations of interest" under the attendance lists of a web page).
BUSINESS_HEADING: Final = re.compile(
    r"(?i)(?:(?:declarations?|disclosures?)\s+of\s+(?:\w+\s+)?interests?"
    r"|(?:minutes\s+of\s+the\s+)?(?:last|previous)\s+meeting|minutes)\s*:?"
)


def labelled_attendance(lines: Sequence[Line]) -> list[Attendee]:
    """Attendees from the labelled lists in `lines` (the part before the first item)."""
    sections: list[tuple[str, str, list[str], list[Line]]] = []
    named_columns: set[int] = set()  # sections laid out as a "Name / Role" table
    closed = False
    for line, raw in _list_texts(lines):
        text = _plain(raw, keep_tabs=True)
        m = match_label(text)
        if m and ")" in text and text.count(")") > text.count("("):
            m = None  # "Officer)": the end of a post broken over two lines, not a label
        if m and (m["sep"].strip() or text.isupper() or len(text) < 30 or "\t" in raw):
            rest_text = m["rest"].strip(" :")
            heads_column = "\t" in raw and _ROLE_COLUMN_HEAD.fullmatch(rest_text) is not None
            # "Officers in attendance<tab>Job title": the label heads a "Name / Role" table.
            rest = [] if heads_column else _cells(rest_text)
            sections.append((m["label"], m["sep"].strip(), rest, [line]))
            if heads_column:
                named_columns.add(len(sections) - 1)
            closed = False
            continue
        presiding = (
            _presiding(text) if m is None and "hair" in text and (closed or not sections) else None
        )
        if presiding is not None:
            # "Councillor Mrs A Pettigrew (in the Chair)" over the lists: present, chairing.
            sections.append(("present", ":", [presiding], [line]))
            closed = True  # the line is no label: what follows it needs its own
            continue
        if text.isupper() and len(text) > 3:
            closed = True  # a heading ("UNRESTRICTED ITEMS") ends the lists
            continue
        if BUSINESS_HEADING.fullmatch(text.strip()):
            closed = True  # "Declarations of interest" without a number: business, no name
            continue
        if "\t" in raw and all(
            _COLUMN_HEAD.fullmatch(c.strip()) for c in raw.split("\t") if c.strip()
        ):
            closed = True  # the head of the minutes' table ("Minute<tab>Subject")
            continue
        if sections and not closed and text[:5].lower() == "apolo" and APOLOGIES.match(text):
            closed = True  # "Apologies for absence were received from ...": a sentence
            continue
        if sections and not closed and _prose(text):
            closed = True  # a sentence of the minutes, not a list of names
            continue
        if sections and not closed:
            if _NAME_ROLE_HEADER.fullmatch(text.replace("\t", " ")) and "\t" in text:
                named_columns.add(len(sections) - 1)  # "Name<tab>Role" over the rows
                continue
            if len(sections) - 1 in named_columns and text.count("\t") == 1:
                who, post = (c.strip() for c in text.split("\t"))
                sections[-1][2].append(f"{who} ({post})" if post else who)
            else:
                sections[-1][2].extend(_cells(_without_body_label(text)))
            sections[-1][3].append(line)
    out: list[Attendee] = []
    for label, label_sep, texts, src in sections:
        status, capacity = _label_kind(label)
        default = span_of(src)
        people = _people(label, texts)
        mixed = capacity == "member" and _MIXED_LABEL.fullmatch(label.strip()) is not None
        # "Non-Voting Members" of a joint board: its officers (Chief Officer, Chief Finance
        # Officer) sit ex officio beside stakeholders' representatives.
        ex_officio = rx(r"(?i)non-voting\s+members").match(label) is not None
        # A list that names its councillors first, with their title: those after them
        # without one are not members ("Cllr A, Cllr B, Dan Nash (Director ...)"). Where
        # untitled names come first, they are the body's own members (a community council
        # listing its members, then the city councillors who came).
        first_titled = next((k for k, p in enumerate(people) if is_councillor(p.honorific)), None)
        titled = mixed and first_titled == 0
        for person in people:
            if not person.name or not rx(r"[A-Za-z]{2}").search(person.name):
                continue
            role_only = person.role == person.name  # "the Virtual School Head"
            if not looks_like_person(person.name) and person.honorific is None and not role_only:
                continue
            if rx(r"(?i)councillors\b").match(label) and (
                label_sep or rx(r"(?i)councillors\W*").fullmatch(label.strip())
            ):
                # The heading "Councillors" covers the list, also names with a
                # personal title ("Mrs S Arnold" -> "Councillor Mrs").
                person = replace(person, honorific=_with_councillor(person.honorific))
            cap, replaces = _capacity_for(person, status, capacity)
            if cap == "officer" and is_councillor(person.honorific):
                cap = "other"  # a councillor "in attendance" (a cabinet member) is no officer
            if (
                titled
                and cap == "member"
                and not is_councillor(person.honorific)
                and person.role
                and not _SEAT_ROLE.search(person.role)
            ):
                cap = "other"  # a post that is no seat on the body: a nurse, an ambassador
            role = person.role
            if replaces and role and _SUBSTITUTE_ROLE.fullmatch(role):
                role = None  # "(substitute for X)" is said by capacity and replaces
            if role is None and _POST_LABEL.match(label):
                role = " ".join(label.split()).capitalize()
            elif role is None and _SEAT_LABEL.fullmatch(label.strip()):
                # "Independent Members: Mr A, Ms B": each holds the seat the label names.
                role = smart_title(
                    rx(r"(?i)(member|person|representative)s$").sub(r"\1", " ".join(label.split()))
                )
            if (
                (
                    cap == "other"
                    or (cap == "member" and mixed)
                    or (cap == "co-opted" and ex_officio)
                )
                and role
                and _OFFICER_ROLE.search(role)
                and (person.honorific is None or "ouncillor" not in person.honorific)
                and not rx(r"(?i)\b(?:cabinet|portfolio|member)\b").search(role)
                # A party's representative at a hearing is not the council's officer.
                and not rx(r"(?i)\bfor\s+the\s+(?:applicant|objector|appellant)").search(role)
                # Nor is the officer of another body ("Chief Executive, Healthwatch X").
                and not _OUTSIDE_BODY.search(role)
                # Whoever chairs the meeting sits on the body ("Jo Ashby (Chair) – Headteacher").
                and not _CHAIRING.search(role)
                # "Others in Attendance", listed apart from the officers: not the council's.
                and not label.lower().startswith("others")
            ):
                cap = "officer"
            if (
                cap == "officer"
                and role
                and label.lower().startswith("in attendance")
                and _OUTSIDE_BODY.search(role)
            ):
                cap = "other"  # "In attendance: Dr A, NHS Western Isles": no officer of the council
            if cap == "officer" and role:
                role = rx(r"(?i)\s+in attendance\b.*$").sub("", role).strip() or role
            out.append(
                Attendee(
                    name=person.name,
                    honorific=person.honorific,
                    status=status,
                    capacity=cap,
                    role=role,
                    span=locate(src, person.name, default),
                    replaces=replaces,
                    post_nominals=person.post_nominals,
                )
            )
    return out
