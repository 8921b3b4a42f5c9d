"""Load the founding corpus: ``archive/core/data/demo_corpus.json``.

The data file is written by our editors from the five founding texts. It holds metadata, themes,
claims and verbatim quotes, but not the articles themselves. When the texts are available
(``DEMO_TEXTS_DIR``, by default ``../shared/seeds``), each is attached to its source, after checking
its SHA-256, with the boilerplate the editors listed removed; the quotes are then anchored in it.
Loading is idempotent: every row is found by its natural key and updated in place.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from archive.authors.models import Affiliation, Author
from archive.claims.models import Claim, ClaimRelation, Theme
from archive.core.corpus_schema import CorpusError
from archive.core.models import DatePrecision, Status
from archive.quotes.models import Quote
from archive.sources import services
from archive.sources.models import Contribution, Outlet, Source
from archive.textkit import ImportProblem, clean_document

DEFAULT_CORPUS = Path(__file__).resolve().parent / "data" / "demo_corpus.json"


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=dict)
    texts_attached: list[str] = field(default_factory=list)
    texts_missing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def count(self, label: str, created: bool) -> None:
        self.created.setdefault(label, 0)
        if created:
            self.created[label] += 1


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load_corpus(data: dict, texts_dir: Path | None) -> LoadReport:
    report = LoadReport()
    outlets = {}
    for row in data["outlets"]:
        outlets[row["slug"]], created = Outlet.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "kind": row["kind"],
                "homepage": row.get("homepage", ""),
                "description": row.get("description", ""),
            },
        )
        report.count("outlets", created)

    authors = {}
    for row in data["authors"]:
        author, created = Author.objects.update_or_create(
            slug=row["slug"],
            defaults={
                key: row.get(key, "") or ""
                for key in (
                    "name",
                    "sort_name",
                    "description",
                    "bio",
                    "wikidata_qid",
                    "orcid",
                    "homepage",
                )
            }
            | {"kind": row.get("kind") or Author.Kind.EXPERT},
        )
        authors[row["slug"]] = author
        report.count("authors", created)
        for affiliation in row.get("affiliations", []):
            _, created = Affiliation.objects.update_or_create(
                author=author,
                organisation=affiliation["organisation"],
                title=affiliation.get("title", ""),
                start_date=_date(affiliation.get("start_date")),
                defaults={"end_date": _date(affiliation.get("end_date"))},
            )
            report.count("affiliations", created)

    themes = {}
    for row in data["themes"]:
        themes[row["slug"]], created = Theme.objects.update_or_create(
            slug=row["slug"],
            defaults={"name": row["name"], "description": row.get("description", "")},
        )
        report.count("themes", created)
    for row in data["themes"]:
        parent = themes.get(row.get("parent")) if row.get("parent") else None
        if themes[row["slug"]].parent_id != (parent.pk if parent else None):
            themes[row["slug"]].parent = parent
            themes[row["slug"]].save(update_fields=["parent"])

    claims = {}
    for row in data["claims"]:
        claim, created = Claim.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "statement": row["statement"],
                "status": row.get("status") or Status.PUBLISHED,
                "editor_note": row.get("editor_note", ""),
            },
        )
        claim.themes.set([themes[slug] for slug in row.get("themes", [])])
        claims[row["slug"]] = claim
        report.count("claims", created)
    for row in data["claims"]:
        for relation in row.get("relations", []):
            _, created = ClaimRelation.objects.update_or_create(
                from_claim=claims[row["slug"]],
                to_claim=claims[relation["to"]],
                kind=relation["kind"],
                defaults={"note": relation.get("note", "")},
            )
            report.count("claim relations", created)

    sources = {}
    for row in data["sources"]:
        sources[row["slug"]] = _load_source(row, outlets, authors, texts_dir, report)
    for row in data["sources"]:
        source = sources[row["slug"]]
        original = sources.get(row.get("copy_of")) if row.get("copy_of") else None
        if (source.copy_of_id, source.copy_kind) != (
            original and original.pk,
            row.get("copy_kind", ""),
        ):
            source.copy_of, source.copy_kind = original, row.get("copy_kind", "")
            source.copy_score = row.get("copy_score")
            services.save_source(source)

    _check_copies(sources, report)
    for i, row in enumerate(data["quotes"]):
        _load_quote(i, row, sources, authors, themes, claims, report)
    return report


def _check_copies(sources, report) -> None:
    """The importer's copy detection must agree with the editors' links."""
    from archive.sources.importer import find_copy

    for source in sources.values():
        if not source.has_text:
            continue
        found = find_copy(source)
        if found is None:
            if source.copy_of_id and source.copy_of.has_text:
                report.warnings.append(f"{source.slug}: the importer finds no original")
            continue
        other, match = found
        original, copy = (other, source) if match.original_is == "a" else (source, other)
        if copy.copy_of_id != original.pk or copy.copy_kind != match.kind:
            report.warnings.append(
                f"{source.slug}: the importer finds {copy.slug} a {match.kind} copy of "
                f"{original.slug}, unlike the editors"
            )


def _load_source(row, outlets, authors, texts_dir, report) -> Source:
    fields = {
        "title": row["title"],
        "outlet": outlets.get(row.get("outlet")) if row.get("outlet") else None,
        "kind": row["kind"],
        "original_url": row.get("original_url", "") or "",
        "archived_url": row.get("archived_url", "") or "",
        "language": row.get("language") or "en",
        "published_on": _date(row.get("published_on")),
        "date_precision": row.get("date_precision") or DatePrecision.DAY,
        "status": row.get("status") or Status.PUBLISHED,
        "summary": row.get("summary", ""),
        "editor_note": row.get("editor_note", ""),
    }
    source = Source.objects.filter(slug=row["slug"]).first()
    created = source is None
    source = source or Source(slug=row["slug"])
    for name, value in fields.items():
        setattr(source, name, value)
    try:
        source.full_clean(exclude=["copy_of", "copy_kind", "slug"] if created else ["copy_of"])
    except ValidationError as exc:
        raise CorpusError(f"source {row['slug']}: {exc}") from exc
    raw = _read_seed(row, texts_dir, report)
    if raw is not None:
        # The same pipeline as ``import_source``: decode, remove boilerplate (what it detects and
        # what the editors listed), repair glued words, find the interview's turns.
        names = [authors[c["author"]].name for c in row.get("contributions", [])]
        removals = [(b["text"], b.get("reason", "other")) for b in row.get("boilerplate", [])]
        try:
            cleaned = clean_document(raw, filename=row["seed"], authors=names, removals=removals)
        except ImportProblem as exc:
            raise CorpusError(f"source {row['slug']}: {exc.reason}") from exc
        services.apply_cleaned(source, cleaned)
    else:
        services.save_source(source)
    report.count("sources", created)

    for contribution in row.get("contributions", []):
        _, created = Contribution.objects.update_or_create(
            source=source,
            author=authors[contribution["author"]],
            role=contribution["role"],
            defaults={
                "order": contribution.get("order", 1),
                "attribution": contribution.get("attribution") or "byline",
                "note": contribution.get("note", ""),
            },
        )
        report.count("contributions", created)
    return source


def _read_seed(row, texts_dir, report) -> str | None:
    seed = row.get("seed")
    if not seed:
        return None
    path = texts_dir / seed if texts_dir else None
    if path is None or not path.is_file():
        report.texts_missing.append(seed)
        return None
    data = path.read_bytes()
    expected = row.get("seed_sha256")
    if expected and hashlib.sha256(data).hexdigest() != expected:
        report.warnings.append(
            f"{path}: SHA-256 differs from the curated text; not attached to {row['slug']}"
        )
        return None
    report.texts_attached.append(seed)
    return data


def _load_quote(i, row, sources, authors, themes, claims, report) -> None:
    source, speaker = sources[row["source"]], authors[row["speaker"]]
    quote = Quote.objects.filter(source=source, speaker=speaker, text=row["text"]).first()
    created = quote is None
    quote = quote or Quote(source=source, speaker=speaker, text=row["text"])
    quote.speaker_role = row["speaker_role"]
    quote.prefix, quote.suffix = row.get("prefix", ""), row.get("suffix", "")
    quote.said_on = _date(row.get("said_on"))
    quote.said_on_precision = row.get("said_on_precision") or DatePrecision.DAY
    quote.status = row.get("status") or Status.PUBLISHED
    try:
        quote.full_clean(exclude=["themes", "claims"])
    except ValidationError as exc:
        raise CorpusError(f"quotes[{i}] ({row['text'][:40]!r}…): {exc}") from exc
    quote.save()
    quote.themes.set([themes[slug] for slug in row.get("themes", [])])
    quote.claims.set([claims[slug] for slug in row.get("claims", [])])
    flags = quote.verification.get("flags", [])
    if source.has_text and (not quote.is_verified or flags):
        report.warnings.append(
            f"quotes[{i}] does not verify in {source.slug} ({quote.verdict}"
            f"{', ' + ', '.join(flags) if flags else ''}): {row['text'][:60]!r}"
        )
    report.count("quotes", created)
