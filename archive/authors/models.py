from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from archive.core.models import Status, TimeStampedModel


class AuthorQuerySet(models.QuerySet):
    def published(self):
        """People the public can see: they contributed to, or are quoted in, published work."""
        from archive.quotes.models import Quote
        from archive.sources.models import Contribution

        return self.filter(
            Exists(
                Contribution.objects.filter(author=OuterRef("pk"), source__status=Status.PUBLISHED)
            )
            | Exists(Quote.objects.published().filter(speaker=OuterRef("pk")))
        )

    def for_listing(self):
        return self.only("id", "name", "sort_name", "slug", "description", "kind")


class Author(TimeStampedModel):
    """Every person who writes commentary or is quoted in it: experts, interviewers, officials."""

    class Kind(models.TextChoices):
        EXPERT = "expert", "Expert"
        JOURNALIST = "journalist", "Journalist"
        OFFICIAL = "official", "Official"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200)
    sort_name = models.CharField(
        max_length=200, help_text="How the name is alphabetised, e.g. “Radchenko, Sergey”."
    )
    slug = models.SlugField(max_length=200, unique=True)
    description = models.CharField(
        max_length=300, blank=True, help_text="One line, e.g. “Professor, Johns Hopkins SAIS”."
    )
    bio = models.TextField(blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.EXPERT)
    wikidata_qid = models.CharField("Wikidata QID", max_length=20, blank=True)
    orcid = models.CharField("ORCID", max_length=19, blank=True)
    homepage = models.URLField(max_length=500, blank=True)
    search_vector = models.GeneratedField(
        expression=SearchVector("name", config="simple", weight="A")
        + SearchVector("description", "bio", config="english", weight="B"),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    objects = AuthorQuerySet.as_manager()

    class Meta:
        ordering = ["sort_name", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(wikidata_qid="") | Q(wikidata_qid__regex=r"^Q[1-9][0-9]*$"),
                name="author_wikidata_qid_format",
            ),
            models.CheckConstraint(
                condition=Q(orcid="")
                | Q(orcid__regex=r"^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$"),
                name="author_orcid_format",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="author_name_not_blank"),
        ]
        indexes = [
            models.Index(fields=["sort_name"], name="author_sort_name_idx"),
            GinIndex(fields=["search_vector"], name="author_search_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("authors:detail", args=[self.slug])


class Affiliation(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="affiliations")
    organisation = models.CharField(max_length=300)
    title = models.CharField(max_length=300, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True, help_text="Empty while current.")

    class Meta:
        ordering = ["author", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="affiliation_dates_ordered",
            ),
            models.UniqueConstraint(
                fields=["author", "organisation", "title", "start_date"],
                name="affiliation_unique_per_author",
                nulls_distinct=False,
            ),
        ]

    def __str__(self):
        return f"{self.title}, {self.organisation}" if self.title else self.organisation

    @property
    def is_current(self):
        return self.end_date is None
