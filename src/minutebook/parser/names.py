"""People's names as committee papers print them.

Splits honorifics ("Councillor", "Cllr", "County Councillor", "Dr", "Mr") and
roles ("(Chair)", "(Vice-chair)", ", Director of Children and Families") from
a person's name. Lists of names ("Councillors A, B and C", one name after
another with no separator, "Name, Job title Name, Job title") are broken into
people by `name_lists`.

Used by the agenda and minutes extractors, the reports helper and the record
loader: keep it free of anything else in the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from minutebook.parser.models import MemberRole
from minutebook.parser.patterns import rx
from minutebook.parser.report_text import short_text_cache

# Longest first so that "County Councillor" wins over "Councillor".
HONORIFICS: Final = (
    "County Councillor",
    "Borough Councillor",
    "City Councillor",
    "Councillor",
    "Cynghorydd",
    "Cllr",
    "the Very Reverend",
    "Very Reverend",
    "Reverend",
    "Rev",
    # "The Rt. Hon. X", "Right Honourable": stacked with a councillor's title.
    "Right Honourable",
    "Rt",
    "Hon",
    "Canon",
    "Professor",
    "Prof",
    "Baroness",
    "Alderman",
    "Provost",
    "Bailie",
    # A combined authority's elected mayor: "Mayor Danny Fairhurst".
    "Mayor",
    "Dame",
    "Lady",
    "Lord",
    "Sir",
    "Mrs",
    "Miss",
    "Mr",
    "Ms",
    "Mx",
    "Dr",
)
_HONORIFIC_ALT: Final = "|".join(re.escape(h) for h in HONORIFICS)
# An honorific may stack ("Councillor Dr Jane Smith", "Cllr Mrs Barnard").
HONORIFIC_RE: Final = re.compile(
    rf"^(?P<hon>(?:(?:{_HONORIFIC_ALT})\.?\s+)+)(?=\S)",
    re.IGNORECASE,
)
# "Councillors A, B and C": the plural distributes over the list.
PLURAL_HONORIFIC_RE: Final = re.compile(
    r"^(?P<hon>(?:County |Borough |City )?Councillors|Cllrs\.?|Cynghorwyr|Aldermen)\s+",
    re.IGNORECASE,
)
# Welsh papers print both languages: "Cynghorydd / Councillor Rhian Evans".
_BILINGUAL_HONORIFIC: Final = re.compile(
    r"\b(?:Cynghorydd|Cynghorwyr)\s*/\s*(?=Councillors?\b)|(?<=\bCouncillor)\s*/\s*Cynghorydd\b"
    r"|(?<=\bCouncillors)\s*/\s*Cynghorwyr\b",
    re.IGNORECASE,
)
POST_NOMINALS: Final = re.compile(
    r"^(?:OBE|MBE|CBE|KBE|DBE|JP|DL|MP|MSP|MS|AM|MLA|QC|KC|FRCP|PhD|BEM|CVO|MVO|QPM|KPM|RRC|TD)$"
)
# Honours, offices and degrees printed after a name ("Dr Ann Lee OBE JP", "Mr R C Love,
# OBE"): not part of the name; kept apart as printed. (Not "MS"/"AM" at the end: too
# easily the end of a name printed in capitals.)
_POST_NOMINAL_TAIL: Final = re.compile(
    r"(?:,?\s+(?:OBE|MBE|CBE|KBE|DBE|JP|DL|MP|MSP|MLA|MEP|QC|KC|BEM|CVO|MVO|QPM|KPM|RRC|TD))+"
    r"\s*$"
)

# Words of job titles and bodies: a capitalised pair containing one is not a person.
JOB_WORDS: Final = frozenset(
    [
        "director",
        "directors",
        "manager",
        "managers",
        "officer",
        "officers",
        "head",
        "assistant",
        "strategic",
        "service",
        "services",
        "team",
        "chief",
        "executive",
        "lead",
        "nurse",
        "adviser",
        "advisor",
        "coordinator",
        "co-ordinator",
        "member",
        "members",
        "cabinet",
        "democratic",
        "senior",
        "interim",
        "deputy",
        "principal",
        "corporate",
        "consultant",
        "council",
        "councils",
        "committee",
        "constitutional",
        "governance",
        "clerk",
        "solicitor",
        "counsel",
        "legal",
        "finance",
        "commissioner",
        "commissioning",
        "partnership",
        "partnerships",
        "department",
        "directorate",
        "unit",
        "board",
        "panel",
        "group",
        "policy",
        "planning",
        "children",
        "adults",
        "adult",
        "care",
        "health",
        "education",
        "school",
        "schools",
        "virtual",
        "designated",
        "safeguarding",
        "quality",
        "performance",
        "participation",
        "engagement",
        "rights",
        "housing",
        "public",
        "social",
        "work",
        "worker",
        "workers",
        "specialist",
        "analyst",
        "administrator",
        "secretary",
        "treasurer",
        "chair",
        "chairman",
        "chairwoman",
        "vice-chair",
        "vice-chairman",
        "mayor",
        "leader",
        "scrutiny",
        "monitoring",
        "authority",
        "borough",
        "county",
        "city",
        "district",
        "nhs",
        "ccg",
        "trust",
        "foundation",
        "programme",
        "project",
        "operations",
        "business",
        "support",
        "access",
        "development",
        "resources",
    ]
)

_ROLE_MAP: tuple[tuple[re.Pattern[str], MemberRole], ...] = (
    (
        re.compile(r"\bvice[\s-]*(?:chair|chairman|chairwoman|chairperson|convener)\b", re.I),
        "vice-chair",
    ),
    (
        re.compile(
            r"\b(?:chair|chairman|chairwoman|chairperson|convener|convenor|provost|mayor)\b", re.I
        ),
        "chair",
    ),
    (re.compile(r"\bco-?opted\b", re.I), "co-opted"),
    (re.compile(r"\b(?:reserve|substitute)\b", re.I), "reserve"),
)

_NAME_WORD: Final = r"[A-Z][A-Za-z'’\-]*\.?"
# Initials as printed: "J.W.", "M J M", "H.A.L.", "R-M."
_INITIALS: Final = r"(?:[A-Z](?:[.\-]|\.?\s)\s*)+"


@dataclass(frozen=True, slots=True)
class PersonName:
    name: str
    honorific: str | None
    role: str | None  # the role or job title as printed, without brackets
    post_nominals: str | None = None  # "OBE JP": honours printed after the name


# Names are split again by each extractor that meets them (attendance, declarations,
# front sheet), and the same people recur across items: remember recent results.
@short_text_cache
def clean(text: str) -> str:
    """Collapse whitespace and strip markdown emphasis and stray punctuation."""
    text = text.replace("**", "").replace("\\", "")
    if "ynghor" in text:
        text = _BILINGUAL_HONORIFIC.sub("", text)
    return " ".join(text.split()).strip(" \t,;:")


def member_role(role_text: str | None) -> MemberRole:
    """Map a printed role ("Vice-chair", "Co-opted Member, non-voting") to the contract's."""
    if role_text:
        for pattern, role in _ROLE_MAP:
            if pattern.search(role_text):
                return role
    return "member"


