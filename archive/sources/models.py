import datetime
import hashlib

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
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


class Outlet(TimeStampedModel):
    """Where a source appeared: a magazine, a newspaper, a think tank, or a content farm."""

    class Kind(models.TextChoices):
        MAGAZINE = "magazine", "Magazine"
        NEWSPAPER = "newspaper", "Newspaper"
        THINK_TANK = "think_tank", "Think tank"
        BROADCASTER = "broadcaster", "Broadcaster"
        AGGREGATOR = "aggregator", "Aggregator"
        CONTENT_FARM = "content_farm", "Content farm"
        OTHER = "other", "Other or unknown"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    homepage = models.URLField(max_length=500, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.CheckConstraint(condition=~Q(name=""), name="outlet_name_not_blank")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("outlets:detail", args=[self.slug])


class SourceQuerySet(PublishableQuerySet):
    def for_listing(self):
        """Everything a list of sources shows, in a constant number of queries."""
        return (
            self.select_related("outlet", "copy_of")
            .prefetch_related(
                models.Prefetch(
                    "contributions",
                    queryset=Contribution.objects.select_related("author").order_by("order"),
                )
            )
            .defer("raw_text", "text", "copy_of__raw_text", "copy_of__text")
            .order_by(F("published_on").desc(nulls_last=True), "title")
        )

    def originals(self):
        return self.filter(copy_of__isnull=True)


class Source(TimeStampedModel):
    """A piece of commentary as published somewhere: an essay, an op-ed, an interview."""

    class Kind(models.TextChoices):
        ESSAY = "essay", "Essay"
        OP_ED = "op_ed", "Op-ed"
        INTERVIEW = "interview", "Interview"
        ANALYSIS = "analysis", "Analysis"
        TRANSCRIPT = "transcript", "Transcript"
        REPUBLICATION = "republication", "Republication"

    class CopyKind(models.TextChoices):
        SYNDICATED = "syndicated", "Syndicated (same text)"
        TRUNCATED = "truncated", "Truncated (same text, cut short)"
        PARAPHRASED = "paraphrased", "Paraphrased (reworded; not the author’s words)"
        TRANSLATED = "translated", "Translated"

    title = models.CharField(max_length=500)
    slug = models.SlugField(max_length=200, unique=True)
    outlet = models.ForeignKey(
        Outlet, on_delete=models.PROTECT, related_name="sources", null=True, blank=True
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    original_url = models.URLField("original URL", max_length=2000, blank=True)
    archived_url = models.URLField(
        "archived URL", max_length=2000, blank=True, help_text="A copy in a web archive."
    )
    language = models.CharField(max_length=16, default="en", help_text="BCP 47 tag, e.g. en.")
    published_on = models.DateField(null=True, blank=True)
    date_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    raw_text = models.TextField(blank=True, help_text="The text exactly as it was received.")
    text = models.TextField(
        blank=True, help_text="The stored text, cleaned of boilerplate; quotes are anchored here."
    )
    text_sha256 = models.CharField("SHA-256 of the text", max_length=64, blank=True, editable=False)
    removed_spans = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="What cleaning removed from the raw text: start, end, reason, text.",
    )
    repairs = models.JSONField(
        default=list, blank=True, editable=False, help_text="Glued words repaired: from, to."
    )
    turns = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Interview turns in the text: start, end, role (question, answer, narration).",
    )
    import_warnings = models.JSONField(default=list, blank=True, editable=False)
    summary = models.TextField(blank=True)
    editor_note = models.TextField(blank=True, help_text="Provenance, doubts, what was inferred.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    copy_of = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        related_name="copies",
        null=True,
        blank=True,
        help_text="The original this source copies, when it is a derivative.",
    )
    copy_kind = models.CharField(max_length=20, choices=CopyKind.choices, blank=True)
    copy_score = models.FloatField(
        null=True, blank=True, help_text="Similarity to the original, 0 to 1."
    )
    authors = models.ManyToManyField(
        "authors.Author", through="Contribution", related_name="sources"
    )
    search_vector = models.GeneratedField(
        expression=SearchVector("title", config="english", weight="A")
        + SearchVector("summary", config="english", weight="B")
        + SearchVector("text", config="english", weight="C"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = SourceQuerySet.as_manager()

    class Meta:
        ordering = [F("published_on").desc(nulls_last=True), "title"]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="source_title_not_blank"),
            models.CheckConstraint(condition=~Q(copy_of=F("pk")), name="source_not_copy_of_itself"),
            models.CheckConstraint(
                condition=Q(copy_of__isnull=True, copy_kind="")
                | Q(copy_of__isnull=False) & ~Q(copy_kind=""),
                name="source_copy_kind_iff_copy_of",
            ),
            models.CheckConstraint(
                condition=Q(copy_score__isnull=True) | Q(copy_score__gte=0, copy_score__lte=1),
                name="source_copy_score_range",
            ),
            models.CheckConstraint(
                condition=Q(text="", text_sha256="")
                | (~Q(text="") & Q(text_sha256__regex=r"^[0-9a-f]{64}$")),
                name="source_text_sha256_present",
            ),
            models.CheckConstraint(
                condition=date_precision_check("published_on", "date_precision"),
                name="source_date_matches_precision",
            ),
        ]
        indexes = [
            models.Index(
                F("status"), F("published_on").desc(nulls_last=True), name="source_status_date_idx"
            ),
            models.Index(fields=["outlet", "published_on"], name="source_outlet_date_idx"),
            models.Index(fields=["text_sha256"], name="source_text_sha256_idx"),
            GinIndex(fields=["search_vector"], name="source_search_idx"),
            # The public lists' keyset order (see ArchiveListView.date_ordering).
            models.Index(
                Coalesce("published_on", models.Value(datetime.date.min)).desc(),
                F("id").desc(),
                name="source_published_key_idx",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("sources:detail", args=[self.slug])

    def save(self, *args, **kwargs):
        self.text_sha256 = self.compute_sha256(self.text)
        if kwargs.get("update_fields") is not None and "text" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "text_sha256"}
        super().save(*args, **kwargs)

    @staticmethod
    def compute_sha256(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest() if text else ""

    @property
    def date_display(self):
        return format_date(self.published_on, self.date_precision)

    @property
    def highlighted(self):
        """The search headline with matches marked, escaped first (see ``listing.highlight``)."""
        from archive.core.listing import highlight

        headline = getattr(self, "headline", "")
        return highlight(headline) if headline else ""

    @property
    def is_copy(self):
        return self.copy_of_id is not None

    @property
    def has_text(self):
        return bool(self.text_sha256)


class Contribution(models.Model):
    """A person's part in a source, and how we know it."""

    class Role(models.TextChoices):
        AUTHOR = "author", "Author"
        CO_AUTHOR = "co_author", "Co-author"
        INTERVIEWER = "interviewer", "Interviewer"
        INTERVIEWEE = "interviewee", "Interviewee"
        HOST = "host", "Host"
        GUEST = "guest", "Guest"
        TRANSLATOR = "translator", "Translator"

    class Attribution(models.TextChoices):
        BYLINE = "byline", "Byline in the text"
        OUTLET_METADATA = "outlet_metadata", "Outlet metadata"
        EDITOR_INFERRED = "editor_inferred", "Inferred by an editor"
        DISPUTED = "disputed", "Disputed"

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="contributions")
    author = models.ForeignKey(
        "authors.Author", on_delete=models.PROTECT, related_name="contributions"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.AUTHOR)
    order = models.PositiveSmallIntegerField(default=1)
    attribution = models.CharField(
        max_length=20, choices=Attribution.choices, default=Attribution.BYLINE
    )
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["source", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "author", "role"], name="contribution_unique_author_role"
            ),
        ]
        indexes = [models.Index(fields=["author", "role"], name="contribution_author_role_idx")]

    def __str__(self):
        return f"{self.author} ({self.get_role_display().lower()}) in {self.source}"


class SourceFingerprint(models.Model):
    """One LSH band key of a source's MinHash signature (see ``copies``).

    Sources that share a key are candidates for being copies of each other; looking them up is one
    indexed query, so finding copies does not compare a new source with every stored one.
    """

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="fingerprints")
    key = models.BigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "key"], name="fingerprint_unique_per_source")
        ]
        indexes = [models.Index(fields=["key"], name="fingerprint_key_idx")]

    def __str__(self):
        return f"{self.source_id}:{self.key}"
