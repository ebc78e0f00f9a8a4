"""The record does not depend on the order papers arrive in (a batch, or one file at a time).

Real papers of two councils: Southwark's five seed papers and four Kent County Council papers
(agenda, minutes, a record of decision, County Council minutes), loaded forwards and then, in
an empty database, backwards. Papers whose council is unknown are left out on purpose: they
may come from many councils, so their people are not merged by guesswork (see README).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from minutebook.record import models as m
from minutebook.record.ingest import ingest_paths, reparse_all

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]

ROOT = Path(__file__).resolve().parents[2] / "corpus"
PAPERS = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
    (ROOT / "councils").glob("0[3457]_kent-*.txt")
)


def _facts() -> set[tuple[Any, ...]]:
    def meeting(x: m.Meeting) -> tuple[str, str]:
        return x.committee.name, str(x.date)

    out: set[tuple[Any, ...]] = set()
    for x in m.Meeting.objects.select_related("committee"):
        out.add(("meeting", meeting(x), x.venue, str(x.start_time), str(x.end_time), x.status))
    for x in m.Minute.objects.select_related("meeting__committee"):
        out.add(("minute", meeting(x.meeting), x.number, x.title, x.part, x.reasons))
    for x in m.Resolution.objects.select_related("minute__meeting__committee"):
        out.add(("resolution", meeting(x.minute.meeting), x.minute.number, x.text))
    for x in m.Attendance.objects.select_related("meeting__committee", "person"):
        person = x.person.name if x.person else None
        out.add(("attendance", meeting(x.meeting), x.name_as_written, x.status, x.capacity, person))
    for x in m.AgendaItem.objects.select_related("meeting__committee"):
        out.add(("item", meeting(x.meeting), x.number, x.title, x.part, x.pages))
    for x in m.Membership.objects.select_related("committee", "person"):
        out.add(("membership", x.committee.name, x.person.name, x.role))
    for x in m.Report.objects.all():
        out.add(("report", x.title, x.classification))
    return out


def test_papers_give_the_same_record_in_either_order() -> None:
    assert len(PAPERS) == 9
    assert not ingest_paths(PAPERS, workers=0).failures
    forwards = _facts()
    for model in (m.SourceFile, m.Council):  # everything else hangs from these
        model.objects.all().delete()
    assert not m.Meeting.objects.exists() and not m.Person.objects.exists()
    for paper in reversed(PAPERS):  # one at a time, newest name first
        assert not ingest_paths([paper], workers=0).failures
    backwards = _facts()
    assert len(forwards) > 300
    assert forwards - backwards == set() and backwards - forwards == set()


UNSEEN = Path(__file__).resolve().parents[2] / "tests" / "parser" / "unseen"


def test_a_reparse_right_after_ingest_changes_nothing() -> None:
    """Regression: a paper naming no council went to the only council then known with its
    committee ("Corporate Parenting Panel"); by the reparse another council had one, and the
    meeting moved to "Unknown council". A substitute's `replaces` was found only on reparse,
    when the member's apology came later in the same minutes. Now a reload keeps the council
    its paper went to, and everyone present is known before the rows are written."""
    papers = [
        UNSEEN / "county_report_public_with_exempt_appendix.txt",  # Westbury's panel
        UNSEEN / "district_panel_minutes_prefix_coded_items_agreed.txt",  # names no council
        UNSEEN / "panel_minutes_declarations_two_to_a_paragraph.txt",
        UNSEEN / "minutes_pdf_table_labels_centred.pdf",  # Westmere's panel, after it
        UNSEEN / "city_scrutiny_minutes_substitutes_label_for_member.txt",
        UNSEEN / "committee_minutes_apologies_and_substitution_sentences.txt",
        ROOT / "councils" / "01_kent-corporate-parenting-panel-minutes-2024-10-29.txt",
        ROOT / "councils" / "19_north-norfolk-development-committee-minutes-2011-11-10.txt",
    ]
    assert all(p.exists() for p in papers)
    assert not ingest_paths(papers, workers=0).failures
    substitutes = m.Attendance.objects.filter(capacity="substitute").exclude(replaces_as_written="")
    assert substitutes.exists()
    assert all(a.replaces_id is not None for a in substitutes), [
        (a.name_as_written, a.replaces_as_written) for a in substitutes if a.replaces_id is None
    ]
    again = reparse_all(workers=0)
    assert again.changed_sources == []
    assert not again.report.changed
