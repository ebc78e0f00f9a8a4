"""Open data at the site root: calendars, feeds and downloads."""

from django.urls import path

from minutebook.api import calendar, downloads, feeds
from minutebook.web.twin import page_paths

urlpatterns = [
    path("calendar/meetings.ics", calendar.all_meetings, name="calendar-all"),
    path(
        "calendar/<slug:council>/<slug:committee>.ics",
        calendar.committee_meetings,
        name="calendar-committee",
    ),
    path("feeds/papers.atom", feeds.PapersFeed(), name="feed-papers"),
    path("feeds/decisions.atom", feeds.DecisionsFeed(), name="feed-decisions"),
    path(
        "feeds/<slug:council>/<slug:committee>/papers.atom",
        feeds.PapersFeed(),
        name="feed-committee-papers",
    ),
    path(
        "feeds/<slug:council>/<slug:committee>/decisions.atom",
        feeds.DecisionsFeed(),
        name="feed-committee-decisions",
    ),
    *page_paths("downloads/", downloads.index, "downloads"),
    path("downloads/<str:dataset>.<str:fmt>", downloads.dataset, name="download"),
]