@short_text_cache
def split_honorific(text: str) -> tuple[str | None, str]:
    """("Councillor", "Jasmine Ali") from "Councillor Jasmine Ali"."""
    text = clean(text)
    m = HONORIFIC_RE.match(text)
    if not m:
        return None, text
    rest = text[m.end() :].strip()
    # (A surname may open with a particle: "Councillor de la Mare", "Cllr van der Berg".)
    # (A surname may open with a capital outside A-Z: "Councillor Ó Donnghaile".)
    if not rest or not (rest[0].isupper() or _PARTICLE_NAME.match(rest)):
        return None, text
    honorific = rx(r"\s+").sub(" ", m["hon"].replace(".", "")).strip()
    # "the Very Reverend": the article belongs to the sentence, not to the title.
    honorific = rx(r"(?i)^the\s+").sub("", honorific)
    if honorific.isupper() and len(honorific) > 2:
        # "CLLR MRS" in a paper printed in capitals: "Cllr Mrs", as the titles are spelled.
        honorific = _ANY_HONORIFIC.sub(lambda h: _CANONICAL[h.group(0).lower()], honorific)
    return honorific, rest


_CANONICAL: Final = {h.lower(): h for h in HONORIFICS}
_ANY_HONORIFIC: Final = re.compile(rf"\b(?:{_HONORIFIC_ALT})\b", re.IGNORECASE)


_COUNCILLOR_TITLE: Final = re.compile(r"(?i)councillor|\bcllrs?\b|alderm[ae]n|mayor|provost|bailie")


