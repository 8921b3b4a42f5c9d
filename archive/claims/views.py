from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import ExtractYear
from django.views.generic import DetailView, ListView

from archive.authors.models import Author
from archive.claims.filters import ClaimFilter
from archive.claims.models import Claim, ClaimRelation, Theme
from archive.core import listing
from archive.core.views import ArchiveListView, PublicPageMixin
from archive.quotes.models import Quote


def evidence():
    return Quote.objects.published().filter(claims=OuterRef("pk"))


def theme_list():
    return listing.theme_list(Theme.objects.filter(claims=OuterRef("pk")))


class ClaimListView(ArchiveListView):
    """``/claims/``: the propositions the commentary argues, with how much evidence each has."""

    filterset_class = ClaimFilter
    template_name = "claims/claim_list.html"
    keyset = False

    def get_queryset(self):
        return Claim.objects.published()

    def order(self, queryset, ordering):
        if ordering == "relevance":
            return self.order_by_relevance(queryset)
        latest = Subquery(
            evidence().order_by(F("said_on").desc(nulls_last=True)).values("said_on")[:1]
        )
        queryset = queryset.annotate(latest=latest)
        if ordering == "oldest":
            return queryset.order_by(F("latest").asc(nulls_last=True), "statement", "pk")
        return queryset.order_by(F("latest").desc(nulls_last=True), "statement", "pk")

    def decorate(self, queryset):
        return queryset.annotate(
            quote_count=listing.count_of(Quote.objects.published(), "claims"),
            theme_list=theme_list(),
        )

    def facets(self, queryset):
        sample = listing.Sample(queryset)

        def links():
            return Quote.claims.through.objects.filter(
                claim__in=sample.subquery(),
                quote__status="published",
                quote__source__status="published",
            )

        def top(prefix):
            return lambda: list(
                links()
                .values(f"quote__{prefix}__slug", f"quote__{prefix}__name")
                .annotate(n=Count("claim_id", distinct=True))
                .order_by("-n", f"quote__{prefix}__name")[:12]
            )

        jobs = {
            "author": top("speaker"),
            "theme": lambda: list(
                Claim.themes.through.objects.filter(claim__in=sample.subquery())
                .values("theme__slug", "theme__name")
                .annotate(n=Count("claim_id"))
                .order_by("-n", "theme__name")[:12]
            ),
            "outlet": top("source__outlet"),
            "year": lambda: list(
                links()
                .exclude(quote__said_on=None)
                .annotate(year=ExtractYear("quote__said_on"))
                .values("year")
                .annotate(n=Count("claim_id", distinct=True))
                .order_by("year")
            ),
        }
        return listing.build_facets(self.request, listing.run_within_budget(jobs))


class ClaimDetailView(PublicPageMixin, DetailView):
    """``/claims/<slug>/``: the statement, its evidence in date order, who argues it, relations."""

    template_name = "claims/claim_detail.html"
    context_object_name = "claim"

    def get_queryset(self):
        return Claim.objects.published().annotate(theme_list=theme_list())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        claim = self.object
        quotes = list(
            Quote.objects.published()
            .filter(claims=claim)
            .select_related("speaker", "source", "source__outlet")
            .defer("source__raw_text", "source__text", "search_vector", "source__search_vector")
            .order_by(F("said_on").asc(nulls_last=True), "pk")
        )
        context["quotes"] = quotes
        arguers = {}
        for quote in quotes:
            arguers.setdefault(quote.speaker_id, [quote.speaker, 0])[1] += 1
        context["arguers"] = sorted(
            arguers.values(), key=lambda pair: (-pair[1], pair[0].sort_name)
        )
        relations = (
            ClaimRelation.objects.filter(Q(from_claim=claim) | Q(to_claim=claim))
            .filter(from_claim__status="published", to_claim__status="published")
            .select_related("from_claim", "to_claim")
            .only(
                "kind",
                "note",
                "from_claim__statement",
                "from_claim__slug",
                "to_claim__statement",
                "to_claim__slug",
            )
        )
        context["relations"] = [
            {
                "outgoing": relation.from_claim_id == claim.pk,
                "kind": relation.get_kind_display().lower(),
                "other": relation.to_claim
                if relation.from_claim_id == claim.pk
                else relation.from_claim,
                "note": relation.note,
            }
            for relation in relations
        ]
        return context


class ThemeListView(PublicPageMixin, ListView):
    """``/themes/``: every theme, as a tree, with how many quotes and claims each has."""

    template_name = "themes/theme_list.html"
    context_object_name = "themes"

    def get_queryset(self):
        return Theme.objects.annotate(
            quote_count=listing.count_of(Quote.objects.published(), "themes"),
            claim_count=listing.count_of(Claim.objects.published(), "themes"),
        ).order_by("name")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        children = {}
        for theme in context["themes"]:
            children.setdefault(theme.parent_id, []).append(theme)
        for theme in context["themes"]:
            theme.subthemes = children.get(theme.pk, [])
        context["roots"] = children.get(None, [])
        return context


class ThemeDetailView(PublicPageMixin, DetailView):
    """``/themes/<slug>/``: sub-themes, claims, recent quotes, who speaks to it most."""

    template_name = "themes/theme_detail.html"
    context_object_name = "theme"

    def get_queryset(self):
        return Theme.objects.select_related("parent").annotate(
            subtheme_list=listing.theme_list(Theme.objects.filter(parent=OuterRef("pk"))),
            claim_list=listing.claim_list(Claim.objects.published().filter(themes=OuterRef("pk"))),
        )

    def get_context_data(self, **kwargs):
        from archive.core.filters import theme_and_descendants

        context = super().get_context_data(**kwargs)
        themes = theme_and_descendants([self.object])
        quotes = Quote.objects.published().filter(
            pk__in=Quote.themes.through.objects.filter(theme_id__in=themes).values("quote_id")
        )
        context["quotes"] = list(quotes.for_listing()[:20])
        results = listing.run_within_budget(
            {
                "author": lambda: list(
                    Author.objects.filter(quotes__in=quotes)
                    .values("slug", "name")
                    .annotate(n=Count("quotes"))
                    .order_by("-n", "sort_name")[:10]
                )
            }
        )
        context["top_authors"] = results["author"]
        context["top_authors_omitted"] = results["author"] is None
        return context
