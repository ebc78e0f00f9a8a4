from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class ApiConfig(AppConfig):
    name = "minutebook.api"
    label = "api"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from minutebook.api.oparl.publish import mark_dirty

        # Any change in the record marks the OParl publication table for re-synchronisation.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(mark_dirty, dispatch_uid=f"oparl-dirty-{signal!r}")
