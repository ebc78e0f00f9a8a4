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

# Error pages (minutebook.web.errors): HTML or the one JSON error shape, never a traceback.
handler400 = "minutebook.web.errors.bad_request"
handler403 = "minutebook.web.errors.permission_denied"
handler404 = "minutebook.web.errors.page_not_found"
handler500 = "minutebook.web.errors.server_error"
