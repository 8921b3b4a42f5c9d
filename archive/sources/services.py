"""Writes that touch a source and what hangs off it (its quotes). Used by the admin, the
commands and the tests alike."""

from dataclasses import dataclass

from django.db import transaction

from archive.sources.models import Source


@dataclass(frozen=True)
class Removal:
    """A span of the received text that is not the author's commentary, and why."""

    text: str
    reason: str


class CleaningError(ValueError):
    pass


def clean_text(raw_text: str, removals: list[Removal]) -> str:
    """Remove each listed span from the raw text.

    Every span must occur exactly once, so a removal can never take out a sentence of the author's
    by accident; blank lines left behind are collapsed.
    """
    text = raw_text.replace("\r\n", "\n").replace("\r", "\n")
    for removal in removals:
        count = text.count(removal.text)
        if count != 1:
            raise CleaningError(
                f"boilerplate span ({removal.reason}) must occur exactly once, found {count}: "
                f"{removal.text[:60]!r}"
            )
        text = text.replace(removal.text, "", 1)
    lines = [line.rstrip() for line in text.split("\n")]
    cleaned, blank = [], False
    for line in lines:
        if not line.strip():
            blank = bool(cleaned)
            continue
        if blank:
            cleaned.append("")
        cleaned.append(line)
        blank = False
    return "\n".join(cleaned)


@transaction.atomic
def save_source(source: Source) -> Source:
    """Save a source and keep its quotes consistent: dates they inherit, anchors in its text."""
    previous = (
        Source.objects.filter(pk=source.pk).values(
            "text_sha256", "published_on", "date_precision", "copy_of_id"
        )
        if source.pk
        else None
    )
    previous = previous.first() if previous is not None else None
    source.save()
    if (
        previous is None
        or previous["text_sha256"] != source.text_sha256
        or (source.text and not source.fingerprints.exists())
    ):
        from archive.sources.importer import store_fingerprints

        store_fingerprints(source)
    if previous is None:
        return source
    if (previous["published_on"], previous["date_precision"]) != (
        source.published_on,
        source.date_precision,
    ):
        source.quotes.filter(said_on_from_source=True).update(
            said_on=source.published_on, said_on_precision=source.date_precision
        )
    if (previous["text_sha256"], previous["copy_of_id"]) != (source.text_sha256, source.copy_of_id):
        reverify_quotes(source)
    return source


def set_text(source: Source, raw_text: str, removals: list[Removal] = ()) -> Source:
    """Store the received text and its cleaned form, then re-anchor the source's quotes."""
    source.raw_text = raw_text
    source.text = clean_text(raw_text, list(removals))
    return save_source(source)


def apply_cleaned(source: Source, cleaned, warnings=None) -> Source:
    """Store what the import pipeline made of a received text (``textkit.Cleaned``), and re-verify
    the source's quotes against it."""
    source.raw_text = cleaned.raw_text
    source.text = cleaned.text
    source.removed_spans = removed_spans(cleaned)
    source.repairs = [
        {"start": r.start, "end": r.end, "from": r.original, "to": r.replacement}
        for r in cleaned.repairs
    ]
    source.turns = [{"start": t.start, "end": t.end, "role": t.role} for t in cleaned.turns]
    source.import_warnings = list(cleaned.warnings if warnings is None else warnings)
    return save_source(source)


def removed_spans(cleaned) -> list[dict]:
    """What cleaning removed, as stored on the source and reported by ``import_source --json``."""
    return [
        {"start": s.start, "end": s.end, "reason": s.reason, "text": s.text}
        for s in cleaned.removed
    ]


def reverify_quotes(source: Source) -> int:
    count = 0
    for quote in source.quotes.all():
        quote.source = source
        quote.save()
        count += 1
    return count
