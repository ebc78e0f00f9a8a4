"""People's names as committee papers print them.

Splits honorifics ("Councillor", "Cllr", "County Councillor", "Dr", "Mr") and
roles ("(Chair)", "(Vice-chair)", ", Director of Children and Families") from
names, and breaks lists of names ("Councillors A, B and C", one name after
another with no separator, "Name, Job title Name, Job title") into people.

Used by the agenda and minutes extractors, the reports helper and the record
loader: keep it free of anything else in the parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutebook.parser.models import MemberRole
from minutebook.parser.report_text import short_text_cache

# Longest first so that "County Councillor" wins over "Councillor".
HONORIFICS = (
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
    "Canon",
    "Professor",
    "Prof",
    "Baroness",
    "Alderman",
    "Provost",
    "Bailie",
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
_HONORIFIC_ALT = "|".join(re.escape(h) for h in HONORIFICS)
# An honorific may stack ("Councillor Dr Jane Smith", "Cllr Mrs Barnard").
HONORIFIC_RE = re.compile(
    rf"^(?P<hon>(?:(?:{_HONORIFIC_ALT})\.?\s+)+)(?=\S)",
    re.IGNORECASE,
)
# "Councillors A, B and C": the plural distributes over the list.
PLURAL_HONORIFIC_RE = re.compile(
    r"^(?P<hon>(?:County |Borough |City )?Councillors|Cllrs\.?|Cynghorwyr|Aldermen)\s+",
    re.IGNORECASE,
)
# Welsh papers print both languages: "Cynghorydd / Councillor Rhian Evans".
_BILINGUAL_HONORIFIC = re.compile(
    r"\b(?:Cynghorydd|Cynghorwyr)\s*/\s*(?=Councillors?\b)|(?<=\bCouncillor)\s*/\s*Cynghorydd\b"
    r"|(?<=\bCouncillors)\s*/\s*Cynghorwyr\b",
    re.IGNORECASE,
)
POST_NOMINALS = re.compile(
    r"^(?:OBE|MBE|CBE|KBE|DBE|JP|DL|MP|MSP|MS|AM|MLA|QC|KC|FRCP|PhD|BEM|CVO|MVO)$"
)
_POST_NOMINAL_TAIL = re.compile(r"(?:,?\s+(?:OBE|MBE|CBE|KBE|DBE|JP|DL|MP|MSP|MLA|QC|KC|BEM))+\s*$")

# Words of job titles and bodies: a capitalised pair containing one is not a person.
JOB_WORDS = frozenset(
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

_NAME_WORD = r"[A-Z][A-Za-z'’\-]*\.?"
# Initials as printed: "J.W.", "M J M", "H.A.L.", "R-M."
_INITIALS = r"(?:[A-Z](?:[.\-]|\.?\s)\s*)+"


@dataclass(frozen=True, slots=True)
class PersonName:
    name: str
    honorific: str | None
    role: str | None  # the role or job title as printed, without brackets


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
    if not rest or not (re.match(r"[A-Z]", rest) or _PARTICLE_NAME.match(rest)):
        return None, text
    honorific = re.sub(r"\s+", " ", m["hon"].replace(".", "")).strip()
    # "the Very Reverend": the article belongs to the sentence, not to the title.
    honorific = re.sub(r"(?i)^the\s+", "", honorific)
    return honorific, rest


_COUNCILLOR_TITLE = re.compile(r"(?i)councillor|\bcllrs?\b|alderm[ae]n|mayor|provost|bailie")


def is_councillor(honorific: str | None) -> bool:
    """Whether an honorific is a councillor's ("Councillor", "Cllr Mrs", "Alderman", ...)."""
    return honorific is not None and bool(_COUNCILLOR_TITLE.search(honorific))


