"""The speed-ups must find exactly what the slow per-line searches found."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from minutebook.parser.attendance_sentences import _SENTENCE_WORD_LIST, _SENTENCE_WORDS
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


BOUNDARY_TEXT = st.text(alphabet=st.sampled_from(list("meting clsdarpoft_9é\n.-")), max_size=60)


@settings(max_examples=300, deadline=None, database=None)
@given(BOUNDARY_TEXT)
def test_search_after_boundary_equals_the_pattern_with_its_boundary(text: str) -> None:
    from minutebook.parser.classify import _CONTENT_SEARCHES, _search_after_boundary

    rests = [(p, rest) for _, _, p, rest in _CONTENT_SEARCHES if rest is not None]
    assert len(rests) >= 4  # the r"\b" patterns take the fast path
    for pattern, rest in rests:
        assert _search_after_boundary(rest, text) == (pattern.search(text) is not None)
    # A pattern of the same shape that the alphabet above can satisfy often.
    full, rest = re.compile(r"\bmeet\s+(?:at|on)\b"), re.compile(r"meet\s+(?:at|on)\b")
    assert _search_after_boundary(rest, text) == (full.search(text) is not None)


def test_search_after_boundary_skips_a_match_inside_a_word() -> None:
    from minutebook.parser.classify import _search_after_boundary

    rest = re.compile(r"resolved\b")
    assert not _search_after_boundary(rest, "unresolved")
    assert _search_after_boundary(rest, "unresolved; resolved")
    assert _search_after_boundary(rest, "resolved")
    assert not _search_after_boundary(rest, "_resolved")


@given(st.lists(st.text(alphabet="ab \t", max_size=5), min_size=1, max_size=8), st.data())
@settings(max_examples=100, deadline=None, database=None)
def test_make_lines_numbers_every_line_with_its_page(texts: list[str], data: st.DataObject) -> None:
    from minutebook.parser.lines import make_lines

    text = "\n".join(texts)
    pages = data.draw(st.none() | st.lists(st.none() | st.integers(1, 9), max_size=len(texts) + 2))
    lines = make_lines(text, pages)
    expected = [
        Line(number=i + 1, text=t, page=pages[i] if pages is not None and i < len(pages) else None)
        for i, t in enumerate(texts)
    ]
    assert lines == expected


GLYPH_TEXT = st.text(alphabet=st.sampled_from(list(" \t\n\f\r•|-–a1\ue000▪ ")), max_size=40)


@settings(max_examples=400, deadline=None, database=None)
@given(GLYPH_TEXT)
def test_drop_stray_glyph_lines_equals_the_multiline_substitution(text: str) -> None:
    from minutebook.parser.normalise import (
        _SHORT_SYMBOL_LINE,
        drop_stray_glyph_lines,
        is_stray_glyph_line,
    )

    expected = _SHORT_SYMBOL_LINE.sub(
        lambda m: "" if is_stray_glyph_line(m.group(0)) else m.group(0), text
    )
    assert drop_stray_glyph_lines(text) == expected


def test_drop_stray_glyph_lines_blanks_first_middle_and_last_lines() -> None:
    from minutebook.parser.normalise import drop_stray_glyph_lines

    assert drop_stray_glyph_lines("•\nText\n \ue000 \n-\n▪") == "\nText\n\n-\n"


def _councils_per_line(text: str) -> list[str]:
    """councils_in as it was: a lower-cased test of every line."""
    from minutebook.parser.council import _PERSON_LINE, _councils_in_line

    found: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        low = line.lower()
        if ("council" in low or "borough" in low) and not _PERSON_LINE.match(line):
            found.extend((offset + k, name) for k, name in _councils_in_line(line))
        offset += len(line) + 1
    return [name for _, name in sorted(found)]


COUNCIL_TEXT = st.lists(
    st.sampled_from(
        [
            "Kent County Council",
            "KENT COUNTY COUNCIL",
            "London Borough of Southwark and Lambeth",
            "ROYAL BOROUGH OF Kingston",
            "Councillor Ali",
            "Mr B Dye - Norfolk County Council (Highways)",
            "the Council Chamber",
            "Argyll and Bute Council, Kilmory",
            "İstanbul Council",
            "ſ Borough",
            "",
            "\t",
            "Durham County Council and Stockton Borough Council",
        ]
    ),
    max_size=8,
).map("\n".join)


@settings(max_examples=200, deadline=None, database=None)
@given(COUNCIL_TEXT)
def test_councils_in_equals_a_test_of_every_line(text: str) -> None:
    from minutebook.parser.council import councils_in

    assert councils_in(text) == _councils_per_line(text)


def test_councils_in_finds_names_in_order() -> None:
    from minutebook.parser.council import councils_in

    text = "Minutes\nCouncillor Ali\nLondon Borough of Southwark\nKent County Council"
    assert councils_in(text) == ["London Borough of Southwark", "Kent County Council"]


@settings(max_examples=200, deadline=None, database=None)
@given(COUNCIL_TEXT)
def test_councils_in_line_prechecks_skip_only_lines_without_a_match(text: str) -> None:
    from minutebook.parser.council import _BOROUGH_OF, _X_COUNCIL, _candidate, _councils_in_line
    from minutebook.parser.names import smart_title

    for line in text.split("\n"):
        expected: list[tuple[int, str]] = []
        for m in _BOROUGH_OF.finditer(line):
            expected.append((m.start(), smart_title(re.sub(r"\s+", " ", m.group(1)))))
        for m in _X_COUNCIL.finditer(line):
            if any(s <= m.start() < s + len(n) + 12 for s, n in expected):
                continue
            cand = _candidate(re.sub(r"\s+", " ", m.group(1)))
            if cand:
                expected.append((m.start(), smart_title(f"{cand} {m.group(2)}")))
        assert _councils_in_line(line) == expected


ITEM_TEXT = st.text(
    alphabet=st.sampled_from(list("1234(aAiImMİıKkPQxz/.) \t:-;RESOLVEDAGREDCIreolvdtws")),
    max_size=30,
) | st.sampled_from(
    ["it was AGREED", "It was resolved that", "x. RESOLVED: yes", "Agreed - no"]
).map(lambda s: "Then " + s)


@settings(max_examples=400, deadline=None, database=None)
@given(ITEM_TEXT)
def test_item_precheck_passes_every_line_an_item_pattern_matches(text: str) -> None:
    from minutebook.parser import minute_items as m

    patterns = (
        m.NUMBER_ALONE,
        m.NUMBER_TITLE,
        m.PAREN_NUMBER,
        m.CODED_NUMBER,
        m.WORD_NUMBER,
        m.LETTER_ITEM,
        m.ROMAN_NUMBER,
    )
    if any(p.match(text) for p in patterns):
        assert m._may_number_an_item(text)
    for probe in (
        "İtem 4 Budget",
        "ıtem 4 Budget",
        "ITEM 4 BUDGET",
        "PLA146/14 Title",
        "XIV. BUDGET",
        "Minute No. 45/24 – Budget",
    ):
        assert m._may_number_an_item(probe)
    assert not m._may_number_an_item("The committee noted the report")


@settings(max_examples=400, deadline=None, database=None)
@given(ITEM_TEXT)
def test_find_marker_equals_the_searches_without_prechecks(text: str) -> None:
    from minutebook.parser import resolutions as r

    expected = None
    if any(w in text.lower() for w in r._MARKER_WORDS):
        expected = r.find_marker(text)  # MARKER decides first; compare the fallbacks below
        if r.MARKER.match(text) is None:
            m2 = r.IT_WAS_AGREED.search(text)
            m3 = r.INLINE_MARKER.search(text)
            if m2:
                group = "post" if m2["post"] is not None else "post2"
                expected = (m2.start(group), m2[group])
            elif m3:
                expected = (m3.start("post"), m3["post"])
            else:
                expected = None
    assert r.find_marker(text) == expected


def test_find_marker_finds_it_was_agreed_and_inline_markers() -> None:
    from minutebook.parser.resolutions import find_marker

    assert find_marker("Following debate it was AGREED that the report be noted.") is not None
    assert find_marker("a) 25/00123/FUL High Street. RESOLVED: No objection.") is not None
    assert find_marker("It was resolved that the minutes be signed.") is not None
    assert find_marker("the members agreed with the officer") is None


CONTACT_TEXT = st.text(
    alphabet=st.sampled_from(list("askASKcontCONTenquiresſKİı :\tx")), max_size=40
)


@settings(max_examples=400, deadline=None, database=None)
@given(CONTACT_TEXT)
def test_contact_precheck_passes_every_line_with_a_mid_line_label(text: str) -> None:
    from minutebook.parser.frontsheet import _may_hold_contact_label

    pattern = re.compile(
        r"(?:\t| {2,})((?i:ask\s+for|contact(?:\s+officer)?|enquiries\s+to)\s*:.*)$"
    )
    if pattern.search(text):
        assert _may_hold_contact_label(text)
    assert _may_hold_contact_label("1 May 2024      Ask for:   Jane Doe")
    assert not _may_hold_contact_label("1 May 2024      Venue:   County Hall")


def test_short_text_cache_remembers_short_texts_only_and_stays_bounded() -> None:
    from minutebook.parser import report_text

    calls: list[str] = []

    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    cached = report_text.short_text_cache(upper)
    assert cached("abc") == "ABC" and cached("abc") == "ABC"
    assert calls == ["abc"]  # the second call was a lookup
    long = "x" * (report_text.MAX_CACHED_CHARS + 1)
    assert cached(long) == long.upper() and cached(long) == long.upper()
    assert calls.count(long) == 2  # long texts are computed each time, never stored
    for k in range(report_text.CLEAN_CACHE_SIZE + 10):
        assert cached(str(k)) == str(k)
    assert len(cached) <= report_text.CLEAN_CACHE_SIZE  # type: ignore[arg-type]
    cached.cache_clear()
    assert cached("abc") == "ABC" and calls[-1] == "abc"


def test_characters_brought_back_by_entities_are_normalised_in_the_changed_lines_only() -> None:
    from minutebook.parser.reading import read_source

    data = (
        "Health&nbsp;&amp;&nbsp;Care&#8203;\nPlain line\n<b>Bold&#xA0;</b> text&shy;\nLast &nbsp;"
    )
    raw = read_source(data.encode(), "x.txt")
    assert raw.text == "Health & Care\nPlain line\nBold  text\nLast  "
    md = read_source(b"# Title&nbsp;One\n\nA **bold**&#160;word\n", "x.md")
    assert "\u00a0" not in md.text and "Title One" in md.text and "bold word" in md.text


HEADING_TEXT = st.text(
    alphabet=st.sampled_from(list("aZ. 12:30pm4 June 2024Monday,-–()noonx")), max_size=60
)


@settings(max_examples=300, deadline=None)
@given(HEADING_TEXT)
def test_heading_like_equals_the_word_count_and_sentence_test(text: str) -> None:
    from minutebook.parser.heading import _heading_like, _strip_dates_times

    slow = len(_strip_dates_times(text).split()) <= 14 and not re.search(r"[a-z]\.\s+[A-Z]", text)
    assert _heading_like(text) == slow


def test_heading_like_rejects_prose_and_long_lines() -> None:
    from minutebook.parser.heading import _heading_like

    assert _heading_like("Planning Committee 4 June 2024 at 2.00 pm")
    assert not _heading_like("The meeting was held. Members agreed the minutes")
    assert not _heading_like(" ".join(["word"] * 15))


def test_parsing_leaves_no_reference_cycles_so_pausing_the_collector_is_safe() -> None:
    """`parse_bytes` pauses Python's cyclic collector in its text stages (for speed). That
    is safe only while those stages make no reference cycles: reference counting must free
    everything, or a big input would grow in memory. A new cycle fails this test. (The
    readers of PDF and HTML make cycles; they run with the collector on.)"""
    import gc

    from minutebook.parser.golden import golden_sources
    from minutebook.parser.pipeline import parse_bytes

    sources = [(p.name, p.read_bytes()) for p in golden_sources() if p.suffix in {".txt", ".md"}]
    assert len(sources) >= 30
    for name, data in sources:  # warm: imports and caches made on first use are not garbage
        parse_bytes(data, name)
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for name, data in sources:
            result = parse_bytes(data, name)
            assert result.documents
        assert not gc.isenabled()  # a paused collector stays as the caller left it
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()


def test_parse_bytes_pauses_the_collector_only_while_it_parses() -> None:
    import gc

    from minutebook.parser.golden import golden_sources
    from minutebook.parser.pipeline import ParseError, parse_bytes

    texts = [p for p in golden_sources() if p.suffix == ".txt"]
    biggest = max(texts, key=lambda p: p.stat().st_size)
    data = biggest.read_bytes()
    collections: list[str] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(phase)

    parse_bytes(data, biggest.name)  # warm: the first parse fills caches and imports modules
    assert gc.isenabled()
    gc.callbacks.append(count)
    try:
        parse_bytes(data, biggest.name)
        during = len(collections)
        with pytest.raises(ParseError):
            parse_bytes(b"", "empty.txt")
        assert gc.isenabled()  # also after a parse that raised
        junk = [[i] for i in range(50_000)]  # enough allocations to start a collection
        after = len(collections) - during
    finally:
        gc.callbacks.remove(count)
    assert junk
    assert during == 0  # parsing a text file of 75 KB made no collection
    assert after > 0  # and the collector is back on afterwards
