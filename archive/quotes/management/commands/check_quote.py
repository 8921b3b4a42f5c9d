import json

from django.core.management.base import BaseCommand, CommandError

from archive.authors.models import Author
from archive.quotes import verification
from archive.quotes.models import Quote
from archive.sources.models import Contribution, Source


class Command(BaseCommand):
    help = "Check whether TEXT is really in a source, and say how (nothing is saved)."

    def add_arguments(self, parser):
        parser.add_argument("text")
        parser.add_argument("--source", required=True, help="The source's slug.")
        parser.add_argument(
            "--speaker", default="", help="The speaker's slug: checks whose turn the words are in."
        )
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        source = Source.objects.select_related("copy_of").filter(slug=options["source"]).first()
        if source is None:
            raise CommandError(f"No source with the slug {options['source']!r}.")
        role = None
        if options["speaker"]:
            speaker = Author.objects.filter(slug=options["speaker"]).first()
            if speaker is None:
                raise CommandError(f"No person with the slug {options['speaker']!r}.")
            roles = Contribution.objects.filter(source=source, author=speaker).values_list(
                "role", flat=True
            )
            role = Quote.speaker_role_for(roles)
        result, details = verification.check(options["text"], source, speaker_role=role)
        out = {
            "verdict": details.get("verdict", "unverified"),
            "start": details.get("start"),
            "end": details.get("end"),
            "source_wording": details.get("source_wording", ""),
            "normalizations": details.get("normalizations", []),
            "diff": details.get("diff", []),
            "flags": details.get("flags", []),
        }
        if "original" in details:
            out["original"] = details["original"]
        if options["json"]:
            self.stdout.write(json.dumps(out, ensure_ascii=False))
            return
        self.stdout.write(f"verdict: {out['verdict']}")
        if out["start"] is not None:
            self.stdout.write(f"at: {out['start']}–{out['end']}")
        if out["source_wording"] and out["source_wording"] != options["text"]:
            self.stdout.write(f"the source says: {out['source_wording']!r}")
        if out["normalizations"]:
            self.stdout.write(f"normalised: {', '.join(out['normalizations'])}")
        for flag in out["flags"]:
            self.stdout.write(f"flag: {flag}: {verification.FLAG_EXPLANATIONS.get(flag, '')}")
        if "original" in out:
            self.stdout.write(
                f"the original ({out['original']['slug']}) says: {out['original']['wording']!r}"
            )
