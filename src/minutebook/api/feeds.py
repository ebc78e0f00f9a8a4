"""Atom feeds of new papers (officers' reports) and of decisions (resolutions).

Built on Django's syndication framework, so the XML is well-formed and
escaped. Text from the papers is escaped once more before it goes into an
Atom `summary` (which readers render as HTML): markup found in a paper shows
as text, never as HTML. Only the public record is used.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Max, Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from minutebook.api.weblinks import committee_path, meeting_path, report_path
from minutebook.record import models as m
from minutebook.record import visibility as vis

FEED_LENGTH = 50


def meeting_datetime(meeting: m.Meeting) -> dt.datetime:
    tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    return dt.datetime.combine(meeting.date, meeting.start_time or dt.time(0, 0), tzinfo=tz)


def _committee(council: str | None, committee: str | None) -> m.Committee | None:
    if committee is None:
        return None
    return get_object_or_404(
        m.Committee.objects.select_related("council"), council__slug=council, slug=committee
    )


class _CommitteeFeed(Feed):
    """An Atom feed of the whole site, or of one committee (`/feeds/<council>/<committee>/`)."""

    feed_type = Atom1Feed

    def get_object(
        self, request: HttpRequest, council: str | None = None, committee: str | None = None
    ) -> m.Committee | None:
        return _committee(council, committee)

    def link(self, obj: m.Committee | None) -> str:
        return committee_path(obj) if obj is not None else "/"


class PapersFeed(_CommitteeFeed):
    """Officers' reports, newest arrival first."""

    def title(self, obj: m.Committee | None) -> str:
        return f"New papers: {obj.name}" if obj else "New committee papers"

    def subtitle(self, obj: m.Committee | None) -> str:
        return "Officers' reports published for committee meetings."

    def items(self, obj: m.Committee | None) -> QuerySet[m.Report]:
        reports = vis.public_reports(m.Report.objects.all()).select_related(
            "meeting__committee__council", "committee"
        )
        if obj is not None:
            reports = reports.filter(
                Q(meeting__committee=obj) | Q(meeting__isnull=True, committee=obj)
            )
        arrived = Max("documents__created")
        return reports.annotate(arrived=arrived).order_by("-arrived", "-pk")[:FEED_LENGTH]

    def item_title(self, item: m.Report) -> str:
        if item.meeting:
            return f"{item.title} ({item.meeting.committee.name}, {item.meeting.date:%d %B %Y})"
        return item.title

    def item_description(self, item: m.Report) -> str:
        parts = []
        if item.from_text:
            parts.append(f"From: {item.from_text}")
        parts += [f"Recommendation: {r}" for r in item.recommendations or []]
        return escape("\n".join(parts))

    def item_link(self, item: m.Report) -> str:
        return report_path(item)

    def item_guid(self, item: m.Report) -> str:
        return f"urn:minutebook:paper:{item.pk}"

    item_guid_is_permalink = False

    def item_updateddate(self, item: m.Report) -> dt.datetime:
        arrived: dt.datetime | None = getattr(item, "arrived", None)
        if arrived is not None:
            return arrived
        return meeting_datetime(item.meeting) if item.meeting else dt.datetime.now(tz=dt.UTC)

    def item_pubdate(self, item: m.Report) -> dt.datetime:
        return self.item_updateddate(item)


class DecisionsFeed(_CommitteeFeed):
    """Resolutions of the public minutes, latest meeting first."""

    def title(self, obj: m.Committee | None) -> str:
        return f"Decisions: {obj.name}" if obj else "Committee decisions"

    def subtitle(self, obj: m.Committee | None) -> str:
        return "Resolutions recorded in the minutes of committee meetings."

    def items(self, obj: m.Committee | None) -> QuerySet[m.Resolution]:
        resolutions = vis.public_resolutions(m.Resolution.objects.all()).select_related(
            "minute__meeting__committee__council"
        )
        if obj is not None:
            resolutions = resolutions.filter(minute__meeting__committee=obj)
        return resolutions.order_by("-minute__meeting__date", "minute__order", "order")[
            :FEED_LENGTH
        ]

    def item_title(self, item: m.Resolution) -> str:
        meeting = item.minute.meeting
        number = f"{item.minute.number}. " if item.minute.number else ""
        return f"{meeting.committee.name}, {meeting.date:%d %B %Y}: {number}{item.minute.title}"

    def item_description(self, item: m.Resolution) -> str:
        return escape(f"RESOLVED: {item.text}")

    def item_link(self, item: m.Resolution) -> str:
        return meeting_path(item.minute.meeting)

    def item_guid(self, item: m.Resolution) -> str:
        meeting = item.minute.meeting
        return (
            f"urn:minutebook:decision:{meeting.committee.council.slug}:{meeting.committee.slug}:"
            f"{meeting.date.isoformat()}:{item.minute.order}:{item.order}"
        )

    item_guid_is_permalink = False

    def item_updateddate(self, item: m.Resolution) -> dt.datetime:
        return meeting_datetime(item.minute.meeting)

    def item_pubdate(self, item: m.Resolution) -> dt.datetime:
        return meeting_datetime(item.minute.meeting)
