"""OParl 1.1 at /oparl/v1/: the System at the root, then objects and lists by path."""

from django.urls import path

from minutebook.api.oparl import views

urlpatterns = [
    path("", views.system, name="oparl-system"),
    path("file/<int:pk>/access", views.file_content, name="oparl-file-access"),
    path("file/<int:pk>/download", views.file_download, name="oparl-file-download"),
    path("<path:path>", views.resource, name="oparl-resource"),
]
