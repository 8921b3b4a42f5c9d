from collections import Counter

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.quotes.models import Quote
from archive.sources.models import Source


class Command(BaseCommand):
    help = "Re-verify stored quotes against their sources' texts and report counts by verdict."

    def add_arguments(self, parser):
        parser.add_argument("--source", default="", help="Only this source's quotes (slug).")

    def handle(self, *args, **options):
        quotes = Quote.objects.select_related("source", "source__copy_of").order_by("pk")
        if options["source"]:
            if not Source.objects.filter(slug=options["source"]).exists():
                raise CommandError(f"No source with the slug {options['source']!r}.")
            quotes = quotes.filter(source__slug=options["source"])
        verdicts, flags = Counter(), Counter()
        with transaction.atomic():
            for quote in quotes.iterator(chunk_size=500):
                quote.save()
                verdicts[quote.verdict] += 1
                flags.update(quote.verification.get("flags", []))
        total = sum(verdicts.values())
        self.stdout.write(f"Verified {total} quote{'s' if total != 1 else ''}.")
        for verdict, label in Quote.Verdict.choices:
            if verdicts[verdict]:
                self.stdout.write(f"  {verdict}: {verdicts[verdict]}  ({label})")
        for flag, n in sorted(flags.items()):
            self.stdout.write(f"  flagged {flag}: {n}")
        attention = sum(n for v, n in verdicts.items() if v in ("fuzzy", "not_found"))
        if attention or flags:
            self.stdout.write(self.style.WARNING("Some quotes need an editor's attention."))
