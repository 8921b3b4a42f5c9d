import re

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.views.generic import DetailView

from archive.core import listing
from archive.core.views import ArchiveListView, PublicPageMixin
from archive.quotes.filters import QuoteFilter
from archive.quotes.models import CONTEXT_WINDOW, Quote


class QuoteListView(ArchiveListView):
    """``/quotes/``: every published quote, filtered, faceted and searchable."""

    filterset_class = QuoteFilter
    template_name = "quotes/quote_list.html"
    date_field = "said_on"

    def get_queryset(self):
        return Quote.objects.published().for_listing()

    def decorate(self, queryset):
        if self.filterset.search_text:
            queryset = queryset.annotate(
                headline=listing.headline("text", self.filterset.search_text, highlight_all=True)
            )
        return queryset

    def facets(self, queryset):
        return quote_facets(self.request, queryset)


def quote_facets(request, queryset):
    """Authors, themes, outlets and years of (at most the first 10,000 of) the quotes found."""
    sample = Quote.objects.filter(pk__in=queryset.order_by().values("pk")[: listing.COUNT_CAP])

    def top(values, label_field):
        return lambda: list(
            sample.values(*values).annotate(n=Count("pk")).order_by("-n", label_field)[:12]
        )

    jobs = {
        "author": top(["speaker__slug", "speaker__name"], "speaker__name"),
        "theme": lambda: list(
            Quote.themes.through.objects.filter(quote__in=sample)
            .values("theme__slug", "theme__name")
            .annotate(n=Count("quote_id"))
            .order_by("-n", "theme__name")[:12]
        ),
        "outlet": top(["source__outlet__slug", "source__outlet__name"], "source__outlet__name"),
        "year": lambda: list(
            sample.exclude(said_on=None)
            .annotate(year=ExtractYear("said_on"))
            .values("year")
            .annotate(n=Count("pk"))
            .order_by("year")
        ),
    }
    return listing.build_facets(request, listing.run_within_budget(jobs))


class QuoteDetailView(PublicPageMixin, DetailView):
    """``/quotes/<id>/``: the words, who said them in which role, where and when, in context."""

    template_name = "quotes/quote_detail.html"
    context_object_name = "quote"

    def get_queryset(self):
        return Quote.objects.published().for_detail()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        quote = self.object
        context["before"], context["after"] = surrounding_sentences(
            quote.context_before or "", quote.context_after or ""
        )
        context["others"] = list(
            Quote.objects.published()
            .filter(source_id=quote.source_id)
            .exclude(pk=quote.pk)
            .select_related("speaker")
            .only("text", "speaker_role", "start_offset", "speaker__name", "speaker__slug")
            .in_source_order()[:30]
        )
        return context


SENTENCE_END = re.compile(r"(?<=[.!?…])[”\"’]?\s+")


def surrounding_sentences(before: str, after: str, sentences: int = 2) -> tuple[str, str]:
    """The last sentences before the quote and the first ones after it, from the stored text.

    ``before`` and ``after`` are windows cut from the text; a sentence cut by the window is dropped.
    """
    starts = [m.end() for m in SENTENCE_END.finditer(before)]
    if len(before) < CONTEXT_WINDOW:
        starts = [0, *starts]
    keep = starts[-sentences - 1 :] if starts else []
    lead = before[keep[0] :] if keep else ""
    ends = [m.start() + 1 for m in SENTENCE_END.finditer(after)]
    if len(after) < CONTEXT_WINDOW:
        ends.append(len(after))
    tail = after[: ends[min(sentences, len(ends)) - 1]] if ends else ""
    return lead.lstrip(), tail.rstrip()
