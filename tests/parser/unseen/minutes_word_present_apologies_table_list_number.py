"""Generates minutes_word_present_apologies_table_list_number.docx (synthetic; see README.md).

Run with the project's virtualenv:
.venv/bin/python tests/parser/unseen/minutes_word_present_apologies_table_list_number.py
"""

from pathlib import Path

from docx import Document

OUT = Path(__file__).with_suffix(".docx")

doc = Document()
doc.core_properties.author = "minutebook tests"
doc.add_heading("Thornleigh Borough Council", level=1)
doc.add_heading("Housing and Communities Scrutiny Panel", level=2)
doc.add_paragraph(
    "Minutes of the meeting held on Thursday 12 February 2026 at 6.30 pm in Committee Room 1, "
    "Thornleigh Town Hall"
)
table = doc.add_table(rows=5, cols=2)
table.style = "Table Grid"
rows = [
    ("Present", "Apologies"),
    ("Councillor Miriam Oduya (Chair)", "Councillor Hamish Brodie"),
    ("Councillor Tomasz Nowicki (Vice-Chair)", "Councillor Leanne Fairclough"),
    ("Councillor Priti Sandhu", ""),
    ("Councillor Gordon Ashby", ""),
]
for r, values in enumerate(rows):
    for c, value in enumerate(values):
        cell = table.cell(r, c)
        cell.text = value
        if r == 0:
            cell.paragraphs[0].runs[0].bold = True
doc.add_paragraph(
    "Officers: Karen Whitlow (Head of Housing), Desmond Achebe (Housing Strategy Manager), "
    "Fiona Lisle (Democratic Services Officer)"
)
doc.add_heading("22. Declarations of Interest", level=2)
doc.add_paragraph(
    "Councillor Priti Sandhu declared an other registrable interest in item 24 as a board "
    "member of Thornleigh Homes Trust."
)
doc.add_heading("23. Minutes of the Previous Meeting", level=2)
doc.add_paragraph(
    "RESOLVED: That the minutes of the meeting held on 8 January 2026 be approved as a correct "
    "record and signed by the Chair."
)
doc.add_heading("24. Temporary Accommodation Review", level=2)
doc.add_paragraph(
    "The Housing Strategy Manager introduced the report, which set out the number of households "
    "in temporary accommodation and the cost to the Council of nightly paid placements."
)
doc.add_paragraph(
    "Members asked about the use of bed and breakfast accommodation for families with children."
)
doc.add_paragraph("RESOLVED:")
doc.add_paragraph("That the findings of the review be noted.", style="List Number")
doc.add_paragraph(
    "That the Head of Housing report to the Panel in June 2026 on the purchase of homes for use "
    "as temporary accommodation.",
    style="List Number",
)
doc.add_paragraph(
    "That the Cabinet be asked to consider a target of no families in bed and breakfast "
    "accommodation for more than six weeks.",
    style="List Number",
)
doc.add_heading("25. Work Programme", level=2)
doc.add_paragraph("RESOLVED: That the work programme be agreed.")
doc.add_paragraph("The meeting ended at 8.05 pm.")
doc.save(OUT)
