import datetime
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.core.models import DatePrecision
from archive.sources.importer import ImportOptions, import_file, parse_author
from archive.sources.models import Source
from archive.textkit import ImportProblem


def parse_date(value: str) -> tuple[datetime.date, str]:
    """``2025-05-30``, ``2025-05`` or ``2025``, with the precision it gives."""
    try:
        if len(value) == 4:
            return datetime.date(int(value), 1, 1), DatePrecision.YEAR
        if len(value) == 7:
            year, month = value.split("-")
            return datetime.date(int(year), int(month), 1), DatePrecision.MONTH
        return datetime.date.fromisoformat(value), DatePrecision.DAY
    except ValueError:
        raise CommandError(f"--published {value!r}: expected YYYY-MM-DD, YYYY-MM or YYYY") from None


class Command(BaseCommand):
    help = (
        "Import plain-text or HTML files as sources: detect the encoding, extract HTML, remove "
        "boilerplate, repair glued words, recognise interview turns, find copies of stored "
        "sources. Each file is imported on its own; one that fails writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--outlet", default="", help="The outlet's name.")
        parser.add_argument("--title", default="")
        parser.add_argument("--published", default="", help="YYYY-MM-DD, YYYY-MM or YYYY.")
        parser.add_argument("--kind", default="", choices=["", *Source.Kind.values])
        parser.add_argument(
            "--author",
            action="append",
            default=[],
            metavar="NAME:ROLE",
            help="A person and their role (author, co_author, interviewer, interviewee, ...); "
            "repeatable.",
        )
        parser.add_argument("--url", default="", help="The original URL.")
        parser.add_argument(
            "--status", default="draft", choices=["draft", "in_review", "published"]
        )
        parser.add_argument("--dry-run", action="store_true", help="Report, but write nothing.")
        parser.add_argument("--json", action="store_true", help="One JSON object per file.")

    def handle(self, *args, **options):
        try:
            authors = [parse_author(value) for value in options["author"]]
        except ImportProblem as problem:
            raise CommandError(problem.reason) from None
        published, precision = (
            parse_date(options["published"]) if options["published"] else (None, "day")
        )
        import_options = ImportOptions(
            outlet=options["outlet"],
            title=options["title"],
            published=published,
            date_precision=precision,
            kind=options["kind"],
            authors=authors,
            url=options["url"],
            status=options["status"],
            dry_run=options["dry_run"],
        )
        files = options["files"]
        progress = len(files) > 1 and sys.stderr.isatty() and not options["json"]
        failed = 0
        for n, path in enumerate(files, 1):
            if progress:
                bar = "#" * (30 * n // len(files))
                sys.stderr.write(f"\r[{bar:<30}] {n}/{len(files)} {path.name[:40]:<40}")
                sys.stderr.flush()
            result = import_file(path, import_options)
            failed += not result.ok
            self.report(result, options)
        if progress:
            sys.stderr.write("\n")
        if failed:
            raise CommandError(f"{failed} of {len(files)} file(s) could not be imported.")

    def report(self, result, options):
        if options["json"]:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False))
            if not result.ok:
                self.stderr.write(f"{result.name}: {result.error}")
            return
        if not result.ok:
            self.stderr.write(self.style.ERROR(f"{result.name}: not imported: {result.error}"))
            return
        source, cleaned = result.source, result.cleaned
        verb = "would import" if options["dry_run"] else "imported"
        self.stdout.write(
            self.style.SUCCESS(f"{result.name}: {verb} as {source.slug!r} ({source.title})")
        )
        for span in cleaned.removed:
            preview = " ".join(span.text.split())[:70]
            self.stdout.write(f"  removed ({span.reason}): {preview!r}")
        for repair in cleaned.repairs:
            self.stdout.write(f"  repaired: {repair.original!r} -> {repair.replacement!r}")
        if cleaned.turns:
            roles = [turn.role for turn in cleaned.turns]
            self.stdout.write(
                f"  interview: {roles.count('question')} questions, {roles.count('answer')} answers"
            )
        if result.copy_of:
            copy = result.copy_of.get("copy", source.slug)
            self.stdout.write(
                f"  copy: {copy!r} is a {result.copy_of['kind']} copy of "
                f"{result.copy_of['slug']!r} (score {result.copy_of['score']})"
            )
        for warning in result.warnings:
            self.stdout.write(self.style.WARNING(f"  warning: {warning}"))
