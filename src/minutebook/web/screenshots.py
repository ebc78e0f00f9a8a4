"""Screenshot every page type of a running minutebook into docs/screenshots/.

    make run                                   # in one terminal (seed papers loaded)
    .venv/bin/python -m minutebook.web.screenshots --url http://127.0.0.1:8000

It finds one page of each type through the JSON twins (home, committees,
committee, meeting, report, people, person, source, search, the tracking pages
and a missing page) and saves a full-page `<type>.png` of each. With `--user`
(and the password in the MINUTEBOOK_SCREENSHOT_PASSWORD environment variable,
never on the command line) it also signs in and takes the officers' pages. It
needs Playwright (a dev dependency) and Debian's Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.request
from pathlib import Path
from typing import Any

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


def _json(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.load(response)


def _twin(url: str) -> str:
    """The JSON twin of a page's URL, keeping its query (e.g. ?council= for a shared slug)."""
    path, _, query = url.split("#")[0].partition("?")
    twin = "/index.json" if path == "/" else path.rstrip("/") + ".json"
    return f"{twin}?{query}" if query else twin


# Tracking pages, by the label of the committee page's "follow" link that leads to them.
TRACKING_PAGES = {
    "/actions/": "tracking-action-log",
    "/work-plan/": "tracking-work-plan",
    "/performance/": "tracking-performance",
    "/commitments/": "tracking-commitments",
}
OFFICER_PAGES = {"officers-queue": "/officers/", "officers-upload": "/officers/upload/"}
REQUIRED = {"committee", "meeting", "report", "person", "source"}


def _best_meetings(base: str, committee: dict[str, Any]) -> dict[str, str]:
    """The meeting page showing the most business (agenda and reports), one of its reports,
    and the meeting page showing the most minutes (minutes, attendance, declarations)."""
    scores: dict[str, tuple[int, str]] = {}
    for meeting in committee["meetings"]:
        data = _json(base, _twin(meeting["url"]))
        reports = [r for item in data["agenda"] for r in item["reports"]] + data["other_reports"]
        attendance = sum(len(g["people"]) for g in data["attendance"]["groups"])
        candidates = {
            "meeting": (len(data["agenda"]) + 5 * len(reports), meeting["url"]),
            "meeting-minutes": (
                len(data["minutes"]) + attendance + len(data["declarations"]),
                meeting["url"],
            ),
        }
        if reports:
            candidates["report"] = (candidates["meeting"][0], reports[0]["url"])
        for name, (score, url) in candidates.items():
            if score > 0 and score > scores.get(name, (0, ""))[0]:
                scores[name] = (score, url)
    return {name: url for name, (_, url) in scores.items()}


def page_urls(base: str, query: str) -> dict[str, str]:
    """One URL per page type, found by following the JSON twins from the home page."""
    urls = {"home": "/", "committees": "/committees/", "people": "/people/"}
    urls["search"] = f"/search/?q={query}"
    home = _json(base, "/index.json")
    committees = [_json(base, _twin(c["url"])) for c in home["committees"]]
    # The committee with the most meetings shows the most of every page type.
    committees.sort(key=lambda c: -len(c["meetings"]))
    for committee in committees:
        best = _best_meetings(base, committee)
        if "meeting" in best and "meeting" not in urls:
            urls["committee"] = committee["url"]
            for link in committee.get("follow", []):
                for suffix, name in TRACKING_PAGES.items():
                    if link["url"].endswith(suffix):
                        urls[name] = link["url"]
        for name, url in best.items():
            urls.setdefault(name, url)
        for year in committee["membership"]:
            for role in year["roles"]:
                urls.setdefault("person", role["people"][0]["url"])
    if "meeting" in urls:
        meeting_data = _json(base, _twin(urls["meeting"]))
        if meeting_data["documents"]:
            urls["source"] = meeting_data["documents"][0]["source_url"].split("#")[0]
    urls["tracking-actions"] = "/actions/"
    urls["not-found"] = "/no-such-page/"
    return urls


def _shoot(page: Any, base: str, out: Path, name: str, path: str) -> None:
    page.goto(base + path)
    target = out / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    print(f"{target}  <- {path}")


def _sign_in(page: Any, base: str, user: str, password: str) -> bool:
    page.goto(base + "/officers/login/")
    page.fill("#id_username", user)
    page.fill("#id_password", password)
    page.click("form button[type=submit]")
    page.wait_for_load_state()
    return "/officers/login/" not in page.url


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minutebook.web.screenshots")
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the running site")
    parser.add_argument("--out", default="docs/screenshots", help="folder for the PNG files")
    parser.add_argument("--query", default="fostering", help="the search page's query")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument(
        "--user", help="an officer's username (password in MINUTEBOOK_SCREENSHOT_PASSWORD)"
    )
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    base = args.url.rstrip("/")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    urls = page_urls(base, args.query)
    status = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        for name, path in urls.items():
            _shoot(page, base, out, name, path)
        if args.user:
            _shoot(page, base, out, "officers-login", "/officers/login/")
            password = os.environ.get("MINUTEBOOK_SCREENSHOT_PASSWORD", "")
            if _sign_in(page, base, args.user, password):
                for name, path in OFFICER_PAGES.items():
                    _shoot(page, base, out, name, path)
            else:
                print("could not sign in: no officers' pages taken", file=sys.stderr)
                status = 1
        browser.close()
    missing = REQUIRED - set(urls)
    if missing:
        print(f"no page found for: {', '.join(sorted(missing))}", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())
