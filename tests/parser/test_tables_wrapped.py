"""Space-aligned tables whose cells wrap over several lines (PDF text laid out with spaces)."""

from __future__ import annotations

from minutebook.parser.lines import make_lines
from minutebook.parser.tables import find_tables
from tests.parser.report_fixtures import council_lines

WRAPPED = """\
Table 3: Placements by provider

      Provider         Type of          Children      Weekly
                       placement                      cost
      North Trust      Residential      12            £4,100
                       home
      Southern         Foster           31            £900
      Care Ltd         care
      East Homes       Supported        7             £2,300
                       living

The figures above are taken from the March return and show the number of children placed.
"""


def test_wrapped_cells_are_joined_under_their_column() -> None:
    tables = find_tables(make_lines(WRAPPED))
    assert len(tables) == 1
    table = tables[0]
    assert table.caption == "Table 3: Placements by provider"
    assert table.header == ("Provider", "Type of placement", "Children", "Weekly cost")
    assert table.rows == (
        ("North Trust", "Residential home", "12", "£4,100"),
        ("Southern Care Ltd", "Foster care", "31", "£900"),
        ("East Homes", "Supported living", "7", "£2,300"),
    )
    assert (table.span.first_line, table.span.last_line) == (3, 10)


def test_prose_under_a_caption_is_not_a_table() -> None:
    text = (
        "Table 4: Summary of responses\n\n"
        "The consultation ran for six weeks and received a small number of responses\n"
        "from residents and partner organisations across the district.\n"
    )
    assert find_tables(make_lines(text)) == ()


def test_gloucester_comparison_table_with_cells_over_four_lines() -> None:
    """09: nine columns, centred cells, a row label on the second line of its row."""
    tables = find_tables(council_lines("09_"))
    comparison = next(t for t in tables if t.caption == "Table 1: Comparison at May 2025")
    assert comparison.header == (
        "District",
        "Type of Scheme",
        "Maximum Level of Support",
        "Caseload",
        "Total Award",
        "% In Receipt of 100% Support",
        "Support Limited by Council Tax Band",
        "Capital Limit",
        "Vulnerable Groups",
    )
    assert [r[0] for r in comparison.rows] == [
        "Cheltenham",
        "Cotswold",
        "Forest of Dean",
        "Gloucester City",
        "Stroud",
        "Tewkesbury",
    ]
    forest = comparison.rows[2]
    assert forest[2] == "90% (95% for protected groups)"
    assert forest[3:5] == ("2,774", "£3,124,456")
    assert comparison.rows[0][8] == "Income disregard relating to disabilities"
    # The one-line tables of the same report are still read as before.
    caseload = next(t for t in tables if t.caption and "Caseload" in t.caption)
    assert caseload.rows == (("WA Caseload", "5627", "5322", "5217", "5164"),)
