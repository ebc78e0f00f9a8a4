"""Council and committee names, found by general patterns of UK papers.

"Kent County Council", "London Borough of Southwark", "Argyll and Bute
Council"; failing those, an e-mail or web domain under gov.uk / gov.wales /
gov.scot is a weak hint ("southwark.gov.uk" -> "Southwark Council").
Committee names come from heading lines that carry a committee word
("Committee", "Panel", "Board", "Cabinet", ...).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Final

from minutebook.parser.dates import find_dates
from minutebook.parser.names import HONORIFICS, smart_title
from minutebook.parser.patterns import CASE_FOLD_TO_ASCII, ascii_lower, line_starts_holding, rx

# Councillors' titles name the paper's council ("County Councillor X, Kent County
# Council"); other honorifics before a council name mark a guest.
_COUNCILLOR_TITLES: Final = frozenset(
    ["County Councillor", "Borough Councillor", "City Councillor"]
)

# (Accented letters: "Ynys Môn", "Mòr", "Rhondda Cynon Taf" in Welsh or Gaelic spelling.)
_WORD: Final = r"[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’\-]+"
_LINK: Final = r"(?:and|&|of|upon|on|the|AND|OF|UPON|ON|THE)"
_BOROUGH_OF: Final = re.compile(
    rf"\b((?:London|Royal|Metropolitan|County)[ \t]+Borough[ \t]+of[ \t]+{_WORD}(?:[ \t]+(?:and|&)[ \t]+{_WORD})?)",
    re.IGNORECASE,
)
_X_COUNCIL: Final = re.compile(
    rf"\b({_WORD}(?:[ \t]+(?:{_LINK}[ \t]+)?{_WORD}){{0,4}})[ \t]+(Council|COUNCIL)\b"
    r"(?![ \t]+(?:Chamber|Offices?|House|Tax|Meeting|Plan|Housing|Buildings?|Hall)\b)"
)

# Words that make "<words> Council" a type of council or a body that is not a council.
_GENERIC: Final = frozenset(
    [
        "the",
        "county",
        "city",
        "borough",
        "district",
        "town",
        "parish",
        "community",
        "full",
        "metropolitan",
        "unitary",
        "london",
        "royal",
    ]
)
_NOT_A_COUNCIL: Final = frozenset(
    [
        "care",
        "children",
        "children's",
        "childrens",
        "youth",
        "young",
        "people",
        "pupil",
        "school",
        "schools",
        "student",
        "students",
        "lac",
        "full",
        "shadow",
        "leader",
        "member",
        "members",
        "cabinet",
        "executive",
        "this",
        "that",
        "our",
        "your",
        "each",
        "every",
        "any",
        "whole",
        "committee",
    ]
)
# Central-government and shared domains: not a council's own.
_NATIONAL_DOMAINS: Final = frozenset(
    [
        "www",
        "ofsted",
        "education",
        "dfe",
        "legislation",
        "ons",
        "justice",
        "homeoffice",
        "hmrc",
        "digital",
        "cabinet-office",
        "nhs",
        "gov",
        "planningportal",
        "parliament",
        "communities",
        "dwp",
        "dhsc",
    ]
)
_DOMAIN_PREFIXES: Final = frozenset(
    [
        "www",
        "moderngov",
        "democracy",
        "democratic",
        "committees",
        "committee",
        "minutes",
        "modern",
        "cmis",
        "councillors",
        "mgov",
        "services",
    ]
)
_DOMAIN: Final = re.compile(
    r"\b((?:[a-z0-9-]+\.)*)([a-z0-9-]+)\.gov\.(?:uk|wales|scot)\b", re.IGNORECASE
)

COMMITTEE_WORDS: Final = re.compile(
    r"\b(?:committee|sub-committee|panel|board|cabinet|council|forum|executive|commission|"
    r"assembly|partnership|meeting|scrutiny|group|authority|governing\s+body)\b",
    re.IGNORECASE,
)


def _candidate(name: str) -> str | None:
    words = name.split()
    while words and words[0].lower() in {"the", "of", "and"}:
        words.pop(0)
    if not words:
        return None
    if any(w in ("The", "THE", "the") for w in words[1:]):
        return None
    lowered = [rx(r"['’]s?$").sub("", w.lower()) for w in words]
    if any(w in _NOT_A_COUNCIL for w in lowered):
        return None
    if all(w in _GENERIC or w in {"of", "and", "&", "upon", "on"} for w in lowered):
        return None
    return " ".join(words)


# "Mr B Dye - Norfolk County Council (Highways)": a guest's employer, not the
# paper's council.
_PERSON_LINE: Final = re.compile(
    rf"^\W*(?:{'|'.join(re.escape(h) for h in HONORIFICS if h not in _COUNCILLOR_TITLES)})\.?\s+[A-Z]"
    r"[^\n]{0,60}?(?:\s[-–—]\s|,\s|\()[^\n]*\b(?:council|borough)\b",
    re.IGNORECASE,
)


def _lines_naming_a_council(text: str) -> list[tuple[int, str]] | None:
    """(offset, line) of the lines of `text` that say "council" or "borough" in any case,
    found with two substring searches of the lower-cased text instead of a test per line;
    None when lower-casing changes the text's length (offsets would not correspond)."""
    low = ascii_lower(text)
    if len(low) != len(text):
        return None
    out: list[tuple[int, str]] = []
    for start in line_starts_holding(text, low, ("council", "borough")):
        end = text.find("\n", start)
        out.append((start, text[start:] if end == -1 else text[start:end]))
    return out


