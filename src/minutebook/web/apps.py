"""The public website and officers' pages; full-text search."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "minutebook.web"
    label = "web"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from minutebook.web import signals

        signals.connect()
