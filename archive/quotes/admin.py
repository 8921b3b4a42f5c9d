from django.contrib import admin
from django.utils.text import Truncator

from archive.core.admin import PublishingActionsMixin
from archive.quotes.models import Quote


@admin.register(Quote)
class QuoteAdmin(PublishingActionsMixin, admin.ModelAdmin):
    list_display = ["excerpt", "speaker", "speaker_role", "source", "said_on", "verdict", "status"]
    list_select_related = ["speaker", "source"]
    list_filter = ["status", "verdict", "speaker_role", "themes", "source__outlet"]
    search_fields = ["text", "speaker__name", "source__title"]
    autocomplete_fields = ["source", "speaker", "themes", "claims"]
    date_hierarchy = "said_on"
    readonly_fields = [
        "verdict",
        "start_offset",
        "end_offset",
        "verified_sha256",
        "verifier_version",
        "verified_at",
        "said_on_from_source",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (None, {"fields": ["source", "speaker", "speaker_role", "text", "status"]}),
        ("Date said", {"fields": ["said_on", "said_on_precision", "said_on_from_source"]}),
        ("Subject", {"fields": ["themes", "claims"]}),
        (
            "Anchor and verification",
            {
                "fields": [
                    "verdict",
                    ("start_offset", "end_offset"),
                    "prefix",
                    "suffix",
                    ("verified_sha256", "verifier_version", "verified_at"),
                ]
            },
        ),
        ("Notes", {"fields": ["editor_note", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("source__raw_text", "source__text")

    @admin.display(description="Quote", ordering="text")
    def excerpt(self, obj):
        return Truncator(obj.text).chars(90)
