"""Dates and times as committee papers write them."""

import pytest

from minutebook.parser.dates import find_dates, parse_date, parse_time


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Wednesday 4 November 2020", "2020-11-04"),
        ("4th Nov. 2020", "2020-11-04"),
        ("November 4, 2020", "2020-11-04"),
        ("04/11/2020", "2020-11-04"),
        ("4.11.20", "2020-11-04"),
        ("the 1st of May 2021", "2021-05-01"),
        # PDF text extraction can separate the ordinal suffix from the day.
        ("10 th December 2024", "2024-12-10"),
        ("Tuesday, 26 February, 2019", "2019-02-26"),
    ],
)
def test_parse_date(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["31 February 2020", "no date here", "item 4.11", ""])
def test_parse_date_rejects_non_dates(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "hhmm"),
    [
        ("2.00 pm", "14:00"),
        ("2pm", "14:00"),
        ("10.30am", "10:30"),
        ("2:00 p.m.", "14:00"),
        ("14:00", "14:00"),
        ("12 noon", "12:00"),
        ("12.30 am", "00:30"),
        ("The meeting ended at 5.10 pm.", "17:10"),
    ],
)
def test_parse_time(text: str, hhmm: str) -> None:
    assert parse_time(text) == hhmm


def test_find_dates_in_order() -> None:
    text = "agreed on 8 July 2020 for the meeting of 4 November 2020"
    assert [iso for _, _, iso in find_dates(text)] == ["2020-07-08", "2020-11-04"]


def test_iso_dates_and_what_is_not_one() -> None:
    assert parse_date("Published 2026-03-03") == "2026-03-03"
    assert parse_date("municipal year 2019-2020") is None
    assert parse_date("plan 2024-25") is None
    assert parse_date("ref 2026-13-40") is None
