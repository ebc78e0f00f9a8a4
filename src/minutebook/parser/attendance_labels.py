"""Attendance labels and what each says of those listed under it.

"PRESENT:", "Also present:", "Officers:", "Apologies:", "Sederunt", "Co-opted
members:", "Clerk:" (a post), in one language or two ("YN BRESENNOL / PRESENT"); the
status and capacity each gives; the roles that make a seat on the body, a co-opted
member or a substitute; and the plain text and line of a listed name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Final

from minutebook.parser.lines import Line, span_of
from minutebook.parser.models import AttendanceCapacity, AttendanceStatus, Span
from minutebook.parser.names import POST_NOMINALS

LABEL: Final = re.compile(
    r"^\W*(?P<label>present(?:\s*\((?:in\s+person|remotely|virtually|online)\)|"
    r"\s+(?:in\s+person|remotely|virtually|online))?|"
    r"members\s+of\s+the\s+(?:committee|board|panel|cabinet|council|sub-committee)\s+present|"
    r"(?:committee|board|panel|cabinet)\s+members\s+present|members\s+in\s+attendance|"
    r"other\s+(?:members|councillors)\s+present|others\s+(?:present|in\s+attendance)|"
    r"attended\s+(?:remotely|virtually|online)|(?:non-)?voting\s+members|together\s+with|"
    r"substitute\s+members?|guests?|visitors?|speakers?|invitees?|invited|young\s+people\s+present|"
    r"members\s+present|councillors\s+present|also\s+present|"
    r"also\s+in\s+attendance|in\s+attendance(?:\s+virtually|\s+remotely|"
    r"\s*\((?:virtually|remotely|online|in\s+person)\))?|"
    r"officers?(?:\s+(?:support|present|in\s+attendance))?|non-voting\s+co-opted\s+members?|"
    r"co-opted(?:\s+members?)?|co-optees?|independent\s+(?:members?|persons?)|lay\s+members?|young\s+people|apologies(?:\s+for\s+absence)?|absent|substitut(?:es?|ions?)|"
    r"councillors|ward\s+members?|attendees|minute\s+taker|observers?|other\s+attendees|"
    r"members\s+of\s+the\s+public|partners?|representatives?|sederunt|"
    r"(?:parish\s+|town\s+|deputy\s+|assistant\s+)?clerk|responsible\s+financial\s+officer|"
    r"(?:district|county|borough|city|unitary)\s+councillors?|"
    # "Children in Care Council representatives:", "Parent governor representatives:".
    r"(?:[\w'’\-]+\s+){1,6}representatives(?=\s*[:\t]))"
    r"\W*?(?P<sep>\s*[:\t]|\s*$)(?P<rest>.*)$",
    re.IGNORECASE,
)
# Bilingual labels: "YN BRESENNOL / PRESENT:", "PRESENT / YN BRESENNOL:".
_BILINGUAL: Final = re.compile(
    r"^(?P<a>[^/:\t]{2,40}?)\s+/\s+(?P<b>[^/:\t]{2,40}?)(?P<sep>\s*:.*|\s*)$"
)
# Labels that are a post: the person listed under them holds it ("Clerk: Mrs J Smith").
_POST_LABEL: Final = re.compile(
    r"(?i)(?:parish\s+|town\s+|deputy\s+|assistant\s+)?clerk|responsible\s+financial\s+officer|"
    r"minute\s+taker|(?:district|county|borough|city|unitary)\s+councillor\b(?!s)"
)
# Labels that name a seat on the body held by those listed under them.
_SEAT_LABEL: Final = re.compile(
    r"(?i)(?:independent|lay)\s+(?:members?|persons?)|(?:[\w'’\-]+\s+){1,6}representatives?"
)
# Job words of officers: an officer listed among "Also present" is still an officer.
_OFFICER_ROLE: Final = re.compile(
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
    if label.startswith("substitut"):
        return "present", "substitute"
    if label.startswith(
        ("other members", "other councillors", "others", "guest", "visitor", "speaker", "invite")
    ):
        return "present", "other"
    if "co-opt" in label or label.startswith(("independent", "lay", "non-voting")):
        return "present", "co-opted"
    # "Together with: A (Director), B (Head of ...)": the officers after the members (Wales).
    if label.startswith(
        ("officer", "in attendance", "minute taker", "responsible", "together")
    ) or ("clerk" in label):
        return "present", "officer"
    if label.endswith("representatives") and not label.startswith("representative"):
        # The seat the label names: a co-opted one (parent governors), or young people's
        # or partners' representatives who attend without one.
        return "present", "co-opted" if _CO_OPTED_ROLE.search(label) else "other"
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


_TAG: Final = re.compile(r"</?[a-zA-Z][^>]*>")
_RUN_OF_SPACES: Final = re.compile(r" {2,}")


def _plain(text: str, keep_tabs: bool = False) -> str:
    if "<" in text:
        text = _TAG.sub("", text)
    if "*" in text or "\\" in text:
        text = text.replace("**", "").replace("\\", "")
    if keep_tabs:
        return _RUN_OF_SPACES.sub(" ", text).strip().lstrip("> ")
    return " ".join(text.split()).lstrip("> ")


def locate(lines: Sequence[Line], name: str, default: Span) -> Span:
    """The span of the first line that prints `name` (or of the two lines it is broken
    over; else of the first line that prints its last word)."""
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
    if len(named) > 1:
        # A name broken at the line's end ("... and B Cabbell" / "Manners."): both lines.
        for a, b in itertools.pairwise(lines):
            if last in b.text and wanted in " ".join(
                f"{a.text} {b.text}".replace(",", " ").split()
            ):
                return span_of([a, b])
    for line in lines:
        if last in line.text:
            return span_of([line])
    return default


# Co-opted members by the seat they hold: the statutory church and parent governor
# representatives of education committees.
_CO_OPTED_ROLE: Final = re.compile(
    r"(?i)\bco-?opted\b|\bparent\s+governor|\bdiocesan\b|\bdiocese\b|"
    r"\bchurch\s+(?:of\s+england\s+|catholic\s+|roman\s+catholic\s+)?representative"
)
# "substitute for Councillor X"; under a "Substitutes:" label, "for X", "in place of X".
_SUBSTITUTE_FOR: Final = r"substitut\w*(?:\s+(?:member|councillor))?\s+for"
_STANDING_IN_FOR: Final = r"for|in\s+place\s+of|replacing"
_SUBSTITUTE_ROLE: Final = re.compile(rf"(?i)\s*(?:{_SUBSTITUTE_FOR}|{_STANDING_IN_FOR})\s+.+")
_SUBSTITUTE_NAMING: Final = re.compile(rf"(?i)\b{_SUBSTITUTE_FOR}\s+(?P<who>.+)$")
_STANDING_IN: Final = re.compile(rf"(?i)(?:{_STANDING_IN_FOR})\s+(?P<who>\S.*)")


# Roles that are a seat on the body ("Independent Member", "Religious Representative").
_SEAT_ROLE: Final = re.compile(
    r"(?i)\b(?:member|representative|co-?opted|chair(?:man|person)?|vice|convener|deputy)\b"
)
