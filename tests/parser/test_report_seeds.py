"""Officers' reports of the seed papers: exact header fields, recommendations, audit trails.

Expected values were read off the source text by hand.
"""

from __future__ import annotations

import json

import pytest

from minutebook.parser.models import Document
from minutebook.parser.report import extract_report
from tests.parser.report_fixtures import (
    ITEM7_MARKDOWN,
    PACK_2019,
    PACK_2020,
    WORK_PLAN_2024,
    block,
    report_slice,
    seed_lines,
)


def _report(name: str, item: str | None = None, *, normalised: bool = True) -> Document:
    lines = seed_lines(name, normalised=normalised)
    if item is not None:
        lines = report_slice(lines, item)
    return extract_report(block(lines))


@pytest.mark.parametrize("normalised", [True, False], ids=["normalised", "raw"])
def test_item_7_of_the_2020_pack_header(normalised: bool) -> None:
    doc = _report(PACK_2020, "7", normalised=normalised)
    r = doc.report
    assert r is not None
    assert r.item_number == "7"
    assert r.classification == "open"
    assert r.exempt_paragraph is None
    assert r.date == "2020-11-04"
    assert r.meeting_name == "Corporate Parenting Committee"
    assert (
        doc.title
        == "Feedback from Inspections of Children's Social Care and Youth Offending Services"
    )
    assert r.wards == "All"
    assert r.from_ == "Alasdair Smith, Director of Children & Families"
    assert doc.part == "open"
    assert doc.meeting.date == "2020-11-04"
    assert [x.text for x in r.recommendations] == ["To note the contents of this report"]
    assert [x.number for x in r.recommendations] == ["1"]
    assert r.recommendations[0].span.first_line == 298
    assert r.appendices == ()


def test_item_7_of_the_2020_pack_audit_trail() -> None:
    audit = _report(PACK_2020, "7").report.audit_trail  # type: ignore[union-attr]
    assert audit is not None
    assert audit.lead_officer == "Alasdair Smith, Director, Children and Families"
    assert audit.report_author == "Alasdair Smith, Director, Children and Families"
    assert audit.version == "Final"
    assert audit.dated == "2020-10-27"
    assert audit.key_decision is False
    assert audit.final_report_sent == "2020-10-27"
    assert [(c.officer, c.comments_sought, c.comments_included) for c in audit.consultation] == [
        ("Director of Law and Democracy", False, False),
        ("Strategic Director of Finance and Governance", False, False),
        ("Cabinet Member", False, False),
    ]
    assert audit.span is not None and (audit.span.first_line, audit.span.last_line) == (447, 457)


def test_item_7_sections_and_their_text() -> None:
    r = _report(PACK_2020, "7").report
    assert r is not None
    headings = [s.heading for s in r.sections]
    assert headings[:6] == [
        "PURPOSE",
        "RECOMMENDATIONS",
        "BACKGROUND",
        "Children's Social Care and Early Help",
        "Youth Offending Service",
        "KEY ISSUES FOR CONSIDERATION",
    ]
    for expected in (
        "Policy implications",
        "Community impact statement",
        "Resource implications",
        "Legal implications",
        "Financial implications",
        "BACKGROUND DOCUMENTS",
        "APPENDICES",
        "AUDIT TRAIL",
    ):
        assert expected in headings
    background = r.sections[headings.index("Children's Social Care and Early Help")]
    # Paragraph 5 runs over a page break ("... This" / "report is based on ...") and is joined.
    assert (
        "5. On 2 October, the inspection team provided feedback about their findings. This report is "
        "based on what was shared in that meeting" in background.text
    )
    assert background.text.count("\n") == 3  # paragraphs 2, 3, 4 and 5, one per line
    assert r.sections[headings.index("Legal implications")].text == "67. None were identified."


