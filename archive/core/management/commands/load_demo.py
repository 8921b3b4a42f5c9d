from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.core.corpus_schema import CorpusError, read_corpus
from archive.core.demo import DEFAULT_CORPUS, load_corpus


class Command(BaseCommand):
    help = (
        "Load the founding corpus (sources, people, themes, claims, verbatim quotes). Safe to run "
        "again: rows are updated in place. Attaches the founding texts when DEMO_TEXTS_DIR exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=DEFAULT_CORPUS, help="The corpus JSON.")
        parser.add_argument(
            "--texts",
            type=Path,
            default=None,
            help="Folder of the founding texts (default: the DEMO_TEXTS_DIR setting).",
        )

    def handle(self, *args, **options):
        texts_dir = options["texts"] or settings.DEMO_TEXTS_DIR
        try:
            data = read_corpus(options["file"])
            report = load_corpus(data, texts_dir if texts_dir and texts_dir.is_dir() else None)
        except CorpusError as exc:
            raise CommandError(f"Nothing was loaded: {exc}") from exc
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning}"))
        summary = ", ".join(f"{label} {new} new" for label, new in report.created.items())
        self.stdout.write(f"Founding corpus loaded ({summary}).")
        if report.texts_attached:
            self.stdout.write(f"Texts attached from {texts_dir}: {len(report.texts_attached)}.")
        if report.texts_missing or not report.texts_attached:
            self.stdout.write(
                f"Texts not found in {texts_dir}: the corpus is loaded without them "
                "(quotes stay unverified). Set DEMO_TEXTS_DIR to attach them."
            )
