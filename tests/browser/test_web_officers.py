"""An officer signs in, uploads papers in the browser with per-file progress, and sees the queue."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import save_screenshot
from tests.conftest import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_uploads_papers_and_sees_the_queue(
    live_server: Any, page: Any, officer_login: Any, assert_accessible: Any, tmp_path: Any
) -> None:
    from playwright.sync_api import expect

    page.goto(live_server.url + "/officers/login/")
    assert_accessible(page)
    save_screenshot(page, "officers-login")
    officer_login(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Parse queue")

    page.goto(live_server.url + "/officers/upload/")
    assert_accessible(page)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 not really a PDF")
    paper = SEEDS / "003_e9eb5ed99e3440bf.txt"
    page.set_input_files("#papers", [str(paper), str(broken)])
    page.get_by_role("button", name="Upload and read").click()
    rows = page.locator("#upload-status tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("Added", timeout=30_000)
    expect(rows.nth(1)).to_contain_text("failed", timeout=30_000)
    assert page.dialogs == []
    assert_accessible(page)
    save_screenshot(page, "officers-upload")

    page.get_by_role("link", name="Parse queue").click()
    queue = page.locator("table")
    expect(queue).to_contain_text("broken.pdf")
    expect(queue.get_by_role("link", name="Source in admin for broken.pdf")).to_be_visible()
    assert_accessible(page)
    save_screenshot(page, "officers-queue")
