"""Shared browser-test infrastructure: one live server, one Chromium, an axe check.

Playwright drives Debian's Chromium (`/usr/bin/chromium`; CI installs it). If
Chromium is missing the browser tests fail with a clear message: they never
skip. Each test that uses `site` gets the record loaded into the live
server's database (pytest-django flushes it after each live-server test).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls the
# fixtures make there are still synchronous, so Django must allow them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("MINUTEBOOK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Test runs keep their screenshots out of docs/screenshots, which holds the seed papers'
# pages taken by `python -m minutebook.web.screenshots` (see its docstring).
SCREENSHOTS = Path(
    os.environ.get(
        "MINUTEBOOK_TEST_SCREENSHOTS", Path(tempfile.gettempdir()) / "minutebook-test-screenshots"
    )
)
# axe rule sets checked: WCAG 2.0, 2.1 and 2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}


@pytest.fixture(autouse=True)
def fast_password_hashing(settings: Any) -> None:
    """PBKDF2 is slow on purpose; tests that sign in need no such protection."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context per test; console errors and script dialogs are recorded."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="en-GB")
    tab = context.new_page()
    tab.dialogs = []  # type: ignore[attr-defined]

    def on_dialog(dialog: Any) -> None:
        tab.dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def site(live_server: Any) -> dict[str, Any]:
    """The live server with the sample record loaded: `{"url": ..., "record": {...}}`."""
    from minutebook.web.search import reindex
    from tests.sample_record import build_sample_record

    record = build_sample_record()
    reindex()
    return {"url": live_server.url, "record": record}


@pytest.fixture
def seeded_site(live_server: Any) -> dict[str, Any]:
    """The live server with the seed papers ingested through the real parser and loader."""
    from minutebook.record.ingest import ingest_paths
    from minutebook.web.search import reindex
    from tests.conftest import SEEDS

    summary = ingest_paths([SEEDS])
    assert not summary.failures, summary.text()
    reindex()
    return {"url": live_server.url, "summary": summary}


@pytest.fixture
def officer_login(live_server: Any) -> Callable[[Any], None]:
    """Sign a page in as a staff officer through the login form."""
    from django.contrib.auth import get_user_model

    user_model = get_user_model()
    user_model.objects.create_user("officer", password="a-long-test-password", is_staff=True)

    def login(tab: Any) -> None:
        tab.goto(f"{live_server.url}/officers/login/")
        tab.get_by_label("Username").fill("officer")
        tab.get_by_label("Password").fill("a-long-test-password")
        tab.get_by_role("button", name="Sign in").click()
        tab.wait_for_load_state()

    return login


def axe_violations(tab: Any) -> list[dict[str, Any]]:
    """Serious or critical WCAG 2.2 AA violations axe-core finds on the current page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(tab, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"]][:5],
        }
        for v in results.response["violations"]
        if v.get("impact") in FAILING_IMPACTS
    ]


@pytest.fixture
def assert_accessible() -> Callable[[Any], None]:
    def check(tab: Any) -> None:
        violations = axe_violations(tab)
        assert violations == [], f"axe found on {tab.url}: {violations}"

    return check


def save_screenshot(tab: Any, name: str) -> Path:
    """Save the full page to <SCREENSHOTS>/<name>.png (a temporary folder unless
    MINUTEBOOK_TEST_SCREENSHOTS says otherwise)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}.png"
    tab.screenshot(path=str(target), full_page=True)
    return target
