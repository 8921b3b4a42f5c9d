from django.contrib import admin, messages
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator

from archive.core.admin import PublishingActionsMixin
from archive.quotes.models import Quote, QuoteToReview
from archive.quotes.verification import FLAG_EXPLANATIONS


def attention_q():
    """Quotes an editor must look at: wording differs, not found, or flagged."""
    return Q(verdict__in=[Quote.Verdict.FUZZY, Quote.Verdict.NOT_FOUND]) | Q(
        verification__flags__0__isnull=False
    )


def warn_if_unverified(model_admin, request, quotes):
    """A quote that does not verify is saved, but never silently: the editor is told why."""
    for quote in quotes:
        if quote.needs_attention:
            reasons = [quote.verdict_explanation, *quote.flag_explanations]
            model_admin.message_user(
                request,
                f"Check “{Truncator(quote.text).chars(60)}”: {quote.verdict_label}. "
                + " ".join(r for r in reasons if r),
                level=messages.WARNING,
            )


class NeedsAttentionFilter(admin.SimpleListFilter):
    title = "needs an editor's attention"
    parameter_name = "attention"

    def lookups(self, request, model_admin):
        return [("yes", "Yes"), ("no", "No")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(attention_q())
        if self.value() == "no":
            return queryset.exclude(attention_q())
        return queryset


@admin.register(Quote)
class QuoteAdmin(PublishingActionsMixin, admin.ModelAdmin):
    list_display = [
        "excerpt",
        "speaker",
        "speaker_role",
        "source",
        "said_on",
        "verdict",
        "flag_list",
        "status",
    ]
    list_select_related = ["speaker", "source"]
    list_filter = [
        NeedsAttentionFilter,
        "status",
        "verdict",
        "speaker_role",
        "themes",
        "source__outlet",
    ]
    search_fields = ["text", "speaker__name", "source__title"]
    autocomplete_fields = ["source", "speaker", "themes", "claims"]
    date_hierarchy = "said_on"
    readonly_fields = [
        "verdict",
        "verification_report",
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
                    "verification_report",
                    ("start_offset", "end_offset"),
                    "prefix",
                    "suffix",
                    ("verified_sha256", "verifier_version", "verified_at"),
                ]
            },
        ),
        ("Notes", {"fields": ["editor_note", "created_at", "updated_at"]}),
    ]
    actions = [*PublishingActionsMixin.actions, "reverify"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("source__raw_text", "source__text", "search_vector", "source__search_vector")
        )

    @admin.display(description="Quote", ordering="text")
    def excerpt(self, obj):
        return Truncator(obj.text).chars(90)

    @admin.display(description="Flags")
    def flag_list(self, obj):
        return ", ".join(obj.flags) or "—"

    @admin.display(description="What the verifier found")
    def verification_report(self, obj):
        if not obj.pk:
            return "Checked when saved."
        v = obj.verification or {}
        parts = [
            format_html(
                "<p><strong>{}</strong>: {}</p>", obj.verdict_label, obj.verdict_explanation
            )
        ]
        if v.get("normalizations"):
            parts.append(format_html("<p>Normalised: {}</p>", ", ".join(v["normalizations"])))
        if obj.verdict == Quote.Verdict.FUZZY:
            parts.append(
                format_html("<p>The source says: <q>{}</q></p>", v.get("source_wording", ""))
            )
            parts.append(render_to_string("includes/word_diff.html", {"diff": v.get("diff", [])}))
        if obj.flags:
            parts.append(
                format_html(
                    "<ul>{}</ul>",
                    format_html_join(
                        "",
                        "<li><strong>{}</strong>: {}</li>",
                        ((flag, FLAG_EXPLANATIONS.get(flag, "")) for flag in obj.flags),
                    ),
                )
            )
        if v.get("original"):
            parts.append(
                format_html(
                    "<p>The original ({}) says: <q>{}</q></p>",
                    v["original"].get("slug"),
                    v["original"].get("wording") or "—",
                )
            )
        return format_html_join("", "{}", ((part,) for part in parts))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        warn_if_unverified(self, request, [obj])

    @admin.action(description="Re-verify the selected quotes against their sources")
    def reverify(self, request, queryset):
        count = 0
        for quote in queryset.select_related("source", "source__copy_of"):
            quote.save()
            count += 1
        self.message_user(request, f"Re-verified {count} quote(s).")


@admin.register(QuoteToReview)
class QuoteToReviewAdmin(QuoteAdmin):
    """The quotes that need an editor: wording differs, not found, or flagged."""

    list_filter = ["verdict", "status", "speaker_role", "source__outlet"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(attention_q())
