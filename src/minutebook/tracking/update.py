"""Re-derive tracking facts (requests, matches, work plan status, figures) from the record.

`update_tracking()` is called by ingest and reparse after loading. Stub until the tracking work lands.
"""

from __future__ import annotations


def update_tracking() -> dict[str, int]:
    """Recompute tracking; returns counts per kind of tracked fact."""
    return {}
