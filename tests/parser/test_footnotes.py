"""Footnotes at the foot of a page are taken out of a report's body text."""

from __future__ import annotations

from minutebook.parser.footnotes import without_footnotes
from minutebook.parser.lines import Line


def _page_lines(*pages: list[str]) -> list[Line]:
    out: list[Line] = []
    for page, texts in enumerate(pages, start=1):
        for text in texts:
            out.append(Line(len(out) + 1, text, page))
    return out


def _texts(lines: list[Line]) -> list[str]:
    return [ln.text for ln in without_footnotes(lines)]


def test_numbered_notes_at_a_page_foot_become_blank() -> None:
    lines = _page_lines(
        [
            "3.1 The Council looked after 418 children.",
            "",
            "1 Figures are provisional until the annual return is made.",
            "2 Rate per 10,000 children aged under 18.",
            "",
            "Page 3",
        ],
        ["3.2 The proportion of care leavers in work rose."],
    )
    assert _texts(lines) == [
        "3.1 The Council looked after 418 children.",
        "",
        "",
        "",
        "",
        "Page 3",
        "3.2 The proportion of care leavers in work rose.",
    ]


def test_a_body_numbered_without_dots_keeps_its_last_paragraph() -> None:
    lines = _page_lines(
        ["1 The Council looked after 418 children this year.", "", "2 The rate fell by two."],
        ["3 The rest follows."],
    )
    assert _texts(lines) == [ln.text for ln in lines]


def test_notes_out_of_sequence_a_heading_or_the_last_page_stay() -> None:
    out_of_sequence = _page_lines(
        ["Body text.", "", "1 Figures are provisional for now.", "3 Rate per 10,000 children."],
        ["Next page."],
    )
    heading = _page_lines(["Body text.", "", "4 Background"], ["The Council ..."])
    last_page = _page_lines(["Body text.", "", "1 Figures are provisional for now."])
    for lines in (out_of_sequence, heading, last_page):
        assert _texts(lines) == [ln.text for ln in lines]


def test_numbered_lines_under_a_heading_or_in_a_barely_numbered_paper_stay() -> None:
    under_heading = _page_lines(
        ["Body text ends here.", "", "Recommendations", "", "1 That the Committee notes it."],
        ["More text."],
    )
    numbered_elsewhere = _page_lines(
        ["Body text ends here.", "", "1 That the Committee notes the report."],
        ["2 That a further report be brought in June."],
    )
    for lines in (under_heading, numbered_elsewhere):
        assert _texts(lines) == [ln.text for ln in lines]
