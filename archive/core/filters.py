"""Filters shared by the public lists of quotes, claims and sources.

Every filter is a plain GET parameter, so a filtered view is a URL that can be bookmarked and cited:
``author`` and ``theme`` (slugs, repeatable; a theme includes its sub-themes), ``outlet`` (slug,
repeatable), ``kind`` (the source's kind), ``role``, ``date_after``/``date_before`` (ISO dates,
inclusive), ``q`` (free text, PostgreSQL ``websearch_to_tsquery``) and ``order``.
"""

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db.models.expressions import RawSQL

from archive.authors.models import Author
from archive.claims.models import Theme
from archive.sources.models import Outlet, Source

MAX_QUERY_LENGTH = 300

ORDER_CHOICES = [("newest", "Newest first"), ("oldest", "Oldest first"), ("relevance", "Relevance")]


def search_query(text: str) -> SearchQuery:
    """The user's words as a web-search style query (quotes, OR, -), never raw tsquery syntax."""
    return SearchQuery(text, search_type="websearch", config="english")


def theme_and_descendants(themes) -> RawSQL:
    """The ids of the given themes and all their sub-themes, as a subquery (no extra round trip)."""
    ids = [theme.pk for theme in themes]
    return RawSQL(
        "WITH RECURSIVE tree(id) AS ("
        " SELECT id FROM claims_theme WHERE id = ANY(%s::bigint[])"
        " UNION SELECT child.id FROM claims_theme child JOIN tree ON child.parent_id = tree.id"
        ") SELECT id FROM tree",
        [ids],
    )


class SlugsField(django_filters.fields.ModelMultipleChoiceField):
    """Ignores the empty value a ``<select>``'s "Any" option submits."""

    def clean(self, value):
        if value is not None and not isinstance(value, str):
            value = [v for v in value if v not in ("", None)]
        return super().clean(value)


class SlugsFilter(django_filters.ModelMultipleChoiceFilter):
    """Repeatable slugs (``?author=a&author=b``) that must name existing objects."""

    field_class = SlugsField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault("distinct", False)
        kwargs.setdefault("widget", forms.MultipleHiddenInput)
        super().__init__(*args, **kwargs)

    def get_filter_predicate(self, v):
        return {self.field_name: v}  # the object itself, not its slug


def choices_filter(label, field_name, choices):
    """A repeatable choice (``?role=a&role=b`` means either), shown as checkboxes."""
    return django_filters.MultipleChoiceFilter(
        label=label,
        field_name=field_name,
        lookup_expr="exact",
        choices=choices,
        distinct=False,
        widget=forms.CheckboxSelectMultiple,
    )


def kind_filter(field_name):
    return choices_filter("Kind of source", field_name, Source.Kind.choices)


def date_filters(field_name):
    """``date_after``/``date_before``: an inclusive range on ``field_name``."""
    return (
        django_filters.DateFilter(
            label="From",
            field_name=field_name,
            lookup_expr="gte",
            widget=forms.DateInput(attrs={"type": "date"}),
        ),
        django_filters.DateFilter(
            label="To",
            field_name=field_name,
            lookup_expr="lte",
            widget=forms.DateInput(attrs={"type": "date"}),
        ),
    )


VERIFIED_CHOICES = [
    ("yes", "Verified against the source"),
    ("no", "Not verified (wording differs, not found, or not yet checked)"),
]


def verified_filter(field_name="verdict"):
    return django_filters.ChoiceFilter(
        label="Checked against the source",
        field_name=field_name,
        choices=VERIFIED_CHOICES,
        method="filter_verified",
        empty_label="Any",
    )


def verified_q(value, prefix=""):
    from django.db.models import Q

    from archive.quotes.models import Quote

    q = Q(**{f"{prefix}verdict__in": Quote.VERIFIED_VERDICTS})
    return q if value == "yes" else ~q


def authors(request=None):
    return Author.objects.all()


def themes(request=None):
    return Theme.objects.all()


def outlets(request=None):
    return Outlet.objects.all()


class ArchiveFilterSet(django_filters.FilterSet):
    """The parameters every list shares (``q``, ``order``); subclasses declare the rest."""

    q = django_filters.CharFilter(
        label="Words",
        method="filter_q",
        max_length=MAX_QUERY_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "e.g. ceasefire NATO"}),
    )
    order = django_filters.ChoiceFilter(
        label="Order", choices=ORDER_CHOICES, method="filter_nothing", empty_label=None
    )

    def filter_nothing(self, queryset, name, value):
        return queryset  # ordering is the view's job

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(search_vector=search_query(value))

    @property
    def search_text(self) -> str:
        return (self.form.cleaned_data.get("q") or "").strip() if self.is_bound else ""

    @property
    def ordering(self) -> str:
        order = self.form.cleaned_data.get("order") if self.is_bound else None
        if order == "relevance" and not self.search_text:
            order = None
        return order or ("relevance" if self.search_text else "newest")

    def clean_dates(self):
        data = self.form.cleaned_data
        after, before = data.get("date_after"), data.get("date_before")
        if after and before and after > before:
            self.form.add_error("date_before", "The end date is before the start date.")

    def is_valid(self):
        valid = super().is_valid()
        if valid:
            self.clean_dates()
        return self.form.is_valid() and not self.form.errors

    @property
    def active(self) -> bool:
        return self.is_bound and any(
            self.form.cleaned_data.get(name) for name in self.filters if name != "order"
        )
