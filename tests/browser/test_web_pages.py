"""A visitor walks the site in Chromium: home, committee, meeting, report, person, source, search.

axe-core must find no serious or critical WCAG 2.2 AA violation on any page
type; a screenshot of each page type is saved to docs/screenshots/.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.browser.conftest import save_screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_journey(site: dict[str, Any], page: Any, assert_accessible: Any) -> None:
    from playwright.sync_api import expect

    rec = site["record"]
    page.goto(site["url"] + "/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Council committees")
    assert_accessible(page)
    save_screenshot(page, "home")

    page.locator("#committees + ul").get_by_role(
        "link", name="Corporate Parenting Committee"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Corporate Parenting Committee")
    expect(page.get_by_text("To secure real and sustained improvements")).to_be_visible()
    membership = page.locator(".govuk-summary-list").first
    expect(membership).to_contain_text("Jasmine Ali")
    expect(membership).to_contain_text("Reserves")
    expect(page.locator("#work-plan ~ ul").first).to_contain_text("Fostering Service Annual Report")
    assert_accessible(page)
    save_screenshot(page, "committee")

    page.get_by_role("link", name="8 July 2020").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Meeting of 8 July 2020")
    expect(page.locator("#attendance ~ ul").first).to_contain_text("Jasmine Ali, Chair")
    expect(page.locator("#apologies + ul")).to_contain_text("Peter Babudu")
    expect(page.locator("#declarations + ul")).to_contain_text("foster carer")
    expect(page.locator("#minute-3")).to_contain_text("further progress report")
    assert_accessible(page)
    save_screenshot(page, "meeting")

    page.goto(site["url"] + "/meetings/corporate-parenting-committee/2020-11-04/")
    agenda = page.locator("#agenda + table")
    expect(agenda).to_contain_text("FEEDBACK FROM INSPECTIONS")
    expect(agenda).to_contain_text("5-12")
    expect(agenda).not_to_contain_text("CONFIDENTIAL")
    agenda.locator("a[href^='/reports/']", has_text="Feedback from Inspections").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Feedback from Inspections of Children's Social Care"
    )
    table = page.locator("#tables ~ .mb-table-wrapper table")
    expect(table.locator("th").first).to_have_text("Reason")
    expect(table.locator("td").first).to_have_text("Care planning")
    assert_accessible(page)
    save_screenshot(page, "report")

    page.get_by_role("link", name=re.compile("source of the report")).click()
    expect(page.locator(".mb-source__line--fact").first).to_be_visible()
    expect(page.locator("body")).not_to_contain_text(rec["secret"])
    assert page.url.endswith("#L" + str(rec["report"].first_line))
    assert_accessible(page)
    save_screenshot(page, "source")

    page.goto(site["url"] + "/people/jasmine-ali/")
    expect(page.locator("#attendance + table")).to_contain_text("2020-21")
    expect(page.locator("#attendance + table")).to_contain_text("100%")
    assert_accessible(page)
    save_screenshot(page, "person")

    page.goto(site["url"] + "/")
    page.get_by_label("Search the record").fill('"further progress report"')
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#results")).to_have_text(re.compile(r"^\d+ results?$"))
    expect(page.locator("mark.mb-hit").first).to_be_visible()
    assert_accessible(page)
    save_screenshot(page, "search")


def test_a_script_in_a_paper_never_runs(site: dict[str, Any], page: Any) -> None:
    """The sample report's recommendation holds <script>alert(1)</script>: shown, never run."""
    rec = site["record"]
    for url in (
        f"/reports/{rec['report'].pk}/",
        f"/sources/{rec['source'].pk}/",
        "/search/?q=contents",
    ):
        page.goto(site["url"] + url)
        page.wait_for_load_state("load")
        assert page.dialogs == [], url
        assert page.locator("script:not([src])").count() == 0, url
    page.goto(site["url"] + f"/reports/{rec['report'].pk}/")
    expect_text = "<script>alert(1)</script>"
    assert expect_text in page.locator("#recommendations + ol").inner_text()


def test_error_pages_are_accessible(
    site: dict[str, Any], page: Any, assert_accessible: Any
) -> None:
    response = page.goto(site["url"] + "/no/such/page/")
    assert response is not None and response.status == 404
    assert_accessible(page)
    save_screenshot(page, "not-found")


def test_seed_papers_are_browsable(
    seeded_site: dict[str, Any], page: Any, assert_accessible: Any
) -> None:
    """The real seed papers, through the real parser: their meetings and reports are on the site."""
    from playwright.sync_api import expect

    page.goto(seeded_site["url"] + "/committees/corporate-parenting-committee/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Corporate Parenting Committee")
    page.get_by_role("link", name="4 November 2020").click()
    expect(page.locator("main")).to_contain_text(
        "Feedback from Inspections of Children's Social Care"
    )
    assert_accessible(page)
    page.goto(seeded_site["url"] + "/search/?q=Ofsted")
    expect(page.locator("#results")).not_to_have_text("0 results")
    expect(page.locator("mark.mb-hit").first).to_be_visible()
    assert_accessible(page)
