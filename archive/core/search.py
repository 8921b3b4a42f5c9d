"""``/search/?q=``: one box across quotes, claims, sources and people."""

from django import forms
from django.contrib.postgres.search import SearchRank
from django.db.models import F
from django.views.generic import TemplateView

from archive.authors.models import Author
from archive.claims.models import Claim
from archive.core import listing
from archive.core.filters import MAX_QUERY_LENGTH, search_query
from archive.core.views import PublicPageMixin
from archive.quotes.models import Quote
from archive.sources.models import Source
from archive.sources.views import with_people


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search the archive",
        max_length=MAX_QUERY_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"type": "search", "autofocus": True}),
    )


class SearchView(PublicPageMixin, TemplateView):
    template_name = "core/search.html"
    per_kind = 10

    def get(self, request, *args, **kwargs):
        form = SearchForm(request.GET or None)
        context = {"form": form, "q": ""}
        if form.is_bound and not form.is_valid():
            return self.render_to_response(context | {"invalid": True}, status=400)
        q = form.cleaned_data["q"].strip() if form.is_bound else ""
        if q:
            context |= {"q": q, **self.results(q)}
        return self.render_to_response(context)

    def ranked(self, queryset, query):
        return (
            queryset.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-pk")[: self.per_kind + 1]
        )

    def results(self, q):
        query = search_query(q)
        quotes = self.ranked(Quote.objects.published().for_listing(), query).annotate(
            headline=listing.headline("text", q, highlight_all=True)
        )
        claims = self.ranked(Claim.objects.published(), query).annotate(
            headline=listing.headline("statement", q)
        )
        sources = self.ranked(with_people(Source.objects.published()), query).annotate(
            headline=listing.headline("text", q, max_fragments=2, max_words=30)
        )
        authors = self.ranked(Author.objects.published(), query)
        found = {}
        for name, queryset in (
            ("quotes", quotes),
            ("claims", claims),
            ("sources", sources),
            ("authors", authors),
        ):
            rows = list(queryset)
            found[name] = rows[: self.per_kind]
            found[f"more_{name}"] = len(rows) > self.per_kind
        return found
