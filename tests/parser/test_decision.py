"""Decision notices (records of decision)."""

from __future__ import annotations

from pathlib import Path

from minutebook.parser.decision import extract_decision
from minutebook.parser.lines import Block, make_lines
from minutebook.parser.pipeline import parse_file

COUNCILS = Path(__file__).resolve().parents[2] / "corpus" / "councils"


def test_kent_proposed_record_of_decision() -> None:
    path = next(COUNCILS.glob("05_*.txt"))
    (d,) = parse_file(path).documents
    assert (d.kind, d.subkind) == ("decision", "decision_notice")
    assert d.title == "Adoption of the Integrated Care Strategy Delivery Plan"
    assert (d.committee, d.council) == ("Cabinet", "Kent County Council")
    # "... prior to decision by Cabinet on 30 January 2025."
    assert d.meeting.date == "2025-01-30"
    assert d.minutes is not None
    (item,) = d.minutes.items
    assert item.number == "24/00115"
    assert [r.number for r in item.resolutions] == ["a", "b", "c"]
    assert item.resolutions[0].text == (
        "To ADOPT the Integrated Care Strategy Delivery Plan on behalf of Kent County Council"
    )
    assert item.resolutions[2].text.endswith("as necessary to implement the decision.")


def test_generic_decision_notice() -> None:
    text = (
        "DECISION NOTICE\n\nDecision No: 2024/17\n\nTitle of Decision: Library opening hours\n\n"
        "Decision:\n\nThat the opening hours be extended.\n\nReasons for Decision:\n\nDemand.\n\n"
        "Dated: 3 May 2024\n"
    )
    d = extract_decision(
        Block(kind="decision", subkind="decision_notice", lines=tuple(make_lines(text)))
    )
    assert d.title == "Library opening hours"
    assert d.meeting.date == "2024-05-03"
    assert d.minutes is not None
    assert [(i.number, [r.text for r in i.resolutions]) for i in d.minutes.items] == [
        ("2024/17", ["That the opening hours be extended."])
    ]
