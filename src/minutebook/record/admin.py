"""Admin: officers correct any extracted fact; every change is kept in history."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from minutebook.record import models as m

PROVENANCE = ("document", "first_line", "last_line", "first_page", "last_page", "parser_version")


@admin.register(m.Council)
class CouncilAdmin(SimpleHistoryAdmin):
    search_fields = ["name"]


@admin.register(m.Committee)
class CommitteeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "council"]
    search_fields = ["name"]


@admin.register(m.MunicipalYear)
class MunicipalYearAdmin(admin.ModelAdmin):
    list_display = ["label", "council", "start", "end"]


@admin.register(m.Person)
class PersonAdmin(SimpleHistoryAdmin):
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
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "committee", "role", "voting", "municipal_year"]
    list_filter = ["role", "committee", "municipal_year"]
    search_fields = ["person__name"]
    raw_id_fields = ["document"]


@admin.register(m.Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
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
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "subkind", "meeting", "classification", "source"]
    list_filter = ["kind", "classification"]
    search_fields = ["title"]
    raw_id_fields = ["source", "meeting"]


@admin.register(m.AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "number", "title", "pages", "scheduled_time", "part"]
    list_filter = ["part"]
    search_fields = ["title"]
    raw_id_fields = ["meeting", "document"]
    filter_horizontal = ["documents"]


@admin.register(m.Attendance)
class AttendanceAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "name_as_written", "person", "capacity", "status", "role"]
    list_filter = ["capacity", "status"]
    search_fields = ["name_as_written", "person__name"]
    raw_id_fields = ["meeting", "person", "replaces", "document"]


@admin.register(m.Minute)
class MinuteAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "number", "title", "part"]
    search_fields = ["title", "discussion"]
    raw_id_fields = ["meeting", "agenda_item", "document"]


@admin.register(m.Resolution)
class ResolutionAdmin(SimpleHistoryAdmin):
    list_display = ["minute", "number", "text"]
    search_fields = ["text"]
    raw_id_fields = ["minute", "document"]


@admin.register(m.Declaration)
class DeclarationAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "name_as_written", "person", "kind"]
    raw_id_fields = ["meeting", "agenda_item", "person", "document"]


@admin.register(m.Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ["title", "meeting", "item_number", "classification", "key_decision"]
    list_filter = ["classification", "key_decision"]
    search_fields = ["title"]
    raw_id_fields = ["meeting", "committee", "agenda_item", "document"]
    filter_horizontal = ["documents"]


@admin.register(m.WorkPlanEntry)
class WorkPlanEntryAdmin(SimpleHistoryAdmin):
    list_display = ["committee", "planned_at", "planned_for", "title", "origin"]
    search_fields = ["title"]
    raw_id_fields = ["document"]
