"""Segmentation of packs into documents, and their classification."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.parser.classify import classify_text
from minutebook.parser.lines import make_lines
from minutebook.parser.pipeline import parse_file
from minutebook.parser.segment import segment

ROOT = Path(__file__).resolve().parents[2] / "corpus"


def layout(path: Path) -> list[tuple[str, str, int, int]]:
    return [
        (d.kind, d.subkind, d.span.first_line, d.span.last_line) for d in parse_file(path).documents
    ]


def test_pack_2020_documents_back_to_back() -> None:
    # Lines checked by hand: front sheet ends at "Date: 27 October 2020" (61), the order of
    # business at its own "Date:" (108), the minutes at "DATED:" (285); reports start at
    # their "Item No." headers (287, 459); the distribution list at its title (576).
    assert layout(ROOT / "seeds" / "000_7766e353e14d0d52.txt") == [
        ("agenda", "front_sheet", 3, 61),
        ("agenda", "order_of_business", 65, 108),
        ("minutes", "minutes", 112, 285),
        ("report", "report", 287, 457),
        ("report", "work_plan", 459, 574),
        ("distribution_list", "distribution_list", 576, 608),
    ]


def test_pack_2019_with_letter_appendix() -> None:
    assert layout(ROOT / "seeds" / "001_b6ed594580014f82.txt") == [
        ("agenda", "front_sheet", 3, 50),
        ("agenda", "order_of_business", 54, 113),
        ("minutes", "minutes", 117, 212),
        ("report", "report", 214, 270),
        # The Ofsted letter (appendix 1 of item 6) starts at its address block.
        ("letter", "letter", 272, 345),
        ("report", "report", 347, 433),
        ("report", "report", 435, 613),
        ("report", "work_plan", 615, 693),
        ("distribution_list", "distribution_list", 695, 718),
    ]


def test_supplemental_agenda_then_its_paper() -> None:
    assert layout(ROOT / "seeds" / "004_d44683e97dcef42b.txt") == [
        ("agenda", "supplemental_agenda", 3, 21),
        ("report", "report", 23, 183),
        ("distribution_list", "distribution_list", 185, 211),
    ]


@pytest.mark.parametrize(
    ("name", "kind", "subkind"),
    [
        ("002_74d68f5cacf3ff33.txt", "report", "report"),
        ("003_e9eb5ed99e3440bf.txt", "report", "work_plan"),
    ],
)
def test_single_report_files(name: str, kind: str, subkind: str) -> None:
    docs = parse_file(ROOT / "seeds" / name).documents
    assert [(d.kind, d.subkind) for d in docs] == [(kind, subkind)]


@pytest.mark.parametrize(
    ("prefix", "kind", "subkind"),
    [
        ("01_", "minutes", "minutes"),
        ("02_", "minutes", "minutes"),
        ("03_", "agenda", "order_of_business"),
        ("04_", "minutes", "minutes"),
        ("05_", "decision", "decision_notice"),
        ("06_", "report", "report"),
        ("07_", "minutes", "minutes"),
        ("09_", "report", "report"),
        ("10_", "minutes", "minutes"),
        ("11_", "minutes", "minutes"),
        ("12_", "minutes", "minutes"),
        ("13_", "minutes", "minutes"),
        ("14_", "minutes", "minutes"),
        ("16_", "minutes", "minutes"),
        ("17_", "minutes", "minutes"),
        ("19_", "minutes", "minutes"),
        ("20_", "minutes", "minutes"),
        ("21_", "minutes", "minutes"),
        ("22_", "minutes", "minutes"),
        ("23_", "minutes", "minutes"),
        ("26_", "minutes", "minutes"),
        ("27_", "minutes", "minutes"),
    ],
)
def test_council_papers_are_one_document_of_the_right_kind(
    prefix: str, kind: str, subkind: str
) -> None:
    path = next(
        p
        for p in (ROOT / "councils").iterdir()
        if p.name.startswith(prefix) and p.suffix in (".txt", ".md")
    )
    docs = parse_file(path).documents
    assert [(d.kind, d.subkind) for d in docs] == [(kind, subkind)]


PACK = """Planning Committee

