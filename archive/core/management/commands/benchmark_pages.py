"""Time the public quote list at scale: ``manage.py benchmark_pages --quotes 300000``.

Adds that many published quotes (by SQL, in one transaction), renders list pages through the real
view, reports the time per page and its slowest statements, and rolls everything back.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from archive.quotes.views import QuoteListView

URLS = [
    "/quotes/",
    "/quotes/?order=oldest",
    "/quotes/?after=2010-01-01.1",
    "/quotes/?role=author&date_after=2005-01-01&date_before=2006-12-31",
    "/quotes/?q=ceasefire",
    "/quotes/?q=rare",
]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Benchmark the quote list pages with many quotes (rolled back afterwards)."

    def add_arguments(self, parser):
        parser.add_argument("--quotes", type=int, default=300_000)
        parser.add_argument("--repeat", type=int, default=3)

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self.run(options)
                raise Rollback
        except Rollback:
            self.stdout.write("Rolled back: the archive is as it was.")

    def run(self, options):
        with connection.cursor() as cursor:
            cursor.execute("SELECT id FROM sources_source WHERE status = 'published' LIMIT 1")
            source = cursor.fetchone()
            cursor.execute("SELECT id FROM authors_author LIMIT 1")
            author = cursor.fetchone()
            if not (source and author):
                raise CommandError("Load the corpus first (manage.py load_demo).")
            started = time.perf_counter()
            cursor.execute(
                """
                INSERT INTO quotes_quote (created_at, updated_at, source_id, speaker_id,
                    speaker_role, text, prefix, suffix, said_on, said_on_precision,
                    said_on_from_source, status, verdict, verification, verified_sha256,
                    verifier_version, editor_note)
                SELECT now(), now(), %s, %s, 'author',
                    'Synthetic words number ' || g || ' about ceasefire talks'
                        || CASE WHEN g %% 1000 = 0 THEN ' and a rare word' ELSE '' END,
                    '', '', DATE '2000-01-01' + (g %% 9000), 'day', false, 'published', 'exact',
                    '{}', '', '', ''
                FROM generate_series(1, %s) AS g
                """,
                [source[0], author[0], options["quotes"]],
            )
            cursor.execute("ANALYZE quotes_quote")
        self.stdout.write(
            f"Added {options['quotes']:,} quotes in {time.perf_counter() - started:.1f} s."
        )
        factory = RequestFactory()
        for url in URLS:
            times, slowest = [], []
            for _ in range(options["repeat"]):
                request = factory.get(url)
                view = QuoteListView()
                view.setup(request)
                began = time.perf_counter()
                with CaptureQueriesContext(connection) as ctx:
                    response = view.get(request)
                    response.render()
                times.append((time.perf_counter() - began) * 1000)
                slowest = sorted(
                    ((float(q["time"]) * 1000, q["sql"][:60]) for q in ctx.captured_queries),
                    reverse=True,
                )[:2]
            self.stdout.write(
                f"{url}: {response.status_code}, best of {len(times)} {min(times):.0f} ms, "
                f"{len(ctx.captured_queries)} statements; slowest "
                + "; ".join(f"{ms:.0f} ms {sql}…" for ms, sql in slowest)
            )
