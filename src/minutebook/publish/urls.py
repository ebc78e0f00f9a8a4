"""Officer pages for producing the next papers (all under /officers/papers/)."""

from __future__ import annotations

from django.urls import URLPattern, path

from minutebook.publish import views
from minutebook.web.twin import page_paths

MEETING = "officers/papers/<slug:council>/<slug:committee>/<str:date>/"

urlpatterns: list[URLPattern] = [
    *page_paths("officers/papers/", views.start, "publish-start"),
    *page_paths(MEETING, views.draft, "publish-draft"),
    path(MEETING + "agenda-pack.pdf", views.pack_pdf, name="publish-pack-pdf"),
    path(MEETING + "agenda-pack.html", views.pack_html, name="publish-pack-html"),
    path(
        MEETING + "minutes-template.html", views.minutes_template, name="publish-minutes-template"
    ),
    path(
        MEETING + "minutes-template.docx",
        views.minutes_template_word,
        name="publish-minutes-template-docx",
    ),
]