# Party names and their usual abbreviations, as printed after a councillor's name.
_PARTY = re.compile(
    r"(?i)lab(?:our)?(?:\s*(?:/|and|&)\s*co-?op(?:erative)?)?|con(?:servative)?|lib\s*dems?|l\.?\s*d\.?|"
    r"ld(?:em)?|liberal\s+democrats?|green(?:\s+party)?|grn|ind(?:ependent)?|snp|plaid(?:\s+cymru)?|pc|"
    r"reform(?:\s+uk)?|ukip|alliance|sdlp|dup|uup|sf|sinn\s+f[eé]in|res(?:idents?)?|r\.?a\.?"
)
_PARTICLE_NAME = re.compile(
    r"(?:de|de la|del|della|di|da|du|van|van der|van den|von|le|la|st)\s+[A-Z]"
)
_OFFICE_THEN_PERSON = re.compile(
    r"(?i:the\s+)?(?P<office>(?:Right\s+Worshipful\s+)?(?:Lord\s+|Deputy\s+)?Mayor|"
    r"(?:Vice[- ])?Chair(?:man|person)?|(?:Deputy\s+)?Leader(?:\s+of\s+the\s+Council)?|"
    r"(?:Deputy\s+|Lord\s+)?Provost|(?:Depute\s+)?Convener|Civic\s+Head|Speaker)\s*"
    r"\((?P<person>[^()]+)\)"
)
_LEADING_BULLET = re.compile(r"^[-–•·*▪●]\s+")


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
        inner = split_person(office["person"])
        if inner.honorific:
            held = "; ".join(r for r in (office["office"], inner.role) if r)
            return PersonName(name=inner.name, honorific=inner.honorific, role=held)
    role_parts: list[str] = []
    # "Mr J Bloggs - Team Leader (Major Developments)": brackets inside the role
    # after a dash are part of it, as printed.
    dash_role = re.search(r"\s[-–—]\s(?=[^()]*\()", text)
    after_dash = ""
    if dash_role and "(" not in text[: dash_role.start()]:
        after_dash = text[dash_role.end() :].strip()
        text = text[: dash_role.start()].strip()
    # Bracketed roles anywhere: "(Chair)", "(Co-opted Member, non-voting)", also with
    # brackets inside: "(Director of Quays (Apartments) Ltd)".
    for m in re.finditer(r"\(((?:[^()]|\([^()]*\))*)\)", text):
        role_parts.append(m.group(1).strip())
    text = clean(re.sub(r"\((?:[^()]|\([^()]*\))*\)?", " ", text))
    # " - role" (dash with spaces), then ", role".
    dash = re.search(r"\s[-–—]\s", text)
    if dash:
        role_parts.insert(0, text[dash.end() :].strip())
        text = text[: dash.start()].strip()
    if after_dash:
        role_parts.insert(0, after_dash)
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
            post = f" {after}"
        rest = head
    name = clean(rest + post.replace(",", ""))
    if is_councillor(honorific):
        # "Councillor A Bright (Chair) (Lab)": a councillor's party is not a role.
        role_parts = [p for p in role_parts if not _PARTY.fullmatch(p.strip())]
    role = "; ".join(p for p in role_parts if p) or None
    return PersonName(name=name, honorific=honorific, role=role)


_SEPARATOR = re.compile(r",|;| and | & ")
_SEPARATOR_OR_BRACKET = re.compile(r"[()\[\]]|,|;| and | & ")


def _depth0_split(text: str) -> list[str]:
    """Split on commas, semicolons, " and " and " & " outside brackets."""
    if "(" not in text and "[" not in text:
        parts = _SEPARATOR.split(text)
    else:
        parts = []
        depth = 0
        last = 0
        for m in _SEPARATOR_OR_BRACKET.finditer(text):
            token = m.group(0)
            if token in "([":
                depth += 1
            elif token in ")]":
                depth = max(0, depth - 1)
            elif depth == 0:
                parts.append(text[last : m.start()])
                last = m.end()
        parts.append(text[last:])
    cleaned = (clean(p) for p in parts)
    return [c for c in cleaned if c]


def _merge_post_nominals(parts: list[str]) -> list[str]:
    """ "Mr R C Love, OBE" was split at the comma: put "OBE" back."""
    out: list[str] = []
    for p in parts:
        if out and POST_NOMINALS.match(p):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


_HONORIFIC_START = re.compile(rf"(?:(?<=\s)|^)(?:{_HONORIFIC_ALT})\.?\s+(?=[A-Z])")
_STACKED_HONORIFICS = re.compile(rf"(?:(?:{_HONORIFIC_ALT})\.?\s+)+")


def _split_run_on_honorifics(text: str) -> list[str]:
    """ "Councillor A B (Chair) Councillor C D" -> one chunk per honorific."""
    starts = [
        m.start()
        for m in _HONORIFIC_START.finditer(text)
        # "Councillor A (for Councillor B)": a name in brackets belongs to the one before.
        if text.count("(", 0, m.start()) <= text.count(")", 0, m.start())
    ]
    # Stacked honorifics ("Councillor Dr X") start one chunk, not two.
    merged: list[int] = []
    for s in starts:
        if merged and _STACKED_HONORIFICS.fullmatch(text[merged[-1] : s]):
            continue
        merged.append(s)
    if not merged:
        return [text]
    chunks = []
    if merged[0] > 0 and text[: merged[0]].strip():
        chunks.append(text[: merged[0]])
    for a, b in zip(merged, [*merged[1:], len(text)], strict=True):
        chunks.append(text[a:b])
    return [clean(c) for c in chunks if clean(c)]


