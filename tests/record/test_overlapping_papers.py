"""Several papers about one meeting: each keeps its own facts, and reloading them is a no-op.

Real papers of Kent County Council (corpus/councils, see its SOURCES.md): the agenda front
sheet, the minutes and a proposed record of decision of the Cabinet of 30 January 2025, and
the minutes of the County Council of 13 March 2025, where Ms J Meade and Mr J Meade both sat.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.record import models as m
from minutebook.record.ingest import ingest_paths, reparse_all
from minutebook.record.mapping import same_place
from minutebook.record.people import honorific_sex

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]

COUNCILS = Path(__file__).resolve().parents[2] / "corpus" / "councils"
CABINET = [
    COUNCILS / "03_kent-cabinet-agenda-frontsheet-2025-01-30.txt",
    COUNCILS / "04_kent-cabinet-minutes-2025-01-30.txt",
    COUNCILS / "05_kent-cabinet-proposed-record-of-decision-24-00115-2025-01-30.txt",
]
COUNTY_COUNCIL = COUNCILS / "07_kent-county-council-minutes-2025-03-13.txt"


def _cabinet_minutes() -> list[m.Minute]:
    meeting = m.Meeting.objects.get(committee__name="Cabinet", date="2025-01-30")
    return list(m.Minute.objects.filter(meeting=meeting).order_by("order"))


def test_a_decision_notice_never_writes_over_the_minutes_first_item() -> None:
    """Regression: the record of decision's item was placed by its index (1), on the minutes'
    item 1, so its three decisions were shown as resolutions of "84 Apologies"."""
    assert not ingest_paths(CABINET).failures
    minutes = _cabinet_minutes()
    apologies = minutes[0]
    assert (apologies.number, apologies.title) == ("84", "Apologies")
    assert not apologies.resolutions.exists() and apologies.reasons == ""
    decision = minutes[-1]
    assert decision.number == "24/00115"
    assert decision.title == "Adoption of the Integrated Care Strategy Delivery Plan"
    assert decision.document.kind == "decision"
    texts = list(decision.resolutions.order_by("order").values_list("text", flat=True))
    assert len(texts) == 3 and texts[0].startswith("To ADOPT the Integrated Care Strategy")
    assert decision.reasons.startswith("To adopt the ICS Delivery Plan")
    # The minutes' own item on that decision keeps the minutes' resolutions.
    [minuted] = [x for x in minutes if x.number == "91"]
    assert minuted.document.kind == "minutes" and minuted.resolutions.count() == 3


def test_papers_about_one_meeting_reparse_without_changes() -> None:
    """Regression: the agenda ("Council Chamber, ...") and the minutes ("the Council Chamber,
    ...") took turns writing the venue, and the decision notice and the minutes the first
    item's reasons: every reparse reported updates and wrote history."""
    ingest_paths([*CABINET, COUNTY_COUNCIL])
    first = reparse_all(workers=0)
    assert not first.failures
    again = reparse_all(workers=0)
    assert again.changed_sources == []
    assert not again.report.changed
    meeting = m.Meeting.objects.get(committee__name="Cabinet", date="2025-01-30")
    assert "Council Chamber, Sessions House" in meeting.venue


def test_namesakes_of_either_sex_are_two_people() -> None:
    """Regression: "Ms J Meade, Mr J Meade" in one attendance list made one attendance row
    (whose title flipped at each load) and one person."""
    ingest_paths([COUNTY_COUNCIL])
    rows = m.Attendance.objects.filter(name_as_written__endswith="J Meade")
    assert sorted(rows.values_list("name_as_written", "honorific")) == [
        ("Mr J Meade", "Mr"),
        ("Ms J Meade", "Ms"),
    ]
    people = {row.person_id for row in rows}
    assert len(people) == 2 and None not in people
    assert sorted(m.Person.objects.filter(pk__in=people).values_list("honorific", flat=True)) == [
        "Mr",
        "Ms",
    ]


def test_same_place_and_honorific_sex() -> None:
    assert same_place("the Council Chamber, Sessions House", "Council Chamber, Sessions House")
    assert same_place("Council Chamber, Sessions House, County Hall", "Council Chamber")
    assert not same_place("Council Chamber", "Committee Room 2")
    assert not same_place("Council Chamber", "Council Chambers")
    assert not same_place("", "Council Chamber")
    assert honorific_sex("Councillor Mrs") == "f"
    assert honorific_sex("Mr.") == "m"
    assert honorific_sex("Councillor") == honorific_sex("Dr") == ""
