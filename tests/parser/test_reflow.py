"""Run-together text (line ends lost by a mirror or an export) is put back on lines."""

from __future__ import annotations

import pytest

from minutebook.parser.lines import make_lines
from minutebook.parser.pipeline import parse_bytes
from minutebook.parser.reflow import (
    ReflowSettings,
    break_line,
    is_run_together,
    reflow,
    strip_markup_debris,
)
from minutebook.parser.report_header import extract_header

# Invented minutes in the shape a document mirror prints them: every line end glued shut.
RUN_TOGETHER_MINUTES = (
    "Borough of Eastmere\n\n"
    "Eastmere District CouncilHousing CommitteeMinutesTuesday 9 May 2017PRESENTCouncillor "
    "Ann Lowther, Chair (+ Housing Strategy)Councillor Peter Quince, Vice-ChairCouncillor "
    "Mary Oduya, Member for Riverside WardCouncillor Tom Brill, Member for Northgate Ward"
    "41. MINUTES OF THE MEETING HELD ON 4 APRIL 2017RESOLVED:That the minutes of the "
    "meeting held on 4 April 2017 be confirmed and signed as a correct record.42. APOLOGIES "
    "FOR ABSENCEApologies were received from Councillor Jo Hart.43. DECLARATIONS OF "
    "INTERESTThere were no declarations of interest.44. HOMELESSNESS STRATEGY 2017-2022"
    "RESOLVED:That the Homelessness Strategy 2017-2022 be approved for consultation."
    "________________________________________Minutes are subject to confirmation at the next "
    "meeting.\n"
)


def test_strip_markup_debris_removes_inline_tags_and_their_cut_off_remains() -> None:
    text = "Borough ong>ofong> Eastmereong>Cabinetong> and L<strong>on</strong>don <b>bold</b>"
    assert strip_markup_debris(text) == "Borough of EastmereCabinet and London bold"


def test_strip_markup_debris_keeps_a_lone_fragment_and_other_tags() -> None:
    # One "ong>" is no evidence of debris; a script tag is not formatting (escaped later).
    assert strip_markup_debris("a long> b") == "a long> b"
    assert strip_markup_debris("x <script>alert(1)</script>") == "x <script>alert(1)</script>"


def test_ordinary_long_paragraph_is_not_reflowed() -> None:
    paragraph = (
        "The committee noted the PowerPoint presentation on placements and asked officers "
        "to publish it on the council's YouTube channel, with a summary for young people. "
    ) * 4
    assert not is_run_together(paragraph)
    assert reflow(paragraph) == paragraph


def test_short_lines_are_never_reflowed() -> None:
    text = "PRESENTCouncillor A. Smith\nnoted.The next item"
    assert reflow(text) == text


def test_break_line_splits_at_lost_line_ends() -> None:
    line = RUN_TOGETHER_MINUTES.split("\n")[2]
    assert is_run_together(line)
    lines = break_line(line)
    assert lines[:5] == [
        "Eastmere District Council",
        "Housing Committee",
        "Minutes",
        "Tuesday 9 May 2017",
        "PRESENT",
    ]
    assert "Councillor Ann Lowther, Chair (+ Housing Strategy)" in lines
    assert "42. APOLOGIES FOR ABSENCE" in lines
    assert "RESOLVED:" in lines
    assert "Apologies were received from Councillor Jo Hart." in lines
    assert "________________________________________" in lines


def test_run_together_minutes_yield_attendance_items_and_resolutions() -> None:
    result = parse_bytes(RUN_TOGETHER_MINUTES.encode(), "minutes.txt")
    minutes = [d for d in result.documents if d.kind == "minutes"]
    assert len(minutes) == 1
    doc = minutes[0]
    assert doc.meeting.date == "2017-05-09"
    assert doc.minutes is not None
    present = [a.name for a in doc.minutes.attendance if a.status == "present"]
    assert present == ["Ann Lowther", "Peter Quince", "Mary Oduya", "Tom Brill"]
    assert [i.number for i in doc.minutes.items] == ["41", "42", "43", "44"]
    assert [r.text for r in doc.minutes.items[3].resolutions] == [
        "That the Homelessness Strategy 2017-2022 be approved for consultation."
    ]
    assert [d.kind for d in doc.minutes.declarations] == ["none"]


def test_header_label_alone_on_its_line_takes_the_next_line() -> None:
    lines = make_lines(
        "Public report\nTitle:\nLibrary Opening Hours\nWard(s) affected:\nAll\n"
        "Is this a key decision?\nNo\nRecommendations:\n2.1 That the hours be agreed.\n"
        "2.2 That a review follow.\nList of Appendices included:\nAppendix 1 – Hours\n"
        "Report title:\n1. Context\nThe libraries open six days a week.\n"
    )
    header = extract_header(lines)
    assert header.title == "Library Opening Hours"  # "Report title:" adds nothing
    assert header.wards == "All"
    assert header.key_decision is False
    assert header.recommendations == "2.1 That the hours be agreed. 2.2 That a review follow."


def test_reflow_settings_are_validated() -> None:
    with pytest.raises(ValueError):
        ReflowSettings(min_line_chars=10)
    with pytest.raises(ValueError):
        ReflowSettings(min_marks=0)
