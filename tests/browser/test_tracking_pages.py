"""A visitor reads a committee's action log, work plan against reality and performance charts;
axe finds no serious or critical accessibility violation on any of the three."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.browser.conftest import SCREENSHOTS, save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SLUG = "corporate-parenting-committee"


@pytest.fixture
def tracked_site(live_server: Any) -> str:
    from minutebook.tracking.update import update_tracking
    from tests.tracking.seed_record import build_seed_record

    build_seed_record()
    update_tracking(today=dt.date(2026, 1, 1))
    return str(live_server.url)


def test_action_log_page(tracked_site: str, page: Any, assert_accessible: Any) -> None:
    page.goto(f"{tracked_site}/committees/{SLUG}/actions/")
    assert page.get_by_role("heading", name="Action log").is_visible()
    delivered = page.locator("#delivered + table")
    assert (
        "PROGRESS REPORT ON INDEPENDENT REVIEWING OFFICER (IRO) ESCALATIONS"
        in delivered.inner_text()
    )
    assert "sexual exploitation" in page.locator("#overdue + table").inner_text()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the action log as CSV").click()
    assert download.value.suggested_filename == f"{SLUG}-action-log.csv"
    assert_accessible(page)
    save_screenshot(page, "tracking-action-log")
    assert page.dialogs == []


def test_work_plan_against_reality_page(
    tracked_site: str, page: Any, assert_accessible: Any
) -> None:
    page.goto(f"{tracked_site}/committees/{SLUG}/work-plan/")
    text = page.locator("main").inner_text()
    assert "Fostering and Adoption reports" in text
    assert "Dropped" in text and "Slipped" in text and "Delivered" in text
    assert_accessible(page)
    save_screenshot(page, "tracking-work-plan")


def test_performance_page(tracked_site: str, page: Any, assert_accessible: Any) -> None:
    page.goto(f"{tracked_site}/committees/{SLUG}/performance/")
    chart = page.locator("svg.mb-chart").first
    assert chart.is_visible()
    # Every point links to its source sentence.
    points = page.locator("svg.mb-chart a")
    assert points.count() > 3
    href = points.first.get_attribute("href")
    assert href and href.startswith("/sources/") and "#L" in href
    assert page.get_by_role("table", name="Figures for children looked after (number)").is_visible()
    assert_accessible(page)
    # The page is long (a table per measure): the first screen is enough to show the charts.
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "tracking-performance.png"))
