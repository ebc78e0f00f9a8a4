"""Generates minutes_word_attendance_columns_side_by_side.docx (synthetic; see README.md).

Run with the project's virtualenv: .venv/bin/python tests/parser/unseen/minutes_word_attendance_columns_side_by_side.py
"""

from pathlib import Path

from docx import Document

OUT = Path(__file__).with_suffix(".docx")

doc = Document()
doc.core_properties.author = "minutebook tests"
doc.add_heading("Fenbridge District Council", level=1)
doc.add_heading("Licensing and Regulatory Committee", level=2)
doc.add_paragraph(
    "Minutes of the meeting held on Wednesday 4 March 2026 at 10.00 am in the Council Chamber, Fenbridge House"
)
table = doc.add_table(rows=5, cols=3)
rows = [
    ("Present", "Apologies", "In attendance"),
    (
        "Councillor Rhiannon Ellery (Chair)",
        "Councillor Peter Aske",
        "Sunita Rao (Licensing Team Leader)",
    ),
    ("Councillor Ola Adebayo", "Councillor Gail Mercer", "David Quint (Solicitor)"),
    ("Councillor Stuart Lennox", "", "Kim Bower (Democratic Services Officer)"),
    ("Councillor Yvette Moran", "", ""),
]
for r, values in enumerate(rows):
    for c, value in enumerate(values):
        table.cell(r, c).text = value
doc.add_heading("14. Declarations of interest", level=3)
doc.add_paragraph("There were no declarations of interest.")
doc.add_heading("15. Minutes", level=3)
doc.add_paragraph(
    "RESOLVED that the minutes of the meeting held on 14 January 2026 be approved as a correct record."
)
doc.add_heading("16. Review of Taxi Licensing Policy", level=3)
doc.add_paragraph(
    "The Licensing Team Leader presented the results of the consultation on the draft policy."
)
doc.add_paragraph(
    "RESOLVED that the revised Hackney Carriage and Private Hire Licensing Policy be recommended to Council for adoption."
)
doc.add_paragraph("The meeting closed at 11.20 am.")
doc.save(OUT)
