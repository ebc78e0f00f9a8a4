"""Tracking pages, each with its JSON twin (`.json`); the action log also as CSV."""

from __future__ import annotations

from django.urls import path

from minutebook.tracking import views
from minutebook.web.twin import page_paths

app_name = "tracking"

urlpatterns = [
    *page_paths("actions/", views.actions_index, "actions"),
    *page_paths("committees/<slug:slug>/actions/", views.committee_actions, "committee-actions"),
    path(
        "committees/<slug:slug>/actions.csv",
        views.committee_actions_csv,
        name="committee-actions-csv",
    ),
    *page_paths(
        "committees/<slug:slug>/work-plan/", views.committee_workplan, "committee-workplan"
    ),
    *page_paths(
        "committees/<slug:slug>/performance/", views.committee_performance, "committee-performance"
    ),
    *page_paths(
        "committees/<slug:slug>/commitments/", views.committee_commitments, "committee-commitments"
    ),
]
