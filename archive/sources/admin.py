from django.contrib import admin
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from archive.core.admin import PublishingActionsMixin
from archive.quotes.models import Quote
from archive.sources import services
from archive.sources.models import Contribution, Outlet, Source


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "homepage", "source_count"]
    list_filter = ["kind"]
    search_fields = ["name", "homepage", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_sources=Count("sources"))

    @admin.display(description="Sources", ordering="_sources")
    def source_count(self, obj):
        return obj._sources


class ContributionInline(admin.TabularInline):
    model = Contribution
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "role", "order", "attribution", "note"]


class QuoteInlineFormSet(BaseInlineFormSet):
    """Check each quote's speaker against the contributions submitted in the same form."""

    def pending_credits(self):
        credits = set()
        prefix = "contributions"
        try:
            total = int(self.data.get(f"{prefix}-TOTAL_FORMS", 0))
        except (TypeError, ValueError):
            return None
        for i in range(min(total, 1000)):
            author = self.data.get(f"{prefix}-{i}-author")
            role = self.data.get(f"{prefix}-{i}-role")
            if author and role and not self.data.get(f"{prefix}-{i}-DELETE"):
                try:
                    credits.add((int(author), role))
                except ValueError:
                    continue
        return credits

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if self.is_bound:
            form.instance.pending_credits = self.pending_credits()
        return form


class QuoteInline(admin.StackedInline):
    model = Quote
    formset = QuoteInlineFormSet
    extra = 0
    autocomplete_fields = ["speaker", "themes", "claims"]
    fields = [
        ("speaker", "speaker_role", "status"),
        "text",
        ("said_on", "said_on_precision"),
        ("themes", "claims"),
        ("verdict", "start_offset", "end_offset"),
    ]
    readonly_fields = ["verdict", "start_offset", "end_offset"]
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker").in_source_order()


@admin.register(Source)
class SourceAdmin(PublishingActionsMixin, admin.ModelAdmin):
    list_display = ["title", "outlet", "kind", "published_on", "status", "copy_badge", "has_text"]
    list_select_related = ["outlet", "copy_of"]
    list_filter = ["status", "kind", "copy_kind", "outlet", "language"]
    search_fields = ["title", "slug", "original_url", "contributions__author__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["outlet", "copy_of"]
    date_hierarchy = "published_on"
    readonly_fields = [
        "text_sha256",
        "raw_text",
        "cleaning_report",
        "created_at",
        "updated_at",
    ]
    inlines = [ContributionInline, QuoteInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "outlet", "kind", "status", "summary"]}),
        (
            "Publication",
            {
                "fields": [
                    "published_on",
                    "date_precision",
                    "language",
                    "original_url",
                    "archived_url",
                ]
            },
        ),
        (
            "Copies",
            {
                "fields": ["copy_of", "copy_kind", "copy_score"],
                "description": "Link a republication or paraphrase to its original.",
            },
        ),
        ("Cleaning", {"fields": ["cleaning_report"]}),
        ("Text", {"fields": ["text", "text_sha256", "raw_text"], "classes": ["collapse"]}),
        ("Notes", {"fields": ["editor_note", "created_at", "updated_at"]}),
    ]

    @admin.display(description="Copy", ordering="copy_kind")
    def copy_badge(self, obj):
        return f"{obj.get_copy_kind_display()} of {obj.copy_of}" if obj.copy_of_id else "—"

    @admin.display(description="What cleaning did")
    def cleaning_report(self, obj):
        rows = []
        for span in obj.removed_spans or []:
            rows.append(
                format_html(
                    "<li>Removed ({}), characters {}–{} of the raw text: <q>{}</q></li>",
                    span.get("reason"),
                    span.get("start"),
                    span.get("end"),
                    Truncator(" ".join(str(span.get("text", "")).split())).chars(160),
                )
            )
        for repair in obj.repairs or []:
            rows.append(
                format_html("<li>Repaired <q>{}</q> → <q>{}</q></li>", repair["from"], repair["to"])
            )
        if obj.turns:
            roles = [turn.get("role") for turn in obj.turns]
            rows.append(
                format_html(
                    "<li>Interview: {} questions, {} answers</li>",
                    roles.count("question"),
                    roles.count("answer"),
                )
            )
        for warning in obj.import_warnings or []:
            rows.append(format_html("<li>Warning: {}</li>", warning))
        if not rows:
            return "Nothing was removed or repaired."
        return format_html("<ul>{}</ul>", format_html_join("", "{}", ((row,) for row in rows)))

    @admin.display(description="Text", boolean=True)
    def has_text(self, obj):
        return obj.has_text

    def get_queryset(self, request):
        return super().get_queryset(request).defer("raw_text", "search_vector")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        from archive.quotes.admin import warn_if_unverified

        warn_if_unverified(self, request, form.instance.quotes.select_related("source"))

    def save_model(self, request, obj, form, change):
        if obj.text and not obj.raw_text:
            obj.raw_text = obj.text
        services.save_source(obj)


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    list_display = ["author", "role", "source", "attribution", "order"]
    list_select_related = ["author", "source"]
    list_filter = ["role", "attribution"]
    search_fields = ["author__name", "source__title"]
    autocomplete_fields = ["author", "source"]
