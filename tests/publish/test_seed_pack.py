"""A pack for a real seed meeting: ingest Southwark's seed papers, produce the pack for
4 November 2020, and read it back (HTML) with the parser.

This is the whole loop of the project: published papers -> parser -> record ->
next papers -> parser. The expectations come from the record (what the pack
printed), and the membership is checked against the seed front sheet itself.
"""

from __future__ import annotations

import datetime as dt

import pytest

from minutebook.parser.pipeline import parse_bytes
from minutebook.publish.draft import find_committee, save_proposal
from minutebook.publish.pack import build_pack
from minutebook.publish.render import render_pack
from minutebook.record.ingest import ingest_paths
from tests.conftest import SEEDS

# SQLite only: the record's queries are checked on both databases by the tests of
# the hand-built record, and neither the layout nor the parser depends on the database.
pytestmark = [pytest.mark.django_db]

# As printed on the seed front sheet of 4 November 2020 (000_7766e353e14d0d52.txt).
SEED_MEMBERS = {
    ("Jasmine Ali", "chair"),
    ("Evelyn Akoto", "member"),
    ("Maggie Browning", "member"),
    ("Sunny Lambe", "member"),
    ("Stephanie Cryan", "member"),
    ("Eliza Mann", "member"),
    ("Charlie Smith", "member"),
    ("Peter Babudu", "reserve"),
    ("Sunil Chopra", "reserve"),
    ("Nick Dolezal", "reserve"),
    ("Nick Johnson", "reserve"),
    ("Victoria Olisa", "reserve"),
    ("Florence Emakpose", "co-opted"),
    ("Francis Turkson", "co-opted"),
    ("Mark Kerr", "co-opted"),
    ("Rosamond Marshall", "co-opted"),
    ("Tracey Harrison", "co-opted"),
    ("Nicky Stoupe", "co-opted"),
}


def test_seed_meeting_pack_round_trips_as_html() -> None:
    ingest_paths([SEEDS])
    committee = find_committee("corporate-parenting-committee")
    pack = build_pack(save_proposal(committee, dt.date(2020, 11, 4)))
    assert pack.minutes is not None, "the minutes of 8 July 2020 are bundled"
    rendered = render_pack(pack)
    paged = [i for i in pack.items if i.pages]
    assert paged[0].title == "MINUTES" and len(paged) >= 3
    result = parse_bytes(rendered.html.encode("utf-8"), "cpc-2020-11-04-pack.html")
    front = next(d for d in result.documents if d.subkind == "front_sheet")
    assert front.committee == "Corporate Parenting Committee"
    assert (front.meeting.date, front.meeting.time) == ("2020-11-04", "14:00")
    assert front.agenda is not None
    assert {(m.name, m.role) for m in front.agenda.membership} == SEED_MEMBERS
    order = next(d for d in result.documents if d.subkind == "order_of_business")
    assert order.agenda is not None
    got = [(i.number, i.title, i.pages) for i in order.agenda.items]
    want = [(i.number.rstrip("."), i.title, i.pages.replace(" ", "") or None) for i in pack.items]
    assert got == want