def test_same_report_in_two_layouts_gives_the_same_structure() -> None:
    """Item 7 inside the 4 November 2020 pack and the separate markdown file."""

    def quotes(text: str | None) -> str | None:
        # The markdown file uses typographic apostrophes where the pack has straight ones.
        if text is None:
            return None
        return (
            text.replace("\u2019", "'")
            .replace("\u2018", "'")
            .replace("\u201c", '"')
            .replace("\u201d", '"')
        )

    pack = _report(PACK_2020, "7")
    markdown = _report(ITEM7_MARKDOWN)
    a, b = pack.report, markdown.report
    assert a is not None and b is not None
    for field in (
        "item_number",
        "classification",
        "exempt_paragraph",
        "date",
        "meeting_name",
        "wards",
        "from_",
    ):
        assert getattr(a, field) == getattr(b, field), field
    assert quotes(pack.title) == quotes(markdown.title)
    assert [(x.number, x.text) for x in a.recommendations] == [
        (x.number, x.text) for x in b.recommendations
    ]
    assert len(a.sections) == len(b.sections) == 26
    for x, y in zip(a.sections, b.sections, strict=True):
        assert quotes(x.heading) == quotes(y.heading)
        assert quotes(x.text) == quotes(y.text), x.heading
    ta, tb = a.audit_trail, b.audit_trail
    assert ta is not None and tb is not None
    assert (
        ta.lead_officer,
        ta.report_author,
        ta.version,
        ta.dated,
        ta.key_decision,
        ta.final_report_sent,
    ) == (
        tb.lead_officer,
        tb.report_author,
        tb.version,
        tb.dated,
        tb.key_decision,
        tb.final_report_sent,
    )
    assert [(c.officer, c.comments_sought, c.comments_included) for c in ta.consultation] == [
        (c.officer, c.comments_sought, c.comments_included) for c in tb.consultation
    ]
    assert a.appendices == b.appendices == ()


def test_markdown_report_keeps_no_html_in_its_fields() -> None:
    doc = _report(ITEM7_MARKDOWN)
    dumped = json.dumps(doc.to_json())
    assert "<b>" not in dumped and "</b>" not in dumped and "**" not in dumped


@pytest.mark.parametrize(
    ("item", "title", "wards", "author", "dated", "recommendations", "from_"),
    [
        (
            "6",
            "Ofsted Progress Report Ofsted Focused Visit January 2019",
            None,
            "Tom Stevenson, Assistant Director, Quality and Performance",
            "2019-02-14",
            2,
            "Director of Children and Families",
        ),
        (
            "7",
            "Progress Report on Independent Reviewing Officer (IRO) Escalations",
            "None",
            "Tom Stevenson, Assistant Director, Quality and Performance",
            "2019-02-14",
            1,
            "Director of Children and Families",
        ),
        (
            "8",
            "Brief Report on the 'We Will' Statements in Children Looked After and Care Leavers Placement "
            "Sufficiency Strategy 2018- 2022 and Draft Sufficiency Dashboard",
            "All",
            "Kelly Henry, Head of Service and Helen Woolgar, Assistant Director, Safeguarding and Care",
            "2019-02-18",
            1,
            "Director of Children and Families",
        ),
        (
            "9",
            "Corporate Parenting Committee \u2013 Work Plan 2018-19",
            "All",
            "Paula Thornton, Constitutional Officer",
            "2019-02-14",
            2,
            "Director, Children and Families",
        ),
    ],
)
def test_reports_of_the_2019_pack(
    item: str,
    title: str,
    wards: str | None,
    author: str,
    dated: str,
    recommendations: int,
    from_: str,
) -> None:
    doc = _report(PACK_2019, item)
    r = doc.report
    assert r is not None
    assert r.item_number == item
    assert r.classification == "open"
    assert r.date == "2019-02-26"
    assert r.meeting_name == "Corporate Parenting Committee"
    assert doc.title == title
    assert r.wards == wards
    assert r.from_ == from_
    assert r.audit_trail is not None
    assert r.audit_trail.report_author == author
    assert r.audit_trail.dated == dated
    assert r.audit_trail.final_report_sent == dated
    assert r.audit_trail.key_decision is False
    assert len(r.recommendations) == recommendations


