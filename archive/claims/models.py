from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse

from archive.core.models import PublishableQuerySet, Status, TimeStampedModel


class Theme(TimeStampedModel):
    """A subject the commentary speaks to; themes nest (a parent includes its sub-themes)."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    description = models.TextField(blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, related_name="children", null=True, blank=True
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(parent=F("pk")), name="theme_not_own_parent"),
            models.CheckConstraint(condition=~Q(name=""), name="theme_name_not_blank"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        """A theme cannot sit below itself, however far down."""
        super().clean()
        seen, parent = {self.pk}, self.parent
        while parent is not None:
            if parent.pk in seen:
                raise ValidationError({"parent": "This would make the theme its own ancestor."})
            seen.add(parent.pk)
            parent = parent.parent

    def get_absolute_url(self):
        return reverse("themes:detail", args=[self.slug])


class ClaimQuerySet(PublishableQuerySet):
    def for_listing(self):
        return self.prefetch_related("themes").order_by("statement")


class Claim(TimeStampedModel):
    """A one-sentence proposition, in the editors' words, that quotes can evidence."""

    statement = models.CharField(
        max_length=500, help_text="One sentence in the editors’ words — never a quotation."
    )
    slug = models.SlugField(max_length=200, unique=True)
    themes = models.ManyToManyField(Theme, related_name="claims", blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    editor_note = models.TextField(blank=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("statement", config="english", weight="A"),
        output_field=SearchVectorField(),
        db_persist=True,
    )
    related = models.ManyToManyField(
        "self",
        through="ClaimRelation",
        through_fields=("from_claim", "to_claim"),
        symmetrical=False,
        related_name="+",
        blank=True,
    )

    objects = ClaimQuerySet.as_manager()

    class Meta:
        ordering = ["statement"]
        constraints = [
            models.CheckConstraint(condition=~Q(statement=""), name="claim_statement_not_blank"),
        ]
        indexes = [
            models.Index(fields=["status"], name="claim_status_idx"),
            GinIndex(fields=["search_vector"], name="claim_search_idx"),
        ]

    def __str__(self):
        return self.statement

    @property
    def highlighted(self):
        """The search headline with matches marked, escaped first (see ``listing.highlight``)."""
        from archive.core.listing import highlight

        headline = getattr(self, "headline", "")
        return highlight(headline) if headline else ""

    def get_absolute_url(self):
        return reverse("claims:detail", args=[self.slug])


class ClaimRelation(models.Model):
    """How one claim bears on another: it supports, contradicts, refines or restates it."""

    class Kind(models.TextChoices):
        SUPPORTS = "supports", "Supports"
        CONTRADICTS = "contradicts", "Contradicts"
        REFINES = "refines", "Refines"
        SAME_AS = "same_as", "Same as"

    from_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="relations_from")
    to_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="relations_to")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["from_claim", "kind"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_claim", "to_claim", "kind"], name="claim_relation_unique"
            ),
            models.CheckConstraint(
                condition=~Q(from_claim=F("to_claim")), name="claim_relation_not_to_itself"
            ),
        ]

    def __str__(self):
        return f"{self.from_claim} — {self.get_kind_display().lower()} — {self.to_claim}"