def _capitalised_words(text: str) -> list[str]:
    return re.findall(r"[A-Z][A-Za-z'’\-]+", text)


def _full_word(word: str) -> bool:
    """A capitalised word that is not an initial ("M", "J.")."""
    return bool(re.fullmatch(_NAME_WORD, word)) and len(word.rstrip(".")) > 1


def _split_unseparated(chunk: str) -> list[str]:
    """ "Francis Turkson Mark Kerr Tracey Harrison": PDF text lost the separators.

    With an even number of capitalised words and nothing else, pair them: two-word
    names are by far the commonest; anything else is left whole rather than guessed.
    """
    words = chunk.split()
    if len(words) >= 4 and len(words) % 2 == 0 and all(_full_word(w) for w in words):
        return [f"{words[i]} {words[i + 1]}" for i in range(0, len(words), 2)]
    return [chunk]


def _split_honorific_chunk(chunk: str) -> list[str]:
    """ "Councillor Charlie Smith Florence Emakpose (Co-opted...)" -> two people."""
    honorific, rest = split_honorific(chunk)
    bracket = rest.find("(")
    name_part = rest if bracket < 0 else rest[:bracket]
    role_part = "" if bracket < 0 else rest[bracket:]
    words = name_part.split()
    if honorific and len(words) >= 4 and len(words) % 2 == 0 and all(_full_word(w) for w in words):
        first = f"{honorific} {words[0]} {words[1]}"
        others = _split_unseparated(" ".join(words[2:]))
        if role_part:
            others[-1] = f"{others[-1]} {role_part}"
        return [first, *others]
    return [chunk]


def _singular_honorific(plural: str) -> str | None:
    """ "Councillors" -> "Councillor", "County Councillors" -> "County Councillor"."""
    low = plural.lower().rstrip(". ")
    if low.startswith("cynghorwyr"):
        return "Cynghorydd"
    if low == "aldermen":
        return "Alderman"
    if "councillor" not in low and low != "cllrs":
        return None
    for prefix in ("county", "borough", "city"):
        if low.startswith(prefix):
            return f"{prefix.title()} Councillor"
    return "Councillor"


_PLURAL_INSIDE = re.compile(
    r"(?<=[^\s,;])(?<!County)(?<!Borough)(?<!City)\s+"
    r"(?=(?:County\s+|Borough\s+|City\s+)?(?:Councillors|Cllrs\.?|Aldermen)\s+[A-Z])"
)


def split_name_list(text: str) -> list[PersonName]:
    """Every person of a printed list.

    Handles "A, B and C", "Councillors A, B and C", names run together after
    honorifics ("Councillor A (Chair) Councillor B"), bracketed roles and
    post-nominals ("Mr R C Love, OBE").
    """
    text = clean(text)
    if not text or re.fullmatch(r"(?i)none\.?|nil\.?|n/?a", text):
        return []
    text = text.rstrip(".")
    plural = PLURAL_HONORIFIC_RE.match(text)
    shared_honorific: str | None = None
    if plural:
        shared_honorific = _singular_honorific(plural["hon"])
        text = text[plural.end() :]
    # "Councillor A (Chairman) Councillors B, C and D": the plural starts a new part.
    if "ouncillors" in text or "Cllrs" in text or "Aldermen" in text:
        text = _PLURAL_INSIDE.sub("; ", text)
    has_separators = bool(re.search(r",|\band\b|;|&", re.sub(r"\([^()]*\)", "", text)))
    chunks: list[str]
    if has_separators:
        chunks = _merge_post_nominals(_depth0_split(text))
    else:
        chunks = []
        for c in _split_run_on_honorifics(text):
            if split_honorific(c)[0]:
                chunks.extend(_split_honorific_chunk(c))
            else:
                chunks.extend(_split_unseparated(c))
    people: list[PersonName] = []
    for chunk in chunks:
        # A comma list may still hold honorific runs: "Cllr A Cllr B, Cllr C".
        sub = [chunk]
        if has_separators:
            sub = []
            for piece in _split_run_on_honorifics(chunk):
                plain = split_honorific(piece)[0] is None and "(" not in piece
                sub.extend(_split_unseparated(piece) if plain else [piece])
        for piece in sub:
            # "...; and Councillors B and C" split at ";": the list's "and" is no name.
            piece = re.sub(r"^(?:and|&)(?:\s+|$)", "", piece.strip())
            later = PLURAL_HONORIFIC_RE.match(piece)
            if later:
                # "Councillor A (Chair); Councillors B, C and D": the plural
                # honorific covers the rest of the list.
                shared_honorific = _singular_honorific(later["hon"])
                piece = piece[later.end() :]
            person = split_person(piece)
            if not person.name or not re.search(r"[A-Za-z]", person.name):
                continue
            if shared_honorific and person.honorific is None:
                person = PersonName(person.name, shared_honorific, person.role)
            elif (
                shared_honorific
                and not re.search(r"(?i)councillor|cllr", person.honorific or "")
                # "... and Mrs C (co-opted member)": a co-opted member is no councillor.
                and not (person.role and re.search(r"(?i)\bco-?opt", person.role))
            ):
                # "Councillors A, B and Mrs C": the plural covers C too.
                person = PersonName(
                    person.name, f"{shared_honorific} {person.honorific}", person.role
                )
            people.append(person)
    return people


