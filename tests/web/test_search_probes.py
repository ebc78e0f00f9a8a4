"""Search finds the newest matches however the backend probes for them (both databases).

PostgreSQL looks for the newest matches range by range (a walk down the primary key,
then walks or bitmap probes sized from the density seen). Shrinking the probes makes a
small index take every path; the results must be the newest matching rows, counted to
the cap, whatever the path.
"""

from __future__ import annotations

from typing import Any

import pytest

from minutebook.record import models as m
from minutebook.web.models import SearchEntry
from minutebook.web.search import backends, reindex, search

pytestmark = [pytest.mark.django_db, pytest.mark.db_both]


def _newest(word: str, **filters: Any) -> list[int]:
    rows = SearchEntry.objects.filter(body__icontains=word, closed=False, **filters)
    return list(rows.order_by("-id").values_list("id", flat=True))


def _objects(results: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return sorted((r["model"], r["object_id"]) for r in results)


@pytest.fixture
def spread(record: dict[str, Any], monkeypatch: Any) -> list[tuple[str, int]]:
    """Ten matches spread over the newest rows, a small cap and window: the objects of
    the five newest matching rows (the window)."""
    minute = record["minute"]
    for order in range(10, 40):
        text = "Zephyrine grant approved" if order % 3 == 0 else "Other business"
        m.Resolution.objects.create(minute=minute, order=order, text=f"{text} {order}")
    m.Resolution.objects.create(minute=minute, order=40, text="A rare quetzalcoatl mention")
    reindex()
    expected = _newest("zephyrine")
    assert len(expected) == 10
    monkeypatch.setattr(backends, "COUNT_CAP", 7)
    monkeypatch.setattr(backends, "RANK_WINDOW", 5)
    window = SearchEntry.objects.filter(id__in=expected[:5]).values_list("model", "object_id")
    return sorted(window)


def test_every_probe_path_finds_the_newest_matches(
    spread: list[tuple[str, int]], monkeypatch: Any
) -> None:
    # Every size of first walk, then walks only (a large budget) or bitmap probes sized
    # from the density seen (no budget): each range boundary falls on every row once.
    for first in range(1, SearchEntry.objects.count() + 2):
        for budget in (0, 10_000):
            monkeypatch.setattr(backends.PostgresFTS, "WALK_FIRST", first)
            monkeypatch.setattr(backends.PostgresFTS, "WALK_BUDGET", budget)
            found = search("zephyrine")
            assert (found.total, found.capped) == (7, True), (first, budget)
            assert _objects(found.results) == spread, (first, budget)


def test_phrases_rare_words_and_filters_through_small_probes(
    spread: list[tuple[str, int]], monkeypatch: Any
) -> None:
    monkeypatch.setattr(backends.PostgresFTS, "WALK_FIRST", 3)
    monkeypatch.setattr(backends.PostgresFTS, "WALK_BUDGET", 2)
    phrase = search('"zephyrine grant"')
    assert phrase.capped and _objects(phrase.results) == spread
    assert search('"grant zephyrine"').total == 0
    rare = search("quetzalcoatl")
    assert (rare.total, rare.capped, len(rare.results)) == (1, False, 1)
    assert search("zephyrine quetzalcoatl").total == 0
    only_resolutions = search("zephyrine", kinds=["resolution"])
    assert only_resolutions.total == min(7, len(_newest("zephyrine", kind="resolution")))


def test_new_entries_are_merged_into_the_gin_index_not_left_pending() -> None:
    """PostgreSQL: every search scans the GIN index's pending list until a vacuum merges
    it; the index writer merges it itself (gin_clean_pending_list) after a write."""
    from django.db import connection

    from minutebook.web.search.incremental import GIN_INDEX
    from tests.sample_record import build_sample_record

    build_sample_record()
    assert reindex() > 0
    assert search("sufficiency").total > 0
    if connection.vendor != "postgresql":
        return  # SQLite's FTS5 has no pending list
    with connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pgstattuple")
        cursor.execute("SELECT pending_pages, pending_tuples FROM pgstatginindex(%s)", [GIN_INDEX])
        assert cursor.fetchone() == (0, 0)
