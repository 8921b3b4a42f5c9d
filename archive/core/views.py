from django.db.models import F
from django.http import Http404
from django.utils.cache import patch_cache_control
from django.views.generic import TemplateView
from django_filters.views import FilterView

from archive.core import listing
from archive.core.listing import BadParameter, Page, make_cursor, parse_cursor, url_with


class PublicPageMixin:
    """Anonymous pages are the same for everyone: no cookie, explicit caching, conditional GET
    (the ``ConditionalGetMiddleware`` adds the ETag and answers 304)."""

    cache_seconds = 300

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if response.status_code < 300:
            patch_cache_control(response, public=True, max_age=self.cache_seconds)
        else:
            patch_cache_control(response, public=True, max_age=60)
        return response


class ArchiveListView(PublicPageMixin, FilterView):
    """A filtered, faceted, paginated public list.

    Subclasses set ``filterset_class``, ``date_field`` (the date the list is ordered by, for keyset
    pagination) and ``facet_specs()``. Invalid filter values answer 400 with the form saying what
    is wrong; a page beyond the end answers 404.
    """

    paginate_by = 25
    date_field: str | None = None
    keyset = True

    def get(self, request, *args, **kwargs):
        self.filterset = self.get_filterset(self.get_filterset_class())
        if self.filterset.is_bound and not self.filterset.is_valid():
            return self.invalid()
        queryset = self.filterset.qs
        self.total = listing.capped_count(queryset)
        try:
            page = self.paginate(queryset, self.filterset.ordering)
        except BadParameter as exc:
            self.filterset.form.add_error(None, str(exc))
            return self.invalid()
        self.object_list = page.object_list
        context = self.get_context_data(
            filter=self.filterset,
            page=page,
            object_list=page.object_list,
            total=self.total,
            facets=self.facets(queryset),
            ordering=self.filterset.ordering,
        )
        return self.render_to_response(context)

    def invalid(self):
        self.object_list = []
        context = self.get_context_data(
            filter=self.filterset, page=Page([]), object_list=[], facets=[], invalid=True
        )
        return self.render_to_response(context, status=400)

    def get_context_data(self, **kwargs):
        # MultipleObjectMixin's pagination is replaced by ours; keep only what templates need.
        kwargs.setdefault("view", self)
        kwargs["slug_choices"] = self.slug_choices(kwargs.get("facets") or [])
        return kwargs

    slug_filters = (("author", "People"), ("theme", "Themes"), ("outlet", "Outlets"))

    def slug_choices(self, facets):
        """For each slug filter: what is selected (removable) and what the results offer to add."""
        form = self.filterset.form
        cleaned = getattr(form, "cleaned_data", {})
        by_name = {facet.name: facet for facet in facets}
        choices = []
        for name, label in self.slug_filters:
            if name not in self.filterset.filters:
                continue
            selected = list(cleaned.get(name) or [])
            for obj in selected:
                obj.remove_url, _ = listing.toggle(self.request, name, obj.slug)
            slugs = {obj.slug for obj in selected}
            facet = by_name.get(name)
            options = [i for i in facet.items if i.value not in slugs] if facet else []
            choices.append(
                {
                    "name": name,
                    "label": label,
                    "selected": selected,
                    "options": options,
                    "errors": form.errors.get(name, []),
                }
            )
        return choices

    # --- ordering and pagination ---------------------------------------------------------------

    def order(self, queryset, ordering):
        if ordering == "relevance":
            return self.order_by_relevance(queryset)
        return queryset.order_by(*self.date_ordering(ordering))

    def order_by_relevance(self, queryset):
        """Rank the matches by ``ts_rank``; only the 10,000 newest matches are ranked, so a word
        that matches a million rows still answers quickly."""
        from django.contrib.postgres.search import SearchRank

        from archive.core.filters import search_query

        newest = self.date_ordering("newest") if self.date_field else ["-pk"]
        candidates = queryset.order_by(*newest).values("pk")[: listing.COUNT_CAP]
        query = search_query(self.filterset.search_text)
        return (
            queryset.filter(pk__in=candidates)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "-pk")
        )

    def date_ordering(self, ordering):
        from django.db.models import F, Value
        from django.db.models.functions import Coalesce

        key = Coalesce(F(self.date_field), Value(listing.MIN_DATE))
        if ordering == "oldest":
            return [key.asc(), F("pk").asc()]
        return [key.desc(), F("pk").desc()]

    def page_number(self):
        value = self.request.GET.get("page", "1")
        try:
            number = int(value)
        except ValueError:
            raise BadParameter(f"page must be a whole number, not {value[:40]!r}.") from None
        if number < 1:
            raise Http404("No such page.")
        return number

    def paginate(self, queryset, ordering) -> Page:
        per_page = self.paginate_by
        request = self.request
        keyset = self.keyset and self.date_field and ordering in ("newest", "oldest")
        after, before = request.GET.get("after"), request.GET.get("before")
        if keyset and (after or before):
            return self.keyset_page(queryset, ordering, after, before)
        number = self.page_number()
        total = self.total
        num_pages = max(1, -(-total.value // per_page))
        if number > num_pages:
            raise Http404("No such page.")
        offset = (number - 1) * per_page
        rows = list(self.decorate(self.order(queryset, ordering))[offset : offset + per_page + 1])
        has_next = len(rows) > per_page
        rows = rows[:per_page]
        page = Page(rows, number=number, num_pages=num_pages)
        if has_next:
            if keyset:
                page.next_url = url_with(request, after=self.cursor(rows[-1]))
            elif number < num_pages:
                page.next_url = url_with(request, page=number + 1)
        if number > 1:
            page.previous_url = url_with(request, page=number - 1 if number > 2 else None)
            page.first_url = url_with(request)
        return page

    def cursor(self, row):
        return make_cursor(getattr(row, self.date_field.replace("__", "_")), row.pk)

    def keyset_page(self, queryset, ordering, after, before) -> Page:
        per_page = self.paginate_by
        day, pk = parse_cursor(after or before)
        newest = ordering == "newest"
        forward = bool(after)
        # Moving "forward" in newest-first order means smaller keys.
        op = "<" if newest == forward else ">"
        table = queryset.model._meta.db_table
        column = queryset.model._meta.get_field(self.date_field).column
        where = f"(COALESCE({table}.{column}, %s::date), {table}.id) {op} (%s::date, %s)"  # noqa: S608
        queryset = queryset.extra(where=[where], params=[listing.MIN_DATE, day, pk])  # noqa: S610
        ordered = self.order(queryset, ordering if forward else self.reverse(ordering))
        rows = list(self.decorate(ordered)[: per_page + 1])
        more = len(rows) > per_page
        rows = rows[:per_page]
        if not forward:
            rows.reverse()
        page = Page(rows, first_url=url_with(self.request))
        if rows:
            if forward or more:
                page.previous_url = url_with(self.request, before=self.cursor(rows[0]))
            if more or not forward:
                page.next_url = url_with(self.request, after=self.cursor(rows[-1]))
        return page

    @staticmethod
    def reverse(ordering):
        return "oldest" if ordering == "newest" else "newest"

    def decorate(self, queryset):
        """Add what the rows on the page show (highlights, related rows) — only for those rows."""
        return queryset

    def facets(self, queryset):
        return []


class HomeView(PublicPageMixin, TemplateView):
    """``/``: a search box, the latest sources, the themes, the most-quoted people, counts."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        from archive.authors.models import Author
        from archive.authors.views import quote_count
        from archive.claims.models import Claim, Theme
        from archive.quotes.models import Quote
        from archive.sources.models import Source
        from archive.sources.views import with_people

        context = super().get_context_data(**kwargs)
        context["sources"] = list(
            with_people(Source.objects.published()).order_by(*Source._meta.ordering)[:10]
        )
        context["themes"] = list(
            Theme.objects.filter(parent=None)
            .annotate(quote_count=listing.count_of(Quote.objects.published(), "themes"))
            .order_by("name")
        )
        context["top_authors"] = list(
            Author.objects.published()
            .annotate(quote_count=quote_count())
            .filter(quote_count__gt=0)
            .order_by("-quote_count", "sort_name")[:8]
        )
        context["counts"] = listing.capped_counts_sql(
            {
                "quotes": Quote.objects.published(),
                "verified": Quote.objects.published().filter(verdict__in=Quote.VERIFIED_VERDICTS),
                "sources": Source.objects.published(),
                "claims": Claim.objects.published(),
                "authors": Author.objects.published(),
            }
        )
        return context
