"""Template helpers of the website: navigation, highlighted snippets, dates."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

register = template.Library()

# (section key, label, URL name). Entries whose URL name does not resolve are
# left out, so other packages' pages appear in the menu once they exist.
NAVIGATION: list[tuple[str, str, str]] = [
    ("home", "Home", "home"),
    ("committees", "Committees", "committees"),
    ("people", "People", "people"),
    ("actions", "Actions", "tracking:actions"),
    ("open-data", "Open data", "downloads"),
    ("search", "Search", "search"),
]


@register.simple_tag(takes_context=True)
def nav_links(context: template.Context) -> list[tuple[str, str, str]]:
    links = []
    for key, label, url_name in NAVIGATION:
        try:
            links.append((key, label, reverse(url_name)))
        except NoReverseMatch:
            continue
    user = context.get("user")
    if user is not None and getattr(user, "is_authenticated", False):
        links.append(("officers", "Officers", reverse("officers")))
    return links


@register.simple_tag
def source_link(url: str | None, about: str = "") -> str:
    """A small "source" link to the line a fact was read from (provenance)."""
    if not url:
        return ""
    hidden = (
        format_html('<span class="govuk-visually-hidden"> of {}</span>', about) if about else ""
    )
    return format_html('<a class="govuk-link mb-fact-link" href="{}">source{}</a>', url, hidden)


@register.filter
def longdate(value: object) -> str:
    """4 November 2020 (from a date or an ISO string)."""
    import datetime as dt

    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"
    return "" if value is None else str(value)


@register.filter
def clock(value: object) -> str:
    """2pm, 2.10pm (the way UK council papers write times)."""
    import datetime as dt

    if not isinstance(value, dt.time):
        return "" if value is None else str(value)
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if not value.minute else f"{hour}.{value.minute:02d}{suffix}"


@register.simple_tag
def source_lines(lines: list[dict[str, object]]) -> str:
    """The numbered, highlighted lines of a source paper.

    Built here rather than in a template loop: a pack has thousands of lines and
    the template engine would spend most of the page's time on them. Every piece
    of paper text goes through `escape()`.
    """
    out: list[str] = []
    for line in lines:
        if line.get("withheld"):
            out.append(
                '<div class="mb-source__line mb-source__line--withheld">'
                '<span class="mb-source__number"></span><span>Text not published.</span></div>'
            )
            continue
        number = int(line["number"])  # type: ignore[call-overload]
        classes = "mb-source__line mb-source__line--fact" if line["fact"] else "mb-source__line"
        document = (
            f'<span class="mb-source__document">{escape(line["document"])}</span>'
            if line.get("document")
            else ""
        )
        facts = "".join(
            f'<a class="govuk-link mb-source__fact" href="{escape(f["url"])}">→ {escape(f["label"])}</a>'
            for f in line["facts"]  # type: ignore[attr-defined]
        )
        out.append(
            f'<div class="{classes}" id="L{number}"><a class="mb-source__number govuk-link '
            f'govuk-link--no-visited-state" href="#L{number}" aria-label="Line {number}">{number}</a>'
            f'<div>{document}<span class="mb-source__text">{escape(line["text"])}</span>{facts}</div></div>'
        )
    return mark_safe("\n".join(out))  # every interpolated value is escaped above