def is_councillor(honorific: str | None) -> bool:
    """Whether an honorific is a councillor's ("Councillor", "Cllr Mrs", "Alderman", ...)."""
    return honorific is not None and bool(_COUNCILLOR_TITLE.search(honorific))


# Party names and their usual abbreviations, as printed after a councillor's name.
_PARTY: Final = re.compile(
    r"(?i)lab(?:our)?(?:\s*(?:/|and|&)\s*co-?op(?:erative)?)?|con(?:servative)?|lib\s*dems?|l\.?\s*d\.?|"
    r"ld(?:em)?|liberal\s+democrats?|green(?:\s+party)?|grn|ind(?:ependent)?|snp|plaid(?:\s+cymru)?|pc|"
    r"reform(?:\s+uk)?|ukip|alliance|sdlp|dup|uup|sf|sinn\s+f[eé]in|res(?:idents?)?|r\.?a\.?"
)
_PARTICLE_NAME: Final = re.compile(
    r"(?:de|de la|del|della|di|da|du|van|van der|van den|von|le|la|st)\s+[A-Z]"
)
_OFFICE_THEN_PERSON: Final = re.compile(
    r"(?i:the\s+)?(?P<office>(?:Right\s+Worshipful\s+)?(?:Lord\s+|Deputy\s+)?Mayor|"
    r"(?:Vice[- ])?Chair(?:man|person)?|(?:Deputy\s+)?Leader(?:\s+of\s+the\s+Council)?|"
    r"(?:Deputy\s+|Lord\s+)?Provost|(?:Depute\s+)?Convener|Civic\s+Head|Speaker)\s*"
    r"\((?P<person>[^()]+)\)(?P<more>(?:\s*\([^()]*\))*)"
)
_IN_THE_CHAIR: Final = re.compile(r"(?i)\s*in\s+the\s+chair\s*")
_ATTENDANCE_NOTE: Final = re.compile(
    r"(?i)(?:from|until|up\s+to|arrived|left|joined|departed)\b[^()]{0,40}?"
    r"(?:\bitems?|\bminutes?|\d)|(?:present\s+)?for\s+(?:items?|minutes?)\s+\d"
    # "(Item LC012/26)", "(Minute 23 only)": the business someone came for.
    r"|(?:agenda\s+)?(?:items?|minutes?)\s+(?:no\.?\s*)?[A-Z]{0,6}/?\d[\w/.]*(?:\s+only)?$"
)
_LEADING_BULLET: Final = re.compile(r"^[-–•·*▪●]\s+")


