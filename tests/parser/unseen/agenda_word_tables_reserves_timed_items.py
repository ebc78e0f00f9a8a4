"""Generates agenda_word_tables_reserves_timed_items.docx (synthetic; see README.md).

Run with the project's virtualenv: .venv/bin/python tests/parser/unseen/agenda_word_tables_reserves_timed_items.py
"""

from pathlib import Path

from docx import Document

OUT = Path(__file__).with_suffix(".docx")

doc = Document()
doc.core_properties.author = "minutebook tests"
doc.add_paragraph("Brindlecombe County Council")
doc.add_heading("Children's Services Scrutiny Committee", level=1)
doc.add_paragraph("Thursday 17 September 2026, 10.00 am")
doc.add_paragraph("Council Chamber, County Hall, Brindlecombe")
doc.add_heading("Membership", level=2)
members = doc.add_table(rows=4, cols=2)
for r, (a, b) in enumerate(
    [
        ("County Councillor Joanna Threlfall (Chair)", "County Councillor Graham Oduya"),
        ("County Councillor Patrick Lomas (Vice-Chair)", "County Councillor Sally Penrose"),
        ("County Councillor Isla Macready", "County Councillor Dev Raman"),
        ("County Councillor Marian Scholes", ""),
    ]
):
    members.cell(r, 0).text = a
    members.cell(r, 1).text = b
doc.add_paragraph("Reserves: County Councillors Tobias Fane and Wendy Kitching")
doc.add_paragraph(
    "Co-opted Members: Canon Peter Ashdown (Church of England Diocese) and "
    "Mrs Amina Farooq (Parent Governor Representative)"
)
doc.add_paragraph(
    "Democratic Services contact: Lewis Hanbury, 01632 962 301, lewis.hanbury@brindlecombe.gov.uk"
)
doc.add_heading("Agenda", level=2)
items = doc.add_table(rows=8, cols=4)
for r, row in enumerate(
    [
        ("Time", "Item", "Subject", "Page"),
        ("10.00", "1", "Apologies and substitutions", ""),
        ("", "2", "Declarations of interest", ""),
        ("", "3", "Minutes of the meeting held on 2 July 2026", "5 - 12"),
        ("10.10", "4", "School Place Planning 2026-2031", "13 - 40"),
        ("11.00", "5", "Elective Home Education Annual Report", "41 - 58"),
        ("11.45", "6", "Committee Work Programme", "59 - 64"),
        ("12.00", "", "Close", ""),
    ]
):
    for c, value in enumerate(row):
        items.cell(r, c).text = value
doc.add_paragraph("Date of publication: 9 September 2026")
doc.save(OUT)
