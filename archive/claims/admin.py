from django.contrib import admin

from archive.claims.models import Claim, ClaimRelation, Theme
from archive.core.admin import PublishingActionsMixin


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "parent", "slug"]
    list_select_related = ["parent"]
    list_filter = [("parent", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


class ClaimRelationInline(admin.TabularInline):
    model = ClaimRelation
    fk_name = "from_claim"
    extra = 0
    autocomplete_fields = ["to_claim"]
    verbose_name = "relation to another claim"


@admin.register(Claim)
class ClaimAdmin(PublishingActionsMixin, admin.ModelAdmin):
    list_display = ["statement", "status", "theme_list", "updated_at"]
    list_filter = ["status", "themes"]
    search_fields = ["statement", "slug", "editor_note"]
    prepopulated_fields = {"slug": ["statement"]}
    autocomplete_fields = ["themes"]
    date_hierarchy = "created_at"
    inlines = [ClaimRelationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    @admin.display(description="Themes")
    def theme_list(self, obj):
        return ", ".join(theme.name for theme in obj.themes.all())


@admin.register(ClaimRelation)
class ClaimRelationAdmin(admin.ModelAdmin):
    list_display = ["from_claim", "kind", "to_claim"]
    list_select_related = ["from_claim", "to_claim"]
    list_filter = ["kind"]
    search_fields = ["from_claim__statement", "to_claim__statement", "note"]
    autocomplete_fields = ["from_claim", "to_claim"]
