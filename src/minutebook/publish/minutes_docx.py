"""The minutes template as a Word document (python-docx), for clerks who write minutes in Word.

Same content as `publish/minutes_template.html`: the heading, the expected
attendance (the committee's membership), one section per agenda item with
placeholders, and the signature lines.
"""

from __future__ import annotations

from io import BytesIO

from docx import Document
from docx.shared import Pt, RGBColor

from minutebook.publish.pack import Pack

PLACEHOLDER_GREY = RGBColor(0x50, 0x5A, 0x5F)


def _placeholder(document: Document, text: str) -> None:
    run = document.add_paragraph().add_run(text)
    run.italic = True
    run.font.color.rgb = PLACEHOLDER_GREY


def _heading_text(pack: Pack) -> str:
    when = pack.date_text + (f" at {pack.time_text}" if pack.time_text else "")
    heading = f"MINUTES of the OPEN section of the {pack.committee} held on {when}"
    return f"{heading}. {pack.venue}" if pack.venue else heading


def minutes_template_docx(pack: Pack) -> bytes:
    document = Document()
    document.core_properties.title = f"{pack.committee}, {pack.date_text}: minutes"
    document.styles["Normal"].font.name = "Arial"
    document.styles["Normal"].font.size = Pt(11)
    document.add_paragraph(pack.committee)
    document.add_heading(_heading_text(pack), level=1)
    _placeholder(
        document,
        "Expected attendance, from the committee's membership: strike out absent members "
        "and add substitutes.",
    )
    rows = [("PRESENT:", pack.members or ["[Members present]"])]
    if pack.co_opted:
        rows.append(("NON-VOTING CO-OPTED MEMBERS:", pack.co_opted))
    if pack.reserves:
        rows.append(("RESERVES (if attending):", pack.reserves))
    rows.append(("OFFICER SUPPORT:", ["[Name, job title]"]))
    table = document.add_table(rows=0, cols=2)
    for label, names in rows:
        cells = table.add_row().cells
        cells[0].text = label
        cells[1].text = "\n".join(names)
    for index, item in enumerate(pack.items):
        document.add_heading(f"{item.number} {item.title}", level=2)
        if item.kind == "minutes" and pack.previous_meeting_date is not None:
            document.add_paragraph().add_run("RESOLVED:").bold = True
            day = pack.previous_meeting_date
            document.add_paragraph(
                f"That the minutes of the meeting held on {day.day} {day:%B %Y} be approved "
                "as a correct record of the meeting and signed by the chair."
            )
        elif item.kind == "standard" and index == 0:
            _placeholder(
                document,
                "[Apologies for absence were received from ... / "
                "No apologies for absence were received.]",
            )
        elif item.kind == "standard":
            _placeholder(document, "[Record of the item.]")
        else:
            _placeholder(document, "[Discussion.]")
            document.add_paragraph().add_run("RESOLVED:").bold = True
            _placeholder(document, "1. That ...")
    document.add_paragraph("The meeting ended at [time].")
    document.add_paragraph("CHAIR:")
    document.add_paragraph("DATED:")
    out = BytesIO()
    document.save(out)
    return out.getvalue()
