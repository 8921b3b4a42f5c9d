"""The public URLs are cited in papers: they must stay stable. Add, never rename."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("quotes/", include("archive.quotes.urls")),
    path("claims/", include("archive.claims.urls")),
    path("themes/", include("archive.claims.theme_urls")),
    path("sources/", include("archive.sources.urls")),
    path("outlets/", include("archive.sources.outlet_urls")),
    path("authors/", include("archive.authors.urls")),
    path("", include("archive.core.urls")),
]
