from django.db.models import Exists, OuterRef, Q

from archive.core.filters import (
    ArchiveFilterSet,
    SlugsFilter,
    authors,
    choices_filter,
    date_filters,
    kind_filter,
    outlets,
    theme_and_descendants,
    themes,
)
from archive.quotes.models import Quote
from archive.sources.models import Contribution, Source


class SourceFilter(ArchiveFilterSet):
    """Sources by who took part (and in which role), their themes, outlet, kind, date and words."""

    author = SlugsFilter(label="People", field_name="contributions__author", queryset=authors)
    theme = SlugsFilter(label="Theme", queryset=themes, method="filter_theme")
    outlet = SlugsFilter(label="Outlet", field_name="outlet", queryset=outlets)
    kind = kind_filter("kind")
    role = choices_filter("Their role", "contributions__role", Contribution.Role.choices)
    date_after, date_before = date_filters("published_on")

    class Meta:
        model = Source
        fields = []

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        # A person and a role match the same contribution: "interviewed", not "somewhere in it".
        people = Q()
        if data.get("author"):
            people &= Q(author__in=data["author"])
        if data.get("role"):
            people &= Q(role__in=data["role"])
        if people:
            queryset = queryset.filter(
                Exists(Contribution.objects.filter(people, source=OuterRef("pk")))
            )
        if data.get("outlet"):
            queryset = queryset.filter(outlet__in=data["outlet"])
        if data.get("kind"):
            queryset = queryset.filter(kind__in=data["kind"])
        if data.get("date_after"):
            queryset = queryset.filter(published_on__gte=data["date_after"])
        if data.get("date_before"):
            queryset = queryset.filter(published_on__lte=data["date_before"])
        if data.get("theme"):
            queryset = self.filter_theme(queryset, "theme", data["theme"])
        if data.get("q"):
            queryset = self.filter_q(queryset, "q", data["q"])
        return queryset

    def filter_theme(self, queryset, name, value):
        quotes = Quote.objects.published().filter(
            source=OuterRef("pk"),
            themes__in=theme_and_descendants(value),
        )
        return queryset.filter(Exists(quotes))
