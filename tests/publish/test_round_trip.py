"""Round trip: a pack produced by minutebook, read back by the parser, gives the same structure.

The pack is produced from a hand-built record, saved as PDF and as HTML, and
each is fed to `parse_bytes`. From the agenda documents the parser finds (the
front sheet and the order of business) we expect back: committee, meeting
date, time and venue, the membership with roles, and every agenda item with
its number, title, time and page range. The packs are rendered once for the
session (`conftest.py`): the parser's reading does not depend on the database.
"""

from __future__ import annotations

import re
from typing import Any

from minutebook.parser.models import ParseResult
from minutebook.parser.pipeline import parse_bytes
from minutebook.publish.pack import Pack
from tests.publish.conftest import LONG_TITLE, TIMED_ITEM, ProducedPack
from tests.publish.records import CO_OPTED, COMMITTEE, MEMBERS, UPCOMING, VENUE


def _expected_items(pack: Pack) -> list[tuple[str, str, str | None, str | None]]:
    out = []
    for item in pack.items:
        title = item.title.removesuffix(" (7.10PM)")
        time = "19:10" if title == TIMED_ITEM else None
        out.append((item.number.rstrip("."), title, item.pages.replace(" ", "") or None, time))
    return out


def _structure(result: ParseResult) -> dict[str, Any]:
    """What the parser read from the agenda documents (front sheet, order of business)."""
    agendas = [d for d in result.documents if d.kind == "agenda"]
    committee = next((d.committee for d in agendas if d.committee), None)
    meeting = next((d.meeting for d in agendas if d.meeting.date), None)
    membership = sorted(
        {
            (re.sub(r"^(Councillor|Cllr\.?)\s+", "", m.name), m.role)
            for d in agendas
            if d.agenda is not None
            for m in d.agenda.membership
        }
    )
    items = next(
        (
            [
                (
                    (i.number or "").rstrip("."),
                    i.title,
                    (i.pages or "").replace(" ", "") or None,
                    i.time,
                )
                for i in d.agenda.items
            ]
            for d in agendas
            if d.agenda is not None and d.agenda.items
        ),
        [],
    )
    return {
        "committee": committee,
        "date": meeting.date if meeting else None,
        "time": meeting.time if meeting else None,
        "venue": meeting.venue if meeting else None,
        "membership": membership,
        "items": items,
    }


def _expected(pack: Pack) -> dict[str, Any]:
    return {
        "committee": COMMITTEE,
        "date": UPCOMING.isoformat(),
        "time": "18:30",
        "venue": VENUE,
        "membership": sorted([*MEMBERS, *((name, "co-opted") for name in CO_OPTED)]),
        "items": _expected_items(pack),
    }


def _check(result: ParseResult, pack: Pack) -> None:
    kinds = [d.subkind for d in result.documents]
    assert "front_sheet" in kinds and "order_of_business" in kinds, kinds
    got, want = _structure(result), _expected(pack)
    # Every field is compared, so that a failure names all the fields the parser lost.
    lost = [
        f"{key}: parser read {got[key]!r}, the pack printed {want[key]!r}"
        for key in ("committee", "date", "time", "venue", "membership", "items")
        if got[key] != want[key]
    ]
    assert not lost, "\n".join(lost)


def test_pdf_pack_round_trips_through_the_parser(produced: ProducedPack) -> None:
    assert any(i.title.endswith(" (7.10PM)") for i in produced.pack.items)
    result = parse_bytes(produced.pdf, "agenda-pack.pdf")
    assert result.source.format == "pdf"
    _check(result, produced.pack)


def test_html_pack_round_trips_through_the_parser(produced: ProducedPack) -> None:
    result = parse_bytes(produced.html.encode("utf-8"), "agenda-pack.html")
    assert result.source.format == "html"
    _check(result, produced.pack)


def test_pdf_pack_with_a_wrapped_title_round_trips_through_the_parser(
    produced_long_title: ProducedPack,
) -> None:
    """A title that wraps onto a second line of its cell, with the pages on that line."""
    pack = produced_long_title.pack
    result = parse_bytes(produced_long_title.pdf, "agenda-pack.pdf")
    lines = [re.sub(r"\s+", " ", line).strip() for line in result.text.split("\n")]
    start = next(i for i, line in enumerate(lines) if line.startswith("6. FEEDBACK FROM"))
    assert lines[start] != f"6. {LONG_TITLE}", "the title did not wrap: this test tests nothing"
    got = _structure(result)["items"]
    want = _expected_items(pack)
    assert LONG_TITLE in [title for _, title, _, _ in want]
    assert got == want
