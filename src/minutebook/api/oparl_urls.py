"""URL patterns (to be filled in)."""

urlpatterns: list = []
