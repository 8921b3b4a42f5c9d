"""Building blocks shared by the archive's apps (no tables of their own)."""

from django.db import models


class Status(models.TextChoices):
    """Editorial status. Only ``published`` objects are shown to the public."""

    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class DatePrecision(models.TextChoices):
    """How much of a date is known. A month or year is stored as its first day."""

    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


def date_precision_check(date_field: str, precision_field: str) -> models.Q:
    """A month-precise date falls on the 1st; a year-precise one on 1 January."""
    return (
        models.Q(**{f"{date_field}__isnull": True})
        | models.Q(**{precision_field: DatePrecision.DAY})
        | models.Q(**{precision_field: DatePrecision.MONTH, f"{date_field}__day": 1})
        | models.Q(
            **{
                precision_field: DatePrecision.YEAR,
                f"{date_field}__day": 1,
                f"{date_field}__month": 1,
            }
        )
    )


def format_date(value, precision: str) -> str:
    """Render a date only as precisely as it is known: '30 May 2025', 'May 2025', '2025'."""
    if value is None:
        return "undated"
    if precision == DatePrecision.YEAR:
        return f"{value:%Y}"
    if precision == DatePrecision.MONTH:
        return f"{value:%B %Y}"
    return f"{value.day} {value:%B %Y}"


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
