"""The seed papers, ingested for real, published as OParl: every object validates and
every public fact of the record is there (counts follow the record, not fixed numbers)."""

from __future__ import annotations

from collections import Counter

import pytest
from django.test import Client

from minutebook.record import models as m
from minutebook.record import visibility as vis
from minutebook.record.ingest import ingest_paths
from tests.api.oparl_schema import kind_of, validate_oparl
from tests.api.test_oparl import crawl
from tests.conftest import SEEDS

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def test_the_seed_record_validates_as_oparl_and_is_complete() -> None:
    summary = ingest_paths([str(SEEDS)], progress=False)
    assert summary.files == 5
    assert m.Meeting.objects.exists()
    objects, _ = crawl(Client(), fetch_listed=False)
    errors = [error for obj in objects.values() for error in validate_oparl(obj)]
    assert errors == []
    kinds = Counter(kind_of(obj) for obj in objects.values())
    public_reports = vis.public_reports(m.Report.objects.all())
    expected = {
        "Body": m.Council.objects.count(),
        "LegislativeTerm": m.MunicipalYear.objects.count(),
        "Organization": m.Committee.objects.count(),
        "Person": m.Person.objects.count(),
        "Membership": vis.public_memberships(m.Membership.objects.all()).count(),
        "Meeting": m.Meeting.objects.count(),
        "AgendaItem": vis.public_agenda_items(m.AgendaItem.objects.all()).count(),
        "Paper": public_reports.count(),
        "Consultation": public_reports.filter(meeting__isnull=False).count(),
        "File": vis.public_sources(m.SourceFile.objects.all()).count(),
    }
    assert {kind: kinds[kind] for kind in expected} == expected
    assert kinds["Paper"] > 0 and kinds["File"] > 0