Tuesday 5 March 2024
7.00 pm
Town Hall, High Street

Order of Business

1. Apologies
2. Minutes (Pages 1 - 4)
3. Housing Strategy (Pages 5 - 20)

Date: 20 February 2024



Planning Committee

MINUTES of the meeting of the Planning Committee held on Tuesday 6 February 2024 at 7.00 pm at the Town Hall

Present: Councillors A Brown (Chair), C Davies and E Evans

1. APOLOGIES

Apologies for absence were received from Councillor F Green.

2. MINUTES OF THE PREVIOUS MEETING

Minutes of the meeting held on 9 January 2024

RESOLVED: That the minutes be approved.

The meeting ended at 8.15 pm.

Item No. 3.\tClassification: Open\tDate: 5 March 2024\tMeeting Name: Planning Committee
Report title:\tHousing Strategy
"""


def test_generic_pack_agenda_minutes_report() -> None:
    blocks = segment(make_lines(PACK))
    assert [(b.kind, b.subkind) for b in blocks] == [
        ("agenda", "order_of_business"),
        ("minutes", "minutes"),
        ("report", "report"),
    ]
    # "Minutes of the meeting held on 9 January 2024" inside the minutes is an item
    # title, not a new document.
    minutes = blocks[1]
    assert minutes.lines[0].text == "Planning Committee"
    assert minutes.lines[-1].text == "The meeting ended at 8.15 pm."


def test_empty_and_blank_input() -> None:
    assert segment(make_lines("")) == []
    assert segment(make_lines("\n\n   \n")) == []


def test_unrecognised_text_is_other() -> None:
    lines = make_lines("The quick brown fox\njumps over the lazy dog.\n")
    assert classify_text(lines) == ("other", "other")
    assert [(b.kind, b.subkind) for b in segment(lines)] == [("other", "other")]


def test_classify_by_content() -> None:
    assert classify_text(make_lines("Present: Councillor A Smith\n\nRESOLVED: That X.\n")) == (
        "minutes",
        "minutes",
    )
    assert classify_text(
        make_lines("Membership\n\nCouncillor A Smith\n\nsummoned to attend\n")
    ) == (
        "agenda",
        "front_sheet",
    )
    assert classify_text(make_lines("RECORD OF DECISION\n\nDecision No: 12/345\n")) == (
        "decision",
        "decision_notice",
    )


CLOSED_PACK = """Audit Committee

Monday 4 March 2024
6.30 pm

Agenda

PART A - OPEN BUSINESS

1. Apologies
2. Internal audit plan (Pages 1 - 10)

PART B - CLOSED BUSINESS

3. Contract award (Pages 11 - 20)

Date: 22 February 2024



Audit Committee

MINUTES of the OPEN section of the Audit Committee held on Monday 5 February 2024 at 6.30 pm

PRESENT: Councillor A Brown (Chair)

1. APOLOGIES

None.

The meeting ended at 7.00 pm.

CHAIR:

DATED:

Audit Committee

MINUTES of the CLOSED section of the Audit Committee held on Monday 5 February 2024 at 7.00 pm

1. CONTRACT AWARD

RESOLVED: That the contract be awarded.
"""


def test_closed_business_is_marked_closed() -> None:
    from minutebook.parser.pipeline import extract

    docs = [extract(b) for b in segment(make_lines(CLOSED_PACK))]
    assert [(d.kind, d.part) for d in docs] == [
        ("agenda", "open"),
        ("minutes", "open"),
        ("minutes", "closed"),
    ]
    agenda = docs[0].agenda
    assert agenda is not None
    assert [(i.number, i.part) for i in agenda.items] == [
        ("1", "open"),
        ("2", "open"),
        ("3", "closed"),
    ]
    closed = docs[2].minutes
    assert closed is not None
    assert closed.part == "closed"
    assert [r.text for i in closed.items for r in i.resolutions] == [
        "That the contract be awarded."
    ]
