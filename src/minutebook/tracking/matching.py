"""Match a request (or a work-plan entry) with the later paper that answers it. Pure, no database.

Precision matters more than recall here: a wrong "delivered" hides a failure.
So a paper answers a request only on strong evidence:

1. *Back-reference*: the paper itself says so, in a sentence that mentions a
   request ("members requested", "asked for", "at the request of") and the
   date of the meeting that made it, and shares at least half of the
   request's distinctive words; or
2. *Title*: the item or report title shares at least two distinctive words
   with the request topic, covering at least 60% of the shorter of the two.

Words of the committee's own name and the vocabulary of every paper
("report", "update", ...) are not distinctive.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from minutebook.tracking.text import (
    committee_name_words,
    dates_in,
    distinctive_words,
    find_dates,
    iter_sentences,
    sentences,
    strip_parentheticals,
)

# Words that describe the form of a request rather than its subject.
MATCH_GENERIC = frozenset(
    [
        "workshop",
        "workshops",
        "session",
        "pre-meeting",
        "representative",
        "representatives",
        "invited",
        "invite",
        "attend",
        "attendance",
        "had",
        "has",
        "have",
        "being",
        "previously",
        "necessary",
        "whether",
        "see",
        "if",
        "threshold",
        "met",
        "possible",
        "relevant",
        "particular",
        "specific",
        "take",
        "place",
        "early",
        "late",
        "end",
    ]
) | frozenset(
    # The population every children's-services paper is about: shared by nearly every title.
    [
        "children",
        "child",
        "young",
        "people",
        "looked",
        "after",
        "care",
        "leavers",
        "leaver",
        "service",
        "services",
        "social",
        "borough",
    ]
)
_REQUEST_WORDS = re.compile(
    r"\b(?:request(?:ed|s)?|asked|ask(?:ing)?\s+for|at\s+the\s+request|sought|wanted|report\s+back)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    """A later agenda item or report that could answer a request."""

    key: str  # opaque id chosen by the caller
    meeting_date: dt.date
    title: str
    text: str = ""  # the report's text, if any
    item_number: str = ""
    # The text's back-reference sentences, if already read (`request_sentence_refs`); then
    # `text` is not needed.
    refs: tuple[SentenceRef, ...] | None = None


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    evidence: str  # "back_reference" | "title"
    score: float
    sentence: str  # the sentence or title that shows the match


def topic_words(text: str, committee_name: str = "") -> set[str]:
    extra = committee_name_words(committee_name) | MATCH_GENERIC
    return distinctive_words(strip_parentheticals(text), extra) | (
        distinctive_words(text, extra) - distinctive_words(strip_parentheticals(text), extra)
        if "(" in text and re.search(r"\([A-Z]{2,6}\)", text)
        else set()
    )


def title_overlap(topic: set[str], title: set[str]) -> tuple[int, float]:
    if not topic or not title:
        return 0, 0.0
    shared = len(topic & title)
    return shared, shared / min(len(topic), len(title))


def title_matches(
    topic: set[str], title: set[str], *, min_shared: int = 2, single_word: bool = True
) -> float:
    """Score in [0, 1] if the title answers the topic, else 0.

    With `single_word`, a one-word subject (a work-plan line such as "Ofsted
    progress report" is just "ofsted" once generic words go) may match on that
    word alone. Requests do not allow it: one shared word is too weak evidence
    that a paper answers a question.
    """
    shared, ratio = title_overlap(topic, title)
    if shared >= min_shared and ratio >= 0.6:
        return ratio
    if single_word and shared >= 1 and len(topic) == 1 and ratio >= 1.0:
        return 0.8
    return 0.0


def back_reference(
    candidate: Candidate, topic: set[str], made_on: dt.date
) -> tuple[float, str] | None:
    for _, sentence in sentences(candidate.text):
        if not _REQUEST_WORDS.search(sentence):
            continue
        if not any(d == made_on for _, d in find_dates(sentence, after=None)) and not any(
            d == made_on for _, d in find_dates(sentence, after=made_on - dt.timedelta(days=200))
        ):
            continue
        words = distinctive_words(sentence)
        if topic and len(topic & words) / len(topic) >= 0.5:
            return 1.0, sentence
    return None


def best_match(
    topic_text: str,
    made_on: dt.date,
    candidates: list[Candidate],
    committee_name: str = "",
) -> Match | None:
    """The paper that answers a request made on `made_on`, or None.

    Only papers of later meetings count. A back-reference beats a title
    match; among title matches the earliest meeting, then the best score, wins.
    """
    return CandidateIndex(candidates, committee_name).best_match(topic_text, made_on)


_LOOK_BACK = dt.timedelta(days=200)


@dataclass(frozen=True)
class SentenceRef:
    """A sentence of a paper that mentions a request and names a date: what a back-reference
    is read from. A pure function of the text (`request_sentence_refs`), so it can be read in
    a worker process with the paper's other facts."""

    sentence: str
    words: frozenset[str]  # distinctive words
    dated: frozenset[dt.date]  # dates written with a year
    undated: tuple[tuple[int, int], ...]  # (month, day) of dates written without one


def request_sentence_refs(text: str) -> tuple[SentenceRef, ...]:
    """The sentences of `text` that mention a request and name a date, in reading order."""
    refs: list[SentenceRef] = []
    for sentence in _request_sentences(text):
        dated, undated = dates_in(sentence)
        if dated or undated:
            refs.append(
                SentenceRef(sentence, frozenset(distinctive_words(sentence)), dated, undated)
            )
    return tuple(refs)


@dataclass(frozen=True)
class BackRef:
    """A candidate's sentence that mentions a request and names a date."""

    position: int  # of the candidate in the index
    sentence: str
    words: frozenset[str]
    dated: frozenset[dt.date]  # dates written with a year
    undated: tuple[tuple[int, int], ...]  # (month, day) of dates written without one

    def names_undated(self, day: dt.date, after: dt.date) -> bool:
        """Whether a date written without a year, read as `find_dates(..., after)` reads it, is `day`."""
        for month, dom in self.undated:
            try:
                candidate = dt.date(after.year, month, dom)
                if candidate <= after:
                    candidate = dt.date(after.year + 1, month, dom)
            except ValueError:
                continue
            if candidate == day:
                return True
        return False


def _request_sentences(text: str) -> Iterator[str]:
    """The sentences of `text` (as `sentences` splits it) that mention a request, in order.

    A sentence lies within a line, and a sentence that mentions a request holds one of
    the words' stems ("report", "request", "ask", "sought", "wanted"): only lines holding
    a stem are searched, and only lines with a match are split. Most lines of a report
    hold none, and splitting and searching every line cost most of building an index.
    """
    for line in text.split("\n"):
        low = line.lower()
        if (
            "report" in low
            or "request" in low
            or "ask" in low
            or "sought" in low
            or "wanted" in low
        ) and _REQUEST_WORDS.search(line):
            for _, sentence in iter_sentences(line):
                if _REQUEST_WORDS.search(sentence):
                    yield sentence


class CandidateIndex:
    """A committee's candidates read once, for matching many requests against them.

    Each candidate's title words and its back-reference sentences (those that
    mention a request) are computed once, and titles are indexed by word, so a
    request costs what the few candidates sharing a word with it cost, not the
    whole archive. `best_match` gives exactly the module function's answer.
    """

    def __init__(self, candidates: list[Candidate], committee_name: str = "") -> None:
        self.committee_name = committee_name
        self.ordered = sorted(candidates, key=lambda c: (c.meeting_date, c.key))
        self.dates = [c.meeting_date for c in self.ordered]
        self.title_words = [topic_words(c.title, committee_name) for c in self.ordered]
        self.by_word: dict[str, list[int]] = {}
        for i, title in enumerate(self.title_words):
            for word in title:
                self.by_word.setdefault(word, []).append(i)
        # Back-reference sentences (those mentioning a request) in reading order, each with
        # its distinctive words, its dates written with a year, and its (month, day) pairs
        # written without one; listed under every (month, day) they name, since a sentence
        # can only refer back to a meeting whose day it names.
        self.back_refs: list[BackRef] = []
        self.by_day: dict[tuple[int, int], list[int]] = {}
        for i, candidate in enumerate(self.ordered):
            refs = candidate.refs
            if refs is None:
                refs = request_sentence_refs(candidate.text) if candidate.text else ()
            for found in refs:
                ref = BackRef(i, found.sentence, found.words, found.dated, found.undated)
                for day in {(d.month, d.day) for d in found.dated} | set(found.undated):
                    self.by_day.setdefault(day, []).append(len(self.back_refs))
                self.back_refs.append(ref)

    def best_match(
        self, topic_text: str, made_on: dt.date, rejected: frozenset[str] | set[str] = frozenset()
    ) -> Match | None:
        """The best match among candidates whose key is not in `rejected`."""
        topic = topic_words(topic_text, self.committee_name)
        if not topic:
            return None
        start = bisect.bisect_right(self.dates, made_on)
        for n in self.by_day.get((made_on.month, made_on.day), ()):
            ref = self.back_refs[n]
            candidate = self.ordered[ref.position]
            if ref.position < start or candidate.key in rejected:
                continue
            if len(topic & ref.words) / len(topic) < 0.5:
                continue
            if made_on in ref.dated or ref.names_undated(made_on, made_on - _LOOK_BACK):
                return Match(candidate, "back_reference", 1.0, ref.sentence)
        positions = sorted({i for word in topic for i in self.by_word.get(word, ()) if i >= start})
        best: Match | None = None
        for i in positions:
            candidate = self.ordered[i]
            if candidate.key in rejected:
                continue
            score = title_matches(topic, self.title_words[i], single_word=False)
            if score <= 0:
                continue
            if best is None or (
                candidate.meeting_date == best.candidate.meeting_date and score > best.score
            ):
                best = Match(candidate, "title", score, candidate.title)
            if best is not None and candidate.meeting_date > best.candidate.meeting_date:
                break
        return best
