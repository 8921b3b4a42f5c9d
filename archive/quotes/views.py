import re

from django.db import connection
from django.db.models import Count
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
    """People, themes, outlets and years of (at most the first 10,000 of) the quotes found.

    People, outlets and years come from one ``GROUPING SETS`` statement over the sample; themes
    (a many-to-many) from a second one.
    """
    sample = listing.Sample(queryset)

    def grouped():
        with connection.cursor() as cursor:
            cursor.execute(GROUPED_FACETS_SQL, [sample.ids])
            rows = cursor.fetchall()
        found = {"author": [], "outlet": [], "year": []}
        for grouping, a_slug, a_name, o_slug, o_name, year, n in rows:
            if grouping == AUTHOR_SET:
                found["author"].append({"slug": a_slug, "name": a_name, "n": n})
            elif grouping == OUTLET_SET and o_slug is not None:
                found["outlet"].append({"slug": o_slug, "name": o_name, "n": n})
            elif grouping == YEAR_SET and year is not None:
                found["year"].append({"year": year, "n": n})
        for name in ("author", "outlet"):
            found[name] = sorted(found[name], key=lambda r: (-r["n"], r["name"]))[:12]
        found["year"].sort(key=lambda r: r["year"])
        return found

    jobs = {
        "grouped": grouped,
        "theme": lambda: list(
            Quote.themes.through.objects.filter(quote__in=sample.subquery())
            .values("theme__slug", "theme__name")
            .annotate(n=Count("quote_id"))
            .order_by("-n", "theme__name")[:12]
        ),
    }
    results = listing.run_within_budget(jobs)
    grouped_rows = results.pop("grouped") or {}
    ordered = {
        "author": grouped_rows.get("author"),
        "theme": results["theme"],
        "outlet": grouped_rows.get("outlet"),
        "year": grouped_rows.get("year"),
    }
    return listing.build_facets(request, ordered)


# GROUPING(a, o, y) is a bit mask of the columns *not* grouped in a row's set.
AUTHOR_SET, OUTLET_SET, YEAR_SET = 0b011, 0b101, 0b110
GROUPED_FACETS_SQL = """
    SELECT GROUPING(a.slug, o.slug, EXTRACT(YEAR FROM q.said_on)),
           a.slug, a.name, o.slug, o.name, EXTRACT(YEAR FROM q.said_on)::int, count(*)
    FROM quotes_quote q
    JOIN authors_author a ON a.id = q.speaker_id
    JOIN sources_source s ON s.id = q.source_id
    LEFT JOIN sources_outlet o ON o.id = s.outlet_id
    WHERE q.id = ANY(%s::bigint[])
    GROUP BY GROUPING SETS ((a.slug, a.name), (o.slug, o.name), (EXTRACT(YEAR FROM q.said_on)))
"""


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
