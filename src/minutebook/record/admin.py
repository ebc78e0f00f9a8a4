"""Admin: officers correct any extracted fact; every change is kept in history."""

from typing import Any

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from minutebook.record import models as m

PROVENANCE = ("document", "first_line", "last_line", "first_page", "last_page", "parser_version")


class CorrectionAdmin(SimpleHistoryAdmin):
    """Edits here are corrections: the fields an officer changes are recorded in the row's
    `corrected` list, and loading papers again (a reparse after a parser upgrade, a
    republished paper) leaves them as the officer set them. Emptying the list hands the
    fields back to the parser."""

    def get_readonly_fields(self, request: Any, obj: Any = None) -> Any:
        """What identifies a row (its natural key: a meeting's committee and date, a name as
        printed) is read-only once the row exists: a load finds the row by it, so a changed
        key would make the next reparse write the paper's row again beside the corrected one.
        Correct the facts instead (the linked person, the title, the status...)."""
        fixed = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fixed += [name for name in obj.NATURAL_KEY if name not in fixed]
        return fixed

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        if change:
            names = {
                obj._meta.get_field(name).attname
                for name in form.changed_data
                if name not in PROVENANCE and name != "corrected"
            }
            # `obj.corrected` holds the form's list (an officer may have emptied it).
            obj.corrected = sorted(set(obj.corrected or []) | names)
        super().save_model(request, obj, form, change)


@admin.register(m.Council)
class CouncilAdmin(SimpleHistoryAdmin):
    search_fields = ["name"]


@admin.register(m.Committee)
class CommitteeAdmin(CorrectionAdmin):
    list_display = ["name", "council"]
    search_fields = ["name"]


@admin.register(m.MunicipalYear)
class MunicipalYearAdmin(admin.ModelAdmin):
    list_display = ["label", "council", "start", "end"]


@admin.register(m.Person)
class PersonAdmin(CorrectionAdmin):
    list_display = ["name", "honorific", "kind", "council"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__text"]


@admin.register(m.PersonAlias)
class PersonAliasAdmin(admin.ModelAdmin):
    list_display = ["text", "person"]
    search_fields = ["text", "person__name"]


@admin.register(m.OfficerTitle)
class OfficerTitleAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "seen_on"]
    search_fields = ["person__name", "title"]


@admin.register(m.Membership)
class MembershipAdmin(CorrectionAdmin):
    list_display = ["person", "committee", "role", "voting", "municipal_year"]
    list_filter = ["role", "committee", "municipal_year"]
    search_fields = ["person__name"]
    raw_id_fields = ["document"]


@admin.register(m.Meeting)
class MeetingAdmin(CorrectionAdmin):
    list_display = ["committee", "date", "start_time", "venue", "status"]
    list_filter = ["committee", "status"]
    date_hierarchy = "date"


@admin.register(m.SourceFile)
class SourceFileAdmin(admin.ModelAdmin):
    list_display = ["original_name", "format", "parse_status", "parser_version", "ingested_at"]
    list_filter = ["parse_status", "format"]
    search_fields = ["original_name", "sha256"]
    exclude = ["content"]
    readonly_fields = ["sha256", "size", "media_type", "parse_output", "errors", "warnings"]


@admin.register(m.Document)
class DocumentAdmin(CorrectionAdmin):
    list_display = ["title", "kind", "subkind", "meeting", "classification", "source"]
    list_filter = ["kind", "classification"]
    search_fields = ["title"]
    raw_id_fields = ["source", "meeting"]


@admin.register(m.AgendaItem)
class AgendaItemAdmin(CorrectionAdmin):
    list_display = ["meeting", "number", "title", "pages", "scheduled_time", "part"]
    list_filter = ["part"]
    search_fields = ["title"]
    raw_id_fields = ["meeting", "document"]
    filter_horizontal = ["documents"]


@admin.register(m.Attendance)
class AttendanceAdmin(CorrectionAdmin):
    list_display = ["meeting", "name_as_written", "person", "capacity", "status", "role"]
    list_filter = ["capacity", "status"]
    search_fields = ["name_as_written", "person__name"]
    raw_id_fields = ["meeting", "person", "replaces", "document"]


@admin.register(m.Minute)
class MinuteAdmin(CorrectionAdmin):
    list_display = ["meeting", "number", "title", "part"]
    search_fields = ["title", "discussion"]
    raw_id_fields = ["meeting", "agenda_item", "document"]


@admin.register(m.Resolution)
class ResolutionAdmin(CorrectionAdmin):
    list_display = ["minute", "number", "text"]
    search_fields = ["text"]
    raw_id_fields = ["minute", "document"]


@admin.register(m.Declaration)
class DeclarationAdmin(CorrectionAdmin):
    list_display = ["meeting", "name_as_written", "person", "kind"]
    raw_id_fields = ["meeting", "agenda_item", "person", "document"]


@admin.register(m.Report)
class ReportAdmin(CorrectionAdmin):
    list_display = ["title", "meeting", "item_number", "classification", "key_decision"]
    list_filter = ["classification", "key_decision"]
    search_fields = ["title"]
    raw_id_fields = ["meeting", "committee", "agenda_item", "document"]
    filter_horizontal = ["documents"]


@admin.register(m.WorkPlanEntry)
class WorkPlanEntryAdmin(CorrectionAdmin):
    list_display = ["committee", "planned_at", "planned_for", "title", "origin"]
    search_fields = ["title"]
    raw_id_fields = ["document"]
