import django_filters
from django.db.models import Count, Exists, F, OuterRef
from django.views.generic import DetailView

from archive.authors.models import Affiliation, Author
from archive.claims.models import Claim
from archive.core import listing
from archive.core.filters import ArchiveFilterSet, choices_filter
from archive.core.views import ArchiveListView, PublicPageMixin
from archive.quotes.models import Quote
from archive.sources.models import Contribution, Source
from archive.sources.views import with_people


def quote_count():
    return listing.count_of(Quote.objects.published(), "speaker")


class AuthorFilter(ArchiveFilterSet):
    kind = choices_filter("Kind of person", "kind", Author.Kind.choices)
    order = django_filters.ChoiceFilter(
        label="Order",
        choices=[("name", "By name"), ("quoted", "Most quoted"), ("relevance", "Relevance")],
        method="filter_nothing",
        empty_label=None,
    )

    class Meta:
        model = Author
        fields = []

    @property
    def ordering(self):
        order = self.form.cleaned_data.get("order") if self.is_bound else None
        if order == "relevance" and not self.search_text:
            order = None
        return order or ("relevance" if self.search_text else "name")


class AuthorListView(ArchiveListView):
    """``/authors/``: everyone with published commentary or quotes."""

    filterset_class = AuthorFilter
    template_name = "authors/author_list.html"
    keyset = False
    slug_filters = ()

    def get_queryset(self):
        return Author.objects.published()

    def order(self, queryset, ordering):
        if ordering == "relevance":
            return self.order_by_relevance(queryset)
        if ordering == "quoted":
            return queryset.annotate(n=quote_count()).order_by("-n", "sort_name", "pk")
        return queryset.order_by("sort_name", "name", "pk")

    def decorate(self, queryset):
        return queryset.annotate(quote_count=quote_count())


class AuthorDetailView(PublicPageMixin, DetailView):
    """``/authors/<slug>/``: who they are, what they wrote or said, their claims and themes."""

    template_name = "authors/author_detail.html"
    context_object_name = "author"
    quote_limit = 200

    def get_queryset(self):
        evidence = Quote.objects.published().filter(
            claims=OuterRef("pk"), speaker=OuterRef(OuterRef("pk"))
        )
        return Author.objects.published().annotate(
            affiliation_list=listing.json_list(
                Affiliation.objects.filter(author=OuterRef("pk")).order_by(
                    F("start_date").desc(nulls_last=True)
                ),
                organisation="organisation",
                title="title",
                start="start_date",
                end="end_date",
            ),
            claim_list=listing.claim_list(Claim.objects.published().filter(Exists(evidence))),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        author = self.object
        context["sources"] = list(
            with_people(
                Source.objects.published().filter(
                    Exists(Contribution.objects.filter(source=OuterRef("pk"), author=author))
                )
            ).order_by(F("published_on").desc(nulls_last=True), "title")
        )
        quotes = list(
            Quote.objects.published().filter(speaker=author).for_listing()[: self.quote_limit + 1]
        )
        context["more_quotes"] = len(quotes) > self.quote_limit
        context["quotes"] = quotes[: self.quote_limit]
        results = listing.run_within_budget(
            {
                "theme": lambda: list(
                    Quote.themes.through.objects.filter(
                        quote__speaker=author,
                        quote__status="published",
                        quote__source__status="published",
                    )
                    .values("theme__slug", "theme__name")
                    .annotate(n=Count("quote_id"))
                    .order_by("-n", "theme__name")
                )
            }
        )
        context["themes"] = results["theme"]
        context["themes_omitted"] = results["theme"] is None
        return context