def test_recommendations_of_the_ofsted_progress_report() -> None:
    r = _report(PACK_2019, "6").report
    assert r is not None
    assert [(x.number, x.text) for x in r.recommendations] == [
        (
            "1",
            "That the corporate parenting committee note the contents of the Ofsted letter following the "
            "focused visit on 15 and 16 January 2019 (Appendix 1).",
        ),
        (
            "2",
            "That the corporate parenting committee note the evidence of consistent progress and improvement "
            "with services for children in care since the last inspection in March 2017 under the single "
            "inspection framework.",
        ),
    ]
    assert r.appendices == ("Appendix 1: Letter from Ofsted February 2019",)


def test_work_plan_report_with_broken_classification_label() -> None:
    """003: "Classi f Open fication:" and "Ward(s) affected: or groups All"."""
    doc = _report(WORK_PLAN_2024)
    r = doc.report
    assert r is not None
    assert r.item_number == "11"
    assert r.classification == "open"
    assert r.date == "2024-02-28"
    assert r.meeting_name == "Corporate Parenting Committee"
    assert doc.title == "Corporate Parenting Committee \u2013 Work Plan 2023-24"
    assert r.wards == "All"
    assert r.from_ == "Director of Children and Families"
    assert [x.text for x in r.recommendations] == [
        "That the corporate parenting committee agree the approach and work plan as set out in the report.",
        "That the committee review and identify any further items for consideration in the work plan.",
    ]
    audit = r.audit_trail
    assert audit is not None
    assert audit.lead_officer == "Alasdair Smith, Director of Children and Families"
    assert audit.report_author == "Beverley Olamijulo/ Paula Thornton, Constitutional Team"
    assert audit.version == "Final"
    assert audit.dated == "2024-02-20"
    assert audit.key_decision is False
    assert [(w.meeting_date, w.items) for w in doc.work_plan] == [
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


def test_report_output_is_json_and_every_element_has_a_span() -> None:
    doc = _report(PACK_2020, "11")
    out = doc.to_json()
    json.dumps(out)
    r = doc.report
    assert r is not None
    spans = (
        [s.span for s in r.sections]
        + [t.span for t in r.tables]
        + [x.span for x in r.recommendations]
    )
    spans += [w.span for w in doc.work_plan]
    assert spans
    for span in spans:
        assert doc.span.first_line <= span.first_line <= span.last_line <= doc.span.last_line


def test_same_report_in_two_layouts_through_the_whole_pipeline() -> None:
    """The pack is segmented by the pipeline; its item 7 equals the separate markdown file."""
    from minutebook.parser.pipeline import parse_file
    from tests.parser.report_fixtures import SEEDS

    def report_json(name: str) -> dict:  # type: ignore[type-arg]
        result = parse_file(SEEDS / name)
        doc = next(
            d for d in result.documents if d.report is not None and d.report.item_number == "7"
        )
        out = doc.to_json()
        for key in ("span", "recommendation_details"):
            out.pop(key)
        out["sections"] = [{"heading": s["heading"], "text": s["text"]} for s in out["sections"]]
        out["tables"] = [{"header": t["header"], "rows": t["rows"]} for t in out["tables"]]
        out["audit_trail"].pop("span")
        out["audit_trail"]["consultation"] = [
            {k: v for k, v in c.items() if k != "span"} for c in out["audit_trail"]["consultation"]
        ]
        text = json.dumps(out, ensure_ascii=False, sort_keys=True)
        # The markdown file has typographic quotes where the pack has straight ones.
        for curly, straight in (
            ("\u2019", "'"),
            ("\u2018", "'"),
            ("\u201c", '\\"'),
            ("\u201d", '\\"'),
        ):
            text = text.replace(curly, straight)
        return json.loads(text)  # type: ignore[no-any-return]

    assert report_json(PACK_2020) == report_json(ITEM7_MARKDOWN)
