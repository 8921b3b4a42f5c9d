from django.views.generic import ListView

from archive.authors.models import Author
from archive.claims.models import Claim, Theme
from archive.quotes.models import Quote
from archive.sources.models import Source


class HomeView(ListView):
    """The published sources, newest first, with who wrote them and when."""

    template_name = "core/home.html"
    context_object_name = "sources"
    paginate_by = 50

    def get_queryset(self):
        return Source.objects.published().for_listing()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = {
            "sources": context["paginator"].count,
            "quotes": Quote.objects.published().count(),
            "claims": Claim.objects.published().count(),
            "authors": Author.objects.published().count(),
            "themes": Theme.objects.count(),
        }
        return context
