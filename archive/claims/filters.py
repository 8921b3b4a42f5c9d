from django.db.models import Exists, OuterRef, Q

from archive.claims.models import Claim
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

# Filters that describe the evidence: a claim matches when one published quote matches them all.
EVIDENCE_FILTERS = {
    "author": "speaker__in",
    "outlet": "source__outlet__in",
    "kind": "source__kind__in",
    "role": "speaker_role__in",
    "date_after": "said_on__gte",
    "date_before": "said_on__lte",
}


class ClaimFilter(ArchiveFilterSet):
    """Claims by their themes and words, and by the quotes that evidence them: who said it, where,
    in which role, when (all of these must hold for one and the same quote)."""

    author = SlugsFilter(label="Argued by", field_name="quotes__speaker", queryset=authors)
    theme = SlugsFilter(label="Theme", queryset=themes, method="filter_theme")
    outlet = SlugsFilter(label="Outlet", field_name="quotes__source__outlet", queryset=outlets)
    kind = kind_filter("quotes__source__kind")
    role = choices_filter("Speaker’s role", "quotes__speaker_role", Quote.SpeakerRole.choices)
    date_after, date_before = date_filters("quotes__said_on")
    verified = verified_filter("quotes__verdict")

    class Meta:
        model = Claim
        fields = []

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        evidence = Q()
        for name, lookup in EVIDENCE_FILTERS.items():
            if data.get(name):
                evidence &= Q(**{lookup: data[name]})
        if data.get("verified"):
            evidence &= verified_q(data["verified"])
        if evidence:
            quotes = Quote.objects.published().filter(evidence, claims=OuterRef("pk"))
            queryset = queryset.filter(Exists(quotes))
        if data.get("theme"):
            queryset = self.filter_theme(queryset, "theme", data["theme"])
        if data.get("q"):
            queryset = self.filter_q(queryset, "q", data["q"])
        return queryset

    def filter_theme(self, queryset, name, value):
        tagged = Claim.themes.through.objects.filter(
            claim_id=OuterRef("pk"), theme_id__in=theme_and_descendants(value)
        )
        return queryset.filter(Exists(tagged))
