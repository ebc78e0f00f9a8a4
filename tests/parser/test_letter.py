"""Letters: the Ofsted focused-visit letter appended to a report, and a plain letter."""

from __future__ import annotations

from minutebook.parser.letter import extract_letter
from minutebook.parser.lines import make_lines
from tests.parser.report_fixtures import PACK_2019, between, block, seed_lines


def test_ofsted_letter_appended_to_the_progress_report() -> None:
    lines = between(seed_lines(PACK_2019), 272, 345)
    doc = extract_letter(block(lines, "letter"))
    assert doc.kind == "letter"
    assert doc.title == "Focused visit to Southwark local authority children's services"
    r = doc.report
    assert r is not None
    assert r.date == "2019-02-07"
    assert r.addressee == (
        "David Quirke-Thornton, Strategic Director for Children and Adults, London Borough of Southwark"
    )
    assert r.from_ == "Andy Whippey, Her Majesty's Inspector"
    headings = [s.heading for s in r.sections]
    assert headings == [
        "",
        "Overview",
        "What needs to improve in this area of social work practice",
        "Findings",
    ]
    improve = r.sections[2].text.split("\n")
    assert improve == [
        "- The quality and timeliness of permanence planning.",
        "- The quality and consistency of recording, including of visits to children, supervision, and "
        "activity by independent reviewing officers (IROs).",
        "- The clarity of action planning in care plans.",
    ]
    findings = r.sections[3]
    # A finding broken by a page break ("In some" / "audits, there was ...") is one paragraph.
    assert "In some audits, there was a lack of clarity" in findings.text
    assert findings.span.last_line < 341  # the sign-off is not part of the body
    assert doc.span.first_line == 272 and doc.span.last_line == 345


def test_letter_with_subject_line_and_faithfully() -> None:
    text = (
        "12 March 2024\n\nCouncillor A Smith\nChair, Audit Committee\nTown Hall\n1 High Street\n\n"
        "Dear Councillor Smith\n\nRe: Annual audit letter 2022-23\n\n"
        "We have completed our audit.\n\nKey findings\n\nNo significant weaknesses were found.\n\n"
        "Yours faithfully\n\nJane Doe\nEngagement Lead\n"
    )
    doc = extract_letter(block(make_lines(text), "letter"))
    assert doc.title == "Annual audit letter 2022-23"
    r = doc.report
    assert r is not None
    assert r.date == "2024-03-12"
    assert r.addressee == "Councillor A Smith, Chair, Audit Committee, Town Hall"
    assert r.from_ == "Jane Doe, Engagement Lead"
    assert [(s.heading, s.text) for s in r.sections] == [
        ("", "We have completed our audit."),
        ("Key findings", "No significant weaknesses were found."),
    ]


def test_text_that_is_not_really_a_letter_still_gives_a_letter_document() -> None:
    doc = extract_letter(block(make_lines("Just one line of text"), "letter"))
    assert doc.kind == "letter"
    assert doc.report is not None and doc.report.date is None
