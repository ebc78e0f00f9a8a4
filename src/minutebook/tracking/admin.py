"""Officers review tracking in the admin: confirm or reject a proposed match, withdraw a request,
set a commitment's status. Who decided and when is recorded on the request."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from minutebook.tracking import review
from minutebook.tracking.models import Commitment, Figure, TrackedRequest


@admin.register(TrackedRequest)
class TrackedRequestAdmin(admin.ModelAdmin):
    list_display = ("meeting", "item_number", "kind", "topic", "status", "delivered_item", "review")
    list_filter = ("status", "kind", "review", "committee")
    search_fields = ("sentence", "topic")
    readonly_fields = [
        f.name
        for f in TrackedRequest._meta.get_fields()
        if getattr(f, "concrete", False) and f.name != "id"
    ]
    actions = ["confirm_match", "reject_match", "withdraw"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # requests are read from the minutes, not typed in

    def _each(self, request: HttpRequest, qs: QuerySet[TrackedRequest], action: Any) -> None:
        done = 0
        for row in qs:
            try:
                action(row, request.user)
                done += 1
            except ValueError as error:
                self.message_user(request, f"{row}: {error}", level=messages.WARNING)
        self.message_user(request, f"{done} request(s) updated.")

    @admin.action(description="Confirm the delivering paper")
    def confirm_match(self, request: HttpRequest, qs: QuerySet[TrackedRequest]) -> None:
        self._each(request, qs, review.confirm_match)

    @admin.action(description="Reject the delivering paper (it does not answer the request)")
    def reject_match(self, request: HttpRequest, qs: QuerySet[TrackedRequest]) -> None:
        self._each(request, qs, review.reject_match)

    @admin.action(description="Withdraw (the committee no longer wants it)")
    def withdraw(self, request: HttpRequest, qs: QuerySet[TrackedRequest]) -> None:
        self._each(request, qs, review.withdraw)


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ("kind", "text", "timescale", "status", "meeting")
    list_filter = ("kind", "status", "committee")
    list_editable = ("status",)
    search_fields = ("text", "evidence")
    readonly_fields = (
        "key",
        "committee",
        "meeting",
        "report",
        "document",
        "first_line",
        "last_line",
    )


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):
    list_display = (
        "measure",
        "value",
        "unit",
        "period_label",
        "comparator",
        "breakdown",
        "meeting",
    )
    list_filter = ("measure", "unit", "comparator", "committee")
    search_fields = ("sentence", "label")