# "Name, Job title" pairs run together: the name is two capitalised words
# (after an optional honorific) followed by a comma or by " and " + another name.
_OFFICER_NAME = re.compile(
    rf"(?:(?:{_HONORIFIC_ALT})\.?\s+)?"
    r"(?P<name>[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){1,2})"
    r"(?=\s*,|\s+and\s+[A-Z])"
)
# Where a name may have three words: at the start of the run (parts after ";" are runs).
_RUN_START = re.compile(r"^\s*$")
# A person printed only by their post: "the Virtual School Head".
_ROLE_ONLY = re.compile(
    r"^(?:the\s+)?(?P<role>[A-Z][\w'’\-]*(?:\s+(?:of|for|and|[A-Z][\w'’\-]*)){1,8})$"
)


def looks_like_person(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6:
        return False
    return not any(w.lower().strip("'’,.") in JOB_WORDS for w in words)


def split_name_title_run(text: str) -> list[PersonName]:
    """ "A B, Director of X C D, Head of Y E F and G H, Team" -> people with job titles.

    People joined by "," or "and" with no title between them share the title
    that follows the group ("Paula Thornton, Beverley Olamijulo and Poonam
    Patel, Constitutional Team").
    """
    # "...; and Mrs O Reilly, Committee Services Officer.": the list's "and" and full stop go.
    text = re.sub(r"(?<=[a-z]{2})\.$", "", re.sub(r"^(?:and|&)\s+", "", clean(text)))
    if ";" in text:
        # Semicolons separate people; each part is a run of its own.
        return [p for part in text.split(";") for p in split_name_title_run(part)]
    role_only = _ROLE_ONLY.match(text)
    if role_only and not looks_like_person(role_only["role"]) and "," not in text:
        role = role_only["role"]
        return [PersonName(role, None, role)]
    anchors: list[tuple[int, int, str, str | None]] = []
    for m in _OFFICER_NAME.finditer(text):
        name = m["name"]
        start = m.start()
        words = name.split()
        if len(words) == 3 and (
            not _RUN_START.match(text[: m.start()]) or not looks_like_person(name)
        ):
            # Mid-run, a third word belongs to the title before the name.
            name = " ".join(words[1:])
            start = m.start("name") + m["name"].index(words[1], len(words[0]))
        if not looks_like_person(name):
            continue
        # A pair straight after a title's comma is part of the title ("X, Assistant
        # Director, Quality"): JOB_WORDS rejects most; also reject lower-case starts.
        honorific, _ = split_honorific(m.group(0))
        anchors.append((start, m.end(), name, honorific))
    if not anchors:
        return [split_person(text)] if text else []
    people: list[PersonName] = []
    pending: list[tuple[str, str | None]] = []
    for idx, (_start, end, name, honorific) in enumerate(anchors):
        next_start = anchors[idx + 1][0] if idx + 1 < len(anchors) else len(text)
        between = text[end:next_start]
        title = clean(re.sub(r"^\s*(?:,|and\b)\s*", "", between))
        title = re.sub(r"\s+and$", "", title).strip(" ,")
        title = re.sub(r"(?i)\s+in attendance\b.*$", "", title).strip(" ,")
        pending.append((name, honorific))
        if title:
            for pname, phon in pending:
                people.append(PersonName(pname, phon, title))
            pending = []
    for pname, phon in pending:
        people.append(PersonName(pname, phon, None))
    return people


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
            words.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(words)
