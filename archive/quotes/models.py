import datetime

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse

from archive.core.models import (
    DatePrecision,
    PublishableQuerySet,
    Status,
    TimeStampedModel,
    date_precision_check,
    format_date,
)

CONTEXT_WINDOW = 600  # characters of the stored text shown around a quote, at most


class QuoteQuerySet(PublishableQuerySet):
    def published(self):
        """Published quotes from published sources."""
        return self.filter(status=Status.PUBLISHED, source__status=Status.PUBLISHED)

    def for_listing(self):
        return (
            self.select_related("speaker", "source", "source__outlet")
            .defer("source__raw_text", "source__text")
            .order_by(F("said_on").desc(nulls_last=True), "source_id", "start_offset", "id")
        )

    def for_detail(self):
        """One query for a quote's page: speaker, source, outlet, themes, claims and context."""
        from django.db.models import OuterRef, Value
        from django.db.models.functions import Greatest, Substr

        from archive.claims.models import Claim, Theme
        from archive.core.listing import claim_list, theme_list

        window = CONTEXT_WINDOW
        start = Greatest(F("start_offset") - window, Value(0))
        return (
            self.select_related("speaker", "source", "source__outlet", "source__copy_of")
            .defer("source__raw_text", "source__text", "source__copy_of__raw_text")
            .defer("source__copy_of__text")
            .annotate(
                context_before=Substr("source__text", start + 1, F("start_offset") - start),
                context_after=Substr("source__text", F("end_offset") + 1, Value(window)),
                anchored_text=Substr(
                    "source__text", F("start_offset") + 1, F("end_offset") - F("start_offset")
                ),
                theme_list=theme_list(Theme.objects.filter(quotes=OuterRef("pk"))),
                claim_list=claim_list(Claim.objects.published().filter(quotes=OuterRef("pk"))),
            )
        )

    def in_source_order(self):
        return self.order_by(F("start_offset").asc(nulls_last=True), "id")


