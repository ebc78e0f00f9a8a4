"""Generates work_programme_word_table_items_as_paragraphs.docx (synthetic; see README.md).

Run with the project's virtualenv: .venv/bin/python tests/parser/unseen/work_programme_word_table_items_as_paragraphs.py
"""

from pathlib import Path

from docx import Document

OUT = Path(__file__).with_suffix(".docx")

doc = Document()
doc.core_properties.author = "minutebook tests"
doc.add_heading("Environment and Communities Scrutiny Panel", level=1)
doc.add_heading("Forward Work Programme 2026/27", level=2)
doc.add_paragraph(
    "The Panel is asked to note its work programme and to suggest topics for future meetings."
)
rows = [
    ("Date of meeting", "Items", "Lead officer"),
    (
        "Tuesday 9 June 2026",
        ["Flood Risk Management Strategy", "Street Cleansing Performance 2025/26"],
        ["Head of Highways", "Head of Waste Services"],
    ),
    (
        "Tuesday 8 September 2026",
        [
            "Air Quality Annual Status Report",
            "Fly-tipping Enforcement Update",
            "Parks and Open Spaces Strategy",
        ],
        ["Environmental Health Manager", "Head of Waste Services", "Parks Manager"],
    ),
    ("Tuesday 1 December 2026", ["Climate Emergency Action Plan: Annual Review"], ["Climate Lead"]),
]
table = doc.add_table(rows=len(rows), cols=3)
for r, (date, entries, leads) in enumerate(rows):
    table.cell(r, 0).text = date
    for c, values in ((1, entries), (2, leads)):
        cell = table.cell(r, c)
        if isinstance(values, str):
            cell.text = values
            continue
        cell.text = values[0]
        for value in values[1:]:
            cell.add_paragraph(value)
doc.add_heading("Topics not yet scheduled", level=2)
doc.add_paragraph("Public toilets review", style="List Bullet")
doc.add_paragraph("Allotments waiting list", style="List Bullet")
doc.save(OUT)
