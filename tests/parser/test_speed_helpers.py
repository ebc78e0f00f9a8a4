"""The speed-ups must find exactly what the slow per-line searches found."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from minutebook.parser.attendance import _SENTENCE_WORD_LIST, _SENTENCE_WORDS
from minutebook.parser.lines import Line
from minutebook.parser.report_text import lines_matching
from minutebook.parser.resolutions import _MARKER_WORD, _MARKER_WORDS


def _per_line(lines: list[Line], pattern: re.Pattern[str]) -> set[int]:
    return {k for k, ln in enumerate(lines) if pattern.search(ln.text)}


def _lines(texts: list[str]) -> list[Line]:
    return [Line(number=k + 1, text=t, page=None) for k, t in enumerate(texts)]


def test_lines_matching_finds_the_marked_lines() -> None:
    lines = _lines(["RESOLVED: that", "nothing here", "", "It was Agreed", "decisions – noted"])
    assert lines_matching(lines, _MARKER_WORD, _MARKER_WORDS) == {0, 3, 4}


def test_characters_that_fold_to_ascii_letters_take_the_exact_path() -> None:
    # Long s, Kelvin sign and dotted/dotless i match ASCII letters case-insensitively.
    lines = _lines(["reſolved", "AGREED", "Decıded", "nothing", "apologIes \u0130"])
    assert lines_matching(lines, _MARKER_WORD, _MARKER_WORDS) == _per_line(lines, _MARKER_WORD)
    assert lines_matching(lines, _MARKER_WORD, _MARKER_WORDS) == {0, 1, 2}


TEXT = st.text(
    alphabet=st.sampled_from(list("resolvagdcinphutbREsOLVAGDCIN :\u017f\u0131\u0130\u212a\u2013é"))
)


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(TEXT, max_size=12))
def test_lines_matching_equals_a_search_per_line(texts: list[str]) -> None:
    lines = _lines(texts)
    for pattern, words in ((_MARKER_WORD, _MARKER_WORDS), (_SENTENCE_WORDS, _SENTENCE_WORD_LIST)):
        assert lines_matching(lines, pattern, words) == _per_line(lines, pattern)
