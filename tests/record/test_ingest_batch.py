"""Batch ingest: parsing in worker processes, in order; history rows written in bulk;
versions found within one batch."""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from django.db import transaction

from minutebook.record import models as m
from minutebook.record.ingest import IngestSummary, ingest_bytes, ingest_paths
from minutebook.record.load_cleanup import PROVENANCE_MODELS
from minutebook.record.loader import load
from minutebook.record.parsing import ParseFailure, _pool, _submit, parse_job, parse_ordered
from minutebook.record.upsert import _history_manager
from tests.record import builders as b
from tests.record import crashing_parse


def _seed_papers(seeds_dir: Path) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in sorted(seeds_dir.glob("*.txt"))]


def test_workers_yield_the_same_outcomes_in_the_same_order(seeds_dir: Path) -> None:
    papers = _seed_papers(seeds_dir) * 2
    items = [*papers[:3], ("skip", b""), *papers[3:]]

    def what(item: tuple[str, bytes]) -> tuple[str, bytes] | None:
        return None if item[0] == "skip" else item

    serial = list(parse_ordered(items, what, workers=0))
    parallel = list(parse_ordered(items, what, workers=2, ahead=3))
    assert [i for i, _ in parallel] == items
    assert parallel[3][1] is None  # nothing to parse: passed through, in its place
    assert [o.to_json() if o else None for _, o in parallel] == [
        o.to_json() if o else None for _, o in serial
    ]
    assert parallel[0][1] == parse_job(*papers[0])


def test_a_crashing_worker_costs_only_its_file(seeds_dir: Path) -> None:
    papers = _seed_papers(seeds_dir)
    items = [papers[0], ("crash", b"x"), *papers[1:]]
    out = list(parse_ordered(items, lambda i: i, workers=2, ahead=4, job=crashing_parse.job))
    assert [i for i, _ in out] == items
    crashed = out[1][1]
    assert isinstance(crashed, ParseFailure) and crashed.crashed
    assert "crashed" in crashed.message
    for item, outcome in (out[0], *out[2:]):
        assert not isinstance(outcome, ParseFailure), item[0]


def test_a_submit_to_a_pool_already_broken_is_parsed_again_not_raised(seeds_dir: Path) -> None:
    # CI found this race: the crash broke the pool before the next file was submitted,
    # and submit raised BrokenProcessPool out of the batch.
    pool = _pool(1)
    try:
        with pytest.raises(BrokenProcessPool):
            pool.submit(crashing_parse.job, "crash", b"x").result()
        late = _submit(pool, crashing_parse.job, _seed_papers(seeds_dir)[0])
        with pytest.raises(BrokenProcessPool):
            late.result(timeout=0)
    finally:
        pool.shutdown(wait=True)


@pytest.mark.django_db
@pytest.mark.db_both
def test_parallel_ingest_loads_what_a_serial_one_does(seeds_dir: Path) -> None:
    with transaction.atomic():
        serial = ingest_paths([seeds_dir], workers=0).report.as_dict()
        counts = {model: model.objects.count() for model in PROVENANCE_MODELS}
        transaction.set_rollback(True)
    assert m.SourceFile.objects.count() == 0
    parallel = ingest_paths([seeds_dir], workers=2)
    assert not parallel.failures
    assert parallel.report.as_dict() == serial
    assert {model: model.objects.count() for model in PROVENANCE_MODELS} == counts
    assert not ingest_paths([seeds_dir], workers=2).report.changed


@pytest.mark.django_db
@pytest.mark.db_both
def test_bulk_history_rows_equal_simple_historys_own() -> None:
    source = m.SourceFile.objects.create(sha256="x" * 64, original_name="pack.txt", content=b"")
    load(b.pack(), source=source)
    models = [m.Document, m.Meeting, m.Person, *PROVENANCE_MODELS]
    checked = 0
    for model in models:
        manager = _history_manager(model)
        if manager is None:
            continue
        objs = list(model.objects.all())
        assert objs, model
        manager.bulk_history_create(objs)  # simple-history's own rows, for the same records
        history = manager.model
        names = [f.attname for f in history.tracked_fields] + ["history_type", "history_user_id"]
        names.append("history_change_reason")
        for obj in objs:
            ours, theirs = (
                tuple(getattr(h, n) for n in names)
                for h in history.objects.filter(id=obj.pk).order_by("history_id")
            )
            assert ours == theirs, (model.__name__, obj.pk)
            checked += 1
    assert checked > 20


@pytest.mark.django_db
@pytest.mark.db_both
def test_a_new_version_in_another_folder_of_the_same_batch_supersedes(seeds_dir: Path) -> None:
    text = (seeds_dir / "003_e9eb5ed99e3440bf.txt").read_text()
    summary = IngestSummary()
    ingest_bytes(text.encode(), "2020/workplan.txt", summary)
    ingest_bytes((text + "\nRepublished.\n").encode(), "2021/workplan.txt", summary)
    old, new = m.SourceFile.objects.order_by("pk")
    assert new.supersedes == old
    assert summary.touched_sources == {old.pk, new.pk}
    assert summary.touched_committees  # the committees of both versions' meetings
    assert not old.documents.exclude(meeting=None).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.db_both
def test_a_big_batch_refreshes_postgresql_statistics(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.db import connection

    from minutebook.record import ingest

    monkeypatch.setattr(ingest, "ANALYZE_AFTER_PAPERS", 3)  # the five seed papers are "big"
    statements: list[str] = []

    def record(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        summary = ingest_paths([seeds_dir], workers=0)
    assert summary.new_sources == 5
    analyzed = "ANALYZE" in statements
    if connection.vendor == "postgresql":
        assert analyzed
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'record_meeting'"
            )
            assert cursor.fetchone() == (True,)
    else:
        assert not analyzed  # SQLite plans without them


@pytest.mark.django_db
@pytest.mark.db_both
def test_parser_processes_read_ahead_what_tracking_reads(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from minutebook.tracking import text_facts

    with transaction.atomic():
        serial = ingest_paths([seeds_dir], workers=0).tracking
        transaction.set_rollback(True)
    assert serial["figures"] > 0 and serial["commitments"] > 0
    read_here: list[str] = []
    real = text_facts._chunk_facts

    def spy(texts: list[str]) -> list[text_facts.TextFacts]:
        read_here.extend(texts)
        return real(texts)

    monkeypatch.setattr(text_facts, "_chunk_facts", spy)  # this process only, not the workers
    parallel = ingest_paths([seeds_dir], workers=2)
    assert parallel.tracking == serial
    assert read_here == []  # every text tracking read had been read ahead by the workers


def test_parser_processes_give_way_to_the_loading_process() -> None:
    import os

    from minutebook.record.parsing import WORKER_NICENESS

    with _pool(1) as pool:
        theirs = pool.submit(os.nice, 0).result()
    assert theirs == min(os.nice(0) + WORKER_NICENESS, 19)
