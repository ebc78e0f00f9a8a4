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
