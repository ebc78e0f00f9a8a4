"""The agenda pack and the minutes template pass axe (WCAG 2.2 A and AA) in Chromium.

Like the browser tests, this needs Debian's Chromium (`/usr/bin/chromium`, or
MINUTEBOOK_CHROMIUM); without it the test fails with a clear message, never skips.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.publish.conftest import ProducedPack

CHROMIUM = Path(os.environ.get("MINUTEBOOK_CHROMIUM", "/usr/bin/chromium"))
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def test_pack_and_minutes_template_have_no_axe_violations(produced: ProducedPack) -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package")
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import sync_playwright

    documents = {"pack": produced.html, "minutes": produced.minutes_html}
    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            for name, html in documents.items():
                page.set_content(html)
                result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
                found[name] = [v["id"] for v in result.response["violations"]]
                assert result.response["passes"], "axe ran no checks"
        finally:
            browser.close()
    assert found == {"pack": [], "minutes": []}
