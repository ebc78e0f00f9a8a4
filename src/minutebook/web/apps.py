"""The public website and officers' pages; full-text search."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "minutebook.web"
    label = "web"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from minutebook.record.signals import archive_imported, batch_ingested
        from minutebook.web import signals
        from minutebook.web.search.incremental import on_archive_imported, on_batch_ingested

        signals.connect()
        batch_ingested.connect(on_batch_ingested, dispatch_uid="search-batch-ingested")
        archive_imported.connect(on_archive_imported, dispatch_uid="search-archive-imported")
