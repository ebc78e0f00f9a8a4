"""A stream's papers are committed in groups; each paper still succeeds or fails alone."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import connection

from minutebook.record import ingest
from minutebook.record import models as m

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.db_both]


def _papers(seeds_dir: Path) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(seeds_dir.glob("*.txt"))[:3]]


def test_a_loader_failure_in_a_group_loses_only_that_paper(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    papers = _papers(seeds_dir)
    real_load = ingest.load

    def load(result, *, source, session):  # type: ignore[no-untyped-def]
        if source.original_name == papers[1][0]:
            raise RuntimeError("a loader bug")
        return real_load(result, source=source, session=session)

    monkeypatch.setattr(ingest, "load", load)
    summary = ingest.ingest_stream(papers)
    assert not connection.in_atomic_block  # the group was committed
    failed = m.SourceFile.objects.get(original_name=papers[1][0])
    assert failed.parse_status == "failed" and "a loader bug" in failed.errors[0]
    assert not failed.documents.exists()  # its half-loaded facts were rolled back
    for name, _ in (papers[0], papers[2]):
        assert m.SourceFile.objects.get(original_name=name).documents.exists()
    assert [f.name for f in summary.failures] == [papers[1][0]]


def test_an_error_that_stops_the_stream_keeps_the_papers_before_it(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    papers = _papers(seeds_dir)
    real_add = ingest._add_new

    def add_new(data, name, digest, outcome, session):  # type: ignore[no-untyped-def]
        if name == papers[2][0]:
            raise OSError("disk full")
        return real_add(data, name, digest, outcome, session)

    monkeypatch.setattr(ingest, "_add_new", add_new)
    with pytest.raises(OSError, match="disk full"):
        ingest.ingest_stream(papers)
    assert not connection.in_atomic_block
    stored = set(m.SourceFile.objects.values_list("original_name", flat=True))
    assert stored == {papers[0][0], papers[1][0]}  # committed before the error
    assert m.Document.objects.filter(source__original_name=papers[1][0]).exists()
