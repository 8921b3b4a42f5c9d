"""Import a source from a file: decode, extract, clean, repair, find its turns, find its copies.

Used by ``manage.py import_source``, ``load_demo`` and the tests alike. Each file is imported in its
own transaction: a file that cannot be imported writes nothing, and says why.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import Count
from django.utils.text import slugify

from archive.authors.models import Author
from archive.core.models import DatePrecision, Status
from archive.sources import copies, services
from archive.sources.models import Contribution, Outlet, Source, SourceFingerprint
from archive.textkit import MAX_BYTES, Cleaned, ImportProblem, clean_document

CANDIDATES = 5  # stored sources sharing the most band keys that are compared in full


@dataclass
class ImportOptions:
    outlet: str = ""
    title: str = ""
    published: datetime.date | None = None
    date_precision: str = DatePrecision.DAY
    kind: str = ""
    authors: list[tuple[str, str]] = field(default_factory=list)  # (name, contribution role)
    url: str = ""
    status: str = Status.DRAFT
    slug: str = ""
    removals: list[tuple[str, str]] = field(default_factory=list)  # editor-listed (text, reason)
    dry_run: bool = False


@dataclass
class ImportResult:
    name: str
    source: Source | None = None
    cleaned: Cleaned | None = None
    copy_of: dict | None = None
    relinked: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    def as_dict(self) -> dict:
        if self.error:
            return {"file": self.name, "error": self.error}
        cleaned = self.cleaned
        return {
            "file": self.name,
            "source": {
                "id": self.source.pk,
                "slug": self.source.slug,
                "title": self.source.title,
            },
            "removed": services.removed_spans(cleaned),
            "repairs": [{"from": r.original, "to": r.replacement} for r in cleaned.repairs],
            "copy_of": self.copy_of,
            "relinked": self.relinked,
            "warnings": self.warnings,
        }


class _DryRun(Exception):
    pass


def parse_author(value: str) -> tuple[str, str]:
    """``"Sergey Radchenko:interviewee"`` → (name, role); the role defaults to author."""
    name, _, role = value.rpartition(":") if ":" in value else (value, "", "author")
    name, role = name.strip(), (role.strip() or "author").lower().replace("-", "_")
    if not name:
        raise ImportProblem(f"{value!r}: an author needs a name (NAME:ROLE)")
    if role not in Contribution.Role.values:
        raise ImportProblem(
            f"{value!r}: role {role!r} is not one of {', '.join(Contribution.Role.values)}"
        )
    return name, role


def read_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportProblem("the file is larger than 5 MB")
        return path.read_bytes()
    except FileNotFoundError:
        raise ImportProblem("no such file") from None
    except IsADirectoryError:
        raise ImportProblem("it is a directory, not a file") from None
    except PermissionError:
        raise ImportProblem("the file cannot be read (permission denied)") from None


def import_file(path: Path, options: ImportOptions) -> ImportResult:
    try:
        data = read_file(path)
    except ImportProblem as problem:
        return ImportResult(str(path), error=problem.reason)
    return import_bytes(data, options, name=str(path))


def import_bytes(data: bytes, options: ImportOptions, *, name: str = "<data>") -> ImportResult:
    result = ImportResult(name)
    try:
        names = [author for author, _role in options.authors]
        result.cleaned = clean_document(
            data, filename=name, authors=names, removals=options.removals
        )
        with transaction.atomic():
            _store(result, options)
            if options.dry_run:
                raise _DryRun
    except _DryRun:
        pass
    except ImportProblem as problem:
        result.error = problem.reason
        result.source = None
    return result


# --- storing ---------------------------------------------------------------------------------


def _store(result: ImportResult, options: ImportOptions) -> None:
    cleaned = result.cleaned
    meta = cleaned.metadata
    result.warnings = list(cleaned.warnings)
    title = options.title or meta.get("title") or _first_line(cleaned.text)
    published, precision = options.published, options.date_precision
    if published is None and meta.get("date"):
        try:
            published = datetime.date.fromisoformat(meta["date"][:10])
        except ValueError:
            result.warnings.append(f"ignored the page's date {meta['date']!r}")
    if published is None:
        result.warnings.append("no publication date: give one with --published")
    kind = options.kind or (Source.Kind.INTERVIEW if cleaned.turns else Source.Kind.ESSAY)
    if kind not in Source.Kind.values:
        raise ImportProblem(f"kind {kind!r} is not one of {', '.join(Source.Kind.values)}")
    outlet = _outlet(options.outlet or meta.get("sitename") or "")
    _refuse_duplicate(cleaned, outlet)

    source = Source(
        title=title[:500],
        slug=options.slug or _unique_slug(title, published),
        outlet=outlet,
        kind=kind,
        original_url=options.url or meta.get("url") or "",
        published_on=published,
        date_precision=precision,
        status=options.status,
    )
    source.full_clean(exclude=["copy_of", "slug"] if options.slug else ["copy_of"])
    services.apply_cleaned(source, cleaned, warnings=result.warnings)
    _credit(source, options.authors, meta.get("authors") or [], cleaned.text)
    result.source = source
    _link_copies(result, source)


def _refuse_duplicate(cleaned: Cleaned, outlet) -> None:
    """The same file again, or the same text in the same outlet, is a duplicate. The same text
    elsewhere is a syndicated copy, and is linked as one."""
    sha = Source.compute_sha256(cleaned.text)
    for other in Source.objects.filter(text_sha256=sha).only("slug", "raw_text", "outlet_id"):
        if other.raw_text == cleaned.raw_text or other.outlet_id == (outlet and outlet.pk):
            raise ImportProblem(f"the same text is already stored as source {other.slug!r}")


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "Untitled")[:200]


def _unique_slug(title: str, published) -> str:
    base = slugify(title)[:80].strip("-") or "source"
    if published:
        base = f"{base}-{published:%Y}"
    slug, n = base, 2
    while Source.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _outlet(name: str) -> Outlet | None:
    name = name.strip()
    if not name:
        return None
    slug = slugify(name)[:200] or "outlet"
    outlet = Outlet.objects.filter(slug=slug).first() or Outlet.objects.filter(name=name).first()
    return outlet or Outlet.objects.create(name=name, slug=slug, kind=Outlet.Kind.OTHER)


def _author(name: str) -> Author:
    slug = slugify(name)[:200] or "person"
    author = Author.objects.filter(slug=slug).first()
    if author is None:
        parts = name.rsplit(" ", 1)
        sort_name = f"{parts[1]}, {parts[0]}" if len(parts) == 2 else name
        author = Author.objects.create(name=name, slug=slug, sort_name=sort_name)
    return author


def _credit(source, given, from_page, text) -> None:
    order = 1
    for name, role in given:
        in_text = re.search(re.escape(name), text, flags=re.IGNORECASE)
        Contribution.objects.get_or_create(
            source=source,
            author=_author(name),
            role=role,
            defaults={
                "order": order,
                "attribution": "byline" if in_text else "editor_inferred",
                "note": "" if in_text else "Given at import; the name is not in the text.",
            },
        )
        order += 1
    given_names = {name.lower() for name, _ in given}
    for name in from_page:
        if name.lower() in given_names:
            continue
        Contribution.objects.get_or_create(
            source=source,
            author=_author(name),
            role=Contribution.Role.AUTHOR,
            defaults={"order": order, "attribution": "outlet_metadata"},
        )
        order += 1


# --- copies ----------------------------------------------------------------------------------


def band_keys(text: str) -> set[int]:
    keys = set()
    for kind in copies.KINDS:
        keys.update(copies.band_keys(copies.signature(text, kind=kind), kind=kind))
    return keys


def store_fingerprints(source: Source) -> None:
    source.fingerprints.all().delete()
    if source.text:
        SourceFingerprint.objects.bulk_create(
            [SourceFingerprint(source=source, key=key) for key in band_keys(source.text)]
        )


def candidates(source: Source, limit: int = CANDIDATES) -> list[int]:
    """Stored sources sharing the most band keys with ``source`` (one indexed query)."""
    keys = source.fingerprints.values("key")
    rows = (
        SourceFingerprint.objects.filter(key__in=keys)
        .exclude(source=source)
        .values("source")
        .annotate(shared=Count("pk"))
        .order_by("-shared", "source")[:limit]
    )
    return [row["source"] for row in rows]


def _meta(source: Source) -> dict:
    published = source.published_on.isoformat() if source.published_on else None
    if published and source.date_precision == DatePrecision.YEAR:
        published = published[:4]
    elif published and source.date_precision == DatePrecision.MONTH:
        published = published[:7]
    return {"published": published, "kind": source.outlet.kind if source.outlet else ""}


def find_copy(source: Source):
    """The best (other source, CopyMatch) for ``source`` among its candidates, or None."""
    best = None
    for other in Source.objects.filter(pk__in=candidates(source)).select_related("outlet"):
        if not other.text:
            continue
        match = copies.classify(other.text, source.text, a_meta=_meta(other), b_meta=_meta(source))
        if match and (best is None or match.score > best[1].score):
            best = (other, match)
    return best


def _link_copies(result: ImportResult, source: Source) -> None:
    found = find_copy(source)
    if found is None:
        return
    other, match = found
    if match.original_is == "a":  # the stored source is the original
        original, copy = other, source
    else:  # the new source is the original of a stored copy: re-link it
        original, copy = source, other
        result.relinked.append(other.slug)
    if original.copy_of_id == copy.pk:  # they were linked the other way round
        original.copy_of, original.copy_kind, original.copy_score = None, "", None
        services.save_source(original)
    if original.copy_of_id and original.copy_of_id != copy.pk:
        original = original.copy_of  # a copy of a copy points at the first original
    copy.copy_of, copy.copy_kind = original, match.kind
    copy.copy_score = round(max(0.0, min(1.0, match.score)), 4)
    services.save_source(copy)
    result.copy_of = {"slug": original.slug, "kind": match.kind, "score": copy.copy_score}
    if copy.pk != source.pk:  # a stored source was re-linked to the new one
        result.copy_of["copy"] = copy.slug
        source.refresh_from_db()
