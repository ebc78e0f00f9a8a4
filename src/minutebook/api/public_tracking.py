"""The public subset of the tracking facts (requests, figures, commitments).

`record.visibility` hides any tracking row read from a closed document; these
helpers also drop rows that hang from hidden business (a request made in a
closed minute, a figure or commitment from a closed report), so that the API,
feeds and downloads share one rule.
"""

from __future__ import annotations

from django.db.models import QuerySet

from minutebook.record import models as m
from minutebook.record import visibility as vis
from minutebook.tracking import models as t


def _hidden_reports() -> QuerySet[m.Report]:
    public = vis.public_reports(m.Report.objects.all()).values("pk")
    return m.Report.objects.exclude(pk__in=public).values("pk")


def public_requests() -> QuerySet[t.TrackedRequest]:
    hidden_resolutions = m.Resolution.objects.exclude(
        pk__in=vis.public_resolutions(m.Resolution.objects.all()).values("pk")
    ).values("pk")
    hidden_minutes = m.Minute.objects.exclude(
        pk__in=vis.public_minutes(m.Minute.objects.all()).values("pk")
    ).values("pk")
    return (
        vis.public_facts(t.TrackedRequest.objects.all())
        .exclude(resolution__in=hidden_resolutions)
        .exclude(minute__in=hidden_minutes)
        .exclude(delivered_report__in=_hidden_reports())
    )


def public_figures() -> QuerySet[t.Figure]:
    return vis.public_facts(t.Figure.objects.all()).exclude(report__in=_hidden_reports())


def public_commitments() -> QuerySet[t.Commitment]:
    return vis.public_facts(t.Commitment.objects.all()).exclude(report__in=_hidden_reports())
