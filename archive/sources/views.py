from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import ExtractYear
from django.views.generic import DetailView

from archive.claims.models import Claim
from archive.core import listing
from archive.core.views import ArchiveListView, PublicPageMixin
from archive.quotes.models import Quote
from archive.sources.filters import SourceFilter
from archive.sources.models import Contribution, Outlet, Source


def contributor_list():
    """The people of a source, in order, as JSON (one query for a whole page of sources)."""
    return listing.json_list(
        Contribution.objects.filter(source=OuterRef("pk")).order_by("order", "pk"),
        name="author__name",
        slug="author__slug",
        role="role",
        attribution="attribution",
    )


def with_people(queryset):
    return (
        queryset.select_related("outlet", "copy_of")
        .defer(
            "raw_text",
            "text",
            "search_vector",
            "copy_of__raw_text",
            "copy_of__text",
            "copy_of__search_vector",
        )
        .annotate(people=contributor_list())
    )


class SourceListView(ArchiveListView):
    """``/sources/``: essays, op-eds and interviews, with their people, outlet and date."""

    filterset_class = SourceFilter
    template_name = "sources/source_list.html"
    date_field = "published_on"

    def get_queryset(self):
        return Source.objects.published()

    def decorate(self, queryset):
        queryset = with_people(queryset)
        if self.filterset.search_text:
            queryset = queryset.annotate(
                headline=listing.headline(
                    "text", self.filterset.search_text, max_fragments=2, max_words=30, min_words=12
                )
            )
        return queryset

    def facets(self, queryset):
        sample = listing.Sample(queryset)

        def sources():
            return Source.objects.filter(pk__in=sample.subquery())

        jobs = {
            "author": lambda: list(
                Contribution.objects.filter(source__in=sample.subquery())
                .values("author__slug", "author__name")
                .annotate(n=Count("source_id", distinct=True))
                .order_by("-n", "author__name")[:12]
            ),
            "theme": lambda: list(
                Quote.themes.through.objects.filter(
                    quote__source__in=sample.subquery(), quote__status="published"
                )
                .values("theme__slug", "theme__name")
                .annotate(n=Count("quote__source_id", distinct=True))
                .order_by("-n", "theme__name")[:12]
            ),
            "outlet": lambda: list(
                sources()
                .values("outlet__slug", "outlet__name")
                .annotate(n=Count("pk"))
                .order_by("-n", "outlet__name")[:12]
            ),
            "year": lambda: list(
                sources()
                .exclude(published_on=None)
                .annotate(year=ExtractYear("published_on"))
                .values("year")
                .annotate(n=Count("pk"))
                .order_by("year")
            ),
        }
        return listing.build_facets(self.request, listing.run_within_budget(jobs))


class SourceDetailView(PublicPageMixin, DetailView):
    """``/sources/<slug>/``: metadata, people and roles, copy banners, quotes in order, claims.

    The stored article itself is not shown: quotes appear with their context on their own pages.
    """

    template_name = "sources/source_detail.html"
    context_object_name = "source"

    def get_queryset(self):
        copies = Source.objects.published().filter(copy_of=OuterRef("pk")).order_by("title")
        evidence = Quote.objects.filter(
            claims=OuterRef("pk"), source=OuterRef(OuterRef("pk")), status="published"
        )
        claims = Claim.objects.published().filter(Exists(evidence))
        return with_people(Source.objects.published()).annotate(
            copy_list=listing.json_list(copies, title="title", slug="slug", kind="copy_kind"),
            claim_list=listing.claim_list(claims),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["quotes"] = list(
            Quote.objects.published()
            .filter(source=self.object)
            .select_related("speaker")
            .defer("search_vector")
            .in_source_order()
        )
        context["copy_kinds"] = dict(Source.CopyKind.choices)
        return context


class OutletDetailView(PublicPageMixin, DetailView):
    """``/outlets/<slug>/``: an outlet and its published sources."""

    template_name = "sources/outlet_detail.html"
    context_object_name = "outlet"
    model = Outlet

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sources"] = list(
            with_people(Source.objects.published().filter(outlet=self.object)).order_by(
                "-published_on", "title"
            )[:200]
        )
        return context
