"""Tracking reads papers' texts in worker processes for big batches: same facts as in-process."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutebook.parser.pipeline import parse_file
from minutebook.tracking import text_facts as tf


def _texts(seeds_dir: Path) -> list[str]:
    texts = []
    for path in sorted(seeds_dir.iterdir()):
        result = parse_file(path)
        lines = result.text.split("\n")
        for doc in result.documents:
            texts.append("\n".join(lines[doc.span.first_line - 1 : doc.span.last_line]))
    return texts


def test_worker_processes_read_the_same_facts_as_this_process(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _texts(seeds_dir)
    here = [tf.text_facts(t) for t in texts]
    assert sum(len(f.figures) for f in here) > 20  # the seeds carry figures...
    assert sum(len(f.commitments) for f in here) > 5  # ...and commitments
    monkeypatch.setattr(tf, "PARALLEL_FROM", 1)
    monkeypatch.setattr(tf.os, "cpu_count", lambda: 2)
    with tf.TextFactsReader(len(texts)) as reader:
        assert reader.pool is not None
        first = reader.submit(texts)
        second = reader.submit(texts[:3])
        assert second() == here[:3]
        assert first() == here


def test_a_small_batch_is_read_in_this_process(seeds_dir: Path) -> None:
    reader = tf.TextFactsReader(tf.PARALLEL_FROM - 1)
    assert reader.pool is None
    texts = _texts(seeds_dir)[:2]
    assert reader.submit(texts)() == [tf.text_facts(t) for t in texts]


def test_worker_processes_find_the_same_requests_as_this_process(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    from minutebook.tracking.requests_detect import detect_requests

    items = [
        (text, dt.date.fromisoformat(doc.meeting.date or "2020-01-01"), minuted)
        for path in sorted(seeds_dir.iterdir())
        for doc in parse_file(path).documents
        if doc.minutes is not None
        for item in doc.minutes.items
        for text, minuted in [(r.text, False) for r in item.resolutions] + [(item.discussion, True)]
    ]
    here = [detect_requests(t, on, minuted=minuted) for t, on, minuted in items]
    assert sum(len(found) for found in here) > 0  # the minutes ask for things
    monkeypatch.setattr(tf, "PARALLEL_FROM", 1)
    monkeypatch.setattr(tf.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(tf, "REQUEST_CHUNK", 2)  # several tasks, results kept in order
    with tf.TextFactsReader(len(items)) as reader:
        assert reader.pool is not None
        assert reader.submit_requests(items)() == here


# -- reading ahead during ingest ---------------------------------------------------------------


def test_read_ahead_facts_are_those_of_the_texts_tracking_reads(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.iterdir()):
        result = parse_file(path)
        ahead = tf.documents_facts(result)
        lines = result.text.split("\n")
        for doc in result.documents:
            text = "\n".join(lines[doc.span.first_line - 1 : doc.span.last_line])
            if doc.kind in tf.UNREAD_KINDS:
                continue
            assert ahead[tf.text_key(text)] == tf.text_facts(text), (path.name, doc.title)


def test_known_facts_are_taken_and_only_the_others_read(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _texts(seeds_dir)
    here = [tf.text_facts(t) for t in texts]
    # Known facts are taken as given: a marked stand-in shows they were not read again.
    marked = tf.TextFacts([], [], ())
    known = {tf.text_key(t): marked for t in texts[::2]}
    read: list[str] = []

    def counting(chunk: list[str]) -> list[tf.TextFacts]:
        read.extend(chunk)
        return [tf.text_facts(t) for t in chunk]

    monkeypatch.setattr(tf, "_chunk_facts", counting)
    got = tf.TextFactsReader(tf.PARALLEL_FROM - 1).submit(texts, known)()
    assert len(got) == len(texts)
    for i, facts in enumerate(got):
        if i % 2 == 0:
            assert facts is marked
        else:
            assert facts == here[i]
    assert read == texts[1::2]


def test_read_ahead_keeps_pickled_facts_up_to_its_limit(seeds_dir: Path) -> None:
    import pickle

    result = parse_file(sorted(seeds_dir.iterdir())[0])
    facts = tf.documents_facts(result)
    assert facts
    pickled = pickle.dumps(facts)
    kept = tf.ReadAheadFacts(limit=len(pickled) * 2)
    kept.keep(pickled)
    kept.keep(pickled)
    kept.keep(pickled)  # over the limit: dropped (tracking reads these texts itself)
    kept.keep(None)  # a job that read nothing ahead
    assert kept.size == 2 * len(pickled)
    assert kept.facts() == facts


def test_a_parse_reading_ahead_is_the_plain_parse_with_facts(seeds_dir: Path) -> None:
    import pickle

    from minutebook.record.parsing import parse_job

    path = sorted(seeds_dir.iterdir())[0]
    done = tf.parse_reading_ahead(path.name, path.read_bytes())
    plain = parse_job(path.name, path.read_bytes())
    assert not isinstance(plain, Exception) and done.outcome == plain
    assert isinstance(done.ahead, bytes)
    assert pickle.loads(done.ahead) == tf.documents_facts(plain)  # type: ignore[arg-type]
    failed = tf.parse_reading_ahead("empty.txt", b"")
    assert pickle.loads(failed.ahead) == {}  # type: ignore[arg-type]
