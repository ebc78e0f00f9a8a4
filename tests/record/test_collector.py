"""The garbage collector's batch tuning is undone after the batch, also when it fails."""

from __future__ import annotations

import gc

import pytest

from minutebook.record.collector import BATCH_YOUNG_THRESHOLD, batch_collector


def test_batch_collector_freezes_and_tunes_only_within_the_batch() -> None:
    before = gc.get_threshold()
    assert gc.get_freeze_count() == 0
    with batch_collector():
        assert gc.get_freeze_count() > 0  # what existed before the batch is left out
        assert gc.get_threshold()[0] >= BATCH_YOUNG_THRESHOLD
        assert gc.get_threshold()[1:] == before[1:]
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
        assert gc.collect() >= 1  # cycles made in the batch are still collected
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_batch_collector_is_undone_when_the_batch_fails() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), batch_collector():
        raise RuntimeError("a paper failed")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_batch_collector_leaves_a_disabled_collector_alone() -> None:
    before = gc.get_threshold()
    gc.disable()
    try:
        with batch_collector():
            assert gc.get_freeze_count() == 0
            assert gc.get_threshold() == before
        assert not gc.isenabled()
    finally:
        gc.enable()
