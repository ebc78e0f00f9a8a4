"""Attendance in minutes: who was present, in what capacity, who sent apologies.

Sources: labelled lists before the first item ("PRESENT:", "NON-VOTING
CO-OPTED MEMBERS:", "OFFICER SUPPORT:", "IN ATTENDANCE:", "Also present:",
"Councillors" / "Officers" with one name per line), and sentences anywhere in
the minutes ("Apologies for absence were received from A, B and C", "X
attended as a substitute", "Y who was substituted by Z").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import compress

from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import AttendanceCapacity, AttendanceStatus, Attendee, Span
from minutebook.parser.names import (
    HONORIFICS,
    POST_NOMINALS,
    PersonName,
    is_councillor,
    looks_like_person,
    split_honorific,
    split_name_list,
    split_name_title_run,
    split_person,
)
from minutebook.parser.report_text import lines_matching

LABEL = re.compile(
    r"^\W*(?P<label>present(?:\s*\((?:in\s+person|remotely|virtually|online)\))?|"
    r"members\s+of\s+the\s+(?:committee|board|panel|cabinet|council|sub-committee)\s+present|"
    r"(?:committee|board|panel|cabinet)\s+members\s+present|members\s+in\s+attendance|"
    r"other\s+(?:members|councillors)\s+present|attended\s+(?:remotely|virtually|online)|"
    r"substitute\s+members?|guests?|visitors?|speakers?|invitees?|invited|young\s+people\s+present|"
    r"members\s+present|councillors\s+present|also\s+present|"
    r"also\s+in\s+attendance|in\s+attendance(?:\s+virtually|\s+remotely)?|"
    r"officers?(?:\s+(?:support|present|in\s+attendance))?|non-voting\s+co-opted\s+members?|"
    r"co-opted\s+members?|young\s+people|apologies(?:\s+for\s+absence)?|absent|substitutes?|"
    r"councillors|ward\s+members?|attendees|minute\s+taker|observers?|other\s+attendees|"
    r"members\s+of\s+the\s+public|partners?|representatives?|sederunt|"
    r"(?:parish\s+|town\s+|deputy\s+|assistant\s+)?clerk|responsible\s+financial\s+officer|"
    r"(?:district|county|borough|city|unitary)\s+councillors?)"
    r"\W*?(?P<sep>\s*[:\t]|\s*$)(?P<rest>.*)$",
    re.IGNORECASE,
)
# Bilingual labels: "YN BRESENNOL / PRESENT:", "PRESENT / YN BRESENNOL:".
_BILINGUAL = re.compile(r"^(?P<a>[^/:\t]{2,40}?)\s+/\s+(?P<b>[^/:\t]{2,40}?)(?P<sep>\s*:.*|\s*)$")
# Labels that are a post: the person listed under them holds it ("Clerk: Mrs J Smith").
_POST_LABEL = re.compile(
    r"(?i)(?:parish\s+|town\s+|deputy\s+|assistant\s+)?clerk|responsible\s+financial\s+officer|"
    r"minute\s+taker|(?:district|county|borough|city|unitary)\s+councillor\b(?!s)"
)
# Job words of officers: an officer listed among "Also present" is still an officer.
_OFFICER_ROLE = re.compile(
    r"(?i)\b(?:director|head\s+of|officer|manager|clerk|solicitor|lawyer|accountant|"
    r"advis[eo]r|executive|treasurer|monitoring|democratic|committee\s+services|"
    r"governance|planner|engineer|auditor|analyst|co-?ordinator|administrator|virtual\s+school)\b"
)


def match_label(text: str) -> re.Match[str] | None:
    """The attendance label of a line, in either language of a bilingual heading."""
    m = LABEL.match(text)
    if m or " / " not in text[:90]:
        return m
    b = _BILINGUAL.match(text)
    if not b:
        return None
    for side in (b["b"], b["a"]):
        m = LABEL.match(f"{side.strip()}{b['sep']}")
        if m:
            return m
    return None


def _label_kind(label: str) -> tuple[AttendanceStatus, AttendanceCapacity]:
    label = label.lower()
    if label.startswith("apolog"):
        return "apologies", "member"
    if label.startswith("absent"):
        return "absent", "member"
    if label.startswith("substitute"):
        return "present", "substitute"
    if label.startswith(
        ("other members", "other councillors", "guest", "visitor", "speaker", "invite")
    ):
        return "present", "other"
    if "co-opted" in label:
        return "present", "co-opted"
    if label.startswith(("officer", "in attendance", "minute taker", "responsible")) or (
        "clerk" in label
    ):
        return "present", "officer"
    if label.startswith("sederunt"):
        return "present", "member"
    if label.startswith(
        (
            "also",
            "young",
            "observer",
            "other",
            "members of the public",
            "partner",
            "representative",
            "ward",
            "district",
            "county",
            "borough",
            "city",
            "unitary",
        )
    ):
        return "present", "other"
    return "present", "member"


_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_RUN_OF_SPACES = re.compile(r" {2,}")


def _plain(text: str, keep_tabs: bool = False) -> str:
    if "<" in text:
        text = _TAG.sub("", text)
    if "*" in text or "\\" in text:
        text = text.replace("**", "").replace("\\", "")
    if keep_tabs:
        return _RUN_OF_SPACES.sub(" ", text).strip().lstrip("> ")
    return " ".join(text.split()).lstrip("> ")


def locate(lines: Sequence[Line], name: str, default: Span) -> Span:
    """The span of the first line that prints `name` (its last word, at least)."""
    words = name.split()
    if not words:
        return default
    wanted = " ".join(words)
    # A post-nominal printed after a comma ("Mr J A Kite, MBE") is no surname.
    named = [w for w in words if not POST_NOMINALS.match(w)] or words
    last = named[-1]
    for line in lines:
        if last in line.text and wanted in " ".join(line.text.replace(",", " ").split()):
            return span_of([line])
    for line in lines:
        if last in line.text:
            return span_of([line])
    return default


# Co-opted members by the seat they hold: the statutory church and parent governor
# representatives of education committees.
_CO_OPTED_ROLE = re.compile(
    r"(?i)\bco-?opted\b|\bparent\s+governor|\bdiocesan\b|\bdiocese\b|"
    r"\bchurch\s+(?:of\s+england\s+|catholic\s+|roman\s+catholic\s+)?representative"
)
# "substitute for Councillor X"; under a "Substitutes:" label, "for X", "in place of X".
_SUBSTITUTE_FOR = r"substitut\w*(?:\s+(?:member|councillor))?\s+for"
_STANDING_IN_FOR = r"for|in\s+place\s+of|replacing"
_SUBSTITUTE_ROLE = re.compile(rf"(?i)\s*(?:{_SUBSTITUTE_FOR}|{_STANDING_IN_FOR})\s+.+")
_SUBSTITUTE_NAMING = re.compile(rf"(?i)\b{_SUBSTITUTE_FOR}\s+(?P<who>.+)$")
_STANDING_IN = re.compile(rf"(?i)(?:{_STANDING_IN_FOR})\s+(?P<who>\S.*)")


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
        if re.search(r"(?i)\bsubstitute\b", role):
            return "substitute", None
        standing_in = _STANDING_IN.fullmatch(role.strip())
        if capacity == "substitute" and standing_in:
            # Under a "Substitutes:" label: "(for Councillor X)", "(in place of X)".
            return "substitute", split_honorific(standing_in["who"])[1] or standing_in["who"]
        if capacity == "member" and _CO_OPTED_ROLE.search(role):
            return "co-opted", None
        if capacity == "member" and re.search(r"(?i)\bward\b", role):
            return "other", None
    return capacity, replaces


def _one_per_line(texts: Sequence[str]) -> bool:
    if len(texts) < 2:
        return False
    for t in texts:
        # "Dr A Patel – Clinical Lead, Integrated Care Board": a comma in the role after the
        # dash does not make the line a list of names.
        name_part = _ROLE_DASH.split(re.sub(r"\([^()]*\)", "", t), maxsplit=1)[0]
        if len(t) > 80 or "," in name_part or re.search(r"\band\b", name_part):
            return False
    return True


_ROLE_DASH = re.compile(r"\s+[-–—]\s+")
_CHAIRING = re.compile(r"(?i)(?:^|;\s*)(?:vice[- ]?)?chair(?:man|person|woman)?\s*$")
# Bodies other than the council whose staff sit on boards and panels.
_OUTSIDE_BODY = re.compile(
    r"\b(?:NHS|Healthwatch|Police|Constabulary|Integrated\s+Care|ICB|CCG|Foundation\s+Trust|"
    r"Ltd|Limited|plc|University|College|Fire\s+and\s+Rescue|Housing\s+Association|"
    r"Probation|Chamber\s+of\s+Commerce|Diocese|Diocesan)\b"
)


def _with_councillor(honorific: str | None) -> str:
    """ "Councillor" stacked before a personal title, unless one is there."""
    if honorific is None:
        return "Councillor"
    if re.search(r"(?i)councillor|cllr", honorific):
        return honorific
    return f"Councillor {honorific}"


def _people(label: str, texts: Sequence[str]) -> list[PersonName]:
    texts = [t for t in texts if t]
    if not texts:
        return []
    if _one_per_line(texts):
        return [split_person(t) for t in texts]
    joined = " ".join(texts)
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


def _prose(text: str) -> bool:
    """A sentence rather than names: mostly lower-case words, or a full sentence."""
    words = re.findall(r"[A-Za-z][\w'’\-]*", text)
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
    return out


# Labels that list members and others together: a job title there makes an officer.
_MIXED_LABEL = re.compile(r"(?i)present|attendees|attendance|apologies(?:\s+for\s+absence)?")


# Roles that are a seat on the body ("Independent Member", "Religious Representative").
_SEAT_ROLE = re.compile(
    r"(?i)\b(?:member|representative|co-?opted|chair(?:man|person)?|vice|convener|deputy)\b"
)


# The header of an attendance table: "Name<tab>Role", "Name<tab>Organisation".
_NAME_ROLE_HEADER = re.compile(
    r"(?i)name\s+(?:role|title|job\s+title|position|organisation|representing|designation)"
)
_COLUMN_HEAD = re.compile(
    r"(?i)(?:minute|item|subject|no\.?|number|title|action(?:\s+by)?|page|heading|business|"
    r"decision|details|ref(?:erence)?)s?"
)
_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")


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


def labelled_attendance(lines: Sequence[Line]) -> list[Attendee]:
    """Attendees from the labelled lists in `lines` (the part before the first item)."""
    sections: list[tuple[str, str, list[str], list[Line]]] = []
    named_columns: set[int] = set()  # sections laid out as a "Name / Role" table
    closed = False
    for line, raw in _list_texts(lines):
        text = _plain(raw, keep_tabs=True)
        m = match_label(text)
        if m and (m["sep"].strip() or text.isupper() or len(text) < 30 or "\t" in raw):
            rest = _cells(m["rest"].strip(" :"))
            sections.append((m["label"], m["sep"].strip(), rest, [line]))
            closed = False
            continue
        if text.isupper() and len(text) > 3:
            closed = True  # a heading ("UNRESTRICTED ITEMS") ends the lists
            continue
        if "\t" in raw and all(
            _COLUMN_HEAD.fullmatch(c.strip()) for c in raw.split("\t") if c.strip()
        ):
            closed = True  # the head of the minutes' table ("Minute<tab>Subject")
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
                sections[-1][2].extend(_cells(text))
            sections[-1][3].append(line)
    out: list[Attendee] = []
    for label, label_sep, texts, src in sections:
        status, capacity = _label_kind(label)
        default = span_of(src)
        people = _people(label, texts)
        mixed = capacity == "member" and _MIXED_LABEL.fullmatch(label.strip()) is not None
        # A list that names its councillors first, with their title: those after them
        # without one are not members ("Cllr A, Cllr B, Dan Nash (Director ...)"). Where
        # untitled names come first, they are the body's own members (a community council
        # listing its members, then the city councillors who came).
        first_titled = next((k for k, p in enumerate(people) if is_councillor(p.honorific)), None)
        titled = mixed and first_titled == 0
        for person in people:
            if not person.name or not re.search(r"[A-Za-z]{2}", person.name):
                continue
            role_only = person.role == person.name  # "the Virtual School Head"
            if not looks_like_person(person.name) and person.honorific is None and not role_only:
                continue
            if re.match(r"(?i)councillors\b", label) and (
                label_sep or re.fullmatch(r"(?i)councillors\W*", label.strip())
            ):
                # The heading "Councillors" covers the list, also names with a
                # personal title ("Mrs S Arnold" -> "Councillor Mrs").
                person = PersonName(person.name, _with_councillor(person.honorific), person.role)
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
            if (
                (cap == "other" or (cap == "member" and mixed))
                and role
                and _OFFICER_ROLE.search(role)
                and (person.honorific is None or "ouncillor" not in person.honorific)
                and not re.search(r"(?i)\b(?:cabinet|portfolio|member)\b", role)
                # A party's representative at a hearing is not the council's officer.
                and not re.search(r"(?i)\bfor\s+the\s+(?:applicant|objector|appellant)", role)
                # Nor is the officer of another body ("Chief Executive, Healthwatch X").
                and not _OUTSIDE_BODY.search(role)
                # Whoever chairs the meeting sits on the body ("Jo Ashby (Chair) – Headteacher").
                and not _CHAIRING.search(role)
            ):
                cap = "officer"
            if cap == "officer" and role:
                role = re.sub(r"(?i)\s+in attendance\b.*$", "", role).strip() or role
            out.append(
                Attendee(
                    name=person.name,
                    honorific=person.honorific,
                    status=status,
                    capacity=cap,
                    role=role,
                    span=locate(src, person.name, default),
                    replaces=replaces,
                )
            )
    return out


_GRID_STATUS: dict[str, AttendanceStatus] = {
    "p": "present",
    "present": "present",
    "y": "present",
    "yes": "present",
    "✓": "present",
    "a": "apologies",
    "ap": "apologies",
    "apol": "apologies",
    "apologies": "apologies",
    "ab": "absent",
    "absent": "absent",
    "x": "absent",
    "n": "absent",
}


def grid_attendance(lines: Sequence[Line]) -> list[Attendee]:
    """An attendance grid: one row per person, the last cell a status ("P", "A", "Ab").

    Rows are tab-separated cells or a markdown pipe table; other rows are ignored.
    """
    out: list[Attendee] = []
    for line in lines:
        raw = line.text
        if "\t" in raw:
            cells = [c.strip() for c in raw.split("\t") if c.strip()]
        elif raw.count("|") >= 2:
            cells = [c.strip() for c in raw.strip().strip("|").split("|") if c.strip()]
        else:
            continue
        if len(cells) < 2:
            continue
        status = _GRID_STATUS.get(cells[-1].lower().rstrip("."))
        if status is None:
            continue
        person = split_person(cells[0])
        if not person.name or (person.honorific is None and not looks_like_person(person.name)):
            continue
        if len(person.name.split()) > 5:
            continue
        role = person.role or (cells[1] if len(cells) > 2 else None)
        capacity: AttendanceCapacity = "member"
        if role and re.search(r"(?i)\bco-?opted\b", role):
            capacity = "co-opted"
        elif role and re.search(r"(?i)\bsubstitute\b", role):
            capacity = "substitute"
        out.append(
            Attendee(
                name=person.name,
                honorific=person.honorific,
                status=status,
                capacity=capacity,
                role=role,
                span=span_of([line]),
            )
        )
    return out


_HON = "|".join(re.escape(h) for h in HONORIFICS)
APOLOGIES = re.compile(
    r"(?i)(?<!\bno\s)(?<!\bno\sother\s)\bapologies\s+(?:for\s+(?:absence|lateness)\s+)?"
    r"(?:(?:were|was|had\s+been|have\s+been)\s+)?(?:(?:received|submitted|reported|given|tendered|noted|made)\s+)?"
    r"(?:on\s+behalf\s+of|from)\s+"
)
_ABBREV_BEFORE_DOT = re.compile(rf"(?:\b(?:{_HON})|\b[A-Z]|\bSt|\bNo)$")


def sentence_from(text: str, start: int) -> str:
    """Text from `start` to the end of its sentence (a full stop not after an initial or title)."""
    i = start
    while i < len(text):
        if (
            text[i] == "."
            and (i + 1 == len(text) or text[i + 1] in " \n")
            and not _ABBREV_BEFORE_DOT.search(text[max(start, i - 30) : i])
        ):
            return text[start:i]
        i += 1
    return text[start:]


SUBSTITUTED_BY = re.compile(r"\s+who\s+(?:was|were)\s+substituted\s+by\s+(?P<sub>.+)$", re.I)
_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w'’\-]*)"
ATTENDED_AS_SUB = re.compile(
    rf"(?P<name>(?:(?:{_HON})\.?\s+)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})\s+"
    r"(?:attended|was\s+present)\s+(?:as\s+(?:a\s+)?substitute(?:\s+for\s+(?P<for>[^.,;]+))?|in\s+(?:his|her|their)\s+absence)",
)
DASH_SUB = re.compile(r"(?P<name>.+?)\s+[-–]\s+substitute\s+for\s+(?P<for>.+)$", re.I)


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


_STARTS_WITH_HONORIFIC = re.compile(rf"^(?:{_HON})\.?\s+[A-Z]")


def item_apologies(lines: Sequence[Line]) -> list[Attendee]:
    """People listed in the body of an "Apologies" item, one a line with an
    honorific: "Cllr J Grey - work commitments." (the reason is not a role)."""
    out: list[Attendee] = []
    for line in lines:
        text = _plain(line.text)
        if not _STARTS_WITH_HONORIFIC.match(text):
            continue
        head = re.split(r"\s[-–—]\s|[.;:(]\s|\s\(", text, maxsplit=1)[0]
        if any(w[0].islower() and w not in ("and", "&") for w in head.split()):
            continue  # a sentence ("Ms A and Ms B were in attendance"), not a list
        for person in split_name_list(head):
            if person.honorific and person.name and len(person.name.split()) <= 4:
                co_opted = bool(person.role and _CO_OPTED_ROLE.search(person.role))
                out.append(
                    Attendee(
                        name=person.name,
                        honorific=person.honorific,
                        status="apologies",
                        capacity="co-opted" if co_opted else "member",
                        role=None,
                        span=span_of([line]),
                    )
                )
    return out


_SENTENCE_WORD_LIST = ("apolog", "substitut", "absence")
_SENTENCE_WORDS = re.compile("(?i)" + "|".join(_SENTENCE_WORD_LIST))


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


def sentence_attendance(lines: Sequence[Line], known: Sequence[Attendee]) -> list[Attendee]:
    """Apologies and substitutes stated in sentences."""
    out: list[Attendee] = []
    for text, src in _paragraph_text(_around(lines, _SENTENCE_WORDS, _SENTENCE_WORD_LIST)):
        default = span_of(src)
        last_apology: str | None = None
        low = text.lower()
        for m in APOLOGIES.finditer(text) if "apolog" in low else ():
            names = sentence_from(text, m.end())
            subs: list[tuple[str, str]] = []
            for part in re.split(r",|\band\b", names):
                sb = SUBSTITUTED_BY.search(part)
                if sb:
                    subs.append((sb["sub"], SUBSTITUTED_BY.sub("", part)))
            names = re.sub(
                r"\s+who\s+(?:was|were)\s+substituted\s+by\s+[^,]+?(?=,|\band\b|$)", "", names
            )
            for person in split_name_list(names):
                if not person.name or not re.match(r"[A-Z]", person.name):
                    continue
                if person.honorific is None and not looks_like_person(person.name):
                    continue
                co_opted = bool(person.role and _CO_OPTED_ROLE.search(person.role))
                out.append(
                    Attendee(
                        name=person.name,
                        honorific=person.honorific,
                        status="apologies",
                        capacity="co-opted" if co_opted else "member",
                        role=person.role,
                        span=locate(src, person.name, default),
                    )
                )
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
                        )
                    )
        subbing = ("substitute" in low or "absence" in low) and (
            "attended" in low or "was present" in low
        )
        for m in ATTENDED_AS_SUB.finditer(text) if subbing else ():
            person = split_person(m["name"])
            if re.match(r"(?i)(?:the|a|an)\b", person.name) or not person.name:
                continue
            # "substitute for Councillor J Knox": the member replaced is "J Knox".
            replaces = (split_person(m["for"].strip()).name or None) if m["for"] else None
            if replaces is None and "absence" in m.group(0):
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
            )
    return merged
