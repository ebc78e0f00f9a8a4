"""Python's cyclic garbage collector, tuned for a batch of papers.

Loading makes many short-lived objects (model instances, querysets, SQL compilers), some in
reference cycles, so the collector must run; but each of its full passes walks every object
the process holds, and most of those (Django, the app's modules, caches) exist before the
batch and outlive it. Measured on 430 synthetic papers (`record_bench --paragraphs
100000`): the collector took 1.5 s of the 25 s the loading process spent; frozen and with
fewer young collections, 0.3 s.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Allocations between young collections during a batch (Python's default is 700): cycles of
# a paper's objects are still found within the same paper, a few thousand objects later.
BATCH_YOUNG_THRESHOLD = 20_000


@contextmanager
def batch_collector() -> Iterator[None]:
    """Freeze what exists now out of the collector's passes, and collect young objects less
    often, until the batch ends; then put both back as they were."""
    if not gc.isenabled():
        yield
        return
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], BATCH_YOUNG_THRESHOLD), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
