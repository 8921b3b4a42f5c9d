from django.contrib import admin
from django.db.models import Count

from archive.authors.models import Affiliation, Author


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "description", "kind", "source_count", "quote_count"]
    list_filter = ["kind"]
    search_fields = ["name", "sort_name", "description", "wikidata_qid", "orcid"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [AffiliationInline]
    fieldsets = [
        (None, {"fields": ["name", "sort_name", "slug", "kind", "description", "bio"]}),
        ("Identifiers", {"fields": ["wikidata_qid", "orcid", "homepage"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                _sources=Count("contributions__source", distinct=True),
                _quotes=Count("quotes", distinct=True),
            )
        )

    @admin.display(description="Sources", ordering="_sources")
    def source_count(self, obj):
        return obj._sources

    @admin.display(description="Quotes", ordering="_quotes")
    def quote_count(self, obj):
        return obj._quotes


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    list_display = ["author", "organisation", "title", "start_date", "end_date"]
    list_select_related = ["author"]
    search_fields = ["organisation", "title", "author__name"]
    autocomplete_fields = ["author"]
    date_hierarchy = "start_date"
