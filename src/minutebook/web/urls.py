"""Public and officer pages. Every public page also answers at its `.json` twin."""

from __future__ import annotations

from django.urls import path

from minutebook.web.twin import page_paths
from minutebook.web.views import officers, people, record_pages, search_page, sources

urlpatterns = [
    *page_paths("", record_pages.home, "home"),
    *page_paths("committees/", record_pages.committees, "committees"),
    *page_paths("committees/<slug:slug>/", record_pages.committee, "committee"),
    *page_paths("meetings/<slug:committee>/<str:date>/", record_pages.meeting, "meeting"),
    *page_paths("reports/<int:pk>/", record_pages.report, "report"),
    *page_paths("people/", people.people, "people"),
    *page_paths("people/<slug:slug>/", people.person, "person"),
    *page_paths("sources/<int:pk>/", sources.source, "source"),
    *page_paths("search/", search_page.search, "search"),
    *page_paths("officers/login/", officers.OfficerLoginView.as_view(), "officers-login"),
    path("officers/logout/", officers.OfficerLogoutView.as_view(), name="officers-logout"),
    *page_paths("officers/", officers.dashboard, "officers"),
    *page_paths("officers/upload/", officers.upload, "officers-upload"),
    path("officers/upload/file/", officers.upload_file, name="officers-upload-file"),
]
