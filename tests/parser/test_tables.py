"""Tables: tab-separated rows, headers repeated on each page, wrapped cells, pipe tables."""

from __future__ import annotations

from minutebook.parser.lines import make_lines
from minutebook.parser.tables import find_tables, untab_numbered_paragraphs
from tests.parser.report_fixtures import (
    PACK_2019,
    PACK_2020,
    SELF_EVALUATION,
    council_lines,
    seed_lines,
)

IRO_APR_NOV = (
    ("Incomplete or inadequate care plans", "38"),
    ("Drift or delay in care planning", "23"),
    ("Other", "13"),
    ("Education", "8"),
    ("Action and effectiveness of management", "8"),
    ("Placement concerns", "7"),
    ("Concerns around social work provision", "4"),
    ("Non completion of review decisions", "1"),
    ("Safeguarding concerns including missing episodes, crime related or CSE risk", "1"),
    ("Grand Total", "103"),
)
IRO_NOV_DEC = (
    ("Inadequate care plan", "19"),
    ("Care plan delay", "7"),
    ("Other", "6"),
    ("Social work", "3"),
    ("Education", "3"),
    ("Follow-up actions", "2"),
    ("Safeguarding", "1"),
    ("Placement", "1"),
    ("Health", "1"),
    ("18+ planning", "1"),
    ("Grand Total", "44"),
)


def _iro_tables() -> list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...], int, int]]:
    tables = find_tables(seed_lines(PACK_2019))
    return [
        (t.header, t.rows, t.span.first_line, t.span.last_line)
        for t in tables
        if t.header and t.header[0].startswith("Reason for IRO Escalations")
    ]


def test_the_two_iro_escalation_tables_exactly() -> None:
    found = _iro_tables()
    assert len(found) == 2
    (h1, rows1, first1, last1), (h2, rows2, first2, last2) = found
    assert h1 == ("Reason for IRO Escalations Apr to Nov 2018 pre Mosaic:", "Count of")
    assert rows1 == IRO_APR_NOV
    assert (first1, last1) == (371, 381)
    assert h2 == ("Reason for IRO Escalations Nov - Dec 2018 on Mosaic:", "Count of")
    assert rows2 == IRO_NOV_DEC
    assert (first2, last2) == (385, 396)


def test_iro_counts_add_up_to_their_grand_totals() -> None:
    for _, rows, _, _ in _iro_tables():
        *reasons, total = rows
        assert total[0] == "Grand Total"
        assert sum(int(count) for _, count in reasons) == int(total[1])


def test_the_iro_tables_are_the_same_from_raw_text_with_trailing_tabs() -> None:
    raw = find_tables(seed_lines(PACK_2019, normalised=False))
    rows = [t.rows for t in raw if t.header and t.header[0].startswith("Reason for IRO")]
    assert rows == [IRO_APR_NOV, IRO_NOV_DEC]


def test_a_header_repeated_on_the_next_page_is_merged() -> None:
    """The order of business of the 2020 pack runs over two pages, repeating its header."""
    tables = find_tables(seed_lines(PACK_2020))
    order = [t for t in tables if t.header == ("Item No.", "Title", "Page No.")]
    assert len(order) == 1
    numbers = [row[0] for row in order[0].rows if row[0]]
    assert numbers == ["1.", "2.", "3.", "4.", "5.", "6.", "7.", "8.", "9.", "10.", "11."]
    # A wrapped second line of a cell (empty first cell) joins the row above.
    minutes = next(row for row in order[0].rows if row[0] == "6.")
    assert minutes[1].startswith("MINUTES To approve as a correct record")
    assert minutes[2] == "1 - 8"


def test_self_evaluation_table_over_many_pages_with_paragraph_cells() -> None:
    tables = find_tables(seed_lines(SELF_EVALUATION))
    big = [t for t in tables if len(t.header) == 4 and t.header[1].startswith("What do we know")]
    assert len(big) == 1
    table = big[0]
    assert table.header[2] == "How do we know?"
    ids = [row[0] for row in table.rows]
    # Group rows ("7. Making good decisions for children") appear once though repeated on each page.
    assert ids.count("7.") == 1
    assert ids[:7] == ["7.", "7.1", "7.2", "7.3", "7.4", "7.5", "8."]
    assert "13.6" in ids
    row_81 = next(row for row in table.rows if row[0] == "8.4")
    # A cell of several <p> paragraphs keeps them as lines, without tags.
    assert "\n" in row_81[2] and "<p>" not in row_81[2]
    assert row_81[2].startswith("Speakerbox program of activities.")


def test_pipe_table_with_rule_row() -> None:
    text = "Intro\n\n| Reason | Count |\n|---|---:|\n| Education | 8 |\n| Other | 13 |\n\nAfter"
    tables = find_tables(make_lines(text))
    assert len(tables) == 1
    assert tables[0].header == ("Reason", "Count")
    assert tables[0].rows == (("Education", "8"), ("Other", "13"))
    assert (tables[0].span.first_line, tables[0].span.last_line) == (3, 6)


def test_space_aligned_table_under_a_caption() -> None:
    tables = find_tables(council_lines("09_"))
    caseload = next(t for t in tables if t.caption and "Caseload" in t.caption)
    assert caseload.caption == "Table 1: Council Tax Support Working Age Caseload"
    assert caseload.header == ("", "March 23", "March 24", "March 25", "Sept 25")
    assert caseload.rows == (("WA Caseload", "5627", "5322", "5217", "5164"),)
    spend = next(t for t in tables if t.caption and "Expenditure" in t.caption)
    assert spend.rows == (
        ("Total CTS", "\u00a35,964,399", "\u00a36,000,541", "\u00a36,214,832", "\u00a36,317,351"),
    )


def test_prose_is_not_a_table() -> None:
    text = "BACKGROUND\n\nThe council  has  reviewed   its   scheme.\nIt found   no   issues.\n"
    assert find_tables(make_lines(text)) == ()


def test_numbered_paragraphs_set_off_by_tabs_are_not_tables() -> None:
    lines = make_lines(
        "1.\tPurpose of the report\n"
        "\n"
        "1.1\tThis report updates the Panel.\n"
        "(a)\tnote the progress; and\n"
        "(b)\tagree to receive a further report.\n"
        "\n"
        "Type\t2024\t2025\n"
        "Fostering\t301\t318\n"
    )
    assert [t.header for t in find_tables(lines)] == [("Type", "2024", "2025")]
    assert [ln.text for ln in untab_numbered_paragraphs(lines)][:5] == [
        "1. Purpose of the report",
        "",
        "1.1 This report updates the Panel.",
        "(a) note the progress; and",
        "(b) agree to receive a further report.",
    ]
    # A table whose first column is numbered, with more columns, stays a table.
    table = make_lines("1.\tCare planning\t12\n2.\tPlacement stability\t7\n")
    assert len(find_tables(table)) == 1
    assert untab_numbered_paragraphs(table) == list(table)


def test_rows_printed_a_blank_line_apart_are_one_table() -> None:
    lines = make_lines("Age\t2024\t2025\n\n18-20\t96\t101\n\n21-25\t108\t113\n\n\nType\tCount\n")
    tables = find_tables(lines)
    assert [(t.header, len(t.rows)) for t in tables] == [
        (("Age", "2024", "2025"), 2),
        (("Type", "Count"), 0),  # two blank lines and another width: another table
    ]
