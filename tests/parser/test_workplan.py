"""Work-plan entries: meeting dates and their items, and no entries from other dates."""

from __future__ import annotations

import pytest

from minutebook.parser.lines import make_lines
from minutebook.parser.workplan import extract_work_plan
from tests.parser.report_fixtures import (
    COUNCILS,
    PACK_2019,
    PACK_2020,
    WORK_PLAN_2024,
    read_lines,
    report_slice,
    seed_lines,
)


def _entries(lines: list) -> list[tuple[str, tuple[str, ...]]]:  # type: ignore[type-arg]
    return [(e.meeting_date, e.items) for e in extract_work_plan(lines)]


def test_work_plan_2020_21_in_the_november_2020_pack() -> None:
    """Item 11: dated headings numbered as paragraphs, group labels, "Workshop theme **X**"."""
    assert _entries(report_slice(seed_lines(PACK_2020), "11")) == [
        (
            "2020-11-04",
            (
                "Ofsted feedback including (Youth Offending Service) / Covid-19 (lockdown)",
                "Update on Black Lives Matters (verbal)",
                "Workshop theme: Employment, Education and Training (ETT)",
            ),
        ),
        (
            "2021-03-03",
            (
                "Children in Care Annual Health Report 2020-21",
                "Foster and Adoption Service Annual Reports 2019 \u2013 20",
                "Corporate parenting strategy",
                "Workshop theme: Housing",
            ),
        ),
        (
            "2021-04-21",
            (
                "Virtual Headteacher Annual Report 2019 \u2013 2020",
                "Item to be agreed",
                "Workshop theme: to be advised",
            ),
        ),
    ]


def test_work_plan_entry_spans_point_at_the_date_and_items() -> None:
    entries = extract_work_plan(report_slice(seed_lines(PACK_2020), "11"))
    assert [(e.span.first_line, e.span.last_line) for e in entries] == [
        (504, 514),
        (516, 526),
        (528, 537),
    ]


def test_work_plan_2018_19_in_the_february_2019_pack() -> None:
    assert _entries(report_slice(seed_lines(PACK_2019), "9")) == [
        (
            "2019-02-26",
            (
                "Sufficiency Strategy update",
                "Ofsted progress report update",
                "Independent Reviewing Officer (IRO) \u2013 report back",
            ),
        ),
        ("2019-03-25", ("Virtual Head teacher report",)),
    ]


def test_work_plan_2023_24() -> None:
    assert _entries(seed_lines(WORK_PLAN_2024)) == [
        (
            "2024-04-16",
            (
                "Speakerbox verbal update",
                "Update on Southwark Homes Programme",
                "Lifelong Links",
                "Care Leaver and Housing Protocol",
            ),
        )
    ]


def test_a_resolution_agreeing_the_next_agenda_is_a_plan_entry() -> None:
    """Minutes of 8 July 2020, item 9: "That the following 4 November 2020 draft agenda be agreed"."""
    lines = [ln for ln in seed_lines(PACK_2020) if 265 <= ln.number <= 282]
    assert _entries(lines) == [
        (
            "2020-11-04",
            (
                "Update on corporate parenting strategy / council plan",
                "Update on Black Lives Matter and COVID-19 (including feedback from workshops in August)",
                "Fostering and Adoption reports",
                "Sufficiency strategy",
            ),
        )
    ]


def test_whole_packs_yield_only_the_plan_entries() -> None:
    """Front-sheet dates, a letter's date and dates in prose are not plan entries."""
    dates_2020 = [d for d, _ in _entries(seed_lines(PACK_2020))]
    assert dates_2020 == ["2020-11-04", "2020-11-04", "2021-03-03", "2021-04-21"]
    dates_2019 = [d for d, _ in _entries(seed_lines(PACK_2019))]
    assert dates_2019 == ["2019-02-26", "2019-03-25"]


@pytest.mark.parametrize(
    "path",
    sorted(p for p in COUNCILS.iterdir() if p.suffix in {".txt", ".md"} and p.name[:1].isdigit()),
    ids=lambda p: p.name[:2],
)
def test_other_councils_papers_have_no_plan_entries(path) -> None:  # type: ignore[no-untyped-def]
    """None of these papers carries a dated list of planned items (work programmes 13, 22, 23 included)."""
    assert _entries(read_lines(path)) == []


def test_table_layout_work_plan() -> None:
    text = (
        "Meeting date\tItems\n"
        "12 June 2025\tFostering annual report; Adoption annual report\n"
        "18 September 2025\tVirtual School annual report\n"
    )
    assert _entries(make_lines(text)) == [
        ("2025-06-12", ("Fostering annual report", "Adoption annual report")),
        ("2025-09-18", ("Virtual School annual report",)),
    ]


def test_a_date_inside_a_sentence_is_not_an_entry() -> None:
    text = (
        "The committee met on 4 March 2021 and agreed the following:\n\n"
        "- that the report be noted\n\n"
        "The next report will come on 12 May 2021.\n"
    )
    assert _entries(make_lines(text)) == []


def test_forward_plan_table_with_the_date_in_a_later_column() -> None:
    text = (
        "| Report | Meeting date | Lead officer |\n"
        "|---|---|---|\n"
        "| Fostering annual report | 12 June 2025 | Head of Fostering |\n"
        "| Adoption annual report | 12 June 2025 | Head of Adoption |\n"
        "| Virtual School report | 18 September 2025 | Virtual Head |\n"
    )
    assert _entries(make_lines(text)) == [
        ("2025-06-12", ("Fostering annual report", "Adoption annual report")),
        ("2025-09-18", ("Virtual School report",)),
    ]


def test_table_rows_continuing_a_dated_row() -> None:
    text = "Date\tItems\n3 March 2021\tHealth annual report\n\tFostering annual report\n"
    assert _entries(make_lines(text)) == [
        ("2021-03-03", ("Health annual report", "Fostering annual report"))
    ]
