from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count

from archive.quotes.models import Quote
from archive.sources import services
from archive.sources.models import Source


class Command(BaseCommand):
    help = "Re-verify stored quotes against their sources' texts and report counts by verdict."

    def add_arguments(self, parser):
        parser.add_argument("--source", default="", help="Only this source's quotes (slug).")

    def handle(self, *args, **options):
        sources = Source.objects.filter(quotes__isnull=False).distinct().select_related("copy_of")
        if options["source"]:
            sources = Source.objects.filter(slug=options["source"]).select_related("copy_of")
            if not sources.exists():
                raise CommandError(f"No source with the slug {options['source']!r}.")
        # One source (and its text) at a time, through the same service the admin uses.
        with transaction.atomic():
            for source in sources.iterator(chunk_size=50):
                services.reverify_quotes(source)
        quotes = Quote.objects.filter(source__in=sources.values("pk"))
        verdicts = dict(quotes.values_list("verdict").annotate(n=Count("pk")).order_by())
        flags = Counter(
            flag
            for verification in quotes.exclude(verification__flags=[]).values_list(
                "verification", flat=True
            )
            for flag in (verification or {}).get("flags", [])
        )
        total = sum(verdicts.values())
        self.stdout.write(f"Verified {total} quote{'s' if total != 1 else ''}.")
        for verdict, label in Quote.Verdict.choices:
            if verdicts.get(verdict):
                self.stdout.write(f"  {verdict}: {verdicts[verdict]}  ({label})")
        for flag, n in sorted(flags.items()):
            self.stdout.write(f"  flagged {flag}: {n}")
        attention = sum(n for v, n in verdicts.items() if v in ("fuzzy", "not_found"))
        if attention or flags:
            self.stdout.write(self.style.WARNING("Some quotes need an editor's attention."))