@short_text_cache
def split_person(text: str) -> PersonName:
    """Split one printed person into name, honorific and role.

    "Councillor Jasmine Ali (Chair)" -> Jasmine Ali / Councillor / Chair;
    "Alasdair Smith, Director of Children and Families" -> role is the job title;
    "N Smith - substitute for B Cabbell Manners" -> role "substitute for B Cabbell Manners".
    """
    # "- Councillor Anna Bell": a list bullet (web pages, markdown) is not part of the name.
    text = _LEADING_BULLET.sub("", clean(text))
    office = _OFFICE_THEN_PERSON.fullmatch(text)
    if office:
        # "The Mayor (Councillor Ann Lee)": the person, who holds the office.
        inner = split_person(office["person"] + office["more"])
        if inner.honorific:
            held = "; ".join(r for r in (office["office"], inner.role) if r)
            return PersonName(inner.name, inner.honorific, held, inner.post_nominals)
    role_parts: list[str] = []
    # "Mr J Bloggs - Team Leader (Major Developments)": brackets inside the role
    # after a dash are part of it, as printed.
    dash_role = rx(r"\s[-–—]\s(?=[^()]*\()").search(text)
    after_dash = ""
    if dash_role and "(" not in text[: dash_role.start()]:
        after_dash = text[dash_role.end() :].strip()
        text = text[: dash_role.start()].strip()
    # Bracketed roles anywhere: "(Chair)", "(Co-opted Member, non-voting)", also with
    # brackets inside: "(Director of Quays (Apartments) Ltd)".
    for m in rx(r"\(((?:[^()]|\([^()]*\))*)\)").finditer(text):
        role_parts.append(m.group(1).strip())
    # "Jo Ashby (Chair) – Virtual School Headteacher": the roles in brackets stand before
    # the one after the dash, and are kept in the order printed.
    brackets_first = bool(role_parts) and rx(r"\)[^()]*\s[-–—]\s[^()]*$").search(text) is not None
    text = clean(rx(r"\((?:[^()]|\([^()]*\))*\)?").sub(" ", text))
    # " - role" (dash with spaces), then ", role".
    dash = rx(r"\s[-–—]\s").search(text)
    if dash:
        before, after = text[: dash.start()].strip(), text[dash.end() :].strip()
        if post_then_person(before, after):
            # "Director of Children's Services – Jane Smith": the post first, then the person.
            before, after = after, before
        role_parts.insert(len(role_parts) if brackets_first else 0, after)
        text = before
    if after_dash:
        role_parts.insert(0, after_dash)
    if (
        role_parts
        and not dash
        and not after_dash
        and text
        and not split_honorific(text)[0]
        and not looks_like_person(text)
    ):
        # "Chief Social Work Officer (Ms Gillian Rennie)": a post, then its holder in brackets.
        holder = split_person(role_parts[0])
        if holder.honorific is not None and looks_like_person(holder.name) and not holder.role:
            role_parts[0] = text
            text = f"{holder.honorific} {holder.name}"
            if holder.post_nominals:
                text = f"{text} {holder.post_nominals}"
    honorific, rest = split_honorific(text)
    tail = _POST_NOMINAL_TAIL.search(rest)
    post = ""
    if tail:
        post = tail.group(0)
        rest = rest[: tail.start()]
    if "," in rest:
        head, _, after = rest.partition(",")
        after = after.strip()
        if after and not POST_NOMINALS.match(after):
            role_parts.insert(0, after)
        elif after:
            post = f"{after} {post}"
        rest = head
    name = clean(rest)
    post_nominals = " ".join(post.replace(",", " ").split()) or None
    if is_councillor(honorific):
        # "Councillor A Bright (Chair) (Lab)": a councillor's party is not a role.
        role_parts = [p for p in role_parts if not _PARTY.fullmatch(p.strip())]
    # "(in the Chair)": the person chaired the meeting.
    role_parts = ["Chair" if _IN_THE_CHAIR.fullmatch(p) else p for p in role_parts]
    # "(from item 5)", "(until 8.30pm)": when the person came or went, not a role.
    role_parts = [p for p in role_parts if not _ATTENDANCE_NOTE.match(p)]
    role = "; ".join(p for p in role_parts if p) or None
    return PersonName(name=name, honorific=honorific, role=role, post_nominals=post_nominals)


def post_then_person(before: str, after: str) -> bool:
    """Whether "before – after" names a post and then its holder: the text before the dash
    has a word of job titles and no honorific, the text after it is a person's name."""
    if split_honorific(before)[0] is not None or looks_like_person(before):
        return False
    honorific, name = split_honorific(after)
    words = name.split()
    return (
        (honorific is not None or 2 <= len(words) <= 4)
        and looks_like_person(name)
        and all(w[:1].isupper() for w in words)
    )


# A person printed only by their post: "the Virtual School Head".
_ROLE_ONLY: Final = re.compile(
    r"^(?:the\s+)?(?P<role>[A-Z][\w'’\-]*(?:\s+(?:of|for|and|[A-Z][\w'’\-]*)){1,8})$"
)


def looks_like_person(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6:
        return False
    return not any(w.lower().strip("'’,.") in JOB_WORDS for w in words)


_HYPHEN_SMALL: Final = frozenset(
    {"on", "upon", "under", "in", "by", "le", "the", "super", "en", "sur"}
)


def smart_title(text: str) -> str:
    """Title-case text printed in capitals ("CORPORATE PARENTING PANEL"); leave mixed case alone."""
    letters = [c for c in text if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return text
    small = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "at", "by", "with", "or"}
    words = []
    for i, word in enumerate(text.lower().split()):
        if i and word in small:
            words.append(word)
        else:
            # "ASHCOMBE-ON-SEA" -> "Ashcombe-on-Sea", "STOKE-ON-TRENT" -> "Stoke-on-Trent".
            parts = word.split("-")
            words.append(
                "-".join(
                    p if k and p in _HYPHEN_SMALL else p[:1].upper() + p[1:]
                    for k, p in enumerate(parts)
                )
            )
    return " ".join(words)
