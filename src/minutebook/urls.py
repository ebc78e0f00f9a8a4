"""Top-level URL configuration: each package owns its own urls module."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("oparl/v1/", include("minutebook.api.oparl_urls")),
    path("", include("minutebook.api.urls")),
    path("", include("minutebook.publish.urls")),
    path("", include("minutebook.tracking.urls")),
    path("", include("minutebook.web.urls")),
]
