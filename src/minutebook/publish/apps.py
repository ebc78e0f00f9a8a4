from django.apps import AppConfig


class PublishConfig(AppConfig):
    name = "minutebook.publish"
    label = "publish"
    default_auto_field = "django.db.models.BigAutoField"
