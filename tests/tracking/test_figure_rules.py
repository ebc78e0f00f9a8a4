"""Figures that are not what they seem, each found in real papers (regressions)."""

from __future__ import annotations

from minutebook.tracking.figures_extract import extract_from_text
from minutebook.tracking.text import sentences


def _figures(text: str) -> list[tuple[str | None, float, str, str, str | None]]:
    return [
        (f.measure, f.value, f.unit, f.comparator, f.period.label if f.period else None)
        for f in extract_from_text(text)
    ]


def test_a_paragraph_number_before_a_heading_is_not_a_count_of_children() -> None:
    # An agenda row: "6.1 <tab> Children Looked After Performance Scorecard <tab> 53 - 60".
    assert _figures("6.1\tChildren Looked After Performance Scorecard\t53 - 60") == []
    assert _figures("8.2 Children in care and care leavers have access to advocates.") == []
    assert _figures("In March there were 612 children in care.")[0][:2] == ("cla_count", 612.0)


def test_a_change_is_kept_but_is_never_the_level_of_a_measure() -> None:
    assert _figures("There has been a 10% increase in staying put over 3 years to March 2021.") == [
        (None, 10.0, "percent", "", "March 2021")
    ]
    got = _figures("On 31st March 2021 this has increased by 17% to 216 Special Guardians.")
    assert (None, 17.0, "percent", "", "March 2021") in got
    assert ("staying_put", 73.0, "percent", "", None) in _figures(
        "Staying put rose from 70% to 73%."
    )


def test_ages_are_not_financial_years() -> None:
    got = _figures("25% of young people aged 17-18 are living with their former foster carers.")
    assert got == [("staying_put", 25.0, "percent", "", None)]


def test_a_comparator_written_after_the_value_is_its_own() -> None:
    got = _figures(
        "77% of looked after children are in foster placements compared to 70% for "
        "statistical neighbours and 72% nationally."
    )
    assert got == [
        ("foster_placements", 77.0, "percent", "", None),
        ("foster_placements", 70.0, "percent", "statistical_neighbours", None),
        ("foster_placements", 72.0, "percent", "national_average", None),
    ]


def test_exclusions_and_persistent_absence_are_not_attendance() -> None:
    got = _figures(
        "Fixed Term Exclusion for children in care fell from 12% (19/20) to 8% in 20/21.\n\n"
        "The percentage of children in care with less than 90% school attendance fell from "
        "26% (19/20) to 19% in 20/21."
    )
    assert [(g[0], g[1]) for g in got] == [
        ("school_exclusions", 12.0),
        ("school_exclusions", 8.0),
        ("persistent_absence", 26.0),
        ("persistent_absence", 19.0),
    ]


def test_a_tab_after_a_full_stop_ends_the_sentence() -> None:
    # Table cells from PDF or Word: the next cell's sentence starts with a figure.
    text = "Panels review placements.\t95% of young people are in suitable accommodation."
    assert [s for _, s in sentences(text)] == [
        "Panels review placements.",
        "95% of young people are in suitable accommodation.",
    ]
