"""Server-side SVG line charts of one measure over time (no JavaScript, no network).

Every point is a link to the sentence the figure was read from. All text is
escaped here, so the returned markup is safe to insert as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 56, 48, 16, 56
# GOV.UK colours: own figures in blue, comparators in other colours with distinct dash patterns.
SERIES_STYLE = {
    "": ("#1d70b8", ""),
    "national_average": ("#d4351c", "6 4"),
    "statistical_neighbours": ("#00703c", "2 3"),
    "regional_average": ("#6f72af", "8 3 2 3"),
    "target": ("#0b0c0c", "1 4"),
    "other_authorities": ("#b58840", "4 2"),
}
SERIES_LABEL = {
    "": "This council",
    "national_average": "National average",
    "statistical_neighbours": "Statistical neighbours",
    "regional_average": "Regional average",
    "target": "Target or aim",
    "other_authorities": "Other authorities",
}


@dataclass(frozen=True)
class Point:
    when: dt.date
    value: float
    label: str  # "April 2018"
    series: str  # comparator key, "" for the authority's own figure
    href: str | None


def _fmt(value: float) -> str:
    return f"{value:g}"


def line_chart(chart_id: str, title: str, unit_label: str, points: list[Point]) -> SafeString:
    dated = [p for p in points if p.when is not None]
    if not dated:
        return mark_safe("")
    days = [p.when.toordinal() for p in dated]
    lo_x, hi_x = min(days), max(days)
    span_x = max(hi_x - lo_x, 1)
    values = [p.value for p in dated]
    hi_y = max(values) * 1.1 or 1.0
    lo_y = 0.0
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(p: Point) -> float:
        if hi_x == lo_x:
            return LEFT + plot_w / 2
        return LEFT + (p.when.toordinal() - lo_x) / span_x * plot_w

    def y(v: float) -> float:
        return TOP + plot_h - (v - lo_y) / (hi_y - lo_y) * plot_h

    parts = [
        f'<svg class="mb-chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="group" '
        f'aria-labelledby="{chart_id}-title" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)} ({escape(unit_label)}), chart; '
        "the table below gives the same figures.</title>",
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="#0b0c0c"/>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#0b0c0c"/>',
    ]
    for i in range(5):
        v = lo_y + (hi_y - lo_y) * i / 4
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#0b0c0c">{escape(_fmt(round(v, 1)))}</text>'
        )
        parts.append(
            f'<line x1="{LEFT}" y1="{y(v):.1f}" x2="{LEFT + plot_w}" y2="{y(v):.1f}" stroke="#b1b4b6" stroke-width="0.5"/>'
        )
    labelled: set[str] = set()
    for p in sorted(dated, key=lambda p: p.when):
        if p.label in labelled:
            continue
        labelled.add(p.label)
        parts.append(
            f'<text x="{x(p):.1f}" y="{TOP + plot_h + 18}" text-anchor="middle" font-size="11" '
            f'fill="#0b0c0c">{escape(p.label)}</text>'
        )
    legend_x = LEFT
    for series in sorted({p.series for p in dated}, key=lambda s: (s != "", s)):
        colour, dash = SERIES_STYLE.get(series, ("#505a5f", "3 3"))
        pts = sorted((p for p in dated if p.series == series), key=lambda p: p.when)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if len(pts) > 1:
            coords = " ".join(f"{x(p):.1f},{y(p.value):.1f}" for p in pts)
            parts.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>'
            )
        for p in pts:
            label = f"{SERIES_LABEL.get(series, series)}: {_fmt(p.value)} {unit_label}, {p.label}"
            circle = (
                f'<circle cx="{x(p):.1f}" cy="{y(p.value):.1f}" r="5" fill="{colour}">'
                f"<title>{escape(label)}</title></circle>"
            )
            if p.href:
                parts.append(
                    f'<a href="{escape(p.href)}" aria-label="{escape(label)}: source">{circle}</a>'
                )
            else:
                parts.append(circle)
        parts.append(
            f'<line x1="{legend_x}" y1="{HEIGHT - 12}" x2="{legend_x + 24}" y2="{HEIGHT - 12}" '
            f'stroke="{colour}" stroke-width="3"{dash_attr}/>'
            f'<text x="{legend_x + 30}" y="{HEIGHT - 8}" font-size="12" fill="#0b0c0c">'
            f"{escape(SERIES_LABEL.get(series, series))}</text>"
        )
        legend_x += 170
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every interpolated text above is escaped
