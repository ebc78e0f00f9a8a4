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

# (share of the index tested by the first walk, walk budget): walk, then bitmap probes
# sized from the density seen; walks only; a first walk that finds nothing.
PROBES = [(0.3, 0), (0.2, 10_000), (0.05, 0), (0.5, 3)]


def _newest(word: str, **filters: Any) -> list[int]:
    rows = SearchEntry.objects.filter(body__icontains=word, closed=False, **filters)
    return list(rows.order_by("-id").values_list("id", flat=True))


@pytest.mark.parametrize(("walk_first", "walk_budget"), PROBES)
def test_the_newest_matches_are_found_by_every_probe_path(
    record: dict[str, Any], monkeypatch: Any, walk_first: float, walk_budget: int
) -> None:
    minute = record["minute"]
    for order in range(10, 40):
        # Matches spread over the newest rows, so probes must reach back for them.
        text = "Zephyrine grant approved" if order % 3 == 0 else "Other business"
        m.Resolution.objects.create(minute=minute, order=order, text=f"{text} {order}")
    m.Resolution.objects.create(minute=minute, order=40, text="A rare quetzalcoatl mention")
    reindex()
    expected = _newest("zephyrine")
    assert len(expected) == 10
    size = SearchEntry.objects.count()
    monkeypatch.setattr(backends.PostgresFTS, "WALK_FIRST", max(1, int(size * walk_first)))
    monkeypatch.setattr(backends.PostgresFTS, "WALK_BUDGET", walk_budget)
    monkeypatch.setattr(backends, "COUNT_CAP", 7)
    monkeypatch.setattr(backends, "RANK_WINDOW", 5)

    capped = search("zephyrine")
    assert capped.capped and capped.total == 7
    newest_objects = set(
        SearchEntry.objects.filter(id__in=expected[:5]).values_list("model", "object_id")
    )
    assert {(r["model"], r["object_id"]) for r in capped.results} == newest_objects

    phrase = search('"zephyrine grant"')
    assert phrase.capped and {(r["model"], r["object_id"]) for r in phrase.results} == (
        newest_objects
    )
    rare = search("quetzalcoatl")
    assert (rare.total, rare.capped, len(rare.results)) == (1, False, 1)
    assert search("zephyrine quetzalcoatl").total == 0
    only_resolutions = search("zephyrine", kinds=["resolution"])
    assert only_resolutions.total == min(7, len(_newest("zephyrine", kind="resolution")))
