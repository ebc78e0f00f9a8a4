"""The tracking update's fast paths give exactly the answers of the plain definitions, and the
update reads a committee in a fixed number of queries and rewrites nothing that did not change."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given, settings
from hypothesis import strategies as st

from minutebook.tracking.figures_extract import _NOT_A_VALUE_BEFORE, _defines_measure
from minutebook.tracking.matching import (
    BackRef,
    Candidate,
    CandidateIndex,
    Match,
    back_reference,
    request_sentence_refs,
    title_matches,
    topic_words,
)
from minutebook.tracking.text import dates_in, find_dates

from .conftest import TODAY


def _reference_best_match(
    topic_text: str, made_on: dt.date, candidates: list[Candidate], committee_name: str = ""
) -> Match | None:
    """The matching rule as first written: every later candidate, in order, read in full."""
    topic = topic_words(topic_text, committee_name)
    later = sorted(
        (c for c in candidates if c.meeting_date > made_on), key=lambda c: (c.meeting_date, c.key)
    )
    for candidate in later:
        if candidate.text:
            found = back_reference(candidate, topic, made_on)
            if found:
                return Match(candidate, "back_reference", found[0], found[1])
    best: Match | None = None
    for candidate in later:
        score = title_matches(
            topic, topic_words(candidate.title, committee_name), single_word=False
        )
        if score <= 0:
            continue
        if best is None or (
            candidate.meeting_date == best.candidate.meeting_date and score > best.score
        ):
            best = Match(candidate, "title", score, candidate.title)
        if best is not None and candidate.meeting_date > best.candidate.meeting_date:
            break
    return best


WORDS = ["fostering", "adoption", "sufficiency", "CAMHS", "placements", "budget", "housing"]
DAYS = [dt.date(2018, 11, 5), dt.date(2019, 2, 26), dt.date(2019, 6, 3), dt.date(2020, 2, 29)]
SENTENCES = [
    "Members requested a report on {w} at the meeting on {d}.",
    "At the request of the committee on {d2}, this report sets out {w} and {w2}.",
    "The committee asked for figures about {w} at its meeting of {d2}.",
    "This paper describes {w} in detail.",
    "Members asked for {w}.",
]


def _when(day: dt.date, with_year: bool) -> str:
    return f"{day.day} {day:%B}" + (f" {day.year}" if with_year else "")


@st.composite
def candidates(draw: st.DrawFn) -> list[Candidate]:
    out = []
    for n in range(draw(st.integers(0, 7))):
        lines = []
        for _ in range(draw(st.integers(0, 3))):
            lines.append(
                draw(st.sampled_from(SENTENCES)).format(
                    w=draw(st.sampled_from(WORDS)),
                    w2=draw(st.sampled_from(WORDS)),
                    d=_when(draw(st.sampled_from(DAYS)), True),
                    d2=_when(draw(st.sampled_from(DAYS)), draw(st.booleans())),
                )
            )
        title = " ".join(draw(st.lists(st.sampled_from(WORDS), max_size=3)))
        meeting = draw(st.sampled_from(DAYS)) + dt.timedelta(days=draw(st.integers(0, 400)))
        out.append(Candidate(f"k{n}", meeting, title or "Update", "\n".join(lines)))
    return out


@settings(max_examples=300, deadline=None)
@given(
    candidates(),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
    st.sampled_from(DAYS),
    st.sets(st.sampled_from([f"k{n}" for n in range(7)])),
)
def test_candidate_index_matches_the_plain_rule(
    pool: list[Candidate], topic: list[str], made_on: dt.date, rejected: set[str]
) -> None:
    text = "a further report on " + " and ".join(topic)
    allowed = [c for c in pool if c.key not in rejected]
    expected = _reference_best_match(text, made_on, allowed, "Corporate Parenting Committee")
    index = CandidateIndex(pool, "Corporate Parenting Committee")
    assert index.best_match(text, made_on, rejected) == expected


@settings(max_examples=300, deadline=None)
@given(
    candidates(),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
    st.sampled_from(DAYS),
)
def test_candidate_index_from_sentences_read_ahead_matches_the_index_from_texts(
    pool: list[Candidate], topic: list[str], made_on: dt.date
) -> None:
    """The tracking update reads back-reference sentences with a paper's other facts (in
    worker processes) and builds the index from them without the texts: same answers."""
    text = "a further report on " + " and ".join(topic)
    read_ahead = [dataclasses.replace(c, text="", refs=request_sentence_refs(c.text)) for c in pool]
    from_texts = CandidateIndex(pool, "Corporate Parenting Committee").best_match(text, made_on)
    from_refs = CandidateIndex(read_ahead, "Corporate Parenting Committee").best_match(
        text, made_on
    )
    assert (from_refs is None) == (from_texts is None)
    if from_texts is not None and from_refs is not None:
        assert (from_refs.candidate.key, from_refs.evidence, from_refs.sentence) == (
            from_texts.candidate.key,
            from_texts.evidence,
            from_texts.sentence,
        )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["aged", "over", "less", "than", "up", "to", "of", "the", "item", "x"]),
            st.text(alphabet=" \t", min_size=1, max_size=40),
            st.text(alphabet="abcdefghij", min_size=1, max_size=12),
        ),
        max_size=30,
    )
)
def test_defines_measure_reads_like_the_full_pattern(parts: list[str]) -> None:
    before = "".join(parts)
    assert _defines_measure(before) == bool(_NOT_A_VALUE_BEFORE.search(before))


def test_defines_measure_sees_a_match_stretched_by_spaces() -> None:
    before = "x" * 80 + "less" + " " * 70 + "than   "
    assert _defines_measure(before) and _NOT_A_VALUE_BEFORE.search(before)
    assert not _defines_measure("x" * 100 + "lesser figures ")


@pytest.mark.parametrize(
    "sentence",
    [
        "Members requested this on 5 November 2018 and again on 29 February.",
        "Asked on 3 June, on 26 February and on 5 November.",
        "At the request of 31 April, 26 February, 1st March 2019",
        "No date here.",
    ],
)
def test_dates_in_reads_as_find_dates(sentence: str) -> None:
    dated, undated = dates_in(sentence)
    assert dated == frozenset(d for _, d in find_dates(sentence, after=None))
    ref = BackRef(0, sentence, set(), dated, undated)
    for made_on in [*DAYS, dt.date(2019, 3, 1), dt.date(2024, 2, 29), dt.date(2019, 11, 5)]:
        after = made_on - dt.timedelta(days=200)
        plain = made_on in {d for _, d in find_dates(sentence, None)} | {
            d for _, d in find_dates(sentence, after)
        }
        assert (made_on in dated or ref.names_undated(made_on, after)) == plain


@pytest.mark.django_db
@pytest.mark.db_both
def test_second_update_rewrites_no_tracking_row_and_reads_in_few_queries(seeds) -> None:
    from minutebook.tracking.update import update_tracking

    with CaptureQueriesContext(connection) as queries:
        update_tracking(today=TODAY)
    statements = [q["sql"] for q in queries.captured_queries]
    writes = [
        s
        for s in statements
        if re.match(r"\s*(INSERT|UPDATE|DELETE)", s, re.I) and "tracking_" in s
    ]
    assert writes == []
    # One committee: a fixed set of reads (meetings, minutes, candidates, papers, work plan),
    # not one or more per request, match or figure (the seed record has dozens of each).
    reads = [s for s in statements if re.match(r"\s*SELECT", s, re.I)]
    assert len(reads) <= 40, "\n".join(s[:150] for s in reads)