class Quote(TimeStampedModel):
    """Words a person said, verbatim, anchored in the stored text of the source that carries them.

    The anchor follows the W3C Web Annotation ``TextQuoteSelector`` (the exact text with the text
    just before and after it) plus a ``TextPositionSelector`` (start and end offsets, counted in
    Unicode code points of ``Source.text``).
    """

    class SpeakerRole(models.TextChoices):
        AUTHOR = "author", "Author of the source"
        INTERVIEWEE = "interviewee", "Interviewee"
        INTERVIEWER = "interviewer", "Interviewer"
        QUOTED = "quoted", "Third party quoted by the author"

    class Verdict(models.TextChoices):
        UNVERIFIED = "unverified", "Unverified (no stored text checked yet)"
        EXACT = "exact", "Exact"
        NORMALIZED = "normalized", "Matches after normalising typography"
        ELIDED = "elided", "Elided (every part found, in order)"
        FUZZY = "fuzzy", "Fuzzy (close, not verbatim)"
        NOT_FOUND = "not_found", "Not found in the source"

    VERIFIED_VERDICTS = (Verdict.EXACT, Verdict.NORMALIZED, Verdict.ELIDED)

    source = models.ForeignKey("sources.Source", on_delete=models.PROTECT, related_name="quotes")
    speaker = models.ForeignKey("authors.Author", on_delete=models.PROTECT, related_name="quotes")
    speaker_role = models.CharField(max_length=20, choices=SpeakerRole.choices)
    text = models.TextField(help_text="The words exactly as they appear in the source.")
    start_offset = models.PositiveIntegerField(null=True, blank=True, editable=False)
    end_offset = models.PositiveIntegerField(null=True, blank=True, editable=False)
    prefix = models.CharField(
        max_length=200, blank=True, help_text="The text just before the quote in the source."
    )
    suffix = models.CharField(
        max_length=200, blank=True, help_text="The text just after the quote in the source."
    )
    said_on = models.DateField(
        null=True, blank=True, help_text="When the words were said; empty means the source’s date."
    )
    said_on_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    said_on_from_source = models.BooleanField(
        default=True, editable=False, help_text="The date said follows the source’s date."
    )
    themes = models.ManyToManyField("claims.Theme", related_name="quotes", blank=True)
    claims = models.ManyToManyField("claims.Claim", related_name="quotes", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    verdict = models.CharField(max_length=20, choices=Verdict.choices, default=Verdict.UNVERIFIED)
    verification = models.JSONField(
        default=dict, blank=True, editable=False, help_text="The verifier's details."
    )
    verified_at = models.DateTimeField(null=True, blank=True, editable=False)
    verified_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    verifier_version = models.CharField(max_length=20, blank=True, editable=False)
    editor_note = models.TextField(blank=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("text", config="english", weight="A"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = QuoteQuerySet.as_manager()

    class Meta:
        ordering = [F("said_on").desc(nulls_last=True), "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="quote_text_not_blank"),
            models.CheckConstraint(
                condition=Q(start_offset__isnull=True, end_offset__isnull=True)
                | Q(
                    start_offset__isnull=False,
                    end_offset__isnull=False,
                    end_offset__gt=F("start_offset"),
                ),
                name="quote_offsets_ordered",
            ),
            models.CheckConstraint(
                condition=Q(verified_sha256="") | Q(verified_sha256__regex=r"^[0-9a-f]{64}$"),
                name="quote_verified_sha256_format",
            ),
            models.CheckConstraint(
                condition=date_precision_check("said_on", "said_on_precision"),
                name="quote_date_matches_precision",
            ),
        ]
        indexes = [
            models.Index(
                F("status"), F("said_on").desc(nulls_last=True), name="quote_status_said_on_idx"
            ),
            models.Index(fields=["source", "start_offset"], name="quote_source_position_idx"),
            models.Index(fields=["speaker", "said_on"], name="quote_speaker_said_on_idx"),
            models.Index(fields=["verdict"], name="quote_verdict_idx"),
            GinIndex(fields=["search_vector"], name="quote_search_idx"),
            # The public lists' keyset order (see ArchiveListView.date_ordering).
            models.Index(
                Coalesce("said_on", models.Value(datetime.date.min)).desc(),
                F("id").desc(),
                name="quote_said_on_key_idx",
            ),
        ]

    def __str__(self):
        words = self.text if len(self.text) <= 80 else self.text[:77].rstrip() + "…"
        return f"“{words}” — {self.speaker}" if self.speaker_id else f"“{words}”"

    def get_absolute_url(self):
        return reverse("quotes:detail", args=[self.pk])

    def save(self, *args, **kwargs):
        from archive.quotes.verification import verify_quote

        source = self.source
        if self.said_on is None or (
            self.said_on == source.published_on and self.said_on_precision == source.date_precision
        ):
            self.said_on, self.said_on_precision = source.published_on, source.date_precision
            self.said_on_from_source = True
        else:
            self.said_on_from_source = False
        verify_quote(self, source)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *self.DERIVED_FIELDS}
        super().save(*args, **kwargs)

    DERIVED_FIELDS = (
        "said_on",
        "said_on_precision",
        "said_on_from_source",
        "start_offset",
        "end_offset",
        "prefix",
        "suffix",
        "verdict",
        "verification",
        "verified_at",
        "verified_sha256",
        "verifier_version",
    )

    def clean(self):
        """An author, interviewee or interviewer must be credited so in the source.

        ``pending_credits`` (a set of ``(author_id, contribution_role)``) lets the admin check a
        quote against contributions submitted in the same form, before they are saved.
        """
        super().clean()
        if not self.speaker_id or self.speaker_role == self.SpeakerRole.QUOTED:
            return
        from archive.sources.models import Contribution

        credits = getattr(self, "pending_credits", None)
        if credits is None:
            if not self.source_id:
                return
            credits = set(
                Contribution.objects.filter(source_id=self.source_id).values_list(
                    "author_id", "role"
                )
            )
        allowed = self.CREDITING_ROLES[self.speaker_role]
        if not any((self.speaker_id, role) in credits for role in allowed):
            raise ValidationError(
                {
                    "speaker": f"{self.speaker} is not credited as "
                    f"{self.get_speaker_role_display().lower()} of this source; add the "
                    "contribution first, or mark the speaker as a third party quoted."
                }
            )

    CREDITING_ROLES = {
        SpeakerRole.AUTHOR: ("author", "co_author"),
        SpeakerRole.INTERVIEWEE: ("interviewee", "guest"),
        SpeakerRole.INTERVIEWER: ("interviewer", "host"),
    }

    @classmethod
    def speaker_role_for(cls, contribution_roles) -> str:
        """The role a person's words have in a source, given their contributions to it."""
        for speaker_role, crediting in cls.CREDITING_ROLES.items():
            if any(role in crediting for role in contribution_roles):
                return speaker_role
        return cls.SpeakerRole.QUOTED

    @property
    def date_display(self):
        return format_date(self.said_on, self.said_on_precision)

    VERDICT_EXPLANATIONS = {
        Verdict.UNVERIFIED: "We hold no text of this source to check these words against yet.",
        Verdict.EXACT: "These words appear, character for character, in the stored source text.",
        Verdict.NORMALIZED: "These words appear in the source; only typography differs "
        "(quotation marks, apostrophes, dashes or spaces).",
        Verdict.ELIDED: "Every part of this quote appears in the source, in this order; "
        "the ellipsis marks words left out.",
        Verdict.FUZZY: "The source’s wording differs from this quote; an editor must check it.",
        Verdict.NOT_FOUND: "These words were not found in the stored source text.",
    }
    VERDICT_LABELS = {
        Verdict.UNVERIFIED: "Not yet checked",
        Verdict.EXACT: "Verbatim",
        Verdict.NORMALIZED: "Verbatim (typography normalised)",
        Verdict.ELIDED: "Verbatim, with omissions",
        Verdict.FUZZY: "Wording differs",
        Verdict.NOT_FOUND: "Not found in source",
    }

    @property
    def month_label(self):
        """The month the words were said in, as precisely as known (for timelines)."""
        if self.said_on is None:
            return "Undated"
        if self.said_on_precision == DatePrecision.YEAR:
            return f"{self.said_on:%Y}"
        return f"{self.said_on:%B %Y}"

    @property
    def flags(self):
        return list((self.verification or {}).get("flags", []))

    @property
    def flag_explanations(self):
        from archive.quotes.verification import FLAG_EXPLANATIONS

        return [FLAG_EXPLANATIONS.get(flag, flag) for flag in self.flags]

    @property
    def needs_attention(self):
        return self.verdict in (self.Verdict.FUZZY, self.Verdict.NOT_FOUND) or bool(self.flags)

    @property
    def verdict_label(self):
        return self.VERDICT_LABELS.get(self.verdict, self.verdict)

    @property
    def verdict_explanation(self):
        return self.VERDICT_EXPLANATIONS.get(self.verdict, "")

    @property
    def highlighted(self):
        """The search headline with matches marked, escaped first (see ``listing.highlight``)."""
        from archive.core.listing import highlight

        return highlight(getattr(self, "headline", "") or self.text)

    @property
    def is_verified(self):
        return self.verdict in self.VERIFIED_VERDICTS

    @property
    def is_anchored(self):
        return self.start_offset is not None


class QuoteToReview(Quote):
    """Quotes whose verification needs an editor (a list of its own in the admin)."""

    class Meta:
        proxy = True
        verbose_name = "quote to review"
        verbose_name_plural = "quotes to review"
