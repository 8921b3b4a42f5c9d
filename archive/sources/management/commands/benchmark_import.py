"""Measure the import rate into a large archive: ``manage.py benchmark_import``.

Fills the database with ``--background`` stored sources (each with a full set of LSH band keys, so
the fingerprint index has its real size), then imports ``--articles`` generated articles through
the real importer (cleaning, repairs, turns, fingerprints, copy search and classification); one in
ten is a copy of an earlier one. Everything is rolled back at the end unless ``--keep``.
"""

import random
import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from archive.sources import copies
from archive.sources.importer import ImportOptions, import_bytes

WORDS = [
    "ceasefire",
    "guarantees",
    "negotiations",
    "Kremlin",
    "Kyiv",
    "sanctions",
    "alliance",
    "territory",
    "security",
    "diplomacy",
    "frontline",
    "artillery",
    "economy",
    "inflation",
    "reserves",
    "pipeline",
    "summit",
    "envoy",
    "treaty",
    "deterrence",
    "escalation",
    "mobilisation",
    "drones",
    "refinery",
    "grain",
    "corridor",
    "referendum",
    "annexation",
    "parliament",
    "coalition",
    "election",
    "budget",
    "deficit",
    "subsidies",
    "tariffs",
    "exports",
    "neutrality",
    "reconstruction",
    "aid",
    "weapons",
    "ammunition",
    "airspace",
    "border",
    "occupation",
    "withdrawal",
    "monitors",
]
GLUE = [
    "the",
    "a",
    "of",
    "to",
    "in",
    "and",
    "that",
    "is",
    "was",
    "for",
    "on",
    "with",
    "as",
    "by",
    "at",
    "it",
    "from",
    "his",
    "her",
    "their",
    "this",
    "will",
]


class Rollback(Exception):
    pass


def vocabulary() -> list[str]:
    """Common English words (wordfreq's list), so generated articles differ as real ones do."""
    try:
        from wordfreq import top_n_list

        return [w for w in top_n_list("en", 20_000) if w.isalpha() and len(w) > 2] + WORDS
    except ImportError:  # pragma: no cover - wordfreq is a locked dependency
        return WORDS


VOCABULARY = vocabulary()


def sentence(rng: random.Random) -> str:
    words = [rng.choice(VOCABULARY if i % 3 == 0 else GLUE) for i in range(rng.randint(12, 24))]
    return " ".join(words).capitalize() + "."


def article(rng: random.Random, n: int, words: int) -> str:
    paragraphs, count = [f"Generated article {n}: {rng.choice(WORDS)} and {rng.choice(WORDS)}"], 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs) + "\n"


class Command(BaseCommand):
    help = "Benchmark importing articles into an archive of many sources (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--background", type=int, default=100_000)
        parser.add_argument("--articles", type=int, default=1_000)
        parser.add_argument("--words", type=int, default=800, help="Words per article.")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--keep", action="store_true", help="Keep what was written.")

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self.run(options)
                if not options["keep"]:
                    raise Rollback
        except Rollback:
            self.stdout.write("Rolled back: the archive is as it was.")

    def run(self, options):
        background = options["background"]
        started = time.perf_counter()
        keys = len(copies.KINDS) * copies.BANDS
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO sources_source (created_at, updated_at, title, slug, kind,
                    original_url, archived_url, language, published_on, date_precision,
                    raw_text, text, text_sha256, summary, editor_note, status, copy_kind,
                    removed_spans, repairs, turns, import_warnings)
                SELECT now(), now(), 'Background ' || g, 'benchmark-background-' || g, 'essay',
                    '', '', 'en', DATE '2015-01-01' + (g %% 3650), 'day',
                    'Background text ' || g, 'Background text ' || g,
                    encode(sha256(convert_to('Background text ' || g, 'UTF8')), 'hex'),
                    '', '', 'published', '', '[]', '[]', '[]', '[]'
                FROM generate_series(1, %s) AS g
                """,
                [background],
            )
            cursor.execute(
                """
                INSERT INTO sources_sourcefingerprint (source_id, key)
                SELECT s.id, (random() * 9.2e18 - 4.6e18)::bigint
                FROM sources_source s CROSS JOIN generate_series(1, %s)
                WHERE s.slug LIKE 'benchmark-background-%%'
                """,
                [keys],
            )
            cursor.execute("ANALYZE sources_source")
            cursor.execute("ANALYZE sources_sourcefingerprint")
            cursor.execute("SELECT count(*) FROM sources_sourcefingerprint")
            fingerprints = cursor.fetchone()[0]
        self.stdout.write(
            f"Archive: {background:,} background sources, {fingerprints:,} band keys "
            f"({time.perf_counter() - started:.1f} s to build)."
        )

        rng = random.Random(options["seed"])
        texts, timings, linked, copies_made = [], [], 0, 0
        for n in range(options["articles"]):
            outlet = f"Benchmark outlet {n % 7}"
            if texts and n % 10 == 9:  # a syndicated copy, elsewhere, with a leftover line
                text = texts.pop(rng.randrange(len(texts))) + "\nRead more\n"
                outlet, copies_made = "Benchmark syndicator", copies_made + 1
            else:
                text = article(rng, n, options["words"])
                texts.append(text)
            began = time.perf_counter()
            result = import_bytes(
                text.encode(),
                ImportOptions(outlet=outlet, status="published"),
                name=f"article-{n}",
            )
            timings.append(time.perf_counter() - began)
            if not result.ok:
                self.stderr.write(f"article {n}: {result.error}")
            linked += bool(result.copy_of)
        total = sum(timings)
        timings.sort()
        self.stdout.write(
            f"Imported {len(timings):,} articles of ~{options['words']} words in {total:.1f} s: "
            f"{len(timings) / total:.1f} articles/s; per article median "
            f"{statistics.median(timings) * 1000:.0f} ms, p95 "
            f"{timings[int(len(timings) * 0.95)] * 1000:.0f} ms; {copies_made} copies made, "
            f"{linked} linked as copies."
        )
