"""Officers' decisions on tracked requests. Who decided and when is recorded on the row, and
`update_tracking()` keeps these decisions when it recomputes."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from minutebook.tracking.models import TrackedRequest
from minutebook.tracking.sources import item_key, report_key


def confirm_match(request: TrackedRequest, user: Any) -> None:
    """The proposed delivering paper is right: keep it whatever later recomputation finds."""
    if request.status != "delivered" or request.delivered_meeting_id is None:
        raise ValueError("only a delivered request has a match to confirm")
    request.review = "confirmed"
    request.reviewed_by = user
    request.reviewed_at = timezone.now()
    request.save(update_fields=["review", "reviewed_by", "reviewed_at"])


def reject_match(request: TrackedRequest, user: Any) -> None:
    """The proposed delivering paper is wrong: never propose it again, and recompute the status."""
    from minutebook.tracking.update import update_tracking

    if request.delivered_meeting_id is None:
        raise ValueError("this request has no match to reject")
    keys = set(request.rejected_candidates or [])
    if request.delivered_item_id is not None:
        keys.add(item_key(request.delivered_item))
    if request.delivered_report_id is not None:
        keys.add(report_key(request.delivered_report))
    request.rejected_candidates = sorted(keys)
    request.review = "rejected"
    request.reviewed_by = user
    request.reviewed_at = timezone.now()
    request.save(update_fields=["rejected_candidates", "review", "reviewed_by", "reviewed_at"])
    update_tracking()


def withdraw(request: TrackedRequest, user: Any) -> None:
    request.withdrawn = True
    request.withdrawn_by = user
    request.withdrawn_at = timezone.now()
    request.status = "withdrawn"
    request.save(update_fields=["withdrawn", "withdrawn_by", "withdrawn_at", "status"])
