"""Screenshot every page type of a running minutebook into docs/screenshots/.

    make run                                   # in one terminal (seed papers loaded)
    .venv/bin/python -m minutebook.web.screenshots --url http://127.0.0.1:8000

It finds one page of each type through the JSON twins (home, committee,
meeting, report, person, source, search) and saves `<type>.png`. It needs
Playwright (a dev dependency) and Debian's Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import json
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


def _twin(path: str) -> str:
    path = path.split("#")[0]
    return "/index.json" if path == "/" else path.rstrip("/") + ".json"


def page_urls(base: str, query: str) -> dict[str, str]:
    """One URL per page type, found by following the JSON twins from the home page."""
    urls = {"home": "/", "search": f"/search/?q={query}"}
    home = _json(base, "/index.json")
    if home["committees"]:
        urls["committee"] = home["committees"][0]["url"]
        committee = _json(base, _twin(urls["committee"]))
        for meeting in committee["meetings"]:
            data = _json(base, _twin(meeting["url"]))
            reports = [r for item in data["agenda"] for r in item["reports"]] + data[
                "other_reports"
            ]
            urls.setdefault("meeting", meeting["url"])
            if reports:
                urls["meeting"] = meeting["url"]
                urls["report"] = reports[0]["url"]
                break
        for year in committee["membership"]:
            for role in year["roles"]:
                urls.setdefault("person", role["people"][0]["url"])
        meeting = _json(base, _twin(urls["meeting"]))
        if meeting["documents"]:
            urls["source"] = meeting["documents"][0]["source_url"].split("#")[0]
    return urls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minutebook.web.screenshots")
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="the running site")
    parser.add_argument("--out", default="docs/screenshots", help="folder for the PNG files")
    parser.add_argument("--query", default="fostering", help="the search page's query")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    base = args.url.rstrip("/")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    urls = page_urls(base, args.query)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=args.chromium, headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        for name, path in urls.items():
            page.goto(base + path)
            target = out / f"{name}.png"
            page.screenshot(path=str(target), full_page=True)
            print(f"{target}  <- {path}")
        browser.close()
    missing = {"committee", "meeting", "report", "person", "source"} - set(urls)
    if missing:
        print(f"no page found for: {', '.join(sorted(missing))}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
