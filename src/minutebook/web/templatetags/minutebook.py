"""Template helpers of the website: navigation, highlighted snippets, dates."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

register = template.Library()

# (section key, label, URL name). Entries whose URL name does not resolve are
# left out, so other packages' pages appear in the menu once they exist.
NAVIGATION: list[tuple[str, str, str]] = [
    ("home", "Home", "home"),
    ("committees", "Committees", "committees"),
    ("people", "People", "people"),
    ("actions", "Actions", "tracking:actions"),
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
