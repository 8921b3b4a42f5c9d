from django.db.models import Exists, OuterRef

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
    verified_filter,
    verified_q,
)
from archive.quotes.models import Quote


class QuoteFilter(ArchiveFilterSet):
    author = SlugsFilter(label="Speaker", field_name="speaker", queryset=authors)
    theme = SlugsFilter(label="Theme", queryset=themes, method="filter_theme")
    outlet = SlugsFilter(label="Outlet", field_name="source__outlet", queryset=outlets)
    kind = kind_filter("source__kind")
    role = choices_filter("Speaker’s role", "speaker_role", Quote.SpeakerRole.choices)
    date_after, date_before = date_filters("said_on")
    verified = verified_filter()

    class Meta:
        model = Quote
        fields = []

    def filter_verified(self, queryset, name, value):
        return queryset.filter(verified_q(value)) if value else queryset

    def filter_theme(self, queryset, name, value):
        if not value:
            return queryset
        tagged = Quote.themes.through.objects.filter(
            quote_id=OuterRef("pk"), theme_id__in=theme_and_descendants(value)
        )
        return queryset.filter(Exists(tagged))
