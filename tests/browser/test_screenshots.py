"""`python -m minutebook.web.screenshots` finds a page of every type on a running site built
from the seed papers, signs in as an officer, and takes full-page shots named by page type."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_screenshots_of_every_page_type(
    seeded_site: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.contrib.auth import get_user_model

    from minutebook.web import screenshots

    get_user_model().objects.create_user("shots", password="a-long-test-password", is_staff=True)
    monkeypatch.setenv("MINUTEBOOK_SCREENSHOT_PASSWORD", "a-long-test-password")
    status = screenshots.main(
        ["--url", seeded_site["url"], "--out", str(tmp_path), "--user", "shots"]
    )
    assert status == 0
    taken = {p.stem for p in tmp_path.glob("*.png")}
    expected = {
        "home",
        "committees",
        "committee",
        "meeting",
        "meeting-minutes",
        "report",
        "people",
        "person",
        "source",
        "search",
        "tracking-action-log",
        "tracking-work-plan",
        "tracking-performance",
        "tracking-commitments",
        "tracking-actions",
        "not-found",
        "officers-login",
        "officers-queue",
        "officers-upload",
    }
    assert expected <= taken, expected - taken
    # Full-page shots: long pages are taller than the 900-pixel window.
    for name in ("committee", "meeting", "source", "report"):
        width, height = _png_size(tmp_path / f"{name}.png")
        assert width >= 1200 and height > 900, (name, width, height)