def councils_in(text: str) -> list[str]:
    """Every explicit council name in `text`, in order."""
    found: list[tuple[int, str]] = []
    lines = _lines_naming_a_council(text)
    if lines is not None:
        for offset, line in lines:
            if not _PERSON_LINE.match(line):
                found.extend((offset + k, name) for k, name in _councils_in_line(line))
        return [name for _, name in sorted(found)]
    offset = 0
    for line in text.split("\n"):
        # Only lines that say "council" or "borough" can name one (and the regular
        # expressions are slow on the rest).
        low = line.lower()
        if ("council" in low or "borough" in low) and not _PERSON_LINE.match(line):
            found.extend((offset + k, name) for k, name in _councils_in_line(line))
        offset += len(line) + 1
    return [name for _, name in sorted(found)]


# Every match of _X_COUNCIL ends in one of these; a line without one is not scanned
# ("Councillor" lines are many, and the pattern has no literal to skip to).
_COUNCIL_WORD: Final = re.compile(r"(?:Council|COUNCIL)\b")


def _councils_in_line(text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    if "\t" in text or "   " in text:
        # A gap between columns ("Councillor Tom Ellery      Hollinfield Borough Council")
        # is no space inside a name: keep the offsets, break the run of words.
        text = _COLUMN_GAP.sub(lambda g: "|" * len(g.group(0)), text)
    if "borough" in text.lower():
        for m in _BOROUGH_OF.finditer(text):
            found.append((m.start(), smart_title(rx(r"\s+").sub(" ", m.group(1)))))
    if _COUNCIL_WORD.search(text) is None:
        return found
    for m in _X_COUNCIL.finditer(text):
        if any(s <= m.start() < s + len(n) + 12 for s, n in found):
            continue
        cand = _candidate(rx(r"\s+").sub(" ", m.group(1)))
        if cand:
            found.append((m.start(), smart_title(f"{cand} {m.group(2)}")))
            continue
        words = m.group(1).split()
        # "Leisure Committee of Carrowmore and Slievedrum District Council": the name
        # after the last "of".
        ofs = [k for k, w in enumerate(words) if w in ("of", "OF")]
        if ofs and (cand := _candidate(" ".join(words[ofs[-1] + 1 :]))):
            found.append((m.start(), smart_title(f"{cand} {m.group(2)}")))
            continue
        # "Wiltshire Council Full Council": the name ends at the first "Council".
        inner = [k for k, w in enumerate(words) if k and w in ("Council", "COUNCIL")]
        if inner and (cand := _candidate(" ".join(words[: inner[0]]))):
            found.append((m.start(), smart_title(f"{cand} {words[inner[0]]}")))
    return found


_COLUMN_GAP: Final = re.compile(r"\t+| {3,}")
_COMPASS_SUFFIX: Final = re.compile(r"([a-z]{5,})(east|west|north|south|city)")


def _domains(text: str) -> list[re.Match[str]]:
    """Matches of _DOMAIN, searched only around each ".gov." (a scan of every word is slow)."""
    found: list[re.Match[str]] = []
    low = ascii_lower(text)
    at = low.find(".gov.")
    while at >= 0:
        start = max(0, at - 120)
        m = _DOMAIN.search(text, start, at + 12)
        while m is not None and m.end() <= at:
            m = _DOMAIN.search(text, m.end(), at + 12)
        if m is not None and (not found or m.start() >= found[-1].end()):
            found.append(m)
        at = low.find(".gov.", at + 5)
    return found


def council_from_domain(text: str) -> str | None:
    """The weak hint: the council label of a gov.uk / gov.wales / gov.scot domain."""
    counts: Counter[str] = Counter()
    for m in _domains(text):
        label = m.group(2).lower()
        if label in _NATIONAL_DOMAINS or label in _DOMAIN_PREFIXES:
            continue
        counts[label] += 1
    if not counts:
        return None
    label = counts.most_common(1)[0][0]
    # "dorsetcouncil" -> "dorset": the word "council" glued on is not part of the name.
    label = _GLUED_COUNCIL.sub("", label) or label
    spelled = _spelled_in_text(label, text)
    if spelled:
        return spelled if spelled.lower().endswith(" council") else f"{spelled} Council"
    words: list[str] = []
    for word in label.split("-"):
        # "cheshireeast" -> "cheshire east": a compass point (or "city") glued on.
        # (A prefix is not split: "westminster", "northampton", "southwark".)
        glued = _COMPASS_SUFFIX.fullmatch(word)
        words.extend([glued[1], glued[2]] if glued else [word])
    if not all(_SPELLS_A_WORD.fullmatch(w) for w in words):
        # An abbreviation ("lbhf", "rbkc", "ne-derbyshire") does not spell the name.
        return None
    return f"{' '.join(words).title()} Council"


_GLUED_COUNCIL: Final = re.compile(r"-?council$")
# A word that can be read as a name: three letters or more, with a vowel, and no
# run of four consonants.
_SPELLS_A_WORD: Final = re.compile(r"(?=[a-z]*[aeiouy])(?![a-z]*[^aeiouy\W\d]{4})[a-z]{3,}")
_CAPITALISED_RUN: Final = re.compile(
    r"\b[A-Z][A-Za-z'’]+(?:[ \t]+(?:(?:and|&|of|upon|on)[ \t]+)?[A-Z][A-Za-z'’]+){0,4}"
)


def _spelled_in_text(label: str, text: str) -> str | None:
    """Words of the text that spell the domain label ("Cheshire East" for
    "cheshireeast", "Argyll and Bute" for "argyll-bute"), if the text has them."""
    target = label.replace("-", "")
    if len(target) < 3:
        return None
    # Only capitalised words that start with the label's first letters can begin it.
    start_at = re.compile(rf"\b{target[0].upper()}(?={re.escape(target[1])})", re.IGNORECASE)
    for n, start in enumerate(start_at.finditer(text)):
        if n > 5000:
            break
        m = _CAPITALISED_RUN.match(text, start.start())
        if m is None:
            continue
        words = m[0].split()
        for size in range(len(words), 0, -1):
            part = words[:size]
            if part[-1].lower() in _LINK_WORDS:
                continue
            letters = "".join(w for w in part if w.lower() not in _LINK_WORDS)
            if rx(r"[^a-z]").sub("", letters.lower()) == target:
                return " ".join(part)
    return None


_LINK_WORDS: Final = frozenset(["and", "&", "of", "upon", "on"])


# Public bodies run by councillors that hold committees as councils do, with names
# of their own kind ("Northmoor Fire and Rescue Authority", "West Yorkshire Combined
# Authority", "Peak District National Park Authority", "X Integration Joint Board").
_AUTHORITY: Final = re.compile(
    rf"\b({_WORD}(?:[ \t]+(?:{_LINK}[ \t]+)?{_WORD}){{0,4}}?)[ \t]+"
    r"((?i:(?:Fire[ \t]+(?:and|&)[ \t]+Rescue|Fire|Combined|Mayoral[ \t]+Combined|National[ \t]+Park|"
    r"Waste(?:[ \t]+Disposal)?|(?:Integrated[ \t]+)?Transport)[ \t]+Authority|"
    # Scotland's integration joint boards (health and social care) are bodies of their own.
    r"Integration[ \t]+Joint[ \t]+Board))\b"
)


def authority_in(text: str) -> str | None:
    """The first authority named in `text` ("Northmoor Fire and Rescue Authority")."""
    found = _authority_at(text)
    return found[1] if found else None


def _authority_at(text: str) -> tuple[int, str] | None:
    """(offset, name) of the first authority named in `text`."""
    low = ascii_lower(text)
    if "authority" not in low and "joint board" not in low:
        return None
    for m in _authority_matches(text, low):
        words = m.group(1).split()
        # "REPORT TO CHESHIRE FIRE AUTHORITY": in capitals the lead-in looks like a name.
        cut = [k for k, w in enumerate(words) if w.lower() in {"to", "for", "by", "from", "at"}]
        place = _candidate(" ".join(words[cut[-1] + 1 :] if cut else words))
        if place and place.split()[0][0].isupper():
            kind = rx(r"\s+").sub(" ", m.group(2))
            return m.start(), smart_title(f"{place} {kind}")
    return None


def _authority_matches(text: str, low: str) -> Iterator[re.Match[str]]:
    """`_AUTHORITY.finditer(text)`, searched only in the lines that say "authority" or
    "joint" (`low` is `text` lower-cased): a match lies within a line and holds one of
    them, and the pattern has no literal to skip to over the other lines."""
    if len(low) != len(text) or any(c in text for c in CASE_FOLD_TO_ASCII):
        yield from _AUTHORITY.finditer(text)  # offsets of `low` do not correspond
        return
    for start in line_starts_holding(text, low, ("authority", "joint")):
        end = text.find("\n", start)
        yield from _AUTHORITY.finditer(text, start, len(text) if end == -1 else end)


def find_council(lines: Sequence[str], head: int = 40) -> str | None:
    """The council a document belongs to: an explicit name near the top (a council, else
    an authority such as a fire and rescue authority), else the commonest council in the
    document, else the domain hint."""
    top = "\n".join(lines[:head])
    named = councils_in(top)
    authority = _authority_at(top)
    if authority and (not named or not councils_in(top[: authority[0]])):
        # "Northern Pennines Combined Authority" at the head of its committee's minutes,
        # over the councils its members come from: the authority's paper.
        return authority[1]
    if named:
        return named[0]
    text = "\n".join(lines)
    everywhere = councils_in(text)
    if everywhere:
        return Counter(everywhere).most_common(1)[0][0]
    return council_from_domain(text)


def report_council(lines: Sequence[str], head: int = 40) -> str | None:
    """The council of a report: only a council named near its top (reports name
    partner councils in their text, and officers' e-mail domains are a weak hint)."""
    top = "\n".join(lines[:head])
    named = councils_in(top)
    return named[0] if named else authority_in(top)


_OF_A_MEETING: Final = re.compile(
    r"(?i)^of\s+(?:a|an|the)\s+(?:(?:special|extraordinary|annual|ordinary)\s+)?"
    r"meeting\s+of\s+(?:the\s+)?(?=\S)"
)


def clean_committee(text: str) -> str | None:
    """The committee name of a heading line: dates, times, brackets and dashes dropped.

    "Corporate Parenting Panel (12/11/2013- 30/04/2024) - Tuesday 3 November 2020"
    -> "Corporate Parenting Panel"; "CORPORATE PARENTING PANEL– 29 October 2024"
    -> "Corporate Parenting Panel".
    """
    text = text.replace("**", "").replace("#", "").strip()
    if " / " in text:
        # A bilingual heading ("PWYLLGOR CRAFFU / SCRUTINY COMMITTEE"): the side
        # that carries a committee word is the one we can read.
        sides = [t for t in text.split(" / ") if COMMITTEE_WORDS.search(t)]
        if len(sides) == 1:
            text = sides[0].strip()
    # "To: All Members of the Scrutiny Panel", "To the Members of the Cabinet": an address.
    text = _ADDRESSED_TO.sub("", text)
    # "OF A MEETING OF THE X COMMITTEE" under a "MINUTES" line of its own.
    if text[:3].lower() == "of ":
        text = _OF_A_MEETING.sub("", text)
    # "Meeting details - Planning Committee - 15 October 2025" (a web page's title): the
    # page's name before the committee's.
    text = PAGE_NAME.sub("", text)
    dashed = rx(r"\s*[-–—]\s+(?=\d|(?i:mon|tue|wed|thu|fri|sat|sun))").split(text, maxsplit=1)
    text = dashed[0]
    dates = find_dates(text)
    if dates:
        text = text[: dates[0][0]]
    text = rx(r"\([^()]*\)?").sub(" ", text)
    text = rx(r"(?i)\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b.*$").sub("", text)
    # "Virtual School Governing Body – Minutes": the body, not the kind of paper.
    text = rx(r"(?i)\s[-–—]\s*(?:minutes|agenda|notes)\s*$").sub("", text.strip())
    # "Planning Committee minutes, 3 December 2025" (a web page's title): the kind of
    # paper after the body's name, without a dash; no committee's name ends in it.
    text = rx(r"(?i)(?<=\w)\s+(?:minutes|agenda)\s*[,:]?$").sub("", text.strip())
    text = rx(r"\s[-–—]\s*$|[-–—,:]\s*$").sub("", text.strip())
    text = rx(r"[-–—]\s*$").sub("", text.strip())
    text = rx(r"\s+").sub(" ", text).strip(" -–—,:.")
    if _NOTICE_OF_MEETING.fullmatch(text):
        return None  # "Notice of Meeting", "Agenda for the meeting": not a committee
    # "Record of the X meeting held on", "Agenda for the X": the name inside the phrase.
    text = _RECORD_OF.sub("", text)
    text = _MEETING_HELD.sub("", text).strip(" -–—,:.")
    text = without_council(text)
    if text.lower() in ("meeting", "meetings"):
        return None
    if not text or len(text) > 90 or not COMMITTEE_WORDS.search(text):
        return None
    if _NOTICE_OF_MEETING.fullmatch(text):
        return None  # "Notice of Meeting", "Agenda for the meeting": not a committee
    return smart_title(text)


_RECORD_OF: Final = re.compile(
    r"(?i)^(?:(?:minutes|record|notes|summary|action\s+notes)\s+of|agenda\s+(?:for|of))\s+"
    r"(?:the\s+)?(?:(?:proceedings|meeting)\s+of\s+(?:the\s+)?)?(?=\S)"
)
_MEETING_HELD: Final = re.compile(
    r"(?i)\s+(?:meeting\s+)?(?:held|which\s+took\s+place)(?:\s+(?:on|at|in))?$"
)
_ADDRESSED_TO: Final = re.compile(
    r"(?i)^to(?:\s*:\s*|\s+)(?:the\s+)?(?:(?:all|each)\s+)?"
    r"(?:(?:the\s+)?(?:members?|councillors)\s+(?:of\s+)?)?(?:the\s+)?(?=\S)"
)
PAGE_NAME: Final = re.compile(
    r"(?i)^(?:meeting(?:\s+(?:details|information|page))?|agenda\s+and\s+minutes|"
    r"agenda|minutes|decisions?|documents)\s*[-–—|:]\s+(?=\S)"
)
_NOTICE_OF_MEETING: Final = re.compile(
    r"(?i)(?:(?:public\s+)?notice|agenda|summons|papers|supplement)\s+(?:of|for|to)\s+"
    r"(?:the\s+|a\s+)?(?:(?:public|next|special|extraordinary|annual)\s+)?meetings?"
)


def without_council(text: str) -> str:
    """ "Leisure Committee of Carrowmore District Council": the committee, not its council."""
    low = text.lower()
    if " of " in low and "council" in low:
        for m in rx(r"(?i)\s+of\s+(?:the\s+)?").finditer(text):
            if is_council_name(text[m.end() :]):
                return text[: m.start()]
    return text


def is_council_name(line: str) -> bool:
    """A line that is only a council's name ("GLENBRAE COUNCIL"), printed above the committee."""
    names = councils_in(line)
    return len(names) == 1 and names[0].lower() == " ".join(line.split()).lower()


def find_committee(lines: Sequence[str]) -> str | None:
    """The first heading line that names a committee; a line that is only the
    council's name counts only when no other line names a committee (full council)."""
    council_line: str | None = None
    for raw in lines:
        line = raw.strip()
        if not line or len(line) > 120:
            continue
        if (
            len(line.split()) > 12
            or rx(
                r"\b(?:presented|considered|received|noted|agreed|resolved|was|were|is|are)\b"
            ).search(line)
            or rx(r"\w+\s*:\s").match(line)
        ):
            continue  # a sentence or a "key: value" line, not a heading
        if rx(r"(?i)(?:minutes|agenda|venue|contact|date|present)\b").match(line):
            continue
        name = clean_committee(line)
        if name and is_council_name(line):
            council_line = council_line or name
        elif name:
            return name
    return council_line
