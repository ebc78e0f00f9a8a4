"""Lists of people as committee papers print them, broken into one person each.

"Councillors A, B and C" (the plural honorific distributes over the list), names
one after another with no separator ("Cllr A Cllr B"), post-nominals kept with
their name ("A Smith, OBE"), and "Name, Job title Name, Job title" runs of
officers. Each person is split by `names.split_person`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from minutebook.parser.names import (
    _HONORIFIC_ALT,
    _NAME_WORD,
    _ROLE_ONLY,
    PLURAL_HONORIFIC_RE,
    POST_NOMINALS,
    PersonName,
    clean,
    looks_like_person,
    split_honorific,
    split_person,
)
from minutebook.parser.patterns import rx

_SEPARATOR: Final = re.compile(r",|;| and | & ")
_SEPARATOR_OR_BRACKET: Final = re.compile(r"[()\[\]]|,|;| and | & ")


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
    """ "Mr R C Love, OBE" was split at the comma: put "OBE" back. A post after a titled
    name ("... and Dr Ian McNab, Clinical Director") is that person's, not a person."""
    out: list[str] = []
    for p in parts:
        if out and POST_NOMINALS.match(p):
            out[-1] = f"{out[-1]} {p}"
        elif (
            out
            and "(" not in out[-1] + p
            and split_honorific(p)[0] is None
            and not looks_like_person(p)
            and split_honorific(out[-1])[0] is not None
        ):
            out[-1] = f"{out[-1]} ({p})"
        else:
            out.append(p)
    return out


_HONORIFIC_START: Final = re.compile(rf"(?:(?<=\s)|^)(?:{_HONORIFIC_ALT})\.?\s+(?=[A-Z])")
_STACKED_HONORIFICS: Final = re.compile(rf"(?:(?:{_HONORIFIC_ALT})\.?\s+)+")


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
    return rx(r"[A-Z][A-Za-z'’\-]+").findall(text)


def _full_word(word: str) -> bool:
    """A capitalised word that is not an initial ("M", "J.")."""
    return bool(rx(_NAME_WORD).fullmatch(word)) and len(word.rstrip(".")) > 1


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


_PLURAL_INSIDE: Final = re.compile(
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
    if not text or rx(r"(?i)none\.?|nil\.?|n/?a").fullmatch(text):
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
    has_separators = bool(rx(r",|\band\b|;|&").search(rx(r"\([^()]*\)").sub("", text)))
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
            piece = rx(r"^(?:and|&)(?:\s+|$)").sub("", piece.strip())
            later = PLURAL_HONORIFIC_RE.match(piece)
            if later:
                # "Councillor A (Chair); Councillors B, C and D": the plural
                # honorific covers the rest of the list.
                shared_honorific = _singular_honorific(later["hon"])
                piece = piece[later.end() :]
            person = split_person(piece)
            if not person.name or not rx(r"[A-Za-z]").search(person.name):
                continue
            if shared_honorific and person.honorific is None:
                person = replace(person, honorific=shared_honorific)
            elif (
                shared_honorific
                and not rx(r"(?i)councillor|cllr").search(person.honorific or "")
                # "... and Mrs C (co-opted member)": a co-opted member is no councillor.
                and not (person.role and rx(r"(?i)\bco-?opt").search(person.role))
            ):
                # "Councillors A, B and Mrs C": the plural covers C too.
                person = replace(person, honorific=f"{shared_honorific} {person.honorific}")
            people.append(person)
    return people


# "Name, Job title" pairs run together: the name is two capitalised words
# (after an optional honorific) followed by a comma or by " and " + another name.
_OFFICER_NAME: Final = re.compile(
    rf"(?:(?:{_HONORIFIC_ALT})\.?\s+)?"
    r"(?P<name>[A-Z][A-Za-z'’\-]+(?:\s+[A-Z][A-Za-z'’\-]+){1,2})"
    r"(?=\s*,|\s+and\s+[A-Z])"
)
# Where a name may have three words: at the start of the run (parts after ";" are runs).
_RUN_START: Final = re.compile(r"^\s*$")


def split_name_title_run(text: str) -> list[PersonName]:
    """ "A B, Director of X C D, Head of Y E F and G H, Team" -> people with job titles.

    People joined by "," or "and" with no title between them share the title
    that follows the group ("Paula Thornton, Beverley Olamijulo and Poonam
    Patel, Constitutional Team").
    """
    # "...; and Mrs O Reilly, Committee Services Officer.": the list's "and" and full stop go.
    text = rx(r"(?<=[a-z]{2})\.$").sub("", rx(r"^(?:and|&)\s+").sub("", clean(text)))
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
        title = clean(rx(r"^\s*(?:,|and\b)\s*").sub("", between))
        title = rx(r"\s+and$").sub("", title).strip(" ,")
        title = rx(r"(?i)\s+in attendance\b.*$").sub("", title).strip(" ,")
        pending.append((name, honorific))
        if title:
            for pname, phon in pending:
                people.append(PersonName(pname, phon, title))
            pending = []
    for pname, phon in pending:
        people.append(PersonName(pname, phon, None))
    return people
