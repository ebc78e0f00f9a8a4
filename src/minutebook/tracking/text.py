"""Small text helpers shared by the tracking detectors (pure, no database).

Titles and requests are compared as sets of *distinctive* words: lower-cased,
crudely stemmed, with the vocabulary every committee paper shares ("report",
"update", "committee", ...) removed, because those words say nothing about
which request a paper answers.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator

from minutebook.parser.dates import MONTHS

_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

# Words that appear in almost every title or request and so cannot tell two apart.
GENERIC_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "to",
        "for",
        "on",
        "in",
        "at",
        "by",
        "with",
        "from",
        "be",
        "been",
        "is",
        "are",
        "was",
        "were",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "as",
        "or",
        "any",
        "all",
        "into",
        "about",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "set",
        "out",
        "above",
        "below",
        "report",
        "reports",
        "reporting",
        "update",
        "updates",
        "updated",
        "progress",
        "further",
        "brief",
        "briefing",
        "annual",
        "verbal",
        "item",
        "items",
        "paper",
        "papers",
        "presentation",
        "information",
        "statistic",
        "statistics",
        "data",
        "figure",
        "figures",
        "detail",
        "details",
        "committee",
        "committees",
        "meeting",
        "meetings",
        "next",
        "back",
        "agenda",
        "draft",
        "including",
        "include",
        "provide",
        "provided",
        "officer",
        "officers",
        "member",
        "members",
        "council",
        "councillor",
        "review",
        "reviews",
        "new",
        "plan",
        "work",
        "year",
        "years",
        "month",
        "months",
        "quarter",
        "overview",
        "summary",
        "note",
        "noted",
        "request",
        "requested",
        "agreed",
        "agree",
        "following",
        "follow",
        "up",
        "report-back",
        "feedback",
    ]
)

_WORD = re.compile(r"[A-Za-z][A-Za-z']+|\d+")
_ACRONYM_DEF = re.compile(r"((?:[A-Z][a-z]+\s+){1,6}?)\(([A-Z]{2,6})\)")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately crude stemmer: plural and -ing forms fold together."""
    w = word.lower().strip("'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ing", "es", "s"):
        if len(w) > 4 + len(suffix) - 1 and w.endswith(suffix) and not w.endswith("ss"):
            return w[: -len(suffix)]
    return w


def words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text)]


@functools.lru_cache(maxsize=64)
def _generic(extra: frozenset[str]) -> frozenset[str]:
    return GENERIC_WORDS | {stem(w) for w in extra}


def distinctive_words(text: str, extra_generic: frozenset[str] = frozenset()) -> set[str]:
    """The words of `text` that can tell one subject from another.

    Acronyms defined in the text ("Independent Reviewing Officer (IRO)") add
    the acronym, so a title written in full matches a request that abbreviates.
    """
    generic = _generic(extra_generic)
    out = {w for w in words(text) if w not in generic and not w.isdigit() and len(w) > 1}
    for match in _ACRONYM_DEF.finditer(text):
        out.add(match.group(2).lower())
    return out


def committee_name_words(name: str) -> frozenset[str]:
    """The words of a committee's own name are generic within that committee's papers."""
    return frozenset(w.lower() for w in _WORD.findall(name))


def strip_parentheticals(text: str) -> str:
    return re.sub(r"\([^)]*\)", " ", text)


# A capital (or quote, bracket) after the stop starts a sentence; so does anything after a
# tab, which in text from PDF or Word tables separates cells: "... panels.\t95% of ...".
_SENTENCE_END = re.compile(r"(?<=[.!?])(?:[ \t]*\t[ \t]*(?=\S)|\s+(?=[A-Z\"“(]))")


def sentences(text: str) -> list[tuple[int, str]]:
    """Split text into (character offset, sentence) pairs; newlines end sentences too."""
    # A report is read by the matcher and the figure reader in turn: split it once.
    return list(_sentences(text))


@functools.lru_cache(maxsize=2048)
def _sentences(text: str) -> tuple[tuple[int, str], ...]:
    return tuple(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[tuple[int, str]]:
    """`sentences` without its cache: for pieces of text read once."""
    offset = 0
    for line in text.split("\n"):
        start = 0
        ends = _SENTENCE_END.finditer(line) if "." in line or "!" in line or "?" in line else ()
        for match in ends:
            piece = line[start : match.start()]
            if piece.strip():
                yield offset + start, piece.strip()
            start = match.end()
        piece = line[start:]
        if piece.strip():
            yield offset + start, piece.strip()
        offset += len(line) + 1


FULL_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH_RE})\.?,?(?:\s+(?P<year>\d{{4}}))?\b",
    re.IGNORECASE,
)


def find_dates(text: str, after: dt.date | None = None) -> list[tuple[int, dt.date]]:
    """Day-month(-year) dates in `text` with their offsets.

    A date written without a year ("26 February") takes the first such date
    after `after` (the meeting that wrote it); without `after` it is skipped.
    """
    out: list[tuple[int, dt.date]] = []
    for match in FULL_DATE.finditer(text):
        day = int(match.group("day"))
        month = MONTHS[match.group("month").lower()]
        try:
            if match.group("year"):
                out.append((match.start(), dt.date(int(match.group("year")), month, day)))
            elif after is not None:
                candidate = dt.date(after.year, month, day)
                if candidate <= after:
                    candidate = dt.date(after.year + 1, month, day)
                out.append((match.start(), candidate))
        except ValueError:
            continue
    return out


def dates_in(text: str) -> tuple[frozenset[dt.date], tuple[tuple[int, int], ...]]:
    """The dates `find_dates` reads in `text` whatever `after` is (written with a year), and the
    (month, day) of those written without one (which `find_dates` dates from `after`)."""
    dated: set[dt.date] = set()
    undated: list[tuple[int, int]] = []
    for match in FULL_DATE.finditer(text):
        day = int(match.group("day"))
        month = MONTHS[match.group("month").lower()]
        if match.group("year"):
            try:
                dated.add(dt.date(int(match.group("year")), month, day))
            except ValueError:
                continue
        else:
            undated.append((month, day))
    return frozenset(dated), tuple(undated)
